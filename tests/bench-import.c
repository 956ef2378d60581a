/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing one report must take no more than 5 ms, so that checking a
 * directory of a thousand published reports stays within seconds. Measures
 * the median of nb_import_text() on our own report in its shapes and, when
 * present, on the published fixtures; fails when a median passes the target.
 */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include "nb-import.h"

#define TARGET_US 5000.0
#define N_RUNS 300

static gint64
now_ns (void)
{
  struct timespec ts;

  timespec_get (&ts, TIME_UTC);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static int
compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Median time of one import of @path over N_RUNS runs, in µs; -1 when the
 * file is absent. */
static double
measure (const char *path)
{
  g_autofree char *text = NULL;
  g_autofree gint64 *times = g_new (gint64, N_RUNS);
  gsize length = 0;

  if (!g_file_get_contents (path, &text, &length, NULL))
    return -1;
  for (guint i = 0; i < N_RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = now_ns ();
      g_autoptr(NbImportResult) result = nb_import_text (text, (gssize) length, &error);

      times[i] = now_ns () - start;
      if (result == NULL || !result->complete)
        g_error ("%s did not import completely: %s", path, error ? error->message : "incomplete");
    }
  qsort (times, N_RUNS, sizeof (gint64), compare_gint64);
  return (double) times[N_RUNS / 2] / 1000.0;
}

int
main (int argc, char **argv)
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  const char *fixtures = g_getenv ("NIANBAO_FIXTURES");
  const char *own[] = { "cells.txt", "rows-bar.txt", "rows-tab.txt", "layout.txt" };
  const char *published[] = { "huaian-2024.txt", "kuangqu-2024.txt" };
  double worst = 0;
  gboolean ok = TRUE;

  if (srcdir == NULL)
    srcdir = ".";
  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    {
      g_autofree char *path = g_build_filename (srcdir, "data", "import", own[i], NULL);
      double median = measure (path);

      if (median < 0)
        g_error ("%s is missing", path);
      printf ("import.text[%s] median_us=%.1f\n", own[i], median);
      worst = MAX (worst, median);
    }
  printf ("import.text median_us=%.1f target_us=%.0f\n", worst, TARGET_US);
  ok = worst <= TARGET_US;

  for (guint i = 0; fixtures != NULL && i < G_N_ELEMENTS (published); i++)
    {
      g_autofree char *path = g_build_filename (fixtures, published[i], NULL);
      double median = measure (path);

      if (median < 0)
        continue;
      printf ("import.fixture[%s] median_us=%.1f target_us=%.0f\n", published[i], median, TARGET_US);
      ok = ok && median <= TARGET_US;
    }
  return ok ? 0 : 1;
}
