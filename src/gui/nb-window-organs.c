/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Add Up Organs and Rename Organ: the two dialogs that work on organs
 * rather than on the report in the window.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-aggregate.h"
#include "nb-window-organs.h"
#include "nb-window-private.h"

/* What the store's log says made a summary (as nianbao-cli aggregate). */
#define AGGREGATE_SOURCE "aggregate"

/* A summary is told from an organ's own report by who stored it first:
 * adding it up again into a new summary would count everything twice. */
static gboolean
is_summary (NbStore *store, const char *organ, guint year)
{
  g_autoptr(GPtrArray) edits = nb_store_history (store, organ, year, NULL, NULL);

  return edits != NULL && edits->len > 0 &&
         g_strcmp0 (((NbStoreEdit *) g_ptr_array_index (edits, 0))->source,
                    AGGREGATE_SOURCE) == 0;
}

static char *
dup_stripped_text (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

/* The stored years of @organ, "2022, 2023", filtered by @status when it
 * is not NULL, and by the years of @other when it is not NULL. */
static char *
dup_years (GPtrArray *entries, const char *organ, const char *status, const char *other)
{
  GString *years = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      NbStoreEntry *entry = g_ptr_array_index (entries, i);
      gboolean shared = other == NULL;

      if (g_strcmp0 (entry->organ, organ) != 0 ||
          (status != NULL && g_strcmp0 (entry->status, status) != 0))
        continue;
      for (guint j = 0; j < entries->len && !shared; j++)
        {
          NbStoreEntry *with = g_ptr_array_index (entries, j);

          shared = with->year == entry->year && g_strcmp0 (with->organ, other) == 0;
        }
      if (!shared)
        continue;
      if (years->len > 0)
        /* Translators: between years in a list, "2022, 2023" */
        g_string_append (years, _(", "));
      g_string_append_printf (years, "%u", entry->year);
    }
  return g_string_free (years, FALSE);
}

/* Add Up Organs */

static void
aggregate_update_response (AdwMessageDialog *dialog)
{
  GtkEditable *name_row = g_object_get_data (G_OBJECT (dialog), "nb-name");
  GtkWidget *list = g_object_get_data (G_OBJECT (dialog), "nb-organs");
  g_autofree char *name = dup_stripped_text (name_row);
  guint n_checked = 0;
  gboolean name_checked = FALSE;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "nb-check");

      if (check == NULL || !gtk_check_button_get_active (check))
        continue;
      n_checked++;
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "nb-organ"), name) == 0)
        name_checked = TRUE;
    }
  /* An organ cannot be both one of the parts and the sum. */
  adw_message_dialog_set_response_enabled (dialog, "add",
                                           n_checked > 0 && name[0] != '\0' && !name_checked);
}

static void
aggregate_check_toggled_cb (GtkCheckButton *check, AdwMessageDialog *dialog)
{
  aggregate_update_response (dialog);
}

static void
aggregate_name_changed_cb (GtkEditable *editable, AdwMessageDialog *dialog)
{
  aggregate_update_response (dialog);
}

/* A row per organ with @year stored; every one checked except earlier
 * summaries and the organ the sum is to be stored for. */
static void
aggregate_fill_organs (AdwMessageDialog *dialog, NbStore *store, guint year)
{
  GtkListBox *list = g_object_get_data (G_OBJECT (dialog), "nb-organs");
  GtkEditable *name_row = g_object_get_data (G_OBJECT (dialog), "nb-name");
  g_autofree char *name = dup_stripped_text (name_row);
  g_autoptr(GPtrArray) entries = nb_store_list (store, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      NbStoreEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *row, *check;
      gboolean summary;

      if (entry->year != year)
        continue;
      summary = is_summary (store, entry->organ, year);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->organ);
      if (summary)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("A summary added up earlier"));
      check = gtk_check_button_new ();
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   !summary && g_strcmp0 (entry->organ, name) != 0);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (row), "nb-organ", g_strdup (entry->organ), g_free);
      g_object_set_data (G_OBJECT (row), "nb-check", check);
      g_signal_connect (check, "toggled", G_CALLBACK (aggregate_check_toggled_cb), dialog);
      gtk_list_box_append (list, row);
    }
  aggregate_update_response (dialog);
}

