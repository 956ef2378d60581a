/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences: the typefaces of the printed report.
 */
#pragma once

#include <adwaita.h>

#include "nb-settings.h"

G_BEGIN_DECLS

#define NB_TYPE_PREFERENCES_WINDOW (nb_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (NbPreferencesWindow, nb_preferences_window, NB, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *nb_preferences_window_new (NbSettings *settings);

G_END_DECLS
