/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor itself, killed: a child process opens the real window (under
 * Xvfb), types figures into the real cells at a person's pace and says
 * through a pipe what it typed and when; the parent kills it with SIGKILL
 * a few seconds in and checks, in a fresh process, that every figure typed
 * more than one second before the kill is in the database — the editor
 * saves half a second after the last change — and that the database is
 * sound.
 *
 * Settings (environment): NB_EDITOR_KILLS (8), NB_CRASH_SEED (random),
 * NB_SLOW_FACTOR (1: the promise in seconds).
 */
#include "config.h"

#include <adwaita.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nb-application.h"
#include "nb-json.h"
#include "nb-store.h"
#include "nb-store-schema.h"
#include "nb-table-page.h"
#include "nb-window.h"
#include "rel-common.h"
#include "rel-kill.h"

/* What the editor promises: an edit reaches the database within a
 * second; under the sanitizers (NB_SLOW_FACTOR) every frame and save is
 * several times slower, and the second with it. */
#define PROMISE_US (G_USEC_PER_SEC * (gint64) rel_slow_factor ())

typedef struct
{
  const char *path;
  const char *organ;
  guint year;
  guint32 seed;
} EditorChild;

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static guint
random_count_cell (GRand *rand)
{
  for (;;)
    {
      guint cell = (guint) g_rand_int_range (rand, 0, NB_N_CELLS);

      if (nb_format_cell (cell)->kind == NB_CELL_COUNT)
        return cell;
    }
}

/* "R" ready, "T cell value µs" typed, "X message". */
static void
run_editor (int fd, gpointer user_data)
{
  EditorChild *child = user_data;
  GRand *rand = g_rand_new_with_seed (child->seed);
  GError *error = NULL;
  NbStore *store;
  NbSettings *settings;
  NbWindow *window;

  adw_init ();
  nb_gui_init_style ();
  if ((store = nb_store_open (child->path, &error)) == NULL)
    {
      rel_say (fd, "X %s", error->message);
      _exit (3);
    }
  settings = nb_settings_new ();
  window = nb_window_new (NULL, store, settings);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_present (GTK_WINDOW (window));
  if (!nb_window_open_report (window, child->organ, child->year, &error))
    {
      rel_say (fd, "X %s", error->message);
      _exit (3);
    }
  wait_ms (100);
  rel_say (fd, "R");

  for (;;)
    {
      guint cell = random_count_cell (rand);
      g_autofree char *page_name = g_strdup_printf ("s%u", nb_format_cell (cell)->table - 1);
      NbTablePage *page = NB_TABLE_PAGE (nb_window_get_page (window, page_name));
      GtkWidget *entry = nb_table_page_get_entry (page, cell);
      gint64 value = g_rand_int_range (rand, 0, 100000), now = -1;
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

      gtk_editable_set_text (GTK_EDITABLE (entry), text);
      if (!nb_report_get_figure (nb_window_get_report (window), cell, &now) || now != value)
        {
          rel_say (fd, "X typing %s into %s did not reach the report", text, nb_format_cell (cell)->id);
          _exit (4);
        }
      rel_say (fd, "T %u %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, cell, value, g_get_monotonic_time ());
      /* a person's pace: bursts of typing and pauses */
      wait_ms ((guint) (g_rand_int_range (rand, 0, 10) < 8 ? g_rand_int_range (rand, 5, 120)
                                                          : g_rand_int_range (rand, 300, 1500)));
    }
}

typedef struct
{
  guint cell;
  gint64 value;
  gint64 at;
} Typed;

typedef struct
{
  gboolean ready;
  GArray *typed;
  char *error;
} Round;

static void
round_line_cb (const char *line, gpointer user_data)
{
  Round *round = user_data;
  char **words = g_strsplit (line, " ", 4);

  switch (line[0])
    {
    case 'R':
      round->ready = TRUE;
      break;
    case 'T':
      {
        Typed typed = {
          (guint) g_ascii_strtoull (words[1], NULL, 10),
          g_ascii_strtoll (words[2], NULL, 10),
          g_ascii_strtoll (words[3], NULL, 10),
        };

        g_assert_cmpuint (typed.cell, <, NB_N_CELLS);
        g_array_append_val (round->typed, typed);
      }
      break;
    case 'X':
      round->error = g_strdup (line + 2);
      break;
    default:
      g_error ("the editor said “%s”", line);
    }
  g_strfreev (words);
}

/* ---- the next start, in a process of its own ---- */

typedef struct
{
  const char *path;
  const char *organ;
  guint year;
} Check;

/* "K integrity", "F cell value|blank", "X message" */
static void
check_database (gpointer data)
{
  Check *check = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbStore) store = nb_store_open (check->path, &error);
  g_autoptr(NbReport) report = NULL;
  g_autofree char *integrity = NULL;

  if (store == NULL)
    {
      rel_isolated_say ("X %s", error->message);
      return;
    }
  integrity = rel_integrity_check (nb_store_get_db (store));
  rel_isolated_say ("K %s", integrity);
  if ((report = nb_store_load (store, check->organ, check->year, &error)) == NULL)
    {
      rel_isolated_say ("X %s", error->message);
      return;
    }
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    {
      gint64 value;

      if (nb_report_get_figure (report, cell, &value))
        rel_isolated_say ("F %u %" G_GINT64_FORMAT, cell, value);
      else
        rel_isolated_say ("F %u blank", cell);
    }
}

