/*
** out_json.c -- JSON output, with the names of muong-te-published.json.
** Points are written as exact decimals (65.84), never through a double.
*/
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

static void add_pts(cJSON *o, const char *name, pts_t v) {
  char buf[PTS_FMT_MAX];
  cJSON_AddRawToObject(o, name, pts_format(buf, v, '.', 0));
}

static cJSON *pts_item(pts_t v) {
  char buf[PTS_FMT_MAX];
  return cJSON_CreateRaw(pts_format(buf, v, '.', 0));
}


/* The facts of a ledger entry, with their values, sources and notes. */
static cJSON *facts_json(const ledger_fact *facts, int n) {
  cJSON *arr = cJSON_CreateArray();
  for (int i = 0; i < n; i++) {
    const ledger_fact *lf = &facts[i];
    cJSON *fo = cJSON_CreateObject();
    cJSON_AddStringToObject(fo, "key", lf->key);
    cJSON_AddStringToObject(fo, "type", lf->type);
    if (!strcmp(lf->type, "list")) {
      cJSON *v = cJSON_Parse(lf->value);
      cJSON_AddItemToObject(fo, "value", v ? v : cJSON_CreateString(lf->value));
    } else if (!strcmp(lf->type, "number") || !strcmp(lf->type, "integer") || !strcmp(lf->type, "boolean"))
      cJSON_AddRawToObject(fo, "value", lf->value);
    else cJSON_AddStringToObject(fo, "value", lf->value);
    if (lf->source) cJSON_AddStringToObject(fo, "source", lf->source);
    if (lf->note) cJSON_AddStringToObject(fo, "note", lf->note);
    cJSON_AddItemToArray(arr, fo);
  }
  return arr;
}

/* "file:line" of a rule call, or null when not known. */
static cJSON *rule_at(const methodology *mt, int file, int line) {
  char *at = report_rule_at(mt, file, line);
  cJSON *o = at ? cJSON_CreateString(at) : cJSON_CreateNull();
  free(at);
  return o;
}

static cJSON *achievement_json(const methodology *mt, const ledger_achievement *a) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "statement", a->text);
  cJSON_AddItemToObject(o, "at", rule_at(mt, a->file, a->line));
  cJSON_AddItemToObject(o, "facts", facts_json(a->facts, a->nfacts));
  return o;
}

cJSON *out_json_deduction(const methodology *mt, const ledger_deduction *d) {
  cJSON *o = cJSON_CreateObject();
  add_pts(o, "points", d->points);
  if (d->requested != d->points) add_pts(o, "requested", d->requested);
  cJSON_AddStringToObject(o, "why", d->reason);
  cJSON_AddItemToObject(o, "at", rule_at(mt, d->file, d->line));
  cJSON_AddItemToObject(o, "facts", facts_json(d->facts, d->nfacts));
  cJSON *tasks = cJSON_AddArrayToObject(o, "tasks");
  for (int i = 0; i < d->ntasks; i++) {
    cJSON *t = cJSON_CreateObject();
    cJSON_AddStringToObject(t, "office", d->tasks[i].office);
    cJSON_AddStringToObject(t, "role", i == 0 ? "lead" : "support");
    cJSON_AddStringToObject(t, "task", d->tasks[i].text);
    cJSON_AddItemToArray(tasks, t);
  }
  return o;
}

static char *joined_reasons(const unit_result *r, const ledger_criterion *lc) {
  size_t n = 1;
  for (int k = 0; k < lc->count; k++) n += strlen(r->deds[lc->first + k].reason) + 2;
  char *s = malloc(n);
  if (!s) abort();
  s[0] = '\0';
  for (int k = 0; k < lc->count; k++) {
    if (k) strcat(s, "; ");
    strcat(s, r->deds[lc->first + k].reason);
  }
  return s;
}

