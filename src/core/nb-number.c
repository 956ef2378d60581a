/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-number.h"

G_DEFINE_QUARK (nb-number-error-quark, nb_number_error)

typedef enum
{
  CH_DIGIT,
  CH_POINT,
  CH_SEPARATOR,
  CH_MINUS,
  CH_HANZI_NUMERAL,
  CH_OTHER,
} CharClass;

/* What a Chinese input method produces for the keys of a number pad:
 * full-width digits, ． and 。 for the point, ， for the comma. */
static CharClass
classify (gunichar c, int *digit)
{
  if (c >= '0' && c <= '9')
    {
      *digit = (int) (c - '0');
      return CH_DIGIT;
    }
  if (c >= 0xFF10 && c <= 0xFF19)
    {
      *digit = (int) (c - 0xFF10);
      return CH_DIGIT;
    }
  switch (c)
    {
    case '.': case 0xFF0E: case 0x3002:
      return CH_POINT;
    case ',': case 0xFF0C: case 0x066C: case 0x2009: case 0x202F:
      return CH_SEPARATOR;
    case '-': case 0xFF0D: case 0x2212: case 0x2013:
      return CH_MINUS;
    default:
      break;
    }
  if (g_utf8_strchr ("〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟", -1, c))
    return CH_HANZI_NUMERAL;
  return CH_OTHER;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0 || c == 0xFEFF;
}

/* Thousands separators are read only where they really separate thousands:
 * "1,234" is 1234, but "1,23" is refused rather than guessed at. */
