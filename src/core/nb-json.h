/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The exchange file of FORMAT.md ("nianbao-report/1"), read and written
 * with json-glib.
 */
#pragma once

#include <glib.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_JSON_FORMAT "nianbao-report/1"

/* Reads a report. Every problem found is reported with its JSON path, e.g.
 * "$.figures['t3.new.natural']: …": one per line in @error's message and,
 * when @problems is given, one string each in a new GPtrArray. A file with
 * any problem gives NULL: nothing half-read is ever returned. */
NbReport *nb_json_read        (const char  *data,
                               gssize       length,
                               GPtrArray  **problems,
                               GError     **error);
NbReport *nb_json_read_file   (const char  *path,
                               GPtrArray  **problems,
                               GError     **error);

/* Pretty-printed, keys in a stable order, figures in cell order: the same
 * report always gives the same bytes. */
char     *nb_json_write       (NbReport    *report);
gboolean  nb_json_write_file  (NbReport    *report,
                               const char  *path,
                               GError     **error);

/* Findings as FORMAT.md prints them: a JSON array of objects. */
char     *nb_json_findings    (GPtrArray   *findings);

G_END_DECLS
