/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who sees which receipts (HACKING.md, "Who sees which report"): nobody
 * signed in sees none, only how many submissions wait; an operator sees
 * the receipts and waiting submissions they made, titled as theirs, and
 * finds no one else's by any search; a supervisor sees the whole desk.
 * A change of session changes the page at once, closing an open receipt
 * the new session may not see. Then the same in the real window against a
 * live sandbox: the page's Sign In button, a sign-out, another operator
 * signing in, and a session that runs out without the gateway being asked.
 * Set EMITRA_TEST_SCREENSHOT_DIR to keep a PNG of each state for a look.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "emitra-application.h"
#include "emitra-outbox-row.h"
#include "emitra-window.h"
#include "receipts-test-util.h"
#include "sandbox-fixture.h"
#include "ui-test-util.h"
#include "../core/receipt-test-util.h"

/* The window test's sessions last this long (the sandbox's --session-ttl). */
#define SESSION_SECONDS 5

static EmitraApplication *app;

typedef ReceiptsFixture Fixture;

/* Today: Anil (OP-1001) issued Sunita's and has Pooja's waiting; Seema
 * (OP-1002) issued Ram's and has Geeta's waiting. */
static void
seed (EmitraDesk *desk)
{
  g_autofree char *t1 = receipts_test_today_at ("00:01");
  g_autofree char *t2 = receipts_test_today_at ("00:02");
  g_autofree char *t3 = receipts_test_today_at ("00:03");
  g_autofree char *t4 = receipts_test_today_at ("00:04");
  const TestReceipt confirmed[] = {
    { "r-sunita", "200000000001", NULL, NULL, NULL, "Sunita Devi", "9414012345", 4000, 5000,
      "OP-1001", "Anil Kumawat", EMITRA_RECEIPT_STATUS_CONFIRMED, t1 },
    { "r-ram", "200000000002", NULL, NULL, NULL, "Ram Kumar", "9829098290", 0, 5000,
      "OP-1002", "Seema Choudhary", EMITRA_RECEIPT_STATUS_CONFIRMED, t2 },
  };
  const TestReceipt queued[] = {
    { "r-pooja", NULL, NULL, NULL, NULL, "Pooja Meena", "9414000001", 2500, 5000,
      "OP-1001", "Anil Kumawat", EMITRA_RECEIPT_STATUS_PROVISIONAL, t3 },
    { "r-geeta", NULL, NULL, NULL, NULL, "Geeta Sharma", "9887700000", 4000, 5000,
      "OP-1002", "Seema Choudhary", EMITRA_RECEIPT_STATUS_PROVISIONAL, t4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (confirmed); i++)
    g_object_unref (test_append (emitra_desk_get_receipts (desk), &confirmed[i]));
  for (guint i = 0; i < G_N_ELEMENTS (queued); i++)
    {
      g_autoptr(EmitraReceipt) input = test_receipt_new (&queued[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(EmitraReceipt) stored = emitra_outbox_enqueue_with_receipt (emitra_desk_get_outbox (desk),
                                                                            emitra_desk_get_receipts (desk),
                                                                            "{\"request\": {}, \"receipt\": {}}",
                                                                            NULL, input, &error);
      g_assert_no_error (error);
    }
}

static EmitraOperatorSession *anil, *anil_again, *seema, *supervisor;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->desk = receipts_test_desk_new (&f->dir);
  seed (f->desk);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  receipts_test_fixture_clear (f);
}

static AdwViewStack *
view_stack (Fixture *f)
{
  return ADW_VIEW_STACK (widget_test_find_child (GTK_WIDGET (f->page), ADW_TYPE_VIEW_STACK));
}

static AdwViewStackPage *
view_page (Fixture    *f,
           const char *name)
{
  return adw_view_stack_get_page (view_stack (f), adw_view_stack_get_child_by_name (view_stack (f), name));
}

/* How many names a comma-separated list holds. */
static guint
count_names (const char *list)
{
  guint n = list[0] != '\0' ? 1 : 0;

  for (const char *p = list; *p != '\0'; p++)
    n += *p == ',';
  return n;
}

static const char *
page_shown (Fixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (widget_test_find_child (GTK_WIDGET (f->page),
                                                                                GTK_TYPE_STACK)));
}

/* The citizens the Pending view lists, comma-separated. */
static char *
pending_citizens (Fixture *f)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GtkWidget *row = widget_test_find_child (GTK_WIDGET (f->page), EMITRA_TYPE_OUTBOX_ROW);

  for (; row != NULL; row = gtk_widget_get_next_sibling (row))
    g_string_append_printf (out, "%s%s", out->len > 0 ? "," : "",
                            emitra_outbox_item_get_citizen_name (emitra_outbox_row_get_item (EMITRA_OUTBOX_ROW (row))));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Every label of the page, the Receipts view's and the Pending view's. */
static char *
all_labels (Fixture *f)
{
  g_autoptr(GString) labels = g_string_new (NULL);

  adw_view_stack_set_visible_child_name (view_stack (f), "receipts");
  widget_test_collect_labels (GTK_WIDGET (f->page), labels);
  adw_view_stack_set_visible_child_name (view_stack (f), "pending");
  receipts_test_wait_idle (f->page);
  widget_test_collect_labels (GTK_WIDGET (f->page), labels);
  adw_view_stack_set_visible_child_name (view_stack (f), "receipts");
  return g_string_free (g_steal_pointer (&labels), FALSE);
}

static void
search (Fixture    *f,
        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (widget_test_find_child (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY)), text);
  receipts_test_wait_idle (f->page);
}

