/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starting a year from the last one: the organ's metadata, the requests
 * carried over, and last year's texts as drafts to rewrite.
 */
#pragma once

#include <glib.h>

#include "nb-report.h"

G_BEGIN_DECLS

/* A text part of a report. */
typedef struct
{
  NbTextSection section;
  guint index;
} NbPartRef;

/* Year + 1 of the same organ: its metadata, every t3.carried_in.* set to
 * last year's t3.carried_out.* (blank where that was blank), the text
 * parts copied as drafts; every other figure blank, no date of issue. An
 * edited preamble is kept with its statistics period moved on a year. */
NbReport *nb_report_new_year_from  (NbReport *last);

/* The parts of @report whose body is still the one of the part of @last
 * it answers to, i.e. copied drafts not edited yet (an array of
 * NbPartRef, in report order). */
GArray   *nb_new_year_list_copied  (NbReport *report,
                                    NbReport *last);

G_END_DECLS
