/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "nb-finding.h"
#include "nb-json.h"

#define HEAD "{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"测试机关\"}, \"year\": 2024"

static char *
sample_path (void)
{
  const char *env = g_getenv ("NIANBAO_SAMPLE");

  if (env != NULL)
    return g_strdup (env);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "sample-report.json", NULL);
}

static gint64
figure (NbReport *report, const char *id)
{
  guint cell = nb_format_cell_by_id (id);
  gint64 value = G_MININT64;

  g_assert_cmpuint (cell, !=, NB_CELL_NONE);
  g_assert_true (nb_report_get_figure (report, cell, &value));
  return value;
}

static gint64
t3 (NbReport *report, guint row, guint col)
{
  gint64 value = 0;

  g_assert_true (nb_report_get_figure (report, nb_format_t3_cell (row, col), &value));
  return value;
}

/* Reads @json, which must fail, and checks that every one of the NULL-ended
 * @expected strings is among the problems and in the message. */
static void
assert_problems (const char *json, guint n_problems, ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(NbReport) report = nb_json_read (json, -1, &problems, &error);
  const char *expected;
  va_list args;

  if (report != NULL)
    g_error ("accepted: %s", json);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (problems);
  if (n_problems != problems->len)
    g_error ("%u problems instead of %u in:\n%s", problems->len, n_problems, error->message);

  va_start (args, n_problems);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < problems->len; i++)
        found |= strstr (g_ptr_array_index (problems, i), expected) != NULL;
      if (!found || strstr (error->message, expected) == NULL)
        g_error ("“%s” not among the problems:\n%s", expected, error->message);
    }
  va_end (args);

  /* one line of header, then one line per problem */
  {
    g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, problems->len + 1);
  }
}

static NbReport *
read_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  NbReport *report = nb_json_read (json, -1, &problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, 0);
  return report;
}

static void
assert_reads (const char *json)
{
  g_autoptr(NbReport) report = read_ok (json);

  g_assert_true (NB_IS_REPORT (report));
}

static NbReport *
make_full_report (void)
{
  NbReport *report = nb_report_new ();

  for (guint i = 0; i < NB_N_ORGAN_FIELDS; i++)
    nb_report_set_organ_field (report, i, nb_format_organ_field (i)->label);
  nb_report_set_organ_field (report, NB_ORGAN_NAME, "某“测试”\\机关");
  nb_report_set_year (report, 2024);
  g_assert_true (nb_report_set_issued (report, "2025-01-20", NULL));
  nb_report_set_preamble (report, "前言\n第二行\t制表\x01控制 \"引号\" \\ / 😀 \u2028");
  for (guint cell = 0; cell < NB_N_CELLS; cell += 3)
    nb_report_set_figure (report, cell, (gint64) cell * 1000);
  nb_report_set_figure (report, nb_format_cell_by_id ("t2.fees.amount"), G_GINT64_CONSTANT (24252311082));
  nb_report_set_figure (report, nb_format_cell_by_id ("t3.new.natural"), -3);
  nb_report_set_figure (report, nb_format_cell_by_id ("t2.penalty.decisions"), 3985758);
  nb_report_set_figure (report, nb_format_cell_by_id ("t4.review.total"), G_MAXINT64);
  nb_report_insert_part (report, NB_TEXT_OVERVIEW, -1, "（一）主动公开", "正文一");
  nb_report_insert_part (report, NB_TEXT_OVERVIEW, -1, "", "");
  nb_report_insert_part (report, NB_TEXT_PROBLEMS, -1, "（二）本年存在问题", "多行\n正文\r\n");
  nb_report_insert_part (report, NB_TEXT_OTHER, -1, "（一）收取信息处理费的情况", "本年度未收取信息处理费。");
  return report;
}

