/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-format.h"
#include "nb-number.h"
#include "nb-narrative.h"
#include "nb-rules.h"
#include "nb-similarity.h"

/* The rules run on every keystroke, so the path on which nothing is wrong
 * allocates nothing but the returned array: figures are copied once into
 * plain arrays, text is searched in place, and strings (cell descriptions,
 * numbers, messages, keys) are built only when a finding is made. */

typedef struct
{
  guint64 order;
  NbFinding *finding;
} Entry;

typedef struct
{
  NbReport *report;
  gint64 values[NB_N_CELLS];
  gboolean filled[NB_N_CELLS];
  GArray *entries;   /* Entry; created with the first finding */
  guint n_made;
} Check;

typedef enum
{
  SUM_T3_ROW,
  SUM_T3_RESULTS,
  SUM_T4_GROUP,
} SumKind;

/* Findings are ordered by severity, then by where they sit in the report
 * (front matter, 一, the cells of tables 二 to 四, 五, 六), then by the
 * order in which the rules made them. */
#define POS_FRONT_MATTER 0u

static guint
position_of_cell (guint cell)
{
  return 2 + cell;
}

/* Text sections only: 一 comes before the tables, 五 and 六 after them. */
static guint
position_of_text_section (int section)
{
  return section == 0 ? 1 : 2 + NB_N_CELLS + (guint) section;
}

static int
section_of_table (guint table)
{
  for (guint i = 0; i < NB_N_SECTIONS; i++)
    if (nb_format_section (i)->kind == NB_SECTION_TABLE && nb_format_section (i)->table == table)
      return (int) i;
  g_return_val_if_reached (-1);
}

static int
section_of_text (NbTextSection text)
{
  for (guint i = 0; i < NB_N_SECTIONS; i++)
    if (nb_format_section (i)->kind == NB_SECTION_TEXT && nb_format_section (i)->text == (int) text)
      return (int) i;
  g_return_val_if_reached (-1);
}

/* Imported files can carry any gint64, so sums saturate rather than wrap;
 * a sum that would overflow cannot equal a real total anyway. */
static gint64
add_saturated (gint64 a, gint64 b)
{
  if (b > 0 && a > G_MAXINT64 - b)
    return G_MAXINT64;
  if (b < 0 && a < G_MININT64 - b)
    return G_MININT64;
  return a + b;
}

static gint64
distance_saturated (gint64 a, gint64 b)
{
  /* unsigned arithmetic gives the exact distance of any two gint64 */
  guint64 d = a >= b ? (guint64) a - (guint64) b : (guint64) b - (guint64) a;

  return d > G_MAXINT64 ? G_MAXINT64 : (gint64) d;
}

static char *
format_value (guint cell, gint64 value)
{
  return nb_number_format (value, nb_format_cell (cell)->kind);
}

/* Creates a finding and files it; @key_suffix is a cell id or section key.
 * Takes ownership of @message, @expected and @actual. */
static NbFinding *
make_finding (Check        *check,
              const char   *rule,
              NbSeverity    severity,
              int           section,
              guint         position,
              const char   *key_suffix,
              char         *message,
              char         *expected,
              char         *actual)
{
  NbFinding *finding = nb_finding_new (rule, severity, section);
  Entry entry;

  finding->message = message;
  finding->expected = expected;
  finding->actual = actual;
  finding->key = g_strconcat (rule, ":", key_suffix, NULL);

  if (check->entries == NULL)
    check->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  entry.order = ((guint64) severity << 48) | ((guint64) position << 24) | check->n_made++;
  entry.finding = finding;
  g_array_append_val (check->entries, entry);
  return finding;
}

static NbFinding *
make_cell_finding (Check      *check,
                   const char *rule,
                   NbSeverity  severity,
                   guint       cell,
                   char       *message,
                   char       *expected,
                   char       *actual)
{
  const NbCellInfo *info = nb_format_cell (cell);
  NbFinding *finding;

  finding = make_finding (check, rule, severity, section_of_table (info->table),
                          position_of_cell (cell), info->id, message, expected, actual);
  nb_finding_add_cell (finding, cell);
  return finding;
}

