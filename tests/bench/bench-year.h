/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A busy centre's year of receipts, written straight into a desk database
 * for the benchmarks (bench-receipts.c, bench-load.c): ~2,740 receipts a
 * day between 09:00 and 19:00 over 365 days, 24 services, 4 operators,
 * repeat customers' mobile numbers, and the usual mix of statuses (95 %
 * confirmed, 2 % provisional, 1.5 % cancelled, 1.5 % rejected). The bulk
 * generator writes placeholder chain values ("bench-<n>") instead of real
 * hashes: the chain is not what is measured (test-receipt-store checks
 * it), and real hashes would add seconds to every run for nothing.
 *
 * It can also add a queue: receipts issued provisionally at the end of
 * the last day, each with its outbox entry as the submitter writes it
 * (the masked request and what the receipt shows), due now, for a real
 * service of the catalog, so a drain against a sandbox settles them.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>
#include <stdio.h>

#include "bench.h"
#include "emitra-desk-schema.h"

#define BENCH_YEAR_MAX_DAYS 366

typedef struct { const char *id, *en, *hi; gint64 fee, charge; } BenchService;

static const BenchService bench_services[] = {
  { "caste-certificate", "Caste certificate", "जाति प्रमाण पत्र", 4000, 5000 },
  { "domicile-certificate", "Domicile certificate", "मूल निवास प्रमाण पत्र", 0, 5000 },
  { "income-certificate", "Income certificate", "आय प्रमाण पत्र", 2500, 5000 },
  { "electricity-bill", "Electricity bill", "बिजली बिल", 123456, 1200 },
  { "water-bill", "Water bill", "पानी का बिल", 45600, 1000 },
  { "birth-certificate", "Birth certificate", "जन्म प्रमाण पत्र", 1000, 5000 },
  { "death-certificate", "Death certificate", "मृत्यु प्रमाण पत्र", 1000, 5000 },
  { "marriage-registration", "Marriage registration", "विवाह पंजीकरण", 10000, 5000 },
  { "jan-aadhaar-enrolment", "Jan Aadhaar enrolment", "जन आधार नामांकन", 0, 0 },
  { "pension-application", "Social security pension", "सामाजिक सुरक्षा पेंशन", 0, 5000 },
  { "jamabandi-copy", "Copy of jamabandi", "जमाबंदी की नकल", 5000, 1000 },
  { "police-verification", "Police verification", "पुलिस सत्यापन", 20000, 5000 },
  { "university-admission", "University admission", "विश्वविद्यालय प्रवेश", 50000, 5000 },
  { "bser-marksheet", "BSER mark-sheet copy", "बोर्ड अंकतालिका प्रति", 15000, 5000 },
  { "disability-certificate", "Disability certificate", "विकलांगता प्रमाण पत्र", 0, 5000 },
  { "namantaran", "Transfer of title", "नामांतरण", 50000, 10000 },
  { "patta", "Lease deed (patta)", "पट्टा", 100000, 10000 },
  { "noc-municipal", "Municipal NOC", "नगर निकाय अनापत्ति", 25000, 10000 },
  { "community-centre", "Community centre booking", "सामुदायिक भवन बुकिंग", 200000, 5000 },
  { "subsidy-agriculture", "Agriculture subsidy", "कृषि अनुदान", 0, 5000 },
  { "phed-bill", "PHED water bill", "जलदाय विभाग बिल", 34500, 1000 },
  { "mobile-recharge", "Mobile recharge", "मोबाइल रिचार्ज", 19900, 0 },
  { "a4-printout", "A4 printout", "ए4 प्रिंट", 0, 1000 },
  { "pvc-card", "PVC card", "पीवीसी कार्ड", 0, 3000 },
};

static const char *const bench_operators[][2] = {
  { "op-meena", "Meena Sharma" }, { "op-arjun", "Arjun Singh" },
  { "op-farida", "Farida Khan" }, { "op-ravi", "Ravi Meghwal" },
};

static const char *const bench_first_names[] = {
  "सुनीता", "राम", "गीता", "मोहन", "कमला", "सुरेश", "पूजा", "आशा", "Ram", "Sunita", "Mohan",
  "Geeta", "Kamla", "Suresh", "Pooja", "Asha", "लक्ष्मी", "महेश", "Laxmi", "Mahesh",
};

static const char *const bench_last_names[] = {
  "देवी", "शर्मा", "मीणा", "सिंह", "कुमार", "जाट", "Devi", "Sharma", "Meena", "Singh", "Kumar",
  "Jat", "गुप्ता", "Gupta",
};

