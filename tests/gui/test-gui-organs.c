/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Add Up Organs and Rename Organ driven through their dialogs under Xvfb,
 * against a real store of its own: 甲, 乙 and 丙 for 2024 (the sample
 * report times 1, 2 and 3), 甲 also for 2023, and 市汇总 for 2023 with an
 * address of its own.
 *
 * With NIANBAO_SCREENSHOT_DIR set, /gui/organs/screenshots saves the two
 * dialogs there (run with LANGUAGE=zh_CN to see them in Chinese).
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "gui-util.h"
#include "nb-rules.h"
#include "nb-store.h"
#include "nb-window.h"

#define YEAR 2024
#define SUMMARY "市汇总"
#define SUMMARY_ADDRESS "某市人民路1号"

typedef NbGuiFixture Fixture;

/* The sample report with every figure times @times */
static NbReport *
sample_times (const char *organ, guint year, gint64 times)
{
  NbReport *report = nb_gui_load_sample ();

  nb_report_set_organ_field (report, NB_ORGAN_NAME, organ);
  nb_report_set_year (report, year);
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    {
      gint64 value;

      if (nb_report_get_figure (report, cell, &value))
        nb_report_set_figure (report, cell, value * times);
    }
  return report;
}

static void
store_report (Fixture *fixture, NbReport *report)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (nb_store_save (fixture->store, report, NB_STORE_SAVE_NEW, "test", &error));
  g_assert_no_error (error);
}

static guint
n_errors (GPtrArray *findings)
{
  return nb_findings_count (findings, NB_SEVERITY_ERROR);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  static const char *const organs[] = { "甲", "乙", "丙" };
  g_autoptr(GError) error = NULL;

  nb_gui_fixture_set_up (fixture, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (organs); i++)
    {
      g_autoptr(NbReport) report = sample_times (organs[i], YEAR, i + 1);
      g_autoptr(GPtrArray) findings = nb_rules_check (report, NULL);

      /* so that an error in the sum is the sum's own */
      g_assert_cmpuint (n_errors (findings), ==, 0);
      store_report (fixture, report);
    }
  {
    g_autoptr(NbReport) earlier = sample_times ("甲", YEAR - 1, 1);
    g_autoptr(NbReport) summary = sample_times (SUMMARY, YEAR - 1, 1);

    store_report (fixture, earlier);
    nb_report_set_organ_field (summary, NB_ORGAN_ADDRESS, SUMMARY_ADDRESS);
    store_report (fixture, summary);
  }

  g_assert_true (nb_window_open_report (fixture->window, "甲", YEAR, &error));
  g_assert_no_error (error);
  nb_gui_settle ();
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  nb_gui_fixture_tear_down (fixture);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return ADW_MESSAGE_DIALOG (item);
    }
  return NULL;
}

static AdwMessageDialog *
activate (Fixture *fixture, const char *action)
{
  AdwMessageDialog *dialog;

  g_assert_null (find_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  nb_gui_settle ();
  dialog = find_dialog ();
  if (dialog == NULL)
    g_error ("%s showed no dialog", action);
  return dialog;
}

/* As a click on the dialog's button: the response, then the dialog closes. */
static void
respond (AdwMessageDialog *dialog, const char *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  nb_gui_settle ();
}

static char *
dialog_text (AdwMessageDialog *dialog)
{
  return g_strdup_printf ("%s\n%s", adw_message_dialog_get_heading (dialog),
                          adw_message_dialog_get_body (dialog));
}

/* The aggregate dialog's row for @organ, or NULL */
static GtkWidget *
organ_row (AdwMessageDialog *dialog, const char *organ)
{
  GtkWidget *list = g_object_get_data (G_OBJECT (dialog), "nb-organs");

  g_assert_true (GTK_IS_LIST_BOX (list));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "nb-organ"), organ) == 0)
      return row;
  return NULL;
}

static guint
n_organ_rows (AdwMessageDialog *dialog)
{
  GtkWidget *list = g_object_get_data (G_OBJECT (dialog), "nb-organs");
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "nb-organ") != NULL)
      n++;
  return n;
}

static GtkCheckButton *
organ_check (AdwMessageDialog *dialog, const char *organ)
{
  GtkWidget *row = organ_row (dialog, organ);

  if (row == NULL)
    g_error ("no row for %s", organ);
  return GTK_CHECK_BUTTON (g_object_get_data (G_OBJECT (row), "nb-check"));
}

static void
set_name (AdwMessageDialog *dialog, const char *name)
{
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "nb-name")), name);
}

