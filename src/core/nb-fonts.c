/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <fontconfig/fontconfig.h>

#include "nb-fonts.h"

typedef struct
{
  const char *key;
  double size;
  const char *families;
} FontInfo;

/* The official faces first (Windows and the usual Chinese office installs
 * name them several ways), then the free Noto CJK faces Debian ships, then
 * a generic name. Noto has no 楷体 or 小标宋: its bold serif stands in, so
 * that titles and （一） headings still stand apart from the body. */
static const FontInfo infos[NB_N_FONTS] = {
  [NB_FONT_BODY] = {
    "body", 16.0,
    "FangSong, 仿宋, FangSong_GB2312, 仿宋_GB2312, STFangsong, 华文仿宋, "
    "Noto Serif CJK SC, Source Han Serif SC, serif"
  },
  [NB_FONT_TITLE] = {
    "title", 22.0,
    "FZXiaoBiaoSong-B05S, 方正小标宋简体, FZXiaoBiaoSong-B05, 方正小标宋_GBK, 小标宋, "
    "Noto Serif CJK SC Bold, Source Han Serif SC Bold, serif Bold"
  },
  [NB_FONT_HEADING] = {
    "heading", 16.0,
    "SimHei, 黑体, STHeiti, 华文黑体, Noto Sans CJK SC, Source Han Sans SC, sans-serif"
  },
  [NB_FONT_SUBHEADING] = {
    "subheading", 16.0,
    "KaiTi, 楷体, KaiTi_GB2312, 楷体_GB2312, STKaiti, 华文楷体, AR PL UKai CN, "
    "Noto Serif CJK SC Bold, Source Han Serif SC Bold, serif Bold"
  },
  [NB_FONT_TABLE] = {
    "table", 10.5,
    "SimSun, 宋体, NSimSun, STSong, 华文宋体, Noto Serif CJK SC, Source Han Serif SC, serif"
  },
  [NB_FONT_PAGE_NUMBER] = {
    "page-number", 14.0,
    "SimSun, 宋体, STSong, 华文宋体, Noto Serif CJK SC, Source Han Serif SC, serif"
  },
};

/* Interned, so a pointer handed out stays valid whatever is set later,
 * even when the renderer runs in another thread than the settings. */
static const char *families[NB_N_FONTS];
static GMutex families_lock;

static gboolean
is_generic (const char *family)
{
  static const char *const generic[] = {
    "serif", "sans-serif", "sans", "monospace", "mono", "system-ui",
  };

  for (guint i = 0; i < G_N_ELEMENTS (generic); i++)
    if (g_ascii_strcasecmp (family, generic[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Asks fontconfig itself: Pango's family list shows one name per family,
 * while fontconfig also knows the localised ones (仿宋 beside FangSong). */
static gboolean
is_installed (const char *family)
{
  FcPattern *pattern;
  FcObjectSet *objects;
  FcFontSet *found;
  gboolean installed;

  if (is_generic (family))
    return TRUE;

  pattern = FcPatternCreate ();
  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  objects = FcObjectSetBuild (FC_FAMILY, NULL);
  found = FcFontList (NULL, pattern, objects);
  installed = found != NULL && found->nfont > 0;

  if (found != NULL)
    FcFontSetDestroy (found);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);
  return installed;
}

const char *
nb_fonts_get_default_family (NbFont font)
{
  g_return_val_if_fail (font < NB_N_FONTS, NULL);
  return infos[font].families;
}

const char *
nb_fonts_get_family (NbFont font)
{
  const char *result;

  g_return_val_if_fail (font < NB_N_FONTS, NULL);

  g_mutex_lock (&families_lock);
  result = families[font] != NULL ? families[font] : infos[font].families;
  g_mutex_unlock (&families_lock);
  return result;
}

/* NULL or an empty list restores the default. */
void
nb_fonts_set_family (NbFont font, const char *family_list)
{
  g_return_if_fail (font < NB_N_FONTS);

  g_mutex_lock (&families_lock);
  if (family_list == NULL || *family_list == '\0')
    families[font] = NULL;
  else
    families[font] = g_intern_string (family_list);
  g_mutex_unlock (&families_lock);
}

const char *
nb_fonts_get_key (NbFont font)
{
  g_return_val_if_fail (font < NB_N_FONTS, NULL);
  return infos[font].key;
}

/* Returns -1 for an unknown key. */
int
nb_fonts_from_key (const char *key)
{
  g_return_val_if_fail (key != NULL, -1);

  for (guint i = 0; i < NB_N_FONTS; i++)
    if (strcmp (infos[i].key, key) == 0)
      return (int) i;
  return -1;
}

double
nb_fonts_get_size (NbFont font)
{
  g_return_val_if_fail (font < NB_N_FONTS, 0.0);
  return infos[font].size;
}

PangoFontDescription *
nb_fonts_describe (NbFont font, double size)
{
  g_auto(GStrv) entries = NULL;
  g_autoptr(GString) family = g_string_new (NULL);
  PangoFontDescription *chosen = NULL;

  g_return_val_if_fail (font < NB_N_FONTS, NULL);
  g_return_val_if_fail (size >= 0.0, NULL);

  entries = g_strsplit (nb_fonts_get_family (font), ",", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      PangoFontDescription *entry;
      const char *name;

      g_strstrip (entries[i]);
      if (*entries[i] == '\0')
        continue;

      entry = pango_font_description_from_string (entries[i]);
      name = pango_font_description_get_family (entry);
      if (name == NULL)
        {
          pango_font_description_free (entry);
          continue;
        }

      if (chosen == NULL && is_installed (name))
        chosen = entry;
      if (chosen != NULL)
        {
          /* the chosen face and every entry after it, for missing glyphs */
          if (family->len > 0)
            g_string_append_c (family, ',');
          g_string_append (family, name);
        }
      if (entry != chosen)
        pango_font_description_free (entry);
    }

  if (chosen == NULL)
    {
      chosen = pango_font_description_new ();
      g_string_assign (family, "serif");
    }

  pango_font_description_set_family (chosen, family->str);
  pango_font_description_set_size (chosen,
                                   (int) ((size > 0.0 ? size : infos[font].size) * PANGO_SCALE + 0.5));
  return chosen;
}
