/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening, checking, creating and migrating the Nianbao database. Private
 * to nb-store.c and the tests: nothing else should need SQLite.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "nb-store.h"

G_BEGIN_DECLS

/* 'NBNB' in PRAGMA application_id tells our files from any other SQLite file. */
#define NB_STORE_APPLICATION_ID 0x4E424E42
#define NB_STORE_SCHEMA_VERSION 2

/* The SQL that takes the schema from @version - 1 to @version (1-based),
 * or NULL past the last one. */
const char *nb_store_schema_step      (guint        version);

/* Creates @path when it does not exist; otherwise checks it without
 * writing a byte, then opens it read-write and migrates it (after a backup
 * beside it) when it is older. */
sqlite3    *nb_store_schema_open      (const char  *path,
                                       GError     **error);

/* Runs every statement of @script, one prepared statement at a time. */
gboolean    nb_store_schema_exec      (sqlite3     *db,
                                       const char  *path,
                                       const char  *script,
                                       GError     **error);

/* Wraps what SQLite said about @path into an NB_STORE_ERROR. */
void        nb_store_schema_set_error (GError     **error,
                                       sqlite3     *db,
                                       int          rc,
                                       const char  *path);

/* The store's own connection, for tests and benchmarks only. */
sqlite3    *nb_store_get_db           (NbStore     *self);

G_END_DECLS
