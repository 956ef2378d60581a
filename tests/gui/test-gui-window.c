/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor's window driven through its real widgets under Xvfb: cells
 * typed into, marks and badges read back, the database reopened.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "nb-application.h"
#include "nb-finding.h"
#include "nb-findings-view.h"
#include "nb-import.h"
#include "nb-json.h"
#include "nb-preview-page.h"
#include "nb-store.h"
#include "nb-table-page.h"
#include "nb-text-page.h"
#include "nb-window.h"

#include "gui-util.h"

typedef NbGuiFixture Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  nb_gui_fixture_set_up (fixture, GPOINTER_TO_INT (data));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  nb_gui_fixture_tear_down (fixture);
}

static NbTablePage *
table_page (Fixture *fixture, guint table)
{
  g_autofree char *name = g_strdup_printf ("s%u", table - 1);
  GtkWidget *page = nb_window_get_page (fixture->window, name);

  g_assert_true (NB_IS_TABLE_PAGE (page));
  return NB_TABLE_PAGE (page);
}

static GtkEditable *
entry_for (Fixture *fixture, const char *id)
{
  guint n = nb_gui_cell (id);
  GtkWidget *entry = nb_table_page_get_entry (table_page (fixture, nb_format_cell (n)->table), n);

  g_assert_nonnull (entry);
  return GTK_EDITABLE (entry);
}

static gint64
figure (Fixture *fixture, const char *id)
{
  gint64 value = -1;

  g_assert_true (nb_report_get_figure (nb_window_get_report (fixture->window), nb_gui_cell (id), &value));
  return value;
}

static void
type_into (Fixture *fixture, const char *id, const char *text)
{
  gtk_editable_set_text (entry_for (fixture, id), text);
  nb_gui_settle ();
}

/* The mark @entry paints; an error is also what a screen reader is told
 * (the invalid state). */
static NbCellMark
mark_of (GtkEditable *entry)
{
  NbCellMark mark = nb_cell_entry_get_mark (NB_CELL_ENTRY (entry));
  g_autofree char *wrong = NULL;

  wrong = gtk_test_accessible_check_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                           mark == NB_CELL_MARK_ERROR ? GTK_ACCESSIBLE_INVALID_TRUE
                                                                       : GTK_ACCESSIBLE_INVALID_FALSE);
  if (wrong != NULL)
    g_error ("marked %d but %s", mark, wrong);
  return mark;
}

static gboolean
is_error (GtkEditable *entry)
{
  return mark_of (entry) == NB_CELL_MARK_ERROR;
}

/* What the window shows, as a render node; a window that has not been
 * drawn since it last changed gives none yet, so let it draw. */
static GskRenderNode *
window_node (GtkWidget *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);

  for (guint tries = 0; tries < 40; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      GskRenderNode *node;

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (window),
                              gtk_widget_get_height (window));
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node != NULL)
        return node;
      nb_gui_wait_ms (50);
    }
  g_error ("the window draws nothing");
}

/* The colour the window shows @dx, @dy pixels into @entry's cell. */
static void
pixel_in (GtkEditable *entry, int dx, int dy, guchar rgba[4])
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (entry)));
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  int x, y;

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (entry), window, &bounds));
  x = (int) bounds.origin.x + dx;
  y = (int) bounds.origin.y + dy;
  g_assert_true (x >= 0 && x < width && y >= 0 && y < height);
  node = window_node (window);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* CAIRO_FORMAT_ARGB32: B, G, R, A in memory on a little-endian machine */
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  {
    const guchar *p = pixels + ((gsize) y * width + x) * 4;
    guint32 argb = (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;

    rgba[0] = (argb >> 16) & 0xff;
    rgba[1] = (argb >> 8) & 0xff;
    rgba[2] = argb & 0xff;
    rgba[3] = argb >> 24;
  }
}

/* Red enough to be seen as the error mark */
static gboolean
looks_red (GtkEditable *entry)
{
  guchar rgba[4];

  pixel_in (entry, 1, 1, rgba);
  return rgba[0] > rgba[1] + 60 && rgba[0] > rgba[2] + 60;
}

/* Painted red within @ms: the page fades in over a few hundred
 * milliseconds, longer on a loaded machine or under the sanitizers. */
static gboolean
turns_red_within (GtkEditable *entry, guint ms)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (entry)));

  for (guint waited = 0; waited < ms; waited += 100)
    {
      graphene_rect_t bounds;

      /* Not laid out on the page just shown yet: nothing to look at. */
      if (gtk_widget_get_mapped (GTK_WIDGET (entry)) &&
          gtk_widget_compute_bounds (GTK_WIDGET (entry), window, &bounds) &&
          bounds.origin.x >= 0 && bounds.origin.y >= 0 &&
          bounds.origin.x + 2 < gtk_widget_get_width (window) &&
          bounds.origin.y + 2 < gtk_widget_get_height (window) &&
          looks_red (entry))
        return TRUE;
      nb_gui_wait_ms (100);
    }
  return looks_red (entry);
}

