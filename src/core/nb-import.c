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
/* A part's heading, written before its text on the same line, is short. */
#define MAX_INLINE_HEADING_CHARS 30
#define MAX_OWN_LINE_HEADING_CHARS 40
/* Lines of a paragraph that a PDF wrapped are long and end mid-sentence. */
#define MIN_WRAPPED_LINE_CHARS 25

typedef struct
{
  NbImportResult *result;
  NbImportLine *lines;
  char **norms;             /* normalised lines; NULL where longer than a heading */
  guint n_lines;
  int start[NB_N_SECTIONS]; /* first line after the heading; -1: not found */
  guint end[NB_N_SECTIONS];
  guint first_heading;      /* index of the first line that starts a section */
} Doc;

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

/* “— 2 —”, “第 2 页 共 6 页”; in text, where no figure stands alone, a bare
 * “2” too. */
static gboolean
is_page_number (const char *norm, gboolean bare)
{
  gboolean digit = FALSE;
  gboolean mark = FALSE;

  if (norm == NULL || *norm == '\0' || g_utf8_strlen (norm, -1) > 12)
    return FALSE;
  for (const char *p = norm; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c))
        digit = TRUE;
      else if (g_utf8_strchr ("-—–~第页共/", -1, c))
        mark = TRUE;
      else
        return FALSE;
    }
  return digit && (mark || bare);
}

static void
split_lines (Doc *doc, const char *text, gsize length)
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
      if (is_page_number (doc->norms[i], FALSE))
        {
          doc->lines[i].text[0] = '\0';
          doc->norms[i][0] = '\0';
        }
    }
  g_ptr_array_unref (lines);
}

static void
doc_clear (Doc *doc)
{
  for (guint i = 0; i < doc->n_lines; i++)
    {
      g_free (doc->lines[i].text);
      g_free (doc->norms[i]);
    }
  g_free (doc->lines);
  g_free (doc->norms);
}

/* The line without spaces of any width: how organ names are kept. */
static char *
strip_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000 && c != 0x00A0 && c != 0xFEFF)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
trimmed (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0')
    {
      gunichar c = g_utf8_get_char (start);

      if (!g_unichar_isspace (c) && c != 0x3000 && c != 0x00A0 && c != 0xFEFF)
        break;
      start = g_utf8_next_char (start);
    }
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);

      if (!g_unichar_isspace (c) && c != 0x3000 && c != 0x00A0 && c != 0xFEFF)
        break;
      end = prev;
    }
  return g_strndup (start, (gsize) (end - start));
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *t = trimmed (text);

  return *t == '\0';
}

/* ---- numbers in prose: years and dates ---- */

static int
digit_value (gunichar c)
{
  static const char hanzi[] = "〇一二三四五六七八九";
  const char *found;

  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  if (c >= 0xFF10 && c <= 0xFF19)
    return (int) (c - 0xFF10);
  if (c == 0x96F6) /* 零 */
    return 0;
  found = g_utf8_strchr (hanzi, -1, c);
  return found != NULL ? (int) g_utf8_pointer_to_offset (hanzi, found) : -1;
}

/* Reads a number written in digits, or in hanzi up to 三十一; returns the
 * position after it, or NULL. */
static const char *
read_small_number (const char *p, guint *value)
{
  guint n = 0;
  guint digits = 0;

  if (g_utf8_get_char (p) == 0x5341) /* 十 */
    {
      n = 10;
      p = g_utf8_next_char (p);
      if (digit_value (g_utf8_get_char (p)) > 0)
        {
          n += (guint) digit_value (g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }
      *value = n;
      return p;
    }
  while (*p != '\0' && digit_value (g_utf8_get_char (p)) >= 0 && digits < 4)
    {
      n = n * 10 + (guint) digit_value (g_utf8_get_char (p));
      p = g_utf8_next_char (p);
      digits++;
    }
  if (digits == 0)
    return NULL;
  if (digits == 1 && g_utf8_get_char (p) == 0x5341) /* 二十, 二十一 */
    {
      n *= 10;
      p = g_utf8_next_char (p);
      if (digit_value (g_utf8_get_char (p)) > 0)
        {
          n += (guint) digit_value (g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }
    }
  *value = n;
  return p;
}

/* The first “2024年” (or “二〇二四年”) in @text, spaces removed. */
static gboolean
find_year (const char *text, guint *year, const char **start, const char **end)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      guint value;
      const char *after;

      if (digit_value (g_utf8_get_char (p)) < 0)
        continue;
      after = read_small_number (p, &value);
      if (after != NULL && g_str_has_prefix (after, "年") &&
          value >= NB_MIN_YEAR && value <= NB_MAX_YEAR && after - p >= 4)
        {
          *year = value;
          *start = p;
          *end = after + strlen ("年");
          return TRUE;
        }
      if (after != NULL)
        p = g_utf8_prev_char (after);
    }
  return FALSE;
}

