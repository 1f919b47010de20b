/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "emitra-text.h"

G_BEGIN_DECLS

#define EMITRA_MONEY_ERROR (emitra_money_error_quark ())

typedef enum {
  EMITRA_MONEY_ERROR_EMPTY,
  EMITRA_MONEY_ERROR_INVALID,
  EMITRA_MONEY_ERROR_NEGATIVE,
  EMITRA_MONEY_ERROR_TOO_PRECISE,
  EMITRA_MONEY_ERROR_TOO_LARGE,
} EmitraMoneyError;

/* The largest amount the desk accepts: Rs 1 crore, far above any counter
 * transaction, and small enough that sums of a year of receipts never
 * overflow a gint64 of paise. */
#define EMITRA_MONEY_MAX_PAISE ((gint64) 100000000 * 100)

GQuark    emitra_money_error_quark (void);

char     *emitra_money_format      (gint64        paise,
                                    EmitraDigits  digits);
char     *emitra_money_format_plain (gint64       paise);
gboolean  emitra_money_parse       (const char   *text,
                                    gint64       *out_paise,
                                    GError      **error);

G_END_DECLS
