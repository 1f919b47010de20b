/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-operator-session.h"

G_BEGIN_DECLS

/* Filled in by emitra-gateway-replies.c, the one place that reads replies. */
struct _EmitraOperatorSession
{
  GObject             parent_instance;

  char               *token;
  GDateTime          *expires_at;
  char               *operator_id;
  char               *sso_id;
  char               *name_en;
  char               *name_hi;
  EmitraOperatorRole  role;
  char               *kiosk_code;
  char               *kiosk_name_en;
  char               *kiosk_name_hi;
  char               *district;
  char               *district_en;
  char               *district_hi;
  char               *tehsil_en;
  char               *tehsil_hi;
};

G_END_DECLS
