/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * W4: the figures that the text sections state (requests received and
 * answered, carried over, appeals and suits, documents in force) against
 * tables 二 to 四.
 */
#pragma once

#include "nb-finding.h"
#include "nb-report.h"

G_BEGIN_DECLS

void nb_narrative_check (NbReport  *report,
                         GPtrArray *findings);

G_END_DECLS
