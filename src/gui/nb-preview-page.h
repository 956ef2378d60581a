/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 预览: the report's pages drawn by the same renderer as the PDF.
 */
#pragma once

#include <adwaita.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_TYPE_PREVIEW_PAGE (nb_preview_page_get_type ())
G_DECLARE_FINAL_TYPE (NbPreviewPage, nb_preview_page, NB, PREVIEW_PAGE, AdwBin)

GtkWidget *nb_preview_page_new         (void);
void       nb_preview_page_set_report  (NbPreviewPage *self,
                                        NbReport      *report);
/* Lays the report out again now (it otherwise waits until shown). */
void       nb_preview_page_update      (NbPreviewPage *self);
/* The typefaces changed: lays out again now if shown, else when shown. */
void       nb_preview_page_invalidate  (NbPreviewPage *self);
/* Says how many errors the report still has, beside Print and Export */
void       nb_preview_page_show_findings (NbPreviewPage *self,
                                          GPtrArray     *findings);
/* What it says about them, or NULL when there is none */
const char *nb_preview_page_get_errors_text (NbPreviewPage *self);
guint      nb_preview_page_get_n_pages (NbPreviewPage *self);
/* Scrolls so that page @page (from 0) is at the top. */
void       nb_preview_page_scroll_to   (NbPreviewPage *self,
                                        guint          page);

G_END_DECLS
