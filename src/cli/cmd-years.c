/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * nianbao-cli new-year, compare and aggregate.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cli-common.h"
#include "cmd-years.h"
#include "nb-aggregate.h"
#include "nb-compare.h"
#include "nb-new-year.h"
#include "nb-number.h"
#include "nb-rules.h"
#include "nb-similarity.h"

static NbReport *
load_report (NbStore *store, const char *organ, guint year)
{
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_store_load (store, organ, year, &error);

  if (report == NULL)
    print_error ("%s", error->message);
  return report;
}

/* ---- new-year ---- */

int
cmd_new_year (int argc, char **argv)
{
  g_autoptr(NbStore) store = NULL;
  g_autoptr(NbReport) last = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GArray) copied = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n_carried = 0;

  if (!parse_options ("new-year", "",
                      _("Start the report of a year from the stored report of the year before:\n"
                        "the organ’s details, the requests carried over, and last year’s texts as drafts."),
                      NULL, TRUE, &argc, &argv))
    return EXIT_UNUSABLE;
  if (!require_report_options ())
    return EXIT_UNUSABLE;
  if ((store = open_store ()) == NULL)
    return EXIT_UNUSABLE;

  last = nb_store_load (store, opt_organ, (guint) opt_year - 1, &error);
  if (last == NULL)
    {
      if (g_error_matches (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND))
        print_error (_("no report of %s for %d is stored to start from"), opt_organ, opt_year - 1);
      else
        print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  report = nb_report_new_year_from (last);
  title = report_title (report);
  if (!nb_store_save (store, report, NB_STORE_SAVE_NEW, "new-year", &error))
    {
      if (g_error_matches (error, NB_STORE_ERROR, NB_STORE_ERROR_EXISTS))
        print_error (_("%s is already stored; nothing was changed"), title);
      else
        print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  for (guint c = 0; c < NB_T3_N_COLUMNS; c++)
    n_carried += nb_report_has_figure (report, nb_format_t3_cell (NB_T3_ROW_CARRIED_IN, c));
  copied = nb_new_year_list_copied (report, last);

  g_print (_("Created %s from %d\n"), title, opt_year - 1);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "%u figure carried over from last year’s t3.carried_out\n",
                        "%u figures carried over from last year’s t3.carried_out\n",
                        n_carried), n_carried);
  if (copied->len > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u text part copied from %d as a draft: edit it (W6 warns while it stays the same)\n",
                          "%u text parts copied from %d as drafts: edit them (W6 warns while they stay the same)\n",
                          copied->len), copied->len, opt_year - 1);
  return EXIT_OK;
}

/* ---- compare ---- */

static int opt_with;
static gboolean opt_compare_json;
static gboolean opt_changed_only;

/* Right-aligns by what a terminal shows. */
static void
print_right (const char *text, guint columns)
{
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  for (; width < columns; width++)
    fputc (' ', stdout);
  fputs (text, stdout);
}

static char *
format_known (gboolean known, gint64 value, NbCellKind kind)
{
  if (!known)
    return g_strdup (_("blank"));
  return nb_number_format (value, kind);
}

static void
print_value_row (const char *label, const NbCompareValue *value, NbCellKind kind)
{
  g_autofree char *last = format_known (value->has_last, value->last, kind);
  g_autofree char *now = format_known (value->has_this, value->this_year, kind);
  g_autofree char *change = NULL;
  g_autofree char *percent = nb_compare_format_percent (value);

  if (value->has_change)
    {
      g_autofree char *shown = nb_number_format (value->change, kind);

      change = value->change > 0 ? g_strconcat ("+", shown, NULL) : g_steal_pointer (&shown);
    }
  g_print ("  ");
  print_padded (stdout, label, 40);
  print_right (last, 14);
  print_right (now, 14);
  print_right (change ? change : "?", 14);
  print_right (percent ? percent : "", 10);
  g_print ("\n");
}

/* 行政事业性收费: the row of table 二 that holds the fee. */
static const char *
fee_label (void)
{
  for (guint b = 0; b < NB_T2_N_BLOCKS; b++)
    for (guint r = 0; r < nb_format_t2_block (b)->n_rows; r++)
      if (nb_format_cell (nb_format_t2_cell (b, r, 0))->kind == NB_CELL_FEE)
        return nb_format_t2_block (b)->rows[r].label;
  g_return_val_if_reached ("");
}

