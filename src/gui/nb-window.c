/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NbWindow: the open report's life in the window (showing, saving,
 * checking) and the GObject plumbing. The years (the list, the seal, the
 * history, a new year) are in nb-window-years.c, the actions in
 * nb-window-actions.c, the pages in nb-window-pages.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-application.h"

#include "nb-compare-page.h"
#include "nb-finding.h"
#include "nb-rules.h"
#include "nb-similarity.h"
#include "nb-table-page.h"
#include "nb-text-page.h"
#include "nb-window-private.h"

G_DEFINE_FINAL_TYPE (NbWindow, nb_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


/* Autosave waits this long after the first unsaved edit, so that a burst
 * of typing is one write and nothing waits longer than a second. */
#define SAVE_DELAY_MS 500

/* The header's subtitle: the year, and when the report last reached the
 * database. */
void
nb_window_update_saved_label (NbWindow *self, const char *text)
{
  g_autofree char *subtitle = NULL;

  if (text != NULL)
    {
      g_free (self->saved_text);
      self->saved_text = g_strdup (text);
    }
  if (self->organ == NULL)
    return;
  /* Translators: the header's subtitle, "2024 · Saved at 10:21:05" */
  subtitle = g_strdup_printf (_("%u · %s"), self->year, self->saved_text ? self->saved_text : "");
  adw_window_title_set_subtitle (self->report_title, subtitle);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  NbWindow *self = NB_WINDOW (user_data);
  g_autoptr(GError) error = NULL;

  self->save_id = 0;
  if (!nb_window_save_now (self, &error) && !self->save_failed)
    {
      g_autofree char *text = g_strdup_printf (_("Could not save: %s"), error->message);

      /* Say it once, not on every keystroke; the label keeps saying it. */
      self->save_failed = TRUE;
      nb_window_toast (self, text);
    }
  return G_SOURCE_REMOVE;
}

static void
update_findings_button (NbWindow *self)
{
  guint n_errors = nb_findings_count (self->findings, NB_SEVERITY_ERROR);
  /* the warnings nobody has acknowledged */
  guint n_warnings = nb_findings_count_open (self->findings, self->acks) - n_errors;
  g_autofree char *count = NULL;
  GtkWidget *button = GTK_WIDGET (self->findings_button);
  static const char *const states[] = { "error", "warning" };
  const char *state = NULL;
  GtkInscription *inscription = NULL;

  if (n_errors > 0)
    {
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", n_errors),
                               n_errors);
      state = "error";
      inscription = self->findings_errors;
    }
  else if (n_warnings > 0)
    {
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                            n_warnings), n_warnings);
      state = "warning";
      inscription = self->findings_warnings;
    }
  else
    count = g_strdup (_("No errors"));

  /* Touch only what changed: this runs on every keystroke. */
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (gtk_widget_has_css_class (button, states[i]) != (g_strcmp0 (state, states[i]) == 0))
      {
        if (g_strcmp0 (state, states[i]) == 0)
          gtk_widget_add_css_class (button, states[i]);
        else
          gtk_widget_remove_css_class (button, states[i]);
      }
  if (inscription != NULL && g_strcmp0 (gtk_inscription_get_text (inscription), count) != 0)
    gtk_inscription_set_text (inscription, count);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->findings_stack),
                 state ? state : "none") != 0)
    gtk_stack_set_visible_child_name (self->findings_stack, state ? state : "none");
  if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "nb-count"), count) != 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      count, -1);
      g_object_set_data_full (G_OBJECT (button), "nb-count", g_steal_pointer (&count), g_free);
    }
}

static void
update_findings_view (NbWindow *self)
{
  if (!adw_flap_get_reveal_flap (self->flap))
    {
      self->findings_dirty = TRUE;
      return;
    }
  self->findings_dirty = FALSE;
  nb_findings_view_set_findings (self->findings_view, self->findings, self->acks);
}

static gboolean
check_idle_cb (gpointer user_data)
{
  NbWindow *self = NB_WINDOW (user_data);

  self->check_id = 0;
  nb_window_run_checks (self);
  nb_window_update_compare_page (self);
  return G_SOURCE_REMOVE;
}

