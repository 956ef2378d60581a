/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sum of several organs' reports of one year: a summary report of its
 * own, checked like any other.
 */
#pragma once

#include <glib.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_AGGREGATE_ERROR (nb_aggregate_error_quark ())

typedef enum
{
  NB_AGGREGATE_ERROR_EMPTY,      /* no report to add up */
  NB_AGGREGATE_ERROR_WRONG_YEAR, /* a report of another year */
  NB_AGGREGATE_ERROR_OVERFLOW,   /* a sum too large to hold */
} NbAggregateError;

GQuark    nb_aggregate_error_quark (void);

/* Sums every figure of @reports (an array of NbReport, all of @year) into
 * a new report of organ @as_organ: a figure is blank only when it is blank
 * in every report, counts and the fee (in fen) are exact, and the text
 * sections are left empty for the summarising organ to write. */
NbReport *nb_aggregate (GPtrArray   *reports,
                        const char  *as_organ,
                        guint        year,
                        GError     **error);

G_END_DECLS
