/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A year's status (draft or final), renaming an organ, acknowledged
 * warnings and the record of exported PDFs.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <string.h>

#include "nb-store.h"
#include "nb-store-log.h"
#include "nb-store-private.h"

gboolean
nb_store_check_writable (NbStore *self, GError **error)
{
  if (self->read_only)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_READ_ONLY,
                   _("The database “%s” could only be opened for reading (read-only media "
                     "or folder); nothing was changed"), self->path);
      return FALSE;
    }
  /* a store that let go of its file says why */
  return self->db != NULL || nb_store_check_file (self, TRUE, error);
}

void
nb_store_set_locked (NbStore *self, const char *organ, guint year, GError **error)
{
  g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_LOCKED,
               _("%s %u is final (sealed); mark it as a draft before changing it"),
               organ, year);
}

/* The write lock first, then whether the path is still ours: the lock
 * may have been waited for. */
static gboolean
begin_write (NbStore *self, GError **error)
{
  if (!nb_store_run_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!nb_store_check_file (self, TRUE, error))
    return FALSE;
  return TRUE;
}

static gboolean
commit (NbStore *self, GError **error)
{
  if (nb_store_run_sql (self, "COMMIT", error))
    return TRUE;
  nb_store_rollback (self);
  return FALSE;
}

static gboolean
log_row (NbStore *self, const char *at, gint64 report_id, const char *field,
         const char *old_value, const char *new_value, const char *source, gint64 revision,
         GError **error)
{
  g_autoptr(NbStatement) stmt =
    nb_store_get_statement (self,
                            "INSERT INTO edits (at, report_id, field, old, new, source, revision)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);

  if (stmt == NULL)
    return FALSE;
  nb_store_bind_text (stmt, 1, at);
  sqlite3_bind_int64 (stmt, 2, report_id);
  nb_store_bind_text (stmt, 3, field);
  nb_store_bind_text (stmt, 4, old_value);
  nb_store_bind_text (stmt, 5, new_value);
  nb_store_bind_text (stmt, 6, source != NULL ? source : "unknown");
  sqlite3_bind_int64 (stmt, 7, revision);
  return nb_store_run_statement (self, stmt, error);
}

/* The status is not part of the report's data: it is logged at the
 * revision it applies to, which it leaves as it was, so that a PDF made
 * of revision N is still "revision N" once the year is sealed. */
gboolean
nb_store_set_status (NbStore *self, const char *organ, guint year, const char *status,
                     const char *source, GError **error)
{
  g_autoptr(NbStatement) update = NULL;
  g_autofree char *at = NULL;
  const char *wanted;
  gint64 report_id, revision;
  gboolean final;

  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (organ != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_strcmp0 (status, NB_STORE_STATUS_FINAL) == 0)
    wanted = NB_STORE_STATUS_FINAL;
  else if (g_strcmp0 (status, NB_STORE_STATUS_DRAFT) == 0)
    wanted = NB_STORE_STATUS_DRAFT;
  else
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("“%s” is not a status (use draft or final)"), status ? status : "");
      return FALSE;
    }
  if (!nb_store_check_writable (self, error) || !begin_write (self, error))
    return FALSE;
  if (!nb_store_find_year (self, organ, year, &report_id, &revision, &final, error))
    goto fail;
  if (final == (strcmp (wanted, NB_STORE_STATUS_FINAL) == 0))
    return commit (self, error);

  update = nb_store_get_statement (self, "UPDATE reports SET status = ?2 WHERE id = ?1", error);
  if (update == NULL)
    goto fail;
  sqlite3_bind_int64 (update, 1, report_id);
  nb_store_bind_text (update, 2, wanted);
  at = nb_store_log_now ();
  if (!nb_store_run_statement (self, update, error) ||
      !log_row (self, at, report_id, "status",
                final ? NB_STORE_STATUS_FINAL : NB_STORE_STATUS_DRAFT, wanted,
                source, revision, error))
    goto fail;
  g_clear_pointer (&update, nb_store_release_statement);
  return commit (self, error);

fail:
  g_clear_pointer (&update, nb_store_release_statement);
  nb_store_rollback (self);
  return FALSE;
}

