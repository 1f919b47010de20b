/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by emitra-catalog-page.c and emitra-catalog-page-lists.c only.
 */
#pragma once

#include "emitra-catalog-page.h"
#include "emitra-department-sidebar.h"
#include "emitra-service-details.h"
#include "emitra-service-list.h"
#include "emitra-service-slots.h"

G_BEGIN_DECLS

#define RECENT_SERVICES 8

struct _EmitraCatalogPage
{
  AdwBin                parent_instance;

  EmitraCatalogContext *context;
  EmitraCatalog        *catalog;       /* the one the lists below were made for */
  EmitraServiceList    *results;
  EmitraServiceSlots   *slots;         /* what the list view shows: see emitra-service-slots.c */
  GtkSingleSelection   *selection;
  GPtrArray            *all_sorted;    /* every service, by name in the interface's language */
  GPtrArray            *browse;        /* favourites, recent, all: built once per catalog and use */
  GArray               *browse_starts;
  GListStore           *departments;   /* by name in the interface's language */
  char                 *department_id; /* the department browsed; NULL for all */
  GSettings            *settings;
  EmitraDigits          digits;
  gboolean              hindi;
  gboolean              first_frame_reported;
  guint                 usage_refresh;

  GtkStack             *stack;

  /* Template widgets */
  GtkBox               *browse_box;
  GtkSearchEntry       *search_entry;
  GtkLabel             *count_label;
  AdwFlap              *flap;
  EmitraDepartmentSidebar *sidebar;
  GtkStack             *results_stack;
  GtkScrolledWindow    *results_scroller;
  GtkListView          *result_list;
  AdwStatusPage        *empty_status;
  GtkFlowBox           *empty_departments;
  AdwStatusPage        *error_status;
  EmitraServiceDetails *details;
};

void                _emitra_catalog_page_rebuild                   (EmitraCatalogPage *self,
                                                                    EmitraCatalog     *catalog);
void                _emitra_catalog_page_forget_browse_list        (EmitraCatalogPage *self);
void                _emitra_catalog_page_show_browse_list          (EmitraCatalogPage *self);
void                _emitra_catalog_page_show_nothing_found        (EmitraCatalogPage *self,
                                                                    const char        *text);
GtkWidget          *_emitra_catalog_page_create_department_button (gpointer           item,
                                                                    gpointer           user_data);
GtkListItemFactory *_emitra_catalog_page_create_factory            (EmitraCatalogPage *self);
void                _emitra_catalog_page_open_details              (EmitraCatalogPage *self,
                                                                    EmitraService     *service);

G_END_DECLS
