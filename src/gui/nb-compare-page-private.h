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

/* nb-compare-keys.c: a figure beside last year's, as the page writes it */
char *nb_compare_format_amount       (gboolean              known,
                                      gint64                value,
                                      NbCellKind            kind);
char *nb_compare_format_change       (const NbCompareValue *value,
                                      NbCellKind            kind);
char *nb_compare_format_percent_text (const NbCompareValue *value);
void  nb_compare_set_sign_class      (GtkWidget            *widget,
                                      const NbCompareValue *value);
/* Fills @grid with the key figures (NbTrend) of @report beside
 * @previous's; empties it when either is NULL. */
void  nb_compare_keys_fill           (GtkGrid              *grid,
                                      NbReport             *report,
                                      NbReport             *previous);

G_END_DECLS