const char *
nb_store_get_status (NbStore *self, const char *organ, guint year, GError **error)
{
  gint64 report_id;
  gboolean final;

  g_return_val_if_fail (NB_IS_STORE (self), NULL);
  g_return_val_if_fail (organ != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!nb_store_check_file (self, FALSE, error) ||
      !nb_store_find_year (self, organ, year, &report_id, NULL, &final, error))
    return NULL;
  return final ? NB_STORE_STATUS_FINAL : NB_STORE_STATUS_DRAFT;
}

gboolean
nb_store_is_read_only (NbStore *self)
{
  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  return self->read_only;
}

/* ---- renaming an organ ---- */

typedef struct
{
  gint64 id;
  guint year;
  gint64 revision;
} Year;

/* The organ's row id and metadata; NOT_FOUND, or FALSE without @error
 * when @must_exist is FALSE and there is none. */
static gboolean
find_organ (NbStore *self, const char *name, gboolean must_exist, gint64 *organ_id,
            char *fields[NB_N_ORGAN_FIELDS], GError **error)
{
  g_autoptr(NbStatement) stmt =
    nb_store_get_statement (self,
                            "SELECT id, address, postcode, telephone, email, website"
                            " FROM organs WHERE name = ?1", error);
  int row;

  if (stmt == NULL)
    return FALSE;
  nb_store_bind_text (stmt, 1, name);
  if ((row = nb_store_next_row (self, stmt, error)) <= 0)
    {
      if (row == 0 && must_exist)
        g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND,
                     _("No organ “%s” is stored in “%s”"), name, self->path);
      return FALSE;
    }
  *organ_id = sqlite3_column_int64 (stmt, 0);
  for (guint f = NB_ORGAN_ADDRESS; f < NB_N_ORGAN_FIELDS; f++)
    fields[f] = nb_store_dup_column (stmt, (int) f);
  return TRUE;
}

/* Every year of the organ; LOCKED when one is final. */
static GArray *
list_years (NbStore *self, const char *organ, gint64 organ_id, GError **error)
{
  g_autoptr(NbStatement) stmt =
    nb_store_get_statement (self,
                            "SELECT id, year, revision, status FROM reports"
                            " WHERE organ_id = ?1 ORDER BY year", error);
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (Year));
  int row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, organ_id);
  while ((row = nb_store_next_row (self, stmt, error)) > 0)
    {
      Year y = { sqlite3_column_int64 (stmt, 0), (guint) sqlite3_column_int64 (stmt, 1),
                 sqlite3_column_int64 (stmt, 2) };

      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), NB_STORE_STATUS_FINAL) == 0)
        {
          nb_store_set_locked (self, organ, y.year, error);
          return NULL;
        }
      g_array_append_val (years, y);
    }
  return row == 0 ? g_steal_pointer (&years) : NULL;
}

static gboolean
has_year (NbStore *self, gint64 organ_id, guint year, gboolean *found, GError **error)
{
  g_autoptr(NbStatement) stmt =
    nb_store_get_statement (self, "SELECT 1 FROM reports WHERE organ_id = ?1 AND year = ?2", error);
  int row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, organ_id);
  sqlite3_bind_int64 (stmt, 2, year);
  row = nb_store_next_row (self, stmt, error);
  *found = row > 0;
  return row >= 0;
}

/* @b is bound to ?2 when @sql has it */
static gboolean
run_with_ids (NbStore *self, const char *sql, gint64 a, gint64 b, GError **error)
{
  g_autoptr(NbStatement) stmt = nb_store_get_statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_int64 (stmt, 2, b);
  return nb_store_run_statement (self, stmt, error);
}

/* Each year gets a revision: its report's organ name changed. Moved into
 * an organ already stored, its years take that organ's details, and the
 * log says which of them changed. */
