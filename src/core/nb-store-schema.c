/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "nb-store-private.h"
#include "nb-store-schema.h"

#define HEADER_SIZE 100

/* The result of looking at a file without writing to it. */
typedef enum
{
  VERIFY_OK,
  VERIFY_REFUSED,   /* error set */
  VERIFY_NEEDS_RW,  /* a crashed transaction must be recovered first */
} Verify;

typedef struct
{
  guint32 application_id;
  guint32 user_version;
  guint32 page_size;
  guint32 n_pages;     /* 0 when the header's page count cannot be trusted */
  goffset size;
} Header;

/* Each step runs in its own transaction, after a backup of the file.
 * Never edit a step that has shipped: add a new one. */
static const char *const steps[] = {
  /* 1: organs, their reports by year, figures, texts and the edit log */
  "CREATE TABLE organs ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (name <> ''),"
  "  address TEXT, postcode TEXT, telephone TEXT, email TEXT, website TEXT);"
  "CREATE TABLE reports ("
  "  id INTEGER PRIMARY KEY,"
  "  organ_id INTEGER NOT NULL REFERENCES organs (id),"
  "  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),"
  "  issued TEXT, preamble TEXT,"
  "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),"
  "  revision INTEGER NOT NULL DEFAULT 0,"
  "  updated TEXT NOT NULL,"
  "  UNIQUE (organ_id, year));"
  "CREATE TABLE figures ("
  "  report_id INTEGER NOT NULL REFERENCES reports (id),"
  "  cell TEXT NOT NULL,"
  "  value INTEGER NOT NULL,"
  "  PRIMARY KEY (report_id, cell)) WITHOUT ROWID;"
  "CREATE TABLE parts ("
  "  report_id INTEGER NOT NULL REFERENCES reports (id),"
  "  section TEXT NOT NULL CHECK (section IN ('overview', 'problems', 'other')),"
  "  position INTEGER NOT NULL,"
  "  heading TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  PRIMARY KEY (report_id, section, position)) WITHOUT ROWID;"
  "CREATE TABLE edits ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  report_id INTEGER NOT NULL REFERENCES reports (id),"
  "  field TEXT NOT NULL,"
  "  old TEXT,"
  "  new TEXT,"
  "  source TEXT NOT NULL,"
  "  revision INTEGER NOT NULL);"
  /* (report_id, revision) orders a report's edits as they were made */
  "CREATE INDEX edits_by_report ON edits (report_id, revision);"
  "CREATE TRIGGER edits_no_update BEFORE UPDATE ON edits"
  "  BEGIN SELECT RAISE (ABORT, 'the edit log is append-only'); END;"
  "CREATE TRIGGER edits_no_delete BEFORE DELETE ON edits"
  "  BEGIN SELECT RAISE (ABORT, 'the edit log is append-only'); END;",

  /* 2: acknowledged warnings and the record of exported PDFs */
  "CREATE TABLE acks ("
  "  report_id INTEGER NOT NULL REFERENCES reports (id),"
  "  key TEXT NOT NULL,"
  "  note TEXT NOT NULL,"
  "  at TEXT NOT NULL,"
  "  PRIMARY KEY (report_id, key)) WITHOUT ROWID;"
  "CREATE TABLE exports ("
  "  id INTEGER PRIMARY KEY,"
  "  report_id INTEGER NOT NULL REFERENCES reports (id),"
  "  revision INTEGER NOT NULL,"
  "  sha256 TEXT NOT NULL CHECK (length (sha256) = 64),"
  "  made_at TEXT NOT NULL,"
  "  data TEXT NOT NULL);"
  "CREATE INDEX exports_by_sha256 ON exports (sha256);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (steps) == NB_STORE_SCHEMA_VERSION);

/* The tables each schema version must have, with the columns the store
 * reads and writes; a file that claims the version without them is
 * damaged, or another program's file in our clothes. */
static const struct
{
  const char *name;
  guint since;
  const char *columns;
} tables[] = {
  { "organs", 1, "id, name, address, postcode, telephone, email, website" },
  { "reports", 1, "id, organ_id, year, issued, preamble, status, revision, updated" },
  { "figures", 1, "report_id, cell, value" },
  { "parts", 1, "report_id, section, position, heading, body" },
  { "edits", 1, "id, at, report_id, field, old, new, source, revision" },
  { "acks", 2, "report_id, key, note, at" },
  { "exports", 2, "id, report_id, revision, sha256, made_at, data" },
};

const char *
nb_store_schema_step (guint version)
{
  if (version == 0 || version > G_N_ELEMENTS (steps))
    return NULL;
  return steps[version - 1];
}

void
nb_store_schema_set_error (GError **error, sqlite3 *db, int rc, const char *path)
{
  int primary = rc & 0xff;
  const char *what = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_CORRUPT,
                 _("The database “%s” is damaged: %s"), path, what);
  else
    g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_IO,
                 _("Database “%s”: %s"), path, what);
}

