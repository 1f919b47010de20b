/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emitra-fee.h"
#include "emitra-money.h"

#define RS(n) ((gint64) ((n) * 100 + 0.5))

/* Bill collection: Rs 10 up to Rs 2,000 due, then Rs 2 for each further
 * Rs 1,000 or part of it. The boundaries are where a wrong comparison or
 * a rounding slip would overcharge a citizen by Rs 2. */
static const struct {
  gint64 due;
  gint64 charge;
} bill_slabs[] = {
  { 1, RS (10) },
  { RS (1), RS (10) },
  { RS (1999.99), RS (10) },
  { RS (2000.00), RS (10) },
  { RS (2000.01), RS (12) },
  { RS (2999.99), RS (12) },
  { RS (3000.00), RS (12) },
  { RS (3000.01), RS (14) },
  { RS (4000.00), RS (14) },
  { RS (4000.01), RS (16) },
  { RS (5000.00), RS (16) },
  { RS (10000.00), RS (26) },
  { RS (10000.01), RS (28) },
  { RS (100000.00), RS (206) },
  { RS (100000.01), RS (208) },
};

static void
test_fee_bill_slabs (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bill_slabs); i++)
    {
      EmitraFee fee;
      g_autoptr(GError) error = NULL;

      g_test_message ("due %" G_GINT64_FORMAT " paise", bill_slabs[i].due);
      g_assert_cmpint (emitra_fee_bill_collection_charge (bill_slabs[i].due), ==, bill_slabs[i].charge);

      /* Itemised as the receipt shows it: the amount due is the
       * department's part. */
      g_assert_true (emitra_fee_compute (EMITRA_CHARGE_RULE_BILL_COLLECTION, 0, bill_slabs[i].due, 0, &fee, &error));
      g_assert_no_error (error);
      g_assert_cmpint (fee.department_fee, ==, bill_slabs[i].due);
      g_assert_cmpint (fee.service_charge, ==, bill_slabs[i].charge);
      g_assert_cmpint (fee.total, ==, bill_slabs[i].due + bill_slabs[i].charge);
    }
}

static void
test_fee_rules (void)
{
  static const struct {
    const char *rule;
    gint64      department_fee;
    gint64      due;
    guint       pages;
    gint64      charge;
  } cases[] = {
    { "g2c", 0, 0, 0, RS (50) },
    { "g2c", RS (100), 0, 0, RS (50) },
    { "g2b", RS (500), 0, 0, RS (100) },
    { "utility_free", 0, RS (1234.56), 0, 0 },           /* electricity bill: free to the citizen */
    { "utility_free", 0, 0, 0, 0 },                      /* Jan Aadhaar enrolment */
    { "printout_a4", 0, 0, 1, RS (10) },
    { "printout_a4", 0, 0, 7, RS (70) },
    { "signed_certificate", RS (40), 0, 1, RS (20) },
    { "signed_certificate", 0, 0, 3, RS (60) },
    { "pvc_card", 0, 0, 0, RS (30) },
    { "bill_collection", 0, RS (2500), 0, RS (12) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EmitraChargeRule rule;
      EmitraFee fee;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].rule);
      g_assert_true (emitra_charge_rule_from_string (cases[i].rule, &rule, &error));
      g_assert_cmpstr (emitra_charge_rule_to_string (rule), ==, cases[i].rule);
      g_assert_true (emitra_fee_compute (rule, cases[i].department_fee, cases[i].due, cases[i].pages, &fee, &error));
      g_assert_no_error (error);
      g_assert_cmpint (fee.service_charge, ==, cases[i].charge);
      g_assert_cmpint (fee.department_fee, ==, cases[i].due > 0 ? cases[i].due : cases[i].department_fee);
      g_assert_cmpint (fee.total, ==, fee.department_fee + fee.service_charge);
      g_assert_cmpint (fee.rule, ==, rule);
    }

  g_assert_true (emitra_charge_rule_is_per_page (EMITRA_CHARGE_RULE_PRINTOUT_A4));
  g_assert_false (emitra_charge_rule_is_per_page (EMITRA_CHARGE_RULE_G2C));
}

