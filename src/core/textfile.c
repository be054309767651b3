/* Whole-file reads of small text files. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "textfile.h"
#include "xmalloc.h"

static void
describe_size(char *buf, size_t bufsz, size_t max)
{
	if (max >= 1024 * 1024 && max % (1024 * 1024) == 0)
		snprintf(buf, bufsz, "%zu MiB", max / (1024 * 1024));
	else
		snprintf(buf, bufsz, "%zu bytes", max);
}

char *
textfile_read(const char *path, size_t max, size_t *len, char *err,
    size_t errsz)
{
	struct stat	 sb;
	char		*buf = NULL, limit[32];
	size_t		 cap, n = 0;
	ssize_t		 got;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1 ||
	    fstat(fd, &sb) == -1) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		goto fail;
	}
	if (!S_ISREG(sb.st_mode)) {
		snprintf(err, errsz, "%s: not a regular file", path);
		goto fail;
	}
	/* Size the buffer from fstat, but trust only what read returns. */
	cap = (size_t)sb.st_size < max ? (size_t)sb.st_size + 1 : max + 1;
	buf = xalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			if (cap > max)
				break;
			cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			buf = xreallocarray(buf, cap + 1, 1);
		}
		got = read(fd, buf + n, cap - n);
		if (got == -1 && errno == EINTR)
			continue;
		if (got == -1) {
			snprintf(err, errsz, "%s: %s", path, strerror(errno));
			goto fail;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	if (n > max) {
		describe_size(limit, sizeof limit, max);
		snprintf(err, errsz, "%s: larger than %s", path, limit);
		goto fail;
	}
	close(fd);
	buf[n] = '\0';
	*len = n;
	return (buf);

fail:
	if (fd != -1)
		close(fd);
	free(buf);
	return (NULL);
}
