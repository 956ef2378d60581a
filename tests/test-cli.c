/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * nianbao-cli end to end: the real binary on a real database in a
 * temporary directory, with our sample report and the shared fixtures.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "nb-json.h"
#include "nb-report.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("nianbao-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "test.db", NULL);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* Runs nianbao-cli with the NULL-terminated arguments; returns its exit
 * status and, if asked, what it printed. */
static int
run_env (char **out, char **err, const char *const *envp_extra, const char *first, ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("NIANBAO_CLI"));
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  envp = g_environ_setenv (envp, "LANGUAGE", "en", TRUE);
  for (guint i = 0; envp_extra && envp_extra[i]; i += 2)
    envp = g_environ_setenv (envp, envp_extra[i], envp_extra[i + 1], TRUE);

  g_spawn_sync (NULL, (char **) args->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &stdout_text, &stderr_text, &wait_status, &error);
  g_assert_no_error (error);
  if (g_test_verbose ())
    g_test_message ("stdout: %s\nstderr: %s", stdout_text, stderr_text);
  /* out and err may hold an earlier run's text: replace it */
  if (out)
    {
      g_free (*out);
      *out = g_steal_pointer (&stdout_text);
    }
  if (err)
    {
      g_free (*err);
      *err = g_steal_pointer (&stderr_text);
    }
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

#define run(out, err, ...) run_env (out, err, NULL, __VA_ARGS__, NULL)

static const char *
sample_path (void)
{
  return g_getenv ("NIANBAO_SAMPLE");
}

static char *
file_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return g_strdup ("(missing)");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

/* The fixture as JSON, through the test converter; NULL when the shared
 * fixtures or python3 are not there. */
static char *
fixture_json (Fixture *f, const char *name)
{
  const char *dir = g_getenv ("NIANBAO_FIXTURES");
  g_autofree char *txt = NULL;
  g_autofree char *script = NULL;
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *json = NULL;
  g_autofree char *err = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (dir == NULL || python == NULL)
    return NULL;
  txt = g_build_filename (dir, name, NULL);
  if (!g_file_test (txt, G_FILE_TEST_EXISTS))
    return NULL;
  script = g_test_build_filename (G_TEST_DIST, "fixture-to-json.py", NULL);
  {
    const char *argv[] = { python, script, txt, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                  &json, &err, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  path = g_build_filename (f->dir, name, NULL);
  strcpy (strrchr (path, '.'), ".json");
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  return g_steal_pointer (&path);
}

static void
test_help (Fixture *f, gconstpointer data)
{
  const char *commands[] = { "import", "export", "check", "set", "list", "history", "verify",
                             "new-year", "compare", "aggregate", "status", "rename-organ" };
  g_autofree char *out = NULL;

  g_assert_cmpint (run (&out, NULL, "--help"), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (out, commands[i]));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *help = NULL;

      g_assert_cmpint (run (&help, NULL, commands[i], "--help"), ==, 0);
      g_assert_nonnull (strstr (help, commands[i]));
      g_assert_nonnull (strstr (help, "--db"));
    }

  g_assert_cmpint (run (NULL, NULL, "frobnicate"), ==, 2);
  g_assert_cmpint (run (NULL, NULL, "import", "--no-such-option"), ==, 2);
}

static void
test_sample_round_trip (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *exported = g_build_filename (f->dir, "out.json", NULL);
  g_autoptr(NbReport) original = NULL;
  g_autoptr(NbReport) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run (NULL, NULL, "import", "--db", f->db, sample_path ()), ==, 0);
  g_assert_cmpint (run (&out, NULL, "list", "--db", f->db), ==, 0);
  original = nb_json_read_file (sample_path (), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, nb_report_get_organ_name (original)));
  g_assert_nonnull (strstr (out, "\tdraft\t"));
  g_assert_null (strstr (out, "error(s)"));
  g_assert_cmpint (run (&out, NULL, "list", "--findings", "--db", f->db), ==, 0);
  g_assert_nonnull (strstr (out, "0 error(s)"));
  g_assert_nonnull (strstr (out, " open\t"));

  {
    g_autofree char *year = g_strdup_printf ("%u", nb_report_get_year (original));

    g_assert_cmpint (run (NULL, NULL, "export", "--db", f->db,
                          "--organ", nb_report_get_organ_name (original), "--year", year,
                          "-o", exported), ==, 0);
    /* a second import of the same (organ, year) is refused… */
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (run (NULL, &out, "import", "--db", f->db, sample_path ()), ==, 1);
    g_assert_nonnull (strstr (out, "--replace"));
  }
  back = nb_json_read_file (exported, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nb_report_equal (original, back));
}

