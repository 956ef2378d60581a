/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import and export of one full report (the shipped sample): the median of
 * some hundreds of runs, against the budget of an interactive "Open"/"Save".
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "nb-json.h"

#define N_RUNS 500
#define TARGET_IMPORT_US 2000
#define TARGET_EXPORT_US 2000

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *samples, guint n)
{
  qsort (samples, n, sizeof *samples, compare_doubles);
  return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

static gboolean
report (const char *name, double *samples, guint n, int target_us)
{
  double med = median (samples, n);

  printf ("%s median_us=%.1f min_us=%.1f max_us=%.1f runs=%u target_us=%d%s\n",
          name, med, samples[0], samples[n - 1], n, target_us,
          med <= target_us ? "" : " OVER-TARGET");
  return med <= target_us;
}

int
main (int argc, char *argv[])
{
  const char *path = g_getenv ("NIANBAO_SAMPLE");
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) sample = NULL;
  gsize length = 0;
  double import_us[N_RUNS];
  double export_us[N_RUNS];
  gsize written = 0;
  gboolean ok = TRUE;

  if (argc > 1)
    path = argv[1];
  if (path == NULL)
    {
      fprintf (stderr, "usage: %s SAMPLE.json (or set NIANBAO_SAMPLE)\n", argv[0]);
      return 2;
    }
  if (!g_file_get_contents (path, &data, &length, &error) ||
      (sample = nb_json_read (data, (gssize) length, NULL, &error)) == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(NbReport) report = nb_json_read (data, (gssize) length, NULL, NULL);

      import_us[i] = (double) (g_get_monotonic_time () - start);
      g_assert (report != NULL);
    }

  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autofree char *out = nb_json_write (sample);

      export_us[i] = (double) (g_get_monotonic_time () - start);
      written = strlen (out);
    }

  printf ("json.bytes in=%" G_GSIZE_FORMAT " out=%" G_GSIZE_FORMAT "\n", length, written);
  ok &= report ("json.import", import_us, N_RUNS, TARGET_IMPORT_US);
  ok &= report ("json.export", export_us, N_RUNS, TARGET_EXPORT_US);
  return ok ? 0 : 1;
}
