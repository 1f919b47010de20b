/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "emitra-category.h"
#include "emitra-department.h"
#include "emitra-district.h"
#include "emitra-division.h"
#include "emitra-service.h"

G_BEGIN_DECLS

#define EMITRA_CATALOG_ERROR (emitra_catalog_error_quark ())

typedef enum {
  EMITRA_CATALOG_ERROR_CORRUPT,            /* not JSON, truncated, not UTF-8, too large */
  EMITRA_CATALOG_ERROR_INCOMPLETE,         /* a required member or list is missing or empty */
  EMITRA_CATALOG_ERROR_INVALID,            /* a value of the wrong type or out of range */
  EMITRA_CATALOG_ERROR_DUPLICATE,          /* an ID used twice */
  EMITRA_CATALOG_ERROR_UNKNOWN_REFERENCE,  /* a department, category, field group or master list that is not there */
  EMITRA_CATALOG_ERROR_NOT_FOUND,          /* no catalog at all */
} EmitraCatalogError;

/* Far above a real catalog (a few MiB for 10,000 services) and small
 * enough that a broken gateway cannot make the desk swallow gigabytes. */
#define EMITRA_CATALOG_MAX_BYTES (64 * 1024 * 1024)

#define EMITRA_TYPE_CATALOG (emitra_catalog_get_type ())

G_DECLARE_FINAL_TYPE (EmitraCatalog, emitra_catalog, EMITRA, CATALOG, GObject)

GQuark            emitra_catalog_error_quark         (void);

EmitraCatalog    *emitra_catalog_new_from_object     (JsonObject     *document,
                                                      GError        **error);
EmitraCatalog    *emitra_catalog_new_from_bytes      (GBytes         *document,
                                                      GError        **error);
EmitraCatalog    *emitra_catalog_new_from_files      (const char     *catalog_path,
                                                      const char     *masters_path,
                                                      GError        **error);
GBytes           *emitra_catalog_merge_files         (const char     *catalog_path,
                                                      const char     *masters_path,
                                                      GError        **error);

const char       *emitra_catalog_get_version         (EmitraCatalog  *self);
GListModel       *emitra_catalog_get_services        (EmitraCatalog  *self);
GListModel       *emitra_catalog_get_departments     (EmitraCatalog  *self);
GListModel       *emitra_catalog_get_categories      (EmitraCatalog  *self);
GListModel       *emitra_catalog_get_divisions       (EmitraCatalog  *self);
GListModel       *emitra_catalog_get_districts       (EmitraCatalog  *self);
JsonObject       *emitra_catalog_get_field_groups    (EmitraCatalog  *self);
JsonArray        *emitra_catalog_get_field_group     (EmitraCatalog  *self,
                                                      const char     *name);

EmitraService    *emitra_catalog_lookup_service      (EmitraCatalog  *self,
                                                      const char     *id);
EmitraDepartment *emitra_catalog_lookup_department   (EmitraCatalog  *self,
                                                      const char     *id);
EmitraCategory   *emitra_catalog_lookup_category     (EmitraCatalog  *self,
                                                      const char     *id);
EmitraDivision   *emitra_catalog_lookup_division     (EmitraCatalog  *self,
                                                      const char     *id);
EmitraDistrict   *emitra_catalog_lookup_district     (EmitraCatalog  *self,
                                                      const char     *id);

int               emitra_catalog_compare_versions    (const char     *a,
                                                      const char     *b);

G_END_DECLS