/* Blank cells and the sums (R1, R2, R4): a sum is checked once its total is
 * filled in and at least one addend is; the blank addends then count as 0.
 * A clerk who types a total and leaves some addends blank meaning "none" is
 * told at once when the figures disagree, while a total not yet typed, or a
 * row with no addends yet, is left to W7 (blank figures) rather than
 * reported as wrong. */
static void
check_sum (Check       *check,
           SumKind      kind,
           guint        total,
           const guint *addends,
           guint        n_addends)
{
  gint64 sum = 0;
  gboolean any = FALSE;
  g_autofree char *where = NULL;
  g_autofree char *shown_total = NULL;
  g_autofree char *shown_sum = NULL;
  g_autofree char *shown_diff = NULL;
  const char *rule = NULL;
  char *message = NULL;
  NbFinding *finding;

  if (!check->filled[total])
    return;
  for (guint i = 0; i < n_addends; i++)
    if (check->filled[addends[i]])
      {
        any = TRUE;
        sum = add_saturated (sum, check->values[addends[i]]);
      }
  if (!any || sum == check->values[total])
    return;

  where = nb_format_cell_describe (total);
  shown_total = format_value (total, check->values[total]);
  shown_sum = format_value (total, sum);
  shown_diff = format_value (total, distance_saturated (sum, check->values[total]));

  switch (kind)
    {
    case SUM_T3_ROW:
      rule = "R1";
      message = g_strdup_printf (_("%s is %s, but the applicant columns add up to %s (off by %s)"),
                                 where, shown_total, shown_sum, shown_diff);
      break;
    case SUM_T3_RESULTS:
      rule = "R2";
      message = g_strdup_printf (_("%s is %s, but the result rows add up to %s (off by %s)"),
                                 where, shown_total, shown_sum, shown_diff);
      break;
    case SUM_T4_GROUP:
      rule = "R4";
      message = g_strdup_printf (_("%s is %s, but the outcomes add up to %s (off by %s)"),
                                 where, shown_total, shown_sum, shown_diff);
      break;
    default:
      g_assert_not_reached ();
    }

  finding = make_cell_finding (check, rule, NB_SEVERITY_ERROR, total, message,
                               g_steal_pointer (&shown_sum), g_steal_pointer (&shown_total));
  for (guint i = 0; i < n_addends; i++)
    nb_finding_add_cell (finding, addends[i]);
}

/* R1: every row of table 三 across the applicant columns. */
static void
check_t3_rows (Check *check)
{
  guint addends[NB_T3_COL_TOTAL];

  for (guint r = 0; r < NB_T3_N_ROWS; r++)
    {
      for (guint c = 0; c < NB_T3_COL_TOTAL; c++)
        addends[c] = nb_format_t3_cell (r, c);
      check_sum (check, SUM_T3_ROW, nb_format_t3_cell (r, NB_T3_COL_TOTAL),
                 addends, NB_T3_COL_TOTAL);
    }
}

/* R2: every column of table 三 down the result rows. */
static void
check_t3_results (Check *check)
{
  guint addends[NB_T3_ROW_LAST_RESULT - NB_T3_ROW_FIRST_RESULT + 1];

  for (guint c = 0; c < NB_T3_N_COLUMNS; c++)
    {
      for (guint r = NB_T3_ROW_FIRST_RESULT; r <= NB_T3_ROW_LAST_RESULT; r++)
        addends[r - NB_T3_ROW_FIRST_RESULT] = nb_format_t3_cell (r, c);
      check_sum (check, SUM_T3_RESULTS, nb_format_t3_cell (NB_T3_ROW_RESULT_TOTAL, c),
                 addends, G_N_ELEMENTS (addends));
    }
}