static void
test_round_trip (void)
{
  g_autoptr(NbReport) report = make_full_report ();
  g_autofree char *first = nb_json_write (report);
  g_autoptr(NbReport) back = read_ok (first);
  g_autofree char *second = nb_json_write (back);
  g_autoptr(NbReport) empty = nb_report_new ();
  g_autofree char *empty_json = nb_json_write (empty);

  g_assert_true (nb_report_equal (report, back));
  g_assert_cmpstr (first, ==, second);
  g_assert_true (g_str_has_prefix (first, "{\n  \"format\": \"nianbao-report/1\",\n  \"organ\": {\n"));
  g_assert_true (g_str_has_suffix (first, "\n}\n"));
  g_assert_nonnull (strstr (first, "\"t2.fees.amount\": \"24252.311082\""));
  g_assert_nonnull (strstr (first, "\"t3.new.natural\": -3"));
  g_assert_nonnull (strstr (first, "\"t4.review.total\": 9223372036854775807"));
  g_assert_nonnull (strstr (first, "\\u0001"));
  /* keys in the fixed order */
  g_assert_true (strstr (first, "\"year\"") < strstr (first, "\"issued\""));
  g_assert_true (strstr (first, "\"issued\"") < strstr (first, "\"preamble\""));
  g_assert_true (strstr (first, "\"preamble\"") < strstr (first, "\"figures\""));
  g_assert_true (strstr (first, "\"figures\"") < strstr (first, "\"sections\""));
  g_assert_true (strstr (first, "\"t2.rules.issued\"") < strstr (first, "\"t2.fees.amount\""));
  g_assert_true (strstr (first, "\"t2.fees.amount\"") < strstr (first, "\"t3.new.natural\""));
  g_assert_true (strstr (first, "\"overview\"") < strstr (first, "\"problems\""));
  g_assert_true (strstr (first, "\"problems\"") < strstr (first, "\"other\""));

  /* json-glib, an independent reader, sees the same strings */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *root;

    g_assert_true (json_parser_load_from_data (parser, first, -1, NULL));
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpstr (json_object_get_string_member (root, "preamble"), ==,
                     nb_report_get_preamble (report));
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "organ"), "name"),
                     ==, "某“测试”\\机关");
  }

  /* text that is not UTF-8 (the model does not police it) still gives a valid file */
  {
    g_autoptr(NbReport) odd = nb_report_copy (report);
    g_autofree char *json = NULL;
    g_autoptr(NbReport) odd_back = NULL;

    nb_report_set_organ_field (odd, NB_ORGAN_ADDRESS, "路\xff号");
    json = nb_json_write (odd);
    g_assert_true (g_utf8_validate (json, -1, NULL));
    odd_back = read_ok (json);
    g_assert_cmpstr (nb_report_get_organ_field (odd_back, NB_ORGAN_ADDRESS), ==, "路\uFFFD号");
  }

  /* an empty report: nothing invented, and reading it back says what is missing */
  g_assert_null (strstr (empty_json, "\"year\""));
  g_assert_null (strstr (empty_json, "\"issued\""));
  g_assert_nonnull (strstr (empty_json, "\"organ\": {},"));
  g_assert_nonnull (strstr (empty_json, "\"figures\": {},"));
  g_assert_nonnull (strstr (empty_json, "\"overview\": [],"));
  assert_problems (empty_json, 2, "$.organ.name: missing", "$.year: missing", NULL);
}

static void
test_fees (void)
{
  static const struct { const char *json; gint64 fen; const char *written; } cases[] = {
    { "\"96171.6\"", G_GINT64_CONSTANT (96171600000), "\"96171.6\"" },
    { "\"24252.311082\"", G_GINT64_CONSTANT (24252311082), "\"24252.311082\"" },
    { "\"0\"", 0, "\"0\"" },
    { "\"0.000001\"", 1, "\"0.000001\"" },
    { "\"123456.789012\"", G_GINT64_CONSTANT (123456789012), "\"123456.789012\"" },
    { "\"１２.５０\"", 12500000, "\"12.5\"" },
    { "\"1,234.5\"", 1234500000, "\"1234.5\"" },
    { "7", 7000000, "\"7\"" },
    { "0", 0, "\"0\"" },
    { "\"-1.5\"", -1500000, "\"-1.5\"" },
    { "-2", -2000000, "\"-2\"" },
  };
  guint fee = nb_format_cell_by_id ("t2.fees.amount");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf (HEAD ", \"figures\": {\"t2.fees.amount\": %s}}",
                                               cases[i].json);
      g_autoptr(NbReport) report = read_ok (json);
      g_autofree char *out = nb_json_write (report);
      g_autofree char *line = g_strdup_printf ("\"t2.fees.amount\": %s\n", cases[i].written);
      gint64 value = G_MININT64;

      g_assert_true (nb_report_get_figure (report, fee, &value));
      g_assert_cmpint (value, ==, cases[i].fen);
      g_assert_nonnull (strstr (out, line));
    }

  assert_problems (HEAD ", \"figures\": {\"t2.fees.amount\": 96171.6}}", 1,
                   "$.figures[\"t2.fees.amount\"]: ", "as a string", NULL);
  assert_problems (HEAD ", \"figures\": {\"t2.fees.amount\": 1.0}}", 1,
                   "$.figures[\"t2.fees.amount\"]: ", NULL);
  assert_problems (HEAD ", \"figures\": {\"t2.fees.amount\": \"1.2345678\"}}", 1,
                   "$.figures[\"t2.fees.amount\"]: ", "6 decimals", NULL);
  assert_problems (HEAD ", \"figures\": {\"t2.fees.amount\": \"一万\"}}", 1,
                   "$.figures[\"t2.fees.amount\"]: ", NULL);
  assert_problems (HEAD ", \"figures\": {\"t2.fees.amount\": \"\"}}", 1,
                   "$.figures[\"t2.fees.amount\"]: empty", NULL);
  assert_problems (HEAD ", \"figures\": {\"t2.fees.amount\": true}}", 1,
                   "$.figures[\"t2.fees.amount\"]: expected the fee as a string", NULL);
  assert_problems (HEAD ", \"figures\": {\"t2.fees.amount\": 9223372036855}}", 1,
                   "$.figures[\"t2.fees.amount\"]: too large", NULL);
}

