/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kills, with SIGKILL at random moments, a process that edits a report
 * through the path the editor uses (NbReport edits, each followed by
 * nb_store_save (…, NB_STORE_SAVE_ANY, "editor")), then reopens the
 * database as the next start would and checks that it is sound and that
 * every edit the process had acknowledged — reported through a pipe once
 * nb_store_save returned — is there. The same for a whole report saved
 * over another (an import), for nianbao-cli import, for the creation of a
 * new database and for the upgrade of an old one.
 *
 * Settings (environment): NB_CRASH_KILLS (200), NB_CRASH_IMPORT_KILLS (60),
 * NB_CRASH_CLI_KILLS (30), NB_CRASH_OPEN_KILLS (30),
 * NB_CRASH_MAX_DELAY_MS (80), NB_CRASH_SEED (random).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nb-store.h"
#include "nb-store-schema.h"
#include "rel-common.h"
#include "rel-kill.h"
#include "crash-harness.h"

#define FIELD_PART0 NB_N_CELLS
#define FIELD_ADDRESS (NB_N_CELLS + N_PARTS)
#define FIELD_PREAMBLE (NB_N_CELLS + N_PARTS + 1)

guint32 crash_seed;

/* ---- the editing child ---- */

static char *
field_name (guint field)
{
  if (field < NB_N_CELLS)
    return g_strdup (nb_format_cell (field)->id);
  if (field < FIELD_ADDRESS)
    return g_strdup_printf ("overview[%u]", field - FIELD_PART0);
  return g_strdup (field == FIELD_ADDRESS ? "organ.address" : "preamble");
}

static char *
field_digest (NbReport *report, guint field)
{
  gint64 value;

  if (field < NB_N_CELLS)
    return nb_report_get_figure (report, field, &value)
           ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : g_strdup ("blank");
  if (field < FIELD_ADDRESS)
    return rel_text_digest (nb_report_get_part_body (report, NB_TEXT_OVERVIEW, field - FIELD_PART0));
  if (field == FIELD_ADDRESS)
    return rel_text_digest (nb_report_get_organ_field (report, NB_ORGAN_ADDRESS));
  return rel_text_digest (nb_report_get_preamble (report));
}

/* Mostly figures, as people type them; sometimes a text, now and then a
 * long one that makes the transaction span many pages. */
static guint
make_edit (NbReport *report, GRand *rand)
{
  double kind = g_rand_double (rand);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint field;

  if (kind < 0.86)
    field = (guint) g_rand_int_range (rand, 0, NB_N_CELLS);
  else if (kind < 0.96)
    field = FIELD_PART0 + (guint) g_rand_int_range (rand, 0, N_PARTS);
  else if (kind < 0.99)
    field = FIELD_ADDRESS;
  else
    field = FIELD_PREAMBLE;

  before = field_digest (report, field);
  do
    {
      if (field < NB_N_CELLS)
        {
          if (nb_report_has_figure (report, field) && g_rand_int_range (rand, 0, 10) == 0)
            nb_report_clear_figure (report, field);
          else
            nb_report_set_figure (report, field, g_rand_int_range (rand, 0, 100000));
        }
      else
        {
          guint n_chars = g_rand_int_range (rand, 0, 100) < 3
                          ? (guint) g_rand_int_range (rand, 2000, 12000)
                          : (guint) g_rand_int_range (rand, 0, 200);
          g_autofree char *text = rel_random_text (rand, n_chars);

          if (field < FIELD_ADDRESS)
            nb_report_set_part (report, NB_TEXT_OVERVIEW, field - FIELD_PART0,
                                nb_report_get_part_heading (report, NB_TEXT_OVERVIEW,
                                                            field - FIELD_PART0), text);
          else if (field == FIELD_ADDRESS)
            nb_report_set_organ_field (report, NB_ORGAN_ADDRESS, text);
          else
            nb_report_set_preamble (report, text);
        }
      g_free (after);
      after = field_digest (report, field);
    }
  while (strcmp (before, after) == 0);
  return field;
}

typedef struct
{
  const char *path;
  guint32 seed;
  guint64 first;        /* the number of this child's first edit */
} EditorChild;

/* Lines: "R" ready, "I n field digest" about to save, "A n µs" saved,
 * "X message" failed. */
