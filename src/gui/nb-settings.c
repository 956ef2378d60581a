/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "nb-settings.h"

struct _NbSettings
{
  GObject parent_instance;

  GSettings *settings;  /* NULL when the schema is not installed */

  /* what is kept when there is no schema */
  int width;
  int height;
  gboolean maximized;
  char *last_organ;
  guint last_year;
  char *fonts[NB_N_FONTS];
};

G_DEFINE_FINAL_TYPE (NbSettings, nb_settings, G_TYPE_OBJECT)

enum {
  FONTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
font_key (NbFont font)
{
  return g_strdup_printf ("font-%s", nb_fonts_get_key (font));
}

/* Pushes a style's family list to the renderer's font table. */
static void
apply_font (NbSettings *self, NbFont font)
{
  g_autofree char *families = nb_settings_dup_font_family (self, font);

  g_strstrip (families);
  nb_fonts_set_family (font, families[0] ? families : nb_fonts_get_default_family (font));
  /* so that the preview is drawn again with it at once */
  g_signal_emit (self, signals[FONTS_CHANGED], 0);
}

static void
settings_changed_cb (GSettings *settings, const char *key, NbSettings *self)
{
  int font;

  if (!g_str_has_prefix (key, "font-"))
    return;
  font = nb_fonts_from_key (key + strlen ("font-"));
  if (font >= 0)
    apply_font (self, (NbFont) font);
}

static void
nb_settings_finalize (GObject *object)
{
  NbSettings *self = NB_SETTINGS (object);

  g_clear_object (&self->settings);
  g_free (self->last_organ);
  for (guint i = 0; i < NB_N_FONTS; i++)
    g_free (self->fonts[i]);

  G_OBJECT_CLASS (nb_settings_parent_class)->finalize (object);
}

static void
nb_settings_class_init (NbSettingsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nb_settings_finalize;

  /* The typefaces of the PDF changed (in this process or another). */
  signals[FONTS_CHANGED] = g_signal_new ("fonts-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
}

static void
nb_settings_init (NbSettings *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new_full (schema, NULL, NULL);
      g_signal_connect (self->settings, "changed", G_CALLBACK (settings_changed_cb), self);
    }
  else
    g_debug ("Schema %s is not installed: settings will not be kept", APPLICATION_ID);

  self->width = 1240;
  self->height = 860;
  for (guint i = 0; i < NB_N_FONTS; i++)
    {
      self->fonts[i] = g_strdup ("");
      apply_font (self, i);
    }
}

NbSettings *
nb_settings_new (void)
{
  return g_object_new (NB_TYPE_SETTINGS, NULL);
}

gboolean
nb_settings_is_persistent (NbSettings *self)
{
  g_return_val_if_fail (NB_IS_SETTINGS (self), FALSE);
  return self->settings != NULL;
}

void
nb_settings_get_window_size (NbSettings *self, int *width, int *height, gboolean *maximized)
{
  g_return_if_fail (NB_IS_SETTINGS (self));

  if (self->settings != NULL)
    {
      self->width = g_settings_get_int (self->settings, "window-width");
      self->height = g_settings_get_int (self->settings, "window-height");
      self->maximized = g_settings_get_boolean (self->settings, "window-maximized");
    }
  if (width != NULL)
    *width = MAX (self->width, 360);
  if (height != NULL)
    *height = MAX (self->height, 360);
  if (maximized != NULL)
    *maximized = self->maximized;
}

void
nb_settings_set_window_size (NbSettings *self, int width, int height, gboolean maximized)
{
  g_return_if_fail (NB_IS_SETTINGS (self));

  self->width = width;
  self->height = height;
  self->maximized = maximized;
  if (self->settings == NULL)
    return;
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  g_settings_apply (self->settings);
}

const char *
nb_settings_get_last_organ (NbSettings *self)
{
  g_return_val_if_fail (NB_IS_SETTINGS (self), NULL);

  if (self->settings != NULL)
    {
      g_free (self->last_organ);
      self->last_organ = g_settings_get_string (self->settings, "last-organ");
    }
  return self->last_organ ? self->last_organ : "";
}

guint
nb_settings_get_last_year (NbSettings *self)
{
  g_return_val_if_fail (NB_IS_SETTINGS (self), 0);

  if (self->settings != NULL)
    self->last_year = g_settings_get_uint (self->settings, "last-year");
  return self->last_year;
}

void
nb_settings_set_last_report (NbSettings *self, const char *organ, guint year)
{
  g_return_if_fail (NB_IS_SETTINGS (self));
  g_return_if_fail (organ != NULL);

  g_free (self->last_organ);
  self->last_organ = g_strdup (organ);
  self->last_year = year;
  if (self->settings == NULL)
    return;
  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "last-organ", organ);
  g_settings_set_uint (self->settings, "last-year", year);
  g_settings_apply (self->settings);
}

char *
nb_settings_dup_font_family (NbSettings *self, NbFont font)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (NB_IS_SETTINGS (self), NULL);
  g_return_val_if_fail (font < NB_N_FONTS, NULL);

  if (self->settings == NULL)
    return g_strdup (self->fonts[font]);
  key = font_key (font);
  return g_settings_get_string (self->settings, key);
}

void
nb_settings_set_font_family (NbSettings *self, NbFont font, const char *families)
{
  g_autofree char *key = NULL;

  g_return_if_fail (NB_IS_SETTINGS (self));
  g_return_if_fail (font < NB_N_FONTS);

  if (families == NULL)
    families = "";
  if (self->settings == NULL)
    {
      g_free (self->fonts[font]);
      self->fonts[font] = g_strdup (families);
      apply_font (self, font);
      return;
    }
  key = font_key (font);
  g_settings_set_string (self->settings, key, families);
}
