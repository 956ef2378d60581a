/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the reliability tests share: temporary folders, running
 * nianbao-cli, checking a database, and the record of what each test tried
 * (a JSON file per test case in $NB_RELIABILITY_RESULTS, from which
 * update-record.py writes the table of docs/reliability.md).
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A fresh folder under the system's temporary one; asserts. */
char     *rel_make_tmpdir        (const char  *name_template);
void      rel_remove_tree        (const char  *path);
guint     rel_count_entries      (const char  *dir);
/* Names of the entries of @dir, sorted, joined by spaces. */
char     *rel_list_entries       (const char  *dir);

/* SHA-256 of a file's bytes, or "(missing)". */
char     *rel_file_sha256        (const char  *path);

/* The result of PRAGMA integrity_check: "ok" or what SQLite found. */
char     *rel_integrity_check    (sqlite3     *db);
/* Same, on a file opened read-only (WAL replayed, nothing written back). */
char     *rel_integrity_check_file (const char *path);

/* An unsigned setting from the environment, e.g. NB_CRASH_KILLS. */
guint     rel_env_uint           (const char  *name,
                                  guint        fallback);
/* How much slower than normal everything runs (NB_SLOW_FACTOR, 1–10; the
 * sanitizer build sets it): waits and promises in time are stretched by
 * it, what is checked stays the same. */
guint     rel_slow_factor        (void);

/* Runs nianbao-cli (from $NIANBAO_CLI) with the NULL-terminated @args in
 * English. Returns the exit status, or 128 + the signal that killed it. */
int       rel_run_cli            (const char *const *args,
                                  char       **out,
                                  char       **err);
/* The same, run in the folder @cwd. */
int       rel_run_cli_in         (const char  *cwd,
                                  const char *const *args,
                                  char       **out,
                                  char       **err);
/* The path of nianbao-cli, or NULL (then the test skips). */
const char *rel_cli_path         (void);

/* The record of one test case. */
typedef struct RelRecord RelRecord;

/* @name: "crash/edits"; @what: one sentence for the table. A record left
 * unfinished (the test died) reads "did not finish". */
RelRecord *rel_record_begin      (const char  *name,
                                  const char  *what);
void       rel_record_int        (RelRecord   *record,
                                  const char  *key,
                                  gint64       value);
void       rel_record_double     (RelRecord   *record,
                                  const char  *key,
                                  double       value);
void       rel_record_str        (RelRecord   *record,
                                  const char  *key,
                                  const char  *value);
/* Writes the record with @outcome ("survived", "known issue: …",
 * "skipped: …") and prints it as one "# RELIABILITY {…}" line. */
void       rel_record_end        (RelRecord   *record,
                                  const char  *outcome);

G_END_DECLS