static void
aggregate_year_changed_cb (GtkSpinButton *spin, AdwMessageDialog *dialog)
{
  NbWindow *self = g_object_get_data (G_OBJECT (dialog), "nb-window");

  aggregate_fill_organs (dialog, self->store,
                         (guint) gtk_spin_button_get_value_as_int (spin));
}

static void
aggregate_done (NbWindow *self, const char *name, guint year, guint n_organs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!nb_window_open_report (self, name, year, &error))
    {
      nb_window_show_message (self, _("Could Not Open the Summary"), error->message);
      return;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u organ added up into %s",
                                       "%u organs added up into %s", n_organs),
                          n_organs, name);
  nb_window_toast (self, text);
}

/* The summary replaces only the figures of a stored report: what the
 * summarising organ wrote there stays, and the old figures stay in the
 * edit log. */
static void
aggregate_replace_response_cb (AdwMessageDialog *dialog, const char *response, NbWindow *self)
{
  NbReport *sum = g_object_get_data (G_OBJECT (dialog), "nb-sum");
  guint n_organs = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "nb-n-organs"));
  const char *name = nb_report_get_organ_name (sum);
  guint year = nb_report_get_year (sum);
  g_autoptr(NbReport) stored = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "replace") != 0)
    return;
  if (!nb_window_save_now (self, &error) ||
      (stored = nb_store_load (self->store, name, year, &error)) == NULL)
    {
      nb_window_show_message (self, _("Could Not Add Up the Organs"), error->message);
      return;
    }
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    {
      gint64 value;

      if (nb_report_get_figure (sum, cell, &value))
        nb_report_set_figure (stored, cell, value);
      else
        nb_report_clear_figure (stored, cell);
    }
  if (!nb_store_save (self->store, stored, NB_STORE_SAVE_REPLACE, AGGREGATE_SOURCE, &error))
    {
      nb_window_show_message (self, _("Could Not Add Up the Organs"), error->message);
      return;
    }
  aggregate_done (self, name, year, n_organs);
}

static void
aggregate_ask_replace (NbWindow *self, NbReport *sum, guint n_organs)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  body = g_strdup_printf (_("A report of “%s” for %u is already stored. Replace its figures with the new sum? Its texts stay as they are, and the old figures stay in the edit log."),
                          nb_report_get_organ_name (sum), nb_report_get_year (sum));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace the Stored Figures?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "nb-sum", g_object_ref (sum), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "nb-n-organs", GUINT_TO_POINTER (n_organs));
  g_signal_connect (dialog, "response", G_CALLBACK (aggregate_replace_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The organ's details (address, telephone, …) are kept per organ, so a
 * summary for an organ already stored must carry them or it would blank
 * them for every year. */
static void
aggregate_copy_details (NbWindow *self, NbReport *sum, const char *name)
{
  g_autoptr(GPtrArray) entries = nb_store_list (self->store, NULL);
  g_autoptr(NbReport) latest = NULL;
  guint latest_year = 0;

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      NbStoreEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->organ, name) == 0 && entry->year > latest_year)
        latest_year = entry->year;
    }
  if (latest_year == 0 ||
      (latest = nb_store_load (self->store, name, latest_year, NULL)) == NULL)
    return;
  for (guint f = NB_ORGAN_NAME + 1; f < NB_N_ORGAN_FIELDS; f++)
    nb_report_set_organ_field (sum, f, nb_report_get_organ_field (latest, f));
}

static void
aggregate_response_cb (AdwMessageDialog *dialog, const char *response, NbWindow *self)
{
  GtkEditable *name_row = g_object_get_data (G_OBJECT (dialog), "nb-name");
  GtkSpinButton *year_spin = g_object_get_data (G_OBJECT (dialog), "nb-year");
  GtkWidget *list = g_object_get_data (G_OBJECT (dialog), "nb-organs");
  g_autofree char *name = dup_stripped_text (name_row);
  guint year = (guint) gtk_spin_button_get_value_as_int (year_spin);
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(NbReport) sum = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;

  /* The open report's latest typing counts in the sum. */
  if (!nb_window_save_now (self, &error))
    goto fail;
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "nb-check");
      const char *organ = g_object_get_data (G_OBJECT (row), "nb-organ");
      NbReport *report;

      if (check == NULL || !gtk_check_button_get_active (check))
        continue;
      if (g_strcmp0 (organ, name) == 0)
        {
          g_set_error (&error, NB_AGGREGATE_ERROR, NB_AGGREGATE_ERROR_EMPTY,
                       _("“%s” cannot be both added in and the sum"), name);
          goto fail;
        }
      if ((report = nb_store_load (self->store, organ, year, &error)) == NULL)
        goto fail;
      g_ptr_array_add (reports, report);
    }
  if (name[0] == '\0')
    {
      g_set_error_literal (&error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                           _("The summary needs the name of the organ it is for."));
      goto fail;
    }
  if ((sum = nb_aggregate (reports, name, year, &error)) == NULL)
    goto fail;
  aggregate_copy_details (self, sum, name);

  if (nb_store_save (self->store, sum, NB_STORE_SAVE_NEW, AGGREGATE_SOURCE, &error))
    {
      aggregate_done (self, name, year, reports->len);
      return;
    }
  if (g_error_matches (error, NB_STORE_ERROR, NB_STORE_ERROR_EXISTS))
    {
      aggregate_ask_replace (self, sum, reports->len);
      return;
    }

