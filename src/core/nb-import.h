/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a published report — plain text in the shapes it really takes, or a
 * .docx — into an NbReport plus a list of what could not be read, each with
 * the line it was on.
 */
#pragma once

#include <glib.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_IMPORT_ERROR (nb_import_error_quark ())

typedef enum
{
  NB_IMPORT_ERROR_NOT_REPORT,   /* empty, binary, or no part of the report found */
  NB_IMPORT_ERROR_OLD_FORMAT,   /* the 2019 format, which has other tables */
  NB_IMPORT_ERROR_ENCODING,     /* not UTF-8 (nor an encoding we can tell) */
  NB_IMPORT_ERROR_UNSUPPORTED,  /* .doc, PDF, RTF: another program's format */
  NB_IMPORT_ERROR_DOCX,         /* a damaged .docx */
  NB_IMPORT_ERROR_TOO_LARGE,
} NbImportError;

/* @line is 1-based; 0 means the file as a whole. For a .docx the lines are
 * those of its text: one a paragraph, one a table row. */
typedef struct
{
  guint line;
  char *message;
} NbImportProblem;

typedef struct
{
  NbReport *report;
  GPtrArray *problems;  /* NbImportProblem, in line order */
  gboolean complete;    /* every figure placed with certainty */
} NbImportResult;

GQuark          nb_import_error_quark (void);

NbImportResult *nb_import_text        (const char   *text,
                                       gssize        length,
                                       GError      **error);
NbImportResult *nb_import_data        (const char   *data,
                                       gsize         length,
                                       GError      **error);
NbImportResult *nb_import_file        (const char   *path,
                                       GError      **error);
void            nb_import_result_free (NbImportResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbImportResult, nb_import_result_free)

G_END_DECLS