static void
print_header (const char *first)
{
  g_print ("  ");
  print_padded (stdout, first, 40);
  print_right (_("last year"), 14);
  print_right (_("this year"), 14);
  print_right (_("change"), 14);
  print_right ("%", 10);
  g_print ("\n");
}

static void
print_comparison (NbComparison *comparison)
{
  NbReport *now = nb_comparison_get_this_year (comparison);
  NbReport *last = nb_comparison_get_last_year (comparison);
  g_autofree char *title = report_title (now);
  guint n_changed = nb_comparison_count_changed (comparison);

  /* TRANSLATORS: "某某街道办事处 2024 compared with 2023" */
  g_print (_("%s compared with %u\n"), title, nb_report_get_year (last));
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u figure changed\n", "%u figures changed\n", n_changed),
           n_changed);
  g_print ("\n");

  print_header (_("figure"));
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    if (!opt_changed_only || nb_comparison_figure_changed (comparison, cell))
      print_value_row (nb_format_cell (cell)->id, nb_comparison_get_figure (comparison, cell),
                       nb_format_cell (cell)->kind);

  g_print ("\n");
  print_header (_("total"));
  for (guint t = 0; t < NB_COMPARE_N_TOTALS; t++)
    {
      g_autofree char *label = t == NB_COMPARE_TOTAL_FEES
        ? g_strdup (fee_label ())
        : g_strdup (nb_compare_total_heading (t));

      print_value_row (label, nb_comparison_get_total (comparison, t), nb_compare_total_kind (t));
    }

  g_print ("\n%s\n", _("Text parts:"));
  for (guint i = 0; i < nb_comparison_get_n_parts (comparison); i++)
    {
      const NbComparePart *part = nb_comparison_get_part (comparison, i);
      g_autofree char *label = g_strdup_printf ("%s %s",
                                                nb_format_text_section (part->section)->heading,
                                                part->heading ? part->heading : "");
      g_autofree char *similarity = NULL;

      if (opt_changed_only && part->this_index >= 0 && part->last_index >= 0 &&
          g_strcmp0 (part->this_body, part->last_body) == 0)
        continue;
      g_print ("  ");
      print_padded (stdout, label, 50);
      if (part->last_index < 0)
        g_print (" %s\n", _("new this year"));
      else if (part->this_index < 0)
        g_print (" %s\n", _("only last year"));
      else
        {
          GPtrArray *diff = nb_comparison_get_part_diff (comparison, i);
          glong added = 0, removed = 0;

          for (guint r = 0; r < diff->len; r++)
            {
              NbDiffRun *run = g_ptr_array_index (diff, r);

              if (run->op == NB_DIFF_ADDED)
                added += g_utf8_strlen (run->text, -1);
              else if (run->op == NB_DIFF_REMOVED)
                removed += g_utf8_strlen (run->text, -1);
            }
          /* TRANSLATORS: similarity to last year's part, and the
           * characters added and removed */
          g_print (_(" %3d%% the same, %ld character(s) added, %ld removed\n"),
                   nb_similarity_percent (part->similarity), added, removed);
        }
    }
  g_print ("\n");
  print_findings (_("Copied text (W6)"), nb_comparison_get_findings (comparison), NULL);
}

