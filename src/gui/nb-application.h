/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor as a single-instance application: a second launch raises the
 * window, `nianbao FILE.json` imports into the running one.
 */
#pragma once

#include <adwaita.h>

#include "nb-settings.h"
#include "nb-store.h"

G_BEGIN_DECLS

#define NB_TYPE_APPLICATION (nb_application_get_type ())
G_DECLARE_FINAL_TYPE (NbApplication, nb_application, NB, APPLICATION, AdwApplication)

NbApplication *nb_application_new          (void);
/* The database the windows use; opened on first use (the --db option, or
 * nb_store_default_path()). NULL with @error set when it cannot be. */
NbStore       *nb_application_get_store    (NbApplication *self,
                                            GError       **error);
void           nb_application_set_db_path  (NbApplication *self,
                                            const char    *path);
NbSettings    *nb_application_get_settings (NbApplication *self);

/* Registers the GResource of the .ui files and the style sheet; safe to
 * call more than once. */
void           nb_gui_register_resources   (void);
/* For a window without the application (the tests): the resources and
 * the style sheet that AdwApplication would load. */
void           nb_gui_init_style           (void);

G_END_DECLS
