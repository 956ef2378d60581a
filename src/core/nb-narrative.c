/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * W4: what the text says in figures, against the tables. Offices write
 * these sentences in a handful of ways — 共收到政府信息公开申请28件，
 * 上年结转2件，办结29件，结转下年度继续办理1件；行政复议3件，其中结果维持
 * 1件；未发生行政诉讼；现行有效行政规范性文件17件 — and those are what is
 * read. A figure is taken only when 件 follows it, inside one clause, near
 * the words that say what it counts; anything less certain is left alone,
 * because a warning about a sentence that says something else is noise.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-format.h"
#include "nb-narrative.h"
#include "nb-number.h"

/* How far from its words a figure may stand, in characters. */
#define NEAR_AFTER 16
#define NEAR_BEFORE 8
#define EXCERPT_CHARS 40
#define MAX_SENTENCE_BYTES 4096

typedef struct
{
  NbReport *report;
  GPtrArray *findings;
  GHashTable *keys;        /* keys already reported: one warning each */
  NbTextSection section;
  const char *sentence;    /* the sentence being read: [sentence, end) */
  const char *end;
} Narrative;

typedef struct
{
  const char *start;       /* the first digit */
  const char *end;         /* past 件 */
  gint64 value;
} Count;

static gboolean
is_clause_end (const char *p)
{
  return *p == ',' || *p == ';' || g_str_has_prefix (p, "，") || g_str_has_prefix (p, "；") ||
         g_str_has_prefix (p, "。") || g_str_has_prefix (p, "：");
}

static gboolean
is_space_char (gunichar c)
{
  return c == ' ' || c == 0x3000 || c == 0x00A0 || c == '\t';
}

static int
get_digit (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  if (c >= 0xFF10 && c <= 0xFF19)
    return (int) (c - 0xFF10);
  return -1;
}

/* “3119 件”, “3,119件”: the number at @p and the 件 after it. */
static gboolean
read_count (const char *p, const char *end, Count *count)
{
  const char *q = p;
  gint64 value = 0;
  guint digits = 0;

  while (q < end)
    {
      gunichar c = g_utf8_get_char (q);
      int d = get_digit (c);

      if (d >= 0)
        {
          if (value > (G_MAXINT64 - d) / 10)
            return FALSE;
          value = value * 10 + d;
          digits++;
        }
      else if (!(c == ',' && digits > 0 && q + 1 < end && get_digit (g_utf8_get_char (q + 1)) >= 0))
        break;
      q = g_utf8_next_char (q);
    }
  if (digits == 0)
    return FALSE;
  while (q < end && is_space_char (g_utf8_get_char (q)))
    q = g_utf8_next_char (q);
  if (q >= end || !g_str_has_prefix (q, "件"))
    return FALSE;
  count->start = p;
  count->end = q + strlen ("件");
  count->value = value;
  return TRUE;
}

/* The first “N件” after @from, in the same clause, within @max_chars. */
static gboolean
count_after (Narrative *n, const char *from, guint max_chars, Count *count)
{
  guint chars = 0;

  for (const char *p = from; p < n->end && chars < max_chars && !is_clause_end (p); chars++)
    {
      if (get_digit (g_utf8_get_char (p)) >= 0)
        {
          if (read_count (p, n->end, count))
            return TRUE;
          /* a year or another number: go on past it */
          while (p < n->end && get_digit (g_utf8_get_char (p)) >= 0)
            p = g_utf8_next_char (p);
          continue;
        }
      p = g_utf8_next_char (p);
    }
  return FALSE;
}

/* Where the clause holding @p begins. */
static const char *
find_clause_start (Narrative *n, const char *p)
{
  const char *start = n->sentence;

  for (const char *q = n->sentence; q < p; q = g_utf8_next_char (q))
    if (is_clause_end (q))
      start = g_utf8_next_char (q);
  return start;
}

/* The last “N件” of the clause before @to, within @max_chars of it. */
static gboolean
count_before (Narrative *n, const char *to, guint max_chars, Count *count)
{
  const char *start = find_clause_start (n, to);
  gboolean found = FALSE;

  for (const char *p = start; p < to; p = g_utf8_next_char (p))
    if (get_digit (g_utf8_get_char (p)) >= 0 && (p == start || get_digit (g_utf8_get_char (g_utf8_prev_char (p))) < 0))
      {
        Count candidate;

        if (read_count (p, to, &candidate) && g_utf8_pointer_to_offset (candidate.end, to) <= (glong) max_chars)
          {
            *count = candidate;
            found = TRUE;
          }
      }
  return found;
}

