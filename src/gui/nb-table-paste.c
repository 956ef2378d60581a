/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pasting into a table: a block of tab-separated lines copied from a
 * spreadsheet (WPS, LibreOffice, Excel) fills the cells from the focused
 * one, as one undo step, or nothing at all.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "nb-number.h"
#include "nb-table-page-private.h"

typedef struct
{
  GWeakRef page;
  guint cell;
} PasteData;

static void
paste_data_free (PasteData *data)
{
  g_weak_ref_clear (&data->page);
  g_free (data);
}

static void
clipboard_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PasteData *data = user_data;
  g_autoptr(NbTablePage) self = g_weak_ref_get (&data->page);
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  guint cell = data->cell;
  Slot *slot;

  paste_data_free (data);
  if (self == NULL || text == NULL || (slot = nb_table_page_slot_for_cell (self, cell)) == NULL)
    return;

  if (strchr (text, '\t') != NULL || strchr (g_strchomp (text), '\n') != NULL)
    nb_table_page_paste (self, cell, text);
  else
    {
      GtkEditable *editable = GTK_EDITABLE (slot->entry);
      int position;

      gtk_editable_delete_selection (editable);
      position = gtk_editable_get_position (editable);
      gtk_editable_insert_text (editable, text, -1, &position);
      gtk_editable_set_position (editable, position);
    }
}

void
nb_table_page_start_paste (NbTablePage *self, Slot *slot)
{
  PasteData *data = g_new0 (PasteData, 1);

  g_weak_ref_init (&data->page, self);
  data->cell = slot->cell;
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (slot->entry), NULL,
                                 clipboard_read_cb, data);
}


gboolean
nb_table_page_paste (NbTablePage *self, guint cell, const char *text)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) cells = NULL;
  g_autoptr(GArray) values = NULL;
  g_autoptr(GArray) blanks = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *message = NULL;
  guint n_lines, left_out = 0;
  Slot *start;

  g_return_val_if_fail (NB_IS_TABLE_PAGE (self), FALSE);
  g_return_val_if_fail (cell < NB_N_CELLS, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  start = nb_table_page_slot_for_cell (self, cell);
  if (start == NULL || self->undo == NULL)
    return FALSE;

  /* Spreadsheets end the block with a newline and may use CRLF. */
  copy = g_strdup (text);
  g_strdelimit (copy, "\r", '\n');
  lines = g_strsplit (g_strchomp (copy), "\n", -1);
  n_lines = g_strv_length (lines);

  cells = g_array_new (FALSE, FALSE, sizeof (guint));
  values = g_array_new (FALSE, FALSE, sizeof (gint64));
  blanks = g_array_new (FALSE, FALSE, sizeof (gboolean));

  for (guint i = 0, row = 0; i < n_lines; i++)
    {
      g_auto(GStrv) fields = NULL;

      /* CRLF became two newlines above: skip the empty line between. */
      if (lines[i][0] == '\0' && i > 0 && strchr (text, '\r') != NULL)
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      for (guint j = 0; fields[j] != NULL; j++)
        {
          Slot *target = nb_table_page_slot_near (self, start->vrow + row, start->vcol + j, FALSE);
          g_autoptr(GError) error = NULL;
          gboolean blank;
          gint64 value;

          if (target == NULL)
            {
              if (g_strstrip (fields[j])[0] != '\0')
                left_out++;
              continue;
            }
          if (!nb_number_parse (fields[j], nb_format_cell (target->cell)->kind,
                                &blank, &value, &error))
            {
              g_autofree char *where = nb_format_cell_describe (target->cell);

              message = g_strdup_printf (_("Nothing was pasted: “%s” (line %u, column %u of the copied block, for %s) is not accepted: %s"),
                                         g_strstrip (fields[j]), i + 1, j + 1, where,
                                         error->message);
              nb_table_page_set_message (self, "dialog-error-symbolic", message);
              gtk_widget_error_bell (GTK_WIDGET (self));
              return FALSE;
            }
          g_array_append_val (cells, target->cell);
          g_array_append_val (values, value);
          g_array_append_val (blanks, blank);
        }
      row++;
    }

  nb_undo_stack_close_merge (self->undo);
  nb_undo_stack_begin_group (self->undo);
  for (guint i = 0; i < cells->len; i++)
    nb_undo_stack_set_figure (self->undo, g_array_index (cells, guint, i),
                              !g_array_index (blanks, gboolean, i),
                              g_array_index (values, gint64, i));
  nb_undo_stack_end_group (self->undo);

  if (left_out > 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Pasted %u values; %u value beyond the edge of the table was left out.",
                                            "Pasted %u values; %u values beyond the edge of the table were left out.",
                                            left_out), cells->len, left_out);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Pasted %u value.", "Pasted %u values.",
                                            cells->len), cells->len);
  nb_table_page_set_message (self, left_out > 0 ? "dialog-warning-symbolic" : "dialog-information-symbolic",
               message);
  return TRUE;
}
