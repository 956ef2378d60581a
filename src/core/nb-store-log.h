/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The values of the edit log, private to the store. A row's old and new
 * values are NULL for blank or absent; a figure is its decimal text
 * (nb_number_format: "3001", "96171.6"); a text section is a JSON array
 * [{"heading": …, "body": …}, …]; anything else is the field's own text.
 *
 * Also what a three-way merge carries from the stored report into the
 * caller's: one field another writer changed (see nb_store_save_full).
 */
#pragma once

#include <glib.h>

#include "nb-report.h"

G_BEGIN_DECLS

/* now, as the log writes it: ISO 8601 UTC with milliseconds */
char      *nb_store_log_now           (void);

/* A text section as a flat array of strings: heading, body, heading, … */
GPtrArray *nb_store_log_dup_parts     (NbReport      *report,
                                       NbTextSection  section);
gboolean   nb_store_log_parts_equal   (GPtrArray     *a,
                                       GPtrArray     *b);
/* Whether @report's section holds exactly @parts (flat), without copying. */
gboolean   nb_store_log_parts_match   (NbReport      *report,
                                       NbTextSection  section,
                                       GPtrArray     *parts);
/* Whether two reports' sections hold the same parts. */
gboolean   nb_store_log_sections_equal (NbReport     *a,
                                        NbReport     *b,
                                        NbTextSection section);
/* Makes @report's section hold @parts (flat), changing as few parts as it
 * can so that an editor showing them sees only what changed. */
void       nb_store_log_set_parts     (NbReport      *report,
                                       NbTextSection  section,
                                       GPtrArray     *parts);
/* NULL for an empty section */
char      *nb_store_log_parts_to_json (GPtrArray     *parts);

/* Puts back in @report the value that an edit of @field replaced. */
void       nb_store_log_undo          (NbReport      *report,
                                       const char    *field,
                                       const char    *old_value);

/* A field another writer stored, to be put into the caller's report */
typedef struct
{
  NbChange what;      /* NB_CHANGE_ORGAN, _ISSUED, _PREAMBLE, _FIGURE or _PARTS */
  guint index;        /* the organ field, cell or section */
  gboolean filled;    /* a figure: blank or @value */
  gint64 value;
  char *text;         /* an organ field, the date of issue, the preamble: NULL for blank */
  GPtrArray *parts;   /* a section, flat as nb_store_log_dup_parts() makes it */
} NbStoreMerge;

NbStoreMerge *nb_store_log_merge_new   (NbChange       what,
                                        guint          index);
void       nb_store_log_merge_free    (NbStoreMerge  *merge);
/* Returns: whether @report changed (FALSE when it held the value already) */
gboolean   nb_store_log_merge_apply   (NbStoreMerge  *merge,
                                       NbReport      *report);

/* Makes @base hold what @report holds, touching only what differs. */
void       nb_store_log_sync          (NbReport      *base,
                                       NbReport      *report);

G_END_DECLS
