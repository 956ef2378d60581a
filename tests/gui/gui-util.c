/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the GUI tests and benchmarks share: see gui-util.h.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gui-util.h"
#include "nb-json.h"

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

guint
nb_gui_slow_factor (void)
{
  const char *text = g_getenv ("NB_SLOW_FACTOR");
  guint64 factor = 1;

  if (text != NULL)
    g_ascii_string_to_unsigned (text, 10, 1, 10, &factor, NULL);
  return (guint) factor;
}

void
nb_gui_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  *(gboolean *) data = TRUE;
}

void
nb_gui_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong id;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (widget);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

int
nb_gui_compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

void
nb_gui_settle (void)
{
  gint64 until;

  nb_gui_wait_ms (50);
  until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_main_context_pending (NULL) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

gboolean
nb_gui_wait_until (gboolean (*done) (gpointer data), gpointer data, guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () >= until)
        return done (data);
      nb_gui_wait_ms (20);
    }
  return TRUE;
}

NbReport *
nb_gui_load_sample (void)
{
  const char *path = g_getenv ("NIANBAO_SAMPLE");
  g_autoptr(GError) error = NULL;
  NbReport *report;

  g_assert_nonnull (path);
  report = nb_json_read_file (path, NULL, &error);
  g_assert_no_error (error);
  return report;
}

guint
nb_gui_cell (const char *id)
{
  guint n = nb_format_cell_by_id (id);

  g_assert_cmpuint (n, !=, NB_CELL_NONE);
  return n;
}

NbWindow *
nb_gui_new_window (NbGuiFixture *fixture)
{
  NbWindow *window = nb_window_new (NULL, fixture->store, fixture->settings);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_present (GTK_WINDOW (window));
  nb_gui_settle ();
  return window;
}

void
nb_gui_fixture_set_up (NbGuiFixture *fixture, gboolean load_sample)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("nianbao-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "reports.db", NULL);
  fixture->store = nb_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  fixture->settings = nb_settings_new ();
  fixture->window = nb_gui_new_window (fixture);

  if (!load_sample)
    return;
  /* Straight into the store (the import, with its toast, has a test of
   * its own). */
  {
    g_autoptr(NbReport) report = nb_gui_load_sample ();

    g_assert_true (nb_store_save (fixture->store, report, NB_STORE_SAVE_NEW, "test", &error));
    g_assert_no_error (error);
    g_assert_true (nb_window_open_report (fixture->window, nb_report_get_organ_name (report),
                                          nb_report_get_year (report), &error));
    g_assert_no_error (error);
  }
  nb_gui_settle ();
  g_assert_true (nb_window_has_report (fixture->window));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

void
nb_gui_fixture_tear_down (NbGuiFixture *fixture)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  nb_gui_settle ();
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->settings);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}
