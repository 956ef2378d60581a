/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <sys/file.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nb-store.h"
#include "nb-store-schema.h"

#define FEE_CELL (nb_format_cell_by_id ("t2.fees.amount"))

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_chmod (path, 0700);
  g_remove (path);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("nb-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "nianbao.db", NULL);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* A report with everything filled in: all figures (one blank, one 0, the
 * fee with decimals), metadata, a custom preamble and parts in all three
 * sections, bodies with line breaks and quotes. @seed varies the figures. */
static NbReport *
make_report (const char *organ, guint year, gint64 seed)
{
  NbReport *report = nb_report_new ();
  g_autofree char *issued = g_strdup_printf ("%u-01-20", year + 1);

  nb_report_set_organ_field (report, NB_ORGAN_NAME, organ);
  nb_report_set_organ_field (report, NB_ORGAN_ADDRESS, "某市某区幸福路1号");
  nb_report_set_organ_field (report, NB_ORGAN_POSTCODE, "100000");
  nb_report_set_organ_field (report, NB_ORGAN_TELEPHONE, "010-12345678");
  nb_report_set_organ_field (report, NB_ORGAN_EMAIL, "gk@example.org");
  nb_report_set_organ_field (report, NB_ORGAN_WEBSITE, "https://www.example.org/");
  nb_report_set_year (report, year);
  g_assert_true (nb_report_set_issued (report, issued, NULL));
  nb_report_set_preamble (report, "本报告由本机关编制。\n统计期限为全年。");

  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    {
      if (nb_format_cell (cell)->kind == NB_CELL_FEE)
        nb_report_set_figure (report, cell, G_GINT64_CONSTANT (96171600000) + seed);
      else
        nb_report_set_figure (report, cell, ((gint64) cell * 7 + seed) % 1000 + 1);
    }
  nb_report_clear_figure (report, 5);
  nb_report_set_figure (report, 6, 0);

  nb_report_insert_part (report, NB_TEXT_OVERVIEW, -1, "（一）主动公开", "本年主动公开信息“若干”条。\n第二段。");
  nb_report_insert_part (report, NB_TEXT_OVERVIEW, -1, "（二）依申请公开", "收到申请。");
  nb_report_insert_part (report, NB_TEXT_OVERVIEW, -1, "（三）政府信息管理", "");
  nb_report_insert_part (report, NB_TEXT_PROBLEMS, -1, "（一）上年问题整改情况", "已整改。");
  nb_report_insert_part (report, NB_TEXT_PROBLEMS, -1, "（二）本年存在问题", "{\"not\": \"json\"} \\ 反斜杠");
  nb_report_insert_part (report, NB_TEXT_OTHER, -1, "", "本年度未收取信息处理费。");
  return report;
}

static NbStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  NbStore *store = nb_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
save_ok (NbStore *store, NbReport *report, NbStoreSaveMode mode, const char *source)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (nb_store_save (store, report, mode, source, &error));
  g_assert_no_error (error);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

static guint
count_entries (const char *dir_path)
{
  GDir *dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_dir_close (dir);
  return n;
}

