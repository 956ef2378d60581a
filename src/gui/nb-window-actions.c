/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's actions and their dialogs: new year, import, export, print,
 * acknowledging a warning.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-finding.h"
#include "nb-json.h"
#include "nb-render.h"
#include "nb-table-page.h"
#include "nb-text-page.h"
#include "nb-totals.h"
#include "nb-window-organs.h"
#include "nb-window-private.h"

/* The dialogs' parts. */

GtkWidget *
nb_window_new_entry_row (const char *title, const char *text, gboolean activates_default)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), activates_default);
  return row;
}

GtkWidget *
nb_window_new_year_row (guint year, GtkWidget **spin)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Year"));
  *spin = gtk_spin_button_new_with_range (NB_MIN_YEAR, NB_MAX_YEAR, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (*spin), year);
  gtk_widget_set_valign (*spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *spin);
  return row;
}

void
nb_window_dialog_offer (AdwMessageDialog *dialog, const char *response, const char *label)
{
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");
}

void
nb_window_toast (NbWindow *self, const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  g_free (self->last_toast);
  self->last_toast = g_strdup (title);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

void
nb_window_show_message (NbWindow *self, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
nb_window_update_actions (NbWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_report = self->organ != NULL;
  gboolean editable = has_report && !self->final;

  gtk_widget_action_set_enabled (widget, "win.mark-final", editable);
  gtk_widget_action_set_enabled (widget, "win.mark-draft", has_report && self->final);
  gtk_widget_action_set_enabled (widget, "win.export-pdf", has_report);
  gtk_widget_action_set_enabled (widget, "win.export-json", has_report);
  gtk_widget_action_set_enabled (widget, "win.print", has_report);
  gtk_widget_action_set_enabled (widget, "win.fill-totals", editable);
  gtk_widget_action_set_enabled (widget, "win.toggle-findings", has_report);
  gtk_widget_action_set_enabled (widget, "win.goto-page", has_report);
  gtk_widget_action_set_enabled (widget, "win.undo",
                                 editable && nb_undo_stack_can_undo (self->undo));
  gtk_widget_action_set_enabled (widget, "win.redo",
                                 editable && nb_undo_stack_can_redo (self->undo));
  nb_window_organs_update_actions (self);
}

/* New year */

static void
new_report_organ_changed_cb (GtkEditable *editable, AdwMessageDialog *dialog)
{
  g_autofree char *organ = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  adw_message_dialog_set_response_enabled (dialog, "create", organ[0] != '\0');
}

static void
new_report_response_cb (AdwMessageDialog *dialog, const char *response, NbWindow *self)
{
  GtkEditable *organ_row = g_object_get_data (G_OBJECT (dialog), "nb-organ");
  GtkSpinButton *year_spin = g_object_get_data (G_OBJECT (dialog), "nb-year");
  g_autofree char *organ = NULL;
  guint year;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "create") != 0)
    return;

  organ = g_strstrip (g_strdup (gtk_editable_get_text (organ_row)));
  year = (guint) gtk_spin_button_get_value_as_int (year_spin);
  if (nb_window_create_report (self, organ, year, &error))
    return;

  if (g_error_matches (error, NB_STORE_ERROR, NB_STORE_ERROR_EXISTS))
    {
      g_autofree char *text = g_strdup_printf (_("The %u report of %s already exists; it is open now."),
                                               year, organ);

      g_clear_error (&error);
      if (nb_window_open_report (self, organ, year, &error))
        {
          nb_window_toast (self, text);
          return;
        }
    }
  nb_window_show_message (self, _("Could Not Create the Report"), error->message);
}