static gboolean
has_text (const char *start, const char *end, const char *needle)
{
  return end > start && g_strstr_len (start, end - start, needle) != NULL;
}

static gboolean
has_any_text (const char *start, const char *end, const char *const *needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    if (has_text (start, end, needles[i]))
      return TRUE;
  return FALSE;
}

/* Whether the clause denies what follows: 未发生…行政复议, 无…行政诉讼. */
static gboolean
is_negated (Narrative *n, const char *p)
{
  static const char *const negations[] = { "未", "没有", "无", NULL };

  return has_any_text (find_clause_start (n, p), p, negations);
}

static guint
lookup_cell (const char *id)
{
  guint found = nb_format_cell_by_id (id);

  g_assert (found != NB_CELL_NONE);
  return found;
}

/* The sum of @cells, FALSE when all of them are blank. */
static gboolean
sum_cells (Narrative *n, const guint *cells, guint n_cells, gint64 *sum)
{
  gboolean any = FALSE;

  *sum = 0;
  for (guint i = 0; i < n_cells; i++)
    {
      gint64 value;

      if (nb_report_get_figure (n->report, cells[i], &value))
        {
          *sum += value;
          any = TRUE;
        }
    }
  return any;
}

static char *
describe_cells (const guint *cells, guint n_cells)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_cells; i++)
    {
      g_autofree char *where = nb_format_cell_describe (cells[i]);

      if (i > 0)
        g_string_append (text, " + ");
      g_string_append (text, where);
    }
  return g_string_free (text, FALSE);
}

static char *
quote_clause (Narrative *n, const char *from, const char *to)
{
  const char *start = find_clause_start (n, from);
  glong chars = g_utf8_pointer_to_offset (start, to);
  g_autofree char *text = NULL;

  /* the clause up to the figure, cut at the front when it is long */
  while (chars > EXCERPT_CHARS)
    {
      start = g_utf8_next_char (start);
      chars--;
    }
  text = g_strndup (start, (gsize) (to - start));
  return g_strstrip (g_steal_pointer (&text));
}

/* Files a W4 warning unless the table agrees or is blank. @stated is what
 * the text says, already phrased for the message. */
static void
compare (Narrative   *n,
         const char  *key,
         const guint *cells,
         guint        n_cells,
         gint64       text_value,
         const char  *stated,
         const char  *from,
         const char  *to)
{
  const NbSectionInfo *info = nb_format_text_section (n->section);
  int section = -1;
  g_autofree char *full_key = g_strconcat ("W4:", key, NULL);
  g_autofree char *where = NULL;
  g_autofree char *quote = NULL;
  NbFinding *finding;
  gint64 sum;

  if (!sum_cells (n, cells, n_cells, &sum) || sum == text_value ||
      g_hash_table_contains (n->keys, full_key))
    return;

  where = describe_cells (cells, n_cells);
  quote = quote_clause (n, from, to);
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    if (nb_format_section (s) == info)
      section = (int) s;
  finding = nb_finding_new ("W4", NB_SEVERITY_WARNING, section);
  for (guint i = 0; i < n_cells; i++)
    nb_finding_add_cell (finding, cells[i]);
  finding->message = g_strdup_printf (_("%s says %s (“%s”), but %s is %" G_GINT64_FORMAT " (off by %" G_GINT64_FORMAT ")"),
                                      info->heading, stated, quote, where, sum,
                                      sum > text_value ? sum - text_value : text_value - sum);
  finding->expected = g_strdup_printf ("%" G_GINT64_FORMAT, sum);
  finding->actual = g_strdup_printf ("%" G_GINT64_FORMAT, text_value);
  finding->key = g_strdup (full_key);
  g_hash_table_add (n->keys, g_steal_pointer (&full_key));
  g_ptr_array_add (n->findings, finding);
}

static void compare_count (Narrative *n, const char *key, const guint *cells, guint n_cells,
                           const Count *count, const char *from, const char *format, ...) G_GNUC_PRINTF (7, 8);

/* @format phrases what the text states, with the count as its argument. */
static void
compare_count (Narrative *n, const char *key, const guint *cells, guint n_cells,
               const Count *count, const char *from, const char *format, ...)
{
  g_autofree char *stated = NULL;
  va_list args;

  va_start (args, format);
  stated = g_strdup_vprintf (format, args);
  va_end (args);
  compare (n, key, cells, n_cells, count->value, stated, from, count->end);
}

/* ---- requests: received, none received, carried over, answered ---- */

