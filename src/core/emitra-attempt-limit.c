/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A limit on wrong passwords at the idle lock. Without one, a person at
 * a locked desk could try password after password: at the gateway, or,
 * while it cannot be reached, against the desk's own verifier, which
 * answers as fast as the computer hashes. A few typing slips cost the
 * operator nothing; a run of wrong ones costs a wait that makes guessing
 * hopeless, and the operator sees how long it is.
 */
#include "config.h"

#include "emitra-attempt-limit.h"

struct _EmitraAttemptLimit
{
  GObject parent_instance;

  guint   max_failures;
  gint64  wait_us;
  guint   failures;     /* wrong ones in a row since the last wait or right one */
  gint64  wait_until;   /* monotonic µs; 0 when no wait */
};

G_DEFINE_FINAL_TYPE (EmitraAttemptLimit, emitra_attempt_limit, G_TYPE_OBJECT)

EmitraAttemptLimit *
emitra_attempt_limit_new (guint max_failures,
                          guint wait_seconds)
{
  EmitraAttemptLimit *self;

  g_return_val_if_fail (max_failures > 0, NULL);

  self = g_object_new (EMITRA_TYPE_ATTEMPT_LIMIT, NULL);
  self->max_failures = max_failures;
  self->wait_us = (gint64) wait_seconds * G_USEC_PER_SEC;
  return self;
}

void
emitra_attempt_limit_note_failure (EmitraAttemptLimit *self,
                                   gint64              now)
{
  g_return_if_fail (EMITRA_IS_ATTEMPT_LIMIT (self));

  /* A try the caller let through during a wait still counts, from the
   * end of that wait: waiting is never shortened. */
  now = MAX (now, self->wait_until);
  self->failures++;
  if (self->failures >= self->max_failures)
    {
      self->failures = 0;
      self->wait_until = now + self->wait_us;
    }
}

void
emitra_attempt_limit_note_success (EmitraAttemptLimit *self)
{
  g_return_if_fail (EMITRA_IS_ATTEMPT_LIMIT (self));

  self->failures = 0;
  self->wait_until = 0;
}

guint
emitra_attempt_limit_get_wait (EmitraAttemptLimit *self,
                               gint64              now)
{
  g_return_val_if_fail (EMITRA_IS_ATTEMPT_LIMIT (self), 0);

  if (now >= self->wait_until)
    return 0;
  return (guint) ((self->wait_until - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

static void
emitra_attempt_limit_class_init (EmitraAttemptLimitClass *klass)
{
}

static void
emitra_attempt_limit_init (EmitraAttemptLimit *self)
{
}
