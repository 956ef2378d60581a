/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

#include "nb-number.h"
#include "nb-report.h"

typedef struct
{
  char *heading;
  char *body;
} Part;

struct _NbReport
{
  GObject parent_instance;

  /* front matter */
  char *organ[NB_N_ORGAN_FIELDS];
  guint year;
  char *issued;
  char *preamble;

  /* figures: value meaningful only where filled[cell] */
  gint64 figures[NB_N_CELLS];
  gboolean filled[NB_N_CELLS];

  /* text sections: GPtrArray of Part */
  GPtrArray *parts[NB_N_TEXT_SECTIONS];
};

G_DEFINE_FINAL_TYPE (NbReport, nb_report, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
part_free (gpointer data)
{
  Part *part = data;

  g_free (part->heading);
  g_free (part->body);
  g_free (part);
}

/* Every string the model holds is valid UTF-8: what cannot be read as text
 * (a damaged file, a stray byte) becomes U+FFFD, so that the store, the
 * exchange file and the PDF can rely on it. */
static char *
dup_valid (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    return g_utf8_make_valid (text, -1);
  return g_strdup (text);
}

static Part *
part_new (const char *heading, const char *body)
{
  Part *part = g_new0 (Part, 1);

  part->heading = dup_valid (heading);
  part->body = dup_valid (body);
  return part;
}

static void
emit_changed (NbReport *self, NbChange what, guint index)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, (guint) what, index);
}

/* An empty string is stored as NULL so that "never filled in" and "cleared"
 * compare equal. */
static gboolean
replace_string (char **slot, const char *value)
{
  g_autofree char *valid = NULL;

  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}


static void
nb_report_finalize (GObject *object)
{
  NbReport *self = NB_REPORT (object);

  for (guint i = 0; i < NB_N_ORGAN_FIELDS; i++)
    g_free (self->organ[i]);
  g_free (self->issued);
  g_free (self->preamble);
  for (guint i = 0; i < NB_N_TEXT_SECTIONS; i++)
    g_ptr_array_unref (self->parts[i]);

  G_OBJECT_CLASS (nb_report_parent_class)->finalize (object);
}

static void
nb_report_class_init (NbReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_report_finalize;

  /**
   * NbReport::changed:
   * @what: an #NbChange
   * @index: which field, cell or section changed (see #NbChange)
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
nb_report_init (NbReport *self)
{
  for (guint i = 0; i < NB_N_TEXT_SECTIONS; i++)
    self->parts[i] = g_ptr_array_new_with_free_func (part_free);
}

NbReport *
nb_report_new (void)
{
  return g_object_new (NB_TYPE_REPORT, NULL);
}

/* Copies everything from @from into @self and emits one NB_CHANGE_ALL. */
void
nb_report_assign (NbReport *self, NbReport *from)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (NB_IS_REPORT (from));

  if (self == from)
    return;

  for (guint i = 0; i < NB_N_ORGAN_FIELDS; i++)
    replace_string (&self->organ[i], from->organ[i]);
  self->year = from->year;
  replace_string (&self->issued, from->issued);
  replace_string (&self->preamble, from->preamble);
  memcpy (self->figures, from->figures, sizeof self->figures);
  memcpy (self->filled, from->filled, sizeof self->filled);
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    {
      g_ptr_array_set_size (self->parts[s], 0);
      for (guint i = 0; i < from->parts[s]->len; i++)
        {
          Part *part = g_ptr_array_index (from->parts[s], i);

          g_ptr_array_add (self->parts[s], part_new (part->heading, part->body));
        }
    }
  emit_changed (self, NB_CHANGE_ALL, 0);
}

NbReport *
nb_report_copy (NbReport *self)
{
  NbReport *copy;

  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  copy = nb_report_new ();
  nb_report_assign (copy, self);
  return copy;
}

gboolean
nb_report_equal (NbReport *a, NbReport *b)
{
  g_return_val_if_fail (NB_IS_REPORT (a), FALSE);
  g_return_val_if_fail (NB_IS_REPORT (b), FALSE);

  for (guint i = 0; i < NB_N_ORGAN_FIELDS; i++)
    if (g_strcmp0 (a->organ[i], b->organ[i]) != 0)
      return FALSE;
  if (a->year != b->year || g_strcmp0 (a->issued, b->issued) != 0 ||
      g_strcmp0 (a->preamble, b->preamble) != 0)
    return FALSE;
  for (guint i = 0; i < NB_N_CELLS; i++)
    if (a->filled[i] != b->filled[i] || (a->filled[i] && a->figures[i] != b->figures[i]))
      return FALSE;
  for (guint s = 0; s < NB_N_TEXT_SECTIONS; s++)
    {
      if (a->parts[s]->len != b->parts[s]->len)
        return FALSE;
      for (guint i = 0; i < a->parts[s]->len; i++)
        {
          Part *pa = g_ptr_array_index (a->parts[s], i);
          Part *pb = g_ptr_array_index (b->parts[s], i);

          if (strcmp (pa->heading, pb->heading) != 0 || strcmp (pa->body, pb->body) != 0)
            return FALSE;
        }
    }
  return TRUE;
}

