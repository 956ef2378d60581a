/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two years of one organ side by side: every figure with its change, the
 * totals of each table, and the text parts with their similarity and
 * differences.
 */
#pragma once

#include <glib.h>

#include "nb-report.h"

G_BEGIN_DECLS

/* One figure or total in both years. Blank is not 0: a change is known
 * only when both years are filled in. */
typedef struct
{
  gboolean has_last;
  gboolean has_this;
  gint64 last;
  gint64 this_year;
  gboolean has_change;   /* both filled in (and the difference fits) */
  gint64 change;         /* this_year - last */
  gboolean has_percent;  /* has_change, and last ≠ 0 */
  gint64 permille;       /* change / last in tenths of a percent, rounded half away from 0 */
} NbCompareValue;

/* The totals: the counts of each table (total cells left out, so nothing is
 * counted twice) and, apart, the fee. */
typedef enum
{
  NB_COMPARE_TOTAL_T2,
  NB_COMPARE_TOTAL_FEES,
  NB_COMPARE_TOTAL_T3,
  NB_COMPARE_TOTAL_T4,
  NB_COMPARE_N_TOTALS
} NbCompareTotal;

typedef enum
{
  NB_DIFF_EQUAL,
  NB_DIFF_REMOVED,  /* in last year's text only */
  NB_DIFF_ADDED,    /* in this year's text only */
} NbDiffOp;

typedef struct
{
  NbDiffOp op;
  char *text;
} NbDiffRun;

/* A text part of either year; parts of last year that nothing of this year
 * answers to come after the parts of this year of their section. */
typedef struct
{
  NbTextSection section;
  int this_index;        /* -1: only last year has it */
  int last_index;        /* -1: new this year */
  const char *heading;   /* this year's, else last year's */
  const char *this_body; /* NULL when absent */
  const char *last_body;
  double similarity;     /* nb_similarity(); -1 when one side is absent */
} NbComparePart;

typedef struct NbComparison NbComparison;

NbComparison         *nb_compare                      (NbReport       *this_year,
                                                       NbReport       *last_year);
void                  nb_comparison_free              (NbComparison   *comparison);

NbReport             *nb_comparison_get_this_year     (NbComparison   *comparison);
NbReport             *nb_comparison_get_last_year     (NbComparison   *comparison);

const NbCompareValue *nb_comparison_get_figure        (NbComparison   *comparison,
                                                       guint           cell);
/* Blank in one year only, or both filled in with different values. */
gboolean              nb_comparison_figure_changed    (NbComparison   *comparison,
                                                       guint           cell);
guint                 nb_comparison_count_changed     (NbComparison   *comparison);
const NbCompareValue *nb_comparison_get_total         (NbComparison   *comparison,
                                                       NbCompareTotal  total);
/* The section heading a total stands for (二、主动公开政府信息情况 …). */
const char           *nb_compare_total_heading        (NbCompareTotal  total);
const char           *nb_compare_total_key            (NbCompareTotal  total);
NbCellKind            nb_compare_total_kind           (NbCompareTotal  total);

guint                 nb_comparison_get_n_parts       (NbComparison   *comparison);
const NbComparePart  *nb_comparison_get_part          (NbComparison   *comparison,
                                                       guint           index);
/* The differences of a part, character by character, as runs of
 * NbDiffRun, computed on first use. Texts too far apart to diff cheaply
 * give one removed and one added run between their common ends. */
GPtrArray            *nb_comparison_get_part_diff     (NbComparison   *comparison,
                                                       guint           index);
/* W6 at the default threshold. (transfer none) */
GPtrArray            *nb_comparison_get_findings      (NbComparison   *comparison);

/* "+12.5%", "-3.0%", "0.0%", or NULL when unknown. */
char                 *nb_compare_format_percent       (const NbCompareValue *value);

/* A standalone diff of two texts, for whoever needs one. */
GPtrArray            *nb_compare_diff_texts           (const char     *last,
                                                       const char     *now);

char                 *nb_compare_to_json              (NbComparison   *comparison,
                                                       gboolean        changed_only);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbComparison, nb_comparison_free)

G_END_DECLS
