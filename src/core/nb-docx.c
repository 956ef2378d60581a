/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A .docx is a zip archive (read with libarchive) whose word/document.xml
 * (read with libxml2) holds the paragraphs and tables. Its text is given
 * to the importer in the one-row-a-line shape: merged cells appear once,
 * where they begin (w:gridSpan), and as an empty cell in the rows they
 * continue into (w:vMerge), so that each row's figures follow its label.
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "nb-docx.h"
#include "nb-import.h"

#define WORD_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define COMPAT_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define DOCUMENT_PATH "word/document.xml"
/* The XML of a long report is a few megabytes; beyond this it is a bomb. */
#define MAX_XML_BYTES (64 * 1024 * 1024)
/* Tables inside tables inside tables: no report nests this deep. */
#define MAX_DEPTH 64

gboolean
nb_docx_is_zip (const char *data, gsize length)
{
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  return length >= 4 && (memcmp (data, "PK\x03\x04", 4) == 0 || memcmp (data, "PK\x05\x06", 4) == 0);
}

static void
set_damaged (GError **error, const char *reason)
{
  g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_DOCX,
               _("The .docx file is damaged: %s"), reason);
}

/* The bytes of one member of the archive, or NULL. */
static GByteArray *
read_member (const char *data, gsize length, const char *name, GError **error)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  g_autoptr(GByteArray) bytes = NULL;
  gboolean failed = FALSE;
  int status;

  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, data, length) != ARCHIVE_OK)
    {
      set_damaged (error, archive_error_string (archive) ? archive_error_string (archive) : _("not a zip archive"));
      archive_read_free (archive);
      return NULL;
    }

  while ((status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK ||
         status == ARCHIVE_WARN)
    {
      const char *path = archive_entry_pathname (entry);
      char buffer[16384];
      la_ssize_t n;

      if (path == NULL || strcmp (path, name) != 0)
        {
          archive_read_data_skip (archive);
          continue;
        }

      bytes = g_byte_array_new ();
      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        {
          if (bytes->len + (gsize) n > MAX_XML_BYTES)
            {
              g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_TOO_LARGE,
                           _("The text of the .docx file is too large to be a report"));
              failed = TRUE;
              break;
            }
          g_byte_array_append (bytes, (const guint8 *) buffer, (guint) n);
        }
      if (n < 0 && !failed)
        {
          set_damaged (error, archive_error_string (archive) ? archive_error_string (archive) : _("unreadable data"));
          failed = TRUE;
        }
      break;
    }

  if (bytes == NULL && !failed)
    {
      if (status == ARCHIVE_FATAL)
        set_damaged (error, archive_error_string (archive) ? archive_error_string (archive) : _("not a zip archive"));
      else
        g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_DOCX,
                     _("This zip archive is not a .docx: it has no %s"), name);
      failed = TRUE;
    }
  archive_read_free (archive);
  return failed ? NULL : g_steal_pointer (&bytes);
}

static gboolean
is_word (xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, (const xmlChar *) WORD_NS) &&
         xmlStrEqual (node->name, (const xmlChar *) name);
}

static xmlNode *
word_child (xmlNode *node, const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_word (child, name))
      return child;
  return NULL;
}

static char *
word_attribute (xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) WORD_NS);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* The text of a paragraph's runs. Deleted text, field codes, the fallback
 * copy of a drawing and text boxes are not the paragraph's own text. */
static void
collect_runs (xmlNode *node, GString *out, guint depth)
{
  if (depth > MAX_DEPTH)
    return;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (child->ns != NULL && xmlStrEqual (child->ns->href, (const xmlChar *) COMPAT_NS) &&
          xmlStrEqual (child->name, (const xmlChar *) "Fallback"))
        continue;
      if (is_word (child, "t"))
        {
          xmlChar *text = xmlNodeGetContent (child);

          if (text != NULL)
            g_string_append (out, (const char *) text);
          xmlFree (text);
        }
      else if (is_word (child, "tab"))
        g_string_append_c (out, '\t');
      else if (is_word (child, "br") || is_word (child, "cr"))
        g_string_append_c (out, '\n');
      else if (is_word (child, "noBreakHyphen"))
        g_string_append_c (out, '-');
      else if (is_word (child, "delText") || is_word (child, "instrText") ||
               is_word (child, "del") || is_word (child, "txbxContent") || is_word (child, "pPr") ||
               is_word (child, "rPr"))
        continue;
      else
        collect_runs (child, out, depth + 1);
    }
}

/* All the paragraphs inside a cell, nested tables included, on one line:
 * a label written over two paragraphs is one label again, and figures in
 * separate paragraphs stay separate words. */
