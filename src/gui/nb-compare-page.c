/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NbComparePage: this year against last year — the totals, the list of
 * figures, the trends chart — and when to compare again. The texts side
 * by side are built in nb-compare-texts.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-application.h"

#include "nb-compare.h"
#include "nb-compare-page-private.h"
#include "nb-number.h"
#include "nb-trends.h"

/* A report edited while the page is shown is compared again once the
 * typing pauses, not on every keystroke. */
#define UPDATE_DELAY_MS 300

/* GTK 4.8's list views make a widget for up to 200 rows whatever is in
 * view, so a list of every figure would make a thousand labels before
 * its first frame. The page opens with the first rows, as many as a
 * screen holds, and adds the others a few at a time once it is drawn. */
#define FIRST_ROWS 36
#define MORE_ROWS 41

/* white paper around the chart, in pixels */
#define TRENDS_MARGIN 20

typedef enum
{
  COLUMN_ITEM,
  COLUMN_LAST,
  COLUMN_THIS,
  COLUMN_CHANGE,
  COLUMN_PERCENT,
  N_COLUMNS
} Column;

struct _NbComparePage
{
  AdwBin parent_instance;

  /* template */
  GtkStack *main_stack;
  AdwStatusPage *empty_page;
  GtkLabel *title_label;
  GtkLabel *count_label;
  GtkCheckButton *changed_check;
  GtkStack *view_stack;
  GtkGrid *totals_grid;
  GtkColumnView *figures_view;
  GtkBox *texts_box;
  GtkStackPage *trends_stack_page;
  GtkDrawingArea *trends_area;
  GtkGrid *keys_grid;

  /* what is compared */
  NbReport *report;
  NbReport *previous;
  GPtrArray *history;
  gulong changed_id;
  NbComparison *comparison;
  NbTrends *trends;         /* made when first drawn */
  gboolean keys_stale;      /* the key figures wait until the trends are shown */

  /* state */
  gboolean dirty;           /* the report changed since it was compared */
  gboolean texts_stale;     /* the text views show older parts */
  guint update_id;

  /* the list of figures: cell ids, filtered for "changed only" */
  GtkStringList *cells;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSliceListModel *slice;
  guint grow_id;
  GHashTable *bound;        /* GtkLabel of every row made: to rewrite in place */

  /* the totals: last, this, change, percent of each */
  GtkLabel *total_labels[NB_COMPARE_N_TOTALS][4];
};

G_DEFINE_FINAL_TYPE (NbComparePage, nb_compare_page, ADW_TYPE_BIN)

enum {
  ACTIVATE_CELL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh (NbComparePage *self);

static void
set_label (GtkLabel *label, const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
}

/* ---- the list of figures ---- */

static guint
item_cell (GObject *item)
{
  return nb_format_cell_by_id (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
}

static gboolean
filter_changed_cb (gpointer item, gpointer user_data)
{
  NbComparePage *self = NB_COMPARE_PAGE (user_data);
  guint cell = item_cell (item);

  return self->comparison != NULL && cell != NB_CELL_NONE &&
         nb_comparison_figure_changed (self->comparison, cell);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  if (column == COLUMN_ITEM)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  g_object_set_data (G_OBJECT (label), "nb-column", GUINT_TO_POINTER (column));
  gtk_list_item_set_child (item, label);
}

static void
fill_cell (NbComparePage *self, GtkLabel *label, guint cell)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "nb-column"));
  const NbCompareValue *value;
  NbCellKind kind;
  g_autofree char *text = NULL;

  if (cell == NB_CELL_NONE || self->comparison == NULL)
    {
      set_label (label, "");
      return;
    }
  value = nb_comparison_get_figure (self->comparison, cell);
  kind = nb_format_cell (cell)->kind;
  switch (column)
    {
    case COLUMN_ITEM:
      text = nb_format_cell_describe (cell);
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
      break;
    case COLUMN_LAST:
      text = nb_compare_format_amount (value->has_last, value->last, kind);
      break;
    case COLUMN_THIS:
      text = nb_compare_format_amount (value->has_this, value->this_year, kind);
      break;
    case COLUMN_CHANGE:
      text = nb_compare_format_change (value, kind);
      nb_compare_set_sign_class (GTK_WIDGET (label), value);
      break;
    case COLUMN_PERCENT:
      text = nb_compare_format_percent_text (value);
      nb_compare_set_sign_class (GTK_WIDGET (label), value);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  set_label (label, text);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  NbComparePage *self = NB_COMPARE_PAGE (user_data);
  GtkWidget *label = gtk_list_item_get_child (item);
  guint cell = item_cell (gtk_list_item_get_item (item));

  g_object_set_data (G_OBJECT (label), "nb-cell", GUINT_TO_POINTER (cell + 1));
  g_hash_table_add (self->bound, label);
  fill_cell (self, GTK_LABEL (label), cell);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  NbComparePage *self = NB_COMPARE_PAGE (user_data);

  if (self->bound != NULL)
    g_hash_table_remove (self->bound, gtk_list_item_get_child (item));
}

