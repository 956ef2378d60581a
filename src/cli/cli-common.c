/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cli-common.h"
#include "nb-finding.h"
#include "nb-format.h"

/* Options every command shares. */
char *opt_db;
char *opt_organ;
int opt_year;

static GOptionEntry db_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db, N_("Database file (default: nianbao/nianbao.db in the user data directory)"), N_("PATH") },
  { NULL }
};

static GOptionEntry report_entries[] = {
  { "organ", 0, 0, G_OPTION_ARG_STRING, &opt_organ, N_("Name of the organ"), N_("NAME") },
  { "year", 0, 0, G_OPTION_ARG_INT, &opt_year, N_("Year of the report"), N_("YEAR") },
  { NULL }
};

void
print_error (const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("nianbao-cli: %s\n", message);
}

/* Pads by what a terminal shows: a Chinese character takes two columns. */
void
print_padded (FILE *out, const char *text, guint columns)
{
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  fputs (text, out);
  for (; width < columns; width++)
    fputc (' ', out);
}

/* Parses the options of one command; prints usage problems itself. */
gboolean
parse_options (const char *command, const char *parameters, const char *summary,
               GOptionEntry *extra, gboolean with_report, int *argc, char ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  /* The program name already says "nianbao-cli COMMAND". */
  context = g_option_context_new (parameters);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, db_entries, GETTEXT_PACKAGE);
  if (with_report)
    g_option_context_add_main_entries (context, report_entries, GETTEXT_PACKAGE);
  if (extra != NULL)
    g_option_context_add_main_entries (context, extra, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      print_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
require_report_options (void)
{
  if (opt_organ == NULL || opt_organ[0] == '\0')
    {
      print_error ("%s", _("--organ NAME is required"));
      return FALSE;
    }
  if (opt_year < NB_MIN_YEAR || opt_year > NB_MAX_YEAR)
    {
      print_error (_("--year must be a year between %d and %d"), NB_MIN_YEAR, NB_MAX_YEAR);
      return FALSE;
    }
  return TRUE;
}

NbStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = opt_db ? g_strdup (opt_db) : nb_store_default_path ();
  NbStore *store = nb_store_open (path, &error);

  if (store == NULL)
    print_error ("%s", error->message);
  return store;
}


/* The previous year of the same organ, or NULL when none is stored. */
NbReport *
load_previous (NbStore *store, NbReport *report)
{
  g_autoptr(GError) error = NULL;
  NbReport *previous;

  previous = nb_store_load (store, nb_report_get_organ_name (report),
                            nb_report_get_year (report) - 1, &error);
  if (previous == NULL && !g_error_matches (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND))
    print_error ("%s", error->message);
  return previous;
}

static char *
join_cell_ids (GArray *cells)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < cells->len; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, nb_format_cell (g_array_index (cells, guint, i))->id);
    }
  return g_string_free (text, FALSE);
}

void
print_findings (const char *title, GPtrArray *findings, GHashTable *acks)
{
  guint errors = nb_findings_count (findings, NB_SEVERITY_ERROR);
  guint warnings = nb_findings_count (findings, NB_SEVERITY_WARNING);

  /* TRANSLATORS: "<report>: 2 errors, 3 warnings" */
  g_print (_("%s: %u error(s), %u warning(s)\n"), title, errors, warnings);

  for (guint i = 0; i < findings->len; i++)
    {
      NbFinding *finding = g_ptr_array_index (findings, i);
      const char *note = acks ? g_hash_table_lookup (acks, finding->key) : NULL;
      g_autofree char *cells = join_cell_ids (finding->cells);

      g_print ("  ");
      print_padded (stdout, finding->severity == NB_SEVERITY_ERROR ? _("error") : _("warning"), 7);
      g_print (" %-3s %s\n", finding->rule, finding->message);
      if (finding->expected != NULL && finding->actual != NULL)
        {
          g_print ("              ");
          /* TRANSLATORS: the value a rule wants, and the one in the report */
          g_print (_("expected %s, actual %s"), finding->expected, finding->actual);
          g_print ("\n");
        }
      if (cells[0] != '\0')
        g_print ("              %s %s\n", _("cells:"), cells);
      if (note != NULL)
        g_print ("              %s %s\n", _("acknowledged:"), note);
    }
}

char *
report_title (NbReport *report)
{
  /* TRANSLATORS: an organ's report of a year, e.g. "某某街道办事处 2024" */
  return g_strdup_printf (_("%s %u"), nb_report_get_organ_name (report)
                          ? nb_report_get_organ_name (report) : "?",
                          nb_report_get_year (report));
}