/* owner, basis and defined_at ("file:line") of a criterion or an item. */
static void add_declared(cJSON *o, const char *owner, const char *basis, const char *file, int line) {
  cJSON_AddStringToObject(o, "owner", owner);
  if (basis) cJSON_AddStringToObject(o, "basis", basis);
  char where[1100];
  snprintf(where, sizeof where, "%s:%d", file, line);
  cJSON_AddStringToObject(o, "defined_at", where);
}

/* "caps" and "extras": each bonus and penalty item with its lines (only
** item crit, when it names one). */
static void extras_json(cJSON *o, const methodology *mt, const unit_result *r, const char *crit) {
  static const char *const caps[] = {"none", "item", "total", "index"};
  cJSON *cp = cJSON_AddObjectToObject(o, "caps");
  if (mt->bonus_cap >= 0) add_pts(cp, "bonus_cap", mt->bonus_cap); else cJSON_AddNullToObject(cp, "bonus_cap");
  if (mt->penalty_cap >= 0) add_pts(cp, "penalty_cap", mt->penalty_cap); else cJSON_AddNullToObject(cp, "penalty_cap");
  cJSON_AddBoolToObject(cp, "exceed_total", mt->exceed_total);
  cJSON *xs = cJSON_AddArrayToObject(o, "extras");
  for (int i = 0; i < mt->nextras; i++) {
    const meth_extra *x = &mt->extras[i];
    if (crit && methodology_extra(mt, crit) >= 0 && strcmp(crit, x->id)) continue;
    if (crit && methodology_extra(mt, crit) < 0) break;
    cJSON *xo = cJSON_CreateObject();
    cJSON_AddStringToObject(xo, "id", x->id);
    cJSON_AddStringToObject(xo, "kind", x->penalty ? "penalty" : "bonus");
    cJSON_AddStringToObject(xo, "name", x->name);
    add_pts(xo, "max", x->max);
    add_declared(xo, x->owner, x->basis, x->file, x->line);
    pts_t sum = 0;
    cJSON *ls = cJSON_CreateArray();
    for (int k = 0; k < r->nextras; k++) {
      const ledger_deduction *d = &r->extras[k];
      if (d->crit != i) continue;
      sum += d->points;
      cJSON *lo = out_json_deduction(mt, d);
      cJSON_AddStringToObject(lo, "capped_by", caps[d->cap >= 0 && d->cap <= 3 ? d->cap : 0]);
      cJSON_AddItemToArray(ls, lo);
    }
    add_pts(xo, "points", sum);
    cJSON_AddItemToObject(xo, "lines", ls);
    cJSON_AddItemToArray(xs, xo);
  }
}

