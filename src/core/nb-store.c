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
#include "nb-store-schema.h"

struct _NbStore
{
  GObject parent_instance;

  /* the database */
  char *path;
  sqlite3 *db;

  /* SQL text (a literal) → sqlite3_stmt, prepared on first use and kept */
  GHashTable *statements;

  /* the file the connection opened: the path must still name it */
  char *check_path;
  dev_t dev;
  ino_t ino;

  /* "year:organ" → Base */
  GHashTable *bases;
  guint64 clock;
};

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

/* A cached statement in use: going out of scope resets it (it stays
 * prepared), so that no finished query keeps a read transaction open. */
typedef sqlite3_stmt NbStatement;

static void
release_statement (NbStatement *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbStatement, release_statement)

/* The state of one nb_store_save() */
typedef struct
{
  NbStore *self;
  NbReport *report;
  NbReport *base;      /* what @report was made from, or NULL: diff against the stored report */
  gint64 report_id;
  gint64 revision;     /* the revision this save makes, if it changes anything */
  const char *at;
  const char *source;
  guint n_edits;
  GPtrArray *merges;   /* NbStoreMerge: other writers' changes, for @report once committed */
} Save;

/* A field of the caller's report against the stored one and the base:
 * the three-way merge that keeps two writers from undoing each other. */
typedef enum
{
  KEEP,    /* the stored value stands, and the caller has it already */
  WRITE,   /* the caller changed it: store it (over another writer's change: last one wins) */
  MERGE,   /* another writer changed it, the caller did not: the caller gets it */
} Decision;

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

static NbReport *
lookup_base (NbStore *self, const char *organ, guint year)
{
  g_autofree char *key = dup_base_key (organ, year);
  Base *base = g_hash_table_lookup (self->bases, key);

  if (base == NULL)
    return NULL;
  base->used = ++self->clock;
  return base->report;
}

/* Takes @report, a copy no caller holds. */
static void
remember_base (NbStore *self, NbReport *report)
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

static Decision
decide (Save *save, gboolean mine_is_stored, gboolean mine_is_base, gboolean stored_is_base)
{
  if (save->base == NULL || !mine_is_base)
    return mine_is_stored ? KEEP : WRITE;
  return stored_is_base ? KEEP : MERGE;
}

/* The stored form of "blank" may be NULL or "", the report's is NULL. */
static const char *
nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

/* For an organ field, the date of issue and the preamble; @final gets the
 * value the row must hold after the save. */
static Decision
decide_text (Save *save, const char *mine, const char *stored, const char *base,
             NbChange what, guint index, const char **final)
{
  Decision decision;

  stored = nonempty (stored);
  decision = decide (save, g_strcmp0 (mine, stored) == 0, g_strcmp0 (mine, base) == 0,
                     g_strcmp0 (stored, base) == 0);
  *final = decision == WRITE ? mine : stored;
  if (decision == MERGE)
    {
      NbStoreMerge *merge = nb_store_log_merge_new (what, index);

      merge->text = g_strdup (stored);
      g_ptr_array_add (save->merges, merge);
    }
  return decision;
}

static void
set_error (NbStore *self, int rc, GError **error)
{
  nb_store_schema_set_error (error, self->db, rc, self->path);
}

static void
set_not_found (NbStore *self, const char *organ, guint year, GError **error)
{
  g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND,
               _("No report of “%s” for %u is stored in “%s”"), organ, year, self->path);
}

static NbStatement *
get_statement (NbStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

      if (rc != SQLITE_OK)
        {
          set_error (self, rc, error);
          return NULL;
        }
      g_hash_table_insert (self->statements, (gpointer) sql, stmt);
    }
  return stmt;
}

/* 1: a row, 0: no more rows, -1: an error */
static int
next_row (NbStore *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return 1;
  if (rc == SQLITE_DONE)
    return 0;
  set_error (self, rc, error);
  return -1;
}

