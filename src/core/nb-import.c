/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text of a published report, front to back: the title (organ and
 * year), the preamble and its contact block, the six sections found by
 * their headings (a stray or missing character allowed), the parts of the
 * three text sections, and the date of issue at the end. The tables are
 * read by nb-import-table.c. Whatever is not read is said, with its line.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nb-docx.h"
#include "nb-format.h"
#include "nb-import-private.h"

G_DEFINE_QUARK (nb-import-error-quark, nb_import_error)

/* A report is some tens of kilobytes; anything past these is not one. */
#define MAX_TEXT_BYTES (16 * 1024 * 1024)
#define MAX_FILE_BYTES (64 * 1024 * 1024)
/* A line longer than this is a paragraph, never a heading or a title. */
#define MAX_HEADING_BYTES 160

static void
problem_free (gpointer data)
{
  NbImportProblem *problem = data;

  g_free (problem->message);
  g_free (problem);
}

void
nb_import_add_problem (NbImportResult *result, guint line, const char *format, ...)
{
  NbImportProblem *problem = g_new0 (NbImportProblem, 1);
  va_list args;

  va_start (args, format);
  problem->line = line;
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (result->problems, problem);
}

void
nb_import_result_free (NbImportResult *result)
{
  if (result == NULL)
    return;
  g_clear_object (&result->report);
  g_ptr_array_unref (result->problems);
  g_free (result);
}

static int
compare_problems (gconstpointer a, gconstpointer b)
{
  const NbImportProblem *pa = *(NbImportProblem **) a;
  const NbImportProblem *pb = *(NbImportProblem **) b;

  return pa->line < pb->line ? -1 : pa->line > pb->line;
}

/* ---- lines ---- */

static void
remove_bookmarks (char *line)
{
  char *start;

  while ((start = strstr (line, "[bookmark:")) != NULL)
    {
      char *end = strchr (start, ']');

      if (end == NULL)
        break;
      memmove (start, end + 1, strlen (end + 1) + 1);
    }
}

static void
split_lines (NbImportDoc *doc, const char *text, gsize length)
{
  GPtrArray *lines = g_ptr_array_new ();
  const char *p = text;
  const char *end = text + length;

  while (p <= end)
    {
      const char *eol = p;
      GString *line;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      line = g_string_new_len (p, eol - p);
      g_string_replace (line, "\f", "", 0);
      remove_bookmarks (line->str);
      g_ptr_array_add (lines, g_string_free (line, FALSE));
      if (eol < end && *eol == '\r' && eol + 1 < end && eol[1] == '\n')
        eol++;
      p = eol + 1;
    }

  doc->n_lines = lines->len;
  doc->lines = g_new0 (NbImportLine, doc->n_lines);
  doc->norms = g_new0 (char *, doc->n_lines);
  for (guint i = 0; i < doc->n_lines; i++)
    {
      doc->lines[i].text = g_ptr_array_index (lines, i);
      doc->lines[i].number = i + 1;
      if (strlen (doc->lines[i].text) <= MAX_HEADING_BYTES)
        doc->norms[i] = nb_import_normalize (doc->lines[i].text, -1);
      /* a PDF's page footers, which can fall in the middle of a table */
      if (nb_import_is_page_number (doc->norms[i], FALSE))
        {
          doc->lines[i].text[0] = '\0';
          doc->norms[i][0] = '\0';
        }
    }
  g_ptr_array_unref (lines);
}

static void
doc_clear (NbImportDoc *doc)
{
  for (guint i = 0; i < doc->n_lines; i++)
    {
      g_free (doc->lines[i].text);
      g_free (doc->norms[i]);
    }
  g_free (doc->lines);
  g_free (doc->norms);
}

/* ---- headings ---- */

static const char *
get_heading_norm (guint section)
{
  static char *norms[NB_N_SECTIONS];
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      for (guint s = 0; s < NB_N_SECTIONS; s++)
        norms[s] = nb_import_normalize (nb_format_section (s)->heading, -1);
      g_once_init_leave (&initialised, 1);
    }
  return norms[section];
}

