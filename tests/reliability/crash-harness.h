/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the two halves of the crash harness: crash-harness.c (edits,
 * one at a time) and crash-whole.c (whole reports, creation, upgrade).
 */
#pragma once

#include <glib.h>

#include "nb-report.h"
#include "rel-kill.h"

G_BEGIN_DECLS

#define ORGAN "崩溃测试局"
#define YEAR 2024
#define N_PARTS 3
/* the figures, the bodies of the first three overview parts, the organ's
 * address and the preamble */
#define N_FIELDS (NB_N_CELLS + N_PARTS + 2)

extern guint32 crash_seed;

/* What the verifier process does: open the database as the next start of
 * the program would, check it and describe what it holds. */
typedef struct
{
  const char *path;
  gboolean leave_wal;      /* end without closing, as a second crash would */
  gboolean allow_missing;  /* no report stored is not an error */
  NbReport *a, *b;         /* which of two whole reports is stored */
} Verifier;

typedef struct
{
  char *error;
  char *integrity;
  gint64 revision;
  gint64 log_rows;
  char *which;             /* "a", "b", "neither" or "missing" */
  char *digests[N_FIELDS];
} Snapshot;

void      snapshot_clear   (Snapshot   *snapshot);
/* Fails the test unless the database opens and passes integrity_check. */
void      take_snapshot    (Verifier   *verifier,
                            Snapshot   *snapshot);
void      create_database  (const char *path,
                            NbReport   *report);
/* Lets @child live until a random moment, then returns (TRUE if it ended
 * by itself): now and then while it opens the database (within *@open_us
 * of its start, a running estimate this updates), mostly while it works,
 * up to @max_ms after *@ready became TRUE. Timed from its readiness, so a
 * slow machine or a sanitizer build still gets kills mid-work. */
gboolean  run_until_kill   (RelChild       *child,
                            const gboolean *ready,
                            gint64         *open_us,
                            GRand          *rand,
                            guint           max_ms);

void      test_import      (void);
void      test_cli_import  (void);
void      test_create      (void);
void      test_migrate     (void);

G_END_DECLS