static void
new_report_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  GtkWidget *dialog, *list, *organ_row, *year_row, *year_spin;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint year;

  /* Reports are written in January about the year before. */
  year = self->organ ? self->year + 1 : (guint) g_date_time_get_year (now) - 1;
  year = CLAMP (year, NB_MIN_YEAR, NB_MAX_YEAR);

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   self->organ ? _("New Year") : _("Start a Report"),
                                   _("Which organ and which year is the report about? The organ’s details are taken over from its latest report. The year right after it also takes over the requests carried over and last year’s texts, marked as drafts to rewrite."));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  organ_row = nb_window_new_entry_row (nb_format_organ_field (NB_ORGAN_NAME)->label,
                                       self->organ, TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), organ_row);
  year_row = nb_window_new_year_row (year, &year_spin);
  gtk_list_box_append (GTK_LIST_BOX (list), year_row);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  nb_window_dialog_offer (ADW_MESSAGE_DIALOG (dialog), "create", _("C_reate"));
  new_report_organ_changed_cb (GTK_EDITABLE (organ_row), ADW_MESSAGE_DIALOG (dialog));

  g_object_set_data (G_OBJECT (dialog), "nb-organ", organ_row);
  g_object_set_data (G_OBJECT (dialog), "nb-year", year_spin);
  g_signal_connect (organ_row, "changed", G_CALLBACK (new_report_organ_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (new_report_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (organ_row);
}

/* The sample goes in without the import's questions: it is ours, and
 * once stored it is simply opened again. */
static void
open_sample_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  const char *env = g_getenv ("NIANBAO_SAMPLE");
  g_autofree char *path = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (env != NULL && env[0] != '\0')
    path = g_strdup (env);
  else
    path = g_build_filename (PKGDATADIR, "sample-report.json", NULL);
  report = nb_json_read_file (path, NULL, &error);
  if (report == NULL)
    {
      nb_window_show_message (self, _("Could Not Open the Sample Report"), error->message);
      return;
    }
  if (nb_window_open_report (self, nb_report_get_organ_name (report), nb_report_get_year (report),
                             NULL))
    return;
  nb_window_store_imported (self, report, NB_STORE_SAVE_NEW);
}

/* Export */

static GtkFileFilter *
new_filter (const char *name, const char *pattern, const char *mime_type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, mime_type);
  return filter;
}

static char *
suggested_name (NbWindow *self, const char *extension)
{
  g_autofree char *title = nb_report_dup_title (self->report);

  g_strdelimit (title, "/\\:", '_');
  return g_strconcat (title, extension, NULL);
}

static void
export_pdf_to (NbWindow *self, const char *path, gboolean with_comparison)
{
  NbRenderOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *json = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *text = NULL;
  gint64 revision;

  if (with_comparison && self->previous != NULL)
    {
      options.previous = self->previous;
      options.history = nb_window_get_history (self);
    }
  if (!nb_window_save_now (self, &error) ||
      !nb_render_write_pdf_full (self->report, &options, path, &sha, &error))
    {
      nb_window_show_message (self, _("Could Not Export the PDF"), error->message);
      return;
    }

  /* So that the program can tell later which data a filed PDF shows. */
  revision = nb_store_get_revision (self->store, self->organ, self->year, &error);
  json = nb_json_write (self->report);
  if (revision < 0 ||
      !nb_store_record_export (self->store, self->organ, self->year, revision, sha, json, &error))
    g_warning ("Could not record the export of %s: %s", path,
               error ? error->message : "no revision");

  text = g_strdup_printf (_("Exported “%s”"), basename);
  nb_window_toast (self, text);
}

static void
export_pdf_response_cb (GtkNativeDialog *native, int response, NbWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);

      const char *choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native), "comparison");

      if (path != NULL)
        export_pdf_to (self, path, g_strcmp0 (choice, "true") == 0);
    }
  g_object_unref (native);
}

static void
export_json_response_cb (GtkNativeDialog *native, int response, NbWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path != NULL && !nb_json_write_file (self->report, path, &error))
        nb_window_show_message (self, _("Could Not Export the Report"), error->message);
      else if (path != NULL)
        {
          g_autofree char *basename = g_path_get_basename (path);
          g_autofree char *text = g_strdup_printf (_("Exported “%s”"), basename);

          nb_window_toast (self, text);
        }
    }
  g_object_unref (native);
}

static GtkFileChooser *
save_dialog (NbWindow *self, const char *title, const char *extension, GtkFileFilter *filter,
             GCallback callback)
{
  GtkFileChooserNative *native;
  g_autofree char *name = suggested_name (self, extension);

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", callback, self);
  return GTK_FILE_CHOOSER (native);
}

static void
export_pdf_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_autoptr(GtkFileFilter) filter = new_filter (_("PDF documents"), "*.pdf", "application/pdf");

  NbWindow *self = NB_WINDOW (widget);
  GtkFileChooser *chooser = save_dialog (self, _("Export PDF"), ".pdf", filter,
                                         G_CALLBACK (export_pdf_response_cb));

  /* The appendix 附：与上年对比 needs last year stored. */
  if (self->previous != NULL)
    gtk_file_chooser_add_choice (chooser, "comparison",
                                 _("Append the comparison with last year"), NULL, NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_json_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_autoptr(GtkFileFilter) filter = new_filter (_("Report files (JSON)"), "*.json",
                                                "application/json");

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (save_dialog (NB_WINDOW (widget),
                                                           _("Export Report File"), ".json",
                                                           filter,
                                                           G_CALLBACK (export_json_response_cb))));
}

