/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page flow: the title, the preamble, the text sections and the
 * signature block set on the GB/T 9704 grid (22 lines of 28 characters),
 * the tables placed by nb-render-table.c, every page kept as a list of
 * drawing operations so that the PDF, the printer and the preview draw
 * exactly the same pages.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <cairo-pdf.h>

#include "nb-render-private.h"

typedef enum
{
  OP_LINE,     /* one line of a paragraph, at its baseline origin */
  OP_LAYOUT,   /* a whole layout, at its top left corner */
  OP_RECT,     /* a table cell's border */
  OP_CHART,    /* the trends chart in its rectangle */
} OpKind;

typedef struct
{
  OpKind kind;
  double x, y, width, height;
  PangoLayout *layout;
  PangoLayoutLine *line;   /* owned by layout */
  NbTrends *trends;        /* owned */
} Op;

typedef struct
{
  char *text;
  guint page;
  double y;
} OutlineEntry;

struct _NbRender
{
  GObject parent_instance;

  /* typesetting */
  PangoContext *context;
  PangoFontDescription *fonts[NB_N_FONTS];

  /* the result: a GArray of Op per page, and the PDF bookmarks */
  GPtrArray *pages;
  GArray *outline;

  /* where each section's heading landed */
  guint section_page[NB_N_SECTIONS];
  guint section;

  /* the flow while laying out: points below the top of the text block */
  double y;
};

G_DEFINE_FINAL_TYPE (NbRender, nb_render, G_TYPE_OBJECT)

/* How a paragraph is set. */
typedef struct
{
  NbFont font;
  double pitch;
  gboolean indent;          /* first line two characters in */
  PangoAlignment align;
  gboolean justify;
  gboolean grid;            /* 28 characters to the line */
  guint lead_bytes;         /* this many bytes at the start in lead_font */
  NbFont lead_font;
  double keep_after;        /* points of what follows kept with the last line */
} Para;

/* The title is set a little looser than the body grid. */
#define TITLE_PITCH (NB_LINE_PITCH * 1.25)
#define SEAL_LINES 3

static void
clear_op (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->layout);
  g_clear_pointer (&op->trends, nb_trends_free);
}

static void
clear_outline_entry (gpointer data)
{
  OutlineEntry *entry = data;

  g_clear_pointer (&entry->text, g_free);
}

/* The advance of one character on the grid: 156 mm / 28, a hair under 16 pt. */
static double
grid_advance (void)
{
  return NB_BLOCK_WIDTH / NB_CHARS_PER_LINE;
}

/* Where the baseline of a line of @size points sits in a slot of @pitch:
 * the ideographic em box (0.88 above the baseline, 0.12 below) centred. */
static double
baseline_in_slot (double size, double pitch)
{
  return (pitch - size) / 2.0 + 0.88 * size;
}

static void
add_line_op (NbRender    *self,
             guint        page,
             PangoLayout *layout,
             PangoLayoutLine *line,
             double       x,
             double       baseline)
{
  Op op = { OP_LINE, x, baseline, 0, 0, g_object_ref (layout), line, NULL };

  g_array_append_val ((GArray *) g_ptr_array_index (self->pages, page), op);
}

/* GB/T 9704 §7.5: 4号 figures between two 一字线, 7 mm below the text
 * block, odd pages at the right and even pages at the left, one
 * character in. */
static void
add_page_number (NbRender *self, guint page)
{
  guint number = page + 1;
  g_autofree char *text = g_strdup_printf ("\u2014 %u \u2014", number);
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  double size = nb_fonts_get_size (NB_FONT_PAGE_NUMBER);
  double x;

  layout = nb_render_new_layout (self, NB_FONT_PAGE_NUMBER, 0);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);

  if (number % 2 == 1)
    x = NB_BLOCK_LEFT + NB_BLOCK_WIDTH - size - logical.width / (double) PANGO_SCALE;
  else
    x = NB_BLOCK_LEFT + size;

  add_line_op (self, page, layout, pango_layout_get_line_readonly (layout, 0),
               x, NB_BLOCK_TOP + NB_BLOCK_HEIGHT + 7.0 * NB_MM + 0.35 * size);
}

static void
start_page (NbRender *self)
{
  GArray *ops = g_array_new (FALSE, TRUE, sizeof (Op));

  g_array_set_clear_func (ops, clear_op);
  g_ptr_array_add (self->pages, ops);
  self->y = 0.0;
}

