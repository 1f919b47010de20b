/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fault injection for the sandbox: the network and gateway failures the
 * desk must survive (latency, 5xx, a reply lost after the charge was
 * committed, malformed, oversized and trickled replies), switched on from
 * the command line or at run time through POST /v1/_control/faults.
 *
 * Rates draw from a GRand with a fixed seed (--seed), so a run with rates
 * can be repeated; tests that must be exact use the "next N" counts.
 */
#include "config.h"

#include "emitra-sandbox-faults.h"

#include <string.h>

struct _EmitraSandboxFaults
{
  GObject                     parent_instance;

  EmitraSandboxFaultSettings  settings;
  GRand                      *rand;
};

G_DEFINE_FINAL_TYPE (EmitraSandboxFaults, emitra_sandbox_faults, G_TYPE_OBJECT)

EmitraSandboxFaults *
emitra_sandbox_faults_new (guint32 seed)
{
  EmitraSandboxFaults *self = g_object_new (EMITRA_TYPE_SANDBOX_FAULTS, NULL);

  self->rand = g_rand_new_with_seed (seed);
  return self;
}

void
emitra_sandbox_faults_set (EmitraSandboxFaults              *self,
                           const EmitraSandboxFaultSettings *settings)
{
  g_return_if_fail (EMITRA_IS_SANDBOX_FAULTS (self));

  g_free (self->settings.path_prefix);
  self->settings = *settings;
  self->settings.path_prefix = g_strdup (settings->path_prefix);
  if (self->settings.fail_status != 500 && self->settings.fail_status != 503)
    self->settings.fail_status = 503;
}

/* "3" is a count of the next matching requests, "0.25" a rate. */
gboolean
emitra_sandbox_faults_parse_count_or_rate (const char *text,
                                           guint      *out_count,
                                           double     *out_rate)
{
  char *end = NULL;

  *out_count = 0;
  *out_rate = 0.0;
  if (text == NULL || text[0] == '\0')
    return FALSE;

  if (strchr (text, '.') != NULL)
    {
      double rate = g_ascii_strtod (text, &end);
      if (*end != '\0' || rate < 0.0 || rate > 1.0)
        return FALSE;
      *out_rate = rate;
    }
  else
    {
      guint64 count;
      if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &count, NULL))
        return FALSE;
      *out_count = (guint) count;
    }
  return TRUE;
}

static gboolean
read_rate (JsonObject *object,
           const char *member,
           double     *out_rate)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;

  *out_rate = 0.0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *out_rate = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out_rate = json_node_get_double (node);
  else
    return FALSE;
  return *out_rate >= 0.0 && *out_rate <= 1.0;
}

static gboolean
read_count (JsonObject *object,
            const char *member,
            guint       max,
            guint      *out_count)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  *out_count = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  value = json_node_get_int (node);
  if (value < 0 || value > max)
    return FALSE;
  *out_count = (guint) value;
  return TRUE;
}

/* Members left out switch their fault off. On a bad member nothing
 * changes and its name is returned for the error reply. */
gboolean
emitra_sandbox_faults_set_from_json (EmitraSandboxFaults  *self,
                                     JsonObject           *object,
                                     char                **out_bad_member)
{
  EmitraSandboxFaultSettings s = { 0 };
  JsonNode *prefix;

#define BAD(member) G_STMT_START { *out_bad_member = g_strdup (member); return FALSE; } G_STMT_END
  if (!read_count (object, "latency_ms", 60000, &s.latency_ms)) BAD ("latency_ms");
  if (!read_rate (object, "fail_rate", &s.fail_rate)) BAD ("fail_rate");
  if (!read_count (object, "fail_next", G_MAXINT, &s.fail_next)) BAD ("fail_next");
  if (!read_count (object, "fail_status", 599, &s.fail_status)) BAD ("fail_status");
  if (s.fail_status != 0 && s.fail_status != 500 && s.fail_status != 503) BAD ("fail_status");
  if (!read_rate (object, "drop_after_commit_rate", &s.drop_after_commit_rate)) BAD ("drop_after_commit_rate");
  if (!read_count (object, "drop_after_commit_next", G_MAXINT, &s.drop_after_commit_next)) BAD ("drop_after_commit_next");
  if (!read_rate (object, "malformed_rate", &s.malformed_rate)) BAD ("malformed_rate");
  if (!read_count (object, "malformed_next", G_MAXINT, &s.malformed_next)) BAD ("malformed_next");
  if (!read_rate (object, "oversized_rate", &s.oversized_rate)) BAD ("oversized_rate");
  if (!read_count (object, "oversized_next", G_MAXINT, &s.oversized_next)) BAD ("oversized_next");
  if (!read_count (object, "trickle_ms", 10000, &s.trickle_ms)) BAD ("trickle_ms");
  prefix = json_object_get_member (object, "path_prefix");
  if (prefix != NULL && !JSON_NODE_HOLDS_NULL (prefix))
    {
      if (!JSON_NODE_HOLDS_VALUE (prefix) || json_node_get_value_type (prefix) != G_TYPE_STRING)
        BAD ("path_prefix");
      s.path_prefix = (char *) json_node_get_string (prefix);
    }
#undef BAD

  emitra_sandbox_faults_set (self, &s);
  return TRUE;
}

