/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the page flow (nb-render.c) offers the table layout
 * (nb-render-table.c). Not installed, not for other units.
 */
#pragma once

#include <pango/pangocairo.h>

#include "nb-fonts.h"
#include "nb-render.h"

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

G_END_DECLS
