/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <string.h>

#include "nb-number.h"
#include "nb-store.h"
#include "nb-store-log.h"
#include "nb-store-private.h"
#include "nb-store-schema.h"

/* What this connection last loaded or saved of one report: the base from
 * which the caller's copy was made, for the three-way merge on save. */
typedef struct
{
  NbReport *report;
  guint64 used;       /* the store's clock when last used */
} Base;

/* Enough for an editor, its last-year report and a few more; a bulk
 * reader (aggregate, check --series) keeps only the latest. A report whose
 * base was dropped is diffed against the stored one, as before merging. */
#define MAX_BASES 64

G_DEFINE_FINAL_TYPE (NbStore, nb_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (nb-store-error-quark, nb_store_error)

void
nb_store_release_statement (NbStatement *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
base_free (gpointer data)
{
  Base *base = data;

  g_object_unref (base->report);
  g_free (base);
}

static char *
dup_base_key (const char *organ, guint year)
{
  return g_strdup_printf ("%u:%s", year, organ);
}

NbReport *
nb_store_lookup_base (NbStore *self, const char *organ, guint year)
{
  g_autofree char *key = dup_base_key (organ, year);
  Base *base = g_hash_table_lookup (self->bases, key);

  if (base == NULL)
    return NULL;
  base->used = ++self->clock;
  return base->report;
}

/* Takes @report, a copy no caller holds. */
void
nb_store_remember_base (NbStore *self, NbReport *report)
{
  char *key = dup_base_key (nb_report_get_organ_name (report), nb_report_get_year (report));
  Base *base;

  if (!g_hash_table_contains (self->bases, key) && g_hash_table_size (self->bases) >= MAX_BASES)
    {
      GHashTableIter iter;
      gpointer oldest_key = NULL;
      gpointer some_key, value;
      guint64 oldest = G_MAXUINT64;

      g_hash_table_iter_init (&iter, self->bases);
      while (g_hash_table_iter_next (&iter, &some_key, &value))
        if (((Base *) value)->used < oldest)
          {
            oldest = ((Base *) value)->used;
            oldest_key = some_key;
          }
      g_hash_table_remove (self->bases, oldest_key);
    }
  base = g_new0 (Base, 1);
  base->report = report;
  base->used = ++self->clock;
  g_hash_table_replace (self->bases, key, base);
}

static gboolean
is_base_of (gpointer key, gpointer value, gpointer organ)
{
  const char *colon = strchr (key, ':');

  return colon != NULL && strcmp (colon + 1, organ) == 0;
}

void
nb_store_forget_bases (NbStore *self, const char *organ)
{
  g_hash_table_foreach_remove (self->bases, is_base_of, (gpointer) organ);
}

void
nb_store_set_sqlite_error (NbStore *self, int rc, GError **error)
{
  nb_store_schema_set_error (error, self->db, rc, self->path);
}

void
nb_store_set_not_found (NbStore *self, const char *organ, guint year, GError **error)
{
  g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND,
               _("No report of “%s” for %u is stored in “%s”"), organ, year, self->path);
}

NbStatement *
nb_store_get_statement (NbStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

      if (rc != SQLITE_OK)
        {
          nb_store_set_sqlite_error (self, rc, error);
          return NULL;
        }
      g_hash_table_insert (self->statements, (gpointer) sql, stmt);
    }
  return stmt;
}

/* 1: a row, 0: no more rows, -1: an error */
int
nb_store_next_row (NbStore *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return 1;
  if (rc == SQLITE_DONE)
    return 0;
  nb_store_set_sqlite_error (self, rc, error);
  return -1;
}

gboolean
nb_store_run_statement (NbStore *self, sqlite3_stmt *stmt, GError **error)
{
  return nb_store_next_row (self, stmt, error) >= 0;
}

gboolean
nb_store_run_sql (NbStore *self, const char *sql, GError **error)
{
  g_autoptr(NbStatement) stmt = nb_store_get_statement (self, sql, error);

  return stmt != NULL && nb_store_run_statement (self, stmt, error);
}

