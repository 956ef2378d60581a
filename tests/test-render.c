/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF as poppler reads it back: page size and count, embedded fonts,
 * every label and figure as selectable text in reading order, a page
 * compared with a reference image, byte-reproducibility, failures that
 * leave nothing behind, extreme reports.
 *
 * Reference images: NB_UPDATE_REFERENCES=1 meson test render rewrites
 * the PNG files in tests/data/render; look at them before committing.
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "nb-compare.h"
#include "nb-fonts.h"
#include "nb-format.h"
#include "nb-render.h"
#include "nb-report.h"
#include "nb-trends.h"

/* Mean absolute difference per channel (0–255) above which a page no
 * longer looks like its reference. At 50 dpi a paragraph that reflows by
 * two characters gives 3.3, a table moved by a line more; a single figure
 * changed gives only 0.006, which is why the text tests check figures. */
#define IMAGE_TOLERANCE 1.0

static char *tmp_dir;

/* A whole report of an invented organ, written in code so that these tests
 * depend on nothing but the renderer. */

static const char *const overview_bodies[] = {
  "2024年，云溪区人民政府坚持以公开为常态、不公开为例外，围绕群众关切的教育、医疗、住房、就业等事项做好主动公开。"
  "全年通过区政府门户网站主动公开政府信息4126条，其中政策文件218条、政策解读96篇，召开新闻发布会14场。\n"
  "区政府网站“政策文件”栏目按主题、发文机关和成文日期分类，便于查找；对涉及企业和群众切身利益的文件同步发布图解、问答等解读材料。",
  "全年共收到政府信息公开申请3119件，上年结转34件，均在法定期限内答复。申请主要集中在征地拆迁、规划建设和社会保障领域。"
  "区政府办公室对答复文书实行统一审核，逐件核对法律依据和告知事项。",
  "严格落实公开前保密审查，坚持“先审查、后公开”和“一事一审”原则。年内对已公开的规范性文件开展一次全面清理，标注失效文件27件。",
  "优化政府门户网站政务公开专栏，新增“重点领域信息公开”“惠企政策直达”等专题。全区在运行的政务新媒体共31个，季度检查合格率均为100%。",
  "将政务公开工作纳入全区绩效考核，每季度通报各部门栏目更新情况；举办业务培训3期，培训工作人员210人次。全年未发生因政府信息公开工作被追责的情况。",
};

static const char *const problems_bodies[] = {
  "针对上年度报告指出的部分栏目更新不及时问题，区政府办公室建立了每月巡查制度，逐项整改到位。",
  "一是个别部门对依申请公开答复的法律适用把握不够准确；二是基层政务公开标准化工作仍有差距。",
  "2025年，将加强依申请公开答复文书的审核与培训，推进基层政务公开标准目录动态调整，进一步提升公开质量。",
};

static const char *const other_bodies[] = {
  "本年度未收取信息处理费。",
  "按照上级年度政务公开工作要点，逐项细化任务分工，均已按期完成。",
  "全年办理人大代表建议56件、政协委员提案73件，办理复文均已按规定公开。",
  "在全区12个街道推行“政务公开日”活动，邀请群众走进办事大厅，现场了解办事流程。",
  "无。",
};

static void
fill_texts (NbReport *report)
{
  const char *const *bodies[NB_N_TEXT_SECTIONS] = { overview_bodies, problems_bodies, other_bodies };
  guint counts[NB_N_TEXT_SECTIONS] = {
    G_N_ELEMENTS (overview_bodies), G_N_ELEMENTS (problems_bodies), G_N_ELEMENTS (other_bodies)
  };

  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    for (guint i = 0; i < counts[s]; i++)
      nb_report_insert_part (report, s, -1, nb_format_text_section (s)->customary[i], bodies[s][i]);
}

/* Figures that keep the rules (totals, balance) and differ from cell to
 * cell, so that the order in which they come out of the PDF means
 * something. */
static void
fill_figures (NbReport *report)
{
  static const gint64 t2[] = { 1, 0, 12, 11, 3, 86, 25634, 3985758, 1204 };
  static const gint64 t4[NB_T4_N_GROUPS][NB_T4_N_COLUMNS - 1] = {
    { 72, 64, 178, 37 }, { 25, 5, 9, 7 }, { 3, 1, 2, 0 },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (t2); i++)
    nb_report_set_figure (report, i, t2[i]);
  g_assert_true (nb_report_set_figure_text (report, nb_format_cell_by_id ("t2.fees.amount"),
                                            "24252.311082", &error));
  g_assert_no_error (error);

  for (guint c = 0; c < NB_T3_COL_TOTAL; c++)
    {
      gint64 results = 0;
      gint64 carried_in = 3 + c, carried_out = 5 + 2 * c;

      for (guint r = NB_T3_ROW_FIRST_RESULT; r <= NB_T3_ROW_LAST_RESULT; r++)
        {
          gint64 value = ((r * 37 + c * 11) % 50) * (c == 0 ? 20 : 1);

          nb_report_set_figure (report, nb_format_t3_cell (r, c), value);
          results += value;
        }
      nb_report_set_figure (report, nb_format_t3_cell (NB_T3_ROW_RESULT_TOTAL, c), results);
      nb_report_set_figure (report, nb_format_t3_cell (NB_T3_ROW_CARRIED_IN, c), carried_in);
      nb_report_set_figure (report, nb_format_t3_cell (NB_T3_ROW_CARRIED_OUT, c), carried_out);
      nb_report_set_figure (report, nb_format_t3_cell (NB_T3_ROW_NEW, c),
                            results + carried_out - carried_in);
    }
  for (guint r = 0; r < NB_T3_N_ROWS; r++)
    {
      gint64 total = 0;

      for (guint c = 0; c < NB_T3_COL_TOTAL; c++)
        {
          gint64 value;

          g_assert_true (nb_report_get_figure (report, nb_format_t3_cell (r, c), &value));
          total += value;
        }
      nb_report_set_figure (report, nb_format_t3_cell (r, NB_T3_COL_TOTAL), total);
    }

  for (guint g = 0; g < NB_T4_N_GROUPS; g++)
    {
      gint64 total = 0;

      for (guint c = 0; c + 1 < NB_T4_N_COLUMNS; c++)
        {
          nb_report_set_figure (report, nb_format_t4_cell (g, c), t4[g][c]);
          total += t4[g][c];
        }
      nb_report_set_figure (report, nb_format_t4_cell (g, NB_T4_COL_TOTAL), total);
    }
}

