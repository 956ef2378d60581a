/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Comparing two years (figures, totals, similarity, W6) must take under
 * 1 ms, and diffing every text part of them too under 3 ms; summing 1 000
 * organs' reports under 300 ms.
 * Fails when a median passes its target.
 */
#include "config.h"

#include <stdlib.h>

#include "nb-aggregate.h"
#include "nb-compare.h"
#include "years-util.h"

#define COMPARE_TARGET_US 1000.0
#define DIFF_TARGET_US 3000.0
#define AGGREGATE_TARGET_MS 300.0

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* A few sentences of office prose, some changed from one year to the next. */
static void
write_texts (NbReport *report, guint year)
{
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    for (guint i = 0; i < nb_report_get_n_parts (report, s); i++)
      {
        GString *body = g_string_new (NULL);

        for (guint k = 0; k < 12; k++)
          g_string_append_printf (body, "本机关%s坚持以公开为常态、不公开为例外，第%u项工作%s推进，"
                                  "全年主动公开政府信息%u条，回应社会关切%u次。",
                                  k % 4 == (year % 4) ? "今年" : "持续", k,
                                  (k + year) % 3 ? "稳步" : "扎实", 100 + k * year % 97, k + 3);
        nb_report_set_part (report, s, i, nb_report_get_part_heading (report, s, i), body->str);
        g_string_free (body, TRUE);
      }
}

int
main (void)
{
  g_autoptr(NbReport) last = years_make_report ("示例市测试局", 2023, 0);
  g_autoptr(NbReport) now = years_make_report ("示例市测试局", 2024, 1);
  g_autoptr(GPtrArray) organs = g_ptr_array_new_with_free_func (g_object_unref);
  double runs[201], median, agg[7];
  glong chars = 0;
  int status = EXIT_SUCCESS;

  write_texts (last, 2023);
  write_texts (now, 2024);
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    for (guint i = 0; i < nb_report_get_n_parts (now, s); i++)
      chars += g_utf8_strlen (nb_report_get_part_body (now, s, i), -1);

  /* The comparison itself, then with the diff of every text part too
   * (the diffs are made on demand, for the parts on screen). */
  for (guint with_diffs = 0; with_diffs < 2; with_diffs++)
    {
      double target = with_diffs ? DIFF_TARGET_US : COMPARE_TARGET_US;

      for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
        {
          gint64 start = g_get_monotonic_time ();
          NbComparison *cmp = nb_compare (now, last);

          if (with_diffs)
            for (guint i = 0; i < nb_comparison_get_n_parts (cmp); i++)
              nb_comparison_get_part_diff (cmp, i);
          nb_comparison_free (cmp);
          runs[r] = (double) (g_get_monotonic_time () - start);
        }
      qsort (runs, G_N_ELEMENTS (runs), sizeof (double), compare_doubles);
      median = runs[G_N_ELEMENTS (runs) / 2];
      g_print ("compare two years (%ld characters of text)%s: median %.0f us, max %.0f us (target %.0f us)\n",
               chars, with_diffs ? ", every part diffed" : "", median,
               runs[G_N_ELEMENTS (runs) - 1], target);
      if (median > target)
        status = EXIT_FAILURE;
    }

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("示例区第%u局", i);

      g_ptr_array_add (organs, years_make_report (name, 2024, i));
    }
  for (guint r = 0; r < G_N_ELEMENTS (agg); r++)
    {
      gint64 start = g_get_monotonic_time ();
      NbReport *sum = nb_aggregate (organs, "示例区汇总", 2024, NULL);

      g_assert_nonnull (sum);
      g_object_unref (sum);
      agg[r] = (double) (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (agg, G_N_ELEMENTS (agg), sizeof (double), compare_doubles);
  median = agg[G_N_ELEMENTS (agg) / 2];
  g_print ("aggregate 1000 organs: median %.2f ms (target %.0f ms)\n", median, AGGREGATE_TARGET_MS);
  if (median > AGGREGATE_TARGET_MS)
    status = EXIT_FAILURE;
  return status;
}