static void
test_empty_state (Fixture *fixture, gconstpointer data)
{
  g_assert_false (nb_window_has_report (fixture->window));
  g_assert_false (gtk_widget_get_mapped (nb_window_get_page (fixture->window, "s2")));

  /* The empty state's "Open the Sample Report" */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-sample", NULL);
  nb_gui_settle ();
  g_assert_true (nb_window_has_report (fixture->window));
  g_assert_true (gtk_widget_get_mapped (nb_window_get_page (fixture->window, "info")));
  /* The sample report is a correct one: no badge anywhere. */
  g_assert_cmpuint (nb_findings_count (nb_window_get_findings (fixture->window),
                                       NB_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (nb_window_get_badge (fixture->window, "s2"), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (entry_for (fixture, "t3.new.natural")), ==, "14");
}

static void
test_create_report (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  NbReport *report;

  g_assert_true (nb_window_create_report (fixture->window, "测试街道办事处", 2024, &error));
  g_assert_no_error (error);
  report = nb_window_get_report (fixture->window);
  g_assert_cmpstr (nb_report_get_organ_name (report), ==, "测试街道办事处");
  g_assert_cmpuint (nb_report_get_year (report), ==, 2024);
  /* A new report starts with the customary headings of each text section. */
  g_assert_cmpuint (nb_report_get_n_parts (report, NB_TEXT_OVERVIEW), ==, 5);
  g_assert_cmpstr (nb_report_get_part_heading (report, NB_TEXT_OVERVIEW, 0), ==,
                   nb_format_text_section (NB_TEXT_OVERVIEW)->customary[0]);

  /* The same (organ, year) twice is refused, and the first one kept. */
  g_assert_false (nb_window_create_report (fixture->window, "测试街道办事处", 2024, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_EXISTS);
}

static void
test_error_marks (Fixture *fixture, gconstpointer data)
{
  GtkEditable *natural = entry_for (fixture, "t3.new.natural");
  GtkEditable *total = entry_for (fixture, "t3.new.total");
  const char *tooltip;

  g_assert_false (is_error (total));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (total), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_FALSE);

  type_into (fixture, "t3.new.natural", "15");
  g_assert_cmpint (figure (fixture, "t3.new.natural"), ==, 15);
  g_assert_true (is_error (total));
  g_assert_true (is_error (natural));
  /* The preview warns before anything is printed. */
  {
    NbPreviewPage *preview = NB_PREVIEW_PAGE (nb_window_get_page (fixture->window, "preview"));
    const char *warning = nb_preview_page_get_errors_text (preview);
    g_autofree char *count = g_strdup_printf ("%u errors not yet corrected",
                                              nb_findings_count (nb_window_get_findings (fixture->window),
                                                                 NB_SEVERITY_ERROR));

    g_assert_nonnull (warning);
    g_assert_nonnull (strstr (warning, count));
  }
  /* …and painted where the clerk looks (once the page has faded in). */
  nb_window_show_page (fixture->window, "s2");
  g_assert_true (turns_red_within (total, 8000));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (total), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  tooltip = nb_table_page_get_cell_message (table_page (fixture, 3), nb_gui_cell ("t3.new.total"));
  g_assert_nonnull (tooltip);
  /* The row now adds up to 20 against a stored total of 19. */
  g_assert_nonnull (strstr (tooltip, "20"));
  g_assert_nonnull (strstr (tooltip, "19"));
  g_assert_cmpuint (nb_window_get_badge (fixture->window, "s2"), >=, 1);
  g_assert_nonnull (strstr (nb_table_page_get_summary (table_page (fixture, 3)), "in this table"));
  g_assert_cmpuint (nb_window_get_badge (fixture->window, "s1"), ==, 0);
  g_assert_cmpuint (nb_window_get_badge (fixture->window, "s3"), ==, 0);

  /* The computed sum is offered where the total would be typed. */
  type_into (fixture, "t3.new.total", "");
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (total)), ==, "20");

  /* Full-width digits, as a Chinese input method types them. */
  type_into (fixture, "t3.new.natural", "１４");
  g_assert_cmpint (figure (fixture, "t3.new.natural"), ==, 14);
  type_into (fixture, "t3.new.total", "19");
  g_assert_false (is_error (total));
  g_assert_false (is_error (natural));
  nb_gui_settle ();
  g_assert_false (looks_red (total));
  g_assert_null (nb_table_page_get_cell_message (table_page (fixture, 3), nb_gui_cell ("t3.new.total")));
  g_assert_cmpuint (nb_window_get_badge (fixture->window, "s2"), ==, 0);
  g_assert_cmpstr (nb_table_page_get_summary (table_page (fixture, 3)), ==,
                   "Every sum in this table adds up.");
  g_assert_null (nb_preview_page_get_errors_text (NB_PREVIEW_PAGE (nb_window_get_page (fixture->window,
                                                                                      "preview"))));
}

