/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Year over year. Figures and totals are compared in exact integers; the
 * change in percent is kept in tenths of a percent so that it prints the
 * same everywhere. Texts are diffed character by character with Myers'
 * O((N+M)·D) algorithm after trimming their common ends: a part edited
 * here and there costs next to nothing, and two unrelated texts stop at
 * DIFF_MAX_EDITS edits instead of running quadratic.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "nb-compare.h"
#include "nb-json.h"
#include "nb-number.h"
#include "nb-similarity.h"

/* Past this many edits the middle of two texts is shown as replaced
 * wholesale: the trace of the search grows with its square (4 MB here). */
#define DIFF_MAX_EDITS 1000

typedef struct
{
  NbComparePart part;
  GPtrArray *diff;   /* NULL until asked for */
} Part;

struct NbComparison
{
  NbReport *this_year;
  NbReport *last_year;
  NbCompareValue figures[NB_N_CELLS];
  NbCompareValue totals[NB_COMPARE_N_TOTALS];
  GArray *parts;     /* Part */
  GPtrArray *findings;
};

/* ---- arithmetic ---- */

static gboolean
subtract_checked (gint64 a, gint64 b, gint64 *out)
{
  if ((b < 0 && a > G_MAXINT64 + b) || (b > 0 && a < G_MININT64 + b))
    return FALSE;
  *out = a - b;
  return TRUE;
}

static gboolean
add_checked (gint64 a, gint64 b, gint64 *out)
{
  if ((b > 0 && a > G_MAXINT64 - b) || (b < 0 && a < G_MININT64 - b))
    return FALSE;
  *out = a + b;
  return TRUE;
}

static guint64
magnitude (gint64 v)
{
  return v < 0 ? (guint64) 0 - (guint64) v : (guint64) v;
}

/* change / last in tenths of a percent, rounded half away from zero. */
static gboolean
compute_permille (gint64 change, gint64 last, gint64 *out)
{
  guint64 num = magnitude (change), den = magnitude (last);
  guint64 q, r, frac;

  if (den == 0)
    return FALSE;
  q = num / den;
  r = num % den;
  if (q > (guint64) G_MAXINT64 / 1000 - 1)
    return FALSE;
  if (r <= G_MAXUINT64 / 1000)
    {
      guint64 t = r * 1000;

      frac = t / den;
      if ((t % den) * 2 >= den)
        frac++;
    }
  else
    /* Only for figures beyond 10^16: a tenth of a percent off at most. */
    frac = (guint64) ((double) r / (double) den * 1000.0 + 0.5);

  *out = (gint64) (q * 1000 + frac);
  if ((change < 0) != (last < 0) && *out != 0)
    *out = -*out;
  return TRUE;
}

static void
fill_value (NbCompareValue *value)
{
  value->has_change = value->has_last && value->has_this &&
                      subtract_checked (value->this_year, value->last, &value->change);
  value->has_percent = value->has_change &&
                       compute_permille (value->change, value->last, &value->permille);
}

static gboolean
sum_cells (NbReport *report, NbCompareTotal total, gint64 *sum)
{
  *sum = 0;
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    {
      const NbCellInfo *info = nb_format_cell (cell);
      gint64 value;

      if (info->is_total)
        continue;
      if (total == NB_COMPARE_TOTAL_FEES ? info->kind != NB_CELL_FEE
          : (info->kind != NB_CELL_COUNT ||
             info->table != (total == NB_COMPARE_TOTAL_T2 ? 2u : total == NB_COMPARE_TOTAL_T3 ? 3u : 4u)))
        continue;
      /* One blank cell makes the total unknown, as blank is not 0. */
      if (!nb_report_get_figure (report, cell, &value) || !add_checked (*sum, value, sum))
        return FALSE;
    }
  return TRUE;
}

/* ---- diff ---- */

static gunichar *
to_chars (const char *text, glong *n)
{
  gunichar *chars = g_utf8_to_ucs4_fast (text ? text : "", -1, n);

  return chars;
}

