/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The prose of a published report: the title (organ and year), the
 * preamble and its contact block, the parts of the three text sections —
 * “（一）主动公开” on a line of its own or “（一）主动公开情况。text” —
 * and the signature and date of issue that close it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-format.h"
#include "nb-import-private.h"

/* A part's heading, written before its text on the same line, is short. */
#define MAX_INLINE_HEADING_CHARS 30
#define MAX_OWN_LINE_HEADING_CHARS 40
/* Lines of a paragraph that a PDF wrapped are long and end mid-sentence. */
#define MIN_WRAPPED_LINE_CHARS 25

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

/* ---- numbers in prose: years and dates ---- */

static int
get_digit_value (gunichar c)
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
      if (get_digit_value (g_utf8_get_char (p)) > 0)
        {
          n += (guint) get_digit_value (g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }
      *value = n;
      return p;
    }
  while (*p != '\0' && get_digit_value (g_utf8_get_char (p)) >= 0 && digits < 4)
    {
      n = n * 10 + (guint) get_digit_value (g_utf8_get_char (p));
      p = g_utf8_next_char (p);
      digits++;
    }
  if (digits == 0)
    return NULL;
  if (digits == 1 && g_utf8_get_char (p) == 0x5341) /* 二十, 二十一 */
    {
      n *= 10;
      p = g_utf8_next_char (p);
      if (get_digit_value (g_utf8_get_char (p)) > 0)
        {
          n += (guint) get_digit_value (g_utf8_get_char (p));
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

      if (get_digit_value (g_utf8_get_char (p)) < 0)
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
report_skipped (NbImportDoc *doc, guint first, guint last)
{
  if (first == last)
    nb_import_add_problem (doc->result, doc->lines[first].number,
                           _("Line %u, before the title, was not read"), doc->lines[first].number);
  else
    nb_import_add_problem (doc->result, doc->lines[first].number,
                           _("Lines %u to %u, before the title, were not read"),
                           doc->lines[first].number, doc->lines[last].number);
}

void
nb_import_read_front_matter (NbImportDoc *doc)
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
            if (!nb_import_is_blank (doc->lines[i - 1].text))
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

      if (nb_import_is_blank (doc->lines[i].text))
        {
          i++;
          continue;
        }
      last = i;
      while (last + 1 < skipped_to && !nb_import_is_blank (doc->lines[last + 1].text))
        last++;
      report_skipped (doc, i, last);
      i = last + 1;
    }

  for (guint i = preamble_from; i < end; i++)
    {
      g_autofree char *line = nb_import_trim (doc->lines[i].text);

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

void
nb_import_read_contact (NbReport *report, const char *text)
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

void
nb_import_read_text_section (NbImportDoc *doc, NbTextSection section, guint start, guint end)
{
  PartBuilder builder = { doc->result->report, section, NULL, g_string_new (NULL), FALSE, FALSE };
  guint last_number = 0;

  /* the signature and the date of issue close the report */
  if (section == NB_TEXT_OTHER)
    {
      guint last = end;
      g_autofree char *date = NULL;

      while (last > start && (nb_import_is_blank (doc->lines[last - 1].text) || nb_import_is_page_number (doc->norms[last - 1], TRUE)))
        last--;
      if (last > start && doc->norms[last - 1] != NULL &&
          (date = parse_date_line (doc->norms[last - 1])) != NULL &&
          nb_report_set_issued (doc->result->report, date, NULL))
        {
          g_autofree char *signature = NULL;

          end = --last;
          while (last > start && nb_import_is_blank (doc->lines[last - 1].text))
            last--;
          if (last > start)
            signature = strip_spaces (doc->lines[last - 1].text);
          if (signature != NULL && is_signature (signature, nb_report_get_organ_name (doc->result->report)))
            end = last - 1;
        }
    }

  for (guint i = start; i < end; i++)
    {
      g_autofree char *line = nb_import_trim (doc->lines[i].text);
      const char *rest = NULL;
      guint number;

      if (*line == '\0' || nb_import_is_page_number (doc->norms[i], TRUE))
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