static void
test_letter_refused (Fixture *fixture, gconstpointer data)
{
  NbTablePage *page = table_page (fixture, 3);
  GtkEditable *natural = entry_for (fixture, "t3.new.natural");
  const char *tooltip;

  nb_window_show_page (fixture->window, "s2");
  nb_gui_settle ();
  g_assert_true (nb_table_page_focus_cell (page, nb_gui_cell ("t3.new.natural")));
  nb_gui_settle ();

  type_into (fixture, "t3.new.natural", "1a");
  g_assert_cmpint (figure (fixture, "t3.new.natural"), ==, 14);
  g_assert_true (is_error (natural));
  tooltip = nb_table_page_get_cell_message (page, nb_gui_cell ("t3.new.natural"));
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "14"));
  g_assert_nonnull (strstr (nb_table_page_get_message (page), tooltip));

  /* Leaving the cell gives the kept value back. */
  nb_table_page_commit (page);
  nb_gui_settle ();
  g_assert_cmpstr (gtk_editable_get_text (natural), ==, "14");
  g_assert_false (is_error (natural));
  g_assert_cmpint (figure (fixture, "t3.new.natural"), ==, 14);

  /* A negative count and a fraction are refused too. */
  type_into (fixture, "t3.new.natural", "-3");
  g_assert_cmpint (figure (fixture, "t3.new.natural"), ==, 14);
  type_into (fixture, "t3.new.natural", "2.5");
  g_assert_cmpint (figure (fixture, "t3.new.natural"), ==, 14);
  /* The fee takes decimals, to the fen. */
  type_into (fixture, "t2.fees.amount", "12.345678");
  g_assert_cmpint (figure (fixture, "t2.fees.amount"), ==, 12345678);
}

/* Types @text as the keyboard does: each character replaces the
 * selection, if any, and goes in at the cursor. */
static void
type_keys (GtkEditable *editable, const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char ch[8] = { 0 };
      int position;

      g_unichar_to_utf8 (g_utf8_get_char (p), ch);
      gtk_editable_delete_selection (editable);
      position = gtk_editable_get_position (editable);
      gtk_editable_insert_text (editable, ch, -1, &position);
      gtk_editable_set_position (editable, position);
      nb_gui_settle ();
    }
}

static void
test_selection_replaced (Fixture *fixture, gconstpointer data)
{
  NbTablePage *page = table_page (fixture, 3);
  GtkEditable *natural = entry_for (fixture, "t3.new.natural");
  const char *message;

  nb_window_show_page (fixture->window, "s2");
  nb_gui_settle ();
  g_assert_true (nb_table_page_focus_cell (page, nb_gui_cell ("t3.new.natural")));
  nb_gui_settle ();
  g_assert_cmpstr (gtk_editable_get_text (natural), ==, "14");

  /* "14" selected, "abc" typed over it */
  gtk_editable_select_region (natural, 0, -1);
  type_keys (natural, "abc");
  g_assert_cmpstr (gtk_editable_get_text (natural), ==, "abc");
  g_assert_true (is_error (natural));
  g_assert_cmpint (figure (fixture, "t3.new.natural"), ==, 14);
  message = nb_table_page_get_cell_message (page, nb_gui_cell ("t3.new.natural"));
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "14"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (natural), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);

  /* The same through set_text, as an input method may replace it all. */
  gtk_editable_set_text (natural, "14");
  nb_gui_settle ();
  gtk_editable_select_region (natural, 0, -1);
  gtk_editable_set_text (natural, "abc");
  nb_gui_settle ();
  g_assert_cmpint (figure (fixture, "t3.new.natural"), ==, 14);

  /* Leaving the cell gives the kept value back, unmarked. */
  nb_table_page_commit (page);
  nb_gui_settle ();
  g_assert_cmpstr (gtk_editable_get_text (natural), ==, "14");
  g_assert_cmpint (figure (fixture, "t3.new.natural"), ==, 14);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (natural), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_FALSE);
  /* Neither the refused text nor a blank on the way is in the history. */
  g_assert_false (nb_window_undo (fixture->window));
  g_assert_cmpint (figure (fixture, "t3.new.natural"), ==, 14);
}

static void
assert_focus (Fixture *fixture, const char *id)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  g_assert_nonnull (focus);
  if (!gtk_widget_is_ancestor (focus, GTK_WIDGET (entry_for (fixture, id))))
    g_error ("the cursor is not in %s", id);
}

static void
press (Fixture *fixture, guint table, guint keyval, GdkModifierType state)
{
  g_assert_true (nb_table_page_key (table_page (fixture, table), keyval, state));
  nb_gui_settle ();
}