static void
run_editor (int fd, gpointer user_data)
{
  EditorChild *child = user_data;
  GRand *rand = g_rand_new_with_seed (child->seed);
  GError *error = NULL;
  NbStore *store;
  NbReport *report;

  if ((store = nb_store_open (child->path, &error)) == NULL ||
      (report = nb_store_load (store, ORGAN, YEAR, &error)) == NULL)
    {
      rel_say (fd, "X %s", error->message);
      _exit (3);
    }
  rel_say (fd, "R");
  for (guint64 n = child->first;; n++)
    {
      guint field = make_edit (report, rand);
      g_autofree char *digest = field_digest (report, field);

      rel_say (fd, "I %" G_GUINT64_FORMAT " %u %s", n, field, digest);
      if (!nb_store_save (store, report, NB_STORE_SAVE_ANY, "editor", &error))
        {
          rel_say (fd, "X edit %" G_GUINT64_FORMAT ": %s", n, error->message);
          _exit (4);
        }
      rel_say (fd, "A %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT, n, g_get_monotonic_time ());

      /* what the editor does when idle, and when it closes and reopens */
      if (n % 64 == 63 && !nb_store_checkpoint (store, &error))
        {
          rel_say (fd, "X checkpoint: %s", error->message);
          _exit (4);
        }
      if (n % 500 == 499)
        {
          g_object_unref (store);
          if ((store = nb_store_open (child->path, &error)) == NULL)
            {
              rel_say (fd, "X reopen: %s", error->message);
              _exit (4);
            }
        }
    }
}

/* ---- the verifier: the next start of the program ---- */

/* Lines: "K integrity", "V revision", "L log rows", "F field digest",
 * "W a|b|neither", "X message". */
static void
run_verifier (int fd, gpointer user_data)
{
  Verifier *verifier = user_data;
  GError *error = NULL;
  NbStore *store;
  NbReport *report;
  g_autofree char *integrity = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;

  if ((store = nb_store_open (verifier->path, &error)) == NULL)
    {
      rel_say (fd, "X open: %s", error->message);
      _exit (0);
    }
  db = nb_store_get_db (store);
  integrity = rel_integrity_check (db);
  rel_say (fd, "K %s", integrity);
  if ((report = nb_store_load (store, ORGAN, YEAR, &error)) == NULL)
    {
      if (verifier->allow_missing && g_error_matches (error, NB_STORE_ERROR, NB_STORE_ERROR_NOT_FOUND))
        rel_say (fd, "W missing");
      else
        rel_say (fd, "X load: %s", error->message);
      _exit (0);
    }
  rel_say (fd, "V %" G_GINT64_FORMAT, nb_store_get_revision (store, ORGAN, YEAR, NULL));
  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM edits", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    rel_say (fd, "L %" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
  sqlite3_finalize (stmt);

  if (verifier->a != NULL)
    rel_say (fd, "W %s", nb_report_equal (report, verifier->a) ? "a"
                         : verifier->b != NULL && nb_report_equal (report, verifier->b) ? "b"
                         : "neither");
  else
    for (guint f = 0; f < N_FIELDS; f++)
      {
        g_autofree char *digest = field_digest (report, f);

        rel_say (fd, "F %u %s", f, digest);
      }
  g_object_unref (report);
  if (!verifier->leave_wal)
    g_object_unref (store);
  _exit (0);
}

void
snapshot_clear (Snapshot *snapshot)
{
  g_free (snapshot->error);
  g_free (snapshot->integrity);
  g_free (snapshot->which);
  for (guint f = 0; f < N_FIELDS; f++)
    g_free (snapshot->digests[f]);
  memset (snapshot, 0, sizeof *snapshot);
}

static void
snapshot_line_cb (const char *line, gpointer user_data)
{
  Snapshot *snapshot = user_data;
  const char *rest = line[0] != '\0' ? line + 2 : line;

  switch (line[0])
    {
    case 'X': g_free (snapshot->error); snapshot->error = g_strdup (rest); break;
    case 'K': snapshot->integrity = g_strdup (rest); break;
    case 'V': snapshot->revision = g_ascii_strtoll (rest, NULL, 10); break;
    case 'L': snapshot->log_rows = g_ascii_strtoll (rest, NULL, 10); break;
    case 'W': snapshot->which = g_strdup (rest); break;
    case 'F':
      {
        char *end = NULL;
        guint64 f = g_ascii_strtoull (rest, &end, 10);

        g_assert_cmpuint (f, <, N_FIELDS);
        snapshot->digests[f] = g_strdup (end + 1);
      }
      break;
    default:
      g_error ("verifier said “%s”", line);
    }
}

/* Reopens the database in a process of its own and checks it is sound. */
void
take_snapshot (Verifier *verifier, Snapshot *snapshot)
{
  RelChild child;
  int status;

  snapshot_clear (snapshot);
  rel_child_start (&child, run_verifier, verifier, snapshot_line_cb, snapshot);
  status = rel_child_finish (&child);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  if (snapshot->error != NULL)
    g_error ("after a kill, the database could not be used: %s", snapshot->error);
  g_assert_cmpstr (snapshot->integrity, ==, "ok");
}

/* ---- the edits test ---- */

typedef struct
{
  char *expected[N_FIELDS];   /* every committed value, as a digest */
  gint64 committed;           /* edits known to be in the database */
  gint64 acked;               /* … of which the child acknowledged */
  gint64 acked_last_second;   /* acknowledged less than 1 s before a kill */
  /* this round */
  gboolean ready;
  gint64 started_at;
  GArray *open_times;         /* µs from fork to "R", every round */
  gint64 pending;             /* edit number said with "I", or -1 */
  guint pending_field;
  char *pending_digest;
  gint64 last_ack_at;
  gint64 next_edit;
  GArray *ack_times;
  char *child_error;
} Edits;

static void
edits_line_cb (const char *line, gpointer user_data)
{
  Edits *edits = user_data;
  char **words = g_strsplit (line, " ", 4);

  switch (line[0])
    {
    case 'R':
      {
        gint64 took = g_get_monotonic_time () - edits->started_at;

        edits->ready = TRUE;
        g_array_append_val (edits->open_times, took);
      }
      break;
    case 'I':
      g_assert_cmpint (edits->pending, ==, -1);
      edits->pending = g_ascii_strtoll (words[1], NULL, 10);
      g_assert_cmpint (edits->pending, ==, edits->next_edit);
      edits->pending_field = (guint) g_ascii_strtoull (words[2], NULL, 10);
      g_assert_cmpuint (edits->pending_field, <, N_FIELDS);
      g_free (edits->pending_digest);
      edits->pending_digest = g_strdup (words[3]);
      break;
    case 'A':
      {
        gint64 at = g_ascii_strtoll (words[2], NULL, 10);

        g_assert_cmpint (g_ascii_strtoll (words[1], NULL, 10), ==, edits->pending);
        g_free (edits->expected[edits->pending_field]);
        edits->expected[edits->pending_field] = g_steal_pointer (&edits->pending_digest);
        edits->committed++;
        edits->acked++;
        edits->next_edit++;
        edits->pending = -1;
        edits->last_ack_at = at;
        g_array_append_val (edits->ack_times, at);
      }
      break;
    case 'X':
      edits->child_error = g_strdup (line + 2);
      break;
    default:
      g_error ("the editing child said “%s”", line);
    }
  g_strfreev (words);
}

static int
compare_int64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

void
create_database (const char *path, NbReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbStore) store = nb_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (nb_store_save (store, report, NB_STORE_SAVE_NEW, "import", &error));
  g_assert_no_error (error);
}

