/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-application.h"

#include "nb-finding.h"
#include "nb-similarity.h"
#include "nb-text-page.h"

/* The widgets of one part; rebuilt whenever the number of parts changes. */
typedef struct
{
  NbTextPage *page;
  guint index;
  GtkWidget *box;
  GtkWidget *heading;
  GtkTextBuffer *buffer;
  GtkWidget *body;
  GtkWidget *copied;     /* "from last year" while the body is last year's */
  GtkWidget *up;
  GtkWidget *down;
} PartView;

struct _NbTextPage
{
  AdwBin parent_instance;

  /* template */
  AdwToastOverlay *toast_overlay;
  GtkLabel *title_label;
  GtkWidget *findings_box;
  GtkLabel *findings_label;
  GtkBox *parts_box;
  GtkWidget *empty_label;
  GtkWidget *add_button;
  GtkWidget *customary_button;

  /* shape */
  NbTextSection text_section;
  int section;

  /* model */
  NbUndoStack *undo;
  NbReport *report;
  NbReport *previous;    /* last year's, for the "from last year" marks */
  gulong changed_id;
  GPtrArray *views;      /* PartView */
  guint updating;
};

G_DEFINE_FINAL_TYPE (NbTextPage, nb_text_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TEXT_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A part whose body is still the one of last year's part it answers to
 * was copied by New Year and not rewritten yet: say so on the part. */
static void
update_copied (PartView *view)
{
  NbTextPage *self = view->page;
  gboolean copied = FALSE;

  if (self->previous != NULL)
    {
      int match = nb_similarity_match_part (self->report, self->previous, self->text_section,
                                            view->index);
      const char *body = nb_report_get_part_body (self->report, self->text_section, view->index);

      copied = match >= 0 && body != NULL && body[0] != '\0' &&
               g_strcmp0 (body, nb_report_get_part_body (self->previous, self->text_section,
                                                         (guint) match)) == 0;
    }
  if (gtk_widget_get_visible (view->copied) != copied)
    gtk_widget_set_visible (view->copied, copied);
}

static void
heading_changed_cb (GtkEditable *editable, PartView *view)
{
  NbTextPage *self = view->page;

  if (self->updating > 0 || self->report == NULL)
    return;
  self->updating++;
  nb_report_set_part (self->report, self->text_section, view->index,
                      gtk_editable_get_text (editable), NULL);
  self->updating--;
}

static void
body_changed_cb (GtkTextBuffer *buffer, PartView *view)
{
  NbTextPage *self = view->page;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->updating > 0 || self->report == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  self->updating++;
  nb_report_set_part (self->report, self->text_section, view->index, NULL, text);
  self->updating--;
  update_copied (view);
}

static void
show_toast (NbTextPage *self, const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
up_clicked_cb (GtkButton *button, PartView *view)
{
  if (view->index > 0)
    nb_undo_stack_move_part (view->page->undo, view->page->text_section,
                             view->index, view->index - 1);
}

static void
down_clicked_cb (GtkButton *button, PartView *view)
{
  NbTextPage *self = view->page;

  if (view->index + 1 < nb_report_get_n_parts (self->report, self->text_section))
    nb_undo_stack_move_part (self->undo, self->text_section, view->index, view->index + 1);
}

static void
remove_clicked_cb (GtkButton *button, PartView *view)
{
  NbTextPage *self = view->page;

  nb_undo_stack_remove_part (self->undo, self->text_section, view->index);
  show_toast (self, _("Part removed"));
}

static GtkWidget *
new_icon_button (const char *icon, const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
part_view_free (gpointer data)
{
  PartView *view = data;

  g_signal_handlers_disconnect_by_data (view->buffer, view);
  g_signal_handlers_disconnect_by_data (view->heading, view);
  g_free (view);
}

static PartView *
part_view_new (NbTextPage *self, guint index)
{
  PartView *view = g_new0 (PartView, 1);
  GtkWidget *header, *remove;

  view->page = self;
  view->index = index;

  view->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (view->box, "card");
  gtk_widget_add_css_class (view->box, "nb-part");

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (header, "nb-part-header");
  view->heading = gtk_entry_new ();
  gtk_widget_set_hexpand (view->heading, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (view->heading), _("Heading of this part"));
  gtk_widget_add_css_class (view->heading, "nb-heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view->heading),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Heading"), -1);
  gtk_box_append (GTK_BOX (header), view->heading);

  /* Translators: a mark on a text part copied from last year and not yet
   * rewritten */
  view->copied = gtk_label_new (_("From last year"));
  gtk_widget_add_css_class (view->copied, "nb-copied-tag");
  gtk_widget_set_valign (view->copied, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (view->copied,
                               _("This text is still last year’s. Rewrite it for this year: "
                                 "evaluators deduct points for a report copied from the year before."));
  gtk_widget_set_visible (view->copied, FALSE);
  gtk_box_append (GTK_BOX (header), view->copied);

  view->up = new_icon_button ("go-up-symbolic", _("Move Up"));
  view->down = new_icon_button ("go-down-symbolic", _("Move Down"));
  remove = new_icon_button ("user-trash-symbolic", _("Remove This Part"));
  gtk_box_append (GTK_BOX (header), view->up);
  gtk_box_append (GTK_BOX (header), view->down);
  gtk_box_append (GTK_BOX (header), remove);
  gtk_box_append (GTK_BOX (view->box), header);

  view->body = gtk_text_view_new ();
  view->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view->body));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view->body), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view->body), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view->body), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view->body), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view->body), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view->body), 12);
  gtk_widget_set_size_request (view->body, -1, 96);
  gtk_widget_add_css_class (view->body, "nb-body");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view->body),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Text"), -1);
  gtk_box_append (GTK_BOX (view->box), view->body);

  gtk_editable_set_text (GTK_EDITABLE (view->heading),
                         nb_report_get_part_heading (self->report, self->text_section, index));
  gtk_text_buffer_set_text (view->buffer,
                            nb_report_get_part_body (self->report, self->text_section, index), -1);
  gtk_widget_set_sensitive (view->up, index > 0);
  gtk_widget_set_sensitive (view->down,
                            index + 1 < nb_report_get_n_parts (self->report, self->text_section));

  update_copied (view);
  g_signal_connect (view->heading, "changed", G_CALLBACK (heading_changed_cb), view);
  g_signal_connect (view->buffer, "changed", G_CALLBACK (body_changed_cb), view);
  g_signal_connect (view->up, "clicked", G_CALLBACK (up_clicked_cb), view);
  g_signal_connect (view->down, "clicked", G_CALLBACK (down_clicked_cb), view);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), view);
  return view;
}

