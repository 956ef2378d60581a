/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Malformed input files, generated from good ones: the exchange file
 * (JSON) cut at every few bytes, mutated, nested too deep, with huge
 * strings and every member of the wrong type; published reports as text
 * and .docx cut, mutated and re-encoded, with hostile XML. Each case runs
 * in a process of its own: refused with a message, or read into a report
 * that survives a round trip — never a crash.
 *
 * Settings (environment): NB_FUZZ_SEED (random), NB_FUZZ_MUTANTS (200).
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nb-docx.h"
#include "nb-import.h"
#include "nb-json.h"
#include "rel-common.h"
#include "rel-kill.h"

static guint32 seed;

typedef struct
{
  const char *data;
  gsize length;
} Input;

typedef struct
{
  guint cases;
  guint accepted;
  guint refused;
  guint warnings;
  GString *first_warning;
} Tally;

/* ---- running one case ---- */

static void
read_json (gpointer data)
{
  Input *input = data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_json_read (input->data, (gssize) input->length, &problems, &error);

  if (report == NULL)
    {
      /* refused: with a message and the list of problems */
      if (error == NULL || error->message[0] == '\0' || problems == NULL || problems->len == 0)
        _exit (3);
      rel_isolated_say ("refused");
      return;
    }
  {
    g_autofree char *again = nb_json_write (report);
    g_autoptr(NbReport) back = nb_json_read (again, -1, NULL, NULL);

    /* what was read can be written and read back the same */
    if (back == NULL || !nb_report_equal (back, report))
      _exit (4);
  }
  rel_isolated_say ("accepted");
}

static void
import_data (gpointer data)
{
  Input *input = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbImportResult) result = nb_import_data (input->data, input->length, &error);

  if (result == NULL)
    {
      if (error == NULL || error->message[0] == '\0')
        _exit (3);
      rel_isolated_say ("refused");
      return;
    }
  if (result->report == NULL || result->problems == NULL)
    _exit (4);
  rel_isolated_say ("accepted");
}

static void
run_case (Tally *tally, void (*func) (gpointer), const char *data, gsize length, const char *label)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) said = g_ptr_array_new_with_free_func (g_free);
  Input input = { data, length };
  int status = rel_run_isolated (func, &input, warnings, said);

  tally->cases++;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0 || said->len != 1)
    {
      const char *results = g_getenv ("NB_RELIABILITY_RESULTS");
      g_autofree char *kept = g_strdup_printf ("%s/fuzz-failure-%u-%u.bin", results ? results : ".",
                                               seed, tally->cases);
      g_autofree char *what = rel_describe_status (status);

      g_file_set_contents (kept, data, (gssize) length, NULL);
      g_error ("%s (seed %u): %s%s; input kept as %s", label, seed, what,
               WIFEXITED (status) && WEXITSTATUS (status) == 3 ? " (refused without a message)"
               : WIFEXITED (status) && WEXITSTATUS (status) == 4 ? " (no round trip)" : "",
               kept);
    }
  if (strcmp (g_ptr_array_index (said, 0), "accepted") == 0)
    tally->accepted++;
  else
    tally->refused++;
  if (warnings->len > 0)
    {
      tally->warnings += warnings->len;
      if (tally->first_warning->len == 0)
        g_string_printf (tally->first_warning, "%s: %s", label, (char *) g_ptr_array_index (warnings, 0));
    }
}

static void
record_tally (RelRecord *record, Tally *tally)
{
  rel_record_int (record, "cases", tally->cases);
  rel_record_int (record, "accepted", tally->accepted);
  rel_record_int (record, "refused_with_message", tally->refused);
  rel_record_int (record, "crashes", 0);
  rel_record_int (record, "glib_warnings", tally->warnings);
  if (tally->first_warning->len > 0)
    rel_record_str (record, "first_warning", tally->first_warning->str);
  rel_record_int (record, "seed", seed);
  rel_record_end (record, tally->warnings ? "survived (with GLib warnings, see first_warning)"
                                          : "survived");
  g_string_free (tally->first_warning, TRUE);
}

