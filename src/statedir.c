/* The state directory, made on first use. */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "statedir.h"

/* mkdir -p, for the few levels under $HOME. */
static int
make_dirs(char *path)
{
	char	*p;

	for (p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			*p = '/';
			return (-1);
		}
		*p = '/';
	}
	if (mkdir(path, 0700) != 0 && errno != EEXIST)
		return (-1);
	return (0);
}

int
statedir_path(const char *file, char *out, size_t outsz, char *err,
    size_t errsz)
{
	const char	*xdg = getenv("XDG_STATE_HOME"), *home;
	char		 dir[4096];

	if (xdg != NULL && xdg[0] == '/')
		snprintf(dir, sizeof dir, "%s/qtutor", xdg);
	else if ((home = getenv("HOME")) != NULL && home[0] != '\0')
		snprintf(dir, sizeof dir, "%s/.local/state/qtutor", home);
	else {
		snprintf(err, errsz, "no state directory: HOME is not set");
		return (-1);
	}
	if (make_dirs(dir) != 0) {
		snprintf(err, errsz, "%s: %s", dir, strerror(errno));
		return (-1);
	}
	if ((size_t)snprintf(out, outsz, "%s/%s", dir, file) >= outsz) {
		snprintf(err, errsz, "%s/%s: path too long", dir, file);
		return (-1);
	}
	return (0);
}