static const char *
get_name (AdwMessageDialog *dialog)
{
  return gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "nb-name")));
}

static guint
n_stored (Fixture *fixture)
{
  g_autoptr(GPtrArray) entries = nb_store_list (fixture->store, NULL);

  if (entries == NULL)
    g_error ("the store cannot list its reports");
  return entries->len;
}

static gboolean
is_stored (Fixture *fixture, const char *organ, guint year)
{
  g_autoptr(GPtrArray) entries = nb_store_list (fixture->store, NULL);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      NbStoreEntry *entry = g_ptr_array_index (entries, i);

      if (entry->year == year && g_strcmp0 (entry->organ, organ) == 0)
        return TRUE;
    }
  return FALSE;
}

static NbReport *
load (Fixture *fixture, const char *organ, guint year)
{
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_store_load (fixture->store, organ, year, &error);

  g_assert_no_error (error);
  return report;
}

/* Every figure of the stored @organ is the sum of those of 甲, 乙, 丙 */
static void
assert_sum (Fixture *fixture, const char *organ)
{
  g_autoptr(NbReport) sum = load (fixture, organ, YEAR);
  g_autoptr(NbReport) a = load (fixture, "甲", YEAR);
  g_autoptr(NbReport) b = load (fixture, "乙", YEAR);
  g_autoptr(NbReport) c = load (fixture, "丙", YEAR);
  guint n_filled = 0;

  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    {
      gint64 va = 0, vb = 0, vc = 0, total = -1;
      gboolean any = nb_report_get_figure (a, cell, &va) | nb_report_get_figure (b, cell, &vb) |
                     nb_report_get_figure (c, cell, &vc);

      g_assert_cmpint (nb_report_get_figure (sum, cell, &total), ==, any);
      if (any)
        {
          g_assert_cmpint (total, ==, va + vb + vc);
          n_filled++;
        }
    }
  /* the sample fills the tables: a sum of blanks would prove nothing */
  g_assert_cmpuint (n_filled, >, 100);
}

static void
test_aggregate (Fixture *fixture, gconstpointer data)
{
  AdwMessageDialog *dialog = activate (fixture, "win.aggregate");
  NbReport *shown;
  GPtrArray *findings;
  g_autofree char *title = NULL;

  /* the open report's year; its organs, all checked; 甲 is one of them */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (g_object_get_data (G_OBJECT (dialog),
                                                                        "nb-year")), ==, YEAR);
  g_assert_cmpuint (n_organ_rows (dialog), ==, 3);
  g_assert_null (organ_row (dialog, SUMMARY));
  g_assert_true (gtk_check_button_get_active (organ_check (dialog, "甲")));
  g_assert_true (gtk_check_button_get_active (organ_check (dialog, "乙")));
  g_assert_true (gtk_check_button_get_active (organ_check (dialog, "丙")));
  g_assert_cmpstr (get_name (dialog), ==, "");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));

  set_name (dialog, " " SUMMARY " ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  respond (dialog, "add");

  g_assert_null (find_dialog ());
  g_assert_true (is_stored (fixture, SUMMARY, YEAR));
  assert_sum (fixture, SUMMARY);

  /* opened, in the window's title, without errors; the organ's own
   * details and no texts */
  shown = nb_window_get_report (fixture->window);
  g_assert_cmpstr (nb_report_get_organ_name (shown), ==, SUMMARY);
  g_assert_cmpuint (nb_report_get_year (shown), ==, YEAR);
  title = g_strdup_printf ("%s %u", SUMMARY, YEAR);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), title));
  g_assert_cmpstr (nb_report_get_organ_field (shown, NB_ORGAN_ADDRESS), ==, SUMMARY_ADDRESS);
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    for (guint p = 0; p < nb_report_get_n_parts (shown, s); p++)
      g_assert_cmpstr (nb_report_get_part_body (shown, s, p), ==, "");
  findings = nb_window_get_findings (fixture->window);
  for (guint i = 0; i < findings->len; i++)
    {
      NbFinding *finding = g_ptr_array_index (findings, i);

      if (finding->severity == NB_SEVERITY_ERROR)
        g_error ("the sum has error %s: %s", finding->rule, finding->message);
    }
  g_assert_cmpstr (nb_window_get_last_toast (fixture->window), ==,
                   "3 organs added up into " SUMMARY);

  /* Its address was not blanked for the year before. */
  {
    g_autoptr(NbReport) earlier = load (fixture, SUMMARY, YEAR - 1);

    g_assert_cmpstr (nb_report_get_organ_field (earlier, NB_ORGAN_ADDRESS), ==, SUMMARY_ADDRESS);
  }
}

