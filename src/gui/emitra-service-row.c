/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One service in the catalog's list: its name in the interface's language
 * with the other language beneath, the department, the fee and service
 * charge, and the guaranteed delivery time; above the first row of a
 * browsed section, the section's heading; a star for a favourite.
 *
 * Drawn, not built of labels, on purpose. GtkListView 4.8 keeps about 200
 * rows alive around what is on screen, and every keystroke gives most of
 * them another service. Rows of GtkLabels would each re-measure their text
 * (shaping Devanagari) on every keystroke: 200 rows, a tenth of a second.
 * This row has a height that does not depend on its text, so a new
 * service costs no layout at all, and it shapes its text only when it is
 * drawn, which only the rows on screen are.
 */
#include "config.h"

#include "emitra-service-row.h"

#include <glib/gi18n.h>

#include "emitra-service-text.h"

/* Columns from the right, in pixels, and the space between them. */
#define DELIVERY_WIDTH   80
#define MONEY_WIDTH     150
#define DEPARTMENT_WIDTH 220
#define GAP              18
#define PADDING_X        16
#define PADDING_Y         7
#define HEADING_TOP      14
#define HEADING_BOTTOM    6

typedef enum {
  TEXT_HEADING,
  TEXT_PRIMARY,
  TEXT_SECONDARY,
  TEXT_DEPARTMENT,
  TEXT_FEE,
  TEXT_CHARGE,
  TEXT_DELIVERY,
  TEXT_STAR,
  N_TEXTS
} Text;

struct _EmitraServiceRow
{
  GtkWidget             parent_instance;

  EmitraService        *service;
  EmitraCatalog        *catalog;
  EmitraServiceSection  section;
  EmitraDigits          digits;
  gboolean              hindi;
  gboolean              favourite;

  /* Made when drawn, dropped when the service changes. */
  PangoLayout          *layouts[N_TEXTS];
  gboolean              have_layouts;

  /* From the font: the height of a line of normal and of small text. */
  int                   line_height;
  int                   small_line_height;
};

G_DEFINE_FINAL_TYPE (EmitraServiceRow, emitra_service_row, GTK_TYPE_WIDGET)

GtkWidget *
emitra_service_row_new (void)
{
  return g_object_new (EMITRA_TYPE_SERVICE_ROW, NULL);
}

static const char *
section_title (EmitraServiceSection section)
{
  switch (section)
    {
    case EMITRA_SERVICE_SECTION_FAVOURITES:
      return _("Favourites");
    case EMITRA_SERVICE_SECTION_RECENT:
      return _("Recently Used");
    case EMITRA_SERVICE_SECTION_ALL:
      return _("All Services");
    case EMITRA_SERVICE_SECTION_NONE:
    default:
      return NULL;
    }
}

static void
drop_layouts (EmitraServiceRow *self)
{
  for (guint i = 0; i < N_TEXTS; i++)
    g_clear_object (&self->layouts[i]);
  self->have_layouts = FALSE;
}