/* ---- mutations ---- */

static GByteArray *
mutate (GRand *rand, const char *data, gsize length)
{
  static const char specials[] = "\"{}[],:\\\n0-.eu\xff\xe6";
  GByteArray *bytes = g_byte_array_new ();
  guint n = (guint) g_rand_int_range (rand, 1, 5);

  g_byte_array_append (bytes, (const guint8 *) data, (guint) length);
  for (guint i = 0; i < n && bytes->len > 0; i++)
    {
      guint at = (guint) g_rand_int_range (rand, 0, (gint32) bytes->len);
      guint8 c = (guint8) specials[g_rand_int_range (rand, 0, sizeof specials - 1)];

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0: bytes->data[at] ^= (guint8) g_rand_int_range (rand, 1, 256); break;
        case 1: bytes->data[at] = c; break;
        case 2: g_byte_array_remove_index (bytes, at); break;
        default: g_array_insert_vals ((GArray *) bytes, at, &c, 1); break;
        }
    }
  return bytes;
}

static char *
repeat (const char *piece, guint times)
{
  GString *s = g_string_sized_new (strlen (piece) * times);

  for (guint i = 0; i < times; i++)
    g_string_append (s, piece);
  return g_string_free (s, FALSE);
}

/* ---- the exchange file ---- */

