/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the files of the store share: the object itself and the helpers
 * around its SQLite connection. Private to src/core/nb-store*.c.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>
#include <sys/types.h>

#include "nb-store.h"

G_BEGIN_DECLS

struct _NbStore
{
  GObject parent_instance;

  /* the database */
  char *path;
  sqlite3 *db;
  /* read-only media or folder: every change is refused */
  gboolean read_only;

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

/* A cached statement in use: going out of scope resets it (it stays
 * prepared), so that no finished query keeps a read transaction open. */
typedef sqlite3_stmt NbStatement;

void          nb_store_release_statement (NbStatement *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbStatement, nb_store_release_statement)

void          nb_store_set_sqlite_error  (NbStore      *self,
                                          int           rc,
                                          GError      **error);
void          nb_store_set_not_found     (NbStore      *self,
                                          const char   *organ,
                                          guint         year,
                                          GError      **error);
NbStatement  *nb_store_get_statement     (NbStore      *self,
                                          const char   *sql,
                                          GError      **error);
/* 1: a row, 0: no more rows, -1: an error */
int           nb_store_next_row          (NbStore      *self,
                                          sqlite3_stmt *stmt,
                                          GError      **error);
gboolean      nb_store_run_statement     (NbStore      *self,
                                          sqlite3_stmt *stmt,
                                          GError      **error);
gboolean      nb_store_run_sql           (NbStore      *self,
                                          const char   *sql,
                                          GError      **error);
/* NULL binds SQL NULL */
void          nb_store_bind_text         (sqlite3_stmt *stmt,
                                          int           index,
                                          const char   *text);
char         *nb_store_dup_column        (sqlite3_stmt *stmt,
                                          int           column);
void          nb_store_rollback          (NbStore      *self);
/* @writing: the caller was about to store something; FALSE once the
 * path names another file (or none) */
gboolean      nb_store_check_file        (NbStore      *self,
                                          gboolean      writing,
                                          GError      **error);
/* The report's row id and revision (may be NULL), or NOT_FOUND. */
gboolean      nb_store_find_report       (NbStore      *self,
                                          const char   *organ,
                                          guint         year,
                                          gint64       *report_id,
                                          gint64       *revision,
                                          GError      **error);
/* The same, with whether the year is final (may be NULL). */
gboolean      nb_store_find_year         (NbStore      *self,
                                          const char   *organ,
                                          guint         year,
                                          gint64       *report_id,
                                          gint64       *revision,
                                          gboolean     *final,
                                          GError      **error);
gboolean      nb_store_load_figures      (NbStore      *self,
                                          gint64        report_id,
                                          gint64        values[NB_N_CELLS],
                                          gboolean      filled[NB_N_CELLS],
                                          GError      **error);
gboolean      nb_store_load_parts        (NbStore      *self,
                                          gint64        report_id,
                                          GPtrArray    *parts[NB_N_TEXT_SECTIONS],
                                          GError      **error);
NbReport     *nb_store_lookup_base       (NbStore      *self,
                                          const char   *organ,
                                          guint         year);
/* Takes @report, a copy no caller holds. */
void          nb_store_remember_base     (NbStore      *self,
                                          NbReport     *report);
/* Forgets every base of @organ (renamed). */
void          nb_store_forget_bases      (NbStore      *self,
                                          const char   *organ);

/* Fails with NB_STORE_ERROR_READ_ONLY on a read-only store, and as
 * nb_store_check_file (…, TRUE, …) otherwise. */
gboolean      nb_store_check_writable    (NbStore      *self,
                                          GError      **error);
/* Sets NB_STORE_ERROR_LOCKED: the year is final */
void          nb_store_set_locked        (NbStore      *self,
                                          const char   *organ,
                                          guint         year,
                                          GError      **error);

/* "PATH.new-XXXXXX", made and locked (flock) for as long as it is open:
 * the lock tells cleaners its creator is alive. -1 with errno. */
int           nb_store_make_locked_temporary        (const char *path,
                                                     char      **tmp);
/* Removes the temporary files of creations of @path that were killed. */
void          nb_store_remove_abandoned_temporaries (const char *path);

G_END_DECLS
