/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 对比 page under Xvfb: the sample report beside an invented year
 * before it with a few figures and two texts changed, read back from the
 * widgets the page shows.
 *
 * With NIANBAO_SCREENSHOT_DIR set it also saves compare.png there, the
 * README's screenshot; in Chinese:
 *
 *   LANGUAGE=zh_CN NIANBAO_SCREENSHOT_DIR=$PWD/docs/screenshots \
 *     meson test -C BUILD gui-compare --test-args '-p /gui/compare/trends-and-picture'
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "gui-util.h"
#include "nb-compare.h"
#include "nb-compare-page.h"
#include "nb-trends.h"

/* What the year before differs in */
#define REMOVED_SENTENCE "【去年特有的一句】"
#define ADDED_SENTENCE "【今年新增的一句】"

typedef struct
{
  NbReport *report;
  NbReport *previous;
  GtkWidget *window;
  NbComparePage *page;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autofree char *old_first = NULL;
  const char *body;

  fixture->report = nb_gui_load_sample ();
  fixture->previous = nb_report_copy (fixture->report);
  nb_report_set_year (fixture->previous, nb_report_get_year (fixture->report) - 1);

  nb_report_set_figure (fixture->previous, nb_gui_cell ("t2.normative.issued"), 4);  /* 2 now */
  nb_report_set_figure (fixture->previous, nb_gui_cell ("t2.license.decisions"), 30); /* 36 */
  nb_report_clear_figure (fixture->previous, nb_gui_cell ("t2.penalty.decisions")); /* 58 */
  nb_report_set_figure (fixture->previous, nb_gui_cell ("t3.new.natural"), 10);      /* 14 */

  /* Last year said one thing more in its first part; this year says one
   * thing more in its second. */
  body = nb_report_get_part_body (fixture->report, NB_TEXT_OVERVIEW, 0);
  old_first = g_strconcat (body, REMOVED_SENTENCE, NULL);
  nb_report_set_part (fixture->previous, NB_TEXT_OVERVIEW, 0,
                      nb_report_get_part_heading (fixture->report, NB_TEXT_OVERVIEW, 0), old_first);
  {
    g_autofree char *new_second = g_strconcat (ADDED_SENTENCE,
                                               nb_report_get_part_body (fixture->report, NB_TEXT_OVERVIEW, 1),
                                               NULL);

    nb_report_set_part (fixture->report, NB_TEXT_OVERVIEW, 1,
                        nb_report_get_part_heading (fixture->report, NB_TEXT_OVERVIEW, 1), new_second);
  }

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 900);
  fixture->page = nb_compare_page_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (GTK_WINDOW (fixture->window));
  nb_gui_settle ();
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  nb_gui_settle ();
  g_clear_object (&fixture->report);
  g_clear_object (&fixture->previous);
}

static void
set_both (Fixture *fixture)
{
  g_autoptr(GPtrArray) history = g_ptr_array_new ();

  g_ptr_array_add (history, fixture->previous);
  g_ptr_array_add (history, fixture->report);
  nb_compare_page_set_reports (fixture->page, fixture->report, fixture->previous, history);
  nb_gui_settle ();
}

/* ---- finding what the page shows ---- */