/* Which section, after @after, the line @norm heads; -1 for none. */
static int
match_heading (NbImportDoc *doc, guint line, int after)
{
  const char *norm = doc->norms[line];
  guint n_chars;
  int found = -1;
  int other = -1;

  if (norm == NULL || *norm == '\0')
    return -1;
  n_chars = (guint) g_utf8_strlen (norm, -1);

  for (int s = after + 1; s < NB_N_SECTIONS; s++)
    if (strcmp (norm, get_heading_norm ((guint) s)) == 0)
      return s;

  for (int s = after + 1; s < NB_N_SECTIONS; s++)
    {
      const char *heading = get_heading_norm ((guint) s);
      const char *body = nb_import_skip_numbering (heading);
      guint heading_chars = (guint) g_utf8_strlen (heading, -1);
      guint limit = nb_import_threshold (heading_chars);
      gboolean near;

      if (n_chars > heading_chars + 2)
        continue;
      near = (limit > 0 && nb_import_distance (norm, heading, limit) <= limit) ||
             (nb_import_skip_numbering (norm) == norm && strcmp (norm, body) == 0);
      if (!near)
        continue;
      if (found < 0)
        found = s;
      else if (other < 0)
        other = s;
    }

  if (other >= 0)
    {
      nb_import_add_problem (doc->result, doc->lines[line].number,
                             _("“%s” could be the heading “%s” or “%s”; it was read as text"),
                             doc->lines[line].text, nb_format_section ((guint) found)->heading,
                             nb_format_section ((guint) other)->heading);
      return -1;
    }
  if (found >= 0)
    nb_import_add_problem (doc->result, doc->lines[line].number,
                           _("“%s” was read as the heading “%s”"),
                           doc->lines[line].text, nb_format_section ((guint) found)->heading);
  return found;
}

/* A table whose heading is missing, recognised by its own first words. */
static int
match_table_start (NbImportDoc *doc, guint line, int after)
{
  const char *norm = doc->norms[line];

  if (norm == NULL)
    return -1;
  if (after < 1 && (g_str_has_prefix (norm, "第二十条第(一)项") || strcmp (norm, "信息内容|本年制发件数|本年废止件数|现行有效件数") == 0))
    return 1;
  if (after < 2 && (g_str_has_prefix (norm, "(本列数据的勾稽关系为") || g_str_has_prefix (norm, "申请人情况")))
    return 2;
  if (after == 2 && g_str_has_prefix (norm, "行政复议") && (norm[strlen ("行政复议")] == '\0' || strstr (norm, "行政诉讼") != NULL))
    return 3;
  return -1;
}

static void
find_sections (NbImportDoc *doc)
{
  int current = -1;

  doc->first_heading = doc->n_lines;
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    doc->start[s] = -1;

  for (guint i = 0; i < doc->n_lines; i++)
    {
      int s = match_heading (doc, i, current);
      gboolean implicit = FALSE;

      if (s < 0)
        {
          s = match_table_start (doc, i, current);
          implicit = s >= 0;
        }
      if (s < 0)
        continue;

      if (current >= 0)
        doc->end[current] = i;
      else
        doc->first_heading = i;
      current = s;
      if (implicit)
        {
          nb_import_add_problem (doc->result, doc->lines[i].number,
                                 _("The heading “%s” was not found; its table begins here"),
                                 nb_format_section ((guint) s)->heading);
          doc->start[s] = (int) i;
        }
      else
        doc->start[s] = (int) i + 1;
    }
  if (current >= 0)
    doc->end[current] = doc->n_lines;

  /* a text that stops inside a table was cut short */
  if (current >= 1 && current <= 3)
    {
      guint last = doc->n_lines;

      while (last > 0 && nb_import_is_blank (doc->lines[last - 1].text))
        last--;
      if (last > 0)
        nb_import_add_problem (doc->result, doc->lines[last - 1].number,
                               _("The text ends inside table %s: it seems to have been cut short"),
                               nb_format_section ((guint) current)->numeral);
    }
}