static gboolean
run_statement (NbStore *self, sqlite3_stmt *stmt, GError **error)
{
  return next_row (self, stmt, error) >= 0;
}

static gboolean
run_sql (NbStore *self, const char *sql, GError **error)
{
  g_autoptr(NbStatement) stmt = get_statement (self, sql, error);

  return stmt != NULL && run_statement (self, stmt, error);
}

/* NULL binds SQL NULL */
static void
bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static char *
dup_column (sqlite3_stmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
rollback (NbStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    run_sql (self, "ROLLBACK", NULL);
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
  rollback (self);
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
static gboolean
check_file (NbStore *self, gboolean writing, GError **error)
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

/* The report's row id and revision, or NOT_FOUND. */
static gboolean
find_report (NbStore *self, const char *organ, guint year,
             gint64 *report_id, gint64 *revision, GError **error)
{
  g_autoptr(NbStatement) stmt =
    get_statement (self,
                   "SELECT r.id, r.revision FROM reports r JOIN organs o ON o.id = r.organ_id"
                   " WHERE o.name = ?1 AND r.year = ?2", error);
  int row;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, organ);
  sqlite3_bind_int64 (stmt, 2, year);
  if ((row = next_row (self, stmt, error)) <= 0)
    {
      if (row == 0)
        set_not_found (self, organ, year, error);
      return FALSE;
    }
  *report_id = sqlite3_column_int64 (stmt, 0);
  if (revision != NULL)
    *revision = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

static gboolean
load_figures (NbStore *self, gint64 report_id, gint64 values[NB_N_CELLS],
              gboolean filled[NB_N_CELLS], GError **error)
{
  g_autoptr(NbStatement) stmt =
    get_statement (self, "SELECT cell, value FROM figures WHERE report_id = ?1", error);
  int row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  while ((row = next_row (self, stmt, error)) > 0)
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
static gboolean
load_parts (NbStore *self, gint64 report_id, GPtrArray *parts[NB_N_TEXT_SECTIONS], GError **error)
{
  g_autoptr(NbStatement) stmt =
    get_statement (self,
                   "SELECT section, heading, body FROM parts WHERE report_id = ?1"
                   " ORDER BY section, position", error);
  int row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  while ((row = next_row (self, stmt, error)) > 0)
    {
      int section = nb_format_text_section_by_key ((const char *) sqlite3_column_text (stmt, 0));

      if (section < 0)
        continue;
      g_ptr_array_add (parts[section], dup_column (stmt, 1));
      g_ptr_array_add (parts[section], dup_column (stmt, 2));
    }
  return row == 0;
}

static NbReport *
load_report (NbStore *self, const char *organ, guint year,
             gint64 *report_id, gint64 *revision, GError **error)
{
  g_autoptr(NbStatement) stmt =
    get_statement (self,
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
  bind_text (stmt, 1, organ);
  sqlite3_bind_int64 (stmt, 2, year);
  if ((row = next_row (self, stmt, error)) <= 0)
    {
      if (row == 0)
        set_not_found (self, organ, year, error);
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

  if (!load_figures (self, *report_id, values, filled, error))
    return NULL;
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    if (filled[cell])
      nb_report_set_figure (report, cell, values[cell]);

  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    parts[s] = g_ptr_array_new_with_free_func (g_free);
  ok = load_parts (self, *report_id, parts, error);
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    {
      for (guint i = 0; ok && i + 1 < parts[s]->len; i += 2)
        nb_report_insert_part (report, s, -1, g_ptr_array_index (parts[s], i),
                               g_ptr_array_index (parts[s], i + 1));
      g_ptr_array_unref (parts[s]);
    }
  return ok ? g_steal_pointer (&report) : NULL;
}

static gboolean
log_edit (Save *save, const char *field, const char *old_value, const char *new_value,
          GError **error)
{
  g_autoptr(NbStatement) stmt =
    get_statement (save->self,
                   "INSERT INTO edits (at, report_id, field, old, new, source, revision)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, save->at);
  sqlite3_bind_int64 (stmt, 2, save->report_id);
  bind_text (stmt, 3, field);
  bind_text (stmt, 4, old_value);
  bind_text (stmt, 5, new_value);
  bind_text (stmt, 6, save->source);
  sqlite3_bind_int64 (stmt, 7, save->revision);
  save->n_edits++;
  return run_statement (save->self, stmt, error);
}

static gboolean
same_figure (gboolean a_filled, gint64 a, gboolean b_filled, gint64 b)
{
  return a_filled == b_filled && (!a_filled || a == b);
}

static gboolean
save_figures (Save *save, GError **error)
{
  NbStore *self = save->self;
  gint64 values[NB_N_CELLS] = { 0 };
  gboolean filled[NB_N_CELLS] = { 0 };

  if (!load_figures (self, save->report_id, values, filled, error))
    return FALSE;

  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    {
      const NbCellInfo *info = nb_format_cell (cell);
      g_autoptr(NbStatement) stmt = NULL;
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;
      gint64 value, base_value = 0;
      gboolean has = nb_report_get_figure (save->report, cell, &value);
      gboolean base_has = save->base != NULL && nb_report_get_figure (save->base, cell, &base_value);
      Decision decision = decide (save, same_figure (has, value, filled[cell], values[cell]),
                                  same_figure (has, value, base_has, base_value),
                                  same_figure (filled[cell], values[cell], base_has, base_value));

      if (decision == MERGE)
        {
          NbStoreMerge *merge = nb_store_log_merge_new (NB_CHANGE_FIGURE, cell);

          merge->filled = filled[cell];
          merge->value = values[cell];
          g_ptr_array_add (save->merges, merge);
        }
      if (decision != WRITE)
        continue;

      if (has)
        {
          stmt = get_statement (self,
                                "INSERT INTO figures (report_id, cell, value) VALUES (?1, ?2, ?3)"
                                " ON CONFLICT (report_id, cell) DO UPDATE SET value = excluded.value",
                                error);
          if (stmt != NULL)
            sqlite3_bind_int64 (stmt, 3, value);
          new_text = nb_number_format (value, info->kind);
        }
      else
        stmt = get_statement (self, "DELETE FROM figures WHERE report_id = ?1 AND cell = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, save->report_id);
      bind_text (stmt, 2, info->id);
      if (filled[cell])
        old_text = nb_number_format (values[cell], info->kind);
      if (!run_statement (self, stmt, error) || !log_edit (save, info->id, old_text, new_text, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_section (Save *save, NbTextSection section, GPtrArray *old_parts, GPtrArray *new_parts,
              GError **error)
{
  NbStore *self = save->self;
  const char *key = nb_format_text_section (section)->key;
  g_autofree char *old_json = nb_store_log_parts_to_json (old_parts);
  g_autofree char *new_json = nb_store_log_parts_to_json (new_parts);
  g_autoptr(NbStatement) clear =
    get_statement (self, "DELETE FROM parts WHERE report_id = ?1 AND section = ?2", error);

  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, save->report_id);
  bind_text (clear, 2, key);
  if (!run_statement (self, clear, error))
    return FALSE;

  for (guint i = 0; i + 1 < new_parts->len; i += 2)
    {
      g_autoptr(NbStatement) insert =
        get_statement (self,
                       "INSERT INTO parts (report_id, section, position, heading, body)"
                       " VALUES (?1, ?2, ?3, ?4, ?5)", error);

      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, save->report_id);
      bind_text (insert, 2, key);
      sqlite3_bind_int64 (insert, 3, i / 2);
      bind_text (insert, 4, g_ptr_array_index (new_parts, i));
      bind_text (insert, 5, g_ptr_array_index (new_parts, i + 1));
      if (!run_statement (self, insert, error))
        return FALSE;
    }
  return log_edit (save, key, old_json, new_json, error);
}

/* A section is one field: whoever changed any of its parts changed it. */
static gboolean
save_parts (Save *save, GError **error)
{
  GPtrArray *old_parts[NB_N_TEXT_SECTIONS];
  gboolean ok;

  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    old_parts[s] = g_ptr_array_new_with_free_func (g_free);
  ok = load_parts (save->self, save->report_id, old_parts, error);
  for (guint s = 0; ok && s < NB_N_TEXT_SECTIONS; s++)
    {
      NbReport *base = save->base;
      Decision decision =
        decide (save, nb_store_log_parts_match (save->report, s, old_parts[s]),
                base == NULL || nb_store_log_sections_equal (save->report, base, s),
                base == NULL || nb_store_log_parts_match (base, s, old_parts[s]));

      if (decision == WRITE)
        {
          g_autoptr(GPtrArray) new_parts = nb_store_log_dup_parts (save->report, s);

          ok = save_section (save, s, old_parts[s], new_parts, error);
        }
      else if (decision == MERGE)
        {
          NbStoreMerge *merge = nb_store_log_merge_new (NB_CHANGE_PARTS, s);

          merge->parts = g_ptr_array_ref (old_parts[s]);
          g_ptr_array_add (save->merges, merge);
        }
    }
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    g_ptr_array_unref (old_parts[s]);
  return ok;
}

/* Finds or makes the organ; @stored gets its current metadata. */
static gboolean
find_organ (NbStore *self, const char *name, gint64 *organ_id,
            char *stored[NB_N_ORGAN_FIELDS], GError **error)
{
  g_autoptr(NbStatement) find =
    get_statement (self,
                   "SELECT id, address, postcode, telephone, email, website"
                   " FROM organs WHERE name = ?1", error);
  g_autoptr(NbStatement) insert = NULL;
  int row;

  if (find == NULL)
    return FALSE;
  bind_text (find, 1, name);
  if ((row = next_row (self, find, error)) < 0)
    return FALSE;
  if (row > 0)
    {
      *organ_id = sqlite3_column_int64 (find, 0);
      for (guint f = NB_ORGAN_ADDRESS; f < NB_N_ORGAN_FIELDS; f++)
        stored[f] = dup_column (find, (int) f);
      return TRUE;
    }

  insert = get_statement (self, "INSERT INTO organs (name) VALUES (?1)", error);
  if (insert == NULL)
    return FALSE;
  bind_text (insert, 1, name);
  if (!run_statement (self, insert, error))
    return FALSE;
  *organ_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gboolean
save_organ (Save *save, gint64 organ_id, char *stored[NB_N_ORGAN_FIELDS], GError **error)
{
  g_autoptr(NbStatement) update = NULL;
  const char *final[NB_N_ORGAN_FIELDS] = { NULL };
  gboolean changed = FALSE;

  for (guint f = NB_ORGAN_ADDRESS; f < NB_N_ORGAN_FIELDS; f++)
    {
      const char *value = nb_report_get_organ_field (save->report, f);
      const char *base = save->base ? nb_report_get_organ_field (save->base, f) : NULL;
      g_autofree char *field = NULL;

      if (decide_text (save, value, stored[f], base, NB_CHANGE_ORGAN, f, &final[f]) != WRITE)
        continue;
      field = g_strconcat ("organ.", nb_format_organ_field (f)->key, NULL);
      if (!log_edit (save, field, nonempty (stored[f]), value, error))
        return FALSE;
      changed = TRUE;
    }
  if (!changed)
    return TRUE;

  update = get_statement (save->self,
                          "UPDATE organs SET address = ?2, postcode = ?3, telephone = ?4,"
                          " email = ?5, website = ?6 WHERE id = ?1", error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, organ_id);
  for (guint f = NB_ORGAN_ADDRESS; f < NB_N_ORGAN_FIELDS; f++)
    bind_text (update, (int) f + 1, final[f]);
  return run_statement (save->self, update, error);
}

static gboolean
save_in_transaction (Save *save, NbStoreSaveMode mode, GError **error)
{
  NbStore *self = save->self;
  NbReport *report = save->report;
  const char *name = nb_report_get_organ_name (report);
  guint year = nb_report_get_year (report);
  char *stored_organ[NB_N_ORGAN_FIELDS] = { NULL };
  g_autofree char *stored_issued = NULL;
  g_autofree char *stored_preamble = NULL;
  const char *issued = NULL, *preamble = NULL;
  g_autoptr(NbStatement) find = NULL;
  g_autoptr(NbStatement) update = NULL;
  gboolean created = FALSE;
  gboolean ok = FALSE;
  gint64 organ_id = 0;
  int row;

  if (!find_organ (self, name, &organ_id, stored_organ, error))
    goto out;

  find = get_statement (self,
                        "SELECT id, issued, preamble, revision FROM reports"
                        " WHERE organ_id = ?1 AND year = ?2", error);
  if (find == NULL)
    goto out;
  sqlite3_bind_int64 (find, 1, organ_id);
  sqlite3_bind_int64 (find, 2, year);
  if ((row = next_row (self, find, error)) < 0)
    goto out;
  if (row > 0 && mode == NB_STORE_SAVE_NEW)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_EXISTS,
                   _("A report of “%s” for %u is already stored in “%s”"), name, year, self->path);
      goto out;
    }
  if (row > 0)
    {
      NbReport *base = mode == NB_STORE_SAVE_ANY ? lookup_base (self, name, year) : NULL;

      save->report_id = sqlite3_column_int64 (find, 0);
      stored_issued = dup_column (find, 1);
      stored_preamble = dup_column (find, 2);
      save->revision = sqlite3_column_int64 (find, 3) + 1;
      /* held: a "changed" handler may save another report meanwhile */
      save->base = base != NULL ? g_object_ref (base) : NULL;
    }
  g_clear_pointer (&find, release_statement);
  if (row == 0)
    {
      g_autoptr(NbStatement) insert =
        get_statement (self, "INSERT INTO reports (organ_id, year, updated) VALUES (?1, ?2, ?3)",
                       error);

      if (insert == NULL)
        goto out;
      sqlite3_bind_int64 (insert, 1, organ_id);
      sqlite3_bind_int64 (insert, 2, year);
      bind_text (insert, 3, save->at);
      if (!run_statement (self, insert, error))
        goto out;
      save->report_id = sqlite3_last_insert_rowid (self->db);
      save->revision = 1;
      created = TRUE;
    }

  if (!save_organ (save, organ_id, stored_organ, error))
    goto out;
  if (decide_text (save, nb_report_get_issued (report), stored_issued,
                   save->base ? nb_report_get_issued (save->base) : NULL,
                   NB_CHANGE_ISSUED, 0, &issued) == WRITE &&
      !log_edit (save, "issued", nonempty (stored_issued), issued, error))
    goto out;
  if (decide_text (save, nb_report_get_preamble (report), stored_preamble,
                   save->base ? nb_report_get_preamble (save->base) : NULL,
                   NB_CHANGE_PREAMBLE, 0, &preamble) == WRITE &&
      !log_edit (save, "preamble", nonempty (stored_preamble), preamble, error))
    goto out;
  if (!save_figures (save, error) || !save_parts (save, error))
    goto out;

  /* a save that changes nothing leaves the revision (and "updated") alone */
  if (save->n_edits > 0 || created)
    {
      update = get_statement (self,
                              "UPDATE reports SET issued = ?2, preamble = ?3, revision = ?4,"
                              " updated = ?5 WHERE id = ?1", error);
      if (update == NULL)
        goto out;
      sqlite3_bind_int64 (update, 1, save->report_id);
      bind_text (update, 2, issued);
      bind_text (update, 3, preamble);
      sqlite3_bind_int64 (update, 4, save->revision);
      bind_text (update, 5, save->at);
      if (!run_statement (self, update, error))
        goto out;
    }
  ok = TRUE;

out:
  for (guint f = 0; f < NB_N_ORGAN_FIELDS; f++)
    g_free (stored_organ[f]);
  return ok;
}

/* After the commit: the base becomes what is stored now, and @report gets
 * what other writers stored. Each merged field is put into the base just
 * before the report, so that a "changed" handler that saves again finds
 * the two agreeing on every field it has not been told about yet. */
static guint
finish_save (NbStore *self, Save *save)
{
  guint n_merged = 0;

  if (save->base == NULL)
    {
      remember_base (self, nb_report_copy (save->report));
      return 0;
    }
  nb_store_log_sync (save->base, save->report);
  for (guint i = 0; i < save->merges->len; i++)
    {
      NbStoreMerge *merge = g_ptr_array_index (save->merges, i);

      nb_store_log_merge_apply (merge, save->base);
      n_merged += nb_store_log_merge_apply (merge, save->report);
    }
  return n_merged;
}

/* 64 hex digits, returned in lower case */
static char *
normalize_sha256 (const char *sha256, GError **error)
{
  if (strlen (sha256) != 64 || strspn (sha256, "0123456789abcdefABCDEF") != 64)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("“%s” is not a SHA-256 checksum (64 hexadecimal digits)"), sha256);
      return NULL;
    }
  return g_ascii_strdown (sha256, -1);
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
 * version is refused and left exactly as it was.
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

  if (!check_file (self, FALSE, error))
    return NULL;
  stmt = get_statement (self,
                        "SELECT o.name, r.year, r.status, r.revision, r.updated"
                        " FROM reports r JOIN organs o ON o.id = r.organ_id"
                        " ORDER BY o.name, r.year", error);
  if (stmt == NULL)
    return NULL;
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_store_entry_free);
  while ((row = next_row (self, stmt, error)) > 0)
    {
      NbStoreEntry *entry = g_new0 (NbStoreEntry, 1);

      entry->organ = dup_column (stmt, 0);
      entry->year = (guint) sqlite3_column_int64 (stmt, 1);
      entry->status = dup_column (stmt, 2);
      entry->revision = sqlite3_column_int64 (stmt, 3);
      entry->updated = dup_column (stmt, 4);
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

  if (!check_file (self, FALSE, error))
    return NULL;
  /* one read transaction, so that the report is one state of the file */
  if (!run_sql (self, "BEGIN", error))
    return NULL;
  report = load_report (self, organ, year, &report_id, &revision, error);
  rollback (self);
  if (report != NULL)
    remember_base (self, nb_report_copy (report));
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

  if (!check_file (self, FALSE, error) ||
      !find_report (self, organ, year, &report_id, &revision, error))
    return -1;
  return revision;
}

gboolean
nb_store_save (NbStore *self, NbReport *report, NbStoreSaveMode mode, const char *source,
               GError **error)
{
  return nb_store_save_full (self, report, mode, source, NULL, error);
}

/**
 * nb_store_save_full:
 * @source: who made the change ("editor", "import", "cli", …), for the log
 * @n_merged: (out) (optional): how many fields of @report were changed to
 *   what another writer had stored
 *
 * Stores @report in one transaction: on any error nothing at all has
 * changed, neither in the file nor in @report.
 *
 * With NB_STORE_SAVE_ANY, a report this connection loaded or saved before
 * (or a copy of it) is merged three ways with what is stored now, field by
 * field — a figure, an organ field, the date of issue, the preamble, a
 * whole text section: what the caller changed since is stored (over
 * another writer's change of the same field: the last save wins, and the
 * log has both); what another writer (nianbao-cli set, a second window)
 * changed meanwhile is kept, and put into @report, which emits "changed"
 * for it. Any other report, and every NB_STORE_SAVE_REPLACE, is stored as
 * it is: what differs from the stored report is changed. Each change is
 * logged.
 *
 * The organ's metadata is kept per organ, so saving a report updates it
 * for every year.
 */
gboolean
nb_store_save_full (NbStore *self, NbReport *report, NbStoreSaveMode mode, const char *source,
                    guint *n_merged, GError **error)
{
  g_autofree char *at = NULL;
  g_autoptr(GPtrArray) merges = NULL;
  const char *name;
  Save save = { 0 };
  guint merged;

  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);
  g_return_val_if_fail (mode <= NB_STORE_SAVE_REPLACE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_merged != NULL)
    *n_merged = 0;
  name = nb_report_get_organ_name (report);
  if (name == NULL)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("The report cannot be stored: it has no organ name"));
      return FALSE;
    }
  if (nb_report_get_year (report) == 0)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("The report of “%s” cannot be stored: it has no year"), name);
      return FALSE;
    }
  if (self->db == NULL)
    return check_file (self, TRUE, error);

  at = nb_store_log_now ();
  merges = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_store_log_merge_free);
  save.self = self;
  save.report = report;
  save.at = at;
  save.source = source != NULL ? source : "unknown";
  save.merges = merges;
  if (!run_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  /* under the write lock, which may have been waited for */
  if (!check_file (self, TRUE, error))
    return FALSE;
  if (!save_in_transaction (&save, mode, error) || !run_sql (self, "COMMIT", error))
    {
      rollback (self);
      g_clear_object (&save.base);
      return FALSE;
    }
  merged = finish_save (self, &save);
  g_clear_object (&save.base);
  if (n_merged != NULL)
    *n_merged = merged;
  return TRUE;
}

gboolean
nb_store_checkpoint (NbStore *self, GError **error)
{
  int rc;

  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_file (self, TRUE, error))
    return FALSE;
  /* PASSIVE: never waits for, nor blocks, another connection */
  rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (self, rc, error);
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

  if (!check_file (self, FALSE, error) ||
      !find_report (self, organ, year, &report_id, NULL, error))
    return NULL;
  if (field != NULL)
    stmt = get_statement (self,
                          "SELECT id, at, field, old, new, source, revision FROM edits"
                          " WHERE report_id = ?1 AND field = ?2 ORDER BY revision, id", error);
  else
    stmt = get_statement (self,
                          "SELECT id, at, field, old, new, source, revision FROM edits"
                          " WHERE report_id = ?1 ORDER BY revision, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  if (field != NULL)
    bind_text (stmt, 2, field);

  edits = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_store_edit_free);
  while ((row = next_row (self, stmt, error)) > 0)
    {
      NbStoreEdit *edit = g_new0 (NbStoreEdit, 1);

      edit->id = sqlite3_column_int64 (stmt, 0);
      edit->at = dup_column (stmt, 1);
      edit->field = dup_column (stmt, 2);
      edit->old_value = dup_column (stmt, 3);
      edit->new_value = dup_column (stmt, 4);
      edit->source = dup_column (stmt, 5);
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
  if (!check_file (self, FALSE, error) || !run_sql (self, "BEGIN", error))
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
    stmt = get_statement (self,
                          "SELECT field, old FROM edits WHERE report_id = ?1 AND revision > ?2"
                          " ORDER BY revision DESC, id DESC", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, report_id);
      sqlite3_bind_int64 (stmt, 2, revision);
      while ((row = next_row (self, stmt, error)) > 0)
        nb_store_log_undo (report, (const char *) sqlite3_column_text (stmt, 0),
                   (const char *) sqlite3_column_text (stmt, 1));
      if (row < 0)
        g_clear_object (&report);
    }
  else
    g_clear_object (&report);
  g_clear_pointer (&stmt, release_statement);
  rollback (self);
  return g_steal_pointer (&report);
}

