/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-preferences-window.h"

struct _NbPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  NbSettings *settings;
  GtkWidget *rows[NB_N_FONTS];
};

G_DEFINE_FINAL_TYPE (NbPreferencesWindow, nb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The styles of GB/T 9704 the renderer knows, as the clerk knows them. */
static const char *
font_title (NbFont font)
{
  switch (font)
    {
    case NB_FONT_BODY:
      return _("Body text (仿宋, 16 pt)");
    case NB_FONT_TITLE:
      return _("Title (小标宋, 22 pt)");
    case NB_FONT_HEADING:
      return _("Section headings (黑体)");
    case NB_FONT_SUBHEADING:
      return _("Part headings (楷体)");
    case NB_FONT_TABLE:
      return _("Tables (宋体)");
    case NB_FONT_PAGE_NUMBER:
      return _("Page numbers (宋体)");
    case NB_N_FONTS:
    default:
      g_return_val_if_reached ("");
    }
}

static void
row_changed_cb (GtkEditable *editable, NbPreferencesWindow *self)
{
  NbFont font = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "nb-font"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  /* The default list reads back as "": a later change of the built-in
   * list then reaches this user too. */
  if (g_strcmp0 (text, nb_fonts_get_default_family (font)) == 0)
    text[0] = '\0';
  nb_settings_set_font_family (self->settings, font, text);
}

static void
reset_clicked_cb (GtkButton *button, NbPreferencesWindow *self)
{
  for (guint i = 0; i < NB_N_FONTS; i++)
    gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), nb_fonts_get_default_family (i));
}

static void
nb_preferences_window_dispose (GObject *object)
{
  NbPreferencesWindow *self = NB_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (nb_preferences_window_parent_class)->dispose (object);
}

static void
nb_preferences_window_class_init (NbPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = nb_preferences_window_dispose;
}

static void
nb_preferences_window_init (NbPreferencesWindow *self)
{
}

GtkWidget *
nb_preferences_window_new (NbSettings *settings)
{
  NbPreferencesWindow *self;
  GtkWidget *page, *group, *reset;

  g_return_val_if_fail (NB_IS_SETTINGS (settings), NULL);

  self = g_object_new (NB_TYPE_PREFERENCES_WINDOW,
                       "search-enabled", FALSE,
                       "default-width", 640,
                       "default-height", 560,
                       NULL);
  self->settings = g_object_ref (settings);

  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Printed Report"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "document-print-symbolic");

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Typefaces"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("For each style of the PDF, a comma-separated list of font families: the first one installed is used, the others stand in for characters it lacks."));
  reset = gtk_button_new_with_mnemonic (_("_Reset"));
  gtk_widget_add_css_class (reset, "flat");
  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  g_signal_connect (reset, "clicked", G_CALLBACK (reset_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), reset);

  for (guint i = 0; i < NB_N_FONTS; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      g_autofree char *value = nb_settings_dup_font_family (settings, i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), font_title (i));
      gtk_editable_set_text (GTK_EDITABLE (row),
                             value[0] ? value : nb_fonts_get_default_family (i));
      g_object_set_data (G_OBJECT (row), "nb-font", GUINT_TO_POINTER (i));
      g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), self);
      self->rows[i] = row;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  return GTK_WIDGET (self);
}
