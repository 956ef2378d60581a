/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sums that the total cells should hold (R1, R2, R4), computed from the
 * figures they add up, and the "Fill in totals" edit that writes them.
 */
#pragma once

#include "nb-report.h"
#include "nb-undo-stack.h"

G_BEGIN_DECLS

/* For a total cell with at least one of its addends filled in: TRUE and
 * the sum in @value. FALSE for other cells and for totals of nothing. */
gboolean nb_totals_compute (NbReport    *report,
                            guint        cell,
                            gint64      *value);

/* Writes every computable total that differs, as one undo step; returns
 * how many cells changed. */
guint    nb_totals_fill    (NbUndoStack *undo);

G_END_DECLS
