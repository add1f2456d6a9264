/*
** main.c -- parindex: scoring the PAR INDEX with Lua rulebooks.
*/
#include "cli.h"

int main(int argc, char **argv) { return cli_main(argc, argv); }
