/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the JSON form of a report (FORMAT.md): the checks on the bytes
 * before json-glib sees them, then every member, with a problem listed
 * for each thing wrong. Writing it is in nb-json-write.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "nb-finding.h"
#include "nb-json-private.h"
#include "nb-number.h"

/* A report needs four levels; json-glib's parser recurses once per level,
 * so a hostile file of a million '[' would otherwise exhaust the stack. */
#define MAX_DEPTH 64

/* A report is some tens of kilobytes: refuse to slurp anything absurd. */
#define MAX_FILE_SIZE (16 * 1024 * 1024)

typedef struct
{
  NbReport *report;
  GPtrArray *problems;
} Reader;

/* Reading */

static void add_problem (Reader     *reader,
                         const char *path,
                         const char *format,
                         ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (Reader *reader, const char *path, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (path != NULL)
    g_ptr_array_add (reader->problems, g_strdup_printf ("%s: %s", path, message));
  else
    g_ptr_array_add (reader->problems, g_steal_pointer (&message));
}

void
nb_json_append_quoted (GString *out, const char *text)
{
  g_autofree char *valid = NULL;

  /* The model does not police encodings; the file must be UTF-8. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

static gboolean
is_identifier (const char *key)
{
  if (!g_ascii_isalpha (key[0]) && key[0] != '_')
    return FALSE;
  for (const char *p = key; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

/* "$.organ.name", or "$.figures[\"t3.new.natural\"]" when the key is not a
 * plain identifier (or is a cell id, which always is written so), so that
 * every path can be pasted back into a JSON tool. */
static char *
member_path (const char *parent, const char *key, gboolean brackets)
{
  GString *path = g_string_new (parent);

  if (!brackets && is_identifier (key))
    {
      g_string_append_c (path, '.');
      g_string_append (path, key);
    }
  else
    {
      g_string_append_c (path, '[');
      nb_json_append_quoted (path, key);
      g_string_append_c (path, ']');
    }
  return g_string_free (path, FALSE);
}

static const char *
describe_node (JsonNode *node)
{
  GType type;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    return _("a whole number");
  if (type == G_TYPE_DOUBLE)
    return _("a decimal number");
  if (type == G_TYPE_STRING)
    return _("a string");
  if (type == G_TYPE_BOOLEAN)
    return _("true or false");
  return _("an unknown value");
}

static gboolean
holds_type (JsonNode *node, GType type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* Returns the string at @key of @object, or NULL (with a problem unless the
 * member is simply absent). */
static const char *
read_string_member (Reader     *reader,
                    JsonObject *object,
                    const char *parent,
                    const char *key,
                    gboolean    required)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autofree char *path = member_path (parent, key, FALSE);

  if (node == NULL)
    {
      if (required)
        add_problem (reader, path, "%s", _("missing"));
      return NULL;
    }
  if (!holds_type (node, G_TYPE_STRING))
    {
      add_problem (reader, path, _("expected a string, found %s"), describe_node (node));
      return NULL;
    }
  return json_node_get_string (node);
}

static void
read_format (Reader *reader, JsonObject *root)
{
  const char *format = read_string_member (reader, root, "$", "format", TRUE);

  if (format != NULL && strcmp (format, NB_JSON_FORMAT) != 0)
    add_problem (reader, "$.format", _("expected “%s”, found “%s”"), NB_JSON_FORMAT, format);
}

/* Unknown keys are ignored here (and at the top level and in parts), as
 * FORMAT.md lets later versions add keys; unknown figures and sections are
 * problems because their contents would otherwise be lost without a word. */
static void
read_organ (Reader *reader, JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "organ");
  JsonObject *organ;

  if (node == NULL)
    {
      add_problem (reader, "$.organ", "%s", _("missing"));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_problem (reader, "$.organ", _("expected an object, found %s"), describe_node (node));
      return;
    }

  organ = json_node_get_object (node);
  for (guint i = 0; i < NB_N_ORGAN_FIELDS; i++)
    {
      const char *key = nb_format_organ_field (i)->key;
      const char *value = read_string_member (reader, organ, "$.organ", key, i == NB_ORGAN_NAME);

      if (value == NULL)
        continue;
      if (i == NB_ORGAN_NAME && value[0] == '\0')
        add_problem (reader, "$.organ.name", "%s", _("must not be empty"));
      nb_report_set_organ_field (reader->report, i, value);
    }
}

static void
read_year (Reader *reader, JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "year");
  gint64 year;

  if (node == NULL)
    {
      add_problem (reader, "$.year", "%s", _("missing"));
      return;
    }
  if (!holds_type (node, G_TYPE_INT64))
    {
      add_problem (reader, "$.year", _("expected a whole number, found %s"), describe_node (node));
      return;
    }

  year = json_node_get_int (node);
  if (year < NB_MIN_YEAR || year > NB_MAX_YEAR)
    {
      g_autofree char *shown = g_strdup_printf ("%" G_GINT64_FORMAT, year);

      add_problem (reader, "$.year", _("%s is not a year between %d and %d"),
                   shown, NB_MIN_YEAR, NB_MAX_YEAR);
      return;
    }
  nb_report_set_year (reader->report, (guint) year);
}