static void
report_changed_cb (NbReport *report, guint what, guint index, NbWindow *self)
{
  if (self->loading || self->organ == NULL)
    return;

  if (what == NB_CHANGE_PARTS || what == NB_CHANGE_ALL)
    self->w6_dirty = TRUE;

  /* What another writer stored is in the database already. */
  if (!self->merging)
    self->dirty = TRUE;
  if (self->save_id == 0 && self->dirty)
    self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
  /* Before the next frame is drawn, so the marks change with the text. */
  if (self->check_id == 0)
    self->check_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, check_idle_cb, self, NULL);
}

static void
update_header (NbWindow *self)
{
  g_autofree char *title = NULL;
  gboolean has_report = self->organ != NULL;

  gtk_stack_set_visible_child_name (self->title_stack, has_report ? "report" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->findings_button), has_report);
  gtk_widget_set_visible (self->edit_box, has_report);
  gtk_widget_set_visible (self->switcher_row, has_report);
  if (!has_report)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Nianbao"));
      return;
    }

  adw_window_title_set_title (self->report_title, self->organ);
  nb_window_update_saved_label (self, NULL);
  title = g_strdup_printf (_("%s %u — Nianbao"), self->organ, self->year);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Puts @from into the window's report and everything that depends on
 * which report it is: last year's, the acknowledgements, the history. */
static void
show_report (NbWindow *self, NbReport *from)
{
  g_autoptr(GError) error = NULL;
  guint year = nb_report_get_year (from);

  self->loading = TRUE;
  nb_report_assign (self->report, from);
  self->loading = FALSE;

  g_free (self->organ);
  self->organ = g_strdup (nb_report_get_organ_name (from));
  self->year = year;
  self->dirty = FALSE;
  self->save_failed = FALSE;
  nb_undo_stack_clear (self->undo);

  g_clear_object (&self->previous);
  if (year > NB_MIN_YEAR)
    self->previous = nb_store_load (self->store, self->organ, year - 1, NULL);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  self->w6_dirty = TRUE;
  for (guint i = 0; i < NB_N_PAGES; i++)
    if (NB_IS_TEXT_PAGE (self->pages[i]))
      nb_text_page_set_previous (NB_TEXT_PAGE (self->pages[i]), self->previous);
  self->compare_dirty = TRUE;
  nb_window_reload_acks (self);
  nb_window_apply_status (self, g_strcmp0 (nb_store_get_status (self->store, self->organ, year, NULL),
                                           NB_STORE_STATUS_FINAL) == 0);

  nb_settings_set_last_report (self->settings, self->organ, year);
  update_header (self);
  nb_window_update_saved_label (self, self->final ? _("Final") : _("All changes saved"));
  gtk_stack_set_visible_child_name (self->main_stack, "report");
  nb_window_update_actions (self);
  nb_window_run_checks (self);
  nb_window_update_compare_page (self);
}

static void
show_empty (NbWindow *self)
{
  g_clear_pointer (&self->organ, g_free);
  self->year = 0;
  nb_window_apply_status (self, FALSE);
  update_header (self);
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  nb_window_update_actions (self);
}

/* The report the clerk had open, else the one changed last, else none. */
static void
open_initial (NbWindow *self)
{
  g_autoptr(GPtrArray) entries = nb_store_list (self->store, NULL);
  const char *organ = nb_settings_get_last_organ (self->settings);
  guint year = nb_settings_get_last_year (self->settings);
  NbStoreEntry *latest = NULL;

  if (entries == NULL || entries->len == 0)
    {
      show_empty (self);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      NbStoreEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->organ, organ) == 0 && entry->year == year &&
          nb_window_open_report (self, organ, year, NULL))
        return;
      if (latest == NULL || g_strcmp0 (entry->updated, latest->updated) > 0)
        latest = entry;
    }
  if (!nb_window_open_report (self, latest->organ, latest->year, NULL))
    show_empty (self);
}