static void
test_aggregate_bad_input (Fixture *fixture, gconstpointer data)
{
  AdwMessageDialog *dialog = activate (fixture, "win.aggregate");
  guint before = n_stored (fixture);

  set_name (dialog, "新汇总");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));

  /* no organ checked */
  gtk_check_button_set_active (organ_check (dialog, "甲"), FALSE);
  gtk_check_button_set_active (organ_check (dialog, "乙"), FALSE);
  gtk_check_button_set_active (organ_check (dialog, "丙"), FALSE);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_check_button_set_active (organ_check (dialog, "乙"), TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));

  /* a blank name */
  set_name (dialog, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));

  /* the sum stored as one of its own parts */
  set_name (dialog, "乙");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_check_button_set_active (organ_check (dialog, "乙"), FALSE);
  gtk_check_button_set_active (organ_check (dialog, "丙"), TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));

  /* another year lists that year's organs: the earlier summary, unchecked */
  gtk_spin_button_set_value (g_object_get_data (G_OBJECT (dialog), "nb-year"), YEAR - 1);
  nb_gui_settle ();
  g_assert_cmpuint (n_organ_rows (dialog), ==, 2);
  g_assert_true (gtk_check_button_get_active (organ_check (dialog, "甲")));
  g_assert_nonnull (organ_row (dialog, SUMMARY));
  g_assert_null (organ_row (dialog, "丙"));
  gtk_spin_button_set_value (g_object_get_data (G_OBJECT (dialog), "nb-year"), YEAR - 5);
  nb_gui_settle ();
  g_assert_cmpuint (n_organ_rows (dialog), ==, 0);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));

  /* forced past the disabled button: refused, nothing stored */
  set_name (dialog, "");
  gtk_spin_button_set_value (g_object_get_data (G_OBJECT (dialog), "nb-year"), YEAR);
  nb_gui_settle ();
  respond (dialog, "add");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "close");
  g_assert_cmpuint (n_stored (fixture), ==, before);

  respond (activate (fixture, "win.aggregate"), "cancel");
  g_assert_cmpuint (n_stored (fixture), ==, before);
  g_assert_cmpstr (nb_report_get_organ_name (nb_window_get_report (fixture->window)), ==, "甲");
}

/* A sum too large to hold is said, and nothing is stored. */
static void
test_aggregate_overflow (Fixture *fixture, gconstpointer data)
{
  guint cell = nb_format_cell_by_id ("t3.new.natural");
  AdwMessageDialog *dialog;
  guint before;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(NbReport) report = load (fixture, i == 0 ? "乙" : "丙", YEAR);
      g_autoptr(GError) error = NULL;

      nb_report_set_figure (report, cell, G_MAXINT64 - 1);
      g_assert_true (nb_store_save (fixture->store, report, NB_STORE_SAVE_ANY, "test", &error));
      g_assert_no_error (error);
    }
  before = n_stored (fixture);
  dialog = activate (fixture, "win.aggregate");
  set_name (dialog, "新汇总");
  respond (dialog, "add");
  dialog = find_dialog ();
  if (dialog == NULL)
    g_error ("no message for a sum too large to hold");
  text = dialog_text (dialog);
  g_assert_nonnull (strstr (text, "too large"));
  respond (dialog, "close");
  g_assert_cmpuint (n_stored (fixture), ==, before);
  g_assert_false (is_stored (fixture, "新汇总", YEAR));
}

static gint64
stored_figure (Fixture *fixture, const char *organ, guint cell)
{
  g_autoptr(NbReport) report = load (fixture, organ, YEAR);
  gint64 value = -1;

  g_assert_true (nb_report_get_figure (report, cell, &value));
  return value;
}

/* Adding up again into an existing summary asks; replacing keeps what the
 * summarising organ wrote, and the old figures stay in the log. */