static gint64
query_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
exec_raw (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
test_default_path (void)
{
  g_autofree char *path = nb_store_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "nianbao", "nianbao.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_create (Fixture *fixture, gconstpointer data)
{
  g_autofree char *nested = g_build_filename (fixture->dir, "a", "b", "nianbao.db", NULL);
  g_autofree char *nested_dir = g_path_get_dirname (nested);
  g_autoptr(NbStore) store = open_store (nested);
  sqlite3 *db = nb_store_get_db (store);
  int value = -1;

  g_assert_cmpstr (nb_store_get_path (store), ==, nested);
  g_assert_true (g_file_test (nested, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (query_int (db, "PRAGMA application_id"), ==, NB_STORE_APPLICATION_ID);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, NB_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, -1, &value);
  g_assert_cmpint (value, ==, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1, &value);
  g_assert_cmpint (value, ==, 0);

  /* the temporary file it was built under is gone: only the db and its WAL */
  g_clear_object (&store);
  g_assert_cmpuint (count_entries (nested_dir), ==, 1);
}

static void
test_round_trip (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) store = open_store (fixture->path);
  g_autoptr(NbReport) report = make_report ("甲市人民政府", 2024, 0);
  g_autoptr(NbReport) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  save_ok (store, report, NB_STORE_SAVE_NEW, "test");
  g_assert_cmpint (nb_store_get_revision (store, "甲市人民政府", 2024, &error), ==, 1);

  /* through a fresh connection, so nothing comes from a cache */
  g_clear_object (&store);
  store = open_store (fixture->path);
  loaded = nb_store_load (store, "甲市人民政府", 2024, &error);
  g_assert_no_error (error);
  g_assert_true (nb_report_equal (report, loaded));

  g_assert_false (nb_report_has_figure (loaded, 5));
  g_assert_true (nb_report_get_figure (loaded, 6, &value));
  g_assert_cmpint (value, ==, 0);
  g_assert_true (nb_report_get_figure (loaded, FEE_CELL, &value));
  g_assert_cmpint (value, ==, G_GINT64_CONSTANT (96171600000));
  g_assert_cmpstr (nb_report_get_organ_field (loaded, NB_ORGAN_EMAIL), ==, "gk@example.org");
  g_assert_cmpstr (nb_report_get_part_body (loaded, NB_TEXT_PROBLEMS, 1), ==,
                   "{\"not\": \"json\"} \\ 反斜杠");

  g_assert_null (nb_store_load (store, "甲市人民政府", 2023, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, fixture->path));
}

static void
test_save_new_refuses (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) store = open_store (fixture->path);
  g_autoptr(NbReport) report = make_report ("乙县", 2024, 0);
  g_autoptr(NbReport) other = make_report ("乙县", 2024, 5);
  g_autoptr(NbReport) loaded = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;

  save_ok (store, report, NB_STORE_SAVE_NEW, "import");
  history = nb_store_history (store, "乙县", 2024, NULL, NULL);

  g_assert_false (nb_store_save (store, other, NB_STORE_SAVE_NEW, "import", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  loaded = nb_store_load (store, "乙县", 2024, NULL);
  g_assert_true (nb_report_equal (loaded, report));
  g_assert_cmpint (nb_store_get_revision (store, "乙县", 2024, NULL), ==, 1);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = nb_store_history (store, "乙县", 2024, NULL, NULL);
  g_assert_cmpuint (history->len, ==, NB_N_CELLS - 1 + 5 + 2 + 3);
}

static void
test_invalid (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) store = open_store (fixture->path);
  g_autoptr(NbReport) no_name = make_report ("丙", 2024, 0);
  g_autoptr(NbReport) no_year = make_report ("丙", 2024, 0);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  nb_report_set_organ_field (no_name, NB_ORGAN_NAME, NULL);
  g_assert_false (nb_store_save (store, no_name, NB_STORE_SAVE_ANY, "test", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_clear_error (&error);

  nb_report_set_year (no_year, 0);
  g_assert_false (nb_store_save (store, no_year, NB_STORE_SAVE_ANY, "test", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_clear_error (&error);

  list = nb_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
}

static const NbStoreEdit *
find_edit (GPtrArray *edits, const char *field)
{
  for (guint i = 0; i < edits->len; i++)
    {
      const NbStoreEdit *edit = g_ptr_array_index (edits, i);

      if (strcmp (edit->field, field) == 0)
        return edit;
    }
  g_error ("No edit of “%s” was logged", field);
}

static GPtrArray *
edits_of_revision (NbStore *store, const char *organ, guint year, gint64 revision)
{
  g_autoptr(GPtrArray) all = nb_store_history (store, organ, year, NULL, NULL);
  GPtrArray *some = g_ptr_array_new ();

  g_assert_nonnull (all);
  for (guint i = 0; i < all->len; i++)
    {
      NbStoreEdit *edit = g_ptr_array_index (all, i);

      if (edit->revision == revision)
        g_ptr_array_add (some, g_steal_pointer (&all->pdata[i]));
    }
  g_ptr_array_set_free_func (some, (GDestroyNotify) nb_store_edit_free);
  return some;
}

static void
test_diff_log (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) store = open_store (fixture->path);
  g_autoptr(NbReport) report = make_report ("丁区", 2024, 0);
  g_autoptr(GPtrArray) edits = NULL;
  const NbStoreEdit *edit;
  guint cell = nb_format_cell_by_id ("t3.new.natural");
  gint64 old_natural;

  save_ok (store, report, NB_STORE_SAVE_NEW, "import");
  nb_report_get_figure (report, cell, &old_natural);

  /* a save that changes nothing makes no revision and logs nothing */
  save_ok (store, report, NB_STORE_SAVE_ANY, "editor");
  g_assert_cmpint (nb_store_get_revision (store, "丁区", 2024, NULL), ==, 1);
  edits = edits_of_revision (store, "丁区", 2024, 2);
  g_assert_cmpuint (edits->len, ==, 0);
  g_clear_pointer (&edits, g_ptr_array_unref);

  nb_report_set_figure (report, cell, 3001);
  nb_report_set_figure (report, FEE_CELL, G_GINT64_CONSTANT (24252311082));
  nb_report_set_figure (report, 5, 0);                       /* blank → 0 */
  nb_report_clear_figure (report, 6);                        /* 0 → blank */
  nb_report_set_organ_field (report, NB_ORGAN_TELEPHONE, "010-87654321");
  nb_report_set_part (report, NB_TEXT_OTHER, 0, "（一）收费情况", NULL);
  save_ok (store, report, NB_STORE_SAVE_ANY, "editor");
  g_assert_cmpint (nb_store_get_revision (store, "丁区", 2024, NULL), ==, 2);

  edits = edits_of_revision (store, "丁区", 2024, 2);
  g_assert_cmpuint (edits->len, ==, 6);

  edit = find_edit (edits, "t3.new.natural");
  g_assert_cmpstr (edit->new_value, ==, "3001");
  g_assert_cmpint (g_ascii_strtoll (edit->old_value, NULL, 10), ==, old_natural);
  g_assert_cmpstr (edit->source, ==, "editor");
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$",
                                       edit->at, 0, 0));

  edit = find_edit (edits, "t2.fees.amount");
  g_assert_cmpstr (edit->old_value, ==, "96171.6");
  g_assert_cmpstr (edit->new_value, ==, "24252.311082");

  edit = find_edit (edits, nb_format_cell (5)->id);
  g_assert_null (edit->old_value);
  g_assert_cmpstr (edit->new_value, ==, "0");
  edit = find_edit (edits, nb_format_cell (6)->id);
  g_assert_cmpstr (edit->old_value, ==, "0");
  g_assert_null (edit->new_value);

  edit = find_edit (edits, "organ.telephone");
  g_assert_cmpstr (edit->old_value, ==, "010-12345678");
  g_assert_cmpstr (edit->new_value, ==, "010-87654321");

  edit = find_edit (edits, "other");
  g_assert_cmpstr (edit->old_value, ==, "[{\"heading\":\"\",\"body\":\"本年度未收取信息处理费。\"}]");
  g_assert_cmpstr (edit->new_value, ==,
                   "[{\"heading\":\"（一）收费情况\",\"body\":\"本年度未收取信息处理费。\"}]");
}

static void
test_load_revision (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) store = open_store (fixture->path);
  g_autoptr(NbReport) first = make_report ("戊镇", 2024, 0);
  g_autoptr(NbReport) second = NULL;
  g_autoptr(NbReport) third = NULL;
  g_autoptr(NbReport) empty = nb_report_new ();
  g_autoptr(GError) error = NULL;
  NbReport *expected[4];

  save_ok (store, first, NB_STORE_SAVE_NEW, "import");

  second = nb_report_copy (first);
  nb_report_set_figure (second, 0, 424242);
  nb_report_remove_part (second, NB_TEXT_OVERVIEW, 1);
  nb_report_set_preamble (second, NULL);
  g_assert_true (nb_report_set_issued (second, NULL, NULL));
  save_ok (store, second, NB_STORE_SAVE_ANY, "editor");

  /* what `import --replace` does: a whole other report over the stored one */
  third = make_report ("戊镇", 2024, 17);
  nb_report_set_organ_field (third, NB_ORGAN_WEBSITE, NULL);
  for (guint cell = 100; cell < 150; cell++)
    nb_report_clear_figure (third, cell);
  nb_report_insert_part (third, NB_TEXT_PROBLEMS, 0, "新增", "新的问题。");
  save_ok (store, third, NB_STORE_SAVE_ANY, "import");
  g_assert_cmpint (nb_store_get_revision (store, "戊镇", 2024, NULL), ==, 3);

  nb_report_set_organ_field (empty, NB_ORGAN_NAME, "戊镇");
  nb_report_set_year (empty, 2024);
  expected[0] = empty;
  expected[1] = first;
  expected[2] = second;
  expected[3] = third;
  for (gint64 revision = 0; revision <= 3; revision++)
    {
      g_autoptr(NbReport) loaded = nb_store_load_revision (store, "戊镇", 2024, revision, &error);

      g_assert_no_error (error);
      g_assert_true (nb_report_equal (loaded, expected[revision]));
    }

  g_assert_null (nb_store_load_revision (store, "戊镇", 2024, 4, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (nb_store_load_revision (store, "戊镇", 2024, -1, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (nb_store_load_revision (store, "己镇", 2024, 1, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
}

static void
test_history (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) store = open_store (fixture->path);
  g_autoptr(NbReport) report = make_report ("庚街道", 2023, 0);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  const char *values[] = { "5", "6", "7" };

  nb_report_clear_figure (report, 0);
  save_ok (store, report, NB_STORE_SAVE_NEW, "import");
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_assert_true (nb_report_set_figure_text (report, 0, values[i], NULL));
      save_ok (store, report, NB_STORE_SAVE_ANY, i == 2 ? "cli" : "editor");
    }

  history = nb_store_history (store, "庚街道", 2023, nb_format_cell (0)->id, &error);
  g_assert_no_error (error);
  /* the figure was blank at first, so revision 1 did not touch it */
  g_assert_cmpuint (history->len, ==, 3);
  for (guint i = 0; i < history->len; i++)
    {
      NbStoreEdit *edit = g_ptr_array_index (history, i);

      g_assert_cmpstr (edit->field, ==, nb_format_cell (0)->id);
      g_assert_cmpstr (edit->old_value, ==, i == 0 ? NULL : values[i - 1]);
      g_assert_cmpstr (edit->new_value, ==, values[i]);
      g_assert_cmpint (edit->revision, ==, i + 2);
      g_assert_cmpstr (edit->source, ==, i == 2 ? "cli" : "editor");
      if (i > 0)
        g_assert_cmpint (edit->id, >, ((NbStoreEdit *) g_ptr_array_index (history, i - 1))->id);
    }
  g_clear_pointer (&history, g_ptr_array_unref);

  history = nb_store_history (store, "庚街道", 2023, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, NB_N_CELLS - 2 + 5 + 2 + 3 + 3);
  for (guint i = 1; i < history->len; i++)
    g_assert_cmpint (((NbStoreEdit *) g_ptr_array_index (history, i))->revision, >=,
                     ((NbStoreEdit *) g_ptr_array_index (history, i - 1))->revision);
  g_clear_pointer (&history, g_ptr_array_unref);

  history = nb_store_history (store, "庚街道", 2023, "no.such.cell", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 0);
  g_clear_pointer (&history, g_ptr_array_unref);

  g_assert_null (nb_store_history (store, "庚街道", 2022, NULL, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
}

/* The organ's metadata is one per organ: saving 2024 changes it for 2023. */
static void
test_organ_shared (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) store = open_store (fixture->path);
  g_autoptr(NbReport) old_year = make_report ("辛局", 2023, 0);
  g_autoptr(NbReport) new_year = make_report ("辛局", 2024, 0);
  g_autoptr(NbReport) loaded = NULL;

  save_ok (store, old_year, NB_STORE_SAVE_NEW, "import");
  nb_report_set_organ_field (new_year, NB_ORGAN_ADDRESS, "新址大道9号");
  save_ok (store, new_year, NB_STORE_SAVE_NEW, "import");

  loaded = nb_store_load (store, "辛局", 2023, NULL);
  g_assert_cmpstr (nb_report_get_organ_field (loaded, NB_ORGAN_ADDRESS), ==, "新址大道9号");
  g_assert_cmpint (nb_store_get_revision (store, "辛局", 2023, NULL), ==, 1);
}

static void
test_acks (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) store = open_store (fixture->path);
  g_autoptr(NbReport) report = make_report ("壬委员会", 2024, 0);
  g_autoptr(GHashTable) acks = NULL;
  g_autoptr(GError) error = NULL;

  save_ok (store, report, NB_STORE_SAVE_NEW, "import");
  acks = nb_store_get_acks (store, "壬委员会", 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (acks), ==, 0);
  g_clear_pointer (&acks, g_hash_table_unref);

  g_assert_true (nb_store_acknowledge (store, "壬委员会", 2024, "W1:natural", "上年数据有误", &error));
  g_assert_true (nb_store_acknowledge (store, "壬委员会", 2024, "W6:overview", "沿用", &error));
  g_assert_true (nb_store_acknowledge (store, "壬委员会", 2024, "W1:natural", "已核实", &error));
  g_assert_no_error (error);
  acks = nb_store_get_acks (store, "壬委员会", 2024, &error);
  g_assert_cmpuint (g_hash_table_size (acks), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (acks, "W1:natural"), ==, "已核实");
  g_assert_cmpstr (g_hash_table_lookup (acks, "W6:overview"), ==, "沿用");
  g_clear_pointer (&acks, g_hash_table_unref);

  g_assert_true (nb_store_acknowledge (store, "壬委员会", 2024, "W6:overview", NULL, &error));
  acks = nb_store_get_acks (store, "壬委员会", 2024, &error);
  g_assert_cmpuint (g_hash_table_size (acks), ==, 1);
  g_assert_false (g_hash_table_contains (acks, "W6:overview"));

  /* acknowledging is not an edit of the report */
  g_assert_cmpint (nb_store_get_revision (store, "壬委员会", 2024, NULL), ==, 1);

  g_assert_false (nb_store_acknowledge (store, "壬委员会", 2020, "W1", "x", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
}

static void
test_exports (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) store = open_store (fixture->path);
  g_autoptr(NbReport) report = make_report ("癸办公室", 2024, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *organ = NULL;
  g_autofree char *made_at = NULL;
  g_autofree char *json = NULL;
  const char *sum = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  const char *other = "0000000000000000000000000000000000000000000000000000000000000001";
  guint year = 0;
  gint64 revision = -1;

  save_ok (store, report, NB_STORE_SAVE_NEW, "import");
  g_assert_true (nb_store_record_export (store, "癸办公室", 2024, 1, sum, "{\"v\":1}", &error));
  g_assert_no_error (error);
  nb_report_set_figure (report, 0, 99);
  save_ok (store, report, NB_STORE_SAVE_ANY, "editor");
  /* the same bytes exported again later: the latest record answers */
  g_assert_true (nb_store_record_export (store, "癸办公室", 2024, 2, sum, "{\"v\":2}", &error));

  g_assert_true (nb_store_find_export (store, "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08",
                                      &organ, &year, &revision, &made_at, &json, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (organ, ==, "癸办公室");
  g_assert_cmpuint (year, ==, 2024);
  g_assert_cmpint (revision, ==, 2);
  g_assert_cmpstr (json, ==, "{\"v\":2}");
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT[0-9:.]{12}Z$", made_at, 0, 0));
  g_assert_true (nb_store_find_export (store, sum, NULL, NULL, NULL, NULL, NULL, &error));

  g_assert_false (nb_store_find_export (store, other, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (nb_store_find_export (store, "abc", NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nb_store_record_export (store, "癸办公室", 2024, 3, other, "{}", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nb_store_record_export (store, "癸办公室", 2023, 1, other, "{}", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
}

static void
test_list (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) store = open_store (fixture->path);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const struct { const char *organ; guint year; } saves[] = {
    { "乙", 2024 }, { "甲", 2022 }, { "A机关", 2023 }, { "甲", 2024 }, { "乙", 2021 }, { "甲", 2023 },
  };
  const struct { const char *organ; guint year; } sorted[] = {
    { "A机关", 2023 }, { "乙", 2021 }, { "乙", 2024 }, { "甲", 2022 }, { "甲", 2023 }, { "甲", 2024 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (saves); i++)
    {
      g_autoptr(NbReport) report = make_report (saves[i].organ, saves[i].year, i);

      save_ok (store, report, NB_STORE_SAVE_NEW, "import");
    }
  {
    g_autoptr(NbReport) report = nb_store_load (store, "甲", 2023, NULL);

    nb_report_set_figure (report, 1, 123456);
    save_ok (store, report, NB_STORE_SAVE_ANY, "editor");
  }

  list = nb_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (sorted));
  for (guint i = 0; i < list->len; i++)
    {
      NbStoreEntry *entry = g_ptr_array_index (list, i);

      g_assert_cmpstr (entry->organ, ==, sorted[i].organ);
      g_assert_cmpuint (entry->year, ==, sorted[i].year);
      g_assert_cmpstr (entry->status, ==, "draft");
      g_assert_cmpint (entry->revision, ==, sorted[i].year == 2023 && strcmp (sorted[i].organ, "甲") == 0 ? 2 : 1);
      g_assert_nonnull (entry->updated);
    }
}

/* A save that fails half-way leaves nothing of itself behind. */
static void
test_rollback (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) store = open_store (fixture->path);
  g_autoptr(NbReport) report = make_report ("子市", 2024, 0);
  g_autoptr(NbReport) changed = NULL;
  g_autoptr(NbReport) loaded = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  char *message = NULL;
  sqlite3 *db = nb_store_get_db (store);

  save_ok (store, report, NB_STORE_SAVE_NEW, "import");
  changed = nb_report_copy (report);
  nb_report_set_organ_field (changed, NB_ORGAN_ADDRESS, "别处");
  nb_report_set_figure (changed, 3, 777);
  nb_report_set_part (changed, NB_TEXT_PROBLEMS, 0, NULL, "改了");

  /* the parts are written after the organ and the figures: make them fail */
  g_assert_cmpint (sqlite3_exec (db, "CREATE TEMP TRIGGER boom BEFORE INSERT ON main.parts"
                                 " BEGIN SELECT RAISE (ABORT, 'boom'); END;",
                                 NULL, NULL, &message), ==, SQLITE_OK);
  g_assert_false (nb_store_save (store, changed, NB_STORE_SAVE_ANY, "editor", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "boom"));
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER temp.boom", NULL, NULL, &message), ==, SQLITE_OK);

  loaded = nb_store_load (store, "子市", 2024, &error);
  g_assert_no_error (error);
  g_assert_true (nb_report_equal (loaded, report));
  g_assert_cmpint (nb_store_get_revision (store, "子市", 2024, NULL), ==, 1);
  history = nb_store_history (store, "子市", 2024, NULL, NULL);
  g_assert_cmpuint (history->len, ==, NB_N_CELLS - 1 + 5 + 2 + 3);

  /* and the store still works afterwards */
  save_ok (store, changed, NB_STORE_SAVE_ANY, "editor");
  g_assert_cmpint (nb_store_get_revision (store, "子市", 2024, NULL), ==, 2);
}

/* The edit log cannot be rewritten, not even with SQL. */
static void
test_append_only (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) store = open_store (fixture->path);
  g_autoptr(NbReport) report = make_report ("丑县", 2024, 0);
  sqlite3 *db = nb_store_get_db (store);

  save_ok (store, report, NB_STORE_SAVE_NEW, "import");
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM edits", NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE edits SET new = 'x'", NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM edits WHERE new = 'x'"), ==, 0);
}

/* A process killed mid-session loses no committed save. */
static void
test_killed (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbReport) expected = make_report ("寅区", 2024, 0);
  g_autoptr(NbReport) loaded = NULL;
  g_autoptr(NbStore) store = NULL;
  g_autofree char *wal = g_strdup_printf ("%s-wal", fixture->path);
  int status = 0;
  pid_t pid;

  for (guint i = 1; i <= 5; i++)
    nb_report_set_figure (expected, 0, 1000 + i);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      NbStore *child = nb_store_open (fixture->path, NULL);
      NbReport *report = make_report ("寅区", 2024, 0);

      if (child == NULL || !nb_store_save (child, report, NB_STORE_SAVE_NEW, "editor", NULL))
        _exit (1);
      for (guint i = 1; i <= 5; i++)
        {
          nb_report_set_figure (report, 0, 1000 + i);
          if (!nb_store_save (child, report, NB_STORE_SAVE_ANY, "editor", NULL))
            _exit (1);
        }
      raise (SIGKILL);
      _exit (2);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  /* no clean close: the committed saves are only in the WAL */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  store = open_store (fixture->path);
  g_assert_cmpint (nb_store_get_revision (store, "寅区", 2024, NULL), ==, 6);
  loaded = nb_store_load (store, "寅区", 2024, NULL);
  g_assert_true (nb_report_equal (loaded, expected));
}

/* After a checkpoint the database file alone (what survives a power cut
 * that loses the -wal's unsynced tail) holds every save. */
static void
test_checkpoint (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) store = open_store (fixture->path);
  g_autoptr(NbReport) report = make_report ("午区", 2024, 0);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(GError) error = NULL;

  save_ok (store, report, NB_STORE_SAVE_NEW, "editor");
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autofree char *contents = NULL;
      g_autoptr(NbStore) other = NULL;
      g_autoptr(NbReport) loaded = NULL;
      gsize length = 0;

      if (pass == 1)
        {
          g_assert_true (nb_store_checkpoint (store, &error));
          g_assert_no_error (error);
        }
      g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, (gssize) length, NULL));
      other = open_store (copy);
      loaded = nb_store_load (other, "午区", 2024, pass == 0 ? NULL : &error);
      g_assert_no_error (error);
      if (pass == 0)
        g_assert_null (loaded); /* still only in the -wal */
      else
        g_assert_true (nb_report_equal (loaded, report));
    }
}

/* A writer killed in the middle of a transaction under the rollback
 * journal (what SQLite falls back to where WAL is impossible) leaves a hot
 * journal: opening rolls it back and the data is as before. */
static void make_database (const char *path);

static void
test_hot_journal (Fixture *fixture, gconstpointer data)
{
  g_autofree char *journal = g_strdup_printf ("%s-journal", fixture->path);
  g_autoptr(NbReport) expected = make_report ("巳市", 2020, 2020);
  g_autoptr(NbReport) loaded = NULL;
  g_autoptr(NbStore) store = NULL;
  int status = 0;
  pid_t pid;

  make_database (fixture->path);
  exec_raw (fixture->path, "PRAGMA journal_mode = DELETE;");

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;

      /* a tiny cache makes SQLite write changed pages into the file
       * before the commit, as a big transaction would */
      if (sqlite3_open (fixture->path, &db) != SQLITE_OK ||
          sqlite3_exec (db, "PRAGMA cache_size = 2; BEGIN;"
                            " UPDATE figures SET value = value + 1;"
                            " UPDATE reports SET revision = 99;", NULL, NULL, NULL) != SQLITE_OK)
        _exit (1);
      raise (SIGKILL);
      _exit (2);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));

  store = open_store (fixture->path);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (nb_store_get_revision (store, "巳市", 2020, NULL), ==, 1);
  loaded = nb_store_load (store, "巳市", 2020, NULL);
  g_assert_true (nb_report_equal (loaded, expected));
}

/* Version 1 as it shipped: a database made by hand, with data, migrated on open. */
static void
make_v1_database (const char *path)
{
  g_autofree char *sql = g_strdup_printf (
    "%s"
    "PRAGMA application_id = %d; PRAGMA user_version = 1;"
    "INSERT INTO organs (id, name, address) VALUES (1, '卯区人民政府', '卯区1号');"
    "INSERT INTO reports (id, organ_id, year, issued, revision, updated)"
    "  VALUES (1, 1, 2023, '2024-01-15', 2, '2024-01-15T08:00:00.000Z');"
    "INSERT INTO figures VALUES (1, 't3.new.natural', 12), (1, 't2.fees.amount', 1500000);"
    "INSERT INTO parts VALUES (1, 'overview', 0, '（一）主动公开', '正文。');"
    "INSERT INTO edits (at, report_id, field, old, new, source, revision) VALUES"
    "  ('2024-01-10T08:00:00.000Z', 1, 'organ.address', NULL, '卯区1号', 'import', 1),"
    "  ('2024-01-10T08:00:00.000Z', 1, 'issued', NULL, '2024-01-15', 'import', 1),"
    "  ('2024-01-10T08:00:00.000Z', 1, 't3.new.natural', NULL, '10', 'import', 1),"
    "  ('2024-01-10T08:00:00.000Z', 1, 't2.fees.amount', NULL, '1.5', 'import', 1),"
    "  ('2024-01-10T08:00:00.000Z', 1, 'overview', NULL,"
    "   '[{\"heading\":\"（一）主动公开\",\"body\":\"正文。\"}]', 'import', 1),"
    "  ('2024-01-15T08:00:00.000Z', 1, 't3.new.natural', '10', '12', 'editor', 2);",
    nb_store_schema_step (1), NB_STORE_APPLICATION_ID);

  exec_raw (path, sql);
}

static void
test_migration (Fixture *fixture, gconstpointer data)
{
  g_autofree char *bak = g_strdup_printf ("%s.v1.bak", fixture->path);
  g_autoptr(NbStore) store = NULL;
  g_autoptr(NbReport) expected = nb_report_new ();
  g_autoptr(NbReport) loaded = NULL;
  g_autoptr(NbReport) first = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  gint64 value = 0;

  make_v1_database (fixture->path);
  g_assert_false (g_file_test (bak, G_FILE_TEST_EXISTS));

  store = open_store (fixture->path);
  g_assert_cmpint (query_int (nb_store_get_db (store), "PRAGMA user_version"), ==, 2);

  nb_report_set_organ_field (expected, NB_ORGAN_NAME, "卯区人民政府");
  nb_report_set_organ_field (expected, NB_ORGAN_ADDRESS, "卯区1号");
  nb_report_set_year (expected, 2023);
  g_assert_true (nb_report_set_issued (expected, "2024-01-15", NULL));
  nb_report_set_figure (expected, nb_format_cell_by_id ("t3.new.natural"), 12);
  nb_report_set_figure (expected, FEE_CELL, 1500000);
  nb_report_insert_part (expected, NB_TEXT_OVERVIEW, -1, "（一）主动公开", "正文。");
  loaded = nb_store_load (store, "卯区人民政府", 2023, &error);
  g_assert_no_error (error);
  g_assert_true (nb_report_equal (loaded, expected));
  g_assert_cmpint (nb_store_get_revision (store, "卯区人民政府", 2023, NULL), ==, 2);

  history = nb_store_history (store, "卯区人民政府", 2023, NULL, NULL);
  g_assert_cmpuint (history->len, ==, 6);
  first = nb_store_load_revision (store, "卯区人民政府", 2023, 1, &error);
  g_assert_no_error (error);
  g_assert_true (nb_report_get_figure (first, nb_format_cell_by_id ("t3.new.natural"), &value));
  g_assert_cmpint (value, ==, 10);

  /* the tables of version 2 are there and work */
  g_assert_true (nb_store_acknowledge (store, "卯区人民政府", 2023, "W7", "ok", &error));
  g_assert_no_error (error);

  /* the backup is the database as it was before */
  g_assert_true (g_file_test (bak, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (sqlite3_open_v2 (bak, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query_int (db, "PRAGMA application_id"), ==, NB_STORE_APPLICATION_ID);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM figures"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM edits"), ==, 6);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'acks'"), ==, 0);
  sqlite3_close (db);

  /* opening again migrates nothing and makes no new backup */
  g_clear_object (&store);
  g_remove (bak);
  store = open_store (fixture->path);
  g_assert_false (g_file_test (bak, G_FILE_TEST_EXISTS));
}

/* A step that fails leaves the database at its old version, whole. */
static void
test_migration_fails (Fixture *fixture, gconstpointer data)
{
  g_autofree char *bak = g_strdup_printf ("%s.v1.bak", fixture->path);
  g_autoptr(GError) error = NULL;
  NbStore *store;
  sqlite3 *db = NULL;

  make_v1_database (fixture->path);
  /* something in the way of step 2 */
  exec_raw (fixture->path, "CREATE TABLE exports (x);");

  store = nb_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_true (g_file_test (bak, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'acks'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM figures"), ==, 2);
  sqlite3_close (db);
}

/* An empty database of ours (version 0) is brought up to date too. */
static void
test_migration_from_zero (Fixture *fixture, gconstpointer data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d;", NB_STORE_APPLICATION_ID);
  g_autofree char *bak = g_strdup_printf ("%s.v0.bak", fixture->path);
  g_autoptr(NbStore) store = NULL;
  g_autoptr(NbReport) report = make_report ("辰", 2024, 0);

  exec_raw (fixture->path, sql);
  store = open_store (fixture->path);
  g_assert_cmpint (query_int (nb_store_get_db (store), "PRAGMA user_version"), ==, NB_STORE_SCHEMA_VERSION);
  g_assert_true (g_file_test (bak, G_FILE_TEST_IS_REGULAR));
  save_ok (store, report, NB_STORE_SAVE_NEW, "import");
}

/* Opens @path expecting @code, and checks that the file is exactly as it
 * was and that nothing was made beside it. */
static void
assert_refused (const char *dir, const char *path, NbStoreError code)
{
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  NbStore *store;
  const char *suffixes[] = { "-journal", "-wal", "-shm" };

  g_assert_cmpuint (count_entries (dir), ==, 1);
  store = nb_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, NB_STORE_ERROR, (int) code);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("%s", error->message);

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      g_assert_false (g_file_test (side, G_FILE_TEST_EXISTS));
    }
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

/* A real database with some data, closed cleanly. */
static void
make_database (const char *path)
{
  g_autoptr(NbStore) store = open_store (path);

  for (guint year = 2015; year <= 2024; year++)
    {
      g_autoptr(NbReport) report = make_report ("巳市", year, year);

      save_ok (store, report, NB_STORE_SAVE_NEW, "import");
    }
}

static void
test_refuse_foreign (Fixture *fixture, gconstpointer data)
{
  exec_raw (fixture->path, "CREATE TABLE contacts (name TEXT, phone TEXT);"
                           "INSERT INTO contacts VALUES ('someone', '123');");
  assert_refused (fixture->dir, fixture->path, NB_STORE_ERROR_NOT_NIANBAO);
}

static void
test_refuse_random (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (fixture->path, (const char *) bytes, sizeof bytes, NULL));
  assert_refused (fixture->dir, fixture->path, NB_STORE_ERROR_NOT_NIANBAO);
}

static void
test_refuse_text (Fixture *fixture, gconstpointer data)
{
  g_assert_true (g_file_set_contents (fixture->path, "政府信息公开工作年度报告\nnot a database\n", -1, NULL));
  assert_refused (fixture->dir, fixture->path, NB_STORE_ERROR_NOT_NIANBAO);
}

static void
test_refuse_empty (Fixture *fixture, gconstpointer data)
{
  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));
  assert_refused (fixture->dir, fixture->path, NB_STORE_ERROR_NOT_NIANBAO);
}

static void
test_refuse_truncated (Fixture *fixture, gconstpointer data)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  make_database (fixture->path);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);

  /* cut in half, on a page boundary and off one */
  g_assert_true (g_file_set_contents (fixture->path, contents, (gssize) (length / 2), NULL));
  assert_refused (fixture->dir, fixture->path, NB_STORE_ERROR_CORRUPT);
  g_assert_true (g_file_set_contents (fixture->path, contents, (gssize) (length / 2 + 1000), NULL));
  assert_refused (fixture->dir, fixture->path, NB_STORE_ERROR_CORRUPT);
}

static void
test_refuse_damaged_schema (Fixture *fixture, gconstpointer data)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  make_database (fixture->path);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  /* page 1 after the file header holds the schema's b-tree */
  memset (contents + 100, 0xA5, 4096 - 100);
  g_assert_true (g_file_set_contents (fixture->path, contents, (gssize) length, NULL));
  assert_refused (fixture->dir, fixture->path, NB_STORE_ERROR_CORRUPT);
}

static void
test_refuse_newer (Fixture *fixture, gconstpointer data)
{
  make_database (fixture->path);
  exec_raw (fixture->path, "PRAGMA user_version = 99;");
  assert_refused (fixture->dir, fixture->path, NB_STORE_ERROR_NEWER);
}

/* Two writers on one file: the three-way merge of nb_store_save_full(). */

typedef struct
{
  guint figures[NB_N_CELLS];
  guint parts[NB_N_TEXT_SECTIONS];
  guint organ[NB_N_ORGAN_FIELDS];
  guint other;
} Changes;

static void
count_change_cb (NbReport *report, guint what, guint index, Changes *changes)
{
  switch (what)
    {
    case NB_CHANGE_FIGURE:
      changes->figures[index]++;
      break;
    case NB_CHANGE_PARTS:
      changes->parts[index]++;
      break;
    case NB_CHANGE_ORGAN:
      changes->organ[index]++;
      break;
    default:
      changes->other++;
      break;
    }
}

static NbReport *
load_ok (NbStore *store, const char *organ, guint year)
{
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_store_load (store, organ, year, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static guint
save_merging (NbStore *store, NbReport *report, NbStoreSaveMode mode, const char *source)
{
  g_autoptr(GError) error = NULL;
  guint n_merged = G_MAXUINT;

  g_assert_true (nb_store_save_full (store, report, mode, source, &n_merged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_merged, !=, G_MAXUINT);
  return n_merged;
}

static gint64
figure_of (NbReport *report, guint cell)
{
  gint64 value = -1;

  g_assert_true (nb_report_get_figure (report, cell, &value));
  return value;
}

/* What a third party finds in the file. */
static NbReport *
load_fresh (const char *path, const char *organ, guint year)
{
  g_autoptr(NbStore) store = open_store (path);

  return load_ok (store, organ, year);
}

static void
test_merge_other_writer (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) a = open_store (fixture->path);
  g_autoptr(NbStore) b = open_store (fixture->path);
  g_autoptr(NbReport) imported = make_report ("合并局", 2024, 0);
  g_autoptr(NbReport) mine = NULL;
  g_autoptr(NbReport) theirs = NULL;
  g_autoptr(NbReport) stored = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  guint x = nb_format_cell_by_id ("t3.new.business");
  guint y = nb_format_cell_by_id ("t3.new.natural");
  guint z = nb_format_cell_by_id ("t4.review.upheld");
  Changes changes = { { 0 } };

  save_ok (a, imported, NB_STORE_SAVE_NEW, "import");
  mine = load_ok (a, "合并局", 2024);
  theirs = load_ok (b, "合并局", 2024);
  g_signal_connect (mine, "changed", G_CALLBACK (count_change_cb), &changes);

  /* nianbao-cli set, say, while the editor has the report open */
  nb_report_set_figure (theirs, x, 4242);
  g_assert_cmpuint (save_merging (b, theirs, NB_STORE_SAVE_ANY, "cli"), ==, 0);

  nb_report_set_figure (mine, y, 3131);
  g_assert_cmpuint (save_merging (a, mine, NB_STORE_SAVE_ANY, "editor"), ==, 1);
  /* the editor shows the other writer's figure, told by "changed" */
  g_assert_cmpint (figure_of (mine, x), ==, 4242);
  g_assert_cmpuint (changes.figures[x], ==, 1);
  g_assert_cmpuint (changes.figures[y], ==, 1);
  g_assert_cmpuint (changes.other, ==, 0);

  stored = load_fresh (fixture->path, "合并局", 2024);
  g_assert_cmpint (figure_of (stored, x), ==, 4242);
  g_assert_cmpint (figure_of (stored, y), ==, 3131);
  g_assert_true (nb_report_equal (stored, mine));
  g_assert_cmpint (nb_store_get_revision (a, "合并局", 2024, NULL), ==, 3);
  /* the editor's save logged its own change, not the other one again */
  edits = edits_of_revision (a, "合并局", 2024, 3);
  g_assert_cmpuint (edits->len, ==, 1);
  g_assert_cmpstr (((NbStoreEdit *) g_ptr_array_index (edits, 0))->field, ==, "t3.new.natural");
  g_assert_cmpstr (((NbStoreEdit *) g_ptr_array_index (edits, 0))->new_value, ==, "3131");

  /* now in step: nothing to merge, nothing to store */
  g_assert_cmpuint (save_merging (a, mine, NB_STORE_SAVE_ANY, "editor"), ==, 0);
  g_assert_cmpint (nb_store_get_revision (a, "合并局", 2024, NULL), ==, 3);

  /* and the other way round: B's copy is stale by A's figure */
  nb_report_set_figure (theirs, z, 7);
  g_assert_cmpuint (save_merging (b, theirs, NB_STORE_SAVE_ANY, "cli"), ==, 1);
  g_assert_cmpint (figure_of (theirs, y), ==, 3131);
  g_clear_object (&stored);
  stored = load_fresh (fixture->path, "合并局", 2024);
  g_assert_cmpint (figure_of (stored, x), ==, 4242);
  g_assert_cmpint (figure_of (stored, y), ==, 3131);
  g_assert_cmpint (figure_of (stored, z), ==, 7);

  /* a cell the other writer blanked is blanked here too */
  nb_report_clear_figure (theirs, x);
  save_ok (b, theirs, NB_STORE_SAVE_ANY, "cli");
  g_assert_cmpuint (save_merging (a, mine, NB_STORE_SAVE_ANY, "editor"), ==, 2);
  g_assert_false (nb_report_has_figure (mine, x));
  g_assert_cmpint (figure_of (mine, z), ==, 7);
}

/* Both change the same figure: the last save wins, and the log has both. */
static void
test_merge_same_field (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) a = open_store (fixture->path);
  g_autoptr(NbStore) b = open_store (fixture->path);
  g_autoptr(NbReport) imported = make_report ("同改局", 2024, 0);
  g_autoptr(NbReport) mine = NULL;
  g_autoptr(NbReport) theirs = NULL;
  g_autoptr(NbReport) stored = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  guint x = nb_format_cell_by_id ("t3.disclosed.total");
  g_autofree char *original = NULL;
  const NbStoreEdit *edit;

  save_ok (a, imported, NB_STORE_SAVE_NEW, "import");
  original = nb_report_dup_figure_text (imported, x);
  mine = load_ok (a, "同改局", 2024);
  theirs = load_ok (b, "同改局", 2024);

  nb_report_set_figure (theirs, x, 11);
  save_ok (b, theirs, NB_STORE_SAVE_ANY, "cli");
  nb_report_set_figure (mine, x, 22);
  g_assert_cmpuint (save_merging (a, mine, NB_STORE_SAVE_ANY, "editor"), ==, 0);
  g_assert_cmpint (figure_of (mine, x), ==, 22);

  stored = load_fresh (fixture->path, "同改局", 2024);
  g_assert_cmpint (figure_of (stored, x), ==, 22);
  history = nb_store_history (a, "同改局", 2024, "t3.disclosed.total", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  edit = g_ptr_array_index (history, 1);
  g_assert_cmpstr (edit->old_value, ==, original);
  g_assert_cmpstr (edit->new_value, ==, "11");
  g_assert_cmpstr (edit->source, ==, "cli");
  edit = g_ptr_array_index (history, 2);
  g_assert_cmpstr (edit->old_value, ==, "11");
  g_assert_cmpstr (edit->new_value, ==, "22");
  g_assert_cmpstr (edit->source, ==, "editor");

  /* the loser's next save takes the winner's value rather than undo it */
  g_assert_cmpuint (save_merging (b, theirs, NB_STORE_SAVE_ANY, "cli"), ==, 1);
  g_assert_cmpint (figure_of (theirs, x), ==, 22);
  g_assert_cmpint (nb_store_get_revision (b, "同改局", 2024, NULL), ==, 3);
}

/* Texts merge a whole section at a time; organ fields, the date of issue
 * and the preamble one field at a time. */
static void
test_merge_texts_and_organ (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) a = open_store (fixture->path);
  g_autoptr(NbStore) b = open_store (fixture->path);
  g_autoptr(NbReport) imported = make_report ("文字局", 2024, 0);
  g_autoptr(NbReport) mine = NULL;
  g_autoptr(NbReport) theirs = NULL;
  g_autoptr(NbReport) stored = NULL;
  g_autoptr(GPtrArray) history = NULL;
  Changes changes = { { 0 } };

  save_ok (a, imported, NB_STORE_SAVE_NEW, "import");
  mine = load_ok (a, "文字局", 2024);
  theirs = load_ok (b, "文字局", 2024);
  g_signal_connect (mine, "changed", G_CALLBACK (count_change_cb), &changes);

  nb_report_set_part (theirs, NB_TEXT_PROBLEMS, 0, NULL, "别处改的整改情况。");
  nb_report_remove_part (theirs, NB_TEXT_OVERVIEW, 2);
  nb_report_set_organ_field (theirs, NB_ORGAN_TELEPHONE, "010-99999999");
  g_assert_true (nb_report_set_issued (theirs, "2025-02-01", NULL));
  nb_report_set_preamble (theirs, NULL);
  save_ok (b, theirs, NB_STORE_SAVE_ANY, "editor");

  nb_report_set_part (mine, NB_TEXT_OTHER, 0, "（一）收费情况", NULL);
  nb_report_set_organ_field (mine, NB_ORGAN_ADDRESS, "新址大道9号");
  memset (&changes, 0, sizeof changes);
  g_assert_cmpuint (save_merging (a, mine, NB_STORE_SAVE_ANY, "editor"), ==, 5);

  g_assert_cmpstr (nb_report_get_part_body (mine, NB_TEXT_PROBLEMS, 0), ==, "别处改的整改情况。");
  g_assert_cmpuint (nb_report_get_n_parts (mine, NB_TEXT_OVERVIEW), ==, 2);
  g_assert_cmpstr (nb_report_get_part_heading (mine, NB_TEXT_OTHER, 0), ==, "（一）收费情况");
  g_assert_cmpstr (nb_report_get_organ_field (mine, NB_ORGAN_TELEPHONE), ==, "010-99999999");
  g_assert_cmpstr (nb_report_get_organ_field (mine, NB_ORGAN_ADDRESS), ==, "新址大道9号");
  g_assert_cmpstr (nb_report_get_issued (mine), ==, "2025-02-01");
  g_assert_null (nb_report_get_preamble (mine));
  g_assert_cmpuint (changes.parts[NB_TEXT_PROBLEMS], ==, 1);
  g_assert_cmpuint (changes.parts[NB_TEXT_OVERVIEW], ==, 1);
  g_assert_cmpuint (changes.parts[NB_TEXT_OTHER], ==, 0);
  g_assert_cmpuint (changes.organ[NB_ORGAN_TELEPHONE], ==, 1);
  g_assert_cmpuint (changes.organ[NB_ORGAN_ADDRESS], ==, 0);
  g_assert_cmpuint (changes.other, ==, 2); /* issued, preamble */

  stored = load_fresh (fixture->path, "文字局", 2024);
  g_assert_true (nb_report_equal (stored, mine));

  /* two different parts of one section: the section is one field, so the
   * last save's whole section wins; the log keeps the other one's text */
  nb_report_set_part (theirs, NB_TEXT_OVERVIEW, 0, NULL, "乙写的。");
  g_assert_cmpuint (save_merging (b, theirs, NB_STORE_SAVE_ANY, "editor"), ==, 2); /* address, other */
  nb_report_set_part (mine, NB_TEXT_OVERVIEW, 1, NULL, "甲写的。");
  g_assert_cmpuint (save_merging (a, mine, NB_STORE_SAVE_ANY, "editor"), ==, 0);
  g_clear_object (&stored);
  stored = load_fresh (fixture->path, "文字局", 2024);
  g_assert_cmpstr (nb_report_get_part_body (stored, NB_TEXT_OVERVIEW, 1), ==, "甲写的。");
  g_assert_cmpstr (nb_report_get_part_body (stored, NB_TEXT_OVERVIEW, 0), !=, "乙写的。");
  history = nb_store_history (a, "文字局", 2024, "overview", NULL);
  g_assert_cmpuint (history->len, ==, 4);
  g_assert_nonnull (strstr (((NbStoreEdit *) g_ptr_array_index (history, 2))->new_value, "乙写的。"));
  g_assert_nonnull (strstr (((NbStoreEdit *) g_ptr_array_index (history, 3))->old_value, "乙写的。"));
}

/* A report the connection did not load (an import), and every
 * NB_STORE_SAVE_REPLACE, is stored as it is. */
static void
test_merge_no_base (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) b = open_store (fixture->path);
  g_autoptr(NbReport) imported = make_report ("导入局", 2024, 0);
  g_autoptr(NbReport) theirs = NULL;
  g_autoptr(NbReport) stored = NULL;
  guint x = nb_format_cell_by_id ("t3.new.business");

  save_ok (b, imported, NB_STORE_SAVE_NEW, "import");
  theirs = load_ok (b, "导入局", 2024);
  nb_report_set_figure (theirs, x, 4242);
  save_ok (b, theirs, NB_STORE_SAVE_ANY, "editor");

  {
    g_autoptr(NbStore) a = open_store (fixture->path);
    g_autoptr(NbReport) again = make_report ("导入局", 2024, 0);

    g_assert_cmpuint (save_merging (a, again, NB_STORE_SAVE_ANY, "import"), ==, 0);
    stored = load_fresh (fixture->path, "导入局", 2024);
    g_assert_true (nb_report_equal (stored, again));
  }

  {
    g_autoptr(NbStore) a = open_store (fixture->path);
    g_autoptr(NbReport) mine = load_ok (a, "导入局", 2024);
    g_autoptr(NbReport) replacement = make_report ("导入局", 2024, 3);

    nb_report_set_figure (theirs, x, 5353);
    save_ok (b, theirs, NB_STORE_SAVE_ANY, "editor");
    /* the same values as the base A loaded: with ANY they would give way */
    nb_report_assign (replacement, mine);
    nb_report_set_figure (replacement, 0, 1);
    g_assert_cmpuint (save_merging (a, replacement, NB_STORE_SAVE_REPLACE, "import"), ==, 0);
    g_clear_object (&stored);
    stored = load_fresh (fixture->path, "导入局", 2024);
    g_assert_true (nb_report_equal (stored, replacement));
    g_assert_cmpint (figure_of (stored, x), ==, figure_of (mine, x));
    g_assert_cmpint (figure_of (stored, x), !=, 5353);
  }
}

/* A save that fails merges nothing into the report either. */
static void
test_merge_failed_save (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) a = open_store (fixture->path);
  g_autoptr(NbStore) b = open_store (fixture->path);
  g_autoptr(NbReport) imported = make_report ("失败局", 2024, 0);
  g_autoptr(NbReport) mine = NULL;
  g_autoptr(NbReport) theirs = NULL;
  g_autoptr(NbReport) before = NULL;
  g_autoptr(GError) error = NULL;
  guint x = nb_format_cell_by_id ("t3.new.business");
  guint y = nb_format_cell_by_id ("t3.new.natural");
  guint n_merged = 99;
  sqlite3 *db = nb_store_get_db (a);

  save_ok (a, imported, NB_STORE_SAVE_NEW, "import");
  mine = load_ok (a, "失败局", 2024);
  theirs = load_ok (b, "失败局", 2024);
  nb_report_set_figure (theirs, x, 4242);
  save_ok (b, theirs, NB_STORE_SAVE_ANY, "cli");

  nb_report_set_figure (mine, y, 3131);
  before = nb_report_copy (mine);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TEMP TRIGGER boom BEFORE INSERT ON main.edits"
                                 " BEGIN SELECT RAISE (ABORT, 'boom'); END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (nb_store_save_full (a, mine, NB_STORE_SAVE_ANY, "editor", &n_merged, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_IO);
  g_assert_cmpuint (n_merged, ==, 0);
  g_assert_true (nb_report_equal (mine, before));
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER temp.boom", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpuint (save_merging (a, mine, NB_STORE_SAVE_ANY, "editor"), ==, 1);
  g_assert_cmpint (figure_of (mine, x), ==, 4242);
  g_assert_cmpint (figure_of (mine, y), ==, 3131);
}

typedef struct
{
  NbStore *store;
  guint y;
  guint n_nested;
  gboolean saving;
  guint calls;
} Reentrant;

/* A "changed" handler that saves at once, in the middle of the merge. */
static void
save_again_cb (NbReport *report, guint what, guint index, Reentrant *r)
{
  if (r->saving || what != NB_CHANGE_FIGURE || index == r->y || r->calls++ > 0)
    return;
  r->saving = TRUE;
  r->n_nested = save_merging (r->store, report, NB_STORE_SAVE_ANY, "editor");
  r->saving = FALSE;
}

static void
test_merge_reentrant (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) a = open_store (fixture->path);
  g_autoptr(NbStore) b = open_store (fixture->path);
  g_autoptr(NbReport) imported = make_report ("重入局", 2024, 0);
  g_autoptr(NbReport) mine = NULL;
  g_autoptr(NbReport) theirs = NULL;
  g_autoptr(NbReport) stored = NULL;
  Reentrant r = { a, nb_format_cell_by_id ("t3.new.natural"), 0, FALSE, 0 };
  guint n_merged;

  save_ok (a, imported, NB_STORE_SAVE_NEW, "import");
  mine = load_ok (a, "重入局", 2024);
  theirs = load_ok (b, "重入局", 2024);
  for (guint row = 0; row < 3; row++)
    nb_report_set_figure (theirs, nb_format_t3_cell (row, 1), 9000 + row);
  save_ok (b, theirs, NB_STORE_SAVE_ANY, "cli");

  nb_report_set_figure (mine, r.y, 3131);
  g_signal_connect (mine, "changed", G_CALLBACK (save_again_cb), &r);
  n_merged = save_merging (a, mine, NB_STORE_SAVE_ANY, "editor");
  g_assert_cmpuint (r.calls, >, 0);
  g_assert_cmpuint (n_merged + r.n_nested, ==, 3);

  stored = load_fresh (fixture->path, "重入局", 2024);
  for (guint row = 0; row < 3; row++)
    {
      g_assert_cmpint (figure_of (stored, nb_format_t3_cell (row, 1)), ==, 9000 + row);
      g_assert_cmpint (figure_of (mine, nb_format_t3_cell (row, 1)), ==, 9000 + row);
    }
  g_assert_cmpint (figure_of (stored, r.y), ==, 3131);
  g_assert_true (nb_report_equal (stored, mine));
}

