/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bench.h"
#include "emitra-money.h"

#define ROUNDS 200000

int
main (void)
{
  double start, per_call;
  gsize sink = 0;

  start = bench_now_us ();
  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autofree char *text = emitra_money_format ((gint64) i * 12345, EMITRA_DIGITS_LATIN);
      sink += text[1];
    }
  per_call = (bench_now_us () - start) / ROUNDS;
  g_assert (sink > 0);

  return bench_report ("money.format", per_call, "us", 1) ? 0 : 1;
}
