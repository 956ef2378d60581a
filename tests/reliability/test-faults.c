/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving and exporting when the disk is full or read-only, and the
 * database deleted or replaced under a running process: a clear message,
 * the stored values as they were, no partial file, never a crash.
 *
 * The full and read-only places are small tmpfs mounts made in a mount
 * namespace of the test's own (it needs root, or CAP_SYS_ADMIN; without
 * it those tests are skipped), so nothing outside the test sees them.
 */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "nb-store.h"
#include "nb-store-schema.h"
#include "rel-common.h"
#include "rel-kill.h"

#define ORGAN "故障测试局"
#define YEAR 2024
#define SAMPLE_ORGAN "临川市青溪区柳塘街道办事处"

static char *mount_problem;  /* NULL when we may mount */

typedef struct
{
  char *dir;      /* on the ordinary disk */
  char *mnt;      /* where a tmpfs gets mounted */
  gboolean mounted;
} Fixture;

static void
enter_private_mounts (void)
{
  if (unshare (CLONE_NEWNS) != 0)
    mount_problem = g_strdup_printf ("no mount namespace: %s", g_strerror (errno));
  else if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    mount_problem = g_strdup_printf ("cannot make mounts private: %s", g_strerror (errno));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = rel_make_tmpdir ("nb-faults-XXXXXX");
  f->mnt = g_build_filename (f->dir, "mnt", NULL);
  g_assert_cmpint (g_mkdir (f->mnt, 0700), ==, 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->mounted)
    umount2 (f->mnt, MNT_DETACH);
  rel_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->mnt);
}

/* FALSE (and the test skipped) when no tmpfs can be mounted. */
static gboolean
mount_tmpfs (Fixture *f, unsigned long flags, const char *options)
{
  if (mount_problem == NULL && mount ("nianbao-test", f->mnt, "tmpfs", flags, options) != 0)
    mount_problem = g_strdup_printf ("cannot mount a tmpfs: %s", g_strerror (errno));
  if (mount_problem != NULL)
    {
      g_test_skip (mount_problem);
      return FALSE;
    }
  f->mounted = TRUE;
  return TRUE;
}

/* Fills the file system of @dir, then frees about @leave bytes. */
static void
fill_disk (const char *dir, gsize leave)
{
  g_autofree char *path = g_build_filename (dir, "filler", NULL);
  static const gsize chunks[] = { 1 << 16, 1 << 12, 1 << 9 };
  char buffer[1 << 16];
  goffset total = 0;
  int fd = g_open (path, O_WRONLY | O_CREAT | O_APPEND, 0600);

  g_assert_cmpint (fd, >=, 0);
  memset (buffer, 0x5a, sizeof buffer);
  for (guint i = 0; i < G_N_ELEMENTS (chunks); i++)
    for (;;)
      {
        gssize wrote = write (fd, buffer, chunks[i]);

        if (wrote < 0 && errno == EINTR)
          continue;
        if (wrote <= 0)
          {
            g_assert_true (wrote == 0 || errno == ENOSPC);
            break;
          }
        total += wrote;
      }
  if (leave > 0)
    g_assert_cmpint (ftruncate (fd, MAX (0, total - (goffset) leave)), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
}

static void
free_disk (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "filler", NULL);

  g_unlink (path);
}

static NbStore *
open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  NbStore *store = nb_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
assert_stored (const char *path, NbReport *expected)
{
  g_autoptr(NbStore) store = open_ok (path);
  g_autoptr(NbReport) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = rel_integrity_check (nb_store_get_db (store));

  g_assert_cmpstr (integrity, ==, "ok");
  loaded = nb_store_load (store, nb_report_get_organ_name (expected),
                          nb_report_get_year (expected), &error);
  g_assert_no_error (error);
  g_assert_true (nb_report_equal (loaded, expected));
}

/* An edit as people make them: a figure, or a longer text. */
static void
edit (NbReport *report, guint i, GRand *rand)
{
  if (i % 3 == 2)
    {
      g_autofree char *text = rel_random_text (rand, 1500);

      nb_report_set_part (report, NB_TEXT_OVERVIEW, 0,
                          nb_report_get_part_heading (report, NB_TEXT_OVERVIEW, 0), text);
    }
  else
    nb_report_set_figure (report, (guint) g_rand_int_range (rand, 0, NB_N_CELLS),
                          g_rand_int_range (rand, 0, 1000000));
}