typedef struct
{
  const char             *name;
  EmitraOperatorSession **session;   /* points at NULL: nobody signed in */
  const char             *list;      /* the citizens listed, in order */
  const char             *pending;   /* the citizens waiting in the Pending view */
  const char             *hidden;    /* names that show nowhere on the page */
  const char             *foreign;   /* someone else's mobile: found by no search */
  const char             *title;     /* the Receipts view's, untranslated */
} RolesCase;

static EmitraOperatorSession *nobody;

static const RolesCase roles_cases[] = {
  { "nobody", &nobody, "", "", "Sunita Devi,Ram Kumar,Pooja Meena,Geeta Sharma", "9414012345", NULL },
  { "operator-anil", &anil, "Sunita Devi,Pooja Meena", "Pooja Meena", "Ram Kumar,Geeta Sharma",
    "9829098290", "My Receipts" },
  { "operator-seema", &seema, "Ram Kumar,Geeta Sharma", "Geeta Sharma", "Sunita Devi,Pooja Meena",
    "9414012345", "My Receipts" },
  { "supervisor", &supervisor, "Sunita Devi,Ram Kumar,Pooja Meena,Geeta Sharma", "Pooja Meena,Geeta Sharma",
    "", NULL, "All Receipts" },
};

static void
test_who_sees_what (Fixture       *f,
                    gconstpointer  data)
{
  const RolesCase *c = data;
  g_auto(GStrv) hidden = g_strsplit (c->hidden, ",", -1);
  g_autofree char *list = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *labels = NULL;
  g_autofree char *found = NULL;
  g_autofree char *screenshot = g_strdup_printf ("receipts-page-roles-%s", c->name);

  f->page = receipts_test_page_new (f->desk, *c->session, &f->window);
  g_assert_cmpstr (page_shown (f), ==, *c->session != NULL ? "desk" : "signed-out");

  list = receipts_test_shown_citizens (f->page);
  g_assert_cmpstr (list, ==, c->list);
  labels = all_labels (f);
  g_test_message ("%s", labels);
  pending = pending_citizens (f);
  g_assert_cmpstr (pending, ==, c->pending);
  for (guint i = 0; hidden[i] != NULL && hidden[i][0] != '\0'; i++)
    g_assert_null (strstr (labels, hidden[i]));
  /* The tab's count is of what the page may show, no more. */
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (view_page (f, "pending")), ==, count_names (c->pending));
  flow_test_screenshot (f->window, screenshot);

  if (c->title != NULL)
    g_assert_cmpstr (adw_view_stack_page_get_title (view_page (f, "receipts")), ==,
                     g_dpgettext2 (GETTEXT_PACKAGE, "receipts view", c->title));
  else
    {
      /* How many wait, and nothing about them, so the desk can tell the
       * queue needs someone signed in. */
      g_autofree char *waiting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u submission is still waiting for the gateway.",
                                                               "%u submissions are still waiting for the gateway.", 2), 2);

      g_assert_nonnull (strstr (labels, waiting));
      /* Nothing opens for nobody, whatever is asked. */
      gtk_widget_activate_action (GTK_WIDGET (f->page), "receipts.details", NULL);
      emitra_test_spin (100);
      g_assert_null (receipts_test_find_details_window ());
    }

  /* No search finds another's receipt, not even by the citizen's mobile. */
  if (c->foreign != NULL)
    {
      search (f, c->foreign);
      found = receipts_test_shown_citizens (f->page);
      g_assert_cmpstr (found, ==, "");
    }
}

