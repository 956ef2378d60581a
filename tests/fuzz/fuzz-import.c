/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer: the text importer, and the narrative check on whatever it
 * read. Any input must give a result or an error — no crash, no hang, no
 * leak, no critical warning.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "nb-import.h"
#include "nb-narrative.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbImportResult) result = nb_import_text ((const char *) data, (gssize) size, &error);

  if (result == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_null (error);
  for (guint i = 0; i < result->problems->len; i++)
    g_assert_true (g_utf8_validate (((NbImportProblem *) g_ptr_array_index (result->problems, i))->message, -1, NULL));

  {
    g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_finding_free);

    nb_narrative_check (result->report, findings);
  }
  return 0;
}