static gboolean
check_groups (const GArray *group_lengths, const char *text, GError **error)
{
  if (group_lengths->len == 0)
    return TRUE;
  for (guint i = 0; i < group_lengths->len; i++)
    {
      guint n = g_array_index (group_lengths, guint, i);

      if ((i == 0 && (n < 1 || n > 3)) || (i > 0 && n != 3))
        {
          g_set_error (error, NB_NUMBER_ERROR, NB_NUMBER_ERROR_SEPARATOR,
                       _("“%s”: a thousands separator must stand between groups of three digits"),
                       text);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * nb_number_parse:
 * @text: what the person typed (UTF-8)
 * @kind: whether the cell is a count or the fee
 * @is_blank: (out): set when @text holds nothing but spaces
 * @value: (out): the count, or the fee in fen
 *
 * Returns: %FALSE with a message for the person in @error; the out
 * arguments are then left alone, so the caller keeps the old value.
 */
gboolean
nb_number_parse (const char *text, NbCellKind kind, gboolean *is_blank,
                 gint64 *value, GError **error)
{
  const char *p;
  const char *end;
  guint64 whole = 0;
  guint64 fraction = 0;
  guint n_decimals = 0;
  gboolean seen_point = FALSE;
  gboolean seen_digit = FALSE;
  gboolean overflow = FALSE;
  guint group = 0;
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *shown = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, NB_NUMBER_ERROR, NB_NUMBER_ERROR_INVALID,
                           _("The input is not valid text"));
      return FALSE;
    }

  /* trim surrounding spaces, full-width ones included */
  p = text;
  while (*p && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  end = p + strlen (p);
  while (end > p)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  shown = g_strndup (p, (gsize) (end - p));

  if (p == end)
    {
      if (is_blank)
        *is_blank = TRUE;
      if (value)
        *value = 0;
      return TRUE;
    }

  for (; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int digit = 0;

      switch (classify (c, &digit))
        {
        case CH_DIGIT:
          seen_digit = TRUE;
          if (seen_point)
            {
              n_decimals++;
              /* digits past the sixth are accepted only when they are 0 */
              if (n_decimals > NB_FEE_DECIMALS)
                {
                  if (digit != 0)
                    {
                      if (kind == NB_CELL_COUNT)
                        goto fraction_in_count;
                      g_set_error (error, NB_NUMBER_ERROR, NB_NUMBER_ERROR_DECIMALS,
                                   _("“%s” has more than 6 decimals; the fee in 万元 is exact to the fen"),
                                   shown);
                      return FALSE;
                    }
                }
              else
                fraction = fraction * 10 + (guint64) digit;
            }
          else
            {
              group++;
              if (whole > (G_MAXINT64 - (guint64) digit) / 10)
                overflow = TRUE;
              else
                whole = whole * 10 + (guint64) digit;
            }
          break;

        case CH_POINT:
          if (seen_point)
            {
              g_set_error (error, NB_NUMBER_ERROR, NB_NUMBER_ERROR_INVALID,
                           _("“%s” has more than one decimal point"), shown);
              return FALSE;
            }
          seen_point = TRUE;
          break;

        case CH_SEPARATOR:
          if (seen_point || group == 0)
            {
              g_set_error (error, NB_NUMBER_ERROR, NB_NUMBER_ERROR_SEPARATOR,
                           _("“%s”: a thousands separator must stand between groups of three digits"),
                           shown);
              return FALSE;
            }
          g_array_append_val (groups, group);
          group = 0;
          break;

        case CH_MINUS:
          g_set_error (error, NB_NUMBER_ERROR, NB_NUMBER_ERROR_NEGATIVE,
                       _("“%s” is negative; figures cannot be less than 0"), shown);
          return FALSE;

        case CH_HANZI_NUMERAL:
          g_set_error (error, NB_NUMBER_ERROR, NB_NUMBER_ERROR_INVALID,
                       _("“%s” is written in Chinese numerals; please type the figure in digits"),
                       shown);
          return FALSE;

        case CH_OTHER:
        default:
          {
            char buf[8] = { 0 };

            g_unichar_to_utf8 (c, buf);
            g_set_error (error, NB_NUMBER_ERROR, NB_NUMBER_ERROR_INVALID,
                         _("“%s” contains “%s”, which is not part of a number"),
                         shown, g_unichar_isprint (c) ? buf : "?");
            return FALSE;
          }
        }
    }

  if (!seen_digit)
    {
      g_set_error (error, NB_NUMBER_ERROR, NB_NUMBER_ERROR_INVALID,
                   _("“%s” contains no digits"), shown);
      return FALSE;
    }
  if (groups->len > 0)
    {
      g_array_append_val (groups, group);
      if (!check_groups (groups, shown, error))
        return FALSE;
    }

  if (kind == NB_CELL_COUNT && fraction != 0)
    goto fraction_in_count;

  if (kind == NB_CELL_FEE && !overflow)
    {
      for (guint i = n_decimals; i < NB_FEE_DECIMALS; i++)
        fraction *= 10;
      if (whole > (guint64) (G_MAXINT64 - (gint64) fraction) / (guint64) NB_FEN_PER_WANYUAN)
        overflow = TRUE;
      else
        whole = whole * (guint64) NB_FEN_PER_WANYUAN + fraction;
    }

  if (overflow)
    {
      g_set_error (error, NB_NUMBER_ERROR, NB_NUMBER_ERROR_OVERFLOW,
                   _("“%s” is too large to be a figure of the report"), shown);
      return FALSE;
    }

  if (is_blank)
    *is_blank = FALSE;
  if (value)
    *value = (gint64) whole;
  return TRUE;

fraction_in_count:
  g_set_error (error, NB_NUMBER_ERROR, NB_NUMBER_ERROR_FRACTION,
               _("“%s” is not a whole number; this figure counts items"), shown);
  return FALSE;
}

/* Plain digits, no separators: the form prints 3985758, and the fee with
 * only the decimals it has (96171.6, 24252.311082). */
char *
nb_number_format (gint64 value, NbCellKind kind)
{
  guint64 magnitude;
  guint64 whole, fraction;
  char digits[NB_FEE_DECIMALS + 1];
  int n;

  if (kind == NB_CELL_COUNT)
    return g_strdup_printf ("%" G_GINT64_FORMAT, value);

  magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
  whole = magnitude / (guint64) NB_FEN_PER_WANYUAN;
  fraction = magnitude % (guint64) NB_FEN_PER_WANYUAN;
  if (fraction == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, value < 0 ? "-" : "", whole);

  g_snprintf (digits, sizeof digits, "%06" G_GUINT64_FORMAT, fraction);
  for (n = NB_FEE_DECIMALS; n > 0 && digits[n - 1] == '0'; n--)
    digits[n - 1] = '\0';
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%s", value < 0 ? "-" : "", whole, digits);
}
