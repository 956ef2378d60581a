/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every GtkBuilder file under ui/ loads. The directory is walked, so a new
 * file is covered without touching this test. Each file is checked twice:
 *
 * - its XML through a GtkBuilder of its own: every class, property, value
 *   and child type must exist. A composite template (<template class=…>)
 *   cannot be loaded that way, since its class would build itself; its
 *   content is loaded onto an instance of the parent class instead.
 * - the way the program uses it: the file must be in the GResource, and a
 *   composite widget is instantiated, which builds its template from the
 *   GResource and binds its children. GTK reports a failure there only as
 *   a critical, which the test framework makes fatal.
 *
 * Two more cases break a file on purpose and check that each way of
 * loading notices.
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "nb-application.h"
#include "nb-settings.h"
#include "nb-store.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

/* Under the sanitizers, stops counting what is allocated from here on
 * as leaked (TRUE) or starts again (FALSE); nothing otherwise. */
static void
leaks_ignored (gboolean ignored)
{
#if defined(__SANITIZE_ADDRESS__)
  if (ignored)
    __lsan_disable ();
  else
    __lsan_enable ();
#else
  (void) ignored;
#endif
}

#define RESOURCE_PREFIX "/io/github/nianbao/Nianbao/"

static const char *ui_dir;

/* The test is linked with the whole GUI library and exports its symbols,
 * so that GtkBuilder finds nb_foo_get_type() for a class "NbFoo" the way
 * it does in the program. */
static GType
resolve_type (const char *name)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();

  return gtk_builder_get_type_from_name (builder, name);
}

/* The class and parent of the file's <template>, if it has one. */
static gboolean
find_template (const char *xml, char **klass, char **parent, char **start_tag)
{
  g_autoptr(GRegex) tag = g_regex_new ("<template\\b[^>]*>", 0, 0, NULL);
  g_autoptr(GRegex) klass_re = g_regex_new ("\\bclass=\"([^\"]+)\"", 0, 0, NULL);
  g_autoptr(GRegex) parent_re = g_regex_new ("\\bparent=\"([^\"]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GMatchInfo) klass_match = NULL;
  g_autoptr(GMatchInfo) parent_match = NULL;
  g_autofree char *found = NULL;

  if (!g_regex_match (tag, xml, 0, &match))
    return FALSE;
  found = g_match_info_fetch (match, 0);
  if (!g_regex_match (klass_re, found, 0, &klass_match) ||
      !g_regex_match (parent_re, found, 0, &parent_match))
    return FALSE;
  *klass = g_match_info_fetch (klass_match, 1);
  *parent = g_match_info_fetch (parent_match, 1);
  *start_tag = g_steal_pointer (&found);
  return TRUE;
}

/* Builds what the file describes; a template's content goes onto an
 * object of its parent class, under the template's class name as id since
 * that is how bindings inside a template name it. */
static gboolean
load_ui (const char *xml, GError **error)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autofree char *klass = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *start_tag = NULL;
  g_autofree char *text = NULL;
  GSList *objects;
  gboolean ok;

  if (find_template (xml, &klass, &parent, &start_tag))
    {
      g_autoptr(GString) rewritten = g_string_new (xml);
      g_autofree char *object_tag = g_strdup_printf ("<object class=\"%s\" id=\"%s\">",
                                                     parent, klass);

      g_string_replace (rewritten, start_tag, object_tag, 1);
      g_string_replace (rewritten, "</template>", "</object>", 1);
      text = g_string_free (g_steal_pointer (&rewritten), FALSE);
    }
  else
    text = g_strdup (xml);

  ok = gtk_builder_add_from_string (builder, text, -1, error);

  /* Toplevels are owned by GTK, not by the builder. */
  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_WINDOW (l->data))
      gtk_window_destroy (GTK_WINDOW (l->data));
  g_slist_free (objects);
  return ok;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Gives the widget what its construct-only properties ask for of ours
 * (NbWindow wants a store and settings), then lets it build itself. */
static void
instantiate (GType type)
{
  GObjectClass *klass = g_type_class_ref (type);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_autoptr(GError) error = NULL;
  g_autoptr(NbStore) store = NULL;
  g_autoptr(NbSettings) settings = NULL;
  g_autofree char *dir = NULL;
  guint n_specs;
  g_autofree GParamSpec **specs = g_object_class_list_properties (klass, &n_specs);
  GObject *object;

  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);
  for (guint i = 0; i < n_specs; i++)
    {
      GValue value = G_VALUE_INIT;

      if (!(specs[i]->flags & G_PARAM_CONSTRUCT_ONLY))
        continue;
      if (specs[i]->value_type == NB_TYPE_STORE)
        {
          g_autofree char *path = NULL;

          dir = g_dir_make_tmp ("nianbao-ui-XXXXXX", &error);
          g_assert_no_error (error);
          path = g_build_filename (dir, "nianbao.db", NULL);
          store = nb_store_open (path, &error);
          g_assert_no_error (error);
          g_value_init (&value, NB_TYPE_STORE);
          g_value_set_object (&value, store);
        }
      else if (specs[i]->value_type == NB_TYPE_SETTINGS)
        {
          settings = nb_settings_new ();
          g_value_init (&value, NB_TYPE_SETTINGS);
          g_value_set_object (&value, settings);
        }
      else
        continue;
      g_ptr_array_add (names, (gpointer) specs[i]->name);
      g_array_append_val (values, value);
    }

  object = g_object_new_with_properties (type, names->len, (const char **) names->pdata,
                                         (const GValue *) values->data);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (object, type));
  if (GTK_IS_WINDOW (object))
    gtk_window_destroy (GTK_WINDOW (object));
  else
    g_object_unref (g_object_ref_sink (object));

  /* let idles queued by the widget run against a live store */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&store);
  if (dir != NULL)
    remove_tree (dir);
  g_type_class_unref (klass);
}

