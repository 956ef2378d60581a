/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-application.h"

#include "nb-finding.h"
#include "nb-preview-page.h"
#include "nb-render.h"

/* Pixels per point of the preview: a page is 690 px wide, readable on a
 * laptop screen. */
#define ZOOM 1.16

struct _NbPreviewPage
{
  AdwBin parent_instance;

  GtkBox *pages_box;
  GtkScrolledWindow *scroller;
  GtkLabel *count_label;
  GtkWidget *errors_box;
  GtkLabel *errors_label;

  NbReport *report;
  gulong changed_id;
  NbRender *render;
  gboolean dirty;
  guint update_id;
  guint n_errors;         /* shown once the page is */
};

G_DEFINE_FINAL_TYPE (NbPreviewPage, nb_preview_page, ADW_TYPE_BIN)

static void
draw_page (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  NbPreviewPage *self = NB_PREVIEW_PAGE (user_data);
  guint page = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "nb-page"));
  double scale = width / NB_RENDER_PAGE_WIDTH;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (self->render == NULL || page >= nb_render_get_n_pages (self->render))
    return;
  cairo_scale (cr, scale, scale);
  nb_render_draw_page (self->render, cr, page);
}

static void
relayout (NbPreviewPage *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
  guint n;
  g_autofree char *count = NULL;

  g_clear_object (&self->render);
  self->dirty = FALSE;
  if (self->report == NULL)
    return;

  self->render = nb_render_new (self->report, FALSE);
  n = nb_render_get_n_pages (self->render);

  /* Reuse the drawing areas there are; add or drop the difference. */
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *area = child;
      g_autofree char *label = NULL;

      if (area == NULL)
        {
          area = gtk_drawing_area_new ();
          gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area),
                                              (int) (NB_RENDER_PAGE_WIDTH * ZOOM));
          gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area),
                                               (int) (NB_RENDER_PAGE_HEIGHT * ZOOM));
          gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (area, "nb-paper");
          g_object_set_data (G_OBJECT (area), "nb-page", GUINT_TO_POINTER (i));
          gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page, self, NULL);
          gtk_box_append (self->pages_box, area);
        }
      else
        child = gtk_widget_get_next_sibling (child);
      label = g_strdup_printf (_("Page %u of %u"), i + 1, n);
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      gtk_widget_queue_draw (area);
    }
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      gtk_box_remove (self->pages_box, child);
      child = next;
    }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page of A4, as it will print",
                                        "%u pages of A4, as they will print", n), n);
  gtk_label_set_text (self->count_label, count);
}

static gboolean
update_cb (gpointer user_data)
{
  NbPreviewPage *self = NB_PREVIEW_PAGE (user_data);

  self->update_id = 0;
  relayout (self);
  return G_SOURCE_REMOVE;
}

/* Laying out is not free, so wait for a pause in the typing, and for the
 * page to be shown at all. */
static void
schedule_update (NbPreviewPage *self)
{
  self->dirty = TRUE;
  if (self->update_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->update_id = g_timeout_add (300, update_cb, self);
}

static void
report_changed_cb (NbReport *report, guint what, guint index, NbPreviewPage *self)
{
  schedule_update (self);
}

static void show_errors (NbPreviewPage *self);

static void
map_cb (GtkWidget *widget, NbPreviewPage *self)
{
  show_errors (self);
  if (self->dirty)
    {
      g_clear_handle_id (&self->update_id, g_source_remove);
      relayout (self);
    }
}

static void
nb_preview_page_dispose (GObject *object)
{
  NbPreviewPage *self = NB_PREVIEW_PAGE (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  if (self->report != NULL)
    g_clear_signal_handler (&self->changed_id, self->report);
  g_clear_object (&self->report);
  g_clear_object (&self->render);

  G_OBJECT_CLASS (nb_preview_page_parent_class)->dispose (object);
}

static void
nb_preview_page_class_init (NbPreviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_preview_page_dispose;

  /* The templates live in the GResource: whoever makes the first widget
   * (the application, a test) need not have registered it. */
  nb_gui_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/nb-preview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NbPreviewPage, pages_box);
  gtk_widget_class_bind_template_child (widget_class, NbPreviewPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, NbPreviewPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, NbPreviewPage, errors_box);
  gtk_widget_class_bind_template_child (widget_class, NbPreviewPage, errors_label);
}

static void
nb_preview_page_init (NbPreviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (map_cb), self);
}