static void
test_keyboard (Fixture *fixture, gconstpointer data)
{
  NbTablePage *page = table_page (fixture, 3);

  nb_window_show_page (fixture->window, "s2");
  nb_table_page_focus_cell (page, nb_gui_cell ("t3.new.natural"));
  nb_gui_settle ();
  assert_focus (fixture, "t3.new.natural");

  press (fixture, 3, GDK_KEY_Return, 0);
  assert_focus (fixture, "t3.carried_in.natural");
  press (fixture, 3, GDK_KEY_Tab, 0);
  assert_focus (fixture, "t3.carried_in.business");
  press (fixture, 3, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK);
  assert_focus (fixture, "t3.carried_in.natural");
  press (fixture, 3, GDK_KEY_Down, 0);
  assert_focus (fixture, "t3.disclosed.natural");
  press (fixture, 3, GDK_KEY_Return, GDK_SHIFT_MASK);
  assert_focus (fixture, "t3.carried_in.natural");
  press (fixture, 3, GDK_KEY_Up, 0);
  assert_focus (fixture, "t3.new.natural");
  /* Tab at the end of a row goes on to the next row. */
  nb_table_page_focus_cell (page, nb_gui_cell ("t3.new.total"));
  press (fixture, 3, GDK_KEY_Tab, 0);
  assert_focus (fixture, "t3.carried_in.natural");
  /* Up in the first row stays there. */
  nb_table_page_focus_cell (page, nb_gui_cell ("t3.new.business"));
  press (fixture, 3, GDK_KEY_Up, 0);
  assert_focus (fixture, "t3.new.business");

  /* Table 二: Enter from a three-column row lands in the one-column row. */
  nb_window_show_page (fixture->window, "s1");
  nb_table_page_focus_cell (table_page (fixture, 2), nb_gui_cell ("t2.normative.in_force"));
  press (fixture, 2, GDK_KEY_Return, 0);
  assert_focus (fixture, "t2.license.decisions");

  /* Ctrl+Z in a cell undoes the last edit of the report. */
  nb_window_show_page (fixture->window, "s2");
  nb_table_page_focus_cell (page, nb_gui_cell ("t3.new.natural"));
  nb_gui_settle ();
  type_into (fixture, "t3.new.natural", "30");
  press (fixture, 3, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpint (figure (fixture, "t3.new.natural"), ==, 14);
  g_assert_cmpstr (gtk_editable_get_text (entry_for (fixture, "t3.new.natural")), ==, "14");
  press (fixture, 3, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpint (figure (fixture, "t3.new.natural"), ==, 30);

  /* Alt+4 (page 四) puts the cursor in its first cell. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.goto-page", "i", 4);
  nb_gui_settle ();
  assert_focus (fixture, "t4.review.upheld");
}

static void
test_paste_undo (Fixture *fixture, gconstpointer data)
{
  NbTablePage *page = table_page (fixture, 3);

  g_assert_true (nb_table_page_paste (page, nb_gui_cell ("t3.new.business"), "7\t8\t9\r\n10\t11\t12\r\n"));
  nb_gui_settle ();
  g_assert_cmpint (figure (fixture, "t3.new.business"), ==, 7);
  g_assert_cmpint (figure (fixture, "t3.new.research"), ==, 8);
  g_assert_cmpint (figure (fixture, "t3.new.charity"), ==, 9);
  g_assert_cmpint (figure (fixture, "t3.carried_in.business"), ==, 10);
  g_assert_cmpint (figure (fixture, "t3.carried_in.charity"), ==, 12);
  g_assert_cmpstr (gtk_editable_get_text (entry_for (fixture, "t3.carried_in.research")), ==, "11");
  g_assert_true (is_error (entry_for (fixture, "t3.new.total")));

  /* One paste, one undo step. */
  g_assert_true (nb_window_undo (fixture->window));
  nb_gui_settle ();
  g_assert_cmpint (figure (fixture, "t3.new.business"), ==, 3);
  g_assert_cmpint (figure (fixture, "t3.carried_in.charity"), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (entry_for (fixture, "t3.new.research")), ==, "0");
  g_assert_false (is_error (entry_for (fixture, "t3.new.total")));

  g_assert_true (nb_window_redo (fixture->window));
  nb_gui_settle ();
  g_assert_cmpint (figure (fixture, "t3.carried_in.charity"), ==, 12);
  g_assert_true (nb_window_undo (fixture->window));

  /* A block with a word in it changes nothing and says where. */
  g_assert_false (nb_table_page_paste (page, nb_gui_cell ("t3.new.business"), "5\t6\n7\tabc\n"));
  g_assert_cmpint (figure (fixture, "t3.new.business"), ==, 3);
  g_assert_nonnull (strstr (nb_table_page_get_message (page), "abc"));

  /* What does not fit is left out, and said so. */
  g_assert_true (nb_table_page_paste (page, nb_gui_cell ("t3.new.total"), "19\t1\t2"));
  nb_gui_settle ();
  g_assert_cmpint (figure (fixture, "t3.new.total"), ==, 19);
  g_assert_cmpint (figure (fixture, "t3.carried_in.natural"), ==, 2);
}

static void
test_typing_undo (Fixture *fixture, gconstpointer data)
{
  NbTablePage *page = table_page (fixture, 3);

  nb_window_show_page (fixture->window, "s2");
  nb_table_page_focus_cell (page, nb_gui_cell ("t3.new.natural"));
  nb_gui_settle ();

  /* Keystrokes in one cell make one step. */
  type_into (fixture, "t3.new.natural", "1");
  type_into (fixture, "t3.new.natural", "15");
  g_assert_cmpint (figure (fixture, "t3.new.natural"), ==, 15);
  nb_table_page_commit (page);

  type_into (fixture, "t3.new.business", "4");
  g_assert_true (nb_window_undo (fixture->window));
  nb_gui_settle ();
  g_assert_cmpint (figure (fixture, "t3.new.business"), ==, 3);
  g_assert_cmpint (figure (fixture, "t3.new.natural"), ==, 15);
  g_assert_true (nb_window_undo (fixture->window));
  nb_gui_settle ();
  g_assert_cmpint (figure (fixture, "t3.new.natural"), ==, 14);
  g_assert_cmpstr (gtk_editable_get_text (entry_for (fixture, "t3.new.natural")), ==, "14");
  g_assert_true (nb_window_redo (fixture->window));
  nb_gui_settle ();
  g_assert_cmpint (figure (fixture, "t3.new.natural"), ==, 15);

  /* Fill in totals: one step that puts every sum right. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.fill-totals", NULL);
  nb_gui_settle ();
  g_assert_cmpint (figure (fixture, "t3.new.total"), ==, 20);
  /* The row adds up now (R1); the balance of the column (R3) still
   * rightly fails, as 15 is one more request than was handled. */
  {
    GPtrArray *findings = nb_window_get_findings (fixture->window);

    for (guint i = 0; i < findings->len; i++)
      g_assert_cmpstr (((NbFinding *) g_ptr_array_index (findings, i))->rule, !=, "R1");
  }
  g_assert_true (nb_window_undo (fixture->window));
  nb_gui_settle ();
  g_assert_cmpint (figure (fixture, "t3.new.total"), ==, 19);
}

static void
test_autosave_and_reopen (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) other = NULL;
  g_autoptr(NbReport) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 value = 0;
  guint c = nb_gui_cell ("t3.new.natural");
  NbTextPage *text;

  type_into (fixture, "t3.new.natural", "23");
  type_into (fixture, "t2.fees.amount", "0.5");

  /* Within a second, without closing anything, another connection sees it. */
  nb_gui_wait_ms (900);
  g_assert_nonnull (nb_window_get_saved_text (fixture->window));
  other = nb_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  stored = nb_store_load (other, "临川市青溪区柳塘街道办事处", 2024, &error);
  g_assert_no_error (error);
  g_assert_true (nb_report_get_figure (stored, c, &value));
  g_assert_cmpint (value, ==, 23);
  g_clear_object (&stored);

  /* Edits made just before closing are saved by the close. */
  text = NB_TEXT_PAGE (nb_window_get_page (fixture->window, "s4"));
  nb_report_insert_part (nb_window_get_report (fixture->window), NB_TEXT_PROBLEMS, -1,
                         "（四）补充说明", "新增的一段。");
  type_into (fixture, "t4.review.upheld", "6");
  g_assert_true (NB_IS_TEXT_PAGE (text));
  gtk_window_close (GTK_WINDOW (fixture->window));
  nb_gui_settle ();
  fixture->window = NULL;

  fixture->window = nb_gui_new_window (fixture);
  g_assert_true (nb_window_has_report (fixture->window));
  g_assert_cmpint (figure (fixture, "t3.new.natural"), ==, 23);
  g_assert_cmpint (figure (fixture, "t4.review.upheld"), ==, 6);
  g_assert_cmpint (figure (fixture, "t2.fees.amount"), ==, 500000);
  g_assert_cmpstr (gtk_editable_get_text (entry_for (fixture, "t2.fees.amount")), ==, "0.5");
  {
    NbReport *report = nb_window_get_report (fixture->window);
    guint n = nb_report_get_n_parts (report, NB_TEXT_PROBLEMS);

    g_assert_cmpstr (nb_report_get_part_heading (report, NB_TEXT_PROBLEMS, n - 1), ==,
                     "（四）补充说明");
  }
}

/* Another writer's changes (a second window, nianbao-cli set) are merged
 * into the open report at the next save, and the clerk is told. */
static void
test_merge_notice (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) other = NULL;
  g_autoptr(NbReport) theirs = NULL;
  g_autoptr(NbReport) stored = NULL;
  g_autoptr(GError) error = NULL;
  const char *organ = nb_report_get_organ_name (nb_window_get_report (fixture->window));
  gint64 value = 0;

  type_into (fixture, "t3.new.natural", "23");
  g_assert_true (nb_window_save_now (fixture->window, &error));
  g_assert_null (nb_window_get_last_toast (fixture->window));

  other = nb_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  theirs = nb_store_load (other, organ, 2024, &error);
  g_assert_no_error (error);
  nb_report_set_figure (theirs, nb_gui_cell ("t4.review.upheld"), 6);
  nb_report_set_figure (theirs, nb_gui_cell ("t2.license.decisions"), 1300);
  g_assert_true (nb_store_save (other, theirs, NB_STORE_SAVE_ANY, "cli", &error));
  g_assert_no_error (error);

  type_into (fixture, "t3.new.business", "5");
  g_assert_true (nb_window_save_now (fixture->window, &error));
  g_assert_no_error (error);
  nb_gui_settle ();
  g_assert_cmpstr (nb_window_get_last_toast (fixture->window), ==,
                   "2 changes made elsewhere were merged");
  /* Theirs is in the window, entry included; ours and theirs are stored. */
  g_assert_cmpint (figure (fixture, "t4.review.upheld"), ==, 6);
  g_assert_cmpstr (gtk_editable_get_text (entry_for (fixture, "t2.license.decisions")), ==, "1300");
  g_assert_cmpint (figure (fixture, "t3.new.natural"), ==, 23);
  stored = nb_store_load (other, organ, 2024, &error);
  g_assert_no_error (error);
  g_assert_true (nb_report_get_figure (stored, nb_gui_cell ("t3.new.business"), &value));
  g_assert_cmpint (value, ==, 5);
  g_assert_true (nb_report_get_figure (stored, nb_gui_cell ("t4.review.upheld"), &value));
  g_assert_cmpint (value, ==, 6);
}

