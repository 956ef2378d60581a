/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor's undo history over one report: every figure edit and every
 * change to the list of text parts, grouped into steps (a paste is one step).
 */
#pragma once

#include <glib-object.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_TYPE_UNDO_STACK (nb_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (NbUndoStack, nb_undo_stack, NB, UNDO_STACK, GObject)

NbUndoStack *nb_undo_stack_new             (NbReport      *report);
NbReport    *nb_undo_stack_get_report      (NbUndoStack   *self);

void         nb_undo_stack_begin_group     (NbUndoStack   *self);
void         nb_undo_stack_end_group       (NbUndoStack   *self);

/* With @merge, an edit of the same cell as the last step (still being
 * typed) extends that step instead of making a new one. */
gboolean     nb_undo_stack_set_figure_text (NbUndoStack   *self,
                                            guint          cell,
                                            const char    *text,
                                            gboolean       merge,
                                            GError       **error);
void         nb_undo_stack_set_figure      (NbUndoStack   *self,
                                            guint          cell,
                                            gboolean       filled,
                                            gint64         value);
/* Ends the typing session that @merge extends. */
void         nb_undo_stack_close_merge     (NbUndoStack   *self);
/* Puts back the value the cell of the open typing session had before it
 * began, and forgets the session: what was typed is refused as a whole. */
gboolean     nb_undo_stack_revert_merge    (NbUndoStack   *self,
                                            guint          cell);

void         nb_undo_stack_insert_part     (NbUndoStack   *self,
                                            NbTextSection  section,
                                            int            position,
                                            const char    *heading,
                                            const char    *body);
void         nb_undo_stack_remove_part     (NbUndoStack   *self,
                                            NbTextSection  section,
                                            guint          index);
void         nb_undo_stack_move_part       (NbUndoStack   *self,
                                            NbTextSection  section,
                                            guint          from,
                                            guint          to);

gboolean     nb_undo_stack_can_undo        (NbUndoStack   *self);
gboolean     nb_undo_stack_can_redo        (NbUndoStack   *self);
gboolean     nb_undo_stack_undo            (NbUndoStack   *self);
gboolean     nb_undo_stack_redo            (NbUndoStack   *self);
void         nb_undo_stack_clear           (NbUndoStack   *self);

G_END_DECLS