/* The editor's session on a database whose disk fills up: every save up to
 * the full disk is kept, the first one that does not fit fails with a clear
 * message and changes nothing, and once there is room again the same
 * session saves. At several amounts of room left when the session starts. */
static void
test_full_save (Fixture *f, gconstpointer data)
{
  static const gsize levels[] = { 0, 4096, 16384, 65536, 262144 };
  g_autofree char *path = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *message = NULL;
  RelRecord *record;
  guint saved = 0, refused = 0, reopen_refused = 0;

  if (!mount_tmpfs (f, 0, "size=4m"))
    return;
  record = rel_record_begin ("faults/disk-full-save",
    "an editing session on a 4 MB tmpfs that fills up (started with 0 to 256 KiB free): "
    "the save that does not fit fails with a message and changes nothing, "
    "every earlier save is kept, the same session saves again once there is room");
  path = g_build_filename (f->mnt, "nianbao.db", NULL);

  for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
    {
      g_autoptr(NbReport) report = rel_make_report (ORGAN, YEAR, l + 1, 300);
      g_autoptr(NbReport) confirmed = NULL;
      g_autoptr(NbStore) store = NULL;
      g_autoptr(GError) error = NULL;
      gboolean failed = FALSE;

      rel_remove_tree (f->mnt);
      g_mkdir (f->mnt, 0700);
      store = open_ok (path);
      g_assert_true (nb_store_save (store, report, NB_STORE_SAVE_NEW, "editor", &error));
      confirmed = nb_report_copy (report);
      fill_disk (f->mnt, levels[l]);

      for (guint i = 0; i < 5000 && !failed; i++)
        {
          edit (report, i, rand);
          if (nb_store_save (store, report, NB_STORE_SAVE_ANY, "editor", &error))
            {
              nb_report_assign (confirmed, report);
              saved++;
              continue;
            }
          failed = TRUE;
          refused++;
          g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_IO);
          g_assert_nonnull (strstr (error->message, path));
          if (message == NULL)
            message = g_strdup (error->message);
          g_test_message ("with %zu bytes free at the start, after %u saves: %s",
                          levels[l], i, error->message);
          g_clear_error (&error);
        }
      g_assert_true (failed);

      /* the editor retries: still no room, still a clean refusal */
      for (guint retry = 0; retry < 3; retry++)
        {
          g_assert_false (nb_store_save (store, report, NB_STORE_SAVE_ANY, "editor", &error));
          g_clear_error (&error);
        }
      nb_store_checkpoint (store, NULL);

      /* another program opening the database meanwhile sees the saved data */
      {
        g_autoptr(NbStore) other = nb_store_open (path, &error);

        if (other == NULL)
          {
            reopen_refused++;
            g_test_message ("opening it again on the full disk: %s", error->message);
            g_clear_error (&error);
          }
        else
          {
            g_autoptr(NbReport) loaded = nb_store_load (other, ORGAN, YEAR, &error);

            g_assert_no_error (error);
            g_assert_true (nb_report_equal (loaded, confirmed));
          }
      }

      free_disk (f->mnt);
      g_assert_true (nb_store_save (store, report, NB_STORE_SAVE_ANY, "editor", &error));
      g_assert_no_error (error);
      g_clear_object (&store);
      assert_stored (path, report);
    }

  rel_record_int (record, "fill_levels", G_N_ELEMENTS (levels));
  rel_record_int (record, "saves_kept", saved);
  rel_record_int (record, "saves_refused_disk_full", refused);
  rel_record_int (record, "reopen_refused_while_full", reopen_refused);
  rel_record_str (record, "message", message);
  rel_record_int (record, "lost", 0);
  rel_record_end (record, "survived");
}

static int
run_quiet (const char *const *args, char **err)
{
  g_autofree char *out = NULL;
  int code = rel_run_cli (args, &out, err);

  g_assert_cmpint (code, <, 128); /* never a crash */
  return code;
}

