/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How much of a text repeats another (W6, copied text), and which part of
 * last year's report a part of this year's answers to.
 */
#pragma once

#include <glib.h>

#include "nb-finding.h"
#include "nb-report.h"

G_BEGIN_DECLS

/* One published scoring rule deducts points when more than half of a
 * report repeats last year's. */
#define NB_SIMILARITY_DEFAULT_THRESHOLD 0.5

/* A part with fewer letters than this after normalisation ("无。", "暂无")
 * is too short for repeating it to mean anything: W6 leaves it alone. */
#define NB_SIMILARITY_MIN_CHARS 10

/* The Dice coefficient of the character bigrams of @a and @b after
 * normalisation (punctuation, symbols, white space and digits removed,
 * Latin letters lower-cased): 2·|A∩B| / (|A| + |B|) over the multisets
 * of adjacent character pairs, from 0.0 (nothing in common) to 1.0
 * (identical). Changing the figures or the punctuation of a copied text
 * leaves it at 1.0; reordering its sentences keeps it high. NULL counts
 * as the empty text; two empty texts are identical. */
double nb_similarity             (const char    *a,
                                  const char    *b);

/* Last year's part that part @index of @section answers to: the first
 * part of @previous with the same heading, else the part at the same
 * position unless another part of this year claims it by heading.
 * Returns its index, or -1. */
int    nb_similarity_match_part  (NbReport      *report,
                                  NbReport      *previous,
                                  NbTextSection  section,
                                  guint          index);

/* W6: appends to @findings one warning for every text part of @report
 * whose body is at least @threshold similar to its match in @previous.
 * Key "W6:<section key>:<part index>". */
void   nb_similarity_check       (NbReport      *report,
                                  NbReport      *previous,
                                  double         threshold,
                                  GPtrArray     *findings);

/* A similarity as the whole percent shown to people, never rounded up to
 * the threshold it does not reach. */
int    nb_similarity_percent     (double         similarity);

G_END_DECLS
