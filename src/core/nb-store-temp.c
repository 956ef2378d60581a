/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The temporary files under which a new database is built, and removing
 * those that a killed creation left behind.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "nb-store-private.h"

/* A temporary file of a creation whose creator is gone: its
 * lock went with it. Taking the lock ourselves, not guessing from a pid
 * or an age, is what keeps us off a file a live creator (in this or
 * another process, container or sandbox sharing the folder) is writing;
 * the creator checks after locking that its name still holds its file. */
static void
remove_if_abandoned (const char *dir, const char *name)
{
  g_autofree char *file = g_build_filename (dir, name, NULL);
  g_autofree char *journal = g_strconcat (file, "-journal", NULL);
  int fd = g_open (file, O_RDONLY | O_NONBLOCK, 0);

  if (fd < 0)
    return;
  if (flock (fd, LOCK_EX | LOCK_NB) == 0)
    {
      g_debug ("Removing “%s”, left by a creation that was interrupted", file);
      g_unlink (journal);
      g_unlink (file);
    }
  close (fd);
}

/* Removes what killed creations of @path left beside it. */
void
nb_store_remove_abandoned_temporaries (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".new-", NULL);
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (!g_str_has_prefix (name, prefix))
        continue;
      if (g_str_has_suffix (name, "-journal"))
        {
          /* a journal whose database is gone: nothing can use it */
          g_autofree char *owner = g_strndup (name, strlen (name) - strlen ("-journal"));
          g_autofree char *owner_path = g_build_filename (dir, owner, NULL);
          g_autofree char *journal_path = g_build_filename (dir, name, NULL);

          if (!g_file_test (owner_path, G_FILE_TEST_EXISTS))
            g_unlink (journal_path);
          continue;
        }
      remove_if_abandoned (dir, name);
    }
  g_dir_close (d);
}

/* mkstemp() and the lock, with the name checked to still be ours: a
 * cleaner may have taken the file between the two. */
int
nb_store_make_locked_temporary (const char *path, char **tmp)
{
  for (guint attempt = 0; attempt < 8; attempt++)
    {
      GStatBuf named, opened;
      int fd;

      g_free (*tmp);
      *tmp = g_strdup_printf ("%s.new-XXXXXX", path);
      if ((fd = g_mkstemp (*tmp)) < 0)
        return -1;
      /* Without flock() (some network file systems) the file is made all
       * the same; cleaners then leave it alone, as they cannot lock it. */
      if (flock (fd, LOCK_EX | LOCK_NB) != 0 && errno != EWOULDBLOCK)
        return fd;
      if (fstat (fd, &opened) == 0 && g_stat (*tmp, &named) == 0 &&
          named.st_dev == opened.st_dev && named.st_ino == opened.st_ino &&
          flock (fd, LOCK_EX | LOCK_NB) == 0)
        return fd;
      close (fd);
    }
  errno = EAGAIN;
  return -1;
}
