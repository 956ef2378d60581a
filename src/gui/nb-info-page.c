/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-application.h"

#include "nb-finding.h"
#include "nb-info-page.h"

struct _NbInfoPage
{
  AdwBin parent_instance;

  /* template */
  GtkWidget *findings_group;
  GtkLabel *findings_label;
  AdwActionRow *title_row;
  GtkLabel *year_label;
  AdwEntryRow *issued_row;
  AdwPreferencesGroup *organ_group;
  GtkWidget *reset_button;
  GtkTextView *preamble_view;
  GtkLabel *preamble_state;

  /* organ rows: the name is an action row (it identifies the report),
   * the others entry rows */
  GtkWidget *organ_rows[NB_N_ORGAN_FIELDS];

  /* model */
  NbReport *report;
  gulong changed_id;
  guint updating;
};

G_DEFINE_FINAL_TYPE (NbInfoPage, nb_info_page, ADW_TYPE_BIN)

static void
set_editable_quietly (NbInfoPage *self, GtkEditable *editable, const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") == 0)
    return;
  self->updating++;
  gtk_editable_set_text (editable, text ? text : "");
  self->updating--;
}

static void
update_preamble (NbInfoPage *self)
{
  g_autofree char *text = nb_report_dup_preamble (self->report);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->preamble_view);
  GtkTextIter start, end;
  g_autofree char *current = NULL;
  gboolean custom = nb_report_get_preamble (self->report) != NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, text) != 0)
    {
      self->updating++;
      gtk_text_buffer_set_text (buffer, text, -1);
      self->updating--;
    }
  gtk_label_set_text (self->preamble_state,
                      custom ? _("Edited by hand: changes to the details above no longer reach it.")
                             : _("Built from the details above; edit it to write your own."));
  gtk_widget_set_sensitive (self->reset_button, custom);
}

static void
update_all (NbInfoPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *year = NULL;

  if (self->report == NULL)
    return;

  title = nb_report_dup_title (self->report);
  adw_action_row_set_subtitle (self->title_row, title);
  year = g_strdup_printf ("%u", nb_report_get_year (self->report));
  gtk_label_set_text (self->year_label, year);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->organ_rows[NB_ORGAN_NAME]),
                               nb_report_get_organ_name (self->report));
  for (guint i = NB_ORGAN_NAME + 1; i < NB_N_ORGAN_FIELDS; i++)
    set_editable_quietly (self, GTK_EDITABLE (self->organ_rows[i]),
                          nb_report_get_organ_field (self->report, i));
  set_editable_quietly (self, GTK_EDITABLE (self->issued_row), nb_report_get_issued (self->report));
  gtk_widget_remove_css_class (GTK_WIDGET (self->issued_row), "error");
  update_preamble (self);
}

static void
report_changed_cb (NbReport *report, guint what, guint index, NbInfoPage *self)
{
  /* Figures and texts are not shown here; a keystroke in a table must not
   * cost this page anything. */
  if (self->updating > 0 || what == NB_CHANGE_FIGURE || what == NB_CHANGE_PARTS)
    return;
  update_all (self);
}

static void
organ_row_changed_cb (GtkEditable *editable, NbInfoPage *self)
{
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "nb-field"));

  if (self->updating > 0 || self->report == NULL)
    return;
  self->updating++;
  nb_report_set_organ_field (self->report, field, gtk_editable_get_text (editable));
  self->updating--;
  update_preamble (self);
}

static void
issued_changed_cb (GtkEditable *editable, NbInfoPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->updating > 0 || self->report == NULL)
    return;
  self->updating++;
  ok = nb_report_set_issued (self->report, gtk_editable_get_text (editable), &error);
  self->updating--;
  if (ok)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (editable), NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (editable), error->message);
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (editable), GTK_ACCESSIBLE_STATE_INVALID,
                               ok ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE, -1);
}

static void
preamble_changed_cb (GtkTextBuffer *buffer, NbInfoPage *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->updating > 0 || self->report == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  self->updating++;
  nb_report_set_preamble (self->report, text);
  self->updating--;
  update_preamble (self);
}

static void
reset_clicked_cb (GtkButton *button, NbInfoPage *self)
{
  if (self->report == NULL)
    return;
  nb_report_set_preamble (self->report, NULL);
}

static void
nb_info_page_dispose (GObject *object)
{
  NbInfoPage *self = NB_INFO_PAGE (object);

  if (self->report != NULL)
    g_clear_signal_handler (&self->changed_id, self->report);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (nb_info_page_parent_class)->dispose (object);
}

static void
nb_info_page_class_init (NbInfoPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_info_page_dispose;

  /* The templates live in the GResource: whoever makes the first widget
   * (the application, a test) need not have registered it. */
  nb_gui_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/nb-info-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, findings_group);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, findings_label);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, year_label);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, issued_row);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, organ_group);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, reset_button);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, preamble_view);
  gtk_widget_class_bind_template_child (widget_class, NbInfoPage, preamble_state);
}

static void
nb_info_page_init (NbInfoPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < NB_N_ORGAN_FIELDS; i++)
    {
      const NbOrganFieldInfo *info = nb_format_organ_field (i);
      GtkWidget *row;

      if (i == NB_ORGAN_NAME)
        row = adw_action_row_new ();
      else
        {
          row = adw_entry_row_new ();
          g_object_set_data (G_OBJECT (row), "nb-field", GUINT_TO_POINTER (i));
          g_signal_connect (row, "changed", G_CALLBACK (organ_row_changed_cb), self);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->label);
      self->organ_rows[i] = row;
      adw_preferences_group_add (self->organ_group, row);
    }

  g_signal_connect (self->issued_row, "changed", G_CALLBACK (issued_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->preamble_view), "changed",
                    G_CALLBACK (preamble_changed_cb), self);
  g_signal_connect (self->reset_button, "clicked", G_CALLBACK (reset_clicked_cb), self);
}

GtkWidget *
nb_info_page_new (void)
{
  return g_object_new (NB_TYPE_INFO_PAGE, NULL);
}

void
nb_info_page_set_report (NbInfoPage *self, NbReport *report)
{
  g_return_if_fail (NB_IS_INFO_PAGE (self));
  g_return_if_fail (report == NULL || NB_IS_REPORT (report));

  if (self->report != NULL)
    g_clear_signal_handler (&self->changed_id, self->report);
  g_set_object (&self->report, report);
  if (report != NULL)
    self->changed_id = g_signal_connect (report, "changed", G_CALLBACK (report_changed_cb), self);
  update_all (self);
}

void
nb_info_page_show_findings (NbInfoPage *self, GPtrArray *findings, GHashTable *acks)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_if_fail (NB_IS_INFO_PAGE (self));
  g_return_if_fail (findings != NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      NbFinding *finding = g_ptr_array_index (findings, i);

      if (finding->section >= 0)
        continue;
      if (finding->severity == NB_SEVERITY_WARNING && acks != NULL && finding->key != NULL &&
          g_hash_table_contains (acks, finding->key))
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, finding->message);
    }
  if (g_strcmp0 (gtk_label_get_text (self->findings_label), text->str) != 0)
    gtk_label_set_text (self->findings_label, text->str);
  gtk_widget_set_visible (self->findings_group, text->len > 0);
}

GtkWidget *
nb_info_page_get_organ_row (NbInfoPage *self, NbOrganField field)
{
  g_return_val_if_fail (NB_IS_INFO_PAGE (self), NULL);
  g_return_val_if_fail (field < NB_N_ORGAN_FIELDS, NULL);
  return self->organ_rows[field];
}