static void
test_blank_and_zero (void)
{
  g_autoptr(NbReport) report = read_ok (HEAD ", \"figures\": {\"t3.new.natural\": 0, \"t4.review.upheld\": -4}}");
  g_autofree char *out = nb_json_write (report);
  gint64 value = -1;

  g_assert_true (nb_report_get_figure (report, nb_format_cell_by_id ("t3.new.natural"), &value));
  g_assert_cmpint (value, ==, 0);
  g_assert_false (nb_report_has_figure (report, nb_format_cell_by_id ("t3.new.business")));
  g_assert_cmpint (figure (report, "t4.review.upheld"), ==, -4);
  g_assert_nonnull (strstr (out, "\"t3.new.natural\": 0"));
  g_assert_null (strstr (out, "t3.new.business"));

  /* "figures" and "sections" may be left out altogether; unknown top-level keys are ignored */
  g_clear_object (&report);
  report = read_ok (HEAD ", \"comment\": {\"deep\": [1, 2.5, null]}, \"x-tool\": \"v1\"}");
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    g_assert_false (nb_report_has_figure (report, cell));
  g_assert_cmpuint (nb_report_get_n_parts (report, NB_TEXT_OVERVIEW), ==, 0);
  g_assert_null (nb_report_get_issued (report));
  g_assert_null (nb_report_get_preamble (report));
}

static void
test_many_problems (void)
{
  assert_problems ("{\n"
                   "  \"organ\": {\"name\": 12, \"address\": null},\n"
                   "  \"year\": \"2024\",\n"
                   "  \"issued\": \"2025-02-30\",\n"
                   "  \"figures\": {\n"
                   "    \"t3.new.natural\": \"3\",\n"
                   "    \"t3.new.business\": 2.5,\n"
                   "    \"t3.new.nobody\": 1,\n"
                   "    \"t3.new.legal\": null,\n"
                   "    \"t3.new.research\": 4\n"
                   "  },\n"
                   "  \"sections\": {\"overview\": [{\"heading\": \"a\", \"body\": \"b\"},"
                   " {\"heading\": \"c\"}, {\"heading\": \"d\", \"body\": 5}, \"e\"],"
                   " \"epilogue\": []}\n"
                   "}\n",
                   13,
                   "$.format: missing",
                   "$.organ.name: expected a string, found a whole number",
                   "$.organ.address: expected a string, found null",
                   "$.year: expected a whole number, found a string",
                   "$.issued: ",
                   "$.figures[\"t3.new.natural\"]: expected a whole number, found a string",
                   "$.figures[\"t3.new.business\"]: expected a whole number, found a decimal number",
                   "$.figures[\"t3.new.nobody\"]: not a cell of the report",
                   "$.figures[\"t3.new.legal\"]: expected a whole number, found null",
                   "$.sections.overview[1].body: missing",
                   "$.sections.overview[2].body: expected a string, found a whole number",
                   "$.sections.overview[3]: expected an object, found a string",
                   "$.sections.epilogue: not a section",
                   NULL);
}

