/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's pages: which is which, and building them when needed.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-compare-page.h"
#include "nb-finding.h"
#include "nb-table-page.h"
#include "nb-text-page.h"
#include "nb-window-private.h"

static char *
page_name (guint page)
{
  if (page == PAGE_INFO)
    return g_strdup ("info");
  if (page == PAGE_PREVIEW)
    return g_strdup ("preview");
  if (page == PAGE_COMPARE)
    return g_strdup ("compare");
  return g_strdup_printf ("s%u", page - 1);
}

int
nb_window_page_by_name (const char *name)
{
  for (guint i = 0; i < NB_N_PAGES; i++)
    {
      g_autofree char *candidate = page_name (i);

      if (g_strcmp0 (candidate, name) == 0)
        return (int) i;
    }
  return -1;
}

/* The page a finding belongs to: the table of its first cell, else its
 * section, else the details page. */
guint
nb_window_page_of_finding (NbFinding *finding)
{
  if (finding->cells->len > 0)
    {
      guint table = nb_format_cell (g_array_index (finding->cells, guint, 0))->table;

      for (guint i = 0; i < NB_N_SECTIONS; i++)
        if (nb_format_section (i)->table == table)
          return i + 1;
    }
  if (finding->section >= 0 && finding->section < NB_N_SECTIONS)
    return (guint) finding->section + 1;
  return PAGE_INFO;
}

void
nb_window_show_findings_on (NbWindow *self, GtkWidget *page)
{
  if (NB_IS_TABLE_PAGE (page))
    nb_table_page_show_findings (NB_TABLE_PAGE (page), self->findings, self->acks);
  else if (NB_IS_TEXT_PAGE (page))
    nb_text_page_show_findings (NB_TEXT_PAGE (page), self->findings, self->acks);
  else if (NB_IS_INFO_PAGE (page))
    nb_info_page_show_findings (NB_INFO_PAGE (page), self->findings, self->acks);
  else if (NB_IS_PREVIEW_PAGE (page))
    nb_preview_page_show_findings (NB_PREVIEW_PAGE (page), self->findings);
}

/* Pages are built when first needed (or in an idle after the window is
 * shown): a table of 175 entries costs start-up time nobody waits for. */
GtkWidget *
nb_window_ensure_page (NbWindow *self, guint i)
{
  GtkWidget *page;

  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);
  g_return_val_if_fail (i < NB_N_PAGES, NULL);

  if (self->pages[i] != NULL)
    return self->pages[i];

  if (i == PAGE_INFO)
    {
      page = nb_info_page_new ();
      nb_info_page_set_report (NB_INFO_PAGE (page), self->report);
    }
  else if (i == PAGE_PREVIEW)
    {
      page = nb_preview_page_new ();
      nb_preview_page_set_report (NB_PREVIEW_PAGE (page), self->report);
    }
  else if (i == PAGE_COMPARE)
    {
      page = GTK_WIDGET (nb_compare_page_new ());
      g_signal_connect_swapped (page, "activate-cell", G_CALLBACK (nb_window_focus_cell), self);
      self->compare_dirty = TRUE;
    }
  else
    {
      const NbSectionInfo *section = nb_format_section (i - 1);

      if (section->kind == NB_SECTION_TABLE)
        {
          page = nb_table_page_new (section->table);
          nb_table_page_set_undo_stack (NB_TABLE_PAGE (page), self->undo);
        }
      else
        {
          page = nb_text_page_new ((NbTextSection) section->text);
          nb_text_page_set_undo_stack (NB_TEXT_PAGE (page), self->undo);
          nb_text_page_set_previous (NB_TEXT_PAGE (page), self->previous);
        }
    }
  self->pages[i] = page;
  nb_window_show_findings_on (self, page);
  adw_bin_set_child (ADW_BIN (self->bins[i]), page);
  return page;
}

gboolean
nb_window_build_pages_idle_cb (gpointer user_data)
{
  NbWindow *self = NB_WINDOW (user_data);

  for (guint i = 0; i < NB_N_PAGES; i++)
    if (self->pages[i] == NULL && i != PAGE_COMPARE)
      {
        nb_window_ensure_page (self, i);
        return G_SOURCE_CONTINUE;
      }
  self->build_id = 0;
  return G_SOURCE_REMOVE;
}

static void
visible_page_cb (GObject *stack, GParamSpec *pspec, NbWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);

  for (guint i = 0; i < NB_N_PAGES; i++)
    if (self->bins[i] == visible)
      nb_window_ensure_page (self, i);
  if (self->bins[PAGE_COMPARE] == visible)
    nb_window_update_compare_page (self);
}

/* The comparison follows the report only while it is seen: it loads
 * every stored year and diffs the texts, nothing to do per keystroke on
 * another page. */
void
nb_window_update_compare_page (NbWindow *self)
{
  NbComparePage *page = NB_COMPARE_PAGE (self->pages[PAGE_COMPARE]);

  if (page == NULL || self->organ == NULL ||
      adw_view_stack_get_visible_child (self->view_stack) != self->bins[PAGE_COMPARE])
    return;
  if (self->compare_dirty)
    {
      nb_compare_page_set_reports (page, self->report, self->previous,
                                   nb_window_get_history (self));
      self->compare_dirty = FALSE;
    }
  else
    nb_compare_page_update (page);
}

void
nb_window_build_pages (NbWindow *self)
{
  for (guint i = 0; i < NB_N_PAGES; i++)
    {
      g_autofree char *name = page_name (i);
      const char *title;
      const char *icon;

      if (i == PAGE_INFO)
        {
          /* Translators: the page of the organ's details, 基本信息 */
          title = _("Details");
          icon = "document-properties-symbolic";
        }
      else if (i == PAGE_PREVIEW)
        {
          title = _("Preview");
          icon = "document-print-preview-symbolic";
        }
      else if (i == PAGE_COMPARE)
        {
          /* Translators: the page comparing this year with last year, 对比 */
          title = _("Compare");
          icon = "view-dual-symbolic";
        }
      else
        {
          const NbSectionInfo *section = nb_format_section (i - 1);

          icon = section->kind == NB_SECTION_TABLE ? "view-grid-symbolic"
                                                   : "format-justify-left-symbolic";
          title = section->numeral;
        }
      self->bins[i] = adw_bin_new ();
      self->stack_pages[i] = adw_view_stack_add_titled (self->view_stack, self->bins[i], name, title);
      adw_view_stack_page_set_icon_name (self->stack_pages[i], icon);
    }
  g_signal_connect (self->view_stack, "notify::visible-child", G_CALLBACK (visible_page_cb), self);
  visible_page_cb (G_OBJECT (self->view_stack), NULL, self);
}
