/*
** self_assess.h -- a unit's self-assessment (tự đánh giá, tự chấm điểm):
** its own points per criterion, with the evidence documents it cites and,
** where evidence is missing, its explanation (giải trình). Read from JSON
** files and stored in one transaction (store_levels.h), or not at all.
**
** The file (RFC 8259 JSON, checked as fact files are):
**   {"self_assessment": {"unit": "muong-te", "year": 2022,
**     "source": "Báo cáo tự đánh giá số …",          (optional)
**     "criteria": [{"criterion": "1.1", "points": 2,
**        "evidence": [{"document": "Kế hoạch số 15/KH-UBND", "date": "2022-01-12"}],
**        "explanation": "…"}]}}
** points: a number >= 0 with at most two decimals, taken from its text
** exactly; evidence: an array of objects with a text `document` and
** optional text `number`, `issuer`, `note` and a real `date`; a criterion
** without evidence must give an explanation.
**
** Ownership: the store and out stay the caller's.
*/
#ifndef PARINDEX_SELF_ASSESS_H
#define PARINDEX_SELF_ASSESS_H

#include <stdio.h>

#include "store.h"

/* Import every file; on success print one line per file to out. 0, or -1
** with "file:line: field: message" in err and nothing stored. */
int self_assess_import(store *s, const char *const *paths, int n, FILE *out, char *err, size_t errlen);

#endif