static void
flap_reveal_cb (GObject *flap, GParamSpec *pspec, NbWindow *self)
{
  if (adw_flap_get_reveal_flap (self->flap) && self->findings_dirty)
    update_findings_view (self);
}

static void
activate_finding_cb (NbFindingsView *view, NbFinding *finding, NbWindow *self)
{
  guint page = nb_window_page_of_finding (finding);
  GtkWidget *widget = nb_window_ensure_page (self, page);

  adw_view_stack_set_visible_child (self->view_stack, self->bins[page]);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);

  if (NB_IS_TABLE_PAGE (widget) && finding->cells->len > 0)
    nb_table_page_focus_cell (NB_TABLE_PAGE (widget), g_array_index (finding->cells, guint, 0));
  else if (NB_IS_TEXT_PAGE (widget))
    nb_text_page_focus_part (NB_TEXT_PAGE (widget), 0);
}

static void
acknowledge_finding_cb (NbFindingsView *view, NbFinding *finding, NbWindow *self)
{
  nb_window_acknowledge (self, finding->key, finding->message);
}

static gboolean
close_request_cb (GtkWindow *window, gpointer user_data)
{
  NbWindow *self = NB_WINDOW (window);
  g_autoptr(GError) error = NULL;
  int width, height;

  if (!nb_window_save_now (self, &error))
    g_warning ("Could not save on close: %s", error->message);

  gtk_window_get_default_size (window, &width, &height);
  nb_settings_set_window_size (self->settings, width, height, gtk_window_is_maximized (window));
  return FALSE;
}

static void
fonts_changed_cb (NbWindow *self)
{
  if (self->pages[PAGE_PREVIEW] != NULL)
    nb_preview_page_invalidate (NB_PREVIEW_PAGE (self->pages[PAGE_PREVIEW]));
}

static void
nb_window_constructed (GObject *object)
{
  NbWindow *self = NB_WINDOW (object);
  int width, height;
  gboolean maximized;

  G_OBJECT_CLASS (nb_window_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL);
  if (self->settings == NULL)
    self->settings = nb_settings_new ();
  g_signal_connect_object (self->settings, "fonts-changed", G_CALLBACK (fonts_changed_cb), self,
                           G_CONNECT_SWAPPED);

  nb_settings_get_window_size (self->settings, &width, &height, &maximized);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (maximized)
    gtk_window_maximize (GTK_WINDOW (self));

  nb_window_build_pages (self);
  open_initial (self);
  self->build_id = g_idle_add_full (G_PRIORITY_LOW, nb_window_build_pages_idle_cb, self, NULL);
}

static void
nb_window_dispose (GObject *object)
{
  NbWindow *self = NB_WINDOW (object);

  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_handle_id (&self->build_id, g_source_remove);
  if (self->report != NULL)
    g_signal_handlers_disconnect_by_data (self->report, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_WINDOW);

  G_OBJECT_CLASS (nb_window_parent_class)->dispose (object);
}

static void
nb_window_finalize (GObject *object)
{
  NbWindow *self = NB_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->report);
  g_clear_object (&self->previous);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->w6, g_ptr_array_unref);
  g_clear_object (&self->undo);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->acks, g_hash_table_unref);
  g_free (self->organ);
  g_free (self->saved_text);
  g_free (self->last_toast);

  G_OBJECT_CLASS (nb_window_parent_class)->finalize (object);
}

static void
nb_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  NbWindow *self = NB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  NbWindow *self = NB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_window_class_init (NbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nb_window_constructed;
  object_class->dispose = nb_window_dispose;
  object_class->finalize = nb_window_finalize;
  object_class->get_property = nb_window_get_property;
  object_class->set_property = nb_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, NB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, NB_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NB_TYPE_FINDINGS_VIEW);
  /* The templates live in the GResource: whoever makes the first widget
   * (the application, a test) need not have registered it. */
  nb_gui_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/nb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, edit_box);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, report_button);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, report_title);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, switcher_row);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, report_popover);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, report_list);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, findings_button);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, findings_stack);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, findings_warnings);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, findings_errors);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, final_banner);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, findings_view);

  nb_window_class_init_actions (widget_class);
}