fail:
  nb_window_show_message (self, _("Could Not Add Up the Organs"), error->message);
}

/* The organ the sum is for, unless the window says otherwise: the open
 * organ when it is not one of the parts or is itself a summary, else the
 * year's one earlier summary. */
static char *
aggregate_default_name (NbWindow *self, guint year)
{
  g_autoptr(GPtrArray) entries = nb_store_list (self->store, NULL);
  const char *summary = NULL;
  guint n_summaries = 0;
  gboolean open_is_part = FALSE;

  if (self->organ == NULL)
    return g_strdup ("");
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      NbStoreEntry *entry = g_ptr_array_index (entries, i);

      if (entry->year != year)
        continue;
      if (is_summary (self->store, entry->organ, year))
        {
          if (g_strcmp0 (entry->organ, self->organ) == 0)
            return g_strdup (self->organ);
          summary = entry->organ;
          n_summaries++;
        }
      else if (g_strcmp0 (entry->organ, self->organ) == 0)
        open_is_part = TRUE;
    }
  if (!open_is_part)
    return g_strdup (self->organ);
  return g_strdup (n_summaries == 1 ? summary : "");
}

static void
aggregate_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  GtkWidget *dialog, *box, *list, *organs, *placeholder, *scrolled, *name_row, *year_row;
  GtkWidget *year_spin;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = NULL;
  guint year;

  year = self->organ ? self->year : (guint) g_date_time_get_year (now) - 1;
  year = CLAMP (year, NB_MIN_YEAR, NB_MAX_YEAR);
  name = aggregate_default_name (self, year);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Add Up Organs"),
                                   _("The figures of the organs checked are added up into a report of their own, checked like any other. Its texts are left empty for the summarising organ to write."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  year_row = nb_window_new_year_row (year, &year_spin);
  gtk_list_box_append (GTK_LIST_BOX (list), year_row);
  name_row = nb_window_new_entry_row (_("Summary for the organ"), name, TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), name_row);
  gtk_box_append (GTK_BOX (box), list);

  organs = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (organs), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (organs, "boxed-list");
  placeholder = gtk_label_new (_("No organ has a report for this year"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (organs), placeholder);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), organs);
  gtk_box_append (GTK_BOX (box), scrolled);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  nb_window_dialog_offer (ADW_MESSAGE_DIALOG (dialog), "add", _("_Add Up"));

  g_object_set_data (G_OBJECT (dialog), "nb-window", self);
  g_object_set_data (G_OBJECT (dialog), "nb-name", name_row);
  g_object_set_data (G_OBJECT (dialog), "nb-year", year_spin);
  g_object_set_data (G_OBJECT (dialog), "nb-organs", organs);
  aggregate_fill_organs (ADW_MESSAGE_DIALOG (dialog), self->store, year);

  g_signal_connect (name_row, "changed", G_CALLBACK (aggregate_name_changed_cb), dialog);
  g_signal_connect (year_spin, "value-changed", G_CALLBACK (aggregate_year_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (aggregate_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name_row);
}

/* Rename Organ */

static void
rename_name_changed_cb (GtkEditable *editable, AdwMessageDialog *dialog)
{
  const char *old_name = g_object_get_data (G_OBJECT (dialog), "nb-old-name");
  g_autofree char *name = dup_stripped_text (editable);

  adw_message_dialog_set_response_enabled (dialog, "rename",
                                           name[0] != '\0' && g_strcmp0 (name, old_name) != 0);
}

/* What went wrong, in words that say what to do about it */
static char *
rename_explain (NbWindow *self, const char *old_name, const char *name, GError *error)
{
  g_autoptr(GPtrArray) entries = nb_store_list (self->store, NULL);
  g_autofree char *years = NULL;

  if (entries != NULL && g_error_matches (error, NB_STORE_ERROR, NB_STORE_ERROR_EXISTS))
    {
      years = dup_years (entries, old_name, NULL, name);
      return g_strdup_printf (_("An organ named “%s” already has a report for %s, as “%s” has. Nothing was changed."),
                              name, years, old_name);
    }
  if (entries != NULL && g_error_matches (error, NB_STORE_ERROR, NB_STORE_ERROR_LOCKED))
    {
      years = dup_years (entries, old_name, NB_STORE_STATUS_FINAL, NULL);
      return g_strdup_printf (_("The report of “%s” for %s is final. Make it a draft again to rename the organ. Nothing was changed."),
                              old_name, years);
    }
  if (g_error_matches (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID))
    return g_strdup_printf (_("“%s” cannot be an organ’s name: %s"), name, error->message);
  return g_strdup (error->message);
}

static void
rename_response_cb (AdwMessageDialog *dialog, const char *response, NbWindow *self)
{
  GtkEditable *name_row = g_object_get_data (G_OBJECT (dialog), "nb-name");
  const char *old_name = g_object_get_data (G_OBJECT (dialog), "nb-old-name");
  g_autofree char *name = dup_stripped_text (name_row);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  guint year = self->year;

  if (g_strcmp0 (response, "rename") != 0)
    return;
  if (name[0] == '\0')
    {
      nb_window_show_message (self, _("Could Not Rename the Organ"),
                              _("The organ needs a name. Nothing was changed."));
      return;
    }
  if (g_strcmp0 (name, old_name) == 0)
    return;
  /* Saved under the old name now, or the autosave would bring it back. */
  if (!nb_window_save_now (self, &error))
    {
      nb_window_show_message (self, _("Could Not Rename the Organ"), error->message);
      return;
    }
  if (!nb_store_rename_organ (self->store, old_name, name, "editor", &error))
    {
      g_autofree char *body = rename_explain (self, old_name, name, error);

      nb_window_show_message (self, _("Could Not Rename the Organ"), body);
      return;
    }

  /* Opening it again moves the title, last year's figures and the
   * settings' last report over to the new name. */
  g_clear_error (&error);
  if (g_strcmp0 (self->organ, old_name) == 0 &&
      !nb_window_open_report (self, name, year, &error))
    {
      nb_window_show_message (self, _("Could Not Open the Report"), error->message);
      return;
    }
  text = g_strdup_printf (_("“%s” renamed to “%s”"), old_name, name);
  nb_window_toast (self, text);
}

static void
rename_organ_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  GtkWidget *dialog, *list, *name_row;
  g_autofree char *body = NULL;

  if (self->organ == NULL)
    return;
  body = g_strdup_printf (_("Every year of “%s” gets the new name: for an organ that was renamed, or a name that was mistyped. The edit log keeps the old name."),
                          self->organ);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Organ"), body);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  name_row = nb_window_new_entry_row (nb_format_organ_field (NB_ORGAN_NAME)->label,
                                      self->organ, TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), name_row);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  nb_window_dialog_offer (ADW_MESSAGE_DIALOG (dialog), "rename", _("_Rename"));

  g_object_set_data_full (G_OBJECT (dialog), "nb-old-name", g_strdup (self->organ), g_free);
  g_object_set_data (G_OBJECT (dialog), "nb-name", name_row);
  rename_name_changed_cb (GTK_EDITABLE (name_row), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect (name_row, "changed", G_CALLBACK (rename_name_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (rename_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name_row);
}

void
nb_window_organs_update_actions (NbWindow *self)
{
  gboolean can_change;

  g_return_if_fail (NB_IS_WINDOW (self));

  can_change = self->organ != NULL && !nb_store_is_read_only (self->store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.aggregate", can_change);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-organ", can_change);
}

void
nb_window_organs_class_init (GtkWidgetClass *widget_class)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));

  gtk_widget_class_install_action (widget_class, "win.aggregate", NULL, aggregate_action);
  gtk_widget_class_install_action (widget_class, "win.rename-organ", NULL, rename_organ_action);
}