static void
append_run (GPtrArray *runs, NbDiffOp op, const gunichar *chars, gsize n)
{
  NbDiffRun *run = runs->len ? g_ptr_array_index (runs, runs->len - 1) : NULL;
  g_autofree char *text = NULL;

  if (n == 0)
    return;
  text = g_ucs4_to_utf8 (chars, (glong) n, NULL, NULL, NULL);
  if (run != NULL && run->op == op)
    {
      char *joined = g_strconcat (run->text, text, NULL);

      g_free (run->text);
      run->text = joined;
      return;
    }
  run = g_new0 (NbDiffRun, 1);
  run->op = op;
  run->text = g_steal_pointer (&text);
  g_ptr_array_add (runs, run);
}

static void
free_run (gpointer data)
{
  NbDiffRun *run = data;

  g_free (run->text);
  g_free (run);
}

/* Myers' greedy search; on success @ops holds the edit script backwards,
 * one NbDiffOp per step. */
static gboolean
search_edits (const gunichar *a, gssize n, const gunichar *b, gssize m, GByteArray *ops)
{
  gssize max = n + m;
  gssize dmax = MIN (max, DIFF_MAX_EDITS);
  gssize offset = max + 1;
  g_autofree gssize *v = g_new0 (gssize, 2 * (gsize) max + 3);
  g_autoptr(GArray) trace = g_array_new (FALSE, FALSE, sizeof (gssize));
  gssize found = -1, x, y;

  for (gssize d = 0; d <= dmax && found < 0; d++)
    {
      /* trace[d] (at d²) is V before step d, over k = -d … d */
      g_array_append_vals (trace, &v[offset - d], (guint) (2 * d + 1));
      for (gssize k = -d; k <= d; k += 2)
        {
          if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;
          while (x < n && y < m && a[x] == b[y])
            x++, y++;
          v[offset + k] = x;
          if (x >= n && y >= m)
            {
              found = d;
              break;
            }
        }
    }
  if (found < 0)
    return FALSE;

  x = n;
  y = m;
  for (gssize d = found; d > 0; d--)
    {
      const gssize *vd = &g_array_index (trace, gssize, (guint) (d * d + d));
      gssize k = x - y;
      gssize prev_k = (k == -d || (k != d && vd[k - 1] < vd[k + 1])) ? k + 1 : k - 1;
      gssize prev_x = vd[prev_k];
      gssize prev_y = prev_x - prev_k;
      guint8 op;

      for (op = NB_DIFF_EQUAL; x > prev_x && y > prev_y; x--, y--)
        g_byte_array_append (ops, &op, 1);
      op = x == prev_x ? NB_DIFF_ADDED : NB_DIFF_REMOVED;
      g_byte_array_append (ops, &op, 1);
      x = prev_x;
      y = prev_y;
    }
  for (guint8 op = NB_DIFF_EQUAL; x > 0; x--)
    g_byte_array_append (ops, &op, 1);
  return TRUE;
}

GPtrArray *
nb_compare_diff_texts (const char *last, const char *now)
{
  GPtrArray *runs = g_ptr_array_new_with_free_func (free_run);
  glong n, m;
  g_autofree gunichar *a = to_chars (last, &n);
  g_autofree gunichar *b = to_chars (now, &m);
  g_autoptr(GByteArray) ops = g_byte_array_new ();
  glong prefix = 0, suffix = 0;

  while (prefix < n && prefix < m && a[prefix] == b[prefix])
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] == b[m - 1 - suffix])
    suffix++;

  append_run (runs, NB_DIFF_EQUAL, a, (gsize) prefix);
  if (search_edits (a + prefix, n - prefix - suffix, b + prefix, m - prefix - suffix, ops))
    {
      const gunichar *pa = a + prefix, *pb = b + prefix;

      /* Equal and removed characters come from a, added ones from b;
       * runs of one kind are gathered before being converted. */
      for (guint i = ops->len; i > 0;)
        {
          NbDiffOp op = ops->data[i - 1];
          gsize len = 0;

          while (i > 0 && ops->data[i - 1] == op)
            i--, len++;
          if (op == NB_DIFF_ADDED)
            {
              append_run (runs, op, pb, len);
              pb += len;
            }
          else
            {
              append_run (runs, op, pa, len);
              pa += len;
              if (op == NB_DIFF_EQUAL)
                pb += len;
            }
        }
    }
  else
    {
      append_run (runs, NB_DIFF_REMOVED, a + prefix, (gsize) (n - prefix - suffix));
      append_run (runs, NB_DIFF_ADDED, b + prefix, (gsize) (m - prefix - suffix));
    }
  append_run (runs, NB_DIFF_EQUAL, a + n - suffix, (gsize) suffix);
  return runs;
}