/* R3, the note printed under table 三. Checked only when all four figures
 * of the column are filled in: with one of them blank the balance says
 * nothing yet. The finding is filed on 结转下年度继续办理, the figure a
 * clerk derives from the other three. */
static void
check_t3_balance (Check *check)
{
  for (guint c = 0; c < NB_T3_N_COLUMNS; c++)
    {
      guint new_cell = nb_format_t3_cell (NB_T3_ROW_NEW, c);
      guint in_cell = nb_format_t3_cell (NB_T3_ROW_CARRIED_IN, c);
      guint total_cell = nb_format_t3_cell (NB_T3_ROW_RESULT_TOTAL, c);
      guint out_cell = nb_format_t3_cell (NB_T3_ROW_CARRIED_OUT, c);
      gint64 received, handled, expected;
      NbFinding *finding;
      g_autofree char *where = NULL;
      g_autofree char *shown_received = NULL;
      g_autofree char *shown_handled = NULL;
      g_autofree char *shown_out = NULL;
      g_autofree char *shown_expected = NULL;
      g_autofree char *shown_diff = NULL;
      char *message;

      if (!check->filled[new_cell] || !check->filled[in_cell] ||
          !check->filled[total_cell] || !check->filled[out_cell])
        continue;
      received = add_saturated (check->values[new_cell], check->values[in_cell]);
      handled = add_saturated (check->values[total_cell], check->values[out_cell]);
      if (received == handled)
        continue;

      expected = add_saturated (received, -check->values[total_cell]);
      where = nb_format_cell_describe (out_cell);
      shown_received = format_value (out_cell, received);
      shown_handled = format_value (out_cell, check->values[total_cell]);
      shown_out = format_value (out_cell, check->values[out_cell]);
      shown_expected = format_value (out_cell, expected);
      shown_diff = format_value (out_cell, distance_saturated (received, handled));
      message = g_strdup_printf (_("%s is %s, but new plus carried-in requests (%s) less the "
                                   "result total (%s) leave %s (off by %s)"),
                                 where, shown_out, shown_received, shown_handled,
                                 shown_expected, shown_diff);

      finding = make_cell_finding (check, "R3", NB_SEVERITY_ERROR, out_cell, message,
                                   g_steal_pointer (&shown_expected),
                                   g_steal_pointer (&shown_out));
      nb_finding_add_cell (finding, new_cell);
      nb_finding_add_cell (finding, in_cell);
      nb_finding_add_cell (finding, total_cell);
    }
}

/* R4: each group of table 四. */
static void
check_t4_groups (Check *check)
{
  guint addends[NB_T4_COL_TOTAL];

  for (guint g = 0; g < NB_T4_N_GROUPS; g++)
    {
      for (guint c = 0; c < NB_T4_COL_TOTAL; c++)
        addends[c] = nb_format_t4_cell (g, c);
      check_sum (check, SUM_T4_GROUP, nb_format_t4_cell (g, NB_T4_COL_TOTAL),
                 addends, NB_T4_COL_TOTAL);
    }
}

/* R5: figures typed in went through nb_number_parse, which refuses
 * negatives, fractions in counts and fees beyond the fen; the model holds
 * integers (the fee in integer fen), so wholeness and the six decimals hold
 * by construction. What can still arrive, from an imported file, is a
 * negative figure. */
static void
check_ranges (Check *check)
{
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    {
      g_autofree char *where = NULL;
      char *shown;

      if (!check->filled[cell] || check->values[cell] >= 0)
        continue;
      where = nb_format_cell_describe (cell);
      shown = format_value (cell, check->values[cell]);
      make_cell_finding (check, "R5", NB_SEVERITY_ERROR, cell,
                         g_strdup_printf (_("%s is %s, but a figure cannot be less than 0"),
                                          where, shown),
                         NULL, shown);
    }
}

