/*
** path.h -- paths handled lexically (no file system access, symbolic links
** are not followed) and a file read whole.
**
** Ownership: path functions write into buffers the caller owns;
** file_read_all returns a malloc'd buffer that the caller frees.
*/
#ifndef PARINDEX_PATH_H
#define PARINDEX_PATH_H

#include <stddef.h>

/* "a/b/../c/./d" -> "a/c/d", "a//b/" -> "a/b", "" -> ".", in place. A
** leading "../" stays; at most 256 parts are kept. */
void path_normalize(char *path);

/* path made absolute against the working folder, normalised, into out (n
** bytes). 0, or -1 when the working folder is unknown or out is too small. */
int path_absolute(const char *path, char *out, size_t n);

/* path relative to the folder dir ("01_x.lua", "../2022/01_x.lua"),
** lexically, into out (n bytes, cut if longer). */
void path_relative(const char *dir, const char *path, char *out, size_t n);

/* The file's bytes, malloc'd and NUL-terminated (*len, if len is not NULL,
** gets their count), or NULL when it cannot be read. */
char *file_read_all(const char *path, size_t *len);

#endif
