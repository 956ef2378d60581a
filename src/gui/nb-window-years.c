/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NbWindow's years: the list of stored years in the header's popover
 * (with each one's status and open findings), the final seal, the
 * history the comparison page reads, and starting a new year.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-new-year.h"
#include "nb-rules.h"
#include "nb-table-page.h"
#include "nb-window-private.h"

static void
report_row_activated_cb (GtkListBox *list, GtkListBoxRow *row, NbWindow *self)
{
  const char *organ = g_object_get_data (G_OBJECT (row), "nb-organ");
  guint year = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "nb-year"));
  g_autoptr(GError) error = NULL;

  gtk_popover_popdown (self->report_popover);
  if (!nb_window_open_report (self, organ, year, &error))
    nb_window_toast (self, error->message);
}

/* What the list of years says of one: its open findings (errors, and
 * warnings nobody acknowledged), checked against the year before. */
static guint
count_open_findings (NbWindow *self, NbStoreEntry *entry)
{
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbReport) previous = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GHashTable) acks = NULL;

  if (g_strcmp0 (entry->organ, self->organ) == 0 && entry->year == self->year)
    report = g_object_ref (self->report);
  else
    report = nb_store_load (self->store, entry->organ, entry->year, NULL);
  if (report == NULL)
    return 0;
  if (entry->year > NB_MIN_YEAR)
    previous = nb_store_load (self->store, entry->organ, entry->year - 1, NULL);
  findings = nb_rules_check_all (report, previous);
  acks = nb_store_get_acks (self->store, entry->organ, entry->year, NULL);
  return nb_findings_count_open (findings, acks);
}

static GtkWidget *
new_status_label (NbWindow *self, NbStoreEntry *entry)
{
  guint n_open = count_open_findings (self, entry);
  gboolean final = g_strcmp0 (entry->status, NB_STORE_STATUS_FINAL) == 0;
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (n_open > 0)
    /* Translators: in the list of stored years: "Draft · 3 open findings" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u open finding",
                                         "%s · %u open findings", n_open),
                            final ? _("Final") : _("Draft"), n_open);
  else
    text = g_strdup (final ? _("Final") : _("Draft"));
  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "caption");
  if (n_open > 0)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static void
report_popover_show_cb (GtkWidget *popover, NbWindow *self)
{
  g_autoptr(GPtrArray) entries = nb_store_list (self->store, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->report_list))) != NULL)
    gtk_list_box_remove (self->report_list, child);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      NbStoreEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *organ = gtk_label_new (entry->organ);
      GtkWidget *lock = gtk_image_new_from_icon_name ("changes-prevent-symbolic");
      g_autofree char *year_text = g_strdup_printf ("%u", entry->year);
      GtkWidget *year = gtk_label_new (year_text);
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_label_set_xalign (GTK_LABEL (organ), 0);
      gtk_label_set_ellipsize (GTK_LABEL (organ), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_max_width_chars (GTK_LABEL (organ), 28);
      gtk_widget_set_hexpand (names, TRUE);
      gtk_widget_add_css_class (year, "numeric");
      gtk_widget_set_visible (lock, g_strcmp0 (entry->status, NB_STORE_STATUS_FINAL) == 0);
      gtk_widget_set_tooltip_text (lock, _("Final: sealed and locked against changes"));
      gtk_widget_set_visible (check, g_strcmp0 (entry->organ, self->organ) == 0 &&
                                     entry->year == self->year);
      gtk_box_append (GTK_BOX (names), organ);
      gtk_box_append (GTK_BOX (names), new_status_label (self, entry));
      gtk_box_append (GTK_BOX (box), names);
      gtk_box_append (GTK_BOX (box), lock);
      gtk_box_append (GTK_BOX (box), year);
      gtk_box_append (GTK_BOX (box), check);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "nb-organ", g_strdup (entry->organ), g_free);
      g_object_set_data (G_OBJECT (row), "nb-year", GUINT_TO_POINTER (entry->year));
      gtk_list_box_append (self->report_list, row);
    }
}

/* A final year is sealed and filed: its pages stay readable but take no
 * input, and a banner says how to change it. The comparison and the
 * preview are for reading anyway. */
void
nb_window_apply_status (NbWindow *self, gboolean final)
{
  self->final = final;
  for (guint i = 0; i < NB_N_PAGES; i++)
    if (i != PAGE_COMPARE && i != PAGE_PREVIEW)
      gtk_widget_set_sensitive (self->bins[i], !final);
  gtk_revealer_set_reveal_child (self->final_banner, final);
  if (self->organ != NULL)
    nb_window_update_saved_label (self, final ? _("Final") : _("All changes saved"));
}

gboolean
nb_window_create_report (NbWindow *self, const char *organ, guint year, GError **error)
{
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(NbReport) latest = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  guint latest_year = 0;

  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (organ != NULL && organ[0] != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entries = nb_store_list (self->store, error);
  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      NbStoreEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->organ, organ) == 0 && entry->year > latest_year && entry->year != year)
        latest_year = entry->year;
    }
  if (latest_year > 0)
    latest = nb_store_load (self->store, organ, latest_year, NULL);

  /* The year after the latest: carry the requests over and start from
   * last year's texts, marked as such until rewritten. */
  if (latest != NULL && latest_year + 1 == year)
    {
      g_autoptr(NbReport) next = nb_report_new_year_from (latest);

      if (!nb_store_save (self->store, next, NB_STORE_SAVE_NEW, "editor", error))
        return FALSE;
      return nb_window_open_report (self, organ, year, error);
    }

  nb_report_set_organ_field (report, NB_ORGAN_NAME, organ);
  nb_report_set_year (report, year);
  for (guint f = NB_ORGAN_NAME + 1; latest != NULL && f < NB_N_ORGAN_FIELDS; f++)
    nb_report_set_organ_field (report, f, nb_report_get_organ_field (latest, f));

  /* The headings carry over (or the customary ones); the texts do not:
   * a copied text is the mistake W6 warns about. */
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    {
      guint n = latest ? nb_report_get_n_parts (latest, s) : 0;

      for (guint p = 0; p < n; p++)
        nb_report_insert_part (report, s, -1, nb_report_get_part_heading (latest, s, p), "");
      if (n == 0)
        {
          const char *const *customary = nb_format_text_section (s)->customary;

          for (guint p = 0; customary != NULL && customary[p] != NULL; p++)
            nb_report_insert_part (report, s, -1, customary[p], "");
        }
    }

  if (!nb_store_save (self->store, report, NB_STORE_SAVE_NEW, "editor", error))
    return FALSE;
  return nb_window_open_report (self, organ, year, error);
}