gboolean
nb_store_schema_exec (sqlite3 *db, const char *path, const char *script, GError **error)
{
  const char *tail = script;

  while (tail != NULL && *tail != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v3 (db, tail, -1, 0, &stmt, &tail);

      if (rc != SQLITE_OK)
        {
          nb_store_schema_set_error (error, db, rc, path);
          return FALSE;
        }
      if (stmt == NULL) /* only blanks were left */
        break;
      do
        rc = sqlite3_step (stmt);
      while (rc == SQLITE_ROW);
      if (rc != SQLITE_DONE)
        nb_store_schema_set_error (error, db, rc, path);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (sqlite3 *db, const char *path, const char *sql, gint64 *value, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v3 (db, sql, -1, 0, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  else
    nb_store_schema_set_error (error, db, rc, path);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW;
}

static gboolean
configure (sqlite3 *db, const char *path, GError **error)
{
  int defensive = 0, trusted = 1;

  sqlite3_extended_result_codes (db, 1);
  /* Nothing inside a file may run code of ours or let SQL rewrite the
   * schema behind our back: the file may come from anywhere. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, &defensive);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &trusted);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
  if (defensive != 1 || trusted != 0)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_IO,
                   _("Database “%s”: SQLite refused the safe settings"), path);
      return FALSE;
    }
  sqlite3_busy_timeout (db, 5000);
  return nb_store_schema_exec (db, path, "PRAGMA foreign_keys = ON;", error);
}

static void
set_not_nianbao (GError **error, const char *path)
{
  g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_NIANBAO,
               _("“%s” is not a Nianbao database"), path);
}

static guint32
read_be (const guint8 *p, guint n)
{
  guint32 v = 0;

  for (guint i = 0; i < n; i++)
    v = (v << 8) | p[i];
  return v;
}

/* Reads the 100-byte SQLite header with plain read(2): a file that is no
 * SQLite database of ours is refused before SQLite ever opens it. */
static gboolean
read_header (const char *path, Header *header, GError **error)
{
  static const char magic[] = "SQLite format 3"; /* 16 bytes with its NUL */
  guint8 buf[HEADER_SIZE];
  GStatBuf st;
  gssize n = 0;
  int fd;

  fd = g_open (path, O_RDONLY, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_IO,
                   _("Could not open “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      set_not_nianbao (error, path);
      return FALSE;
    }
  while (n < HEADER_SIZE)
    {
      gssize got = read (fd, buf + n, HEADER_SIZE - (gsize) n);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        break;
      n += got;
    }
  close (fd);

  if (n < HEADER_SIZE || memcmp (buf, magic, sizeof magic) != 0)
    {
      set_not_nianbao (error, path);
      return FALSE;
    }

  header->size = st.st_size;
  header->page_size = read_be (buf + 16, 2);
  if (header->page_size == 1)
    header->page_size = 65536;
  header->n_pages = read_be (buf + 28, 4);
  /* the page count is valid only when written by the same change as the
   * change counter */
  if (read_be (buf + 24, 4) != read_be (buf + 92, 4))
    header->n_pages = 0;
  header->user_version = read_be (buf + 60, 4);
  header->application_id = read_be (buf + 68, 4);
  return TRUE;
}

static gboolean
check_header (const char *path, const Header *header, gboolean has_journal, GError **error)
{
  gboolean bad_size;

  if (header->application_id != NB_STORE_APPLICATION_ID)
    {
      set_not_nianbao (error, path);
      return FALSE;
    }
  if (header->page_size < 512 || header->page_size > 65536 ||
      (header->page_size & (header->page_size - 1)) != 0)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged: its header is not valid"), path);
      return FALSE;
    }
  /* With a journal or WAL beside it, the file may legitimately be mid-way
   * through a transaction that recovery will finish. */
  bad_size = header->size % header->page_size != 0 ||
             header->size < (goffset) header->page_size * header->n_pages;
  if (!has_journal && bad_size)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged: it is shorter than its header says "
                     "(was it cut off while being copied?)"), path);
      return FALSE;
    }
  return TRUE;
}

/* Whatever the connection, the file must be ours, not too new, and hold
 * the tables its version promises. */
static gboolean
check_identity (sqlite3 *db, const char *path, gint64 *version, GError **error)
{
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  gint64 id;
  int rc;

  if (!query_int (db, path, "PRAGMA application_id", &id, error))
    return FALSE;
  if (id != NB_STORE_APPLICATION_ID)
    {
      set_not_nianbao (error, path);
      return FALSE;
    }
  if (!query_int (db, path, "PRAGMA user_version", version, error))
    return FALSE;
  if (*version > NB_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NEWER,
                   _("“%s” was made by a newer version of Nianbao (database version %d; "
                     "this version reads up to %d)"),
                   path, (int) MIN (*version, G_MAXINT), NB_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (*version < 0)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged: its version is not valid"), path);
      return FALSE;
    }

  rc = sqlite3_prepare_v3 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'",
                           -1, 0, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_hash_table_add (found, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    nb_store_schema_set_error (error, db, rc, path);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = NULL;

      if (tables[i].since > *version)
        continue;
      if (!g_hash_table_contains (found, tables[i].name))
        {
          g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_CORRUPT,
                       _("The database “%s” is damaged: the table “%s” is missing"),
                       path, tables[i].name);
          return FALSE;
        }
      /* Preparing reads the schema only. Found wanting here, on the
       * read-only connection, a file is refused before anything (the
       * switch to WAL) writes to it. */
      sql = g_strdup_printf ("SELECT %s FROM \"%s\" LIMIT 0", tables[i].columns, tables[i].name);
      rc = sqlite3_prepare_v3 (db, sql, -1, 0, &stmt, NULL);
      sqlite3_finalize (stmt);
      stmt = NULL;
      if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_ERROR)
        {
          nb_store_schema_set_error (error, db, rc, path);
          return FALSE;
        }
      if (rc != SQLITE_OK)
        {
          g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_CORRUPT,
                       _("The database “%s” is damaged: the table “%s” is not as Nianbao "
                         "made it (%s)"),
                       path, tables[i].name, sqlite3_errmsg (db));
          return FALSE;
        }
    }
  return TRUE;
}