/* ---- the comparison ---- */

static void
add_part (NbComparison *self, NbTextSection section, int this_index, int last_index)
{
  Part part = { { 0 }, NULL };

  part.part.section = section;
  part.part.this_index = this_index;
  part.part.last_index = last_index;
  if (this_index >= 0)
    {
      part.part.heading = nb_report_get_part_heading (self->this_year, section, (guint) this_index);
      part.part.this_body = nb_report_get_part_body (self->this_year, section, (guint) this_index);
    }
  if (last_index >= 0)
    {
      if (this_index < 0)
        part.part.heading = nb_report_get_part_heading (self->last_year, section, (guint) last_index);
      part.part.last_body = nb_report_get_part_body (self->last_year, section, (guint) last_index);
    }
  part.part.similarity = this_index >= 0 && last_index >= 0
                         ? nb_similarity (part.part.this_body, part.part.last_body) : -1.0;
  g_array_append_val (self->parts, part);
}

static void
compare_parts (NbComparison *self)
{
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    {
      guint n = nb_report_get_n_parts (self->this_year, s);
      guint n_last = nb_report_get_n_parts (self->last_year, s);
      g_autofree gboolean *matched = g_new0 (gboolean, n_last + 1);

      for (guint i = 0; i < n; i++)
        {
          int match = nb_similarity_match_part (self->this_year, self->last_year, s, i);

          /* Two parts of one heading: the first takes last year's. */
          if (match >= 0 && matched[match])
            match = -1;
          if (match >= 0)
            matched[match] = TRUE;
          add_part (self, s, (int) i, match);
        }
      for (guint j = 0; j < n_last; j++)
        if (!matched[j])
          add_part (self, s, -1, (int) j);
    }
}

NbComparison *
nb_compare (NbReport *this_year, NbReport *last_year)
{
  NbComparison *self;

  g_return_val_if_fail (NB_IS_REPORT (this_year), NULL);
  g_return_val_if_fail (NB_IS_REPORT (last_year), NULL);

  self = g_new0 (NbComparison, 1);
  self->this_year = g_object_ref (this_year);
  self->last_year = g_object_ref (last_year);

  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    {
      NbCompareValue *value = &self->figures[cell];

      value->has_last = nb_report_get_figure (last_year, cell, &value->last);
      value->has_this = nb_report_get_figure (this_year, cell, &value->this_year);
      fill_value (value);
    }
  for (guint t = 0; t < NB_COMPARE_N_TOTALS; t++)
    {
      NbCompareValue *value = &self->totals[t];

      value->has_last = sum_cells (last_year, t, &value->last);
      value->has_this = sum_cells (this_year, t, &value->this_year);
      fill_value (value);
    }

  self->parts = g_array_new (FALSE, FALSE, sizeof (Part));
  compare_parts (self);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_finding_free);
  nb_similarity_check (this_year, last_year, NB_SIMILARITY_DEFAULT_THRESHOLD, self->findings);
  return self;
}

void
nb_comparison_free (NbComparison *comparison)
{
  if (comparison == NULL)
    return;
  for (guint i = 0; i < comparison->parts->len; i++)
    g_clear_pointer (&g_array_index (comparison->parts, Part, i).diff, g_ptr_array_unref);
  g_array_unref (comparison->parts);
  g_ptr_array_unref (comparison->findings);
  g_object_unref (comparison->this_year);
  g_object_unref (comparison->last_year);
  g_free (comparison);
}

NbReport *
nb_comparison_get_this_year (NbComparison *comparison)
{
  g_return_val_if_fail (comparison != NULL, NULL);
  return comparison->this_year;
}