/* A details window shows a receipt the page's session may see. */
static const char *
details_citizen (void)
{
  EmitraReceiptDetails *details = receipts_test_find_details_window ();

  return details != NULL ? emitra_receipt_get_citizen_name (emitra_receipt_details_get_receipt (details)) : NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return TRUE;
  return FALSE;
}

static void
count_change_cb (guint *changes)
{
  (*changes)++;
}

static void
test_switching (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *list = NULL;
  GtkWidget *entry;
  guint changes = 0;

  f->page = receipts_test_page_new (f->desk, anil, &f->window);
  entry = widget_test_find_child (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY);
  receipts_test_open_details (f->page);
  g_assert_cmpstr (details_citizen (), ==, "Sunita Devi");

  /* The idle lock's new session for the same operator keeps the page:
   * no rows rebuilt, the receipt still open. */
  g_signal_connect_swapped (emitra_receipts_page_get_receipts (f->page), "items-changed",
                            G_CALLBACK (count_change_cb), &changes);
  emitra_receipts_page_set_session (f->page, anil_again);
  receipts_test_wait_idle (f->page);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpstr (details_citizen (), ==, "Sunita Devi");
  g_signal_handlers_disconnect_by_func (emitra_receipts_page_get_receipts (f->page), count_change_cb, &changes);

  /* A supervisor may see Anil's receipt: it stays open; the list grows. */
  emitra_receipts_page_set_session (f->page, supervisor);
  receipts_test_wait_idle (f->page);
  list = receipts_test_shown_citizens (f->page);
  g_assert_cmpstr (list, ==, "Sunita Devi,Ram Kumar,Pooja Meena,Geeta Sharma");
  g_assert_cmpstr (details_citizen (), ==, "Sunita Devi");

  /* Seema may not: it closes at once, and what was typed goes with it. */
  search (f, "Sunita");
  emitra_receipts_page_set_session (f->page, seema);
  g_assert_null (receipts_test_find_details_window ());
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  receipts_test_wait_idle (f->page);
  g_clear_pointer (&list, g_free);
  list = receipts_test_shown_citizens (f->page);
  g_assert_cmpstr (list, ==, "Ram Kumar,Geeta Sharma");

  /* Seema's question about cancelling Geeta's submission is not for
   * whoever comes next: it goes, as if she had kept waiting. */
  adw_view_stack_set_visible_child_name (view_stack (f), "pending");
  receipts_test_wait_idle (f->page);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "receipts.cancel-item", "s", "r-geeta");
  emitra_test_spin_until (message_dialog_shown, NULL, 5000);
  g_assert_true (message_dialog_shown (NULL));

  /* Signed out: nothing left on screen, without waiting for anything. */
  emitra_receipts_page_set_session (f->page, NULL);
  g_clear_pointer (&list, g_free);
  list = receipts_test_shown_citizens (f->page);
  g_assert_cmpstr (list, ==, "");
  g_assert_cmpstr (page_shown (f), ==, "signed-out");
  g_assert_null (widget_test_find_child (GTK_WIDGET (f->page), EMITRA_TYPE_OUTBOX_ROW));
  emitra_test_spin (100);
  g_assert_false (message_dialog_shown (NULL));
  receipts_test_wait_idle (f->page);

  /* Anil, then Seema before Anil's answer came: Anil's answer never lands. */
  emitra_receipts_page_set_session (f->page, anil);
  emitra_receipts_page_set_session (f->page, seema);
  receipts_test_wait_idle (f->page);
  g_clear_pointer (&list, g_free);
  list = receipts_test_shown_citizens (f->page);
  g_assert_cmpstr (list, ==, "Ram Kumar,Geeta Sharma");
}

