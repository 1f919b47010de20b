/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "emitra-database.h"
#include "emitra-receipt.h"

G_BEGIN_DECLS

#define EMITRA_RECEIPT_STORE_ERROR (emitra_receipt_store_error_quark ())

typedef enum {
  EMITRA_RECEIPT_STORE_ERROR_INVALID,         /* the receipt's content is refused */
  EMITRA_RECEIPT_STORE_ERROR_DUPLICATE,       /* the request ID already has a receipt */
  EMITRA_RECEIPT_STORE_ERROR_NOT_FOUND,
  EMITRA_RECEIPT_STORE_ERROR_BAD_TRANSITION,  /* e.g. a cancelled receipt confirmed */
} EmitraReceiptStoreError;

/* What a walk of the chain found; EMITRA_CHAIN_INTACT when nothing. */
typedef enum {
  EMITRA_CHAIN_INTACT,
  EMITRA_CHAIN_RECEIPT_ALTERED,    /* content no longer matches its hash */
  EMITRA_CHAIN_RECEIPT_UNLINKED,   /* prev_hash is not the previous receipt's hash */
  EMITRA_CHAIN_RECEIPT_MISSING,    /* receipt numbers skip: one was removed */
  EMITRA_CHAIN_EVENT_ALTERED,
  EMITRA_CHAIN_EVENT_UNLINKED,
  EMITRA_CHAIN_EVENT_ORPHANED,     /* a status event whose receipt is gone */
  EMITRA_CHAIN_STATUS_MISMATCH,    /* the current status disagrees with the events */
} EmitraChainBreak;

typedef struct
{
  EmitraChainBreak  result;
  gint64            receipts_checked;
  gint64            events_checked;
  gint64            receipt_no;     /* the receipt named by the break, or 0 */
  gint64            event_id;       /* the event named by the break, or 0 */
  char             *message;        /* one translated sentence naming the link */
} EmitraChainReport;

#define EMITRA_TYPE_CHAIN_REPORT (emitra_chain_report_get_type ())
GType              emitra_chain_report_get_type (void);
EmitraChainReport *emitra_chain_report_copy     (const EmitraChainReport *report);
void               emitra_chain_report_free     (EmitraChainReport       *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmitraChainReport, emitra_chain_report_free)

/* One status event of a receipt's history. */
typedef struct
{
  gint64               id;
  EmitraReceiptStatus  status;
  char                *transaction_id;
  char                *reason;
  gint64               at;
  char                *hash;
} EmitraReceiptEvent;

#define EMITRA_TYPE_RECEIPT_EVENT (emitra_receipt_event_get_type ())
GType               emitra_receipt_event_get_type (void);
EmitraReceiptEvent *emitra_receipt_event_copy     (const EmitraReceiptEvent *event);
void                emitra_receipt_event_free     (EmitraReceiptEvent       *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmitraReceiptEvent, emitra_receipt_event_free)

/* A search: every member is optional (NULL or 0). @text is matched
 * against the receipt number, the transaction and request IDs, the mobile
 * number, and the start of the citizen's name (case-insensitive). */
typedef struct
{
  const char *text;
  const char *from_day;      /* "YYYY-MM-DD", inclusive */
  const char *to_day;        /* "YYYY-MM-DD", inclusive */
  const char *operator_id;
  guint       status_mask;   /* 1 << EmitraReceiptStatus; 0 for any */
  guint       limit;         /* 0: EMITRA_RECEIPT_STORE_DEFAULT_LIMIT */
} EmitraReceiptQuery;

#define EMITRA_RECEIPT_STORE_DEFAULT_LIMIT 500

#define EMITRA_TYPE_RECEIPT_STORE (emitra_receipt_store_get_type ())

G_DECLARE_FINAL_TYPE (EmitraReceiptStore, emitra_receipt_store, EMITRA, RECEIPT_STORE, GObject)

GQuark              emitra_receipt_store_error_quark  (void);

EmitraReceiptStore *emitra_receipt_store_new          (EmitraDatabase            *database);
EmitraDatabase     *emitra_receipt_store_get_database (EmitraReceiptStore        *self);

EmitraReceipt      *emitra_receipt_store_append       (EmitraReceiptStore        *self,
                                                       EmitraReceipt             *receipt,
                                                       GError                   **error);
EmitraReceipt      *emitra_receipt_store_add_event    (EmitraReceiptStore        *self,
                                                       gint64                     receipt_no,
                                                       EmitraReceiptStatus        status,
                                                       const char                *transaction_id,
                                                       const char                *reason,
                                                       GError                   **error);

EmitraReceipt      *emitra_receipt_store_get          (EmitraReceiptStore        *self,
                                                       gint64                     receipt_no,
                                                       GError                   **error);
EmitraReceipt      *emitra_receipt_store_get_by_request_id     (EmitraReceiptStore  *self,
                                                                const char          *request_id,
                                                                GError             **error);
EmitraReceipt      *emitra_receipt_store_get_by_transaction_id (EmitraReceiptStore  *self,
                                                                const char          *transaction_id,
                                                                GError             **error);
GPtrArray          *emitra_receipt_store_search       (EmitraReceiptStore        *self,
                                                       const EmitraReceiptQuery  *query,
                                                       GError                   **error);
GPtrArray          *emitra_receipt_store_list_day     (EmitraReceiptStore        *self,
                                                       const char                *day,
                                                       GError                   **error);
GPtrArray          *emitra_receipt_store_list_events  (EmitraReceiptStore        *self,
                                                       gint64                     receipt_no,
                                                       GError                   **error);
EmitraChainReport  *emitra_receipt_store_verify       (EmitraReceiptStore        *self,
                                                       GError                   **error);

void                emitra_receipt_store_append_async    (EmitraReceiptStore   *self,
                                                          EmitraReceipt        *receipt,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
EmitraReceipt      *emitra_receipt_store_append_finish   (EmitraReceiptStore   *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
void                emitra_receipt_store_add_event_async (EmitraReceiptStore   *self,
                                                          gint64                receipt_no,
                                                          EmitraReceiptStatus   status,
                                                          const char           *transaction_id,
                                                          const char           *reason,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
EmitraReceipt      *emitra_receipt_store_add_event_finish (EmitraReceiptStore  *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void                emitra_receipt_store_search_async    (EmitraReceiptStore       *self,
                                                          const EmitraReceiptQuery *query,
                                                          GCancellable             *cancellable,
                                                          GAsyncReadyCallback       callback,
                                                          gpointer                  user_data);
GPtrArray          *emitra_receipt_store_search_finish   (EmitraReceiptStore   *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
void                emitra_receipt_store_verify_async    (EmitraReceiptStore   *self,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
EmitraChainReport  *emitra_receipt_store_verify_finish   (EmitraReceiptStore   *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

G_END_DECLS
