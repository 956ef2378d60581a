/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The findings panel: every finding of the report in one list.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NB_TYPE_FINDINGS_VIEW (nb_findings_view_get_type ())
G_DECLARE_FINAL_TYPE (NbFindingsView, nb_findings_view, NB, FINDINGS_VIEW, AdwBin)

GtkWidget *nb_findings_view_new          (void);
/* @findings: (transfer none): NbFinding; @acks: key → note, may be NULL */
void       nb_findings_view_set_findings (NbFindingsView *self,
                                          GPtrArray      *findings,
                                          GHashTable     *acks);
guint      nb_findings_view_get_n_rows   (NbFindingsView *self);
/* Activates row @index as a click would. */
void       nb_findings_view_activate     (NbFindingsView *self,
                                          guint           index);

G_END_DECLS
