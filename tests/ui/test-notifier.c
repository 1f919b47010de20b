/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The notifier against a fake org.freedesktop.Notifications server on a
 * private bus, served from its own thread and main context (libnotify's
 * calls are synchronous: a server on the caller's context would deadlock),
 * and against a bus with no server at all.
 */
#include "config.h"

#include <gio/gio.h>

#include <libnotify/notify.h>

#include "emitra-notifier.h"

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "  </interface>"
  "</node>";

typedef struct
{
  GMutex        lock;
  GPtrArray    *summaries;
  GMainLoop    *loop;
  GMainContext *context;
  char         *address;
  gboolean      ready;
} FakeServer;

static void
handle_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  FakeServer *server = user_data;

  if (g_str_equal (method_name, "Notify"))
    {
      const char *summary = NULL;

      g_variant_get_child (parameters, 3, "&s", &summary);
      g_mutex_lock (&server->lock);
      g_ptr_array_add (server->summaries, g_strdup (summary));
      g_mutex_unlock (&server->lock);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", server->summaries->len));
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *caps[] = { "body", NULL };
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method_name, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "fake", "test", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static const GDBusInterfaceVTable vtable = { handle_method_call };

static void
on_name_acquired_cb (GDBusConnection *connection, const char *name, gpointer user_data)
{
  FakeServer *server = user_data;

  g_mutex_lock (&server->lock);
  server->ready = TRUE;
  g_mutex_unlock (&server->lock);
}

static gpointer
serve (gpointer data)
{
  FakeServer *server = data;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (introspection_xml, NULL);
  g_autoptr(GDBusConnection) connection = NULL;
  guint owner_id;

  g_main_context_push_thread_default (server->context);
  /* A private connection: the shared session singleton belongs to the code
   * under test. */
  connection = g_dbus_connection_new_for_address_sync (server->address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, NULL);
  g_assert_nonnull (connection);
  g_dbus_connection_register_object (connection, "/org/freedesktop/Notifications",
                                     info->interfaces[0], &vtable, server, NULL, NULL);
  owner_id = g_bus_own_name_on_connection (connection, "org.freedesktop.Notifications",
                                           G_BUS_NAME_OWNER_FLAGS_NONE,
                                           on_name_acquired_cb, NULL, server, NULL);
  g_main_loop_run (server->loop);
  g_bus_unown_name (owner_id);
  g_dbus_connection_close_sync (connection, NULL, NULL);
  g_main_context_pop_thread_default (server->context);
  return NULL;
}

static gboolean
server_ready (FakeServer *server)
{
  gboolean ready;

  g_mutex_lock (&server->lock);
  ready = server->ready;
  g_mutex_unlock (&server->lock);
  return ready;
}

static void
on_notified_cb (EmitraNotifier *notifier, int event, const char *title, const char *body, gpointer user_data)
{
  guint *count = user_data;
  (*count)++;
}

static void
test_notifier_delivers (void)
{
  g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autoptr(EmitraNotifier) notifier = NULL;
  FakeServer server = { 0 };
  GThread *thread;
  guint toasts = 0;

  g_test_dbus_up (bus);
  g_mutex_init (&server.lock);
  server.summaries = g_ptr_array_new_with_free_func (g_free);
  server.context = g_main_context_new ();
  server.loop = g_main_loop_new (server.context, FALSE);
  server.address = g_strdup (g_test_dbus_get_bus_address (bus));
  thread = g_thread_new ("fake-notifications", serve, &server);
  for (guint i = 0; i < 500 && !server_ready (&server); i++)
    g_usleep (10000);
  g_assert_true (server_ready (&server));

  notifier = emitra_notifier_new ("emitra-test");
  g_signal_connect (notifier, "notified", G_CALLBACK (on_notified_cb), &toasts);
  emitra_notifier_notify (notifier, EMITRA_NOTIFY_SUBMISSION_CONFIRMED,
                          "आवेदन पुष्ट हुआ", "Caste certificate 123456789012");
  emitra_notifier_flush (notifier);

  g_assert_cmpuint (toasts, ==, 1);
  g_assert_cmpuint (emitra_notifier_get_delivered (notifier), ==, 1);
  g_mutex_lock (&server.lock);
  g_assert_cmpuint (server.summaries->len, ==, 1);
  g_assert_cmpstr (server.summaries->pdata[0], ==, "आवेदन पुष्ट हुआ");
  g_mutex_unlock (&server.lock);

  g_clear_object (&notifier);
  /* libnotify keeps its proxy, and so the bus connection, until uninit. */
  notify_uninit ();
  g_main_loop_quit (server.loop);
  g_thread_join (thread);
  g_main_loop_unref (server.loop);
  g_main_context_unref (server.context);
  g_ptr_array_unref (server.summaries);
  g_free (server.address);
  g_mutex_clear (&server.lock);
  g_test_dbus_down (bus);
}

static void
test_notifier_without_server (void)
{
  g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autoptr(EmitraNotifier) notifier = NULL;
  guint toasts = 0;
  gint64 start;

  g_test_dbus_up (bus);
  notifier = emitra_notifier_new ("emitra-test");
  g_signal_connect (notifier, "notified", G_CALLBACK (on_notified_cb), &toasts);

  start = g_get_monotonic_time ();
  emitra_notifier_notify (notifier, EMITRA_NOTIFY_OUTBOX_STUCK, "Outbox stuck", NULL);
  /* The caller never waits for D-Bus. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 100 * 1000);
  g_assert_cmpuint (toasts, ==, 1);

  emitra_notifier_flush (notifier);
  g_assert_cmpuint (emitra_notifier_get_delivered (notifier), ==, 0);
  g_assert_cmpuint (emitra_notifier_get_failed (notifier), ==, 1);

  g_clear_object (&notifier);
  notify_uninit ();
  g_test_dbus_down (bus);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/notifier/delivers", test_notifier_delivers);
  g_test_add_func ("/notifier/without-server", test_notifier_without_server);

  return g_test_run ();
}
