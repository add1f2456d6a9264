/*
** report_drafting.h -- the drafting officer's paragraphs: what no rule can
** write (context, policy references such as Nghị quyết 08-NQ/TU), one JSON
** file per unit and year (DIR/narrative/UNIT-YEAR.json, data/README.md
** "Documents"), merged into the report at named places.
**
** Ownership: a doc_drafting owns its cJSON tree; doc_drafting_free.
*/
#ifndef PARINDEX_REPORT_DRAFTING_H
#define PARINDEX_REPORT_DRAFTING_H

#include <stddef.h>

/* The places a paragraph can go. */
enum {
  DRAFT_OPENING,       /* after the opening paragraph */
  DRAFT_SUMMARY,       /* end of I.1 */
  DRAFT_RISING,        /* start of I.3.1, the causes of the rises */
  DRAFT_FALLING,       /* start of I.3.2, the causes of the falls */
  DRAFT_TASKS,         /* start of II */
  DRAFT_CLOSING,       /* before "Trên đây là …" */
  DRAFT_NPLACES
};

typedef struct {
  const char **paras[DRAFT_NPLACES]; int npara[DRAFT_NPLACES];
  const char **comp_ids; const char ***comp_paras; int *comp_n; int ncomps;   /* "components": {"7": [...]} */
  int found;
  void *tree_;
} doc_drafting;

/* Read DIR/narrative/UNIT-YEAR.json. A missing file is no error (found 0);
** an unknown place, a paragraph that is not a string, a wrong unit or year
** is: -1 with "FILE: FIELD: what is wrong" in err. */
int doc_drafting_read(const char *dir, const char *unit, int year, doc_drafting *d, char *err, size_t errlen);
void doc_drafting_free(doc_drafting *d);
/* The paragraphs for component id (n in *n), or NULL. */
const char **doc_drafting_component(const doc_drafting *d, const char *id, int *n);

#endif