/* A line that is nothing but a date: 2025年1月20日, 二〇二五年一月二十日. */
static char *
parse_date_line (const char *norm)
{
  guint year, month, day;
  const char *p = read_small_number (norm, &year);

  if (p == NULL || !g_str_has_prefix (p, "年") || year < NB_MIN_YEAR || year > NB_MAX_YEAR)
    return NULL;
  p = read_small_number (p + strlen ("年"), &month);
  if (p == NULL || !g_str_has_prefix (p, "月") || month < 1 || month > 12)
    return NULL;
  p = read_small_number (p + strlen ("月"), &day);
  if (p == NULL || !g_str_has_prefix (p, "日") || *(p + strlen ("日")) != '\0' ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* ---- headings ---- */

static const char *
heading_norm (guint section)
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
match_heading (Doc *doc, guint line, int after)
{
  const char *norm = doc->norms[line];
  guint n_chars;
  int found = -1;
  int other = -1;

  if (norm == NULL || *norm == '\0')
    return -1;
  n_chars = (guint) g_utf8_strlen (norm, -1);

  for (int s = after + 1; s < NB_N_SECTIONS; s++)
    if (strcmp (norm, heading_norm ((guint) s)) == 0)
      return s;

  for (int s = after + 1; s < NB_N_SECTIONS; s++)
    {
      const char *heading = heading_norm ((guint) s);
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
match_table_start (Doc *doc, guint line, int after)
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
find_sections (Doc *doc)
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

      while (last > 0 && is_blank (doc->lines[last - 1].text))
        last--;
      if (last > 0)
        nb_import_add_problem (doc->result, doc->lines[last - 1].number,
                               _("The text ends inside table %s: it seems to have been cut short"),
                               nb_format_section ((guint) current)->numeral);
    }
}

/* ---- front matter ---- */

static gboolean
ends_sentence (const char *line)
{
  static const char *const ends[] = { "。", "！", "？", "；", "：", "”", "）", ")", "」", "…", ".", ";", ":", NULL };

  for (guint i = 0; ends[i] != NULL; i++)
    if (g_str_has_suffix (line, ends[i]))
      return TRUE;
  return FALSE;
}

/* Adds a line to a paragraph. Lines that a PDF wrapped (long, and ending
 * mid-sentence) are joined without a break; Chinese needs no space. */
static void
append_line (GString *text, const char *line, gboolean *wrapped)
{
  if (*line == '\0')
    return;
  if (text->len > 0 && !*wrapped)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
  *wrapped = g_utf8_strlen (line, -1) >= MIN_WRAPPED_LINE_CHARS && !ends_sentence (line);
}


static char *
organ_from_title (const char *title, const char *year_start, const char *year_end)
{
  g_autofree char *before = g_strndup (title, (gsize) (year_start - title));
  const char *suffix;

  /* 某某局关于2024年… */
  if (g_str_has_suffix (before, "关于"))
    before[strlen (before) - strlen ("关于")] = '\0';
  if (*before != '\0')
    return g_steal_pointer (&before);

  /* 2024年度某某局政府信息公开工作年度报告 */
  if (g_str_has_prefix (year_end, "度"))
    year_end += strlen ("度");
  suffix = strstr (year_end, "政府信息公开");
  if (suffix != NULL && suffix > year_end)
    return g_strndup (year_end, (gsize) (suffix - year_end));
  return NULL;
}

static gboolean
is_title (const char *norm)
{
  return norm != NULL && strstr (norm, "政府信息公开") != NULL && strstr (norm, "年度报告") != NULL;
}

static void
report_skipped (Doc *doc, guint first, guint last)
{
  if (first == last)
    nb_import_add_problem (doc->result, doc->lines[first].number,
                           _("Line %u, before the title, was not read"), doc->lines[first].number);
  else
    nb_import_add_problem (doc->result, doc->lines[first].number,
                           _("Lines %u to %u, before the title, were not read"),
                           doc->lines[first].number, doc->lines[last].number);
}

static void
read_front_matter (Doc *doc)
{
  NbReport *report = doc->result->report;
  guint end = doc->first_heading;
  guint title = end;
  guint preamble_from = 0;
  guint skipped_to = 0;   /* lines before this index were not read */
  g_autoptr(GString) preamble = g_string_new (NULL);
  gboolean wrapped = FALSE;
  guint year = 0;

  for (guint i = 0; i < end && title == end; i++)
    if (is_title (doc->norms[i]))
      title = i;

  if (title < end)
    {
      g_autofree char *text = strip_spaces (doc->lines[title].text);
      const char *year_start, *year_end;
      g_autofree char *organ = NULL;

      preamble_from = title + 1;
      skipped_to = title;
      if (find_year (text, &year, &year_start, &year_end))
        organ = organ_from_title (text, year_start, year_end);
      else
        nb_import_add_problem (doc->result, doc->lines[title].number,
                               _("The title names no year"));

      if (organ == NULL)
        {
          /* the organ on a line of its own above the title */
          for (guint i = title; i > 0; i--)
            if (!is_blank (doc->lines[i - 1].text))
              {
                g_autofree char *line = strip_spaces (doc->lines[i - 1].text);

                if (g_utf8_strlen (line, -1) <= 50 && strstr (line, "。") == NULL)
                  {
                    organ = g_steal_pointer (&line);
                    skipped_to = i - 1;
                  }
                break;
              }
        }
      if (organ != NULL)
        nb_report_set_organ_field (report, NB_ORGAN_NAME, organ);
      else
        nb_import_add_problem (doc->result, doc->lines[title].number,
                               _("The title names no organ"));
    }
  else
    nb_import_add_problem (doc->result, 0, _("No title naming the organ and the year was found"));

  for (guint i = 0; i < skipped_to; )
    {
      guint last;

      if (is_blank (doc->lines[i].text))
        {
          i++;
          continue;
        }
      last = i;
      while (last + 1 < skipped_to && !is_blank (doc->lines[last + 1].text))
        last++;
      report_skipped (doc, i, last);
      i = last + 1;
    }

  for (guint i = preamble_from; i < end; i++)
    {
      g_autofree char *line = trimmed (doc->lines[i].text);

      append_line (preamble, line, &wrapped);
    }
  if (preamble->len > 0)
    nb_report_set_preamble (report, preamble->str);

  if (year == 0)
    {
      /* 本报告所列数据的统计期限自2024年1月1日起 */
      for (guint i = 0; i < doc->n_lines && year == 0; i++)
        {
          const char *period = strstr (doc->lines[i].text, "1月1日");
          const char *year_start, *year_end;
          g_autofree char *head = NULL;

          if (period == NULL)
            continue;
          head = strip_spaces (doc->lines[i].text);
          period = strstr (head, "年1月1日");
          while (period != NULL && period - head >= 4)
            {
              g_autofree char *candidate = g_strndup (period - 4, 4 + strlen ("年"));

              if (find_year (candidate, &year, &year_start, &year_end))
                {
                  nb_import_add_problem (doc->result, doc->lines[i].number,
                                         _("The year %u was taken from the statistics period"), year);
                  break;
                }
              period = strstr (period + 1, "年1月1日");
            }
        }
      if (year == 0)
        nb_import_add_problem (doc->result, 0, _("The year of the report was not found"));
    }
  if (year != 0)
    nb_report_set_year (report, year);
}

/* ---- the contact block ---- */

typedef struct
{
  NbOrganField field;
  const char *const keys[6];
} ContactKeys;

static const ContactKeys contact_keys[] = {
  { NB_ORGAN_ADDRESS, { "地址", NULL } },
  { NB_ORGAN_POSTCODE, { "邮政编码", "邮编", NULL } },
  { NB_ORGAN_TELEPHONE, { "电话", NULL } },
  { NB_ORGAN_EMAIL, { "电子邮箱", "电子邮件", "邮箱", "E-mail", "Email", NULL } },
};

static gboolean
ends_contact_value (gunichar c)
{
  return c == 0xFF0C || c == ',' || c == 0xFF1B || c == ';' || c == 0xFF09 || c == ')' ||
         c == 0x3002 || c == 0x3001 || c == '\0' || c == '\n';
}

/* “地址：枣庄市…，” — the value after a key and its colon. */
static char *
find_contact (const char *text, const char *key)
{
  for (const char *p = strstr (text, key); p != NULL; p = strstr (p + 1, key))
    {
      const char *value = p + strlen (key);
      const char *end;

      /* 邮箱地址, 网站地址: not the organ's address */
      if (strcmp (key, "地址") == 0 && p - text >= 6 &&
          (g_str_has_prefix (p - 6, "邮箱") || g_str_has_prefix (p - 6, "网站") ||
           g_str_has_prefix (p - 6, "网址") || g_str_has_prefix (p - 6, "邮件") ||
           g_str_has_prefix (p - 6, "网页")))
        continue;
      while (*value == ' ')
        value++;
      if (g_str_has_prefix (value, "："))
        value += strlen ("：");
      else if (*value == ':')
        value++;
      else
        continue;
      while (*value == ' ')
        value++;
      end = value;
      while (*end != '\0' && !ends_contact_value (g_utf8_get_char (end)))
        end = g_utf8_next_char (end);
      if (end > value)
        {
          g_autofree char *found = g_strndup (value, (gsize) (end - value));

          return g_strstrip (g_steal_pointer (&found));
        }
    }
  return NULL;
}

static char *
find_website (const char *text)
{
  const char *start = strstr (text, "http://");
  const char *https = strstr (text, "https://");
  const char *end;

  if (start == NULL || (https != NULL && https < start))
    start = https;
  if (start == NULL)
    start = strstr (text, "www.");
  if (start == NULL)
    return NULL;
  for (end = start; *end > ' ' && *end < 0x7F && *end != ')' && *end != '"'; end++)
    ;
  while (end > start && (end[-1] == '.' || end[-1] == ','))
    end--;
  return g_strndup (start, (gsize) (end - start));
}

static void
read_contact (NbReport *report, const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (contact_keys); i++)
    {
      if (nb_report_get_organ_field (report, contact_keys[i].field) != NULL)
        continue;
      for (guint k = 0; contact_keys[i].keys[k] != NULL; k++)
        {
          g_autofree char *value = find_contact (text, contact_keys[i].keys[k]);

          if (value != NULL && *value != '\0')
            {
              nb_report_set_organ_field (report, contact_keys[i].field, value);
              break;
            }
        }
    }
  if (nb_report_get_organ_field (report, NB_ORGAN_WEBSITE) == NULL)
    {
      g_autofree char *website = find_website (text);

      if (website != NULL && strlen (website) > strlen ("www."))
        nb_report_set_organ_field (report, NB_ORGAN_WEBSITE, website);
    }
}

/* ---- text sections ---- */

/* （一） … （十九）: returns the number, and where the rest begins. */
static guint
part_number (const char *line, const char **rest)
{
  const char *p = line;
  guint n;

  if (g_str_has_prefix (p, "（"))
    p += strlen ("（");
  else if (*p == '(')
    p++;
  else
    return 0;
  if (g_ascii_isdigit (*p) || (p = read_small_number (p, &n)) == NULL || n == 0)
    return 0;
  if (g_str_has_prefix (p, "）"))
    p += strlen ("）");
  else if (*p == ')')
    p++;
  else
    return 0;
  *rest = p;
  return n;
}



typedef struct
{
  NbReport *report;
  NbTextSection section;
  char *heading;
  GString *body;
  gboolean open;
  gboolean last_wrapped;
} PartBuilder;

static void
flush_part (PartBuilder *builder)
{
  if (builder->open && (builder->heading != NULL || builder->body->len > 0))
    nb_report_insert_part (builder->report, builder->section, -1,
                           builder->heading != NULL ? builder->heading : "", builder->body->str);
  g_clear_pointer (&builder->heading, g_free);
  g_string_truncate (builder->body, 0);
  builder->open = FALSE;
  builder->last_wrapped = FALSE;
}

static void
append_body (PartBuilder *builder, const char *line)
{
  if (*line == '\0')
    return;
  append_line (builder->body, line, &builder->last_wrapped);
  builder->open = TRUE;
}

/* “（一）主动公开情况。2024年，…” or “（一）主动公开” alone on its line. */
static void
start_part (PartBuilder *builder, const char *line, const char *rest)
{
  const char *stop = NULL;
  guint n = 0;

  flush_part (builder);
  builder->open = TRUE;
  for (const char *p = rest; *p != '\0' && n <= MAX_INLINE_HEADING_CHARS; p = g_utf8_next_char (p), n++)
    if (g_str_has_prefix (p, "。") || g_str_has_prefix (p, "：") || *p == ':')
      {
        stop = p;
        break;
      }

  if (stop != NULL && stop > rest)
    {
      builder->heading = g_strndup (line, (gsize) (stop - line));
      append_body (builder, g_utf8_next_char (stop));
    }
  else if (g_utf8_strlen (line, -1) <= MAX_OWN_LINE_HEADING_CHARS && strstr (line, "。") == NULL)
    builder->heading = g_strdup (line);
  else
    {
      builder->heading = g_strndup (line, (gsize) (rest - line));
      append_body (builder, rest);
    }
}

static gboolean
is_signature (const char *line, const char *organ)
{
  static const char *const endings[] = { "政府", "办公室", "办事处", "局", "委员会", "中心", "厅", "委", NULL };

  if (organ != NULL && strcmp (line, organ) == 0)
    return TRUE;
  if (g_utf8_strlen (line, -1) > 30 || strstr (line, "，") != NULL || strstr (line, "。") != NULL)
    return FALSE;
  for (guint i = 0; endings[i] != NULL; i++)
    if (g_str_has_suffix (line, endings[i]))
      return TRUE;
  return FALSE;
}

static void
read_text_section (Doc *doc, NbTextSection section, guint start, guint end)
{
  PartBuilder builder = { doc->result->report, section, NULL, g_string_new (NULL), FALSE, FALSE };
  guint last_number = 0;

  /* the signature and the date of issue close the report */
  if (section == NB_TEXT_OTHER)
    {
      guint last = end;
      g_autofree char *date = NULL;

      while (last > start && (is_blank (doc->lines[last - 1].text) || is_page_number (doc->norms[last - 1], TRUE)))
        last--;
      if (last > start && doc->norms[last - 1] != NULL &&
          (date = parse_date_line (doc->norms[last - 1])) != NULL &&
          nb_report_set_issued (doc->result->report, date, NULL))
        {
          g_autofree char *signature = NULL;

          end = --last;
          while (last > start && is_blank (doc->lines[last - 1].text))
            last--;
          if (last > start)
            signature = strip_spaces (doc->lines[last - 1].text);
          if (signature != NULL && is_signature (signature, nb_report_get_organ_name (doc->result->report)))
            end = last - 1;
        }
    }

  for (guint i = start; i < end; i++)
    {
      g_autofree char *line = trimmed (doc->lines[i].text);
      const char *rest = NULL;
      guint number;

      if (*line == '\0' || is_page_number (doc->norms[i], TRUE))
        continue;
      number = part_number (line, &rest);
      if (number > last_number && number <= last_number + 2)
        {
          start_part (&builder, line, rest);
          last_number = number;
        }
      else
        append_body (&builder, line);
    }
  flush_part (&builder);
  g_string_free (builder.body, TRUE);
}

/* ---- the whole text ---- */

static gboolean
check_old_format (Doc *doc, GError **error)
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
                   _("The text is too large to be a report (%" G_GSIZE_FORMAT " bytes)"), length);
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
  Doc doc = { 0 };
  gsize size;
  guint n_found = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

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
        empty = is_blank (doc.lines[i].text);
      doc_clear (&doc);
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_NOT_REPORT,
                   empty
                   ? _("The text is empty")
                   : _("This is not a 政府信息公开工作年度报告: none of its section headings "
                       "(一、总体情况 to 六、其他需要报告的事项) was found"));
      return NULL;
    }

  read_front_matter (&doc);

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
        read_text_section (&doc, (NbTextSection) info->text, (guint) doc.start[s], doc.end[s]);
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
    read_contact (result->report, nb_report_get_preamble (result->report));
  for (guint i = 0; i < doc.n_lines; i++)
    if (strstr (doc.lines[i].text, "：") != NULL || strstr (doc.lines[i].text, ":") != NULL)
      read_contact (result->report, doc.lines[i].text);

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
                   _("The file is too large to be a report (%" G_GSIZE_FORMAT " bytes)"), length);
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