gboolean
run_until_kill (RelChild *child, const gboolean *ready, gint64 *open_us, GRand *rand, guint max_ms)
{
  gint64 start = g_get_monotonic_time ();

  if (g_rand_int_range (rand, 0, 100) < 15)
    return rel_child_read_until (child, start + g_rand_int_range (rand, 0, (gint32) MAX (*open_us, 1000)));
  child->stop = ready;
  if (rel_child_read_until (child, start + 60 * G_USEC_PER_SEC))
    return TRUE;
  child->stop = NULL;
  if (!*ready)
    g_error ("a child did not open the database within a minute");
  *open_us = (*open_us * 3 + (g_get_monotonic_time () - start)) / 4;
  return rel_child_read_until (child, g_get_monotonic_time () +
                                      g_rand_int_range (rand, 500, (gint32) MAX (max_ms, 2) * 1000));
}

static void
test_edits (void)
{
  guint n_kills = rel_env_uint ("NB_CRASH_KILLS", 200);
  guint max_ms = rel_env_uint ("NB_CRASH_MAX_DELAY_MS", 80);
  g_autofree char *dir = rel_make_tmpdir ("nb-crash-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "nianbao.db", NULL);
  g_autoptr(NbReport) initial = rel_make_report (ORGAN, YEAR, crash_seed, 300);
  g_autoptr(GRand) rand = g_rand_new_with_seed (crash_seed);
  RelRecord *record = rel_record_begin ("crash/edits",
    "SIGKILL at random moments of a process editing figures and texts through "
    "NbReport + nb_store_save (\"editor\"); reopen, integrity_check, every "
    "acknowledged edit present, log and revision complete");
  Verifier verifier = { path, FALSE, FALSE, NULL, NULL };
  Snapshot snapshot = { 0 };
  Edits edits = { 0 };
  gint64 rev0, log0;
  guint during_open = 0, in_flight = 0, in_flight_kept = 0;
  gint64 youngest_ack = G_MAXINT64;
  gint64 open_us = 20000;

  create_database (path, initial);
  take_snapshot (&verifier, &snapshot);
  rev0 = snapshot.revision;
  log0 = snapshot.log_rows;
  for (guint f = 0; f < N_FIELDS; f++)
    edits.expected[f] = field_digest (initial, f);
  edits.ack_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  edits.open_times = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint round = 0; round < n_kills; round++)
    {
      EditorChild editor = { path, crash_seed + round + 1, (guint64) edits.next_edit };
      RelChild child;
      gint64 killed_at;
      int status;

      edits.ready = FALSE;
      edits.started_at = g_get_monotonic_time ();
      edits.pending = -1;
      edits.last_ack_at = 0;
      g_array_set_size (edits.ack_times, 0);
      rel_child_start (&child, run_editor, &editor, edits_line_cb, &edits);
      if (run_until_kill (&child, &edits.ready, &open_us, rand, max_ms))
        g_error ("the editing child ended by itself: %s",
                 edits.child_error ? edits.child_error : "(it said nothing)");
      status = rel_child_kill (&child, &killed_at);
      if (edits.child_error != NULL)
        g_error ("round %u: the editing child failed: %s", round, edits.child_error);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      during_open += !edits.ready;
      for (guint i = 0; i < edits.ack_times->len; i++)
        if (killed_at - g_array_index (edits.ack_times, gint64, i) < G_USEC_PER_SEC)
          edits.acked_last_second++;
      if (edits.last_ack_at > 0)
        youngest_ack = MIN (youngest_ack, killed_at - edits.last_ack_at);

      /* every other time the verifier leaves the -wal behind, so that the
       * next child starts from a crashed state rather than a clean one */
      verifier.leave_wal = round % 2 == 1;
      take_snapshot (&verifier, &snapshot);

      if (edits.pending >= 0)
        {
          const char *got = snapshot.digests[edits.pending_field];

          in_flight++;
          /* the edit being saved at the kill: either state is right */
          if (g_strcmp0 (got, edits.pending_digest) == 0)
            {
              in_flight_kept++;
              g_free (edits.expected[edits.pending_field]);
              edits.expected[edits.pending_field] = g_steal_pointer (&edits.pending_digest);
              edits.committed++;
              edits.next_edit++;
            }
        }
      for (guint f = 0; f < N_FIELDS; f++)
        if (g_strcmp0 (snapshot.digests[f], edits.expected[f]) != 0)
          {
            g_autofree char *name = field_name (f);

            g_error ("round %u (seed %u): %s is %s in the database, but %s was acknowledged",
                     round, crash_seed, name, snapshot.digests[f], edits.expected[f]);
          }
      /* each edit changes one field: one revision and one log row */
      g_assert_cmpint (snapshot.revision, ==, rev0 + edits.committed);
      g_assert_cmpint (snapshot.log_rows, ==, log0 + edits.committed);
    }

  rel_record_int (record, "kills", n_kills);
  rel_record_int (record, "kills_while_opening", during_open);
  rel_record_int (record, "edits_acknowledged", edits.acked);
  rel_record_int (record, "edits_acknowledged_under_1s_before_kill", edits.acked_last_second);
  rel_record_int (record, "kills_mid_save", in_flight);
  rel_record_int (record, "kills_mid_save_committed", in_flight_kept);
  rel_record_int (record, "values_verified", (gint64) n_kills * N_FIELDS);
  rel_record_int (record, "lost", 0);
  if (edits.open_times->len > 0)
    {
      g_array_sort (edits.open_times, compare_int64);
      rel_record_double (record, "reopen_ms_median",
                         g_array_index (edits.open_times, gint64, edits.open_times->len / 2) / 1000.0);
      rel_record_double (record, "reopen_ms_max",
                         g_array_index (edits.open_times, gint64, edits.open_times->len - 1) / 1000.0);
    }
  if (youngest_ack < G_MAXINT64)
    rel_record_int (record, "youngest_ack_verified_us", youngest_ack);
  rel_record_int (record, "seed", crash_seed);
  rel_record_end (record, "survived");

  g_assert_cmpuint (edits.acked, >, n_kills);
  snapshot_clear (&snapshot);
  for (guint f = 0; f < N_FIELDS; f++)
    g_free (edits.expected[f]);
  g_free (edits.pending_digest);
  g_array_unref (edits.ack_times);
  g_array_unref (edits.open_times);
  rel_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  crash_seed = rel_env_uint ("NB_CRASH_SEED", g_test_rand_int ());
  g_test_message ("NB_CRASH_SEED=%u", crash_seed);

  g_test_add_func ("/crash/edits", test_edits);
  g_test_add_func ("/crash/import", test_import);
  g_test_add_func ("/crash/cli-import", test_cli_import);
  g_test_add_func ("/crash/create", test_create);
  g_test_add_func ("/crash/migrate", test_migrate);
  return g_test_run ();
}