static void
test_json (void)
{
  const char *sample = g_getenv ("NIANBAO_SAMPLE");
  guint n_mutants = rel_env_uint ("NB_FUZZ_MUTANTS", 200);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *data = NULL;
  gsize length = 0, step;
  Tally tally = { 0, 0, 0, 0, g_string_new (NULL) };
  RelRecord *record;

  if (sample == NULL || !g_file_get_contents (sample, &data, &length, NULL))
    {
      g_test_skip ("NIANBAO_SAMPLE is not set");
      g_string_free (tally.first_warning, TRUE);
      return;
    }
  record = rel_record_begin ("fuzz/json",
    "the sample exchange file cut every few bytes, mutated, random bytes, nested "
    "100 000 deep, 10 MB strings, 100 000-digit numbers, every member of the wrong "
    "type, U+0000, lone surrogates, UTF-16: refused with a message or read into a "
    "report that writes and reads back the same");

  run_case (&tally, read_json, data, length, "the sample itself");
  g_assert_cmpuint (tally.accepted, ==, 1);

  step = MAX (length / 200, 1);
  for (gsize cut = 0; cut < length; cut += step)
    run_case (&tally, read_json, data, cut, "a truncation");

  for (guint i = 0; i < n_mutants; i++)
    {
      g_autoptr(GByteArray) bytes = mutate (rand, data, length);

      run_case (&tally, read_json, (const char *) bytes->data, bytes->len, "a mutant");
    }
  for (guint i = 0; i < 100; i++)
    {
      gsize n = (gsize) g_rand_int_range (rand, 0, 4096);
      g_autofree char *bytes = g_malloc (n + 1);

      for (gsize b = 0; b < n; b++)
        bytes[b] = (char) g_rand_int_range (rand, 0, 256);
      if (n > 0 && i % 2 == 0)
        bytes[0] = '{';
      run_case (&tally, read_json, bytes, n, "random bytes");
    }

  {
    g_autofree char *deep_array = repeat ("[", 100000);
    g_autofree char *deep_object = repeat ("{\"a\":", 100000);
    g_autofree char *deep_member = NULL;
    g_autofree char *huge_name = repeat ("政", 3500000);
    g_autofree char *huge_doc = NULL;
    g_autofree char *digits = repeat ("9", 100000);
    g_autofree char *huge_number = NULL;
    g_autofree char *huge_key = NULL;
    g_autofree char *long_key = repeat ("k", 1000000);
    g_autofree char *utf16 = NULL;
    gsize utf16_length = 0;
    const char *small[] = {
      "", " \n\t", "null", "[]", "{}", "\"text\"", "0",
      "{\"format\": \"nianbao-report/2\"}",
      "{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"a\\u0000b\"}, \"year\": 2024}",
      "{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"\\ud800\"}, \"year\": 2024}",
      "{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"x\"}, \"organ\": {\"name\": \"y\"}, \"year\": 2024}",
      "{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"x\"}, \"year\": 1e400}",
      "{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"x\"}, \"year\": -0}",
      "{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"x\"}, \"year\": 2024, \"figures\": {\"t3.new.natural\": 1.5}}",
      "{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"x\"}, \"year\": 2024, \"figures\": {\"t3.new.natural\": -1}}",
      "{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"x\"}, \"year\": 2024, \"figures\": {\"t2.fees.amount\": 1e-7}}",
      "{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"x\"}, \"year\": 2024, \"figures\": {\"nope\": 1}}",
      "{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"x\"}, \"year\": 2024, \"issued\": \"2025-02-30\"}",
      "\xef\xbb\xbf{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"x\"}, \"year\": 2024}",
    };
    const char *members[] = { "format", "organ", "year", "issued", "figures", "sections", "preamble" };
    const char *wrong[] = { "[]", "{}", "1", "\"x\"", "null", "true", "-1", "[[[]]]" };

    deep_member = g_strdup_printf ("{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"x\"}, "
                                   "\"year\": 2024, \"sections\": {\"overview\": %s}}", deep_array);
    huge_doc = g_strdup_printf ("{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"%s\"}, "
                                "\"year\": 2024}", huge_name);
    huge_number = g_strdup_printf ("{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"x\"}, "
                                   "\"year\": 2024, \"figures\": {\"t3.new.natural\": %s}}", digits);
    huge_key = g_strdup_printf ("{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"x\"}, "
                                "\"year\": 2024, \"figures\": {\"%s\": 1}}", long_key);
    utf16 = g_convert (data, (gssize) length, "UTF-16LE", "UTF-8", NULL, &utf16_length, NULL);

    run_case (&tally, read_json, deep_array, strlen (deep_array), "100 000 nested arrays");
    run_case (&tally, read_json, deep_object, strlen (deep_object), "100 000 nested objects");
    run_case (&tally, read_json, deep_member, strlen (deep_member), "deep nesting in a member");
    run_case (&tally, read_json, huge_doc, strlen (huge_doc), "a 10 MB organ name");
    run_case (&tally, read_json, huge_number, strlen (huge_number), "a 100 000-digit figure");
    run_case (&tally, read_json, huge_key, strlen (huge_key), "a 1 MB key");
    if (utf16 != NULL)
      run_case (&tally, read_json, utf16, utf16_length, "UTF-16");
    for (guint i = 0; i < G_N_ELEMENTS (small); i++)
      run_case (&tally, read_json, small[i], strlen (small[i]), small[i]);

    /* every top-level member replaced by every wrong type */
    for (guint m = 0; m < G_N_ELEMENTS (members); m++)
      for (guint w = 0; w < G_N_ELEMENTS (wrong); w++)
        {
          g_autofree char *pattern = g_strdup_printf ("\"%s\":", members[m]);
          const char *at = strstr (data, pattern);
          g_autoptr(GString) doc = NULL;
          const char *value;
          const char *end;
          int depth = 0;
          gboolean in_string = FALSE;

          if (at == NULL)
            continue;
          /* skip the member's value, whatever it is */
          value = at + strlen (pattern);
          while (*value == ' ')
            value++;
          for (end = value; *end; end++)
            {
              if (in_string)
                {
                  if (*end == '\\')
                    end++;
                  else if (*end == '"')
                    in_string = FALSE;
                  continue;
                }
              if (*end == '"')
                in_string = TRUE;
              else if (*end == '{' || *end == '[')
                depth++;
              else if (*end == '}' || *end == ']')
                {
                  if (depth == 0)
                    break;
                  depth--;
                }
              else if (*end == ',' && depth == 0)
                break;
            }
          doc = g_string_new_len (data, value - data);
          g_string_append (doc, wrong[w]);
          g_string_append (doc, end);
          run_case (&tally, read_json, doc->str, doc->len, "a member of the wrong type");
        }
  }

  record_tally (record, &tally);
}