static void
rebuild (NbTextPage *self)
{
  GtkWidget *child;
  guint n = self->report ? nb_report_get_n_parts (self->report, self->text_section) : 0;

  g_ptr_array_set_size (self->views, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->parts_box))) != NULL)
    gtk_box_remove (self->parts_box, child);

  self->updating++;
  for (guint i = 0; i < n; i++)
    {
      PartView *view = part_view_new (self, i);

      g_ptr_array_add (self->views, view);
      gtk_box_append (self->parts_box, view->box);
    }
  self->updating--;
  gtk_widget_set_visible (self->empty_label, n == 0);
}

/* Same number of parts: bring the texts up to date in place, so the
 * cursor stays where it is in the parts that did not change. */
static void
refresh (NbTextPage *self)
{
  guint n = nb_report_get_n_parts (self->report, self->text_section);

  if (n != self->views->len)
    {
      rebuild (self);
      return;
    }

  self->updating++;
  for (guint i = 0; i < n; i++)
    {
      PartView *view = g_ptr_array_index (self->views, i);
      const char *heading = nb_report_get_part_heading (self->report, self->text_section, i);
      const char *body = nb_report_get_part_body (self->report, self->text_section, i);
      GtkTextIter start, end;
      g_autofree char *current = NULL;

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (view->heading)), heading) != 0)
        gtk_editable_set_text (GTK_EDITABLE (view->heading), heading);
      gtk_text_buffer_get_bounds (view->buffer, &start, &end);
      current = gtk_text_buffer_get_text (view->buffer, &start, &end, FALSE);
      if (g_strcmp0 (current, body) != 0)
        gtk_text_buffer_set_text (view->buffer, body, -1);
      update_copied (view);
    }
  self->updating--;
}

