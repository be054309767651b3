/*
 * Reading a whole small text file (a lesson, a map) into memory, with a
 * size limit and one-line errors that name the file.
 */
#ifndef QT_TEXTFILE_H
#define QT_TEXTFILE_H

#include <stddef.h>

/* The file's bytes, NUL-terminated, in a malloc'd buffer; *len gets
 * their count.  NULL with err filled if it cannot be read, is not a
 * regular file or holds more than max bytes. */
char	*textfile_read(const char *path, size_t max, size_t *len, char *err,
	    size_t errsz);

#endif
