/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing the JSON form of a report (FORMAT.md) and of a list of
 * findings, by hand rather than through json-glib's generator, so that
 * the layout is the customary one.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <string.h>

#include "nb-finding.h"
#include "nb-json-private.h"
#include "nb-number.h"

/* The writer keeps, per open bracket, whether anything was written in it,
 * so that an empty object stays "{}" and members get their commas. */
#define WRITER_MAX_DEPTH 8

typedef struct
{
  GString *out;
  guint depth;
  gboolean empty[WRITER_MAX_DEPTH];
} Writer;

/* Writing: the layout of Python's json.dumps(indent=2, ensure_ascii=False),
 * the one FORMAT.md shows and most tools produce, so that files kept in
 * version control diff cleanly whichever program last wrote them. (json-glib
 * 1.6's generator writes "key" : value.) */

static void
writer_indent (Writer *writer)
{
  for (guint i = 0; i < writer->depth; i++)
    g_string_append (writer->out, "  ");
}

static void
writer_open (Writer *writer, char bracket)
{
  g_assert (writer->depth + 1 < WRITER_MAX_DEPTH);
  g_string_append_c (writer->out, bracket);
  writer->depth++;
  writer->empty[writer->depth] = TRUE;
}

static void
writer_close (Writer *writer, char bracket)
{
  gboolean empty = writer->empty[writer->depth];

  writer->depth--;
  if (!empty)
    {
      g_string_append_c (writer->out, '\n');
      writer_indent (writer);
    }
  g_string_append_c (writer->out, bracket);
}

/* Starts the next element of the open array, or member of the open object
 * when @key is given. */
static void
writer_next (Writer *writer, const char *key)
{
  g_string_append (writer->out, writer->empty[writer->depth] ? "\n" : ",\n");
  writer->empty[writer->depth] = FALSE;
  writer_indent (writer);
  if (key != NULL)
    {
      nb_json_append_quoted (writer->out, key);
      g_string_append (writer->out, ": ");
    }
}

static void
writer_string_member (Writer *writer, const char *key, const char *value)
{
  writer_next (writer, key);
  if (value != NULL)
    nb_json_append_quoted (writer->out, value);
  else
    g_string_append (writer->out, "null");
}

char *
nb_json_write (NbReport *report)
{
  Writer writer = { g_string_sized_new (16 * 1024), 0, { FALSE } };
  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  writer_open (&writer, '{');
  writer_string_member (&writer, "format", NB_JSON_FORMAT);

  writer_next (&writer, "organ");
  writer_open (&writer, '{');
  for (guint i = 0; i < NB_N_ORGAN_FIELDS; i++)
    {
      const char *value = nb_report_get_organ_field (report, i);

      if (value != NULL && value[0] != '\0')
        writer_string_member (&writer, nb_format_organ_field (i)->key, value);
    }
  writer_close (&writer, '}');

  /* A year of 0 means "not set": leaving it out makes a reader say so. */
  if (nb_report_get_year (report) != 0)
    {
      writer_next (&writer, "year");
      g_string_append_printf (writer.out, "%u", nb_report_get_year (report));
    }
  if (nb_report_get_issued (report) != NULL)
    writer_string_member (&writer, "issued", nb_report_get_issued (report));
  if (nb_report_get_preamble (report) != NULL)
    writer_string_member (&writer, "preamble", nb_report_get_preamble (report));

  writer_next (&writer, "figures");
  writer_open (&writer, '{');
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    {
      const NbCellInfo *info = nb_format_cell (cell);
      gint64 value;

      if (!nb_report_get_figure (report, cell, &value))
        continue;
      if (info->kind == NB_CELL_FEE)
        {
          g_autofree char *text = nb_number_format (value, NB_CELL_FEE);

          writer_string_member (&writer, info->id, text);
        }
      else
        {
          writer_next (&writer, info->id);
          g_string_append_printf (writer.out, "%" G_GINT64_FORMAT, value);
        }
    }
  writer_close (&writer, '}');

  writer_next (&writer, "sections");
  writer_open (&writer, '{');
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    {
      writer_next (&writer, nb_format_text_section (s)->key);
      writer_open (&writer, '[');
      for (guint i = 0; i < nb_report_get_n_parts (report, s); i++)
        {
          writer_next (&writer, NULL);
          writer_open (&writer, '{');
          writer_string_member (&writer, "heading", nb_report_get_part_heading (report, s, i));
          writer_string_member (&writer, "body", nb_report_get_part_body (report, s, i));
          writer_close (&writer, '}');
        }
      writer_close (&writer, ']');
    }
  writer_close (&writer, '}');

  writer_close (&writer, '}');
  g_string_append_c (writer.out, '\n');
  return g_string_free (writer.out, FALSE);
}

/* Replaces @path as a whole (a temporary file renamed over it), so that a
 * crash or a full disk never leaves half a report behind. */
gboolean
nb_json_write_file (NbReport *report, const char *path, GError **error)
{
  g_autofree char *data = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = nb_json_write (report);
  if (!g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0666, error))
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_prefix_error (error, _("Could not save “%s”: "), display_name);
      return FALSE;
    }
  return TRUE;
}

/* Keys in FORMAT.md's order; "expected", "actual" and "key" are null when
 * the finding has none, so that every element has the same shape. */
char *
nb_json_findings (GPtrArray *findings)
{
  Writer writer = { g_string_new (NULL), 0, { FALSE } };

  g_return_val_if_fail (findings != NULL, NULL);

  writer_open (&writer, '[');
  for (guint i = 0; i < findings->len; i++)
    {
      const NbFinding *finding = g_ptr_array_index (findings, i);

      writer_next (&writer, NULL);
      writer_open (&writer, '{');
      writer_string_member (&writer, "rule", finding->rule);
      writer_string_member (&writer, "severity", nb_severity_to_string (finding->severity));
      if (finding->section >= 0 && finding->section < NB_N_SECTIONS)
        writer_string_member (&writer, "section", nb_format_section ((guint) finding->section)->key);
      writer_next (&writer, "cells");
      writer_open (&writer, '[');
      for (guint c = 0; finding->cells != NULL && c < finding->cells->len; c++)
        {
          guint cell = g_array_index (finding->cells, guint, c);

          if (cell < NB_N_CELLS)
            writer_string_member (&writer, NULL, nb_format_cell (cell)->id);
        }
      writer_close (&writer, ']');
      writer_string_member (&writer, "message", finding->message ? finding->message : "");
      writer_string_member (&writer, "expected", finding->expected);
      writer_string_member (&writer, "actual", finding->actual);
      writer_string_member (&writer, "key", finding->key);
      writer_close (&writer, '}');
    }
  writer_close (&writer, ']');
  g_string_append_c (writer.out, '\n');
  return g_string_free (writer.out, FALSE);
}
