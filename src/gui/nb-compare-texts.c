/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The comparison page's texts side by side: every text part of last year
 * next to this year's, with what only one side has marked, and how
 * similar the two are (W6).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-compare-page-private.h"
#include "nb-similarity.h"

/* One year's side of a text part: its text, with what only this side
 * has marked by attributes. A label rather than a read-only GtkTextView:
 * a text view outside a scrolled window of its own does not grow to the
 * height of its wrapped text in GTK 4.8. */
typedef struct
{
  GString *text;
  PangoAttrList *attrs;
} Side;

static void
side_append (Side *side, const char *text, NbDiffOp op)
{
  guint start = side->text->len, end;
  PangoAttribute *attr;

  g_string_append (side->text, text);
  end = side->text->len;
  if (op == NB_DIFF_EQUAL || start == end)
    return;

  /* Struck through and underlined as well as coloured: the difference
   * must show to whoever cannot tell red from green. */
  if (op == NB_DIFF_REMOVED)
    {
      attr = pango_attr_strikethrough_new (TRUE);
      attr->start_index = start, attr->end_index = end;
      pango_attr_list_insert (side->attrs, attr);
      attr = pango_attr_background_new (0xe0 * 257, 0x1b * 257, 0x24 * 257);
      attr->start_index = start, attr->end_index = end;
      pango_attr_list_insert (side->attrs, attr);
    }
  else
    {
      attr = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
      attr->start_index = start, attr->end_index = end;
      pango_attr_list_insert (side->attrs, attr);
      attr = pango_attr_background_new (0x2e * 257, 0xc2 * 257, 0x7e * 257);
      attr->start_index = start, attr->end_index = end;
      pango_attr_list_insert (side->attrs, attr);
    }
  attr = pango_attr_background_alpha_new (op == NB_DIFF_REMOVED ? 0x3800 : 0x5000);
  attr->start_index = start, attr->end_index = end;
  pango_attr_list_insert (side->attrs, attr);
}

static GtkWidget *
side_finish (Side *side, const char *css_class)
{
  GtkWidget *label = gtk_label_new (side->text->str);

  gtk_label_set_attributes (GTK_LABEL (label), side->attrs);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_FILL);
  gtk_widget_add_css_class (label, "nb-compare-text");
  gtk_widget_add_css_class (label, css_class);
  g_string_free (side->text, TRUE);
  pango_attr_list_unref (side->attrs);
  return label;
}

/* What stands on the side of a year that has no such part; the style
 * class "nb-compare-absent" sets it apart from the report's own words. */
static void
side_absent (Side *side, const char *text)
{
  g_string_append (side->text, text);
}

static gboolean
part_is_flagged (NbComparison *comparison, const NbComparePart *part)
{
  GPtrArray *findings = nb_comparison_get_findings (comparison);
  g_autofree char *key = NULL;

  if (part->this_index < 0)
    return FALSE;
  key = g_strdup_printf ("W6:%s:%d", nb_format_text_section (part->section)->key, part->this_index);
  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (((NbFinding *) g_ptr_array_index (findings, i))->key, key) == 0)
      return TRUE;
  return FALSE;
}

