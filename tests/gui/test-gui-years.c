/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Year over year in the editor, through its real widgets under Xvfb: a
 * new year started from the last, its copied texts marked and warned
 * about, the cross-year rules while typing, the comparison page, and a
 * final year locked.
 */
#include "config.h"

#include <adwaita.h>

#include "gui-util.h"
#include "nb-compare-page.h"
#include "nb-finding.h"
#include "nb-findings-view.h"
#include "nb-rules.h"
#include "nb-table-page.h"
#include "nb-text-page.h"
/* white box: the banner and the list of years */
#include "nb-window-private.h"

typedef NbGuiFixture Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  nb_gui_fixture_set_up (fixture, TRUE);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  nb_gui_fixture_tear_down (fixture);
}

/* The sample is 2024; the window moves on to 2025 as New Year… does. */
static void
start_next_year (Fixture *fixture)
{
  NbReport *report = nb_window_get_report (fixture->window);
  g_autofree char *organ = g_strdup (nb_report_get_organ_name (report));
  guint year = nb_report_get_year (report) + 1;
  g_autoptr(GError) error = NULL;

  g_assert_true (nb_window_create_report (fixture->window, organ, year, &error));
  g_assert_no_error (error);
  nb_gui_settle ();
  g_assert_cmpuint (nb_report_get_year (nb_window_get_report (fixture->window)), ==, year);
}

static guint
count_rule (Fixture *fixture, const char *rule)
{
  GPtrArray *findings = nb_window_get_findings (fixture->window);
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += g_strcmp0 (((NbFinding *) g_ptr_array_index (findings, i))->rule, rule) == 0;
  return n;
}

static NbFinding *
find_rule (Fixture *fixture, const char *rule)
{
  GPtrArray *findings = nb_window_get_findings (fixture->window);

  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (((NbFinding *) g_ptr_array_index (findings, i))->rule, rule) == 0)
      return g_ptr_array_index (findings, i);
  return NULL;
}

/* The message dialog the window has just opened */
static AdwMessageDialog *
newest_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_assert_nonnull (found);
  return found;
}

static NbTextPage *
text_page_with_copies (Fixture *fixture, const char **name)
{
  static const char *const names[] = { "s0", "s4", "s5" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *page = nb_window_get_page (fixture->window, names[i]);

      if (NB_IS_TEXT_PAGE (page) && nb_text_page_count_copied (NB_TEXT_PAGE (page)) > 0)
        {
          *name = names[i];
          return NB_TEXT_PAGE (page);
        }
    }
  return NULL;
}

static void
test_new_year (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbReport) last = nb_report_copy (nb_window_get_report (fixture->window));
  NbReport *report;
  NbTextPage *page;
  const char *name = NULL;
  guint copied, w6_before;
  g_autofree char *rewritten = NULL;

  start_next_year (fixture);
  report = nb_window_get_report (fixture->window);

  /* Every request carried over is last year's carried to next year. */
  for (guint c = 0; c < NB_N_CELLS; c++)
    {
      const char *id = nb_format_cell (c)->id;

      if (g_str_has_prefix (id, "t3.carried_in."))
        {
          g_autofree char *from = g_strconcat ("t3.carried_out.", id + strlen ("t3.carried_in."), NULL);
          gint64 now = -1, then = -2;

          g_assert_true (nb_report_get_figure (last, nb_gui_cell (from), &then));
          g_assert_true (nb_report_get_figure (report, c, &now));
          g_assert_cmpint (now, ==, then);
        }
    }
  /* …and this year's own figures start blank. */
  {
    gint64 value;

    g_assert_false (nb_report_get_figure (report, nb_gui_cell ("t3.new.natural"), &value));
  }

  /* Last year's texts are there, marked, and W6 warns about them. */
  page = text_page_with_copies (fixture, &name);
  g_assert_nonnull (page);
  copied = nb_text_page_count_copied (page);
  w6_before = count_rule (fixture, "W6");
  g_assert_cmpuint (w6_before, >=, 1);

  /* Rewriting one part takes its mark and its warning away. */
  rewritten = g_strdup ("本年度我们重新梳理了全部工作流程，新建了统一的申请登记台账，"
                        "每一件申请从受理到答复都有专人跟踪，并按季度向社会通报办理情况。");
  for (guint i = 0; i < nb_report_get_n_parts (report, nb_text_page_get_text_section (page)); i++)
    {
      const char *body = nb_report_get_part_body (report, nb_text_page_get_text_section (page), i);

      /* W6 leaves very short parts ("无。") alone; take a real text. */
      if (body != NULL && g_utf8_strlen (body, -1) >= 30)
        {
          nb_report_set_part (report, nb_text_page_get_text_section (page), i, NULL, rewritten);
          break;
        }
    }
  nb_gui_settle ();
  g_assert_cmpuint (nb_text_page_count_copied (page), ==, copied - 1);
  g_assert_cmpuint (count_rule (fixture, "W6"), ==, w6_before - 1);
}