static NbReport *
new_blank_report (void)
{
  NbReport *report = nb_report_new ();
  g_autoptr(GError) error = NULL;

  nb_report_set_organ_field (report, NB_ORGAN_NAME, "梧桐市云溪区人民政府");
  nb_report_set_organ_field (report, NB_ORGAN_ADDRESS, "梧桐市云溪区政通路1号");
  nb_report_set_organ_field (report, NB_ORGAN_POSTCODE, "000000");
  nb_report_set_organ_field (report, NB_ORGAN_TELEPHONE, "0000-00000000");
  nb_report_set_organ_field (report, NB_ORGAN_EMAIL, "gkb@yunxi.example.gov.cn");
  nb_report_set_organ_field (report, NB_ORGAN_WEBSITE, "https://www.yunxi.example.gov.cn/zwgk/");
  nb_report_set_year (report, 2024);
  g_assert_true (nb_report_set_issued (report, "2025-01-20", &error));
  g_assert_no_error (error);
  return report;
}

static NbReport *
new_full_report (void)
{
  NbReport *report = new_blank_report ();

  fill_figures (report);
  fill_texts (report);
  return report;
}

/* Tools */

static gboolean
have_noto (void)
{
  FcPattern *pattern = FcPatternCreate ();
  FcObjectSet *objects = FcObjectSetBuild (FC_FAMILY, NULL);
  FcFontSet *found;
  gboolean have = TRUE;

  for (guint i = 0; i < 2 && have; i++)
    {
      FcPatternDel (pattern, FC_FAMILY);
      FcPatternAddString (pattern, FC_FAMILY,
                          (const FcChar8 *) (i == 0 ? "Noto Serif CJK SC" : "Noto Sans CJK SC"));
      found = FcFontList (NULL, pattern, objects);
      have = found != NULL && found->nfont > 0;
      if (found != NULL)
        FcFontSetDestroy (found);
    }
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);
  return have;
}

/* The free faces only, so that a machine with the official Chinese faces
 * installed draws the same pages as the references. */
static void
use_noto_fonts (void)
{
  nb_fonts_set_family (NB_FONT_BODY, "Noto Serif CJK SC");
  nb_fonts_set_family (NB_FONT_TITLE, "Noto Serif CJK SC Bold");
  nb_fonts_set_family (NB_FONT_HEADING, "Noto Sans CJK SC");
  nb_fonts_set_family (NB_FONT_SUBHEADING, "Noto Serif CJK SC Bold");
  nb_fonts_set_family (NB_FONT_TABLE, "Noto Serif CJK SC");
  nb_fonts_set_family (NB_FONT_PAGE_NUMBER, "Noto Serif CJK SC");
}

static void
restore_fonts (void)
{
  for (guint i = 0; i < NB_N_FONTS; i++)
    nb_fonts_set_family (i, NULL);
}

