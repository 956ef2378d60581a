/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One organ's report for one year: metadata, figures by cell (blank is not
 * 0), and the three text sections as ordered (heading, body) parts.
 */
#pragma once

#include <glib-object.h>

#include "nb-format.h"

G_BEGIN_DECLS

/* What a "changed" signal is about; the second argument says which one. */
typedef enum
{
  NB_CHANGE_ORGAN,     /* index: NbOrganField */
  NB_CHANGE_YEAR,
  NB_CHANGE_ISSUED,
  NB_CHANGE_PREAMBLE,
  NB_CHANGE_FIGURE,    /* index: cell */
  NB_CHANGE_PARTS,     /* index: NbTextSection */
  NB_CHANGE_ALL,       /* the whole report was replaced */
} NbChange;

#define NB_MIN_YEAR 2000
#define NB_MAX_YEAR 2999

#define NB_TYPE_REPORT (nb_report_get_type ())
G_DECLARE_FINAL_TYPE (NbReport, nb_report, NB, REPORT, GObject)

NbReport   *nb_report_new               (void);
NbReport   *nb_report_copy              (NbReport     *self);
void        nb_report_assign            (NbReport     *self,
                                         NbReport     *from);
gboolean    nb_report_equal             (NbReport     *a,
                                         NbReport     *b);

const char *nb_report_get_organ_field   (NbReport     *self,
                                         NbOrganField  field);
void        nb_report_set_organ_field   (NbReport     *self,
                                         NbOrganField  field,
                                         const char   *value);
const char *nb_report_get_organ_name    (NbReport     *self);

guint       nb_report_get_year          (NbReport     *self);
void        nb_report_set_year          (NbReport     *self,
                                         guint         year);

/* The date of issue (落款日期) as ISO "YYYY-MM-DD", or NULL. */
const char *nb_report_get_issued        (NbReport     *self);
gboolean    nb_report_set_issued        (NbReport     *self,
                                         const char   *iso_date,
                                         GError      **error);

/* The preamble as the organ has edited it, or NULL for the one built from
 * the metadata (nb_report_dup_preamble gives the effective text). */
const char *nb_report_get_preamble      (NbReport     *self);
void        nb_report_set_preamble      (NbReport     *self,
                                         const char   *text);
char       *nb_report_dup_preamble      (NbReport     *self);
char       *nb_report_dup_title         (NbReport     *self);

gboolean    nb_report_get_figure        (NbReport     *self,
                                         guint         cell,
                                         gint64       *value);
gboolean    nb_report_has_figure        (NbReport     *self,
                                         guint         cell);
void        nb_report_set_figure        (NbReport     *self,
                                         guint         cell,
                                         gint64        value);
void        nb_report_clear_figure      (NbReport     *self,
                                         guint         cell);
gboolean    nb_report_set_figure_text   (NbReport     *self,
                                         guint         cell,
                                         const char   *text,
                                         GError      **error);
char       *nb_report_dup_figure_text   (NbReport     *self,
                                         guint         cell);

guint       nb_report_get_n_parts       (NbReport     *self,
                                         NbTextSection section);
const char *nb_report_get_part_heading  (NbReport     *self,
                                         NbTextSection section,
                                         guint         index);
const char *nb_report_get_part_body     (NbReport     *self,
                                         NbTextSection section,
                                         guint         index);
void        nb_report_insert_part       (NbReport     *self,
                                         NbTextSection section,
                                         int           position,
                                         const char   *heading,
                                         const char   *body);
void        nb_report_remove_part       (NbReport     *self,
                                         NbTextSection section,
                                         guint         index);
void        nb_report_move_part         (NbReport     *self,
                                         NbTextSection section,
                                         guint         from,
                                         guint         to);
void        nb_report_set_part          (NbReport     *self,
                                         NbTextSection section,
                                         guint         index,
                                         const char   *heading,
                                         const char   *body);

G_END_DECLS
