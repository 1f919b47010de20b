/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The faults the sandbox injects (docs/api.md, control endpoints). A rate
 * is a probability in [0, 1]; a "next" count applies to that many of the
 * next matching requests and wins over the rate while it lasts. */
typedef struct
{
  guint   latency_ms;
  double  fail_rate;
  guint   fail_next;
  guint   fail_status;
  double  drop_after_commit_rate;
  guint   drop_after_commit_next;
  double  malformed_rate;
  guint   malformed_next;
  double  oversized_rate;
  guint   oversized_next;
  guint   trickle_ms;
  char   *path_prefix;
} EmitraSandboxFaultSettings;

/* What to do to one request, decided when it arrives. */
typedef struct
{
  guint    latency_ms;
  guint    fail_status;   /* 0: carry the request out */
  gboolean malformed;
  gboolean oversized;
  guint    trickle_ms;
} EmitraSandboxFaultPlan;

#define EMITRA_TYPE_SANDBOX_FAULTS (emitra_sandbox_faults_get_type ())

G_DECLARE_FINAL_TYPE (EmitraSandboxFaults, emitra_sandbox_faults, EMITRA, SANDBOX_FAULTS, GObject)

EmitraSandboxFaults *emitra_sandbox_faults_new          (guint32                            seed);
void                 emitra_sandbox_faults_set          (EmitraSandboxFaults               *self,
                                                         const EmitraSandboxFaultSettings  *settings);
gboolean             emitra_sandbox_faults_set_from_json (EmitraSandboxFaults              *self,
                                                         JsonObject                        *object,
                                                         char                             **out_bad_member);
JsonObject          *emitra_sandbox_faults_to_json      (EmitraSandboxFaults               *self);
gboolean             emitra_sandbox_faults_parse_count_or_rate (const char                 *text,
                                                         guint                             *out_count,
                                                         double                            *out_rate);

void                 emitra_sandbox_faults_plan         (EmitraSandboxFaults               *self,
                                                         const char                        *path,
                                                         EmitraSandboxFaultPlan            *out_plan);
gboolean             emitra_sandbox_faults_take_drop    (EmitraSandboxFaults               *self,
                                                         const char                        *path);

G_END_DECLS