static void
update_accessible (EmitraServiceRow *self)
{
  g_autofree char *fee = NULL;
  g_autofree char *charge = NULL;
  g_autofree char *label = NULL;

  if (self->service == NULL)
    return;

  fee = emitra_service_text_fee (self->service, self->digits);
  charge = emitra_service_text_charge (self->service, self->digits);
  /* Translators: what a screen reader says for a service in the list:
   * the name in both languages, then the fee and the service charge. */
  label = g_strdup_printf (_("%s (%s), %s, %s"), emitra_service_get_name (self->service, self->hindi),
                           emitra_service_get_name (self->service, !self->hindi), fee, charge);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Shows @service; cheap, so it can run for every row on every keystroke:
 * the text is only formatted and shaped when the row is drawn. */
void
emitra_service_row_set_service (EmitraServiceRow     *self,
                                EmitraService        *service,
                                EmitraCatalog        *catalog,
                                gboolean              hindi,
                                EmitraDigits          digits,
                                gboolean              favourite,
                                EmitraServiceSection  section)
{
  gboolean heading_changed;

  g_return_if_fail (EMITRA_IS_SERVICE_ROW (self));
  g_return_if_fail (service == NULL || EMITRA_IS_SERVICE (service));

  if (self->service == service && self->catalog == catalog && self->hindi == hindi &&
      self->digits == digits && self->favourite == favourite && self->section == section)
    return;

  heading_changed = (section_title (section) != NULL) != (section_title (self->section) != NULL);
  g_set_object (&self->service, service);
  self->catalog = catalog;
  self->hindi = hindi;
  self->digits = digits;
  self->favourite = favourite;
  self->section = section;
  drop_layouts (self);

  if (heading_changed)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_accessible (self);
}

EmitraService *
emitra_service_row_get_service (EmitraServiceRow *self)
{
  g_return_val_if_fail (EMITRA_IS_SERVICE_ROW (self), NULL);

  return self->service;
}

typedef struct
{
  int line;
  int small_line;
} LineHeights;

/* Font metrics are looked up once per font, not once for each of the
 * hundreds of rows a list keeps. */
static void
measure_lines (EmitraServiceRow *self)
{
  static GHashTable *cache;
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  g_autofree char *key = pango_font_description_to_string (font);
  LineHeights *heights;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  heights = g_hash_table_lookup (cache, key);
  if (heights == NULL)
    {
      g_autoptr(PangoFontDescription) small = pango_font_description_copy (font);
      PangoFontMetrics *metrics;

      heights = g_new0 (LineHeights, 1);
      pango_font_description_set_size (small, pango_font_description_get_size (font) * 5 / 6);

      metrics = pango_context_get_metrics (context, font, NULL);
      heights->line = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
      pango_font_metrics_unref (metrics);
      metrics = pango_context_get_metrics (context, small, NULL);
      heights->small_line = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
      pango_font_metrics_unref (metrics);

      /* Devanagari stands taller than Latin in the same font size. */
      heights->line = MAX (heights->line, 1) * 11 / 10;
      heights->small_line = MAX (heights->small_line, 1) * 11 / 10;
      g_hash_table_insert (cache, g_steal_pointer (&key), heights);
    }

  self->line_height = heights->line;
  self->small_line_height = heights->small_line;
}

static int
heading_height (EmitraServiceRow *self)
{
  return section_title (self->section) != NULL ? HEADING_TOP + self->small_line_height + HEADING_BOTTOM : 0;
}

static void
emitra_service_row_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  EmitraServiceRow *self = EMITRA_SERVICE_ROW (widget);

  if (self->line_height == 0)
    measure_lines (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 2 * PADDING_X + 200;
      *natural = 2 * PADDING_X + 400 + DEPARTMENT_WIDTH + MONEY_WIDTH + DELIVERY_WIDTH + 3 * GAP;
    }
  else
    *minimum = *natural = heading_height (self) + 2 * PADDING_Y + self->line_height + self->small_line_height;
}

static void
emitra_service_row_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  EmitraServiceRow *self = EMITRA_SERVICE_ROW (widget);

  GTK_WIDGET_CLASS (emitra_service_row_parent_class)->css_changed (widget, change);

  /* A new font or scale: new line heights and new layouts. */
  self->line_height = 0;
  drop_layouts (self);
  gtk_widget_queue_resize (widget);
}

static PangoLayout *
make_layout (EmitraServiceRow *self,
             const char       *text,
             gboolean          small,
             gboolean          bold,
             int               width,
             PangoAlignment    alignment)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text != NULL ? text : "");
  PangoAttrList *attrs = pango_attr_list_new ();

  if (small)
    pango_attr_list_insert (attrs, pango_attr_scale_new (5.0 / 6.0));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

static void
make_layouts (EmitraServiceRow *self,
              int               name_width)
{
  EmitraDepartment *department = self->catalog != NULL
    ? emitra_catalog_lookup_department (self->catalog, emitra_service_get_department_id (self->service))
    : NULL;
  g_autofree char *fee = emitra_service_text_fee (self->service, self->digits);
  g_autofree char *charge = emitra_service_text_charge (self->service, self->digits);
  g_autofree char *delivery = emitra_service_text_delivery (self->service, self->digits);
  const char *heading = section_title (self->section);
  g_autofree char *heading_upper = heading != NULL ? g_utf8_strup (heading, -1) : NULL;

  self->layouts[TEXT_HEADING] = make_layout (self, heading_upper, TRUE, TRUE, name_width * 2, PANGO_ALIGN_LEFT);
  self->layouts[TEXT_PRIMARY] = make_layout (self, emitra_service_get_name (self->service, self->hindi),
                                             FALSE, FALSE, name_width, PANGO_ALIGN_LEFT);
  self->layouts[TEXT_SECONDARY] = make_layout (self, emitra_service_get_name (self->service, !self->hindi),
                                               TRUE, FALSE, name_width, PANGO_ALIGN_LEFT);
  self->layouts[TEXT_DEPARTMENT] = make_layout (self, department != NULL ? emitra_department_get_name (department, self->hindi) : "",
                                                TRUE, FALSE, DEPARTMENT_WIDTH, PANGO_ALIGN_LEFT);
  self->layouts[TEXT_FEE] = make_layout (self, fee, FALSE, FALSE, MONEY_WIDTH, PANGO_ALIGN_RIGHT);
  self->layouts[TEXT_CHARGE] = make_layout (self, charge, TRUE, FALSE, MONEY_WIDTH, PANGO_ALIGN_RIGHT);
  self->layouts[TEXT_DELIVERY] = make_layout (self, delivery, FALSE, FALSE, DELIVERY_WIDTH, PANGO_ALIGN_RIGHT);
  self->layouts[TEXT_STAR] = make_layout (self, self->favourite ? "★" : "", FALSE, FALSE, 20, PANGO_ALIGN_LEFT);
  self->have_layouts = TRUE;
}

