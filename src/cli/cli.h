/*
** cli.h -- the parindex command line: a table of commands, each in its own
** cmd_*.c file, sharing one option parser. main() is just cli_main().
**
** A command declares the options it takes as a space-separated spec:
** "year=" takes a value, "same-rules" is a flag. The parser refuses any
** other option (exit 2) and collects positional arguments.
*/
#ifndef PARINDEX_CLI_H
#define PARINDEX_CLI_H

#include <stdio.h>

#include "engine.h"
#include "store.h"
#include "year_scores.h"

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

#define CLI_MAX_OPTS 32

typedef struct {
  const char *cmd;                     /* command name */
  const char *db;                      /* the store path (--db, $PARINDEX_DB, parindex.db) */
  struct { const char *name, *value; } opts[CLI_MAX_OPTS];
  int nopts;
  const char **args; int nargs;        /* positional arguments */
} cli_args;

typedef struct {
  const char *name;
  const char *summary;                 /* one line for 'parindex --help' */
  const char *options;                 /* option spec, see above */
  const char *usage;                   /* full text for 'parindex NAME --help' */
  int (*run)(cli_args *a);             /* returns EXIT_* */
} cli_command;

/* Run one command line; output to stdout, messages to stderr. */
int cli_main(int argc, char **argv);

/* The option's value, "" for a flag that is present, NULL if absent. */
const char *cli_opt(const cli_args *a, const char *name);
/* Print "parindex: MESSAGE" and a hint to stderr; returns EXIT_USAGE. */
int cli_usage_error(const cli_args *a, const char *fmt, ...);
/* Print "parindex: MESSAGE" to stderr; returns EXIT_FAIL. */
int cli_fail(const char *fmt, ...);
/* Integer option in [lo, hi]: 0 and *out (def if absent), or EXIT_USAGE. */
int cli_int(const cli_args *a, const char *name, long long lo, long long hi, long long def,
            long long *out);
/* The option must be one of the '|'-separated choices (or absent). */
int cli_choice(const cli_args *a, const char *name, const char *choices);
/* --lang vi|en: 0 and *en (1 for English, 0 for the Vietnamese default), or EXIT_USAGE. */
int cli_lang(const cli_args *a, int *en);
/* Open the store named by a->db; prints the error and returns NULL on failure. */
store *cli_open_store(const cli_args *a);
/* The same, making a new store in a new or empty file (import, init). */
store *cli_open_or_create_store(const cli_args *a, int *created);

/* What scoring commands share: --rules, --year, --unit, --format, --lang,
** --max-instructions, --max-memory. */
#define CLI_SCORING_OPTS "rules= year= unit= format= lang= max-instructions= max-memory="
typedef struct {
  int year;
  const char *unit;
  const char *kind;                    /* --kind: the units of one kind (score without --unit) */
  int json;                            /* --format json */
  int lang_en;                         /* --lang en */
  char dir[4096];                      /* the rulebook folder used */
  rulebook *rb;
  store *s;
  arena a;                             /* strings the setup made (the kind it chose) */
} cli_scoring;
/* Parse the shared options, open the store and load the year's rulebook.
** Returns EXIT_OK, or an exit code after printing why. cli_scoring_done frees. */
int cli_scoring_setup(const cli_args *a, int need_unit, cli_scoring *sc);
/* The same for the units of kind (NULL: --kind, or the unit's kind). */
int cli_scoring_setup_kind(const cli_args *a, int need_unit, const char *kind, cli_scoring *sc);
void cli_scoring_done(cli_scoring *sc);

/* --format xlsx needs --out FILE, and --out is for xlsx only: EXIT_OK, or
** EXIT_USAGE after printing why. */
int cli_xlsx_out(const cli_args *a, const char *format, const char *out);

/* --excel (with --format csv): CSV for Excel with Vietnamese regional
** settings (';', decimal commas, headers in the --lang language). EXIT_OK,
** or EXIT_USAGE after printing why. */
int cli_csv_excel(const cli_args *a, const char *format, int lang_en);

/* The --rules root (or $PARINDEX_RULES, or the bundled rules). */
const char *cli_rules_root(const cli_args *a);

/* --max-instructions and --max-memory as rule limits: 0, or EXIT_USAGE
** after printing why. The one place the CLI builds sandbox limits. */
int cli_limits(const cli_args *a, rule_limits *lim);

/* year_scores_load with the rules root and limits of the options; prints
** why it failed and returns its exit code, or EXIT_OK. */
int cli_year_load(const cli_args *a, store *s, int year, const char *kind, const char *parent, year_scores *y);
/* A unit's kind and parent (under: the parent, NULL when none): EXIT_OK, or
** an exit code after printing why. */
typedef struct { char kind[256], parent[256]; const char *under; } cli_level;
int cli_unit_level(store *s, const char *unit, cli_level *lv);
/* The kinds of the units with facts in year that root holds a rulebook for
** (root/KIND/), upper levels first (warn: name on stderr those it has none
** for). EXIT_OK or EXIT_FAIL; cli_kinds_free frees. */
int cli_root_kinds(store *s, const char *root, int year, int warn, char ***kinds, int *n);
void cli_kinds_free(char **kinds, int n);
/* The unit's result in y, or NULL after printing why not (exit code in *rc). */
const unit_result *cli_year_unit(const year_scores *y, const char *unit, int *rc);

extern const cli_command cmd_rank, cmd_compare, cmd_report;
extern const cli_command cmd_import, cmd_score, cmd_explain, cmd_tasks, cmd_plan;
extern const cli_command cmd_runs, cmd_verify, cmd_rules, cmd_init, cmd_facts, cmd_self_assess, cmd_reconcile, cmd_published,
  cmd_adjust, cmd_publish;

/* facts template (cmd_facts_template.c). */
int cli_facts_template(cli_args *a);

/* report --format docx (cli_pandoc.c): Word files made by pandoc from the
** report writer's JSON (report_docx_writer), with the reference document of
** Nghị định 30 ($PARINDEX_REFERENCE_DOCX, else data/documents/nd30-reference.docx
** in the working folder or the source tree). A batch runs up to jobs pandoc
** workers at a time (jobs < 1: one per CPU online; at most 16), each
** converting one document after another, and makes its files all or none. */
const char *cli_reference_docx(void);
typedef struct cli_docx cli_docx;
/* A new batch (many: of many documents, worth a larger pandoc heap): NULL
** after printing why (no reference document, no pandoc). */
cli_docx *cli_docx_open(int jobs, int many);
/* The pandoc-api-version the batch's pandoc reads (4 numbers, the batch's). */
const int *cli_docx_api(const cli_docx *b);
/* The file to write the JSON of the Word file out into (label, the unit,
** names it in messages); then cli_docx_end. NULL after printing why. */
FILE *cli_docx_begin(cli_docx *b, const char *out, const char *label);
/* Close that JSON and give it to a worker, once one is free.
** EXIT_OK, or EXIT_FAIL when this or an earlier conversion failed (printed). */
int cli_docx_end(cli_docx *b);
/* Wait for every pandoc; when ok and all succeeded, give each file its name
** (as if just created: 0666 less the umask), else remove them all. Frees b.
** EXIT_OK, or EXIT_FAIL after printing why. */
int cli_docx_close(cli_docx *b, int ok);

/* explain/tasks --run: show a stored run as it was (cmd_runs.c); which 'e' or 't'. */
int cli_show_run(cli_args *a, char which);

#endif
