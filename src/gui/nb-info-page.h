/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 基本信息: the organ's details, the year, the date of issue and the
 * preamble.
 */
#pragma once

#include <adwaita.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_TYPE_INFO_PAGE (nb_info_page_get_type ())
G_DECLARE_FINAL_TYPE (NbInfoPage, nb_info_page, NB, INFO_PAGE, AdwBin)

GtkWidget *nb_info_page_new           (void);
void       nb_info_page_set_report    (NbInfoPage *self,
                                       NbReport   *report);
/* Findings that belong to no section (the year, the title). */
void       nb_info_page_show_findings (NbInfoPage *self,
                                       GPtrArray  *findings,
                                       GHashTable *acks);
GtkWidget *nb_info_page_get_organ_row (NbInfoPage *self,
                                       NbOrganField field);

G_END_DECLS