static void
collect (GtkWidget *widget, GType type, GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GPtrArray *
find_all (GtkWidget *root, GType type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

static gpointer
find_one (GtkWidget *root, GType type)
{
  g_autoptr(GPtrArray) found = find_all (root, type);

  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static GtkColumnView *
figures_view (Fixture *fixture)
{
  return find_one (GTK_WIDGET (fixture->page), GTK_TYPE_COLUMN_VIEW);
}

/* The rows the list holds now (after the "changed only" filter) */
static guint
n_rows (Fixture *fixture)
{
  GtkSelectionModel *model = gtk_column_view_get_model (figures_view (fixture));
  GtkSliceListModel *slice = GTK_SLICE_LIST_MODEL (gtk_no_selection_get_model (GTK_NO_SELECTION (model)));

  /* The page adds its rows a few at a time after its first frame. */
  for (guint i = 0; i < 500 && gtk_slice_list_model_get_size (slice) < NB_N_CELLS; i++)
    nb_gui_wait_ms (10);
  g_assert_cmpuint (gtk_slice_list_model_get_size (slice), >=, NB_N_CELLS);
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static void
set_changed_only (Fixture *fixture, gboolean on)
{
  gtk_check_button_set_active (find_one (GTK_WIDGET (fixture->page), GTK_TYPE_CHECK_BUTTON), on);
  nb_gui_settle ();
}

/* The five texts of the row of @id, as drawn; FALSE when it is not. */
static gboolean
find_row_texts (Fixture *fixture, const char *id, char *texts[6])
{
  g_autofree char *name = nb_format_cell_describe (nb_gui_cell (id));
  g_autoptr(GPtrArray) labels = find_all (GTK_WIDGET (figures_view (fixture)), GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      GtkWidget *row;
      guint n = 0;

      if (!gtk_widget_get_mapped (label) ||
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), name) != 0)
        continue;
      /* label < column view cell < row */
      row = gtk_widget_get_parent (gtk_widget_get_parent (label));
      for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL && n < 5;
           cell = gtk_widget_get_next_sibling (cell))
        texts[n++] = (char *) gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (cell)));
      texts[n] = NULL;
      return n == 5;
    }
  return FALSE;
}

/* …waiting a while for rows just made to be laid out on a busy machine */
static gboolean
row_texts (Fixture *fixture, const char *id, char *texts[6])
{
  for (guint i = 0; i < 200; i++)
    {
      if (find_row_texts (fixture, id, texts))
        return TRUE;
      nb_gui_wait_ms (50);
    }
  return FALSE;
}

static GtkLabel *
label_with (GtkWidget *root, const char *needle)
{
  g_autoptr(GPtrArray) labels = find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), needle) != NULL)
      return g_ptr_array_index (labels, i);
  return NULL;
}

/* The text of @label marked by attributes of @type (struck through for
 * what was removed, underlined for what was added), run after run */
static char *
marked_text (GtkLabel *label, PangoAttrType type)
{
  const char *text = gtk_label_get_text (label);
  PangoAttrList *attrs = gtk_label_get_attributes (label);
  GString *marked = g_string_new (NULL);
  GSList *list;

  if (attrs == NULL)
    return g_string_free (marked, FALSE);
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == type)
        g_string_append_len (marked, text + attr->start_index, attr->end_index - attr->start_index);
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
  return g_string_free (marked, FALSE);
}

static gboolean
taller_than_60 (gpointer widget)
{
  return gtk_widget_get_height (widget) > 60;
}

/* The two sides of every text part, last year's first */
static GPtrArray *
text_sides (Fixture *fixture)
{
  g_autoptr(GPtrArray) labels = find_all (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL);
  GPtrArray *sides = g_ptr_array_new ();

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "nb-compare-text"))
      g_ptr_array_add (sides, g_ptr_array_index (labels, i));
  return sides;
}

static gboolean
save_png (GtkWidget *widget, const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  for (guint tries = 0; node == NULL && tries < 40; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        nb_gui_wait_ms (50);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  return gdk_texture_save_to_png (texture, path);
}

/* ---- tests ---- */

static void
test_rows (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbComparison) comparison = NULL;
  g_autofree char *count = NULL;
  guint n_changed;

  set_both (fixture);
  comparison = nb_compare (fixture->report, fixture->previous);
  n_changed = nb_comparison_count_changed (comparison);
  g_assert_cmpuint (n_changed, ==, 4);

  /* every figure, then only those that changed */
  g_assert_cmpuint (n_rows (fixture), ==, NB_N_CELLS);
  set_changed_only (fixture, TRUE);
  g_assert_cmpuint (n_rows (fixture), ==, n_changed);
  set_changed_only (fixture, FALSE);
  g_assert_cmpuint (n_rows (fixture), ==, NB_N_CELLS);

  count = g_strdup_printf ("%u figures changed", n_changed);
  g_assert_nonnull (label_with (GTK_WIDGET (fixture->page), count));
  g_assert_nonnull (label_with (GTK_WIDGET (fixture->page), "2024 compared with 2023"));
  /* the totals: table 三's counts went up by the 4 of t3.new.natural */
  g_assert_nonnull (label_with (GTK_WIDGET (fixture->page), nb_compare_total_heading (NB_COMPARE_TOTAL_T3)));
}