static gboolean
pdf_readable (const char *path)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  const char *argv[] = { pdfinfo, path, NULL };
  int status = 1;

  if (pdfinfo == NULL)
    return g_file_test (path, G_FILE_TEST_IS_REGULAR);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, NULL);
  return g_spawn_check_wait_status (status, NULL);
}

static char *
import_sample (const char *db)
{
  const char *sample = g_getenv ("NIANBAO_SAMPLE");
  const char *args[] = { "--db", db, "import", sample, NULL };

  g_assert_nonnull (sample);
  g_assert_cmpint (run_quiet (args, NULL), ==, 0);
  return rel_file_sha256 (db);
}

static gint64
count_exports (const char *db)
{
  g_autoptr(NbStore) store = open_ok (db);
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (nb_store_get_db (store), "SELECT count(*) FROM exports", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Exports into a place that cannot take them: each either succeeds with a
 * whole file or fails with @expect in its message, leaving the folder as it
 * was (an older export of the same name untouched). */
static void
try_exports (const char *db, const char *dir, const char *format, const char *expect,
             const gsize *levels, guint n_levels, guint *refused, guint *written,
             char **message)
{
  g_autofree char *out = g_strdup_printf ("%s/report.%s", dir, format);
  g_autofree char *old = rel_file_sha256 (out);

  for (guint l = 0; l < n_levels; l++)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *err = NULL;
      const char *args[] = { "--db", db, "export", "--organ", SAMPLE_ORGAN, "--year", "2024",
                             "--format", format, "-o", out, NULL };
      int code;

      if (levels != NULL)
        fill_disk (dir, levels[l]);
      before = rel_list_entries (dir);
      code = run_quiet (args, &err);
      after = rel_list_entries (dir);
      if (code == 0)
        {
          (*written)++;
          g_assert_true (strcmp (format, "json") == 0 || pdf_readable (out));
          g_free (old);
          old = rel_file_sha256 (out);
        }
      else
        {
          g_autofree char *now = rel_file_sha256 (out);

          (*refused)++;
          g_assert_cmpint (code, ==, 1);
          g_assert_nonnull (strstr (err, expect));
          g_assert_cmpstr (before, ==, after);   /* no partial or temporary file */
          g_assert_cmpstr (old, ==, now);        /* the previous export intact */
          if (*message == NULL)
            *message = g_strstrip (g_strdup (err));
        }
      if (levels != NULL)
        free_disk (dir);
    }
}

static void
test_full_export (Fixture *f, gconstpointer data)
{
  static const gsize levels[] = { 0, 4096, 32768, 131072, 400000, 700000 };
  g_autofree char *db = g_build_filename (f->dir, "nianbao.db", NULL);
  g_autofree char *message = NULL;
  g_autofree char *json_message = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *integrity = NULL;
  RelRecord *record;
  guint refused = 0, written = 0;
  gint64 exports_before;

  if (rel_cli_path () == NULL)
    {
      g_test_skip ("NIANBAO_CLI is not set");
      return;
    }
  if (!mount_tmpfs (f, 0, "size=4m"))
    return;
  record = rel_record_begin ("faults/disk-full-export",
    "nianbao-cli export --format pdf and json onto a full tmpfs (0 B to 700 kB free): "
    "exit 1 with a message, no partial or temporary file, an older export of the "
    "same name untouched, the database unchanged");
  sha = import_sample (db);

  {
    /* an earlier export, made while there was room */
    g_autofree char *out = g_build_filename (f->mnt, "report.pdf", NULL);
    const char *args[] = { "--db", db, "export", "--organ", SAMPLE_ORGAN, "--year", "2024",
                           "--format", "pdf", "-o", out, NULL };

    g_assert_cmpint (run_quiet (args, NULL), ==, 0);
  }
  exports_before = count_exports (db);
  {
    const char *args[] = { "--db", db, "set", "--organ", SAMPLE_ORGAN, "--year", "2024",
                           "t3.new.natural", "4321", NULL };

    g_assert_cmpint (run_quiet (args, NULL), ==, 0);
  }

  try_exports (db, f->mnt, "pdf", "No space left", levels, G_N_ELEMENTS (levels),
               &refused, &written, &message);
  try_exports (db, f->mnt, "json", "No space left", levels, 2, &refused, &written, &json_message);

  /* only the exports that were written are recorded */
  g_assert_cmpint (count_exports (db), ==, exports_before + written);
  integrity = rel_integrity_check_file (db);
  g_assert_cmpstr (integrity, ==, "ok");

  rel_record_int (record, "exports_tried", G_N_ELEMENTS (levels) + 2);
  rel_record_int (record, "refused_disk_full", refused);
  rel_record_int (record, "written_whole", written);
  rel_record_int (record, "partial_files_left", 0);
  rel_record_str (record, "message", message);
  rel_record_str (record, "json_message", json_message);
  rel_record_end (record, "survived");
  g_assert_cmpuint (refused, >=, 4);
}

static void
test_readonly_export (Fixture *f, gconstpointer data)
{
  g_autofree char *db = g_build_filename (f->dir, "nianbao.db", NULL);
  g_autofree char *message = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *sha_after = NULL;
  RelRecord *record;
  guint refused = 0, written = 0;

  if (rel_cli_path () == NULL)
    {
      g_test_skip ("NIANBAO_CLI is not set");
      return;
    }
  if (!mount_tmpfs (f, MS_RDONLY, "size=1m"))
    return;
  record = rel_record_begin ("faults/read-only-export",
    "nianbao-cli export --format pdf and json into a read-only file system: "
    "exit 1 with a message, nothing created");
  sha = import_sample (db);
  try_exports (db, f->mnt, "pdf", "Read-only file system", NULL, 1, &refused, &written, &message);
  try_exports (db, f->mnt, "json", "Read-only file system", NULL, 1, &refused, &written, &message);
  g_assert_cmpuint (rel_count_entries (f->mnt), ==, 0);
  g_assert_cmpuint (written, ==, 0);
  /* the database as it was: nothing recorded as exported */
  sha_after = rel_file_sha256 (db);
  g_assert_cmpstr (sha, ==, sha_after);
  integrity = rel_integrity_check_file (db);
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (count_exports (db), ==, 0);

  rel_record_int (record, "exports_tried", 2);
  rel_record_int (record, "refused", refused);
  rel_record_str (record, "message", message);
  rel_record_end (record, "survived");
}

/* A database on a disk that became read-only: reading works or is refused
 * clearly, writing is refused clearly, and the file is left as it was. */
static void
test_readonly_db (Fixture *f, gconstpointer data)
{
  g_autofree char *db = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sample_copy = NULL;
  g_autoptr(GString) outcomes = g_string_new (NULL);
  RelRecord *record;
  guint refused = 0, worked = 0;
  struct
  {
    const char *name;
    gboolean writes;
    const char *args[12];
  } commands[] = {
    { "list", FALSE, { "list", NULL } },
    { "check", FALSE, { "check", "--organ", SAMPLE_ORGAN, "--year", "2024", NULL } },
    { "export", FALSE, { "export", "--organ", SAMPLE_ORGAN, "--year", "2024", NULL } },
    { "history", FALSE, { "history", "--organ", SAMPLE_ORGAN, "--year", "2024", NULL } },
    { "set", TRUE, { "set", "--organ", SAMPLE_ORGAN, "--year", "2024", "t3.new.natural", "5", NULL } },
    { "import", TRUE, { "import", "--replace", NULL, NULL } },
  };

  if (rel_cli_path () == NULL)
    {
      g_test_skip ("NIANBAO_CLI is not set");
      return;
    }
  if (!mount_tmpfs (f, 0, "size=2m"))
    return;
  record = rel_record_begin ("faults/read-only-database",
    "a database on a file system remounted read-only: every reading nianbao-cli command "
    "works, every writing one exits 1 with a message, and the file stays byte-identical");
  db = g_build_filename (f->mnt, "nianbao.db", NULL);
  sha = import_sample (db);
  sample_copy = g_build_filename (f->dir, "sample.json", NULL);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (g_getenv ("NIANBAO_SAMPLE"), &contents, NULL, NULL));
    g_assert_true (g_file_set_contents (sample_copy, contents, -1, NULL));
  }
  commands[5].args[2] = sample_copy;
  g_assert_cmpint (mount (NULL, f->mnt, NULL, MS_REMOUNT | MS_RDONLY, NULL), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autofree char *err = NULL;
      int code;

      g_ptr_array_add (args, (gpointer) "--db");
      g_ptr_array_add (args, db);
      for (guint a = 0; commands[i].args[a] != NULL; a++)
        g_ptr_array_add (args, (gpointer) commands[i].args[a]);
      g_ptr_array_add (args, NULL);
      code = run_quiet ((const char *const *) args->pdata, &err);
      g_string_append_printf (outcomes, "%s%s: %d", outcomes->len ? "; " : "", commands[i].name, code);
      /* opened read-only: reading works, writing is refused with a message */
      if (!commands[i].writes)
        {
          if (code != 0)
            g_error ("%s on a read-only database: exit %d, %s", commands[i].name, code, err);
          worked++;
        }
      else
        {
          refused++;
          g_assert_cmpint (code, ==, 1);
          g_assert_nonnull (strstr (err, db));
          g_assert_nonnull (strstr (err, "read"));
          g_test_message ("%s: %s", commands[i].name, err);
          if (refused == 1)
            rel_record_str (record, "message", g_strstrip (err));
        }
      g_free (after);
      after = rel_file_sha256 (db);
      g_assert_cmpstr (sha, ==, after);
    }

  rel_record_int (record, "commands", G_N_ELEMENTS (commands));
  rel_record_int (record, "worked", worked);
  rel_record_int (record, "refused_with_message", refused);
  rel_record_str (record, "exit_codes", outcomes->str);
  rel_record_end (record, "survived");
}


