/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every GUI test needs: a window over a real database in a folder of
 * its own, and ways to let the main loop run until something is drawn;
 * the benchmarks use the latter too.
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

/* How much slower than normal everything runs (NB_SLOW_FACTOR, 1–10,
 * set by the sanitizer build). */
guint      nb_gui_slow_factor       (void);
/* Runs the main loop for @ms milliseconds. */
void       nb_gui_wait_ms           (guint         ms);
/* Lets idles, layout and drawing run: 50 ms, then whatever is still
 * pending (a loaded machine or the sanitizers can leave an idle waiting
 * behind the drawing). */
void       nb_gui_settle            (void);
/* Runs the main loop until @done (@data) is TRUE or @ms pass; returns
 * @done's last answer. For what takes a timer of its own to show (the
 * preview, the comparison's refresh) on a slow machine. */
gboolean   nb_gui_wait_until        (gboolean    (*done) (gpointer data),
                                     gpointer      data,
                                     guint         ms);
/* Runs the main loop until @widget's surface has painted a frame. */
void       nb_gui_wait_for_frame    (GtkWidget    *widget);
/* For g_array_sort() of doubles, smallest first (the benchmarks' medians). */
int        nb_gui_compare_doubles   (gconstpointer a,
                                     gconstpointer b);
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