/* Runs a poppler tool; NULL (and the test skipped) when it is missing. */
static char *
run_tool (const char *const *argv)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    {
      g_autofree char *why = g_strdup_printf ("%s is not installed", argv[0]);

      g_test_skip (why);
      return NULL;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

static char *
write_pdf (NbReport *report, gboolean tables_only, const char *name, char **sha)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (nb_render_write_pdf (report, tables_only, path, sha, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static char *
pdf_text (const char *pdf, int page)
{
  g_autofree char *first = g_strdup_printf ("%d", page > 0 ? page : 1);
  g_autofree char *last = g_strdup_printf ("%d", page > 0 ? page : 9999);
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", "-f", first, "-l", last,
                         pdf, "-", NULL };

  return run_tool (argv);
}

/* Text without any white space: the PDF breaks lines where the page does. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The running text: squeezed, without the page numbers that a paragraph
 * running over a page break has in its middle. */
static char *
running_text (const char *raw)
{
  g_autoptr(GRegex) numbers = g_regex_new ("^\u2014 [0-9]+ \u2014$", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *without = g_regex_replace_literal (numbers, raw, -1, 0, "", 0, NULL);

  return squeeze (without);
}

/* Finds @needle at or after *@from and moves *@from past it. */
static void
assert_next (const char *haystack, const char *needle, const char **from)
{
  g_autofree char *squeezed = squeeze (needle);
  const char *found = strstr (*from, squeezed);

  if (found == NULL)
    {
      g_autofree char *context = g_utf8_substring (*from, 0, MIN (g_utf8_strlen (*from, -1), 40));

      g_error ("“%s” is missing from the PDF's text after “%s”", needle, context);
    }
  *from = found + strlen (squeezed);
}

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Every label of FORMAT.md, in the order the form prints them. */
static GPtrArray *
format_labels (void)
{
  GPtrArray *labels = g_ptr_array_new ();

  for (guint s = 0; s < NB_N_SECTIONS; s++)
    {
      const NbSectionInfo *section = nb_format_section (s);

      g_ptr_array_add (labels, (gpointer) section->heading);
      if (section->table == 2)
        for (guint b = 0; b < NB_T2_N_BLOCKS; b++)
          {
            const NbT2Block *block = nb_format_t2_block (b);

            g_ptr_array_add (labels, (gpointer) block->header);
            g_ptr_array_add (labels, (gpointer) NB_T2_ROW_LABEL);
            for (guint c = 0; c < block->n_columns; c++)
              g_ptr_array_add (labels, (gpointer) block->column_labels[c]);
            for (guint r = 0; r < block->n_rows; r++)
              g_ptr_array_add (labels, (gpointer) block->rows[r].label);
          }
      else if (section->table == 3)
        {
          g_ptr_array_add (labels, (gpointer) NB_T3_NOTE);
          g_ptr_array_add (labels, (gpointer) NB_T3_SPANNING_HEADER);
          g_ptr_array_add (labels, (gpointer) nb_format_t3_column (0)->label);
          g_ptr_array_add (labels, (gpointer) NB_T3_ORG_GROUP);
          for (guint c = 1; c < NB_T3_N_COLUMNS; c++)
            if (nb_format_t3_column (c)->group == NULL)
              g_ptr_array_add (labels, (gpointer) nb_format_t3_column (c)->label);
          for (guint c = 1; c < NB_T3_N_COLUMNS; c++)
            if (nb_format_t3_column (c)->group != NULL)
              g_ptr_array_add (labels, (gpointer) nb_format_t3_column (c)->label);
          for (guint r = 0; r < NB_T3_N_ROWS; r++)
            {
              const NbT3Row *row = nb_format_t3_row (r);
              const NbT3Row *prev = r > 0 ? nb_format_t3_row (r - 1) : NULL;

              if (row->outer != NULL && (prev == NULL || g_strcmp0 (prev->outer, row->outer) != 0))
                g_ptr_array_add (labels, (gpointer) row->outer);
              if (row->inner != NULL && (prev == NULL || g_strcmp0 (prev->inner, row->inner) != 0))
                g_ptr_array_add (labels, (gpointer) row->inner);
              g_ptr_array_add (labels, (gpointer) row->label);
            }
        }
      else if (section->table == 4)
        {
          g_ptr_array_add (labels, (gpointer) nb_format_t4_group (0)->label);
          g_ptr_array_add (labels, (gpointer) nb_format_t4_parent_label ());
          for (guint g = 1; g < NB_T4_N_GROUPS; g++)
            g_ptr_array_add (labels, (gpointer) nb_format_t4_group (g)->label);
          for (guint g = 0; g < NB_T4_N_GROUPS; g++)
            for (guint c = 0; c < NB_T4_N_COLUMNS; c++)
              g_ptr_array_add (labels, (gpointer) nb_format_t4_column_label (c));
        }
    }
  return labels;
}

/* Tests */

static void
test_fonts (void)
{
  PangoFontDescription *desc;

  for (guint i = 0; i < NB_N_FONTS; i++)
    {
      g_assert_cmpstr (nb_fonts_get_family (i), ==, nb_fonts_get_default_family (i));
      g_assert_cmpint (nb_fonts_from_key (nb_fonts_get_key (i)), ==, (int) i);
      g_assert_cmpfloat (nb_fonts_get_size (i), >, 0.0);
    }
  g_assert_cmpfloat (nb_fonts_get_size (NB_FONT_BODY), ==, 16.0);
  g_assert_cmpfloat (nb_fonts_get_size (NB_FONT_TITLE), ==, 22.0);
  g_assert_cmpint (nb_fonts_from_key ("no-such-style"), ==, -1);

  /* the first installed entry wins, with its own style */
  nb_fonts_set_family (NB_FONT_BODY, "No Such Face Anywhere, Noto Serif CJK SC Bold, serif");
  desc = nb_fonts_describe (NB_FONT_BODY, 12.0);
  if (have_noto ())
    {
      g_assert_true (g_str_has_prefix (pango_font_description_get_family (desc), "Noto Serif CJK SC,"));
      g_assert_cmpint (pango_font_description_get_weight (desc), ==, PANGO_WEIGHT_BOLD);
    }
  g_assert_cmpint (pango_font_description_get_size (desc), ==, 12 * PANGO_SCALE);
  pango_font_description_free (desc);

  /* nothing installed: a generic face rather than nothing */
  nb_fonts_set_family (NB_FONT_BODY, "No Such Face Anywhere");
  desc = nb_fonts_describe (NB_FONT_BODY, 0);
  g_assert_cmpstr (pango_font_description_get_family (desc), ==, "serif");
  g_assert_cmpint (pango_font_description_get_size (desc), ==, 16 * PANGO_SCALE);
  pango_font_description_free (desc);

  nb_fonts_set_family (NB_FONT_BODY, NULL);
  g_assert_cmpstr (nb_fonts_get_family (NB_FONT_BODY), ==, nb_fonts_get_default_family (NB_FONT_BODY));
}

static void
test_format_date (void)
{
  char *date;

  date = nb_render_format_date ("2025-01-20");
  g_assert_cmpstr (date, ==, "2025年1月20日");
  g_free (date);
  g_assert_null (nb_render_format_date ("2025-02-30"));
  g_assert_null (nb_render_format_date ("2025-01-20x"));
  g_assert_null (nb_render_format_date ("20 January"));
  g_assert_null (nb_render_format_date (""));
}

static void
test_layout (void)
{
  g_autoptr(NbReport) report = new_full_report ();
  g_autoptr(NbRender) render = nb_render_new (report, FALSE);
  g_autoptr(NbRender) tables = nb_render_new (report, TRUE);
  guint n = nb_render_get_n_pages (render);
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_cmpuint (n, >=, 4);
  g_assert_cmpuint (nb_render_get_n_pages (tables), <, n);
  g_assert_cmpuint (nb_render_get_n_pages (tables), >=, 2);

  /* sections begin in order; a tables-only layout has no text sections */
  g_assert_cmpuint (nb_render_get_section_page (render, 0), ==, 0);
  for (guint s = 1; s < NB_N_SECTIONS; s++)
    g_assert_cmpuint (nb_render_get_section_page (render, s), >=,
                      nb_render_get_section_page (render, s - 1));
  g_assert_cmpuint (nb_render_get_section_page (render, NB_N_SECTIONS - 1), <, n);
  g_assert_cmpuint (nb_render_get_section_page (tables, 0), ==, G_MAXUINT);
  g_assert_cmpuint (nb_render_get_section_page (tables, 1), ==, 0);

  /* the same pages draw on any surface, again and again */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
  cr = cairo_create (surface);
  cairo_scale (cr, 0.5, 0.5);
  for (guint i = 0; i < n; i++)
    nb_render_draw_page (render, cr, i);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* "Key:   value" lines of pdfinfo */
static void
assert_info (const char *info, const char *key, const char *value)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strconcat (key, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      {
        g_assert_cmpstr (g_strstrip (lines[i] + strlen (prefix)), ==, value);
        return;
      }
  g_error ("pdfinfo shows no %s", key);
}

static void
test_pdfinfo (void)
{
  g_autoptr(NbReport) report = new_full_report ();
  g_autoptr(NbRender) render = nb_render_new (report, FALSE);
  g_autofree char *path = write_pdf (report, FALSE, "info.pdf", NULL);
  const char *argv[] = { "pdfinfo", "-isodates", path, NULL };
  g_autofree char *info = run_tool (argv);
  g_autofree char *pages = NULL;

  if (info == NULL)
    return;

  pages = g_strdup_printf ("%u", nb_render_get_n_pages (render));
  assert_info (info, "Pages", pages);
  assert_info (info, "Page size", "595.276 x 841.89 pts (A4)");
  assert_info (info, "Title", "梧桐市云溪区人民政府2024年政府信息公开工作年度报告");
  assert_info (info, "Author", "梧桐市云溪区人民政府");
  assert_info (info, "Subject", NB_PDF_SUBJECT);
  assert_info (info, "Creator", "Nianbao " PACKAGE_VERSION);
  assert_info (info, "CreationDate", "2025-01-20T00:00:00+08");
  assert_info (info, "ModDate", "2025-01-20T00:00:00+08");
}

static void
test_pdffonts (void)
{
  g_autoptr(NbReport) report = new_full_report ();
  g_autofree char *path = write_pdf (report, FALSE, "fonts.pdf", NULL);
  const char *argv[] = { "pdffonts", path, NULL };
  g_autofree char *fonts = run_tool (argv);
  g_auto(GStrv) lines = NULL;
  guint n_fonts = 0;

  if (fonts == NULL)
    return;

  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      n_fonts++;
      /* a subset (ABCDEF+Name), embedded, with a ToUnicode map */
      g_assert_true (g_regex_match_simple ("^[A-Z]{6}\\+\\S+ .* yes yes yes ", lines[i], 0, 0));
    }
  g_assert_cmpuint (n_fonts, >=, 2);
  if (have_noto ())
    g_assert_nonnull (strstr (fonts, "CJK"));
}

static void
test_pdftotext (void)
{
  g_autoptr(NbReport) report = new_full_report ();
  g_autofree char *path = write_pdf (report, FALSE, "text.pdf", NULL);
  g_autofree char *raw = pdf_text (path, 0);
  g_autofree char *text = NULL;
  g_autofree char *preamble = NULL;
  g_autoptr(GPtrArray) labels = format_labels ();
  const char *at;

  if (raw == NULL)
    return;
  text = running_text (raw);

  /* title, preamble, then the form's labels in the form's order */
  at = text;
  assert_next (text, "梧桐市云溪区人民政府", &at);
  assert_next (text, "2024" NB_TITLE_SUFFIX, &at);
  preamble = nb_report_dup_preamble (report);
  assert_next (text, preamble, &at);
  for (guint i = 0; i < labels->len; i++)
    assert_next (text, g_ptr_array_index (labels, i), &at);
  assert_next (text, "梧桐市云溪区人民政府", &at);
  assert_next (text, "2025年1月20日", &at);

  /* the parts, in order, inside their sections */
  at = text;
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    {
      assert_next (text, nb_format_text_section (s)->heading, &at);
      for (guint p = 0; p < nb_report_get_n_parts (report, s); p++)
        {
          assert_next (text, nb_report_get_part_heading (report, s, p), &at);
          assert_next (text, nb_report_get_part_body (report, s, p), &at);
        }
    }

  /* every figure, after its row's label, in column order */
  at = strstr (text, nb_format_section (1)->heading);
  for (guint b = 0; b < NB_T2_N_BLOCKS; b++)
    for (guint r = 0; r < nb_format_t2_block (b)->n_rows; r++)
      {
        assert_next (text, nb_format_t2_block (b)->rows[r].label, &at);
        for (guint c = 0; c < nb_format_t2_block (b)->n_columns; c++)
          {
            g_autofree char *figure = nb_report_dup_figure_text (report, nb_format_t2_cell (b, r, c));

            assert_next (text, figure, &at);
          }
      }
  g_assert_nonnull (strstr (text, "24252.311082"));
  g_assert_nonnull (strstr (text, "3985758"));

  for (guint r = 0; r < NB_T3_N_ROWS; r++)
    {
      assert_next (text, nb_format_t3_row (r)->label, &at);
      for (guint c = 0; c < NB_T3_N_COLUMNS; c++)
        {
          g_autofree char *figure = nb_report_dup_figure_text (report, nb_format_t3_cell (r, c));

          assert_next (text, figure, &at);
        }
    }

  for (guint c = 0; c < NB_T4_N_COLUMNS; c++)
    assert_next (text, nb_format_t4_column_label (c), &at);
  for (guint g = 0; g < NB_T4_N_GROUPS; g++)
    for (guint c = 0; c < NB_T4_N_COLUMNS; c++)
      {
        g_autofree char *figure = nb_report_dup_figure_text (report, nb_format_t4_cell (g, c));

        assert_next (text, figure, &at);
      }

  /* page numbers between 一字线, on lines of their own */
  g_assert_nonnull (strstr (raw, "\n\u2014 1 \u2014\n"));
  g_assert_nonnull (strstr (raw, "\n\u2014 2 \u2014\n"));
}

/* GB/T 9704: 28 characters to a line, 22 lines to a page, first lines two
 * characters in. */
static void
test_grid (void)
{
  g_autoptr(NbReport) report = new_blank_report ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *raw = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_lines = 0, first = G_MAXUINT;

  /* one long paragraph of ideographs, beginning with a marker */
  g_string_append (body, "甲");
  for (guint i = 1; i < 26 + 28 * 60; i++)
    g_string_append (body, "政");
  nb_report_insert_part (report, NB_TEXT_OVERVIEW, -1, "", body->str);

  path = write_pdf (report, FALSE, "grid.pdf", NULL);
  raw = pdf_text (path, 2);
  if (raw == NULL)
    return;

  /* page 2 is all that paragraph: 22 full lines and the page number */
  lines = g_strsplit (raw, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = squeeze (lines[i]);

      if (*line == '\0' || g_str_has_prefix (line, "\u2014"))
        continue;
      n_lines++;
      g_assert_cmpint (g_utf8_strlen (line, -1), ==, 28);
    }
  g_assert_cmpuint (n_lines, ==, 22);

  g_clear_pointer (&raw, g_free);
  g_clear_pointer (&lines, g_strfreev);
  raw = pdf_text (path, 1);
  lines = g_strsplit (raw, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = squeeze (lines[i]);

      if (g_str_has_prefix (line, "甲"))
        {
          g_autofree char *next = squeeze (lines[i + 1]);

          /* the indented first line holds 26, the next one 28 */
          g_assert_cmpint (g_utf8_strlen (line, -1), ==, 26);
          g_assert_cmpint (g_utf8_strlen (next, -1), ==, 28);
          first = i;
        }
    }
  g_assert_cmpuint (first, !=, G_MAXUINT);
}

/* A part heading that ends a sentence runs into its paragraph, as in
 * "（一）主动公开情况。2024年，…"; any other stands on a line of its own. */
static void
test_part_headings (void)
{
  g_autoptr(NbReport) report = new_blank_report ();
  g_autofree char *path = NULL;
  g_autofree char *raw = NULL;

  nb_report_insert_part (report, NB_TEXT_OVERVIEW, -1, "（一）主动公开情况。", "全年主动公开信息。");
  nb_report_insert_part (report, NB_TEXT_OVERVIEW, -1, "（二）依申请公开", "本年度未收到申请。");
  nb_report_insert_part (report, NB_TEXT_OVERVIEW, -1, "", "第二段。\n\n第三段。");
  path = write_pdf (report, FALSE, "parts.pdf", NULL);
  raw = pdf_text (path, 0);
  if (raw == NULL)
    return;

  g_assert_nonnull (strstr (raw, "\n（一）主动公开情况。全年主动公开信息。\n"));
  g_assert_nonnull (strstr (raw, "\n（二）依申请公开\n本年度未收到申请。\n"));
  g_assert_nonnull (strstr (raw, "\n第二段。\n第三段。\n"));
}

static void
test_header_repeated (void)
{
  g_autoptr(NbReport) report = new_full_report ();
  g_autoptr(NbRender) render = nb_render_new (report, FALSE);
  g_autofree char *path = write_pdf (report, FALSE, "repeat.pdf", NULL);
  guint start = nb_render_get_section_page (render, 2);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *raw = NULL;

  /* table 三 of a real report does not fit one page at 五号 */
  g_assert_cmpuint (nb_render_get_section_page (render, 3), >, start);
  raw = pdf_text (path, (int) start + 1);
  if (raw == NULL)
    return;
  first = squeeze (raw);
  g_clear_pointer (&raw, g_free);
  raw = pdf_text (path, (int) start + 2);
  second = squeeze (raw);

  g_assert_nonnull (strstr (first, nb_format_t3_row (0)->label));
  g_assert_null (strstr (second, nb_format_t3_row (0)->label));
  g_assert_nonnull (strstr (second, nb_format_t3_row (NB_T3_N_ROWS - 1)->label));
  g_assert_null (strstr (first, nb_format_t3_row (NB_T3_N_ROWS - 1)->label));

  /* the continuation begins with the whole header again */
  for (const char *const *page = (const char *const[]) { first, second, NULL }; *page; page++)
    {
      const char *at = *page;

      assert_next (*page, NB_T3_NOTE, &at);
      assert_next (*page, NB_T3_SPANNING_HEADER, &at);
      for (guint c = 0; c < NB_T3_N_COLUMNS; c++)
        g_assert_nonnull (strstr (at, nb_format_t3_column (c)->label));
      g_assert_nonnull (strstr (at, NB_T3_ORG_GROUP));
    }
  /* the header comes before the rows */
  g_assert_true (strstr (second, NB_T3_NOTE) < strstr (second, nb_format_t3_row (NB_T3_N_ROWS - 1)->label));
}

static void
test_tables_only (void)
{
  g_autoptr(NbReport) report = new_full_report ();
  g_autofree char *path = write_pdf (report, TRUE, "tables.pdf", NULL);
  g_autofree char *raw = pdf_text (path, 0);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) labels = format_labels ();
  const char *at;

  if (raw == NULL)
    return;
  text = squeeze (raw);

  at = text;
  assert_next (text, "2024" NB_TITLE_SUFFIX, &at);
  for (guint s = 1; s <= 3; s++)
    assert_next (text, nb_format_section (s)->heading, &at);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *label = g_ptr_array_index (labels, i);

      if (strcmp (label, nb_format_section (0)->heading) == 0
          || strcmp (label, nb_format_section (4)->heading) == 0
          || strcmp (label, nb_format_section (5)->heading) == 0)
        g_assert_null (strstr (text, label));
      else
        g_assert_nonnull (strstr (text, label));
    }
  g_assert_null (strstr (text, "2025年1月20日"));
  g_assert_null (strstr (text, "政务公开日"));
  g_assert_null (strstr (text, "统计期限"));
}

static void
test_reproducible (void)
{
  g_autoptr(NbReport) report = new_full_report ();
  g_autofree char *sha_a = NULL, *sha_b = NULL, *sha_c = NULL, *sha_d = NULL;
  g_autofree char *a = write_pdf (report, FALSE, "same-a.pdf", &sha_a);
  g_autofree char *b = NULL, *c = NULL, *d = NULL;
  g_autofree char *bytes_a = NULL, *bytes_b = NULL, *sum = NULL;
  gsize len_a, len_b;
  guint cell = nb_format_t3_cell (NB_T3_ROW_NEW, 0);
  gint64 value;

  /* a moment later, elsewhere: the clock must not show in the bytes */
  g_usleep (1100 * 1000);
  b = write_pdf (report, FALSE, "same-b.pdf", &sha_b);
  g_assert_true (g_file_get_contents (a, &bytes_a, &len_a, NULL));
  g_assert_true (g_file_get_contents (b, &bytes_b, &len_b, NULL));
  g_assert_cmpmem (bytes_a, len_a, bytes_b, len_b);
  g_assert_cmpstr (sha_a, ==, sha_b);
  g_assert_cmpuint (strlen (sha_a), ==, 64);

  /* the hash is the file's */
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes_a, len_a);
  g_assert_cmpstr (sum, ==, sha_a);

  /* one figure changed changes the document; changed back, it is the same */
  g_assert_true (nb_report_get_figure (report, cell, &value));
  nb_report_set_figure (report, cell, value + 1);
  c = write_pdf (report, FALSE, "changed.pdf", &sha_c);
  g_assert_cmpstr (sha_c, !=, sha_a);
  nb_report_set_figure (report, cell, value);
  d = write_pdf (report, FALSE, "changed-back.pdf", &sha_d);
  g_assert_cmpstr (sha_d, ==, sha_a);

  /* writing over an existing file replaces it */
  nb_report_set_figure (report, cell, value + 1);
  g_clear_pointer (&sha_d, g_free);
  g_assert_true (nb_render_write_pdf (report, FALSE, d, &sha_d, NULL));
  g_assert_cmpstr (sha_d, ==, sha_c);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (listing);
  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

static void
test_unwritable (void)
{
  g_autoptr(NbReport) report = new_full_report ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (tmp_dir, "locked", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *taken = g_build_filename (tmp_dir, "taken.pdf", NULL);
  g_autofree char *inside = g_build_filename (taken, "occupied", NULL);
  g_autofree char *sha = NULL;

  /* a folder without write permission (root may write anyway) */
  g_assert_cmpint (g_mkdir (dir, 0500), ==, 0);
  if (access (dir, W_OK) != 0)
    {
      g_assert_false (nb_render_write_pdf (report, FALSE, path, &sha, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_null (sha);
      g_assert_cmpuint (count_entries (dir), ==, 0);
      g_clear_error (&error);
    }
  else
    g_test_message ("running as a user who may write anywhere: permission case left out");

  /* the target is a folder: the temporary file was written and must go */
  g_assert_cmpint (g_mkdir (taken, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "x", 1, NULL));
  g_assert_false (nb_render_write_pdf (report, FALSE, taken, &sha, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_nonnull (strstr (error->message, taken));
  g_assert_null (sha);
  g_assert_true (g_file_test (taken, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_entries (taken), ==, 1);
  {
    g_autoptr(GDir) listing = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".taken.pdf."));
  }

  g_unlink (inside);
  g_rmdir (taken);
  g_chmod (dir, 0700);
  g_rmdir (dir);
}

static void
test_no_folder (void)
{
  g_autoptr(NbReport) report = new_full_report ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (tmp_dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);

  g_assert_false (nb_render_write_pdf (report, FALSE, path, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static int
compare_length (gconstpointer a, gconstpointer b)
{
  return (int) strlen (*(const char *const *) a) - (int) strlen (*(const char *const *) b);
}

/* Nothing filled in: the form with every cell empty, not a 0 anywhere. */
static void
test_blank (void)
{
  g_autoptr(NbReport) report = new_blank_report ();
  g_autoptr(NbReport) empty = nb_report_new ();
  g_autoptr(NbRender) bare = nb_render_new (empty, FALSE);
  g_autofree char *path = write_pdf (report, TRUE, "blank.pdf", NULL);
  g_autofree char *raw = pdf_text (path, 0);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) labels = format_labels ();
  g_autoptr(GString) rest = NULL;

  g_assert_cmpuint (nb_render_get_n_pages (bare), >=, 1);
  if (raw == NULL)
    return;
  text = squeeze (raw);

  /* take away the title, the labels (longest first: some hold others) and
   * the page numbers; no digit may remain */
  g_ptr_array_add (labels, (gpointer) "梧桐市云溪区人民政府");
  g_ptr_array_add (labels, (gpointer) "2024" NB_TITLE_SUFFIX);
  g_ptr_array_sort (labels, compare_length);
  rest = g_string_new (text);
  for (guint i = labels->len; i > 0; i--)
    {
      g_autofree char *label = squeeze (g_ptr_array_index (labels, i - 1));

      g_string_replace (rest, label, "", 0);
    }
  for (guint page = 1; page < 10; page++)
    {
      g_autofree char *number = g_strdup_printf ("\u2014%u\u2014", page);

      g_string_replace (rest, number, "", 0);
    }
  g_assert_false (g_regex_match_simple ("[0-9]", rest->str, 0, 0));
}

/* The largest figures still fit their cells on one line each. */
static void
test_largest (void)
{
  g_autoptr(NbReport) report = new_full_report ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *raw = NULL;
  g_autoptr(GRegex) numbers = g_regex_new ("[0-9.]+", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n_counts = 0, n_big = 0, n_fee = 0;

  for (guint cell = 0; cell < NB_N_CELLS; cell++)
    if (nb_format_cell (cell)->kind == NB_CELL_COUNT)
      {
        nb_report_set_figure (report, cell, G_GINT64_CONSTANT (9999999999));
        n_counts++;
      }
  g_assert_true (nb_report_set_figure_text (report, nb_format_cell_by_id ("t2.fees.amount"),
                                            "9999999999.999999", &error));
  g_assert_no_error (error);

  path = write_pdf (report, FALSE, "largest.pdf", NULL);
  raw = pdf_text (path, 0);
  if (raw == NULL)
    return;

  /* whole numbers in the text as extracted, white space kept: a figure
   * broken over two lines would show as two shorter numbers */
  g_regex_match (numbers, raw, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *word = g_match_info_fetch (match, 0);

      if (strcmp (word, "9999999999") == 0)
        n_big++;
      else if (strcmp (word, "9999999999.999999") == 0)
        n_fee++;
      else
        g_assert_false (g_str_has_prefix (word, "999"));
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (n_big, ==, n_counts);
  g_assert_cmpuint (n_fee, ==, 1);
  g_assert_cmpuint (count (raw, "9999999999"), ==, n_counts + 1);
}

/* Pages as poppler draws them, beside the references in tests/data/render. */

static double
image_difference (const char *path_a, const char *path_b, char **why)
{
  cairo_surface_t *a = cairo_image_surface_create_from_png (path_a);
  cairo_surface_t *b = cairo_image_surface_create_from_png (path_b);
  double total = 0.0;
  int width, height;

  *why = NULL;
  if (cairo_surface_status (a) != CAIRO_STATUS_SUCCESS || cairo_surface_status (b) != CAIRO_STATUS_SUCCESS)
    *why = g_strdup_printf ("cannot read %s or %s", path_a, path_b);
  else if (cairo_image_surface_get_width (a) != cairo_image_surface_get_width (b)
           || cairo_image_surface_get_height (a) != cairo_image_surface_get_height (b))
    *why = g_strdup_printf ("%s is %d × %d, %s is %d × %d", path_a,
                            cairo_image_surface_get_width (a), cairo_image_surface_get_height (a),
                            path_b,
                            cairo_image_surface_get_width (b), cairo_image_surface_get_height (b));
  if (*why != NULL)
    {
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
      return G_MAXDOUBLE;
    }

  width = cairo_image_surface_get_width (a);
  height = cairo_image_surface_get_height (a);
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row_a = (const guint32 *) (gconstpointer) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a));
      const guint32 *row_b = (const guint32 *) (gconstpointer) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b));

      for (int x = 0; x < width; x++)
        for (int shift = 0; shift < 24; shift += 8)
          total += ABS ((int) ((row_a[x] >> shift) & 0xff) - (int) ((row_b[x] >> shift) & 0xff));
    }

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  return total / ((double) width * height * 3);
}

static void
compare_page (const char *pdf, guint page, const char *name)
{
  g_autofree char *number = g_strdup_printf ("%u", page + 1);
  g_autofree char *prefix = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *reference = g_test_build_filename (G_TEST_DIST, "data", "render", file, NULL);
  const char *argv[] = { "pdftoppm", "-r", "50", "-f", number, "-l", number, "-png",
                         "-singlefile", pdf, prefix, NULL };
  g_autofree char *out = run_tool (argv);
  g_autofree char *why = NULL;
  double difference;

  if (out == NULL)
    return;

  if (g_strcmp0 (g_getenv ("NB_UPDATE_REFERENCES"), "1") == 0)
    {
      g_autoptr(GFile) from = g_file_new_for_path (png);
      g_autoptr(GFile) to = g_file_new_for_path (reference);
      g_autoptr(GError) error = NULL;

      g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_test_message ("wrote %s", reference);
      return;
    }

  difference = image_difference (png, reference, &why);
  if (why != NULL)
    g_error ("page %u: %s (NB_UPDATE_REFERENCES=1 writes the references)", page + 1, why);
  if (difference > IMAGE_TOLERANCE)
    g_error ("page %u differs from %s by %.2f per channel on average (tolerance %.2f); "
             "the page drawn is %s (NB_UPDATE_REFERENCES=1 writes the references)",
             page + 1, reference, difference, IMAGE_TOLERANCE, png);
  g_test_message ("page %u: mean difference %.3f", page + 1, difference);
}

static void
test_reference_pages (void)
{
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbRender) render = NULL;
  g_autofree char *path = NULL;

  if (!have_noto ())
    {
      g_test_skip ("the Noto CJK fonts (fonts-noto-cjk) are not installed");
      return;
    }

  use_noto_fonts ();
  report = new_full_report ();
  render = nb_render_new (report, FALSE);
  path = write_pdf (report, FALSE, "reference.pdf", NULL);
  compare_page (path, 0, "page-1");
  compare_page (path, nb_render_get_section_page (render, 2), "table-3");
  restore_fonts ();
}

/* The comparison itself tells a changed page from the same page. */
static void
test_image_difference (void)
{
  g_autofree char *a = g_build_filename (tmp_dir, "a.png", NULL);
  g_autofree char *b = g_build_filename (tmp_dir, "b.png", NULL);
  g_autofree char *why = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 100, 100);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, a), ==, CAIRO_STATUS_SUCCESS);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, 0, 0, 100, 10);
  cairo_fill (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, b), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_cmpfloat (image_difference (a, a, &why), ==, 0.0);
  g_assert_null (why);
  g_assert_cmpfloat_with_epsilon (image_difference (a, b, &why), 25.5, 0.01);
  g_assert_cmpfloat (image_difference (a, "/nonexistent.png", &why), ==, G_MAXDOUBLE);
  g_assert_nonnull (why);
}

