/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "nb-number.h"
#include "nb-store-log.h"

char *
nb_store_log_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *seconds = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (now) / 1000);
}

/* A text section as a flat array: heading, body, heading, body, … */
GPtrArray *
nb_store_log_dup_parts (NbReport *report, NbTextSection section)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < nb_report_get_n_parts (report, section); i++)
    {
      g_ptr_array_add (parts, g_strdup (nb_report_get_part_heading (report, section, i)));
      g_ptr_array_add (parts, g_strdup (nb_report_get_part_body (report, section, i)));
    }
  return parts;
}

gboolean
nb_store_log_parts_equal (GPtrArray *a, GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (strcmp (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

gboolean
nb_store_log_parts_match (NbReport *report, NbTextSection section, GPtrArray *parts)
{
  guint n = nb_report_get_n_parts (report, section);

  if (parts->len != 2 * n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (nb_report_get_part_heading (report, section, i), g_ptr_array_index (parts, 2 * i)) != 0 ||
        g_strcmp0 (nb_report_get_part_body (report, section, i), g_ptr_array_index (parts, 2 * i + 1)) != 0)
      return FALSE;
  return TRUE;
}

gboolean
nb_store_log_sections_equal (NbReport *a, NbReport *b, NbTextSection section)
{
  guint n = nb_report_get_n_parts (a, section);

  if (nb_report_get_n_parts (b, section) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (strcmp (nb_report_get_part_heading (a, section, i), nb_report_get_part_heading (b, section, i)) != 0 ||
        strcmp (nb_report_get_part_body (a, section, i), nb_report_get_part_body (b, section, i)) != 0)
      return FALSE;
  return TRUE;
}

void
nb_store_log_set_parts (NbReport *report, NbTextSection section, GPtrArray *parts)
{
  guint n_new = parts->len / 2;
  guint n;

  while ((n = nb_report_get_n_parts (report, section)) > n_new)
    nb_report_remove_part (report, section, n - 1);
  for (guint i = 0; i < n_new; i++)
    {
      const char *heading = g_ptr_array_index (parts, 2 * i);
      const char *body = g_ptr_array_index (parts, 2 * i + 1);

      if (i < n)
        nb_report_set_part (report, section, i, heading, body);
      else
        nb_report_insert_part (report, section, -1, heading, body);
    }
}

/* The log's form of a section: [{"heading": …, "body": …}, …], NULL when empty. */
char *
nb_store_log_parts_to_json (GPtrArray *parts)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (parts->len == 0)
    return NULL;
  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i + 1 < parts->len; i += 2)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "heading");
      json_builder_add_string_value (builder, g_ptr_array_index (parts, i));
      json_builder_set_member_name (builder, "body");
      json_builder_add_string_value (builder, g_ptr_array_index (parts, i + 1));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Replaces a section with the parts of a logged value; a value that does
 * not parse leaves the section alone rather than guess. */
static void
set_parts_from_json (NbReport *report, NbTextSection section, const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array = NULL;

  if (json != NULL)
    {
      JsonNode *root;

      if (!json_parser_load_from_data (parser, json, -1, NULL) ||
          (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
        {
          g_debug ("A logged value of section %u is not a JSON array", section);
          return;
        }
      array = json_node_get_array (root);
    }

  for (guint n = nb_report_get_n_parts (report, section); n > 0; n--)
    nb_report_remove_part (report, section, n - 1);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      nb_report_insert_part (report, section, -1,
                             json_object_get_string_member_with_default (object, "heading", ""),
                             json_object_get_string_member_with_default (object, "body", ""));
    }
}

NbStoreMerge *
nb_store_log_merge_new (NbChange what, guint index)
{
  NbStoreMerge *merge = g_new0 (NbStoreMerge, 1);

  merge->what = what;
  merge->index = index;
  return merge;
}

void
nb_store_log_merge_free (NbStoreMerge *merge)
{
  if (merge == NULL)
    return;
  g_free (merge->text);
  g_clear_pointer (&merge->parts, g_ptr_array_unref);
  g_free (merge);
}

static gboolean
merge_matches (NbStoreMerge *merge, NbReport *report)
{
  gint64 value;

  switch (merge->what)
    {
    case NB_CHANGE_ORGAN:
      return g_strcmp0 (nb_report_get_organ_field (report, merge->index), merge->text) == 0;
    case NB_CHANGE_ISSUED:
      return g_strcmp0 (nb_report_get_issued (report), merge->text) == 0;
    case NB_CHANGE_PREAMBLE:
      return g_strcmp0 (nb_report_get_preamble (report), merge->text) == 0;
    case NB_CHANGE_FIGURE:
      if (nb_report_get_figure (report, merge->index, &value) != merge->filled)
        return FALSE;
      return !merge->filled || value == merge->value;
    case NB_CHANGE_PARTS:
      return nb_store_log_parts_match (report, merge->index, merge->parts);
    case NB_CHANGE_YEAR:
    case NB_CHANGE_ALL:
    default:
      g_assert_not_reached ();
    }
}

gboolean
nb_store_log_merge_apply (NbStoreMerge *merge, NbReport *report)
{
  if (merge_matches (merge, report))
    return FALSE;

  switch (merge->what)
    {
    case NB_CHANGE_ORGAN:
      nb_report_set_organ_field (report, merge->index, merge->text);
      break;
    case NB_CHANGE_ISSUED:
      /* a date that is not one (written by other means) stays out */
      nb_report_set_issued (report, merge->text, NULL);
      break;
    case NB_CHANGE_PREAMBLE:
      nb_report_set_preamble (report, merge->text);
      break;
    case NB_CHANGE_FIGURE:
      if (merge->filled)
        nb_report_set_figure (report, merge->index, merge->value);
      else
        nb_report_clear_figure (report, merge->index);
      break;
    case NB_CHANGE_PARTS:
      nb_store_log_set_parts (report, merge->index, merge->parts);
      break;
    case NB_CHANGE_YEAR:
    case NB_CHANGE_ALL:
    default:
      g_assert_not_reached ();
    }
  return merge_matches (merge, report);
}

void
nb_store_log_sync (NbReport *base, NbReport *report)
{
  for (guint f = 0; f < NB_N_ORGAN_FIELDS; f++)
    nb_report_set_organ_field (base, f, nb_report_get_organ_field (report, f));
  nb_report_set_year (base, nb_report_get_year (report));
  nb_report_set_issued (base, nb_report_get_issued (report), NULL);
  nb_report_set_preamble (base, nb_report_get_preamble (report));
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    {
      gint64 value;

      if (nb_report_get_figure (report, cell, &value))
        nb_report_set_figure (base, cell, value);
      else
        nb_report_clear_figure (base, cell);
    }
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    if (!nb_store_log_sections_equal (base, report, s))
      {
        g_autoptr(GPtrArray) parts = nb_store_log_dup_parts (report, s);

        nb_store_log_set_parts (base, s, parts);
      }
}

/* The log writes figures with nb_number_format(), a minus sign included
 * for the wrong values an import may carry. */
static gboolean
parse_logged_figure (const char *text, NbCellKind kind, gint64 *value)
{
  gboolean negative = text[0] == '-';
  gboolean blank = FALSE;
  gint64 magnitude = 0;

  if (!nb_number_parse (text + (negative ? 1 : 0), kind, &blank, &magnitude, NULL) || blank)
    return FALSE;
  *value = negative ? -magnitude : magnitude;
  return TRUE;
}

/* Puts back the value an edit replaced. */
void
nb_store_log_undo (NbReport *report, const char *field, const char *old_value)
{
  int index;
  guint cell;

  if (g_str_has_prefix (field, "organ."))
    {
      index = nb_format_organ_field_by_key (field + strlen ("organ."));
      if (index > NB_ORGAN_NAME)
        nb_report_set_organ_field (report, index, old_value);
    }
  else if (strcmp (field, "issued") == 0)
    nb_report_set_issued (report, old_value, NULL);
  else if (strcmp (field, "preamble") == 0)
    nb_report_set_preamble (report, old_value);
  else if ((index = nb_format_text_section_by_key (field)) >= 0)
    set_parts_from_json (report, index, old_value);
  else if ((cell = nb_format_cell_by_id (field)) != NB_CELL_NONE)
    {
      gint64 value;

      if (old_value == NULL)
        nb_report_clear_figure (report, cell);
      else if (parse_logged_figure (old_value, nb_format_cell (cell)->kind, &value))
        nb_report_set_figure (report, cell, value);
    }
  else
    g_debug ("Edit of unknown field “%s” left alone", field);
}
