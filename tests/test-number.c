/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "nb-number.h"
#include "nb-report.h"

typedef struct
{
  const char *text;
  NbCellKind kind;
  gint64 value;        /* the count, or the fee in fen */
} Accepted;

/* What people really type on Chinese input methods, and what it means. */
static const Accepted accepted[] = {
  { "0", NB_CELL_COUNT, 0 },
  { "12", NB_CELL_COUNT, 12 },
  { "3985758", NB_CELL_COUNT, 3985758 },
  { "１，２３４", NB_CELL_COUNT, 1234 },          /* full-width digits and comma */
  { "１２３４", NB_CELL_COUNT, 1234 },
  { " 12 ", NB_CELL_COUNT, 12 },
  { "\t12\n", NB_CELL_COUNT, 12 },
  { "　１２　", NB_CELL_COUNT, 12 },              /* U+3000 ideographic spaces */
  { "\xc2\xa0" "12", NB_CELL_COUNT, 12 },        /* a no-break space from a web page */
  { "1,234,567", NB_CELL_COUNT, 1234567 },
  { "12.0", NB_CELL_COUNT, 12 },
  { "12.000", NB_CELL_COUNT, 12 },
  { "007", NB_CELL_COUNT, 7 },
  { "9223372036854775807", NB_CELL_COUNT, G_MAXINT64 },
  { "0", NB_CELL_FEE, 0 },
  { "96171.6", NB_CELL_FEE, G_GINT64_CONSTANT (96171600000) },
  { "24252.311082", NB_CELL_FEE, G_GINT64_CONSTANT (24252311082) },
  { "0.000001", NB_CELL_FEE, 1 },
  { ".5", NB_CELL_FEE, 500000 },
  { "12.", NB_CELL_FEE, 12000000 },
  { "12.5", NB_CELL_FEE, 12500000 },
  { "１２．５", NB_CELL_FEE, 12500000 },          /* full-width point */
  { "12。5", NB_CELL_FEE, 12500000 },             /* the ideographic full stop an IME gives */
  { "1,234.5", NB_CELL_FEE, G_GINT64_CONSTANT (1234500000) },
  { "1.0000000", NB_CELL_FEE, 1000000 },          /* zeros past the fen are harmless */
  { "9223372036854", NB_CELL_FEE, G_GINT64_CONSTANT (9223372036854000000) },
};

typedef struct
{
  const char *text;
  NbCellKind kind;
  NbNumberError code;
} Refused;

static const Refused refused[] = {
  { "1e3", NB_CELL_COUNT, NB_NUMBER_ERROR_INVALID },
  { "-1", NB_CELL_COUNT, NB_NUMBER_ERROR_NEGATIVE },
  { "－１", NB_CELL_COUNT, NB_NUMBER_ERROR_NEGATIVE },   /* full-width minus */
  { "-0.5", NB_CELL_FEE, NB_NUMBER_ERROR_NEGATIVE },
  { "一百", NB_CELL_COUNT, NB_NUMBER_ERROR_INVALID },
  { "三", NB_CELL_COUNT, NB_NUMBER_ERROR_INVALID },
  { "12.5", NB_CELL_COUNT, NB_NUMBER_ERROR_FRACTION },
  { "0.1", NB_CELL_COUNT, NB_NUMBER_ERROR_FRACTION },
  { "12.0000001", NB_CELL_COUNT, NB_NUMBER_ERROR_FRACTION },
  { "1.1234567", NB_CELL_FEE, NB_NUMBER_ERROR_DECIMALS },
  { "99999999999999999999", NB_CELL_COUNT, NB_NUMBER_ERROR_OVERFLOW },
  { "9223372036854775808", NB_CELL_COUNT, NB_NUMBER_ERROR_OVERFLOW },
  { "9223372036855", NB_CELL_FEE, NB_NUMBER_ERROR_OVERFLOW },   /* ×10⁶ fen overflows */
  { "1,23", NB_CELL_COUNT, NB_NUMBER_ERROR_SEPARATOR },
  { "1,2345", NB_CELL_COUNT, NB_NUMBER_ERROR_SEPARATOR },
  { "1234,567", NB_CELL_COUNT, NB_NUMBER_ERROR_SEPARATOR },
  { ",123", NB_CELL_COUNT, NB_NUMBER_ERROR_SEPARATOR },
  { "1,,234", NB_CELL_COUNT, NB_NUMBER_ERROR_SEPARATOR },
  { "1.234,5", NB_CELL_FEE, NB_NUMBER_ERROR_SEPARATOR },
  { "1..2", NB_CELL_FEE, NB_NUMBER_ERROR_INVALID },
  { "1.2.3", NB_CELL_FEE, NB_NUMBER_ERROR_INVALID },
  { ".", NB_CELL_FEE, NB_NUMBER_ERROR_INVALID },
  { ".", NB_CELL_COUNT, NB_NUMBER_ERROR_INVALID },
  { "abc", NB_CELL_COUNT, NB_NUMBER_ERROR_INVALID },
  { "12件", NB_CELL_COUNT, NB_NUMBER_ERROR_INVALID },
  { "+12", NB_CELL_COUNT, NB_NUMBER_ERROR_INVALID },
  { "\xff\xfe", NB_CELL_COUNT, NB_NUMBER_ERROR_INVALID },   /* not UTF-8 */
  { "1\xe4\xb8", NB_CELL_COUNT, NB_NUMBER_ERROR_INVALID },  /* truncated UTF-8 */
};

