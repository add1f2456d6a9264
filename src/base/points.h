/*
** points.h -- exact points: every score is an integer count of hundredths.
**
** Policy (documented in README.md and rules/README.md):
**  - a point amount coming from Lua (a double) is rounded half up to the
**    hundredth once, at the boundary, by pts_from_double();
**  - from then on all arithmetic is integer: sums never drift;
**  - a percentage is points/max in hundredths of a percent, rounded half up.
**
** Ownership: plain values; text goes into buffers the caller owns
** (PTS_FMT_MAX bytes).
*/
#ifndef PARINDEX_POINTS_H
#define PARINDEX_POINTS_H

#include <stdint.h>
#include <stddef.h>

typedef int64_t pts_t;          /* hundredths of a point: 6584 is 65,84 */

#define PTS_FMT_MAX 32          /* buffer size for pts_format */

/* Round a double to hundredths, half up (away from zero for negatives).
** A value within 1e-6 hundredths below a tie counts as the tie, so that
** 1.735 (stored as 1.73499999...) rounds to 1.74. Non-finite → 0 and *ok=0. */
pts_t pts_from_double(double x, int *ok);

/* Percent of max, in hundredths of a percent, rounded half up.
** pts_percent(707, 1350) is 5237 (52,37%). max <= 0 gives 0. */
pts_t pts_percent(pts_t points, pts_t max);

/* Rescale a sum when criteria are not applicable: sum*max/summax, half up. */
pts_t pts_rescale(pts_t sum, pts_t max, pts_t summax);

/* Format v into buf (PTS_FMT_MAX bytes).
** decimal: ',' or '.'; fixed: 1 always prints two decimals ("5,00"),
** 0 trims trailing zeros ("5", "13.5", "65.84") as JSON numbers do. */
char *pts_format(char *buf, pts_t v, char decimal, int fixed);

#endif