static void
nb_window_init (NbWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->report = nb_report_new ();
  self->undo = nb_undo_stack_new (self->report);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_finding_free);
  self->acks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_signal_connect (self->report, "changed", G_CALLBACK (report_changed_cb), self);
  g_signal_connect_swapped (self->undo, "notify::can-undo",
                            G_CALLBACK (nb_window_update_actions), self);
  g_signal_connect_swapped (self->undo, "notify::can-redo",
                            G_CALLBACK (nb_window_update_actions), self);
  nb_window_init_years (self);
  g_signal_connect (self->flap, "notify::reveal-flap", G_CALLBACK (flap_reveal_cb), self);
  g_signal_connect (self->findings_view, "activate-finding", G_CALLBACK (activate_finding_cb), self);
  g_signal_connect (self->findings_view, "acknowledge-finding",
                    G_CALLBACK (acknowledge_finding_cb), self);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

NbWindow *
nb_window_new (GtkApplication *application, NbStore *store, NbSettings *settings)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (NB_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || NB_IS_SETTINGS (settings), NULL);

  return g_object_new (NB_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "settings", settings,
                       NULL);
}

NbReport *
nb_window_get_report (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);
  return self->report;
}

gboolean
nb_window_has_report (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);
  return self->organ != NULL;
}

gboolean
nb_window_open_report (NbWindow *self, const char *organ, guint year, GError **error)
{
  g_autoptr(NbReport) loaded = NULL;
  g_autoptr(GError) save_error = NULL;

  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (organ != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!nb_window_save_now (self, &save_error))
    g_warning ("Could not save before switching: %s", save_error->message);

  loaded = nb_store_load (self->store, organ, year, error);
  if (loaded == NULL)
    return FALSE;
  show_report (self, loaded);
  return TRUE;
}

gboolean
nb_window_save_now (NbWindow *self, GError **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;
  gboolean saved;
  guint n_merged = 0;

  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->organ == NULL || !self->dirty)
    return TRUE;

  /* Another writer (a second window, nianbao-cli set) may have changed
   * other fields since: the store merges them into our report. */
  self->merging = TRUE;
  saved = nb_store_save_full (self->store, self->report, NB_STORE_SAVE_ANY, "editor", &n_merged,
                              error);
  self->merging = FALSE;
  if (!saved)
    {
      nb_window_update_saved_label (self, _("Not saved"));
      return FALSE;
    }
  if (n_merged > 0)
    {
      g_autofree char *merged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u change made elsewhere was merged",
                                                              "%u changes made elsewhere were merged",
                                                              n_merged), n_merged);

      nb_window_toast (self, merged);
    }
  self->dirty = FALSE;
  self->save_failed = FALSE;
  now = g_date_time_new_now_local ();
  time = g_date_time_format (now, "%H:%M:%S");
  text = g_strdup_printf (_("Saved at %s"), time);
  nb_window_update_saved_label (self, text);
  return TRUE;
}

void
nb_window_reload_acks (NbWindow *self)
{
  g_autoptr(GHashTable) acks = NULL;

  g_hash_table_remove_all (self->acks);
  if (self->organ == NULL)
    return;
  acks = nb_store_get_acks (self->store, self->organ, self->year, NULL);
  if (acks != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, acks);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (self->acks, g_strdup (key), g_strdup (value));
    }
}

/* Last year's copied texts (W6): comparing whole texts costs more than the
 * other rules together, so it is redone only when a text changed. */
static void
append_w6 (NbWindow *self)
{
  if (self->previous == NULL)
    return;
  if (self->w6 == NULL || self->w6_dirty)
    {
      g_clear_pointer (&self->w6, g_ptr_array_unref);
      self->w6 = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_finding_free);
      nb_similarity_check (self->report, self->previous, NB_SIMILARITY_DEFAULT_THRESHOLD, self->w6);
      self->w6_dirty = FALSE;
    }
  for (guint i = 0; i < self->w6->len; i++)
    g_ptr_array_add (self->findings, nb_finding_copy (g_ptr_array_index (self->w6, i)));
}