static void
collect_cell (xmlNode *node, GString *out, guint depth)
{
  if (depth > MAX_DEPTH)
    return;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_word (child, "p"))
        {
          g_autoptr(GString) text = g_string_new (NULL);

          collect_runs (child, text, depth + 1);
          g_strdelimit (text->str, "\t\n|", ' ');
          if (text->len > 0)
            {
              if (out->len > 0)
                g_string_append_c (out, ' ');
              g_string_append (out, text->str);
            }
        }
      else if (child->type == XML_ELEMENT_NODE && !is_word (child, "tcPr"))
        collect_cell (child, out, depth + 1);
    }
}

static gboolean
continues_merge (xmlNode *cell)
{
  xmlNode *properties = word_child (cell, "tcPr");
  xmlNode *merge = properties != NULL ? word_child (properties, "vMerge") : NULL;
  g_autofree char *value = NULL;

  if (merge == NULL)
    return FALSE;
  value = word_attribute (merge, "val");
  return value == NULL || strcmp (value, "continue") == 0;
}

static void
add_row (xmlNode *row, GString *out, guint depth)
{
  gboolean first = TRUE;

  for (xmlNode *child = row->children; child != NULL; child = child->next)
    {
      xmlNode *cell = child;
      g_autoptr(GString) text = g_string_new (NULL);

      /* a cell may be wrapped in a content control */
      if (is_word (child, "sdt"))
        {
          xmlNode *content = word_child (child, "sdtContent");

          cell = content != NULL ? word_child (content, "tc") : NULL;
        }
      if (cell == NULL || !is_word (cell, "tc"))
        continue;
      if (!continues_merge (cell))
        collect_cell (cell, text, depth + 1);
      if (!first)
        g_string_append (out, " | ");
      g_string_append (out, text->str);
      first = FALSE;
    }
  g_string_append_c (out, '\n');
}

static void
add_block (xmlNode *node, GString *out, guint depth)
{
  if (depth > MAX_DEPTH)
    return;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_word (child, "p"))
        {
          collect_runs (child, out, depth + 1);
          g_string_append_c (out, '\n');
        }
      else if (is_word (child, "tbl"))
        {
          for (xmlNode *row = child->children; row != NULL; row = row->next)
            if (is_word (row, "tr"))
              add_row (row, out, depth + 1);
        }
      else if (is_word (child, "sdt") || is_word (child, "sdtContent") ||
               is_word (child, "customXml") || is_word (child, "ins") || is_word (child, "smartTag"))
        add_block (child, out, depth + 1);
    }
}

/**
 * nb_docx_extract_text:
 * @data: the bytes of a .docx file
 *
 * Returns: (transfer full): the text, or %NULL with @error for a damaged
 * archive, a zip that is not a .docx, or XML that is not well-formed.
 */
char *
nb_docx_extract_text (const char *data, gsize length, GError **error)
{
  g_autoptr(GByteArray) xml = NULL;
  xmlDoc *document;
  xmlNode *root;
  xmlNode *body;
  GString *out;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  xml = read_member (data, length, DOCUMENT_PATH, error);
  if (xml == NULL)
    return NULL;
  if (xml->len > G_MAXINT)
    {
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_TOO_LARGE,
                   _("The text of the .docx file is too large to be a report"));
      return NULL;
    }

  /* no network, no external entities, no DTD loading; errors come back to us */
  document = xmlReadMemory ((const char *) xml->data, (int) xml->len, DOCUMENT_PATH, NULL,
                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (document == NULL)
    {
      const xmlError *last = xmlGetLastError ();
      g_autofree char *reason = NULL;

      if (last != NULL && last->message != NULL)
        {
          g_autofree char *message = g_strstrip (g_strdup (last->message));

          reason = g_strdup_printf (_("its %s is not well-formed XML (line %d: %s)"),
                                    DOCUMENT_PATH, last->line, message);
        }
      else
        reason = g_strdup_printf (_("its %s is not well-formed XML"), DOCUMENT_PATH);
      set_damaged (error, reason);
      return NULL;
    }

  root = xmlDocGetRootElement (document);
  body = root != NULL && is_word (root, "document") ? word_child (root, "body") : NULL;
  if (body == NULL)
    {
      xmlFreeDoc (document);
      g_set_error (error, NB_IMPORT_ERROR, NB_IMPORT_ERROR_DOCX,
                   _("This is not a .docx document: its %s has no document body"), DOCUMENT_PATH);
      return NULL;
    }

  out = g_string_new (NULL);
  add_block (body, out, 0);
  xmlFreeDoc (document);

  if (!g_utf8_validate_len (out->str, out->len, NULL))
    {
      g_string_free (out, TRUE);
      set_damaged (error, _("its text is not valid UTF-8"));
      return NULL;
    }
  return g_string_free (out, FALSE);
}