/* The same, through nianbao-cli: refused files store nothing. */
static void
test_json_cli (void)
{
  const char *sample = g_getenv ("NIANBAO_SAMPLE");
  g_autofree char *dir = rel_make_tmpdir ("nb-fuzz-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "nianbao.db", NULL);
  g_autofree char *data = NULL;
  g_autofree char *deep = repeat ("[", 100000);
  g_autofree char *big = repeat ("政", 3500000);
  g_autofree char *big_doc = NULL;
  gsize length = 0;
  RelRecord *record;
  guint runs = 0;

  if (rel_cli_path () == NULL || sample == NULL || !g_file_get_contents (sample, &data, &length, NULL))
    {
      g_test_skip ("NIANBAO_CLI or NIANBAO_SAMPLE is not set");
      rel_remove_tree (dir);
      return;
    }
  record = rel_record_begin ("fuzz/json-cli",
    "nianbao-cli import and check on malformed exchange files (cut, random, nested, "
    "10 MB string, U+0000, empty, binary): exit 2 with a message naming the file, "
    "no database created");
  big_doc = g_strdup_printf ("{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"%s\"}, "
                             "\"year\": 1999}", big);
  {
    const struct
    {
      const char *name;
      const char *data;
      gsize length;
    } files[] = {
      { "cut.json", data, length / 2 },
      { "deep.json", deep, strlen (deep) },
      { "big.json", big_doc, strlen (big_doc) },
      { "nul.json", "{\"format\": \"nianbao-report/1\", \"organ\": {\"name\": \"a\\u0000\"}, \"year\": 2024}", G_MAXSIZE },
      { "empty.json", "", 0 },
      { "binary.json", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *path = g_build_filename (dir, files[i].name, NULL);
        g_autofree char *err = NULL;
        g_autofree char *err2 = NULL;
        const char *import[] = { "--db", db, "import", path, NULL };
        const char *check[] = { "check", path, NULL };
        int code;

        g_assert_true (g_file_set_contents (path, files[i].data,
                                            files[i].length == G_MAXSIZE ? -1 : (gssize) files[i].length,
                                            NULL));
        code = rel_run_cli (import, NULL, &err);
        if (code != 2 || strstr (err, path) == NULL)
          g_error ("import %s: exit %d: %s", files[i].name, code, err);
        g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
        code = rel_run_cli (check, NULL, &err2);
        g_assert_cmpint (code, ==, 2);
        g_assert_nonnull (strstr (err2, path));
        runs += 2;
      }
  }
  rel_record_int (record, "files", 6);
  rel_record_int (record, "cli_runs", runs);
  rel_record_int (record, "refused_exit_2", runs);
  rel_record_end (record, "survived");
  rel_remove_tree (dir);
}

/* ---- published reports: text and .docx ---- */

static GPtrArray *
read_fixtures (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "import", NULL);
  GPtrArray *texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  GDir *dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      char *contents = NULL;
      gsize length = 0;

      if (g_str_has_suffix (name, ".txt") && g_file_get_contents (path, &contents, &length, NULL))
        g_ptr_array_add (texts, g_bytes_new_take (contents, length));
    }
  if (dir != NULL)
    g_dir_close (dir);
  return texts;
}