static gboolean
rename_in_transaction (NbStore *self, const char *organ, const char *new_name,
                       const char *source, GError **error)
{
  char *fields[NB_N_ORGAN_FIELDS] = { NULL };
  char *target_fields[NB_N_ORGAN_FIELDS] = { NULL };
  g_autoptr(GArray) years = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *at = nb_store_log_now ();
  gint64 organ_id, target_id = 0;
  gboolean target, ok = FALSE;

  if (!find_organ (self, organ, TRUE, &organ_id, fields, error))
    goto out;
  if ((years = list_years (self, organ, organ_id, error)) == NULL)
    goto out;
  target = find_organ (self, new_name, FALSE, &target_id, target_fields, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      goto out;
    }

  if (target)
    {
      for (guint i = 0; i < years->len; i++)
        {
          guint year = g_array_index (years, Year, i).year;
          gboolean found;

          if (!has_year (self, target_id, year, &found, error))
            goto out;
          if (found)
            {
              g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_EXISTS,
                           _("“%s” already has a report for %u in “%s”; nothing was renamed"),
                           new_name, year, self->path);
              goto out;
            }
        }
      if (!run_with_ids (self, "UPDATE reports SET organ_id = ?2 WHERE organ_id = ?1",
                         organ_id, target_id, error) ||
          !run_with_ids (self, "DELETE FROM organs WHERE id = ?1",
                         organ_id, 0, error))
        goto out;
    }
  else
    {
      g_autoptr(NbStatement) update =
        nb_store_get_statement (self, "UPDATE organs SET name = ?2 WHERE id = ?1", error);

      if (update == NULL)
        goto out;
      sqlite3_bind_int64 (update, 1, organ_id);
      nb_store_bind_text (update, 2, new_name);
      if (!nb_store_run_statement (self, update, error))
        goto out;
    }

  for (guint i = 0; i < years->len; i++)
    {
      const Year *y = &g_array_index (years, Year, i);
      g_autoptr(NbStatement) bump =
        nb_store_get_statement (self,
                                "UPDATE reports SET revision = revision + 1, updated = ?2"
                                " WHERE id = ?1", error);

      if (bump == NULL)
        goto out;
      sqlite3_bind_int64 (bump, 1, y->id);
      nb_store_bind_text (bump, 2, at);
      if (!nb_store_run_statement (self, bump, error) ||
          !log_row (self, at, y->id, "organ.name", organ, new_name, source, y->revision + 1, error))
        goto out;
      for (guint f = NB_ORGAN_ADDRESS; target && f < NB_N_ORGAN_FIELDS; f++)
        {
          g_autofree char *field = NULL;
          const char *was = fields[f] && fields[f][0] ? fields[f] : NULL;
          const char *now = target_fields[f] && target_fields[f][0] ? target_fields[f] : NULL;

          if (g_strcmp0 (was, now) == 0)
            continue;
          field = g_strconcat ("organ.", nb_format_organ_field (f)->key, NULL);
          if (!log_row (self, at, y->id, field, was, now, source, y->revision + 1, error))
            goto out;
        }
    }
  ok = TRUE;

out:
  for (guint f = 0; f < NB_N_ORGAN_FIELDS; f++)
    {
      g_free (fields[f]);
      g_free (target_fields[f]);
    }
  return ok;
}

gboolean
nb_store_rename_organ (NbStore *self, const char *organ, const char *new_name,
                       const char *source, GError **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (organ != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (new_name ? new_name : ""));
  if (stripped[0] == '\0' || !g_utf8_validate (new_name, -1, NULL))
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("“%s” cannot be renamed: the new name is blank"), organ);
      return FALSE;
    }
  if (!nb_store_check_writable (self, error) || !begin_write (self, error))
    return FALSE;
  if (strcmp (organ, new_name) != 0 &&
      !rename_in_transaction (self, organ, new_name, source, error))
    {
      nb_store_rollback (self);
      return FALSE;
    }
  if (!commit (self, error))
    return FALSE;
  nb_store_forget_bases (self, organ);
  return TRUE;
}

/* ---- acknowledged warnings and exported PDFs ---- */

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

/* @note NULL withdraws the acknowledgement. Refused for a final year:
 * what was acknowledged is part of what was filed. */
