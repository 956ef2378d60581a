/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * W4: what the text says in figures, against the tables. Offices write
 * these sentences in a handful of ways — 共收到政府信息公开申请28件，
 * 上年结转2件，办结29件，结转下年度继续办理1件；行政复议3件，其中结果维持
 * 1件；未发生行政诉讼；现行有效行政规范性文件17件 — and those are what is
 * read. A figure is taken only when 件 follows it, inside one clause, near
 * the words that say what it counts; anything less certain is left alone,
 * because a warning about a sentence that says something else is noise.
 *
 * This runs with the other rules on every keystroke, so the text is walked
 * once, byte by byte, noting which of the few words every reading needs
 * each sentence holds; only the sentences that hold them are read closely,
 * and nothing is allocated or translated unless a warning is made.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "nb-format.h"
#include "nb-narrative.h"
#include "nb-number.h"

/* How far from its words a figure may stand, in characters. */
#define NEAR_AFTER 16
#define NEAR_BEFORE 8
#define EXCERPT_CHARS 40
#define MAX_SENTENCE_BYTES 4096

/* The words a sentence must hold for each reading to find anything. */
enum
{
  HAS_COUNT = 1 << 0,     /* 件 */
  HAS_REQUEST = 1 << 1,   /* 申请 */
  HAS_RECEIVE = 1 << 2,   /* 收到, 受理, 新收, 接收, 接到 */
  HAS_CARRY = 1 << 3,     /* 结转 */
  HAS_ONWARD = 1 << 4,    /* 顺延, 转入 */
  HAS_ANSWER = 1 << 5,    /* 办结, 答复 */
  HAS_APPEAL = 1 << 6,    /* 行政复议, 行政诉讼 */
  HAS_IN_FORCE = 1 << 7,  /* 现行有效 */
};

/* What the text states, phrased for the message only when one is made. */
typedef enum
{
  SAID_RECEIVED,
  SAID_RECEIVED_WITH_CARRIED_IN,
  SAID_NONE_RECEIVED,
  SAID_CARRIED_IN,
  SAID_CARRIED_OUT,
  SAID_ANSWERED,
  SAID_APPEALS,
  SAID_LAWSUITS,
  SAID_NO_APPEALS,
  SAID_NO_LAWSUITS,
  SAID_UPHELD,
  SAID_CORRECTED,
  SAID_OTHER_RESULTS,
  SAID_PENDING,
  SAID_ALL_UPHELD,
  SAID_IN_FORCE,
  SAID_RULES_IN_FORCE,
  SAID_NORMATIVE_IN_FORCE,
} Said;

typedef struct
{
  guint new_total;
  guint carried_in;
  guint carried_out;
  guint answered;
  guint rules_in_force;
  guint normative_in_force;
} Cells;

typedef struct
{
  NbReport *report;
  GPtrArray *findings;
  const Cells *cells;
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

/* The width of the ，；。：,; at @p, 0 when there is none. Bytes, not
 * characters: in UTF-8 none of these can begin inside another character. */
static inline gsize
get_clause_end_width (const char *p)
{
  const guchar *u = (const guchar *) p;

  if (u[0] == ',' || u[0] == ';')
    return 1;
  if (u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x8C || u[2] == 0x9B || u[2] == 0x9A))
    return 3;
  if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x82)
    return 3;
  return 0;
}

