/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving a report: the three-way merge with other writers, the edit log.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "nb-number.h"
#include "nb-store.h"
#include "nb-store-log.h"
#include "nb-store-private.h"

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

static gboolean
log_edit (Save *save, const char *field, const char *old_value, const char *new_value,
          GError **error)
{
  g_autoptr(NbStatement) stmt =
    nb_store_get_statement (save->self,
                   "INSERT INTO edits (at, report_id, field, old, new, source, revision)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);

  if (stmt == NULL)
    return FALSE;
  nb_store_bind_text (stmt, 1, save->at);
  sqlite3_bind_int64 (stmt, 2, save->report_id);
  nb_store_bind_text (stmt, 3, field);
  nb_store_bind_text (stmt, 4, old_value);
  nb_store_bind_text (stmt, 5, new_value);
  nb_store_bind_text (stmt, 6, save->source);
  sqlite3_bind_int64 (stmt, 7, save->revision);
  save->n_edits++;
  return nb_store_run_statement (save->self, stmt, error);
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

  if (!nb_store_load_figures (self, save->report_id, values, filled, error))
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
          stmt = nb_store_get_statement (self,
                                "INSERT INTO figures (report_id, cell, value) VALUES (?1, ?2, ?3)"
                                " ON CONFLICT (report_id, cell) DO UPDATE SET value = excluded.value",
                                error);
          if (stmt != NULL)
            sqlite3_bind_int64 (stmt, 3, value);
          new_text = nb_number_format (value, info->kind);
        }
      else
        stmt = nb_store_get_statement (self, "DELETE FROM figures WHERE report_id = ?1 AND cell = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, save->report_id);
      nb_store_bind_text (stmt, 2, info->id);
      if (filled[cell])
        old_text = nb_number_format (values[cell], info->kind);
      if (!nb_store_run_statement (self, stmt, error) || !log_edit (save, info->id, old_text, new_text, error))
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
    nb_store_get_statement (self, "DELETE FROM parts WHERE report_id = ?1 AND section = ?2", error);

  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, save->report_id);
  nb_store_bind_text (clear, 2, key);
  if (!nb_store_run_statement (self, clear, error))
    return FALSE;

  for (guint i = 0; i + 1 < new_parts->len; i += 2)
    {
      g_autoptr(NbStatement) insert =
        nb_store_get_statement (self,
                       "INSERT INTO parts (report_id, section, position, heading, body)"
                       " VALUES (?1, ?2, ?3, ?4, ?5)", error);

      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, save->report_id);
      nb_store_bind_text (insert, 2, key);
      sqlite3_bind_int64 (insert, 3, i / 2);
      nb_store_bind_text (insert, 4, g_ptr_array_index (new_parts, i));
      nb_store_bind_text (insert, 5, g_ptr_array_index (new_parts, i + 1));
      if (!nb_store_run_statement (self, insert, error))
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
  ok = nb_store_load_parts (save->self, save->report_id, old_parts, error);
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
    nb_store_get_statement (self,
                   "SELECT id, address, postcode, telephone, email, website"
                   " FROM organs WHERE name = ?1", error);
  g_autoptr(NbStatement) insert = NULL;
  int row;

  if (find == NULL)
    return FALSE;
  nb_store_bind_text (find, 1, name);
  if ((row = nb_store_next_row (self, find, error)) < 0)
    return FALSE;
  if (row > 0)
    {
      *organ_id = sqlite3_column_int64 (find, 0);
      for (guint f = NB_ORGAN_ADDRESS; f < NB_N_ORGAN_FIELDS; f++)
        stored[f] = nb_store_dup_column (find, (int) f);
      return TRUE;
    }

  insert = nb_store_get_statement (self, "INSERT INTO organs (name) VALUES (?1)", error);
  if (insert == NULL)
    return FALSE;
  nb_store_bind_text (insert, 1, name);
  if (!nb_store_run_statement (self, insert, error))
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

  update = nb_store_get_statement (save->self,
                          "UPDATE organs SET address = ?2, postcode = ?3, telephone = ?4,"
                          " email = ?5, website = ?6 WHERE id = ?1", error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, organ_id);
  for (guint f = NB_ORGAN_ADDRESS; f < NB_N_ORGAN_FIELDS; f++)
    nb_store_bind_text (update, (int) f + 1, final[f]);
  return nb_store_run_statement (save->self, update, error);
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

  find = nb_store_get_statement (self,
                        "SELECT id, issued, preamble, revision, status FROM reports"
                        " WHERE organ_id = ?1 AND year = ?2", error);
  if (find == NULL)
    goto out;
  sqlite3_bind_int64 (find, 1, organ_id);
  sqlite3_bind_int64 (find, 2, year);
  if ((row = nb_store_next_row (self, find, error)) < 0)
    goto out;
  if (row > 0 && mode == NB_STORE_SAVE_NEW)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_EXISTS,
                   _("A report of “%s” for %u is already stored in “%s”"), name, year, self->path);
      goto out;
    }
  if (row > 0 && g_strcmp0 ((const char *) sqlite3_column_text (find, 4), NB_STORE_STATUS_FINAL) == 0)
    {
      nb_store_set_locked (self, name, year, error);
      goto out;
    }
  if (row > 0)
    {
      NbReport *base = mode == NB_STORE_SAVE_ANY ? nb_store_lookup_base (self, name, year) : NULL;

      save->report_id = sqlite3_column_int64 (find, 0);
      stored_issued = nb_store_dup_column (find, 1);
      stored_preamble = nb_store_dup_column (find, 2);
      save->revision = sqlite3_column_int64 (find, 3) + 1;
      /* held: a "changed" handler may save another report meanwhile */
      save->base = base != NULL ? g_object_ref (base) : NULL;
    }
  g_clear_pointer (&find, nb_store_release_statement);
  if (row == 0)
    {
      g_autoptr(NbStatement) insert =
        nb_store_get_statement (self, "INSERT INTO reports (organ_id, year, updated) VALUES (?1, ?2, ?3)",
                       error);

      if (insert == NULL)
        goto out;
      sqlite3_bind_int64 (insert, 1, organ_id);
      sqlite3_bind_int64 (insert, 2, year);
      nb_store_bind_text (insert, 3, save->at);
      if (!nb_store_run_statement (self, insert, error))
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
      update = nb_store_get_statement (self,
                              "UPDATE reports SET issued = ?2, preamble = ?3, revision = ?4,"
                              " updated = ?5 WHERE id = ?1", error);
      if (update == NULL)
        goto out;
      sqlite3_bind_int64 (update, 1, save->report_id);
      nb_store_bind_text (update, 2, issued);
      nb_store_bind_text (update, 3, preamble);
      sqlite3_bind_int64 (update, 4, save->revision);
      nb_store_bind_text (update, 5, save->at);
      if (!nb_store_run_statement (self, update, error))
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
      nb_store_remember_base (self, nb_report_copy (save->report));
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
  if (!nb_store_check_writable (self, error))
    return FALSE;

  at = nb_store_log_now ();
  merges = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_store_log_merge_free);
  save.self = self;
  save.report = report;
  save.at = at;
  save.source = source != NULL ? source : "unknown";
  save.merges = merges;
  if (!nb_store_run_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  /* under the write lock, which may have been waited for */
  if (!nb_store_check_file (self, TRUE, error))
    return FALSE;
  if (!save_in_transaction (&save, mode, error) || !nb_store_run_sql (self, "COMMIT", error))
    {
      nb_store_rollback (self);
      g_clear_object (&save.base);
      return FALSE;
    }
  merged = finish_save (self, &save);
  g_clear_object (&save.base);
  if (n_merged != NULL)
    *n_merged = merged;
  return TRUE;
}

