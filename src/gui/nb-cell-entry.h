/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entry of one figure in a table page, which paints its own error or
 * warning mark.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  NB_CELL_MARK_NONE,
  NB_CELL_MARK_WARNING,
  NB_CELL_MARK_ERROR,
} NbCellMark;

#define NB_TYPE_CELL_ENTRY (nb_cell_entry_get_type ())
G_DECLARE_FINAL_TYPE (NbCellEntry, nb_cell_entry, NB, CELL_ENTRY, GtkEntry)

GtkWidget  *nb_cell_entry_new      (void);
/* TRUE when the mark changed */
gboolean    nb_cell_entry_set_mark (NbCellEntry *self,
                                    NbCellMark   mark);
NbCellMark  nb_cell_entry_get_mark (NbCellEntry *self);

G_END_DECLS
