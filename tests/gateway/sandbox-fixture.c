/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts emitra-sandbox for a test: on port 0 (so tests run in parallel),
 * with the project's data, a database in the test's own data directory,
 * and PR_SET_PDEATHSIG so a crashing test never leaves a sandbox behind.
 */
#include "config.h"

#include "sandbox-fixture.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "emitra-json.h"

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static char *
sandbox_path (void)
{
  const char *override = g_getenv ("EMITRA_SANDBOX");

  if (override != NULL)
    return g_strdup (override);
  return g_build_filename (g_getenv ("EMITRA_BUILD_ROOT"), "src", "gateway", "emitra-sandbox", NULL);
}

SandboxFixture *
sandbox_start (const char * const *extra_args)
{
  SandboxFixture *fixture = g_new0 (SandboxFixture, 1);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *database = NULL;
  g_autofree char *data_dir = NULL;
  const char *url;

  g_assert_nonnull (g_getenv ("EMITRA_SOURCE_ROOT"));
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  database = g_build_filename (g_get_user_data_dir (), "sandbox.db", NULL);

  g_ptr_array_add (argv, sandbox_path ());
  g_ptr_array_add (argv, g_strdup ("--port=0"));
  g_ptr_array_add (argv, g_strdup ("--fresh"));
  g_ptr_array_add (argv, g_strconcat ("--database=", database, NULL));
  data_dir = g_build_filename (g_getenv ("EMITRA_SOURCE_ROOT"), "data", NULL);
  g_ptr_array_add (argv, g_strconcat ("--data-dir=", data_dir, NULL));
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (extra_args[i]));
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  /* Under AddressSanitizer, LeakSanitizer's tracer itself crashes when a
   * sandbox serving HTTPS exits (GnuTLS's worker threads): check leaks in
   * the plain-HTTP sandboxes only, which run the same code otherwise. */
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    if (g_str_has_prefix (extra_args[i], "--tls-certificate") && g_getenv ("ASAN_OPTIONS") != NULL)
      {
        g_autofree char *asan = g_strconcat (g_getenv ("ASAN_OPTIONS"), ":detect_leaks=0", NULL);
        g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", asan, TRUE);
      }
  fixture->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (fixture->process));
  /* The address line, past any debug output (G_MESSAGES_DEBUG=all). */
  do
    {
      g_clear_pointer (&line, g_free);
      line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (line);
      url = strstr (line, "https://127.0.0.1:");
      if (url == NULL)
        url = strstr (line, "http://127.0.0.1:");
    }
  while (url == NULL || !g_str_has_prefix (line, "emitra-sandbox listening on"));
  fixture->base_uri = g_strndup (url, strcspn (url, " "));

  fixture->raw = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  return fixture;
}

void
sandbox_stop (SandboxFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (fixture->process, SIGTERM);
  g_subprocess_wait (fixture->process, NULL, &error);
  g_assert_no_error (error);
  /* A clean exit: the sandbox survived everything the test threw at it. */
  g_assert_true (g_subprocess_get_if_exited (fixture->process));
  g_assert_cmpint (g_subprocess_get_exit_status (fixture->process), ==, 0);

  g_clear_object (&fixture->process);
  g_clear_object (&fixture->raw);
  g_free (fixture->base_uri);
  g_free (fixture->fee_service);
  g_free (fixture);
}

JsonObject *
sandbox_request (SandboxFixture *fixture,
                 const char     *method,
                 const char     *path,
                 const char     *token,
                 const char     *content_type,
                 GBytes         *body,
                 guint          *out_status)
{
  g_autofree char *address = g_strconcat (fixture->base_uri, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, address);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (msg);
  if (token != NULL)
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", bearer);
    }
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);

  reply = soup_session_send_and_read (fixture->raw, msg, NULL, &error);
  g_assert_no_error (error);
  if (out_status != NULL)
    *out_status = soup_message_get_status (msg);
  return g_bytes_get_size (reply) > 0 ? emitra_json_parse_bytes (reply, 0, NULL) : NULL;
}

