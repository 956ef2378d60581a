/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two writers on one database at the same time. Each writes only cells of
 * its own (a column of table 三); at the end every cell must hold the last
 * value its writer saved, and no writer may have been told "database is
 * locked".
 *
 * Settings (environment): NB_WRITERS_SECONDS (3).
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nb-store.h"
#include "rel-common.h"
#include "rel-kill.h"

/* A save made from a copy loaded before another writer's save must not
 * put the other writer's cells back as they were (a lost update): the
 * editor keeps one report in memory for a whole session and saves it
 * whole, while nianbao-cli may change the same report meanwhile. */

#define ORGAN "并发测试局"
#define YEAR 2024
#define COL_EDITOR 0   /* 自然人 */
#define COL_OTHER 1    /* 商业企业 */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) store = NULL;
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(GError) error = NULL;

  fixture->dir = rel_make_tmpdir ("nb-writers-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "nianbao.db", NULL);
  nb_report_set_organ_field (report, NB_ORGAN_NAME, ORGAN);
  nb_report_set_year (report, YEAR);
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    nb_report_set_figure (report, cell, 0);
  store = nb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (nb_store_save (store, report, NB_STORE_SAVE_NEW, "import", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  rel_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Writer number i writes i + 1 into row i % 25 of its column. */
static guint
writer_cell (guint column, guint64 i)
{
  return nb_format_t3_cell ((guint) (i % NB_T3_N_ROWS), column);
}

/* The value a writer that made @n saves left in @row: 0 if none. */
static gint64
last_value (guint64 n, guint row)
{
  if (n <= row)
    return 0;
  return (gint64) ((n - 1 - row) / NB_T3_N_ROWS * NB_T3_N_ROWS + row + 1);
}

typedef struct
{
  const char *path;
  guint column;
  gboolean keeps_report;   /* as the editor: load once, save the whole copy */
  gint64 until;            /* monotonic µs */
  const char *source;
} WriterChild;

/* "E message" for a failed save, "D n" at the end. */
static void
run_writer (int fd, gpointer user_data)
{
  WriterChild *writer = user_data;
  GError *error = NULL;
  NbStore *store = nb_store_open (writer->path, &error);
  NbReport *report = NULL;
  guint64 n = 0;

  if (store == NULL)
    {
      rel_say (fd, "E %s", error->message);
      _exit (1);
    }
  while (g_get_monotonic_time () < writer->until)
    {
      if (report == NULL || !writer->keeps_report)
        {
          g_clear_object (&report);
          if ((report = nb_store_load (store, ORGAN, YEAR, &error)) == NULL)
            {
              rel_say (fd, "E %s", error->message);
              g_clear_error (&error);
              continue;
            }
        }
      nb_report_set_figure (report, writer_cell (writer->column, n), (gint64) n + 1);
      if (!nb_store_save (store, report, NB_STORE_SAVE_ANY, writer->source, &error))
        {
          rel_say (fd, "E %s", error->message);
          g_clear_error (&error);
          /* the editor keeps the edit and saves it again later */
          continue;
        }
      n++;
    }
  rel_say (fd, "D %" G_GUINT64_FORMAT, n);
  _exit (0);
}

typedef struct
{
  guint64 saves;
  guint errors;
  guint locked;
  char *first_error;
} Outcome;

static void
writer_line_cb (const char *line, gpointer user_data)
{
  Outcome *outcome = user_data;

  if (line[0] == 'D')
    outcome->saves = g_ascii_strtoull (line + 2, NULL, 10);
  else
    {
      outcome->errors++;
      outcome->locked += strstr (line, "locked") != NULL || strstr (line, "busy") != NULL;
      if (outcome->first_error == NULL)
        outcome->first_error = g_strdup (line + 2);
    }
}

/* Cells of @column whose stored value is not what @saves saves left. */
static guint
count_lost (const char *path, guint column, guint64 saves, GString *example)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbStore) store = nb_store_open (path, &error);
  g_autoptr(NbReport) report = NULL;
  guint lost = 0;

  g_assert_no_error (error);
  report = nb_store_load (store, ORGAN, YEAR, &error);
  g_assert_no_error (error);
  for (guint row = 0; row < NB_T3_N_ROWS; row++)
    {
      guint cell = nb_format_t3_cell (row, column);
      gint64 value = -1;

      nb_report_get_figure (report, cell, &value);
      if (value != last_value (saves, row))
        {
          if (example->len == 0)
            g_string_append_printf (example, "%s holds %" G_GINT64_FORMAT
                                    " though %" G_GINT64_FORMAT " was saved last",
                                    nb_format_cell (cell)->id, value, last_value (saves, row));
          lost++;
        }
    }
  return lost;
}

static char *
integrity_of (const char *path)
{
  return rel_integrity_check_file (path);
}

static void
assert_nothing_lost (guint lost, const char *example)
{
  if (lost > 0)
    g_error ("lost update: %u cell(s) of one writer put back by the other, e.g. %s", lost, example);
}

/* Two processes, each loading the report afresh before every save (as
 * nianbao-cli set and import do). */
static void
test_two_processes (Fixture *fixture, gconstpointer data)
{
  guint seconds = rel_env_uint ("NB_WRITERS_SECONDS", 3);
  gint64 until = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  WriterChild writers[2] = {
    { fixture->path, COL_EDITOR, FALSE, until, "cli" },
    { fixture->path, COL_OTHER, FALSE, until, "cli" },
  };
  Outcome outcomes[2] = { { 0 } };
  RelChild children[2];
  g_autoptr(GString) example = g_string_new (NULL);
  g_autofree char *integrity = NULL;
  RelRecord *record = rel_record_begin ("writers/two-processes",
    "two processes save at full speed into the same report for a few seconds, "
    "each loading it afresh before each save, each its own column of cells");
  guint lost = 0;
  const char *outcome;

  for (guint i = 0; i < 2; i++)
    rel_child_start (&children[i], run_writer, &writers[i], writer_line_cb, &outcomes[i]);
  for (guint i = 0; i < 2; i++)
    {
      int status = rel_child_finish (&children[i]);

      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    }
  integrity = integrity_of (fixture->path);
  g_assert_cmpstr (integrity, ==, "ok");
  for (guint i = 0; i < 2; i++)
    lost += count_lost (fixture->path, writers[i].column, outcomes[i].saves, example);

  rel_record_int (record, "seconds", seconds);
  rel_record_int (record, "saves", (gint64) (outcomes[0].saves + outcomes[1].saves));
  rel_record_int (record, "failed_saves", outcomes[0].errors + outcomes[1].errors);
  rel_record_int (record, "database_locked_errors", outcomes[0].locked + outcomes[1].locked);
  rel_record_int (record, "cells_lost", lost);
  outcome = lost ? "FAILED: lost update" : "survived";
  if (outcomes[0].errors + outcomes[1].errors > 0)
    outcome = "FAILED: a save was refused";
  rel_record_end (record, outcome);

  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpuint (outcomes[i].errors, ==, 0);
      g_assert_cmpuint (outcomes[i].saves, >, 0);
      g_free (outcomes[i].first_error);
    }
  assert_nothing_lost (lost, example->str);
}