/* Back onto the line grid after something of free height (a table). */
static void
snap_to_grid (NbRender *self)
{
  gint64 lines = (gint64) ((self->y - NB_RENDER_EPSILON) / NB_LINE_PITCH);

  if (lines < 0)
    lines = 0;
  if (lines * NB_LINE_PITCH < self->y - NB_RENDER_EPSILON)
    lines++;
  self->y = lines * NB_LINE_PITCH;
  if (self->y > NB_BLOCK_HEIGHT - NB_RENDER_EPSILON)
    nb_render_break_page (self);
}

static void
add_paragraph (NbRender *self, const char *plain, const Para *para)
{
  guint lead_bytes = para->lead_bytes;
  g_autofree char *text = nb_render_dup_with_break_hints (plain, &lead_bytes);
  g_autoptr(PangoLayout) layout = NULL;
  PangoAttrList *base, *attrs;
  PangoLayoutIter *iter;
  double size = nb_fonts_get_size (para->font);
  double indent = 2.0 * size;
  int spacing = 0;
  int n_lines;

  if (para->grid)
    {
      /* a touch tighter than the type size, so 28 characters fill 156 mm */
      spacing = (int) ((grid_advance () - size) * PANGO_SCALE) - 1;
      indent = 2.0 * grid_advance ();
    }

  base = pango_attr_list_new ();
  pango_attr_list_insert (base, pango_attr_insert_hyphens_new (FALSE));
  if (para->lead_bytes > 0)
    {
      PangoAttribute *lead = pango_attr_font_desc_new (self->fonts[para->lead_font]);

      lead->start_index = 0;
      lead->end_index = lead_bytes;
      pango_attr_list_insert (base, lead);
    }
  attrs = pango_attr_list_copy (base);
  nb_render_add_letter_spacing (attrs, spacing, 0, G_MAXUINT);

  layout = nb_render_new_layout (self, para->font, 0);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_width (layout, (int) (NB_BLOCK_WIDTH * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, para->align);
  if (para->indent)
    pango_layout_set_indent (layout, (int) (indent * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  if (para->justify && para->align == PANGO_ALIGN_LEFT)
    nb_render_justify_lines (layout, base, spacing, size);
  pango_attr_list_unref (base);

  n_lines = pango_layout_get_line_count (layout);
  if (para->keep_after > 0.0
      && n_lines * para->pitch + para->keep_after > nb_render_get_space (self)
      && !nb_render_at_page_top (self))
    nb_render_break_page (self);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      if (nb_render_get_space (self) < para->pitch - NB_RENDER_EPSILON)
        nb_render_break_page (self);

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      add_line_op (self, self->pages->len - 1, layout,
                   pango_layout_iter_get_line_readonly (iter),
                   NB_BLOCK_LEFT + logical.x / (double) PANGO_SCALE,
                   NB_BLOCK_TOP + self->y + baseline_in_slot (size, para->pitch));
      self->y += para->pitch;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* One paragraph per line of @text; blank lines are dropped. */
static void
add_paragraphs (NbRender *self, const char *text, const Para *para)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        add_paragraph (self, lines[i], para);
    }
}

static void
add_body (NbRender *self, const char *text)
{
  const Para body = { NB_FONT_BODY, NB_LINE_PITCH, TRUE, PANGO_ALIGN_LEFT, TRUE, TRUE, 0, 0, 0.0 };

  add_paragraphs (self, text, &body);
}

static void
add_outline_entry (NbRender *self, const char *text)
{
  OutlineEntry entry = { g_strdup (text), self->pages->len - 1, NB_BLOCK_TOP + self->y };

  g_array_append_val (self->outline, entry);
}

/* Organ name, then the year: the way the published reports split it. */
static void
add_title (NbRender *self, NbReport *report)
{
  const Para title = { NB_FONT_TITLE, TITLE_PITCH, FALSE, PANGO_ALIGN_CENTER, FALSE, FALSE, 0, 0, 0.0 };
  const char *organ = nb_report_get_organ_name (report);
  guint number = nb_report_get_year (report);
  g_autofree char *year = number != 0
                          ? g_strdup_printf ("%u" NB_TITLE_SUFFIX, number)
                          : g_strdup ("\u3000\u3000" NB_TITLE_SUFFIX);

  if (organ != NULL && *organ != '\0')
    add_paragraph (self, organ, &title);
  add_paragraph (self, year, &title);
  self->y += NB_LINE_PITCH;
  snap_to_grid (self);
}

/* A part's heading (（一）…) in the 楷体 style: on a line of its own, or
 * run into its first paragraph when it ends a sentence, as in
 * "（一）主动公开情况。2024年，…". */
static void
add_part (NbRender *self, const char *heading, const char *body)
{
  const Para head = {
    NB_FONT_SUBHEADING, NB_LINE_PITCH, TRUE, PANGO_ALIGN_LEFT, TRUE, TRUE, 0, 0, NB_LINE_PITCH
  };
  g_autofree char *stripped = g_strstrip (g_strdup (heading ? heading : ""));
  gboolean run_in = g_str_has_suffix (stripped, "。") || g_str_has_suffix (stripped, "：");

  if (*stripped == '\0')
    {
      add_body (self, body);
      return;
    }

  if (run_in && body != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (body, "\n", 2);
      g_autofree char *first = NULL;
      Para lead = { NB_FONT_BODY, NB_LINE_PITCH, TRUE, PANGO_ALIGN_LEFT, TRUE, TRUE,
                    strlen (stripped), NB_FONT_SUBHEADING, 0.0 };

      if (lines[0] != NULL)
        g_strstrip (lines[0]);
      first = g_strconcat (stripped, lines[0] ? lines[0] : "", NULL);
      add_paragraph (self, first, &lead);
      if (lines[0] != NULL && lines[1] != NULL)
        add_body (self, lines[1]);
      return;
    }

  add_paragraph (self, stripped, &head);
  add_body (self, body);
}

/* GB/T 9704 §7.3.5.1: the date four characters in from the right, the
 * organ centred over it, room above for the seal that overlaps both. */
static void
add_signature (NbRender *self, NbReport *report)
{
  const char *organ = nb_report_get_organ_name (report);
  const char *issued = nb_report_get_issued (report);
  g_autofree char *date = issued ? nb_render_format_date (issued) : NULL;
  g_autoptr(PangoLayout) organ_layout = nb_render_new_layout (self, NB_FONT_BODY, 0);
  g_autoptr(PangoLayout) date_layout = nb_render_new_layout (self, NB_FONT_BODY, 0);
  PangoRectangle organ_rect, date_rect;
  double size = nb_fonts_get_size (NB_FONT_BODY);
  double right = NB_BLOCK_LEFT + NB_BLOCK_WIDTH;
  double date_x, organ_x, centre;
  guint page;

  /* blank for a date still to be written in by hand */
  pango_layout_set_text (date_layout, date ? date : "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日", -1);
  pango_layout_set_text (organ_layout, organ ? organ : "", -1);
  pango_layout_get_extents (date_layout, NULL, &date_rect);
  pango_layout_get_extents (organ_layout, NULL, &organ_rect);

  /* GB/T 9704 would rather tighten than leave the seal alone on a page:
   * one blank line less if that keeps it with the text */
  if (nb_render_get_space (self) >= (SEAL_LINES + 2) * NB_LINE_PITCH - NB_RENDER_EPSILON)
    self->y += SEAL_LINES * NB_LINE_PITCH;
  else if (nb_render_get_space (self) >= (SEAL_LINES + 1) * NB_LINE_PITCH - NB_RENDER_EPSILON)
    self->y += (SEAL_LINES - 1) * NB_LINE_PITCH;
  else
    {
      nb_render_break_page (self);
      self->y += SEAL_LINES * NB_LINE_PITCH;
    }
  page = self->pages->len - 1;

  date_x = right - 4.0 * grid_advance () - date_rect.width / (double) PANGO_SCALE;
  centre = date_x + date_rect.width / (double) PANGO_SCALE / 2.0;
  organ_x = centre - organ_rect.width / (double) PANGO_SCALE / 2.0;
  organ_x = MIN (organ_x, right - organ_rect.width / (double) PANGO_SCALE);
  organ_x = MAX (organ_x, NB_BLOCK_LEFT);

  add_line_op (self, page, organ_layout, pango_layout_get_line_readonly (organ_layout, 0),
               organ_x, NB_BLOCK_TOP + self->y + baseline_in_slot (size, NB_LINE_PITCH));
  self->y += NB_LINE_PITCH;
  add_line_op (self, page, date_layout, pango_layout_get_line_readonly (date_layout, 0),
               date_x, NB_BLOCK_TOP + self->y + baseline_in_slot (size, NB_LINE_PITCH));
  self->y += NB_LINE_PITCH;
}

static void
lay_out (NbRender *self, NbReport *report, const NbRenderOptions *options)
{
  gboolean tables_only = options->tables_only;
  g_autofree char *preamble = NULL;

  start_page (self);
  add_title (self, report);

  if (!tables_only)
    {
      preamble = nb_report_dup_preamble (report);
      add_body (self, preamble);
    }

  for (guint i = 0; i < NB_N_SECTIONS; i++)
    {
      const NbSectionInfo *section = nb_format_section (i);

      self->section = i;
      if (section->kind == NB_SECTION_TABLE)
        {
          nb_render_add_table (self, report, section->table);
          continue;
        }
      if (tables_only)
        continue;

      nb_render_add_heading (self, section->heading, NB_LINE_PITCH);
      for (guint p = 0; p < nb_report_get_n_parts (report, section->text); p++)
        add_part (self, nb_report_get_part_heading (report, section->text, p),
                  nb_report_get_part_body (report, section->text, p));
    }

  if (!tables_only)
    add_signature (self, report);
  if (options->previous != NULL || options->history != NULL)
    nb_render_add_appendix (self, report, options);

  /* last on each page, so that extracted text runs on across pages */
  for (guint i = 0; i < self->pages->len; i++)
    add_page_number (self, i);
}

static void
nb_render_finalize (GObject *object)
{
  NbRender *self = NB_RENDER (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->outline, g_array_unref);
  for (guint i = 0; i < NB_N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (nb_render_parent_class)->finalize (object);
}

static void
nb_render_class_init (NbRenderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_render_finalize;
}

static void
nb_render_init (NbRender *self)
{
  cairo_font_options_t *options;

  /* Unhinted metrics and unrounded positions at 72 dpi: one unit is one
   * PDF point and the layout is the same on every target. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_from_string ("zh-cn"));

  for (guint i = 0; i < NB_N_FONTS; i++)
    self->fonts[i] = nb_fonts_describe (i, 0);

  for (guint i = 0; i < NB_N_SECTIONS; i++)
    self->section_page[i] = G_MAXUINT;
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->outline = g_array_new (FALSE, TRUE, sizeof (OutlineEntry));
  g_array_set_clear_func (self->outline, clear_outline_entry);
}

/* Private API for nb-render-table.c */

/* Never a hyphen where a line breaks inside a word: in a figure it would
 * read as a minus, in a web address as part of it. */
PangoLayout *
nb_render_new_layout (NbRender *self, NbFont font, double size)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  if (size > 0.0 && size != nb_fonts_get_size (font))
    {
      PangoFontDescription *desc = pango_font_description_copy_static (self->fonts[font]);

      pango_font_description_set_size (desc, (int) (size * PANGO_SCALE + 0.5));
      pango_layout_set_font_description (layout, desc);
      pango_font_description_free (desc);
    }
  else
    pango_layout_set_font_description (layout, self->fonts[font]);

  return layout;
}

double
nb_render_get_space (NbRender *self)
{
  return NB_BLOCK_HEIGHT - self->y;
}

gboolean
nb_render_at_page_top (NbRender *self)
{
  return self->y < NB_RENDER_EPSILON;
}

void
nb_render_break_page (NbRender *self)
{
  start_page (self);
}

double
nb_render_get_y (NbRender *self)
{
  return NB_BLOCK_TOP + self->y;
}

void
nb_render_advance (NbRender *self, double height)
{
  self->y += height;
}

guint
nb_render_get_page (NbRender *self)
{
  return self->pages->len - 1;
}

void
nb_render_add_layout (NbRender *self, guint page, PangoLayout *layout, double x, double y)
{
  Op op = { OP_LAYOUT, x, y, 0, 0, g_object_ref (layout), NULL, NULL };

  g_array_append_val ((GArray *) g_ptr_array_index (self->pages, page), op);
}

void
nb_render_add_rect (NbRender *self, guint page, double x, double y, double width, double height)
{
  Op op = { OP_RECT, x, y, width, height, NULL, NULL, NULL };

  g_array_append_val ((GArray *) g_ptr_array_index (self->pages, page), op);
}

void
nb_render_add_chart (NbRender *self, guint page, NbTrends *trends,
                     double x, double y, double width, double height)
{
  Op op = { OP_CHART, x, y, width, height, NULL, NULL, trends };

  g_array_append_val ((GArray *) g_ptr_array_index (self->pages, page), op);
}

void
nb_render_add_plain (NbRender *self, NbFont font, const char *text,
                     PangoAlignment align, gboolean indent, double keep_after)
{
  const Para para = {
    font, NB_LINE_PITCH, indent, align, align == PANGO_ALIGN_LEFT, TRUE, 0, 0, keep_after
  };

  add_paragraph (self, text, &para);
}

void
nb_render_add_bookmark (NbRender *self, const char *text)
{
  add_outline_entry (self, text);
}

/* GB/T 9704 §7.3.3: first-level headings in 黑体, two characters in. */
void
nb_render_add_heading (NbRender *self, const char *text, double keep_after)
{
  const Para heading = {
    NB_FONT_HEADING, NB_LINE_PITCH, TRUE, PANGO_ALIGN_LEFT, TRUE, TRUE, 0, 0,
    MAX (keep_after, NB_RENDER_EPSILON)
  };

  snap_to_grid (self);
  /* the bookmark goes where the heading lands, after any page break */
  if (1 * NB_LINE_PITCH + heading.keep_after > nb_render_get_space (self)
      && !nb_render_at_page_top (self))
    nb_render_break_page (self);
  add_outline_entry (self, text);
  self->section_page[self->section] = self->pages->len - 1;
  add_paragraph (self, text, &heading);
}

/* The sections as PDF bookmarks. */
void
nb_render_add_pdf_outline (NbRender *self, cairo_surface_t *surface)
{
  for (guint i = 0; i < self->outline->len; i++)
    {
      const OutlineEntry *entry = &g_array_index (self->outline, OutlineEntry, i);
      /* whole points: %f would follow the locale's decimal comma */
      g_autofree char *link = g_strdup_printf ("page=%u pos=[%d %d]", entry->page + 1,
                                               (int) NB_BLOCK_LEFT, (int) entry->y);

      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, entry->text, link, 0);
    }
}

/* Public API */

NbRender *
nb_render_new (NbReport *report, gboolean tables_only)
{
  NbRenderOptions options = { tables_only, NULL, NULL };

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  return nb_render_new_full (report, &options);
}

/* @options NULL: the whole report, no appendix. */
NbRender *
nb_render_new_full (NbReport *report, const NbRenderOptions *options)
{
  const NbRenderOptions none = { FALSE, NULL, NULL };
  NbRender *self;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  g_return_val_if_fail (options == NULL || options->previous == NULL
                        || NB_IS_REPORT (options->previous), NULL);

  self = g_object_new (NB_TYPE_RENDER, NULL);
  lay_out (self, report, options != NULL ? options : &none);
  return self;
}

guint
nb_render_get_n_pages (NbRender *self)
{
  g_return_val_if_fail (NB_IS_RENDER (self), 0);
  return self->pages->len;
}

/* The page (from 0) on which section @section (0 … 5, FORMAT.md order)
 * begins, or G_MAXUINT when it was left out (the text sections of a
 * tables-only layout). */
guint
nb_render_get_section_page (NbRender *self, guint section)
{
  g_return_val_if_fail (NB_IS_RENDER (self), G_MAXUINT);
  g_return_val_if_fail (section < NB_N_SECTIONS, G_MAXUINT);
  return self->section_page[section];
}

void
nb_render_draw_page (NbRender *self, cairo_t *cr, guint page)
{
  GArray *ops;

  g_return_if_fail (NB_IS_RENDER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  ops = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < ops->len; i++)
    {
      const Op *op = &g_array_index (ops, Op, i);

      switch (op->kind)
        {
        case OP_LINE:
          cairo_move_to (cr, op->x, op->y);
          pango_cairo_show_layout_line (cr, op->line);
          break;
        case OP_LAYOUT:
          cairo_move_to (cr, op->x, op->y);
          pango_cairo_show_layout (cr, op->layout);
          break;
        case OP_RECT:
          break;
        case OP_CHART:
          cairo_save (cr);
          cairo_translate (cr, op->x, op->y);
          nb_trends_draw (op->trends, cr, op->width, op->height, NULL);
          cairo_restore (cr);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* the form's thin rules, in one path */
  cairo_new_path (cr);
  for (guint i = 0; i < ops->len; i++)
    {
      const Op *op = &g_array_index (ops, Op, i);

      if (op->kind == OP_RECT)
        cairo_rectangle (cr, op->x, op->y, op->width, op->height);
    }
  cairo_set_line_width (cr, 0.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_stroke (cr);

  cairo_restore (cr);
}

char *
nb_render_format_date (const char *iso_date)
{
  unsigned int year, month, day;
  int consumed = 0;

  g_return_val_if_fail (iso_date != NULL, NULL);

  if (sscanf (iso_date, "%4u-%2u-%2u%n", &year, &month, &day, &consumed) != 3
      || iso_date[consumed] != '\0'
      || !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%u年%u月%u日", year, month, day);
}