gboolean
nb_store_acknowledge (NbStore *self, const char *organ, guint year, const char *key,
                      const char *note, GError **error)
{
  g_autoptr(NbStatement) stmt = NULL;
  g_autofree char *at = NULL;
  gint64 report_id;
  gboolean final;

  g_return_val_if_fail (NB_IS_STORE (self), FALSE);
  g_return_val_if_fail (organ != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!nb_store_check_writable (self, error) || !begin_write (self, error))
    return FALSE;
  if (!nb_store_find_year (self, organ, year, &report_id, NULL, &final, error))
    goto fail;
  if (final)
    {
      nb_store_set_locked (self, organ, year, error);
      goto fail;
    }
  if (note == NULL)
    stmt = nb_store_get_statement (self, "DELETE FROM acks WHERE report_id = ?1 AND key = ?2", error);
  else
    stmt = nb_store_get_statement (self,
                                   "INSERT INTO acks (report_id, key, note, at) VALUES (?1, ?2, ?3, ?4)"
                                   " ON CONFLICT (report_id, key) DO UPDATE"
                                   " SET note = excluded.note, at = excluded.at", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, report_id);
  nb_store_bind_text (stmt, 2, key);
  if (note != NULL)
    {
      at = nb_store_log_now ();
      nb_store_bind_text (stmt, 3, note);
      nb_store_bind_text (stmt, 4, at);
    }
  if (!nb_store_run_statement (self, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, nb_store_release_statement);
  return commit (self, error);

fail:
  g_clear_pointer (&stmt, nb_store_release_statement);
  nb_store_rollback (self);
  return FALSE;
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

  if (!nb_store_check_file (self, FALSE, error) ||
      !nb_store_find_report (self, organ, year, &report_id, NULL, error))
    return NULL;
  stmt = nb_store_get_statement (self, "SELECT key, note FROM acks WHERE report_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  acks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((row = nb_store_next_row (self, stmt, error)) > 0)
    g_hash_table_insert (acks, nb_store_dup_column (stmt, 0), nb_store_dup_column (stmt, 1));
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

  /* allowed on a final year: printing a sealed report again is normal */
  if ((sum = normalize_sha256 (sha256, error)) == NULL ||
      !nb_store_check_writable (self, error) ||
      !nb_store_check_file (self, TRUE, error) ||
      !nb_store_find_report (self, organ, year, &report_id, &current, error))
    return FALSE;
  if (revision < 0 || revision > current)
    {
      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   _("The report of “%s” for %u has no revision %" PRId64
                     " (the latest is %" PRId64 ")"),
                   organ, year, (int64_t) revision, (int64_t) current);
      return FALSE;
    }
  stmt = nb_store_get_statement (self,
                        "INSERT INTO exports (report_id, revision, sha256, made_at, data)"
                        " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  at = nb_store_log_now ();
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_int64 (stmt, 2, revision);
  nb_store_bind_text (stmt, 3, sum);
  nb_store_bind_text (stmt, 4, at);
  nb_store_bind_text (stmt, 5, data_json);
  return nb_store_run_statement (self, stmt, error);
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

  if ((sum = normalize_sha256 (sha256, error)) == NULL || !nb_store_check_file (self, FALSE, error))
    return FALSE;
  stmt = nb_store_get_statement (self,
                        "SELECT o.name, r.year, e.revision, e.made_at, e.data FROM exports e"
                        " JOIN reports r ON r.id = e.report_id JOIN organs o ON o.id = r.organ_id"
                        " WHERE e.sha256 = ?1 ORDER BY e.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  nb_store_bind_text (stmt, 1, sum);
  if ((row = nb_store_next_row (self, stmt, error)) <= 0)
    {
      if (row == 0)
        g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND,
                     _("No exported PDF with the SHA-256 %s is recorded in “%s”"),
                     sum, self->path);
      return FALSE;
    }
  if (organ != NULL)
    *organ = nb_store_dup_column (stmt, 0);
  if (year != NULL)
    *year = (guint) sqlite3_column_int64 (stmt, 1);
  if (revision != NULL)
    *revision = sqlite3_column_int64 (stmt, 2);
  if (made_at != NULL)
    *made_at = nb_store_dup_column (stmt, 3);
  if (data_json != NULL)
    *data_json = nb_store_dup_column (stmt, 4);
  return TRUE;
}
