/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-submitter.h"

G_BEGIN_DECLS

struct _EmitraSubmitter
{
  GObject              parent_instance;

  EmitraReceiptStore  *receipts;
  EmitraOutbox        *outbox;
  EmitraGatewayClient *gateway;
  gboolean             draining;
};

/* One unit of the submitter's database work: what a job needs, owned by
 * the job. */
typedef struct
{
  EmitraSubmitter   *self;            /* borrowed: the task holds a reference */
  char              *request_id;
  char              *service_id;
  char              *draft_id;
  char              *record_json;
  EmitraReceipt     *template;
  EmitraTransaction *transaction;
  char              *reason;
  EmitraOutboxState  outcome;
} Job;

void            _emitra_submitter_job_free             (gpointer           data);
Job            *_emitra_submitter_job_copy             (Job               *job);
char           *_emitra_submitter_build_record         (JsonObject        *request,
                                                        EmitraReceipt     *template);
EmitraReceipt  *_emitra_submitter_template_from_record (const char        *record_json,
                                                        GError           **error);
JsonObject     *_emitra_submitter_request_from_record  (const char        *record_json,
                                                        GError           **error);
gboolean        _emitra_submitter_is_definite_refusal  (const GError      *error);
EmitraDatabase *_emitra_submitter_get_database         (EmitraSubmitter   *self);
void            _emitra_submitter_emit_settled         (EmitraSubmitter   *self,
                                                        EmitraReceipt     *receipt,
                                                        EmitraOutboxState  state);

gpointer        _emitra_submitter_journal_job          (sqlite3 *db, gpointer data, GError **error);
gpointer        _emitra_submitter_confirm_job          (sqlite3 *db, gpointer data, GError **error);
gpointer        _emitra_submitter_provisional_job      (sqlite3 *db, gpointer data, GError **error);
gpointer        _emitra_submitter_settle_job           (sqlite3 *db, gpointer data, GError **error);
gpointer        _emitra_submitter_due_items_job        (sqlite3 *db, gpointer data, GError **error);
gpointer        _emitra_submitter_attempt_job          (sqlite3 *db, gpointer data, GError **error);

G_END_DECLS
