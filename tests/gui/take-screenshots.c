/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The README's screenshots: the sample report with an error typed into
 * table 三, the cursor in the cell that no longer adds up, and the
 * preview at the page with table 三. Run on an X server of its own:
 *
 *   LANGUAGE=zh_CN LC_ALL=C.UTF-8 NIANBAO_LOCALEDIR=BUILD/po \
 *   GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=BUILD/data GSK_RENDERER=cairo \
 *   NIANBAO_SAMPLE=data/sample-report.json \
 *   xvfb-run -a -s '-screen 0 1400x1000x24' BUILD/tests/gui/take-screenshots docs/screenshots
 */
#include "config.h"

#include <locale.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "nb-application.h"
#include "nb-json.h"
#include "nb-preview-page.h"
#include "nb-store.h"
#include "nb-table-page.h"
#include "nb-window.h"

#include "gui-util.h"

static gboolean
save (GtkWidget *window, const char *dir, const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);

  for (guint tries = 0; node == NULL && tries < 40; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        nb_gui_wait_ms (50);
    }
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_print ("%s\n", path);
  return gdk_texture_save_to_png (texture, path);
}

int
main (int argc, char *argv[])
{
  const char *localedir = g_getenv ("NIANBAO_LOCALEDIR");
  const char *sample = g_getenv ("NIANBAO_SAMPLE");
  g_autofree char *tmp = NULL;
  g_autofree char *db = NULL;
  g_autoptr(NbStore) store = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  NbWindow *window;
  NbTablePage *table;
  NbPreviewPage *preview;
  guint natural, total;
  int status = 0;

  if (argc != 2 || sample == NULL)
    {
      g_printerr ("usage: NIANBAO_SAMPLE=sample-report.json %s OUTPUT_DIR\n", argv[0]);
      return 2;
    }
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  adw_init ();
  nb_gui_init_style ();

  tmp = g_dir_make_tmp ("nianbao-shots-XXXXXX", &error);
  db = tmp ? g_build_filename (tmp, "nianbao.db", NULL) : NULL;
  if (db == NULL ||
      (report = nb_json_read_file (sample, NULL, &error)) == NULL ||
      (store = nb_store_open (db, &error)) == NULL ||
      !nb_store_save (store, report, NB_STORE_SAVE_NEW, "sample", &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_mkdir_with_parents (argv[1], 0755);

  window = nb_window_new (NULL, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_present (GTK_WINDOW (window));
  nb_gui_wait_ms (500);

  /* One figure mistyped: the row's total no longer adds up. */
  natural = nb_format_cell_by_id ("t3.new.natural");
  total = nb_format_cell_by_id ("t3.new.total");
  nb_window_show_page (window, "s2");
  table = NB_TABLE_PAGE (nb_window_get_page (window, "s2"));
  nb_table_page_focus_cell (table, natural);
  nb_gui_wait_ms (200);
  gtk_editable_set_text (GTK_EDITABLE (nb_table_page_get_entry (table, natural)), "15");
  nb_gui_wait_ms (200);
  nb_table_page_focus_cell (table, total);
  nb_gui_wait_ms (700);
  if (!save (GTK_WIDGET (window), argv[1], "table-3-error.png"))
    status = 1;

  nb_window_show_page (window, "preview");
  preview = NB_PREVIEW_PAGE (nb_window_get_page (window, "preview"));
  nb_preview_page_update (preview);
  nb_gui_wait_ms (300);
  nb_preview_page_scroll_to (preview, 3);
  nb_gui_wait_ms (500);
  if (!save (GTK_WIDGET (window), argv[1], "preview.png"))
    status = 1;

  gtk_window_destroy (GTK_WINDOW (window));
  g_remove (db);
  {
    g_autofree char *journal = g_strconcat (db, "-journal", NULL);
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_remove (journal);
    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (tmp);
  return status;
}