GtkWidget *
nb_preview_page_new (void)
{
  return g_object_new (NB_TYPE_PREVIEW_PAGE, NULL);
}

void
nb_preview_page_set_report (NbPreviewPage *self, NbReport *report)
{
  g_return_if_fail (NB_IS_PREVIEW_PAGE (self));
  g_return_if_fail (report == NULL || NB_IS_REPORT (report));

  if (self->report != NULL)
    g_clear_signal_handler (&self->changed_id, self->report);
  g_set_object (&self->report, report);
  if (report != NULL)
    self->changed_id = g_signal_connect (report, "changed", G_CALLBACK (report_changed_cb), self);
  schedule_update (self);
}

void
nb_preview_page_update (NbPreviewPage *self)
{
  g_return_if_fail (NB_IS_PREVIEW_PAGE (self));

  g_clear_handle_id (&self->update_id, g_source_remove);
  relayout (self);
}

/* Something the pages are drawn from changed (the typefaces): lays them
 * out again now if they are shown, else when they are. */
void
nb_preview_page_invalidate (NbPreviewPage *self)
{
  g_return_if_fail (NB_IS_PREVIEW_PAGE (self));

  self->dirty = TRUE;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  g_clear_handle_id (&self->update_id, g_source_remove);
  /* an idle, so that a family name typed letter by letter is laid out
   * once a keystroke, not once a settings key */
  self->update_id = g_idle_add (update_cb, self);
}

static void
show_errors (NbPreviewPage *self)
{
  guint n_errors = self->n_errors;

  if (n_errors > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u error not yet corrected: see the findings (F9) before printing",
                                                            "%u errors not yet corrected: see the findings (F9) before printing",
                                                            n_errors), n_errors);

      if (g_strcmp0 (gtk_label_get_text (self->errors_label), text) != 0)
        gtk_label_set_text (self->errors_label, text);
    }
  if (gtk_widget_get_visible (self->errors_box) != (n_errors > 0))
    gtk_widget_set_visible (self->errors_box, n_errors > 0);
}

/* Says, beside Print and Export, how many errors the pages still show:
 * what gets sealed should add up. While the page is hidden it waits: a
 * label of a hidden page that changes size on every keystroke would still
 * make the window lay itself out again. */
void
nb_preview_page_show_findings (NbPreviewPage *self, GPtrArray *findings)
{
  g_return_if_fail (NB_IS_PREVIEW_PAGE (self));
  g_return_if_fail (findings != NULL);

  self->n_errors = nb_findings_count (findings, NB_SEVERITY_ERROR);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    show_errors (self);
}

const char *
nb_preview_page_get_errors_text (NbPreviewPage *self)
{
  g_return_val_if_fail (NB_IS_PREVIEW_PAGE (self), NULL);
  show_errors (self);
  return gtk_widget_get_visible (self->errors_box) ? gtk_label_get_text (self->errors_label) : NULL;
}

guint
nb_preview_page_get_n_pages (NbPreviewPage *self)
{
  g_return_val_if_fail (NB_IS_PREVIEW_PAGE (self), 0);
  return self->render ? nb_render_get_n_pages (self->render) : 0;
}

void
nb_preview_page_scroll_to (NbPreviewPage *self, guint page)
{
  GtkWidget *child;
  GtkAdjustment *adjustment;
  graphene_point_t point;

  g_return_if_fail (NB_IS_PREVIEW_PAGE (self));

  child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
  for (guint i = 0; child != NULL && i < page; i++)
    child = gtk_widget_get_next_sibling (child);
  if (child == NULL ||
      !gtk_widget_compute_point (child, GTK_WIDGET (self->pages_box),
                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (adjustment, point.y);
}