static void
add_column (NbComparePage *self, Column column, const char *title)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (column));
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cell_cb), self, 0);
  view_column = gtk_column_view_column_new (title, factory);
  if (column == COLUMN_ITEM)
    gtk_column_view_column_set_expand (view_column, TRUE);
  else
    gtk_column_view_column_set_fixed_width (view_column, 120);
  gtk_column_view_append_column (self->figures_view, view_column);
}

static gboolean
grow_cb (gpointer user_data)
{
  NbComparePage *self = NB_COMPARE_PAGE (user_data);
  guint size = gtk_slice_list_model_get_size (self->slice) + MORE_ROWS;

  gtk_slice_list_model_set_size (self->slice, MIN (size, NB_N_CELLS));
  if (size < NB_N_CELLS)
    return G_SOURCE_CONTINUE;
  self->grow_id = 0;
  return G_SOURCE_REMOVE;
}

static void
schedule_growth (NbComparePage *self)
{
  /* below the priority of drawing: each step after a frame */
  if (self->grow_id == 0 && gtk_slice_list_model_get_size (self->slice) < NB_N_CELLS)
    self->grow_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, grow_cb, self, NULL);
}

static void
activate_cb (GtkColumnView *view, guint position, NbComparePage *self)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->slice), position);
  guint cell;

  if (item == NULL)
    return;
  cell = item_cell (item);
  if (cell != NB_CELL_NONE)
    g_signal_emit (self, signals[ACTIVATE_CELL], 0, cell);
}

static void
changed_only_toggled_cb (GtkCheckButton *check, NbComparePage *self)
{
  gboolean on = gtk_check_button_get_active (check);

  /* No function at all lets the filter model pass every item through
   * without asking. */
  if (on)
    gtk_custom_filter_set_filter_func (self->filter, filter_changed_cb, self, NULL);
  else
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);

  /* unchanged texts are hidden too */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->texts_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), "nb-unchanged") != NULL)
      gtk_widget_set_visible (child, !on);
}

/* ---- the totals ---- */

static void
build_totals (NbComparePage *self)
{
  const char *titles[] = { N_("Last year"), N_("This year"), N_("Change"), N_("Change in %") };

  for (guint c = 0; c < G_N_ELEMENTS (titles); c++)
    {
      GtkWidget *head = gtk_label_new (_(titles[c]));

      gtk_label_set_xalign (GTK_LABEL (head), 1);
      gtk_widget_add_css_class (head, "heading");
      gtk_grid_attach (self->totals_grid, head, (int) c + 1, 0, 1, 1);
    }
  {
    GtkWidget *caption = gtk_label_new (_("Section totals"));

    gtk_label_set_xalign (GTK_LABEL (caption), 0);
    gtk_widget_add_css_class (caption, "heading");
    gtk_grid_attach (self->totals_grid, caption, 0, 0, 1, 1);
  }

  for (NbCompareTotal t = 0; t < NB_COMPARE_N_TOTALS; t++)
    {
      g_autofree char *fee = NULL;
      const char *heading = nb_compare_total_heading (t);
      GtkWidget *name;

      /* The fee shares table 二's heading: name it by its own cell. */
      if (t == NB_COMPARE_TOTAL_FEES)
        heading = fee = nb_format_cell_describe (nb_format_cell_by_id ("t2.fees.amount"));
      name = gtk_label_new (heading);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_grid_attach (self->totals_grid, name, 0, (int) t + 1, 1, 1);
      for (guint c = 0; c < 4; c++)
        {
          GtkWidget *label = gtk_label_new (NULL);

          gtk_label_set_xalign (GTK_LABEL (label), 1);
          gtk_widget_set_size_request (label, 110, -1);
          gtk_widget_add_css_class (label, "numeric");
          gtk_grid_attach (self->totals_grid, label, (int) c + 1, (int) t + 1, 1, 1);
          self->total_labels[t][c] = GTK_LABEL (label);
        }
    }
}

