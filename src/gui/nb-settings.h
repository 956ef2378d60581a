/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor's settings, typed, over the one GSettings object: window
 * size and state, the report last opened, the typefaces of the PDF.
 */
#pragma once

#include <glib-object.h>

#include "nb-fonts.h"

G_BEGIN_DECLS

#define NB_TYPE_SETTINGS (nb_settings_get_type ())
G_DECLARE_FINAL_TYPE (NbSettings, nb_settings, NB, SETTINGS, GObject)

/* Falls back to defaults kept in memory when the schema is not installed
 * (running from the build tree without GSETTINGS_SCHEMA_DIR). */
NbSettings *nb_settings_new                (void);
gboolean    nb_settings_is_persistent      (NbSettings  *self);

void        nb_settings_get_window_size    (NbSettings  *self,
                                            int         *width,
                                            int         *height,
                                            gboolean    *maximized);
void        nb_settings_set_window_size    (NbSettings  *self,
                                            int          width,
                                            int          height,
                                            gboolean     maximized);

const char *nb_settings_get_last_organ     (NbSettings  *self);
guint       nb_settings_get_last_year      (NbSettings  *self);
void        nb_settings_set_last_report    (NbSettings  *self,
                                            const char  *organ,
                                            guint        year);

/* The family list of a PDF style as the user set it, "" for the default.
 * A change is pushed to the renderer's font table and signalled with
 * "fonts-changed". */
char       *nb_settings_dup_font_family    (NbSettings  *self,
                                            NbFont       font);
void        nb_settings_set_font_family    (NbSettings  *self,
                                            NbFont       font,
                                            const char  *families);

G_END_DECLS