/* The store keeps the bases of the reports in use, not of every report a
 * bulk reader ever loaded. */
static void
test_merge_many_reports (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) a = open_store (fixture->path);
  g_autoptr(NbStore) b = open_store (fixture->path);
  g_autoptr(NbReport) mine = NULL;
  g_autoptr(NbReport) theirs = NULL;
  guint x = nb_format_cell_by_id ("t3.new.business");
  guint y = nb_format_cell_by_id ("t3.new.natural");

  for (guint year = 2000; year < 2100; year++)
    {
      g_autoptr(NbReport) report = make_report ("多年局", year, year);

      save_ok (a, report, NB_STORE_SAVE_NEW, "import");
    }

  /* the one being edited is saved now and then: it stays */
  mine = load_ok (a, "多年局", 2000);
  for (guint year = 2001; year < 2100; year++)
    {
      g_autoptr(NbReport) other = load_ok (a, "多年局", year);

      if (year % 20 == 0)
        save_ok (a, mine, NB_STORE_SAVE_ANY, "editor");
    }
  theirs = load_ok (b, "多年局", 2000);
  nb_report_set_figure (theirs, x, 4242);
  save_ok (b, theirs, NB_STORE_SAVE_ANY, "cli");
  nb_report_set_figure (mine, y, 3131);
  g_assert_cmpuint (save_merging (a, mine, NB_STORE_SAVE_ANY, "editor"), ==, 1);
  g_assert_cmpint (figure_of (mine, x), ==, 4242);

  /* one left alone behind a hundred others is stored as it is */
  g_clear_object (&mine);
  mine = load_ok (a, "多年局", 2001);
  for (guint year = 2002; year < 2100; year++)
    {
      g_autoptr(NbReport) other = load_ok (a, "多年局", year);
    }
  g_clear_object (&theirs);
  theirs = load_ok (b, "多年局", 2001);
  nb_report_set_figure (theirs, x, 4242);
  save_ok (b, theirs, NB_STORE_SAVE_ANY, "cli");
  nb_report_set_figure (mine, y, 3131);
  g_assert_cmpuint (save_merging (a, mine, NB_STORE_SAVE_ANY, "editor"), ==, 0);
  g_assert_cmpint (figure_of (mine, x), !=, 4242);
}