static void
test_aggregate_replace (Fixture *fixture, gconstpointer data)
{
  guint cell = nb_format_cell_by_id ("t3.new.natural");
  AdwMessageDialog *dialog;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *text = NULL;
  gint64 first_sum, a_value;
  gboolean logged = FALSE;

  dialog = activate (fixture, "win.aggregate");
  set_name (dialog, SUMMARY);
  respond (dialog, "add");
  first_sum = stored_figure (fixture, SUMMARY, cell);
  {
    g_autoptr(NbReport) summary = load (fixture, SUMMARY, YEAR);

    nb_report_insert_part (summary, 0, -1, "概述", "本市汇总。");
    g_assert_true (nb_store_save (fixture->store, summary, NB_STORE_SAVE_ANY, "test", &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(NbReport) a = load (fixture, "甲", YEAR);

    a_value = stored_figure (fixture, "甲", cell);
    nb_report_set_figure (a, cell, a_value + 1000);
    g_assert_true (nb_store_save (fixture->store, a, NB_STORE_SAVE_ANY, "test", &error));
    g_assert_no_error (error);
  }
  g_assert_true (nb_window_open_report (fixture->window, SUMMARY, YEAR, &error));
  g_assert_no_error (error);
  nb_gui_settle ();

  /* the open summary is the default name, and is not added into itself */
  dialog = activate (fixture, "win.aggregate");
  g_assert_cmpstr (get_name (dialog), ==, SUMMARY);
  g_assert_cmpuint (n_organ_rows (dialog), ==, 4);
  g_assert_false (gtk_check_button_get_active (organ_check (dialog, SUMMARY)));
  g_assert_true (gtk_check_button_get_active (organ_check (dialog, "甲")));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  respond (dialog, "add");

  /* asked; no answer, no change */
  dialog = find_dialog ();
  if (dialog == NULL)
    g_error ("no question before replacing a stored summary");
  text = dialog_text (dialog);
  g_assert_nonnull (strstr (text, SUMMARY));
  g_assert_true (adw_message_dialog_has_response (dialog, "replace"));
  respond (dialog, "cancel");
  g_assert_cmpint (stored_figure (fixture, SUMMARY, cell), ==, first_sum);

  dialog = activate (fixture, "win.aggregate");
  respond (dialog, "add");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "replace");
  g_assert_null (find_dialog ());

  g_assert_cmpint (stored_figure (fixture, SUMMARY, cell), ==, first_sum + 1000);
  assert_sum (fixture, SUMMARY);
  {
    g_autoptr(NbReport) summary = load (fixture, SUMMARY, YEAR);

    g_assert_cmpuint (nb_report_get_n_parts (summary, 0), ==, 1);
    g_assert_cmpstr (nb_report_get_part_body (summary, 0, 0), ==, "本市汇总。");
  }
  history = nb_store_history (fixture->store, SUMMARY, YEAR, nb_format_cell (cell)->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      NbStoreEdit *edit = g_ptr_array_index (history, i);
      g_autofree char *old_text = g_strdup_printf ("%" G_GINT64_FORMAT, first_sum);

      logged |= g_strcmp0 (edit->old_value, old_text) == 0;
    }
  g_assert_true (logged);
  g_assert_cmpstr (nb_report_get_organ_name (nb_window_get_report (fixture->window)), ==, SUMMARY);
  g_assert_cmpstr (nb_window_get_last_toast (fixture->window), ==,
                   "3 organs added up into " SUMMARY);
}

static GPtrArray *
years_of (Fixture *fixture, const char *organ)
{
  g_autoptr(GPtrArray) entries = nb_store_list (fixture->store, NULL);
  GPtrArray *years = g_ptr_array_new ();

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      NbStoreEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->organ, organ) == 0)
        g_ptr_array_add (years, GUINT_TO_POINTER (entry->year));
    }
  return years;
}

static void
test_rename (Fixture *fixture, gconstpointer data)
{
  guint cell = nb_format_cell_by_id ("t3.new.natural");
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) old_years = NULL;
  g_autoptr(GPtrArray) new_years = NULL;
  g_autofree char *title = NULL;

  /* an edit not yet saved goes along */
  nb_report_set_figure (nb_window_get_report (fixture->window), cell, 4242);

  dialog = activate (fixture, "win.rename-organ");
  g_assert_cmpstr (get_name (dialog), ==, "甲");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  set_name (dialog, "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  set_name (dialog, "甲局 ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "rename"));
  respond (dialog, "rename");
  g_assert_null (find_dialog ());
  /* past the autosave's delay: the old name must not come back */
  nb_gui_wait_ms (700);

  old_years = years_of (fixture, "甲");
  new_years = years_of (fixture, "甲局");
  g_assert_cmpuint (old_years->len, ==, 0);
  g_assert_cmpuint (new_years->len, ==, 2);
  g_assert_true (is_stored (fixture, "甲局", YEAR));
  g_assert_true (is_stored (fixture, "甲局", YEAR - 1));
  g_assert_cmpint (stored_figure (fixture, "甲局", cell), ==, 4242);

  title = g_strdup_printf ("甲局 %u", YEAR);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), title));
  g_assert_true (nb_window_has_report (fixture->window));
  g_assert_cmpstr (nb_report_get_organ_name (nb_window_get_report (fixture->window)), ==, "甲局");
  g_assert_cmpstr (nb_settings_get_last_organ (fixture->settings), ==, "甲局");
  g_assert_cmpuint (nb_settings_get_last_year (fixture->settings), ==, YEAR);
}

