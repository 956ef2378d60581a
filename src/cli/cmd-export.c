/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * nianbao-cli export: a stored report as the JSON exchange file or as the
 * PDF (recorded for verify), with the appendix comparing it with last year
 * on request.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli-common.h"
#include "cmd-export.h"
#include "nb-json.h"
#include "nb-render.h"
#include "nb-store.h"

static char *opt_format;
static char *opt_output;
static gboolean opt_tables_only;
static gint64 opt_revision;

/* A file name in the current folder made from the report's title: an organ
 * name is typed by people, and "../" or "/" in it must not send the file
 * elsewhere. */
static char *
dup_file_name (const char *title, const char *suffix)
{
  GString *name = g_string_new (NULL);

  for (const char *p = title; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || g_unichar_iscntrl (c) || (name->len == 0 && c == '.'))
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }
  if (name->len == 0)
    g_string_append (name, "report");
  g_string_append (name, suffix);
  return g_string_free (name, FALSE);
}

static gboolean opt_with_comparison;

/* The years of the organ up to the report's, oldest first, for the
 * appendix 附：与上年对比; NULL with a message when last year is not
 * stored. */
static GPtrArray *
load_history (NbStore *store, NbReport *report, NbReport **previous)
{
  g_autoptr(GPtrArray) entries = nb_store_list (store, NULL);
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func (g_object_unref);
  const char *organ = nb_report_get_organ_name (report);
  guint year = nb_report_get_year (report);

  *previous = NULL;
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      NbStoreEntry *entry = g_ptr_array_index (entries, i);
      NbReport *loaded;

      if (g_strcmp0 (entry->organ, organ) != 0 || entry->year > year)
        continue;
      loaded = entry->year == year ? g_object_ref (report)
                                   : nb_store_load (store, organ, entry->year, NULL);
      if (loaded == NULL)
        continue;
      if (entry->year + 1 == year)
        *previous = loaded;
      g_ptr_array_add (history, loaded);
    }
  if (*previous == NULL)
    {
      print_error (_("%s %u: last year’s report is not stored, so there is nothing to compare with"),
                   organ, year - 1);
      return NULL;
    }
  return g_steal_pointer (&history);
}

static int
export_pdf (NbStore *store, NbReport *report, gint64 revision)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  NbRenderOptions options = { .tables_only = opt_tables_only };
  g_autofree char *sha256 = NULL;
  g_autofree char *data = nb_json_write (report);
  g_autofree char *title = nb_report_dup_title (report);
  g_autofree char *path = opt_output ? g_strdup (opt_output) : dup_file_name (title, ".pdf");

  if (opt_with_comparison)
    {
      history = load_history (store, report, &options.previous);
      if (history == NULL)
        return EXIT_FAILED;
      options.history = history;
    }
  if (!nb_render_write_pdf_full (report, &options, path, &sha256, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  if (!nb_store_record_export (store, nb_report_get_organ_name (report),
                               nb_report_get_year (report), revision, sha256, data, &error))
    {
      /* The file is right but could not be registered: say so, keep it. */
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  g_print (_("Wrote %s (SHA-256 %s)\n"), path, sha256);
  return EXIT_OK;
}

int
cmd_export (int argc, char **argv)
{
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, N_("json or pdf (default json)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("Write to FILE (JSON default: standard output)"), N_("FILE") },
    { "tables-only", 0, 0, G_OPTION_ARG_NONE, &opt_tables_only, N_("PDF with the three tables only"), NULL },
    { "with-comparison", 0, 0, G_OPTION_ARG_NONE, &opt_with_comparison, N_("PDF with the appendix comparing it with last year and the trends of every stored year"), NULL },
    { "revision", 0, 0, G_OPTION_ARG_INT64, &opt_revision, N_("Export the report as it stood at an earlier revision (JSON)"), N_("N") },
    { NULL }
  };
  g_autoptr(NbStore) store = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 revision;

  if (!parse_options ("export", "", _("Write a stored report as JSON or PDF."),
                      entries, TRUE, &argc, &argv))
    return EXIT_UNUSABLE;
  if (!require_report_options ())
    return EXIT_UNUSABLE;
  if (opt_format != NULL && strcmp (opt_format, "json") != 0 && strcmp (opt_format, "pdf") != 0)
    {
      print_error (_("unknown format “%s” (use json or pdf)"), opt_format);
      return EXIT_UNUSABLE;
    }
  if (opt_with_comparison && g_strcmp0 (opt_format, "pdf") != 0)
    {
      print_error ("%s", _("--with-comparison is for a PDF (--format pdf)"));
      return EXIT_UNUSABLE;
    }
  if ((store = open_store ()) == NULL)
    return EXIT_UNUSABLE;

  revision = nb_store_get_revision (store, opt_organ, (guint) opt_year, &error);
  if (revision > 0 && opt_revision > 0)
    {
      if (opt_revision > revision)
        {
          print_error (_("revision %" PRId64 " does not exist yet (latest is %" PRId64 ")"),
                       opt_revision, revision);
          return EXIT_FAILED;
        }
      revision = opt_revision;
      report = nb_store_load_revision (store, opt_organ, (guint) opt_year, revision, &error);
    }
  else if (revision > 0)
    report = nb_store_load (store, opt_organ, (guint) opt_year, &error);
  if (report == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  if (g_strcmp0 (opt_format, "pdf") == 0)
    return export_pdf (store, report, revision);

  {
    g_autofree char *json = nb_json_write (report);

    if (opt_output == NULL || strcmp (opt_output, "-") == 0)
      {
        fwrite (json, 1, strlen (json), stdout);
        return EXIT_OK;
      }
    if (!nb_json_write_file (report, opt_output, &error))
      {
        print_error ("%s", error->message);
        return EXIT_FAILED;
      }
  }
  return EXIT_OK;
}
