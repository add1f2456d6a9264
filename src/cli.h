/*
** cli.h -- the parindex command line. main() is just cli_main().
*/
#ifndef PARINDEX_CLI_H
#define PARINDEX_CLI_H

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* Run one command line; output to stdout, messages to stderr.
** Returns EXIT_OK, EXIT_FAIL or EXIT_USAGE. */
int cli_main(int argc, char **argv);

#endif
