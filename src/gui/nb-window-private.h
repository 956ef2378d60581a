/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What nb-window.c shares with nb-window-actions.c, nb-window-import.c,
 * nb-window-pages.c and nb-window-years.c.
 */
#pragma once

#include "nb-finding.h"
#include "nb-findings-view.h"
#include "nb-info-page.h"
#include "nb-preview-page.h"
#include "nb-undo-stack.h"
#include "nb-window.h"

G_BEGIN_DECLS

/* info, the six sections, the comparison with last year, the preview */
#define NB_N_PAGES (NB_N_SECTIONS + 3)
#define PAGE_INFO 0
#define PAGE_COMPARE (NB_N_PAGES - 2)
#define PAGE_PREVIEW (NB_N_PAGES - 1)

struct _NbWindow
{
  AdwApplicationWindow parent_instance;

  /* template */
  AdwToastOverlay *toast_overlay;
  GtkWidget *edit_box;
  GtkStack *title_stack;
  GtkMenuButton *report_button;
  AdwWindowTitle *report_title;
  GtkPopover *report_popover;
  GtkListBox *report_list;
  GtkWidget *switcher_row;
  GtkToggleButton *findings_button;
  GtkStack *findings_stack;   /* "none", "warning", "error" */
  GtkInscription *findings_warnings;
  GtkInscription *findings_errors;
  GtkRevealer *final_banner;
  GtkStack *main_stack;
  AdwFlap *flap;
  AdwViewStack *view_stack;
  NbFindingsView *findings_view;

  /* pages: info, the six sections, preview; each in a bin of the view
   * stack, built when first shown or in an idle after start-up */
  GtkWidget *bins[NB_N_PAGES];
  GtkWidget *pages[NB_N_PAGES];
  guint build_id;
  AdwViewStackPage *stack_pages[NB_N_PAGES];

  /* the report in the window; the same object for the window's life */
  NbStore *store;
  NbSettings *settings;
  NbReport *report;
  NbReport *previous;     /* last year's, for W1/W2/W6 and the comparison, or NULL */
  GPtrArray *history;     /* every stored year of the organ, loaded for the comparison page */
  gboolean final;         /* the year is sealed: nothing can be edited */
  NbUndoStack *undo;
  char *organ;            /* which stored report this is; NULL: none */
  guint year;
  gboolean loading;

  /* checks */
  GPtrArray *findings;
  GHashTable *acks;
  guint check_id;
  gboolean findings_dirty;
  GPtrArray *w6;          /* W6 findings, recomputed only when a text changes */
  gboolean w6_dirty;
  gboolean compare_dirty; /* the comparison page is behind the report */

  /* autosave */
  gboolean dirty;
  guint save_id;
  gboolean save_failed;
  char *saved_text;
  gboolean merging;       /* another writer's changes coming in */
  char *last_toast;
};

/* nb-window-actions.c */
void nb_window_class_init_actions (GtkWidgetClass *widget_class);
void nb_window_acknowledge        (NbWindow       *self,
                                   const char     *key,
                                   const char     *message);
void nb_window_toast              (NbWindow       *self,
                                   const char     *title);
void nb_window_update_actions     (NbWindow       *self);

void nb_window_show_message       (NbWindow       *self,
                                   const char     *heading,
                                   const char     *body);
/* The dialogs' parts: an entry row, the row of a year's spin button
 * (@spin: out), and "_Cancel" beside one suggested, default response. */
GtkWidget *nb_window_new_entry_row (const char       *title,
                                    const char       *text,
                                    gboolean          activates_default);
GtkWidget *nb_window_new_year_row  (guint             year,
                                    GtkWidget       **spin);
void       nb_window_dialog_offer  (AdwMessageDialog *dialog,
                                    const char       *response,
                                    const char       *label);

/* nb-window-import.c */
void nb_window_import_action      (GtkWidget      *widget,
                                   const char     *action_name,
                                   GVariant       *parameter);
/* Stores @report (an import) and opens it; says what went wrong if not */
void nb_window_store_imported     (NbWindow       *self,
                                   NbReport       *report,
                                   NbStoreSaveMode mode);

/* nb-window.c */
void nb_window_reload_acks        (NbWindow       *self);

/* nb-window-years.c */
/* Connects the list of years in the header's popover. */
void nb_window_init_years         (NbWindow       *self);
/* Locks the pages (and shows the banner) when @final, unlocks them if not. */
/* The header's subtitle: the year and @text (when the report was saved,
 * or that it is final); NULL keeps the last text. */
void nb_window_update_saved_label (NbWindow       *self,
                                   const char     *text);
void nb_window_apply_status       (NbWindow       *self,
                                   gboolean        final);
/* Every stored year of the open organ (NbReport), loaded on first use. */
GPtrArray *nb_window_get_history  (NbWindow       *self);

/* nb-window-pages.c */
void       nb_window_build_pages         (NbWindow  *self);
gboolean   nb_window_build_pages_idle_cb (gpointer   user_data);
GtkWidget *nb_window_ensure_page         (NbWindow  *self,
                                          guint      page);
void       nb_window_show_findings_on    (NbWindow  *self,
                                          GtkWidget *page);
int        nb_window_page_by_name        (const char *name);
void       nb_window_update_compare_page (NbWindow  *self);
guint      nb_window_page_of_finding     (NbFinding *finding);

G_END_DECLS
