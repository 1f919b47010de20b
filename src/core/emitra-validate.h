/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "emitra-aadhaar-mask.h"

G_BEGIN_DECLS

#define EMITRA_VALIDATE_ERROR (emitra_validate_error_quark ())

typedef enum {
  EMITRA_VALIDATE_ERROR_EMPTY,          /* nothing was typed */
  EMITRA_VALIDATE_ERROR_CHARACTERS,     /* a character the field does not take */
  EMITRA_VALIDATE_ERROR_LENGTH,         /* too few or too many digits or characters */
  EMITRA_VALIDATE_ERROR_FORMAT,         /* the right characters in the wrong shape */
  EMITRA_VALIDATE_ERROR_CHECKSUM,       /* the Verhoeff check digit does not match */
  EMITRA_VALIDATE_ERROR_RANGE,          /* a number, amount or date outside its bounds */
  EMITRA_VALIDATE_ERROR_FUTURE,         /* a date after today */
  EMITRA_VALIDATE_ERROR_AGE,            /* a date of birth outside the service's age rule */
  EMITRA_VALIDATE_ERROR_NOT_AN_OPTION,  /* a choice or district that is not in the list */
  EMITRA_VALIDATE_ERROR_MASKED,         /* a masked Aadhaar where the full number is needed */
  EMITRA_VALIDATE_ERROR_UNUSUAL,        /* a warning only: accepted, but worth a second look */
} EmitraValidateError;

/* A field's verdict. WARNING accepts the value (the next step is not
 * blocked) and still has a message to show, such as a PIN code outside
 * Rajasthan for a citizen who lives elsewhere. */
typedef enum {
  EMITRA_VALIDITY_VALID,
  EMITRA_VALIDITY_WARNING,
  EMITRA_VALIDITY_INVALID,
} EmitraValidity;

/* Lengths of the identifiers, in digits. */
#define EMITRA_AADHAAR_LENGTH             12
#define EMITRA_AADHAAR_VID_LENGTH         16
#define EMITRA_JAN_AADHAAR_FAMILY_LENGTH  10
#define EMITRA_JAN_AADHAAR_MEMBER_LENGTH  11
#define EMITRA_CONSUMER_NUMBER_MIN_LENGTH  6
#define EMITRA_CONSUMER_NUMBER_MAX_LENGTH 16

GQuark         emitra_validate_error_quark        (void);

/* Every validator takes the field's label, in the language of the
 * interface, and names it in its message ("Aadhaar number: the check digit
 * is wrong; ..."). On success it returns the value in its normalised form
 * through @out_normalised (may be NULL): Latin digits, no spaces or
 * prefixes, letters in upper case where the identifier has them. */
gboolean       emitra_validate_aadhaar            (const char   *label,
                                                   const char   *text,
                                                   char        **out_normalised,
                                                   GError      **error);
gboolean       emitra_validate_aadhaar_vid        (const char   *label,
                                                   const char   *text,
                                                   char        **out_normalised,
                                                   GError      **error);
gboolean       emitra_validate_jan_aadhaar_family (const char   *label,
                                                   const char   *text,
                                                   char        **out_normalised,
                                                   GError      **error);
gboolean       emitra_validate_jan_aadhaar_member (const char   *label,
                                                   const char   *text,
                                                   char        **out_normalised,
                                                   GError      **error);
gboolean       emitra_validate_mobile             (const char   *label,
                                                   const char   *text,
                                                   char        **out_normalised,
                                                   GError      **error);
EmitraValidity emitra_validate_pin                (const char   *label,
                                                   const char   *text,
                                                   char        **out_normalised,
                                                   GError      **error);
gboolean       emitra_validate_ifsc               (const char   *label,
                                                   const char   *text,
                                                   char        **out_normalised,
                                                   GError      **error);
gboolean       emitra_validate_pan                (const char   *label,
                                                   const char   *text,
                                                   char        **out_normalised,
                                                   GError      **error);
gboolean       emitra_validate_consumer_number    (const char   *label,
                                                   const char   *text,
                                                   guint         min_digits,
                                                   guint         max_digits,
                                                   char        **out_normalised,
                                                   GError      **error);

gboolean       emitra_validate_name               (const char   *label,
                                                   const char   *text,
                                                   guint         max_chars,
                                                   char        **out_normalised,
                                                   GError      **error);
gboolean       emitra_validate_text               (const char   *label,
                                                   const char   *text,
                                                   guint         max_chars,
                                                   char        **out_normalised,
                                                   GError      **error);
gboolean       emitra_validate_date               (const char   *label,
                                                   const char   *text,
                                                   const GDate  *today,
                                                   int           min_age,
                                                   int           max_age,
                                                   GDate        *out_date,
                                                   char        **out_normalised,
                                                   GError      **error);
int            emitra_validate_age_on             (const GDate  *birth,
                                                   const GDate  *today);
gboolean       emitra_validate_number             (const char   *label,
                                                   const char   *text,
                                                   gint64        min,
                                                   gint64        max,
                                                   gint64       *out_value,
                                                   char        **out_normalised,
                                                   GError      **error);
gboolean       emitra_validate_money              (const char   *label,
                                                   const char   *text,
                                                   gint64        min_paise,
                                                   gint64        max_paise,
                                                   gint64       *out_paise,
                                                   char        **out_normalised,
                                                   GError      **error);

G_END_DECLS