JsonObject *
emitra_sandbox_faults_to_json (EmitraSandboxFaults *self)
{
  const EmitraSandboxFaultSettings *s = &self->settings;
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "latency_ms", s->latency_ms);
  json_object_set_double_member (object, "fail_rate", s->fail_rate);
  json_object_set_int_member (object, "fail_next", s->fail_next);
  json_object_set_int_member (object, "fail_status", s->fail_status);
  json_object_set_double_member (object, "drop_after_commit_rate", s->drop_after_commit_rate);
  json_object_set_int_member (object, "drop_after_commit_next", s->drop_after_commit_next);
  json_object_set_double_member (object, "malformed_rate", s->malformed_rate);
  json_object_set_int_member (object, "malformed_next", s->malformed_next);
  json_object_set_double_member (object, "oversized_rate", s->oversized_rate);
  json_object_set_int_member (object, "oversized_next", s->oversized_next);
  json_object_set_int_member (object, "trickle_ms", s->trickle_ms);
  if (s->path_prefix != NULL)
    json_object_set_string_member (object, "path_prefix", s->path_prefix);
  else
    json_object_set_null_member (object, "path_prefix");
  return object;
}

static gboolean
applies_to (EmitraSandboxFaults *self,
            const char          *path)
{
  const char *prefix = self->settings.path_prefix;

  if (g_str_has_prefix (path, "/v1/_control"))
    return FALSE;
  return g_str_has_prefix (path, prefix != NULL && prefix[0] != '\0' ? prefix : "/v1/");
}

static gboolean
draw (EmitraSandboxFaults *self,
      guint               *next,
      double               rate)
{
  if (*next > 0)
    {
      (*next)--;
      return TRUE;
    }
  return rate > 0.0 && g_rand_double (self->rand) < rate;
}

void
emitra_sandbox_faults_plan (EmitraSandboxFaults    *self,
                            const char             *path,
                            EmitraSandboxFaultPlan *out_plan)
{
  EmitraSandboxFaultSettings *s = &self->settings;

  memset (out_plan, 0, sizeof *out_plan);
  if (!applies_to (self, path))
    return;

  out_plan->latency_ms = s->latency_ms;
  out_plan->trickle_ms = s->trickle_ms;
  if (draw (self, &s->fail_next, s->fail_rate))
    {
      out_plan->fail_status = s->fail_status != 0 ? s->fail_status : 503;
      return;
    }
  out_plan->malformed = draw (self, &s->malformed_next, s->malformed_rate);
  if (!out_plan->malformed)
    out_plan->oversized = draw (self, &s->oversized_next, s->oversized_rate);
}

/* Asked at the moment a transaction change is committed. */
gboolean
emitra_sandbox_faults_take_drop (EmitraSandboxFaults *self,
                                 const char          *path)
{
  EmitraSandboxFaultSettings *s = &self->settings;

  if (!applies_to (self, path))
    return FALSE;
  return draw (self, &s->drop_after_commit_next, s->drop_after_commit_rate);
}

static void
emitra_sandbox_faults_finalize (GObject *object)
{
  EmitraSandboxFaults *self = EMITRA_SANDBOX_FAULTS (object);

  g_free (self->settings.path_prefix);
  g_clear_pointer (&self->rand, g_rand_free);

  G_OBJECT_CLASS (emitra_sandbox_faults_parent_class)->finalize (object);
}

static void
emitra_sandbox_faults_class_init (EmitraSandboxFaultsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = emitra_sandbox_faults_finalize;
}

static void
emitra_sandbox_faults_init (EmitraSandboxFaults *self)
{
  self->settings.fail_status = 503;
}
