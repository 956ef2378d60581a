/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor's speed as a clerk feels it, under Xvfb:
 *   startup    from main() to the first frame showing the stored report
 *   minimal    the same for a bare libadwaita window showing the report's
 *              text in a label (the yardstick)
 *   keystroke  a figure typed into table 三: the rules re-run over the
 *              whole report, the marks updated, the frame laid out and
 *              painted (the wait for the next frame is not counted)
 * and the peak resident memory of each (VmHWM).
 *
 * Run without arguments it runs each mode in a fresh process of its own.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <time.h>

#include "gui-util.h"
#include "nb-application.h"
#include "nb-json.h"
#include "nb-store.h"
#include "nb-table-page.h"
#include "nb-window.h"

static gint64 start_time;

/* CPU time of this thread: the machine running the benchmark may be busy
 * with other work, which wall-clock time would charge to us. */
static double
process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static gint64
cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static double
peak_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line ? g_ascii_strtod (line + 6, NULL) / 1024.0 : -1;
}

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static char *
make_database (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(NbStore) store = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *sample = g_getenv ("NIANBAO_SAMPLE");

  g_assert_nonnull (sample);
  report = nb_json_read_file (sample, NULL, &error);
  g_assert_no_error (error);
  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  nb_store_save (store, report, NB_STORE_SAVE_ANY, "bench", &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static int
run_startup (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbStore) store = NULL;
  NbWindow *window;
  double ms;

  gtk_init ();
  adw_init ();
  nb_gui_init_style ();
  store = nb_store_open (db, &error);
  g_assert_no_error (error);
  window = nb_window_new (NULL, store, NULL);
  g_assert_true (nb_window_has_report (window));
  gtk_window_present (GTK_WINDOW (window));
  nb_gui_wait_for_frame (GTK_WIDGET (window));
  ms = (g_get_monotonic_time () - start_time) / 1000.0;
  g_print ("startup: %.1f ms (%.1f ms CPU, from exec) to the first frame of the report, "
           "peak %.1f MiB\n", ms, process_cpu_ms (), peak_mib ());
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

static int
run_minimal (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbStore) store = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *window, *label, *scroller, *box;
  double ms;

  gtk_init ();
  adw_init ();
  store = nb_store_open (db, &error);
  g_assert_no_error (error);
  report = nb_store_load (store, "临川市青溪区柳塘街道办事处", 2024, &error);
  g_assert_no_error (error);

  for (NbTextSection s = 0; s < NB_N_TEXT_SECTIONS; s++)
    for (guint p = 0; p < nb_report_get_n_parts (report, s); p++)
      g_string_append_printf (text, "%s\n%s\n", nb_report_get_part_heading (report, s, p),
                              nb_report_get_part_body (report, s, p));

  window = adw_application_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1240, 860);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  label = gtk_label_new (text->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  nb_gui_wait_for_frame (window);
  ms = (g_get_monotonic_time () - start_time) / 1000.0;
  g_print ("minimal: %.1f ms (%.1f ms CPU, from exec) to the first frame of a bare "
           "libadwaita window, peak %.1f MiB\n", ms, process_cpu_ms (), peak_mib ());
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

typedef struct
{
  gint64 frame_start;
  gint64 paint_start;
  gint64 frame_work;
  gint64 paint_work;
  gboolean painted;
} FrameTimes;

static void
paint_cb (GdkFrameClock *clock, FrameTimes *times)
{
  times->paint_start = cpu_us ();
}

static void
update_cb (GdkFrameClock *clock, FrameTimes *times)
{
  if (times->frame_start == 0)
    times->frame_start = cpu_us ();
}

static void
paint_done_cb (GdkFrameClock *clock, FrameTimes *times)
{
  if (times->frame_start == 0)
    return;
  /* no layout phase in this frame */
  if (times->paint_start == 0)
    times->paint_start = times->frame_start;
  times->frame_work = cpu_us () - times->frame_start;
  times->paint_work = cpu_us () - times->paint_start;
  times->painted = TRUE;
}

static void
type_figures (NbWindow *window, GtkEditable *entry, FrameTimes *times_p, gboolean toggle)
{
  FrameTimes times;
  const guint n = 300;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  double total = 0, total_typed = 0, total_frame = 0, total_set = 0, total_checks = 0;
  double total_paint = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", toggle && i % 2 ? 7 : 8 + i);
      gint64 t0, typed;
      double ms;
      gboolean idle_done = FALSE;

      *times_p = (FrameTimes) { 0 };
      t0 = cpu_us ();
      gtk_editable_set_text (entry, text);
      total_set += (cpu_us () - t0) / 1000.0;
      {
        gint64 c0 = cpu_us ();

        nb_window_run_checks (window);
        total_checks += (cpu_us () - c0) / 1000.0;
      }
      /* Whatever else waits for the main loop before the frame. */
      g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, flag_cb, &idle_done, NULL);
      while (!idle_done)
        g_main_context_iteration (NULL, TRUE);
      typed = cpu_us () - t0;
      while (!times_p->painted)
        g_main_context_iteration (NULL, TRUE);
      times = *times_p;
      ms = (typed + times.frame_work) / 1000.0;
      total_typed += typed / 1000.0;
      total_frame += times.frame_work / 1000.0;
      total_paint += times.paint_work / 1000.0;
      g_array_append_val (samples, ms);
      total += ms;
    }
  g_array_sort (samples, nb_gui_compare_doubles);
  g_print ("keystroke (%s): mean %.2f ms, median %.2f ms, p95 %.2f ms CPU over %u edits; "
           "%.2f ms the entry and the model, %.2f ms the rules and the marks, "
           "%.2f ms other main-loop work, %.2f ms layout, %.2f ms painting\n",
           toggle ? "marks change" : "marks stay",
           total / n, g_array_index (samples, double, n / 2),
           g_array_index (samples, double, n * 95 / 100), n,
           total_set / n, total_checks / n, (total_typed - total_set - total_checks) / n,
           (total_frame - total_paint) / n, total_paint / n);
}