static void
read_issued (Reader *reader, JsonObject *root)
{
  const char *issued = read_string_member (reader, root, "$", "issued", FALSE);
  g_autoptr(GError) error = NULL;

  if (issued != NULL && !nb_report_set_issued (reader->report, issued, &error))
    add_problem (reader, "$.issued", "%s", error->message);
}

static void
read_preamble (Reader *reader, JsonObject *root)
{
  const char *preamble = read_string_member (reader, root, "$", "preamble", FALSE);

  if (preamble != NULL)
    nb_report_set_preamble (reader->report, preamble);
}

/* The fee travels as a decimal string so that no float ever rounds it; a
 * whole number of 万元 is accepted as a JSON integer too. A leading minus is
 * kept, like a negative count, for the rules (R5) to report. */
static void
read_fee (Reader *reader, guint cell, const char *path, JsonNode *node)
{
  if (holds_type (node, G_TYPE_INT64))
    {
      gint64 wanyuan = json_node_get_int (node);

      if (wanyuan > G_MAXINT64 / NB_FEN_PER_WANYUAN || wanyuan < G_MININT64 / NB_FEN_PER_WANYUAN)
        add_problem (reader, path, "%s", _("too large to be a figure of the report"));
      else
        nb_report_set_figure (reader->report, cell, wanyuan * NB_FEN_PER_WANYUAN);
    }
  else if (holds_type (node, G_TYPE_DOUBLE))
    {
      add_problem (reader, path, "%s",
                   _("a decimal number here could be rounded; write the fee as a string, such as \"96171.6\""));
    }
  else if (holds_type (node, G_TYPE_STRING))
    {
      const char *text = json_node_get_string (node);
      gboolean negative = text[0] == '-';
      gboolean blank = FALSE;
      gint64 value = 0;
      g_autoptr(GError) error = NULL;

      if (!nb_number_parse (negative ? text + 1 : text, NB_CELL_FEE, &blank, &value, &error))
        add_problem (reader, path, "%s", error->message);
      else if (blank)
        add_problem (reader, path, "%s", _("empty; leave the key out to leave the cell blank"));
      else
        nb_report_set_figure (reader->report, cell, negative ? -value : value);
    }
  else
    {
      add_problem (reader, path, _("expected the fee as a string such as \"96171.6\", found %s"),
                   describe_node (node));
    }
}

static void
read_figures (Reader *reader, JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "figures");
  JsonObjectIter iter;
  const char *id;
  JsonNode *value;

  if (node == NULL)
    return;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_problem (reader, "$.figures", _("expected an object, found %s"), describe_node (node));
      return;
    }

  /* File order, so that the problems read top to bottom like the file */
  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &id, &value))
    {
      g_autofree char *path = member_path ("$.figures", id, TRUE);
      guint cell = nb_format_cell_by_id (id);

      if (cell == NB_CELL_NONE)
        add_problem (reader, path, "%s", _("not a cell of the report"));
      else if (nb_format_cell (cell)->kind == NB_CELL_FEE)
        read_fee (reader, cell, path, value);
      else if (holds_type (value, G_TYPE_INT64))
        nb_report_set_figure (reader->report, cell, json_node_get_int (value));
      else
        add_problem (reader, path, _("expected a whole number, found %s"), describe_node (value));
    }
}

