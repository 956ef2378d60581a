/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The machinery of the kill tests: a child process that works on the
 * database and tells the parent, one line at a time through a pipe, what
 * it is about to commit and what it has committed; the parent that kills
 * it at a random moment and reads everything it said before dying; and a
 * verifier process that reopens the database the way the next start of the
 * program would and reports what it finds.
 */
#pragma once

#include <glib.h>
#include <sys/types.h>

#include "nb-report.h"

G_BEGIN_DECLS

/* Writes one line (at most PIPE_BUF bytes, so the pipe takes it whole or
 * not at all) to @fd. */
void      rel_say              (int          fd,
                                const char  *format,
                                ...) G_GNUC_PRINTF (2, 3);

/* Text that looks like a report's: CJK, punctuation, ASCII, line breaks. */
char     *rel_random_text      (GRand       *rand,
                                guint        n_chars);
/* "3f9a…/1234": a short digest and the length; "null" for NULL. */
char     *rel_text_digest      (const char  *text);

/* A report of @organ with every field filled in, different for each @seed
 * in every figure and every text; its texts about @text_chars long. */
NbReport *rel_make_report      (const char  *organ,
                                guint        year,
                                guint32      seed,
                                guint        text_chars);

typedef void (*RelLineFunc) (const char *line,
                             gpointer    user_data);

/* A child process with a pipe to it. */
typedef struct
{
  pid_t pid;
  int fd;               /* the read end */
  GString *pending;     /* an unfinished line */
  RelLineFunc on_line;
  gpointer user_data;
  const gboolean *stop; /* when set and TRUE after a line: stop reading */
} RelChild;

typedef void (*RelChildFunc) (int      fd,
                              gpointer user_data);

/* Forks; the child runs @func with the write end and must end with _exit(). */
void      rel_child_start      (RelChild    *child,
                                RelChildFunc func,
                                gpointer     user_data,
                                RelLineFunc  on_line,
                                gpointer     line_data);
/* Reads lines until @deadline (monotonic µs), until the child closes the
 * pipe or until *stop; TRUE when it has closed it. */
gboolean  rel_child_read_until (RelChild    *child,
                                gint64       deadline);
/* SIGKILL, then reads the rest of what it said and reaps it. Returns the
 * wait status; @killed_at (may be NULL) gets the monotonic time just after
 * the signal was sent. */
int       rel_child_kill       (RelChild    *child,
                                gint64      *killed_at);
/* Reads to the end and reaps it. Returns the wait status. */
int       rel_child_finish     (RelChild    *child);

/* Runs @func in a child process of its own, so that a crash is a finding
 * rather than the end of the test. Its GLib warnings and criticals (which
 * the tests otherwise make fatal) are collected into @warnings instead of
 * aborting it, what it says with rel_isolated_say() into @said (both may be
 * NULL). Returns the wait status. */
int       rel_run_isolated     (void       (*func) (gpointer data),
                                gpointer     data,
                                GPtrArray   *warnings,
                                GPtrArray   *said);
/* In the function run by rel_run_isolated(): one line for the parent. */
void      rel_isolated_say     (const char  *format,
                                ...) G_GNUC_PRINTF (1, 2);
/* "exit 3", "signal 11 (Segmentation fault)" */
char     *rel_describe_status  (int          status);

G_END_DECLS