/* The editor's pattern (one report in memory, saved whole after every
 * edit) while nianbao-cli set changes other cells of the same report. */
static void
test_editor_and_cli (Fixture *fixture, gconstpointer data)
{
  guint seconds = rel_env_uint ("NB_WRITERS_SECONDS", 3);
  WriterChild editor = { fixture->path, COL_EDITOR, TRUE,
                         g_get_monotonic_time () + seconds * G_USEC_PER_SEC, "editor" };
  Outcome editor_outcome = { 0 };
  RelChild child;
  g_autoptr(GString) example = g_string_new (NULL);
  g_autofree char *integrity = NULL;
  RelRecord *record = NULL;
  guint64 cli_saves = 0;
  guint cli_failures = 0, cli_locked = 0, lost_cli, lost_editor;
  const char *outcome;
  int status;

  if (rel_cli_path () == NULL)
    {
      g_test_skip ("NIANBAO_CLI is not set");
      return;
    }
  record = rel_record_begin ("writers/editor-and-cli",
    "a process saving its in-memory report after every edit (as the editor does) "
    "while nianbao-cli set changes other cells of the same report in a loop");

  rel_child_start (&child, run_writer, &editor, writer_line_cb, &editor_outcome);
  while (g_get_monotonic_time () < editor.until)
    {
      g_autofree char *cell = g_strdup (nb_format_cell (writer_cell (COL_OTHER, cli_saves))->id);
      g_autofree char *value = g_strdup_printf ("%" G_GUINT64_FORMAT, cli_saves + 1);
      g_autofree char *err = NULL;
      const char *args[] = { "--db", fixture->path, "set", "--organ", ORGAN, "--year", "2024",
                             cell, value, NULL };
      int code = rel_run_cli (args, NULL, &err);

      if (code != 0)
        {
          cli_failures++;
          cli_locked += strstr (err, "locked") != NULL;
          g_test_message ("nianbao-cli set failed (%d): %s", code, err);
          continue;
        }
      cli_saves++;
    }
  status = rel_child_finish (&child);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  integrity = integrity_of (fixture->path);
  g_assert_cmpstr (integrity, ==, "ok");
  lost_editor = count_lost (fixture->path, COL_EDITOR, editor_outcome.saves, example);
  lost_cli = count_lost (fixture->path, COL_OTHER, cli_saves, example);

  rel_record_int (record, "seconds", seconds);
  rel_record_int (record, "editor_saves", (gint64) editor_outcome.saves);
  rel_record_int (record, "cli_sets", (gint64) cli_saves);
  rel_record_int (record, "failed_saves", editor_outcome.errors + cli_failures);
  rel_record_int (record, "database_locked_errors", editor_outcome.locked + cli_locked);
  rel_record_int (record, "editor_cells_lost", lost_editor);
  rel_record_int (record, "cli_cells_lost", lost_cli);
  outcome = lost_cli + lost_editor > 0 ? "FAILED: lost update" : "survived";
  if (editor_outcome.errors + cli_failures > 0)
    outcome = "FAILED: a save was refused";
  rel_record_end (record, outcome);

  g_assert_cmpuint (editor_outcome.errors, ==, 0);
  g_assert_cmpuint (cli_failures, ==, 0);
  g_assert_cmpuint (editor_outcome.saves, >, 0);
  g_assert_cmpuint (cli_saves, >, 0);
  g_free (editor_outcome.first_error);
  assert_nothing_lost (lost_cli + lost_editor, example->str);
}

