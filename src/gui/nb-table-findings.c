/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NbTablePage's findings: the rules' marks and messages on the cells of
 * the page, and the summary above the table that counts them.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-finding.h"
#include "nb-table-page-private.h"

void
nb_table_page_show_findings (NbTablePage *self, GPtrArray *findings, GHashTable *acks)
{
  NbCellMark marks[NB_N_CELLS] = { NB_CELL_MARK_NONE };
  g_autoptr(GPtrArray) messages = NULL;
  guint n_errors = 0, n_warnings = 0;
  g_autofree char *summary = NULL;
  const char *state = "success";
  GtkInscription *inscription = NULL;

  g_return_if_fail (NB_IS_TABLE_PAGE (self));
  g_return_if_fail (findings != NULL);

  messages = g_ptr_array_new_full (self->slots->len, NULL);
  g_ptr_array_set_size (messages, (int) self->slots->len);

  for (guint i = 0; i < findings->len; i++)
    {
      NbFinding *finding = g_ptr_array_index (findings, i);
      NbCellMark mark = finding->severity == NB_SEVERITY_ERROR ? NB_CELL_MARK_ERROR
                                                                : NB_CELL_MARK_WARNING;

      if (mark == NB_CELL_MARK_WARNING && acks != NULL && finding->key != NULL &&
          g_hash_table_contains (acks, finding->key))
        continue;
      if (finding->section == self->section)
        {
          if (mark == NB_CELL_MARK_ERROR)
            n_errors++;
          else
            n_warnings++;
        }
      /* Blank cells (W7) show that they are blank; painting every cell of a
       * new report yellow would hide the warnings that matter. */
      if (g_strcmp0 (finding->rule, "W7") == 0)
        continue;
      for (guint c = 0; c < finding->cells->len; c++)
        {
          guint cell = g_array_index (finding->cells, guint, c);
          int index = cell < NB_N_CELLS ? self->slot_of_cell[cell] : -1;
          GString *text;

          if (index < 0)
            continue;
          marks[index] = MAX (marks[index], mark);
          text = g_ptr_array_index (messages, index);
          if (text == NULL)
            messages->pdata[index] = text = g_string_new (NULL);
          else
            g_string_append_c (text, '\n');
          g_string_append (text, finding->message);
        }
    }

  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = g_ptr_array_index (self->slots, i);
      GString *text = g_ptr_array_index (messages, i);
      g_autofree char *message = text ? g_string_free (text, FALSE) : NULL;

      if (slot->mark == marks[i] && g_strcmp0 (slot->finding_message, message) == 0)
        continue;
      slot->mark = marks[i];
      g_free (slot->finding_message);
      slot->finding_message = g_steal_pointer (&message);
      nb_table_page_update_slot_style (self, slot);
      if (slot == self->focused)
        nb_table_page_show_slot_message (self, slot);
    }

  if (n_errors > 0)
    {
      state = "error";
      inscription = self->error_summary;
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u error in this table: the cell is marked in red. "
                                            "Point at it or move the cursor into it to see by how much it is off.",
                                            "%u errors in this table: the cells are marked in red. "
                                            "Point at one or move the cursor into it to see by how much it is off.",
                                              n_errors), n_errors);
    }
  else if (n_warnings > 0)
    {
      state = "warning";
      inscription = self->warning_summary;
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The sums add up; %u warning to look at in the findings (F9).",
                                              "The sums add up; %u warnings to look at in the findings (F9).",
                                              n_warnings), n_warnings);
    }
  /* Only what changed. The counts are inscriptions, whose size does not
   * follow their text: a count that changes is only drawn again. */
  if (inscription != NULL && g_strcmp0 (gtk_inscription_get_text (inscription), summary) != 0)
    {
      gtk_inscription_set_text (inscription, summary);
      gtk_accessible_update_property (GTK_ACCESSIBLE (inscription),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
    }
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->summary_stack), state) != 0)
    gtk_stack_set_visible_child_name (self->summary_stack, state);
}

const char *
nb_table_page_get_summary (NbTablePage *self)
{
  const char *state;

  g_return_val_if_fail (NB_IS_TABLE_PAGE (self), NULL);

  state = gtk_stack_get_visible_child_name (self->summary_stack);
  if (g_strcmp0 (state, "error") == 0)
    return gtk_inscription_get_text (self->error_summary);
  if (g_strcmp0 (state, "warning") == 0)
    return gtk_inscription_get_text (self->warning_summary);
  return _("Every sum in this table adds up.");
}