/* W1: requests carried over into this year are the ones last year's
 * report carried forward. */
static void
check_carry_over (Check *check, NbReport *previous)
{
  for (guint c = 0; c < NB_T3_N_COLUMNS; c++)
    {
      guint in_cell = nb_format_t3_cell (NB_T3_ROW_CARRIED_IN, c);
      guint out_cell = nb_format_t3_cell (NB_T3_ROW_CARRIED_OUT, c);
      gint64 last;
      g_autofree char *where = NULL;
      g_autofree char *shown_diff = NULL;
      char *shown_this, *shown_last;

      if (!check->filled[in_cell] || !nb_report_get_figure (previous, out_cell, &last) ||
          check->values[in_cell] == last)
        continue;

      where = nb_format_cell_describe (in_cell);
      shown_this = format_value (in_cell, check->values[in_cell]);
      shown_last = format_value (in_cell, last);
      shown_diff = format_value (in_cell, distance_saturated (check->values[in_cell], last));
      make_cell_finding (check, "W1", NB_SEVERITY_WARNING, in_cell,
                         g_strdup_printf (_("%s is %s, but last year’s report carried "
                                            "%s forward to this year (off by %s)"),
                                          where, shown_this, shown_last, shown_diff),
                         shown_last, shown_this);
    }
}

/* W2: the stock of 规章 and 行政规范性文件 in force, on the rows of table 二
 * that have the issued / repealed / in-force columns. */
static void
check_stock (Check *check, NbReport *previous)
{
  for (guint b = 0; b < NB_T2_N_BLOCKS; b++)
    {
      const NbT2Block *block = nb_format_t2_block (b);
      int issued_col = -1, repealed_col = -1, in_force_col = -1;

      for (guint c = 0; c < block->n_columns; c++)
        {
          if (strcmp (block->column_ids[c], "issued") == 0)
            issued_col = (int) c;
          else if (strcmp (block->column_ids[c], "repealed") == 0)
            repealed_col = (int) c;
          else if (strcmp (block->column_ids[c], "in_force") == 0)
            in_force_col = (int) c;
        }
      if (issued_col < 0 || repealed_col < 0 || in_force_col < 0)
        continue;

      for (guint r = 0; r < block->n_rows; r++)
        {
          guint issued = nb_format_t2_cell (b, r, (guint) issued_col);
          guint repealed = nb_format_t2_cell (b, r, (guint) repealed_col);
          guint in_force = nb_format_t2_cell (b, r, (guint) in_force_col);
          gint64 last, expected;
          NbFinding *finding;
          g_autofree char *where = NULL;
          g_autofree char *shown_last = NULL;
          g_autofree char *shown_issued = NULL;
          g_autofree char *shown_repealed = NULL;
          g_autofree char *shown_diff = NULL;
          char *shown_expected, *shown_this;

          if (!check->filled[issued] || !check->filled[repealed] || !check->filled[in_force] ||
              !nb_report_get_figure (previous, in_force, &last))
            continue;
          expected = add_saturated (add_saturated (last, check->values[issued]),
                                    -check->values[repealed]);
          if (expected == check->values[in_force])
            continue;

          where = nb_format_cell_describe (in_force);
          shown_this = format_value (in_force, check->values[in_force]);
          shown_last = format_value (in_force, last);
          shown_issued = format_value (issued, check->values[issued]);
          shown_repealed = format_value (repealed, check->values[repealed]);
          shown_expected = format_value (in_force, expected);
          shown_diff = format_value (in_force, distance_saturated (expected, check->values[in_force]));
          finding = make_cell_finding (check, "W2", NB_SEVERITY_WARNING, in_force,
                                       g_strdup_printf (_("%s is %s, but last year’s %s plus %s "
                                                          "issued less %s repealed gives %s "
                                                          "(off by %s)"),
                                                        where, shown_this, shown_last,
                                                        shown_issued, shown_repealed,
                                                        shown_expected, shown_diff),
                                       shown_expected, shown_this);
          nb_finding_add_cell (finding, issued);
          nb_finding_add_cell (finding, repealed);
        }
    }
}

