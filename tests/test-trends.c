/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The key figures read from an organ's reports over the years, their
 * labels, and the chart: no ink without years, ink in every panel, the
 * same pixels as a reference image within a tolerance that a changed
 * value exceeds.
 *
 * Reference image: NB_UPDATE_REFERENCES=1 meson test trends rewrites
 * tests/data/trends/chart.png; look at it before committing.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <gio/gio.h>

#include "nb-format.h"
#include "nb-report.h"
#include "nb-trends.h"

#define CHART_WIDTH 800
#define CHART_HEIGHT 500

/* A pixel differs when one channel is off by more than this (of 255);
 * the chart differs when more than MAX_PIXELS pixels do. Antialiasing
 * noise stays far below; one value moved by a tenth of its scale moves a
 * dot and two line segments, some hundreds of pixels. */
#define CHANNEL_TOLERANCE 48
#define MAX_PIXELS 60

#define REFERENCE_FONT "Noto Serif CJK SC"

static guint
cell (const char *id)
{
  guint found = nb_format_cell_by_id (id);

  g_assert_cmpuint (found, !=, NB_CELL_NONE);
  return found;
}

/* Every figure filled in from the year, so that each panel has a line. */
static NbReport *
new_report (guint year, gint64 base)
{
  NbReport *report = nb_report_new ();

  nb_report_set_year (report, year);
  for (guint c = 0; c < NB_N_CELLS; c++)
    if (nb_format_cell (c)->kind == NB_CELL_COUNT)
      nb_report_set_figure (report, c, base + (gint64) ((c * 7 + year * 13) % 41));
  return report;
}

static GPtrArray *
new_history (void)
{
  GPtrArray *reports = g_ptr_array_new_with_free_func (g_object_unref);

  /* out of order on purpose */
  g_ptr_array_add (reports, new_report (2022, 30));
  g_ptr_array_add (reports, new_report (2020, 10));
  g_ptr_array_add (reports, new_report (2024, 50));
  g_ptr_array_add (reports, new_report (2021, 20));
  g_ptr_array_add (reports, new_report (2023, 40));
  /* a gap: 行政复议 left blank in 2022 */
  nb_report_clear_figure (g_ptr_array_index (reports, 0), cell ("t4.review.total"));
  return reports;
}

