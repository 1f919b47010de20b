/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Test hooks for the guided application in the real executable, so a test
 * can kill the desk with SIGKILL mid-application and start it again:
 *
 * - EMITRA_DEBUG_FLOW_FILL=<file.json>, with EMITRA_OPEN_SERVICE: types
 *   the file's "fields" into their rows, goes to the step "stop_at"
 *   (checking each step as Next does), attaches "documents" ({id: path}),
 *   ticks "seen" ([id]), types "cash" (the cash received) into the Fee
 *   step, waits until the draft is on disk and prints
 *   "EMITRA-FLOW-READY <step>" on standard output.
 * - EMITRA_DEBUG_FLOW_DUMP=1, with EMITRA_RESUME_LATEST: once the newest
 *   draft is resumed, prints "EMITRA-FLOW-STATE <json>" (the step and
 *   every field as its widget shows it) and quits.
 *
 * - EMITRA_DEBUG_FLOW_WATCH=<step>, with EMITRA_OPEN_SERVICE: prints
 *   "EMITRA-FLOW-OPEN" once the application is open, then, when the
 *   operator (a test typing with xdotool) reaches <step>, the state as
 *   EMITRA_DEBUG_FLOW_DUMP does, and quits.
 * - EMITRA_DEBUG_FLOW_SHOT=<file.png>: once the application is open (and
 *   filled, with the above), writes a PNG of the window and quits; for
 *   looking at the steps in both languages and at small sizes.
 *
 * Nothing here runs unless those variables are set.
 */
#include "config.h"

#include "emitra-flow-debug.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "emitra-application-page-private.h"
#include "emitra-json.h"
#include "emitra-screenshot.h"

static EmitraApplicationPage *
get_page (EmitraWindow *window)
{
  return emitra_window_get_application_page (window);
}

static EmitraFormView *
form_with (EmitraApplicationPage *page,
           const char            *field_id)
{
  EmitraFormView *citizen = emitra_citizen_step_get_form_view (page->citizen_step);

  if (emitra_form_view_has_field (citizen, field_id))
    return citizen;
  if (emitra_form_view_has_field (page->details_form, field_id))
    return page->details_form;
  return NULL;
}

static void
on_shot_taken_cb (GtkWidget *widget,
                  gboolean   ok,
                  gpointer   user_data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));

  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
}

static gboolean
take_shot_cb (gpointer user_data)
{
  emitra_screenshot_when_drawn (GTK_WIDGET (user_data), g_getenv ("EMITRA_DEBUG_FLOW_SHOT"),
                                G_CALLBACK (on_shot_taken_cb), NULL);
  return G_SOURCE_REMOVE;
}

static void
maybe_take_shot (EmitraWindow *window)
{
  /* After the page's cross-fade and the scans' previews. */
  if (g_getenv ("EMITRA_DEBUG_FLOW_SHOT") != NULL)
    g_timeout_add (700, take_shot_cb, window);
}

static void
on_ready_flushed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  EmitraApplicationPage *page = EMITRA_APPLICATION_PAGE (source);
  g_autoptr(GError) error = NULL;

  if (!emitra_application_page_flush_finish (page, result, &error))
    {
      g_printerr ("EMITRA-FLOW-ERROR %s\n", error->message);
      exit (1);
    }
  printf ("EMITRA-FLOW-READY %s\n", emitra_application_page_get_step (page));
  fflush (stdout);
  maybe_take_shot (EMITRA_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))));
}

static gboolean
wait_documents_cb (gpointer user_data)
{
  EmitraApplicationPage *page = user_data;

  if (emitra_documents_step_is_busy (page->documents_step))
    return G_SOURCE_CONTINUE;
  emitra_application_page_flush_async (page, NULL, on_ready_flushed_cb, NULL);
  return G_SOURCE_REMOVE;
}

static gboolean dump_when_settled_cb (gpointer user_data);

static void
on_step_changed_cb (GtkStack     *stack,
                    GParamSpec   *pspec,
                    EmitraWindow *window)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), g_getenv ("EMITRA_DEBUG_FLOW_WATCH")) == 0)
    g_timeout_add (100, dump_when_settled_cb, window);
}

