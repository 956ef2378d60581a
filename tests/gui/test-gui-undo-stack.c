/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The undo history and the computed totals, without any widget.
 */
#include "config.h"

#include "nb-number.h"
#include "nb-totals.h"
#include "nb-undo-stack.h"

static guint
cell (const char *id)
{
  guint n = nb_format_cell_by_id (id);

  g_assert_cmpuint (n, !=, NB_CELL_NONE);
  return n;
}

static gint64
value_of (NbReport *report, const char *id)
{
  gint64 value = -1;

  if (!nb_report_get_figure (report, cell (id), &value))
    return -1;
  return value;
}

static void
test_figures (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(NbUndoStack) undo = nb_undo_stack_new (report);
  g_autoptr(GError) error = NULL;

  g_assert_false (nb_undo_stack_can_undo (undo));
  g_assert_false (nb_undo_stack_undo (undo));

  g_assert_true (nb_undo_stack_set_figure_text (undo, cell ("t3.new.natural"), "1", TRUE, NULL));
  g_assert_true (nb_undo_stack_set_figure_text (undo, cell ("t3.new.natural"), "12", TRUE, NULL));
  g_assert_true (nb_undo_stack_set_figure_text (undo, cell ("t3.new.natural"), "１２３", TRUE, NULL));
  g_assert_cmpint (value_of (report, "t3.new.natural"), ==, 123);

  /* Refused text changes neither the report nor the history. */
  g_assert_false (nb_undo_stack_set_figure_text (undo, cell ("t3.new.natural"), "12x", TRUE, &error));
  g_assert_error (error, NB_NUMBER_ERROR, NB_NUMBER_ERROR_INVALID);
  g_assert_cmpint (value_of (report, "t3.new.natural"), ==, 123);

  nb_undo_stack_close_merge (undo);
  g_assert_true (nb_undo_stack_set_figure_text (undo, cell ("t3.new.natural"), "7", TRUE, NULL));
  g_assert_true (nb_undo_stack_undo (undo));
  g_assert_cmpint (value_of (report, "t3.new.natural"), ==, 123);
  /* The typing merged into one step: one undo back to blank. */
  g_assert_true (nb_undo_stack_undo (undo));
  g_assert_cmpint (value_of (report, "t3.new.natural"), ==, -1);
  g_assert_false (nb_undo_stack_can_undo (undo));
  g_assert_true (nb_undo_stack_can_redo (undo));

  g_assert_true (nb_undo_stack_redo (undo));
  g_assert_cmpint (value_of (report, "t3.new.natural"), ==, 123);

  /* A new edit drops what could be redone. */
  g_assert_true (nb_undo_stack_set_figure_text (undo, cell ("t3.new.business"), "", FALSE, NULL));
  g_assert_true (nb_undo_stack_can_redo (undo));
  nb_undo_stack_set_figure (undo, cell ("t3.new.business"), TRUE, 4);
  g_assert_false (nb_undo_stack_can_redo (undo));
  /* Blank is restored as blank, not 0. */
  g_assert_true (nb_undo_stack_undo (undo));
  g_assert_false (nb_report_has_figure (report, cell ("t3.new.business")));
}

/* Typing that ends where it began ("14" deleted, then put back) leaves
 * no step: Ctrl+Z would otherwise seem to do nothing. */
static void
test_round_trip (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(NbUndoStack) undo = nb_undo_stack_new (report);

  nb_report_set_figure (report, cell ("t3.new.natural"), 14);
  g_assert_true (nb_undo_stack_set_figure_text (undo, cell ("t3.new.natural"), "", TRUE, NULL));
  g_assert_true (nb_undo_stack_can_undo (undo));
  g_assert_true (nb_undo_stack_set_figure_text (undo, cell ("t3.new.natural"), "14", TRUE, NULL));
  g_assert_cmpint (value_of (report, "t3.new.natural"), ==, 14);
  g_assert_false (nb_undo_stack_can_undo (undo));

  /* The same from blank: blank, "5", blank */
  g_assert_true (nb_undo_stack_set_figure_text (undo, cell ("t3.new.business"), "5", TRUE, NULL));
  g_assert_true (nb_undo_stack_set_figure_text (undo, cell ("t3.new.business"), "", TRUE, NULL));
  g_assert_false (nb_undo_stack_can_undo (undo));
  g_assert_false (nb_report_has_figure (report, cell ("t3.new.business")));

  /* A step that changed something stays. */
  g_assert_true (nb_undo_stack_set_figure_text (undo, cell ("t3.new.natural"), "1", TRUE, NULL));
  g_assert_true (nb_undo_stack_set_figure_text (undo, cell ("t3.new.natural"), "15", TRUE, NULL));
  g_assert_true (nb_undo_stack_undo (undo));
  g_assert_cmpint (value_of (report, "t3.new.natural"), ==, 14);
}