/* The database file deleted, moved away or replaced under an open store. */

static void
assert_sound (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
}

static void
assert_moved_error (GError *error, const char *path)
{
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "moved, replaced or deleted"));
}

static void
test_moved_deleted (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) store = open_store (fixture->path);
  g_autoptr(NbReport) report = make_report ("删除局", 2024, 0);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  save_ok (store, report, NB_STORE_SAVE_NEW, "editor");
  nb_report_set_figure (report, 0, 100);
  save_ok (store, report, NB_STORE_SAVE_ANY, "editor");
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);

  nb_report_set_figure (report, 0, 999);
  g_assert_false (nb_store_save (store, report, NB_STORE_SAVE_ANY, "editor", &error));
  assert_moved_error (error, fixture->path);
  g_assert_true (strstr (error->message, "nothing was saved") != NULL);
  g_clear_error (&error);
  /* and every call after it, without touching anything */
  g_assert_false (nb_store_save (store, report, NB_STORE_SAVE_ANY, "editor", &error));
  assert_moved_error (error, fixture->path);
  g_clear_error (&error);
  g_assert_null (nb_store_load (store, "删除局", 2024, &error));
  assert_moved_error (error, fixture->path);
  g_clear_error (&error);
  g_assert_null (nb_store_list (store, &error));
  assert_moved_error (error, fixture->path);
  g_clear_error (&error);
  g_assert_false (nb_store_checkpoint (store, &error));
  assert_moved_error (error, fixture->path);
  g_clear_error (&error);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_clear_object (&store);

  /* the next start makes a new database, with nothing of the old -wal */
  store = open_store (fixture->path);
  list = nb_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  assert_sound (nb_store_get_db (store));
}