static void
test_accepted (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      GError *error = NULL;
      gboolean blank = TRUE;
      gint64 value = -1;

      g_test_message ("“%s”", accepted[i].text);
      g_assert_true (nb_number_parse (accepted[i].text, accepted[i].kind, &blank, &value, &error));
      g_assert_no_error (error);
      g_assert_false (blank);
      g_assert_cmpint (value, ==, accepted[i].value);
    }
}

static void
test_blank (void)
{
  const char *blanks[] = { "", "  ", "　", " \t　\n", "\xc2\xa0" };

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    for (NbCellKind kind = NB_CELL_COUNT; kind <= NB_CELL_FEE; kind++)
      {
        GError *error = NULL;
        gboolean blank = FALSE;
        gint64 value = -1;

        g_assert_true (nb_number_parse (blanks[i], kind, &blank, &value, &error));
        g_assert_no_error (error);
        g_assert_true (blank);
        g_assert_cmpint (value, ==, 0);
      }

  /* NULL is nothing typed */
  {
    gboolean blank = FALSE;

    g_assert_true (nb_number_parse (NULL, NB_CELL_COUNT, &blank, NULL, NULL));
    g_assert_true (blank);
  }
}

static void
test_refused (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      GError *error = NULL;
      gboolean blank = 42;
      gint64 value = 77;
      g_autofree char *escaped = g_strescape (refused[i].text, NULL);

      g_test_message ("refused “%s”", escaped);
      g_assert_false (nb_number_parse (refused[i].text, refused[i].kind, &blank, &value, &error));
      g_assert_error (error, NB_NUMBER_ERROR, (gint) refused[i].code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpstr (error->message, !=, "");
      /* the caller's old value stays */
      g_assert_cmpint (blank, ==, 42);
      g_assert_cmpint (value, ==, 77);
      g_clear_error (&error);

      /* and without a GError nothing goes wrong */
      g_assert_false (nb_number_parse (refused[i].text, refused[i].kind, NULL, NULL, NULL));
    }
}

static void
test_messages_quote_input (void)
{
  GError *error = NULL;

  /* the message shows what was typed, trimmed */
  g_assert_false (nb_number_parse ("  abc ", NB_CELL_COUNT, NULL, NULL, &error));
  g_assert_nonnull (g_strstr_len (error->message, -1, "abc"));
  g_assert_null (g_strstr_len (error->message, -1, "  abc"));
  g_clear_error (&error);

  g_assert_false (nb_number_parse ("12.5", NB_CELL_COUNT, NULL, NULL, &error));
  g_assert_nonnull (g_strstr_len (error->message, -1, "12.5"));
  g_clear_error (&error);
}