static GtkWidget *
build_part (NbComparison *comparison, guint index)
{
  const NbComparePart *part = nb_comparison_get_part (comparison, index);
  GtkWidget *card, *head, *heading, *similar, *columns;
  Side last = { g_string_new (NULL), pango_attr_list_new () };
  Side now = { g_string_new (NULL), pango_attr_list_new () };
  GPtrArray *runs;
  g_autofree char *similarity = NULL;
  gboolean flagged = part_is_flagged (comparison, part);

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "nb-compare-part");

  head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (head, "nb-compare-part-head");
  heading = gtk_label_new (part->heading);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (head), heading);

  if (part->last_body == NULL)
    similarity = g_strdup (_("New this year"));
  else if (part->this_body == NULL)
    similarity = g_strdup (_("Not in this year’s report"));
  else if (flagged)
    similarity = g_strdup_printf (_("Similarity to last year %d%% (≥ %d%%): possibly copied from last year"),
                                  nb_similarity_percent (part->similarity),
                                  nb_similarity_percent (NB_SIMILARITY_DEFAULT_THRESHOLD));
  else
    similarity = g_strdup_printf (_("Similarity to last year %d%%"),
                                  nb_similarity_percent (part->similarity));
  similar = gtk_label_new (similarity);
  gtk_label_set_xalign (GTK_LABEL (similar), 1);
  gtk_label_set_wrap (GTK_LABEL (similar), TRUE);
  if (flagged)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_box_append (GTK_BOX (head), icon);
      gtk_widget_add_css_class (similar, "warning");
      gtk_widget_add_css_class (card, "nb-similar");
    }
  else
    gtk_widget_add_css_class (similar, "dim-label");
  gtk_box_append (GTK_BOX (head), similar);
  gtk_box_append (GTK_BOX (card), head);

  columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
  if (part->last_body == NULL)
    side_absent (&last, _("(not in last year’s report)"));
  if (part->this_body == NULL)
    side_absent (&now, _("(not in this year’s report)"));
  runs = nb_comparison_get_part_diff (comparison, index);
  for (guint i = 0; i < runs->len; i++)
    {
      const NbDiffRun *run = g_ptr_array_index (runs, i);

      switch (run->op)
        {
        case NB_DIFF_EQUAL:
          side_append (&last, run->text, NB_DIFF_EQUAL);
          side_append (&now, run->text, NB_DIFF_EQUAL);
          break;
        case NB_DIFF_REMOVED:
          side_append (&last, run->text, NB_DIFF_REMOVED);
          break;
        case NB_DIFF_ADDED:
          side_append (&now, run->text, NB_DIFF_ADDED);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  gtk_box_append (GTK_BOX (columns), side_finish (&last, part->last_body ? "nb-compare-last" : "nb-compare-absent"));
  gtk_box_append (GTK_BOX (columns), side_finish (&now, part->this_body ? "nb-compare-this" : "nb-compare-absent"));
  gtk_box_append (GTK_BOX (card), columns);

  g_object_set_data (G_OBJECT (card), "nb-part", GUINT_TO_POINTER (index + 1));
  if (g_strcmp0 (part->last_body, part->this_body) == 0)
    g_object_set_data (G_OBJECT (card), "nb-unchanged", GINT_TO_POINTER (TRUE));
  return card;
}

static GtkWidget *
build_columns_head (NbReport *previous, NbReport *report)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *last = g_strdup_printf (_("Last year (%u)"), nb_report_get_year (previous));
  g_autofree char *now = g_strdup_printf (_("This year (%u)"), nb_report_get_year (report));
  GtkWidget *left = gtk_label_new (last), *right = gtk_label_new (now);

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_label_set_xalign (GTK_LABEL (left), 0);
  gtk_label_set_xalign (GTK_LABEL (right), 0);
  gtk_widget_set_margin_start (left, 12);
  gtk_widget_set_margin_start (right, 12);
  gtk_widget_add_css_class (left, "dim-label");
  gtk_widget_add_css_class (right, "dim-label");
  gtk_box_append (GTK_BOX (box), left);
  gtk_box_append (GTK_BOX (box), right);
  return box;
}

void
nb_compare_texts_fill (GtkBox       *box,
                       NbComparison *comparison,
                       NbReport     *previous,
                       NbReport     *report,
                       gboolean      changed_only)
{
  int section = -1;

  gtk_box_append (box, build_columns_head (previous, report));
  for (guint i = 0; i < nb_comparison_get_n_parts (comparison); i++)
    {
      const NbComparePart *part = nb_comparison_get_part (comparison, i);
      GtkWidget *card;

      if ((int) part->section != section)
        {
          GtkWidget *title = gtk_label_new (nb_format_text_section (part->section)->heading);

          section = part->section;
          gtk_label_set_xalign (GTK_LABEL (title), 0);
          gtk_widget_set_margin_top (title, 6);
          gtk_widget_add_css_class (title, "title-4");
          gtk_box_append (box, title);
        }
      card = build_part (comparison, i);
      if (changed_only && g_object_get_data (G_OBJECT (card), "nb-unchanged") != NULL)
        gtk_widget_set_visible (card, FALSE);
      gtk_box_append (box, card);
    }
}
