/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "rel-common.h"

struct RelRecord
{
  char *name;
  char *what;
  char *path;            /* NULL: results are not kept */
  JsonObject *figures;
  gint64 started;        /* monotonic µs */
};

char *
rel_make_tmpdir (const char *name_template)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (name_template, &error);

  g_assert_no_error (error);
  return dir;
}

void
rel_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          rel_remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_chmod (path, 0700);
  g_remove (path);
}

guint
rel_count_entries (const char *dir_path)
{
  GDir *dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_dir_close (dir);
  return n;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char *
rel_list_entries (const char *dir_path)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_dir_close (dir);
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

char *
rel_file_sha256 (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return g_strdup ("(missing)");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

char *
rel_integrity_check (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  GString *result = g_string_new (NULL);
  int rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (result->len > 0)
        g_string_append (result, "; ");
      g_string_append (result, (const char *) sqlite3_column_text (stmt, 0));
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    g_string_append_printf (result, "%s(SQLite: %s)", result->len ? "; " : "", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return g_string_free (result, FALSE);
}

char *
rel_integrity_check_file (const char *path)
{
  sqlite3 *db = NULL;
  char *result;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    result = g_strdup_printf ("(cannot open: %s)", sqlite3_errmsg (db));
  else
    result = rel_integrity_check (db);
  sqlite3_close (db);
  return result;
}

guint
rel_env_uint (const char *name, guint fallback)
{
  const char *text = g_getenv (name);
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &value, NULL))
    return fallback;
  return (guint) value;
}

guint
rel_slow_factor (void)
{
  return CLAMP (rel_env_uint ("NB_SLOW_FACTOR", 1), 1, 10);
}

const char *
rel_cli_path (void)
{
  const char *cli = g_getenv ("NIANBAO_CLI");

  return cli != NULL && g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE) ? cli : NULL;
}

int
rel_run_cli (const char *const *args, char **out, char **err)
{
  return rel_run_cli_in (NULL, args, out, err);
}

int
rel_run_cli_in (const char *cwd, const char *const *args, char **out, char **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (rel_cli_path ());
  g_ptr_array_add (argv, (gpointer) rel_cli_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_setenv (envp, "LANGUAGE", "en", TRUE);

  g_spawn_sync (cwd, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &stdout_text, &stderr_text, &wait_status, &error);
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);
  if (WIFSIGNALED (wait_status))
    return 128 + WTERMSIG (wait_status);
  return WEXITSTATUS (wait_status);
}

static void
write_record (RelRecord *record, const char *outcome, gboolean print)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *line = NULL;
  g_autofree char *pretty = NULL;
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "test", record->name);
  json_object_set_string_member (object, "what", record->what);
  json_object_set_string_member (object, "outcome", outcome);
  json_object_set_double_member (object, "seconds",
                                 (double) (g_get_monotonic_time () - record->started) / G_USEC_PER_SEC);
  json_object_set_object_member (object, "figures", json_object_ref (record->figures));
  json_node_take_object (root, object);
  json_generator_set_root (generator, root);

  if (print)
    {
      line = json_generator_to_data (generator, NULL);
      g_print ("# RELIABILITY %s\n", line);
    }
  if (record->path != NULL)
    {
      json_generator_set_pretty (generator, TRUE);
      pretty = json_generator_to_data (generator, NULL);
      if (!g_file_set_contents (record->path, pretty, -1, NULL))
        g_test_message ("could not write %s", record->path);
    }
}

RelRecord *
rel_record_begin (const char *name, const char *what)
{
  const char *dir = g_getenv ("NB_RELIABILITY_RESULTS");
  RelRecord *record = g_new0 (RelRecord, 1);

  record->name = g_strdup (name);
  record->what = g_strdup (what);
  record->figures = json_object_new ();
  record->started = g_get_monotonic_time ();
  if (dir != NULL && g_mkdir_with_parents (dir, 0755) == 0)
    {
      g_autofree char *file = g_strdelimit (g_strconcat (name, ".json", NULL), "/", '-');

      record->path = g_build_filename (dir, file, NULL);
    }
  write_record (record, "did not finish", FALSE);
  return record;
}

void
rel_record_int (RelRecord *record, const char *key, gint64 value)
{
  json_object_set_int_member (record->figures, key, value);
}

void
rel_record_double (RelRecord *record, const char *key, double value)
{
  json_object_set_double_member (record->figures, key, value);
}

void
rel_record_str (RelRecord *record, const char *key, const char *value)
{
  json_object_set_string_member (record->figures, key, value);
}

void
rel_record_end (RelRecord *record, const char *outcome)
{
  write_record (record, outcome, TRUE);
  json_object_unref (record->figures);
  g_free (record->name);
  g_free (record->what);
  g_free (record->path);
  g_free (record);
}
