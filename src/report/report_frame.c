/*
** report_frame.c -- the frame of the document (Nghị định 30/2020/NĐ-CP):
** issuing body and number, national title, place and date, kind and
** subject; the opening paragraph that cites the decision which published
** the results; the closing sentence; the one note on reconstructed and
** illustrative values; recipients and signature. Every field comes from
** the unit's document settings or the published results; what they leave
** out is printed as a blank to fill in.
*/
#include <stdlib.h>
#include <string.h>

#include "report_doc_int.h"

#define BLANK "…"
#define BLANK_NAME "……………………"

static const char *or_blank(const char *s) { return s && *s ? s : BLANK; }

static void frame(rd_ctx *x, doc_frame *fr, const char *subject, const char **rec) {
  const doc_settings *s = x->d->settings;
  memset(fr, 0, sizeof *fr);
  fr->parent_body = s->parent_body;
  fr->body = s->body; fr->nbody = s->nbody;
  fr->number = rd_str(&x->ss, "%s %s/%s", L("Số:", "No.:"), s->number ? s->number : BLANK, or_blank(s->code));
  fr->nation = L("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM");
  fr->motto = L("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness");
  fr->place_date = rd_str(&x->ss, "%s, %s", or_blank(s->place), rd_date_long(x, s->date));
  fr->kind = L("BÁO CÁO", "REPORT");
  fr->subject = subject;
  fr->recipients_label = L("Nơi nhận:", "Recipients:");
  int n = 0, kept = 0;
  for (int i = 0; i < s->nrecipients; i++) {
    rec[n++] = s->recipients[i];
    if (!strncmp(s->recipients[i], "Lưu", strlen("Lưu"))) kept = 1;
  }
  if (!s->nrecipients) { rec[n++] = "……;"; rec[n++] = "……;"; }
  if (!kept) rec[n++] = x->vi ? "Lưu: VT." : "Archive: VT.";
  fr->recipients = rec; fr->nrecipients = n;
  fr->authority = s->authority;
  fr->deputy = s->deputy;
  fr->title = or_blank(s->title);
  fr->sign_hint = L("(Ký, ghi rõ họ tên, đóng dấu)", "(signature, full name, seal)");
  fr->signer = s->signer ? s->signer : BLANK_NAME;
}

/* Build the frame and hand it to the writer's head (or sign). A letter
** (x->letter_to set) has no kind: "V/v subject" and "Kính gửi: …". */
static void write_frame(rd_ctx *x, const char *subject, int sign) {
  doc_frame fr;
  const char **rec = malloc((size_t)(x->d->settings->nrecipients + 4) * sizeof *rec);
  if (!rec) abort();
  frame(x, &fr, subject, rec);
  if (x->letter_to) {
    fr.kind = NULL;
    fr.about = rd_str(&x->ss, L("V/v %s", "Re: %s"), subject);
    fr.to = rd_str(&x->ss, L("Kính gửi: %s.", "To: %s."), x->letter_to);
    fr.number = rd_str(&x->ss, "%s %s/%s", L("Số:", "No.:"), x->d->settings->number ? x->d->settings->number : BLANK,
                       x->d->settings->letter_code ? x->d->settings->letter_code : BLANK);
    rec[fr.nrecipients] = fr.recipients[fr.nrecipients - 1];   /* the office first, "Lưu" last */
    for (int i = fr.nrecipients - 1; i > 0; i--) rec[i] = rec[i - 1];
    rec[0] = rd_str(&x->ss, "%s;", x->letter_to);
    fr.nrecipients++;
  }
  (sign ? x->w->sign : x->w->head)(x->w, &fr);
  free(rec);
}

void rd_frame_head(rd_ctx *x, const char *subject) { write_frame(x, subject, 0); }

void rd_opening(rd_ctx *x) {
  const doc_published *p = x->d->pub_to;
  int y = x->c->to_year;
  const char *by = p->decision_body ? p->decision_body : BLANK;
  const char *num = p->decision_number ? p->decision_number : BLANK;
  const char *date = rd_date(x, p->decision_date);
  const char *subj = p->decision_subject && x->vi ? rd_str(&x->ss, " %s", p->decision_subject) : "";
  x->w->para(x->w, NULL, x->vi
    ? rd_str(&x->ss, "Trên cơ sở kết quả Chỉ số cải cách hành chính (PAR INDEX) %s năm %d do %s công bố tại Quyết "
                     "định số %s, ngày %s%s, UBND %s tiến hành phân tích, đánh giá các chỉ số thành phần của PAR "
                     "INDEX năm %d, đề ra các giải pháp nâng cao Chỉ số PAR INDEX năm %d như sau:",
             x->name, y, by, num, date, subj, x->name, y, y + 1)
    : rd_str(&x->ss, "On the basis of the PAR INDEX %d of %s published by %s in Decision No.\xc2\xa0%s of %s%s, the "
                     "People's Committee of %s analyses the components of its PAR INDEX %d and sets out the measures "
                     "to raise it in %d as follows:",
             y, x->name, by, num, date, subj, x->name, y, y + 1));
}