NbReport *
nb_comparison_get_last_year (NbComparison *comparison)
{
  g_return_val_if_fail (comparison != NULL, NULL);
  return comparison->last_year;
}

const NbCompareValue *
nb_comparison_get_figure (NbComparison *comparison, guint cell)
{
  g_return_val_if_fail (comparison != NULL, NULL);
  g_return_val_if_fail (cell < NB_N_CELLS, NULL);
  return &comparison->figures[cell];
}

static gboolean
value_changed (const NbCompareValue *value)
{
  if (value->has_last != value->has_this)
    return TRUE;
  return value->has_last && value->last != value->this_year;
}

gboolean
nb_comparison_figure_changed (NbComparison *comparison, guint cell)
{
  g_return_val_if_fail (comparison != NULL, FALSE);
  g_return_val_if_fail (cell < NB_N_CELLS, FALSE);
  return value_changed (&comparison->figures[cell]);
}

guint
nb_comparison_count_changed (NbComparison *comparison)
{
  guint n = 0;

  g_return_val_if_fail (comparison != NULL, 0);
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    n += value_changed (&comparison->figures[cell]);
  return n;
}

const NbCompareValue *
nb_comparison_get_total (NbComparison *comparison, NbCompareTotal total)
{
  g_return_val_if_fail (comparison != NULL, NULL);
  g_return_val_if_fail (total < NB_COMPARE_N_TOTALS, NULL);
  return &comparison->totals[total];
}

static guint
table_of_total (NbCompareTotal total)
{
  switch (total)
    {
    case NB_COMPARE_TOTAL_T3:
      return 3;
    case NB_COMPARE_TOTAL_T4:
      return 4;
    case NB_COMPARE_TOTAL_T2:
    case NB_COMPARE_TOTAL_FEES:
    case NB_COMPARE_N_TOTALS:
    default:
      return 2;
    }
}

const char *
nb_compare_total_heading (NbCompareTotal total)
{
  g_return_val_if_fail (total < NB_COMPARE_N_TOTALS, NULL);
  for (guint i = 0; i < NB_N_SECTIONS; i++)
    if (nb_format_section (i)->table == table_of_total (total))
      return nb_format_section (i)->heading;
  g_return_val_if_reached (NULL);
}

const char *
nb_compare_total_key (NbCompareTotal total)
{
  static const char *const keys[] = { "t2", "t2.fees", "t3", "t4" };

  g_return_val_if_fail (total < NB_COMPARE_N_TOTALS, NULL);
  return keys[total];
}

NbCellKind
nb_compare_total_kind (NbCompareTotal total)
{
  return total == NB_COMPARE_TOTAL_FEES ? NB_CELL_FEE : NB_CELL_COUNT;
}

guint
nb_comparison_get_n_parts (NbComparison *comparison)
{
  g_return_val_if_fail (comparison != NULL, 0);
  return comparison->parts->len;
}

const NbComparePart *
nb_comparison_get_part (NbComparison *comparison, guint index)
{
  g_return_val_if_fail (comparison != NULL, NULL);
  g_return_val_if_fail (index < comparison->parts->len, NULL);
  return &g_array_index (comparison->parts, Part, index).part;
}

GPtrArray *
nb_comparison_get_part_diff (NbComparison *comparison, guint index)
{
  Part *part;

  g_return_val_if_fail (comparison != NULL, NULL);
  g_return_val_if_fail (index < comparison->parts->len, NULL);
  part = &g_array_index (comparison->parts, Part, index);
  if (part->diff == NULL)
    part->diff = nb_compare_diff_texts (part->part.last_body, part->part.this_body);
  return part->diff;
}

GPtrArray *
nb_comparison_get_findings (NbComparison *comparison)
{
  g_return_val_if_fail (comparison != NULL, NULL);
  return comparison->findings;
}

char *
nb_compare_format_percent (const NbCompareValue *value)
{
  guint64 m;

  g_return_val_if_fail (value != NULL, NULL);
  if (!value->has_percent)
    return NULL;
  m = magnitude (value->permille);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%u%%",
                          value->permille > 0 ? "+" : value->permille < 0 ? "-" : "",
                          m / 10, (guint) (m % 10));
}

