/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * nianbao-cli: the headless tool over the core — import, export, check,
 * set, list, status, rename-organ, history, verify, new-year, compare and
 * aggregate.
 *
 * Exit status: 0 success; 1 the operation failed or, for check, the report
 * has errors; 2 unusable input or usage; verify: 3 when a PDF matches
 * nothing stored.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli-common.h"
#include "cmd-export.h"
#include "cmd-status.h"
#include "cmd-years.h"
#include "nb-format.h"
#include "nb-import.h"
#include "nb-json.h"
#include "nb-number.h"
#include "nb-render.h"
#include "nb-rules.h"
#include "nb-store.h"

typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
  const char *parameters;
  const char *summary;
} Command;

/* 1: the file starts (after blanks and a byte order mark) with “{”, as an
 * exchange file does; 0: it does not; -1: it cannot be read. */
static int
sniff_json (const char *path, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  guint8 head[4096];
  gssize n;
  gsize i = 0;

  if (stream == NULL)
    return -1;
  n = g_input_stream_read (G_INPUT_STREAM (stream), head, sizeof head, NULL, error);
  if (n < 0)
    return -1;
  if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
    i = 3;
  while (i < (gsize) n && strchr (" \t\r\n", head[i]) != NULL && head[i] != '\0')
    i++;
  return i < (gsize) n && head[i] == '{' ? 1 : 0;
}

/* Reads a report from an exchange file (JSON) or a published report
 * (plain text or .docx). What the importer could not read is printed with
 * its line; a table it could not place with certainty makes the file
 * unusable, since storing or checking a half-read table would mislead. */
static NbReport *
read_report_file (const char *path, GError **error)
{
  g_autoptr(NbImportResult) result = NULL;

  /* By what the file holds, not its name: a report.txt may hold JSON, and
   * a .json may be a published report saved under the wrong name. */
  switch (sniff_json (path, error))
    {
    case 1:
      return nb_json_read_file (path, NULL, error);
    case -1:
      return NULL;
    default:
      break;
    }

  result = nb_import_file (path, error);
  if (result == NULL)
    {
      /* say which file, as the JSON reader does */
      if (error != NULL && *error != NULL && strstr ((*error)->message, path) == NULL)
        g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  for (guint i = 0; i < result->problems->len; i++)
    {
      NbImportProblem *problem = g_ptr_array_index (result->problems, i);

      if (problem->line > 0)
        g_printerr (_("%s:%u: %s\n"), path, problem->line, problem->message);
      else
        g_printerr ("%s: %s\n", path, problem->message);
    }
  if (!result->complete)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s”: some figures could not be placed with certainty (see above); nothing was read"),
                   path);
      return NULL;
    }
  return g_steal_pointer (&result->report);
}

/* ---- import ---- */

static gboolean opt_replace;

static int
cmd_import (int argc, char **argv)
{
  GOptionEntry entries[] = {
    { "replace", 0, 0, G_OPTION_ARG_NONE, &opt_replace, N_("Replace a report already stored (the old values stay in the edit log)"), NULL },
    { NULL }
  };
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  if (!parse_options ("import", _("FILE…"), _("Store reports read from exchange files (JSON) or published reports (text, .docx)."),
                      entries, FALSE, &argc, &argv))
    return EXIT_UNUSABLE;
  if (argc < 2)
    {
      print_error ("%s", _("no file given"));
      return EXIT_UNUSABLE;
    }

  /* Read every file first: one unreadable file stores nothing at all. */
  {
    g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);

    for (int i = 1; i < argc; i++)
      {
        NbReport *report = read_report_file (argv[i], &error);

        if (report == NULL)
          {
            print_error ("%s", error->message);
            return EXIT_UNUSABLE;
          }
        g_ptr_array_add (reports, report);
      }

    if ((store = open_store ()) == NULL)
      return EXIT_UNUSABLE;

    for (guint i = 0; i < reports->len; i++)
      {
        NbReport *report = g_ptr_array_index (reports, i);
        g_autofree char *title = report_title (report);

        if (!nb_store_save (store, report, opt_replace ? NB_STORE_SAVE_REPLACE : NB_STORE_SAVE_NEW,
                            "import", &error))
          {
            if (g_error_matches (error, NB_STORE_ERROR, NB_STORE_ERROR_EXISTS))
              print_error (_("%s is already stored; use --replace to overwrite it"), title);
            else
              print_error ("%s", error->message);
            g_clear_error (&error);
            status = EXIT_FAILED;
            continue;
          }
        g_print (_("Stored %s\n"), title);
      }
  }
  return status;
}

