/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "nb-undo-stack.h"

#include "nb-number.h"

typedef enum
{
  CHANGE_FIGURE,
  CHANGE_PART_INSERT,
  CHANGE_PART_REMOVE,
  CHANGE_PART_MOVE,
} ChangeKind;

typedef struct
{
  ChangeKind kind;
  guint index;          /* cell, or NbTextSection */
  /* figures */
  gboolean old_filled;
  gboolean new_filled;
  gint64 old_value;
  gint64 new_value;
  /* parts */
  guint part;
  guint part_to;
  char *heading;
  char *body;
} Change;

typedef struct
{
  GPtrArray *changes;   /* Change, in the order they were made */
  gboolean mergeable;   /* a single cell still being typed */
} Step;

struct _NbUndoStack
{
  GObject parent_instance;

  NbReport *report;

  /* history */
  GPtrArray *undo;      /* Step, oldest first */
  GPtrArray *redo;      /* Step, most recently undone last */

  /* the step being built */
  Step *group;
  guint group_depth;
};

G_DEFINE_FINAL_TYPE (NbUndoStack, nb_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
change_free (gpointer data)
{
  Change *change = data;

  g_free (change->heading);
  g_free (change->body);
  g_free (change);
}

static Step *
step_new (void)
{
  Step *step = g_new0 (Step, 1);

  step->changes = g_ptr_array_new_with_free_func (change_free);
  return step;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_ptr_array_unref (step->changes);
  g_free (step);
}

static void
notify_state (NbUndoStack *self, gboolean could_undo, gboolean could_redo)
{
  if (could_undo != nb_undo_stack_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != nb_undo_stack_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static Step *
top_step (NbUndoStack *self)
{
  return self->undo->len > 0 ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
}

/* A change made outside any group becomes a step of its own. */
static void
record (NbUndoStack *self, Change *change)
{
  gboolean could_undo = nb_undo_stack_can_undo (self);
  gboolean could_redo = nb_undo_stack_can_redo (self);

  if (self->group != NULL)
    {
      g_ptr_array_add (self->group->changes, change);
      return;
    }

  {
    Step *step = step_new ();

    g_ptr_array_add (step->changes, change);
    g_ptr_array_add (self->undo, step);
    g_ptr_array_set_size (self->redo, 0);
  }
  notify_state (self, could_undo, could_redo);
}

static void
apply_figure (NbReport *report, guint cell, gboolean filled, gint64 value)
{
  if (filled)
    nb_report_set_figure (report, cell, value);
  else
    nb_report_clear_figure (report, cell);
}

static void
apply_change (NbUndoStack *self, Change *change, gboolean forward)
{
  NbReport *report = self->report;

  switch (change->kind)
    {
    case CHANGE_FIGURE:
      if (forward)
        apply_figure (report, change->index, change->new_filled, change->new_value);
      else
        apply_figure (report, change->index, change->old_filled, change->old_value);
      break;

    case CHANGE_PART_INSERT:
    case CHANGE_PART_REMOVE:
      if ((change->kind == CHANGE_PART_INSERT) == forward)
        {
          nb_report_insert_part (report, change->index, (int) change->part,
                                 change->heading, change->body);
        }
      else if (change->part < nb_report_get_n_parts (report, change->index))
        {
          /* Keep what was typed into the part since, so redo restores it. */
          g_free (change->heading);
          g_free (change->body);
          change->heading = g_strdup (nb_report_get_part_heading (report, change->index, change->part));
          change->body = g_strdup (nb_report_get_part_body (report, change->index, change->part));
          nb_report_remove_part (report, change->index, change->part);
        }
      break;

    case CHANGE_PART_MOVE:
      {
        guint n = nb_report_get_n_parts (report, change->index);
        guint from = forward ? change->part : change->part_to;
        guint to = forward ? change->part_to : change->part;

        if (from < n && to < n)
          nb_report_move_part (report, change->index, from, to);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
nb_undo_stack_finalize (GObject *object)
{
  NbUndoStack *self = NB_UNDO_STACK (object);

  g_clear_object (&self->report);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_clear_pointer (&self->group, step_free);

  G_OBJECT_CLASS (nb_undo_stack_parent_class)->finalize (object);
}

static void
nb_undo_stack_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  NbUndoStack *self = NB_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, nb_undo_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, nb_undo_stack_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_undo_stack_class_init (NbUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_undo_stack_finalize;
  object_class->get_property = nb_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_undo_stack_init (NbUndoStack *self)
{
  self->undo = g_ptr_array_new_with_free_func (step_free);
  self->redo = g_ptr_array_new_with_free_func (step_free);
}

NbUndoStack *
nb_undo_stack_new (NbReport *report)
{
  NbUndoStack *self;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  self = g_object_new (NB_TYPE_UNDO_STACK, NULL);
  self->report = g_object_ref (report);
  return self;
}

NbReport *
nb_undo_stack_get_report (NbUndoStack *self)
{
  g_return_val_if_fail (NB_IS_UNDO_STACK (self), NULL);
  return self->report;
}

void
nb_undo_stack_begin_group (NbUndoStack *self)
{
  g_return_if_fail (NB_IS_UNDO_STACK (self));

  if (self->group_depth++ == 0)
    self->group = step_new ();
}

void
nb_undo_stack_end_group (NbUndoStack *self)
{
  Step *step;
  gboolean could_undo, could_redo;

  g_return_if_fail (NB_IS_UNDO_STACK (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  step = g_steal_pointer (&self->group);
  if (step->changes->len == 0)
    {
      step_free (step);
      return;
    }

  could_undo = nb_undo_stack_can_undo (self);
  could_redo = nb_undo_stack_can_redo (self);
  g_ptr_array_add (self->undo, step);
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self, could_undo, could_redo);
}

void
nb_undo_stack_set_figure (NbUndoStack *self, guint cell, gboolean filled, gint64 value)
{
  Change *change;
  gint64 old_value;
  gboolean old_filled;

  g_return_if_fail (NB_IS_UNDO_STACK (self));
  g_return_if_fail (cell < NB_N_CELLS);

  old_filled = nb_report_get_figure (self->report, cell, &old_value);
  if (old_filled == filled && (!filled || old_value == value))
    return;

  change = g_new0 (Change, 1);
  change->kind = CHANGE_FIGURE;
  change->index = cell;
  change->old_filled = old_filled;
  change->old_value = old_value;
  change->new_filled = filled;
  change->new_value = filled ? value : 0;
  record (self, change);
  apply_figure (self->report, cell, filled, value);
}

gboolean
nb_undo_stack_set_figure_text (NbUndoStack *self, guint cell, const char *text,
                               gboolean merge, GError **error)
{
  gboolean blank;
  gint64 value;
  Step *top;

  g_return_val_if_fail (NB_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (cell < NB_N_CELLS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!nb_number_parse (text, nb_format_cell (cell)->kind, &blank, &value, error))
    return FALSE;

  top = top_step (self);
  if (merge && self->group == NULL && self->redo->len == 0 && top != NULL &&
      top->mergeable)
    {
      Change *change = g_ptr_array_index (top->changes, 0);

      if (change->index == cell)
        {
          change->new_filled = !blank;
          change->new_value = blank ? 0 : value;
          apply_figure (self->report, cell, !blank, value);
          /* Typing that ends where it began leaves no step to undo. */
          if (change->new_filled == change->old_filled &&
              change->new_value == (change->old_filled ? change->old_value : 0))
            {
              gboolean could_undo = nb_undo_stack_can_undo (self);

              g_ptr_array_remove_index (self->undo, self->undo->len - 1);
              notify_state (self, could_undo, FALSE);
            }
          return TRUE;
        }
    }

  {
    guint before = self->undo->len;

    nb_undo_stack_set_figure (self, cell, !blank, value);
    if (merge && self->group == NULL && self->undo->len > before)
      ((Step *) top_step (self))->mergeable = TRUE;
  }
  return TRUE;
}

void
nb_undo_stack_close_merge (NbUndoStack *self)
{
  Step *top;

  g_return_if_fail (NB_IS_UNDO_STACK (self));

  top = top_step (self);
  if (top != NULL)
    top->mergeable = FALSE;
}

gboolean
nb_undo_stack_revert_merge (NbUndoStack *self, guint cell)
{
  Step *top;
  Change *change;
  gboolean could_undo, could_redo;

  g_return_val_if_fail (NB_IS_UNDO_STACK (self), FALSE);

  top = top_step (self);
  if (top == NULL || !top->mergeable)
    return FALSE;
  change = g_ptr_array_index (top->changes, 0);
  if (change->index != cell)
    return FALSE;

  could_undo = nb_undo_stack_can_undo (self);
  could_redo = nb_undo_stack_can_redo (self);
  apply_figure (self->report, cell, change->old_filled, change->old_value);
  g_ptr_array_remove_index (self->undo, self->undo->len - 1);
  notify_state (self, could_undo, could_redo);
  return TRUE;
}

void
nb_undo_stack_insert_part (NbUndoStack *self, NbTextSection section, int position,
                           const char *heading, const char *body)
{
  Change *change;
  guint n;

  g_return_if_fail (NB_IS_UNDO_STACK (self));
  g_return_if_fail (section < NB_N_TEXT_SECTIONS);

  n = nb_report_get_n_parts (self->report, section);
  if (position < 0 || (guint) position > n)
    position = (int) n;

  change = g_new0 (Change, 1);
  change->kind = CHANGE_PART_INSERT;
  change->index = section;
  change->part = (guint) position;
  change->heading = g_strdup (heading ? heading : "");
  change->body = g_strdup (body ? body : "");
  record (self, change);
  nb_report_insert_part (self->report, section, position, change->heading, change->body);
}

void
nb_undo_stack_remove_part (NbUndoStack *self, NbTextSection section, guint index)
{
  Change *change;

  g_return_if_fail (NB_IS_UNDO_STACK (self));
  g_return_if_fail (section < NB_N_TEXT_SECTIONS);
  g_return_if_fail (index < nb_report_get_n_parts (self->report, section));

  change = g_new0 (Change, 1);
  change->kind = CHANGE_PART_REMOVE;
  change->index = section;
  change->part = index;
  change->heading = g_strdup (nb_report_get_part_heading (self->report, section, index));
  change->body = g_strdup (nb_report_get_part_body (self->report, section, index));
  record (self, change);
  nb_report_remove_part (self->report, section, index);
}

void
nb_undo_stack_move_part (NbUndoStack *self, NbTextSection section, guint from, guint to)
{
  Change *change;
  guint n;

  g_return_if_fail (NB_IS_UNDO_STACK (self));
  g_return_if_fail (section < NB_N_TEXT_SECTIONS);

  n = nb_report_get_n_parts (self->report, section);
  g_return_if_fail (from < n && to < n);
  if (from == to)
    return;

  change = g_new0 (Change, 1);
  change->kind = CHANGE_PART_MOVE;
  change->index = section;
  change->part = from;
  change->part_to = to;
  record (self, change);
  nb_report_move_part (self->report, section, from, to);
}

gboolean
nb_undo_stack_can_undo (NbUndoStack *self)
{
  g_return_val_if_fail (NB_IS_UNDO_STACK (self), FALSE);
  return self->undo->len > 0;
}

gboolean
nb_undo_stack_can_redo (NbUndoStack *self)
{
  g_return_val_if_fail (NB_IS_UNDO_STACK (self), FALSE);
  return self->redo->len > 0;
}

gboolean
nb_undo_stack_undo (NbUndoStack *self)
{
  Step *step;
  gboolean could_undo, could_redo;

  g_return_val_if_fail (NB_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);

  if (self->undo->len == 0)
    return FALSE;

  could_undo = nb_undo_stack_can_undo (self);
  could_redo = nb_undo_stack_can_redo (self);
  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  step->mergeable = FALSE;
  for (guint i = step->changes->len; i > 0; i--)
    apply_change (self, g_ptr_array_index (step->changes, i - 1), FALSE);
  g_ptr_array_add (self->redo, step);
  notify_state (self, could_undo, could_redo);
  return TRUE;
}

gboolean
nb_undo_stack_redo (NbUndoStack *self)
{
  Step *step;
  gboolean could_undo, could_redo;

  g_return_val_if_fail (NB_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);

  if (self->redo->len == 0)
    return FALSE;

  could_undo = nb_undo_stack_can_undo (self);
  could_redo = nb_undo_stack_can_redo (self);
  step = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  for (guint i = 0; i < step->changes->len; i++)
    apply_change (self, g_ptr_array_index (step->changes, i), TRUE);
  g_ptr_array_add (self->undo, step);
  notify_state (self, could_undo, could_redo);
  return TRUE;
}

void
nb_undo_stack_clear (NbUndoStack *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (NB_IS_UNDO_STACK (self));

  could_undo = nb_undo_stack_can_undo (self);
  could_redo = nb_undo_stack_can_redo (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self, could_undo, could_redo);
}