static char *
which_report (NbStore *store, NbReport *a, NbReport *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) loaded = nb_store_load (store, ORGAN, YEAR, &error);

  if (loaded == NULL)
    return g_strdup_printf ("none (%s)", error->message);
  return g_strdup (nb_report_equal (loaded, a) ? "a" : b && nb_report_equal (loaded, b) ? "b" : "neither");
}

/* A session whose database file is deleted while it runs (the -wal and
 * -shm stay): the next save must not pretend to have kept anything. */
static void
test_deleted (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "nianbao.db", NULL);
  g_autoptr(NbReport) report = rel_make_report (ORGAN, YEAR, 1, 300);
  g_autoptr(NbStore) store = open_ok (path);
  g_autoptr(NbStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *reopened = NULL;
  g_autofree char *integrity = NULL;
  RelRecord *record = rel_record_begin ("faults/database-deleted",
    "the database file is deleted while a session has it open, then the session saves: "
    "a refusal with a message, never a crash nor a save that only seems to succeed");
  gboolean saved;

  g_assert_true (nb_store_save (store, report, NB_STORE_SAVE_NEW, "editor", &error));
  for (guint i = 0; i < 5; i++)
    {
      nb_report_set_figure (report, i, 100 + i);
      g_assert_true (nb_store_save (store, report, NB_STORE_SAVE_ANY, "editor", &error));
    }
  g_assert_cmpint (g_unlink (path), ==, 0);

  nb_report_set_figure (report, 0, 999);
  saved = nb_store_save (store, report, NB_STORE_SAVE_ANY, "editor", &error);
  outcome = saved ? g_strdup ("the save reported success") : g_strdup (error->message);
  g_test_message ("save after the file was deleted: %s", outcome);
  g_clear_error (&error);
  nb_store_checkpoint (store, NULL);
  g_clear_object (&store);

  /* the next start: a new, empty database (what was deleted is gone) */
  again = nb_store_open (path, &error);
  g_assert_no_error (error);
  integrity = rel_integrity_check (nb_store_get_db (again));
  g_assert_cmpstr (integrity, ==, "ok");
  reopened = which_report (again, report, NULL);

  rel_record_str (record, "save_after_delete", outcome);
  rel_record_str (record, "next_start_finds", reopened);
  rel_record_str (record, "integrity", integrity);
  rel_record_end (record, saved ? "FAILED: the save after the deletion reported success" : "survived");
  /* SQLite would go on writing into the -wal beside the path */
  g_assert_false (saved);
  g_assert_nonnull (strstr (outcome, path));
  /* and that -wal must not bring the deleted data back into a new file */
  g_assert_true (g_str_has_prefix (reopened, "none"));
}