/* The "done when": a real report's figures in, the same out, and a
 * broken figure named with its rule, cells and difference. */
static void
test_huaian (Fixture *f, gconstpointer data)
{
  g_autofree char *json = fixture_json (f, "huaian-2024.txt");
  g_autofree char *exported = NULL;
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autoptr(NbReport) original = NULL;
  g_autoptr(NbReport) back = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *results;
  JsonArray *findings;
  gboolean found_r1 = FALSE;

  if (json == NULL)
    {
      g_test_skip ("shared fixtures or python3 not available");
      return;
    }
  exported = g_build_filename (f->dir, "back.json", NULL);

  g_assert_cmpint (run (NULL, NULL, "import", "--db", f->db, json), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "export", "--db", f->db, "--organ", "淮安市人民政府",
                        "--year", "2024", "--format", "json", "-o", exported), ==, 0);
  original = nb_json_read_file (json, NULL, &error);
  g_assert_no_error (error);
  back = nb_json_read_file (exported, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nb_report_equal (original, back));
  g_assert_true (g_file_get_contents (exported, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"t2.fees.amount\": \"96171.6\""));
  g_assert_nonnull (strstr (text, "\"t2.penalty.decisions\": 3985758"));

  /* the published figures add up */
  g_assert_cmpint (run (&out, NULL, "check", "--db", f->db, "--organ", "淮安市人民政府",
                        "--year", "2024"), ==, 0);
  g_clear_pointer (&out, g_free);

  /* one figure altered: 3001 → 3002 natural persons */
  g_assert_cmpint (run (&out, NULL, "set", "--db", f->db, "--organ", "淮安市人民政府",
                        "--year", "2024", "t3.new.natural", "３，００２"), ==, 0);
  g_assert_nonnull (strstr (out, "t3.new.natural = 3002"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (&out, NULL, "check", "--db", f->db, "--organ", "淮安市人民政府",
                        "--year", "2024"), ==, 1);
  g_assert_nonnull (strstr (out, "R1"));
  g_assert_nonnull (strstr (out, "t3.new.total"));
  g_assert_nonnull (strstr (out, "3119"));
  g_assert_nonnull (strstr (out, "3120"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (&out, NULL, "check", "--db", f->db, "--organ", "淮安市人民政府",
                        "--year", "2024", "--json"), ==, 1);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  results = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (results), ==, 1);
  findings = json_object_get_array_member (json_array_get_object_element (results, 0), "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);
      JsonArray *cells = json_object_get_array_member (finding, "cells");

      if (g_strcmp0 (json_object_get_string_member (finding, "rule"), "R1") != 0)
        continue;
      found_r1 = TRUE;
      g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "error");
      g_assert_cmpstr (json_array_get_string_element (cells, 0), ==, "t3.new.total");
      g_assert_cmpstr (json_object_get_string_member (finding, "expected"), ==, "3120");
      g_assert_cmpstr (json_object_get_string_member (finding, "actual"), ==, "3119");
    }
  g_assert_true (found_r1);
}

