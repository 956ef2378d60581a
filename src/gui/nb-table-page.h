/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One of the report's tables (二, 三 or 四) laid out as on the printed form,
 * with an entry per figure, built by walking nb-format.
 */
#pragma once

#include <adwaita.h>

#include "nb-cell-entry.h"
#include "nb-undo-stack.h"

G_BEGIN_DECLS

#define NB_TYPE_TABLE_PAGE (nb_table_page_get_type ())
G_DECLARE_FINAL_TYPE (NbTablePage, nb_table_page, NB, TABLE_PAGE, AdwBin)

GtkWidget *nb_table_page_new            (guint         table);
guint      nb_table_page_get_table      (NbTablePage  *self);
int        nb_table_page_get_section    (NbTablePage  *self);
void       nb_table_page_set_undo_stack (NbTablePage  *self,
                                         NbUndoStack  *undo);
void       nb_table_page_show_findings  (NbTablePage  *self,
                                         GPtrArray    *findings,
                                         GHashTable   *acks);
gboolean   nb_table_page_focus_cell     (NbTablePage  *self,
                                         guint         cell);
GtkWidget *nb_table_page_get_entry      (NbTablePage  *self,
                                         guint         cell);
/* Fills the cells from @cell on with a block of tab-separated lines, as
 * one undo step; nothing is changed when any value is not a number. */
gboolean   nb_table_page_paste          (NbTablePage  *self,
                                         guint         cell,
                                         const char   *text);
/* What a key does in the focused cell (Tab, Enter, arrows, Ctrl+Z, Ctrl+V…):
 * TRUE when the page handled it. */
gboolean   nb_table_page_key            (NbTablePage     *self,
                                         guint            keyval,
                                         GdkModifierType  state);
/* Ends the edit in the focused cell (as leaving it would). */
void       nb_table_page_commit         (NbTablePage  *self);
/* What the bar under the table says */
const char *nb_table_page_get_message   (NbTablePage  *self);
/* What the line above the table says: its errors, else its warnings */
const char *nb_table_page_get_summary   (NbTablePage  *self);
/* How the cell is marked: an error (also a refused text), a warning */
NbCellMark  nb_table_page_get_cell_mark (NbTablePage *self,
                                         guint        cell);
/* What the cell's tooltip says: why it is marked, or NULL */
const char *nb_table_page_get_cell_message (NbTablePage *self,
                                            guint        cell);

G_END_DECLS
