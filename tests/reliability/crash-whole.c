/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The crash harness, whole reports: kills while one whole report is saved
 * over another (in-process and through nianbao-cli import --replace),
 * while a new database is created and while an old one is upgraded. After
 * each kill the stored report must be entirely the old one or entirely the
 * new one, and it must be the new one once the save was acknowledged.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nb-json.h"
#include "nb-store.h"
#include "nb-store-schema.h"
#include "crash-harness.h"
#include "rel-common.h"
#include "rel-kill.h"

/* The state of a round: the report stored for sure, the one being saved. */
typedef struct
{
  const char *stored;     /* "a" or "b" */
  const char *pending;    /* NULL when nothing was being saved */
  gint64 saves;
  gboolean ready;
  char *child_error;
} Whole;

typedef struct
{
  const char *path;
  NbReport *a, *b;
} WholeChild;

/* "R" ready, "I a|b" about to save that one, "A" saved, "X message". */
static void
run_importer (int fd, gpointer user_data)
{
  WholeChild *child = user_data;
  GError *error = NULL;
  NbStore *store;
  NbReport *current;
  gboolean next_is_b;

  if ((store = nb_store_open (child->path, &error)) == NULL ||
      (current = nb_store_load (store, ORGAN, YEAR, &error)) == NULL)
    {
      rel_say (fd, "X %s", error->message);
      _exit (3);
    }
  next_is_b = nb_report_equal (current, child->a);
  rel_say (fd, "R");
  for (;; next_is_b = !next_is_b)
    {
      rel_say (fd, "I %s", next_is_b ? "b" : "a");
      if (!nb_store_save (store, next_is_b ? child->b : child->a, NB_STORE_SAVE_ANY,
                          "import", &error))
        {
          rel_say (fd, "X %s", error->message);
          _exit (4);
        }
      rel_say (fd, "A");
    }
}

static void
whole_line_cb (const char *line, gpointer user_data)
{
  Whole *whole = user_data;

  switch (line[0])
    {
    case 'R':
      whole->ready = TRUE;
      break;
    case 'I':
      g_assert_null (whole->pending);
      whole->pending = strcmp (line + 2, "b") == 0 ? "b" : "a";
      break;
    case 'A':
      g_assert_nonnull (whole->pending);
      whole->stored = whole->pending;
      whole->pending = NULL;
      whole->saves++;
      break;
    case 'X':
      whole->child_error = g_strdup (line + 2);
      break;
    default:
      g_error ("the importing child said “%s”", line);
    }
}

/* The stored report must be the acknowledged one, or the one in flight. */
static void
check_whole (Whole *whole, Snapshot *snapshot, guint round, guint *kept)
{
  if (g_strcmp0 (snapshot->which, whole->stored) == 0)
    {
      whole->pending = NULL;
      return;
    }
  if (whole->pending != NULL && g_strcmp0 (snapshot->which, whole->pending) == 0)
    {
      whole->stored = whole->pending;
      whole->pending = NULL;
      (*kept)++;
      return;
    }
  g_error ("round %u (seed %u): the stored report is “%s”, expected “%s”%s%s",
           round, crash_seed, snapshot->which, whole->stored,
           whole->pending ? " or, in flight, " : "", whole->pending ? whole->pending : "");
}