static void
test_import_text (void)
{
  g_autoptr(GPtrArray) texts = read_fixtures ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x7e47);
  guint n_mutants = rel_env_uint ("NB_FUZZ_MUTANTS", 200);
  Tally tally = { 0, 0, 0, 0, g_string_new (NULL) };
  RelRecord *record;

  if (texts->len == 0)
    {
      g_test_skip ("no import fixtures in tests/data/import");
      g_string_free (tally.first_warning, TRUE);
      return;
    }
  record = rel_record_begin ("fuzz/import-text",
    "the import fixtures (published reports as text) cut every few bytes, mutated, "
    "in GB18030 and UTF-16 whole and cut at an odd byte, one 1 MB line, 200 000 "
    "empty lines, random bytes: nb_import_data refuses with a message or reads a report");

  for (guint t = 0; t < texts->len; t++)
    {
      gsize length = 0;
      const char *data = g_bytes_get_data (g_ptr_array_index (texts, t), &length);
      gsize step = MAX (length / 25, 1);
      g_autofree char *gb = g_convert (data, (gssize) length, "GB18030", "UTF-8", NULL, NULL, NULL);
      gsize utf16_length = 0;
      g_autofree char *utf16 = g_convert (data, (gssize) length, "UTF-16", "UTF-8", NULL, &utf16_length, NULL);

      for (gsize cut = step; cut < length; cut += step)
        run_case (&tally, import_data, data, cut, "a cut report");
      for (guint i = 0; i < n_mutants / texts->len + 1; i++)
        {
          g_autoptr(GByteArray) bytes = mutate (rand, data, length);

          run_case (&tally, import_data, (const char *) bytes->data, bytes->len, "a mutated report");
        }
      if (gb != NULL)
        run_case (&tally, import_data, gb, strlen (gb), "GB18030");
      if (utf16 != NULL)
        {
          run_case (&tally, import_data, utf16, utf16_length, "UTF-16");
          run_case (&tally, import_data, utf16, utf16_length / 2 | 1, "UTF-16 cut at an odd byte");
        }
    }
  {
    g_autofree char *line = repeat ("政府信息公开", 60000);
    g_autofree char *blank = repeat ("\n", 200000);
    g_autofree char *cells = repeat ("\t0\n", 100000);

    run_case (&tally, import_data, line, strlen (line), "a 1 MB line");
    run_case (&tally, import_data, blank, strlen (blank), "200 000 empty lines");
    run_case (&tally, import_data, cells, strlen (cells), "100 000 cells");
  }
  record_tally (record, &tally);
}

/* A .docx with one paragraph a line, stored uncompressed. */
static guint32
crc32_of (const guint8 *data, gsize length)
{
  guint32 crc = 0xFFFFFFFF;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (guint k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xEDB88320 & (0 - (crc & 1)));
    }
  return ~crc;
}

static void
put16 (GByteArray *out, guint v)
{
  guint8 b[2] = { v & 0xff, (v >> 8) & 0xff };

  g_byte_array_append (out, b, 2);
}

static void
put32 (GByteArray *out, guint32 v)
{
  put16 (out, v & 0xffff);
  put16 (out, v >> 16);
}

static GByteArray *
make_zip (const char *name, const char *content)
{
  GByteArray *zip = g_byte_array_new ();
  gsize name_length = strlen (name), length = strlen (content);
  guint32 crc = crc32_of ((const guint8 *) content, length);
  guint central;

  put32 (zip, 0x04034b50); put16 (zip, 20); put16 (zip, 0); put16 (zip, 0);
  put16 (zip, 0); put16 (zip, 0x21);
  put32 (zip, crc); put32 (zip, (guint32) length); put32 (zip, (guint32) length);
  put16 (zip, (guint) name_length); put16 (zip, 0);
  g_byte_array_append (zip, (const guint8 *) name, (guint) name_length);
  g_byte_array_append (zip, (const guint8 *) content, (guint) length);
  central = zip->len;
  put32 (zip, 0x02014b50); put16 (zip, 20); put16 (zip, 20); put16 (zip, 0); put16 (zip, 0);
  put16 (zip, 0); put16 (zip, 0x21);
  put32 (zip, crc); put32 (zip, (guint32) length); put32 (zip, (guint32) length);
  put16 (zip, (guint) name_length); put16 (zip, 0); put16 (zip, 0); put16 (zip, 0); put16 (zip, 0);
  put32 (zip, 0); put32 (zip, 0);
  g_byte_array_append (zip, (const guint8 *) name, (guint) name_length);
  put32 (zip, 0x06054b50); put16 (zip, 0); put16 (zip, 0); put16 (zip, 1); put16 (zip, 1);
  put32 (zip, zip->len - central); put32 (zip, central); put16 (zip, 0);
  return zip;
}

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

