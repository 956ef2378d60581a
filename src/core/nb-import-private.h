/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of the importer share: the lines of the text, the problem
 * list, and the lenient comparison of labels.
 */
#pragma once

#include "nb-import.h"

G_BEGIN_DECLS

typedef struct
{
  char *text;     /* the line as read, [bookmark: …] artefacts removed */
  guint number;   /* 1-based line number in the input */
} NbImportLine;

void      nb_import_add_problem   (NbImportResult     *result,
                                   guint               line,
                                   const char         *format,
                                   ...) G_GNUC_PRINTF (3, 4);
char     *nb_import_normalize     (const char         *text,
                                   gssize              length);
const char *nb_import_skip_numbering (const char      *norm);
guint     nb_import_distance      (const char         *a,
                                   const char         *b,
                                   guint               limit);
guint     nb_import_threshold     (guint               n_chars);
char     *nb_import_excerpt       (const char         *text,
                                   guint               max_chars);
gboolean  nb_import_is_old_format (const char         *norm);
gboolean  nb_import_read_table    (guint               table,
                                   const NbImportLine *lines,
                                   guint               n_lines,
                                   NbImportResult     *result,
                                   GError            **error);

G_END_DECLS