/* ---- JSON ---- */

static void
add_number (JsonBuilder *builder, const char *name, gboolean known, gint64 value, NbCellKind kind)
{
  json_builder_set_member_name (builder, name);
  if (!known)
    json_builder_add_null_value (builder);
  else if (kind == NB_CELL_COUNT)
    json_builder_add_int_value (builder, value);
  else
    {
      /* The fee as a decimal string, like the exchange file. */
      g_autofree char *text = nb_number_format (value, kind);

      json_builder_add_string_value (builder, text);
    }
}

static void
add_value (JsonBuilder *builder, const NbCompareValue *value, NbCellKind kind)
{
  g_autofree char *percent = nb_compare_format_percent (value);

  add_number (builder, "last", value->has_last, value->last, kind);
  add_number (builder, "this", value->has_this, value->this_year, kind);
  add_number (builder, "change", value->has_change, value->change, kind);
  json_builder_set_member_name (builder, "change_percent");
  if (percent != NULL)
    json_builder_add_string_value (builder, percent);
  else
    json_builder_add_null_value (builder);
}

static const char *
op_name (NbDiffOp op)
{
  return op == NB_DIFF_EQUAL ? "equal" : op == NB_DIFF_REMOVED ? "removed" : "added";
}

char *
nb_compare_to_json (NbComparison *comparison, gboolean changed_only)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) findings = NULL;
  g_autofree char *findings_json = NULL;

  g_return_val_if_fail (comparison != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "nianbao-comparison/1");
  json_builder_set_member_name (builder, "organ");
  json_builder_add_string_value (builder, nb_report_get_organ_name (comparison->this_year));
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, nb_report_get_year (comparison->this_year));
  json_builder_set_member_name (builder, "with");
  json_builder_add_int_value (builder, nb_report_get_year (comparison->last_year));

  json_builder_set_member_name (builder, "figures");
  json_builder_begin_array (builder);
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    {
      g_autofree char *label = NULL;

      if (changed_only && !value_changed (&comparison->figures[cell]))
        continue;
      label = nb_format_cell_describe (cell);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, nb_format_cell (cell)->id);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, label);
      add_value (builder, &comparison->figures[cell], nb_format_cell (cell)->kind);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "totals");
  json_builder_begin_array (builder);
  for (guint t = 0; t < NB_COMPARE_N_TOTALS; t++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, nb_compare_total_key (t));
      json_builder_set_member_name (builder, "heading");
      json_builder_add_string_value (builder, nb_compare_total_heading (t));
      add_value (builder, &comparison->totals[t], nb_compare_total_kind (t));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "texts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < comparison->parts->len; i++)
    {
      const NbComparePart *part = nb_comparison_get_part (comparison, i);
      GPtrArray *diff;

      if (changed_only && part->similarity >= 1.0 &&
          g_strcmp0 (part->this_body, part->last_body) == 0)
        continue;
      diff = nb_comparison_get_part_diff (comparison, i);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "section");
      json_builder_add_string_value (builder, nb_format_text_section (part->section)->key);
      json_builder_set_member_name (builder, "heading");
      json_builder_add_string_value (builder, part->heading ? part->heading : "");
      json_builder_set_member_name (builder, "this_index");
      json_builder_add_int_value (builder, part->this_index);
      json_builder_set_member_name (builder, "last_index");
      json_builder_add_int_value (builder, part->last_index);
      json_builder_set_member_name (builder, "similarity_percent");
      if (part->similarity < 0)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, nb_similarity_percent (part->similarity));
      json_builder_set_member_name (builder, "diff");
      json_builder_begin_array (builder);
      for (guint r = 0; r < diff->len; r++)
        {
          NbDiffRun *run = g_ptr_array_index (diff, r);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "op");
          json_builder_add_string_value (builder, op_name (run->op));
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, run->text);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  findings_json = nb_json_findings (comparison->findings);
  findings = json_from_string (findings_json, NULL);
  json_builder_set_member_name (builder, "findings");
  json_builder_add_value (builder, g_steal_pointer (&findings));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}