/* Print: the same renderer as the PDF, one page per sheet of A4. */

/* The print dialog's own tab: whether to add 附：与上年对比, as Export PDF
 * offers. */
static GObject *
create_print_tab_cb (GtkPrintOperation *operation, NbWindow *self)
{
  GtkWidget *check = gtk_check_button_new_with_label (_("Append the comparison with last year"));

  gtk_widget_set_margin_top (check, 12);
  gtk_widget_set_margin_start (check, 12);
  return G_OBJECT (check);
}

static void
apply_print_tab_cb (GtkPrintOperation *operation, GtkWidget *check, NbWindow *self)
{
  g_object_set_data (G_OBJECT (operation), "nb-with-comparison",
                     GINT_TO_POINTER (gtk_check_button_get_active (GTK_CHECK_BUTTON (check))));
}

static void
begin_print_cb (GtkPrintOperation *operation, GtkPrintContext *context, NbWindow *self)
{
  NbRenderOptions options = { 0 };
  NbRender *render;

  if (g_object_get_data (G_OBJECT (operation), "nb-with-comparison") && self->previous != NULL)
    {
      options.previous = self->previous;
      options.history = nb_window_get_history (self);
    }
  render = nb_render_new_full (self->report, &options);

  g_object_set_data_full (G_OBJECT (operation), "nb-render", render, g_object_unref);
  gtk_print_operation_set_n_pages (operation, (int) nb_render_get_n_pages (render));
}

static void
draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page, NbWindow *self)
{
  NbRender *render = g_object_get_data (G_OBJECT (operation), "nb-render");
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = gtk_print_context_get_width (context) / NB_RENDER_PAGE_WIDTH;

  cairo_scale (cr, scale, scale);
  nb_render_draw_page (render, cr, (guint) page);
}

static void
print_done_cb (GtkPrintOperation *operation, GtkPrintOperationResult result, NbWindow *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      nb_window_show_message (self, _("Could Not Print"), error ? error->message : "");
    }
}

static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *title = nb_report_dup_title (self->report);
  g_autoptr(GError) error = NULL;

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, FALSE);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), self);
  if (self->previous != NULL)
    {
      gtk_print_operation_set_custom_tab_label (operation, _("Compare"));
      g_signal_connect (operation, "create-custom-widget", G_CALLBACK (create_print_tab_cb), self);
      g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (apply_print_tab_cb), self);
    }

  /* The window keeps the operation until the next one: it may run on
   * after this returns. */
  g_object_set_data_full (G_OBJECT (self), "nb-print-operation", operation, g_object_unref);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
      error != NULL)
    nb_window_show_message (self, _("Could Not Print"), error->message);
}

/* Final and draft */

static void
status_response_cb (AdwMessageDialog *dialog, const char *response, NbWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean final = g_strcmp0 (response, "final") == 0;

  if (!final && g_strcmp0 (response, "draft") != 0)
    return;
  if (!nb_window_set_final (self, final, &error))
    {
      nb_window_show_message (self, final ? _("Could Not Mark the Year as Final")
                                          : _("Could Not Mark the Year as Draft"),
                              error->message);
      return;
    }
  nb_window_toast (self, final ? _("Marked as final; the year is locked")
                               : _("Marked as draft; the year can be edited again"));
}

static void
ask_status (NbWindow *self, gboolean final)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  heading = g_strdup_printf (final ? _("Mark %s %u as Final?") : _("Mark %s %u as Draft?"),
                             self->organ, self->year);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   final ? _("Do this once the report has been sealed and filed. "
                                             "A final year cannot be changed until it is marked "
                                             "as a draft again.")
                                         : _("The sealed report may then no longer match the data. "
                                             "Unlocking is recorded in the report’s history."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    final ? "final" : "draft",
                                    final ? _("Mark as _Final") : _("Mark as _Draft"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              final ? "final" : "draft",
                                              final ? ADW_RESPONSE_SUGGESTED
                                                    : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (status_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
mark_final_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ask_status (NB_WINDOW (widget), TRUE);
}

static void
mark_draft_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ask_status (NB_WINDOW (widget), FALSE);
}

/* Editing */

static void
fill_totals_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  guint n;
  g_autofree char *text = NULL;

  for (guint i = 0; i < NB_N_PAGES; i++)
    if (NB_IS_TABLE_PAGE (self->pages[i]))
      nb_table_page_commit (NB_TABLE_PAGE (self->pages[i]));
  n = nb_totals_fill (self->undo);
  if (n == 0)
    text = g_strdup (_("Every total already matches its figures"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Filled in %u total",
                                         "Filled in %u totals", n), n);
  nb_window_toast (self, text);
}