/* @note NULL withdraws the acknowledgement. */
gboolean
nb_store_acknowledge (NbStore *self, const char *organ, guint year, const char *key,
                      const char *note, GError **error)
{
  g_autoptr(NbStatement) stmt = NULL;
  g_autofree char *at = NULL;
  gint64 report_id;

  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (organ != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_file (self, TRUE, error) ||
      !find_report (self, organ, year, &report_id, NULL, error))
    return FALSE;
  if (note == NULL)
    stmt = get_statement (self, "DELETE FROM acks WHERE report_id = ?1 AND key = ?2", error);
  else
    stmt = get_statement (self,
                          "INSERT INTO acks (report_id, key, note, at) VALUES (?1, ?2, ?3, ?4)"
                          " ON CONFLICT (report_id, key) DO UPDATE"
                          " SET note = excluded.note, at = excluded.at", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  bind_text (stmt, 2, key);
  if (note != NULL)
    {
      at = nb_store_log_now ();
      bind_text (stmt, 3, note);
      bind_text (stmt, 4, at);
    }
  return run_statement (self, stmt, error);
}

/* Returns: (transfer full): finding key → note */
GHashTable *
nb_store_get_acks (NbStore *self, const char *organ, guint year, GError **error)
{
  g_autoptr(NbStatement) stmt = NULL;
  g_autoptr(GHashTable) acks = NULL;
  gint64 report_id;
  int row;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (organ != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_file (self, FALSE, error) ||
      !find_report (self, organ, year, &report_id, NULL, error))
    return NULL;
  stmt = get_statement (self, "SELECT key, note FROM acks WHERE report_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  acks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((row = next_row (self, stmt, error)) > 0)
    g_hash_table_insert (acks, dup_column (stmt, 0), dup_column (stmt, 1));
  return row == 0 ? g_steal_pointer (&acks) : NULL;
}

gboolean
nb_store_record_export (NbStore *self, const char *organ, guint year, gint64 revision,
                        const char *sha256, const char *data_json, GError **error)
{
  g_autoptr(NbStatement) stmt = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *at = NULL;
  gint64 report_id, current;

  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (organ != NULL, FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);
  g_return_val_if_fail (data_json != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((sum = normalize_sha256 (sha256, error)) == NULL ||
      !check_file (self, TRUE, error) ||
      !find_report (self, organ, year, &report_id, &current, error))
    return FALSE;
  if (revision < 0 || revision > current)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("The report of “%s” for %u has no revision %" PRId64
                     " (the latest is %" PRId64 ")"),
                   organ, year, (int64_t) revision, (int64_t) current);
      return FALSE;
    }
  stmt = get_statement (self,
                        "INSERT INTO exports (report_id, revision, sha256, made_at, data)"
                        " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  at = nb_store_log_now ();
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_int64 (stmt, 2, revision);
  bind_text (stmt, 3, sum);
  bind_text (stmt, 4, at);
  bind_text (stmt, 5, data_json);
  return run_statement (self, stmt, error);
}

/* The latest export with that checksum; NOT_FOUND when there is none. All
 * out arguments may be NULL. */
gboolean
nb_store_find_export (NbStore *self, const char *sha256, char **organ, guint *year,
                      gint64 *revision, char **made_at, char **data_json, GError **error)
{
  g_autoptr(NbStatement) stmt = NULL;
  g_autofree char *sum = NULL;
  int row;

  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((sum = normalize_sha256 (sha256, error)) == NULL || !check_file (self, FALSE, error))
    return FALSE;
  stmt = get_statement (self,
                        "SELECT o.name, r.year, e.revision, e.made_at, e.data FROM exports e"
                        " JOIN reports r ON r.id = e.report_id JOIN organs o ON o.id = r.organ_id"
                        " WHERE e.sha256 = ?1 ORDER BY e.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, sum);
  if ((row = next_row (self, stmt, error)) <= 0)
    {
      if (row == 0)
        g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND,
                     _("No exported PDF with the SHA-256 %s is recorded in “%s”"),
                     sum, self->path);
      return FALSE;
    }
  if (organ != NULL)
    *organ = dup_column (stmt, 0);
  if (year != NULL)
    *year = (guint) sqlite3_column_int64 (stmt, 1);
  if (revision != NULL)
    *revision = sqlite3_column_int64 (stmt, 2);
  if (made_at != NULL)
    *made_at = dup_column (stmt, 3);
  if (data_json != NULL)
    *data_json = dup_column (stmt, 4);
  return TRUE;
}