static void
test_text_parts (Fixture *fixture, gconstpointer data)
{
  NbTextPage *page = NB_TEXT_PAGE (nb_window_get_page (fixture->window, "s4"));
  NbReport *report = nb_window_get_report (fixture->window);
  guint n = nb_report_get_n_parts (report, NB_TEXT_PROBLEMS);

  /* The sample has every customary heading already. */
  g_assert_cmpuint (nb_text_page_insert_customary (page), ==, 0);
  nb_report_remove_part (report, NB_TEXT_PROBLEMS, 0);
  nb_gui_settle ();
  g_assert_cmpuint (nb_text_page_insert_customary (page), ==, 1);
  nb_gui_settle ();
  g_assert_cmpuint (nb_report_get_n_parts (report, NB_TEXT_PROBLEMS), ==, n);
  g_assert_true (nb_window_undo (fixture->window));
  nb_gui_settle ();
  g_assert_cmpuint (nb_report_get_n_parts (report, NB_TEXT_PROBLEMS), ==, n - 1);
  g_assert_true (nb_text_page_focus_part (page, 0));
}

static void
test_findings_panel (Fixture *fixture, gconstpointer data)
{
  NbFindingsView *view = NB_FINDINGS_VIEW (nb_window_get_findings_view (fixture->window));
  GPtrArray *findings;
  GtkRoot *root = GTK_ROOT (fixture->window);
  int first = -1;

  type_into (fixture, "t4.review.total", "9");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-findings", NULL);
  nb_gui_settle ();
  findings = nb_window_get_findings (fixture->window);
  g_assert_cmpuint (findings->len, >=, 1);
  g_assert_cmpuint (nb_findings_view_get_n_rows (view), ==, findings->len);
  g_assert_cmpuint (nb_window_get_badge (fixture->window, "s3"), ==, 1);

  for (guint i = 0; i < findings->len && first < 0; i++)
    if (g_str_equal (((NbFinding *) g_ptr_array_index (findings, i))->rule, "R4"))
      first = (int) i;
  g_assert_cmpint (first, >=, 0);

  nb_window_show_page (fixture->window, "info");
  nb_gui_settle ();
  nb_findings_view_activate (view, (guint) first);
  nb_gui_settle ();
  g_assert_true (gtk_widget_get_mapped (nb_window_get_page (fixture->window, "s3")));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (root),
                                         GTK_WIDGET (entry_for (fixture, "t4.review.total"))));
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