/* One digit, ASCII or full-width as Chinese input methods type it. */
static int
read_digit (const char **p)
{
  const guchar *s = (const guchar *) *p;

  if (s[0] >= '0' && s[0] <= '9')
    {
      *p += 1;
      return s[0] - '0';
    }
  /* U+FF10 … U+FF19 is EF BC 90 … EF BC 99 */
  if (s[0] == 0xEF && s[1] == 0xBC && s[2] >= 0x90 && s[2] <= 0x99)
    {
      *p += 3;
      return s[2] - 0x90;
    }
  return -1;
}

static void
skip_spaces (const char **p)
{
  for (;;)
    {
      const guchar *s = (const guchar *) *p;

      if (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r')
        *p += 1;
      else if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) /* U+3000 */
        *p += 3;
      else if (s[0] == 0xC2 && s[1] == 0xA0) /* U+00A0 */
        *p += 2;
      else
        return;
    }
}

static gboolean
read_word (const char **p, const char *word)
{
  gsize len = strlen (word);

  skip_spaces (p);
  if (strncmp (*p, word, len) != 0)
    return FALSE;
  *p += len;
  skip_spaces (p);
  return TRUE;
}

static int
read_number (const char **p, guint max_digits)
{
  int value = 0;
  guint n = 0;

  for (; n < max_digits; n++)
    {
      int digit = read_digit (p);

      if (digit < 0)
        break;
      value = value * 10 + digit;
    }
  return n == 0 ? -1 : value;
}

/* Reads "2024年1月1日" or "2024年12月31日" at @p (spaces allowed between
 * the parts, as pasted text often has them) and returns its year when it is
 * a bound of a statistics period, else 0. */
static guint
read_period_bound (const char *p)
{
  int year, month, day;

  year = read_number (&p, 4);
  if (year < 1000 || !read_word (&p, "年"))
    return 0;
  month = read_number (&p, 2);
  if (month < 0 || !read_word (&p, "月"))
    return 0;
  day = read_number (&p, 2);
  if (day < 0 || !read_word (&p, "日"))
    return 0;
  if ((month == 1 && day == 1) || (month == 12 && day == 31))
    return (guint) year;
  return 0;
}

/* Scans @text without copying it. Returns FALSE when it names no period
 * bound at all; otherwise *@other_year is the first year named that is
 * not @year, or 0. */
static gboolean
scan_period (const char *text, guint year, guint *other_year)
{
  gboolean found = FALSE;
  gboolean after_digit = FALSE;

  *other_year = 0;
  for (const char *p = text; *p != '\0'; )
    {
      const char *q = p;
      gboolean is_digit = read_digit (&q) >= 0;

      if (is_digit && !after_digit)
        {
          guint named = read_period_bound (p);

          if (named != 0)
            {
              found = TRUE;
              if (named != year && *other_year == 0)
                *other_year = named;
            }
        }
      after_digit = is_digit;
      p = is_digit ? q : g_utf8_next_char (p);
    }
  return found;
}

/* W3: the report's year. The title and the generated preamble are built
 * from the year, so they are right by construction; what a person can get
 * wrong is a preamble edited (or pasted from last year) by hand, and the
 * date of issue. */