/* The real window ------------------------------------------------------ */

static EmitraGatewayClient *
gateway (void)
{
  return emitra_desk_get_gateway (emitra_application_get_desk (app));
}

static gboolean
signed_in_as (gpointer sso_id)
{
  EmitraOperatorSession *session = emitra_gateway_client_get_operator_session (gateway ());

  return session != NULL && g_strcmp0 (emitra_operator_session_get_sso_id (session), sso_id) == 0;
}

static gboolean
page_signed_out (gpointer page)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (widget_test_find_child (page, GTK_TYPE_STACK))),
                    "signed-out") == 0;
}

/* As an operator at the desk would: the page's Sign In button, then the
 * sign-in window. */
static void
sign_in_from_page (EmitraReceiptsPage *page,
                   const char         *sso_id,
                   const char         *password)
{
  GtkWidget *button = widget_test_find_child (GTK_WIDGET (page), GTK_TYPE_BUTTON);
  EmitraSignInWindow *sign_in;

  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.sign-in");
  g_signal_emit_by_name (button, "clicked");
  emitra_test_spin_until (widget_test_sign_in_shown, NULL, 5000);
  sign_in = widget_test_find_sign_in_window ();
  g_assert_nonnull (sign_in);
  gtk_editable_set_text (GTK_EDITABLE (widget_test_find_child (GTK_WIDGET (sign_in), ADW_TYPE_ENTRY_ROW)), sso_id);
  gtk_editable_set_text (GTK_EDITABLE (widget_test_find_child (GTK_WIDGET (sign_in), ADW_TYPE_PASSWORD_ENTRY_ROW)),
                         password);
  gtk_widget_activate_action (GTK_WIDGET (sign_in), "sign-in.submit", NULL);
  emitra_test_spin_until (signed_in_as, (gpointer) sso_id, 10000);
  g_assert_true (signed_in_as ((gpointer) sso_id));
  receipts_test_wait_idle (page);
}

static void
test_window_follows_session (void)
{
  EmitraWindow *window = emitra_window_new (app);
  EmitraReceiptsPage *page;
  g_autofree char *list = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_present (GTK_WINDOW (window));
  /* Built when first shown, and told at once who is signed in: nobody. */
  g_assert_null (emitra_window_peek_receipts_page (window));
  emitra_window_set_visible_page (window, "receipts");
  page = emitra_window_peek_receipts_page (window);
  g_assert_nonnull (page);
  receipts_test_wait_idle (page);
  g_assert_true (page_signed_out (page));
  flow_test_screenshot (GTK_WIDGET (window), "receipts-page-roles-window-signed-out");

  sign_in_from_page (page, "anil.kumawat", "demo123");
  list = receipts_test_shown_citizens (page);
  g_assert_cmpstr (list, ==, "Kamla Devi");

  /* Signed out: the page asks again at once. */
  emitra_gateway_client_sign_out_async (gateway (), NULL, NULL, NULL);
  g_assert_true (page_signed_out (page));
  g_clear_pointer (&list, g_free);
  list = receipts_test_shown_citizens (page);
  g_assert_cmpstr (list, ==, "");

  /* The supervisor signs in at the same desk: everyone's. */
  sign_in_from_page (page, "rajendra.shekhawat", "super123");
  g_clear_pointer (&list, g_free);
  list = receipts_test_shown_citizens (page);
  g_assert_cmpstr (list, ==, "Kamla Devi,Mohan Lal");
  flow_test_screenshot (GTK_WIDGET (window), "receipts-page-roles-window-supervisor");

  /* Left signed in past the session's end: the page is hidden again by
   * the window's own clock, with no call to the gateway to find out. */
  emitra_test_spin_until (page_signed_out, page, (SESSION_SECONDS + 4) * 1000);
  g_assert_true (page_signed_out (page));
  g_assert_nonnull (emitra_gateway_client_get_operator_session (gateway ()));
  g_clear_pointer (&list, g_free);
  list = receipts_test_shown_citizens (page);
  g_assert_cmpstr (list, ==, "");

  /* Someone else signs in after it: theirs only. */
  sign_in_from_page (page, "seema.choudhary", "demo123");
  g_clear_pointer (&list, g_free);
  list = receipts_test_shown_citizens (page);
  g_assert_cmpstr (list, ==, "Mohan Lal");
  flow_test_screenshot (GTK_WIDGET (window), "receipts-page-roles-window-operator");

  gtk_window_destroy (GTK_WINDOW (window));
  emitra_test_spin (100);
}