static void
test_acknowledge (Fixture *fixture, gconstpointer data)
{
  NbReport *report = nb_window_get_report (fixture->window);
  g_autoptr(NbReport) last_year = nb_report_copy (report);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) acks = NULL;
  GPtrArray *findings;
  NbFinding *w1 = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *in_cell = GTK_WIDGET (entry_for (fixture, "t3.carried_in.natural"));
  g_autofree char *key = NULL;

  /* Last year carried 3 requests forward; this year took in 2. */
  nb_report_set_year (last_year, 2023);
  nb_report_set_figure (last_year, nb_gui_cell ("t3.carried_out.natural"), 3);
  g_assert_true (nb_store_save (fixture->store, last_year, NB_STORE_SAVE_NEW, "test", &error));
  g_assert_true (nb_window_open_report (fixture->window, nb_report_get_organ_name (report), 2024,
                                        &error));
  g_assert_no_error (error);
  nb_gui_settle ();

  findings = nb_window_get_findings (fixture->window);
  for (guint i = 0; i < findings->len && w1 == NULL; i++)
    if (g_str_equal (((NbFinding *) g_ptr_array_index (findings, i))->rule, "W1"))
      w1 = g_ptr_array_index (findings, i);
  if (w1 == NULL)
    g_error ("no W1 finding for a carry-over that differs from last year");
  key = g_strdup (w1->key);
  g_assert_true (mark_of (GTK_EDITABLE (in_cell)) == NB_CELL_MARK_WARNING);
  /* A warning is not an error: no badge for it. */
  g_assert_cmpuint (nb_window_get_badge (fixture->window, "s2"), ==, 0);

  g_signal_emit_by_name (nb_window_get_findings_view (fixture->window), "acknowledge-finding", w1);
  nb_gui_settle ();
  dialog = find_dialog ();
  if (dialog == NULL)
    g_error ("no dialog to write the note in");
  /* No note, no acknowledgement. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "acknowledge"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                         "一件申请已于年初撤回");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "acknowledge"));
  adw_message_dialog_response (dialog, "acknowledge");
  nb_gui_settle ();

  acks = nb_store_get_acks (fixture->store, nb_report_get_organ_name (report), 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (acks, key), ==, "一件申请已于年初撤回");
  g_assert_false (mark_of (GTK_EDITABLE (in_cell)) == NB_CELL_MARK_WARNING);
}

/* Everything the dialog's extra child says, one line a label or field */
static void
collect_text (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (ADW_IS_ENTRY_ROW (widget))
    g_string_append_printf (out, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      collect_text (child, out);
}

static char *
dialog_text (AdwMessageDialog *dialog)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s\n%s\n", adw_message_dialog_get_heading (dialog),
                          adw_message_dialog_get_body (dialog));
  collect_text (adw_message_dialog_get_extra_child (dialog), text);
  return g_string_free (text, FALSE);
}

static GFile *
import_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);

  return g_file_new_for_path (path);
}

static AdwMessageDialog *
import_and_preview (Fixture *fixture, GFile *file)
{
  AdwMessageDialog *dialog;

  nb_window_import_file (fixture->window, file);
  nb_gui_settle ();
  dialog = find_dialog ();
  if (dialog == NULL)
    g_error ("no dialog showing what was read");
  return dialog;
}

/* As a click on the dialog's button: the response, then the dialog
 * closes. */
static void
respond (AdwMessageDialog *dialog, const char *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  nb_gui_settle ();
}

static guint
n_stored (Fixture *fixture)
{
  g_autoptr(GPtrArray) entries = nb_store_list (fixture->store, NULL);

  if (entries == NULL)
    g_error ("the store cannot list its reports");
  return entries->len;
}