static void
read_parts (Reader *reader, NbTextSection section, const char *path, JsonNode *node)
{
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      add_problem (reader, path, _("expected an array, found %s"), describe_node (node));
      return;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *part_path = g_strdup_printf ("%s[%u]", path, i);
      JsonObject *part;
      const char *heading;
      const char *body;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          add_problem (reader, part_path, _("expected an object, found %s"), describe_node (element));
          continue;
        }
      part = json_node_get_object (element);
      heading = read_string_member (reader, part, part_path, "heading", TRUE);
      body = read_string_member (reader, part, part_path, "body", TRUE);
      if (heading != NULL && body != NULL)
        nb_report_insert_part (reader->report, section, -1, heading, body);
    }
}

static void
read_sections (Reader *reader, JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "sections");
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (node == NULL)
    return;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_problem (reader, "$.sections", _("expected an object, found %s"), describe_node (node));
      return;
    }

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      g_autofree char *path = member_path ("$.sections", key, FALSE);
      int section = nb_format_text_section_by_key (key);

      if (section < 0)
        add_problem (reader, path, "%s",
                     _("not a section of the report; expected “overview”, “problems” or “other”"));
      else
        read_parts (reader, (NbTextSection) section, path, value);
    }
}

static void
locate (const char *data, const char *at, guint *line, guint *column)
{
  *line = 1;
  *column = 1;
  for (const char *p = data; p < at; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) *p & 0xC0) != 0x80)
        (*column)++;
    }
}

/* An integer literal beyond gint64 would come back from json-glib as a
 * wrapped, wrong value; catch it while we still know it was too large. */
static gboolean
integer_overflows (const char *start, gsize length)
{
  gboolean negative = start[0] == '-';
  const char *limit = negative ? "9223372036854775808" : "9223372036854775807";
  const char *digits = negative ? start + 1 : start;
  gsize n = length - (negative ? 1 : 0);

  for (gsize i = 0; i < length; i++)
    if (start[i] == '.' || start[i] == 'e' || start[i] == 'E')
      return FALSE;
  if (n != strlen (limit))
    return n > strlen (limit);
  return strncmp (digits, limit, n) > 0;
}

/* What json-glib 1.6 does not guard against itself: deep nesting, integers
 * out of range, and "\u0000", which it would silently cut a string at. A
 * malformed document is left to the parser, which says where. */
