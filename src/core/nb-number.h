/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one parser of what a person types into a figure, and its inverse.
 */
#pragma once

#include <glib.h>

#include "nb-format.h"

G_BEGIN_DECLS

#define NB_NUMBER_ERROR (nb_number_error_quark ())

typedef enum
{
  NB_NUMBER_ERROR_INVALID,     /* a character that is not part of a number */
  NB_NUMBER_ERROR_NEGATIVE,
  NB_NUMBER_ERROR_FRACTION,    /* a fraction in a count */
  NB_NUMBER_ERROR_DECIMALS,    /* more than six decimals in a fee */
  NB_NUMBER_ERROR_OVERFLOW,
  NB_NUMBER_ERROR_SEPARATOR,   /* thousands separator in the wrong place */
} NbNumberError;

GQuark    nb_number_error_quark (void);

gboolean  nb_number_parse       (const char  *text,
                                 NbCellKind   kind,
                                 gboolean    *is_blank,
                                 gint64      *value,
                                 GError     **error);
char     *nb_number_format      (gint64       value,
                                 NbCellKind   kind);

G_END_DECLS
