/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-family.h"

G_BEGIN_DECLS

struct _EmitraFamily
{
  GObject     parent_instance;

  char       *family_id;
  char       *mobile_masked;
  char       *district;
  GListStore *members;
};

G_END_DECLS
