/*
** json_writer.h -- a small JSON text writer into a growable buffer, for the hot
** loop (every unit's ledger). Strings are
** escaped exactly as cJSON_PrintUnformatted escapes them, so the text is
** byte for byte what cJSON would print.
**
** Ownership: the writer owns its buffer; jsonw_free releases it. The text
** stays valid until the next call on the writer. Out of memory aborts.
*/
#ifndef PARINDEX_JSON_WRITER_H
#define PARINDEX_JSON_WRITER_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct { char *p; size_t n, cap; } jsonw;

void jsonw_reset(jsonw *w);                     /* empty the text, keep the buffer */
void jsonw_grow(jsonw *w, size_t more);         /* room for more bytes and a NUL */
static inline void jsonw_rawn(jsonw *w, const char *s, size_t n) {   /* append n bytes of s as is */
  if (w->n + n + 1 > w->cap) jsonw_grow(w, n);
  memcpy(w->p + w->n, s, n);
  w->n += n;
}
#define JSONW_LIT(w, lit) jsonw_rawn((w), (lit), sizeof(lit) - 1)   /* a string literal */
void jsonw_str(jsonw *w, const char *s);        /* append s as a JSON string */
void jsonw_int(jsonw *w, int64_t v);            /* append v as a JSON number */
const char *jsonw_text(jsonw *w);               /* the text so far, NUL-terminated */
void jsonw_free(jsonw *w);

#endif