static inline gboolean
is_clause_end (const char *p)
{
  return get_clause_end_width (p) > 0;
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

/* [start, end) holds no NUL, so this is g_strstr_len() without its byte
 * by byte strncmp(): look for the needle's last byte, then compare. */
static const char *
find_text (const char *start, const char *end, const char *needle)
{
  gsize len = strlen (needle);

  if (end - start < (gssize) len)
    return NULL;
  for (const char *p = start + len - 1; p < end; p++)
    {
      p = memchr (p, needle[len - 1], (gsize) (end - p));
      if (p == NULL)
        return NULL;
      if (memcmp (p - (len - 1), needle, len - 1) == 0)
        return p - (len - 1);
    }
  return NULL;
}

static gboolean
has_text (const char *start, const char *end, const char *needle)
{
  return end > start && find_text (start, end, needle) != NULL;
}

static gboolean
has_any_text (const char *start, const char *end, const char *const *needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    if (has_text (start, end, needles[i]))
      return TRUE;
  return FALSE;
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

/* Where the clause holding @p begins: past the last clause end before it,
 * found walking back from @p. */
static const char *
find_clause_start (Narrative *n, const char *p)
{
  for (const char *q = p; q > n->sentence; q--)
    {
      if (q[-1] == ',' || q[-1] == ';')
        return q;
      if (q - 3 >= n->sentence && get_clause_end_width (q - 3) == 3)
        return q;
    }
  return n->sentence;
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

/* The format's cells are fixed for the life of the program. */
static const Cells *
get_cells (void)
{
  static Cells cells;
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      cells.new_total = lookup_cell ("t3.new.total");
      cells.carried_in = lookup_cell ("t3.carried_in.total");
      cells.carried_out = lookup_cell ("t3.carried_out.total");
      cells.answered = lookup_cell ("t3.result_total.total");
      cells.rules_in_force = lookup_cell ("t2.rules.in_force");
      cells.normative_in_force = lookup_cell ("t2.normative.in_force");
      g_once_init_leave (&done, 1);
    }
  return &cells;
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

static char *
phrase_said (Said said, gint64 value)
{
  switch (said)
    {
    case SAID_RECEIVED:
      return g_strdup_printf (_("%" PRId64 " requests received"), value);
    case SAID_RECEIVED_WITH_CARRIED_IN:
      return g_strdup_printf (_("%" PRId64 " requests received, those carried over included"), value);
    case SAID_NONE_RECEIVED:
      return g_strdup (_("that no requests were received"));
    case SAID_CARRIED_IN:
      return g_strdup_printf (_("%" PRId64 " requests carried over from last year"), value);
    case SAID_CARRIED_OUT:
      return g_strdup_printf (_("%" PRId64 " requests carried over to next year"), value);
    case SAID_ANSWERED:
      return g_strdup_printf (_("%" PRId64 " requests answered"), value);
    case SAID_APPEALS:
      return g_strdup_printf (_("%" PRId64 " appeals (行政复议)"), value);
    case SAID_LAWSUITS:
      return g_strdup_printf (_("%" PRId64 " lawsuits (行政诉讼)"), value);
    case SAID_NO_APPEALS:
      return g_strdup (_("that there were no appeals (行政复议)"));
    case SAID_NO_LAWSUITS:
      return g_strdup (_("that there were no lawsuits (行政诉讼)"));
    case SAID_UPHELD:
      return g_strdup_printf (_("%" PRId64 " upheld"), value);
    case SAID_CORRECTED:
      return g_strdup_printf (_("%" PRId64 " corrected"), value);
    case SAID_OTHER_RESULTS:
      return g_strdup_printf (_("%" PRId64 " with other results"), value);
    case SAID_PENDING:
      return g_strdup_printf (_("%" PRId64 " pending"), value);
    case SAID_ALL_UPHELD:
      return g_strdup (_("that all were upheld"));
    case SAID_IN_FORCE:
      return g_strdup_printf (_("%" PRId64 " rules and normative documents in force"), value);
    case SAID_RULES_IN_FORCE:
      return g_strdup_printf (_("%" PRId64 " rules in force"), value);
    case SAID_NORMATIVE_IN_FORCE:
      return g_strdup_printf (_("%" PRId64 " normative documents in force"), value);
    default:
      break;
    }
  g_assert_not_reached ();
  return NULL;
}

/* One warning per key in @findings: those of an earlier pass over the
 * same report included. */
static gboolean
is_reported (Narrative *n, const char *full_key)
{
  for (guint i = 0; i < n->findings->len; i++)
    if (g_strcmp0 (((NbFinding *) g_ptr_array_index (n->findings, i))->key, full_key) == 0)
      return TRUE;
  return FALSE;
}

/* Files a W4 warning, keyed “W4:@key” or “W4:@key.@suffix”, unless the
 * table agrees or is blank. */
static void
compare (Narrative   *n,
         const char  *key,
         const char  *suffix,
         const guint *cells,
         guint        n_cells,
         gint64       text_value,
         Said         said,
         const char  *from,
         const char  *to)
{
  const NbSectionInfo *info;
  int section = -1;
  g_autofree char *full_key = NULL;
  g_autofree char *stated = NULL;
  g_autofree char *where = NULL;
  g_autofree char *quote = NULL;
  NbFinding *finding;
  gint64 sum;

  if (!sum_cells (n, cells, n_cells, &sum) || sum == text_value)
    return;
  full_key = g_strconcat ("W4:", key, suffix != NULL ? "." : NULL, suffix, NULL);
  if (is_reported (n, full_key))
    return;

  info = nb_format_text_section (n->section);
  stated = phrase_said (said, text_value);
  where = describe_cells (cells, n_cells);
  quote = quote_clause (n, from, to);
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    if (nb_format_section (s) == info)
      section = (int) s;
  finding = nb_finding_new ("W4", NB_SEVERITY_WARNING, section);
  for (guint i = 0; i < n_cells; i++)
    nb_finding_add_cell (finding, cells[i]);
  finding->message = g_strdup_printf (_("%s says %s (“%s”), but %s is %" PRId64 " (off by %" PRId64 ")"),
                                      info->heading, stated, quote, where, sum,
                                      sum > text_value ? sum - text_value : text_value - sum);
  finding->expected = g_strdup_printf ("%" PRId64, sum);
  finding->actual = g_strdup_printf ("%" PRId64, text_value);
  finding->key = g_steal_pointer (&full_key);
  g_ptr_array_add (n->findings, finding);
}

static void
compare_count (Narrative *n, const char *key, const guint *cells, guint n_cells,
               const Count *count, const char *from, Said said)
{
  compare (n, key, NULL, cells, n_cells, count->value, said, from, count->end);
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

/* Each occurrence of @word in the sentence, in order. */
#define FOR_EACH_WORD(n, word, p) \
  for (const char *p = find_text ((n)->sentence, (n)->end, (word)); \
       p != NULL; p = find_text (p + 1, (n)->end, (word)))

static void
read_received (Narrative *n)
{
  static const char *const receive_words[] = { "收到", "受理", "新收", "接收", "接到", NULL };
  static const char *const not_requests[] = { "复议", "诉讼", "建议", "提案", "结转", "信访", NULL };
  const guint new_total[] = { n->cells->new_total };
  const guint new_and_carried[] = { n->cells->new_total, n->cells->carried_in };

  for (guint w = 0; receive_words[w] != NULL; w++)
    FOR_EACH_WORD (n, receive_words[w], p)
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
              compare_count (n, "t3.new.total", new_and_carried, 2, &count, p, SAID_RECEIVED_WITH_CARRIED_IN);
            else
              compare_count (n, "t3.new.total", new_total, 1, &count, p, SAID_RECEIVED);
          }
        else if (is_negated (n, p))
          {
            /* 未收到政府信息公开申请: the table must have none */
            const char *stop = after;

            for (guint c = 0; c < NEAR_AFTER && stop < n->end && !is_clause_end (stop); c++)
              stop = g_utf8_next_char (stop);
            if (has_text (after, stop, "申请") && !has_any_text (start, stop, not_requests))
              compare (n, "t3.new.total", NULL, new_total, 1, 0, SAID_NONE_RECEIVED, p, stop);
          }
      }
}

static void
read_carried_in (Narrative *n)
{
  const guint carried_in[] = { n->cells->carried_in };

  FOR_EACH_WORD (n, "结转", p)
    {
      const char *before = p;
      Count count;

      for (guint c = 0; c < 6 && before > n->sentence; c++)
        before = g_utf8_prev_char (before);
      if (has_text (before, p, "上年") || has_text (before, p, "上一年") || has_text (before, p, "去年"))
        {
          if (count_after (n, p + strlen ("结转"), NEAR_AFTER, &count))
            compare_count (n, "t3.carried_in.total", carried_in, 1, &count, before, SAID_CARRIED_IN);
        }
    }
}

static void
read_carried_out (Narrative *n)
{
  static const char *const onward[] = { "结转", "顺延", "转入", NULL };
  const guint carried_out[] = { n->cells->carried_out };

  for (guint w = 0; onward[w] != NULL; w++)
    FOR_EACH_WORD (n, onward[w], p)
      {
        const char *after = p + strlen (onward[w]);
        Count count;

        if (g_str_has_prefix (after, "到") || g_str_has_prefix (after, "至"))
          after += strlen ("到");
        if (!g_str_has_prefix (after, "下"))
          continue;
        if (count_after (n, after, NEAR_AFTER, &count))
          compare_count (n, "t3.carried_out.total", carried_out, 1, &count, p, SAID_CARRIED_OUT);
        else if (count_before (n, p, NEAR_BEFORE, &count))
          compare (n, "t3.carried_out.total", NULL, carried_out, 1, count.value, SAID_CARRIED_OUT,
                   count.start, p + strlen (onward[w]));
      }
}

static void
read_answered (Narrative *n)
{
  static const char *const answer_words[] = { "办结", "答复", NULL };
  const guint answered[] = { n->cells->answered };

  for (guint w = 0; answer_words[w] != NULL; w++)
    FOR_EACH_WORD (n, answer_words[w], p)
      {
        Count count;

        /* 答复 3050 件 — the figure right after the word */
        if (count_after (n, p + strlen (answer_words[w]), 4, &count))
          compare_count (n, "t3.result_total.total", answered, 1, &count, p, SAID_ANSWERED);
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
      const char *found = find_text (from, n->end, appeals[a].word);

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
  static const Said said[NB_T4_COL_TOTAL] = { SAID_UPHELD, SAID_CORRECTED, SAID_OTHER_RESULTS, SAID_PENDING };
  static const char *const all_upheld[] = { "均获维持", "均被维持", "均予维持", "均维持", "全部维持", "均为维持", NULL };

  for (guint o = 0; o < G_N_ELEMENTS (outcomes); o++)
    {
      const char *p = find_text (from, to, outcomes[o]);
      guint cells[2];
      Count count;

      if (p == NULL || !count_after (n, p + strlen (outcomes[o]), 4, &count))
        continue;
      get_appeal_cells (appeal, o, cells);
      compare (n, appeal->key, nb_format_t4_column_id (o), cells, appeal->n_groups, count.value, said[o],
               p, count.end);
    }

  /* 均获维持: nothing corrected, nothing else, nothing pending */
  for (guint i = 0; all_upheld[i] != NULL; i++)
    {
      const char *p = find_text (from, n->end, all_upheld[i]);
      guint cells[6];

      if (p == NULL)
        continue;
      for (guint c = 1; c <= 3; c++)
        get_appeal_cells (appeal, c, cells + (c - 1) * appeal->n_groups);
      compare (n, appeal->key, "all_upheld", cells, 3 * appeal->n_groups, 0, SAID_ALL_UPHELD,
               from, p + strlen (all_upheld[i]));
      break;
    }
}

static void
read_appeals (Narrative *n)
{
  for (guint a = 0; a < G_N_ELEMENTS (appeals); a++)
    {
      const Appeal *appeal = &appeals[a];

      FOR_EACH_WORD (n, appeal->word, p)
        {
          const char *after = p + strlen (appeal->word);
          guint totals[2];
          Count count;

          get_appeal_cells (appeal, NB_T4_COL_TOTAL, totals);
          if (count_after (n, after, 12, &count))
            {
              compare (n, appeal->key, "total", totals, appeal->n_groups, count.value,
                       a == 0 ? SAID_APPEALS : SAID_LAWSUITS, p, count.end);
              read_outcomes (n, appeal, count.end, find_next_appeal (n, count.end));
            }
          else if (is_negated (n, p))
            {
              const char *stop = after;

              while (stop < n->end && !is_clause_end (stop))
                stop = g_utf8_next_char (stop);
              compare (n, appeal->key, "total", totals, appeal->n_groups, 0,
                       a == 0 ? SAID_NO_APPEALS : SAID_NO_LAWSUITS, p, stop);
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
  const guint rules[] = { n->cells->rules_in_force };
  const guint normative[] = { n->cells->normative_in_force };
  const guint both[] = { n->cells->rules_in_force, n->cells->normative_in_force };

  FOR_EACH_WORD (n, "现行有效", p)
    {
      const char *from = p;
      const char *clause_start;
      gboolean has_rules, has_normative;
      Count count;

      if (!count_after (n, p + strlen ("现行有效"), 20, &count))
        continue;
      clause_start = find_clause_start (n, p);
      for (guint c = 0; c < 10 && from > clause_start; c++)
        from = g_utf8_prev_char (from);
      has_rules = has_text (from, count.start, "规章");
      has_normative = has_text (from, count.start, "规范性文件");
      if (has_rules && has_normative)
        compare_count (n, "t2.in_force", both, 2, &count, from, SAID_IN_FORCE);
      else if (has_rules)
        compare_count (n, "t2.rules.in_force", rules, 1, &count, from, SAID_RULES_IN_FORCE);
      else if (has_normative)
        compare_count (n, "t2.normative.in_force", normative, 1, &count, from, SAID_NORMATIVE_IN_FORCE);
    }
}

/* ---- sentences ---- */

/* Each reading, in the order its warnings are to come, and the words a
 * sentence must hold for it to find anything: all of @all and, when @any
 * is given, one of @any. */
static const struct
{
  guint all;
  guint any;
  void (*read) (Narrative *n);
} readings[] = {
  { HAS_RECEIVE | HAS_REQUEST, 0, read_received },
  { HAS_CARRY | HAS_COUNT, 0, read_carried_in },
  { HAS_COUNT, HAS_CARRY | HAS_ONWARD, read_carried_out },
  { HAS_REQUEST | HAS_ANSWER | HAS_COUNT, 0, read_answered },
  { HAS_APPEAL, 0, read_appeals },
  { HAS_IN_FORCE | HAS_COUNT, 0, read_in_force },
};

static gboolean
is_read_by (guint words, guint r)
{
  return (words & readings[r].all) == readings[r].all && (readings[r].any == 0 || (words & readings[r].any) != 0);
}

static void
read_sentence (Narrative *n, const char *start, const char *end, guint words)
{
  guint r = 0;

  while (r < G_N_ELEMENTS (readings) && !is_read_by (words, r))
    r++;
  /* the close reading steps through characters: UTF-8 only */
  if (r == G_N_ELEMENTS (readings) || !g_utf8_validate_len (start, (gsize) (end - start), NULL))
    return;
  n->sentence = start;
  n->end = end;
  for (; r < G_N_ELEMENTS (readings); r++)
    if (is_read_by (words, r))
      readings[r].read (n);
}

static const struct
{
  const char *word;
  guint has;
} words_read[] = {
  { "件", HAS_COUNT }, { "申请", HAS_REQUEST },
  { "收到", HAS_RECEIVE }, { "受理", HAS_RECEIVE }, { "新收", HAS_RECEIVE }, { "接收", HAS_RECEIVE }, { "接到", HAS_RECEIVE },
  { "结转", HAS_CARRY }, { "顺延", HAS_ONWARD }, { "转入", HAS_ONWARD },
  { "办结", HAS_ANSWER }, { "答复", HAS_ANSWER },
  { "行政复议", HAS_APPEAL }, { "行政诉讼", HAS_APPEAL },
  { "现行有效", HAS_IN_FORCE },
};

#define IS_SENTENCE_END(c) ((c) == 0x3002 || (c) == 0xFF1B || (c) == 0xFF01 || (c) == 0xFF1F)  /* 。；！？ */

typedef struct
{
  gunichar firsts[G_N_ELEMENTS (words_read)];
  guint32 stops[65536 / 32];   /* the first characters and 。；！？ */
} Stops;

/* What read_text() stops at, one bit a character of the Basic Multilingual
 * Plane, so that the thousand others of a report are passed over with one
 * test each. Fixed for the program's life. */
static const Stops *
get_stops (void)
{
  static const gunichar ends[] = { 0x3002, 0xFF1B, 0xFF01, 0xFF1F };
  static Stops stops;
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0; i < G_N_ELEMENTS (words_read); i++)
        {
          gunichar c = g_utf8_get_char (words_read[i].word);

          g_assert (c >= 0x800 && c <= 0xFFFF);  /* three bytes */
          stops.firsts[i] = c;
          stops.stops[c >> 5] |= 1u << (c & 31);
        }
      for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
        stops.stops[ends[i] >> 5] |= 1u << (ends[i] & 31);
      g_once_init_leave (&done, 1);
    }
  return &stops;
}

/* Whether @word is at @p; stops at the end of the string. */
static inline gboolean
is_word_at (const char *p, const char *word)
{
  for (guint i = 0; word[i] != '\0'; i++)
    if (p[i] != word[i])
      return FALSE;
  return TRUE;
}

/* One pass over @text, noting in each sentence the words read. Bytes, not
 * characters — an ASCII byte or a three-byte character's first byte never
 * stands inside another character — which also never steps past the end
 * of a string cut inside a character. */
static void
read_text (Narrative *n, const Stops *stops, const char *text)
{
  const char *start = text;
  const char *p = text;
  guint words = 0;

  for (;;)
    {
      const guchar *u = (const guchar *) p;
      gsize width = 1;

      if (u[0] >= 0xE0 && u[0] <= 0xEF && (((u[1] ^ 0x80) | (u[2] ^ 0x80)) & 0xC0) == 0)
        {
          gunichar c = ((gunichar) (u[0] & 0x0F) << 12) | ((gunichar) (u[1] & 0x3F) << 6) | (u[2] & 0x3F);

          if ((stops->stops[c >> 5] & (1u << (c & 31))) == 0)
            {
              p += 3;
              continue;
            }
          if (!IS_SENTENCE_END (c))
            {
              for (guint i = 0; i < G_N_ELEMENTS (words_read); i++)
                if (stops->firsts[i] == c && is_word_at (p, words_read[i].word))
                  words |= words_read[i].has;
              p += 3;
              continue;
            }
          width = 3;
        }
      else if (u[0] != '\0' && u[0] != '\n' && u[0] != ';' && u[0] != '!' && u[0] != '?')
        {
          p++;
          continue;
        }

      /* a “sentence” of kilobytes is no sentence of a report: not read,
       * which also keeps the search within a clause from growing quadratic */
      if (words != 0 && p > start && p - start <= MAX_SENTENCE_BYTES)
        read_sentence (n, start, p, words);
      if (u[0] == '\0')
        break;
      p += width;
      start = p;
      words = 0;
    }
}

/**
 * nb_narrative_check:
 * @findings: where the W4 warnings are appended (NbFinding)
 *
 * Reads the figures that the three text sections state and appends a
 * warning for each that the tables contradict. Blank cells are left to W7.
 * A warning whose key @findings already holds is not made again.
 */
void
nb_narrative_check (NbReport *report, GPtrArray *findings)
{
  Narrative n = { 0 };
  const Stops *stops;

  g_return_if_fail (NB_IS_REPORT (report));
  g_return_if_fail (findings != NULL);

  n.report = report;
  n.findings = findings;
  n.cells = get_cells ();
  stops = get_stops ();
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    for (guint i = 0; i < nb_report_get_n_parts (report, (NbTextSection) s); i++)
      {
        n.section = (NbTextSection) s;
        read_text (&n, stops, nb_report_get_part_heading (report, (NbTextSection) s, i));
        read_text (&n, stops, nb_report_get_part_body (report, (NbTextSection) s, i));
      }
}