/* NULL binds SQL NULL */
void
nb_store_bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
nb_store_dup_column (sqlite3_stmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

void
nb_store_rollback (NbStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    nb_store_run_sql (self, "ROLLBACK", NULL);
}

/* Lets go of a file that is no longer at our path. SQLite would go on
 * reading and writing the inode it opened, deleted or not, and its -wal
 * and -shm beside the path would be paired with whatever file is there
 * now. So: first our commits go into the file we opened (still whole if it
 * was only moved), which empties the -wal; then the connection closes
 * without the checkpoint-and-delete that closing does, since the -wal and
 * -shm at the path may by now belong to the new file. */
static void
detach (NbStore *self)
{
  int rc;

  if (self->db == NULL)
    return;
  nb_store_rollback (self);
  rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  if (rc != SQLITE_OK)
    g_debug ("“%s”: the last checkpoint into the moved file failed: %s",
             self->path, sqlite3_errmsg (self->db));
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  g_hash_table_remove_all (self->statements);
  sqlite3_close_v2 (self->db);
  self->db = NULL;
}

/* Whether the path still names the file the connection opened. fstat()
 * cannot tell: an open file stays itself when it is unlinked or renamed. */
static gboolean
is_our_file (NbStore *self)
{
  GStatBuf st;

  return self->db != NULL && g_stat (self->check_path, &st) == 0 &&
         st.st_dev == self->dev && st.st_ino == self->ino;
}

/* @writing: the caller was about to store something. On FALSE the store
 * holds the file no longer: every later call fails the same way. */
gboolean
nb_store_check_file (NbStore *self, gboolean writing, GError **error)
{
  if (is_our_file (self))
    return TRUE;
  detach (self);
  if (writing)
    g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_IO,
                 _("The database “%s” was moved, replaced or deleted while Nianbao had it "
                   "open; nothing was saved. Open it again to go on."), self->path);
  else
    g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_IO,
                 _("The database “%s” was moved, replaced or deleted while Nianbao had it "
                   "open. Open it again to go on."), self->path);
  return FALSE;
}

/* The report's row id, its revision and whether it is final, or
 * NOT_FOUND; @revision and @final may be NULL. */
gboolean
nb_store_find_year (NbStore *self, const char *organ, guint year, gint64 *report_id,
                    gint64 *revision, gboolean *final, GError **error)
{
  g_autoptr(NbStatement) stmt =
    nb_store_get_statement (self,
                            "SELECT r.id, r.revision, r.status FROM reports r"
                            " JOIN organs o ON o.id = r.organ_id"
                            " WHERE o.name = ?1 AND r.year = ?2", error);
  int row;

  if (stmt == NULL)
    return FALSE;
  nb_store_bind_text (stmt, 1, organ);
  sqlite3_bind_int64 (stmt, 2, year);
  if ((row = nb_store_next_row (self, stmt, error)) <= 0)
    {
      if (row == 0)
        nb_store_set_not_found (self, organ, year, error);
      return FALSE;
    }
  *report_id = sqlite3_column_int64 (stmt, 0);
  if (revision != NULL)
    *revision = sqlite3_column_int64 (stmt, 1);
  if (final != NULL)
    *final = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), NB_STORE_STATUS_FINAL) == 0;
  return TRUE;
}

/* The report's row id and revision, or NOT_FOUND. */
gboolean
nb_store_find_report (NbStore *self, const char *organ, guint year,
             gint64 *report_id, gint64 *revision, GError **error)
{
  return nb_store_find_year (self, organ, year, report_id, revision, NULL, error);
}

gboolean
nb_store_load_figures (NbStore *self, gint64 report_id, gint64 values[NB_N_CELLS],
              gboolean filled[NB_N_CELLS], GError **error)
{
  g_autoptr(NbStatement) stmt =
    nb_store_get_statement (self, "SELECT cell, value FROM figures WHERE report_id = ?1", error);
  int row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  while ((row = nb_store_next_row (self, stmt, error)) > 0)
    {
      guint cell = nb_format_cell_by_id ((const char *) sqlite3_column_text (stmt, 0));

      if (cell == NB_CELL_NONE)
        continue;
      values[cell] = sqlite3_column_int64 (stmt, 1);
      filled[cell] = TRUE;
    }
  return row == 0;
}