/* A full read of every page: too slow for every start with years of data,
 * but worth it before a migration rewrites the file. */
static gboolean
quick_check (sqlite3 *db, const char *path, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v3 (db, "PRAGMA quick_check(1)", -1, 0, &stmt, NULL);
  gboolean ok = FALSE;

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 0);

      ok = g_strcmp0 (result, "ok") == 0;
      if (!ok)
        g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_CORRUPT,
                     _("The database “%s” is damaged: %s"), path, result ? result : "?");
    }
  else
    nb_store_schema_set_error (error, db, rc, path);
  sqlite3_finalize (stmt);
  return ok;
}

/* "file:" URI for SQLite, every byte that could mean something else escaped. */
static char *
build_uri (const char *path, gboolean immutable)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  GString *uri = g_string_new ("file:");

  for (const char *p = absolute; *p; p++)
    {
      guchar c = (guchar) *p;

      if (g_ascii_isalnum (c) || (strchr ("/._-~", c) != NULL && !(c == '/' && p == absolute + 1)))
        g_string_append_c (uri, (char) c);
      else
        g_string_append_printf (uri, "%%%02X", c);
    }
  g_string_append (uri, immutable ? "?mode=ro&immutable=1" : "?mode=ro");
  return g_string_free (uri, FALSE);
}