/* What the database holds, cell by cell (G_MININT64: blank). */
static void
read_database (Check *check, gint64 stored[NB_N_CELLS])
{
  g_autoptr(GPtrArray) said = g_ptr_array_new_with_free_func (g_free);
  int status = rel_run_isolated (check_database, check, NULL, said);

  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  for (guint i = 0; i < said->len; i++)
    {
      const char *line = g_ptr_array_index (said, i);

      if (line[0] == 'X')
        g_error ("after killing the editor, the database could not be used: %s", line + 2);
      else if (line[0] == 'K')
        g_assert_cmpstr (line + 2, ==, "ok");
      else
        {
          char *end = NULL;
          guint cell = (guint) g_ascii_strtoull (line + 2, &end, 10);

          g_assert_cmpuint (cell, <, NB_N_CELLS);
          stored[cell] = strcmp (end + 1, "blank") == 0 ? G_MININT64 : g_ascii_strtoll (end + 1, NULL, 10);
        }
    }
}

static void
test_editor_kill (void)
{
  guint n_kills = rel_env_uint ("NB_EDITOR_KILLS", 8);
  guint32 seed = rel_env_uint ("NB_CRASH_SEED", g_test_rand_int ());
  const char *sample = g_getenv ("NIANBAO_SAMPLE");
  g_autofree char *dir = rel_make_tmpdir ("nb-editor-kill-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "nianbao.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 stored[NB_N_CELLS];
  RelRecord *record;
  EditorChild editor;
  Check check;
  guint typed_total = 0, promised = 0, young_kept = 0, young_lost = 0;
  gint64 oldest_lost_us = 0;

  if (sample == NULL)
    {
      g_test_skip ("NIANBAO_SAMPLE is not set");
      return;
    }
  record = rel_record_begin ("crash/editor",
    "SIGKILL of the editor itself (the real window under Xvfb) while figures are typed "
    "into its cells at a person's pace: every figure typed more than 1 s before the "
    "kill is in the database, which reopens sound");
  report = nb_json_read_file (sample, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(NbStore) store = nb_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (nb_store_save (store, report, NB_STORE_SAVE_NEW, "import", &error));
  }
  editor = (EditorChild) { path, nb_report_get_organ_name (report), nb_report_get_year (report), 0 };
  check = (Check) { path, editor.organ, editor.year };
  read_database (&check, stored);

  for (guint r = 0; r < n_kills; r++)
    {
      Round round = { FALSE, g_array_new (FALSE, FALSE, sizeof (Typed)), NULL };
      gint64 before[NB_N_CELLS];
      RelChild child;
      gint64 killed_at;
      int status;

      memcpy (before, stored, sizeof stored);
      editor.seed = seed + r;
      rel_child_start (&child, run_editor, &editor, round_line_cb, &round);
      child.stop = &round.ready;
      rel_child_read_until (&child, g_get_monotonic_time () + 60 * G_USEC_PER_SEC);
      if (!round.ready)
        g_error ("the editor did not start: %s", round.error ? round.error : "(nothing said)");
      child.stop = NULL;
      rel_child_read_until (&child, g_get_monotonic_time () + g_rand_int_range (rand, 1200, 2800) * 1000);
      status = rel_child_kill (&child, &killed_at);
      if (round.error != NULL)
        g_error ("round %u: %s", r, round.error);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      read_database (&check, stored);
      for (guint cell = 0; cell < NB_N_CELLS; cell++)
        {
          int last_promised = -1;
          gboolean allowed = FALSE;

          for (guint i = 0; i < round.typed->len; i++)
            {
              Typed *t = &g_array_index (round.typed, Typed, i);

              if (t->cell == cell && killed_at - t->at >= PROMISE_US)
                last_promised = (int) i;
            }
          /* the last value typed over a second ago, or anything typed after it */
          if (last_promised < 0)
            allowed = stored[cell] == before[cell];
          for (guint i = MAX (last_promised, 0); i < round.typed->len && !allowed; i++)
            {
              Typed *t = &g_array_index (round.typed, Typed, i);

              allowed = t->cell == cell && (int) i >= last_promised && t->value == stored[cell];
            }
          if (!allowed)
            g_error ("round %u (seed %u): %s holds %" G_GINT64_FORMAT " after the kill%s",
                     r, seed, nb_format_cell (cell)->id, stored[cell],
                     last_promised >= 0 ? ", though a later value was typed over a second before it" : "");
          if (last_promised >= 0)
            promised++;
        }
      /* how the young edits fared: kept, or lost (and how old) */
      for (guint i = 0; i < round.typed->len; i++)
        {
          Typed *t = &g_array_index (round.typed, Typed, i);
          gboolean last_for_cell = TRUE;

          for (guint j = i + 1; j < round.typed->len; j++)
            last_for_cell &= g_array_index (round.typed, Typed, j).cell != t->cell;
          if (!last_for_cell || killed_at - t->at >= PROMISE_US)
            continue;
          if (stored[t->cell] == t->value)
            young_kept++;
          else
            {
              young_lost++;
              oldest_lost_us = MAX (oldest_lost_us, killed_at - t->at);
            }
        }
      typed_total += round.typed->len;
      g_array_unref (round.typed);
    }

  rel_record_int (record, "kills", n_kills);
  rel_record_int (record, "figures_typed", typed_total);
  rel_record_int (record, "cells_typed_over_1s_before_kill_verified", promised);
  rel_record_int (record, "lost", 0);
  rel_record_int (record, "typed_under_1s_before_kill_kept", young_kept);
  rel_record_int (record, "typed_under_1s_before_kill_not_yet_saved", young_lost);
  rel_record_double (record, "oldest_unsaved_edit_ms", oldest_lost_us / 1000.0);
  rel_record_int (record, "seed", seed);
  rel_record_end (record, "survived");
  g_assert_cmpuint (typed_total, >, n_kills);
  rel_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  /* GTK starts in the children only: the parent must stay fork-safe */
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/editor", test_editor_kill);
  return g_test_run ();
}