/* “30件（含上年结转2件）”, “30件，含…结转…” */
static gboolean
includes_carried_over (const char *p, const char *end)
{
  static const char *const openers[] = { "（", "(", "，", ",", NULL };
  static const char *const words[] = { "含", "包括", "其中含", NULL };

  for (guint o = 0; openers[o] != NULL; o++)
    if (g_str_has_prefix (p, openers[o]))
      for (guint w = 0; words[w] != NULL; w++)
        if (g_str_has_prefix (p + strlen (openers[o]), words[w]))
          {
            const char *rest = p + strlen (openers[o]) + strlen (words[w]);

            return has_text (rest, MIN (rest + 24, end), "结转");
          }
  return FALSE;
}

static void
read_requests (Narrative *n)
{
  static const char *const receive_words[] = { "收到", "受理", "新收", "接收", "接到", NULL };
  static const char *const not_requests[] = { "复议", "诉讼", "建议", "提案", "结转", "信访", NULL };
  const guint new_total[] = { lookup_cell ("t3.new.total") };
  const guint new_and_carried[] = { lookup_cell ("t3.new.total"), lookup_cell ("t3.carried_in.total") };
  const guint carried_in[] = { lookup_cell ("t3.carried_in.total") };
  const guint carried_out[] = { lookup_cell ("t3.carried_out.total") };
  const guint answered[] = { lookup_cell ("t3.result_total.total") };

  for (guint w = 0; receive_words[w] != NULL; w++)
    for (const char *p = g_strstr_len (n->sentence, n->end - n->sentence, receive_words[w]);
         p != NULL; p = g_strstr_len (p + 1, n->end - p - 1, receive_words[w]))
      {
        const char *after = p + strlen (receive_words[w]);
        const char *start = find_clause_start (n, p);
        Count count;

        if (has_text (start, p, "不予"))
          continue;
        if (count_after (n, after, NEAR_AFTER + 8, &count))
          {
            if (is_negated (n, p) || !has_text (after, count.start, "申请") ||
                has_any_text (after, count.start, not_requests))
              continue;
            /* 收到申请30件（含上年结转2件）: the text counts both */
            if (includes_carried_over (count.end, n->end))
              compare_count (n, "t3.new.total", new_and_carried, 2, &count, p,
                             _("%" G_GINT64_FORMAT " requests received, those carried over included"), count.value);
            else
              compare_count (n, "t3.new.total", new_total, 1, &count, p,
                             _("%" G_GINT64_FORMAT " requests received"), count.value);
          }
        else if (is_negated (n, p))
          {
            /* 未收到政府信息公开申请: the table must have none */
            const char *stop = after;

            for (guint c = 0; c < NEAR_AFTER && stop < n->end && !is_clause_end (stop); c++)
              stop = g_utf8_next_char (stop);
            if (has_text (after, stop, "申请") && !has_any_text (start, stop, not_requests))
              compare (n, "t3.new.total", new_total, 1, 0, _("that no requests were received"), p, stop);
          }
      }

  for (const char *p = g_strstr_len (n->sentence, n->end - n->sentence, "结转");
       p != NULL; p = g_strstr_len (p + 1, n->end - p - 1, "结转"))
    {
      const char *before = p;
      Count count;

      for (guint c = 0; c < 6 && before > n->sentence; c++)
        before = g_utf8_prev_char (before);
      if (has_text (before, p, "上年") || has_text (before, p, "上一年") || has_text (before, p, "去年"))
        {
          if (count_after (n, p + strlen ("结转"), NEAR_AFTER, &count))
            compare_count (n, "t3.carried_in.total", carried_in, 1, &count, before,
                           _("%" G_GINT64_FORMAT " requests carried over from last year"), count.value);
        }
    }

  {
    static const char *const onward[] = { "结转", "顺延", "转入", NULL };

    for (guint w = 0; onward[w] != NULL; w++)
      for (const char *p = g_strstr_len (n->sentence, n->end - n->sentence, onward[w]);
           p != NULL; p = g_strstr_len (p + 1, n->end - p - 1, onward[w]))
        {
          const char *after = p + strlen (onward[w]);
          Count count;

          if (g_str_has_prefix (after, "到") || g_str_has_prefix (after, "至"))
            after += strlen ("到");
          if (!g_str_has_prefix (after, "下"))
            continue;
          if (count_after (n, after, NEAR_AFTER, &count))
            compare_count (n, "t3.carried_out.total", carried_out, 1, &count, p,
                           _("%" G_GINT64_FORMAT " requests carried over to next year"), count.value);
          else if (count_before (n, p, NEAR_BEFORE, &count))
            {
              g_autofree char *stated = g_strdup_printf (_("%" G_GINT64_FORMAT " requests carried over to next year"),
                                                         count.value);

              compare (n, "t3.carried_out.total", carried_out, 1, count.value, stated,
                       count.start, p + strlen (onward[w]));
            }
        }
  }

  if (has_text (n->sentence, n->end, "申请"))
    {
      static const char *const answer_words[] = { "办结", "答复", NULL };

      for (guint w = 0; answer_words[w] != NULL; w++)
        for (const char *p = g_strstr_len (n->sentence, n->end - n->sentence, answer_words[w]);
             p != NULL; p = g_strstr_len (p + 1, n->end - p - 1, answer_words[w]))
          {
            Count count;

            /* 答复 3050 件 — the figure right after the word */
            if (count_after (n, p + strlen (answer_words[w]), 4, &count))
              compare_count (n, "t3.result_total.total", answered, 1, &count, p,
                             _("%" G_GINT64_FORMAT " requests answered"), count.value);
          }
    }
}

