/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer: the one parser of typed figures. The lowest bit of the first
 * byte picks a count or the fee (the seeds begin with “0” or “1”); the rest
 * is the text. What parses must be ≥ 0 and must come back unchanged
 * through nb_number_format() and nb_number_parse().
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "nb-number.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = NULL;
  g_autofree char *formatted = NULL;
  g_autoptr(GError) error = NULL;
  NbCellKind kind;
  gboolean blank = FALSE;
  gint64 value = -1;
  gint64 again = -1;

  if (size == 0)
    return 0;
  kind = (data[0] & 1) ? NB_CELL_FEE : NB_CELL_COUNT;
  text = g_strndup ((const char *) data + 1, size - 1);

  if (!nb_number_parse (text, kind, &blank, &value, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  if (blank)
    return 0;
  g_assert_cmpint (value, >=, 0);
  formatted = nb_number_format (value, kind);
  g_assert_true (nb_number_parse (formatted, kind, &blank, &again, NULL));
  g_assert_false (blank);
  g_assert_cmpint (again, ==, value);
  return 0;
}
