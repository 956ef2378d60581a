/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Databases that are not what they should be: truncated, random bytes,
 * another program's, a newer Nianbao's, empty, damaged inside. Through
 * nianbao-cli, every command must say clearly what is wrong (exit 2 when
 * the file is refused on opening) and leave the file byte for byte as it
 * was; through the store, hundreds of mutants of a real database must
 * never crash it.
 *
 * Settings (environment): NB_FUZZ_DB_MUTANTS (200).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nb-store.h"
#include "nb-store-schema.h"
#include "rel-common.h"
#include "rel-kill.h"

#define ORGAN "外来测试局"

typedef struct
{
  char *dir;
  char *path;
  GBytes *valid;      /* a real database, closed cleanly */
} Fixture;

static void
exec_sql (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Three reports, edits, an acknowledgement and a recorded export. */
static GBytes *
make_valid (const char *path)
{
  g_autoptr(NbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  store = nb_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (i);
      g_autoptr(NbReport) report = nb_report_new ();

      nb_report_set_organ_field (report, NB_ORGAN_NAME, i < 2 ? ORGAN : "另一机关");
      nb_report_set_organ_field (report, NB_ORGAN_ADDRESS, "外来路1号");
      nb_report_set_year (report, 2023 + (i % 2));
      for (guint cell = 0; cell < NB_N_CELLS; cell++)
        nb_report_set_figure (report, cell, g_rand_int_range (rand, 0, 5000));
      for (guint p = 0; p < 3; p++)
        {
          g_autofree char *text = g_strdup_printf ("第%u部分：本年度依法公开政府信息。", p);

          nb_report_insert_part (report, NB_TEXT_OVERVIEW, -1, "（一）主动公开", text);
        }
      g_assert_true (nb_store_save (store, report, NB_STORE_SAVE_NEW, "import", &error));
      for (guint e = 0; e < 20; e++)
        {
          nb_report_set_figure (report, e, e);
          g_assert_true (nb_store_save (store, report, NB_STORE_SAVE_ANY, "editor", &error));
        }
      g_assert_true (nb_store_acknowledge (store, nb_report_get_organ_name (report),
                                           nb_report_get_year (report), "W1:t3.new.total", "已核实", &error));
      g_assert_true (nb_store_record_export (store, nb_report_get_organ_name (report),
                                             nb_report_get_year (report), 1,
                                             "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                                             "{}", &error));
    }
  g_clear_object (&store);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_unlink (path);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = rel_make_tmpdir ("nb-foreign-XXXXXX");
  f->path = g_build_filename (f->dir, "nianbao.db", NULL);
  f->valid = make_valid (f->path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  rel_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_bytes_unref (f->valid);
}

static void
write_bytes (const char *path, const void *data, gsize length)
{
  g_assert_true (g_file_set_contents (path, data, (gssize) length, NULL));
}

static void
write_valid (Fixture *f, gsize length)
{
  write_bytes (f->path, g_bytes_get_data (f->valid, NULL), MIN (length, g_bytes_get_size (f->valid)));
}

static void
write_random (const char *path, gsize length, const char *prefix)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) length);
  g_autofree guint8 *bytes = g_malloc (length);
  gsize start = prefix ? strlen (prefix) + 1 : 0;

  for (gsize i = 0; i < length; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  if (prefix != NULL)
    memcpy (bytes, prefix, start);
  write_bytes (path, bytes, length);
}

/* The foreign databases; "late" ones are only noticed when read. */
typedef enum
{
  KIND_EMPTY,
  KIND_HEADER_ONLY,
  KIND_HALF,
  KIND_HALF_PLUS,
  KIND_RANDOM,
  KIND_RANDOM_MAGIC,
  KIND_TEXT,
  KIND_PDF,
  KIND_OTHER_APP,
  KIND_OTHER_APP_ID,
  KIND_NEWER,
  KIND_BAD_SCHEMA_PAGE,
  KIND_DIRECTORY,
  KIND_IMPOSTOR,
  KIND_FLIPPED,
  N_KINDS
} Kind;

static const struct
{
  const char *name;
  gboolean late;   /* refused only once read, or not at all */
} kinds[N_KINDS] = {
  { "zero-length", FALSE },
  { "header-only", FALSE },
  { "truncated-half", FALSE },
  { "truncated-mid-page", FALSE },
  { "random-bytes", FALSE },
  { "random-after-sqlite-magic", FALSE },
  { "text-file", FALSE },
  { "pdf-file", FALSE },
  { "other-application", FALSE },
  { "other-application-id", FALSE },
  { "newer-schema", FALSE },
  { "damaged-schema-page", FALSE },
  { "directory", FALSE },
  { "impostor-tables", FALSE },  /* its columns are checked before anything is written */
  { "flipped-bytes-inside", TRUE },
};

static void
make_kind (Fixture *f, Kind kind)
{
  gsize size = g_bytes_get_size (f->valid);

  switch (kind)
    {
    case KIND_EMPTY: write_bytes (f->path, "", 0); break;
    case KIND_HEADER_ONLY: write_valid (f, 100); break;
    case KIND_HALF: write_valid (f, size / 2); break;
    case KIND_HALF_PLUS: write_valid (f, size / 2 + 1000); break;
    case KIND_RANDOM: write_random (f->path, 8192, NULL); break;
    case KIND_RANDOM_MAGIC: write_random (f->path, 8192, "SQLite format 3"); break;
    case KIND_TEXT:
      {
        static const char text[] = "政府信息公开工作年度报告\n不是数据库。\n";

        write_bytes (f->path, text, sizeof text - 1);
      }
      break;
    case KIND_PDF:
      {
        static const char pdf[] = "%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n%%EOF\n";

        write_bytes (f->path, pdf, sizeof pdf - 1);
      }
      break;
    case KIND_OTHER_APP:
      exec_sql (f->path, "CREATE TABLE contacts (name TEXT, phone TEXT);"
                         "INSERT INTO contacts VALUES ('张三', '123');");
      break;
    case KIND_OTHER_APP_ID:
      exec_sql (f->path, "PRAGMA application_id = 1598903374;" /* 'MPDB' */
                         "CREATE TABLE reports (id INTEGER, body TEXT);");
      break;
    case KIND_NEWER:
      write_valid (f, size);
      exec_sql (f->path, "PRAGMA user_version = 99;");
      break;
    case KIND_BAD_SCHEMA_PAGE:
      {
        g_autofree guint8 *bytes = g_memdup2 (g_bytes_get_data (f->valid, NULL), size);

        memset (bytes + 100, 0xA5, 4096 - 100);
        write_bytes (f->path, bytes, size);
      }
      break;
    case KIND_DIRECTORY:
      g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
      break;
    case KIND_IMPOSTOR:
      /* our identity and table names, not our columns */
      exec_sql (f->path, "PRAGMA application_id = 1312968258; PRAGMA user_version = 2;"
                         "CREATE TABLE organs (x); CREATE TABLE reports (x);"
                         "CREATE TABLE figures (x); CREATE TABLE parts (x);"
                         "CREATE TABLE edits (x); CREATE TABLE acks (x);"
                         "CREATE TABLE exports (x);");
      break;
    case KIND_FLIPPED:
      {
        g_autoptr(GRand) rand = g_rand_new_with_seed (99);
        g_autofree guint8 *bytes = g_memdup2 (g_bytes_get_data (f->valid, NULL), size);

        for (guint i = 0; i < 64; i++)
          bytes[g_rand_int_range (rand, 4096, (gint32) size)] ^= (guint8) g_rand_int_range (rand, 1, 256);
        write_bytes (f->path, bytes, size);
      }
      break;
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static void
test_databases (Fixture *f, gconstpointer data)
{
  const char *sample = g_getenv ("NIANBAO_SAMPLE");
  const char *commands[][8] = {
    { "list", NULL },
    { "check", "--organ", ORGAN, "--year", "2024", NULL },
    { "export", "--organ", ORGAN, "--year", "2024", NULL },
    { "history", "--organ", ORGAN, "--year", "2024", NULL },
    { "set", "--organ", ORGAN, "--year", "2024", "t3.new.natural", "5", NULL },
    { "import", "--replace", sample, NULL },
  };
  RelRecord *record;
  guint runs = 0, refused_early = 0, refused_late = 0, worked = 0, changed = 0;

  if (rel_cli_path () == NULL || sample == NULL)
    {
      g_test_skip ("NIANBAO_CLI or NIANBAO_SAMPLE is not set");
      return;
    }
  record = rel_record_begin ("foreign/databases",
    "nianbao-cli list, check, export, history, set and import on 15 kinds of foreign "
    "database (empty, truncated, random, text, PDF, another program's, newer, damaged, "
    "a folder, impostor tables, flipped bytes): a message naming the file, exit 2 when "
    "refused on opening, the file byte-identical and nothing created beside it");

  for (guint k = 0; k < N_KINDS; k++)
    for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
      {
        g_autoptr(GPtrArray) args = g_ptr_array_new ();
        g_autofree char *before = NULL;
        g_autofree char *after = NULL;
        g_autofree char *listing = NULL;
        g_autofree char *listing_after = NULL;
        g_autofree char *err = NULL;
        gboolean reads = c < 4;
        int code;

        rel_remove_tree (f->dir);
        g_assert_cmpint (g_mkdir (f->dir, 0700), ==, 0);
        make_kind (f, k);
        before = rel_file_sha256 (f->path);
        listing = rel_list_entries (f->dir);

        g_ptr_array_add (args, (gpointer) "--db");
        g_ptr_array_add (args, f->path);
        for (guint a = 0; commands[c][a] != NULL; a++)
          g_ptr_array_add (args, (gpointer) commands[c][a]);
        g_ptr_array_add (args, NULL);
        code = rel_run_cli ((const char *const *) args->pdata, NULL, &err);
        runs++;
        after = rel_file_sha256 (f->path);
        listing_after = rel_list_entries (f->dir);

        if (code >= 128)
          g_error ("%s on a %s database crashed (%d): %s", commands[c][0], kinds[k].name, code, err);
        g_assert_null (strstr (err, "CRITICAL"));
        g_assert_null (strstr (err, "WARNING"));
        if (c == 0)
          {
            g_autofree char *key = g_strconcat ("message.", kinds[k].name, NULL);

            g_autofree char *message = g_strstrip (g_strdup (err));

            rel_record_str (record, key, message);
          }
        if (!kinds[k].late)
          {
            if (code != 2 || strstr (err, f->path) == NULL)
              g_error ("%s on a %s database: exit %d, “%s”", commands[c][0], kinds[k].name, code, err);
            g_assert_cmpstr (before, ==, after);
            g_assert_cmpstr (listing, ==, listing_after);
            refused_early++;
            continue;
          }
        /* noticed late, or not at all: never a crash, a message when it fails,
         * and reading never writes */
        if (code == 0)
          worked++;
        else
          {
            g_assert_cmpint (code, <=, 2);
            g_assert_cmpstr (err, !=, "");
            refused_late++;
          }
        /* reading never writes, nor does a refusal */
        if (reads || code != 0)
          {
            if (g_strcmp0 (before, after) != 0)
              {
                g_test_message ("%s on a %s database (exit %d) changed the file",
                                commands[c][0], kinds[k].name, code);
                changed++;
              }
            g_assert_cmpstr (before, ==, after);
          }
      }

  rel_record_int (record, "kinds", N_KINDS);
  rel_record_int (record, "runs", runs);
  rel_record_int (record, "refused_on_opening", refused_early);
  rel_record_int (record, "refused_when_read", refused_late);
  rel_record_int (record, "worked_around_damage", worked);
  rel_record_int (record, "crashes", 0);
  rel_record_int (record, "files_changed_by_a_refusing_command", changed);
  rel_record_end (record, "survived");
}

/* ---- mutants of a real database, through the store ---- */

typedef struct
{
  const char *path;
} Exercise;

/* Everything a session does with a database; exit status 10 + how far it
 * got, so the parent can count. */
static void
exercise_db (gpointer data)
{
  Exercise *exercise = data;
  GError *error = NULL;
  NbStore *store = nb_store_open (exercise->path, &error);
  GPtrArray *entries;
  int stage = 0;

  if (store == NULL)
    _exit (10);
  stage = 1;
  if ((entries = nb_store_list (store, &error)) != NULL)
    {
      stage = 2;
      for (guint i = 0; i < entries->len; i++)
        {
          NbStoreEntry *entry = g_ptr_array_index (entries, i);
          NbReport *report;
          GPtrArray *history;
          GHashTable *acks;

          if (entry->year < NB_MIN_YEAR || entry->year > NB_MAX_YEAR)
            continue; /* a damaged year: the CLI would show it, we skip it */
          report = nb_store_load (store, entry->organ, entry->year, &error);
          g_clear_error (&error);
          history = nb_store_history (store, entry->organ, entry->year, NULL, &error);
          g_clear_error (&error);
          acks = nb_store_get_acks (store, entry->organ, entry->year, &error);
          g_clear_error (&error);
          g_clear_pointer (&history, g_ptr_array_unref);
          g_clear_pointer (&acks, g_hash_table_unref);
          if (entry->revision > 1)
            {
              NbReport *old = nb_store_load_revision (store, entry->organ, entry->year,
                                                      entry->revision / 2, &error);

              g_clear_error (&error);
              g_clear_object (&old);
            }
          if (report != NULL)
            {
              stage = 3;
              nb_report_set_figure (report, 0, 424242);
              if (nb_store_save (store, report, NB_STORE_SAVE_ANY, "editor", &error))
                stage = 4;
              g_clear_error (&error);
              g_object_unref (report);
            }
        }
      g_ptr_array_unref (entries);
    }
  g_clear_error (&error);
  nb_store_find_export (store, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                        NULL, NULL, NULL, NULL, NULL, NULL);
  nb_store_checkpoint (store, NULL);
  g_object_unref (store);
  _exit (10 + stage);
}

static void
mutate (GRand *rand, GByteArray *bytes, GString *how)
{
  guint op = (guint) g_rand_int_range (rand, 0, 6);
  guint n = bytes->len;
  guint page = 4096, n_pages = MAX (n / page, 1);

  switch (op)
    {
    case 0: /* a few bytes past the header */
    case 1: /* a few bytes anywhere */
      {
        guint count = (guint) g_rand_int_range (rand, 1, 9);

        for (guint i = 0; i < count; i++)
          {
            guint at = (guint) g_rand_int_range (rand, op == 0 ? 100 : 0, (gint32) n);

            bytes->data[at] ^= (guint8) g_rand_int_range (rand, 1, 256);
            g_string_append_printf (how, " flip@%u", at);
          }
      }
      break;
    case 2:
      {
        guint length = (guint) g_rand_int_range (rand, 0, (gint32) n);

        g_byte_array_set_size (bytes, length);
        g_string_append_printf (how, " truncate@%u", length);
      }
      break;
    case 3:
      {
        guint p = (guint) g_rand_int_range (rand, 0, (gint32) n_pages);

        memset (bytes->data + p * page, 0, MIN (page, n - p * page));
        g_string_append_printf (how, " zero-page %u", p);
      }
      break;
    case 4:
      {
        guint from = (guint) g_rand_int_range (rand, 0, (gint32) n_pages);
        guint to = (guint) g_rand_int_range (rand, 0, (gint32) n_pages);

        if (from != to && (to + 1) * page <= n && (from + 1) * page <= n)
          memcpy (bytes->data + to * page, bytes->data + from * page, page);
        g_string_append_printf (how, " copy-page %u→%u", from, to);
      }
      break;
    case 5:
    default:
      {
        guint extra = (guint) g_rand_int_range (rand, 1, 9000);

        for (guint i = 0; i < extra; i++)
          {
            guint8 b = (guint8) g_rand_int_range (rand, 0, 256);

            g_byte_array_append (bytes, &b, 1);
          }
        g_string_append_printf (how, " append %u", extra);
      }
      break;
    }
}

static void
test_mutants (Fixture *f, gconstpointer data)
{
  guint n_mutants = rel_env_uint ("NB_FUZZ_DB_MUTANTS", 200);
  guint32 seed = rel_env_uint ("NB_FUZZ_SEED", g_test_rand_int ());
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) first_warning = g_string_new (NULL);
  RelRecord *record = rel_record_begin ("foreign/database-mutants",
    "mutants of a real database (flipped bytes, truncation, zeroed or copied pages, "
    "appended garbage) opened, listed, loaded, searched and saved through the store, "
    "each in a process of its own: never a crash");
  guint stages[5] = { 0 };
  Exercise exercise = { f->path };

  for (guint m = 0; m < n_mutants; m++)
    {
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      g_autoptr(GString) how = g_string_new (NULL);
      guint n_mutations = (guint) g_rand_int_range (rand, 1, 4);
      guint before = warnings->len;
      int status;

      g_byte_array_append (bytes, g_bytes_get_data (f->valid, NULL), (guint) g_bytes_get_size (f->valid));
      for (guint i = 0; i < n_mutations; i++)
        mutate (rand, bytes, how);
      g_unlink (f->path);
      write_bytes (f->path, bytes->data, bytes->len);
      status = rel_run_isolated (exercise_db, &exercise, warnings, NULL);
      if (!WIFEXITED (status) || WEXITSTATUS (status) < 10 || WEXITSTATUS (status) > 14)
        {
          const char *results = g_getenv ("NB_RELIABILITY_RESULTS");
          g_autofree char *saved = g_strdup_printf ("%s/crash-mutant-%u-%u.db", results ? results : ".", seed, m);
          g_autofree char *what = rel_describe_status (status);

          write_bytes (saved, bytes->data, bytes->len);
          g_error ("mutant %u (seed %u:%s) ended with %s; kept as %s", m, seed, how->str, what, saved);
        }
      stages[WEXITSTATUS (status) - 10]++;
      if (warnings->len > before && first_warning->len == 0)
        g_string_printf (first_warning, "%s (mutant %u:%s)",
                         (char *) g_ptr_array_index (warnings, before), m, how->str);
      rel_remove_tree (f->dir);
      g_mkdir (f->dir, 0700);
    }

  rel_record_int (record, "mutants", n_mutants);
  rel_record_int (record, "refused_on_opening", stages[0]);
  rel_record_int (record, "opened_list_failed", stages[1]);
  rel_record_int (record, "listed_nothing_loadable", stages[2]);
  rel_record_int (record, "loaded_save_refused", stages[3]);
  rel_record_int (record, "saved", stages[4]);
  rel_record_int (record, "glib_warnings", warnings->len);
  if (first_warning->len > 0)
    rel_record_str (record, "first_warning", first_warning->str);
  rel_record_int (record, "crashes", 0);
  rel_record_int (record, "seed", seed);
  rel_record_end (record, warnings->len ? "survived (with GLib warnings, see first_warning)" : "survived");
  if (first_warning->len > 0)
    g_test_message ("GLib warnings from damaged databases: %u, first: %s", warnings->len, first_warning->str);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/foreign/databases", test_databases);
  ADD ("/foreign/database-mutants", test_mutants);
  return g_test_run ();
}
