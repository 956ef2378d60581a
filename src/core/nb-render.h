/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report laid out into A4 pages after GB/T 9704-2012, drawn on any
 * cairo_t: the PDF that gets sealed, the printer's pages, the preview.
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "nb-report.h"

G_BEGIN_DECLS

/* A4 in PDF points (1/72 inch), the unit nb_render_draw_page draws in. */
#define NB_RENDER_PAGE_WIDTH 595.276
#define NB_RENDER_PAGE_HEIGHT 841.89

#define NB_PDF_SUBJECT "政府信息公开工作年度报告"

/* The appendix's heading, on a page of its own after the report. */
#define NB_APPENDIX_HEADING "附：与上年对比"

#define NB_TYPE_RENDER (nb_render_get_type ())
G_DECLARE_FINAL_TYPE (NbRender, nb_render, NB, RENDER, GObject)

/* Lays @report out at once; the result does not follow later changes of
 * @report. @tables_only: the title and the three tables, nothing else. */
NbRender *nb_render_new          (NbReport    *report,
                                  gboolean     tables_only);
guint     nb_render_get_n_pages  (NbRender    *self);
guint     nb_render_get_section_page (NbRender *self,
                                  guint        section);

/* Draws page @page (from 0) in points with the origin at the page's top
 * left corner. Only the ink is drawn: paint the paper first where the
 * target is not white already. */
void      nb_render_draw_page    (NbRender    *self,
                                  cairo_t     *cr,
                                  guint        page);

/* Writes the PDF through a temporary file beside @path that replaces
 * @path only once complete, so a failure leaves neither a partial file nor
 * the temporary one. The same report always gives the same bytes: the
 * creation date comes from the report's date of issue. */
gboolean  nb_render_write_pdf    (NbReport    *report,
                                  gboolean     tables_only,
                                  const char  *path,
                                  char       **sha256_hex,
                                  GError     **error);

/* What goes into the pages besides the report itself. */
typedef struct
{
  gboolean tables_only;   /* the title and the three tables, nothing else */
  /* The appendix 附：与上年对比 after the report: the key figures and
   * section totals of @previous beside this year's, and, when @history
   * holds at least two years, the trends chart. Both NULL: no appendix. */
  NbReport *previous;     /* last year's report, or NULL */
  GPtrArray *history;     /* NbReport of every stored year of the organ, or NULL */
} NbRenderOptions;

NbRender *nb_render_new_full     (NbReport              *report,
                                  const NbRenderOptions *options);
gboolean  nb_render_write_pdf_full (NbReport            *report,
                                  const NbRenderOptions *options,
                                  const char            *path,
                                  char                 **sha256_hex,
                                  GError               **error);

/* "2025年1月20日" from "2025-01-20"; NULL if @iso_date is not a date. */
char     *nb_render_format_date  (const char  *iso_date);

G_END_DECLS
