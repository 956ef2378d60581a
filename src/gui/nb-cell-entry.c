/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Marks are painted, not put on the entries as style classes: a class
 * restyles the entry, its parts and its siblings and lays the table out
 * again, which cost more than all the rest of a keystroke. A mark painted
 * by the entry itself changes nothing but the entry's own pixels.
 */
#include "config.h"

#include "nb-cell-entry.h"

struct _NbCellEntry
{
  GtkEntry parent_instance;

  NbCellMark mark;
};

G_DEFINE_FINAL_TYPE (NbCellEntry, nb_cell_entry, GTK_TYPE_ENTRY)

/* The theme's colours, so that a dark or high-contrast style marks its
 * own way; the fallbacks are Adwaita's. */
static void
lookup_color (GtkWidget *widget, const char *name, const char *fallback, GdkRGBA *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

static void
nb_cell_entry_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  NbCellEntry *self = NB_CELL_ENTRY (widget);
  graphene_rect_t bounds;

  /* Under the text, over the cell's own background: the whole cell,
   * padding included, is tinted. */
  if (self->mark != NB_CELL_MARK_NONE && gtk_widget_compute_bounds (widget, widget, &bounds))
    {
      GdkRGBA color, fill;

      if (self->mark == NB_CELL_MARK_ERROR)
        {
          const float widths[4] = { 2, 2, 2, 2 };
          GskRoundedRect outline;
          GdkRGBA colors[4];

          lookup_color (widget, "error_color", "#c01c28", &color);
          fill = color;
          fill.alpha *= 0.16f;
          color.alpha *= 0.8f;
          for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
            colors[i] = color;
          gtk_snapshot_append_color (snapshot, &fill, &bounds);
          gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
          gtk_snapshot_append_border (snapshot, &outline, widths, colors);
        }
      else
        {
          lookup_color (widget, "warning_color", "#9c6e03", &color);
          fill = color;
          fill.alpha *= 0.2f;
          gtk_snapshot_append_color (snapshot, &fill, &bounds);
        }
    }

  GTK_WIDGET_CLASS (nb_cell_entry_parent_class)->snapshot (widget, snapshot);
}

static void
nb_cell_entry_class_init (NbCellEntryClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = nb_cell_entry_snapshot;
}

static void
nb_cell_entry_init (NbCellEntry *self)
{
}

GtkWidget *
nb_cell_entry_new (void)
{
  return g_object_new (NB_TYPE_CELL_ENTRY, NULL);
}

gboolean
nb_cell_entry_set_mark (NbCellEntry *self, NbCellMark mark)
{
  g_return_val_if_fail (NB_IS_CELL_ENTRY (self), FALSE);
  g_return_val_if_fail (mark <= NB_CELL_MARK_ERROR, FALSE);

  if (self->mark == mark)
    return FALSE;
  self->mark = mark;
  /* Only the entry's own drawing changes: no style, no size. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

NbCellMark
nb_cell_entry_get_mark (NbCellEntry *self)
{
  g_return_val_if_fail (NB_IS_CELL_ENTRY (self), NB_CELL_MARK_NONE);
  return self->mark;
}