static void
test_rename_exists (Fixture *fixture, gconstpointer data)
{
  AdwMessageDialog *dialog;
  g_autofree char *text = NULL;
  guint before = n_stored (fixture);
  g_autofree char *year = g_strdup_printf ("%u", YEAR);

  dialog = activate (fixture, "win.rename-organ");
  set_name (dialog, "乙");
  respond (dialog, "rename");
  dialog = find_dialog ();
  if (dialog == NULL)
    g_error ("no message for a name that has the year already");
  text = dialog_text (dialog);
  g_assert_nonnull (strstr (text, "乙"));
  g_assert_nonnull (strstr (text, year));
  respond (dialog, "close");

  g_assert_cmpuint (n_stored (fixture), ==, before);
  g_assert_true (is_stored (fixture, "甲", YEAR));
  g_assert_true (is_stored (fixture, "甲", YEAR - 1));
  g_assert_false (is_stored (fixture, "乙", YEAR - 1));
  g_assert_cmpstr (nb_report_get_organ_name (nb_window_get_report (fixture->window)), ==, "甲");
}

static void
test_rename_locked (Fixture *fixture, gconstpointer data)
{
  AdwMessageDialog *dialog;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *year = g_strdup_printf ("%u", YEAR - 1);

  g_assert_true (nb_store_set_status (fixture->store, "甲", YEAR - 1, NB_STORE_STATUS_FINAL,
                                      "test", &error));
  g_assert_no_error (error);
  dialog = activate (fixture, "win.rename-organ");
  set_name (dialog, "甲局");
  respond (dialog, "rename");
  dialog = find_dialog ();
  if (dialog == NULL)
    g_error ("no message for an organ with a final year");
  text = dialog_text (dialog);
  g_assert_nonnull (strstr (text, "final"));
  g_assert_nonnull (strstr (text, year));
  respond (dialog, "close");
  g_assert_true (is_stored (fixture, "甲", YEAR));
  g_assert_false (is_stored (fixture, "甲局", YEAR));
}

/* Renders @window (a dialog is a window of its own) into @dir/@name. */
static void
save_screenshot (GtkWidget *window, const char *dir, const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
test_screenshots (Fixture *fixture, gconstpointer data)
{
  const char *dir = g_getenv ("NIANBAO_SCREENSHOT_DIR");
  AdwMessageDialog *dialog;

  if (dir == NULL || dir[0] == '\0')
    {
      g_test_skip ("NIANBAO_SCREENSHOT_DIR is not set");
      return;
    }
  g_mkdir_with_parents (dir, 0755);
  dialog = activate (fixture, "win.aggregate");
  set_name (dialog, SUMMARY);
  gtk_check_button_set_active (organ_check (dialog, "丙"), FALSE);
  nb_gui_wait_ms (300);
  save_screenshot (GTK_WIDGET (dialog), dir, "aggregate.png");
  respond (dialog, "cancel");

  dialog = activate (fixture, "win.rename-organ");
  set_name (dialog, "甲局");
  nb_gui_wait_ms (300);
  save_screenshot (GTK_WIDGET (dialog), dir, "rename-organ.png");
  respond (dialog, "cancel");

  dialog = activate (fixture, "win.rename-organ");
  set_name (dialog, "乙");
  respond (dialog, "rename");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  nb_gui_wait_ms (300);
  save_screenshot (GTK_WIDGET (dialog), dir, "rename-organ-exists.png");
  respond (dialog, "close");
}

int
main (int argc, char *argv[])
{
  const char *localedir = g_getenv ("NIANBAO_LOCALEDIR");

  /* the tests read English; a Chinese screenshot sets LANGUAGE */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  nb_gui_init_style ();

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/organs/aggregate", test_aggregate);
  ADD ("/gui/organs/aggregate-bad-input", test_aggregate_bad_input);
  ADD ("/gui/organs/aggregate-overflow", test_aggregate_overflow);
  ADD ("/gui/organs/aggregate-replace", test_aggregate_replace);
  ADD ("/gui/organs/rename", test_rename);
  ADD ("/gui/organs/rename-exists", test_rename_exists);
  ADD ("/gui/organs/rename-locked", test_rename_locked);
  ADD ("/gui/organs/screenshots", test_screenshots);
#undef ADD

  return g_test_run ();
}