/* Fills @parts[section] with flat (heading, body) arrays. */
gboolean
nb_store_load_parts (NbStore *self, gint64 report_id, GPtrArray *parts[NB_N_TEXT_SECTIONS], GError **error)
{
  g_autoptr(NbStatement) stmt =
    nb_store_get_statement (self,
                   "SELECT section, heading, body FROM parts WHERE report_id = ?1"
                   " ORDER BY section, position", error);
  int row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  while ((row = nb_store_next_row (self, stmt, error)) > 0)
    {
      int section = nb_format_text_section_by_key ((const char *) sqlite3_column_text (stmt, 0));

      if (section < 0)
        continue;
      g_ptr_array_add (parts[section], nb_store_dup_column (stmt, 1));
      g_ptr_array_add (parts[section], nb_store_dup_column (stmt, 2));
    }
  return row == 0;
}

static NbReport *
load_report (NbStore *self, const char *organ, guint year,
             gint64 *report_id, gint64 *revision, GError **error)
{
  g_autoptr(NbStatement) stmt =
    nb_store_get_statement (self,
                   "SELECT r.id, r.revision, r.issued, r.preamble, o.address, o.postcode,"
                   " o.telephone, o.email, o.website"
                   " FROM reports r JOIN organs o ON o.id = r.organ_id"
                   " WHERE o.name = ?1 AND r.year = ?2", error);
  g_autoptr(NbReport) report = NULL;
  GPtrArray *parts[NB_N_TEXT_SECTIONS];
  gint64 values[NB_N_CELLS] = { 0 };
  gboolean filled[NB_N_CELLS] = { 0 };
  gboolean ok;
  int row;

  if (stmt == NULL)
    return NULL;
  nb_store_bind_text (stmt, 1, organ);
  sqlite3_bind_int64 (stmt, 2, year);
  if ((row = nb_store_next_row (self, stmt, error)) <= 0)
    {
      if (row == 0)
        nb_store_set_not_found (self, organ, year, error);
      return NULL;
    }

  report = nb_report_new ();
  *report_id = sqlite3_column_int64 (stmt, 0);
  *revision = sqlite3_column_int64 (stmt, 1);
  nb_report_set_organ_field (report, NB_ORGAN_NAME, organ);
  nb_report_set_year (report, year);
  /* a stored date was checked on the way in */
  nb_report_set_issued (report, (const char *) sqlite3_column_text (stmt, 2), NULL);
  nb_report_set_preamble (report, (const char *) sqlite3_column_text (stmt, 3));
  for (guint f = NB_ORGAN_ADDRESS; f < NB_N_ORGAN_FIELDS; f++)
    nb_report_set_organ_field (report, f, (const char *) sqlite3_column_text (stmt, 4 + (int) f - 1));

  if (!nb_store_load_figures (self, *report_id, values, filled, error))
    return NULL;
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    if (filled[cell])
      nb_report_set_figure (report, cell, values[cell]);

  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    parts[s] = g_ptr_array_new_with_free_func (g_free);
  ok = nb_store_load_parts (self, *report_id, parts, error);
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    {
      for (guint i = 0; ok && i + 1 < parts[s]->len; i += 2)
        nb_report_insert_part (report, s, -1, g_ptr_array_index (parts[s], i),
                               g_ptr_array_index (parts[s], i + 1));
      g_ptr_array_unref (parts[s]);
    }
  return ok ? g_steal_pointer (&report) : NULL;
}

static void
nb_store_finalize (GObject *object)
{
  NbStore *self = NB_STORE (object);

  /* closing checkpoints and deletes the -wal by its path: not if the
   * path names another file by now */
  if (self->db != NULL && !is_our_file (self))
    detach (self);
  /* statements first: SQLite closes only once none is left */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->bases, g_hash_table_unref);
  g_free (self->path);
  g_free (self->check_path);

  G_OBJECT_CLASS (nb_store_parent_class)->finalize (object);
}

