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

#define RUNS 15

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
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

  g_unlink (path);
  g_rmdir (dir);
  return EXIT_SUCCESS;
}