void
test_import (void)
{
  guint n_kills = rel_env_uint ("NB_CRASH_IMPORT_KILLS", 60);
  guint max_ms = rel_env_uint ("NB_CRASH_MAX_DELAY_MS", 80) * rel_slow_factor ();
  g_autofree char *dir = rel_make_tmpdir ("nb-crash-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "nianbao.db", NULL);
  g_autoptr(NbReport) a = rel_make_report (ORGAN, YEAR, crash_seed * 2 + 1, 6000);
  g_autoptr(NbReport) b = rel_make_report (ORGAN, YEAR, crash_seed * 2 + 2, 6000);
  g_autoptr(GRand) rand = g_rand_new_with_seed (crash_seed ^ 0x1234);
  RelRecord *record = rel_record_begin ("crash/import",
    "SIGKILL while whole reports (every figure and text different) are saved "
    "over each other with nb_store_save: the stored report is always entirely "
    "the old or the new one, the new one once acknowledged");
  Verifier verifier = { path, FALSE, FALSE, a, b };
  WholeChild importer = { path, a, b };
  Snapshot snapshot = { 0 };
  Whole whole = { "a", NULL, 0, FALSE, NULL };
  guint in_flight = 0, kept = 0;
  gint64 open_us = 20000;

  create_database (path, a);
  for (guint round = 0; round < n_kills; round++)
    {
      RelChild child;
      int status;

      whole.ready = FALSE;
      rel_child_start (&child, run_importer, &importer, whole_line_cb, &whole);
      if (run_until_kill (&child, &whole.ready, &open_us, rand, max_ms))
        g_error ("the importing child ended by itself: %s", whole.child_error ? whole.child_error : "");
      status = rel_child_kill (&child, NULL);
      if (whole.child_error != NULL)
        g_error ("round %u: the importing child failed: %s", round, whole.child_error);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      in_flight += whole.pending != NULL;
      verifier.leave_wal = round % 2 == 1;
      take_snapshot (&verifier, &snapshot);
      check_whole (&whole, &snapshot, round, &kept);
    }

  rel_record_int (record, "kills", n_kills);
  rel_record_int (record, "whole_reports_acknowledged", whole.saves);
  rel_record_int (record, "kills_mid_save", in_flight);
  rel_record_int (record, "kills_mid_save_committed", kept);
  rel_record_int (record, "half_saved", 0);
  rel_record_end (record, "survived");
  g_assert_cmpint (whole.saves, >, 0);
  snapshot_clear (&snapshot);
  rel_remove_tree (dir);
}

static GPid
spawn_cli_import (const char *db, const char *file)
{
  const char *argv[] = { rel_cli_path (), "--db", db, "import", "--replace", file, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_spawn_async (NULL, (char **) argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

void
test_cli_import (void)
{
  guint n_kills = rel_env_uint ("NB_CRASH_CLI_KILLS", 30);
  g_autofree char *dir = rel_make_tmpdir ("nb-crash-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "nianbao.db", NULL);
  g_autofree char *file_a = g_build_filename (dir, "a.json", NULL);
  g_autofree char *file_b = g_build_filename (dir, "b.json", NULL);
  g_autoptr(NbReport) a = rel_make_report (ORGAN, YEAR, crash_seed * 2 + 1, 6000);
  g_autoptr(NbReport) b = rel_make_report (ORGAN, YEAR, crash_seed * 2 + 2, 6000);
  g_autoptr(GRand) rand = g_rand_new_with_seed (crash_seed ^ 0x5678);
  g_autoptr(GError) error = NULL;
  RelRecord *record = NULL;
  Verifier verifier = { path, FALSE, FALSE, a, b };
  Snapshot snapshot = { 0 };
  Whole whole = { "a", NULL, 0, FALSE, NULL };
  guint in_flight = 0, kept = 0, finished = 0;
  gint64 runtime = 0;

  if (rel_cli_path () == NULL)
    {
      g_test_skip ("NIANBAO_CLI is not set");
      return;
    }
  record = rel_record_begin ("crash/cli-import",
    "SIGKILL at random moments of nianbao-cli import --replace, alternating "
    "two whole reports: the database is always sound and holds one of them "
    "entirely, the new one once the program has exited 0");
  g_assert_true (nb_json_write_file (a, file_a, &error));
  g_assert_true (nb_json_write_file (b, file_b, &error));
  create_database (path, a);

  /* how long one import takes, to kill it anywhere in its life */
  for (guint i = 0; i < 4; i++)
    {
      gint64 start = g_get_monotonic_time ();
      int status = 0;
      GPid pid = spawn_cli_import (path, i % 2 == 0 ? file_b : file_a);

      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
      runtime += g_get_monotonic_time () - start;
    }
  runtime /= 4;
  g_test_message ("nianbao-cli import takes %.1f ms", runtime / 1000.0);

  for (guint round = 0; round < n_kills; round++)
    {
      const char *next = strcmp (whole.stored, "a") == 0 ? "b" : "a";
      GPid pid = spawn_cli_import (path, next[0] == 'b' ? file_b : file_a);
      int status = 0;

      g_usleep ((gulong) g_rand_int_range (rand, 0, (gint32) (runtime * 6 / 5) + 1));
      if (waitpid (pid, &status, WNOHANG) == pid)
        {
          /* it finished before the kill: that is an acknowledgement */
          g_assert_true (WIFEXITED (status));
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
          whole.stored = next;
          finished++;
        }
      else
        {
          kill (pid, SIGKILL);
          g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
          whole.pending = next;
          in_flight++;
        }
      verifier.leave_wal = round % 2 == 1;
      take_snapshot (&verifier, &snapshot);
      check_whole (&whole, &snapshot, round, &kept);
    }

  rel_record_int (record, "runs", n_kills);
  rel_record_int (record, "kills", in_flight);
  rel_record_int (record, "kills_after_commit", kept);
  rel_record_int (record, "finished_before_kill", finished);
  rel_record_double (record, "import_ms", runtime / 1000.0);
  rel_record_int (record, "half_saved", 0);
  rel_record_end (record, "survived");
  snapshot_clear (&snapshot);
  rel_remove_tree (dir);
}

typedef struct
{
  const char *path;
  NbReport *report;
} OpenChild;

/* "A" once the database is open and (when asked) the report saved; then
 * waits for the kill. */
static void
run_opener (int fd, gpointer user_data)
{
  OpenChild *child = user_data;
  GError *error = NULL;
  NbStore *store = nb_store_open (child->path, &error);

  if (store == NULL ||
      (child->report != NULL &&
       !nb_store_save (store, child->report, NB_STORE_SAVE_NEW, "import", &error)))
    {
      rel_say (fd, "X %s", error->message);
      _exit (3);
    }
  rel_say (fd, "A");
  for (;;)
    pause ();
}

typedef struct
{
  char *said;
  gboolean done;
} Opener;

static void
opener_line_cb (const char *line, gpointer user_data)
{
  Opener *state = user_data;

  g_free (state->said);
  state->said = g_strdup (line);
  state->done = TRUE;
}

/* Starts run_opener, kills it after @delay µs or once it has said
 * something; returns what it said. */
static char *
kill_opener (OpenChild *opener, gint64 delay)
{
  Opener state = { NULL, FALSE };
  RelChild child;
  int status;

  rel_child_start (&child, run_opener, opener, opener_line_cb, &state);
  child.stop = &state.done;
  rel_child_read_until (&child, g_get_monotonic_time () + delay);
  status = rel_child_kill (&child, NULL);
  g_assert_true (WIFSIGNALED (status));
  if (state.said != NULL && state.said[0] == 'X')
    g_error ("%s", state.said);
  return state.said;
}

/* Files beside the database other than its own -wal and -shm. */
static guint
count_leftovers (const char *dir, GString *names)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (strcmp (name, "nianbao.db") != 0 && strcmp (name, "nianbao.db-wal") != 0 &&
        strcmp (name, "nianbao.db-shm") != 0 && !g_str_has_prefix (name, "nianbao.db.v1.bak"))
      {
        if (names->len < 200)
          g_string_append_printf (names, "%s%s", names->len ? ", " : "", name);
        n++;
      }
  if (d != NULL)
    g_dir_close (d);
  return n;
}

static gint64
measure_opener (OpenChild *opener, const char *dir, GBytes *template_bytes)
{
  gint64 total = 0;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *said = NULL;
      gint64 start;

      if (template_bytes != NULL)
        g_assert_true (g_file_set_contents (opener->path, g_bytes_get_data (template_bytes, NULL),
                                            (gssize) g_bytes_get_size (template_bytes), NULL));
      else
        g_unlink (opener->path);
      start = g_get_monotonic_time ();
      said = kill_opener (opener, 10 * G_USEC_PER_SEC);
      g_assert_cmpstr (said, ==, "A");
      total += g_get_monotonic_time () - start;
      rel_remove_tree (dir);
      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
    }
  return total / 3;
}

void
test_create (void)
{
  guint n_kills = rel_env_uint ("NB_CRASH_OPEN_KILLS", 30);
  g_autofree char *dir = rel_make_tmpdir ("nb-crash-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "nianbao.db", NULL);
  g_autoptr(NbReport) report = rel_make_report (ORGAN, YEAR, crash_seed, 300);
  g_autoptr(GRand) rand = g_rand_new_with_seed (crash_seed ^ 0x9abc);
  g_autoptr(GString) leftover_names = g_string_new (NULL);
  RelRecord *record = rel_record_begin ("crash/create",
    "SIGKILL while a new database is created and the first report saved into "
    "it: the next start always opens the file (or creates it afresh)");
  Verifier verifier = { path, FALSE, TRUE, report, NULL };
  OpenChild opener = { path, report };
  Snapshot snapshot = { 0 };
  guint acked = 0, leftovers = 0;
  gint64 runtime = measure_opener (&opener, dir, NULL);

  for (guint round = 0; round < n_kills; round++)
    {
      g_autofree char *said = kill_opener (&opener, g_rand_int_range (rand, 0, (gint32) (runtime * 6 / 5) + 1));

      take_snapshot (&verifier, &snapshot);
      if (g_strcmp0 (said, "A") == 0)
        {
          acked++;
          g_assert_cmpstr (snapshot.which, ==, "a");
        }
      else
        g_assert_true (g_strcmp0 (snapshot.which, "a") == 0 ||
                       g_strcmp0 (snapshot.which, "missing") == 0);
      leftovers += count_leftovers (dir, leftover_names);
      rel_remove_tree (dir);
      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
    }

  rel_record_int (record, "kills", n_kills);
  rel_record_int (record, "created_before_kill", acked);
  rel_record_int (record, "refused_after_kill", 0);
  rel_record_int (record, "leftover_temporary_files", leftovers);
  /* the next start removes what a killed creation left */
  if (leftovers > 0)
    g_error ("temporary files left by killed creations: %s", leftover_names->str);
  rel_record_double (record, "create_ms", runtime / 1000.0);
  rel_record_end (record, "survived");
  snapshot_clear (&snapshot);
  rel_remove_tree (dir);
}

/* A database of schema version 1, as the first release wrote it. */
static GBytes *
make_version_1 (const char *path, NbReport *report)
{
  g_autofree char *contents = NULL;
  sqlite3 *db = NULL;
  gsize length = 0;

  create_database (path, report);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE exports; DROP TABLE acks; PRAGMA user_version = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_unlink (path);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static gint64
read_user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

void
test_migrate (void)
{
  guint n_kills = rel_env_uint ("NB_CRASH_OPEN_KILLS", 30);
  g_autofree char *dir = rel_make_tmpdir ("nb-crash-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "nianbao.db", NULL);
  g_autofree char *backup = g_strdup_printf ("%s.v1.bak", path);
  g_autoptr(NbReport) report = rel_make_report (ORGAN, YEAR, crash_seed, 3000);
  g_autoptr(GRand) rand = g_rand_new_with_seed (crash_seed ^ 0xdef0);
  g_autoptr(GBytes) version_1 = make_version_1 (path, report);
  g_autoptr(GString) leftover_names = g_string_new (NULL);
  RelRecord *record = rel_record_begin ("crash/migrate",
    "SIGKILL while a version-1 database is backed up and upgraded: the next "
    "start opens it, the data is intact, and an upgraded file always has its backup");
  Verifier verifier = { path, FALSE, FALSE, report, NULL };
  OpenChild opener = { path, NULL };
  Snapshot snapshot = { 0 };
  guint upgraded = 0, leftovers = 0;
  gint64 runtime = measure_opener (&opener, dir, version_1);

  for (guint round = 0; round < n_kills; round++)
    {
      g_autofree char *said = NULL;
      gint64 version;

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (version_1, NULL),
                                          (gssize) g_bytes_get_size (version_1), NULL));
      said = kill_opener (&opener, g_rand_int_range (rand, 0, (gint32) (runtime * 6 / 5) + 1));
      version = read_user_version (path);
      if (version == NB_STORE_SCHEMA_VERSION)
        {
          g_autofree char *integrity = rel_integrity_check_file (backup);

          /* upgraded by the killed process: its backup must be there, whole */
          upgraded++;
          g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
          g_assert_cmpstr (integrity, ==, "ok");
          g_assert_cmpint (read_user_version (backup), ==, 1);
        }
      take_snapshot (&verifier, &snapshot);
      g_assert_cmpstr (snapshot.which, ==, "a");
      leftovers += count_leftovers (dir, leftover_names);
      rel_remove_tree (dir);
      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
    }

  rel_record_int (record, "kills", n_kills);
  rel_record_int (record, "upgraded_before_kill", upgraded);
  rel_record_int (record, "leftover_temporary_files", leftovers);
  if (leftovers > 0)
    g_test_message ("temporary files left by killed upgrades: %s", leftover_names->str);
  rel_record_double (record, "upgrade_ms", runtime / 1000.0);
  rel_record_end (record, "survived");
  snapshot_clear (&snapshot);
  rel_remove_tree (dir);
}