/* Moved away (renamed): every committed save is in the moved file, whole,
 * though it was only in the -wal left behind at the old name. */
static void
test_moved_renamed (Fixture *fixture, gconstpointer data)
{
  g_autofree char *moved = g_build_filename (fixture->dir, "moved.db", NULL);
  g_autoptr(NbStore) store = open_store (fixture->path);
  g_autoptr(NbReport) report = make_report ("改名局", 2024, 0);
  g_autoptr(NbReport) saved = NULL;
  g_autoptr(NbReport) loaded = NULL;
  g_autoptr(GError) error = NULL;

  save_ok (store, report, NB_STORE_SAVE_NEW, "editor");
  for (guint i = 1; i <= 3; i++)
    {
      nb_report_set_figure (report, i, 100 + i);
      save_ok (store, report, NB_STORE_SAVE_ANY, "editor");
    }
  saved = nb_report_copy (report);
  g_assert_cmpint (g_rename (fixture->path, moved), ==, 0);

  nb_report_set_figure (report, 0, 999);
  g_assert_false (nb_store_save (store, report, NB_STORE_SAVE_ANY, "editor", &error));
  assert_moved_error (error, fixture->path);
  g_clear_error (&error);
  g_clear_object (&store);

  store = open_store (moved);
  loaded = load_ok (store, "改名局", 2024);
  g_assert_true (nb_report_equal (loaded, saved));
  g_assert_cmpint (nb_store_get_revision (store, "改名局", 2024, NULL), ==, 4);
  g_clear_object (&store);

  /* nor does the old name bring back anything */
  store = open_store (fixture->path);
  g_assert_null (nb_store_load (store, "改名局", 2024, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
}

/* Replaced (a backup copied back over it): the replacement is left exactly
 * as it was put there, whatever the store does afterwards. */
static void
test_moved_replaced (Fixture *fixture, gconstpointer data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "backup.db", NULL);
  g_autofree char *wal = g_strdup_printf ("%s-wal", fixture->path);
  g_autoptr(NbStore) store = NULL;
  g_autoptr(NbReport) a = make_report ("替换局", 2024, 1);
  g_autoptr(NbReport) b = make_report ("替换局", 2024, 2);
  g_autoptr(NbReport) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *after = NULL;

  {
    g_autoptr(NbStore) backup = open_store (other);

    nb_report_insert_part (b, NB_TEXT_OTHER, -1, "（二）备份", "备份里的文字，使文件大小不同。");
    save_ok (backup, b, NB_STORE_SAVE_NEW, "import");
  }
  store = open_store (fixture->path);
  save_ok (store, a, NB_STORE_SAVE_NEW, "editor");
  for (guint i = 0; i < 5; i++)
    {
      nb_report_set_figure (a, i, 100 + i);
      save_ok (store, a, NB_STORE_SAVE_ANY, "editor");
    }
  sum = file_checksum (other);
  g_assert_cmpint (g_rename (other, fixture->path), ==, 0);

  g_assert_null (nb_store_load (store, "替换局", 2024, &error));
  assert_moved_error (error, fixture->path);
  g_assert_null (strstr (error->message, "nothing was saved"));
  g_clear_error (&error);
  nb_report_set_figure (a, 0, 999);
  g_assert_false (nb_store_save (store, a, NB_STORE_SAVE_ANY, "editor", &error));
  assert_moved_error (error, fixture->path);
  g_clear_error (&error);
  /* the session's -wal, beside the new file, holds nothing of it */
  g_assert_true (!g_file_test (wal, G_FILE_TEST_EXISTS) || file_size (wal) == 0);
  g_clear_object (&store);

  after = file_checksum (fixture->path);
  g_assert_cmpstr (after, ==, sum);
  store = open_store (fixture->path);
  loaded = load_ok (store, "替换局", 2024);
  g_assert_true (nb_report_equal (loaded, b));
  assert_sound (nb_store_get_db (store));
}

/* No false alarm: a relative path, with the process in another folder. */
static void
test_moved_relative (Fixture *fixture, gconstpointer data)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(NbStore) store = NULL;
  g_autoptr(NbReport) report = make_report ("相对局", 2024, 0);

  g_assert_cmpint (g_chdir (fixture->dir), ==, 0);
  store = open_store ("nianbao.db");
  g_assert_cmpint (g_chdir ("/"), ==, 0);
  save_ok (store, report, NB_STORE_SAVE_NEW, "editor");
  g_clear_object (&report);
  report = load_ok (store, "相对局", 2024);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_clear_object (&store);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
}