static void
test_cross_year_rules (Fixture *fixture, gconstpointer data)
{
  NbReport *report;
  NbFinding *w1;
  g_autofree char *key = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *note;
  GHashTable *acks;

  start_next_year (fixture);
  report = nb_window_get_report (fixture->window);
  g_assert_cmpuint (count_rule (fixture, "W1"), ==, 0);

  /* A carried-in figure that does not follow from last year, typed. */
  {
    GtkWidget *page = nb_window_get_page (fixture->window, "s2");
    guint c = nb_gui_cell ("t3.carried_in.natural");
    gint64 value = 0;

    g_assert_true (nb_report_get_figure (report, c, &value));
    nb_window_show_page (fixture->window, "s2");
    gtk_editable_set_text (GTK_EDITABLE (nb_table_page_get_entry (NB_TABLE_PAGE (page), c)), "777");
    nb_gui_settle ();
  }
  w1 = find_rule (fixture, "W1");
  if (w1 == NULL)
    g_error ("no W1 for a carried-in figure that does not follow from last year");
  key = g_strdup (w1->key);

  /* Acknowledged with a note, it stays listed but no longer counts. */
  g_signal_emit_by_name (nb_window_get_findings_view (fixture->window), "acknowledge-finding", w1);
  nb_gui_settle ();
  dialog = newest_dialog ();
  note = g_object_get_data (G_OBJECT (dialog), "nb-note");
  gtk_editable_set_text (note, "上年台账少记一件，已核实");
  adw_message_dialog_response (dialog, "acknowledge");
  nb_gui_settle ();
  acks = nb_store_get_acks (fixture->store, nb_report_get_organ_name (report),
                            nb_report_get_year (report), NULL);
  g_assert_cmpstr (g_hash_table_lookup (acks, key), ==, "上年台账少记一件，已核实");
  g_assert_cmpuint (count_rule (fixture, "W1"), ==, 1);
  g_assert_cmpuint (nb_findings_count_open (nb_window_get_findings (fixture->window), acks), ==,
                    nb_findings_count_open (nb_window_get_findings (fixture->window), NULL) - 1);
  g_hash_table_unref (acks);
}

static void
test_compare_page (Fixture *fixture, gconstpointer data)
{
  GtkWidget *page;
  guint c = nb_gui_cell ("t3.new.legal");
  GtkWidget *focus;

  /* One year only: the page is there and says there is nothing before. */
  g_assert_true (nb_window_show_page (fixture->window, "compare"));
  nb_gui_settle ();
  page = nb_window_get_page (fixture->window, "compare");
  g_assert_true (NB_IS_COMPARE_PAGE (page));
  g_assert_true (gtk_widget_get_mapped (page));

  start_next_year (fixture);
  g_assert_true (nb_window_show_page (fixture->window, "compare"));
  nb_gui_settle ();

  /* A figure activated on the comparison opens its cell. */
  g_signal_emit_by_name (page, "activate-cell", c);
  nb_gui_settle ();
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == nb_table_page_get_entry (NB_TABLE_PAGE (nb_window_get_page (fixture->window, "s2")), c) ||
                 gtk_widget_is_ancestor (focus, nb_table_page_get_entry (NB_TABLE_PAGE (nb_window_get_page (fixture->window, "s2")), c)));
}