static void
test_kuangqu (Fixture *f, gconstpointer data)
{
  g_autofree char *json = fixture_json (f, "kuangqu-2024.txt");
  g_autofree char *out = NULL;

  if (json == NULL)
    {
      g_test_skip ("shared fixtures or python3 not available");
      return;
    }
  g_assert_cmpint (run (&out, NULL, "check", json), ==, 0);
  g_assert_nonnull (strstr (out, "0 error(s)"));
  g_assert_cmpint (run (NULL, NULL, "import", "--db", f->db, json), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, NULL, "export", "--db", f->db, "--organ", "市中区矿区街道办事处",
                        "--year", "2024"), ==, 0);
  g_assert_nonnull (strstr (out, "\"t3.new.natural\": 0"));
}

/* A typed value goes through the parser; garbage changes nothing. */
static void
test_set (Fixture *f, gconstpointer data)
{
  g_autoptr(NbReport) sample = nb_json_read_file (sample_path (), NULL, NULL);
  g_autofree char *year = g_strdup_printf ("%u", nb_report_get_year (sample));
  const char *organ = nb_report_get_organ_name (sample);
  const char *bad[] = { "abc", "-1", "12.5", "1e3", "一百", "99999999999999999999" };
  g_autofree char *before = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (NULL, NULL, "import", "--db", f->db, sample_path ()), ==, 0);
  g_assert_cmpint (run (&before, NULL, "export", "--db", f->db, "--organ", organ, "--year", year), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *after = NULL;
      g_autofree char *message = NULL;

      g_assert_cmpint (run (NULL, &message, "set", "--db", f->db, "--organ", organ, "--year", year,
                            "t3.new.natural", bad[i]), ==, 2);
      g_assert_nonnull (strstr (message, bad[i]));
      g_assert_cmpint (run (&after, NULL, "export", "--db", f->db, "--organ", organ, "--year", year), ==, 0);
      g_assert_cmpstr (before, ==, after);
    }

  g_assert_cmpint (run (NULL, &err, "set", "--db", f->db, "--organ", organ, "--year", year,
                        "t9.nothing", "1"), ==, 2);
  g_assert_nonnull (strstr (err, "t9.nothing"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "set", "--db", f->db, "--organ", "无此机关", "--year", year,
                        "t3.new.natural", "1"), ==, 1);
  g_clear_pointer (&err, g_free);

  /* full-width digits and spaces are a number; the fee keeps its decimals */
  g_assert_cmpint (run (&out, NULL, "set", "--db", f->db, "--organ", organ, "--year", year,
                        "t2.fees.amount", " ２４２５２．３１１０８２ "), ==, 0);
  g_assert_nonnull (strstr (out, "t2.fees.amount = 24252.311082"));
  g_clear_pointer (&out, g_free);
  /* an empty value clears the cell, which is not the same as 0 */
  g_assert_cmpint (run (&out, NULL, "set", "--db", f->db, "--organ", organ, "--year", year,
                        "t4.review.upheld", ""), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, NULL, "export", "--db", f->db, "--organ", organ, "--year", year), ==, 0);
  g_assert_nonnull (strstr (out, "\"t2.fees.amount\": \"24252.311082\""));
  g_assert_null (strstr (out, "t4.review.upheld"));
}

/* --replace keeps the replaced values recoverable from the edit log. */
static void
test_replace_and_history (Fixture *f, gconstpointer data)
{
  g_autoptr(NbReport) sample = nb_json_read_file (sample_path (), NULL, NULL);
  g_autofree char *year = g_strdup_printf ("%u", nb_report_get_year (sample));
  const char *organ = nb_report_get_organ_name (sample);
  g_autofree char *changed = g_build_filename (f->dir, "changed.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *old = NULL;
  g_autofree char *was = NULL;
  gint64 value = 0;

  g_assert_true (nb_report_get_figure (sample, nb_format_cell_by_id ("t2.license.decisions"), &value));
  nb_report_set_figure (sample, nb_format_cell_by_id ("t2.license.decisions"), value + 1000);
  g_assert_true (nb_json_write_file (sample, changed, NULL));

  g_assert_cmpint (run (NULL, NULL, "import", "--db", f->db, sample_path ()), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "import", "--db", f->db, changed), ==, 1);
  g_assert_cmpint (run (NULL, NULL, "import", "--db", f->db, "--replace", changed), ==, 0);

  g_assert_cmpint (run (&out, NULL, "history", "--db", f->db, "--organ", organ, "--year", year,
                        "--cell", "t2.license.decisions"), ==, 0);
  was = g_strdup_printf ("%" G_GINT64_FORMAT " → %" G_GINT64_FORMAT, value, value + 1000);
  g_assert_nonnull (strstr (out, was));

  g_assert_cmpint (run (&old, NULL, "export", "--db", f->db, "--organ", organ, "--year", year,
                        "--revision", "1"), ==, 0);
  g_clear_pointer (&was, g_free);
  was = g_strdup_printf ("\"t2.license.decisions\": %" G_GINT64_FORMAT ",", value);
  g_assert_nonnull (strstr (old, was));
}