void
nb_window_run_checks (NbWindow *self)
{
  guint errors[NB_N_PAGES] = { 0 };

  g_return_if_fail (NB_IS_WINDOW (self));

  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  if (self->organ != NULL)
    {
      self->findings = nb_rules_check (self->report, self->previous);
      append_w6 (self);
    }
  else
    self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_finding_free);

  for (guint i = 0; i < self->findings->len; i++)
    {
      NbFinding *finding = g_ptr_array_index (self->findings, i);

      if (finding->severity == NB_SEVERITY_ERROR)
        errors[nb_window_page_of_finding (finding)]++;
    }

  for (guint i = 0; i < NB_N_PAGES; i++)
    {
      if (self->pages[i] != NULL)
        nb_window_show_findings_on (self, self->pages[i]);
      if (adw_view_stack_page_get_badge_number (self->stack_pages[i]) != errors[i])
        adw_view_stack_page_set_badge_number (self->stack_pages[i], errors[i]);
    }
  update_findings_button (self);
  update_findings_view (self);
}

GPtrArray *
nb_window_get_findings (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);
  return self->findings;
}

gboolean
nb_window_show_page (NbWindow *self, const char *name)
{
  int page;

  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  page = nb_window_page_by_name (name);
  if (page < 0)
    return FALSE;
  adw_view_stack_set_visible_child (self->view_stack, self->bins[page]);
  return TRUE;
}

GtkWidget *
nb_window_get_page (NbWindow *self, const char *name)
{
  int page;

  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  page = nb_window_page_by_name (name);
  return page < 0 ? NULL : nb_window_ensure_page (self, (guint) page);
}

guint
nb_window_get_badge (NbWindow *self, const char *name)
{
  int page;

  g_return_val_if_fail (NB_IS_WINDOW (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  page = nb_window_page_by_name (name);
  return page < 0 ? 0 : adw_view_stack_page_get_badge_number (self->stack_pages[page]);
}

GtkWidget *
nb_window_get_findings_view (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->findings_view);
}

const char *
nb_window_get_last_toast (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);
  return self->last_toast;
}

const char *
nb_window_get_saved_text (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);
  return self->saved_text;
}

gboolean
nb_window_undo (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);

  for (guint i = 0; i < NB_N_PAGES; i++)
    if (NB_IS_TABLE_PAGE (self->pages[i]))
      nb_table_page_commit (NB_TABLE_PAGE (self->pages[i]));
  return nb_undo_stack_undo (self->undo);
}

gboolean
nb_window_redo (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);

  for (guint i = 0; i < NB_N_PAGES; i++)
    if (NB_IS_TABLE_PAGE (self->pages[i]))
      nb_table_page_commit (NB_TABLE_PAGE (self->pages[i]));
  return nb_undo_stack_redo (self->undo);
}

void
nb_window_focus_cell (NbWindow *self, guint cell)
{
  guint table;

  g_return_if_fail (NB_IS_WINDOW (self));
  g_return_if_fail (cell < NB_N_CELLS);

  table = nb_format_cell (cell)->table;
  for (guint i = 0; i < NB_N_SECTIONS; i++)
    if (nb_format_section (i)->kind == NB_SECTION_TABLE && nb_format_section (i)->table == table)
      {
        GtkWidget *page = nb_window_ensure_page (self, i + 1);

        adw_view_stack_set_visible_child (self->view_stack, self->bins[i + 1]);
        nb_table_page_focus_cell (NB_TABLE_PAGE (page), cell);
        return;
      }
}

void
nb_window_focus_finding (NbWindow *self, guint index)
{
  g_return_if_fail (NB_IS_WINDOW (self));
  g_return_if_fail (index < self->findings->len);

  activate_finding_cb (self->findings_view, g_ptr_array_index (self->findings, index), self);
}