/* The appendix 附：与上年对比 */

static NbReport *
new_previous_report (NbReport *report, guint year, gint64 received)
{
  NbReport *previous = nb_report_copy (report);

  nb_report_set_year (previous, year);
  nb_report_set_figure (previous, nb_format_cell_by_id ("t3.new.total"), received);
  return previous;
}

static char *
write_pdf_with (NbReport *report, const NbRenderOptions *options, const char *name, char **sha)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (nb_render_write_pdf_full (report, options, path, sha, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_appendix (void)
{
  g_autoptr(NbReport) report = new_full_report ();
  g_autoptr(NbReport) previous = NULL;
  g_autoptr(NbReport) older = NULL;
  g_autoptr(GPtrArray) history = g_ptr_array_new ();
  g_autoptr(NbRender) plain = nb_render_new (report, FALSE);
  g_autoptr(NbRender) with = NULL;
  g_autoptr(NbRender) table_only = NULL;
  g_autoptr(NbComparison) comparison = NULL;
  g_autofree char *path = NULL, *raw = NULL, *text = NULL, *row = NULL, *percent = NULL;
  NbRenderOptions options = { FALSE, NULL, NULL };
  const char *from;
  guint n_plain = nb_render_get_n_pages (plain);
  guint received = nb_format_cell_by_id ("t3.new.total");
  gint64 now;

  /* last year received 4/5 of this year's: +25.0% */
  g_assert_true (nb_report_get_figure (report, received, &now));
  previous = new_previous_report (report, 2023, now / 5 * 4);
  nb_report_set_figure (report, received, now / 5 * 5);
  now = now / 5 * 5;
  older = new_previous_report (report, 2022, 7);
  g_ptr_array_add (history, older);
  g_ptr_array_add (history, previous);

  /* the table alone, then with the chart on its page or the next */
  options.previous = previous;
  with = nb_render_new_full (report, &options);
  g_assert_cmpuint (nb_render_get_n_pages (with), >, n_plain);
  for (guint s = 0; s < NB_N_SECTIONS; s++)
    g_assert_cmpuint (nb_render_get_section_page (with, s), ==,
                      nb_render_get_section_page (plain, s));
  g_clear_object (&with);
  options.history = history;
  with = nb_render_new_full (report, &options);
  g_assert_cmpuint (nb_render_get_n_pages (with), >, n_plain);
  g_assert_cmpuint (nb_render_get_n_pages (with), <=, n_plain + 2);

  path = write_pdf_with (report, &options, "appendix.pdf", NULL);
  raw = pdf_text (path, n_plain + 1);
  if (raw == NULL)
    return;
  text = running_text (raw);

  /* the report before it is untouched: the appendix starts on a new page */
  g_assert_true (g_str_has_prefix (text, NB_APPENDIX_HEADING));
  from = text;
  assert_next (text, NB_APPENDIX_HEADING, &from);
  assert_next (text, "项目", &from);
  assert_next (text, "上年2023年", &from);
  assert_next (text, "本年2024年", &from);
  row = g_strdup_printf ("本年新收政府信息公开申请数量%" G_GINT64_FORMAT "%" G_GINT64_FORMAT
                         "+%" G_GINT64_FORMAT "+25.0%%", now / 5 * 4, now, now / 5);
  assert_next (text, row, &from);
  for (guint t = 1; t < NB_N_TRENDS; t++)
    g_assert_nonnull (strstr (text, nb_trend_get_label (t)));

  /* the totals as nb-compare has them */
  comparison = nb_compare (report, previous);
  percent = nb_compare_format_percent (nb_comparison_get_total (comparison, NB_COMPARE_TOTAL_T3));
  g_assert_nonnull (percent);
  {
    const NbCompareValue *t3 = nb_comparison_get_total (comparison, NB_COMPARE_TOTAL_T3);
    g_autofree char *expected = g_strdup_printf ("%s%" G_GINT64_FORMAT "%" G_GINT64_FORMAT "%s%" G_GINT64_FORMAT "%s",
                                                 nb_compare_total_heading (NB_COMPARE_TOTAL_T3),
                                                 t3->last, t3->this_year,
                                                 t3->change > 0 ? "+" : "", t3->change, percent);

    assert_next (text, expected, &from);
  }
  /* the chart's title, with the years it spans */
  g_clear_pointer (&raw, g_free);
  raw = pdf_text (path, 0);
  g_assert_nonnull (strstr (raw, "主要数据历年变化（2022—2024年）"));

  /* tables only, with the appendix */
  options.tables_only = TRUE;
  table_only = nb_render_new_full (report, &options);
  g_assert_cmpuint (nb_render_get_n_pages (table_only), <, nb_render_get_n_pages (with));
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&raw, g_free);
  path = write_pdf_with (report, &options, "appendix-tables.pdf", NULL);
  raw = pdf_text (path, 0);
  g_assert_nonnull (strstr (raw, NB_APPENDIX_HEADING));
  g_assert_null (strstr (raw, nb_format_section (0)->heading));
}

static void
test_appendix_reproducible (void)
{
  g_autoptr(NbReport) report = new_full_report ();
  g_autoptr(NbReport) previous = new_previous_report (report, 2023, 5);
  g_autoptr(GPtrArray) history = g_ptr_array_new ();
  g_autofree char *sha_a = NULL, *sha_b = NULL, *sha_plain = NULL, *sha_history = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;
  NbRenderOptions options = { FALSE, previous, history };
  NbRenderOptions none = { FALSE, NULL, NULL };

  g_ptr_array_add (history, previous);
  a = write_pdf_with (report, &options, "appendix-a.pdf", &sha_a);
  b = write_pdf_with (report, &options, "appendix-b.pdf", &sha_b);
  g_assert_cmpstr (sha_a, ==, sha_b);

  /* no options is the report as before; a different history, other bytes */
  c = write_pdf_with (report, &none, "appendix-none.pdf", &sha_plain);
  g_assert_cmpstr (sha_plain, !=, sha_a);
  {
    g_autofree char *sha_old = NULL;
    g_autofree char *old = write_pdf (report, FALSE, "appendix-old-api.pdf", &sha_old);

    g_assert_cmpstr (sha_old, ==, sha_plain);
  }
  nb_report_set_figure (previous, nb_format_cell_by_id ("t3.new.total"), 6);
  d = write_pdf_with (report, &options, "appendix-changed.pdf", &sha_history);
  g_assert_cmpstr (sha_history, !=, sha_a);
}

/* A 10 000-letter "word" (the hostile tests' case) breaks by character
 * in well under a second, every letter on the pages, nothing after it
 * lost. */
static void
test_long_word (void)
{
  g_autoptr(NbReport) report = new_full_report ();
  g_autoptr(NbRender) before = nb_render_new (report, FALSE);
  g_autoptr(NbRender) render = NULL;
  g_autofree char *word = g_strnfill (10000, 'W');
  g_autofree char *body = g_strconcat ("开头", word, "结尾。\n后面的段落照常排版。", NULL);
  g_autofree char *path = NULL, *raw = NULL, *text = NULL;
  gint64 start;
  double ms;

  nb_report_insert_part (report, NB_TEXT_OTHER, -1, "（六）超长单词", body);
  start = g_get_monotonic_time ();
  render = nb_render_new (report, FALSE);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_test_message ("laid out with a 10 000-letter word in %.0f ms", ms);
  g_assert_cmpfloat (ms, <, 3000.0);

  /* 10 000 W at about 15 pt each: over 300 lines, over 14 pages more */
  g_assert_cmpuint (nb_render_get_n_pages (render), >=, nb_render_get_n_pages (before) + 14);

  path = write_pdf (report, FALSE, "long-word.pdf", NULL);
  raw = pdf_text (path, 0);
  if (raw == NULL)
    return;
  text = running_text (raw);
  g_assert_cmpuint (count (text, "W"), ==, 10000);
  g_assert_nonnull (strstr (text, "开头WWW"));
  g_assert_nonnull (strstr (text, "WWW结尾。后面的段落照常排版。"));
  /* no stray characters where the breaks were let in */
  g_assert_null (strstr (text, "W\u200bW"));
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* messages about Chinese labels legible whatever the test's locale */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("nianbao-render-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/render/fonts", test_fonts);
  g_test_add_func ("/render/format-date", test_format_date);
  g_test_add_func ("/render/layout", test_layout);
  g_test_add_func ("/render/pdfinfo", test_pdfinfo);
  g_test_add_func ("/render/pdffonts", test_pdffonts);
  g_test_add_func ("/render/pdftotext", test_pdftotext);
  g_test_add_func ("/render/grid", test_grid);
  g_test_add_func ("/render/part-headings", test_part_headings);
  g_test_add_func ("/render/header-repeated", test_header_repeated);
  g_test_add_func ("/render/tables-only", test_tables_only);
  g_test_add_func ("/render/reproducible", test_reproducible);
  g_test_add_func ("/render/unwritable", test_unwritable);
  g_test_add_func ("/render/no-folder", test_no_folder);
  g_test_add_func ("/render/blank", test_blank);
  g_test_add_func ("/render/largest", test_largest);
  g_test_add_func ("/render/image-difference", test_image_difference);
  g_test_add_func ("/render/reference-pages", test_reference_pages);
  g_test_add_func ("/render/appendix", test_appendix);
  g_test_add_func ("/render/appendix-reproducible", test_appendix_reproducible);
  g_test_add_func ("/render/long-word", test_long_word);

  status = g_test_run ();

  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmp_dir);
    g_autoptr(GFileEnumerator) files = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                  G_FILE_QUERY_INFO_NONE, NULL, NULL);
    GFileInfo *info;

    while (files != NULL && (info = g_file_enumerator_next_file (files, NULL, NULL)) != NULL)
      {
        g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

        g_file_delete (child, NULL, NULL);
        g_object_unref (info);
      }
    g_rmdir (tmp_dir);
  }
  g_free (tmp_dir);
  return status;
}
