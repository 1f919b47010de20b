/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "emitra-database.h"

G_BEGIN_DECLS

EmitraDatabase *emitra_desk_database_open (const char  *path,
                                           GError     **error);
char           *emitra_desk_database_default_path (void);

G_END_DECLS