const char *
nb_report_get_organ_field (NbReport *self, NbOrganField field)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  g_return_val_if_fail (field < NB_N_ORGAN_FIELDS, NULL);
  return self->organ[field];
}

void
nb_report_set_organ_field (NbReport *self, NbOrganField field, const char *value)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (field < NB_N_ORGAN_FIELDS);

  if (replace_string (&self->organ[field], value))
    emit_changed (self, NB_CHANGE_ORGAN, field);
}

const char *
nb_report_get_organ_name (NbReport *self)
{
  return nb_report_get_organ_field (self, NB_ORGAN_NAME);
}

guint
nb_report_get_year (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  return self->year;
}

void
nb_report_set_year (NbReport *self, guint year)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (year == 0 || (year >= NB_MIN_YEAR && year <= NB_MAX_YEAR));

  if (self->year == year)
    return;
  self->year = year;
  emit_changed (self, NB_CHANGE_YEAR, 0);
}

const char *
nb_report_get_issued (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return self->issued;
}

/* Accepts NULL or "" (no date yet) or a real calendar date YYYY-MM-DD. */
gboolean
nb_report_set_issued (NbReport *self, const char *iso_date, GError **error)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (iso_date != NULL && iso_date[0] != '\0')
    {
      guint y, m, d;
      char tail;
      gboolean digits = strlen (iso_date) == 10;

      /* sscanf alone would take "2025-+1-20" or " 025-01-20" */
      for (guint i = 0; digits && i < 10; i++)
        digits = (i == 4 || i == 7) || g_ascii_isdigit (iso_date[i]);

      if (!digits ||
          sscanf (iso_date, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 ||
          iso_date[4] != '-' || iso_date[7] != '-' ||
          !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” is not a date of the form YYYY-MM-DD"), iso_date);
          return FALSE;
        }
    }

  if (replace_string (&self->issued, iso_date))
    emit_changed (self, NB_CHANGE_ISSUED, 0);
  return TRUE;
}

const char *
nb_report_get_preamble (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return self->preamble;
}

void
nb_report_set_preamble (NbReport *self, const char *text)
{
  g_return_if_fail (NB_IS_REPORT (self));

  if (replace_string (&self->preamble, text))
    emit_changed (self, NB_CHANGE_PREAMBLE, 0);
}

char *
nb_report_dup_title (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  return g_strdup_printf ("%s%u" NB_TITLE_SUFFIX,
                          self->organ[NB_ORGAN_NAME] ? self->organ[NB_ORGAN_NAME] : "",
                          self->year);
}

/* The customary preamble, built from what the organ has filled in; a field
 * left empty leaves its clause out rather than printing a blank. */
char *
nb_report_dup_preamble (NbReport *self)
{
  GString *text;
  const char *name;
  const char *contact_keys[] = { "地址", "邮编", "电话", "电子邮箱" };
  const NbOrganField contact_fields[] = {
    NB_ORGAN_ADDRESS, NB_ORGAN_POSTCODE, NB_ORGAN_TELEPHONE, NB_ORGAN_EMAIL
  };
  gboolean any_contact = FALSE;

  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  if (self->preamble != NULL)
    return g_strdup (self->preamble);

  name = self->organ[NB_ORGAN_NAME] ? self->organ[NB_ORGAN_NAME] : "本机关";
  text = g_string_new (NULL);
  g_string_append_printf (text,
                          "本报告由%s根据《中华人民共和国政府信息公开条例》（以下简称《条例》）"
                          "和国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告格式的通知"
                          "（国办公开办函〔2021〕30号）要求编制。", name);
  if (self->organ[NB_ORGAN_WEBSITE] != NULL)
    g_string_append_printf (text, "本报告电子版可在%s查阅或下载。",
                            self->organ[NB_ORGAN_WEBSITE]);
  g_string_append_printf (text, "本报告所列数据的统计期限自%u年1月1日起至%u年12月31日止。",
                          self->year, self->year);

  for (guint i = 0; i < G_N_ELEMENTS (contact_fields); i++)
    {
      const char *value = self->organ[contact_fields[i]];

      if (value == NULL)
        continue;
      g_string_append (text, any_contact ? "，" : "如对本报告有疑问，请与" );
      if (!any_contact)
        g_string_append_printf (text, "%s联系（", name);
      g_string_append_printf (text, "%s：%s", contact_keys[i], value);
      any_contact = TRUE;
    }
  if (any_contact)
    g_string_append (text, "）。");

  return g_string_free (text, FALSE);
}

gboolean
nb_report_get_figure (NbReport *self, guint cell, gint64 *value)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (cell < NB_N_CELLS, FALSE);

  if (value != NULL)
    *value = self->filled[cell] ? self->figures[cell] : 0;
  return self->filled[cell];
}

