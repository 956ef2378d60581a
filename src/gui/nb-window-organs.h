/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's dialogs over several organs: adding organs up into a
 * summary report, renaming an organ.
 *
 * For tests, the aggregate dialog carries handles (g_object_get_data):
 * "nb-year" (GtkSpinButton), "nb-name" (AdwEntryRow), "nb-organs"
 * (GtkListBox whose rows carry "nb-organ", the name, and "nb-check", a
 * GtkCheckButton); the rename dialog carries "nb-name" (AdwEntryRow).
 */
#pragma once

#include <gtk/gtk.h>

#include "nb-window.h"

G_BEGIN_DECLS

/* Installs win.aggregate and win.rename-organ on the window class. */
void nb_window_organs_class_init     (GtkWidgetClass *widget_class);
/* Enables/disables them for the window's state (has a report, …). */
void nb_window_organs_update_actions (NbWindow       *self);

G_END_DECLS