static void
check_year (Check *check)
{
  guint year = nb_report_get_year (check->report);
  const char *preamble = nb_report_get_preamble (check->report);
  const char *issued = nb_report_get_issued (check->report);

  if (year == 0)
    return;

  if (preamble != NULL)
    {
      guint other = 0;

      if (!scan_period (preamble, year, &other))
        make_finding (check, "W3", NB_SEVERITY_WARNING, -1, POS_FRONT_MATTER, "preamble",
                      g_strdup_printf (_("The preamble does not state the statistics period, "
                                         "1 January to 31 December %u"), year),
                      g_strdup_printf ("%u", year), NULL);
      else if (other != 0)
        make_finding (check, "W3", NB_SEVERITY_WARNING, -1, POS_FRONT_MATTER, "preamble",
                      g_strdup_printf (_("The preamble gives the statistics period of %u, "
                                         "but this is the report for %u"), other, year),
                      g_strdup_printf ("%u", year), g_strdup_printf ("%u", other));
    }

  /* nb_report_set_issued() admits only real YYYY-MM-DD dates */
  if (issued != NULL)
    {
      guint issued_year = (guint) g_ascii_strtoull (issued, NULL, 10);

      if (issued_year != year + 1)
        make_finding (check, "W3", NB_SEVERITY_WARNING, -1, POS_FRONT_MATTER, "issued",
                      g_strdup_printf (_("The report for %u is dated %s, but it should be "
                                         "issued in %u, the year after"), year, issued, year + 1),
                      g_strdup_printf ("%u", year + 1), g_strdup_printf ("%u", issued_year));
    }
}

/* Whether @text holds anything but spaces (full-width ones included). */
static gboolean
has_text (const char *text)
{
  const char *p = text;

  if (p == NULL)
    return FALSE;
  skip_spaces (&p);
  return *p != '\0';
}

static gboolean
part_mentions (const char *heading, const char *body, const char *word)
{
  return strstr (heading, word) != NULL || strstr (body, word) != NULL;
}

/* W5: section 六 must state the information-processing fees. The customary
 * heading names them, so a part counts only when its body says something:
 * the template heading over an empty body states nothing. */
static void
check_fee_statement (Check *check)
{
  guint n = nb_report_get_n_parts (check->report, NB_TEXT_OTHER);
  int section = section_of_text (NB_TEXT_OTHER);

  for (guint i = 0; i < n; i++)
    {
      const char *heading = nb_report_get_part_heading (check->report, NB_TEXT_OTHER, i);
      const char *body = nb_report_get_part_body (check->report, NB_TEXT_OTHER, i);

      if (!has_text (body))
        continue;
      if (part_mentions (heading, body, "信息处理费") ||
          (part_mentions (heading, body, "收费") && part_mentions (heading, body, "信息")))
        return;
    }

  make_finding (check, "W5", NB_SEVERITY_WARNING, section, position_of_text_section (section),
                nb_format_section ((guint) section)->key,
                g_strdup_printf (_("%s does not state the information-processing fees charged"),
                                 nb_format_section ((guint) section)->heading),
                NULL, NULL);
}

static void
check_blank_figures (Check *check)
{
  for (guint i = 0; i < NB_N_SECTIONS; i++)
    {
      const NbSectionInfo *info = nb_format_section (i);
      guint n_blank = 0;
      guint first = NB_CELL_NONE;
      NbFinding *finding;

      if (info->kind != NB_SECTION_TABLE)
        continue;
      for (guint cell = 0; cell < NB_N_CELLS; cell++)
        if (!check->filled[cell] && nb_format_cell (cell)->table == info->table)
          {
            n_blank++;
            if (first == NB_CELL_NONE)
              first = cell;
          }
      if (n_blank == 0)
        continue;

      finding = make_finding (check, "W7", NB_SEVERITY_WARNING, (int) i,
                              position_of_cell (first), info->key,
                              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u figure of %s is blank",
                                                            "%u figures of %s are blank",
                                                            n_blank),
                                               n_blank, info->heading),
                              NULL, NULL);
      for (guint cell = first; cell < NB_N_CELLS; cell++)
        if (!check->filled[cell] && nb_format_cell (cell)->table == info->table)
          nb_finding_add_cell (finding, cell);
    }
}