static void
test_format_and_year (void)
{
  assert_problems ("{\"format\": \"nianbao-report/2\", \"organ\": {\"name\": \"x\"}, \"year\": 2024}", 1,
                   "$.format: expected “nianbao-report/1”, found “nianbao-report/2”", NULL);
  assert_problems ("{\"format\": 1, \"organ\": {\"name\": \"x\"}, \"year\": 2024}", 1,
                   "$.format: expected a string, found a whole number", NULL);
  assert_problems ("{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"x\"}, \"year\": 1999}", 1,
                   "$.year: 1999 is not a year between 2000 and 2999", NULL);
  assert_problems ("{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"x\"}, \"year\": 3000}", 1,
                   "$.year: 3000", NULL);
  assert_problems ("{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"x\"}, \"year\": -2024}", 1,
                   "$.year: -2024", NULL);
  assert_problems ("{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"x\"}, \"year\": 2024.0}", 1,
                   "$.year: expected a whole number, found a decimal number", NULL);
  assert_problems ("{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"\"}, \"year\": 2024}", 1,
                   "$.organ.name: must not be empty", NULL);
  assert_problems ("{\"format\": \"nianbao-report/1\", \"organ\": [\"x\"], \"year\": 2024}", 1,
                   "$.organ: expected an object, found an array", NULL);
  assert_problems ("{\"format\": \"nianbao-report/1\", \"year\": 2024}", 1, "$.organ: missing", NULL);

  /* the boundary years are fine */
  assert_reads ("{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"x\"}, \"year\": 2000}");
  assert_reads ("{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"x\"}, \"year\": 2999}");
}

static void
test_dates (void)
{
  g_autoptr(NbReport) report = read_ok (HEAD ", \"issued\": \"2024-02-29\"}");

  g_assert_cmpstr (nb_report_get_issued (report), ==, "2024-02-29");
  assert_problems (HEAD ", \"issued\": \"2025-02-29\"}", 1, "$.issued: ", "YYYY-MM-DD", NULL);
  assert_problems (HEAD ", \"issued\": \"2025/01/20\"}", 1, "$.issued: ", NULL);
  assert_problems (HEAD ", \"issued\": \"2025-1-20\"}", 1, "$.issued: ", NULL);
  assert_problems (HEAD ", \"issued\": 20250120}", 1,
                   "$.issued: expected a string, found a whole number", NULL);
}

static void
test_sections (void)
{
  g_autoptr(NbReport) report = read_ok (HEAD ", \"sections\": {\"other\": [{\"heading\": \"h\", \"body\": \"b\", \"note\": 1}]}}");

  g_assert_cmpuint (nb_report_get_n_parts (report, NB_TEXT_OTHER), ==, 1);
  g_assert_cmpstr (nb_report_get_part_heading (report, NB_TEXT_OTHER, 0), ==, "h");
  g_assert_cmpstr (nb_report_get_part_body (report, NB_TEXT_OTHER, 0), ==, "b");

  assert_problems (HEAD ", \"figures\": {\"zz\": 1}}", 1, "$.figures[\"zz\"]: not a cell of the report", NULL);
  assert_problems (HEAD ", \"sections\": [1]}", 1, "$.sections: expected an object, found an array", NULL);
  assert_problems (HEAD ", \"sections\": {\"overview\": {}}}", 1,
                   "$.sections.overview: expected an array, found an object", NULL);
  assert_problems (HEAD ", \"sections\": {\"problems\": [{\"heading\": true, \"body\": []}]}}", 2,
                   "$.sections.problems[0].heading: expected a string, found true or false",
                   "$.sections.problems[0].body: expected a string, found an array", NULL);
  assert_problems (HEAD ", \"sections\": {\"other\": [null]}}", 1,
                   "$.sections.other[0]: expected an object, found null", NULL);
  assert_problems (HEAD ", \"figures\": [], \"preamble\": 3}", 2,
                   "$.figures: expected an object, found an array",
                   "$.preamble: expected a string, found a whole number", NULL);
}

