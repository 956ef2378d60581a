/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * nianbao-cli list, status and rename-organ.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "cli-common.h"
#include "cmd-status.h"
#include "nb-rules.h"

/* ---- list ---- */

static gboolean opt_findings;

/* The findings of one year, with last year's report when it is stored;
 * @previous is the report listed just before, reused when it is that. */
static gboolean
count_findings (NbStore *store, NbStoreEntry *entry, NbReport **previous,
                guint *errors, guint *warnings, guint *open)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_store_load (store, entry->organ, entry->year, &error);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GHashTable) acks = NULL;
  NbReport *last_year = NULL;

  if (report == NULL)
    {
      print_error ("%s", error->message);
      return FALSE;
    }
  if (*previous != NULL &&
      g_strcmp0 (nb_report_get_organ_name (*previous), entry->organ) == 0 &&
      nb_report_get_year (*previous) + 1 == entry->year)
    last_year = *previous;
  findings = nb_rules_check_all (report, last_year);
  if ((acks = nb_store_get_acks (store, entry->organ, entry->year, &error)) == NULL)
    {
      print_error ("%s", error->message);
      return FALSE;
    }
  *errors = nb_findings_count (findings, NB_SEVERITY_ERROR);
  *warnings = nb_findings_count (findings, NB_SEVERITY_WARNING);
  *open = nb_findings_count_open (findings, acks);
  g_set_object (previous, report);
  return TRUE;
}

int
cmd_list (int argc, char **argv)
{
  GOptionEntry entries[] = {
    { "findings", 0, 0, G_OPTION_ARG_NONE, &opt_findings, N_("Check every year and show its findings (slower with many years)"), NULL },
    { NULL }
  };
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(NbReport) previous = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_options ("list", "", _("List the stored organs and years with their status (draft or final)."),
                      entries, FALSE, &argc, &argv))
    return EXIT_UNUSABLE;
  if (argc > 1)
    {
      print_error (_("unexpected argument “%s”"), argv[1]);
      return EXIT_UNUSABLE;
    }
  if ((store = open_store ()) == NULL)
    return EXIT_UNUSABLE;
  if ((list = nb_store_list (store, &error)) == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  if (list->len == 0)
    {
      g_print ("%s\n", _("No reports stored yet."));
      return EXIT_OK;
    }

  for (guint i = 0; i < list->len; i++)
    {
      NbStoreEntry *entry = g_ptr_array_index (list, i);
      const char *status = strcmp (entry->status, NB_STORE_STATUS_FINAL) == 0 ? _("final") : _("draft");
      guint errors, warnings, open;

      if (!opt_findings)
        {
          g_print (_("%s\t%u\t%s\trevision %" PRId64 "\t%s\n"),
                   entry->organ, entry->year, status, entry->revision, entry->updated);
          continue;
        }
      if (!count_findings (store, entry, &previous, &errors, &warnings, &open))
        return EXIT_FAILED;
      /* TRANSLATORS: organ, year, draft/final, revision, findings, last change */
      g_print (_("%s\t%u\t%s\trevision %" PRId64 "\t%u error(s), %u warning(s), %u open\t%s\n"),
               entry->organ, entry->year, status, entry->revision,
               errors, warnings, open, entry->updated);
    }
  return EXIT_OK;
}

/* ---- status ---- */

int
cmd_status (int argc, char **argv)
{
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const char *now;
  const char *wanted = NULL;

  if (!parse_options ("status", _("[draft|final]"),
                      _("Show whether a stored year is a draft or final (sealed), or mark it so.\n"
                        "A final year refuses every change until it is marked draft again."),
                      NULL, TRUE, &argc, &argv))
    return EXIT_UNUSABLE;
  if (!require_report_options ())
    return EXIT_UNUSABLE;
  if (argc > 2)
    {
      print_error ("%s", _("give at most one status: draft or final"));
      return EXIT_UNUSABLE;
    }
  if (argc == 2)
    {
      if (strcmp (argv[1], NB_STORE_STATUS_DRAFT) == 0)
        wanted = NB_STORE_STATUS_DRAFT;
      else if (strcmp (argv[1], NB_STORE_STATUS_FINAL) == 0)
        wanted = NB_STORE_STATUS_FINAL;
      else
        {
          print_error (_("unknown status “%s” (use draft or final)"), argv[1]);
          return EXIT_UNUSABLE;
        }
    }
  if ((store = open_store ()) == NULL)
    return EXIT_UNUSABLE;
  title = g_strdup_printf (_("%s %u"), opt_organ, (guint) opt_year);
  if ((now = nb_store_get_status (store, opt_organ, (guint) opt_year, &error)) == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  if (wanted == NULL)
    {
      g_print ("%s: %s\n", title, strcmp (now, NB_STORE_STATUS_FINAL) == 0 ? _("final") : _("draft"));
      return EXIT_OK;
    }
  if (strcmp (now, wanted) == 0)
    {
      g_print (strcmp (now, NB_STORE_STATUS_FINAL) == 0
               ? _("%s is already final; nothing was changed\n")
               : _("%s is already a draft; nothing was changed\n"), title);
      return EXIT_OK;
    }
  if (!nb_store_set_status (store, opt_organ, (guint) opt_year, wanted, "cli", &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  g_print (strcmp (wanted, NB_STORE_STATUS_FINAL) == 0
           ? _("Marked %s final (sealed): it refuses every change until it is marked draft again\n")
           : _("Marked %s as a draft: it can be changed again\n"), title);
  return EXIT_OK;
}

/* ---- rename-organ ---- */

static char *opt_to;

int
cmd_rename_organ (int argc, char **argv)
{
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to, N_("The new name"), N_("NEW") },
    { NULL }
  };
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *to = NULL;

  if (!parse_options ("rename-organ", "",
                      _("Give every stored year of an organ a new name (--organ OLD --to NEW);\n"
                        "the edit log of each year records it."),
                      entries, TRUE, &argc, &argv))
    return EXIT_UNUSABLE;
  if (argc > 1)
    {
      print_error (_("unexpected argument “%s”"), argv[1]);
      return EXIT_UNUSABLE;
    }
  if (opt_organ == NULL || opt_organ[0] == '\0')
    {
      print_error ("%s", _("--organ NAME is required"));
      return EXIT_UNUSABLE;
    }
  to = g_strstrip (g_strdup (opt_to ? opt_to : ""));
  if (to[0] == '\0')
    {
      print_error ("%s", _("--to NEW is required and cannot be blank"));
      return EXIT_UNUSABLE;
    }
  if ((store = open_store ()) == NULL)
    return EXIT_UNUSABLE;
  if (!nb_store_rename_organ (store, opt_organ, to, "cli", &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  g_print (_("Renamed “%s” to “%s”\n"), opt_organ, to);
  return EXIT_OK;
}