static void
test_changes (Fixture *fixture, gconstpointer data)
{
  char *texts[6];
  GtkWidget *change;

  set_both (fixture);
  set_changed_only (fixture, TRUE);

  /* 4 → 2 */
  g_assert_true (row_texts (fixture, "t2.normative.issued", texts));
  g_assert_cmpstr (texts[1], ==, "4");
  g_assert_cmpstr (texts[2], ==, "2");
  g_assert_cmpstr (texts[3], ==, "-2");
  g_assert_cmpstr (texts[4], ==, "-50.0%");

  /* 30 → 36: the sign tells it, and so does the colour */
  g_assert_true (row_texts (fixture, "t2.license.decisions", texts));
  g_assert_cmpstr (texts[3], ==, "+6");
  g_assert_cmpstr (texts[4], ==, "+20.0%");
  change = GTK_WIDGET (label_with (GTK_WIDGET (figures_view (fixture)), "+6"));
  g_assert_true (gtk_widget_has_css_class (change, "nb-increase"));
  g_assert_false (gtk_widget_has_css_class (change, "nb-decrease"));
  change = GTK_WIDGET (label_with (GTK_WIDGET (figures_view (fixture)), "-50.0%"));
  g_assert_true (gtk_widget_has_css_class (change, "nb-decrease"));

  /* blank last year: no change to compute, and the row says why */
  g_assert_true (row_texts (fixture, "t2.penalty.decisions", texts));
  g_assert_cmpstr (texts[1], ==, "—");
  g_assert_cmpstr (texts[2], ==, "58");
  g_assert_cmpstr (texts[3], ==, "newly filled in");
  g_assert_cmpstr (texts[4], ==, "—");

  /* an unchanged figure is filtered out */
  g_assert_false (find_row_texts (fixture, "t2.normative.repealed", texts));
  set_changed_only (fixture, FALSE);
  g_assert_true (row_texts (fixture, "t2.normative.repealed", texts));
  g_assert_cmpstr (texts[3], ==, "0");
  g_assert_cmpstr (texts[4], ==, "0.0%");
}

static void
test_texts (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) sides = NULL;
  g_autoptr(GString) removed = g_string_new (NULL);
  g_autoptr(GString) added = g_string_new (NULL);
  GtkLabel *warning;
  guint n_visible = 0;

  set_both (fixture);
  /* nothing diffed before the texts are looked at */
  sides = text_sides (fixture);
  g_assert_cmpuint (sides->len, ==, 0);
  g_clear_pointer (&sides, g_ptr_array_unref);

  nb_compare_page_show_view (fixture->page, "texts");
  nb_gui_settle ();
  sides = text_sides (fixture);
  g_assert_cmpuint (sides->len, ==, 2 * (nb_report_get_n_parts (fixture->report, NB_TEXT_OVERVIEW) +
                                         nb_report_get_n_parts (fixture->report, NB_TEXT_PROBLEMS) +
                                         nb_report_get_n_parts (fixture->report, NB_TEXT_OTHER)));
  /* side by side, each year's whole text */
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (sides, 0)), ==,
                   nb_report_get_part_body (fixture->previous, NB_TEXT_OVERVIEW, 0));
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (sides, 3)), ==,
                   nb_report_get_part_body (fixture->report, NB_TEXT_OVERVIEW, 1));
  for (guint i = 0; i < sides->len; i++)
    {
      g_autofree char *r = marked_text (g_ptr_array_index (sides, i), PANGO_ATTR_STRIKETHROUGH);
      g_autofree char *a = marked_text (g_ptr_array_index (sides, i), PANGO_ATTR_UNDERLINE);

      /* removed text only on last year's side, added on this year's */
      if (i % 2 == 1)
        g_assert_cmpstr (r, ==, "");
      else
        g_assert_cmpstr (a, ==, "");
      g_string_append (removed, r);
      g_string_append (added, a);
    }
  g_assert_cmpstr (removed->str, ==, REMOVED_SENTENCE);
  g_assert_cmpstr (added->str, ==, ADDED_SENTENCE);
  /* …and grown to the height of their text (once laid out) */
  g_assert_true (nb_gui_wait_until (taller_than_60, g_ptr_array_index (sides, 0), 10000));

  /* the part copied unchanged is flagged, in words and in style */
  warning = label_with (GTK_WIDGET (fixture->page), "possibly copied");
  g_assert_nonnull (warning);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (warning), "warning"));
  g_assert_nonnull (label_with (GTK_WIDGET (fixture->page), "Similarity to last year 100%"));

  /* "changed only" leaves the two parts that changed */
  set_changed_only (fixture, TRUE);
  for (guint i = 0; i < sides->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (sides, i)))
      n_visible++;
  g_assert_cmpuint (n_visible, ==, 4);
}

