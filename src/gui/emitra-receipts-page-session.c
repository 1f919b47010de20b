/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who sees what on the Receipts page (HACKING.md, "Who sees which
 * report"): nothing until someone signs in; an operator the receipts they
 * issued and their own waiting submissions, a supervisor every one of the
 * desk. The window says who is signed in; a change shows at once, and
 * nothing the session before was shown stays on screen.
 */
#include "config.h"

#include "emitra-receipts-page-private.h"

#include <glib/gi18n.h>

const char *
_emitra_receipts_page_shown_operator (EmitraReceiptsPage *self)
{
  if (self->session == NULL || emitra_operator_session_is_supervisor (self->session))
    return NULL;
  return emitra_operator_session_get_operator_id (self->session);
}

gboolean
_emitra_receipts_page_may_see (EmitraReceiptsPage *self,
                               EmitraReceipt      *receipt)
{
  const char *operator_id = _emitra_receipts_page_shown_operator (self);

  return self->session != NULL &&
         (operator_id == NULL || g_strcmp0 (emitra_receipt_get_operator_id (receipt), operator_id) == 0);
}

/* Whether @a and @b may see the same receipts: then the next session
 * keeps the page as it is (the idle lock's new session for the same
 * operator, say). */
static gboolean
same_scope (EmitraOperatorSession *a,
            EmitraOperatorSession *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (emitra_operator_session_is_supervisor (a) || emitra_operator_session_is_supervisor (b))
    return emitra_operator_session_is_supervisor (a) == emitra_operator_session_is_supervisor (b);
  return g_strcmp0 (emitra_operator_session_get_operator_id (a), emitra_operator_session_get_operator_id (b)) == 0;
}

/* Forgets everything the session before was shown: its list, what it
 * searched for (a name or a mobile number), its Pending rows, any answer
 * still on its way, and an open receipt the new session may not see. */
static void
forget_shown (EmitraReceiptsPage *self)
{
  g_cancellable_cancel (self->search_cancellable);
  self->searching = FALSE;
  self->activate_when_found = FALSE;
  g_list_store_remove_all (self->receipts);
  gtk_label_set_label (self->summary_label, "");
  gtk_stack_set_visible_child_name (self->receipts_stack, "loading");
  /* Emptying the box searches; with nobody signed in, that reads nothing. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  _emitra_receipts_page_forget_pending (self);
  _emitra_receipts_page_update_actions (self);

  if (self->details != NULL && !_emitra_receipts_page_may_see (self, emitra_receipt_details_get_receipt (self->details)))
    gtk_window_destroy (GTK_WINDOW (self->details));
}

/* The page the session may see: the sign-in request or the desk's
 * receipts, titled as whose they are. Without a desk find_desk() says why. */
void
_emitra_receipts_page_show_scope (EmitraReceiptsPage *self)
{
  if (self->desk != NULL)
    gtk_stack_set_visible_child_name (self->page_stack, self->session != NULL ? "desk" : "signed-out");
  adw_view_stack_page_set_title (self->receipts_view_page,
                                 _emitra_receipts_page_shown_operator (self) != NULL
                                   ? C_("receipts view", "My Receipts")
                                   : C_("receipts view", "All Receipts"));
}

/**
 * emitra_receipts_page_set_session:
 * @session: (nullable): who is signed in, or %NULL for nobody
 *
 * The page shows what @session's role may see, at once: nothing for
 * nobody, an operator's own receipts, or all of them for a supervisor.
 */
void
emitra_receipts_page_set_session (EmitraReceiptsPage    *self,
                                  EmitraOperatorSession *session)
{
  gboolean same;

  g_return_if_fail (EMITRA_IS_RECEIPTS_PAGE (self));
  g_return_if_fail (session == NULL || EMITRA_IS_OPERATOR_SESSION (session));

  if (self->session == session)
    return;

  same = same_scope (self->session, session);
  g_set_object (&self->session, session);
  if (!same)
    forget_shown (self);
  _emitra_receipts_page_show_scope (self);
  if (!same && self->desk != NULL && (session == NULL || gtk_widget_get_mapped (GTK_WIDGET (self))))
    emitra_receipts_page_refresh (self);
}