/* ---- check ---- */

static char *opt_previous;
static gboolean opt_json;
static gboolean opt_series;

static NbReport *
find_previous_in (GPtrArray *reports, NbReport *report)
{
  for (guint i = 0; i < reports->len; i++)
    {
      NbReport *other = g_ptr_array_index (reports, i);

      if (nb_report_get_year (other) + 1 == nb_report_get_year (report) &&
          g_strcmp0 (nb_report_get_organ_name (other), nb_report_get_organ_name (report)) == 0)
        return other;
    }
  return NULL;
}

static void
add_check_result (JsonBuilder *builder, const char *source, NbReport *report, GPtrArray *findings)
{
  g_autofree char *findings_json = nb_json_findings (findings);
  g_autoptr(JsonNode) node = json_from_string (findings_json, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, source);
  if (report != NULL)
    {
      json_builder_set_member_name (builder, "organ");
      json_builder_add_string_value (builder, nb_report_get_organ_name (report));
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, nb_report_get_year (report));
    }
  json_builder_set_member_name (builder, "errors");
  json_builder_add_int_value (builder, nb_findings_count (findings, NB_SEVERITY_ERROR));
  json_builder_set_member_name (builder, "warnings");
  json_builder_add_int_value (builder, nb_findings_count (findings, NB_SEVERITY_WARNING));
  json_builder_set_member_name (builder, "findings");
  json_builder_add_value (builder, g_steal_pointer (&node));
  json_builder_end_object (builder);
}

static int
cmd_check (int argc, char **argv)
{
  GOptionEntry entries[] = {
    { "previous", 0, 0, G_OPTION_ARG_FILENAME, &opt_previous, N_("Last year's report (JSON) for the cross-year rules"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print the findings as JSON"), NULL },
    { "series", 0, 0, G_OPTION_ARG_NONE, &opt_series, N_("The files are years of the same organs: apply the cross-year rules between neighbours"), NULL },
    { NULL }
  };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(NbReport) previous = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  if (!parse_options ("check", _("[FILE…]"),
                      _("Check reports against the rules: files, or a stored report with --organ and --year.\n"
                        "Exit status: 0 no errors, 1 errors found, 2 unusable input."),
                      entries, TRUE, &argc, &argv))
    return EXIT_UNUSABLE;

  if (opt_previous != NULL &&
      (previous = read_report_file (opt_previous, &error)) == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_UNUSABLE;
    }

  json_builder_begin_array (builder);

  if (argc < 2)
    {
      g_autoptr(NbStore) store = NULL;
      g_autoptr(NbReport) report = NULL;
      g_autoptr(GPtrArray) findings = NULL;
      g_autoptr(GHashTable) acks = NULL;
      g_autofree char *title = NULL;

      if (!require_report_options ())
        return EXIT_UNUSABLE;
      if ((store = open_store ()) == NULL)
        return EXIT_UNUSABLE;
      if ((report = nb_store_load (store, opt_organ, (guint) opt_year, &error)) == NULL)
        {
          print_error ("%s", error->message);
          return EXIT_UNUSABLE;
        }
      if (previous == NULL)
        previous = load_previous (store, report);
      findings = nb_rules_check_all (report, previous);
      acks = nb_store_get_acks (store, opt_organ, (guint) opt_year, NULL);
      title = report_title (report);
      if (opt_json)
        add_check_result (builder, title, report, findings);
      else
        print_findings (title, findings, acks);
      if (nb_findings_count (findings, NB_SEVERITY_ERROR) > 0)
        status = EXIT_FAILED;
    }

  {
    g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GPtrArray) sources = g_ptr_array_new ();
    guint total_errors = 0, total_warnings = 0, unusable = 0;

    for (int i = 1; i < argc; i++)
      {
        NbReport *report = read_report_file (argv[i], &error);

        if (report == NULL)
          {
            print_error ("%s", error->message);
            g_clear_error (&error);
            status = EXIT_UNUSABLE;
            unusable++;
            continue;
          }
        g_ptr_array_add (reports, report);
        g_ptr_array_add (sources, argv[i]);
      }

    for (guint i = 0; i < reports->len; i++)
      {
        NbReport *report = g_ptr_array_index (reports, i);
        NbReport *last_year = previous;
        g_autoptr(GPtrArray) findings = NULL;

        /* With --series the files check each other: a file's previous
         * year is the file of the same organ one year earlier. */
        if (opt_series)
          last_year = find_previous_in (reports, report);
        findings = nb_rules_check_all (report, last_year);
        if (opt_json)
          add_check_result (builder, g_ptr_array_index (sources, i), report, findings);
        else
          print_findings (g_ptr_array_index (sources, i), findings, NULL);
        total_errors += nb_findings_count (findings, NB_SEVERITY_ERROR);
        total_warnings += nb_findings_count (findings, NB_SEVERITY_WARNING);
        if (nb_findings_count (findings, NB_SEVERITY_ERROR) > 0 && status == EXIT_OK)
          status = EXIT_FAILED;
      }

    if (!opt_json && argc > 2)
      g_print (_("\nChecked %u file(s): %u error(s), %u warning(s), %u file(s) unusable\n"),
               reports->len, total_errors, total_warnings, unusable);
  }

  json_builder_end_array (builder);
  if (opt_json)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = NULL;

      json_generator_set_pretty (generator, TRUE);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }
  return status;
}

