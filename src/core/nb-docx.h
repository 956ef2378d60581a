/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text of a .docx in the shape the importer reads: a line for each
 * paragraph, a line for each table row with its cells separated by " | ".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  nb_docx_is_zip       (const char  *data,
                                gsize        length);
char     *nb_docx_extract_text (const char  *data,
                                gsize        length,
                                GError     **error);

G_END_DECLS
