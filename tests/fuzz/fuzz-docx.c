/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer: the .docx reader. An input that begins with “PK” is read as
 * the zip itself; any other is wrapped, as word/document.xml, into a zip
 * made here, so that the XML walk is fuzzed as well as the archive.
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "nb-docx.h"
#include "nb-import.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static GBytes *
wrap (const uint8_t *data, size_t size)
{
  gsize capacity = size + 4096;
  guint8 *buffer = g_malloc (capacity);
  size_t used = 0;
  struct archive *archive = archive_write_new ();
  struct archive_entry *entry = archive_entry_new ();

  archive_write_set_format_zip (archive);
  archive_write_zip_set_compression_store (archive);
  archive_write_open_memory (archive, buffer, capacity, &used);
  archive_entry_set_pathname (entry, "word/document.xml");
  archive_entry_set_size (entry, (la_int64_t) size);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_write_header (archive, entry);
  archive_write_data (archive, data, size);
  archive_entry_free (entry);
  archive_write_close (archive);
  archive_write_free (archive);
  return g_bytes_new_take (buffer, used);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbImportResult) result = NULL;
  g_autofree char *text = NULL;
  gsize length;
  const char *bytes;

  if (size >= 2 && data[0] == 'P' && data[1] == 'K')
    zip = g_bytes_new (data, size);
  else
    zip = wrap (data, size);
  bytes = g_bytes_get_data (zip, &length);

  text = nb_docx_extract_text (bytes, length, &error);
  if (text == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_clear_error (&error);
  result = nb_import_data (bytes, length, &error);
  g_assert_true ((result == NULL) == (error != NULL));
  return 0;
}