static void
test_bad_documents (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"format\": \"nianbao-report/1\", \"x\": ");

  assert_problems ("", 1, "empty", NULL);
  assert_problems (" \n\t ", 1, "empty", NULL);
  assert_problems ("\xEF\xBB\xBF", 1, "empty", NULL);
  assert_problems ("[1, 2]", 1, "$: expected an object, found an array", NULL);
  assert_problems ("\"report\"", 1, "$: expected an object, found a string", NULL);
  assert_problems ("12", 1, "$: expected an object, found a whole number", NULL);
  assert_problems ("null", 1, "$: expected an object, found null", NULL);
  assert_problems ("{\"format\": \"nianbao-report/1\",\n  \"year\": tru }", 1,
                   "not valid JSON: 2:", NULL);
  assert_problems ("{\"format\": \"nianbao-report/1\",}", 1, "not valid JSON: 1:", NULL);
  assert_problems ("{\"a\": 1} trailing", 1, "not valid JSON", NULL);
  assert_problems (HEAD, 1, "not valid JSON", NULL);
  assert_problems ("{\"format\": \"\xff\xfe\"}", 1, "1:13: not UTF-8 text", NULL);
  assert_problems ("{\"format\": \"\xe5\xb9\"}", 1, "not UTF-8 text", NULL);
  assert_problems (HEAD ", \"preamble\": \"a\\u0000b\"}", 1, "U+0000", NULL);
  assert_problems (HEAD ", \"figures\": {\"t3.new.natural\": 99999999999999999999}}", 1,
                   "too large (99999999999999999999)", NULL);
  assert_problems (HEAD ", \"figures\": {\"t3.new.natural\": -9223372036854775809}}", 1,
                   "too large", NULL);

  /* huge nesting, bare and under a key that would otherwise be ignored */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_problems (deep->str, 1, "1:", "nested too deeply", NULL);
  assert_problems (deep->str + strlen ("{\"format\": \"nianbao-report/1\", \"x\": "), 1,
                   "1:65: nested too deeply", NULL);

  /* an embedded NUL byte with an explicit length */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NbReport) report = nb_json_read ("{\"a\": \"x\0y\"}", sizeof "{\"a\": \"x\0y\"}" - 1, NULL, &error);

    g_assert_null (report);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  }

  /* extremes that are still fine: a byte-order mark, -0, int64 limits */
  {
    g_autoptr(NbReport) report = read_ok ("\xEF\xBB\xBF" HEAD ", \"figures\": {\"t3.new.natural\": -0,"
                                          " \"t3.new.business\": 9223372036854775807,"
                                          " \"t3.new.research\": -9223372036854775808}}");

    g_assert_cmpint (figure (report, "t3.new.natural"), ==, 0);
    g_assert_cmpint (figure (report, "t3.new.business"), ==, G_MAXINT64);
    g_assert_cmpint (figure (report, "t3.new.research"), ==, G_MININT64);
  }
}