/* What to generate. */
typedef struct
{
  guint        n_receipts;
  guint        n_days;
  GDateTime   *first_day;          /* local midnight of the first day */
  /* The year's provisional receipts get an outbox entry ('{}', never
   * drained); FALSE: they were all settled long ago, as confirmed. */
  gboolean     provisional;
  /* The queue at the end of the last day, for a real catalog service. */
  guint        n_queued;
  const char  *queued_service_id;
  const char  *queued_service_en;
  const char  *queued_service_hi;
  gint64       queued_fee;
  gint64       queued_charge;
} BenchYear;

/* Filled by bench_year_generate: the days ("YYYY-MM-DD") and receipt
 * numbers of each day (first, count), and the queued request IDs' prefix. */
static char bench_day_names[BENCH_YEAR_MAX_DAYS][11];
static gint64 bench_day_midnights[BENCH_YEAR_MAX_DAYS];
static gint64 bench_day_first[BENCH_YEAR_MAX_DAYS];
static gint64 bench_day_count[BENCH_YEAR_MAX_DAYS];

#define BENCH_QUEUED_PREFIX "bench-queued-"

static inline void
bench_check (int         rc,
             sqlite3    *db,
             const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("%s: %s", what, sqlite3_errmsg (db));
}

static inline char *
bench_mobile_for (guint customer)
{
  return g_strdup_printf ("9%09u", 414000000u + customer);
}

/* The outbox record of a queued submission, in the submitter's format. */
static inline char *
bench_queued_record (const BenchYear *spec,
                     const char      *request_id,
                     const char      *citizen,
                     const char      *mobile)
{
  return g_strdup_printf (
    "{\"request\":{\"request_id\":\"%s\",\"service_id\":\"%s\",\"form\":{\"full_name_en\":\"%s\","
    "\"aadhaar\":\"XXXX XXXX 2346\",\"mobile\":\"%s\",\"purpose\":\"Scholarship\"}},"
    "\"receipt\":{\"service-id\":\"%s\",\"service-name-en\":\"%s\",\"service-name-hi\":\"%s\","
    "\"citizen-name\":\"%s\",\"aadhaar-masked\":\"XXXX XXXX 2346\",\"mobile\":\"%s\","
    "\"operator-id\":\"OP-1001\",\"operator-name\":\"Anil Kumawat\",\"kiosk-code\":\"K11000142\","
    "\"department-fee\":%" G_GINT64_FORMAT ",\"service-charge\":%" G_GINT64_FORMAT ",\"total\":%" G_GINT64_FORMAT ","
    "\"cash-received\":%" G_GINT64_FORMAT "}}",
    request_id, spec->queued_service_id, citizen, mobile, spec->queued_service_id, spec->queued_service_en,
    spec->queued_service_hi, citizen, mobile, spec->queued_fee, spec->queued_charge,
    spec->queued_fee + spec->queued_charge, spec->queued_fee + spec->queued_charge);
}

