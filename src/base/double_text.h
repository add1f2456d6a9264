/*
** double_text.h -- a double as printf("%.15g") prints it, without printf.
**
** glibc formats a double through multi-precision arithmetic (about 3,000
** instructions a number); a deduction copies every number fact it read as
** text. numtext_g15 gives the same bytes in a few dozen instructions for
** the common case (15 significant digits, plain notation) and falls back to
** snprintf for the rest (exponent form, zero, exact ties, non-finite).
**
** Ownership: writes into the caller's buffer and returns it.
*/
#ifndef PARINDEX_DOUBLE_TEXT_H
#define PARINDEX_DOUBLE_TEXT_H

#define NUMTEXT_G15_MAX 32      /* buffer size for numtext_g15 */

/* x as "%.15g" into buf (NUMTEXT_G15_MAX bytes); returns buf. */
char *numtext_g15(char *buf, double x);

#endif