/* Opens @path read-only and checks it. "immutable" makes SQLite take no
 * lock and create no -journal, -wal or -shm file, so that a file we refuse
 * is left exactly as it was; it is only safe when no journal is pending. */
static Verify
verify (const char *path, gboolean immutable, GError **error)
{
  g_autofree char *uri = build_uri (path, immutable);
  g_autoptr(GError) local = NULL;
  sqlite3 *db = NULL;
  gint64 version = 0;
  int rc;
  Verify result = VERIFY_OK;

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    nb_store_schema_set_error (&local, db, rc, path);
  if (local == NULL && configure (db, path, &local) &&
      check_identity (db, path, &version, &local) &&
      version < NB_STORE_SCHEMA_VERSION)
    quick_check (db, path, &local);

  /* A hot journal can only be rolled back by a writer. */
  rc = sqlite3_extended_errcode (db);
  if (local != NULL && !immutable &&
      g_error_matches (local, NB_STORE_ERROR, NB_STORE_ERROR_IO) &&
      ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN ||
       (rc & 0xff) == SQLITE_BUSY))
    {
      g_debug ("“%s” has a journal to recover before it can be checked: %s",
               path, local->message);
      result = VERIFY_NEEDS_RW;
    }
  else if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      result = VERIFY_REFUSED;
    }
  sqlite3_close (db);
  return result;
}

static gboolean
backup (sqlite3 *db, const char *path, gint64 version, GError **error)
{
  g_autofree char *bak = g_strdup_printf ("%s.v%d.bak", path, (int) version);
  g_autofree char *tmp = g_strdup_printf ("%s.tmp", bak);
  g_autofree char *tmp_journal = g_strdup_printf ("%s-journal", tmp);
  sqlite3 *dest = NULL;
  sqlite3_backup *job;
  gboolean ok = FALSE;
  int rc;

  g_unlink (tmp);
  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      nb_store_schema_set_error (error, dest, rc, tmp);
      goto out;
    }
  job = sqlite3_backup_init (dest, "main", db, "main");
  if (job == NULL)
    {
      nb_store_schema_set_error (error, dest, sqlite3_errcode (dest), tmp);
      goto out;
    }
  rc = sqlite3_backup_step (job, -1);
  sqlite3_backup_finish (job);
  if (rc != SQLITE_DONE)
    {
      nb_store_schema_set_error (error, dest, rc, tmp);
      goto out;
    }
  /* the copy is one self-contained file, whatever the original's mode */
  if (!nb_store_schema_exec (dest, tmp, "PRAGMA journal_mode = DELETE;", error))
    goto out;
  sqlite3_close (dest);
  dest = NULL;
  if (g_rename (tmp, bak) != 0)
    {
      int saved = errno;

      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_IO,
                   _("Could not write “%s”: %s"), bak, g_strerror (saved));
      goto out;
    }
  ok = TRUE;

out:
  if (!ok)
    {
      g_prefix_error (error, _("No backup of “%s” could be made, so it was not upgraded: "), path);
      sqlite3_close (dest);
      g_unlink (tmp);
      g_unlink (tmp_journal);
    }
  return ok;
}

/* One step, in its own transaction. The version is read again under the
 * write lock, since another Nianbao may have just done the same step. */