static inline void
bench_year_generate (const char      *path,
                     const BenchYear *spec,
                     guint32          seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraDatabase) schema = emitra_desk_database_open (path, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GHashTable) uses = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3 *db = NULL;
  sqlite3_stmt *receipt, *event, *status, *outbox, *usage;
  double begin = bench_now_us ();
  guint n_days = spec->n_days;
  gint64 total = (gint64) spec->n_receipts + spec->n_queued;

  g_assert_no_error (error);
  g_assert (n_days > 0 && n_days <= BENCH_YEAR_MAX_DAYS);
  g_clear_object (&schema);

  for (guint d = 0; d < n_days; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (spec->first_day, (int) d);
      g_autofree char *name = g_date_time_format (day, "%Y-%m-%d");

      g_strlcpy (bench_day_names[d], name, sizeof bench_day_names[d]);
      bench_day_midnights[d] = g_date_time_to_unix (day);
      bench_day_first[d] = 0;
      bench_day_count[d] = 0;
    }

  bench_check (sqlite3_open (path, &db), db, "open");
  bench_check (sqlite3_exec (db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                                 " PRAGMA cache_size = -262144; BEGIN", NULL, NULL, NULL), db, "pragmas");
  bench_check (sqlite3_prepare_v2 (db,
                                   "INSERT INTO receipts (id, receipt_no, request_id, transaction_id, service_id,"
                                   " service_name_en, service_name_hi, citizen_name, aadhaar_masked, mobile,"
                                   " department_fee, service_charge, total, cash_received, operator_id,"
                                   " operator_name, kiosk_code, created_at, day, hour, prev_hash, hash, status)"
                                   " VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, 'XXXX XXXX 2346', ?8, ?9, ?10,"
                                   " ?11, ?11, ?12, ?13, 'K11000142', ?14, ?15, ?16, ?17, ?18, ?19)",
                                   -1, &receipt, NULL), db, "prepare receipt");
  bench_check (sqlite3_prepare_v2 (db,
                                   "INSERT INTO receipt_events (receipt_id, status, transaction_id, reason, at,"
                                   " prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                   -1, &event, NULL), db, "prepare event");
  bench_check (sqlite3_prepare_v2 (db,
                                   "INSERT INTO receipt_status (receipt_id, status, reason, updated_at)"
                                   " VALUES (?1, ?2, ?3, ?4)", -1, &status, NULL), db, "prepare status");
  bench_check (sqlite3_prepare_v2 (db,
                                   "INSERT INTO outbox (request_id, receipt_id, service_id, request_json, state,"
                                   " attempts, last_error, next_attempt_at, created_at, updated_at)"
                                   " VALUES (?1, ?2, ?3, ?5, 'pending', ?6, ?7, ?4, ?4, ?4)",
                                   -1, &outbox, NULL), db, "prepare outbox");

  for (gint64 i = 1; i <= total; i++)
    {
      gboolean queued = i > spec->n_receipts;
      guint d = queued ? n_days - 1 : (guint) ((i - 1) * n_days / spec->n_receipts);
      gint64 first = (gint64) d * spec->n_receipts / n_days + 1;
      gint64 per_day = (gint64) (d + 1) * spec->n_receipts / n_days + 1 - first;
      /* The queue: the last hour of the last day, after its receipts. */
      gint64 offset = queued ? 36000 + (i - spec->n_receipts) * 3600 / (spec->n_queued + 1)
                             : (i - first) * 36000 / per_day;
      gint64 at = bench_day_midnights[d] + 9 * 3600 + offset;
      const BenchService *s = &bench_services[g_rand_int_range (rand, 0, G_N_ELEMENTS (bench_services))];
      guint op = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (bench_operators));
      int roll = g_rand_int_range (rand, 0, 1000);
      const char *state = roll < 950 ? "confirmed" : roll < 970 ? (spec->provisional ? "provisional" : "confirmed")
                          : roll < 985 ? "cancelled" : "rejected";
      const char *reason = roll < 970 ? "" : roll < 985 ? "Citizen asked for a refund"
                           : "Applicant not found in Jan Aadhaar";
      g_autofree char *request_id = queued ? g_strdup_printf (BENCH_QUEUED_PREFIX "%06" G_GINT64_FORMAT "-0000000000",
                                                              i - spec->n_receipts)
                                           : g_strdup_printf ("bench-req-%08" G_GINT64_FORMAT, i);
      g_autofree char *transaction_id = g_strdup_printf ("3%011" G_GINT64_FORMAT, i);
      g_autofree char *name = g_strdup_printf ("%s %s",
                                               bench_first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (bench_first_names))],
                                               bench_last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (bench_last_names))]);
      g_autofree char *mobile = bench_mobile_for ((guint) g_rand_int_range (rand, 0, 300000));
      g_autofree char *prev = g_strdup_printf ("bench-%" G_GINT64_FORMAT, i - 1);
      g_autofree char *hash = g_strdup_printf ("bench-%" G_GINT64_FORMAT, i);
      g_autofree char *record = NULL;
      const char *issued;
      gboolean provisional;

      if (queued)
        {
          /* Names the submitter writes in Latin letters, as typed. */
          g_free (name);
          name = g_strdup_printf ("Citizen %" G_GINT64_FORMAT, i - spec->n_receipts);
          state = "provisional";
          reason = "";
          record = bench_queued_record (spec, request_id, name, mobile);
        }
      provisional = g_str_equal (state, "provisional");
      /* As the desk issues them: a rejection follows a provisional
       * receipt, a cancellation a confirmed one; only those two changes
       * are status events. */
      issued = g_str_equal (state, "rejected") ? "provisional"
               : g_str_equal (state, "cancelled") ? "confirmed" : state;
      if (bench_day_first[d] == 0)
        bench_day_first[d] = i;
      bench_day_count[d]++;

      sqlite3_bind_int64 (receipt, 1, i);
      sqlite3_bind_text (receipt, 2, request_id, -1, SQLITE_STATIC);
      if (provisional)
        sqlite3_bind_null (receipt, 3);
      else
        sqlite3_bind_text (receipt, 3, transaction_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (receipt, 4, queued ? spec->queued_service_id : s->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (receipt, 5, queued ? spec->queued_service_en : s->en, -1, SQLITE_STATIC);
      sqlite3_bind_text (receipt, 6, queued ? spec->queued_service_hi : s->hi, -1, SQLITE_STATIC);
      sqlite3_bind_text (receipt, 7, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (receipt, 8, mobile, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (receipt, 9, queued ? spec->queued_fee : s->fee);
      sqlite3_bind_int64 (receipt, 10, queued ? spec->queued_charge : s->charge);
      sqlite3_bind_int64 (receipt, 11, queued ? spec->queued_fee + spec->queued_charge : s->fee + s->charge);
      sqlite3_bind_text (receipt, 12, queued ? "OP-1001" : bench_operators[op][0], -1, SQLITE_STATIC);
      sqlite3_bind_text (receipt, 13, queued ? "Anil Kumawat" : bench_operators[op][1], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (receipt, 14, at);
      sqlite3_bind_text (receipt, 15, bench_day_names[d], -1, SQLITE_STATIC);
      sqlite3_bind_int (receipt, 16, (int) MIN (9 + offset / 3600, 23));
      sqlite3_bind_text (receipt, 17, prev, -1, SQLITE_STATIC);
      sqlite3_bind_text (receipt, 18, hash, -1, SQLITE_STATIC);
      sqlite3_bind_text (receipt, 19, issued, -1, SQLITE_STATIC);
      bench_check (sqlite3_step (receipt), db, "insert receipt");
      sqlite3_reset (receipt);

      if (!g_str_equal (issued, state))
        {
          sqlite3_bind_int64 (event, 1, i);
          sqlite3_bind_text (event, 2, state, -1, SQLITE_STATIC);
          sqlite3_bind_null (event, 3);
          sqlite3_bind_text (event, 4, reason, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (event, 5, at + 60);
          sqlite3_bind_text (event, 6, prev, -1, SQLITE_STATIC);
          sqlite3_bind_text (event, 7, hash, -1, SQLITE_STATIC);
          bench_check (sqlite3_step (event), db, "insert event");
          sqlite3_reset (event);

          sqlite3_bind_int64 (status, 1, i);
          sqlite3_bind_text (status, 2, state, -1, SQLITE_STATIC);
          sqlite3_bind_text (status, 3, reason, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (status, 4, at + 60);
          bench_check (sqlite3_step (status), db, "insert status");
          sqlite3_reset (status);
        }

      if (provisional)
        {
          sqlite3_bind_text (outbox, 1, request_id, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (outbox, 2, i);
          sqlite3_bind_text (outbox, 3, queued ? spec->queued_service_id : s->id, -1, SQLITE_STATIC);
          /* Queued: due now (a drain takes it at once), never tried. */
          sqlite3_bind_int64 (outbox, 4, queued ? g_get_real_time () / G_USEC_PER_SEC - 60 : at);
          sqlite3_bind_text (outbox, 5, queued ? record : "{}", -1, SQLITE_STATIC);
          sqlite3_bind_int (outbox, 6, queued ? 0 : 3);
          sqlite3_bind_text (outbox, 7, queued ? "" : "The gateway did not answer.", -1, SQLITE_STATIC);
          bench_check (sqlite3_step (outbox), db, "insert outbox");
          sqlite3_reset (outbox);
        }
      if (!queued)
        g_hash_table_insert (uses, (gpointer) s->id,
                             GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (uses, s->id)) + 1));
    }

  /* The centre's use of each service, as the catalog page's ranking reads it. */
  bench_check (sqlite3_prepare_v2 (db, "INSERT INTO service_usage (service_id, uses, last_used_at) VALUES (?1, ?2, ?3)",
                                   -1, &usage, NULL), db, "prepare usage");
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, uses);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        sqlite3_bind_text (usage, 1, key, -1, SQLITE_STATIC);
        sqlite3_bind_int64 (usage, 2, GPOINTER_TO_INT (value));
        sqlite3_bind_int64 (usage, 3, bench_day_midnights[n_days - 1] + 12 * 3600);
        bench_check (sqlite3_step (usage), db, "insert usage");
        sqlite3_reset (usage);
      }
  }

  sqlite3_finalize (receipt);
  sqlite3_finalize (event);
  sqlite3_finalize (status);
  sqlite3_finalize (outbox);
  sqlite3_finalize (usage);
  bench_check (sqlite3_exec (db, "COMMIT; PRAGMA journal_mode = WAL", NULL, NULL, NULL), db, "commit");
  sqlite3_close (db);

  printf ("# generated %u receipts over %u days (and %u queued) in %.1f s\n", spec->n_receipts, n_days,
          spec->n_queued, (bench_now_us () - begin) / 1e6);
}