/* The desk the application opens: one receipt of Anil's, one of Seema's. */
static void
seed_application_desk (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "desk.db", NULL);
  g_autofree char *t1 = receipts_test_today_at ("00:01");
  g_autofree char *t2 = receipts_test_today_at ("00:02");
  const TestReceipt issued[] = {
    { "w-kamla", "200000000011", NULL, NULL, NULL, "Kamla Devi", "9414011111", 4000, 5000,
      "OP-1001", "Anil Kumawat", EMITRA_RECEIPT_STATUS_CONFIRMED, t1 },
    { "w-mohan", "200000000012", NULL, NULL, NULL, "Mohan Lal", "9414022222", 4000, 5000,
      "OP-1002", "Seema Choudhary", EMITRA_RECEIPT_STATUS_CONFIRMED, t2 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraDatabase) database = emitra_desk_database_open (path, &error);
  g_autoptr(EmitraReceiptStore) store = NULL;

  g_assert_no_error (error);
  store = emitra_receipt_store_new (database);
  for (guint i = 0; i < G_N_ELEMENTS (issued); i++)
    g_object_unref (test_append (store, &issued[i]));
}

int
main (int   argc,
      char *argv[])
{
  const char *ttl_args[] = { "--session-ttl=" G_STRINGIFY (SESSION_SECONDS), NULL };
  g_autofree char *app_dir = NULL;
  SandboxFixture *sandbox;
  int status;

  test_use_india_time ();
  widget_test_init (&argc, &argv);

  anil = test_session_new ("OP-1001", "Anil Kumawat", "operator");
  anil_again = test_session_new ("OP-1001", "Anil Kumawat", "operator");
  seema = test_session_new ("OP-1002", "Seema Choudhary", "operator");
  supervisor = test_session_new ("SV-2001", "Rajendra Singh Shekhawat", "supervisor");

  /* The application's own desk and gateway, for the window's test. */
  app_dir = g_build_filename (g_get_user_data_dir (), "application-desk", NULL);
  g_assert_cmpint (g_mkdir_with_parents (app_dir, 0700), ==, 0);
  seed_application_desk (app_dir);
  g_setenv ("EMITRA_DATA_DIR", app_dir, TRUE);
  sandbox = sandbox_start (ttl_args);
  app = widget_test_application_new (sandbox->base_uri);
  /* Opened now, while EMITRA_DATA_DIR names it: the page tests move it. */
  g_assert_nonnull (emitra_application_get_desk (app));

  for (guint i = 0; i < G_N_ELEMENTS (roles_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/receipts-roles/%s", roles_cases[i].name);

      g_test_add (path, Fixture, &roles_cases[i], fixture_set_up, test_who_sees_what, fixture_tear_down);
    }
  g_test_add ("/ui/receipts-roles/switching", Fixture, NULL, fixture_set_up, test_switching, fixture_tear_down);
  g_test_add_func ("/ui/receipts-roles/window", test_window_follows_session);

  status = g_test_run ();
  g_clear_object (&app);
  sandbox_stop (sandbox);
  g_clear_object (&anil);
  g_clear_object (&anil_again);
  g_clear_object (&seema);
  g_clear_object (&supervisor);
  return status;
}