/* A writer that holds the write lock for a while (a long import, a
 * checkpoint on a slow disk): the other one waits instead of failing. */
static void
hold_lock (int fd, gpointer user_data)
{
  const char *path = user_data;
  sqlite3 *db = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    _exit (1);
  rel_say (fd, "L");
  g_usleep (G_USEC_PER_SEC * 3 / 2);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  _exit (0);
}

static void
locked_line_cb (const char *line, gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
test_waits_for_lock (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbStore) store = nb_store_open (fixture->path, &error);
  g_autoptr(NbReport) report = NULL;
  g_autofree char *err = NULL;
  RelRecord *record = rel_record_begin ("writers/lock-held",
    "another connection holds the write lock for 1.5 s: a save through the "
    "store and nianbao-cli set wait for it and succeed");
  const char *args[] = { "--db", fixture->path, "set", "--organ", ORGAN, "--year", "2024",
                         "t3.new.natural", "42", NULL };
  gboolean locked = FALSE;
  RelChild child;
  gint64 start, waited_api, waited_cli = 0;
  int code = 0;

  g_assert_no_error (error);
  report = nb_store_load (store, ORGAN, YEAR, &error);
  g_assert_no_error (error);

  rel_child_start (&child, hold_lock, fixture->path, locked_line_cb, &locked);
  child.stop = &locked;
  rel_child_read_until (&child, g_get_monotonic_time () + 10 * G_USEC_PER_SEC);
  g_assert_true (locked);
  start = g_get_monotonic_time ();
  nb_report_set_figure (report, nb_format_cell_by_id ("t3.new.business"), 7);
  g_assert_true (nb_store_save (store, report, NB_STORE_SAVE_ANY, "editor", &error));
  g_assert_no_error (error);
  waited_api = g_get_monotonic_time () - start;
  g_assert_true (WIFEXITED (rel_child_finish (&child)));

  if (rel_cli_path () != NULL)
    {
      locked = FALSE;
      rel_child_start (&child, hold_lock, fixture->path, locked_line_cb, &locked);
      child.stop = &locked;
      rel_child_read_until (&child, g_get_monotonic_time () + 10 * G_USEC_PER_SEC);
      start = g_get_monotonic_time ();
      code = rel_run_cli (args, NULL, &err);
      waited_cli = g_get_monotonic_time () - start;
      g_assert_true (WIFEXITED (rel_child_finish (&child)));
      g_assert_cmpstr (err, ==, "");
      g_assert_cmpint (code, ==, 0);
    }

  rel_record_double (record, "store_save_waited_s", waited_api / (double) G_USEC_PER_SEC);
  rel_record_double (record, "cli_set_waited_s", waited_cli / (double) G_USEC_PER_SEC);
  rel_record_end (record, "survived");
  /* it did wait, rather than going around the lock */
  g_assert_cmpint (waited_api, >, G_USEC_PER_SEC / 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/writers/two-processes", test_two_processes);
  ADD ("/writers/editor-and-cli", test_editor_and_cli);
  ADD ("/writers/lock-held", test_waits_for_lock);
  return g_test_run ();
}
