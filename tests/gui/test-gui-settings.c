/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The typed settings object over GSettings (the memory backend in tests).
 */
#include "config.h"

#include "nb-settings.h"

static void
test_window_and_report (void)
{
  g_autoptr(NbSettings) settings = nb_settings_new ();
  g_autoptr(NbSettings) again = NULL;
  int width, height;
  gboolean maximized;

  /* The schema from the build tree is found: values are kept. */
  g_assert_true (nb_settings_is_persistent (settings));

  nb_settings_set_window_size (settings, 1000, 700, TRUE);
  nb_settings_set_last_report (settings, "某某街道办事处", 2024);

  again = nb_settings_new ();
  nb_settings_get_window_size (again, &width, &height, &maximized);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);
  g_assert_true (maximized);
  g_assert_cmpstr (nb_settings_get_last_organ (again), ==, "某某街道办事处");
  g_assert_cmpuint (nb_settings_get_last_year (again), ==, 2024);

  /* A window too small to use is not restored. */
  nb_settings_set_window_size (settings, 10, 10, FALSE);
  nb_settings_get_window_size (again, &width, &height, NULL);
  g_assert_cmpint (width, >=, 360);
  g_assert_cmpint (height, >=, 360);
}

static void
test_fonts (void)
{
  g_autoptr(NbSettings) settings = nb_settings_new ();
  g_autofree char *stored = NULL;

  nb_settings_set_font_family (settings, NB_FONT_BODY, "Noto Serif CJK SC, serif");
  /* The renderer's table follows at once. */
  g_assert_cmpstr (nb_fonts_get_family (NB_FONT_BODY), ==, "Noto Serif CJK SC, serif");
  stored = nb_settings_dup_font_family (settings, NB_FONT_BODY);
  g_assert_cmpstr (stored, ==, "Noto Serif CJK SC, serif");

  /* Empty means the built-in list. */
  nb_settings_set_font_family (settings, NB_FONT_BODY, "");
  g_assert_cmpstr (nb_fonts_get_family (NB_FONT_BODY), ==,
                   nb_fonts_get_default_family (NB_FONT_BODY));
  nb_settings_set_font_family (settings, NB_FONT_TITLE, "   ");
  g_assert_cmpstr (nb_fonts_get_family (NB_FONT_TITLE), ==,
                   nb_fonts_get_default_family (NB_FONT_TITLE));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gui/settings/window-and-report", test_window_and_report);
  g_test_add_func ("/gui/settings/fonts", test_fonts);

  return g_test_run ();
}
