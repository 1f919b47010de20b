/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define EMITRA_TYPE_ATTEMPT_LIMIT (emitra_attempt_limit_get_type ())

G_DECLARE_FINAL_TYPE (EmitraAttemptLimit, emitra_attempt_limit, EMITRA, ATTEMPT_LIMIT, GObject)

/* Counts wrong passwords in a row: after @max_failures of them, no try
 * is allowed for @wait_seconds; then the count starts again. A right one
 * clears it. Times are monotonic microseconds (g_get_monotonic_time()),
 * passed in so a test can move the clock. */
EmitraAttemptLimit *emitra_attempt_limit_new          (guint               max_failures,
                                                       guint               wait_seconds);

void                emitra_attempt_limit_note_failure (EmitraAttemptLimit *self,
                                                       gint64              now);
void                emitra_attempt_limit_note_success (EmitraAttemptLimit *self);

/* Whole seconds (rounded up) before the next try is allowed; 0: now. */
guint               emitra_attempt_limit_get_wait     (EmitraAttemptLimit *self,
                                                       gint64              now);

G_END_DECLS