void
emitra_flow_debug_started (EmitraWindow *window)
{
  const char *path = g_getenv ("EMITRA_DEBUG_FLOW_FILL");
  EmitraApplicationPage *page = get_page (window);
  g_autoptr(JsonObject) script = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *fields, *documents;
  JsonArray *seen;
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  if (g_getenv ("EMITRA_DEBUG_FLOW_WATCH") != NULL)
    {
      g_signal_connect_object (page->step_stack, "notify::visible-child-name",
                               G_CALLBACK (on_step_changed_cb), window, 0);
      printf ("EMITRA-FLOW-OPEN %s\n", emitra_application_page_get_step (page));
      fflush (stdout);
    }
  if (path == NULL)
    {
      maybe_take_shot (window);
      return;
    }
  if (!g_file_get_contents (path, &contents, NULL, &error) ||
      (script = emitra_json_parse_object (contents, -1, 1024 * 1024, &error)) == NULL)
    {
      g_printerr ("EMITRA-FLOW-ERROR %s\n", error->message);
      exit (1);
    }

  fields = json_object_get_object_member (script, "fields");
  json_object_iter_init (&iter, fields);
  while (json_object_iter_next (&iter, &key, &node))
    {
      EmitraFormView *form = form_with (page, key);
      GtkWidget *row = form != NULL ? emitra_form_view_get_field_row (form, key) : NULL;

      if (row == NULL)
        continue;
      if (GTK_IS_EDITABLE (row))
        gtk_editable_set_text (GTK_EDITABLE (row), json_node_get_string (node));
      else
        emitra_form_view_set_text (form, key, json_node_get_string (node));
    }

  /* The cash received, so the fill can go on to Review. */
  if (json_object_has_member (script, "cash"))
    emitra_fee_step_set_cash_text (page->fee_step, json_object_get_string_member (script, "cash"));

  if (!emitra_application_page_go_to_step (page, json_object_get_string_member (script, "stop_at"), TRUE))
    {
      g_printerr ("EMITRA-FLOW-ERROR %s\n", gtk_label_get_label (page->step_error_label));
      exit (1);
    }

  documents = json_object_get_object_member (script, "documents");
  json_object_iter_init (&iter, documents);
  while (json_object_iter_next (&iter, &key, &node))
    {
      g_autoptr(GFile) file = g_file_new_for_path (json_node_get_string (node));
      emitra_documents_step_attach_file (page->documents_step, key, file);
    }
  seen = json_object_get_array_member (script, "seen");
  for (guint i = 0; i < json_array_get_length (seen); i++)
    emitra_documents_step_set_original_seen (page->documents_step, json_array_get_string_element (seen, i), TRUE);

  g_timeout_add (50, wait_documents_cb, page);
}

static void
dump_form (JsonBuilder    *builder,
           EmitraFormView *form)
{
  g_auto(GStrv) ids = emitra_form_view_dup_field_ids (form);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *row = emitra_form_view_get_field_row (form, ids[i]);

      json_builder_set_member_name (builder, ids[i]);
      /* What the operator sees in the entry, or the value picked. */
      json_builder_add_string_value (builder, GTK_IS_EDITABLE (row) ? gtk_editable_get_text (GTK_EDITABLE (row))
                                                                    : emitra_form_view_get_text (form, ids[i]));
    }
}

static gboolean
dump_when_settled_cb (gpointer user_data)
{
  EmitraWindow *window = user_data;
  EmitraApplicationPage *page = get_page (window);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  GListModel *documents;
  GtkApplication *app;

  if (emitra_documents_step_is_busy (page->documents_step))
    return G_SOURCE_CONTINUE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "step");
  json_builder_add_string_value (builder, emitra_application_page_get_step (page));
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_object (builder);
  dump_form (builder, emitra_citizen_step_get_form_view (page->citizen_step));
  dump_form (builder, page->details_form);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_object (builder);
  documents = emitra_service_get_documents (page->service);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(EmitraDocumentRequirement) requirement = g_list_model_get_item (documents, i);
      const char *id = emitra_document_requirement_get_id (requirement);
      const char *path = NULL;
      gboolean seen = FALSE;

      if (emitra_documents_step_is_attached (page->documents_step, id))
        {
          json_builder_set_member_name (builder, id);
          json_builder_add_string_value (builder, "attached");
        }
      else if (emitra_draft_get_document (page->draft, id, &path, &seen) && seen)
        {
          json_builder_set_member_name (builder, id);
          json_builder_add_string_value (builder, "seen");
        }
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  printf ("EMITRA-FLOW-STATE %s\n", json);
  fflush (stdout);

  app = gtk_window_get_application (GTK_WINDOW (window));
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

void
emitra_flow_debug_resumed (EmitraWindow *window)
{
  if (g_getenv ("EMITRA_DEBUG_FLOW_DUMP") == NULL)
    return;
  g_timeout_add (100, dump_when_settled_cb, window);
}