static cJSON *unit_json(const methodology *mt, const unit_result *r, int detail, const char *crit) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "unit", r->unit.id);
  cJSON_AddStringToObject(o, "name", r->unit.name);
  cJSON_AddNumberToObject(o, "year", r->year);
  cJSON_AddStringToObject(o, "rules", mt->dir);
  add_pts(o, "par_index", r->total);
  add_pts(o, "appraisal_points", r->appraisal);
  add_pts(o, "survey_points", r->survey);
  add_pts(o, "max", mt->total);
  if (mt->nextras) {
    add_pts(o, "bonus_points", r->bonus);
    add_pts(o, "penalty_points", r->penalty);
  }
  cJSON *comps = cJSON_AddObjectToObject(o, "components");
  for (int c = 0; c < mt->ncomps; c++) {
    cJSON *co = cJSON_CreateObject();
    cJSON_AddStringToObject(co, "name", mt->comps[c].name);
    add_pts(co, "points", r->comps[c].points);
    add_pts(co, "max", r->comps[c].max);
    add_pts(co, "percent", pts_percent(r->comps[c].points, r->comps[c].max));
    cJSON_AddNumberToObject(co, "rank_within_unit", r->comps[c].rank);
    cJSON_AddStringToObject(co, "kind", mt->comps[c].kind == METH_SURVEY ? "survey" : "appraisal");
    cJSON_AddStringToObject(co, "owner", mt->comps[c].owner);
    cJSON_AddItemToObject(comps, mt->comps[c].id, co);
  }
  cJSON *lost = cJSON_AddArrayToObject(o, "points_lost");
  cJSON *crits = detail ? cJSON_AddArrayToObject(o, "criteria") : NULL;
  for (int i = 0; i < mt->ncrits; i++) {
    const meth_criterion *c = &mt->crits[i];
    const ledger_criterion *lc = &r->crits[i];
    if (crit && strcmp(crit, c->id)) continue;
    pts_t l = lc->na ? 0 : lc->max - lc->points;
    if (l > 0) {
      cJSON *e = cJSON_CreateObject();
      cJSON_AddStringToObject(e, "criterion", c->id);
      cJSON_AddStringToObject(e, "component", mt->comps[c->comp].id);
      cJSON_AddStringToObject(e, "name", c->name);
      cJSON_AddItemToObject(e, "points", pts_item(l));
      char *why = joined_reasons(r, lc);
      cJSON_AddStringToObject(e, "why", why);
      free(why);
      cJSON_AddStringToObject(e, "owner", c->owner);
      cJSON_AddItemToArray(lost, e);
    }
    if (!crits) continue;
    cJSON *co = cJSON_CreateObject();
    cJSON_AddStringToObject(co, "criterion", c->id);
    cJSON_AddStringToObject(co, "component", mt->comps[c->comp].id);
    cJSON_AddStringToObject(co, "name", c->name);
    if (lc->na) {
      cJSON_AddNullToObject(co, "points");
      cJSON_AddStringToObject(co, "not_applicable", lc->na_reason);
    } else add_pts(co, "points", lc->points);
    if (lc->na_full) cJSON_AddStringToObject(co, "not_arisen", lc->na_reason ? lc->na_reason : "");   /* full points */
    add_pts(co, "max", lc->max);
    add_declared(co, c->owner, c->basis, c->file, c->line);
    cJSON *as = cJSON_AddArrayToObject(co, "achieved");
    for (int k = 0; k < lc->acount; k++) cJSON_AddItemToArray(as, achievement_json(mt, &r->achs[lc->afirst + k]));
    cJSON *ds = cJSON_AddArrayToObject(co, "deductions");
    for (int k = 0; k < lc->count; k++) cJSON_AddItemToArray(ds, out_json_deduction(mt, &r->deds[lc->first + k]));
    cJSON_AddItemToArray(crits, co);
  }
  if (detail && mt->nextras) extras_json(o, mt, r, crit);
  return o;
}

static void print(FILE *f, cJSON *o) {
  char *s = cJSON_Print(o);
  if (s) { fputs(s, f); fputc('\n', f); }
  cJSON_free(s);
  cJSON_Delete(o);
}

void out_score_json(FILE *f, const methodology *mt, const engine_results *res, int single) {
  if (single) {
    cJSON *o = unit_json(mt, &res->units[0], 0, NULL);
    if (res->run_id) cJSON_AddNumberToObject(o, "run", (double)res->run_id);
    print(f, o);
    return;
  }
  cJSON *o = cJSON_CreateObject();
  cJSON_AddNumberToObject(o, "year", res->n ? res->units[0].year : 0);
  if (res->run_id) cJSON_AddNumberToObject(o, "run", (double)res->run_id);
  cJSON *units = cJSON_AddArrayToObject(o, "units");
  for (int i = 0; i < res->n; i++) cJSON_AddItemToArray(units, unit_json(mt, &res->units[i], 0, NULL));
  print(f, o);
}