static gboolean
list_says (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL &&
      gtk_widget_get_visible (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (list_says (child, text))
      return TRUE;
  return FALSE;
}

static void
test_final_locks (Fixture *fixture, gconstpointer data)
{
  NbReport *report = nb_window_get_report (fixture->window);
  g_autofree char *organ = g_strdup (nb_report_get_organ_name (report));
  guint year = nb_report_get_year (report);
  guint c = nb_gui_cell ("t3.new.natural");
  GtkWidget *entry = nb_table_page_get_entry (NB_TABLE_PAGE (nb_window_get_page (fixture->window, "s2")), c);
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_is_sensitive (entry));
  /* A total left wrong before the seal stays as sealed. */
  nb_report_set_figure (report, nb_gui_cell ("t3.new.total"), 1);
  nb_gui_settle ();

  /* Mark as Final… asks first; cancelling changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.mark-final", NULL);
  nb_gui_settle ();
  adw_message_dialog_response (newest_dialog (), "cancel");
  nb_gui_settle ();
  g_assert_false (nb_window_is_final (fixture->window));
  g_assert_cmpstr (nb_store_get_status (fixture->store, organ, year, NULL), ==, NB_STORE_STATUS_DRAFT);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.mark-final", NULL);
  nb_gui_settle ();
  adw_message_dialog_response (newest_dialog (), "final");
  nb_gui_settle ();
  g_assert_true (nb_window_is_final (fixture->window));
  g_assert_cmpstr (nb_store_get_status (fixture->store, organ, year, NULL), ==, NB_STORE_STATUS_FINAL);
  g_assert_cmpstr (nb_window_get_saved_text (fixture->window), ==, "Final");
  /* Nothing can be typed, undone or filled in; it can still be read and printed. */
  g_assert_false (gtk_widget_is_sensitive (entry));
  g_assert_false (gtk_widget_is_sensitive (nb_window_get_page (fixture->window, "s0")));
  g_assert_true (gtk_widget_is_sensitive (nb_window_get_page (fixture->window, "preview")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.fill-totals", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  nb_gui_settle ();
  {
    gint64 total = -1;

    g_assert_true (nb_report_get_figure (report, nb_gui_cell ("t3.new.total"), &total));
    g_assert_cmpint (total, ==, 1);
  }
  g_assert_true (gtk_revealer_get_reveal_child (fixture->window->final_banner));
  /* A change that gets past the widgets (another program, a script) is
   * refused by the store. */
  nb_report_set_figure (report, c, 999);
  g_assert_false (nb_window_save_now (fixture->window, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  {
    g_autoptr(NbReport) stored = nb_store_load (fixture->store, organ, year, NULL);
    gint64 value = -1;

    g_assert_true (nb_report_get_figure (stored, c, &value));
    g_assert_cmpint (value, !=, 999);
  }

  /* The list of years says it is final. */
  gtk_menu_button_popup (fixture->window->report_button);
  nb_gui_settle ();
  g_assert_true (list_says (GTK_WIDGET (fixture->window->report_list), "Final"));
  gtk_menu_button_popdown (fixture->window->report_button);

  /* Reopened, it is still final. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  nb_gui_settle ();
  fixture->window = nb_gui_new_window (fixture);
  g_assert_true (nb_window_open_report (fixture->window, organ, year, NULL));
  nb_gui_settle ();
  g_assert_true (nb_window_is_final (fixture->window));

  /* Unlocking asks, and is logged. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.mark-draft", NULL);
  nb_gui_settle ();
  adw_message_dialog_response (newest_dialog (), "draft");
  nb_gui_settle ();
  g_assert_false (nb_window_is_final (fixture->window));
  entry = nb_table_page_get_entry (NB_TABLE_PAGE (nb_window_get_page (fixture->window, "s2")), c);
  g_assert_true (gtk_widget_is_sensitive (entry));
  log = nb_store_history (fixture->store, organ, year, "status", NULL);
  g_assert_nonnull (log);
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpstr (((NbStoreEdit *) g_ptr_array_index (log, 0))->new_value, ==, NB_STORE_STATUS_FINAL);
  g_assert_cmpstr (((NbStoreEdit *) g_ptr_array_index (log, 1))->new_value, ==, NB_STORE_STATUS_DRAFT);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/years/new-year", Fixture, NULL, fixture_set_up, test_new_year, fixture_tear_down);
  g_test_add ("/gui/years/cross-year-rules", Fixture, NULL, fixture_set_up, test_cross_year_rules,
              fixture_tear_down);
  g_test_add ("/gui/years/compare-page", Fixture, NULL, fixture_set_up, test_compare_page,
              fixture_tear_down);
  g_test_add ("/gui/years/final-locks", Fixture, NULL, fixture_set_up, test_final_locks,
              fixture_tear_down);
  return g_test_run ();
}
