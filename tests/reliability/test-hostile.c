/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hostile text in every field of a report — 10 000-character strings,
 * control characters, right-to-left overrides, combining marks, markup and
 * format directives, invalid UTF-8 where the model takes raw bytes — and
 * hostile values typed into a figure. Each is stored faithfully or refused,
 * never crashes anything, and the PDF still lays out.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nb-json.h"
#include "nb-render.h"
#include "nb-rules.h"
#include "nb-store.h"
#include "rel-common.h"
#include "rel-kill.h"

#define YEAR 2024

typedef struct
{
  const char *name;
  char *text;
  gboolean utf8;
} Hostile;

static GPtrArray *
make_hostile (void)
{
  GPtrArray *all = g_ptr_array_new ();
  GString *s;

#define ADD(label, value) G_STMT_START { \
    Hostile *h = g_new0 (Hostile, 1); \
    h->name = label; \
    h->text = value; \
    h->utf8 = g_utf8_validate (h->text, -1, NULL); \
    g_ptr_array_add (all, h); \
  } G_STMT_END

  s = g_string_new (NULL);
  for (guint i = 0; i < 10000; i++)
    g_string_append (s, "政");
  ADD ("10000 CJK characters", g_string_free (s, FALSE));
  ADD ("10000 letters, no break", g_strnfill (10000, 'W'));
  s = g_string_new (NULL);
  for (guint i = 0; i < 2000; i++)
    g_string_append (s, "公开 ");
  ADD ("2000 words", g_string_free (s, FALSE));
  ADD ("control characters", g_strdup ("控制\x01\x02\x07\x08\t\x0b\x0c\r\x1b[31m红\x1b[0m\x7f字符"));
  ADD ("right-to-left override",
       g_strdup ("\u202e站网府政\u202c \u200f\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u2066隔离\u2069"));
  s = g_string_new ("e");
  for (guint i = 0; i < 500; i++)
    g_string_append (s, "\u0301");
  ADD ("500 combining marks", g_string_free (s, FALSE));
  ADD ("invisible and separators",
       g_strdup ("零\u200b宽\u200d\ufeff字\u2028行\u2029段\u00ad\u2060"));
  ADD ("astral characters", g_strdup ("😀👨\u200d👩\u200d👧 \uFFFD 𠀀𪚥 \U0001D11E"));
  ADD ("noncharacters", g_strdup ("非字符\uFFFE\uFFFF\uFDD0\U0010FFFF\U0001FFFE"));
  ADD ("markup and format directives",
       g_strdup ("<b>粗</b> &amp; &lt; <span foreground='red'>红</span> %s%n%x%p %1$s {0} ${HOME} '; DROP TABLE reports; --"));
  s = g_string_new (NULL);
  for (guint i = 0; i < 300; i++)
    g_string_append (s, "行\n");
  ADD ("300 line breaks", g_string_free (s, FALSE));
  ADD ("invalid UTF-8", g_strdup ("坏\xff\xfe字\xc0\xaf节\xed\xa0\x80\xf4\x90\x80\x80末\xe6\x94"));
#undef ADD
  return all;
}

static void
hostile_free (gpointer data)
{
  Hostile *h = data;

  g_free (h->text);
  g_free (h);
}

static NbReport *
make_report (const Hostile *h, guint index)
{
  NbReport *report = nb_report_new ();
  g_autofree char *organ = g_strdup_printf ("机关%u %s", index, h->text);

  nb_report_set_organ_field (report, NB_ORGAN_NAME, organ);
  for (guint f = NB_ORGAN_ADDRESS; f < NB_N_ORGAN_FIELDS; f++)
    nb_report_set_organ_field (report, f, h->text);
  nb_report_set_year (report, YEAR);
  g_assert_true (nb_report_set_issued (report, "2025-01-20", NULL));
  nb_report_set_preamble (report, h->text);
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    nb_report_set_figure (report, cell, (gint64) (cell * 37 % 1000));
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    for (guint p = 0; p < 3; p++)
      nb_report_insert_part (report, s, -1, h->text, h->text);
  return report;
}

typedef struct
{
  NbReport *report;
  const char *path;
} Render;

static void
render_pdf (gpointer data)
{
  Render *render = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  g_autoptr(GPtrArray) findings = nb_rules_check (render->report, NULL);

  if (!nb_render_write_pdf (render->report, FALSE, render->path, &sha, &error))
    {
      rel_isolated_say ("%s", error->message);
      _exit (1);
    }
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  const char *argv[] = { pdfinfo, path, NULL };
  const char *pages;
  int status = 1;

  if (pdfinfo == NULL)
    return g_file_test (path, G_FILE_TEST_IS_REGULAR) ? 1 : 0;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, NULL);
  if (!g_spawn_check_wait_status (status, NULL) || (pages = strstr (out, "Pages:")) == NULL)
    return 0;
  return (guint) g_ascii_strtoull (pages + 6 + strspn (pages + 6, " "), NULL, 10);
}