/* ---- the whole text ---- */

static gboolean
check_old_format (NbImportDoc *doc, GError **error)
{
  for (guint i = 0; i < doc->n_lines; i++)
    if (doc->norms[i] != NULL && nb_import_is_old_format (doc->norms[i]))
      {
        g_autofree char *excerpt = nb_import_excerpt (doc->lines[i].text, 30);

        g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_OLD_FORMAT,
                     _("Line %u: “%s” belongs to the 2019 format of the report; only the format "
                       "in force since the 2021 reports (国办公开办函〔2021〕30号) can be imported"),
                     doc->lines[i].number, excerpt);
        return FALSE;
      }
  return TRUE;
}

static gboolean
validate_text (const char *text, gsize length, GError **error)
{
  const char *bad;

  if (length > MAX_TEXT_BYTES)
    {
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_TOO_LARGE,
                   _("The text is too large to be a report (%zu bytes)"), length);
      return FALSE;
    }
  if (memchr (text, '\0', length) != NULL)
    {
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_NOT_REPORT,
                   _("The file holds binary data, not the text of a report"));
      return FALSE;
    }
  if (!g_utf8_validate_len (text, length, &bad))
    {
      guint line = 1;

      for (const char *p = text; p < bad; p++)
        line += *p == '\n';
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_ENCODING,
                   _("Line %u is not valid UTF-8 text"), line);
      return FALSE;
    }
  return TRUE;
}

/**
 * nb_import_text:
 * @text: the report as UTF-8 text
 * @length: its length in bytes, or -1 when it is NUL-terminated
 *
 * Returns: (transfer full): the report and what could not be read, or
 * %NULL with @error when there is nothing to import: not a report, the
 * 2019 format, not UTF-8.
 */
NbImportResult *
nb_import_text (const char *text, gssize length, GError **error)
{
  g_autoptr(NbImportResult) result = NULL;
  NbImportDoc doc = { 0 };
  gsize size;
  guint n_found = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    text = "";
  size = length < 0 ? strlen (text) : (gsize) length;
  if (!validate_text (text, size, error))
    return NULL;
  if (size >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3;
      size -= 3;
    }

  result = g_new0 (NbImportResult, 1);
  result->report = nb_report_new ();
  result->problems = g_ptr_array_new_with_free_func (problem_free);
  result->complete = TRUE;
  doc.result = result;

  split_lines (&doc, text, size);
  if (!check_old_format (&doc, error))
    {
      doc_clear (&doc);
      return NULL;
    }
  find_sections (&doc);
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    n_found += doc.start[s] >= 0;
  if (n_found == 0)
    {
      gboolean empty = TRUE;

      for (guint i = 0; i < doc.n_lines && empty; i++)
        empty = nb_import_is_blank (doc.lines[i].text);
      doc_clear (&doc);
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_NOT_REPORT,
                   empty
                   ? _("The text is empty")
                   : _("This is not a 政府信息公开工作年度报告: none of its section headings "
                       "(一、总体情况 to 六、其他需要报告的事项) was found"));
      return NULL;
    }

  nb_import_read_front_matter (&doc);

  for (guint s = 0; s < NB_N_SECTIONS && ok; s++)
    {
      const NbSectionInfo *info = nb_format_section (s);

      if (doc.start[s] < 0)
        {
          if (info->kind == NB_SECTION_TABLE)
            {
              nb_import_add_problem (result, 0, _("The section “%s” was not found; table %s was not read"),
                                     info->heading, info->numeral);
              result->complete = FALSE;
            }
          else
            nb_import_add_problem (result, 0, _("The section “%s” was not found"), info->heading);
          continue;
        }
      if (info->kind == NB_SECTION_TEXT)
        nb_import_read_text_section (&doc, (NbTextSection) info->text, (guint) doc.start[s], doc.end[s]);
      else
        ok = nb_import_read_table (info->table, doc.lines + doc.start[s],
                                   doc.end[s] - (guint) doc.start[s], result, error);
    }
  if (!ok)
    {
      doc_clear (&doc);
      return NULL;
    }

  /* the contact block of the preamble; else wherever the report gives it */
  if (nb_report_get_preamble (result->report) != NULL)
    nb_import_read_contact (result->report, nb_report_get_preamble (result->report));
  for (guint i = 0; i < doc.n_lines; i++)
    if (strstr (doc.lines[i].text, "：") != NULL || strstr (doc.lines[i].text, ":") != NULL)
      nb_import_read_contact (result->report, doc.lines[i].text);

  g_ptr_array_sort (result->problems, compare_problems);
  doc_clear (&doc);
  return g_steal_pointer (&result);
}