static void
test_groups (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(NbUndoStack) undo = nb_undo_stack_new (report);

  nb_undo_stack_begin_group (undo);
  nb_undo_stack_set_figure (undo, cell ("t4.review.upheld"), TRUE, 1);
  nb_undo_stack_begin_group (undo);
  nb_undo_stack_set_figure (undo, cell ("t4.review.corrected"), TRUE, 2);
  nb_undo_stack_end_group (undo);
  g_assert_false (nb_undo_stack_can_undo (undo));
  nb_undo_stack_set_figure (undo, cell ("t4.review.upheld"), TRUE, 3);
  nb_undo_stack_end_group (undo);

  g_assert_true (nb_undo_stack_undo (undo));
  g_assert_false (nb_report_has_figure (report, cell ("t4.review.upheld")));
  g_assert_false (nb_report_has_figure (report, cell ("t4.review.corrected")));
  g_assert_false (nb_undo_stack_can_undo (undo));
  g_assert_true (nb_undo_stack_redo (undo));
  g_assert_cmpint (value_of (report, "t4.review.upheld"), ==, 3);
  g_assert_cmpint (value_of (report, "t4.review.corrected"), ==, 2);

  /* An empty group leaves no step. */
  nb_undo_stack_clear (undo);
  nb_undo_stack_begin_group (undo);
  nb_undo_stack_end_group (undo);
  g_assert_false (nb_undo_stack_can_undo (undo));
}

static void
test_parts (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(NbUndoStack) undo = nb_undo_stack_new (report);

  nb_undo_stack_insert_part (undo, NB_TEXT_OTHER, -1, "（一）甲", "");
  nb_undo_stack_insert_part (undo, NB_TEXT_OTHER, -1, "（二）乙", "");
  /* Text typed into a part later is kept across undo and redo. */
  nb_report_set_part (report, NB_TEXT_OTHER, 1, NULL, "正文");
  nb_undo_stack_move_part (undo, NB_TEXT_OTHER, 1, 0);
  g_assert_cmpstr (nb_report_get_part_heading (report, NB_TEXT_OTHER, 0), ==, "（二）乙");
  nb_undo_stack_remove_part (undo, NB_TEXT_OTHER, 0);
  g_assert_cmpuint (nb_report_get_n_parts (report, NB_TEXT_OTHER), ==, 1);

  g_assert_true (nb_undo_stack_undo (undo));
  g_assert_cmpstr (nb_report_get_part_heading (report, NB_TEXT_OTHER, 0), ==, "（二）乙");
  g_assert_cmpstr (nb_report_get_part_body (report, NB_TEXT_OTHER, 0), ==, "正文");
  g_assert_true (nb_undo_stack_undo (undo));
  g_assert_cmpstr (nb_report_get_part_heading (report, NB_TEXT_OTHER, 0), ==, "（一）甲");
  g_assert_true (nb_undo_stack_undo (undo));
  g_assert_cmpuint (nb_report_get_n_parts (report, NB_TEXT_OTHER), ==, 1);
  g_assert_true (nb_undo_stack_redo (undo));
  g_assert_cmpstr (nb_report_get_part_body (report, NB_TEXT_OTHER, 1), ==, "正文");
}

static void
test_totals (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(NbUndoStack) undo = nb_undo_stack_new (report);
  gint64 sum;

  /* Nothing to add up: no total. */
  g_assert_false (nb_totals_compute (report, cell ("t3.new.total"), &sum));
  g_assert_false (nb_totals_compute (report, cell ("t3.new.natural"), &sum));
  g_assert_cmpuint (nb_totals_fill (undo), ==, 0);

  nb_report_set_figure (report, cell ("t3.new.natural"), 5);
  nb_report_set_figure (report, cell ("t3.new.legal"), 2);
  nb_report_set_figure (report, cell ("t3.disclosed.natural"), 4);
  nb_report_set_figure (report, cell ("t3.other.other.business"), 3);
  nb_report_set_figure (report, cell ("t4.suit_direct.pending"), 1);
  /* A wrong total that fill replaces. */
  nb_report_set_figure (report, cell ("t3.new.total"), 99);

  g_assert_true (nb_totals_compute (report, cell ("t3.new.total"), &sum));
  g_assert_cmpint (sum, ==, 7);
  g_assert_true (nb_totals_compute (report, cell ("t3.result_total.natural"), &sum));
  g_assert_cmpint (sum, ==, 4);
  g_assert_true (nb_totals_compute (report, cell ("t3.result_total.total"), &sum));
  g_assert_cmpint (sum, ==, 7);

  g_assert_cmpuint (nb_totals_fill (undo), ==, 7);
  g_assert_cmpint (value_of (report, "t3.new.total"), ==, 7);
  g_assert_cmpint (value_of (report, "t3.result_total.business"), ==, 3);
  g_assert_cmpint (value_of (report, "t3.result_total.total"), ==, 7);
  g_assert_cmpint (value_of (report, "t4.suit_direct.total"), ==, 1);
  g_assert_cmpint (value_of (report, "t4.review.total"), ==, -1);
  /* Filling again finds nothing to do; one undo takes all back. */
  g_assert_cmpuint (nb_totals_fill (undo), ==, 0);
  g_assert_true (nb_undo_stack_undo (undo));
  g_assert_cmpint (value_of (report, "t3.new.total"), ==, 99);
  g_assert_cmpint (value_of (report, "t3.result_total.total"), ==, -1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gui/undo-stack/figures", test_figures);
  g_test_add_func ("/gui/undo-stack/round-trip", test_round_trip);
  g_test_add_func ("/gui/undo-stack/groups", test_groups);
  g_test_add_func ("/gui/undo-stack/parts", test_parts);
  g_test_add_func ("/gui/totals", test_totals);

  return g_test_run ();
}
