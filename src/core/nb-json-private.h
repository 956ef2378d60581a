/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What nb-json.c (reading) shares with nb-json-write.c (writing).
 */
#pragma once

#include <glib.h>

#include "nb-json.h"

G_BEGIN_DECLS

/* Appends @text to @out as a JSON string, quoted and escaped; text that
 * is not UTF-8 is made valid first. */
void nb_json_append_quoted (GString    *out,
                            const char *text);

G_END_DECLS