static void
draw_layout (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             int            x,
             int            y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
emitra_service_row_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  EmitraServiceRow *self = EMITRA_SERVICE_ROW (widget);
  int width = gtk_widget_get_width (widget);
  int top = heading_height (self);
  int right = width - PADDING_X;
  int delivery_x = right - DELIVERY_WIDTH;
  int money_x = delivery_x - GAP - MONEY_WIDTH;
  int department_x = money_x - GAP - DEPARTMENT_WIDTH;
  int name_x = PADDING_X + (self->favourite ? 22 : 0);
  int name_width;
  GdkRGBA color, dim, accent;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (self->service == NULL)
    return;

  /* Narrow windows drop the department column. */
  if (department_x - name_x < 240)
    department_x = money_x + GAP;
  name_width = MAX (department_x - GAP - name_x, 40);

  if (!self->have_layouts)
    make_layouts (self, name_width);
  else
    {
      pango_layout_set_width (self->layouts[TEXT_PRIMARY], name_width * PANGO_SCALE);
      pango_layout_set_width (self->layouts[TEXT_SECONDARY], name_width * PANGO_SCALE);
    }

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (style, &color);
  if (!gtk_style_context_lookup_color (style, "accent_color", &accent))
    accent = color;
  G_GNUC_END_IGNORE_DEPRECATIONS
  dim = color;
  dim.alpha *= 0.55f;

  if (top > 0)
    draw_layout (snapshot, self->layouts[TEXT_HEADING], PADDING_X, HEADING_TOP, &dim);

  if (self->favourite)
    draw_layout (snapshot, self->layouts[TEXT_STAR], PADDING_X, top + PADDING_Y, &accent);
  draw_layout (snapshot, self->layouts[TEXT_PRIMARY], name_x, top + PADDING_Y, &color);
  draw_layout (snapshot, self->layouts[TEXT_SECONDARY], name_x, top + PADDING_Y + self->line_height, &dim);
  if (department_x < money_x)
    draw_layout (snapshot, self->layouts[TEXT_DEPARTMENT], department_x,
                 top + PADDING_Y + (self->line_height + self->small_line_height) / 2 - self->small_line_height / 2,
                 &dim);
  draw_layout (snapshot, self->layouts[TEXT_FEE], money_x, top + PADDING_Y, &color);
  draw_layout (snapshot, self->layouts[TEXT_CHARGE], money_x, top + PADDING_Y + self->line_height, &dim);
  draw_layout (snapshot, self->layouts[TEXT_DELIVERY], delivery_x,
               top + PADDING_Y + (self->line_height + self->small_line_height - self->line_height) / 2, &color);

  /* A hairline between rows, below the text. */
  {
    GdkRGBA line = color;

    line.alpha *= 0.07f;
    gtk_snapshot_append_color (snapshot, &line,
                               &GRAPHENE_RECT_INIT (0, gtk_widget_get_height (widget) - 1, width, 1));
  }
}

static void
emitra_service_row_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (emitra_service_row_parent_class)->map (widget);
  update_accessible (EMITRA_SERVICE_ROW (widget));
}

static void
emitra_service_row_dispose (GObject *object)
{
  EmitraServiceRow *self = EMITRA_SERVICE_ROW (object);

  drop_layouts (self);
  g_clear_object (&self->service);

  G_OBJECT_CLASS (emitra_service_row_parent_class)->dispose (object);
}

static void
emitra_service_row_class_init (EmitraServiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = emitra_service_row_dispose;
  widget_class->measure = emitra_service_row_measure;
  widget_class->snapshot = emitra_service_row_snapshot;
  widget_class->css_changed = emitra_service_row_css_changed;
  widget_class->map = emitra_service_row_map;

  gtk_widget_class_set_css_name (widget_class, "servicerow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
emitra_service_row_init (EmitraServiceRow *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "service-row");
  self->section = EMITRA_SERVICE_SECTION_NONE;
}
