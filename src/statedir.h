/*
 * Where qtutor keeps what it remembers between runs (prompt history,
 * lesson progress): $XDG_STATE_HOME/qtutor, else ~/.local/state/qtutor.
 */
#ifndef QT_STATEDIR_H
#define QT_STATEDIR_H

#include <stddef.h>

/* The path of `file' in the state directory, creating the directory;
 * -1 (err filled) if there is no home or it cannot be made. */
int	statedir_path(const char *file, char *out, size_t outsz, char *err,
	    size_t errsz);

#endif
