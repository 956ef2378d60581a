/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A text section (一, 五 or 六): its parts, each a heading and a body.
 */
#pragma once

#include <adwaita.h>

#include "nb-undo-stack.h"

G_BEGIN_DECLS

#define NB_TYPE_TEXT_PAGE (nb_text_page_get_type ())
G_DECLARE_FINAL_TYPE (NbTextPage, nb_text_page, NB, TEXT_PAGE, AdwBin)

GtkWidget     *nb_text_page_new              (NbTextSection  section);
NbTextSection  nb_text_page_get_text_section (NbTextPage    *self);
int            nb_text_page_get_section      (NbTextPage    *self);
void           nb_text_page_set_undo_stack   (NbTextPage    *self,
                                              NbUndoStack   *undo);
void           nb_text_page_show_findings    (NbTextPage    *self,
                                              GPtrArray     *findings,
                                              GHashTable    *acks);
/* Inserts the customary headings that are missing, as one undo step;
 * returns how many were added. */
guint          nb_text_page_insert_customary (NbTextPage    *self);
gboolean       nb_text_page_focus_part       (NbTextPage    *self,
                                              guint          index);

/* Last year's report (or NULL): parts whose body is still last year's
 * are marked "from last year". */
void           nb_text_page_set_previous     (NbTextPage    *self,
                                              NbReport      *previous);
guint          nb_text_page_count_copied     (NbTextPage    *self);

G_END_DECLS
