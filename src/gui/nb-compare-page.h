/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 对比 page: this year beside last year (every figure with its change,
 * a "changed only" filter, the section totals, the text parts side by side
 * with their differences) and the trends of every stored year.
 */
#pragma once

#include <adwaita.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_TYPE_COMPARE_PAGE (nb_compare_page_get_type ())
G_DECLARE_FINAL_TYPE (NbComparePage, nb_compare_page, NB, COMPARE_PAGE, AdwBin)

NbComparePage *nb_compare_page_new         (void);

/* @previous NULL: no earlier year stored (the page says so). @history:
 * NbReport of every stored year of the organ, this year's stored state
 * included, or NULL. The page keeps references and shows them. */
void           nb_compare_page_set_reports (NbComparePage *self,
                                            NbReport      *report,
                                            NbReport      *previous,
                                            GPtrArray     *history);

/* @report changed: recompute what is shown (cheap when nothing did). */
void           nb_compare_page_update      (NbComparePage *self);

/* Shows one of the page's views: "figures", "texts" or "trends" (the
 * last only when two years or more are stored). */
void           nb_compare_page_show_view   (NbComparePage *self,
                                            const char    *name);

/* Signal "activate-cell" (guint cell): a figure row was activated; the
 * window opens the cell's page and focuses it. */

G_END_DECLS
