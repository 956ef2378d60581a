/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the page flow (nb-render.c) offers the table layout
 * (nb-render-table.c). Not installed, not for other units.
 */
#pragma once

#include <pango/pangocairo.h>

#include "nb-fonts.h"
#include "nb-render.h"
#include "nb-trends.h"

G_BEGIN_DECLS

/* GB/T 9704-2012 §5.2: A4, text block 156 × 225 mm, top margin 37 mm, left
 * 28 mm; 22 lines of 28 characters in 3号 type. */
#define NB_MM (72.0 / 25.4)
#define NB_BLOCK_TOP (37.0 * NB_MM)
#define NB_BLOCK_LEFT (28.0 * NB_MM)
#define NB_BLOCK_WIDTH (156.0 * NB_MM)
#define NB_BLOCK_HEIGHT (225.0 * NB_MM)
#define NB_LINES_PER_PAGE 22
#define NB_CHARS_PER_LINE 28
#define NB_LINE_PITCH (NB_BLOCK_HEIGHT / NB_LINES_PER_PAGE)

/* Slack for comparing sums of heights against the page. */
#define NB_RENDER_EPSILON 0.01

PangoLayout *nb_render_new_layout     (NbRender    *self,
                                       NbFont       font,
                                       double       size);
/* The flow: a position below the top of the text block on the current
 * page. */
double       nb_render_get_space      (NbRender    *self);
gboolean     nb_render_at_page_top    (NbRender    *self);
void         nb_render_break_page     (NbRender    *self);
double       nb_render_get_y          (NbRender    *self);
void         nb_render_advance        (NbRender    *self,
                                       double       height);
guint        nb_render_get_page       (NbRender    *self);

/* Ink on page @page (from 0) at page coordinates; the layout is reffed. */
void         nb_render_add_layout     (NbRender    *self,
                                       guint        page,
                                       PangoLayout *layout,
                                       double       x,
                                       double       y);
void         nb_render_add_rect       (NbRender    *self,
                                       guint        page,
                                       double       x,
                                       double       y,
                                       double       width,
                                       double       height);

/* A section heading (一、…) kept on one page with the @keep_after points
 * of what follows it. */
void         nb_render_add_heading    (NbRender    *self,
                                       const char  *text,
                                       double       keep_after);

/* The section headings as PDF bookmarks (nb-render-pdf.c). */
void         nb_render_add_pdf_outline (NbRender       *self,
                                        cairo_surface_t *surface);

/* Section 二, 三 or 四 (@table 2, 3, 4) with its heading. */
void         nb_render_add_table      (NbRender    *self,
                                       NbReport    *report,
                                       guint        table);

/* A plain table of the house style (nb-render-table.c): @n_header header
 * rows, centred, then rows whose first column is a label and whose other
 * columns hold figures, right-aligned on one line. @fractions gives each
 * column's share of the text block's width. Cells are set with
 * nb_render_grid_set; a cell spanning columns hides those it covers. */
typedef struct Table NbRenderGrid;

NbRenderGrid *nb_render_grid_new      (guint        n_rows,
                                       guint        n_cols,
                                       guint        n_header,
                                       const double *fractions);
void         nb_render_grid_set       (NbRenderGrid *grid,
                                       guint        row,
                                       guint        col,
                                       guint        cols,
                                       const char  *text);
/* Lays the grid out at the flow, breaking between rows and repeating the
 * header rows, and frees it. */
void         nb_render_grid_place     (NbRender    *self,
                                       NbRenderGrid *grid);

/* One paragraph of running text in @font with the flow (nb-render.c). */
void         nb_render_add_plain      (NbRender    *self,
                                       NbFont       font,
                                       const char  *text,
                                       PangoAlignment align,
                                       gboolean     indent,
                                       double       keep_after);
void         nb_render_add_bookmark   (NbRender    *self,
                                       const char  *text);
/* The chart of @trends (taken) in the rectangle, on page @page. */
void         nb_render_add_chart      (NbRender    *self,
                                       guint        page,
                                       NbTrends    *trends,
                                       double       x,
                                       double       y,
                                       double       width,
                                       double       height);

/* The appendix 附：与上年对比 (nb-render-appendix.c). */
void         nb_render_add_appendix   (NbRender    *self,
                                       NbReport    *report,
                                       const NbRenderOptions *options);

/* Text preparation (nb-render-text.c). @offset, if given, is a byte offset
 * into @text moved along with the break hints inserted before it. */
char        *nb_render_dup_with_break_hints (const char *text,
                                       guint       *offset);
void         nb_render_add_letter_spacing (PangoAttrList *attrs,
                                       int          spacing,
                                       guint        start,
                                       guint        end);
void         nb_render_justify_lines  (PangoLayout *layout,
                                       PangoAttrList *base,
                                       int          spacing,
                                       double       size);

G_END_DECLS
