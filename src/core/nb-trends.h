/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The key figures of one organ over every stored year, and the chart that
 * shows them: what the editor's comparison page and the PDF's appendix
 * draw.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "nb-report.h"

G_BEGIN_DECLS

/* The key figures a reviewer follows from year to year. */
typedef enum
{
  NB_TREND_RECEIVED,        /* new requests: t3.new.total */
  NB_TREND_CARRIED_IN,      /* carried in from last year: t3.carried_in.total */
  NB_TREND_CARRIED_OUT,     /* carried over to next year: t3.carried_out.total */
  NB_TREND_DISCLOSED,       /* disclosed in full, partly, not disclosed … : */
  NB_TREND_PARTLY,          /*   the handling outcomes, column total */
  NB_TREND_NOT_DISCLOSED,
  NB_TREND_CANNOT_PROVIDE,
  NB_TREND_NOT_HANDLED,
  NB_TREND_OTHER,
  NB_TREND_REVIEWS,         /* administrative reviews: t4.review.total */
  NB_TREND_SUITS,           /* suits: t4.suit_direct.total + t4.suit_after_review.total */
  NB_TREND_IN_FORCE,        /* documents in force: t2.rules.in_force + t2.normative.in_force */
  NB_N_TRENDS
} NbTrend;

typedef struct NbTrends NbTrends;

/* @reports: NbReport of one organ, in any order (the same year twice
 * keeps the first). Takes its own references. */
NbTrends   *nb_trends_new             (GPtrArray *reports);
void        nb_trends_free            (NbTrends  *trends);

guint       nb_trends_get_n_years     (NbTrends  *trends);
/* Years ascending. */
guint       nb_trends_get_year        (NbTrends  *trends,
                                       guint      index);
/* FALSE when the figure is blank that year (a gap, not a 0). */
gboolean    nb_trends_get_value       (NbTrends  *trends,
                                       NbTrend    trend,
                                       guint      index,
                                       gint64    *value);
/* The key figure in one report, whatever its year; FALSE when blank (every
 * cell it sums is blank) or too large to sum. */
gboolean    nb_trend_read_report      (NbTrend    trend,
                                       NbReport  *report,
                                       gint64    *value);
/* The Chinese label of a key figure (收到申请数, 结转下年度继续办理 …). */
const char *nb_trend_get_label        (NbTrend    trend);

/* Draws the chart into the rectangle (0, 0, @width, @height) of @cr, in
 * the units of @cr (points for a PDF, pixels for a widget): one small
 * panel per key figure with its values over the years, labelled in
 * Chinese. The ink is @cr's source colour (set the widget's foreground
 * colour first; black by default). Draws nothing for no years.
 * @font_family NULL: the report's body font. */
void        nb_trends_draw            (NbTrends   *trends,
                                       cairo_t    *cr,
                                       double      width,
                                       double      height,
                                       const char *font_family);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbTrends, nb_trends_free)

G_END_DECLS