/* Bad files and foreign databases: a clear message, nothing changed. */
static void
test_bad_input (Fixture *f, gconstpointer data)
{
  g_autofree char *bad_json = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *text_db = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *sum_before = NULL;
  g_autofree char *sum_after = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  g_assert_cmpint (run (NULL, NULL, "import", "--db", f->db, sample_path ()), ==, 0);
  sum_before = file_checksum (f->db);

  g_assert_true (g_file_set_contents (bad_json, "{\"format\": \"nianbao-report/1\", \"year\": ", -1, NULL));
  g_assert_cmpint (run (NULL, &err, "import", "--db", f->db, bad_json), ==, 2);
  g_assert_nonnull (strstr (err, "bad.json"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "import", "--db", f->db, "/nonexistent/x.json"), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "check", bad_json), ==, 2);
  g_clear_pointer (&err, g_free);
  sum_after = file_checksum (f->db);
  g_assert_cmpstr (sum_before, ==, sum_after);

  g_assert_true (g_file_set_contents (text_db, "meeting notes, not a database\n", -1, NULL));
  g_clear_pointer (&sum_before, g_free);
  sum_before = file_checksum (text_db);
  g_assert_cmpint (run (NULL, &err, "list", "--db", text_db), ==, 2);
  g_assert_nonnull (strstr (err, "notes.txt"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "import", "--db", text_db, sample_path ()), ==, 2);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&sum_after, g_free);
  sum_after = file_checksum (text_db);
  g_assert_cmpstr (sum_before, ==, sum_after);

  g_assert_cmpint (run (&out, &err, "export", "--db", f->db, "--organ", "x", "--year", "1999"), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "export", "--db", f->db, "--organ", "x", "--year", "2024",
                        "--format", "docx"), ==, 2);
}

static void
test_verify (Fixture *f, gconstpointer data)
{
  g_autoptr(NbReport) sample = nb_json_read_file (sample_path (), NULL, NULL);
  g_autofree char *year = g_strdup_printf ("%u", nb_report_get_year (sample));
  const char *organ = nb_report_get_organ_name (sample);
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "tampered.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *bytes = NULL;
  gsize length;

  g_assert_cmpint (run (NULL, NULL, "import", "--db", f->db, sample_path ()), ==, 0);
  g_assert_cmpint (run (&out, NULL, "export", "--db", f->db, "--organ", organ, "--year", year,
                        "--format", "pdf", "-o", pdf), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (&out, NULL, "verify", "--db", f->db, pdf), ==, 0);
  g_assert_nonnull (strstr (out, organ));
  g_assert_nonnull (strstr (out, "revision 1"));
  g_clear_pointer (&out, g_free);

  /* a PDF changed after export matches nothing */
  g_assert_true (g_file_get_contents (pdf, &bytes, &length, NULL));
  bytes[length / 2] ^= 0x20;
  g_assert_true (g_file_set_contents (copy, bytes, (gssize) length, NULL));
  g_assert_cmpint (run (&out, NULL, "verify", "--db", f->db, copy), ==, 3);
  g_clear_pointer (&out, g_free);

  /* the data changed after export: verify says so and names the cell */
  g_assert_cmpint (run (NULL, NULL, "set", "--db", f->db, "--organ", organ, "--year", year,
                        "t2.license.decisions", "777777"), ==, 0);
  g_assert_cmpint (run (&out, NULL, "verify", "--db", f->db, pdf), ==, 1);
  g_assert_nonnull (strstr (out, "t2.license.decisions"));
  g_assert_nonnull (strstr (out, "777777"));
  g_clear_pointer (&out, g_free);

  /* an unwritable place: a clear error and no file */
  g_assert_cmpint (run (NULL, &out, "export", "--db", f->db, "--organ", organ, "--year", year,
                        "--format", "pdf", "-o", "/nonexistent-dir/report.pdf"), ==, 1);
  g_assert_nonnull (strstr (out, "/nonexistent-dir"));
  g_assert_false (g_file_test ("/nonexistent-dir/report.pdf", G_FILE_TEST_EXISTS));
}