static void
show_totals (NbComparePage *self)
{
  for (NbCompareTotal t = 0; t < NB_COMPARE_N_TOTALS; t++)
    {
      const NbCompareValue *value = nb_comparison_get_total (self->comparison, t);
      NbCellKind kind = nb_compare_total_kind (t);
      g_autofree char *last = nb_compare_format_amount (value->has_last, value->last, kind);
      g_autofree char *now = nb_compare_format_amount (value->has_this, value->this_year, kind);
      g_autofree char *change = nb_compare_format_change (value, kind);
      g_autofree char *percent = nb_compare_format_percent_text (value);

      set_label (self->total_labels[t][0], last);
      set_label (self->total_labels[t][1], now);
      set_label (self->total_labels[t][2], change);
      set_label (self->total_labels[t][3], percent);
      nb_compare_set_sign_class (GTK_WIDGET (self->total_labels[t][2]), value);
      nb_compare_set_sign_class (GTK_WIDGET (self->total_labels[t][3]), value);
    }
}

/* ---- the texts ---- */

/* Made only when the texts are looked at: diffing and laying out a dozen
 * text views would double the time the page takes to open. */
static void
build_texts (NbComparePage *self)
{
  GtkWidget *child;
  gboolean changed_only = gtk_check_button_get_active (self->changed_check);

  if (self->dirty)
    refresh (self);
  self->texts_stale = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->texts_box))) != NULL)
    gtk_box_remove (self->texts_box, child);
  if (self->comparison == NULL)
    return;

  nb_compare_texts_fill (self->texts_box, self->comparison, self->previous, self->report,
                         changed_only);
}

static void
view_changed_cb (GObject *stack, GParamSpec *pspec, NbComparePage *self)
{
  const char *view = gtk_stack_get_visible_child_name (self->view_stack);

  if (self->texts_stale && g_strcmp0 (view, "texts") == 0)
    build_texts (self);
  if (self->keys_stale && g_strcmp0 (view, "trends") == 0)
    {
      self->keys_stale = FALSE;
      nb_compare_keys_fill (self->keys_grid, self->report, self->previous);
    }
}

/* ---- the trends ---- */

static guint
count_years (NbComparePage *self)
{
  g_autoptr(GHashTable) years = g_hash_table_new (NULL, NULL);

  if (self->report != NULL)
    g_hash_table_add (years, GUINT_TO_POINTER (nb_report_get_year (self->report)));
  if (self->previous != NULL)
    g_hash_table_add (years, GUINT_TO_POINTER (nb_report_get_year (self->previous)));
  for (guint i = 0; self->history != NULL && i < self->history->len; i++)
    g_hash_table_add (years, GUINT_TO_POINTER (nb_report_get_year (g_ptr_array_index (self->history, i))));
  return g_hash_table_size (years);
}

static void
draw_trends (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  NbComparePage *self = NB_COMPARE_PAGE (user_data);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (self->report == NULL)
    return;
  if (self->trends == NULL)
    {
      /* This year as it is being edited, before its stored state: the
       * first report of a year is the one that counts. */
      g_autoptr(GPtrArray) reports = g_ptr_array_new ();

      g_ptr_array_add (reports, self->report);
      if (self->previous != NULL)
        g_ptr_array_add (reports, self->previous);
      for (guint i = 0; self->history != NULL && i < self->history->len; i++)
        g_ptr_array_add (reports, g_ptr_array_index (self->history, i));
      self->trends = nb_trends_new (reports);
    }
  /* the chart draws in the colour it is given: ink on white paper, as
   * the PDF prints it, whatever the desktop's style */
  cairo_set_source_rgb (cr, 0.12, 0.12, 0.12);
  cairo_translate (cr, TRENDS_MARGIN, TRENDS_MARGIN);
  nb_trends_draw (self->trends, cr, width - 2 * TRENDS_MARGIN, height - 2 * TRENDS_MARGIN, NULL);
}

/* ---- updating ---- */

static void
show_empty (NbComparePage *self)
{
  GtkWidget *child;

  if (self->report == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No report is open"));
      adw_status_page_set_description (self->empty_page, NULL);
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No earlier year of this organ is stored"));
      adw_status_page_set_description (self->empty_page,
                                       _("To compare the years, start next year’s report from this one with New Year…, or import last year’s published report."));
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->texts_box))) != NULL)
    gtk_box_remove (self->texts_box, child);
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
}