static void
test_empty (Fixture *fixture, gconstpointer data)
{
  AdwStatusPage *status;

  nb_compare_page_set_reports (fixture->page, fixture->report, NULL, NULL);
  nb_gui_settle ();
  status = find_one (GTK_WIDGET (fixture->page), ADW_TYPE_STATUS_PAGE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No earlier year of this organ is stored");
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "New Year"));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (figures_view (fixture))));

  /* …and back */
  set_both (fixture);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (status)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (figures_view (fixture))));

  /* no report at all */
  nb_compare_page_set_reports (fixture->page, NULL, NULL, NULL);
  nb_gui_settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
}

static void
cell_cb (NbComparePage *page, guint cell, gpointer data)
{
  *(guint *) data = cell;
}

static void
test_activate (Fixture *fixture, gconstpointer data)
{
  guint cell = NB_CELL_NONE;

  set_both (fixture);
  g_signal_connect (fixture->page, "activate-cell", G_CALLBACK (cell_cb), &cell);
  g_signal_emit_by_name (figures_view (fixture), "activate", 5);
  g_assert_cmpuint (cell, ==, 5);

  /* a position in the filtered list is a different cell */
  set_changed_only (fixture, TRUE);
  g_signal_emit_by_name (figures_view (fixture), "activate", 3);
  g_assert_cmpuint (cell, ==, nb_gui_cell ("t3.new.natural"));
  g_signal_emit_by_name (figures_view (fixture), "activate", 0);
  g_assert_cmpuint (cell, ==, nb_gui_cell ("t2.normative.issued"));
}

static void
test_update (Fixture *fixture, gconstpointer data)
{
  char *texts[6];

  set_both (fixture);
  set_changed_only (fixture, TRUE);
  g_assert_cmpuint (n_rows (fixture), ==, 4);

  /* typed on another page: shown once the window asks */
  nb_report_set_figure (fixture->report, nb_gui_cell ("t3.new.business"), 9);
  nb_compare_page_update (fixture->page);
  nb_gui_settle ();
  g_assert_cmpuint (n_rows (fixture), ==, 5);
  g_assert_nonnull (label_with (GTK_WIDGET (fixture->page), "5 figures changed"));
  g_assert_true (row_texts (fixture, "t3.new.business", texts));
  g_assert_cmpstr (texts[3], ==, "+6");
  g_assert_cmpstr (texts[4], ==, "+200.0%");

  /* blanked this year */
  nb_report_clear_figure (fixture->report, nb_gui_cell ("t3.new.business"));
  nb_compare_page_update (fixture->page);
  nb_gui_settle ();
  g_assert_true (row_texts (fixture, "t3.new.business", texts));
  g_assert_cmpstr (texts[2], ==, "—");
  g_assert_cmpstr (texts[3], ==, "now blank");

  /* a row on screen with "changed only" off: rewritten where it is,
   * the list not scrolled */
  set_changed_only (fixture, FALSE);
  /* (the list keeps the row that was at its top there: back to the top) */
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (figures_view (fixture))), 0);
  g_assert_true (row_texts (fixture, "t2.rules.issued", texts));
  g_assert_cmpstr (texts[3], ==, "0");
  nb_report_set_figure (fixture->report, nb_gui_cell ("t2.rules.issued"), 3);
  nb_compare_page_update (fixture->page);
  nb_gui_settle ();
  g_assert_true (row_texts (fixture, "t2.rules.issued", texts));
  g_assert_cmpstr (texts[2], ==, "3");
  g_assert_cmpstr (texts[3], ==, "+3");
  /* no change at all: nothing to do */
  nb_compare_page_update (fixture->page);
  g_assert_cmpuint (n_rows (fixture), ==, NB_N_CELLS);

  /* a text edited while the texts are shown */
  nb_compare_page_show_view (fixture->page, "texts");
  nb_gui_settle ();
  nb_report_set_part (fixture->report, NB_TEXT_OTHER, 0,
                      nb_report_get_part_heading (fixture->report, NB_TEXT_OTHER, 0), "本年度收取信息处理费。");
  nb_compare_page_update (fixture->page);
  nb_gui_settle ();
  {
    g_autoptr(GPtrArray) sides = text_sides (fixture);
    gboolean seen = FALSE;

    for (guint i = 1; i < sides->len; i += 2)
      seen |= g_str_equal (gtk_label_get_text (g_ptr_array_index (sides, i)), "本年度收取信息处理费。");
    g_assert_true (seen);
  }
}

