/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * nianbao-cli new-year, compare and aggregate end to end, on a database in
 * a temporary directory filled from reports built in code.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "nb-json.h"
#include "nb-store.h"
#include "years-util.h"

static char *dir;
static char *db;

static int
run_cli (char **out, const char *first, ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LANGUAGE", "en", TRUE);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("NIANBAO_CLI"));
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, db);
  g_ptr_array_add (args, NULL);
  g_spawn_sync (NULL, (char **) args->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &text, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("stdout: %s\nstderr: %s", text, err);
  if (out != NULL)
    *out = g_steal_pointer (&text);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
store (NbReport *report)
{
  g_autoptr(NbStore) s = nb_store_open (db, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (s);
  g_assert_true (nb_store_save (s, report, NB_STORE_SAVE_NEW, "test", &error));
  g_assert_no_error (error);
}

static NbReport *
load (const char *organ, guint year)
{
  g_autoptr(NbStore) s = nb_store_open (db, NULL);

  return nb_store_load (s, organ, year, NULL);
}

static void
test_new_year_and_compare (void)
{
  g_autoptr(NbReport) last = years_make_report ("示例市测试局", 2023, 0);
  g_autoptr(NbReport) next = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  JsonObject *root;

  store (last);
  g_assert_cmpint (run_cli (NULL, "new-year", "--organ", "示例市测试局", "--year", "2023", NULL), ==, 1);
  g_assert_cmpint (run_cli (&out, "new-year", "--organ", "示例市测试局", "--year", "2024", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "7 figures carried over"));
  g_assert_nonnull (strstr (out, "text parts copied from 2023 as drafts"));
  g_clear_pointer (&out, g_free);
  /* refuses a year already stored */
  g_assert_cmpint (run_cli (NULL, "new-year", "--organ", "示例市测试局", "--year", "2024", NULL), ==, 1);

  next = load ("示例市测试局", 2024);
  g_assert_nonnull (next);
  g_assert_cmpint (years_get (next, "t3.carried_in.natural"), ==, years_get (last, "t3.carried_out.natural"));
  g_assert_false (nb_report_has_figure (next, years_cell ("t3.new.natural")));

  g_assert_cmpint (run_cli (NULL, "set", "--organ", "示例市测试局", "--year", "2024",
                            "t2.penalty.decisions", "450", NULL), ==, 0);
  g_assert_cmpint (run_cli (&out, "compare", "--organ", "示例市测试局", "--year", "2024",
                            "--changed-only", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "t2.penalty.decisions"));
  g_assert_nonnull (strstr (out, "+38"));      /* 412 → 450 */
  g_assert_nonnull (strstr (out, "+9.2%"));
  g_assert_nonnull (strstr (out, "W6"));
  {
    g_autofree char *all = NULL;

    /* the texts are unchanged copies: only the full listing shows them */
    g_assert_cmpint (run_cli (&all, "compare", "--organ", "示例市测试局", "--year", "2024", NULL), ==, 0);
    g_assert_cmpuint (strlen (all), >, strlen (out));
    g_assert_nonnull (strstr (all, "100% the same"));
    g_assert_null (strstr (out, "100% the same,"));
  }
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (&out, "compare", "--organ", "示例市测试局", "--year", "2024",
                            "--with", "2023", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "with"), ==, 2023);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "findings")), >, 0);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (NULL, "compare", "--organ", "示例市测试局", "--year", "2024",
                            "--with", "2019", NULL), ==, 1);
  g_assert_cmpint (run_cli (NULL, "compare", "--organ", "示例市测试局", "--year", "2024",
                            "--with", "2024", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, "compare", "--year", "2024", NULL), ==, 2);
}

static void
test_aggregate (void)
{
  g_autofree char *out = NULL;
  g_autoptr(NbReport) sum = NULL;

  for (guint i = 0; i < 3; i++)
    {
      static const char *const organs[] = { "示例区甲局", "示例区乙局", "示例区丙局" };
      g_autoptr(NbReport) report = years_make_report (organs[i], i < 2 ? 2024 : 2023, i + 1);

      store (report);
    }

  g_assert_cmpint (run_cli (&out, "aggregate", "--year", "2024", "--organ", "示例区甲局",
                            "--organ", "示例区乙局", "--as", "示例区汇总", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "the sum of 2 organs"));
  g_assert_nonnull (strstr (out, "0 error(s)"));
  sum = load ("示例区汇总", 2024);
  g_assert_nonnull (sum);
  g_assert_cmpint (years_get (sum, "t2.license.decisions"), ==, 2 * 3985758 + 3);

  /* stored already; an organ twice; missing organ or year; no --as */
  g_assert_cmpint (run_cli (NULL, "aggregate", "--year", "2024", "--organ", "示例区甲局",
                            "--as", "示例区汇总", NULL), ==, 1);
  g_assert_cmpint (run_cli (NULL, "aggregate", "--year", "2024", "--organ", "示例区甲局",
                            "--organ", "示例区甲局", "--as", "其他", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, "aggregate", "--year", "2024", "--organ", "示例区甲局",
                            "--organ", "示例区丙局", "--as", "其他", NULL), ==, 1);
  g_assert_cmpint (run_cli (NULL, "aggregate", "--year", "2024", "--organ", "示例区甲局", NULL), ==, 2);
  g_assert_null (load ("其他", 2024));
}

/* The PDF's appendix: last year beside this year and the trends. */
static void
test_export_with_comparison (void)
{
  g_autofree char *pdf = g_build_filename (dir, "comparison.pdf", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *plain_text = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", NULL, "-", NULL };
  int status = 0;

  for (guint year = 2020; year <= 2022; year++)
    {
      g_autoptr(NbReport) report = years_make_report ("示例县档案局", year, year - 2019);

      store (report);
    }
  g_assert_cmpint (run_cli (NULL, "export", "--organ", "示例县档案局", "--year", "2022",
                            "--format", "pdf", "--with-comparison", "-o", pdf, NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, "export", "--organ", "示例县档案局", "--year", "2022",
                            "--format", "pdf", "-o", plain, NULL), ==, 0);
  argv[3] = pdf;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, &status, NULL));
  argv[3] = plain;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &plain_text, NULL, &status, NULL));
  g_assert_nonnull (strstr (text, "附：与上年对比"));
  g_assert_nonnull (strstr (text, "2020"));
  g_assert_null (strstr (plain_text, "附：与上年对比"));

  /* Nothing to compare with; the appendix of a JSON export */
  g_assert_cmpint (run_cli (NULL, "export", "--organ", "示例县档案局", "--year", "2020",
                            "--format", "pdf", "--with-comparison", "-o", pdf, NULL), ==, 1);
  g_assert_cmpint (run_cli (NULL, "export", "--organ", "示例县档案局", "--year", "2022",
                            "--with-comparison", NULL), ==, 2);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = g_dir_make_tmp ("nianbao-cli-years-XXXXXX", NULL);
  db = g_build_filename (dir, "test.db", NULL);
  g_test_add_func ("/cli-years/new-year-and-compare", test_new_year_and_compare);
  g_test_add_func ("/cli-years/aggregate", test_aggregate);
  g_test_add_func ("/cli-years/export-with-comparison", test_export_with_comparison);
  status = g_test_run ();
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_remove (path);
      }
  }
  g_rmdir (dir);
  g_free (dir);
  g_free (db);
  return status;
}