static gboolean
values_equal (const NbCompareValue *a, const NbCompareValue *b)
{
  return a->has_last == b->has_last && a->has_this == b->has_this &&
         (!a->has_last || a->last == b->last) && (!a->has_this || a->this_year == b->this_year);
}

/* Writes the rows whose figures changed again, in place: a figure typed
 * on another page rewrites one row's labels. (Telling the list its items
 * changed would make it drop its anchor and jump.) */
static void
rewrite_rows (NbComparePage *self, NbComparison *before)
{
  GHashTableIter iter;
  gpointer label;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &label, NULL))
    {
      guint cell = GPOINTER_TO_UINT (g_object_get_data (label, "nb-cell")) - 1;

      if (cell >= NB_N_CELLS)
        continue;
      if (before == NULL || self->comparison == NULL ||
          !values_equal (nb_comparison_get_figure (before, cell),
                         nb_comparison_get_figure (self->comparison, cell)))
        fill_cell (self, label, cell);
    }
}

static void
refresh (NbComparePage *self)
{
  guint n_changed;
  g_autofree char *title = NULL;
  g_autofree char *count = NULL;
  /* Its texts may point into parts the report has freed since: only its
   * figures, copies, are read. */
  g_autoptr(NbComparison) before = g_steal_pointer (&self->comparison);

  self->dirty = FALSE;
  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_pointer (&self->trends, nb_trends_free);

  if (self->report == NULL || self->previous == NULL)
    {
      show_empty (self);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      rewrite_rows (self, NULL);
      return;
    }

  self->comparison = nb_compare (self->report, self->previous);
  n_changed = nb_comparison_count_changed (self->comparison);
  /* TRANSLATORS: "2024 compared with 2023" */
  title = g_strdup_printf (_("%u compared with %u"), nb_report_get_year (self->report),
                           nb_report_get_year (self->previous));
  set_label (self->title_label, title);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure changed",
                                        "%u figures changed", n_changed), n_changed);
  set_label (self->count_label, count);
  show_totals (self);

  /* the rows shown read the new comparison */
  if (gtk_check_button_get_active (self->changed_check))
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  rewrite_rows (self, before);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "texts") == 0 &&
      self->texts_stale)
    build_texts (self);

  gtk_stack_page_set_visible (self->trends_stack_page, count_years (self) >= 2);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "trends") == 0)
    nb_compare_keys_fill (self->keys_grid, self->report, self->previous);
  else
    self->keys_stale = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self->trends_area));
  gtk_stack_set_visible_child_name (self->main_stack, "compare");
}

