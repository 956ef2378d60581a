/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a paragraph's text is prepared for Pango and spread over its lines:
 * break opportunities where Chinese typesetting allows them and Pango
 * would not find them, and justification that widens every character of
 * a line rather than only its spaces.
 */
#include "config.h"

#include <string.h>

#include "nb-render-private.h"

/* A run of this many characters without a break opportunity is wider than
 * any line (even at a quarter em a character it needs 200 × 4 pt, the
 * line is 442 pt), so it is broken by character wherever it is; Pango
 * finds those breaks only by retrying the whole run for every line, which
 * takes seconds for a 10 000-letter "word". */
#define LONG_RUN 200

/* Web addresses, e-mail addresses and telephone numbers may break after
 * their punctuation, as Chinese word processors let them, instead of
 * leaving a line spread out by justification: a zero-width space (no ink,
 * no text) after / . @ - and the like, but never inside a number such as
 * 96171.6. @offset, if given, is a byte offset into @text moved along. */
static char *
dup_with_punctuation_hints (const char *text, guint *offset)
{
  GString *out = g_string_sized_new (strlen (text) + 16);
  guint moved = offset ? *offset : 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      g_string_append_c (out, *p);
      if (p > text && strchr ("/.@_-?&=#:", *p) != NULL
          && g_ascii_isgraph (p[-1]) && g_ascii_isalnum (p[1])
          && (*p == '-' || !(g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1]))))
        {
          g_string_append (out, "\u200b");
          if (offset != NULL && (guint) (p - text) < *offset)
            moved += strlen ("\u200b");
        }
    }

  if (offset != NULL)
    *offset = moved;
  return g_string_free (out, FALSE);
}

void
nb_render_add_letter_spacing (PangoAttrList *attrs, int spacing, guint start, guint end)
{
  PangoAttribute *attr = pango_attr_letter_spacing_new (spacing);

  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

static int
line_width (PangoLayout *layout, int index)
{
  PangoRectangle logical;

  pango_layout_line_get_extents (pango_layout_get_line_readonly (layout, index), NULL, &logical);
  return logical.width;
}

static void
set_spacings (PangoLayout *layout, PangoAttrList *base, int spacing,
              const int *extra, const int *starts, const int *lengths, int n_lines)
{
  PangoAttrList *attrs = pango_attr_list_copy (base);

  for (int i = 0; i < n_lines; i++)
    nb_render_add_letter_spacing (attrs, spacing + extra[i], starts[i], starts[i] + lengths[i]);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

/* Pango's own justification widens only the spaces of a line that has
 * any, which tears holes into Chinese text with a figure or a Latin word
 * set off by spaces; a Chinese typesetter spreads the difference over
 * every character of the line instead. Pango trims the spacing at some
 * run ends, so the first round spreads a little too little and measures
 * how much each unit of spacing widened the line; the second fills the
 * line. If a round moves a line break, the round before it stands. A line
 * that would need more than half a character per character stays as it
 * is. */
void
nb_render_justify_lines (PangoLayout *layout, PangoAttrList *base, int spacing, double size)
{
  const char *text = pango_layout_get_text (layout);
  int n_lines = pango_layout_get_line_count (layout);
  int width = pango_layout_get_width (layout);
  int indent = MAX (pango_layout_get_indent (layout), 0);
  g_autofree int *starts = g_new0 (int, n_lines);
  g_autofree int *lengths = g_new0 (int, n_lines);
  g_autofree int *widths = g_new0 (int, n_lines);
  g_autofree int *extra = g_new0 (int, n_lines);
  g_autofree int *previous = g_new0 (int, n_lines);

  if (n_lines < 2)
    return;

  for (int i = 0; i < n_lines; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, i);

      starts[i] = line->start_index;
      lengths[i] = line->length;
      widths[i] = line_width (layout, i);
    }

  for (int round = 0; round < 2; round++)
    {
      gboolean same;

      memcpy (previous, extra, n_lines * sizeof (int));
      for (int i = 0; i + 1 < n_lines; i++)
        {
          int room = width - (i == 0 ? indent : 0) - line_width (layout, i);
          int n_chars = g_utf8_strlen (text + starts[i], lengths[i]);

          if (round == 0)
            extra[i] = room / (n_chars + 2);
          else if (extra[i] > 0)
            {
              double grown = (line_width (layout, i) - widths[i]) / (double) extra[i];

              if (grown >= 1.0)
                extra[i] += (int) (room / grown);
            }
          if (extra[i] < 0 || extra[i] > size * PANGO_SCALE / 2)
            extra[i] = 0;
        }
      set_spacings (layout, base, spacing, extra, starts, lengths, n_lines);

      same = pango_layout_get_line_count (layout) == n_lines;
      for (int i = 0; i < n_lines && same; i++)
        same = pango_layout_get_line_readonly (layout, i)->start_index == starts[i];
      if (!same)
        {
          set_spacings (layout, base, spacing, previous, starts, lengths, n_lines);
          return;
        }
    }
}

/* Characters after which a line may break anyway: spaces, the zero-width
 * space, ideographs. */
static gboolean
is_break_opportunity (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200b
         || g_unichar_break_type (c) == G_UNICODE_BREAK_IDEOGRAPHIC;
}

/* Before a mark, a joiner or a variation selector the character is not
 * finished: no break there. */
static gboolean
continues_cluster (gunichar c)
{
  return g_unichar_ismark (c) || c == 0x200d || (c >= 0xfe00 && c <= 0xfe0f)
         || (c >= 0xe0100 && c <= 0xe01ef);
}

/* Lets every run longer than LONG_RUN break between any two characters,
 * as Pango would end up doing for it, with a zero-width space; shorter
 * runs, all of normal text, are left alone. */
static char *
dup_with_long_runs_broken (const char *text, guint *offset)
{
  GString *out = NULL;
  const char *run = NULL;
  guint run_length = 0;
  guint moved = offset ? *offset : 0;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (*p != '\0' && !is_break_opportunity (c))
        {
          if (run == NULL)
            run = p;
          run_length++;
          continue;
        }

      if (run != NULL && run_length > LONG_RUN)
        {
          if (out == NULL)
            {
              out = g_string_sized_new (strlen (text) * 2);
              g_string_append_len (out, text, run - text);
            }
          for (const char *q = run; q < p; q = g_utf8_next_char (q))
            {
              const char *next = g_utf8_next_char (q);

              g_string_append_len (out, q, next - q);
              if (next < p && !continues_cluster (g_utf8_get_char (next))
                  && g_utf8_get_char (q) != 0x200d)
                {
                  g_string_append (out, "\u200b");
                  if (offset != NULL && (guint) (next - text) < *offset)
                    moved += strlen ("\u200b");
                }
            }
        }
      else if (out != NULL && run != NULL)
        g_string_append_len (out, run, p - run);

      if (*p == '\0')
        break;
      if (out != NULL)
        g_string_append_unichar (out, c);
      run = NULL;
      run_length = 0;
    }

  if (out == NULL)
    return g_strdup (text);
  if (offset != NULL)
    *offset = moved;
  return g_string_free (out, FALSE);
}

char *
nb_render_dup_with_break_hints (const char *text, guint *offset)
{
  g_autofree char *hinted = dup_with_punctuation_hints (text, offset);

  return dup_with_long_runs_broken (hinted, offset);
}
