/* Write to a temporary file, then rename: the old file survives errors. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "atomicfile.h"

int
atomicfile_open(struct atomicfile *a, const char *path, char *err,
    size_t errsz)
{
	a->f = NULL;
	if (strlen(path) >= sizeof a->path) {
		snprintf(err, errsz, "%s: path too long", path);
		return (-1);
	}
	strcpy(a->path, path);
	snprintf(a->tmp, sizeof a->tmp, "%s.tmp.%ld", path, (long)getpid());
	if ((a->f = fopen(a->tmp, "w")) == NULL) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return (-1);
	}
	return (0);
}

int
atomicfile_commit(struct atomicfile *a, char *err, size_t errsz)
{
	int	 failed = ferror(a->f);

	errno = 0;
	if (fclose(a->f) != 0 || failed) {
		a->f = NULL;
		snprintf(err, errsz, "%s: %s", a->path, strerror(errno ? errno :
		    EIO));
		unlink(a->tmp);
		return (-1);
	}
	a->f = NULL;
	if (rename(a->tmp, a->path) != 0) {
		snprintf(err, errsz, "%s: %s", a->path, strerror(errno));
		unlink(a->tmp);
		return (-1);
	}
	return (0);
}

void
atomicfile_abort(struct atomicfile *a)
{
	if (a->f != NULL)
		fclose(a->f);
	a->f = NULL;
	unlink(a->tmp);
}
