/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The key figures of one organ over the years, read from its reports, and
 * the small multiples that show them: one panel per figure, all on the
 * same years, each with its own scale from 0.
 */
#include "config.h"

#include <string.h>

#include <pango/pangocairo.h>

#include "nb-fonts.h"
#include "nb-trends.h"

struct NbTrends
{
  GPtrArray *reports;   /* NbReport, one per year, ascending */
};

/* Where a key figure comes from: the sum of some cells, or of the total
 * column of every table-三 row whose id starts with @t3_prefix. */
typedef struct
{
  const char *cells[3];
  const char *t3_prefix;
} TrendSource;

static const TrendSource sources[NB_N_TRENDS] = {
  [NB_TREND_RECEIVED] = { { "t3.new.total" }, NULL },
  [NB_TREND_CARRIED_IN] = { { "t3.carried_in.total" }, NULL },
  [NB_TREND_CARRIED_OUT] = { { "t3.carried_out.total" }, NULL },
  [NB_TREND_DISCLOSED] = { { "t3.disclosed.total" }, NULL },
  [NB_TREND_PARTLY] = { { "t3.partial.total" }, NULL },
  [NB_TREND_NOT_DISCLOSED] = { { NULL }, "withheld." },
  [NB_TREND_CANNOT_PROVIDE] = { { NULL }, "unavailable." },
  [NB_TREND_NOT_HANDLED] = { { NULL }, "rejected." },
  [NB_TREND_OTHER] = { { NULL }, "other." },
  [NB_TREND_REVIEWS] = { { "t4.review.total" }, NULL },
  [NB_TREND_SUITS] = { { "t4.suit_direct.total", "t4.suit_after_review.total" }, NULL },
  [NB_TREND_IN_FORCE] = { { "t2.rules.in_force", "t2.normative.in_force" }, NULL },
};

static gint
compare_years (gconstpointer a, gconstpointer b)
{
  guint year_a = nb_report_get_year (*(NbReport **) a);
  guint year_b = nb_report_get_year (*(NbReport **) b);

  return year_a < year_b ? -1 : year_a > year_b;
}

NbTrends *
nb_trends_new (GPtrArray *reports)
{
  NbTrends *trends = g_new0 (NbTrends, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  trends->reports = g_ptr_array_new_with_free_func (g_object_unref);
  if (reports == NULL)
    return trends;

  for (guint i = 0; i < reports->len; i++)
    {
      NbReport *report = g_ptr_array_index (reports, i);
      guint year;

      g_return_val_if_fail (NB_IS_REPORT (report), trends);
      year = nb_report_get_year (report);
      /* a report without a year has no place on the axis */
      if (year == 0 || g_hash_table_contains (seen, GUINT_TO_POINTER (year)))
        continue;
      g_hash_table_add (seen, GUINT_TO_POINTER (year));
      g_ptr_array_add (trends->reports, g_object_ref (report));
    }
  g_ptr_array_sort (trends->reports, compare_years);
  return trends;
}

void
nb_trends_free (NbTrends *trends)
{
  if (trends == NULL)
    return;
  g_ptr_array_unref (trends->reports);
  g_free (trends);
}

guint
nb_trends_get_n_years (NbTrends *trends)
{
  g_return_val_if_fail (trends != NULL, 0);
  return trends->reports->len;
}

guint
nb_trends_get_year (NbTrends *trends, guint index)
{
  g_return_val_if_fail (trends != NULL, 0);
  g_return_val_if_fail (index < trends->reports->len, 0);
  return nb_report_get_year (g_ptr_array_index (trends->reports, index));
}

/* Blank cells add nothing; the sum is blank only when every cell is, and
 * unknown (FALSE) when it would overflow. */
static gboolean
add_cell (NbReport *report, guint cell, gboolean *any, gint64 *sum)
{
  gint64 value;

  if (cell == NB_CELL_NONE || !nb_report_get_figure (report, cell, &value))
    return TRUE;
  if (value > 0 && *sum > G_MAXINT64 - value)
    return FALSE;
  if (value < 0 && *sum < G_MININT64 - value)
    return FALSE;
  *sum += value;
  *any = TRUE;
  return TRUE;
}

gboolean
nb_trends_get_value (NbTrends *trends, NbTrend trend, guint index, gint64 *value)
{
  g_return_val_if_fail (trends != NULL, FALSE);
  g_return_val_if_fail (trend < NB_N_TRENDS, FALSE);
  g_return_val_if_fail (index < trends->reports->len, FALSE);

  return nb_trend_read_report (trend, g_ptr_array_index (trends->reports, index), value);
}

gboolean
nb_trend_read_report (NbTrend trend, NbReport *report, gint64 *value)
{
  const TrendSource *source;
  gboolean any = FALSE;
  gint64 sum = 0;

  g_return_val_if_fail (trend < NB_N_TRENDS, FALSE);
  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);

  source = &sources[trend];

  for (guint i = 0; i < G_N_ELEMENTS (source->cells) && source->cells[i] != NULL; i++)
    if (!add_cell (report, nb_format_cell_by_id (source->cells[i]), &any, &sum))
      return FALSE;

  if (source->t3_prefix != NULL)
    for (guint row = 0; row < NB_T3_N_ROWS; row++)
      if (g_str_has_prefix (nb_format_t3_row (row)->id, source->t3_prefix)
          && !add_cell (report, nb_format_t3_cell (row, NB_T3_COL_TOTAL), &any, &sum))
        return FALSE;

  if (any && value != NULL)
    *value = sum;
  return any;
}