/* Criteria ids (comma separated) whose deductions rest on a fact noted as
** reconstructed ("Tái dựng"), or "". */
static const char *reconstructed(rd_ctx *x, const unit_result *r, const methodology *mt) {
  const char *ids = "";
  for (int c = 0; c < r->ncrits; c++) {
    int hit = 0;
    const ledger_criterion *lc = &r->crits[c];
    for (int k = 0; k < lc->count && !hit; k++) {
      const ledger_deduction *d = &r->deds[lc->first + k];
      for (int f = 0; f < d->nfacts && !hit; f++)
        hit = d->facts[f].note && !strncmp(d->facts[f].note, "Tái dựng", strlen("Tái dựng"));
    }
    if (hit) ids = rd_str(&x->ss, "%s%s%s", ids, *ids ? ", " : "", mt->crits[c].id);
  }
  return ids;
}

static int others_illustrative(const report_doc *d) {
  for (int i = 0; i < d->n_to; i++) if (d->st_to[i].r->illustrative) return 1;
  for (int i = 0; i < d->n_from; i++) if (d->st_from[i].r->illustrative) return 1;
  return 0;
}

/* The one note on where values come from, at the end of the body. */
static void sources_note(rd_ctx *x) {
  const char *text = "";
  const char *now = reconstructed(x, x->r, x->mt);
  const char *before = x->first_year ? "" : reconstructed(x, x->c->from, x->c->mt_from);
  if (x->r->illustrative || (!x->first_year && x->c->from->illustrative))
    text = rd_str(&x->ss, L("Số liệu của %s trong báo cáo này là số liệu minh họa, không phải số liệu công bố. ",
                            "The figures of %s in this report are illustrative, not published. "), x->name);
  if (x->mt->illustrative)
    text = rd_str(&x->ss, L("%sBộ tiêu chí chấm điểm năm %d là bộ tiêu chí minh họa, không phải bộ tiêu chí thật: %s ",
                            "%sThe %d criteria are an illustrative set, not a real one: %s "),
                  text, x->c->to_year, x->mt->illustrative);
  if (*now)
    text = rd_str(&x->ss, L("%sNăm %d, số liệu làm căn cứ trừ điểm ở các tiêu chí %s có phần được tái dựng (không "
                            "nêu trong tài liệu nguồn). ",
                            "%sIn %d the figures behind the deductions of criteria %s are partly reconstructed (not "
                            "stated in the source documents). "), text, x->c->to_year, now);
  if (*before)
    text = rd_str(&x->ss, L("%sNăm %d, số liệu làm căn cứ trừ điểm ở các tiêu chí %s được tái dựng để khớp tổng điểm "
                            "đã công bố. ",
                            "%sIn %d the figures behind the deductions of criteria %s are reconstructed to match the "
                            "published totals. "), text, x->c->from_year, before);
  if (!x->d->no_ranking && x->w->nranking > 1 && !x->w->ranking_decision && others_illustrative(x->d))
    text = rd_str(&x->ss, L("%sĐiểm của các đơn vị đánh dấu (*) trong bảng xếp hạng là số liệu minh họa, không phải "
                            "số liệu công bố; thứ hạng được tính trong tập số liệu này.",
                            "%sThe units marked (*) in the ranking are scored from illustrative figures, not published "
                            "ones; ranks are computed within these figures."), text);
  if (*text) x->w->footnote(x->w, rd_str(&x->ss, "%s %s", L("Ghi chú về số liệu:", "Note on the figures:"), text));
}

void rd_letter_end(rd_ctx *x, const char *subject) { write_frame(x, subject, 1); }

void rd_frame_end(rd_ctx *x, const char *subject) {
  rd_drafted(x, DRAFT_CLOSING);
  sources_note(x);
  /* "Trên đây là Báo cáo phân tích …": the subject's first letter in lower case */
  const char *lower = subject[0] >= 'A' && subject[0] <= 'Z' ? rd_str(&x->ss, "%c%s", subject[0] - 'A' + 'a', subject + 1) : subject;
  x->w->para(x->w, NULL, rd_str(&x->ss, L("Trên đây là Báo cáo %s./.", "This is the report on the %s./."), lower));
  write_frame(x, subject, 1);
}
