/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Character-bigram Dice coefficient. Chinese has no spaces to split words
 * on, and a bigram of characters is roughly a word: counting the shared
 * ones tells how much of a text was kept, whatever was changed around it.
 * Bigrams are packed into 64-bit keys (characters have 21 bits) and
 * counted in a hash table: linear time, a few microseconds for a part of
 * a thousand characters.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "nb-similarity.h"


typedef struct
{
  guint64 *keys;
  gsize n;
  gsize n_chars;
  guint32 first;   /* the only character of a one-character text */
} Bigrams;

/* Letters of every script, CJK ideographs included, as the character to
 * compare (Latin lower-cased), or 0: digits, spaces, punctuation and
 * symbols say nothing about whether words were copied. The common cases
 * skip the Unicode tables, which cost more than everything else here. */
static gunichar
normalise (gunichar c)
{
  if (c >= 0x4E00 && c <= 0x9FFF)
    return c;
  if (c < 0x80)
    {
      if (c >= 'a' && c <= 'z')
        return c;
      if (c >= 'A' && c <= 'Z')
        return c + ('a' - 'A');
      return 0;
    }
  if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF0F) ||
      (c >= 0xFF1A && c <= 0xFF20) || (c >= 0x2000 && c <= 0x206F))
    return 0;  /* CJK, full-width and general punctuation */
  if (!g_unichar_isalpha (c) || g_unichar_isdigit (c))
    return 0;
  return g_unichar_tolower (c);
}

static void
collect_bigrams (const char *text, Bigrams *out)
{
  gsize length = text ? strlen (text) : 0;
  gunichar last = 0;

  /* A UTF-8 text never has more characters than bytes. */
  out->keys = g_new (guint64, length + 1);
  out->n = 0;
  out->n_chars = 0;
  out->first = 0;
  if (text == NULL)
    return;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = normalise (g_utf8_get_char (p));

      if (c == 0)
        continue;
      if (out->n_chars == 0)
        out->first = c;
      else
        out->keys[out->n++] = ((guint64) last << 21) | c;
      last = c;
      out->n_chars++;
    }
}

/* The multiset intersection through an open-addressing table of @a's
 * bigrams and their counts. No key is 0: 0 is no character. */
static gsize
count_common (const Bigrams *a, const Bigrams *b)
{
  guint bits = 4;
  gsize size, mask, common = 0;
  g_autofree guint64 *keys = NULL;
  g_autofree guint32 *counts = NULL;

  while (((gsize) 1 << bits) < 2 * a->n)
    bits++;
  size = (gsize) 1 << bits;
  mask = size - 1;
  keys = g_new0 (guint64, size);
  counts = g_new (guint32, size);

  for (gsize i = 0; i < a->n; i++)
    {
      gsize h = (gsize) ((a->keys[i] * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - bits));

      while (keys[h] != 0 && keys[h] != a->keys[i])
        h = (h + 1) & mask;
      if (keys[h] == 0)
        {
          keys[h] = a->keys[i];
          counts[h] = 0;
        }
      counts[h]++;
    }
  for (gsize j = 0; j < b->n; j++)
    {
      gsize h = (gsize) ((b->keys[j] * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - bits));

      while (keys[h] != 0 && keys[h] != b->keys[j])
        h = (h + 1) & mask;
      if (keys[h] != 0 && counts[h] > 0)
        {
          counts[h]--;
          common++;
        }
    }
  return common;
}

double
nb_similarity (const char *a, const char *b)
{
  Bigrams ba, bb;
  double result;

  collect_bigrams (a, &ba);
  collect_bigrams (b, &bb);

  if (ba.n == 0 || bb.n == 0)
    {
      /* Too short for a pair: equal or not. */
      if (ba.n_chars != bb.n_chars)
        result = 0.0;
      else
        result = (ba.n_chars == 0 || ba.first == bb.first) ? 1.0 : 0.0;
    }
  else
    result = (double) (2 * count_common (&ba, &bb)) / (double) (ba.n + bb.n);

  g_free (ba.keys);
  g_free (bb.keys);
  return result;
}

