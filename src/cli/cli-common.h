/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every nianbao-cli command shares: the common options, exit
 * statuses, messages and the database.
 */
#pragma once

#include <glib.h>
#include <stdio.h>

#include "nb-report.h"
#include "nb-store.h"

G_BEGIN_DECLS

enum
{
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_UNUSABLE = 2,
  EXIT_NO_MATCH = 3,
};

/* Options every command shares. */
extern char *opt_db;
extern char *opt_organ;
extern int opt_year;

void      print_error            (const char   *format,
                                  ...) G_GNUC_PRINTF (1, 2);
void      print_padded           (FILE         *out,
                                  const char   *text,
                                  guint         columns);
gboolean  parse_options          (const char   *command,
                                  const char   *parameters,
                                  const char   *summary,
                                  GOptionEntry *extra,
                                  gboolean      with_report,
                                  int          *argc,
                                  char       ***argv);
gboolean  require_report_options (void);
NbStore  *open_store             (void);
NbReport *load_previous          (NbStore      *store,
                                  NbReport     *report);
char     *report_title           (NbReport     *report);
void      print_findings         (const char   *title,
                                  GPtrArray    *findings,
                                  GHashTable   *acks);

G_END_DECLS
