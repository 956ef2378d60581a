/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules of FORMAT.md as pure functions of a report and, for the
 * cross-year rules, last year's report of the same organ.
 */
#pragma once

#include "nb-finding.h"
#include "nb-report.h"

G_BEGIN_DECLS

/* Returns: (transfer full): a GPtrArray of NbFinding, errors first, each
 * group in report order. @previous may be NULL (no cross-year rules). */
GPtrArray *nb_rules_check (NbReport *report,
                           NbReport *previous);

/* Every rule including W6 (text copied from @previous), which compares
 * whole texts: right for a check, too slow to repeat on each keystroke
 * (the editor runs it when a text changes). @previous may be NULL. */
GPtrArray *nb_rules_check_all (NbReport *report,
                               NbReport *previous);

G_END_DECLS