/* "（二）部分公开（区分处理的，…）" → "部分公开": the form's own wording
 * without its numbering and its notes. */
static char *
dup_bare_label (const char *label)
{
  const char *start = label;
  const char *sep = strstr (label, "、");
  const char *note;
  char *bare;

  if (sep != NULL && g_utf8_strlen (label, sep - label) <= 2)
    start = sep + strlen ("、");
  else if (g_str_has_prefix (label, "（") && (sep = strstr (label, "）")) != NULL
           && g_utf8_strlen (label, sep - label) <= 3)
    start = sep + strlen ("）");

  bare = g_strdup (start);
  note = strstr (bare, "（");
  if (note != NULL && note > bare && g_str_has_suffix (bare, "）"))
    bare[note - bare] = '\0';
  return bare;
}

static const char *
find_t3_label (const char *row_id, gboolean inner)
{
  for (guint row = 0; row < NB_T3_N_ROWS; row++)
    {
      const NbT3Row *info = nb_format_t3_row (row);

      if (inner ? g_str_has_prefix (info->id, row_id) : strcmp (info->id, row_id) == 0)
        return inner ? info->inner : info->label;
    }
  g_return_val_if_reached ("");
}

static const char *const *
build_labels (void)
{
  static const char *labels[NB_N_TRENDS];
  const NbT2Block *docs = nb_format_t2_block (0);
  g_autofree char *in_force = NULL;

  labels[NB_TREND_RECEIVED] = dup_bare_label (find_t3_label ("new", FALSE));
  labels[NB_TREND_CARRIED_IN] = dup_bare_label (find_t3_label ("carried_in", FALSE));
  labels[NB_TREND_CARRIED_OUT] = dup_bare_label (find_t3_label ("carried_out", FALSE));
  labels[NB_TREND_DISCLOSED] = dup_bare_label (find_t3_label ("disclosed", FALSE));
  labels[NB_TREND_PARTLY] = dup_bare_label (find_t3_label ("partial", FALSE));
  labels[NB_TREND_NOT_DISCLOSED] = dup_bare_label (find_t3_label ("withheld.", TRUE));
  labels[NB_TREND_CANNOT_PROVIDE] = dup_bare_label (find_t3_label ("unavailable.", TRUE));
  labels[NB_TREND_NOT_HANDLED] = dup_bare_label (find_t3_label ("rejected.", TRUE));
  labels[NB_TREND_OTHER] = dup_bare_label (find_t3_label ("other.", TRUE));
  labels[NB_TREND_REVIEWS] = g_strdup (nb_format_t4_group (0)->label);
  labels[NB_TREND_SUITS] = g_strdup (nb_format_t4_parent_label ());
  /* 现行有效件数（规章、行政规范性文件）: the column of the two rows summed */
  labels[NB_TREND_IN_FORCE] = g_strdup_printf ("%s（%s、%s）", docs->column_labels[2],
                                               docs->rows[0].label, docs->rows[1].label);
  return labels;
}

