/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-finding.h"
#include "nb-findings-view.h"
#include "nb-format.h"

struct _NbFindingsView
{
  AdwBin parent_instance;

  GtkLabel *summary;
  GtkListBox *list;
  GtkWidget *empty;

  GPtrArray *findings;   /* NbFinding, borrowed from the window's array */
  char *signature;       /* what the list shows, to skip needless rebuilds */
};

G_DEFINE_FINAL_TYPE (NbFindingsView, nb_findings_view, ADW_TYPE_BIN)

enum {
  SIGNAL_ACTIVATE_FINDING,
  SIGNAL_ACKNOWLEDGE_FINDING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
section_name (int section)
{
  if (section < 0)
    return g_strdup (_("Details"));
  return g_strdup (nb_format_section ((guint) section)->heading);
}

static void
ack_clicked_cb (GtkButton *button, NbFindingsView *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "nb-index"));

  if (self->findings != NULL && index < self->findings->len)
    g_signal_emit (self, signals[SIGNAL_ACKNOWLEDGE_FINDING], 0,
                   g_ptr_array_index (self->findings, index));
}

static GtkWidget *
new_row (NbFindingsView *self, NbFinding *finding, guint index, const char *note)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  g_autofree char *where = section_name (finding->section);
  g_autofree char *subtitle = NULL;
  gboolean error = finding->severity == NB_SEVERITY_ERROR;

  if (note != NULL)
    subtitle = g_strdup_printf (_("%s · %s · acknowledged: %s"), finding->rule, where, note);
  else
    subtitle = g_strdup_printf ("%s · %s", finding->rule, where);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "nb-index", GUINT_TO_POINTER (index));

  icon = gtk_image_new_from_icon_name (error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, error ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  error ? _("Error") : _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (!error)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (note ? _("_Edit Note…")
                                                             : _("_Acknowledge…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Explain why this warning is right for this report; the note is stored with the report"));
      g_object_set_data (G_OBJECT (button), "nb-index", GUINT_TO_POINTER (index));
      g_signal_connect (button, "clicked", G_CALLBACK (ack_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  if (note != NULL)
    gtk_widget_add_css_class (row, "nb-acknowledged");
  return row;
}

static void
row_activated_cb (GtkListBox *list, GtkListBoxRow *row, NbFindingsView *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "nb-index"));

  if (self->findings != NULL && index < self->findings->len)
    g_signal_emit (self, signals[SIGNAL_ACTIVATE_FINDING], 0,
                   g_ptr_array_index (self->findings, index));
}

static void
nb_findings_view_finalize (GObject *object)
{
  NbFindingsView *self = NB_FINDINGS_VIEW (object);

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_free (self->signature);

  G_OBJECT_CLASS (nb_findings_view_parent_class)->finalize (object);
}

static void
nb_findings_view_class_init (NbFindingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_findings_view_finalize;

  signals[SIGNAL_ACTIVATE_FINDING] =
    g_signal_new ("activate-finding", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[SIGNAL_ACKNOWLEDGE_FINDING] =
    g_signal_new ("acknowledge-finding", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
nb_findings_view_init (NbFindingsView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *title = gtk_label_new (_("Findings"));

  gtk_widget_add_css_class (box, "nb-findings");
  gtk_widget_set_size_request (box, 340, -1);

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_margin_start (title, 12);
  gtk_widget_set_margin_top (title, 12);
  gtk_box_append (GTK_BOX (box), title);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  gtk_widget_set_margin_start (GTK_WIDGET (self->summary), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->summary), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->summary), 8);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_margin_start (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 12);
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);

  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
nb_findings_view_new (void)
{
  return g_object_new (NB_TYPE_FINDINGS_VIEW, NULL);
}

void
nb_findings_view_set_findings (NbFindingsView *self, GPtrArray *findings, GHashTable *acks)
{
  g_autoptr(GString) signature = g_string_new (NULL);
  g_autofree char *summary = NULL;
  GtkWidget *child;
  guint n_errors, n_warnings;

  g_return_if_fail (NB_IS_FINDINGS_VIEW (self));
  g_return_if_fail (findings != NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      NbFinding *finding = g_ptr_array_index (findings, i);
      const char *note = acks && finding->key ? g_hash_table_lookup (acks, finding->key) : NULL;

      g_string_append_printf (signature, "%s\x1f%s\x1f%s\x1e", finding->rule, finding->message,
                              note ? note : "");
    }

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = g_ptr_array_ref (findings);
  if (g_strcmp0 (self->signature, signature->str) == 0)
    return;
  g_free (self->signature);
  self->signature = g_string_free (g_steal_pointer (&signature), FALSE);

  n_errors = nb_findings_count (findings, NB_SEVERITY_ERROR);
  n_warnings = nb_findings_count (findings, NB_SEVERITY_WARNING);
  if (n_errors == 0 && n_warnings == 0)
    summary = g_strdup (_("Nothing to report: every rule holds."));
  else
    {
      g_autofree char *errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors",
                                                              n_errors), n_errors);
      g_autofree char *warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning",
                                                                "%u warnings", n_warnings), n_warnings);

      /* Translators: "3 errors, 2 warnings. Activate one to go to its cell." */
      summary = g_strdup_printf (_("%s, %s. Activate one to go to its cell."), errors, warnings);
    }
  gtk_label_set_text (self->summary, summary);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < findings->len; i++)
    {
      NbFinding *finding = g_ptr_array_index (findings, i);
      const char *note = acks && finding->key ? g_hash_table_lookup (acks, finding->key) : NULL;

      gtk_list_box_append (self->list, new_row (self, finding, i, note));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), findings->len > 0);
}

guint
nb_findings_view_get_n_rows (NbFindingsView *self)
{
  guint n = 0;

  g_return_val_if_fail (NB_IS_FINDINGS_VIEW (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

void
nb_findings_view_activate (NbFindingsView *self, guint index)
{
  GtkListBoxRow *row;

  g_return_if_fail (NB_IS_FINDINGS_VIEW (self));

  row = gtk_list_box_get_row_at_index (self->list, (int) index);
  g_return_if_fail (row != NULL);
  g_signal_emit_by_name (self->list, "row-activated", row);
}
