/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared helpers for the benchmarks: a monotonic clock in microseconds,
 * medians and percentiles, and the one line format every figure is
 * printed in, `BENCH <name> <value> <unit> target <limit>`.
 */
#pragma once

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

static inline int
bench_compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* @samples is sorted in place. */
static inline double
bench_percentile (double *samples, guint n, double percentile)
{
  guint index;

  g_assert (n > 0);
  qsort (samples, n, sizeof (double), bench_compare_doubles);
  index = (guint) (percentile / 100.0 * (n - 1) + 0.5);
  return samples[MIN (index, n - 1)];
}

static inline double
bench_now_us (void)
{
  return (double) g_get_monotonic_time ();
}

/* Returns TRUE when the figure meets its target, so a benchmark can exit
 * non-zero on a miss. */
static inline gboolean
bench_report (const char *name, double value, const char *unit, double target)
{
  printf ("BENCH %s %.3f %s target %g\n", name, value, unit, target);
  fflush (stdout);
  return value <= target;
}