static void
test_unwritable (Fixture *fixture, gconstpointer data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "plain-file", NULL);
  g_autofree char *below_file = g_build_filename (file, "sub", "nianbao.db", NULL);
  g_autofree char *locked = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *in_locked = g_build_filename (locked, "nianbao.db", NULL);
  g_autoptr(GError) error = NULL;
  NbStore *store;

  g_assert_true (g_file_set_contents (file, "x", -1, NULL));
  store = nb_store_open (below_file, &error);
  g_assert_null (store);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_IO);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
  if (access (locked, W_OK) == 0)
    {
      g_test_message ("running with the right to write anywhere: no read-only folder to try");
      return;
    }
  store = nb_store_open (in_locked, &error);
  g_assert_null (store);
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, in_locked));
  g_assert_cmpuint (count_entries (locked), ==, 0);
}

/* ---- status, rename, read-only, leftovers ---- */

static guint
count_field (NbStore *store, const char *organ, guint year, const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) edits = nb_store_history (store, organ, year, field, &error);

  g_assert_no_error (error);
  return edits->len;
}

/* What a refused change must leave alone: the file, its -wal, the log. */
static char *
dup_state (NbStore *store, const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *main_sum = file_checksum (path);
  g_autofree char *wal_sum = g_file_test (wal, G_FILE_TEST_EXISTS) ? file_checksum (wal) : g_strdup ("-");

  return g_strdup_printf ("%s %s %" G_GINT64_FORMAT, main_sum, wal_sum,
                          query_int (nb_store_get_db (store), "SELECT count(*) FROM edits"));
}

