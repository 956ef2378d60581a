/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-application.h"
#include "nb-preferences-window.h"
#include "nb-resources.h"
#include "nb-window.h"

struct _NbApplication
{
  AdwApplication parent_instance;

  char *db_path;
  NbStore *store;
  NbSettings *settings;
};

G_DEFINE_FINAL_TYPE (NbApplication, nb_application, ADW_TYPE_APPLICATION)

static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.new-report", { "<Control>n", NULL } },
  { "win.import", { "<Control>o", NULL } },
  { "win.export-pdf", { "<Control>e", NULL } },
  { "win.export-json", { "<Control><Shift>e", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.fill-totals", { "<Control>t", NULL } },
  { "win.toggle-findings", { "F9", NULL } },
};

void
nb_gui_register_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      nb_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

void
nb_gui_init_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  nb_gui_register_resources ();
  gtk_css_provider_load_from_resource (provider, "/io/github/nianbao/Nianbao/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
store_error_response_cb (AdwMessageDialog *dialog, const char *response, GApplication *app)
{
  g_application_release (app);
}

/* Without a database there is nothing to edit: say why, then leave. */
static void
show_store_error (NbApplication *self, GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("Cannot Open the Database"), NULL);
  g_autofree char *path = self->db_path ? g_strdup (self->db_path) : nb_store_default_path ();

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", path, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (store_error_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static NbWindow *
ensure_window (NbApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;
  NbStore *store;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); window == NULL && l; l = l->next)
    if (NB_IS_WINDOW (l->data))
      window = l->data;
  if (NB_IS_WINDOW (window))
    return NB_WINDOW (window);

  store = nb_application_get_store (self, &error);
  if (store == NULL)
    {
      show_store_error (self, error);
      return NULL;
    }
  return nb_window_new (GTK_APPLICATION (self), store, self->settings);
}

static void
quit_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing (not destroying) saves what is unsaved. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static void
about_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Nianbao authors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Nianbao"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Nianbao authors"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Prepare the annual report on government information disclosure (政府信息公开工作年度报告): type the figures and texts, see every broken sum as you type, print the PDF."),
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  NbApplication *self = NB_APPLICATION (user_data);
  GtkWidget *preferences = nb_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
  { "about", about_action, NULL, NULL, NULL, { 0 } },
  { "preferences", preferences_action, NULL, NULL, NULL, { 0 } },
};

static void
nb_application_startup (GApplication *application)
{
  NbApplication *self = NB_APPLICATION (application);

  /* Before chaining up: AdwApplication loads style.css from it. */
  nb_gui_register_resources ();
  G_APPLICATION_CLASS (nb_application_parent_class)->startup (application);

  if (self->settings == NULL)
    self->settings = nb_settings_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
}

static void
nb_application_activate (GApplication *application)
{
  NbWindow *window = ensure_window (NB_APPLICATION (application));

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
}

static void
nb_application_open (GApplication *application, GFile **files, int n_files, const char *hint)
{
  NbWindow *window = ensure_window (NB_APPLICATION (application));

  if (window == NULL)
    return;
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < n_files; i++)
    nb_window_import_file (window, files[i]);
}

static int
nb_application_handle_local_options (GApplication *application, GVariantDict *options)
{
  NbApplication *self = NB_APPLICATION (application);
  g_autofree char *db = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("nianbao %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "db", "^ay", &db))
    nb_application_set_db_path (self, db);
  return -1;
}

static void
nb_application_finalize (GObject *object)
{
  NbApplication *self = NB_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_free (self->db_path);

  G_OBJECT_CLASS (nb_application_parent_class)->finalize (object);
}

static void
nb_application_class_init (NbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = nb_application_finalize;
  app_class->startup = nb_application_startup;
  app_class->activate = nb_application_activate;
  app_class->open = nb_application_open;
  app_class->handle_local_options = nb_application_handle_local_options;
}

static void
nb_application_init (NbApplication *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The database to use instead of the usual one"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[REPORT.json…]"));
}

NbApplication *
nb_application_new (void)
{
  return g_object_new (NB_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/nianbao/Nianbao",
                       NULL);
}

NbStore *
nb_application_get_store (NbApplication *self, GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (NB_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->store != NULL)
    return self->store;
  path = self->db_path ? g_strdup (self->db_path) : nb_store_default_path ();
  self->store = nb_store_open (path, error);
  return self->store;
}

void
nb_application_set_db_path (NbApplication *self, const char *path)
{
  g_return_if_fail (NB_IS_APPLICATION (self));
  g_return_if_fail (self->store == NULL);

  g_free (self->db_path);
  self->db_path = g_strdup (path);
}

NbSettings *
nb_application_get_settings (NbApplication *self)
{
  g_return_val_if_fail (NB_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = nb_settings_new ();
  return self->settings;
}
