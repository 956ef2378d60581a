/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The laid-out report as a PDF file: written beside its destination and
 * renamed over it only once complete, hashed while written, with metadata
 * that come from the report alone so that the same data always gives the
 * same bytes.
 */
#include "config.h"

#include <string.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "nb-render-private.h"

typedef struct
{
  int fd;
  GChecksum *checksum;
  int saved_errno;
} Sink;

static cairo_status_t
write_cb (void *closure, const unsigned char *data, unsigned int length)
{
  Sink *sink = closure;

  g_checksum_update (sink->checksum, data, length);
  while (length > 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }
  return CAIRO_STATUS_SUCCESS;
}

/* The date of issue, or 1 January of the year after the report's, which is
 * when reports are written: never the clock, so that the bytes depend on
 * the data alone. */
static char *
dup_pdf_date (NbReport *report)
{
  const char *issued = nb_report_get_issued (report);

  g_autofree char *valid = issued ? nb_render_format_date (issued) : NULL;
  guint year = nb_report_get_year (report);

  if (valid != NULL)
    return g_strdup_printf ("%sT00:00:00+08:00", issued);
  return g_strdup_printf ("%04u-01-01T00:00:00+08:00", year != 0 ? year + 1 : NB_MIN_YEAR);
}

/* Cairo refuses a metadata string holding a Unicode noncharacter
 * (U+FFFE, U+FDD0…), which Pango draws without complaint; the PDF's
 * document properties get U+FFFD in their place, the pages keep the text. */
static char *
dup_metadata_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
        c = 0xFFFD;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
set_metadata (cairo_surface_t *surface, NbReport *report)
{
  g_autofree char *raw_title = nb_report_dup_title (report);
  g_autofree char *title = dup_metadata_text (raw_title);
  g_autofree char *date = dup_pdf_date (report);
  g_autofree char *organ = nb_report_get_organ_name (report)
    ? dup_metadata_text (nb_report_get_organ_name (report)) : NULL;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (organ != NULL && *organ != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, organ);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, NB_PDF_SUBJECT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Nianbao " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
}

static void
set_save_error (GError **error, const char *path, int saved_errno)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not save the PDF “%s”: %s"), path, g_strerror (saved_errno));
}

gboolean
nb_render_write_pdf (NbReport    *report,
                     gboolean     tables_only,
                     const char  *path,
                     char       **sha256_hex,
                     GError     **error)
{
  NbRenderOptions options = { tables_only, NULL, NULL };

  return nb_render_write_pdf_full (report, &options, path, sha256_hex, error);
}

/* @options NULL: the whole report, no appendix. */
gboolean
nb_render_write_pdf_full (NbReport              *report,
                          const NbRenderOptions *options,
                          const char            *path,
                          char                 **sha256_hex,
                          GError               **error)
{
  g_autoptr(NbRender) self = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Sink sink;

  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Could not save the PDF “%s”: the folder “%s” does not exist"),
                   path, dir);
      return FALSE;
    }

  tmp_path = g_strdup_printf ("%s%s.%s.XXXXXX", dir, G_DIR_SEPARATOR_S, base);
  sink.fd = g_mkstemp_full (tmp_path, O_WRONLY, 0666);
  if (sink.fd < 0)
    {
      set_save_error (error, path, errno);
      return FALSE;
    }

  self = nb_render_new_full (report, options);
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sink.checksum = checksum;
  sink.saved_errno = 0;

  surface = cairo_pdf_surface_create_for_stream (write_cb, &sink,
                                                 NB_RENDER_PAGE_WIDTH, NB_RENDER_PAGE_HEIGHT);
  set_metadata (surface, report);
  cr = cairo_create (surface);
  for (guint i = 0; i < nb_render_get_n_pages (self); i++)
    {
      nb_render_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  nb_render_add_pdf_outline (self, surface);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && g_fsync (sink.fd) != 0)
    sink.saved_errno = errno;
  if (!g_close (sink.fd, NULL) && sink.saved_errno == 0 && status == CAIRO_STATUS_SUCCESS)
    sink.saved_errno = errno;

  if (sink.saved_errno == 0 && status == CAIRO_STATUS_SUCCESS
      && g_rename (tmp_path, path) != 0)
    sink.saved_errno = errno;

  if (sink.saved_errno != 0 || status != CAIRO_STATUS_SUCCESS)
    {
      if (sink.saved_errno != 0)
        set_save_error (error, path, sink.saved_errno);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("Could not save the PDF “%s”: %s"), path, cairo_status_to_string (status));
      g_unlink (tmp_path);
      return FALSE;
    }

  if (sha256_hex != NULL)
    *sha256_hex = g_strdup (g_checksum_get_string (checksum));
  return TRUE;
}
