/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define EMITRA_TYPE_SANDBOX_DIRECTORY (emitra_sandbox_directory_get_type ())

G_DECLARE_FINAL_TYPE (EmitraSandboxDirectory, emitra_sandbox_directory, EMITRA, SANDBOX_DIRECTORY, GObject)

EmitraSandboxDirectory *emitra_sandbox_directory_load          (const char             *seed_dir,
                                                                GError                **error);

JsonObject *emitra_sandbox_directory_find_operator  (EmitraSandboxDirectory *self,
                                                     const char             *sso_id);
JsonObject *emitra_sandbox_directory_get_operator   (EmitraSandboxDirectory *self,
                                                     const char             *operator_id);
gboolean    emitra_sandbox_directory_check_password (JsonObject             *operator_,
                                                     const char             *password);
gboolean    emitra_sandbox_directory_operator_serves (JsonObject            *operator_,
                                                     const char             *kiosk_code);
JsonObject *emitra_sandbox_directory_operator_json  (JsonObject             *operator_);

JsonObject *emitra_sandbox_directory_get_kiosk      (EmitraSandboxDirectory *self,
                                                     const char             *kiosk_code);
JsonArray  *emitra_sandbox_directory_get_kiosks     (EmitraSandboxDirectory *self);
JsonObject *emitra_sandbox_directory_kiosk_json     (JsonObject             *kiosk);

JsonObject *emitra_sandbox_directory_get_family     (EmitraSandboxDirectory *self,
                                                     const char             *family_id);
JsonObject *emitra_sandbox_directory_family_json    (EmitraSandboxDirectory *self,
                                                     JsonObject             *family,
                                                     GDate                  *today);
JsonObject *emitra_sandbox_directory_member_record  (EmitraSandboxDirectory *self,
                                                     JsonObject             *family,
                                                     guint                   index,
                                                     GDate                  *today);
gboolean    emitra_sandbox_directory_member_index   (JsonObject             *family,
                                                     const char             *member_id,
                                                     guint                  *out_index);
char       *emitra_sandbox_mask_mobile              (const char             *mobile);

G_END_DECLS