static char *
docx_xml (const char *text, const char *prologue)
{
  GString *xml = g_string_new (prologue);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_string_append (xml, "<w:document xmlns:w=\"" W_NS "\"><w:body>");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (lines[i], -1);

      g_string_append_printf (xml, "<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>", escaped);
    }
  g_string_append (xml, "</w:body></w:document>");
  return g_string_free (xml, FALSE);
}

static void
test_import_docx (void)
{
  g_autoptr(GPtrArray) texts = read_fixtures ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0xd0c5);
  guint n_mutants = rel_env_uint ("NB_FUZZ_MUTANTS", 200);
  Tally tally = { 0, 0, 0, 0, g_string_new (NULL) };
  RelRecord *record;
  gsize length = 0;
  const char *text;
  g_autofree char *xml = NULL;
  g_autoptr(GByteArray) docx = NULL;

  if (texts->len == 0)
    {
      g_test_skip ("no import fixtures in tests/data/import");
      g_string_free (tally.first_warning, TRUE);
      return;
    }
  record = rel_record_begin ("fuzz/import-docx",
    "a .docx made from an import fixture, cut every few bytes and mutated, plus hostile "
    "XML (an external entity naming /etc/passwd, a billion laughs, 100 000 nested "
    "elements, not XML at all): refused with a message or read, the entity never expanded");
  text = g_bytes_get_data (g_ptr_array_index (texts, 0), &length);
  {
    g_autofree char *copy = g_strndup (text, length);

    xml = docx_xml (copy, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  }
  docx = make_zip ("word/document.xml", xml);
  run_case (&tally, import_data, (const char *) docx->data, docx->len, "the .docx itself");
  g_assert_cmpuint (tally.accepted, ==, 1);

  for (gsize cut = 0; cut < docx->len; cut += MAX (docx->len / 60, 1))
    run_case (&tally, import_data, (const char *) docx->data, cut, "a cut .docx");
  for (guint i = 0; i < n_mutants / 2; i++)
    {
      g_autoptr(GByteArray) bytes = mutate (rand, (const char *) docx->data, docx->len);

      run_case (&tally, import_data, (const char *) bytes->data, bytes->len, "a mutated .docx");
    }

  {
    g_autofree char *nested_open = repeat ("<w:p>", 100000);
    g_autofree char *nested = g_strdup_printf ("<w:document xmlns:w=\"" W_NS "\"><w:body>%s",
                                               nested_open);
    const char *xxe =
      "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
      "<w:document xmlns:w=\"" W_NS "\"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>";
    const char *laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"哈哈哈哈哈哈哈哈哈哈\">"
      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
      "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
      "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
      "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>"
      "<w:document xmlns:w=\"" W_NS "\"><w:body><w:p><w:r><w:t>&h;</w:t></w:r></w:p></w:body></w:document>";
    const char *members[][2] = {
      { "word/document.xml", nested },
      { "word/document.xml", xxe },
      { "word/document.xml", laughs },
      { "word/document.xml", "not xml at all \x01\x02" },
      { "word/other.xml", xml },
    };

    for (guint i = 0; i < G_N_ELEMENTS (members); i++)
      {
        g_autoptr(GByteArray) zip = make_zip (members[i][0], members[i][1]);
        g_autoptr(GError) error = NULL;
        g_autofree char *extracted = nb_docx_extract_text ((const char *) zip->data, zip->len, &error);

        run_case (&tally, import_data, (const char *) zip->data, zip->len, "hostile XML");
        /* the entity must not have been fetched */
        g_assert_true (extracted == NULL || strstr (extracted, "root:") == NULL);
        g_assert_true (extracted == NULL || strlen (extracted) < 10 * 1024 * 1024);
      }
  }
  record_tally (record, &tally);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  seed = rel_env_uint ("NB_FUZZ_SEED", g_test_rand_int ());
  g_test_message ("NB_FUZZ_SEED=%u", seed);
  g_test_add_func ("/fuzz/json", test_json);
  g_test_add_func ("/fuzz/json-cli", test_json_cli);
  g_test_add_func ("/fuzz/import-text", test_import_text);
  g_test_add_func ("/fuzz/import-docx", test_import_docx);
  return g_test_run ();
}
