/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "nb-narrative.h"

void
nb_narrative_check (NbReport *report, GPtrArray *findings)
{
  g_return_if_fail (NB_IS_REPORT (report));
  g_return_if_fail (findings != NULL);
}