static const struct
{
  const char *magic;
  gsize length;
  const char *message;
} foreign_formats[] = {
  { "%PDF-", 5, N_("This is a PDF file: convert it to text with “pdftotext -layout” first, or import the .docx it was made from") },
  { "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, N_("This is a Word 97–2003 (.doc) or other legacy Office file: save it as .docx first") },
  { "{\\rtf", 5, N_("This is an RTF file: save it as .docx or as plain text first") },
};

/**
 * nb_import_data:
 * @data: the bytes of a file: UTF-8 (or UTF-16, GB18030) text, or a .docx
 *
 * Returns: (transfer full): as nb_import_text().
 */
NbImportResult *
nb_import_data (const char *data, gsize length, GError **error)
{
  g_autofree char *converted = NULL;
  const char *encoding = NULL;
  NbImportResult *result;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length == 0)
    {
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_NOT_REPORT, _("The file is empty"));
      return NULL;
    }
  if (length > MAX_FILE_BYTES)
    {
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_TOO_LARGE,
                   _("The file is too large to be a report (%zu bytes)"), length);
      return NULL;
    }
  if (nb_docx_is_zip (data, length))
    {
      g_autofree char *text = nb_docx_extract_text (data, length, error);

      return text != NULL ? nb_import_text (text, -1, error) : NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (foreign_formats); i++)
    if (length >= foreign_formats[i].length && memcmp (data, foreign_formats[i].magic, foreign_formats[i].length) == 0)
      {
        g_set_error_literal (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_UNSUPPORTED, _(foreign_formats[i].message));
        return NULL;
      }

  /* Notepad's “Unicode”, and the GBK text that Chinese Windows still writes */
  if (length >= 2 && ((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE))
    encoding = "UTF-16LE";
  else if (length >= 2 && ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF))
    encoding = "UTF-16BE";
  else if (!g_utf8_validate_len (data, length, NULL) && memchr (data, '\0', length) == NULL)
    encoding = "GB18030";

  if (encoding != NULL)
    {
      gsize skip = strcmp (encoding, "GB18030") == 0 ? 0 : 2;
      gsize written = 0;

      converted = g_convert (data + skip, (gssize) (length - skip), "UTF-8", encoding, NULL, &written, NULL);
      if (converted == NULL)
        {
          g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_ENCODING,
                       _("The file is neither UTF-8 nor %s text"), encoding);
          return NULL;
        }
      result = nb_import_text (converted, (gssize) written, error);
      if (result != NULL)
        {
          nb_import_add_problem (result, 0, _("The file was read as %s text"), encoding);
          g_ptr_array_sort (result->problems, compare_problems);
        }
      return result;
    }
  return nb_import_text (data, (gssize) length, error);
}

/**
 * nb_import_file:
 * @path: a .txt or .docx file; which one is told by its content
 *
 * Returns: (transfer full): as nb_import_text().
 */
NbImportResult *
nb_import_file (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_stat (path, &st) == 0 && st.st_size > MAX_FILE_BYTES)
    {
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is too large to be a report"), path);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return nb_import_data (data, length, error);
}