int
cmd_compare (int argc, char **argv)
{
  GOptionEntry entries[] = {
    { "with", 0, 0, G_OPTION_ARG_INT, &opt_with, N_("Compare with this year (default: the year before)"), N_("YEAR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_compare_json, N_("Print the comparison as JSON"), NULL },
    { "changed-only", 0, 0, G_OPTION_ARG_NONE, &opt_changed_only, N_("Show only the figures and texts that changed"), NULL },
    { NULL }
  };
  g_autoptr(NbStore) store = NULL;
  g_autoptr(NbReport) now = NULL;
  g_autoptr(NbReport) last = NULL;
  g_autoptr(NbComparison) comparison = NULL;

  if (!parse_options ("compare", "",
                      _("Compare a stored year of an organ with another: every figure with its change,\n"
                        "the totals, and the text parts with how much of them repeats the other year."),
                      entries, TRUE, &argc, &argv))
    return EXIT_UNUSABLE;
  if (!require_report_options ())
    return EXIT_UNUSABLE;
  if (opt_with == 0)
    opt_with = opt_year - 1;
  if (opt_with < NB_MIN_YEAR || opt_with > NB_MAX_YEAR || opt_with == opt_year)
    {
      print_error (_("--with must be another year between %d and %d"), NB_MIN_YEAR, NB_MAX_YEAR);
      return EXIT_UNUSABLE;
    }
  if ((store = open_store ()) == NULL)
    return EXIT_UNUSABLE;
  if ((now = load_report (store, opt_organ, (guint) opt_year)) == NULL ||
      (last = load_report (store, opt_organ, (guint) opt_with)) == NULL)
    return EXIT_FAILED;

  comparison = nb_compare (now, last);
  if (opt_compare_json)
    {
      g_autofree char *json = nb_compare_to_json (comparison, opt_changed_only);

      g_print ("%s\n", json);
    }
  else
    print_comparison (comparison);
  return EXIT_OK;
}

/* ---- aggregate ---- */

static char **opt_organs;
static char *opt_as;

int
cmd_aggregate (int argc, char **argv)
{
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &opt_year, N_("Year of the reports"), N_("YEAR") },
    { "organ", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_organs, N_("An organ to add in (repeat for each)"), N_("NAME") },
    { "as", 0, 0, G_OPTION_ARG_STRING, &opt_as, N_("Name of the organ the sum is stored for"), N_("NAME") },
    { NULL }
  };
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(NbReport) sum = NULL;
  g_autoptr(NbReport) previous = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n_organs;

  if (!parse_options ("aggregate", "",
                      _("Add up the reports of several organs for a year and store the sum as the report\n"
                        "of another organ (texts left empty), then check it.\n"
                        "Exit status: 0 stored without errors, 1 not stored or the sum has errors, 2 unusable input."),
                      entries, FALSE, &argc, &argv))
    return EXIT_UNUSABLE;
  if (opt_year < NB_MIN_YEAR || opt_year > NB_MAX_YEAR)
    {
      print_error (_("--year must be a year between %d and %d"), NB_MIN_YEAR, NB_MAX_YEAR);
      return EXIT_UNUSABLE;
    }
  if (opt_as == NULL || opt_as[0] == '\0')
    {
      print_error ("%s", _("--as NAME is required"));
      return EXIT_UNUSABLE;
    }
  n_organs = opt_organs ? g_strv_length (opt_organs) : 0;
  if (n_organs == 0)
    {
      print_error ("%s", _("give at least one --organ NAME"));
      return EXIT_UNUSABLE;
    }
  for (guint i = 0; i < n_organs; i++)
    {
      /* An organ counted twice would be a wrong sum that looks right. */
      for (guint j = 0; j < i; j++)
        if (strcmp (opt_organs[i], opt_organs[j]) == 0)
          {
            print_error (_("“%s” is given twice"), opt_organs[i]);
            return EXIT_UNUSABLE;
          }
      if (strcmp (opt_organs[i], opt_as) == 0)
        {
          print_error (_("“%s” cannot be both added in and the sum"), opt_as);
          return EXIT_UNUSABLE;
        }
    }

  if ((store = open_store ()) == NULL)
    return EXIT_UNUSABLE;
  for (guint i = 0; i < n_organs; i++)
    {
      NbReport *report = load_report (store, opt_organs[i], (guint) opt_year);

      if (report == NULL)
        return EXIT_FAILED;
      g_ptr_array_add (reports, report);
    }

  if ((sum = nb_aggregate (reports, opt_as, (guint) opt_year, &error)) == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  title = report_title (sum);
  if (!nb_store_save (store, sum, NB_STORE_SAVE_NEW, "aggregate", &error))
    {
      if (g_error_matches (error, NB_STORE_ERROR, NB_STORE_ERROR_EXISTS))
        print_error (_("%s is already stored; nothing was changed"), title);
      else
        print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Stored %s, the sum of %u organ\n",
                        "Stored %s, the sum of %u organs\n", n_organs), title, n_organs);
  previous = load_previous (store, sum);
  findings = nb_rules_check (sum, previous);
  print_findings (title, findings, NULL);
  return nb_findings_count (findings, NB_SEVERITY_ERROR) > 0 ? EXIT_FAILED : EXIT_OK;
}
