/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor's window: one report at a time, a page per part of it.
 */
#pragma once

#include <adwaita.h>

#include "nb-report.h"
#include "nb-settings.h"
#include "nb-store.h"

G_BEGIN_DECLS

#define NB_TYPE_WINDOW (nb_window_get_type ())
G_DECLARE_FINAL_TYPE (NbWindow, nb_window, NB, WINDOW, AdwApplicationWindow)

/* The pages of the view stack, by name: "info", "s0" … "s5" (the
 * sections of nb_format_section()), "preview". */
NbWindow   *nb_window_new               (GtkApplication *application,
                                         NbStore        *store,
                                         NbSettings     *settings);
NbReport   *nb_window_get_report        (NbWindow       *self);
gboolean    nb_window_has_report        (NbWindow       *self);
gboolean    nb_window_open_report       (NbWindow       *self,
                                         const char     *organ,
                                         guint           year,
                                         GError        **error);
/* Creates (organ, year) in the store and opens it; details and headings
 * come from the organ's latest report when there is one. */
gboolean    nb_window_create_report     (NbWindow       *self,
                                         const char     *organ,
                                         guint           year,
                                         GError        **error);
/* Reads a report file into the store and opens it; asks before replacing
 * a stored report, shows what was wrong with a bad file. */
void        nb_window_import_file       (NbWindow       *self,
                                         GFile          *file);
gboolean    nb_window_save_now          (NbWindow       *self,
                                         GError        **error);
void        nb_window_run_checks        (NbWindow       *self);
GPtrArray  *nb_window_get_findings      (NbWindow       *self);
gboolean    nb_window_show_page         (NbWindow       *self,
                                         const char     *name);
GtkWidget  *nb_window_get_page          (NbWindow       *self,
                                         const char     *name);
guint       nb_window_get_badge         (NbWindow       *self,
                                         const char     *name);
GtkWidget  *nb_window_get_findings_view (NbWindow       *self);
const char *nb_window_get_saved_text    (NbWindow       *self);
/* What the last toast said, or NULL */
const char *nb_window_get_last_toast    (NbWindow       *self);
gboolean    nb_window_undo              (NbWindow       *self);
gboolean    nb_window_redo              (NbWindow       *self);
/* Opens the page of @cell and puts the cursor in it. */
void        nb_window_focus_cell        (NbWindow       *self,
                                         guint           cell);
/* Marks the open year final (sealed: the pages lock) or a draft again,
 * in the store and its edit log. */
gboolean    nb_window_set_final         (NbWindow       *self,
                                         gboolean        final,
                                         GError        **error);
gboolean    nb_window_is_final          (NbWindow       *self);
void        nb_window_focus_finding     (NbWindow       *self,
                                         guint           index);

G_END_DECLS
