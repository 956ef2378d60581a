/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The typefaces of the printed report (GB/T 9704-2012 styles), each a
 * comma-separated family list with fallbacks, kept in one place so that the
 * editor's settings can change them.
 */
#pragma once

#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

typedef enum
{
  NB_FONT_BODY,        /* 仿宋-style, 3号 16 pt */
  NB_FONT_TITLE,       /* 小标宋-style, 2号 22 pt */
  NB_FONT_HEADING,     /* 黑体-style: 一、 */
  NB_FONT_SUBHEADING,  /* 楷体-style: （一） */
  NB_FONT_TABLE,       /* 宋体-style, 五号 10.5 pt or smaller */
  NB_FONT_PAGE_NUMBER, /* 宋体-style, 4号 14 pt: — 1 — */
  NB_N_FONTS
} NbFont;

/* A family list reads like a CSS font-family list, e.g.
 * "FangSong, 仿宋_GB2312, FangSong_GB2312, Noto Serif CJK SC, serif".
 * An entry may end in a Pango style word ("Noto Serif CJK SC Bold"): that
 * style is used only when that entry is the first one installed, so a
 * fallback face can stand in for a heavier official face without making
 * the official face itself synthetically bold. */
const char           *nb_fonts_get_family         (NbFont      font);
const char           *nb_fonts_get_default_family (NbFont      font);
void                  nb_fonts_set_family         (NbFont      font,
                                                   const char *families);
const char           *nb_fonts_get_key            (NbFont      font);
int                   nb_fonts_from_key           (const char *key);

/* The nominal size in points (号 sizes: 2号 22, 3号 16, 4号 14, 五号 10.5). */
double                nb_fonts_get_size           (NbFont      font);

/* The first installed entry of the font's list, with the rest of the list
 * behind it for glyphs it lacks, at @size points (0: the nominal size). */
PangoFontDescription *nb_fonts_describe           (NbFont      font,
                                                   double      size);

G_END_DECLS
