/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQLite database that holds every organ's every year, the log of
 * every edit, acknowledged warnings and the record of exported PDFs.
 */
#pragma once

#include <glib-object.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_STORE_ERROR (nb_store_error_quark ())

typedef enum
{
  NB_STORE_ERROR_NOT_NIANBAO, /* a file that is not a Nianbao database */
  NB_STORE_ERROR_CORRUPT,     /* damaged database */
  NB_STORE_ERROR_NEWER,       /* made by a newer Nianbao */
  NB_STORE_ERROR_NOT_FOUND,   /* no such organ / year */
  NB_STORE_ERROR_EXISTS,      /* (organ, year) already stored */
  NB_STORE_ERROR_INVALID,     /* the report cannot be stored (no organ, no year) */
  NB_STORE_ERROR_IO,          /* anything else SQLite or the file system said, or the
                               * file was moved, replaced or deleted while open */
} NbStoreError;

typedef enum
{
  NB_STORE_SAVE_NEW,          /* refuse an (organ, year) already stored */
  NB_STORE_SAVE_ANY,          /* create, or store what the caller changed (see nb_store_save_full) */
  NB_STORE_SAVE_REPLACE,      /* create, or make the stored report exactly this one (import --replace) */
} NbStoreSaveMode;

/* A row of nb_store_list() */
typedef struct
{
  char *organ;
  guint year;
  char *status;               /* "draft" or "final" */
  gint64 revision;            /* grows by one with every save that changes something */
  char *updated;              /* ISO 8601 UTC */
} NbStoreEntry;

/* A row of the edit log */
typedef struct
{
  gint64 id;
  char *at;                   /* ISO 8601 UTC with milliseconds */
  char *field;                /* a cell id, "organ.address", "issued", "preamble", "overview", … */
  char *old_value;            /* NULL: blank / absent */
  char *new_value;
  char *source;               /* "import", "cli", "editor", … */
  gint64 revision;            /* the report's revision this edit produced */
} NbStoreEdit;

void nb_store_entry_free (NbStoreEntry *entry);
void nb_store_edit_free  (NbStoreEdit *edit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbStoreEntry, nb_store_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbStoreEdit, nb_store_edit_free)

#define NB_TYPE_STORE (nb_store_get_type ())
G_DECLARE_FINAL_TYPE (NbStore, nb_store, NB, STORE, GObject)

GQuark      nb_store_error_quark    (void);
char       *nb_store_default_path   (void);

NbStore    *nb_store_open           (const char      *path,
                                     GError         **error);
const char *nb_store_get_path       (NbStore         *self);

GPtrArray  *nb_store_list           (NbStore         *self,
                                     GError         **error);
NbReport   *nb_store_load           (NbStore         *self,
                                     const char      *organ,
                                     guint            year,
                                     GError         **error);
/* -1 with @error set (NB_STORE_ERROR_NOT_FOUND when there is no such report) */
gint64      nb_store_get_revision   (NbStore         *self,
                                     const char      *organ,
                                     guint            year,
                                     GError         **error);
gboolean    nb_store_save           (NbStore         *self,
                                     NbReport        *report,
                                     NbStoreSaveMode  mode,
                                     const char      *source,
                                     GError         **error);
/* As nb_store_save(); @n_merged (may be NULL) gets how many fields that
 * another writer had changed were put into @report ("N changes made
 * elsewhere were merged"). */
gboolean    nb_store_save_full      (NbStore         *self,
                                     NbReport        *report,
                                     NbStoreSaveMode  mode,
                                     const char      *source,
                                     guint           *n_merged,
                                     GError         **error);

/* Makes every save so far safe from a power cut too (a WAL checkpoint,
 * which syncs the disk: milliseconds, so call it when idle, not per edit).
 * A killed process loses no committed save even without it. */
gboolean    nb_store_checkpoint     (NbStore         *self,
                                     GError         **error);

/* The edit log: every change, oldest first; @field NULL for all fields.
 * Values: NULL for blank/absent, a figure as nb_number_format() writes it,
 * a text section as a JSON array of {"heading", "body"} objects. */
GPtrArray  *nb_store_history        (NbStore         *self,
                                     const char      *organ,
                                     guint            year,
                                     const char      *field,
                                     GError         **error);
/* The report as it stood once @revision was reached, rebuilt from the log. */
NbReport   *nb_store_load_revision  (NbStore         *self,
                                     const char      *organ,
                                     guint            year,
                                     gint64           revision,
                                     GError         **error);

/* Acknowledged warnings: finding key → note. @note NULL withdraws it. */
gboolean    nb_store_acknowledge    (NbStore         *self,
                                     const char      *organ,
                                     guint            year,
                                     const char      *key,
                                     const char      *note,
                                     GError         **error);
GHashTable *nb_store_get_acks       (NbStore         *self,
                                     const char      *organ,
                                     guint            year,
                                     GError         **error);

/* Exported PDFs: the file's SHA-256 (hex) and the exact data it was made
 * from (the report's JSON at that revision). */
gboolean    nb_store_record_export  (NbStore         *self,
                                     const char      *organ,
                                     guint            year,
                                     gint64           revision,
                                     const char      *sha256,
                                     const char      *data_json,
                                     GError         **error);
/* The latest export with that checksum, or FALSE with NB_STORE_ERROR_NOT_FOUND;
 * every out argument may be NULL. */
gboolean    nb_store_find_export    (NbStore         *self,
                                     const char      *sha256,
                                     char           **organ,
                                     guint           *year,
                                     gint64          *revision,
                                     char           **made_at,
                                     char           **data_json,
                                     GError         **error);

G_END_DECLS