/* The interface follows the locale: zh_CN messages from our catalogue. */
static void
test_chinese (Fixture *f, gconstpointer data)
{
  const char *env[] = { "LANGUAGE", "zh_CN", "LC_ALL", "C.UTF-8", NULL };
  g_autofree char *err = NULL;
  g_autofree char *mo = g_build_filename (g_getenv ("NIANBAO_LOCALEDIR"), "zh_CN",
                                          "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no compiled zh_CN catalogue in the build tree");
      return;
    }
  g_assert_cmpint (run_env (NULL, &err, env, "set", "--db", f->db, "--organ", "x",
                            "--year", "2024", "t3.new.natural", "abc", NULL), ==, 2);
  /* the cell as the form names it, and the reason in Chinese */
  g_assert_nonnull (strstr (err, "表三"));
  g_assert_nonnull (strstr (err, "abc"));
  g_assert_nonnull (strstr (err, "数"));
}

/* Published reports are read as they are: text and .docx, with what could
 * not be read said, and files of the wrong shape refused. */
static void
test_import_text (Fixture *f, gconstpointer data)
{
  g_autofree char *json = fixture_json (f, "huaian-2024.txt");
  g_autofree char *txt = NULL;
  g_autofree char *exported = g_build_filename (f->dir, "from-text.json", NULL);
  g_autoptr(NbReport) expected = NULL;
  g_autoptr(NbReport) imported = NULL;

  if (json == NULL)
    {
      g_test_skip ("shared fixtures or python3 not available");
      return;
    }
  txt = g_build_filename (g_getenv ("NIANBAO_FIXTURES"), "huaian-2024.txt", NULL);
  g_assert_cmpint (run (NULL, NULL, "import", "--db", f->db, txt), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "export", "--db", f->db, "--organ", "淮安市人民政府",
                        "--year", "2024", "-o", exported), ==, 0);
  expected = nb_json_read_file (json, NULL, NULL);
  imported = nb_json_read_file (exported, NULL, NULL);
  g_assert_nonnull (expected);
  g_assert_nonnull (imported);
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    {
      gint64 a = -1, b = -2;

      g_assert_true (nb_report_get_figure (expected, cell, &a));
      g_assert_true (nb_report_get_figure (imported, cell, &b));
      if (a != b)
        g_error ("%s: %" G_GINT64_FORMAT " from the text, %" G_GINT64_FORMAT " expected",
                 nb_format_cell (cell)->id, b, a);
    }
}