gboolean
nb_window_is_final (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);
  return self->final;
}

gboolean
nb_window_set_final (NbWindow *self, gboolean final, GError **error)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->organ == NULL)
    {
      g_set_error_literal (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND, _("No report is open"));
      return FALSE;
    }
  /* What was typed last goes in before the seal. */
  if (final)
    {
      for (guint i = 0; i < NB_N_PAGES; i++)
        if (NB_IS_TABLE_PAGE (self->pages[i]))
          nb_table_page_commit (NB_TABLE_PAGE (self->pages[i]));
      if (!nb_window_save_now (self, error))
        return FALSE;
    }
  if (!nb_store_set_status (self->store, self->organ, self->year,
                            final ? NB_STORE_STATUS_FINAL : NB_STORE_STATUS_DRAFT, "editor", error))
    return FALSE;
  /* Undoing into a sealed year, or across the seal, would not be stored. */
  nb_undo_stack_clear (self->undo);
  nb_window_apply_status (self, final);
  nb_window_update_actions (self);
  return TRUE;
}

/* Oldest first; this year is the open report itself, so that the trends
 * follow what is typed. */
GPtrArray *
nb_window_get_history (NbWindow *self)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);

  if (self->history != NULL || self->organ == NULL)
    return self->history;
  self->history = g_ptr_array_new_with_free_func (g_object_unref);
  entries = nb_store_list (self->store, NULL);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      NbStoreEntry *entry = g_ptr_array_index (entries, i);
      NbReport *report;

      if (g_strcmp0 (entry->organ, self->organ) != 0)
        continue;
      if (entry->year == self->year)
        report = g_object_ref (self->report);
      else
        report = nb_store_load (self->store, entry->organ, entry->year, NULL);
      if (report != NULL)
        g_ptr_array_add (self->history, report);
    }
  return self->history;
}

void
nb_window_init_years (NbWindow *self)
{
  g_signal_connect (self->report_list, "row-activated", G_CALLBACK (report_row_activated_cb), self);
  g_signal_connect (self->report_popover, "show", G_CALLBACK (report_popover_show_cb), self);
}