static void
test_every_field (void)
{
  g_autoptr(GPtrArray) all = make_hostile ();
  g_autofree char *dir = rel_make_tmpdir ("nb-hostile-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "nianbao.db", NULL);
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) warned = g_string_new (NULL);
  g_autoptr(GString) slowest = g_string_new (NULL);
  RelRecord *record = rel_record_begin ("hostile/every-field",
    "12 kinds of hostile text (10 000-character strings, control characters, U+202E, "
    "combining marks, markup, invalid UTF-8 …) in every text field: stored and read back "
    "identical, JSON round trip, rules, PDF laid out and readable by pdfinfo");
  guint stored = 0, refused = 0, json_same = 0, json_sanitized = 0, pdfs = 0;
  gint64 slowest_us = 0;

  g_ptr_array_set_free_func (all, hostile_free);
  store = nb_store_open (db, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < all->len; i++)
    {
      const Hostile *h = g_ptr_array_index (all, i);
      g_autoptr(NbReport) report = make_report (h, i);
      g_autoptr(NbReport) loaded = NULL;
      g_autoptr(NbReport) back = NULL;
      g_autoptr(GPtrArray) said = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *json = NULL;
      g_autofree char *pdf = g_strdup_printf ("%s/%u.pdf", dir, i);
      Render render = { report, pdf };
      guint before = warnings->len;
      gint64 start;
      int status;

      /* the store: byte for byte, or a refusal */
      if (nb_store_save (store, report, NB_STORE_SAVE_NEW, "editor", &error))
        {
          loaded = nb_store_load (store, nb_report_get_organ_name (report), YEAR, &error);
          g_assert_no_error (error);
          if (!nb_report_equal (loaded, report))
            g_error ("“%s” came back from the store changed", h->name);
          stored++;
        }
      else
        {
          g_test_message ("the store refused “%s”: %s", h->name, error->message);
          g_assert_true (error->domain == NB_STORE_ERROR);
          g_clear_error (&error);
          refused++;
        }

      /* the exchange file: the same report, or (invalid UTF-8) a valid file */
      json = nb_json_write (report);
      g_assert_true (g_utf8_validate (json, -1, NULL));
      back = nb_json_read (json, -1, NULL, &error);
      g_assert_no_error (error);
      if (nb_report_equal (back, report))
        json_same++;
      else
        {
          g_assert_false (h->utf8);
          json_sanitized++;
        }

      /* the PDF, in a process of its own */
      start = g_get_monotonic_time ();
      status = rel_run_isolated (render_pdf, &render, warnings, said);
      if (warnings->len > before)
        g_string_append_printf (warned, "%s%s: %s", warned->len ? "; " : "", h->name,
                                (char *) g_ptr_array_index (warnings, before));
      if (g_get_monotonic_time () - start > slowest_us)
        {
          slowest_us = g_get_monotonic_time () - start;
          g_string_assign (slowest, h->name);
        }
      g_test_message ("“%s”: PDF in %.2f s", h->name,
                      (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
      if (!WIFEXITED (status))
        {
          g_autofree char *what = rel_describe_status (status);

          g_error ("the PDF of “%s” crashed: %s", h->name, what);
        }
      /* e.g. cairo refuses a title with a noncharacter or invalid UTF-8 */
      if (WEXITSTATUS (status) != 0)
        g_error ("no PDF for “%s”: %s", h->name, said->len ? (char *) g_ptr_array_index (said, 0) : "");
      g_assert_cmpuint (pdf_pages (pdf), >, 0);
      pdfs++;
    }

  rel_record_int (record, "kinds", all->len);
  rel_record_int (record, "fields_per_report", NB_N_ORGAN_FIELDS + 1 + NB_N_TEXT_SECTIONS * 6);
  rel_record_int (record, "stored_faithfully", stored);
  rel_record_int (record, "refused", refused);
  rel_record_int (record, "json_identical", json_same);
  rel_record_int (record, "json_made_valid", json_sanitized);
  rel_record_int (record, "pdfs_laid_out", pdfs);
  rel_record_double (record, "slowest_pdf_s", slowest_us / (double) G_USEC_PER_SEC);
  rel_record_str (record, "slowest_pdf", slowest->str);
  rel_record_int (record, "glib_warnings", warnings->len);
  if (warned->len > 0)
    {
      rel_record_str (record, "warnings", warned->str);
      g_test_message ("GLib warnings while laying out: %s", warned->str);
    }
  g_clear_object (&store);
  rel_remove_tree (dir);
  rel_record_end (record, warned->len ? "survived (with GLib warnings, see warnings)" : "survived");
}

/* The same reports through nianbao-cli: import, check, history, PDF. */
static void
test_cli (void)
{
  g_autoptr(GPtrArray) all = make_hostile ();
  g_autofree char *dir = rel_make_tmpdir ("nb-hostile-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "nianbao.db", NULL);
  RelRecord *record = NULL;
  guint runs = 0, pdfs = 0;

  g_ptr_array_set_free_func (all, hostile_free);
  if (rel_cli_path () == NULL)
    {
      g_test_skip ("NIANBAO_CLI is not set");
      return;
    }
  record = rel_record_begin ("hostile/cli",
    "the same hostile reports through nianbao-cli: import, check, history, list and "
    "export --format pdf --tables-only all finish without a crash, and pdfinfo reads every PDF");

  for (guint i = 0; i < all->len; i++)
    {
      const Hostile *h = g_ptr_array_index (all, i);
      g_autoptr(NbReport) report = make_report (h, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *file = g_strdup_printf ("%s/%u.json", dir, i);
      g_autofree char *pdf = g_strdup_printf ("%s/%u-cli.pdf", dir, i);
      g_autofree char *organ = NULL;
      g_autofree char *err = NULL;

      g_assert_true (nb_json_write_file (report, file, &error));
      {
        /* what the file holds: invalid UTF-8 was made valid on the way */
        g_autoptr(NbReport) written = nb_json_read_file (file, NULL, &error);

        g_assert_no_error (error);
        organ = g_strdup (nb_report_get_organ_name (written));
      }
      {
        const char *import[] = { "--db", db, "import", file, NULL };
        const char *check[] = { "--db", db, "check", "--organ", organ, "--year", "2024", NULL };
        const char *history[] = { "--db", db, "history", "--organ", organ, "--year", "2024", NULL };
        /* the full PDF of each was laid out above: the tables and title will do */
        const char *export[] = { "--db", db, "export", "--organ", organ, "--year", "2024",
                                 "--format", "pdf", "--tables-only", "-o", pdf, NULL };
        int code;

        code = rel_run_cli (import, NULL, &err);
        if (code != 0)
          g_error ("import of “%s”: exit %d: %s", h->name, code, err);
        g_clear_pointer (&err, g_free);
        code = rel_run_cli (check, NULL, NULL);
        g_assert_cmpint (code, <=, 1);
        g_assert_cmpint (rel_run_cli (history, NULL, NULL), ==, 0);
        code = rel_run_cli (export, NULL, &err);
        runs += 4;
        if (code != 0)
          g_error ("PDF of “%s”: exit %d: %s", h->name, code, err);
        g_assert_cmpuint (pdf_pages (pdf), >, 0);
        pdfs++;
      }
    }
  {
    const char *list[] = { "--db", db, "list", NULL };

    g_assert_cmpint (rel_run_cli (list, NULL, NULL), ==, 0);
  }

  rel_record_int (record, "kinds", all->len);
  rel_record_int (record, "cli_runs", runs + 1);
  rel_record_int (record, "pdfs_read_by_pdfinfo", pdfs);
  rel_record_end (record, "survived");
  rel_remove_tree (dir);
}

/* An organ name with "/" and ".." in it: the default PDF name is made
 * from the title, and must not land outside the current folder. */
static void
test_default_pdf_name (void)
{
  g_autofree char *dir = rel_make_tmpdir ("nb-hostile-XXXXXX");
  g_autofree char *work = g_build_filename (dir, "work", NULL);
  g_autofree char *db = g_build_filename (dir, "nianbao.db", NULL);
  g_autofree char *file = g_build_filename (dir, "report.json", NULL);
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  g_autofree char *inside = NULL;
  g_autofree char *beside = g_build_filename (dir, "越界", NULL);
  g_autofree char *top = NULL;
  g_autofree char *in_beside = NULL;
  RelRecord *record = NULL;
  const char *organ = "../越界/机关";
  int code;

  if (rel_cli_path () == NULL)
    {
      g_test_skip ("NIANBAO_CLI is not set");
      return;
    }
  record = rel_record_begin ("hostile/default-pdf-name",
    "an organ named “../越界/机关”, exported with no -o: the PDF named after the title "
    "is written in the current folder or refused, never outside it");
  g_assert_cmpint (g_mkdir (work, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (beside, 0700), ==, 0);
  nb_report_set_organ_field (report, NB_ORGAN_NAME, organ);
  nb_report_set_year (report, YEAR);
  g_assert_true (nb_json_write_file (report, file, &error));
  {
    const char *import[] = { "--db", db, "import", file, NULL };

    g_assert_cmpint (rel_run_cli (import, NULL, NULL), ==, 0);
  }
  {
    const char *export[] = { "--db", db, "export", "--organ", organ, "--year", "2024",
                             "--format", "pdf", NULL };

    code = rel_run_cli_in (work, export, NULL, &err);
  }
  top = rel_list_entries (dir);
  in_beside = rel_list_entries (beside);
  after = g_strconcat (top, " | 越界: ", in_beside, NULL);
  inside = rel_list_entries (work);
  g_test_message ("exit %d, %s; work/: %s; outside: %s", code, err, inside, after);

  rel_record_int (record, "exit", code);
  rel_record_str (record, "written_in_current_folder", inside);
  rel_record_str (record, "outside", after);
  rel_record_end (record, g_strrstr (after, ".pdf") != NULL ? "FAILED: a PDF was written outside"
                                                             : "survived");
  g_assert_cmpint (code, <, 128);
  g_assert_null (g_strrstr (after, ".pdf"));
  /* written where asked, under a name that keeps to the folder */
  g_assert_cmpint (code, ==, 0);
  g_assert_nonnull (g_strrstr (inside, ".pdf"));
  rel_remove_tree (dir);
}

/* Hostile values typed into a figure: refused with exit 2 and the
 * database untouched, or taken as the number they mean. */
static void
test_typed_values (void)
{
  g_autofree char *dir = rel_make_tmpdir ("nb-hostile-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "nianbao.db", NULL);
  g_autofree char *long_digits = g_strnfill (10000, '9');
  g_autofree char *long_cjk = NULL;
  GString *s = g_string_new (NULL);
  const char *sample = g_getenv ("NIANBAO_SAMPLE");
  RelRecord *record = NULL;
  guint refused = 0, taken = 0, naming = 0;
  const char *values[] = {
    NULL, NULL, "１２３", "1,234", "1,23", "12\x01", "\u202e123", "-5", "1e3", "0x10",
    "NaN", "", "   ", "١٢٣", "12\xff", "9223372036854775808", "3.5", "%s%n", "１２３４５６７８９０１２３４５６７８９０",
  };

  for (guint i = 0; i < 3000; i++)
    g_string_append (s, "二");
  long_cjk = g_string_free (s, FALSE);
  values[0] = long_digits;
  values[1] = long_cjk;
  if (rel_cli_path () == NULL || sample == NULL)
    {
      g_test_skip ("NIANBAO_CLI or NIANBAO_SAMPLE is not set");
      return;
    }
  record = rel_record_begin ("hostile/typed-values",
    "19 hostile values for nianbao-cli set (10 000 digits, control characters, U+202E, "
    "Arabic-Indic digits, hexadecimal, exponent, overflow, invalid UTF-8 …): exit 2 "
    "with the cell named and the database byte-identical, or the number meant");
  {
    const char *import[] = { "--db", db, "import", sample, NULL };

    g_assert_cmpint (rel_run_cli (import, NULL, NULL), ==, 0);
  }
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *before = rel_file_sha256 (db);
      g_autofree char *after = NULL;
      g_autofree char *err = NULL;
      const char *set[] = { "--db", db, "set", "--organ", "临川市青溪区柳塘街道办事处", "--year", "2024",
                            "t3.new.natural", values[i], NULL };
      int code = rel_run_cli (set, NULL, &err);

      g_assert_cmpint (code, <, 128);
      after = rel_file_sha256 (db);
      if (code == 0)
        taken++;
      else
        {
          g_assert_cmpint (code, ==, 2);
          g_assert_cmpstr (before, ==, after);
          g_assert_cmpstr (err, !=, "");
          /* every refusal names the cell, "-5" too (once taken for an option) */
          if (strstr (err, "自然人") == NULL)
            g_error ("set t3.new.natural “%s”: %s", values[i], err);
          naming++;
          refused++;
        }
    }
  rel_record_int (record, "values", G_N_ELEMENTS (values));
  rel_record_int (record, "refused", refused);
  rel_record_int (record, "taken", taken);
  rel_record_int (record, "refusals_naming_the_cell", naming);
  rel_record_end (record, "survived");
  rel_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hostile/every-field", test_every_field);
  g_test_add_func ("/hostile/cli", test_cli);
  g_test_add_func ("/hostile/default-pdf-name", test_default_pdf_name);
  g_test_add_func ("/hostile/typed-values", test_typed_values);
  return g_test_run ();
}
