/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "nb-aggregate.h"
#include "nb-rules.h"
#include "years-util.h"

static GPtrArray *
make_organs (guint n, guint year)
{
  GPtrArray *reports = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("示例区第%u局", i + 1);

      g_ptr_array_add (reports, years_make_report (name, year, i));
    }
  return reports;
}

static void
test_sums (void)
{
  g_autoptr(GPtrArray) reports = make_organs (4, 2024);
  g_autoptr(NbReport) sum = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  /* blank in one report: the others still add up; blank in all: blank */
  nb_report_clear_figure (g_ptr_array_index (reports, 1), years_cell ("t2.coercion.decisions"));
  for (guint i = 0; i < reports->len; i++)
    nb_report_clear_figure (g_ptr_array_index (reports, i), years_cell ("t2.rules.repealed"));

  sum = nb_aggregate (reports, "示例区政府办公室", 2024, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sum);
  g_assert_cmpstr (nb_report_get_organ_name (sum), ==, "示例区政府办公室");
  g_assert_cmpuint (nb_report_get_year (sum), ==, 2024);
  g_assert_null (nb_report_get_organ_field (sum, NB_ORGAN_ADDRESS));
  g_assert_null (nb_report_get_issued (sum));
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    g_assert_cmpuint (nb_report_get_n_parts (sum, s), ==, 0);

  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    {
      gint64 expected = 0, value;
      gboolean any = FALSE;

      for (guint i = 0; i < reports->len; i++)
        if (nb_report_get_figure (g_ptr_array_index (reports, i), cell, &value))
          {
            expected += value;
            any = TRUE;
          }
      g_assert_cmpint (nb_report_has_figure (sum, cell), ==, any);
      if (any)
        g_assert_cmpint (years_get (sum, nb_format_cell (cell)->id), ==, expected);
    }
  g_assert_false (nb_report_has_figure (sum, years_cell ("t2.rules.repealed")));
  g_assert_cmpint (years_get (sum, "t2.coercion.decisions"), ==, 27);
  g_assert_cmpint (years_get (sum, "t2.fees.amount"), ==,
                   4 * G_GINT64_CONSTANT (96171600000) + 0 + 1 + 2 + 3);
  g_assert_cmpint (years_get (sum, "t2.license.decisions"), ==, 4 * 3985758 + 6);

  /* sums of valid reports are valid: no rule error */
  g_clear_pointer (&reports, g_ptr_array_unref);
  reports = make_organs (5, 2024);
  g_clear_object (&sum);
  sum = nb_aggregate (reports, "示例区政府办公室", 2024, &error);
  g_assert_no_error (error);
  findings = nb_rules_check (sum, NULL);
  for (guint i = 0; i < reports->len; i++)
    {
      g_autoptr(GPtrArray) own = nb_rules_check (g_ptr_array_index (reports, i), NULL);

      g_assert_cmpuint (nb_findings_count (own, NB_SEVERITY_ERROR), ==, 0);
    }
  g_assert_cmpuint (nb_findings_count (findings, NB_SEVERITY_ERROR), ==, 0);

  /* …and a sum of a broken report is broken the same way */
  years_set (g_ptr_array_index (reports, 2), "t3.new.total", 0);
  g_clear_object (&sum);
  g_clear_pointer (&findings, g_ptr_array_unref);
  sum = nb_aggregate (reports, "示例区政府办公室", 2024, &error);
  findings = nb_rules_check (sum, NULL);
  g_assert_cmpuint (nb_findings_count (findings, NB_SEVERITY_ERROR), >, 0);
}

static void
test_errors (void)
{
  g_autoptr(GPtrArray) reports = make_organs (3, 2024);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  NbReport *sum;

  sum = nb_aggregate (none, "汇总", 2024, &error);
  g_assert_null (sum);
  g_assert_error (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_EMPTY);
  g_clear_error (&error);

  nb_report_set_year (g_ptr_array_index (reports, 1), 2023);
  sum = nb_aggregate (reports, "汇总", 2024, &error);
  g_assert_null (sum);
  g_assert_error (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_WRONG_YEAR);
  g_assert_nonnull (strstr (error->message, "示例区第2局"));
  g_assert_nonnull (strstr (error->message, "2023"));
  g_clear_error (&error);
  nb_report_set_year (g_ptr_array_index (reports, 1), 2024);

  years_set (g_ptr_array_index (reports, 0), "t2.penalty.decisions", G_MAXINT64 - 10);
  years_set (g_ptr_array_index (reports, 2), "t2.penalty.decisions", 11);
  sum = nb_aggregate (reports, "汇总", 2024, &error);
  g_assert_null (sum);
  g_assert_error (error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_OVERFLOW);
  g_assert_nonnull (strstr (error->message, "行政处罚"));
  g_clear_error (&error);

  /* right at the limit is fine */
  years_set (g_ptr_array_index (reports, 0), "t2.penalty.decisions", G_MAXINT64 - 10 - 412);
  years_set (g_ptr_array_index (reports, 2), "t2.penalty.decisions", 10);
  sum = nb_aggregate (reports, "汇总", 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpint (years_get (sum, "t2.penalty.decisions"), ==, G_MAXINT64);
  g_object_unref (sum);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/aggregate/sums", test_sums);
  g_test_add_func ("/aggregate/errors", test_errors);
  return g_test_run ();
}