JsonObject *
sandbox_request_json (SandboxFixture *fixture,
                      const char     *method,
                      const char     *path,
                      const char     *token,
                      const char     *json,
                      guint          *out_status)
{
  g_autoptr(GBytes) body = json != NULL ? g_bytes_new (json, strlen (json)) : NULL;

  return sandbox_request (fixture, method, path, token, "application/json", body, out_status);
}

void
sandbox_set_faults (SandboxFixture *fixture,
                    const char     *json)
{
  g_autoptr(JsonObject) reply = NULL;
  guint status = 0;

  reply = sandbox_request_json (fixture, "POST", "/v1/_control/faults", NULL, json, &status);
  g_assert_cmpuint (status, ==, 200);
}

gint64
sandbox_stat (SandboxFixture *fixture,
              const char     *member)
{
  g_autoptr(JsonObject) reply = NULL;
  guint status = 0;

  reply = sandbox_request (fixture, "GET", "/v1/_control/stats", NULL, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_object_get_int_member (reply, member);
}

void
sandbox_advance_clock (SandboxFixture *fixture,
                       gint64          seconds)
{
  g_autofree char *json = g_strdup_printf ("{\"advance_seconds\": %" G_GINT64_FORMAT "}", seconds);
  g_autoptr(JsonObject) reply = NULL;
  guint status = 0;

  reply = sandbox_request_json (fixture, "POST", "/v1/_control/clock", NULL, json, &status);
  g_assert_cmpuint (status, ==, 200);
}

void
sandbox_set_balance (SandboxFixture *fixture,
                     gint64          balance)
{
  g_autofree char *json = g_strdup_printf ("{\"kiosk_code\": \"K11000142\", \"balance\": %" G_GINT64_FORMAT "}", balance);
  g_autoptr(JsonObject) reply = NULL;
  guint status = 0;

  reply = sandbox_request_json (fixture, "POST", "/v1/_control/wallet", NULL, json, &status);
  g_assert_cmpuint (status, ==, 200);
}

char *
sandbox_sign_in_token (SandboxFixture *fixture,
                       const char     *sso_id,
                       const char     *password)
{
  g_autofree char *json = g_strdup_printf ("{\"sso_id\": \"%s\", \"password\": \"%s\", \"kiosk_code\": \"K11000142\"}",
                                           sso_id, password);
  g_autoptr(JsonObject) reply = NULL;
  guint status = 0;

  reply = sandbox_request_json (fixture, "POST", "/v1/sessions", NULL, json, &status);
  g_assert_cmpuint (status, ==, 201);
  return g_strdup (json_object_get_string_member (json_object_get_object_member (reply, "session"), "token"));
}

GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

char *
sandbox_pick_fee_service (SandboxFixture *fixture,
                          gint64         *out_fee)
{
  g_autoptr(JsonObject) catalog = NULL;
  JsonArray *services;
  guint status = 0;

  if (fixture->fee_service != NULL)
    {
      *out_fee = fixture->fee;
      return g_strdup (fixture->fee_service);
    }

  catalog = sandbox_request (fixture, "GET", "/v1/catalog", NULL, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  services = json_object_get_array_member (catalog, "services");
  for (guint i = 0; i < json_array_get_length (services); i++)
    {
      JsonObject *service = json_array_get_object_element (services, i);

      if (json_object_get_int_member (service, "department_fee") > 0 &&
          !json_object_get_boolean_member_with_default (service, "bill", FALSE) &&
          json_object_has_member (service, "delivery_days") &&
          !json_object_get_null_member (service, "delivery_days"))
        {
          fixture->fee = *out_fee = json_object_get_int_member (service, "department_fee");
          fixture->fee_service = g_strdup (json_object_get_string_member (service, "id"));
          return g_strdup (fixture->fee_service);
        }
    }
  g_assert_not_reached ();
}