static void
test_trends_and_picture (Fixture *fixture, gconstpointer data)
{
  const char *dir = g_getenv ("NIANBAO_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  GtkWidget *area;

  set_both (fixture);
  nb_gui_wait_ms (300);
  path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "compare-figures.png", NULL);
  g_assert_true (save_png (fixture->window, path));
  if (dir != NULL)
    {
      g_autofree char *shot = g_build_filename (dir, "compare.png", NULL);

      g_assert_true (save_png (fixture->window, shot));
      g_test_message ("%s", shot);
    }

  nb_compare_page_show_view (fixture->page, "texts");
  nb_gui_wait_ms (300);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "compare-texts.png", NULL);
  g_assert_true (save_png (fixture->window, path));

  nb_compare_page_show_view (fixture->page, "trends");
  nb_gui_wait_ms (300);
  /* the key figures beside last year's, above the years behind them */
  for (NbTrend trend = 0; trend < NB_N_TRENDS; trend++)
    g_assert_nonnull (label_with (GTK_WIDGET (fixture->page), nb_trend_get_label (trend)));
  {
    g_autoptr(GPtrArray) labels = find_all (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL);
    GtkWidget *cell = NULL;
    gint64 now = 0, then = 0;
    g_autofree char *expected = NULL;

    for (guint i = 0; i < labels->len && cell == NULL; i++)
      if (gtk_widget_has_css_class (gtk_widget_get_parent (g_ptr_array_index (labels, i)), "nb-compare-keys") &&
          g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, i)),
                       nb_trend_get_label (NB_TREND_DISCLOSED)))
        cell = g_ptr_array_index (labels, i);
    g_assert_nonnull (cell);
    /* its row: label, last year, this year, change, % */
    g_assert_true (nb_trend_read_report (NB_TREND_DISCLOSED, fixture->report, &now));
    g_assert_true (nb_trend_read_report (NB_TREND_DISCLOSED, fixture->previous, &then));
    expected = g_strdup_printf ("%" G_GINT64_FORMAT, then);
    cell = gtk_widget_get_next_sibling (cell);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, expected);
    g_free (expected);
    expected = g_strdup_printf ("%" G_GINT64_FORMAT, now);
    cell = gtk_widget_get_next_sibling (cell);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, expected);
  }
  area = find_one (GTK_WIDGET (fixture->page), GTK_TYPE_DRAWING_AREA);
  g_assert_true (gtk_widget_get_mapped (area));
  g_assert_cmpint (gtk_widget_get_width (area), >=, 760);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "compare-trends.png", NULL);
  g_assert_true (save_png (fixture->window, path));
}

int
main (int argc, char *argv[])
{
  const char *localedir = g_getenv ("NIANBAO_LOCALEDIR");

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  nb_gui_init_style ();

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/compare/rows", test_rows);
  ADD ("/gui/compare/changes", test_changes);
  ADD ("/gui/compare/texts", test_texts);
  ADD ("/gui/compare/empty", test_empty);
  ADD ("/gui/compare/activate", test_activate);
  ADD ("/gui/compare/update", test_update);
  ADD ("/gui/compare/trends-and-picture", test_trends_and_picture);
  return g_test_run ();
}
