/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rel-kill.h"

void
rel_say (int fd, const char *format, ...)
{
  char line[PIPE_BUF];
  va_list args;
  int n;
  gsize done = 0;

  va_start (args, format);
  n = g_vsnprintf (line, sizeof line - 1, format, args);
  va_end (args);
  n = MIN (n, (int) sizeof line - 2);
  line[n] = '\n';
  while (done < (gsize) n + 1)
    {
      gssize wrote = write (fd, line + done, (gsize) n + 1 - done);

      if (wrote < 0 && errno == EINTR)
        continue;
      if (wrote <= 0)
        _exit (5); /* the parent is gone */
      done += (gsize) wrote;
    }
}

char *
rel_random_text (GRand *rand, guint n_chars)
{
  static const char *const pieces[] = {
    "政", "府", "信", "息", "公", "开", "申", "请", "年", "度", "报", "告", "办",
    "理", "结", "果", "，", "。", "、", "“", "”", "（", "）", "\n", " ", "a", "Z",
    "0", "7", "%", "'", "\"", "\\", "<", "&",
  };
  GString *text = g_string_sized_new (n_chars * 3);

  for (guint i = 0; i < n_chars; i++)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  return g_string_free (text, FALSE);
}

char *
rel_text_digest (const char *text)
{
  g_autofree char *sum = NULL;

  if (text == NULL)
    return g_strdup ("null");
  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  return g_strdup_printf ("%.16s/%zu", sum, strlen (text));
}

NbReport *
rel_make_report (const char *organ, guint year, guint32 seed, guint text_chars)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  NbReport *report = nb_report_new ();
  g_autofree char *address = g_strdup_printf ("测试路%u号", seed);
  g_autofree char *preamble = rel_random_text (rand, text_chars / 4 + 1);

  nb_report_set_organ_field (report, NB_ORGAN_NAME, organ);
  nb_report_set_organ_field (report, NB_ORGAN_ADDRESS, address);
  nb_report_set_organ_field (report, NB_ORGAN_POSTCODE, seed % 2 ? "100000" : "200000");
  nb_report_set_organ_field (report, NB_ORGAN_TELEPHONE, seed % 2 ? "010-1" : "021-2");
  nb_report_set_organ_field (report, NB_ORGAN_EMAIL, seed % 2 ? "a@example.org" : "b@example.org");
  nb_report_set_organ_field (report, NB_ORGAN_WEBSITE, seed % 2 ? "https://a.example.org/" : "https://b.example.org/");
  nb_report_set_year (report, year);
  g_assert_true (nb_report_set_issued (report, seed % 2 ? "2025-01-20" : "2025-01-21", NULL));
  nb_report_set_preamble (report, preamble);

  /* every figure differs between two seeds: (cell + seed) spreads them */
  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    nb_report_set_figure (report, cell, (gint64) (cell * 1000 + seed % 1000));

  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    for (guint p = 0; p < 3; p++)
      {
        g_autofree char *heading = g_strdup_printf ("（%u）%u", p + 1, seed);
        g_autofree char *body = rel_random_text (rand, text_chars / 9 + 1);

        nb_report_insert_part (report, s, -1, heading, body);
      }
  return report;
}

static void
feed (RelChild *child, const char *data, gsize length)
{
  char *newline;

  g_string_append_len (child->pending, data, (gssize) length);
  while ((newline = memchr (child->pending->str, '\n', child->pending->len)) != NULL)
    {
      *newline = '\0';
      child->on_line (child->pending->str, child->user_data);
      g_string_erase (child->pending, 0, newline - child->pending->str + 1);
    }
}

void
rel_child_start (RelChild *child, RelChildFunc func, gpointer user_data,
                 RelLineFunc on_line, gpointer line_data)
{
  int fds[2];

  g_assert_cmpint (pipe (fds), ==, 0);
  child->pid = fork ();
  g_assert_cmpint (child->pid, >=, 0);
  if (child->pid == 0)
    {
      close (fds[0]);
      func (fds[1], user_data);
      _exit (6);
    }
  close (fds[1]);
  child->fd = fds[0];
  child->pending = g_string_new (NULL);
  child->on_line = on_line;
  child->user_data = line_data;
  child->stop = NULL;
}

