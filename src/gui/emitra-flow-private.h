/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gi18n.h>

#include "emitra-form-field.h"

G_BEGIN_DECLS

/* The steps of the guided application, as GtkStack page names; the same
 * words as the draft's step (EMITRA_DRAFT_STEP_*). */
#define EMITRA_FLOW_STEP_CITIZEN   "citizen"
#define EMITRA_FLOW_STEP_DETAILS   "details"
#define EMITRA_FLOW_STEP_DOCUMENTS "documents"
#define EMITRA_FLOW_STEP_FEE       "fee"
#define EMITRA_FLOW_STEP_REVIEW    "review"
#define EMITRA_FLOW_STEP_RECEIPT   "receipt"

/* A step's name in the interface's language, for the row of steps and
 * the Drafts list. */
static inline const char *
emitra_flow_step_title (const char *step)
{
  static const struct {
    const char *name;
    const char *title;
  } titles[] = {
    { EMITRA_FLOW_STEP_CITIZEN, NC_("step", "Citizen") },
    { EMITRA_FLOW_STEP_DETAILS, NC_("step", "Details") },
    { EMITRA_FLOW_STEP_DOCUMENTS, NC_("step", "Documents") },
    { EMITRA_FLOW_STEP_FEE, NC_("step", "Fee") },
    { EMITRA_FLOW_STEP_REVIEW, NC_("step", "Review") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_strcmp0 (titles[i].name, step) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "step", titles[i].title);
  return step;
}

/* Draft values that are not form fields start with '@', which no field id
 * can (ids are [a-z0-9_]+). */
#define EMITRA_FLOW_KEY_FAMILY_ID   "@citizen/family-id"
#define EMITRA_FLOW_KEY_MEMBER_ID   "@citizen/member-id"
#define EMITRA_FLOW_KEY_VERIFIED    "@citizen/verified"
#define EMITRA_FLOW_KEY_CASH        "@fee/cash-received"
#define EMITRA_FLOW_KEY_PAGES       "@fee/pages"

/* The applicant and their address are asked on the Citizen step, where a
 * Jan Aadhaar record fills them; everything else on the Details step. */
static inline gboolean
emitra_flow_field_in_citizen_step (EmitraFormField *field)
{
  const char *group = emitra_form_field_get_group (field);

  return g_strcmp0 (group, "applicant") == 0 || g_strcmp0 (group, "address") == 0;
}

G_END_DECLS
