/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NbTablePage: one table of the report as entries, typed into with the
 * keys of a spreadsheet and kept in step with the report. The layout is
 * in nb-table-layout.c, pasting in nb-table-paste.c, the rules' findings
 * on the cells and the summary in nb-table-findings.c.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "nb-application.h"

#include "nb-finding.h"
#include "nb-number.h"
#include "nb-table-page-private.h"
#include "nb-totals.h"

G_DEFINE_FINAL_TYPE (NbTablePage, nb_table_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
slot_free (gpointer data)
{
  Slot *slot = data;

  g_free (slot->finding_message);
  g_free (slot->parse_message);
  g_free (slot->placeholder);
  g_free (slot->description);
  g_free (slot);
}

static Slot *
slot_for_widget (GtkWidget *widget)
{
  GtkWidget *entry = widget ? gtk_widget_get_ancestor (widget, GTK_TYPE_ENTRY) : NULL;

  return entry ? g_object_get_data (G_OBJECT (entry), "nb-slot") : NULL;
}

static Slot *
slot_at (NbTablePage *self, guint index)
{
  return index < self->slots->len ? g_ptr_array_index (self->slots, index) : NULL;
}

Slot *
nb_table_page_slot_for_cell (NbTablePage *self, guint cell)
{
  return cell < NB_N_CELLS && self->slot_of_cell[cell] >= 0
         ? slot_at (self, (guint) self->slot_of_cell[cell]) : NULL;
}

static guint
n_rows (NbTablePage *self)
{
  return self->row_start->len;
}

static guint
row_length (NbTablePage *self, guint vrow)
{
  guint start = g_array_index (self->row_start, guint, vrow);
  guint end = vrow + 1 < n_rows (self) ? g_array_index (self->row_start, guint, vrow + 1)
                                       : self->slots->len;
  return end - start;
}

/* The slot at (vrow, vcol), or the last one of a shorter row. */
Slot *
nb_table_page_slot_near (NbTablePage *self, guint vrow, guint vcol, gboolean clamp)
{
  guint len;

  if (vrow >= n_rows (self))
    return NULL;
  len = row_length (self, vrow);
  if (vcol >= len)
    {
      if (!clamp)
        return NULL;
      vcol = len - 1;
    }
  return slot_at (self, g_array_index (self->row_start, guint, vrow) + vcol);
}

static void entry_changed_cb (GtkEditable *editable, NbTablePage *self);
static void focus_enter_cb (GtkEventControllerFocus *controller, NbTablePage *self);
static void focus_leave_cb (GtkEventControllerFocus *controller, NbTablePage *self);
static gboolean query_tooltip_cb (GtkWidget *entry, int x, int y, gboolean keyboard,
                                  GtkTooltip *tooltip, gpointer user_data);

void
nb_table_page_add_slot (NbTablePage *self, guint cell, int col, int row, int width, guint vrow, guint vcol)
{
  Slot *slot = g_new0 (Slot, 1);
  GtkEventController *focus;
  g_autofree char *description = nb_format_cell_describe (cell);

  if (vcol == 0)
    {
      guint start = self->slots->len;

      g_array_append_val (self->row_start, start);
    }

  slot->cell = cell;
  slot->index = self->slots->len;
  slot->vrow = vrow;
  slot->vcol = vcol;
  slot->entry = nb_cell_entry_new ();
  g_ptr_array_add (self->slots, slot);
  self->slot_of_cell[cell] = (int) slot->index;

  gtk_editable_set_alignment (GTK_EDITABLE (slot->entry), 1.0);
  /* GtkText asks for 150 px by default; a figure needs far less. */
  gtk_editable_set_width_chars (GTK_EDITABLE (slot->entry), 1);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (slot->entry), 10);
  gtk_editable_set_enable_undo (GTK_EDITABLE (slot->entry), FALSE);
  gtk_widget_set_valign (slot->entry, GTK_ALIGN_FILL);
  gtk_widget_add_css_class (slot->entry, "nb-cell");
  if (nb_format_cell (cell)->is_total)
    gtk_widget_add_css_class (slot->entry, "nb-total");
  gtk_accessible_update_property (GTK_ACCESSIBLE (slot->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_object_set_data (G_OBJECT (slot->entry), "nb-slot", slot);
  g_signal_connect (slot->entry, "changed", G_CALLBACK (entry_changed_cb), self);
  gtk_widget_set_has_tooltip (slot->entry, TRUE);
  g_signal_connect (slot->entry, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (slot->entry, focus);

  gtk_grid_attach (self->grid, slot->entry, col, row, width, 1);
}


/* The computed sum shows in a total only while it is blank. Changing the
 * placeholder of a filled entry would only make the whole table measure
 * itself again on every keystroke, for text nobody sees. */
static void
show_placeholder (Slot *slot)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (slot->entry));
  const char *shown = gtk_entry_get_placeholder_text (GTK_ENTRY (slot->entry));

  if (text[0] != '\0' || g_strcmp0 (shown, slot->placeholder) == 0)
    return;
  gtk_entry_set_placeholder_text (GTK_ENTRY (slot->entry), slot->placeholder);
}

static void
set_text_quietly (NbTablePage *self, Slot *slot, const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (slot->entry)), text) == 0)
    return;
  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (slot->entry), text);
  self->updating--;
  if (slot->placeholder != NULL)
    show_placeholder (slot);
}