gboolean
rel_child_read_until (RelChild *child, gint64 deadline)
{
  char buffer[65536];

  for (;;)
    {
      gint64 now = g_get_monotonic_time ();
      struct pollfd pfd = { child->fd, POLLIN, 0 };
      int timeout = deadline < 0 ? -1 : (int) MAX (0, (deadline - now + 999) / 1000);
      gssize got;
      int ready;

      if (deadline >= 0 && now >= deadline)
        return FALSE;
      ready = poll (&pfd, 1, timeout);
      if (ready < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (ready, >=, 0);
      if (ready == 0)
        continue;
      got = read (child->fd, buffer, sizeof buffer);
      if (got < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (got, >=, 0);
      if (got == 0)
        return TRUE;
      feed (child, buffer, (gsize) got);
      if (child->stop != NULL && *child->stop)
        return FALSE;
    }
}

int
rel_child_finish (RelChild *child)
{
  int status = 0;

  rel_child_read_until (child, -1);
  close (child->fd);
  g_assert_cmpint (waitpid (child->pid, &status, 0), ==, child->pid);
  /* an unfinished last line is a line the child never wrote: drop it */
  g_string_free (child->pending, TRUE);
  child->pending = NULL;
  return status;
}

int
rel_child_kill (RelChild *child, gint64 *killed_at)
{
  kill (child->pid, SIGKILL);
  if (killed_at != NULL)
    *killed_at = g_get_monotonic_time ();
  return rel_child_finish (child);
}

static int warning_fd = -1;

static GLogWriterOutput
forward_warning (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer data)
{
  const char *message = NULL;
  const char *domain = NULL;

  if ((level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL)) == 0)
    return G_LOG_WRITER_HANDLED;
  for (gsize i = 0; i < n_fields; i++)
    if (strcmp (fields[i].key, "MESSAGE") == 0)
      message = fields[i].value;
    else if (strcmp (fields[i].key, "GLIB_DOMAIN") == 0)
      domain = fields[i].value;
  rel_say (warning_fd, "W%s-%s: %s", domain ? domain : "?",
           level & G_LOG_LEVEL_CRITICAL ? "CRITICAL" : "WARNING", message ? message : "");
  return G_LOG_WRITER_HANDLED;
}

typedef struct
{
  void (*func) (gpointer data);
  gpointer data;
  GPtrArray *warnings;
  GPtrArray *said;
} Isolated;

static void
collect_line (const char *line, gpointer user_data)
{
  Isolated *isolated = user_data;
  GPtrArray *into = line[0] == 'W' ? isolated->warnings : isolated->said;

  if (into != NULL)
    g_ptr_array_add (into, g_strdup (line + 1));
}

void
rel_isolated_say (const char *format, ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  rel_say (warning_fd, "S%s", text);
}

static void
run_isolated (int fd, gpointer user_data)
{
  Isolated *isolated = user_data;

  warning_fd = fd;
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_writer_func (forward_warning, NULL, NULL);
  isolated->func (isolated->data);
  _exit (0);
}

int
rel_run_isolated (void (*func) (gpointer data), gpointer data, GPtrArray *warnings,
                  GPtrArray *said)
{
  Isolated isolated = { func, data, warnings, said };
  RelChild child;

  rel_child_start (&child, run_isolated, &isolated, collect_line, &isolated);
  return rel_child_finish (&child);
}

char *
rel_describe_status (int status)
{
  if (WIFSIGNALED (status))
    return g_strdup_printf ("signal %d (%s)", WTERMSIG (status), g_strsignal (WTERMSIG (status)));
  return g_strdup_printf ("exit %d", WEXITSTATUS (status));
}
