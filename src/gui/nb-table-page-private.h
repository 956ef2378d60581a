/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What nb-table-page.c shares with nb-table-layout.c, which lays the
 * table out as on the printed form, nb-table-paste.c and
 * nb-table-findings.c.
 */
#pragma once

#include "nb-cell-entry.h"
#include "nb-table-page.h"

G_BEGIN_DECLS

/* One figure's entry and what the editor knows about it. */
typedef struct
{
  GtkWidget *entry;
  guint cell;
  guint index;           /* in reading order */
  guint vrow;            /* figure row on this page, for Up/Down and paste */
  guint vcol;
  NbCellMark mark;        /* what the rules say about it */
  char *finding_message; /* the rules' messages about this cell */
  char *parse_message;   /* why the text typed is not a number */
  char *placeholder;
  /* what its accessible says now, to tell it only changes */
  gboolean invalid;
  char *description;
  /* The text typed was deleted on the way to a replacement (a selection
   * typed over): the value it had, should the replacement be refused. */
  gboolean blanked;
  gint64 blanked_value;
} Slot;

struct _NbTablePage
{
  AdwBin parent_instance;

  /* template */
  GtkLabel *title_label;
  GtkLabel *note_label;
  GtkWidget *totals_button;
  GtkStack *summary_stack;         /* "success", "warning", "error" */
  GtkInscription *warning_summary;
  GtkInscription *error_summary;
  GtkGrid *grid;
  GtkImage *message_icon;
  /* an inscription, not a label: its size does not follow its text, so a
   * new message does not make the window lay itself out again */
  GtkInscription *message_label;

  /* shape */
  guint table;
  int section;
  GPtrArray *slots;              /* Slot, reading order */
  int slot_of_cell[NB_N_CELLS];  /* -1: not on this page */
  GArray *row_start;             /* guint: first slot of each figure row */

  /* model */
  NbUndoStack *undo;
  NbReport *report;
  gulong changed_id;

  /* editing */
  Slot *focused;
  Slot *committing;
  guint updating;
};

/* nb-table-page.c: an entry for @cell at (@col, @row) of the grid, at
 * (@vrow, @vcol) for the keyboard and for pasting */
void nb_table_page_add_slot (NbTablePage *self,
                             guint        cell,
                             int          col,
                             int          row,
                             int          width,
                             guint        vrow,
                             guint        vcol);

Slot *nb_table_page_slot_for_cell (NbTablePage *self,
                                   guint        cell);
/* The slot at (@vrow, @vcol), or with @clamp the last of a shorter row */
Slot *nb_table_page_slot_near     (NbTablePage *self,
                                   guint        vrow,
                                   guint        vcol,
                                   gboolean     clamp);
/* What the bar under the table says */
void  nb_table_page_set_message   (NbTablePage *self,
                                   const char  *icon,
                                   const char  *text);

/* The entry's mark and what a screen reader is told of it */
void  nb_table_page_update_slot_style (NbTablePage *self,
                                       Slot        *slot);
/* The bar under the table: where @slot is on the form, what is wrong */
void  nb_table_page_show_slot_message (NbTablePage *self,
                                       Slot        *slot);
/* nb-table-paste.c: Ctrl+V in @slot */
void  nb_table_page_start_paste   (NbTablePage *self,
                                   Slot        *slot);

/* nb-table-layout.c: the labels and entries of the page's table */
void nb_table_layout_build  (NbTablePage *self);

G_END_DECLS