void out_score_json_unit(FILE *f, const methodology *mt, const unit_result *r, int first) {
  cJSON *o = unit_json(mt, r, 0, NULL);
  char *s = cJSON_Print(o);               /* at depth 2 inside {"units": [...]} */
  if (!first) fputs(", ", f);
  for (const char *p = s, *nl; p && *p; p = nl + 1) {
    nl = strchr(p, '\n');
    if (!nl) { fputs(p, f); break; }
    fwrite(p, 1, (size_t)(nl - p) + 1, f);
    fputs("\t\t", f);
  }
  cJSON_free(s);
  cJSON_Delete(o);
}

void out_json_string(FILE *f, const char *s) {
  cJSON *v = cJSON_CreateString(s ? s : "");
  char *t = cJSON_PrintUnformatted(v);
  fputs(t ? t : "\"\"", f);
  cJSON_free(t);
  cJSON_Delete(v);
}

int out_score_json_units(FILE *f, int year, const char *kind, int64_t run_id, FILE *units) {
  char buf[65536];
  size_t n;
  fprintf(f, "{\n\t\"year\":\t%d,\n", year);
  if (kind) {
    fputs("\t\"kind\":\t", f);
    out_json_string(f, kind);
    fputs(",\n", f);
  }
  if (run_id) fprintf(f, "\t\"run\":\t%lld,\n", (long long)run_id);
  fputs("\t\"units\":\t[", f);
  rewind(units);
  while ((n = fread(buf, 1, sizeof buf, units)) > 0) fwrite(buf, 1, n, f);
  fputs("]\n}\n", f);
  return ferror(units) ? -1 : 0;
}

void out_explain_json(FILE *f, const methodology *mt, const unit_result *r, const char *crit) {
  print(f, unit_json(mt, r, 1, crit));
}

void out_tasks_json(FILE *f, const methodology *mt, const unit_result *r, const char *office) {
  task_item *items;
  int n = report_collect_tasks(mt, r, office, &items);
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "unit", r->unit.id);
  cJSON_AddStringToObject(o, "name", r->unit.name);
  cJSON_AddNumberToObject(o, "year", r->year);
  cJSON *offices = cJSON_AddArrayToObject(o, "offices");
  cJSON *cur = NULL, *tasks = NULL;
  int first = 0;
  for (int i = 0; i <= n; i++) {
    if (cur && (i == n || strcmp(items[i].office, items[i - 1].office))) {
      add_pts(cur, "points", report_office_points(items, first, i));
      cJSON_AddItemToObject(cur, "tasks", tasks);
      cJSON_AddItemToArray(offices, cur);
      cur = NULL;
    }
    if (i == n) break;
    if (!cur) {
      cur = cJSON_CreateObject();
      cJSON_AddStringToObject(cur, "office", items[i].office);
      cJSON_AddStringToObject(cur, "name", items[i].office_name);
      tasks = cJSON_CreateArray();
      first = i;
    }
    cJSON *t = cJSON_CreateObject();
    cJSON_AddStringToObject(t, "criterion", items[i].criterion);
    cJSON_AddStringToObject(t, "office", items[i].office);
    cJSON_AddStringToObject(t, "role", items[i].lead ? "lead" : "support");
    add_pts(t, "points", items[i].lead ? items[i].points : 0);     /* credited to the lead only */
    add_pts(t, "deduction_points", items[i].points);
    if (!items[i].lead) cJSON_AddStringToObject(t, "lead_office", items[i].lead_office);
    if (items[i].lead && !items[i].points) cJSON_AddTrueToObject(t, "at_floor");
    cJSON_AddStringToObject(t, "task", items[i].text);
    cJSON_AddStringToObject(t, "why", items[i].reason);
    const ledger_deduction *tl = report_task_line(r, &items[i]);
    cJSON_AddItemToObject(t, "at", rule_at(mt, tl->file, tl->line));
    cJSON_AddItemToArray(tasks, t);
  }
  pts_t lost = 0;
  for (int i = 0; i < r->nded; i++) lost += r->deds[i].points;
  if (!office) add_pts(o, "points_lost", lost);
  free(items);
  print(f, o);
}