static void
test_ui_file (gconstpointer data)
{
  const char *relative = data;
  g_autofree char *path = g_build_filename (ui_dir, relative, NULL);
  g_autofree char *resource = g_strconcat (RESOURCE_PREFIX, relative, NULL);
  g_autofree char *xml = NULL;
  g_autofree char *klass = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *start_tag = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &xml, NULL, &error);
  g_assert_no_error (error);

  load_ui (xml, &error);
  g_assert_no_error (error);

  /* Not in the GResource, the program never sees it. */
  g_resources_get_info (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  if (find_template (xml, &klass, &parent, &start_tag))
    {
      GType type = resolve_type (klass);

      if (type == G_TYPE_INVALID)
        g_error ("%s: no type %s in the program", relative, klass);
      g_assert_true (g_type_is_a (type, resolve_type (parent)));
      instantiate (type);
    }
  else if (g_str_equal (relative, "gtk/help-overlay.ui"))
    {
      /* GtkApplication shows this object, by this id, for
       * win.show-help-overlay (Ctrl+?). */
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (resource);
      GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

      g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
      gtk_window_destroy (GTK_WINDOW (overlay));
    }
}

/* The first check is no check if it lets a broken file through. */
static void
test_broken_xml_is_caught (void)
{
  g_autofree char *path = g_build_filename (ui_dir, "nb-window.ui", NULL);
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) broken = NULL;

  g_file_get_contents (path, &xml, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (load_ui (xml, &error));

  /* GtkBuilder 4.8 leaks parts of what it had built when it gives up on
   * a broken file; those allocations are not the project's. */
  leaks_ignored (TRUE);
  broken = g_string_new (xml);
  g_assert_cmpuint (g_string_replace (broken, "<property name=\"", "<property name=\"no-such-", 1), ==, 1);
  g_assert_false (load_ui (broken->str, &error));
  g_assert_error (error, GTK_BUILDER_ERROR, GTK_BUILDER_ERROR_INVALID_PROPERTY);
  g_clear_error (&error);

  g_string_assign (broken, xml);
  g_assert_cmpuint (g_string_replace (broken, "<object class=\"Gtk", "<object class=\"NbNoSuch", 1), ==, 1);
  g_assert_false (load_ui (broken->str, &error));
  g_assert_nonnull (error);
  leaks_ignored (FALSE);
}

/* And the second: a template in the GResource whose child the widget
 * binds is gone. G_RESOURCE_OVERLAYS puts the broken file in place of the
 * real one, in a child process since it is read once per process. */
static void
test_broken_template_is_caught (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *broken_path = NULL;
  g_autofree char *overlay = NULL;

  if (g_test_subprocess ())
    {
      instantiate (resolve_type ("NbInfoPage"));
      return;
    }

  {
    g_autofree char *path = g_build_filename (ui_dir, "nb-info-page.ui", NULL);
    g_autofree char *xml = NULL;
    g_autoptr(GString) broken = NULL;
    g_autoptr(GError) error = NULL;

    g_file_get_contents (path, &xml, NULL, &error);
    g_assert_no_error (error);
    broken = g_string_new (xml);
    g_assert_cmpuint (g_string_replace (broken, "id=\"findings_group\"", "id=\"renamed_group\"", 1), ==, 1);
    dir = g_dir_make_tmp ("nianbao-ui-XXXXXX", &error);
    g_assert_no_error (error);
    broken_path = g_build_filename (dir, "nb-info-page.ui", NULL);
    g_file_set_contents (broken_path, broken->str, -1, &error);
    g_assert_no_error (error);
  }

  overlay = g_strdup_printf (RESOURCE_PREFIX "nb-info-page.ui=%s", broken_path);
  g_setenv ("G_RESOURCE_OVERLAYS", overlay, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("G_RESOURCE_OVERLAYS");
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*findings_group*NbInfoPage*");

  remove_tree (dir);
}

static void
add_ui_files (GPtrArray *found, const char *relative)
{
  g_autofree char *path = g_build_filename (ui_dir, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = *relative ? g_build_filename (relative, name, NULL) : g_strdup (name);
      g_autofree char *child_path = g_build_filename (ui_dir, child, NULL);

      if (g_file_test (child_path, G_FILE_TEST_IS_DIR))
        add_ui_files (found, child);
      else if (g_str_has_suffix (name, ".ui"))
        g_ptr_array_add (found, g_steal_pointer (&child));
    }
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
test_no_display (void)
{
  g_test_skip ("no display to open widgets on");
}

int
main (int argc, char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  g_test_init (&argc, &argv, NULL);

  ui_dir = g_getenv ("NIANBAO_UI_DIR");
  g_assert_nonnull (ui_dir);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/no-display", test_no_display);
      return g_test_run ();
    }
  adw_init ();
  nb_gui_register_resources ();
  /* Reads G_RESOURCE_OVERLAYS now, before a test sets it for a child. */
  g_resources_get_info (RESOURCE_PREFIX "nb-window.ui", G_RESOURCE_LOOKUP_FLAGS_NONE,
                        NULL, NULL, NULL);

  add_ui_files (files, "");
  g_ptr_array_sort (files, compare_strings);
  g_assert_cmpuint (files->len, >, 0);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *test_path = g_strconcat ("/ui/file/", (char *) files->pdata[i], NULL);

      g_test_add_data_func (test_path, files->pdata[i], test_ui_file);
    }
  g_test_add_func ("/ui/broken/xml-is-caught", test_broken_xml_is_caught);
  g_test_add_func ("/ui/broken/template-is-caught", test_broken_template_is_caught);

  return g_test_run ();
}