/* ---- appeals and lawsuits ---- */

typedef struct
{
  const char *word;        /* 行政复议, 行政诉讼 */
  const char *key;
  guint n_groups;
  guint groups[2];
} Appeal;

static const Appeal appeals[] = {
  { "行政复议", "t4.review", 1, { 0 } },
  { "行政诉讼", "t4.suit", 2, { 1, 2 } },
};

static void
get_appeal_cells (const Appeal *appeal, guint column, guint *cells)
{
  for (guint g = 0; g < appeal->n_groups; g++)
    cells[g] = nb_format_t4_cell (appeal->groups[g], column);
}

static const char *
find_next_appeal (Narrative *n, const char *from)
{
  const char *first = NULL;

  for (guint a = 0; a < G_N_ELEMENTS (appeals); a++)
    {
      const char *found = g_strstr_len (from, n->end - from, appeals[a].word);

      if (found != NULL && (first == NULL || found < first))
        first = found;
    }
  return first != NULL ? first : n->end;
}

/* “其中结果维持1件，结果纠正1件，尚未审结1件” after 行政复议3件. */
static void
read_outcomes (Narrative *n, const Appeal *appeal, const char *from, const char *to)
{
  static const char *const outcomes[NB_T4_COL_TOTAL] = { "维持", "纠正", "其他结果", "未审结" };
  static const char *const all_upheld[] = { "均获维持", "均被维持", "均予维持", "均维持", "全部维持", "均为维持", NULL };
  g_autofree char *stated_all = NULL;

  for (guint o = 0; o < G_N_ELEMENTS (outcomes); o++)
    {
      const char *p = g_strstr_len (from, to - from, outcomes[o]);
      guint cells[2];
      Count count;
      g_autofree char *key = NULL;
      g_autofree char *stated = NULL;

      if (p == NULL || !count_after (n, p + strlen (outcomes[o]), 4, &count))
        continue;
      get_appeal_cells (appeal, o, cells);
      key = g_strconcat (appeal->key, ".", nb_format_t4_column_id (o), NULL);
      switch (o)
        {
        case 0:
          stated = g_strdup_printf (_("%" G_GINT64_FORMAT " upheld"), count.value);
          break;
        case 1:
          stated = g_strdup_printf (_("%" G_GINT64_FORMAT " corrected"), count.value);
          break;
        case 2:
          stated = g_strdup_printf (_("%" G_GINT64_FORMAT " with other results"), count.value);
          break;
        default:
          stated = g_strdup_printf (_("%" G_GINT64_FORMAT " pending"), count.value);
          break;
        }
      compare (n, key, cells, appeal->n_groups, count.value, stated, p, count.end);
    }

  /* 均获维持: nothing corrected, nothing else, nothing pending */
  for (guint i = 0; all_upheld[i] != NULL; i++)
    {
      const char *p = g_strstr_len (from, n->end - from, all_upheld[i]);
      guint cells[6];
      g_autofree char *key = NULL;

      if (p == NULL)
        continue;
      for (guint c = 1; c <= 3; c++)
        get_appeal_cells (appeal, c, cells + (c - 1) * appeal->n_groups);
      key = g_strconcat (appeal->key, ".all_upheld", NULL);
      stated_all = g_strdup (_("that all were upheld"));
      compare (n, key, cells, 3 * appeal->n_groups, 0, stated_all, from, p + strlen (all_upheld[i]));
      break;
    }
}