gboolean
nb_report_has_figure (NbReport *self, guint cell)
{
  return nb_report_get_figure (self, cell, NULL);
}

/* The model holds what it is given, negative values included, so that an
 * imported file can carry a wrong figure and the rules (R5) can report it. */
void
nb_report_set_figure (NbReport *self, guint cell, gint64 value)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (cell < NB_N_CELLS);

  if (self->filled[cell] && self->figures[cell] == value)
    return;
  self->filled[cell] = TRUE;
  self->figures[cell] = value;
  emit_changed (self, NB_CHANGE_FIGURE, cell);
}

void
nb_report_clear_figure (NbReport *self, guint cell)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (cell < NB_N_CELLS);

  if (!self->filled[cell])
    return;
  self->filled[cell] = FALSE;
  self->figures[cell] = 0;
  emit_changed (self, NB_CHANGE_FIGURE, cell);
}

/* What a person typed, through the one parser; on error nothing changes. */
gboolean
nb_report_set_figure_text (NbReport *self, guint cell, const char *text, GError **error)
{
  gboolean blank;
  gint64 value;

  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (cell < NB_N_CELLS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!nb_number_parse (text, nb_format_cell (cell)->kind, &blank, &value, error))
    return FALSE;
  if (blank)
    nb_report_clear_figure (self, cell);
  else
    nb_report_set_figure (self, cell, value);
  return TRUE;
}

char *
nb_report_dup_figure_text (NbReport *self, guint cell)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  g_return_val_if_fail (cell < NB_N_CELLS, NULL);

  if (!self->filled[cell])
    return g_strdup ("");
  return nb_number_format (self->figures[cell], nb_format_cell (cell)->kind);
}

guint
nb_report_get_n_parts (NbReport *self, NbTextSection section)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  g_return_val_if_fail (section < NB_N_TEXT_SECTIONS, 0);
  return self->parts[section]->len;
}

static Part *
get_part (NbReport *self, NbTextSection section, guint index)
{
  if (section >= NB_N_TEXT_SECTIONS || index >= self->parts[section]->len)
    return NULL;
  return g_ptr_array_index (self->parts[section], index);
}

const char *
nb_report_get_part_heading (NbReport *self, NbTextSection section, guint index)
{
  Part *part;

  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  part = get_part (self, section, index);
  g_return_val_if_fail (part != NULL, NULL);
  return part->heading;
}

const char *
nb_report_get_part_body (NbReport *self, NbTextSection section, guint index)
{
  Part *part;

  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  part = get_part (self, section, index);
  g_return_val_if_fail (part != NULL, NULL);
  return part->body;
}

/* @position: where to insert, or -1 to append. */
void
nb_report_insert_part (NbReport *self, NbTextSection section, int position,
                       const char *heading, const char *body)
{
  GPtrArray *parts;

  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (section < NB_N_TEXT_SECTIONS);

  parts = self->parts[section];
  if (position < 0 || (guint) position > parts->len)
    position = (int) parts->len;
  g_ptr_array_insert (parts, position, part_new (heading, body));
  emit_changed (self, NB_CHANGE_PARTS, section);
}

void
nb_report_remove_part (NbReport *self, NbTextSection section, guint index)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (get_part (self, section, index) != NULL);

  g_ptr_array_remove_index (self->parts[section], index);
  emit_changed (self, NB_CHANGE_PARTS, section);
}

void
nb_report_move_part (NbReport *self, NbTextSection section, guint from, guint to)
{
  GPtrArray *parts;
  gpointer part;

  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (get_part (self, section, from) != NULL);
  g_return_if_fail (get_part (self, section, to) != NULL);

  if (from == to)
    return;
  parts = self->parts[section];
  part = g_ptr_array_steal_index (parts, from);
  g_ptr_array_insert (parts, to, part);
  emit_changed (self, NB_CHANGE_PARTS, section);
}

/* Either string may be NULL to keep the current one. */
void
nb_report_set_part (NbReport *self, NbTextSection section, guint index,
                    const char *heading, const char *body)
{
  Part *part;
  gboolean changed = FALSE;

  g_return_if_fail (NB_IS_REPORT (self));
  part = get_part (self, section, index);
  g_return_if_fail (part != NULL);

  if (heading != NULL)
    {
      g_autofree char *valid = dup_valid (heading);

      if (strcmp (part->heading, valid) != 0)
        {
          g_free (part->heading);
          part->heading = g_steal_pointer (&valid);
          changed = TRUE;
        }
    }
  if (body != NULL)
    {
      g_autofree char *valid = dup_valid (body);

      if (strcmp (part->body, valid) != 0)
        {
          g_free (part->body);
          part->body = g_steal_pointer (&valid);
          changed = TRUE;
        }
    }
  if (changed)
    emit_changed (self, NB_CHANGE_PARTS, section);
}