static void
test_values (void)
{
  g_autoptr(GPtrArray) reports = new_history ();
  g_autoptr(NbReport) duplicate = new_report (2023, 9000);
  g_autoptr(NbReport) no_year = new_report (0, 5);
  g_autoptr(NbTrends) trends = NULL;
  g_autoptr(NbTrends) none = nb_trends_new (NULL);
  NbReport *y2024 = g_ptr_array_index (reports, 2);
  gint64 value, expected, a, b;

  /* a second 2023 after the first is ignored, a report without a year too */
  g_ptr_array_add (reports, g_object_ref (duplicate));
  g_ptr_array_add (reports, g_object_ref (no_year));
  trends = nb_trends_new (reports);

  g_assert_cmpuint (nb_trends_get_n_years (none), ==, 0);
  g_assert_cmpuint (nb_trends_get_n_years (trends), ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpuint (nb_trends_get_year (trends, i), ==, 2020 + i);

  /* single cells */
  g_assert_true (nb_trends_get_value (trends, NB_TREND_RECEIVED, 4, &value));
  g_assert_true (nb_report_get_figure (y2024, cell ("t3.new.total"), &expected));
  g_assert_cmpint (value, ==, expected);
  g_assert_true (nb_trends_get_value (trends, NB_TREND_RECEIVED, 3, &value));
  g_assert_cmpint (value, <, 9000);   /* the first 2023, not the duplicate */

  /* the gap is blank, not 0 */
  g_assert_false (nb_trends_get_value (trends, NB_TREND_REVIEWS, 2, &value));
  g_assert_true (nb_trends_get_value (trends, NB_TREND_REVIEWS, 1, &value));

  /* sums: 行政诉讼 of two groups, 现行有效件数 of two rows, 不予公开 of eight rows */
  g_assert_true (nb_report_get_figure (y2024, cell ("t4.suit_direct.total"), &a));
  g_assert_true (nb_report_get_figure (y2024, cell ("t4.suit_after_review.total"), &b));
  g_assert_true (nb_trends_get_value (trends, NB_TREND_SUITS, 4, &value));
  g_assert_cmpint (value, ==, a + b);
  g_assert_true (nb_report_get_figure (y2024, cell ("t2.rules.in_force"), &a));
  g_assert_true (nb_report_get_figure (y2024, cell ("t2.normative.in_force"), &b));
  g_assert_true (nb_trends_get_value (trends, NB_TREND_IN_FORCE, 4, &value));
  g_assert_cmpint (value, ==, a + b);
  expected = 0;
  for (guint r = 0; r < NB_T3_N_ROWS; r++)
    if (g_str_has_prefix (nb_format_t3_row (r)->id, "withheld."))
      {
        g_assert_true (nb_report_get_figure (y2024, nb_format_t3_cell (r, NB_T3_COL_TOTAL), &a));
        expected += a;
      }
  g_assert_true (nb_trends_get_value (trends, NB_TREND_NOT_DISCLOSED, 4, &value));
  g_assert_cmpint (value, ==, expected);

  /* a sum with one part blank counts the other; all blank is a gap */
  nb_report_clear_figure (y2024, cell ("t4.suit_direct.total"));
  g_assert_true (nb_trends_get_value (trends, NB_TREND_SUITS, 4, &value));
  g_assert_true (nb_report_get_figure (y2024, cell ("t4.suit_after_review.total"), &a));
  g_assert_cmpint (value, ==, a);
  nb_report_clear_figure (y2024, cell ("t4.suit_after_review.total"));
  g_assert_false (nb_trends_get_value (trends, NB_TREND_SUITS, 4, &value));

  /* too large to sum is unknown, not wrapped round */
  nb_report_set_figure (y2024, cell ("t2.rules.in_force"), G_MAXINT64 - 1);
  nb_report_set_figure (y2024, cell ("t2.normative.in_force"), 5);
  g_assert_false (nb_trends_get_value (trends, NB_TREND_IN_FORCE, 4, &value));

  /* the same reading for a report on its own, year or not */
  g_assert_true (nb_trend_read_report (NB_TREND_RECEIVED, no_year, &value));
  g_assert_true (nb_report_get_figure (no_year, cell ("t3.new.total"), &expected));
  g_assert_cmpint (value, ==, expected);
}

static void
test_labels (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint t = 0; t < NB_N_TRENDS; t++)
    {
      const char *label = nb_trend_get_label (t);

      g_assert_nonnull (label);
      g_assert_true (g_utf8_validate (label, -1, NULL));
      g_assert_cmpuint (strlen (label), >, 0);
      /* no numbering (一、 （三）) left in front */
      g_assert_false (g_str_has_prefix (label, "（"));
      g_assert_false (g_regex_match_simple ("^[一二三四五六七八九十]、", label, 0, 0));
      g_assert_false (g_hash_table_contains (seen, label));
      g_hash_table_add (seen, (gpointer) label);
    }

  /* the form's own wording */
  g_assert_cmpstr (nb_trend_get_label (NB_TREND_RECEIVED), ==, "本年新收政府信息公开申请数量");
  g_assert_nonnull (strstr (nb_format_t3_row (NB_T3_ROW_NEW)->label,
                            nb_trend_get_label (NB_TREND_RECEIVED)));
  g_assert_cmpstr (nb_trend_get_label (NB_TREND_CARRIED_OUT), ==, "结转下年度继续办理");
  g_assert_cmpstr (nb_trend_get_label (NB_TREND_PARTLY), ==, "部分公开");
  g_assert_cmpstr (nb_trend_get_label (NB_TREND_NOT_DISCLOSED), ==, "不予公开");
  g_assert_cmpstr (nb_trend_get_label (NB_TREND_CANNOT_PROVIDE), ==, "无法提供");
  g_assert_cmpstr (nb_trend_get_label (NB_TREND_NOT_HANDLED), ==, "不予处理");
  g_assert_cmpstr (nb_trend_get_label (NB_TREND_OTHER), ==, "其他处理");
  g_assert_cmpstr (nb_trend_get_label (NB_TREND_REVIEWS), ==, nb_format_t4_group (0)->label);
  g_assert_cmpstr (nb_trend_get_label (NB_TREND_SUITS), ==, nb_format_t4_parent_label ());
  g_assert_true (g_str_has_prefix (nb_trend_get_label (NB_TREND_IN_FORCE), "现行有效件数"));
  /* the same pointer every time */
  g_assert_true (nb_trend_get_label (NB_TREND_OTHER) == nb_trend_get_label (NB_TREND_OTHER));
}

/* Drawing */

static gboolean
have_font (const char *family)
{
  FcPattern *pattern = FcPatternCreate ();
  FcObjectSet *objects = FcObjectSetBuild (FC_FAMILY, NULL);
  FcFontSet *found;
  gboolean have;

  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  found = FcFontList (NULL, pattern, objects);
  have = found != NULL && found->nfont > 0;
  if (found != NULL)
    FcFontSetDestroy (found);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);
  return have;
}

