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
  NB_STORE_ERROR_LOCKED,      /* the year is final (sealed): mark it draft first */
  NB_STORE_ERROR_READ_ONLY,   /* the database could only be opened for reading */
} NbStoreError;

/* The status of a year: a draft is edited; a final year has been sealed
 * and filed and refuses every change until it is made a draft again. */
#define NB_STORE_STATUS_DRAFT "draft"
#define NB_STORE_STATUS_FINAL "final"

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

/* Marks a year NB_STORE_STATUS_FINAL or NB_STORE_STATUS_DRAFT; the
 * change goes into the edit log (field "status"). While final, every
 * save, acknowledgement and rename touching the year fails with
 * NB_STORE_ERROR_LOCKED and changes nothing. */
gboolean    nb_store_set_status     (NbStore         *self,
                                     const char      *organ,
                                     guint            year,
                                     const char      *status,
                                     const char      *source,
                                     GError         **error);
/* NB_STORE_STATUS_DRAFT or _FINAL (static strings), NULL with @error. */
const char *nb_store_get_status     (NbStore         *self,
                                     const char      *organ,
                                     guint            year,
                                     GError         **error);

/* Gives every year of @organ the name @new_name (the organ was renamed,
 * or its name was mistyped), logged for each year. Fails with
 * NB_STORE_ERROR_EXISTS when @new_name already has a year @organ has,
 * and with NB_STORE_ERROR_LOCKED when one of its years is final. */
gboolean    nb_store_rename_organ   (NbStore         *self,
                                     const char      *organ,
                                     const char      *new_name,
                                     const char      *source,
                                     GError         **error);

/* TRUE when the database was opened read-only (read-only media or
 * folder): loading and listing work, every change fails with
 * NB_STORE_ERROR_READ_ONLY. */
gboolean    nb_store_is_read_only   (NbStore         *self);

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