static void
test_fee_errors (void)
{
  EmitraFee fee = { 0, };
  EmitraChargeRule rule;
  g_autoptr(GError) error = NULL;

  g_assert_false (emitra_charge_rule_from_string ("g2c_discount", &rule, &error));
  g_assert_error (error, EMITRA_FEE_ERROR, EMITRA_FEE_ERROR_UNKNOWN_RULE);
  g_assert_nonnull (strstr (error->message, "g2c_discount"));
  g_clear_error (&error);

  g_assert_false (emitra_fee_compute (EMITRA_CHARGE_RULE_G2C, -1, 0, 0, &fee, &error));
  g_assert_error (error, EMITRA_FEE_ERROR, EMITRA_FEE_ERROR_INVALID);
  g_clear_error (&error);

  /* A bill payment needs its amount due fetched first. */
  g_assert_false (emitra_fee_compute (EMITRA_CHARGE_RULE_BILL_COLLECTION, 0, 0, 0, &fee, &error));
  g_assert_error (error, EMITRA_FEE_ERROR, EMITRA_FEE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (emitra_fee_compute (EMITRA_CHARGE_RULE_PRINTOUT_A4, 0, 0, 0, &fee, &error));
  g_assert_error (error, EMITRA_FEE_ERROR, EMITRA_FEE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (emitra_fee_compute (EMITRA_CHARGE_RULE_BILL_COLLECTION, 0, G_MAXINT64, 0, &fee, &error));
  g_assert_error (error, EMITRA_FEE_ERROR, EMITRA_FEE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_assert_false (emitra_fee_compute (EMITRA_CHARGE_RULE_G2C, EMITRA_MONEY_MAX_PAISE, 0, 0, &fee, &error));
  g_assert_error (error, EMITRA_FEE_ERROR, EMITRA_FEE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* Nothing half-computed leaks out of a failure. */
  g_assert_cmpint (fee.total, ==, 0);
}

static void
test_fee_change (void)
{
  EmitraFee fee;
  gint64 change = -1;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmitraFee) copy = NULL;

  /* Income certificate: Rs 0 fee + Rs 50 charge, Rs 100 handed over. */
  g_assert_true (emitra_fee_compute (EMITRA_CHARGE_RULE_G2C, 0, 0, 0, &fee, NULL));
  g_assert_true (emitra_fee_change (&fee, RS (100), &change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (change, ==, RS (50));

  g_assert_true (emitra_fee_change (&fee, RS (50), &change, &error));
  g_assert_cmpint (change, ==, 0);

  /* Short by Rs 0.01: refused, saying by how much. */
  g_assert_false (emitra_fee_change (&fee, RS (49.99), &change, &error));
  g_assert_error (error, EMITRA_FEE_ERROR, EMITRA_FEE_ERROR_CASH_SHORT);
  g_assert_nonnull (strstr (error->message, "₹50.00"));
  g_assert_nonnull (strstr (error->message, "₹0.01"));
  g_clear_error (&error);

  g_assert_false (emitra_fee_change (&fee, -100, &change, &error));
  g_assert_error (error, EMITRA_FEE_ERROR, EMITRA_FEE_ERROR_INVALID);

  copy = emitra_fee_copy (&fee);
  g_assert_cmpint (copy->total, ==, RS (50));
  g_assert_true (G_TYPE_IS_BOXED (EMITRA_TYPE_FEE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/fee/bill-slabs", test_fee_bill_slabs);
  g_test_add_func ("/fee/rules", test_fee_rules);
  g_test_add_func ("/fee/errors", test_fee_errors);
  g_test_add_func ("/fee/change", test_fee_change);

  return g_test_run ();
}