static void
test_format (void)
{
  static const struct
  {
    gint64 value;
    NbCellKind kind;
    const char *text;
  } cases[] = {
    { 0, NB_CELL_COUNT, "0" },
    { 12, NB_CELL_COUNT, "12" },
    { 3985758, NB_CELL_COUNT, "3985758" },
    { G_MAXINT64, NB_CELL_COUNT, "9223372036854775807" },
    { -7, NB_CELL_COUNT, "-7" },
    { 0, NB_CELL_FEE, "0" },
    { G_GINT64_CONSTANT (96171600000), NB_CELL_FEE, "96171.6" },
    { G_GINT64_CONSTANT (24252311082), NB_CELL_FEE, "24252.311082" },
    { 1000000, NB_CELL_FEE, "1" },
    { 1230000, NB_CELL_FEE, "1.23" },
    { 10, NB_CELL_FEE, "0.00001" },
    { 1, NB_CELL_FEE, "0.000001" },
    { 100000, NB_CELL_FEE, "0.1" },
    { -1500000, NB_CELL_FEE, "-1.5" },
    { G_MAXINT64, NB_CELL_FEE, "9223372036854.775807" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = nb_number_format (cases[i].value, cases[i].kind);
      gint64 back = -1;
      gboolean blank = TRUE;

      g_assert_cmpstr (text, ==, cases[i].text);
      if (cases[i].value < 0)
        continue;
      /* what is shown reads back as the same value */
      g_assert_true (nb_number_parse (text, cases[i].kind, &blank, &back, NULL));
      g_assert_false (blank);
      g_assert_cmpint (back, ==, cases[i].value);
    }
}

static void
test_round_trip_many (void)
{
  /* every fen pattern of the six decimals survives format → parse */
  for (gint64 fen = 0; fen < 3 * NB_FEN_PER_WANYUAN; fen += 7919)
    for (NbCellKind kind = NB_CELL_COUNT; kind <= NB_CELL_FEE; kind++)
      {
        g_autofree char *text = nb_number_format (fen, kind);
        gint64 back = -1;

        g_assert_true (nb_number_parse (text, kind, NULL, &back, NULL));
        g_assert_cmpint (back, ==, fen);
        if (kind == NB_CELL_FEE && fen % NB_FEN_PER_WANYUAN != 0)
          g_assert_false (g_str_has_suffix (text, "0"));
      }
}

static void
changed_cb (NbReport *report, guint what, guint index, gpointer user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_report_figure_text (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  guint cell = nb_format_cell_by_id ("t3.new.natural");
  guint fee = nb_format_cell_by_id ("t2.fees.amount");
  const char *bad[] = { "abc", "-1", "12.5", "1,23", "一百", "\xff" };
  guint n_changed = 0;
  GError *error = NULL;
  gint64 value = 0;

  g_signal_connect (report, "changed", G_CALLBACK (changed_cb), &n_changed);

  g_assert_true (nb_report_set_figure_text (report, cell, "１，２３４", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (nb_report_get_figure (report, cell, &value));
  g_assert_cmpint (value, ==, 1234);

  /* bad text: error, old value kept, no "changed" */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (nb_report_set_figure_text (report, cell, bad[i], &error));
      g_assert_true (error != NULL && error->domain == NB_NUMBER_ERROR);
      g_clear_error (&error);
      g_assert_true (nb_report_get_figure (report, cell, &value));
      g_assert_cmpint (value, ==, 1234);
      g_assert_cmpuint (n_changed, ==, 1);
    }

  /* bad text into a blank cell leaves it blank */
  g_assert_false (nb_report_set_figure_text (report, fee, "1.1234567", &error));
  g_assert_error (error, NB_NUMBER_ERROR, NB_NUMBER_ERROR_DECIMALS);
  g_clear_error (&error);
  g_assert_false (nb_report_has_figure (report, fee));
  g_assert_cmpuint (n_changed, ==, 1);

  /* the same number typed differently is no change */
  g_assert_true (nb_report_set_figure_text (report, cell, " 1234 ", NULL));
  g_assert_cmpuint (n_changed, ==, 1);

  /* the fee is read as 万元 and shown the way the form prints it */
  g_assert_true (nb_report_set_figure_text (report, fee, "96171.60", NULL));
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_true (nb_report_get_figure (report, fee, &value));
  g_assert_cmpint (value, ==, G_GINT64_CONSTANT (96171600000));
  {
    g_autofree char *shown = nb_report_dup_figure_text (report, fee);

    g_assert_cmpstr (shown, ==, "96171.6");
  }

  /* blank text clears */
  g_assert_true (nb_report_set_figure_text (report, cell, "　", NULL));
  g_assert_false (nb_report_has_figure (report, cell));
  g_assert_cmpuint (n_changed, ==, 3);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/number/accepted", test_accepted);
  g_test_add_func ("/number/blank", test_blank);
  g_test_add_func ("/number/refused", test_refused);
  g_test_add_func ("/number/messages-quote-input", test_messages_quote_input);
  g_test_add_func ("/number/format", test_format);
  g_test_add_func ("/number/round-trip-many", test_round_trip_many);
  g_test_add_func ("/number/report-figure-text", test_report_figure_text);

  return g_test_run ();
}
