/*
 * Writing a file so that the old one is never lost: write a temporary
 * file beside it, then rename it over the old one.  A failure at any
 * point leaves the previous file as it was.
 */
#ifndef QT_ATOMICFILE_H
#define QT_ATOMICFILE_H

#include <stddef.h>
#include <stdio.h>

struct atomicfile {
	FILE	*f;
	char	 path[4096];
	char	 tmp[4096 + 32];
};

/* Open the temporary file for path; -1 with err if it cannot be. */
int	atomicfile_open(struct atomicfile *, const char *path, char *err,
	    size_t errsz);
/* Close it and rename it over path; on any write error the temporary
 * file is removed and path is untouched. */
int	atomicfile_commit(struct atomicfile *, char *err, size_t errsz);
/* Give up: remove the temporary file. */
void	atomicfile_abort(struct atomicfile *);

#endif