static void
report_changed_cb (NbReport *report, guint what, guint index, NbTextPage *self)
{
  if (self->updating > 0)
    return;
  if (what == NB_CHANGE_ALL)
    rebuild (self);
  else if (what == NB_CHANGE_PARTS && index == self->text_section)
    refresh (self);
}

static void
add_clicked_cb (GtkButton *button, NbTextPage *self)
{
  guint n;

  if (self->undo == NULL)
    return;
  n = nb_report_get_n_parts (self->report, self->text_section);
  nb_undo_stack_insert_part (self->undo, self->text_section, -1, "", "");
  nb_text_page_focus_part (self, n);
}

static void
customary_clicked_cb (GtkButton *button, NbTextPage *self)
{
  if (self->undo != NULL && nb_text_page_insert_customary (self) == 0)
    {
      AdwToast *toast = adw_toast_new (_("Every customary heading is already there"));

      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
nb_text_page_constructed (GObject *object)
{
  NbTextPage *self = NB_TEXT_PAGE (object);
  const NbSectionInfo *info = nb_format_text_section (self->text_section);

  G_OBJECT_CLASS (nb_text_page_parent_class)->constructed (object);

  for (guint i = 0; i < NB_N_SECTIONS; i++)
    if (nb_format_section (i) == info)
      self->section = (int) i;
  gtk_label_set_text (self->title_label, info->heading);
}

static void
nb_text_page_dispose (GObject *object)
{
  NbTextPage *self = NB_TEXT_PAGE (object);

  if (self->report != NULL)
    g_clear_signal_handler (&self->changed_id, self->report);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_clear_object (&self->report);
  g_clear_object (&self->previous);
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (nb_text_page_parent_class)->dispose (object);
}

static void
nb_text_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  NbTextPage *self = NB_TEXT_PAGE (object);

  switch (prop_id)
    {
    case PROP_TEXT_SECTION:
      g_value_set_uint (value, self->text_section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_text_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  NbTextPage *self = NB_TEXT_PAGE (object);

  switch (prop_id)
    {
    case PROP_TEXT_SECTION:
      self->text_section = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_text_page_class_init (NbTextPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nb_text_page_constructed;
  object_class->dispose = nb_text_page_dispose;
  object_class->get_property = nb_text_page_get_property;
  object_class->set_property = nb_text_page_set_property;

  properties[PROP_TEXT_SECTION] =
    g_param_spec_uint ("text-section", NULL, NULL, 0, NB_N_TEXT_SECTIONS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The templates live in the GResource: whoever makes the first widget
   * (the application, a test) need not have registered it. */
  nb_gui_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/nb-text-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NbTextPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NbTextPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, NbTextPage, findings_box);
  gtk_widget_class_bind_template_child (widget_class, NbTextPage, findings_label);
  gtk_widget_class_bind_template_child (widget_class, NbTextPage, parts_box);
  gtk_widget_class_bind_template_child (widget_class, NbTextPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, NbTextPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, NbTextPage, customary_button);
}

static void
nb_text_page_init (NbTextPage *self)
{
  self->section = -1;
  self->views = g_ptr_array_new_with_free_func (part_view_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  g_signal_connect (self->customary_button, "clicked", G_CALLBACK (customary_clicked_cb), self);
}

GtkWidget *
nb_text_page_new (NbTextSection section)
{
  g_return_val_if_fail (section < NB_N_TEXT_SECTIONS, NULL);
  return g_object_new (NB_TYPE_TEXT_PAGE, "text-section", section, NULL);
}

NbTextSection
nb_text_page_get_text_section (NbTextPage *self)
{
  g_return_val_if_fail (NB_IS_TEXT_PAGE (self), 0);
  return self->text_section;
}

int
nb_text_page_get_section (NbTextPage *self)
{
  g_return_val_if_fail (NB_IS_TEXT_PAGE (self), -1);
  return self->section;
}

void
nb_text_page_set_undo_stack (NbTextPage *self, NbUndoStack *undo)
{
  g_return_if_fail (NB_IS_TEXT_PAGE (self));
  g_return_if_fail (undo == NULL || NB_IS_UNDO_STACK (undo));

  if (self->report != NULL)
    g_clear_signal_handler (&self->changed_id, self->report);
  g_clear_object (&self->report);
  g_set_object (&self->undo, undo);
  if (undo != NULL)
    {
      self->report = g_object_ref (nb_undo_stack_get_report (undo));
      self->changed_id = g_signal_connect (self->report, "changed",
                                           G_CALLBACK (report_changed_cb), self);
    }
  rebuild (self);
}

void
nb_text_page_show_findings (NbTextPage *self, GPtrArray *findings, GHashTable *acks)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean any_error = FALSE;

  g_return_if_fail (NB_IS_TEXT_PAGE (self));
  g_return_if_fail (findings != NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      NbFinding *finding = g_ptr_array_index (findings, i);

      if (finding->section != self->section)
        continue;
      if (finding->severity == NB_SEVERITY_WARNING && acks != NULL && finding->key != NULL &&
          g_hash_table_contains (acks, finding->key))
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, finding->message);
      any_error |= finding->severity == NB_SEVERITY_ERROR;
    }

  if (g_strcmp0 (gtk_label_get_text (self->findings_label), text->str) != 0)
    gtk_label_set_text (self->findings_label, text->str);
  if (gtk_widget_get_visible (self->findings_box) != (text->len > 0))
    gtk_widget_set_visible (self->findings_box, text->len > 0);
  if (!gtk_widget_has_css_class (self->findings_box, any_error ? "error" : "warning"))
    {
      const char *classes[] = { "nb-summary", any_error ? "error" : "warning", NULL };

      gtk_widget_set_css_classes (self->findings_box, classes);
    }
}

guint
nb_text_page_insert_customary (NbTextPage *self)
{
  const char *const *customary;
  guint added = 0;

  g_return_val_if_fail (NB_IS_TEXT_PAGE (self), 0);
  g_return_val_if_fail (self->undo != NULL, 0);

  customary = nb_format_text_section (self->text_section)->customary;
  nb_undo_stack_begin_group (self->undo);
  for (guint i = 0; customary != NULL && customary[i] != NULL; i++)
    {
      guint n = nb_report_get_n_parts (self->report, self->text_section);
      gboolean present = FALSE;

      for (guint p = 0; p < n && !present; p++)
        present = g_strcmp0 (nb_report_get_part_heading (self->report, self->text_section, p),
                             customary[i]) == 0;
      if (present)
        continue;
      nb_undo_stack_insert_part (self->undo, self->text_section, -1, customary[i], "");
      added++;
    }
  nb_undo_stack_end_group (self->undo);
  return added;
}

gboolean
nb_text_page_focus_part (NbTextPage *self, guint index)
{
  PartView *view;

  g_return_val_if_fail (NB_IS_TEXT_PAGE (self), FALSE);

  if (index >= self->views->len)
    return FALSE;
  view = g_ptr_array_index (self->views, index);
  return gtk_widget_grab_focus (view->heading);
}

void
nb_text_page_set_previous (NbTextPage *self, NbReport *previous)
{
  g_return_if_fail (NB_IS_TEXT_PAGE (self));
  g_return_if_fail (previous == NULL || NB_IS_REPORT (previous));

  g_set_object (&self->previous, previous);
  for (guint i = 0; self->views != NULL && i < self->views->len; i++)
    update_copied (g_ptr_array_index (self->views, i));
}

/* For tests: how many parts wear the "from last year" mark. */
guint
nb_text_page_count_copied (NbTextPage *self)
{
  guint n = 0;

  g_return_val_if_fail (NB_IS_TEXT_PAGE (self), 0);

  for (guint i = 0; i < self->views->len; i++)
    n += gtk_widget_get_visible (((PartView *) g_ptr_array_index (self->views, i))->copied);
  return n;
}