/* A published report as text: what was read is shown, then stored as it
 * was read. */
static void
test_import_text (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GFile) file = import_file ("rows-bar.txt");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(NbImportResult) expected = nb_import_file (path, NULL);
  g_autofree char *text = NULL;
  g_autofree char *count = NULL;
  AdwMessageDialog *dialog;
  NbReport *report;
  guint n_figures = 0, n_parts = 0;

  g_assert_nonnull (expected);
  g_assert_true (expected->complete);
  for (guint c = 0; c < NB_N_CELLS; c++)
    n_figures += nb_report_has_figure (expected->report, c);
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    n_parts += nb_report_get_n_parts (expected->report, s);
  g_assert_cmpuint (n_figures, >, 100);

  dialog = import_and_preview (fixture, file);
  text = dialog_text (dialog);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, nb_report_get_organ_name (expected->report)));
  count = g_strdup_printf ("%u of %u", n_figures, NB_N_CELLS);
  g_assert_nonnull (strstr (text, count));
  g_clear_pointer (&count, g_free);
  count = g_strdup_printf ("\n%u\n", n_parts);
  g_assert_nonnull (strstr (text, count));
  /* Nothing is stored before the clerk says so. */
  g_assert_cmpuint (n_stored (fixture), ==, 0);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "import"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "import"), ==, "_Import");

  respond (dialog, "import");
  g_assert_cmpuint (n_stored (fixture), ==, 1);
  g_assert_true (nb_window_has_report (fixture->window));
  report = nb_window_get_report (fixture->window);
  g_assert_cmpstr (nb_report_get_organ_name (report), ==,
                   nb_report_get_organ_name (expected->report));
  g_assert_cmpuint (nb_report_get_year (report), ==, nb_report_get_year (expected->report));
  for (guint c = 0; c < NB_N_CELLS; c++)
    {
      gint64 a = -1, b = -1;

      g_assert_cmpint (nb_report_get_figure (report, c, &a), ==,
                       nb_report_get_figure (expected->report, c, &b));
      g_assert_cmpint (a, ==, b);
    }
}

/* Rows that could not be placed: listed with their lines, and the file
 * cannot be stored. */
static void
test_import_incomplete (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GFile) file = import_file ("bad-rows.txt");
  g_autofree char *text = NULL;
  AdwMessageDialog *dialog = import_and_preview (fixture, file);

  text = dialog_text (dialog);
  g_test_message ("%s", text);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "import"));
  /* the rows that were not placed, by line, and why nothing can be
   * stored */
  g_assert_nonnull (strstr (text, "Line 39:"));
  g_assert_nonnull (strstr (text, "Line 48:"));
  g_assert_nonnull (strstr (text, "4.保护第三方合法权益"));
  g_assert_nonnull (strstr (text, "Nothing can be stored from this file"));

  /* Responding anyway (a stray Enter) stores nothing. */
  respond (dialog, "import");
  g_assert_cmpuint (n_stored (fixture), ==, 0);
  g_assert_false (nb_window_has_report (fixture->window));

  /* A file that is no report at all says so, and nothing more. */
  {
    g_autoptr(GFile) old = import_file ("old-2019.txt");

    nb_window_import_file (fixture->window, old);
    nb_gui_settle ();
    dialog = find_dialog ();
    g_assert_nonnull (dialog);
    g_assert_false (adw_message_dialog_has_response (dialog, "import"));
    respond (dialog, "close");
    g_assert_cmpuint (n_stored (fixture), ==, 0);
  }
}

/* Importing over a stored year asks first; the old values stay in the
 * edit log. */
static void
test_import_replace (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("NIANBAO_SAMPLE"));
  NbReport *report = nb_window_get_report (fixture->window);
  g_autofree char *organ = g_strdup (nb_report_get_organ_name (report));
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gboolean logged = FALSE;

  type_into (fixture, "t3.new.natural", "23");
  g_assert_true (nb_window_save_now (fixture->window, &error));

  dialog = import_and_preview (fixture, file);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "import"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "import"), ==, "_Replace");
  {
    g_autofree char *text = dialog_text (dialog);

    g_assert_nonnull (strstr (text, "already stored"));
  }
  /* Cancel leaves the stored report alone. */
  respond (dialog, "cancel");
  g_assert_cmpint (figure (fixture, "t3.new.natural"), ==, 23);

  dialog = import_and_preview (fixture, file);
  respond (dialog, "import");
  g_assert_cmpuint (n_stored (fixture), ==, 1);
  g_assert_cmpint (figure (fixture, "t3.new.natural"), ==, 14);
  history = nb_store_history (fixture->store, organ, 2024, "t3.new.natural", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    logged |= g_strcmp0 (((NbStoreEdit *) g_ptr_array_index (history, i))->new_value, "23") == 0;
  g_assert_true (logged);

  /* Another organ's name typed in the dialog makes it a new report. */
  dialog = import_and_preview (fixture, file);
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "nb-organ-row")),
                         "另一个街道办事处");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "import"), ==, "_Import");
  respond (dialog, "import");
  g_assert_cmpuint (n_stored (fixture), ==, 2);
  g_assert_cmpstr (nb_report_get_organ_name (nb_window_get_report (fixture->window)), ==,
                   "另一个街道办事处");
}

