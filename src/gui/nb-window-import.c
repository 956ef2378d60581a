/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import…: an exchange file (JSON), a published report as text or .docx.
 * What was read is shown before anything is stored: the organ and year
 * (which the clerk may correct), how many figures and text parts, every
 * line that could not be read. A table that could not be placed with
 * certainty cannot be stored at all; an (organ, year) already stored is
 * replaced only when the clerk says so.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-import.h"
#include "nb-json.h"
#include "nb-window-private.h"

typedef struct
{
  NbWindow *window;       /* the dialog is transient for it and dies with it */
  NbReport *report;
  GPtrArray *problems;    /* NbImportProblem, or NULL */
  gboolean complete;
  char *basename;
  /* widgets of the dialog */
  GtkEditable *organ;
  GtkSpinButton *year;
  GtkWidget *replace_note;
} Preview;

static void
preview_free (gpointer data)
{
  Preview *preview = data;

  g_clear_object (&preview->report);
  g_clear_pointer (&preview->problems, g_ptr_array_unref);
  g_free (preview->basename);
  g_free (preview);
}

void
nb_window_store_imported (NbWindow *self, NbReport *report, NbStoreSaveMode mode)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *organ = NULL;
  g_autofree char *text = NULL;
  guint year;

  g_return_if_fail (NB_IS_WINDOW (self));
  g_return_if_fail (NB_IS_REPORT (report));

  organ = g_strdup (nb_report_get_organ_name (report));
  year = nb_report_get_year (report);
  if (!nb_window_save_now (self, &error) ||
      !nb_store_save (self->store, report, mode, "import", &error) ||
      !nb_window_open_report (self, organ, year, &error))
    {
      nb_window_show_message (self, _("Could Not Import the Report"), error->message);
      return;
    }
  text = g_strdup_printf (_("Imported the %u report of %s"), year, organ);
  nb_window_toast (self, text);
}

static gboolean
is_stored (NbWindow *self, const char *organ, guint year)
{
  g_autoptr(GPtrArray) entries = nb_store_list (self->store, NULL);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      NbStoreEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->organ, organ) == 0 && entry->year == year)
        return TRUE;
    }
  return FALSE;
}

static char *
dup_organ (Preview *preview)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (preview->organ)));
}

/* The Import button follows what the dialog says: disabled for a file
 * that cannot be stored or without an organ; Replace over a stored year. */
static void
update_response (AdwMessageDialog *dialog)
{
  Preview *preview = g_object_get_data (G_OBJECT (dialog), "nb-preview");
  g_autofree char *organ = dup_organ (preview);
  guint year = (guint) gtk_spin_button_get_value_as_int (preview->year);
  gboolean stored = organ[0] != '\0' && is_stored (preview->window, organ, year);

  adw_message_dialog_set_response_enabled (dialog, "import", preview->complete && organ[0] != '\0');
  adw_message_dialog_set_response_label (dialog, "import", stored ? _("_Replace") : _("_Import"));
  adw_message_dialog_set_response_appearance (dialog, "import",
                                              stored ? ADW_RESPONSE_DESTRUCTIVE
                                                     : ADW_RESPONSE_SUGGESTED);
  if (stored)
    {
      g_autofree char *text = g_strdup_printf (_("The %u report of %s is already stored. Importing replaces it; every value it had stays in the edit log."),
                                               year, organ);

      gtk_label_set_text (GTK_LABEL (preview->replace_note), text);
    }
  gtk_widget_set_visible (preview->replace_note, stored && preview->complete);
}

static void
preview_changed_cb (GObject *object, GParamSpec *pspec, AdwMessageDialog *dialog)
{
  update_response (dialog);
}

static void
preview_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  Preview *preview = g_object_get_data (G_OBJECT (dialog), "nb-preview");
  g_autofree char *organ = NULL;
  guint year;

  if (g_strcmp0 (response, "import") != 0 || !preview->complete)
    return;
  organ = dup_organ (preview);
  year = (guint) gtk_spin_button_get_value_as_int (preview->year);
  if (organ[0] == '\0')
    return;
  nb_report_set_organ_field (preview->report, NB_ORGAN_NAME, organ);
  nb_report_set_year (preview->report, year);
  nb_window_store_imported (preview->window, preview->report,
                            is_stored (preview->window, organ, year) ? NB_STORE_SAVE_REPLACE
                                                                     : NB_STORE_SAVE_NEW);
}