static void
read_appeals (Narrative *n)
{
  for (guint a = 0; a < G_N_ELEMENTS (appeals); a++)
    {
      const Appeal *appeal = &appeals[a];

      for (const char *p = g_strstr_len (n->sentence, n->end - n->sentence, appeal->word);
           p != NULL; p = g_strstr_len (p + 1, n->end - p - 1, appeal->word))
        {
          const char *after = p + strlen (appeal->word);
          guint totals[2];
          g_autofree char *key = g_strconcat (appeal->key, ".total", NULL);
          Count count;

          get_appeal_cells (appeal, NB_T4_COL_TOTAL, totals);
          if (count_after (n, after, 12, &count))
            {
              g_autofree char *stated = a == 0
                ? g_strdup_printf (_("%" G_GINT64_FORMAT " appeals (行政复议)"), count.value)
                : g_strdup_printf (_("%" G_GINT64_FORMAT " lawsuits (行政诉讼)"), count.value);

              compare (n, key, totals, appeal->n_groups, count.value, stated, p, count.end);
              read_outcomes (n, appeal, count.end, find_next_appeal (n, count.end));
            }
          else if (is_negated (n, p))
            {
              const char *stop = after;

              while (stop < n->end && !is_clause_end (stop))
                stop = g_utf8_next_char (stop);
              compare (n, key, totals, appeal->n_groups, 0,
                       a == 0 ? _("that there were no appeals (行政复议)") : _("that there were no lawsuits (行政诉讼)"),
                       p, stop);
            }
          else
            read_outcomes (n, appeal, after, find_next_appeal (n, after));
        }
    }
}

/* ---- documents in force ---- */

static void
read_in_force (Narrative *n)
{
  const guint rules[] = { lookup_cell ("t2.rules.in_force") };
  const guint normative[] = { lookup_cell ("t2.normative.in_force") };
  const guint both[] = { lookup_cell ("t2.rules.in_force"), lookup_cell ("t2.normative.in_force") };

  for (const char *p = g_strstr_len (n->sentence, n->end - n->sentence, "现行有效");
       p != NULL; p = g_strstr_len (p + 1, n->end - p - 1, "现行有效"))
    {
      const char *from = p;
      gboolean has_rules, has_normative;
      Count count;

      if (!count_after (n, p + strlen ("现行有效"), 20, &count))
        continue;
      for (guint c = 0; c < 10 && from > find_clause_start (n, p); c++)
        from = g_utf8_prev_char (from);
      has_rules = has_text (from, count.start, "规章");
      has_normative = has_text (from, count.start, "规范性文件");
      if (has_rules && has_normative)
        compare_count (n, "t2.in_force", both, 2, &count, from,
                       _("%" G_GINT64_FORMAT " rules and normative documents in force"), count.value);
      else if (has_rules)
        compare_count (n, "t2.rules.in_force", rules, 1, &count, from,
                       _("%" G_GINT64_FORMAT " rules in force"), count.value);
      else if (has_normative)
        compare_count (n, "t2.normative.in_force", normative, 1, &count, from,
                       _("%" G_GINT64_FORMAT " normative documents in force"), count.value);
    }
}

static gboolean
ends_sentence (const char *p)
{
  return *p == '\n' || *p == ';' || *p == '!' || *p == '?' || g_str_has_prefix (p, "。") ||
         g_str_has_prefix (p, "；") || g_str_has_prefix (p, "！") || g_str_has_prefix (p, "？");
}

static void
read_text (Narrative *n, const char *text)
{
  const char *start = text;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      if (*p != '\0' && !ends_sentence (p))
        continue;
      /* a “sentence” of kilobytes is no sentence of a report: not read,
       * which also keeps the search within a clause from growing quadratic */
      if (p > start && p - start <= MAX_SENTENCE_BYTES)
        {
          n->sentence = start;
          n->end = p;
          read_requests (n);
          read_appeals (n);
          read_in_force (n);
        }
      if (*p == '\0')
        break;
      start = g_utf8_next_char (p);
    }
}

/**
 * nb_narrative_check:
 * @findings: where the W4 warnings are appended (NbFinding)
 *
 * Reads the figures that the three text sections state and appends a
 * warning for each that the tables contradict. Blank cells are left to W7.
 */
void
nb_narrative_check (NbReport *report, GPtrArray *findings)
{
  Narrative n = { 0 };

  g_return_if_fail (NB_IS_REPORT (report));
  g_return_if_fail (findings != NULL);

  n.report = report;
  n.findings = findings;
  n.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    for (guint i = 0; i < nb_report_get_n_parts (report, (NbTextSection) s); i++)
      {
        n.section = (NbTextSection) s;
        read_text (&n, nb_report_get_part_heading (report, (NbTextSection) s, i));
        read_text (&n, nb_report_get_part_body (report, (NbTextSection) s, i));
      }
  g_hash_table_unref (n.keys);
}