static gboolean
migrate_step (sqlite3 *db, const char *path, gboolean *done, GError **error)
{
  g_autofree char *finish = NULL;
  gint64 version = 0;

  if (!nb_store_schema_exec (db, path, "BEGIN IMMEDIATE;", error))
    return FALSE;
  if (query_int (db, path, "PRAGMA user_version", &version, error))
    {
      if (version >= NB_STORE_SCHEMA_VERSION)
        {
          *done = TRUE;
          return nb_store_schema_exec (db, path, "COMMIT;", error);
        }
      /* plain numbers, not data: PRAGMA takes no bound parameters */
      finish = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d; COMMIT;",
                                NB_STORE_APPLICATION_ID, (int) version + 1);
      if (nb_store_schema_exec (db, path, steps[version], error) &&
          nb_store_schema_exec (db, path, finish, error))
        return TRUE;
    }
  if (!sqlite3_get_autocommit (db))
    nb_store_schema_exec (db, path, "ROLLBACK;", NULL);
  return FALSE;
}

static gboolean
migrate (sqlite3 *db, const char *path, GError **error)
{
  gboolean done = FALSE;

  while (!done)
    if (!migrate_step (db, path, &done, error))
      {
        g_prefix_error (error, _("Could not upgrade “%s” (it was left as it was): "), path);
        return FALSE;
      }
  return TRUE;
}

/* A new database is built under a temporary name and linked into place
 * only once complete, so that a crash never leaves a half-made file that
 * the next start would refuse. */