/* Renders the whole window as it is on screen into a PNG. */
static void
save_screenshot (GtkWidget *window, const char *name)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  GStatBuf info;

  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s.png", name);
  path = g_build_filename (dir, file, NULL);

  /* (waits for a frame when the page has just changed) */
  node = window_node (window);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_size, >, 10000);
  g_test_message ("screenshot: %s", path);
}

/* A checksum of what the window shows */
static char *
window_checksum (NbWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GskRenderNode) node = window_node (widget);
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, pixels, (gsize) width * height * 4);
}

/* A typeface changed in Preferences shows in the preview at once. */
static void
test_preview_fonts (Fixture *fixture, gconstpointer data)
{
  NbPreviewPage *preview = NB_PREVIEW_PAGE (nb_window_get_page (fixture->window, "preview"));
  g_autofree char *before = NULL;
  g_autofree char *still = NULL;
  g_autofree char *after = NULL;

  nb_window_show_page (fixture->window, "preview");
  nb_preview_page_update (preview);
  nb_gui_wait_ms (400);
  /* drawn and no longer changing (longer on a loaded machine) */
  for (guint tries = 0; tries < 50 && (before == NULL || g_strcmp0 (before, still) != 0); tries++)
    {
      g_free (before);
      before = g_steal_pointer (&still);
      nb_gui_wait_ms (100);
      still = window_checksum (fixture->window);
    }
  g_assert_cmpstr (before, ==, still);

  nb_settings_set_font_family (fixture->settings, NB_FONT_TITLE, "DejaVu Sans Mono");
  nb_settings_set_font_family (fixture->settings, NB_FONT_BODY, "DejaVu Sans Mono");
  /* well before the preview's own pause for typing (300 ms; the
   * sanitizer build runs NB_SLOW_FACTOR times slower) */
  nb_gui_wait_ms (100 * nb_gui_slow_factor ());
  after = window_checksum (fixture->window);
  nb_settings_set_font_family (fixture->settings, NB_FONT_TITLE, "");
  nb_settings_set_font_family (fixture->settings, NB_FONT_BODY, "");
  g_assert_cmpstr (before, !=, after);
}

static void
test_screenshots (Fixture *fixture, gconstpointer data)
{
  const char *pages[] = { "info", "s0", "s1", "s2", "s3", "s4", "s5", "preview" };

  /* An error to show on table 三. */
  type_into (fixture, "t3.new.natural", "15");
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("page-%s", pages[i]);

      nb_window_show_page (fixture->window, pages[i]);
      nb_gui_wait_ms (150);
      if (g_str_equal (pages[i], "s2"))
        nb_table_page_focus_cell (table_page (fixture, 3), nb_gui_cell ("t3.new.total"));
      if (g_str_equal (pages[i], "preview"))
        {
          NbPreviewPage *preview = NB_PREVIEW_PAGE (nb_window_get_page (fixture->window, "preview"));

          nb_preview_page_update (preview);
          g_assert_cmpuint (nb_preview_page_get_n_pages (preview), >=, 2);
          nb_gui_wait_ms (150);
          save_screenshot (GTK_WIDGET (fixture->window), "page-preview-1");
          /* The page with table 三 on it */
          nb_preview_page_scroll_to (preview, 3);
        }
      nb_gui_wait_ms (150);
      save_screenshot (GTK_WIDGET (fixture->window), name);
    }
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-findings", NULL);
  nb_window_show_page (fixture->window, "s2");
  nb_gui_wait_ms (200);
  save_screenshot (GTK_WIDGET (fixture->window), "findings");
}

int
main (int argc, char *argv[])
{
  /* The test environment points XDG_CACHE_HOME into the build tree; the
   * GL stack keeps its shader cache there and complains when it is not
   * there to write into. */
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  nb_gui_init_style ();

#define ADD(name, sample, func) \
  g_test_add (name, Fixture, GINT_TO_POINTER (sample), fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/window/empty-state", FALSE, test_empty_state);
  ADD ("/gui/window/create-report", FALSE, test_create_report);
  ADD ("/gui/window/error-marks", TRUE, test_error_marks);
  ADD ("/gui/window/letter-refused", TRUE, test_letter_refused);
  ADD ("/gui/window/selection-replaced", TRUE, test_selection_replaced);
  ADD ("/gui/window/keyboard", TRUE, test_keyboard);
  ADD ("/gui/window/paste-undo", TRUE, test_paste_undo);
  ADD ("/gui/window/typing-undo", TRUE, test_typing_undo);
  ADD ("/gui/window/autosave-and-reopen", TRUE, test_autosave_and_reopen);
  ADD ("/gui/window/merge-notice", TRUE, test_merge_notice);
  ADD ("/gui/window/text-parts", TRUE, test_text_parts);
  ADD ("/gui/window/findings-panel", TRUE, test_findings_panel);
  ADD ("/gui/window/acknowledge", TRUE, test_acknowledge);
  ADD ("/gui/window/import-text", FALSE, test_import_text);
  ADD ("/gui/window/import-incomplete", FALSE, test_import_incomplete);
  ADD ("/gui/window/import-replace", TRUE, test_import_replace);
  ADD ("/gui/window/preview-fonts", TRUE, test_preview_fonts);
  ADD ("/gui/window/screenshots", TRUE, test_screenshots);
#undef ADD

  return g_test_run ();
}
