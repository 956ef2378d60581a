/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of the importer share: the lines of the text, the problem
 * list, and the lenient comparison of labels.
 */
#pragma once

#include "nb-format.h"
#include "nb-import.h"

G_BEGIN_DECLS

typedef struct
{
  char *text;     /* the line as read, [bookmark: …] artefacts removed */
  guint number;   /* 1-based line number in the input */
} NbImportLine;

/* The text being imported, and where its six sections begin and end. */
typedef struct
{
  NbImportResult *result;
  NbImportLine *lines;
  char **norms;             /* normalised lines; NULL where longer than a heading */
  guint n_lines;
  int start[NB_N_SECTIONS]; /* first line after the heading; -1: not found */
  guint end[NB_N_SECTIONS];
  guint first_heading;      /* index of the first line that starts a section */
} NbImportDoc;

typedef enum
{
  NB_TOKEN_TEXT,
  NB_TOKEN_VALUE,   /* looks like a number; parsed when placed */
  NB_TOKEN_BLANK,   /* an empty cell */
  NB_TOKEN_SLASH,   /* “/”, “—” or 无 in a cell: read as blank, reported */
} NbTokenKind;

typedef struct
{
  NbTokenKind kind;
  guint line;
  guint row;        /* physical row */
  char *raw;
  char *norm;       /* text tokens only */
} NbToken;

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
char     *nb_import_trim          (const char         *text);
gboolean  nb_import_is_blank      (const char         *text);
gboolean  nb_import_is_page_number (const char        *norm,
                                   gboolean            bare);
gboolean  nb_import_is_old_format (const char         *norm);
GArray   *nb_import_tokenize      (const NbImportLine *lines,
                                   guint               n_lines);
void      nb_import_read_front_matter (NbImportDoc  *doc);
void      nb_import_read_contact  (NbReport           *report,
                                   const char         *text);
void      nb_import_read_text_section (NbImportDoc  *doc,
                                   NbTextSection       section,
                                   guint               start,
                                   guint               end);
gboolean  nb_import_read_table    (guint               table,
                                   const NbImportLine *lines,
                                   guint               n_lines,
                                   NbImportResult     *result,
                                   GError            **error);

G_END_DECLS