static GtkWidget *
new_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* keeps the dialog from growing as wide as its longest line */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
new_count_row (const char *title, const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static char *
describe_problem (NbImportProblem *problem)
{
  /* Translators: a line of the imported file and what was wrong with it */
  return problem->line > 0 ? g_strdup_printf (_("Line %u: %s"), problem->line, problem->message)
                           : g_strdup (problem->message);
}

static GtkWidget *
build_preview (Preview *preview)
{
  NbReport *report = preview->report;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *organ_row, *year_row, *year_spin;
  guint n_figures = 0, n_parts = 0;
  g_autofree char *figures = NULL;
  g_autofree char *parts = NULL;
  guint year = nb_report_get_year (report);

  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    n_figures += nb_report_has_figure (report, cell);
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    n_parts += nb_report_get_n_parts (report, s);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  organ_row = nb_window_new_entry_row (nb_format_organ_field (NB_ORGAN_NAME)->label,
                                       nb_report_get_organ_name (report), FALSE);
  gtk_list_box_append (GTK_LIST_BOX (list), organ_row);
  year_row = nb_window_new_year_row (year >= NB_MIN_YEAR && year <= NB_MAX_YEAR ? year : NB_MIN_YEAR,
                                     &year_spin);
  gtk_list_box_append (GTK_LIST_BOX (list), year_row);

  /* Translators: how many of the form's figures the file gave, "153 of 175" */
  figures = g_strdup_printf (_("%u of %u"), n_figures, NB_N_CELLS);
  gtk_list_box_append (GTK_LIST_BOX (list), new_count_row (_("Figures read"), figures));
  parts = g_strdup_printf ("%u", n_parts);
  gtk_list_box_append (GTK_LIST_BOX (list), new_count_row (_("Text parts read"), parts));
  gtk_box_append (GTK_BOX (box), list);

  preview->organ = GTK_EDITABLE (organ_row);
  preview->year = GTK_SPIN_BUTTON (year_spin);

  if (preview->problems != NULL && preview->problems->len > 0)
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      g_autofree char *heading = NULL;

      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u thing could not be read:",
                                              "%u things could not be read:",
                                              preview->problems->len),
                                 preview->problems->len);
      gtk_box_append (GTK_BOX (box), new_label (heading, "heading"));
      for (guint i = 0; i < preview->problems->len; i++)
        {
          g_autofree char *text = describe_problem (g_ptr_array_index (preview->problems, i));

          gtk_box_append (GTK_BOX (lines), new_label (text, NULL));
        }
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 220);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), lines);
      gtk_box_append (GTK_BOX (box), scroller);
    }

  if (!preview->complete)
    {
      /* The list above says which rows; this says what follows. */
      gtk_box_append (GTK_BOX (box),
                      new_label (_("Nothing can be stored from this file: the figures of some rows could not be placed with certainty (see the lines above). Correct those rows in the file and import it again, or type the figures by hand."),
                                 "error"));
      /* nothing to choose for a file that cannot be stored */
      gtk_widget_set_sensitive (list, FALSE);
    }

  preview->replace_note = new_label ("", "warning");
  gtk_box_append (GTK_BOX (box), preview->replace_note);
  return box;
}

static void
present_preview (NbWindow *self, GFile *file, NbReport *report, GPtrArray *problems,
                 gboolean complete)
{
  Preview *preview = g_new0 (Preview, 1);
  GtkWidget *dialog, *extra;
  g_autofree char *heading = NULL;

  preview->window = self;
  preview->report = g_object_ref (report);
  preview->problems = problems ? g_ptr_array_ref (problems) : NULL;
  preview->complete = complete;
  preview->basename = g_file_get_basename (file);

  heading = complete ? g_strdup_printf (_("Import “%s”?"), preview->basename)
                     : g_strdup_printf (_("“%s” Cannot Be Imported"), preview->basename);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   complete ? _("This is what was read from the file. Nothing is stored before you confirm.")
                                            : _("This is what was read from the file."));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "nb-preview", preview, preview_free);
  extra = build_preview (preview);
  /* for the tests, which type another organ's name */
  g_object_set_data (G_OBJECT (dialog), "nb-organ-row", preview->organ);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), extra);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", complete ? _("_Cancel") : _("_Close"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           complete ? "import" : "cancel");
  update_response (ADW_MESSAGE_DIALOG (dialog));

  g_signal_connect_object (preview->organ, "notify::text", G_CALLBACK (preview_changed_cb), dialog, 0);
  g_signal_connect_object (preview->year, "notify::value", G_CALLBACK (preview_changed_cb), dialog, 0);
  g_signal_connect (dialog, "response", G_CALLBACK (preview_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
is_json (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".json");
}

void
nb_window_import_file (NbWindow *self, GFile *file)
{
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (NB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  basename = g_file_get_basename (file);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      nb_window_show_message (self, _("Could Not Import the Report"),
                              _("Only files on this computer can be imported."));
      return;
    }

  if (is_json (path))
    {
      g_autoptr(NbReport) report = nb_json_read_file (path, NULL, &error);

      if (report != NULL)
        present_preview (self, file, report, NULL, TRUE);
    }
  else
    {
      g_autoptr(NbImportResult) result = nb_import_file (path, &error);

      if (result != NULL)
        present_preview (self, file, result->report, result->problems, result->complete);
    }

  if (error != NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), basename);

      nb_window_show_message (self, heading, error->message);
    }
}

static void
import_response_cb (GtkNativeDialog *native, int response, NbWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      nb_window_import_file (self, file);
    }
  g_object_unref (native);
}

static GtkFileFilter *
new_filter (const char *name, const char *const *patterns, const char *const *mime_types)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  for (guint i = 0; mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  return filter;
}

void
nb_window_import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  static const char *const all_patterns[] = { "*.json", "*.JSON", "*.txt", "*.TXT", "*.docx", "*.DOCX", NULL };
  static const char *const all_types[] = {
    "application/json", "text/plain",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", NULL
  };
  static const char *const json_patterns[] = { "*.json", "*.JSON", NULL };
  static const char *const json_types[] = { "application/json", NULL };
  static const char *const text_patterns[] = { "*.txt", "*.TXT", NULL };
  static const char *const text_types[] = { "text/plain", NULL };
  static const char *const docx_patterns[] = { "*.docx", "*.DOCX", NULL };
  static const char *const docx_types[] = { all_types[2], NULL };
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) all = new_filter (_("Reports (JSON, text, Word)"), all_patterns, all_types);
  g_autoptr(GtkFileFilter) json = new_filter (_("Report files (JSON)"), json_patterns, json_types);
  g_autoptr(GtkFileFilter) text = new_filter (_("Published reports as text"), text_patterns, text_types);
  g_autoptr(GtkFileFilter) docx = new_filter (_("Word documents (.docx)"), docx_patterns, docx_types);

  native = gtk_file_chooser_native_new (_("Import a Report"), GTK_WINDOW (widget),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), text);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), docx);
  g_signal_connect (native, "response", G_CALLBACK (import_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