static gboolean
create_database (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = NULL;
  g_autofree char *tmp_journal = NULL;
  sqlite3 *db = NULL;
  gboolean ok = FALSE;
  int fd;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_IO,
                   _("Could not create the folder “%s” for the database: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }
  fd = nb_store_make_locked_temporary (path, &tmp);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_IO,
                   _("Could not create the database “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  /* @fd stays open to the end: it holds the lock */
  tmp_journal = g_strdup_printf ("%s-journal", tmp);

  rc = sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    nb_store_schema_set_error (error, db, rc, path);
  else if (configure (db, path, error) && migrate (db, path, error))
    ok = TRUE;
  sqlite3_close (db);

  /* link() will not replace a database another instance made meanwhile */
  if (ok && link (tmp, path) != 0 && errno != EEXIST && g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_IO,
                   _("Could not create the database “%s”: %s"), path, g_strerror (saved));
      ok = FALSE;
    }
  g_unlink (tmp);
  g_unlink (tmp_journal);
  close (fd);
  return ok;
}

static sqlite3 *
open_read_write (const char *path, GError **error)
{
  sqlite3 *db = NULL;
  gint64 version = 0;
  g_autofree char *mode = NULL;
  int rc;

  /* no SQLITE_OPEN_CREATE: a file that vanished is not silently recreated empty */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      nb_store_schema_set_error (error, db, rc, path);
      goto fail;
    }
  if (!configure (db, path, error) || !check_identity (db, path, &version, error))
    goto fail;
  if (version < NB_STORE_SCHEMA_VERSION &&
      (!quick_check (db, path, error) || !backup (db, path, version, error)))
    goto fail;

  /* Journal: WAL with synchronous=NORMAL, not the rollback journal.
   * bench-store, one figure changed and saved, median of 200, on an SSD
   * idle / busy with other programs' writes:
   *   DELETE + FULL   1.1 ms / 20 ms  (4 fdatasyncs per commit)
   *   WAL + FULL      0.35 ms / 4.5 ms (1 fdatasync per commit)
   *   WAL + NORMAL    0.07 ms / 0.07 ms (no sync; checkpoints sync)
   * Only WAL + NORMAL keeps a save within 2 ms whatever the disk is doing,
   * and the editor saves on the main loop. It keeps what we promise: every
   * committed transaction survives the process being killed (it is in the
   * -wal file, replayed on the next open: see the "killed" test), and a
   * crash at any moment leaves a consistent database. What it gives up: a
   * power cut can take back the commits of the last seconds that the
   * kernel had not yet written out (never consistency); nb_store_checkpoint()
   * closes that window when the editor is idle, and closing the store does
   * the same. Closing also removes the -wal, so a closed database is one
   * file again. Where WAL is impossible (no shared memory, some network
   * file systems) SQLite keeps the rollback journal, and then FULL. */
  {
    sqlite3_stmt *stmt = NULL;

    rc = sqlite3_prepare_v3 (db, "PRAGMA journal_mode = WAL", -1, 0, &stmt, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
      mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    if (mode == NULL)
      {
        nb_store_schema_set_error (error, db, rc, path);
        goto fail;
      }
    g_debug ("“%s”: journal mode %s", path, mode);
    if (!nb_store_schema_exec (db, path,
                               g_ascii_strcasecmp (mode, "wal") == 0
                               ? "PRAGMA synchronous = NORMAL;"
                               : "PRAGMA synchronous = FULL;",
                               error))
      goto fail;
  }

  if (version < NB_STORE_SCHEMA_VERSION && !migrate (db, path, error))
    goto fail;
  return db;

fail:
  sqlite3_close (db);
  return NULL;
}

/* Whether SQLite may write the file and make its -wal and -shm beside it.
 * access() also knows a read-only mount, where root may not write either. */
static gboolean
can_write (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return access (path, W_OK) == 0 && access (dir, W_OK) == 0;
}

/* Read-only media or folder. A WAL database needs its -shm beside it even
 * to be read: SQLite 3.40 reads through an -shm that exists (read-only),
 * but cannot make one, and then says "unable to open database file".
 * Such a file is opened "immutable" (no locks, no -shm), which is right
 * only while no -wal holds commits the file itself lacks: with one, the
 * file is refused rather than shown as it stood before them. */
static sqlite3 *
open_read_only (const char *path, GError **error)
{
  g_autofree char *wal = g_strdup_printf ("%s-wal", path);
  GStatBuf st;
  gboolean wal_has_data = g_stat (wal, &st) == 0 && st.st_size > 0;

  for (int immutable = 0; immutable <= 1; immutable++)
    {
      g_autofree char *uri = build_uri (path, immutable);
      g_autoptr(GError) local = NULL;
      sqlite3 *db = NULL;
      gint64 version = 0;
      int rc;

      rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
      if (rc != SQLITE_OK)
        nb_store_schema_set_error (&local, db, rc, path);
      if (local == NULL && configure (db, path, &local) &&
          check_identity (db, path, &version, &local))
        {
          if (version >= NB_STORE_SCHEMA_VERSION)
            {
              g_debug ("“%s”: opened read-only%s", path, immutable ? " (immutable)" : "");
              return db;
            }
          g_set_error (&local, NB_STORE_ERROR, NB_STORE_ERROR_READ_ONLY,
                       _("“%s” was made by an older version of Nianbao and must be upgraded, "
                         "but it can only be read here (read-only media or folder)"), path);
        }
      rc = sqlite3_extended_errcode (db) & 0xff;
      sqlite3_close (db);
      if (immutable || wal_has_data ||
          !g_error_matches (local, NB_STORE_ERROR, NB_STORE_ERROR_IO) ||
          (rc != SQLITE_CANTOPEN && rc != SQLITE_READONLY))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }
  g_assert_not_reached ();
}

sqlite3 *
nb_store_schema_open (const char *path, GError **error)
{
  g_autofree char *wal = NULL;
  g_autofree char *journal = NULL;
  gboolean has_journal;
  GStatBuf st;
  Header header;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      if (saved != ENOENT)
        {
          g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_IO,
                       _("Could not open “%s”: %s"), path, g_strerror (saved));
          return NULL;
        }
      if (!create_database (path, error))
        return NULL;
    }

  wal = g_strdup_printf ("%s-wal", path);
  journal = g_strdup_printf ("%s-journal", path);
  has_journal = g_file_test (wal, G_FILE_TEST_EXISTS) ||
                g_file_test (journal, G_FILE_TEST_EXISTS);

  if (!read_header (path, &header, error) ||
      !check_header (path, &header, has_journal, error))
    return NULL;
  if (verify (path, !has_journal, error) == VERIFY_REFUSED)
    return NULL;
  if (!can_write (path))
    return open_read_only (path, error);
  if ((db = open_read_write (path, error)) != NULL)
    nb_store_remove_abandoned_temporaries (path);
  return db;
}