/* The chart on white paper, in black. */
static cairo_surface_t *
draw (NbTrends *trends, int width, int height, const char *family)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  nb_trends_draw (trends, cr, width, height, family);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface, int x, int y)
{
  const unsigned char *row = cairo_image_surface_get_data (surface)
                             + y * cairo_image_surface_get_stride (surface);

  return ((const guint32 *) (gconstpointer) row)[x] & 0xffffff;
}

/* Pixels not white in the rectangle. */
static guint
count_ink (cairo_surface_t *surface, int x0, int y0, int x1, int y1)
{
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (pixel (surface, x, y) != 0xffffff)
        n++;
  return n;
}

/* Pixels with a channel off by more than CHANNEL_TOLERANCE; G_MAXUINT
 * when the sizes differ. */
static guint
count_different (cairo_surface_t *a, cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  guint n = 0;

  if (width != cairo_image_surface_get_width (b) || height != cairo_image_surface_get_height (b))
    return G_MAXUINT;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pa = pixel (a, x, y), pb = pixel (b, x, y);

        for (int shift = 0; shift < 24; shift += 8)
          if (ABS ((int) ((pa >> shift) & 0xff) - (int) ((pb >> shift) & 0xff)) > CHANNEL_TOLERANCE)
            {
              n++;
              break;
            }
      }
  return n;
}

static void
test_no_years (void)
{
  g_autoptr(NbTrends) trends = nb_trends_new (NULL);
  g_autoptr(GPtrArray) reports = new_history ();
  g_autoptr(NbTrends) some = nb_trends_new (reports);
  cairo_surface_t *surface = draw (trends, 200, 100, NULL);

  g_assert_cmpuint (count_ink (surface, 0, 0, 200, 100), ==, 0);
  cairo_surface_destroy (surface);

  /* a rectangle of nothing draws nothing either, without complaint */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 10, 10);
  {
    cairo_t *cr = cairo_create (surface);

    nb_trends_draw (some, cr, 0, 0, NULL);
    nb_trends_draw (some, cr, -5, 30, NULL);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
  }
  cairo_surface_destroy (surface);
}

/* 800 × 500 is four panels across, three down: each has its ink, a
 * panel's own box, nothing in the gutters' middle. */
static void
test_ink_per_panel (void)
{
  g_autoptr(GPtrArray) reports = new_history ();
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(NbTrends) trends = nb_trends_new (reports);
  g_autoptr(NbTrends) single = NULL;
  cairo_surface_t *surface = draw (trends, CHART_WIDTH, CHART_HEIGHT, NULL);
  int panel_w = CHART_WIDTH / 4, panel_h = CHART_HEIGHT / 3;
  guint total = count_ink (surface, 0, 0, CHART_WIDTH, CHART_HEIGHT);

  for (int row = 0; row < 3; row++)
    for (int col = 0; col < 4; col++)
      {
        guint ink = count_ink (surface, col * panel_w + 10, row * panel_h + 10,
                               (col + 1) * panel_w - 20, (row + 1) * panel_h - 20);

        /* a label, a scale, years and a line: far more than a stray mark */
        g_assert_cmpuint (ink, >, 600);
      }
  /* ink is not everywhere: the paper shows */
  g_assert_cmpuint (total, <, CHART_WIDTH * CHART_HEIGHT / 4);
  cairo_surface_destroy (surface);

  /* one year: dots and labels, still in every panel */
  g_ptr_array_add (one, new_report (2024, 50));
  single = nb_trends_new (one);
  surface = draw (single, CHART_WIDTH, CHART_HEIGHT, NULL);
  for (int row = 0; row < 3; row++)
    for (int col = 0; col < 4; col++)
      g_assert_cmpuint (count_ink (surface, col * panel_w, row * panel_h,
                                   (col + 1) * panel_w, (row + 1) * panel_h), >, 500);
  cairo_surface_destroy (surface);
}