static void
check_empty_sections (Check *check)
{
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    {
      guint n = nb_report_get_n_parts (check->report, s);
      int section = section_of_text (s);
      gboolean written = FALSE;

      for (guint i = 0; i < n && !written; i++)
        written = has_text (nb_report_get_part_body (check->report, s, i));
      if (written)
        continue;

      make_finding (check, "W7", NB_SEVERITY_WARNING, section, position_of_text_section (section),
                    nb_format_section ((guint) section)->key,
                    g_strdup_printf (_("%s has no text yet"),
                                     nb_format_section ((guint) section)->heading),
                    NULL, NULL);
    }
}

/* W7: what is not filled in yet. */
static void
check_completeness (Check *check)
{
  if (!has_text (nb_report_get_organ_name (check->report)))
    make_finding (check, "W7", NB_SEVERITY_WARNING, -1, POS_FRONT_MATTER, "organ.name",
                  g_strdup (_("The organ’s name is not filled in")), NULL, NULL);
  if (nb_report_get_year (check->report) == 0)
    make_finding (check, "W7", NB_SEVERITY_WARNING, -1, POS_FRONT_MATTER, "year",
                  g_strdup (_("The report’s year is not set")), NULL, NULL);
  if (nb_report_get_issued (check->report) == NULL)
    make_finding (check, "W7", NB_SEVERITY_WARNING, -1, POS_FRONT_MATTER, "issued",
                  g_strdup (_("The date of issue is not filled in")), NULL, NULL);

  check_blank_figures (check);
  check_empty_sections (check);
}

static int
compare_entries (gconstpointer a, gconstpointer b)
{
  guint64 x = ((const Entry *) a)->order;
  guint64 y = ((const Entry *) b)->order;

  return x < y ? -1 : x > y;
}

/**
 * nb_rules_check:
 * @report: the report to check
 * @previous: (nullable): last year's report of the same organ
 *
 * The cross-year rules (W1, W2) run only with @previous, and only when it
 * really is the year before @report (a report two years back, say because
 * the organ skipped a year in the program, would give false alarms). A
 * report without a year takes @previous as given.
 *
 * Returns: (transfer full) (element-type NbFinding): the findings, errors
 * first, each group in report order.
 */
GPtrArray *
nb_rules_check (NbReport *report, NbReport *previous)
{
  Check check = { 0 };
  GPtrArray *findings;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  g_return_val_if_fail (previous == NULL || NB_IS_REPORT (previous), NULL);

  check.report = report;
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    check.filled[cell] = nb_report_get_figure (report, cell, &check.values[cell]);

  check_ranges (&check);
  check_t3_rows (&check);
  check_t3_results (&check);
  check_t3_balance (&check);
  check_t4_groups (&check);

  if (previous != NULL)
    {
      guint year = nb_report_get_year (report);
      guint last_year = nb_report_get_year (previous);

      if (year == 0 || last_year == 0 || last_year + 1 == year)
        {
          check_carry_over (&check, previous);
          check_stock (&check, previous);
        }
    }
  check_year (&check);
  check_fee_statement (&check);
  check_completeness (&check);

  findings = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_finding_free);
  if (check.entries != NULL)
    {
      g_array_sort (check.entries, compare_entries);
      for (guint i = 0; i < check.entries->len; i++)
        g_ptr_array_add (findings, g_array_index (check.entries, Entry, i).finding);
      g_array_unref (check.entries);
    }
  /* W4 reads the prose, which the importer's sentence patterns know best. */
  nb_narrative_check (report, findings);
  return findings;
}

GPtrArray *
nb_rules_check_all (NbReport *report, NbReport *previous)
{
  GPtrArray *findings;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  g_return_val_if_fail (previous == NULL || NB_IS_REPORT (previous), NULL);

  findings = nb_rules_check (report, previous);
  if (previous != NULL)
    nb_similarity_check (report, previous, NB_SIMILARITY_DEFAULT_THRESHOLD, findings);
  return findings;
}