/* ---- set ---- */

/* "-5" would be taken for an unknown option: a VALUE that starts with a
 * minus (or a full-width or other non-ASCII character after it) is kept
 * from the option parser and put back afterwards, so that the number
 * parser says what is wrong with it. */
static char *
hide_negative_value (int argc, char **argv, const char *mark)
{
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *before = argv[i - 1];

      if (strcmp (arg, "--") == 0)
        break;
      if (arg[0] != '-' || arg[1] == '-' || arg[1] == '\0' ||
          !(g_ascii_isdigit (arg[1]) || arg[1] == '.' || arg[1] == ',' || (guchar) arg[1] >= 0x80))
        continue;
      if (strcmp (before, "--organ") == 0 || strcmp (before, "--year") == 0 ||
          strcmp (before, "--db") == 0)
        continue;
      argv[i] = (char *) mark;
      return (char *) arg;
    }
  return NULL;
}

static void
restore_negative_value (int argc, char **argv, const char *mark, char *value)
{
  for (int i = 1; value != NULL && i < argc; i++)
    if (argv[i] == mark)
      argv[i] = value;
}

static int
cmd_set (int argc, char **argv)
{
  g_autoptr(NbStore) store = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbReport) previous = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  gboolean blank;
  gint64 value;
  guint cell;

  static const char mark[] = "\x01value";
  char *negative = hide_negative_value (argc, argv, mark);

  if (!parse_options ("set", _("CELL VALUE"),
                      _("Set one figure of a stored report, read as a person would type it\n"
                        "(full-width digits, separators and spaces are fine; an empty VALUE clears it)."),
                      NULL, TRUE, &argc, &argv))
    return EXIT_UNUSABLE;
  restore_negative_value (argc, argv, mark, negative);
  if (!require_report_options ())
    return EXIT_UNUSABLE;
  if (argc != 3)
    {
      print_error ("%s", _("give exactly one CELL and one VALUE"));
      return EXIT_UNUSABLE;
    }
  if ((cell = nb_format_cell_by_id (argv[1])) == NB_CELL_NONE)
    {
      print_error (_("“%s” is not a cell of the report (e.g. t3.new.natural)"), argv[1]);
      return EXIT_UNUSABLE;
    }
  /* Garbage is refused before the database is even opened. */
  if (!nb_number_parse (argv[2], nb_format_cell (cell)->kind, &blank, &value, &error))
    {
      g_autofree char *where = nb_format_cell_describe (cell);

      print_error ("%s: %s", where, error->message);
      return EXIT_UNUSABLE;
    }
  if ((store = open_store ()) == NULL)
    return EXIT_UNUSABLE;
  if ((report = nb_store_load (store, opt_organ, (guint) opt_year, &error)) == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  if (blank)
    nb_report_clear_figure (report, cell);
  else
    nb_report_set_figure (report, cell, value);
  if (!nb_store_save (store, report, NB_STORE_SAVE_ANY, "cli", &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  shown = nb_report_dup_figure_text (report, cell);
  g_print ("%s = %s\n", argv[1], shown[0] ? shown : _("(blank)"));

  /* Say at once what the new value broke, as the editor would. */
  previous = load_previous (store, report);
  findings = nb_rules_check_all (report, previous);
  for (guint i = 0; i < findings->len; i++)
    {
      NbFinding *finding = g_ptr_array_index (findings, i);

      for (guint c = 0; c < finding->cells->len; c++)
        if (g_array_index (finding->cells, guint, c) == cell && strcmp (finding->rule, "W7") != 0)
          {
            g_print ("  %s %s\n", finding->rule, finding->message);
            break;
          }
    }
  return EXIT_OK;
}

/* ---- history ---- */

static char *opt_cell;

static int
cmd_history (int argc, char **argv)
{
  GOptionEntry entries[] = {
    { "cell", 0, 0, G_OPTION_ARG_STRING, &opt_cell, N_("Only this field (a cell id, organ.address, issued, overview…)"), N_("FIELD") },
    { NULL }
  };
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_options ("history", "", _("Show the log of every edit of a stored report, oldest first."),
                      entries, TRUE, &argc, &argv))
    return EXIT_UNUSABLE;
  if (!require_report_options ())
    return EXIT_UNUSABLE;
  if ((store = open_store ()) == NULL)
    return EXIT_UNUSABLE;
  if ((edits = nb_store_history (store, opt_organ, (guint) opt_year, opt_cell, &error)) == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  for (guint i = 0; i < edits->len; i++)
    {
      NbStoreEdit *edit = g_ptr_array_index (edits, i);

      g_print ("%s\tr%" G_GINT64_FORMAT "\t%s\t%s\t%s → %s\n", edit->at, edit->revision,
               edit->source, edit->field,
               edit->old_value ? edit->old_value : _("(blank)"),
               edit->new_value ? edit->new_value : _("(blank)"));
    }
  return EXIT_OK;
}

/* ---- verify ---- */

static char *
file_sha256 (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static int
cmd_verify (int argc, char **argv)
{
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *organ = NULL;
  g_autofree char *made_at = NULL;
  g_autofree char *data = NULL;
  g_autoptr(NbReport) made_from = NULL;
  g_autoptr(NbReport) current = NULL;
  gint64 revision = 0;
  gint64 current_revision;
  guint year = 0;

  if (!parse_options ("verify", _("FILE.pdf"),
                      _("Say which stored report a PDF was made from, and whether its data has changed since.\n"
                        "Exit status: 0 made from the current data, 1 the data has changed since, "
                        "2 unusable input, 3 matches nothing stored."),
                      NULL, FALSE, &argc, &argv))
    return EXIT_UNUSABLE;
  if (argc != 2)
    {
      print_error ("%s", _("give exactly one PDF file"));
      return EXIT_UNUSABLE;
    }
  if ((sha256 = file_sha256 (argv[1], &error)) == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_UNUSABLE;
    }
  if ((store = open_store ()) == NULL)
    return EXIT_UNUSABLE;
  if (!nb_store_find_export (store, sha256, &organ, &year, &revision, &made_at, &data, &error))
    {
      if (error != NULL && !g_error_matches (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND))
        {
          print_error ("%s", error->message);
          return EXIT_UNUSABLE;
        }
      g_print (_("%s matches no PDF exported from this database (SHA-256 %s).\n"), argv[1], sha256);
      return EXIT_NO_MATCH;
    }

  g_print (_("%s was exported on %s from %s %u, revision %" PRId64 ".\n"),
           argv[1], made_at, organ, year, revision);

  current_revision = nb_store_get_revision (store, organ, year, &error);
  made_from = nb_json_read (data, -1, NULL, NULL);
  current = current_revision > 0 ? nb_store_load (store, organ, year, NULL) : NULL;
  if (current == NULL)
    {
      g_print ("%s\n", _("The report has since been removed from the database."));
      return EXIT_FAILED;
    }
  if (made_from != NULL && nb_report_equal (made_from, current))
    {
      g_print (_("The stored data has not changed since (now revision %" PRId64 ").\n"),
               current_revision);
      return EXIT_OK;
    }
  g_print (_("The stored data has changed since: it is now at revision %" PRId64 ".\n"),
           current_revision);
  if (made_from != NULL)
    for (guint cell = 0; cell < NB_N_CELLS; cell++)
      {
        g_autofree char *then = nb_report_dup_figure_text (made_from, cell);
        g_autofree char *now = nb_report_dup_figure_text (current, cell);

        if (strcmp (then, now) != 0)
          g_print ("  %s: %s → %s\n", nb_format_cell (cell)->id,
                   then[0] ? then : _("(blank)"), now[0] ? now : _("(blank)"));
      }
  return EXIT_FAILED;
}

/* ---- dispatch ---- */

static const Command commands[] = {
  { "import", cmd_import, N_("FILE…"), N_("store reports from exchange files") },
  { "export", cmd_export, N_("--organ NAME --year Y [--format json|pdf] [--with-comparison] [-o OUT]"), N_("write a stored report as JSON or PDF") },
  { "check", cmd_check, N_("FILE… | --organ NAME --year Y"), N_("check reports against the rules") },
  { "set", cmd_set, N_("--organ NAME --year Y CELL VALUE"), N_("set one figure as typed") },
  { "list", cmd_list, N_("[--findings]"), N_("list stored organs and years") },
  { "status", cmd_status, N_("--organ NAME --year Y [draft|final]"), N_("show or set a year’s status") },
  { "rename-organ", cmd_rename_organ, N_("--organ OLD --to NEW"), N_("rename an organ in every year") },
  { "history", cmd_history, N_("--organ NAME --year Y [--cell FIELD]"), N_("show the edit log") },
  { "verify", cmd_verify, N_("FILE.pdf"), N_("say which stored data a PDF was made from") },
  { "new-year", cmd_new_year, N_("--organ NAME --year Y"), N_("start a year from the year before") },
  { "compare", cmd_compare, N_("--organ NAME --year Y [--with Y0]"), N_("compare a year with another") },
  { "aggregate", cmd_aggregate, N_("--year Y --organ A --organ B… --as NAME"), N_("store the sum of several organs") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: nianbao-cli COMMAND [OPTION…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *parameters = commands[i].parameters[0] ? _(commands[i].parameters) : "";

      fprintf (out, "  %-9s ", commands[i].name);
      print_padded (out, parameters, 48);
      fprintf (out, " %s\n", _(commands[i].summary));
    }
  fprintf (out, "\n%s\n", _("Run “nianbao-cli COMMAND --help” for the options of a command."));
}

static void
setup_i18n (void)
{
  const char *localedir = g_getenv ("NIANBAO_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int argc, char **argv)
{
  setup_i18n ();

  /* "--db PATH" may also stand before the command, as in
   * "nianbao-cli --db my.db list"; it is moved behind it. */
  if (argc >= 4 && strcmp (argv[1], "--db") == 0)
    {
      char *db = argv[2];

      memmove (&argv[1], &argv[3], sizeof (char *) * (gsize) (argc - 3));
      argv[argc - 2] = (char *) "--db";
      argv[argc - 1] = db;
    }
  else if (argc >= 3 && g_str_has_prefix (argv[1], "--db="))
    {
      char *db = argv[1];

      memmove (&argv[1], &argv[2], sizeof (char *) * (gsize) (argc - 2));
      argv[argc - 1] = db;
    }

  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? EXIT_UNUSABLE : EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("nianbao-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        g_autofree char *prgname = g_strdup_printf ("nianbao-cli %s", commands[i].name);

        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }

  print_error (_("unknown command “%s”"), argv[1]);
  print_usage (stderr);
  return EXIT_UNUSABLE;
}