/* A session whose database file is replaced (a backup copied back over
 * it) while it runs: the replacement must stay exactly as it was put
 * there, and sound, whatever the session does afterwards. */
static void
test_replaced (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "nianbao.db", NULL);
  g_autofree char *other = g_build_filename (f->dir, "backup.db", NULL);
  g_autoptr(NbReport) a = rel_make_report (ORGAN, YEAR, 1, 300);
  /* a backup of another size, so that pages do not line up by chance */
  g_autoptr(NbReport) b = rel_make_report (ORGAN, YEAR, 2, 30000);
  g_autoptr(NbStore) store = open_ok (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *seen_meanwhile = NULL;
  g_autofree char *seen_after = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *sha_b = NULL;
  g_autofree char *sha_after = NULL;
  RelRecord *record = rel_record_begin ("faults/database-replaced",
    "another database file is moved over the one a session has open, then the session "
    "saves and closes: the replacement stays intact and sound");
  gboolean saved;

  {
    g_autoptr(NbStore) backup = open_ok (other);

    g_assert_true (nb_store_save (backup, b, NB_STORE_SAVE_NEW, "import", &error));
  }
  g_assert_true (nb_store_save (store, a, NB_STORE_SAVE_NEW, "editor", &error));
  for (guint i = 0; i < 5; i++)
    {
      nb_report_set_figure (a, i, 100 + i);
      g_assert_true (nb_store_save (store, a, NB_STORE_SAVE_ANY, "editor", &error));
    }
  sha_b = rel_file_sha256 (other);
  g_assert_cmpint (g_rename (other, path), ==, 0);

  nb_report_set_figure (a, 0, 999);
  saved = nb_store_save (store, a, NB_STORE_SAVE_ANY, "editor", &error);
  outcome = saved ? g_strdup ("the save reported success") : g_strdup (error->message);
  g_test_message ("save after the file was replaced: %s", outcome);
  g_clear_error (&error);

  /* another program (nianbao-cli) opening it meanwhile */
  {
    g_autoptr(NbStore) second = nb_store_open (path, &error);

    if (second == NULL)
      seen_meanwhile = g_strdup_printf ("refused (%s)", error->message);
    else
      {
        g_autofree char *check = rel_integrity_check (nb_store_get_db (second));
        g_autofree char *which = which_report (second, a, b);

        seen_meanwhile = g_strdup_printf ("%s, integrity %s", which, check);
      }
    g_clear_error (&error);
  }
  g_test_message ("another process meanwhile finds: %s", seen_meanwhile);
  g_clear_object (&store);

  sha_after = rel_file_sha256 (path);
  {
    g_autoptr(NbStore) last = open_ok (path);

    integrity = rel_integrity_check (nb_store_get_db (last));
    seen_after = which_report (last, a, b);
  }

  rel_record_str (record, "save_after_replace", outcome);
  rel_record_str (record, "other_process_meanwhile", seen_meanwhile);
  rel_record_str (record, "after_close", seen_after);
  rel_record_str (record, "integrity", integrity);
  rel_record_int (record, "replacement_bytes_changed", g_strcmp0 (sha_b, sha_after) != 0);
  rel_record_end (record, saved || g_strcmp0 (seen_after, "b") != 0 || g_strcmp0 (sha_b, sha_after) != 0
                          ? "FAILED: the replacement was not left as it was put there" : "survived");
  g_assert_false (saved);
  g_assert_nonnull (strstr (outcome, path));
  /* the session's -wal must not be paired with the replacement */
  g_assert_true (g_str_has_prefix (seen_meanwhile, "b,"));
  g_assert_cmpstr (seen_after, ==, "b");
  g_assert_cmpstr (sha_b, ==, sha_after);
  g_assert_cmpstr (integrity, ==, "ok");
}

int
main (int argc, char **argv)
{
  enter_private_mounts ();
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/faults/disk-full/save", test_full_save);
  ADD ("/faults/disk-full/export", test_full_export);
  ADD ("/faults/read-only/export", test_readonly_export);
  ADD ("/faults/read-only/database", test_readonly_db);
  ADD ("/faults/moved/deleted", test_deleted);
  ADD ("/faults/moved/replaced", test_replaced);
  return g_test_run ();
}
