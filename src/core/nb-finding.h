/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One result of the rules (勾稽关系): which rule, how bad, which cells, and
 * a message for the clerk with both sides and the difference.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  NB_SEVERITY_ERROR,
  NB_SEVERITY_WARNING,
} NbSeverity;

typedef struct
{
  char *rule;          /* "R1" … "W7" */
  NbSeverity severity;
  GArray *cells;       /* guint cell numbers; may be empty (text rules) */
  int section;         /* index of nb_format_section(), or -1 */
  char *message;       /* translated, names both sides and the difference */
  char *expected;      /* may be NULL */
  char *actual;        /* may be NULL */
  char *key;           /* stable id for acknowledging: "W1:t3.carried_in.natural" */
} NbFinding;

NbFinding  *nb_finding_new          (const char  *rule,
                                     NbSeverity   severity,
                                     int          section);
void        nb_finding_add_cell     (NbFinding   *finding,
                                     guint        cell);
NbFinding  *nb_finding_copy         (const NbFinding *finding);
void        nb_finding_free         (NbFinding   *finding);
const char *nb_severity_to_string   (NbSeverity   severity);
guint       nb_findings_count       (GPtrArray   *findings,
                                     NbSeverity   severity);

/* The findings not acknowledged in @acks (finding key → note, may be
 * NULL): errors always count, warnings only while unacknowledged. */
guint       nb_findings_count_open  (GPtrArray   *findings,
                                     GHashTable  *acks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbFinding, nb_finding_free)

G_END_DECLS