static void
undo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  nb_window_undo (NB_WINDOW (widget));
}

static void
redo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  nb_window_redo (NB_WINDOW (widget));
}

static void
toggle_findings_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  gtk_toggle_button_set_active (self->findings_button,
                                !gtk_toggle_button_get_active (self->findings_button));
}

/* Alt+1 … Alt+8 and Ctrl+Page Up/Down go to a page and put the cursor in
 * its first field, so the whole report can be typed without a mouse. */
static void
focus_page (NbWindow *self, guint page)
{
  GtkWidget *widget = nb_window_ensure_page (self, page);

  adw_view_stack_set_visible_child (self->view_stack, self->bins[page]);
  if (NB_IS_TABLE_PAGE (widget))
    {
      guint table = nb_table_page_get_table (NB_TABLE_PAGE (widget));

      for (guint cell = 0; cell < NB_N_CELLS; cell++)
        if (nb_format_cell (cell)->table == table)
          {
            nb_table_page_focus_cell (NB_TABLE_PAGE (widget), cell);
            break;
          }
    }
  else if (NB_IS_TEXT_PAGE (widget))
    nb_text_page_focus_part (NB_TEXT_PAGE (widget), 0);
  else
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

static guint
current_page (NbWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);

  for (guint i = 0; i < NB_N_PAGES; i++)
    if (self->bins[i] == visible)
      return i;
  return 0;
}

static void
goto_page_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  int page = g_variant_get_int32 (parameter);

  if (page == -1)
    page = (int) (current_page (self) + NB_N_PAGES - 1) % NB_N_PAGES;
  else if (page == -2)
    page = (int) (current_page (self) + 1) % NB_N_PAGES;
  if (page >= 0 && page < NB_N_PAGES)
    focus_page (self, (guint) page);
}

/* Acknowledging a warning */

static void
ack_note_changed_cb (GtkEditable *editable, AdwMessageDialog *dialog)
{
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  adw_message_dialog_set_response_enabled (dialog, "acknowledge", note[0] != '\0');
}

static void
ack_response_cb (AdwMessageDialog *dialog, const char *response, NbWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "nb-note");
  const char *key = g_object_get_data (G_OBJECT (dialog), "nb-key");
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "acknowledge") != 0 && g_strcmp0 (response, "withdraw") != 0)
    return;
  if (self->organ == NULL ||
      !nb_store_acknowledge (self->store, self->organ, self->year, key,
                             g_strcmp0 (response, "withdraw") == 0 ? NULL : note, &error))
    {
      nb_window_show_message (self, _("Could Not Store the Note"), error ? error->message : "");
      return;
    }
  nb_window_reload_acks (self);
  nb_window_run_checks (self);
}

void
nb_window_acknowledge (NbWindow *self, const char *key, const char *message)
{
  GtkWidget *dialog, *entry;
  const char *note;

  g_return_if_fail (NB_IS_WINDOW (self));
  g_return_if_fail (key != NULL);

  note = g_hash_table_lookup (self->acks, key);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Acknowledge the Warning"), message);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry),
                                  _("Why it is right, e.g. two requests were withdrawn"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), note ? note : "");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (note != NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "withdraw", _("_Withdraw"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "withdraw",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "acknowledge", _("_Acknowledge"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "acknowledge",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "acknowledge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  ack_note_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));

  g_object_set_data (G_OBJECT (dialog), "nb-note", entry);
  g_object_set_data_full (G_OBJECT (dialog), "nb-key", g_strdup (key), g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (ack_note_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (ack_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
nb_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-report", NULL, new_report_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, nb_window_import_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.export-json", NULL, export_json_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.fill-totals", NULL, fill_totals_action);
  gtk_widget_class_install_action (widget_class, "win.mark-final", NULL, mark_final_action);
  gtk_widget_class_install_action (widget_class, "win.mark-draft", NULL, mark_draft_action);
  nb_window_organs_class_init (widget_class);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-findings", NULL,
                                   toggle_findings_action);
  gtk_widget_class_install_action (widget_class, "win.goto-page", "i", goto_page_action);

  /* Bubble phase: a text view's own undo comes first while it has focus. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  for (guint i = 0; i < NB_N_PAGES; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.goto-page", "i", (int) i);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "win.goto-page", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "win.goto-page", "i", -2);
}
