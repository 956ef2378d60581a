/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every GUI test needs: a window over a real database in a folder of
 * its own, and ways to let the main loop run until something is drawn.
 */
#pragma once

#include <adwaita.h>

#include "nb-application.h"
#include "nb-store.h"
#include "nb-window.h"

G_BEGIN_DECLS

typedef struct
{
  char *dir;
  char *db_path;
  NbStore *store;
  NbSettings *settings;
  NbWindow *window;
} NbGuiFixture;

/* Runs the main loop for @ms milliseconds. */
void       nb_gui_wait_ms           (guint         ms);
/* Lets idles, layout and drawing run. */
void       nb_gui_settle            (void);
/* A temporary folder with a database, settings and a presented window;
 * with @load_sample the sample report stored and open. */
void       nb_gui_fixture_set_up    (NbGuiFixture *fixture,
                                     gboolean      load_sample);
void       nb_gui_fixture_tear_down (NbGuiFixture *fixture);
NbWindow  *nb_gui_new_window        (NbGuiFixture *fixture);
/* The sample report shipped with the program. */
NbReport  *nb_gui_load_sample       (void);
/* The number of the cell with id @id (asserting there is one). */
guint      nb_gui_cell              (const char   *id);

G_END_DECLS