static const char *
slot_message (Slot *slot)
{
  return slot->parse_message ? slot->parse_message : slot->finding_message;
}

/* Tooltips are asked for when shown, not set on every change: setting a
 * tooltip makes GTK query the pointer from the display server, and a
 * keystroke changes the messages of a dozen cells. */
static gboolean
query_tooltip_cb (GtkWidget *entry, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  gpointer user_data)
{
  Slot *slot = g_object_get_data (G_OBJECT (entry), "nb-slot");
  const char *message = slot ? slot_message (slot) : NULL;

  if (message == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, message);
  return TRUE;
}

/* The entry paints its mark; what a screen reader is told changes only
 * when it changes. */
void
nb_table_page_update_slot_style (NbTablePage *self, Slot *slot)
{
  NbCellMark mark = slot->parse_message != NULL ? NB_CELL_MARK_ERROR : slot->mark;
  gboolean invalid = mark == NB_CELL_MARK_ERROR;
  const char *message = slot_message (slot);

  nb_cell_entry_set_mark (NB_CELL_ENTRY (slot->entry), mark);
  if (invalid != slot->invalid)
    {
      slot->invalid = invalid;
      gtk_accessible_update_state (GTK_ACCESSIBLE (slot->entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
    }
  if (g_strcmp0 (message, slot->description) != 0)
    {
      g_free (slot->description);
      slot->description = g_strdup (message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (slot->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message ? message : "", -1);
    }
}

void
nb_table_page_set_message (NbTablePage *self, const char *icon, const char *text)
{
  gtk_image_set_from_icon_name (self->message_icon, icon);
  gtk_inscription_set_text (self->message_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* The bar under the table speaks about the cell with the cursor: where it
 * is on the form, and what is wrong with it. */
void
nb_table_page_show_slot_message (NbTablePage *self, Slot *slot)
{
  g_autofree char *where = nb_format_cell_describe (slot->cell);
  g_autofree char *text = NULL;
  const char *icon = "dialog-information-symbolic";

  if (slot->parse_message != NULL)
    {
      icon = "dialog-error-symbolic";
      text = g_strdup_printf ("%s\n%s", where, slot->parse_message);
    }
  else if (slot->finding_message != NULL)
    {
      icon = slot->mark == NB_CELL_MARK_ERROR ? "dialog-error-symbolic" : "dialog-warning-symbolic";
      /* The rules' messages name their cell already. */
      if (g_str_has_prefix (slot->finding_message, where))
        text = g_strdup (slot->finding_message);
      else
        text = g_strdup_printf ("%s\n%s", where, slot->finding_message);
    }
  else if (slot->placeholder != NULL)
    text = g_strdup_printf (_("%s\nThe figures of this total add up to %s; Ctrl+T fills in every total."),
                            where, slot->placeholder);
  else
    text = g_strdup (where);
  nb_table_page_set_message (self, icon, text);
}

static void
clear_parse_error (NbTablePage *self, Slot *slot)
{
  if (slot->parse_message == NULL)
    return;
  g_clear_pointer (&slot->parse_message, g_free);
  nb_table_page_update_slot_style (self, slot);
}

/* Shows the model's value in the entry unless the entry already says the
 * same thing in other words (the clerk is typing "１２"). */
static void
sync_slot (NbTablePage *self, Slot *slot)
{
  g_autofree char *model_text = NULL;
  const char *text;
  gboolean blank, filled;
  gint64 value, model_value;

  if (slot == self->committing)
    return;

  filled = nb_report_get_figure (self->report, slot->cell, &model_value);
  text = gtk_editable_get_text (GTK_EDITABLE (slot->entry));
  if (slot == self->focused && slot->parse_message == NULL &&
      nb_number_parse (text, nb_format_cell (slot->cell)->kind, &blank, &value, NULL) &&
      blank == !filled && (blank || value == model_value))
    return;

  model_text = nb_report_dup_figure_text (self->report, slot->cell);
  g_clear_pointer (&slot->parse_message, g_free);
  slot->blanked = FALSE;
  set_text_quietly (self, slot, model_text);
  nb_table_page_update_slot_style (self, slot);
}

static void
update_placeholders (NbTablePage *self)
{
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = slot_at (self, i);
      g_autofree char *text = NULL;
      gint64 sum;

      if (!nb_format_cell (slot->cell)->is_total)
        continue;
      if (nb_totals_compute (self->report, slot->cell, &sum))
        text = nb_number_format (sum, NB_CELL_COUNT);
      if (g_strcmp0 (text, slot->placeholder) == 0)
        continue;
      g_free (slot->placeholder);
      slot->placeholder = g_steal_pointer (&text);
      show_placeholder (slot);
    }
}

/* Leaving a cell ends its undo step; text that was refused gives way to
 * the value that was kept. */
static void
finish_slot (NbTablePage *self, Slot *slot)
{
  g_autofree char *model_text = NULL;

  slot->blanked = FALSE;
  if (self->undo != NULL)
    nb_undo_stack_close_merge (self->undo);
  if (self->report == NULL)
    return;

  model_text = nb_report_dup_figure_text (self->report, slot->cell);
  if (slot->parse_message != NULL)
    {
      g_autofree char *refused = g_strdup (gtk_editable_get_text (GTK_EDITABLE (slot->entry)));
      g_autofree char *where = nb_format_cell_describe (slot->cell);
      g_autofree char *text = g_strdup_printf (_("%s\n“%s” was not accepted; the cell keeps %s."),
                                               where, refused,
                                               model_text[0] ? model_text : _("its blank"));

      g_clear_pointer (&slot->parse_message, g_free);
      nb_table_page_update_slot_style (self, slot);
      nb_table_page_set_message (self, "dialog-warning-symbolic", text);
    }
  set_text_quietly (self, slot, model_text);
}

static gboolean
move_focus (NbTablePage *self, Slot *target)
{
  if (target == NULL)
    return FALSE;
  gtk_widget_grab_focus (target->entry);
  return TRUE;
}

static void
entry_changed_cb (GtkEditable *editable, NbTablePage *self)
{
  Slot *slot = g_object_get_data (G_OBJECT (editable), "nb-slot");
  g_autoptr(GError) error = NULL;
  gboolean ok, filled;
  gint64 value;

  if (self->updating > 0 || self->undo == NULL)
    return;
  if (slot->placeholder != NULL)
    show_placeholder (slot);

  filled = nb_report_get_figure (self->report, slot->cell, &value);
  self->committing = slot;
  ok = nb_undo_stack_set_figure_text (self->undo, slot->cell, gtk_editable_get_text (editable),
                                      TRUE, &error);
  self->committing = NULL;

  if (ok)
    {
      /* Typing over a selection may reach us as a deletion, then an
       * insertion: remember what the deletion took. */
      slot->blanked = filled && gtk_editable_get_text (editable)[0] == '\0';
      slot->blanked_value = value;
      clear_parse_error (self, slot);
    }
  else
    {
      g_autofree char *kept = NULL;

      /* The cell keeps the value it had before the edit that is refused:
       * "14" selected and "abc" typed over it keeps 14. */
      if (slot->blanked)
        {
          g_autofree char *before = nb_number_format (slot->blanked_value,
                                                      nb_format_cell (slot->cell)->kind);

          self->committing = slot;
          nb_undo_stack_set_figure_text (self->undo, slot->cell, before, TRUE, NULL);
          self->committing = NULL;
          slot->blanked = FALSE;
        }
      kept = nb_report_dup_figure_text (self->report, slot->cell);

      g_free (slot->parse_message);
      slot->parse_message = g_strdup_printf (_("Not accepted: %s The cell keeps %s."),
                                             error->message, kept[0] ? kept : _("its blank"));
      nb_table_page_update_slot_style (self, slot);
    }
  if (slot == self->focused)
    nb_table_page_show_slot_message (self, slot);
}

static void
focus_enter_cb (GtkEventControllerFocus *controller, NbTablePage *self)
{
  Slot *slot = slot_for_widget (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  self->focused = slot;
  nb_table_page_show_slot_message (self, slot);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller, NbTablePage *self)
{
  Slot *slot = slot_for_widget (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  if (self->focused == slot)
    self->focused = NULL;
  finish_slot (self, slot);
}

static void
report_changed_cb (NbReport *report, guint what, guint index, NbTablePage *self)
{
  if (what == NB_CHANGE_ALL)
    {
      for (guint i = 0; i < self->slots->len; i++)
        sync_slot (self, slot_at (self, i));
      update_placeholders (self);
      return;
    }
  if (what != NB_CHANGE_FIGURE || nb_format_cell (index)->table != self->table)
    return;
  if (self->slot_of_cell[index] >= 0)
    sync_slot (self, slot_at (self, (guint) self->slot_of_cell[index]));
  update_placeholders (self);
}


/* Spreadsheet keys, caught before the entry sees them. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, NbTablePage *self)
{
  return nb_table_page_key (self, keyval, state);
}

gboolean
nb_table_page_key (NbTablePage *self, guint keyval, GdkModifierType state)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  Slot *slot = slot_for_widget (root ? gtk_root_get_focus (root) : NULL);
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  gboolean shift = (mods & GDK_SHIFT_MASK) != 0;

  g_return_val_if_fail (NB_IS_TABLE_PAGE (self), FALSE);

  if (slot == NULL || self->undo == NULL)
    return FALSE;

  if ((mods & ~GDK_SHIFT_MASK) == 0)
    {
      switch (keyval)
        {
        case GDK_KEY_Tab:
        case GDK_KEY_KP_Tab:
        case GDK_KEY_ISO_Left_Tab:
          return move_focus (self, slot_at (self, shift || keyval == GDK_KEY_ISO_Left_Tab
                                                  ? slot->index - 1 : slot->index + 1));

        case GDK_KEY_Return:
        case GDK_KEY_KP_Enter:
        case GDK_KEY_ISO_Enter:
          if (slot->parse_message != NULL)
            {
              gtk_widget_error_bell (slot->entry);
              return TRUE;
            }
          finish_slot (self, slot);
          if (shift)
            move_focus (self, slot->vrow > 0 ? nb_table_page_slot_near (self, slot->vrow - 1, slot->vcol, TRUE) : NULL);
          else
            move_focus (self, nb_table_page_slot_near (self, slot->vrow + 1, slot->vcol, TRUE));
          return TRUE;

        case GDK_KEY_Up:
        case GDK_KEY_KP_Up:
          if (shift)
            return FALSE;
          move_focus (self, slot->vrow > 0 ? nb_table_page_slot_near (self, slot->vrow - 1, slot->vcol, TRUE) : NULL);
          return TRUE;

        case GDK_KEY_Down:
        case GDK_KEY_KP_Down:
          if (shift)
            return FALSE;
          move_focus (self, nb_table_page_slot_near (self, slot->vrow + 1, slot->vcol, TRUE));
          return TRUE;

        case GDK_KEY_Escape:
          if (shift)
            return FALSE;
          finish_slot (self, slot);
          return slot->parse_message == NULL;

        default:
          return FALSE;
        }
    }

  if ((mods & ~GDK_SHIFT_MASK) == GDK_CONTROL_MASK)
    {
      switch (keyval)
        {
        case GDK_KEY_z:
        case GDK_KEY_Z:
          finish_slot (self, slot);
          if (shift)
            nb_undo_stack_redo (self->undo);
          else
            nb_undo_stack_undo (self->undo);
          return TRUE;

        case GDK_KEY_y:
        case GDK_KEY_Y:
          finish_slot (self, slot);
          nb_undo_stack_redo (self->undo);
          return TRUE;

        case GDK_KEY_v:
        case GDK_KEY_V:
          nb_table_page_start_paste (self, slot);
          return TRUE;

        default:
          return FALSE;
        }
    }
  return FALSE;
}

static void
nb_table_page_constructed (GObject *object)
{
  NbTablePage *self = NB_TABLE_PAGE (object);
  const NbSectionInfo *section = NULL;

  G_OBJECT_CLASS (nb_table_page_parent_class)->constructed (object);

  for (guint i = 0; i < NB_N_SECTIONS; i++)
    if (nb_format_section (i)->table == self->table)
      {
        section = nb_format_section (i);
        self->section = (int) i;
      }
  g_return_if_fail (section != NULL);

  gtk_label_set_text (self->title_label, section->heading);
  switch (self->table)
    {
    case 2:
      gtk_widget_set_visible (self->totals_button, FALSE);
      break;
    case 3:
      gtk_label_set_text (self->note_label, NB_T3_NOTE);
      gtk_widget_set_visible (GTK_WIDGET (self->note_label), TRUE);
      break;
    case 4:
      /* fifteen columns of small counts: narrower cells keep them on screen */
      gtk_widget_add_css_class (GTK_WIDGET (self->grid), "nb-narrow");
      break;
    default:
      g_assert_not_reached ();
    }
  nb_table_layout_build (self);
}

static void
nb_table_page_dispose (GObject *object)
{
  NbTablePage *self = NB_TABLE_PAGE (object);

  if (self->report != NULL)
    g_clear_signal_handler (&self->changed_id, self->report);
  g_clear_object (&self->report);
  g_clear_object (&self->undo);
  self->focused = NULL;

  G_OBJECT_CLASS (nb_table_page_parent_class)->dispose (object);
}

static void
nb_table_page_finalize (GObject *object)
{
  NbTablePage *self = NB_TABLE_PAGE (object);

  g_ptr_array_unref (self->slots);
  g_array_unref (self->row_start);

  G_OBJECT_CLASS (nb_table_page_parent_class)->finalize (object);
}

static void
nb_table_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  NbTablePage *self = NB_TABLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_uint (value, self->table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_table_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  NbTablePage *self = NB_TABLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      self->table = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_table_page_class_init (NbTablePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nb_table_page_constructed;
  object_class->dispose = nb_table_page_dispose;
  object_class->finalize = nb_table_page_finalize;
  object_class->get_property = nb_table_page_get_property;
  object_class->set_property = nb_table_page_set_property;

  properties[PROP_TABLE] =
    g_param_spec_uint ("table", NULL, NULL, 2, 4, 3,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The templates live in the GResource: whoever makes the first widget
   * (the application, a test) need not have registered it. */
  nb_gui_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/nb-table-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NbTablePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, NbTablePage, note_label);
  gtk_widget_class_bind_template_child (widget_class, NbTablePage, totals_button);
  gtk_widget_class_bind_template_child (widget_class, NbTablePage, summary_stack);
  gtk_widget_class_bind_template_child (widget_class, NbTablePage, warning_summary);
  gtk_widget_class_bind_template_child (widget_class, NbTablePage, error_summary);
  gtk_widget_class_bind_template_child (widget_class, NbTablePage, grid);
  gtk_widget_class_bind_template_child (widget_class, NbTablePage, message_icon);
  gtk_widget_class_bind_template_child (widget_class, NbTablePage, message_label);
}

static void
nb_table_page_init (NbTablePage *self)
{
  GtkEventController *keys;

  self->slots = g_ptr_array_new_with_free_func (slot_free);
  self->row_start = g_array_new (FALSE, FALSE, sizeof (guint));
  self->section = -1;
  for (guint i = 0; i < NB_N_CELLS; i++)
    self->slot_of_cell[i] = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->grid), keys);
}

GtkWidget *
nb_table_page_new (guint table)
{
  g_return_val_if_fail (table >= 2 && table <= 4, NULL);
  return g_object_new (NB_TYPE_TABLE_PAGE, "table", table, NULL);
}

guint
nb_table_page_get_table (NbTablePage *self)
{
  g_return_val_if_fail (NB_IS_TABLE_PAGE (self), 0);
  return self->table;
}

int
nb_table_page_get_section (NbTablePage *self)
{
  g_return_val_if_fail (NB_IS_TABLE_PAGE (self), -1);
  return self->section;
}

void
nb_table_page_set_undo_stack (NbTablePage *self, NbUndoStack *undo)
{
  g_return_if_fail (NB_IS_TABLE_PAGE (self));
  g_return_if_fail (undo == NULL || NB_IS_UNDO_STACK (undo));

  if (self->report != NULL)
    g_clear_signal_handler (&self->changed_id, self->report);
  g_clear_object (&self->report);
  g_set_object (&self->undo, undo);
  if (undo == NULL)
    return;

  self->report = g_object_ref (nb_undo_stack_get_report (undo));
  self->changed_id = g_signal_connect (self->report, "changed",
                                       G_CALLBACK (report_changed_cb), self);
  report_changed_cb (self->report, NB_CHANGE_ALL, 0, self);
}

gboolean
nb_table_page_focus_cell (NbTablePage *self, guint cell)
{
  Slot *slot;

  g_return_val_if_fail (NB_IS_TABLE_PAGE (self), FALSE);
  g_return_val_if_fail (cell < NB_N_CELLS, FALSE);

  slot = nb_table_page_slot_for_cell (self, cell);
  return slot != NULL && gtk_widget_grab_focus (slot->entry);
}

GtkWidget *
nb_table_page_get_entry (NbTablePage *self, guint cell)
{
  Slot *slot;

  g_return_val_if_fail (NB_IS_TABLE_PAGE (self), NULL);
  g_return_val_if_fail (cell < NB_N_CELLS, NULL);

  slot = nb_table_page_slot_for_cell (self, cell);
  return slot ? slot->entry : NULL;
}

void
nb_table_page_commit (NbTablePage *self)
{
  g_return_if_fail (NB_IS_TABLE_PAGE (self));

  if (self->focused != NULL)
    finish_slot (self, self->focused);
}

NbCellMark
nb_table_page_get_cell_mark (NbTablePage *self, guint cell)
{
  Slot *slot;

  g_return_val_if_fail (NB_IS_TABLE_PAGE (self), NB_CELL_MARK_NONE);

  slot = nb_table_page_slot_for_cell (self, cell);
  return slot ? nb_cell_entry_get_mark (NB_CELL_ENTRY (slot->entry)) : NB_CELL_MARK_NONE;
}

const char *
nb_table_page_get_cell_message (NbTablePage *self, guint cell)
{
  Slot *slot;

  g_return_val_if_fail (NB_IS_TABLE_PAGE (self), NULL);

  slot = nb_table_page_slot_for_cell (self, cell);
  return slot ? slot_message (slot) : NULL;
}

const char *
nb_table_page_get_message (NbTablePage *self)
{
  g_return_val_if_fail (NB_IS_TABLE_PAGE (self), NULL);
  return gtk_inscription_get_text (self->message_label);
}