static gboolean
update_cb (gpointer user_data)
{
  NbComparePage *self = NB_COMPARE_PAGE (user_data);

  self->update_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
report_changed_cb (NbReport *report, guint what, guint index, NbComparePage *self)
{
  self->dirty = TRUE;
  if (what == NB_CHANGE_PARTS || what == NB_CHANGE_ALL || what == NB_CHANGE_YEAR)
    self->texts_stale = TRUE;
  if (self->update_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->update_id = g_timeout_add (UPDATE_DELAY_MS, update_cb, self);
}

static void
map_cb (GtkWidget *widget, NbComparePage *self)
{
  if (self->dirty)
    refresh (self);
  schedule_growth (self);
}

/* ---- object ---- */

static void
nb_compare_page_dispose (GObject *object)
{
  NbComparePage *self = NB_COMPARE_PAGE (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_handle_id (&self->grow_id, g_source_remove);
  if (self->report != NULL)
    g_clear_signal_handler (&self->changed_id, self->report);
  g_clear_pointer (&self->comparison, nb_comparison_free);
  g_clear_pointer (&self->trends, nb_trends_free);
  g_clear_object (&self->report);
  g_clear_object (&self->previous);
  g_clear_pointer (&self->history, g_ptr_array_unref);

  G_OBJECT_CLASS (nb_compare_page_parent_class)->dispose (object);
}

static void
nb_compare_page_finalize (GObject *object)
{
  NbComparePage *self = NB_COMPARE_PAGE (object);

  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_object (&self->slice);
  g_clear_object (&self->filtered);
  g_clear_object (&self->cells);

  G_OBJECT_CLASS (nb_compare_page_parent_class)->finalize (object);
}

static void
nb_compare_page_class_init (NbComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_compare_page_dispose;
  object_class->finalize = nb_compare_page_finalize;

  /**
   * NbComparePage::activate-cell:
   * @cell: the cell of the figure
   *
   * A figure's row was activated: its cell is to be shown for editing.
   */
  signals[ACTIVATE_CELL] =
    g_signal_new ("activate-cell", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  nb_gui_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/nb-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NbComparePage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, NbComparePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, NbComparePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, NbComparePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, NbComparePage, changed_check);
  gtk_widget_class_bind_template_child (widget_class, NbComparePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, NbComparePage, totals_grid);
  gtk_widget_class_bind_template_child (widget_class, NbComparePage, figures_view);
  gtk_widget_class_bind_template_child (widget_class, NbComparePage, texts_box);
  gtk_widget_class_bind_template_child (widget_class, NbComparePage, trends_stack_page);
  gtk_widget_class_bind_template_child (widget_class, NbComparePage, trends_area);
  gtk_widget_class_bind_template_child (widget_class, NbComparePage, keys_grid);
}

static void
nb_compare_page_init (NbComparePage *self)
{
  const char *ids[NB_N_CELLS + 1];
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    ids[cell] = nb_format_cell (cell)->id;
  ids[NB_N_CELLS] = NULL;
  self->cells = gtk_string_list_new (ids);
  self->bound = g_hash_table_new (NULL, NULL);
  self->filter = gtk_custom_filter_new (NULL, NULL, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->cells)),
                                              GTK_FILTER (self->filter));
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)), 0, FIRST_ROWS);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_column_view_set_model (self->figures_view, GTK_SELECTION_MODEL (selection));
  gtk_column_view_set_reorderable (self->figures_view, FALSE);

  /* TRANSLATORS: the column of the figures' names */
  add_column (self, COLUMN_ITEM, _("Item"));
  add_column (self, COLUMN_LAST, _("Last year"));
  add_column (self, COLUMN_THIS, _("This year"));
  add_column (self, COLUMN_CHANGE, _("Change"));
  add_column (self, COLUMN_PERCENT, _("Change in %"));
  g_signal_connect (self->figures_view, "activate", G_CALLBACK (activate_cb), self);

  build_totals (self);
  gtk_drawing_area_set_draw_func (self->trends_area, draw_trends, self, NULL);
  gtk_stack_page_set_visible (self->trends_stack_page, FALSE);

  g_signal_connect (self->changed_check, "toggled", G_CALLBACK (changed_only_toggled_cb), self);
  g_signal_connect (self->view_stack, "notify::visible-child", G_CALLBACK (view_changed_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), self);
  self->texts_stale = TRUE;
  show_empty (self);
}

NbComparePage *
nb_compare_page_new (void)
{
  return g_object_new (NB_TYPE_COMPARE_PAGE, NULL);
}

void
nb_compare_page_set_reports (NbComparePage *self,
                             NbReport      *report,
                             NbReport      *previous,
                             GPtrArray     *history)
{
  g_return_if_fail (NB_IS_COMPARE_PAGE (self));
  g_return_if_fail (report == NULL || NB_IS_REPORT (report));
  g_return_if_fail (previous == NULL || NB_IS_REPORT (previous));

  if (self->report != NULL)
    g_clear_signal_handler (&self->changed_id, self->report);
  g_set_object (&self->report, report);
  g_set_object (&self->previous, previous);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  if (history != NULL)
    {
      self->history = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < history->len; i++)
        g_ptr_array_add (self->history, g_object_ref (g_ptr_array_index (history, i)));
    }
  if (report != NULL)
    self->changed_id = g_signal_connect (report, "changed", G_CALLBACK (report_changed_cb), self);
  self->texts_stale = TRUE;
  /* shown anew: the first rows first (a page on screen keeps its rows) */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      g_clear_handle_id (&self->grow_id, g_source_remove);
      gtk_slice_list_model_set_size (self->slice, FIRST_ROWS);
    }
  refresh (self);
}

void
nb_compare_page_update (NbComparePage *self)
{
  g_return_if_fail (NB_IS_COMPARE_PAGE (self));

  if (self->dirty)
    refresh (self);
}

void
nb_compare_page_show_view (NbComparePage *self, const char *name)
{
  g_return_if_fail (NB_IS_COMPARE_PAGE (self));
  g_return_if_fail (name != NULL);

  if (gtk_stack_get_child_by_name (self->view_stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->view_stack, name);
}
