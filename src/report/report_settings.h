/*
** report_settings.h -- what a signed document needs that the facts do not
** hold: the issuing body, the document number, the signer, the recipients
** and the place (one settings file per unit), and the decision that
** published a year's results with the published totals and ranks (imported
** into the store by `parindex published`, store_published.h). The settings
** file and the import are documented in data/README.md.
**
** Nothing here is invented: a field the file leaves out (or a file that is
** not there) stays NULL, and the document prints a blank to fill in.
**
** Ownership: a doc_settings / doc_published owns its strings (the cJSON
** tree it was read from, the copies of the store's); free them with the
** matching *_free.
*/
#ifndef PARINDEX_REPORT_SETTINGS_H
#define PARINDEX_REPORT_SETTINGS_H

#include <stddef.h>

#include "arena.h"
#include "points.h"
#include "store.h"

typedef struct {
  const char *parent_body;           /* the body above the issuer, or NULL (ND30: line 1) */
  const char **body; int nbody;      /* the issuing body, one line each: "ỦY BAN NHÂN DÂN", "HUYỆN MƯỜNG TÈ" */
  const char *number;                /* "Số: ____/BC-UBND": the number, NULL until it is given */
  const char *code;                  /* the code after the number: "BC-UBND" */
  const char *letter_code;           /* the code of an assignment letter (công văn): "UBND-NV" */
  const char *place;                 /* place of issue: "Mường Tè" */
  const char *date;                  /* YYYY-MM-DD, or NULL: "ngày … tháng … năm …" */
  const char *authority;             /* "TM. ỦY BAN NHÂN DÂN" */
  const char *deputy;                /* "KT. CHỦ TỊCH", or NULL when the head signs */
  const char *title;                 /* "PHÓ CHỦ TỊCH" */
  const char *signer;                /* the signer's name, or NULL */
  const char **recipients; int nrecipients;
  const char *name_in_text;          /* "huyện Mường Tè"; NULL: from the unit's name */
  int found;                         /* the file was there */
  void *tree_;                       /* the cJSON tree (private) */
} doc_settings;

/* A published result: total -1 when the decision gives none. */
typedef struct { const char *unit, *name; pts_t total; int rank; } published_result;

typedef struct {
  const char *decision_number;       /* "701/QĐ-UBND", or NULL */
  const char *decision_date;         /* YYYY-MM-DD, or NULL */
  const char *decision_body;         /* "UBND tỉnh Lai Châu", or NULL */
  const char *decision_subject;      /* "về phê duyệt và công bố …", or NULL */
  int units;                         /* how many units the decision ranks (0: not given) */
  published_result *results; int nresults;   /* by rank */
  int found;
  arena strs_;                       /* the strings (private) */
} doc_published;

/* Read DIR/UNIT.json into s. A missing file is no error (s->found = 0);
** a file that is not what data/README.md describes is: -1 with
** "FILE: FIELD: what is wrong" in err. */
int doc_settings_read(const char *dir, const char *unit, doc_settings *s, char *err, size_t errlen);
void doc_settings_free(doc_settings *s);

/* The decision in force that published year's results for the units of
** kind (NULL: any) under parent (NULL: wherever they are), as `parindex
** published` imported it: the one of that kind and parent, else of that
** kind, else the one for every kind. 0 (p->found = 0 when there is none), or
** -1 (store_errmsg). */
int doc_published_load(store *s, int year, const char *kind, const char *parent, doc_published *p);
void doc_published_free(doc_published *p);
/* The published result of unit, or NULL. */
const published_result *doc_published_find(const doc_published *p, const char *unit);

#endif
