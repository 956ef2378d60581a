/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long nb_render_write_pdf takes for a whole report (the sample report,
 * or the JSON file given as the first argument): the first export of the
 * process, which loads the fonts, and the median of the exports after it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "nb-json.h"
#include "nb-render.h"
#include "nb-trends.h"

#define RUNS 15

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The chart of five years at 800 × 500 px, as the comparison page redraws
 * it: the median of RUNS draws after a first one. */
static void
bench_chart (NbReport *report)
{
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(NbTrends) trends = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 500);
  cairo_t *cr = cairo_create (surface);
  double times[RUNS];

  for (guint i = 0; i < 5; i++)
    {
      NbReport *copy = nb_report_copy (report);

      nb_report_set_year (copy, 2020 + i);
      g_ptr_array_add (years, copy);
    }
  trends = nb_trends_new (years);
  nb_trends_draw (trends, cr, 800, 500, NULL);
  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      nb_trends_draw (trends, cr, 800, 500, NULL);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, RUNS, sizeof (double), compare_doubles);
  printf ("nb_trends_draw, 5 years at 800 × 500 px: median %.2f ms (max %.2f)\n",
          times[RUNS / 2], times[RUNS - 1]);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A text part holding one 10 000-letter "word", and the hostile report
 * with such a word in every text field. */
static void
bench_long_word (NbReport *report)
{
  g_autoptr(NbReport) one = nb_report_copy (report);
  g_autoptr(NbReport) every = nb_report_new ();
  g_autoptr(NbRender) render = NULL;
  g_autofree char *word = g_strnfill (10000, 'W');
  gint64 start;

  nb_report_insert_part (one, NB_TEXT_OTHER, -1, "（六）", word);
  start = g_get_monotonic_time ();
  render = nb_render_new (one, FALSE);
  printf ("layout with one 10 000-letter word: %.0f ms, %u pages\n",
          (g_get_monotonic_time () - start) / 1000.0, nb_render_get_n_pages (render));
  g_clear_object (&render);

  nb_report_set_organ_field (every, NB_ORGAN_NAME, word);
  nb_report_set_year (every, 2024);
  nb_report_set_preamble (every, word);
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    for (guint p = 0; p < 3; p++)
      nb_report_insert_part (every, s, -1, word, word);
  start = g_get_monotonic_time ();
  render = nb_render_new (every, FALSE);
  printf ("layout with the word in all 20 text fields: %.0f ms, %u pages\n",
          (g_get_monotonic_time () - start) / 1000.0, nb_render_get_n_pages (render));
}

static double
export_once (NbReport *report, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!nb_render_write_pdf (report, FALSE, path, &sha, &error))
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbRender) render = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sample = NULL;
  double times[RUNS];
  double first;
  GStatBuf info;

  if (argc > 1)
    sample = g_strdup (argv[1]);
  else if (g_getenv ("NIANBAO_SAMPLE") != NULL)
    sample = g_strdup (g_getenv ("NIANBAO_SAMPLE"));
  else
    sample = g_build_filename (g_getenv ("G_TEST_SRCDIR") ? g_getenv ("G_TEST_SRCDIR") : "tests",
                               "..", "data", "sample-report.json", NULL);

  report = nb_json_read_file (sample, NULL, &error);
  if (report == NULL)
    {
      fprintf (stderr, "bench-render: %s: %s\n", sample, error->message);
      return EXIT_FAILURE;
    }

  dir = g_dir_make_tmp ("nianbao-bench-render-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "report.pdf", NULL);

  first = export_once (report, path);
  for (guint i = 0; i < RUNS; i++)
    times[i] = export_once (report, path);
  qsort (times, RUNS, sizeof (double), compare_doubles);

  render = nb_render_new (report, FALSE);
  g_stat (path, &info);
  printf ("nb_render_write_pdf, %s: %u pages, %ld bytes\n", sample,
          nb_render_get_n_pages (render), (long) info.st_size);
  printf ("  first export (fonts loaded): %8.1f ms\n", first);
  printf ("  median of %d after it:       %8.1f ms (min %.1f, max %.1f)\n",
          RUNS, times[RUNS / 2], times[0], times[RUNS - 1]);

  bench_chart (report);
  bench_long_word (report);

  g_unlink (path);
  g_rmdir (dir);
  return EXIT_SUCCESS;
}
