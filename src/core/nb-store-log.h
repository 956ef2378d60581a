/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The values of the edit log, private to the store. A row's old and new
 * values are NULL for blank or absent; a figure is its decimal text
 * (nb_number_format: "3001", "96171.6"); a text section is a JSON array
 * [{"heading": …, "body": …}, …]; anything else is the field's own text.
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
/* NULL for an empty section */
char      *nb_store_log_parts_to_json (GPtrArray     *parts);

/* Puts back in @report the value that an edit of @field replaced. */
void       nb_store_log_undo          (NbReport      *report,
                                       const char    *field,
                                       const char    *old_value);

G_END_DECLS