static void
test_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = make_full_report ();
  g_autoptr(NbReport) back = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nb-json-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *first_line = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "报告.json", NULL);
  g_assert_true (nb_json_write_file (report, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  expected = nb_json_write (report);
  g_assert_cmpstr (contents, ==, expected);
  back = nb_json_read_file (path, &problems, &error);
  g_assert_no_error (error);
  g_assert_true (nb_report_equal (report, back));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* overwriting replaces the whole file */
  nb_report_remove_part (report, NB_TEXT_OVERVIEW, 0);
  g_assert_true (nb_json_write_file (report, path, &error));
  g_clear_object (&back);
  back = nb_json_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nb_report_equal (report, back));

  /* the file's name heads the list of problems */
  bad = g_build_filename (dir, "bad.json", NULL);
  g_assert_true (g_file_set_contents (bad, HEAD ", \"year\": \"x\", \"figures\": {\"nope\": 1}}", -1, NULL));
  g_clear_object (&back);
  back = nb_json_read_file (bad, &problems, &error);
  g_assert_null (back);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  first_line = g_strdup_printf ("“%s” has 2 problems:\n", bad);
  g_assert_true (g_str_has_prefix (error->message, first_line));
  g_assert_cmpuint (problems->len, ==, 2);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* unreadable: no such file, a directory; unwritable: no such directory */
  missing = g_build_filename (dir, "no-such-dir", "r.json", NULL);
  g_assert_null (nb_json_read_file (missing, &problems, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_null (nb_json_read_file (dir, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_false (nb_json_write_file (report, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);
  g_assert_false (nb_json_write_file (report, dir, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* a file far larger than any report is refused without being read */
  {
    g_autofree char *huge = g_build_filename (dir, "huge.json", NULL);
    FILE *file = g_fopen (huge, "wb");

    g_assert_nonnull (file);
    g_assert_cmpint (fseek (file, 64 * 1024 * 1024, SEEK_SET), ==, 0);
    g_assert_cmpint (fputc (' ', file), ==, ' ');
    g_assert_cmpint (fclose (file), ==, 0);
    g_assert_null (nb_json_read_file (huge, &problems, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_assert_nonnull (strstr (error->message, "too large"));
    g_assert_cmpuint (problems->len, ==, 0);
    g_clear_error (&error);
    g_clear_pointer (&problems, g_ptr_array_unref);
    g_assert_cmpint (g_remove (huge), ==, 0);
  }

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_remove (bad), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_findings (void)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_finding_free);
  NbFinding *finding;
  g_autofree char *json = NULL;
  g_autofree char *empty = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;
  JsonObject *object;
  JsonArray *cells;

  empty = nb_json_findings (findings);
  g_assert_cmpstr (empty, ==, "[]\n");

  finding = nb_finding_new ("R3", NB_SEVERITY_ERROR, 2);
  nb_finding_add_cell (finding, nb_format_cell_by_id ("t3.new.total"));
  nb_finding_add_cell (finding, nb_format_cell_by_id ("t3.carried_out.total"));
  finding->message = g_strdup ("“总计”列：一加二 = 21，三加四 = 20，相差 1");
  finding->expected = g_strdup ("21");
  finding->actual = g_strdup ("20");
  finding->key = g_strdup ("R3:total");
  g_ptr_array_add (findings, finding);

  finding = nb_finding_new ("W5", NB_SEVERITY_WARNING, -1);
  finding->message = g_strdup ("no \"fee\" statement");
  g_ptr_array_add (findings, finding);

  json = nb_json_findings (findings);
  g_assert_true (g_str_has_suffix (json, "]\n"));
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);

  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "rule"), ==, "R3");
  g_assert_cmpstr (json_object_get_string_member (object, "severity"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (object, "section"), ==, "t3");
  cells = json_object_get_array_member (object, "cells");
  g_assert_cmpuint (json_array_get_length (cells), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (cells, 0), ==, "t3.new.total");
  g_assert_cmpstr (json_array_get_string_element (cells, 1), ==, "t3.carried_out.total");
  g_assert_cmpstr (json_object_get_string_member (object, "message"), ==, "“总计”列：一加二 = 21，三加四 = 20，相差 1");
  g_assert_cmpstr (json_object_get_string_member (object, "expected"), ==, "21");
  g_assert_cmpstr (json_object_get_string_member (object, "actual"), ==, "20");
  g_assert_cmpstr (json_object_get_string_member (object, "key"), ==, "R3:total");

  object = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "severity"), ==, "warning");
  g_assert_false (json_object_has_member (object, "section"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "cells")), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "message"), ==, "no \"fee\" statement");
  g_assert_true (json_object_get_null_member (object, "expected"));
  g_assert_true (json_object_get_null_member (object, "actual"));
  g_assert_true (json_object_get_null_member (object, "key"));
}

/* The arithmetic of FORMAT.md checked here by hand, so that the shipped
 * sample is right whatever state nb-rules is in. */
static void
assert_adds_up (NbReport *report)
{
  for (guint row = 0; row < NB_T3_N_ROWS; row++)
    {
      gint64 sum = 0;

      for (guint col = 0; col < NB_T3_COL_TOTAL; col++)
        sum += t3 (report, row, col);
      g_assert_cmpint (sum, ==, t3 (report, row, NB_T3_COL_TOTAL));                   /* R1 */
    }
  for (guint col = 0; col < NB_T3_N_COLUMNS; col++)
    {
      gint64 sum = 0;

      for (guint row = NB_T3_ROW_FIRST_RESULT; row <= NB_T3_ROW_LAST_RESULT; row++)
        sum += t3 (report, row, col);
      g_assert_cmpint (sum, ==, t3 (report, NB_T3_ROW_RESULT_TOTAL, col));            /* R2 */
      g_assert_cmpint (t3 (report, NB_T3_ROW_NEW, col) + t3 (report, NB_T3_ROW_CARRIED_IN, col),
                       ==,
                       t3 (report, NB_T3_ROW_RESULT_TOTAL, col) + t3 (report, NB_T3_ROW_CARRIED_OUT, col)); /* R3 */
    }
  for (guint group = 0; group < NB_T4_N_GROUPS; group++)
    {
      gint64 sum = 0;

      for (guint col = 0; col < NB_T4_COL_TOTAL; col++)
        {
          gint64 value = 0;

          g_assert_true (nb_report_get_figure (report, nb_format_t4_cell (group, col), &value));
          sum += value;
        }
      g_assert_cmpint (sum, ==, figure (report, nb_format_cell (nb_format_t4_cell (group, NB_T4_COL_TOTAL))->id)); /* R4 */
    }
}

static void
test_sample (void)
{
  g_autofree char *path = sample_path ();
  g_autofree char *contents = NULL;
  g_autofree char *rewritten = NULL;
  g_autofree char *last_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbReport) last = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  report = nb_json_read_file (path, NULL, &error);
  g_assert_no_error (error);

  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    {
      gint64 value = -1;

      if (!nb_report_get_figure (report, cell, &value))
        g_error ("%s is blank in the sample", nb_format_cell (cell)->id);
      g_assert_cmpint (value, >=, 0);
    }
  for (guint i = 0; i < NB_N_ORGAN_FIELDS; i++)
    g_assert_nonnull (nb_report_get_organ_field (report, i));
  g_assert_cmpuint (nb_report_get_year (report), ==, 2024);
  g_assert_cmpstr (nb_report_get_issued (report), ==, "2025-01-20");
  g_assert_cmpuint (nb_report_get_n_parts (report, NB_TEXT_OVERVIEW), ==, 5);
  g_assert_cmpuint (nb_report_get_n_parts (report, NB_TEXT_PROBLEMS), ==, 3);
  g_assert_cmpuint (nb_report_get_n_parts (report, NB_TEXT_OTHER), >=, 1);
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    for (guint i = 0; i < nb_report_get_n_parts (report, s); i++)
      g_assert_cmpstr (nb_report_get_part_body (report, s, i), !=, "");
  g_assert_nonnull (strstr (nb_report_get_part_body (report, NB_TEXT_OTHER, 0), "信息处理费"));
  assert_adds_up (report);

  /* shipped in the writer's own form: opening and saving it changes nothing */
  rewritten = nb_json_write (report);
  g_assert_cmpstr (rewritten, ==, contents);

  /* last year's report of the same organ carries over (W1) and keeps the stock of documents (W2) */
  last_path = g_build_filename (NB_TEST_FIXTURE_DIR, "liutang-2023.json", NULL);
  last = nb_json_read_file (last_path, NULL, &error);
  g_assert_no_error (error);
  assert_adds_up (last);
  g_assert_cmpstr (nb_report_get_organ_name (last), ==, nb_report_get_organ_name (report));
  g_assert_cmpuint (nb_report_get_year (last) + 1, ==, nb_report_get_year (report));
  for (guint col = 0; col < NB_T3_N_COLUMNS; col++)
    g_assert_cmpint (t3 (last, NB_T3_ROW_CARRIED_OUT, col), ==, t3 (report, NB_T3_ROW_CARRIED_IN, col));
  g_assert_cmpint (figure (last, "t2.rules.in_force") + figure (report, "t2.rules.issued") - figure (report, "t2.rules.repealed"),
                   ==, figure (report, "t2.rules.in_force"));
  g_assert_cmpint (figure (last, "t2.normative.in_force") + figure (report, "t2.normative.issued") - figure (report, "t2.normative.repealed"),
                   ==, figure (report, "t2.normative.in_force"));
}

/* Every report of our own under tests/data loads and is in canonical form. */
static void
test_data_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (NB_TEST_FIXTURE_DIR, 0, &error);
  const char *name;
  guint n = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (NB_TEST_FIXTURE_DIR, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *rewritten = NULL;
      g_autoptr(NbReport) report = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      report = nb_json_read_file (path, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      rewritten = nb_json_write (report);
      g_assert_cmpstr (rewritten, ==, contents);
      n++;
    }
  g_assert_cmpuint (n, >=, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/round-trip", test_round_trip);
  g_test_add_func ("/json/fees", test_fees);
  g_test_add_func ("/json/blank-and-zero", test_blank_and_zero);
  g_test_add_func ("/json/many-problems", test_many_problems);
  g_test_add_func ("/json/format-and-year", test_format_and_year);
  g_test_add_func ("/json/dates", test_dates);
  g_test_add_func ("/json/sections", test_sections);
  g_test_add_func ("/json/bad-documents", test_bad_documents);
  g_test_add_func ("/json/files", test_files);
  g_test_add_func ("/json/findings", test_findings);
  g_test_add_func ("/json/sample", test_sample);
  g_test_add_func ("/json/data-dir", test_data_dir);

  return g_test_run ();
}
