/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The departments to browse, beside the catalog's list: "All Services"
 * and each department with how many services it offers. Choosing one
 * emits ::department-selected with its ID (NULL for all).
 */
#include "config.h"

#include "emitra-department-sidebar.h"

#include <glib/gi18n.h>

#include "emitra-department.h"
#include "emitra-display.h"

struct _EmitraDepartmentSidebar
{
  AdwBin      parent_instance;

  gboolean    updating;

  /* Template widgets */
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (EmitraDepartmentSidebar, emitra_department_sidebar, ADW_TYPE_BIN)

enum {
  DEPARTMENT_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Rows are data, one per department of the catalog in use. */
static GtkWidget *
row_new (const char *name,
         guint       count,
         const char *id)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name_label = gtk_label_new (name);
  g_autofree char *count_text = emitra_display_count (count);
  GtkWidget *count_label = gtk_label_new (count_text);

  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name_label, TRUE);
  emitra_display_set_tooltip (name_label, name);
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_box_append (GTK_BOX (box), name_label);
  gtk_box_append (GTK_BOX (box), count_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "department-id", g_strdup (id), g_free);

  return row;
}

/* @departments: EmitraDepartment in display order; @counts: ID ->
 * GUINT_TO_POINTER (services); @total: all services. */
void
emitra_department_sidebar_set_departments (EmitraDepartmentSidebar *self,
                                           GPtrArray               *departments,
                                           GHashTable              *counts,
                                           guint                    total,
                                           gboolean                 hindi)
{
  GtkWidget *child;

  g_return_if_fail (EMITRA_IS_DEPARTMENT_SIDEBAR (self));

  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  gtk_list_box_append (self->list, row_new (_("All Services"), total, NULL));
  for (guint i = 0; i < departments->len; i++)
    {
      EmitraDepartment *department = departments->pdata[i];
      const char *id = emitra_department_get_id (department);

      gtk_list_box_append (self->list, row_new (emitra_department_get_name (department, hindi),
                                                GPOINTER_TO_UINT (g_hash_table_lookup (counts, id)), id));
    }
  self->updating = FALSE;
}

/* Selects a department's row (NULL: "All Services") without emitting
 * ::department-selected. */
void
emitra_department_sidebar_select (EmitraDepartmentSidebar *self,
                                  const char              *department_id)
{
  g_return_if_fail (EMITRA_IS_DEPARTMENT_SIDEBAR (self));

  self->updating = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "department-id"), department_id) == 0)
      gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
  self->updating = FALSE;
}

void
emitra_department_sidebar_focus (EmitraDepartmentSidebar *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (EMITRA_IS_DEPARTMENT_SIDEBAR (self));

  row = gtk_list_box_get_selected_row (self->list);
  gtk_widget_grab_focus (row != NULL ? GTK_WIDGET (row) : GTK_WIDGET (self->list));
}

static void
on_list_row_selected_cb (GtkListBox              *list,
                         GtkListBoxRow           *row,
                         EmitraDepartmentSidebar *self)
{
  if (row == NULL || self->updating)
    return;

  g_signal_emit (self, signals[DEPARTMENT_SELECTED], 0, g_object_get_data (G_OBJECT (row), "department-id"));
}

static void
emitra_department_sidebar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), EMITRA_TYPE_DEPARTMENT_SIDEBAR);

  G_OBJECT_CLASS (emitra_department_sidebar_parent_class)->dispose (object);
}

static void
emitra_department_sidebar_class_init (EmitraDepartmentSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = emitra_department_sidebar_dispose;

  /* The operator chose a department (its ID), or all of them (NULL). */
  signals[DEPARTMENT_SELECTED] =
    g_signal_new ("department-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/in/emitra/Desk/emitra-department-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, EmitraDepartmentSidebar, list);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_selected_cb);
}

static void
emitra_department_sidebar_init (EmitraDepartmentSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