int
nb_similarity_percent (double similarity)
{
  /* Floor, with a hair of slack for 0.29 * 100 = 28.999…: a part shown as
   * "50%" is one that reached 50%. */
  return (int) floor (similarity * 100.0 + 1e-9);
}

static gsize
count_letters (const char *text)
{
  gsize n = 0;

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    if (normalise (g_utf8_get_char (p)) != 0)
      n++;
  return n;
}

static int
find_heading (NbReport *report, NbTextSection section, const char *heading)
{
  guint n = nb_report_get_n_parts (report, section);

  if (heading == NULL || heading[0] == '\0')
    return -1;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (nb_report_get_part_heading (report, section, i), heading) == 0)
      return (int) i;
  return -1;
}

int
nb_similarity_match_part (NbReport      *report,
                          NbReport      *previous,
                          NbTextSection  section,
                          guint          index)
{
  int by_heading;
  const char *claimant;

  g_return_val_if_fail (NB_IS_REPORT (report), -1);
  g_return_val_if_fail (NB_IS_REPORT (previous), -1);
  g_return_val_if_fail (section < NB_N_TEXT_SECTIONS, -1);
  g_return_val_if_fail (index < nb_report_get_n_parts (report, section), -1);

  by_heading = find_heading (previous, section,
                             nb_report_get_part_heading (report, section, index));
  if (by_heading >= 0)
    return by_heading;
  if (index >= nb_report_get_n_parts (previous, section))
    return -1;

  /* Last year's part at this position belongs to this year's part of the
   * same heading, if there is one. */
  claimant = nb_report_get_part_heading (previous, section, index);
  if (find_heading (report, section, claimant) >= 0)
    return -1;
  return (int) index;
}

static int
section_index (NbTextSection text)
{
  for (guint i = 0; i < NB_N_SECTIONS; i++)
    if (nb_format_section (i)->kind == NB_SECTION_TEXT && nb_format_section (i)->text == (int) text)
      return (int) i;
  g_return_val_if_reached (-1);
}

void
nb_similarity_check (NbReport  *report,
                     NbReport  *previous,
                     double     threshold,
                     GPtrArray *findings)
{
  g_return_if_fail (NB_IS_REPORT (report));
  g_return_if_fail (NB_IS_REPORT (previous));
  g_return_if_fail (findings != NULL);

  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    {
      int section = section_index (s);
      const NbSectionInfo *info = nb_format_section ((guint) section);
      guint n = nb_report_get_n_parts (report, s);

      for (guint i = 0; i < n; i++)
        {
          const char *heading = nb_report_get_part_heading (report, s, i);
          const char *body = nb_report_get_part_body (report, s, i);
          int match = nb_similarity_match_part (report, previous, s, i);
          g_autofree char *part = NULL;
          NbFinding *finding;
          double similarity;
          int percent;

          if (match < 0 || count_letters (body) < NB_SIMILARITY_MIN_CHARS)
            continue;
          similarity = nb_similarity (body, nb_report_get_part_body (previous, s, (guint) match));
          if (similarity < threshold)
            continue;

          percent = nb_similarity_percent (similarity);
          if (heading != NULL && heading[0] != '\0')
            part = g_strdup_printf ("%s %s", info->heading, heading);
          else
            /* TRANSLATORS: a text part without a heading: "一、总体情况, part 2" */
            part = g_strdup_printf (_("%s, part %u"), info->heading, i + 1);

          finding = nb_finding_new ("W6", NB_SEVERITY_WARNING, section);
          /* TRANSLATORS: "一、总体情况 （一）主动公开 is 83% the same as last year’s text" */
          finding->message = g_strdup_printf (_("%s is %d%% the same as last year’s text"),
                                              part, percent);
          finding->expected = g_strdup_printf ("<%d%%", (int) ceil (threshold * 100.0 - 1e-9));
          finding->actual = g_strdup_printf ("%d%%", percent);
          finding->key = g_strdup_printf ("W6:%s:%u", info->key, i);
          g_ptr_array_add (findings, finding);
        }
    }
}