static int
run_keystroke (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbStore) store = NULL;
  NbWindow *window;
  NbTablePage *page;
  GtkEditable *entry;
  GdkFrameClock *clock;
  FrameTimes times = { 0 };

  gtk_init ();
  adw_init ();
  nb_gui_init_style ();
  store = nb_store_open (db, &error);
  g_assert_no_error (error);
  window = nb_window_new (NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  nb_window_show_page (window, "s2");
  nb_gui_wait_for_frame (GTK_WIDGET (window));

  page = NB_TABLE_PAGE (nb_window_get_page (window, "s2"));
  entry = GTK_EDITABLE (nb_table_page_get_entry (page, nb_format_cell_by_id ("t3.disclosed.natural")));
  nb_table_page_focus_cell (page, nb_format_cell_by_id ("t3.disclosed.natural"));
  nb_gui_wait_for_frame (GTK_WIDGET (window));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "update", G_CALLBACK (update_cb), &times);
  g_signal_connect_after (clock, "layout", G_CALLBACK (paint_cb), &times);
  g_signal_connect (clock, "after-paint", G_CALLBACK (paint_done_cb), &times);

  /* Worst case: every keystroke puts the sums of a row and a column
   * right or wrong, so a dozen cells change their marks. */
  type_figures (window, entry, &times, TRUE);
  /* Typing on in a column that stays wrong: the messages change, the
   * marks stay. */
  type_figures (window, entry, &times, FALSE);
  g_print ("keystroke: peak %.1f MiB\n", peak_mib ());
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  const char *modes[] = { "minimal", "startup", "keystroke" };
  g_autoptr(GError) error = NULL;

  start_time = g_get_monotonic_time ();
  /* where the GL stack keeps its shader cache (see test-gui-window.c) */
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);

  if (argc == 3)
    {
      if (g_str_equal (argv[1], "startup"))
        return run_startup (argv[2]);
      if (g_str_equal (argv[1], "minimal"))
        return run_minimal (argv[2]);
      if (g_str_equal (argv[1], "keystroke"))
        return run_keystroke (argv[2]);
      g_printerr ("unknown mode %s\n", argv[1]);
      return 2;
    }

  dir = g_dir_make_tmp ("nianbao-bench-XXXXXX", &error);
  g_assert_no_error (error);
  db = make_database (dir);

  /* Each in a process of its own: startup figures include GTK's. */
  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
      {
        const char *child[] = { argv[0], modes[i], db, NULL };
        int status;

        if (round > 0 && g_str_equal (modes[i], "keystroke"))
          continue;
        if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                           NULL, NULL, &status, &error) ||
            !g_spawn_check_wait_status (status, &error))
          {
            g_printerr ("%s: %s\n", modes[i], error->message);
            return 1;
          }
      }

  {
    g_autofree char *journal = g_strconcat (db, "-journal", NULL);
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_remove (db);
    g_remove (journal);
    g_remove (wal);
    g_remove (shm);
    g_rmdir (dir);
  }
  return 0;
}