/* The ink follows the source colour: white on a dark widget. */
static void
test_ink_colour (void)
{
  g_autoptr(GPtrArray) reports = new_history ();
  g_autoptr(NbTrends) trends = nb_trends_new (reports);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
  cairo_t *cr = cairo_create (surface);
  guint red = 0, other = 0;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 1, 0, 0);
  nb_trends_draw (trends, cr, 400, 300, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < 300; y++)
    for (int x = 0; x < 400; x++)
      {
        guint32 p = pixel (surface, x, y);

        if (p == 0xffffff)
          continue;
        /* red on white: the red channel stays full */
        if (((p >> 16) & 0xff) == 0xff)
          red++;
        else
          other++;
      }
  g_assert_cmpuint (red, >, 1000);
  g_assert_cmpuint (other, ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_deterministic (void)
{
  g_autoptr(GPtrArray) reports = new_history ();
  g_autoptr(NbTrends) trends = nb_trends_new (reports);
  cairo_surface_t *a = draw (trends, CHART_WIDTH, CHART_HEIGHT, NULL);
  cairo_surface_t *b = draw (trends, CHART_WIDTH, CHART_HEIGHT, NULL);
  int stride = cairo_image_surface_get_stride (a);

  g_assert_cmpmem (cairo_image_surface_get_data (a), stride * CHART_HEIGHT,
                   cairo_image_surface_get_data (b), stride * CHART_HEIGHT);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_reference (void)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(NbTrends) trends = NULL;
  g_autofree char *reference = g_test_build_filename (G_TEST_DIST, "data", "trends", "chart.png", NULL);
  cairo_surface_t *drawn, *expected, *changed;
  guint differing;
  gint64 value;

  if (!have_font (REFERENCE_FONT))
    {
      g_test_skip ("the Noto CJK fonts (fonts-noto-cjk) are not installed");
      return;
    }

  reports = new_history ();
  trends = nb_trends_new (reports);
  drawn = draw (trends, CHART_WIDTH, CHART_HEIGHT, REFERENCE_FONT);

  if (g_strcmp0 (g_getenv ("NB_UPDATE_REFERENCES"), "1") == 0)
    {
      g_assert_cmpint (cairo_surface_write_to_png (drawn, reference), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", reference);
      cairo_surface_destroy (drawn);
      return;
    }

  expected = cairo_image_surface_create_from_png (reference);
  if (cairo_surface_status (expected) != CAIRO_STATUS_SUCCESS)
    g_error ("cannot read %s (NB_UPDATE_REFERENCES=1 writes it)", reference);
  differing = count_different (drawn, expected);
  g_test_message ("%u pixels differ from the reference", differing);
  if (differing > MAX_PIXELS)
    {
      g_autofree char *path = g_build_filename (g_get_tmp_dir (), "nianbao-trends-chart.png", NULL);

      cairo_surface_write_to_png (drawn, path);
      g_error ("the chart differs from %s in %u pixels (at most %u); it was drawn to %s "
               "(NB_UPDATE_REFERENCES=1 writes the reference)", reference, differing, MAX_PIXELS, path);
    }

  /* the comparison sees a value changed by a tenth of its panel's scale */
  g_assert_true (nb_report_get_figure (g_ptr_array_index (reports, 3),
                                       cell ("t3.disclosed.total"), &value));
  nb_report_set_figure (g_ptr_array_index (reports, 3), cell ("t3.disclosed.total"), value + 10);
  changed = draw (trends, CHART_WIDTH, CHART_HEIGHT, REFERENCE_FONT);
  g_assert_cmpuint (count_different (changed, expected), >, MAX_PIXELS);
  /* and a size changed */
  cairo_surface_destroy (changed);
  changed = draw (trends, CHART_WIDTH - 1, CHART_HEIGHT, REFERENCE_FONT);
  g_assert_cmpuint (count_different (changed, expected), ==, G_MAXUINT);

  cairo_surface_destroy (changed);
  cairo_surface_destroy (expected);
  cairo_surface_destroy (drawn);
}

/* Fast enough to redraw in a widget: five years at 800 × 500. */
static void
test_speed (void)
{
  g_autoptr(GPtrArray) reports = new_history ();
  g_autoptr(NbTrends) trends = nb_trends_new (reports);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, CHART_WIDTH, CHART_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  gint64 best = G_MAXINT64;

  for (guint i = 0; i < 10; i++)
    {
      gint64 start = g_get_monotonic_time ();

      nb_trends_draw (trends, cr, CHART_WIDTH, CHART_HEIGHT, NULL);
      best = MIN (best, g_get_monotonic_time () - start);
    }
  g_test_message ("nb_trends_draw, 5 years at 800 × 500: best of 10 %.2f ms", best / 1000.0);
  /* the goal is 5 ms; a machine busy with other work gets some room */
  g_assert_cmpint (best, <, 50 * 1000);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trends/values", test_values);
  g_test_add_func ("/trends/labels", test_labels);
  g_test_add_func ("/trends/no-years", test_no_years);
  g_test_add_func ("/trends/ink-per-panel", test_ink_per_panel);
  g_test_add_func ("/trends/ink-colour", test_ink_colour);
  g_test_add_func ("/trends/deterministic", test_deterministic);
  g_test_add_func ("/trends/reference", test_reference);
  g_test_add_func ("/trends/speed", test_speed);

  return g_test_run ();
}
