/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long the 对比 page takes to show two years, under Xvfb:
 *   open     a new page put into the window and given the two reports,
 *            until its first frame is painted (what the clerk waits for
 *            when they first click 对比)
 *   again    the reports given anew to a page already shown
 *   update   one figure typed elsewhere, then nb_compare_page_update()
 *            and the frame after it
 *   texts    the texts view shown for the first time (the diffs made)
 *   all      as open, until the rows added after the first frame are
 *            all there and drawn
 * each the median of its repeats, wall-clock and CPU time of the thread.
 *
 *   meson test -C BUILD --benchmark compare-page -v
 */
#include "config.h"

#include <adwaita.h>
#include <time.h>

#include "gui-util.h"
#include "nb-application.h"
#include "nb-compare-page.h"
#include "nb-json.h"

#define REPEATS 21

typedef struct
{
  double wall;
  double cpu;
} Sample;

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
report (const char *name, const char *what, GArray *wall, GArray *cpu)
{
  g_array_sort (wall, nb_gui_compare_doubles);
  g_array_sort (cpu, nb_gui_compare_doubles);
  g_print ("%-7s median %6.1f ms wall, %6.1f ms CPU (min %.1f, max %.1f ms wall, %u runs): %s\n",
           name, g_array_index (wall, double, wall->len / 2), g_array_index (cpu, double, cpu->len / 2),
           g_array_index (wall, double, 0), g_array_index (wall, double, wall->len - 1),
           wall->len, what);
}

static GtkColumnView *
find_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return GTK_COLUMN_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkColumnView *view = find_view (child);

      if (view != NULL)
        return view;
    }
  return NULL;
}

static GtkColumnView *
view_of (NbComparePage *page)
{
  return find_view (GTK_WIDGET (page));
}

static NbReport *
make_previous (NbReport *report)
{
  NbReport *previous = nb_report_copy (report);
  guint n = 0;

  nb_report_set_year (previous, nb_report_get_year (report) - 1);
  /* A year with some figures different and one text reworded */
  for (guint cell = 0; cell < NB_N_CELLS; cell += 7)
    nb_report_set_figure (previous, cell, 3 + n++);
  nb_report_set_part (previous, NB_TEXT_OVERVIEW, 0, nb_report_get_part_heading (report, NB_TEXT_OVERVIEW, 0),
                      "2023年，街道办事处坚持以公开为常态、不公开为例外，全年主动公开政府信息198条。");
  return previous;
}

int
main (int argc, char *argv[])
{
  const char *sample = g_getenv ("NIANBAO_SAMPLE");
  g_autoptr(NbReport) this_year = NULL;
  g_autoptr(NbReport) previous = NULL;
  g_autoptr(GPtrArray) history = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *placeholder;
  NbComparePage *page = NULL;
  guint cell = nb_format_cell_by_id ("t3.new.business");
  struct
  {
    const char *name, *what;
    GArray *wall, *cpu;
  } runs[] = {
    { "open", "new page + set_reports → first frame", NULL, NULL },
    { "again", "set_reports on the shown page → frame", NULL, NULL },
    { "update", "a figure changed, update → frame", NULL, NULL },
    { "texts", "texts view first shown → frame", NULL, NULL },
    { "all", "new page + set_reports → every row made and drawn", NULL, NULL },
  };

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  gtk_init ();
  adw_init ();
  nb_gui_init_style ();
  if (sample == NULL)
    {
      g_printerr ("NIANBAO_SAMPLE is not set\n");
      return 77;
    }
  this_year = nb_json_read_file (sample, NULL, &error);
  g_assert_no_error (error);
  previous = make_previous (this_year);
  g_ptr_array_add (history, previous);
  g_ptr_array_add (history, this_year);
  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      runs[r].wall = g_array_new (FALSE, FALSE, sizeof (double));
      runs[r].cpu = g_array_new (FALSE, FALSE, sizeof (double));
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  placeholder = g_object_ref_sink (gtk_label_new ("…"));
  gtk_window_set_child (GTK_WINDOW (window), placeholder);
  gtk_window_present (GTK_WINDOW (window));
  nb_gui_wait_for_frame (window);

  for (guint i = 0; i < REPEATS; i++)
    {
      gint64 t0;
      double c0, value;

      /* open: what clicking 对比 the first time costs */
      gtk_window_set_child (GTK_WINDOW (window), placeholder);
      nb_gui_wait_for_frame (window);
      t0 = g_get_monotonic_time ();
      c0 = cpu_ms ();
      page = nb_compare_page_new ();
      nb_compare_page_set_reports (page, this_year, previous, history);
      gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
      nb_gui_wait_for_frame (window);
      value = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (runs[0].wall, value);
      value = cpu_ms () - c0;
      g_array_append_val (runs[0].cpu, value);

      /* …and until every row is there and drawn */
      while (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view_of (page)))) < NB_N_CELLS)
        g_main_context_iteration (NULL, TRUE);
      nb_gui_wait_for_frame (window);
      value = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (runs[4].wall, value);
      value = cpu_ms () - c0;
      g_array_append_val (runs[4].cpu, value);

      /* again */
      t0 = g_get_monotonic_time ();
      c0 = cpu_ms ();
      nb_compare_page_set_reports (page, this_year, previous, history);
      nb_gui_wait_for_frame (window);
      value = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (runs[1].wall, value);
      value = cpu_ms () - c0;
      g_array_append_val (runs[1].cpu, value);

      /* update */
      t0 = g_get_monotonic_time ();
      c0 = cpu_ms ();
      nb_report_set_figure (this_year, cell, 10 + i);
      nb_compare_page_update (page);
      nb_gui_wait_for_frame (window);
      value = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (runs[2].wall, value);
      value = cpu_ms () - c0;
      g_array_append_val (runs[2].cpu, value);

      /* texts */
      t0 = g_get_monotonic_time ();
      c0 = cpu_ms ();
      nb_compare_page_show_view (page, "texts");
      nb_gui_wait_for_frame (window);
      value = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (runs[3].wall, value);
      value = cpu_ms () - c0;
      g_array_append_val (runs[3].cpu, value);
    }

  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      report (runs[r].name, runs[r].what, runs[r].wall, runs[r].cpu);
      g_array_unref (runs[r].wall);
      g_array_unref (runs[r].cpu);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (placeholder);
  return 0;
}
