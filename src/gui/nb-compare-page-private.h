/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What nb-compare-page.c shares with nb-compare-texts.c.
 */
#pragma once

#include <gtk/gtk.h>

#include "nb-compare.h"
#include "nb-compare-page.h"
#include "nb-report.h"

G_BEGIN_DECLS

/* Appends to @box the head of the two columns and a card for every text
 * part of @comparison (of @previous against @report), under its section's
 * title; the cards of unchanged parts are hidden when @changed_only. */
void nb_compare_texts_fill (GtkBox       *box,
                            NbComparison *comparison,
                            NbReport     *previous,
                            NbReport     *report,
                            gboolean      changed_only);

G_END_DECLS