static void
test_check_text (Fixture *f, gconstpointer data)
{
  g_autofree char *errors = g_test_build_filename (G_TEST_DIST, "data", "import", "errors.txt", NULL);
  g_autofree char *clean = g_test_build_filename (G_TEST_DIST, "data", "import", "rows-bar.txt", NULL);
  g_autofree char *old = g_test_build_filename (G_TEST_DIST, "data", "import", "old-2019.txt", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "import", "bad-rows.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (&out, NULL, "check", clean), ==, 0);
  g_clear_pointer (&out, g_free);

  /* the deliberate errors: a row total off by one, and a text that says 30 */
  g_assert_cmpint (run (&out, &err, "check", errors, clean), ==, 1);
  g_assert_nonnull (strstr (out, "R1"));
  g_assert_nonnull (strstr (out, "W4"));
  g_assert_nonnull (strstr (out, "Checked 2 file(s): 2 error(s)"));
  /* what the import read with doubt is said, with its line */
  g_assert_nonnull (strstr (err, "errors.txt:15:"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "check", old), ==, 2);
  g_assert_nonnull (strstr (err, "2019"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* rows that cannot be placed: named, and nothing stored */
  g_assert_cmpint (run (&out, &err, "import", "--db", f->db, bad), ==, 2);
  g_assert_nonnull (strstr (err, "bad-rows.txt:39:"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, NULL, "list", "--db", f->db), ==, 0);
  g_assert_nonnull (strstr (out, "No reports stored yet."));
}

#define SAMPLE_ORGAN "临川市青溪区柳塘街道办事处"

/* status: shown, set, garbage refused; a final year refuses set and import */
static void
test_status (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (run (NULL, NULL, "import", "--db", f->db, sample_path ()), ==, 0);
  g_assert_cmpint (run (&out, NULL, "status", "--db", f->db, "--organ", SAMPLE_ORGAN, "--year", "2024"), ==, 0);
  g_assert_nonnull (strstr (out, "draft"));

  /* garbage */
  g_assert_cmpint (run (NULL, &err, "status", "--db", f->db, "--organ", SAMPLE_ORGAN,
                        "--year", "2024", "sealed"), ==, 2);
  g_assert_nonnull (strstr (err, "unknown status “sealed”"));
  g_assert_cmpint (run (NULL, &err, "status", "--db", f->db, "--organ", SAMPLE_ORGAN,
                        "--year", "2024", "final", "draft"), ==, 2);
  g_assert_cmpint (run (NULL, &err, "status", "--db", f->db, "--year", "2024", "final"), ==, 2);
  g_assert_nonnull (strstr (err, "--organ"));
  g_assert_cmpint (run (NULL, &err, "status", "--db", f->db, "--organ", "无此机关",
                        "--year", "2024", "final"), ==, 1);
  g_assert_nonnull (strstr (err, "无此机关"));
  g_assert_cmpint (run (NULL, &err, "status", "--db", f->db, "--organ", SAMPLE_ORGAN,
                        "--year", "2023"), ==, 1);

  g_assert_cmpint (run (&out, NULL, "status", "--db", f->db, "--organ", SAMPLE_ORGAN,
                        "--year", "2024", "final"), ==, 0);
  g_assert_nonnull (strstr (out, "Marked"));
  g_assert_nonnull (strstr (out, "final"));
  g_assert_cmpint (run (&out, NULL, "status", "--db", f->db, "--organ", SAMPLE_ORGAN,
                        "--year", "2024", "final"), ==, 0);
  g_assert_nonnull (strstr (out, "already final"));
  g_assert_cmpint (run (&out, NULL, "list", "--db", f->db), ==, 0);
  g_assert_nonnull (strstr (out, "\tfinal\t"));

  /* sealed: set and import exit 1 with the message, nothing stored */
  before = file_checksum (f->db);
  g_assert_cmpint (run (NULL, &err, "set", "--db", f->db, "--organ", SAMPLE_ORGAN, "--year", "2024",
                        "t3.new.natural", "5"), ==, 1);
  g_assert_nonnull (strstr (err, "final (sealed)"));
  g_assert_cmpint (run (NULL, &err, "import", "--replace", "--db", f->db, sample_path ()), ==, 1);
  g_assert_nonnull (strstr (err, "final (sealed)"));
  after = file_checksum (f->db);
  g_assert_cmpstr (before, ==, after);

  g_assert_cmpint (run (&out, NULL, "status", "--db", f->db, "--organ", SAMPLE_ORGAN,
                        "--year", "2024", "draft"), ==, 0);
  g_assert_nonnull (strstr (out, "draft"));
  g_assert_cmpint (run (NULL, NULL, "set", "--db", f->db, "--organ", SAMPLE_ORGAN, "--year", "2024",
                        "t3.new.natural", "5"), ==, 0);
  g_assert_cmpint (run (&out, NULL, "history", "--db", f->db, "--organ", SAMPLE_ORGAN,
                        "--year", "2024", "--cell", "status"), ==, 0);
  g_assert_nonnull (strstr (out, "draft → final"));
  g_assert_nonnull (strstr (out, "final → draft"));
}

static void
test_rename_organ (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (run (NULL, NULL, "import", "--db", f->db, sample_path ()), ==, 0);
  before = file_checksum (f->db);
  g_assert_cmpint (run (NULL, &err, "rename-organ", "--db", f->db, "--organ", SAMPLE_ORGAN), ==, 2);
  g_assert_nonnull (strstr (err, "--to"));
  g_assert_cmpint (run (NULL, &err, "rename-organ", "--db", f->db, "--organ", SAMPLE_ORGAN,
                        "--to", "  "), ==, 2);
  g_assert_cmpint (run (NULL, &err, "rename-organ", "--db", f->db, "--to", "新"), ==, 2);
  g_assert_cmpint (run (NULL, &err, "rename-organ", "--db", f->db, "--organ", "无此机关",
                        "--to", "新"), ==, 1);
  g_assert_nonnull (strstr (err, "无此机关"));
  after = file_checksum (f->db);
  g_assert_cmpstr (before, ==, after);

  g_assert_cmpint (run (NULL, NULL, "status", "--db", f->db, "--organ", SAMPLE_ORGAN,
                        "--year", "2024", "final"), ==, 0);
  g_assert_cmpint (run (NULL, &err, "rename-organ", "--db", f->db, "--organ", SAMPLE_ORGAN,
                        "--to", "柳塘街道"), ==, 1);
  g_assert_nonnull (strstr (err, "final"));
  g_assert_cmpint (run (NULL, NULL, "status", "--db", f->db, "--organ", SAMPLE_ORGAN,
                        "--year", "2024", "draft"), ==, 0);

  g_assert_cmpint (run (&out, NULL, "rename-organ", "--db", f->db, "--organ", SAMPLE_ORGAN,
                        "--to", "柳塘街道"), ==, 0);
  g_assert_nonnull (strstr (out, "柳塘街道"));
  g_assert_cmpint (run (&out, NULL, "list", "--db", f->db), ==, 0);
  g_assert_null (strstr (out, SAMPLE_ORGAN));
  g_assert_nonnull (strstr (out, "柳塘街道\t2024"));
  g_assert_cmpint (run (&out, NULL, "history", "--db", f->db, "--organ", "柳塘街道",
                        "--year", "2024", "--cell", "organ.name"), ==, 0);
  g_assert_nonnull (strstr (out, SAMPLE_ORGAN " → 柳塘街道"));

  /* the old name again, imported: renaming onto it clashes */
  g_assert_cmpint (run (NULL, NULL, "import", "--db", f->db, sample_path ()), ==, 0);
  g_assert_cmpint (run (NULL, &err, "rename-organ", "--db", f->db, "--organ", "柳塘街道",
                        "--to", SAMPLE_ORGAN), ==, 1);
  g_assert_nonnull (strstr (err, "already has a report for 2024"));
}

/* "-5" reaches the number parser, not the option parser */
static void
test_set_negative (Fixture *f, gconstpointer data)
{
  const char *values[] = { "-5", "-0.5", "-５" };
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  g_assert_cmpint (run (NULL, NULL, "import", "--db", f->db, sample_path ()), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *before = file_checksum (f->db);
      g_autofree char *after = NULL;

      g_assert_cmpint (run (NULL, &err, "set", "--db", f->db, "--organ", SAMPLE_ORGAN, "--year", "2024",
                            "t3.new.natural", values[i]), ==, 2);
      g_assert_null (strstr (err, "Unknown option"));
      g_assert_nonnull (strstr (err, "自然人"));
      after = file_checksum (f->db);
      g_assert_cmpstr (before, ==, after);
    }
  g_assert_nonnull (strstr (err, "negative"));
  /* the value before the options works too, and a real option still is one */
  g_assert_cmpint (run (NULL, &err, "set", "t3.new.natural", "-5", "--db", f->db,
                        "--organ", SAMPLE_ORGAN, "--year", "2024"), ==, 2);
  g_assert_nonnull (strstr (err, "negative"));
  g_assert_cmpint (run (NULL, &err, "set", "--db", f->db, "--organ", SAMPLE_ORGAN, "--year", "2024",
                        "-x", "t3.new.natural", "5"), ==, 2);
  g_assert_cmpint (run (&out, NULL, "set", "--db", f->db, "--organ", SAMPLE_ORGAN, "--year", "2024",
                        "t3.new.natural", "5"), ==, 0);
}

/* JSON is known by what the file holds, not by its name */
static void
test_json_by_content (Fixture *f, gconstpointer data)
{
  g_autofree char *contents = NULL;
  g_autofree char *txt = g_build_filename (f->dir, "report.txt", NULL);
  g_autofree char *bom = g_build_filename (f->dir, "bom.data", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "notes.json", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "broken.txt", NULL);
  g_autofree char *with_bom = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  const char *dir = g_getenv ("NIANBAO_FIXTURES");

  g_assert_true (g_file_get_contents (sample_path (), &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (txt, contents, -1, NULL));
  with_bom = g_strconcat ("\xEF\xBB\xBF \n\t", contents, NULL);
  g_assert_true (g_file_set_contents (bom, with_bom, -1, NULL));
  g_assert_true (g_file_set_contents (bad, "这不是年度报告。\n只是几句话。\n", -1, NULL));
  g_assert_true (g_file_set_contents (broken, "  {\"organ\": ", -1, NULL));

  g_assert_cmpint (run (&out, &err, "check", txt, bom), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "import", "--db", f->db, txt), ==, 0);
  /* a text in a .json is read as a text: the importer's message, not JSON's */
  g_assert_cmpint (run (NULL, &err, "check", bad), ==, 2);
  g_assert_nonnull (strstr (err, "notes.json"));
  g_assert_null (strstr (err, "JSON"));
  /* a broken JSON in a .txt gets the JSON reader's message */
  g_assert_cmpint (run (NULL, &err, "check", broken), ==, 2);
  g_assert_nonnull (strstr (err, "broken.txt"));
  g_test_message ("%s", err);

  if (dir != NULL)
    {
      g_autofree char *published = g_build_filename (dir, "huaian-2024.txt", NULL);
      g_autofree char *renamed = g_build_filename (f->dir, "huaian.json", NULL);
      g_autofree char *text = NULL;

      if (g_file_get_contents (published, &text, NULL, NULL))
        {
          g_assert_true (g_file_set_contents (renamed, text, -1, NULL));
          g_assert_cmpint (run (NULL, &err, "import", "--db", f->db, renamed), ==, 0);
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/cli/help", test_help);
  ADD ("/cli/sample-round-trip", test_sample_round_trip);
  ADD ("/cli/huaian", test_huaian);
  ADD ("/cli/kuangqu", test_kuangqu);
  ADD ("/cli/set", test_set);
  ADD ("/cli/replace-and-history", test_replace_and_history);
  ADD ("/cli/bad-input", test_bad_input);
  ADD ("/cli/verify", test_verify);
  ADD ("/cli/chinese", test_chinese);
  ADD ("/cli/import-text", test_import_text);
  ADD ("/cli/check-text", test_check_text);
  ADD ("/cli/status", test_status);
  ADD ("/cli/rename-organ", test_rename_organ);
  ADD ("/cli/set-negative", test_set_negative);
  ADD ("/cli/json-by-content", test_json_by_content);
#undef ADD

  return g_test_run ();
}