const char *
nb_trend_get_label (NbTrend trend)
{
  static const char *const *labels;

  g_return_val_if_fail (trend < NB_N_TRENDS, NULL);

  if (g_once_init_enter (&labels))
    g_once_init_leave (&labels, build_labels ());
  return labels[trend];
}

/* Drawing */

typedef struct
{
  PangoContext *context;
  PangoFontDescription *font;
  double r, g, b, a;            /* the ink: @cr's source colour */
  double text_size;
} Painter;

/* What one panel shows, laid out before any is drawn so that every panel
 * gets the same margins: the plots line up and share their year ticks. */
typedef struct
{
  PangoLayout *title;
  PangoLayout *top;             /* the rounded maximum of the scale */
  PangoLayout *latest;          /* the value of the last filled-in year, or NULL */
  gint64 scale;
  guint last;                   /* index of that year, G_MAXUINT: none */
} Panel;

/* The shared frame of the panels, relative to a panel's top left corner. */
typedef struct
{
  double left, right, top, bottom;
  double tick_h;
  guint step;                   /* every step-th year labelled */
} Frame;

/* nb_fonts_describe asks fontconfig for every entry: once per family list,
 * not once per redraw. */
static PangoFontDescription *
dup_body_font (void)
{
  static GMutex lock;
  static const char *cached_family;
  static PangoFontDescription *cached;
  const char *family = nb_fonts_get_family (NB_FONT_BODY);
  PangoFontDescription *result;

  g_mutex_lock (&lock);
  if (cached == NULL || family != cached_family)
    {
      g_clear_pointer (&cached, pango_font_description_free);
      cached = nb_fonts_describe (NB_FONT_BODY, 0);
      cached_family = family;
    }
  result = pango_font_description_copy (cached);
  g_mutex_unlock (&lock);
  return result;
}