static char *
check_lexically (const char *data, gsize length)
{
  const char *end = data + length;
  const char *problem_at = NULL;
  const char *problem = NULL;
  g_autofree char *number = NULL;
  gboolean in_string = FALSE;
  guint depth = 0;
  guint line, column;

  for (const char *p = data; p < end && problem == NULL; p++)
    {
      if (in_string)
        {
          if (*p == '"')
            in_string = FALSE;
          else if (*p == '\\' && p + 1 < end)
            {
              p++;
              if (*p == 'u' && end - p > 4 && strncmp (p + 1, "0000", 4) == 0)
                {
                  problem_at = p - 1;
                  problem = _("a string contains the character U+0000");
                }
            }
          continue;
        }

      switch (*p)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[': case '{':
          if (++depth > MAX_DEPTH)
            {
              problem_at = p;
              problem = _("nested too deeply");
            }
          break;
        case ']': case '}':
          if (depth > 0)
            depth--;
          break;
        case '-': case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          {
            const char *q = p + 1;

            while (q < end && (g_ascii_isdigit (*q) || strchr (".eE+-", *q) != NULL))
              q++;
            if (integer_overflows (p, (gsize) (q - p)))
              {
                number = g_strndup (p, (gsize) (q - p));
                problem_at = p;
                problem = _("the number is too large");
              }
            p = q - 1;
          }
          break;
        default:
          break;
        }
    }

  if (problem == NULL)
    return NULL;
  locate (data, problem_at, &line, &column);
  if (number != NULL)
    return g_strdup_printf ("%u:%u: %s (%s)", line, column, problem, number);
  return g_strdup_printf ("%u:%u: %s", line, column, problem);
}

static gboolean
is_blank (const char *data, gsize length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

/* Fills reader->problems; the report is complete only if none were added. */
static void
read_document (Reader *reader, const char *data, gsize length)
{
  const char *bad;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lexical = NULL;
  JsonNode *root;
  JsonObject *object;

  /* Some Windows editors start UTF-8 files with a byte-order mark */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!g_utf8_validate_len (data, length, &bad))
    {
      guint line, column;

      locate (data, bad, &line, &column);
      add_problem (reader, NULL, _("%u:%u: not UTF-8 text"), line, column);
      return;
    }
  if (is_blank (data, length))
    {
      add_problem (reader, NULL, "%s", _("empty: there is no report in it"));
      return;
    }
  if ((lexical = check_lexically (data, length)) != NULL)
    {
      add_problem (reader, NULL, "%s", lexical);
      return;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &error))
    {
      /* json-glib says "<data>:LINE:COLUMN: …"; the file's name goes in the
       * first line of the message instead */
      const char *message = error->message;

      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      add_problem (reader, NULL, _("not valid JSON: %s"), message);
      return;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      add_problem (reader, NULL, "%s", _("empty: there is no report in it"));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      add_problem (reader, "$", _("expected an object, found %s"), describe_node (root));
      return;
    }

  object = json_node_get_object (root);
  read_format (reader, object);
  read_organ (reader, object);
  read_year (reader, object);
  read_issued (reader, object);
  read_preamble (reader, object);
  read_figures (reader, object);
  read_sections (reader, object);
}

static NbReport *
read_data (const char  *data,
           gsize        length,
           const char  *display_name,
           GPtrArray  **problems,
           GError     **error)
{
  g_autoptr(NbReport) report = nb_report_new ();
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  Reader reader = { report, found };

  read_document (&reader, data, length);

  if (found->len > 0)
    {
      GString *message = g_string_new (NULL);

      if (display_name != NULL)
        g_string_append_printf (message,
                                g_dngettext (GETTEXT_PACKAGE, "“%s” has %u problem:",
                                             "“%s” has %u problems:", found->len),
                                display_name, found->len);
      else
        g_string_append_printf (message,
                                g_dngettext (GETTEXT_PACKAGE, "The report has %u problem:",
                                             "The report has %u problems:", found->len),
                                found->len);
      for (guint i = 0; i < found->len; i++)
        {
          g_string_append_c (message, '\n');
          g_string_append (message, g_ptr_array_index (found, i));
        }
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message->str);
      g_string_free (message, TRUE);
      g_clear_object (&report);
    }

  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return g_steal_pointer (&report);
}

/**
 * nb_json_read:
 * @data: the file's bytes
 * @length: their length, or -1 when @data ends with a NUL
 * @problems: (out) (optional): every problem found, one string each, or an
 *   empty array when there were none
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with all the
 *   problems listed in @error (%G_IO_ERROR_INVALID_DATA), one per line
 *   after a first line that counts them
 */
NbReport *
nb_json_read (const char *data, gssize length, GPtrArray **problems, GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_data (data, length < 0 ? strlen (data) : (gsize) length, NULL, problems, error);
}

/**
 * nb_json_read_file:
 *
 * As nb_json_read(), naming the file in the first line of the message. A
 * file that cannot be read gives its own error (a #GFileError naming the
 * path) and an empty @problems.
 */
NbReport *
nb_json_read_file (const char *path, GPtrArray **problems, GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display_name = NULL;
  gsize length = 0;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;
  display_name = g_filename_display_name (path);

  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size ((guint64) st.st_size);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is too large (%s) to be a report"), display_name, size);
    }
  else if (g_file_get_contents (path, &contents, &length, error))
    {
      return read_data (contents, length, display_name, problems, error);
    }

  if (problems != NULL)
    *problems = g_ptr_array_new_with_free_func (g_free);
  return NULL;
}