static void
nb_store_class_init (NbStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_store_finalize;
}

static void
nb_store_init (NbStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  self->bases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, base_free);
}

void
nb_store_entry_free (NbStoreEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->organ);
  g_free (entry->status);
  g_free (entry->updated);
  g_free (entry);
}

void
nb_store_edit_free (NbStoreEdit *edit)
{
  if (edit == NULL)
    return;
  g_free (edit->at);
  g_free (edit->field);
  g_free (edit->old_value);
  g_free (edit->new_value);
  g_free (edit->source);
  g_free (edit);
}

char *
nb_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "nianbao", "nianbao.db", NULL);
}

/* NULL once the file was found moved, replaced or deleted */
sqlite3 *
nb_store_get_db (NbStore *self)
{
  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  return self->db;
}

/**
 * nb_store_open:
 * @path: the database file; created, with its folder, when it does not exist
 *
 * A file that is not a Nianbao database, is damaged or was made by a newer
 * version is refused and left exactly as it was. On read-only media or in
 * a read-only folder the store opens read-only (nb_store_is_read_only()).
 */
NbStore *
nb_store_open (const char *path, GError **error)
{
  NbStore *self;
  sqlite3 *db;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((db = nb_store_schema_open (path, error)) == NULL)
    return NULL;
  self = g_object_new (NB_TYPE_STORE, NULL);
  self->db = db;
  self->read_only = sqlite3_db_readonly (db, "main") == 1;
  self->path = g_strdup (path);
  /* absolute: the process may change folders */
  self->check_path = g_canonicalize_filename (path, NULL);
  if (g_stat (self->check_path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_IO,
                   _("Could not open “%s”: %s"), path, g_strerror (saved));
      g_object_unref (self);
      return NULL;
    }
  self->dev = st.st_dev;
  self->ino = st.st_ino;
  return self;
}

const char *
nb_store_get_path (NbStore *self)
{
  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  return self->path;
}

/* Every stored report, by organ name (in code-point order) and year. */
GPtrArray *
nb_store_list (NbStore *self, GError **error)
{
  g_autoptr(NbStatement) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int row;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!nb_store_check_file (self, FALSE, error))
    return NULL;
  stmt = nb_store_get_statement (self,
                        "SELECT o.name, r.year, r.status, r.revision, r.updated"
                        " FROM reports r JOIN organs o ON o.id = r.organ_id"
                        " ORDER BY o.name, r.year", error);
  if (stmt == NULL)
    return NULL;
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_store_entry_free);
  while ((row = nb_store_next_row (self, stmt, error)) > 0)
    {
      NbStoreEntry *entry = g_new0 (NbStoreEntry, 1);

      entry->organ = nb_store_dup_column (stmt, 0);
      entry->year = (guint) sqlite3_column_int64 (stmt, 1);
      entry->status = nb_store_dup_column (stmt, 2);
      entry->revision = sqlite3_column_int64 (stmt, 3);
      entry->updated = nb_store_dup_column (stmt, 4);
      g_ptr_array_add (entries, entry);
    }
  return row == 0 ? g_steal_pointer (&entries) : NULL;
}

/* The report as stored now; it also becomes the base against which a
 * later nb_store_save_full() of this report (or a copy) merges. */
NbReport *
nb_store_load (NbStore *self, const char *organ, guint year, GError **error)
{
  g_autoptr(NbReport) report = NULL;
  gint64 report_id, revision;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (organ != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!nb_store_check_file (self, FALSE, error))
    return NULL;
  /* one read transaction, so that the report is one state of the file */
  if (!nb_store_run_sql (self, "BEGIN", error))
    return NULL;
  report = load_report (self, organ, year, &report_id, &revision, error);
  nb_store_rollback (self);
  if (report != NULL)
    nb_store_remember_base (self, nb_report_copy (report));
  return g_steal_pointer (&report);
}

/* Returns: the revision, or -1 with @error set (NOT_FOUND when there is
 * no such report). */
