/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list of services the catalog page shows: search results, or, when
 * browsing, favourites, recently used and all services under headings. It
 * is a plain array swapped whole on every keystroke with one items-changed
 * for the part that differs, which a GtkListView turns into re-binding
 * only the rows on screen that changed, so 10,000 results cost no more
 * than 10.
 */
#include "config.h"

#include "emitra-service-list.h"

#include <string.h>

struct _EmitraServiceList
{
  GObject    parent_instance;

  GPtrArray *services;   /* EmitraService, owned */
  GArray    *sections;   /* Section, in order of start */
  GPtrArray *pending;    /* being built by add_section */
  GArray    *pending_sections;
};

typedef EmitraServiceSectionStart Section;

static void emitra_service_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EmitraServiceList, emitra_service_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, emitra_service_list_model_init))

EmitraServiceList *
emitra_service_list_new (void)
{
  return g_object_new (EMITRA_TYPE_SERVICE_LIST, NULL);
}

static gboolean
same_sections (GArray *a,
               GArray *b)
{
  /* An empty GArray's data may be NULL, which memcmp() must never get,
   * even for no bytes (UBSan, in the sanitizer run of the UI tests). */
  return a->len == b->len && (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (Section)) == 0);
}

/* Replaces the list, announcing only the part that changed: while a word
 * is typed the first results often stay, and their rows on screen then
 * need no new binding (nor any layout). */
static void
replace (EmitraServiceList *self,
         GPtrArray         *services,
         GArray            *sections)
{
  guint old_n = self->services->len, new_n = services->len;
  guint head = 0, tail = 0;

  if (same_sections (self->sections, sections))
    {
      while (head < old_n && head < new_n && self->services->pdata[head] == services->pdata[head])
        head++;
      while (tail < old_n - head && tail < new_n - head &&
             self->services->pdata[old_n - 1 - tail] == services->pdata[new_n - 1 - tail])
        tail++;
    }

  g_ptr_array_unref (self->services);
  self->services = services;
  g_array_unref (self->sections);
  self->sections = sections;

  if (head + tail < MAX (old_n, new_n))
    g_list_model_items_changed (G_LIST_MODEL (self), head, old_n - head - tail, new_n - head - tail);
}

/* Shows @services (EmitraService), with no headings; the list keeps a
 * reference to the array. */
void
emitra_service_list_set (EmitraServiceList *self,
                         GPtrArray         *services)
{
  g_return_if_fail (EMITRA_IS_SERVICE_LIST (self));
  g_return_if_fail (services != NULL);

  replace (self, g_ptr_array_ref (services), g_array_new (FALSE, FALSE, sizeof (Section)));
}

/* Shows @services under headings starting where @starts (of
 * EmitraServiceSectionStart, in order) says. Both arrays are kept, not
 * copied: a list shown again and again (all services, browsed) is built
 * once. */
void
emitra_service_list_set_sections (EmitraServiceList *self,
                                  GPtrArray         *services,
                                  GArray            *starts)
{
  g_return_if_fail (EMITRA_IS_SERVICE_LIST (self));
  g_return_if_fail (services != NULL && starts != NULL);

  replace (self, g_ptr_array_ref (services), g_array_ref (starts));
}

/* Builds a list under headings: add the sections in order, then commit.
 * An empty section gets no heading. */
void
emitra_service_list_add_section (EmitraServiceList    *self,
                                 EmitraServiceSection  section,
                                 GPtrArray            *services)
{
  Section start;

  g_return_if_fail (EMITRA_IS_SERVICE_LIST (self));

  if (self->pending == NULL)
    {
      self->pending = g_ptr_array_new_with_free_func (g_object_unref);
      self->pending_sections = g_array_new (FALSE, FALSE, sizeof (Section));
    }
  if (services == NULL || services->len == 0)
    return;

  start.start = self->pending->len;
  start.section = section;
  g_array_append_val (self->pending_sections, start);
  for (guint i = 0; i < services->len; i++)
    g_ptr_array_add (self->pending, g_object_ref (services->pdata[i]));
}

void
emitra_service_list_commit (EmitraServiceList *self)
{
  g_return_if_fail (EMITRA_IS_SERVICE_LIST (self));

  if (self->pending == NULL)
    emitra_service_list_add_section (self, EMITRA_SERVICE_SECTION_NONE, NULL);
  replace (self, g_steal_pointer (&self->pending), g_steal_pointer (&self->pending_sections));
}

/* The service at @position (borrowed), or NULL past the end. */
EmitraService *
emitra_service_list_get_service (EmitraServiceList *self,
                                 guint              position)
{
  g_return_val_if_fail (EMITRA_IS_SERVICE_LIST (self), NULL);

  return position < self->services->len ? self->services->pdata[position] : NULL;
}

/* The heading to show above @position, or NONE when it starts no section. */
EmitraServiceSection
emitra_service_list_get_section_start (EmitraServiceList *self,
                                       guint              position)
{
  g_return_val_if_fail (EMITRA_IS_SERVICE_LIST (self), EMITRA_SERVICE_SECTION_NONE);

  for (guint i = 0; i < self->sections->len; i++)
    {
      Section *section = &g_array_index (self->sections, Section, i);

      if (section->start == position)
        return section->section;
      if (section->start > position)
        break;
    }

  return EMITRA_SERVICE_SECTION_NONE;
}

static GType
emitra_service_list_get_item_type (GListModel *model)
{
  return EMITRA_TYPE_SERVICE;
}

static guint
emitra_service_list_get_n_items (GListModel *model)
{
  return EMITRA_SERVICE_LIST (model)->services->len;
}

static gpointer
emitra_service_list_get_item (GListModel *model,
                              guint       position)
{
  EmitraServiceList *self = EMITRA_SERVICE_LIST (model);

  if (position >= self->services->len)
    return NULL;
  return g_object_ref (self->services->pdata[position]);
}

static void
emitra_service_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = emitra_service_list_get_item_type;
  iface->get_n_items = emitra_service_list_get_n_items;
  iface->get_item = emitra_service_list_get_item;
}

static void
emitra_service_list_finalize (GObject *object)
{
  EmitraServiceList *self = EMITRA_SERVICE_LIST (object);

  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->pending_sections, g_array_unref);

  G_OBJECT_CLASS (emitra_service_list_parent_class)->finalize (object);
}

static void
emitra_service_list_class_init (EmitraServiceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = emitra_service_list_finalize;
}

static void
emitra_service_list_init (EmitraServiceList *self)
{
  self->services = g_ptr_array_new_with_free_func (g_object_unref);
  self->sections = g_array_new (FALSE, FALSE, sizeof (Section));
}