static void
test_status (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) store = open_store (fixture->path);
  g_autoptr(NbReport) report = make_report ("封存局", 2024, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const NbStoreEdit *edit;
  gint64 revision;

  save_ok (store, report, NB_STORE_SAVE_NEW, "import");
  g_assert_cmpstr (nb_store_get_status (store, "封存局", 2024, &error), ==, NB_STORE_STATUS_DRAFT);
  g_assert_no_error (error);
  revision = nb_store_get_revision (store, "封存局", 2024, NULL);

  /* garbage */
  g_assert_false (nb_store_set_status (store, "封存局", 2024, "sealed", "test", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nb_store_set_status (store, "封存局", 2024, NULL, "test", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nb_store_set_status (store, "无此局", 2024, NB_STORE_STATUS_FINAL, "test", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (nb_store_get_status (store, "封存局", 2023, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (count_field (store, "封存局", 2024, "status"), ==, 0);

  g_assert_true (nb_store_set_status (store, "封存局", 2024, NB_STORE_STATUS_FINAL, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (nb_store_get_status (store, "封存局", 2024, NULL), ==, NB_STORE_STATUS_FINAL);
  /* sealing is no change of the data: the revision stays */
  g_assert_cmpint (nb_store_get_revision (store, "封存局", 2024, NULL), ==, revision);
  /* marking it final again changes and logs nothing */
  g_assert_true (nb_store_set_status (store, "封存局", 2024, NB_STORE_STATUS_FINAL, "test", &error));
  g_assert_cmpuint (count_field (store, "封存局", 2024, "status"), ==, 1);

  /* every change is refused, and nothing changes */
  before = dup_state (store, fixture->path);
  nb_report_set_figure (report, 0, 4242);
  g_assert_false (nb_store_save (store, report, NB_STORE_SAVE_ANY, "editor", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "封存局"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_false (nb_store_save (store, report, NB_STORE_SAVE_REPLACE, "import", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (nb_store_acknowledge (store, "封存局", 2024, "W1:x", "on purpose", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (nb_store_rename_organ (store, "封存局", "新封存局", "test", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  after = dup_state (store, fixture->path);
  g_assert_cmpstr (before, ==, after);
  {
    g_autoptr(NbReport) stored = nb_store_load (store, "封存局", 2024, NULL);
    g_autoptr(GHashTable) acks = nb_store_get_acks (store, "封存局", 2024, NULL);
    gint64 value = 0;

    nb_report_get_figure (stored, 0, &value);
    g_assert_cmpint (value, !=, 4242);
    g_assert_nonnull (acks);
  }

  /* printing a sealed report again is normal */
  g_assert_true (nb_store_record_export (store, "封存局", 2024, revision,
                                         "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
                                         "{}", &error));
  g_assert_no_error (error);

  /* a draft again: changes go through */
  g_assert_true (nb_store_set_status (store, "封存局", 2024, NB_STORE_STATUS_DRAFT, "cli", &error));
  g_assert_no_error (error);
  save_ok (store, report, NB_STORE_SAVE_ANY, "editor");
  g_assert_cmpint (nb_store_get_revision (store, "封存局", 2024, NULL), ==, revision + 1);

  edits = nb_store_history (store, "封存局", 2024, "status", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (edits->len, ==, 2);
  edit = g_ptr_array_index (edits, 0);
  g_assert_cmpstr (edit->old_value, ==, "draft");
  g_assert_cmpstr (edit->new_value, ==, "final");
  g_assert_cmpstr (edit->source, ==, "test");
  edit = g_ptr_array_index (edits, 1);
  g_assert_cmpstr (edit->old_value, ==, "final");
  g_assert_cmpstr (edit->new_value, ==, "draft");
  g_assert_cmpstr (edit->source, ==, "cli");

  /* the log's status rows do not disturb the rebuilt revisions */
  {
    g_autoptr(NbReport) old = nb_store_load_revision (store, "封存局", 2024, revision, &error);

    g_assert_no_error (error);
    g_assert_false (nb_report_has_figure (old, 5));
  }
  /* the status survives a reopen, and shows in the list */
  g_assert_true (nb_store_set_status (store, "封存局", 2024, NB_STORE_STATUS_FINAL, "cli", NULL));
  g_clear_object (&store);
  store = open_store (fixture->path);
  {
    g_autoptr(GPtrArray) list = nb_store_list (store, NULL);

    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpstr (((NbStoreEntry *) g_ptr_array_index (list, 0))->status, ==, "final");
  }
}

static void
test_rename (Fixture *fixture, gconstpointer data)
{
  g_autoptr(NbStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) acks = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *organ = NULL;
  const char *sum = "aa112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  const char *blanks[] = { "", "   ", "\t\n" };
  guint year = 0;
  gint64 revision;

  for (guint y = 2022; y <= 2024; y++)
    {
      g_autoptr(NbReport) report = make_report (y == 2022 ? "新名局" : "旧名局", y, y);

      save_ok (store, report, NB_STORE_SAVE_NEW, "import");
    }
  {
    g_autoptr(NbReport) clash = make_report ("撞名局", 2024, 7);

    save_ok (store, clash, NB_STORE_SAVE_NEW, "import");
  }
  g_assert_true (nb_store_acknowledge (store, "旧名局", 2024, "W2:k", "known", NULL));
  revision = nb_store_get_revision (store, "旧名局", 2024, NULL);
  g_assert_true (nb_store_record_export (store, "旧名局", 2024, revision, sum, "{}", NULL));

  /* garbage and refusals change nothing */
  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_assert_false (nb_store_rename_organ (store, "旧名局", blanks[i], "test", &error));
      g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_false (nb_store_rename_organ (store, "旧名局", NULL, "test", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (nb_store_rename_organ (store, "无此局", "别名", "test", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (nb_store_rename_organ (store, "旧名局", "撞名局", "test", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "2024"));
  g_clear_error (&error);
  g_assert_cmpint (nb_store_get_revision (store, "旧名局", 2024, NULL), ==, revision);
  g_assert_cmpuint (count_field (store, "旧名局", 2024, "organ.name"), ==, 0);

  /* into an organ that has other years */
  g_assert_true (nb_store_rename_organ (store, "旧名局", "新名局", "cli", &error));
  g_assert_no_error (error);
  list = nb_store_list (store, NULL);
  names = g_ptr_array_new ();
  for (guint i = 0; i < list->len; i++)
    {
      NbStoreEntry *entry = g_ptr_array_index (list, i);

      g_assert_cmpstr (entry->organ, !=, "旧名局");
      if (strcmp (entry->organ, "新名局") == 0)
        g_ptr_array_add (names, entry);
    }
  g_assert_cmpuint (names->len, ==, 3);
  g_assert_cmpint (nb_store_get_revision (store, "新名局", 2024, NULL), ==, revision + 1);
  {
    g_autoptr(NbReport) moved = nb_store_load (store, "新名局", 2024, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (nb_report_get_organ_name (moved), ==, "新名局");
  }
  acks = nb_store_get_acks (store, "新名局", 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (acks, "W2:k"), ==, "known");
  g_assert_true (nb_store_find_export (store, sum, &organ, &year, NULL, NULL, NULL, &error));
  g_assert_cmpstr (organ, ==, "新名局");
  g_assert_cmpuint (year, ==, 2024);
  {
    g_autoptr(GPtrArray) edits = nb_store_history (store, "新名局", 2023, "organ.name", &error);
    const NbStoreEdit *edit;

    g_assert_no_error (error);
    g_assert_cmpuint (edits->len, ==, 1);
    edit = g_ptr_array_index (edits, 0);
    g_assert_cmpstr (edit->old_value, ==, "旧名局");
    g_assert_cmpstr (edit->new_value, ==, "新名局");
    g_assert_cmpstr (edit->source, ==, "cli");
    /* the whole log came along */
    g_assert_cmpuint (count_field (store, "新名局", 2023, NULL), >, 10);
  }
  g_assert_null (nb_store_load (store, "旧名局", 2024, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* to a name nobody has: the organ row itself is renamed */
  g_assert_true (nb_store_rename_organ (store, "撞名局", "独名局", "cli", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (nb_store_get_db (store),
                              "SELECT count(*) FROM organs WHERE name = '撞名局'"), ==, 0);
  {
    g_autoptr(NbReport) report = nb_store_load (store, "独名局", 2024, &error);

    g_assert_no_error (error);
    /* a save of what was loaded under the new name goes to the same row */
    nb_report_set_figure (report, 0, 77);
    save_ok (store, report, NB_STORE_SAVE_ANY, "editor");
  }
  g_assert_cmpint (query_int (nb_store_get_db (store), "SELECT count(*) FROM reports"), ==, 4);
  /* a name to itself changes nothing */
  revision = nb_store_get_revision (store, "独名局", 2024, NULL);
  g_assert_true (nb_store_rename_organ (store, "独名局", "独名局", "cli", &error));
  g_assert_cmpint (nb_store_get_revision (store, "独名局", 2024, NULL), ==, revision);
}

/* An impostor: our application id and version, another program's columns.
 * Refused on opening, before the switch to WAL writes a byte. */
static void
test_refuse_impostor (Fixture *fixture, gconstpointer data)
{
  g_autofree char *sql =
    g_strdup_printf ("CREATE TABLE organs (x); CREATE TABLE reports (x); CREATE TABLE figures (x);"
                     "CREATE TABLE parts (x); CREATE TABLE edits (x); CREATE TABLE acks (x);"
                     "CREATE TABLE exports (x); PRAGMA application_id = %d; PRAGMA user_version = %d;",
                     NB_STORE_APPLICATION_ID, NB_STORE_SCHEMA_VERSION);

  exec_raw (fixture->path, sql);
  assert_refused (fixture->dir, fixture->path, NB_STORE_ERROR_CORRUPT);
}

/* What killed creations left beside the database goes at the next open;
 * a file still locked by its creator stays. */
static void
test_leftovers (Fixture *fixture, gconstpointer data)
{
  g_autofree char *dead = g_strconcat (fixture->path, ".new-AbC123", NULL);
  g_autofree char *dead_journal = g_strconcat (dead, "-journal", NULL);
  g_autofree char *orphan = g_strconcat (fixture->path, ".new-Zz9999-journal", NULL);
  g_autofree char *live = g_strconcat (fixture->path, ".new-LiVe00", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.db.new-AbC123", NULL);
  g_autoptr(NbStore) store = NULL;
  int fd;

  g_assert_true (g_file_set_contents (dead, "half", -1, NULL));
  g_assert_true (g_file_set_contents (dead_journal, "half", -1, NULL));
  g_assert_true (g_file_set_contents (orphan, "half", -1, NULL));
  g_assert_true (g_file_set_contents (live, "", -1, NULL));
  g_assert_true (g_file_set_contents (other, "not ours", -1, NULL));
  fd = g_open (live, O_RDONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);

  store = open_store (fixture->path);
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead_journal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (orphan, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  close (fd);
  g_clear_object (&store);
  store = open_store (fixture->path);
  g_assert_false (g_file_test (live, G_FILE_TEST_EXISTS));
}

/* The body of the read-only test, in a process of its own that cannot
 * write the folder: as "nobody" when the tests run as root (root writes
 * anywhere a file mode forbids), as itself otherwise. */
static void
read_only_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbStore) store = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  guint entries = count_entries (dir);

  if (getuid () == 0)
    {
      /* the folder is root's, 0555: root's groups give no right to write either */
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }
  g_assert_cmpint (access (dir, W_OK), !=, 0);

  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (nb_store_is_read_only (store));
  list = nb_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  report = nb_store_load (store, "只读局", 2024, &error);
  g_assert_no_error (error);
  edits = nb_store_history (store, "只读局", 2024, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (edits->len, >, 0);
  g_assert_cmpstr (nb_store_get_status (store, "只读局", 2024, &error), ==, "draft");
  g_assert_true (nb_store_find_export (store, "bb112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
                                       NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  nb_report_set_figure (report, 0, 99);
  g_assert_false (nb_store_save (store, report, NB_STORE_SAVE_ANY, "editor", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_false (nb_store_set_status (store, "只读局", 2024, "final", "cli", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (nb_store_acknowledge (store, "只读局", 2024, "k", "n", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (nb_store_rename_organ (store, "只读局", "别局", "cli", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (nb_store_record_export (store, "只读局", 2024, 1,
                                          "cc112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
                                          "{}", &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_true (nb_store_checkpoint (store, NULL));
  g_clear_object (&store);

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_entries (dir), ==, entries);
}

static void
test_read_only (Fixture *fixture, gconstpointer data)
{
  const char *child = g_getenv ("NB_TEST_READ_ONLY_DB");

  if (child != NULL)
    {
      read_only_child (child);
      return;
    }
  {
    g_autoptr(NbStore) store = open_store (fixture->path);
    g_autoptr(NbReport) report = make_report ("只读局", 2024, 3);
    gint64 revision;

    save_ok (store, report, NB_STORE_SAVE_NEW, "import");
    revision = nb_store_get_revision (store, "只读局", 2024, NULL);
    g_assert_true (nb_store_record_export (store, "只读局", 2024, revision,
                                           "bb112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
                                           "{}", NULL));
  }
  /* closed: one file in WAL mode, no -wal or -shm beside it, as on a stick */
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  g_setenv ("NB_TEST_READ_ONLY_DB", fixture->path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("NB_TEST_READ_ONLY_DB");
  g_chmod (fixture->dir, 0700);
  g_test_trap_assert_passed ();
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/store/default-path", test_default_path);
  ADD ("create", test_create);
  ADD ("round-trip", test_round_trip);
  ADD ("save-new-refuses", test_save_new_refuses);
  ADD ("invalid", test_invalid);
  ADD ("diff-log", test_diff_log);
  ADD ("load-revision", test_load_revision);
  ADD ("history", test_history);
  ADD ("organ-shared", test_organ_shared);
  ADD ("acks", test_acks);
  ADD ("exports", test_exports);
  ADD ("list", test_list);
  ADD ("rollback", test_rollback);
  ADD ("append-only", test_append_only);
  ADD ("killed", test_killed);
  ADD ("hot-journal", test_hot_journal);
  ADD ("checkpoint", test_checkpoint);
  ADD ("migration", test_migration);
  ADD ("migration-fails", test_migration_fails);
  ADD ("migration-from-zero", test_migration_from_zero);
  ADD ("refuse/foreign", test_refuse_foreign);
  ADD ("refuse/random", test_refuse_random);
  ADD ("refuse/text", test_refuse_text);
  ADD ("refuse/empty", test_refuse_empty);
  ADD ("refuse/truncated", test_refuse_truncated);
  ADD ("refuse/damaged-schema", test_refuse_damaged_schema);
  ADD ("refuse/newer", test_refuse_newer);
  ADD ("unwritable", test_unwritable);
  ADD ("merge/other-writer", test_merge_other_writer);
  ADD ("merge/same-field", test_merge_same_field);
  ADD ("merge/texts-and-organ", test_merge_texts_and_organ);
  ADD ("merge/no-base", test_merge_no_base);
  ADD ("merge/failed-save", test_merge_failed_save);
  ADD ("merge/reentrant", test_merge_reentrant);
  ADD ("merge/many-reports", test_merge_many_reports);
  ADD ("moved/deleted", test_moved_deleted);
  ADD ("moved/renamed", test_moved_renamed);
  ADD ("moved/replaced", test_moved_replaced);
  ADD ("moved/relative", test_moved_relative);
  ADD ("status", test_status);
  ADD ("rename", test_rename);
  ADD ("refuse/impostor", test_refuse_impostor);
  ADD ("leftovers", test_leftovers);
  ADD ("read-only", test_read_only);

#undef ADD

  return g_test_run ();
}