static PangoLayout *
new_text (Painter *painter, const char *text, double size, gboolean bold)
{
  PangoLayout *layout = pango_layout_new (painter->context);
  PangoFontDescription *desc = pango_font_description_copy_static (painter->font);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
get_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

static double
get_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

static void
set_ink (cairo_t *cr, const Painter *painter, double alpha)
{
  cairo_set_source_rgba (cr, painter->r, painter->g, painter->b, painter->a * alpha);
}

static void
show_at (cairo_t *cr, PangoLayout *layout, double x, double y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The least of 1, 2, 3, 4, 5, 6, 8 × 10^k not below @value. */
static gint64
round_up_scale (gint64 value)
{
  static const int steps[] = { 1, 2, 3, 4, 5, 6, 8 };
  gint64 power = 1;

  if (value <= 0)
    return 1;
  for (;;)
    {
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        if (steps[i] * power >= value)
          return steps[i] * power;
      if (power > G_MAXINT64 / 100)
        return value;
      power *= 10;
    }
}

static void
prepare_panel (NbTrends *trends, Painter *painter, NbTrend trend, double width, Panel *panel)
{
  double size = painter->text_size;
  gint64 max_value = 0, latest = 0;
  char text[32];
  double title_w;

  panel->last = G_MAXUINT;
  for (guint i = 0; i < trends->reports->len; i++)
    {
      gint64 value;

      if (nb_trends_get_value (trends, trend, i, &value))
        {
          max_value = MAX (max_value, value);
          latest = value;
          panel->last = i;
        }
    }
  panel->scale = round_up_scale (max_value);
  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, panel->scale);
  panel->top = new_text (painter, text, size * 0.8, FALSE);
  if (panel->last != G_MAXUINT)
    {
      g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, latest);
      panel->latest = new_text (painter, text, size, TRUE);
    }

  /* the label across the top: a long one set a little smaller, then
   * shortened with … if the panel is still too narrow */
  panel->title = new_text (painter, nb_trend_get_label (trend), size, FALSE);
  title_w = get_width (panel->title);
  if (title_w > width)
    {
      g_object_unref (panel->title);
      panel->title = new_text (painter, nb_trend_get_label (trend),
                               MAX (size * width / title_w, size * 0.8), FALSE);
    }
  pango_layout_set_width (panel->title, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (panel->title, PANGO_ELLIPSIZE_END);
}

static void
clear_panel (Panel *panel)
{
  g_clear_object (&panel->title);
  g_clear_object (&panel->top);
  g_clear_object (&panel->latest);
}

/* Room at the left for the widest scale, at the right for the widest
 * latest value (written right of its dot, clear of line and rules). */
static gboolean
frame_panels (const Panel *panels, PangoLayout **years, guint n_years, const Painter *painter,
              double width, double height, Frame *frame)
{
  double size = painter->text_size;
  double tick_size = size * 0.8;
  double left = 0.0, right = tick_size * 2.0, title_h = 0.0, latest_h = 0.0;
  double widest_year = 0.0, span;

  for (guint t = 0; t < NB_N_TRENDS; t++)
    {
      left = MAX (left, get_width (panels[t].top));
      title_h = MAX (title_h, get_height (panels[t].title));
      if (panels[t].latest != NULL)
        {
          right = MAX (right, get_width (panels[t].latest) + size * 0.4);
          latest_h = MAX (latest_h, get_height (panels[t].latest));
        }
    }
  frame->tick_h = get_height (panels[0].top);
  frame->left = left + tick_size * 0.5;
  frame->right = width - right;
  frame->top = title_h + MAX (latest_h, frame->tick_h) / 2.0 + size * 0.3;
  frame->bottom = height - frame->tick_h * 1.3;
  if (frame->right - frame->left < 4.0 || frame->bottom - frame->top < 4.0)
    return FALSE;

  /* every step-th year from the last back, so the latest always shows */
  for (guint i = 0; i < n_years; i++)
    widest_year = MAX (widest_year, get_width (years[i]));
  span = frame->right - frame->left - tick_size;
  frame->step = n_years;
  for (guint step = 1; step < n_years; step++)
    if (span / (n_years - 1) * step >= widest_year * 1.15)
      {
        frame->step = step;
        break;
      }
  return TRUE;
}

static double
year_x (const Frame *frame, guint n_years, guint index, double tick_size)
{
  if (n_years == 1)
    return (frame->left + frame->right) / 2.0;
  return frame->left + tick_size / 2.0
         + (frame->right - frame->left - tick_size) * index / (n_years - 1);
}

static void
draw_panel (NbTrends *trends, cairo_t *cr, const Painter *painter, NbTrend trend,
            const Panel *panel, const Frame *frame, PangoLayout **years,
            double x, double y, double width)
{
  guint n_years = trends->reports->len;
  double size = painter->text_size;
  double tick_size = size * 0.8;
  double left = x + frame->left, right = x + frame->right;
  double top = y + frame->top, bottom = y + frame->bottom;
  gboolean pen_down = FALSE;

  set_ink (cr, painter, 1.0);
  show_at (cr, panel->title, x, y);

  /* the scale: 0 and the rounded maximum, with light rules across */
  cairo_set_line_width (cr, MAX (size / 20.0, 0.4));
  set_ink (cr, painter, 0.25);
  cairo_move_to (cr, left, top);
  cairo_line_to (cr, right, top);
  cairo_stroke (cr);
  set_ink (cr, painter, 0.6);
  cairo_move_to (cr, left, bottom);
  cairo_line_to (cr, right, bottom);
  cairo_stroke (cr);

  set_ink (cr, painter, 0.7);
  show_at (cr, panel->top, left - tick_size * 0.3 - get_width (panel->top),
           top - frame->tick_h / 2.0);
  show_at (cr, years[n_years], left - tick_size * 0.3 - get_width (years[n_years]),
           bottom - frame->tick_h / 2.0);

  /* the years under the axis */
  for (guint i = 0; i < n_years; i++)
    if ((n_years - 1 - i) % frame->step == 0)
      {
        double year_w = get_width (years[i]);

        show_at (cr, years[i],
                 CLAMP (x + year_x (frame, n_years, i, tick_size) - year_w / 2.0,
                        x, x + width - year_w),
                 bottom + frame->tick_h * 0.15);
      }

  /* the line, broken where a year is blank, then a dot on every year */
  set_ink (cr, painter, 1.0);
  cairo_set_line_width (cr, MAX (size / 8.0, 1.0));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n_years; i++)
        {
          gint64 value;
          double px, py;

          if (!nb_trends_get_value (trends, trend, i, &value))
            {
              if (pen_down)
                cairo_stroke (cr);
              pen_down = FALSE;
              continue;
            }
          px = x + year_x (frame, n_years, i, tick_size);
          py = bottom - (bottom - top) * ((double) MAX (value, 0) / (double) panel->scale);

          if (pass == 1)
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, px, py, MAX (size / 4.0, 1.5), 0, 2 * G_PI);
              cairo_fill (cr);
              if (i == panel->last)
                show_at (cr, panel->latest,
                         MIN (px + size * 0.4, x + width - get_width (panel->latest)),
                         py - get_height (panel->latest) / 2.0);
            }
          else if (pen_down)
            cairo_line_to (cr, px, py);
          else
            {
              cairo_move_to (cr, px, py);
              pen_down = TRUE;
            }
        }
      if (pen_down)
        cairo_stroke (cr);
      pen_down = FALSE;
    }
}