gint64
nb_store_get_revision (NbStore *self, const char *organ, guint year, GError **error)
{
  gint64 report_id, revision;

  g_return_val_if_fail (NB_IS_STORE (self), -1);
  g_return_val_if_fail (organ != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!nb_store_check_file (self, FALSE, error) ||
      !nb_store_find_report (self, organ, year, &report_id, &revision, error))
    return -1;
  return revision;
}

gboolean
nb_store_checkpoint (NbStore *self, GError **error)
{
  int rc;

  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* a read-only store has made no save to make safe */
  if (self->read_only)
    return TRUE;
  if (!nb_store_check_file (self, TRUE, error))
    return FALSE;
  /* PASSIVE: never waits for, nor blocks, another connection */
  rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      nb_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
nb_store_history (NbStore *self, const char *organ, guint year, const char *field,
                  GError **error)
{
  g_autoptr(NbStatement) stmt = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  gint64 report_id;
  int row;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (organ != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!nb_store_check_file (self, FALSE, error) ||
      !nb_store_find_report (self, organ, year, &report_id, NULL, error))
    return NULL;
  if (field != NULL)
    stmt = nb_store_get_statement (self,
                          "SELECT id, at, field, old, new, source, revision FROM edits"
                          " WHERE report_id = ?1 AND field = ?2 ORDER BY revision, id", error);
  else
    stmt = nb_store_get_statement (self,
                          "SELECT id, at, field, old, new, source, revision FROM edits"
                          " WHERE report_id = ?1 ORDER BY revision, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  if (field != NULL)
    nb_store_bind_text (stmt, 2, field);

  edits = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_store_edit_free);
  while ((row = nb_store_next_row (self, stmt, error)) > 0)
    {
      NbStoreEdit *edit = g_new0 (NbStoreEdit, 1);

      edit->id = sqlite3_column_int64 (stmt, 0);
      edit->at = nb_store_dup_column (stmt, 1);
      edit->field = nb_store_dup_column (stmt, 2);
      edit->old_value = nb_store_dup_column (stmt, 3);
      edit->new_value = nb_store_dup_column (stmt, 4);
      edit->source = nb_store_dup_column (stmt, 5);
      edit->revision = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (edits, edit);
    }
  return row == 0 ? g_steal_pointer (&edits) : NULL;
}

/* Walks the log backwards from the stored report, undoing every edit made
 * after @revision: whatever was once stored can be had again. Revision 0 is
 * the report before anything was filled in. */
NbReport *
nb_store_load_revision (NbStore *self, const char *organ, guint year, gint64 revision,
                        GError **error)
{
  g_autoptr(NbStatement) stmt = NULL;
  g_autoptr(NbReport) report = NULL;
  gint64 report_id, current;
  int row;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (organ != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* one read transaction, so that the report and the log agree */
  if (!nb_store_check_file (self, FALSE, error) || !nb_store_run_sql (self, "BEGIN", error))
    return NULL;
  report = load_report (self, organ, year, &report_id, &current, error);
  if (report != NULL && (revision < 0 || revision > current))
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND,
                   _("The report of “%s” for %u has no revision %" PRId64
                     " (the latest is %" PRId64 ")"),
                   organ, year, (int64_t) revision, (int64_t) current);
      g_clear_object (&report);
    }
  if (report != NULL)
    stmt = nb_store_get_statement (self,
                          "SELECT field, old FROM edits WHERE report_id = ?1 AND revision > ?2"
                          " ORDER BY revision DESC, id DESC", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, report_id);
      sqlite3_bind_int64 (stmt, 2, revision);
      while ((row = nb_store_next_row (self, stmt, error)) > 0)
        nb_store_log_undo (report, (const char *) sqlite3_column_text (stmt, 0),
                   (const char *) sqlite3_column_text (stmt, 1));
      if (row < 0)
        g_clear_object (&report);
    }
  else
    g_clear_object (&report);
  g_clear_pointer (&stmt, nb_store_release_statement);
  nb_store_rollback (self);
  return g_steal_pointer (&report);
}