void
nb_trends_draw (NbTrends   *trends,
                cairo_t    *cr,
                double      width,
                double      height,
                const char *font_family)
{
  guint n_years, columns = 1, rows;
  double best = G_MAXDOUBLE, gap, panel_w, panel_h;
  g_autofree PangoLayout **years = NULL;
  Panel panels[NB_N_TRENDS] = { { 0 } };
  Frame frame;
  cairo_font_options_t *options;
  Painter painter = { NULL, NULL, 0, 0, 0, 1, 0 };

  g_return_if_fail (trends != NULL);
  g_return_if_fail (cr != NULL);

  n_years = trends->reports->len;
  if (n_years == 0 || !(width > 0.0) || !(height > 0.0))
    return;

  /* as many columns as make the panels about half again as wide as high */
  for (guint c = 1; c <= NB_N_TRENDS; c++)
    {
      guint r = (NB_N_TRENDS + c - 1) / c;
      double ratio = (width / c) / (height / r);
      double off = MAX (ratio / 1.5, 1.5 / ratio);

      if (off < best)
        {
          best = off;
          columns = c;
        }
    }
  rows = (NB_N_TRENDS + columns - 1) / columns;
  gap = MIN (width / columns, height / rows) * 0.12;
  panel_w = (width - gap * (columns - 1)) / columns;
  panel_h = (height - gap * (rows - 1)) / rows;

  cairo_save (cr);
  if (cairo_pattern_get_rgba (cairo_get_source (cr), &painter.r, &painter.g, &painter.b,
                              &painter.a) != CAIRO_STATUS_SUCCESS)
    {
      painter.r = painter.g = painter.b = 0.0;
      painter.a = 1.0;
    }

  /* one unit of text is one unit of @cr, unhinted, the same on every target */
  painter.context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (painter.context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (painter.context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (painter.context, pango_language_from_string ("zh-cn"));

  if (font_family != NULL && *font_family != '\0')
    {
      painter.font = pango_font_description_new ();
      pango_font_description_set_family (painter.font, font_family);
    }
  else
    painter.font = dup_body_font ();
  painter.text_size = CLAMP (MIN (panel_h / 9.0, panel_w / 11.0), 5.0, 14.0);

  /* the years, then "0" for the foot of every scale */
  years = g_new0 (PangoLayout *, n_years + 1);
  for (guint i = 0; i <= n_years; i++)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%u", i < n_years ? nb_trends_get_year (trends, i) : 0);
      years[i] = new_text (&painter, text, painter.text_size * 0.8, FALSE);
    }

  for (guint t = 0; t < NB_N_TRENDS; t++)
    prepare_panel (trends, &painter, t, panel_w, &panels[t]);

  if (frame_panels (panels, years, n_years, &painter, panel_w, panel_h, &frame))
    for (guint t = 0; t < NB_N_TRENDS; t++)
      draw_panel (trends, cr, &painter, t, &panels[t], &frame, years,
                  (t % columns) * (panel_w + gap), (t / columns) * (panel_h + gap), panel_w);

  for (guint t = 0; t < NB_N_TRENDS; t++)
    clear_panel (&panels[t]);
  for (guint i = 0; i <= n_years; i++)
    g_object_unref (years[i]);
  pango_font_description_free (painter.font);
  g_object_unref (painter.context);
  cairo_restore (cr);
}
