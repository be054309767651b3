/* Finding lessons and maps, installed or in the build tree. */
#include <sys/stat.h>

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "datadir.h"
#include "xmalloc.h"

static int
is_file(const char *path)
{
	struct stat	 sb;

	return (stat(path, &sb) == 0 && S_ISREG(sb.st_mode));
}

static int
is_dir(const char *path)
{
	struct stat	 sb;

	return (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode));
}

/* True when this process is the uninstalled binary of the build tree.
 * One readlink, not realpath: every system call counts at start-up. */
static int
running_from_build_tree(void)
{
	char	 self[PATH_MAX], built[PATH_MAX];
	ssize_t	 n;

	if ((n = readlink("/proc/self/exe", self, sizeof self - 1)) <= 0)
		return (0);
	self[n] = '\0';
	if (strcmp(self, TOP_BUILDDIR "/src/qtutor") == 0)
		return (1);
	/* The build directory's name may go through a symbolic link. */
	if (realpath(TOP_BUILDDIR "/src/qtutor", built) == NULL)
		return (0);
	return (strcmp(self, built) == 0);
}

void
datadir_find(struct datadir *d)
{
	const char	*env = getenv("QTUTOR_DATADIR");

	if (env != NULL && *env != '\0') {
		/* The installed layout, or a source tree's (data/maps). */
		snprintf(d->lessons, sizeof d->lessons, "%s/lessons", env);
		snprintf(d->maps, sizeof d->maps, "%s/maps", env);
		if (!is_dir(d->maps))
			snprintf(d->maps, sizeof d->maps, "%s/data/maps", env);
	} else if (running_from_build_tree()) {
		snprintf(d->lessons, sizeof d->lessons, "%s/lessons",
		    TOP_SRCDIR);
		snprintf(d->maps, sizeof d->maps, "%s/data/maps", TOP_SRCDIR);
	} else {
		snprintf(d->lessons, sizeof d->lessons, "%s/lessons",
		    PKGDATADIR);
		snprintf(d->maps, sizeof d->maps, "%s/maps", PKGDATADIR);
	}
}

static int
looks_like_path(const char *s)
{
	return (strchr(s, '/') != NULL || strchr(s, '.') != NULL);
}

static int
find_named(const char *dir, const char *what, const char *ext,
    const char *name, char *out, size_t outsz, char *err, size_t errsz)
{
	/* A bare name is always looked up, never taken from the current
	 * directory, so a stray file cannot shadow the installed one. */
	if (looks_like_path(name)) {
		if (!is_file(name)) {
			snprintf(err, errsz, "%s: no such %s file", name, what);
			return (-1);
		}
		snprintf(out, outsz, "%s", name);
		return (0);
	}
	if ((size_t)snprintf(out, outsz, "%s/%s%s", dir, name, ext) >= outsz ||
	    !is_file(out)) {
		snprintf(err, errsz, "no %s named '%s' in %s", what, name, dir);
		return (-1);
	}
	return (0);
}

/* Other names lessons are known by: the environment a lesson is the
 * lesson of. */
static const char *const lesson_aliases[][2] = {
	{ "cartpole", "dqn" },
};

int
datadir_lesson_path(const struct datadir *d, const char *name, char *out,
    size_t outsz, char *err, size_t errsz)
{
	size_t	 i;

	for (i = 0; i < sizeof lesson_aliases / sizeof lesson_aliases[0]; i++)
		if (strcmp(name, lesson_aliases[i][0]) == 0)
			name = lesson_aliases[i][1];
	return (find_named(d->lessons, "lesson", ".lesson", name, out, outsz,
	    err, errsz));
}

int
datadir_map_path(const struct datadir *d, const char *name, char *out,
    size_t outsz, char *err, size_t errsz)
{
	return (find_named(d->maps, "map", ".map", name, out, outsz, err,
	    errsz));
}

static int
compare_strings(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

int
datadir_list_lessons(const struct datadir *d, char ***paths)
{
	DIR		*dir;
	struct dirent	*de;
	char		**list = NULL, path[DATADIR_PATH_MAX + 256];
	int		 n = 0;
	size_t		 len;

	*paths = NULL;
	if ((dir = opendir(d->lessons)) == NULL)
		return (0);
	while ((de = readdir(dir)) != NULL) {
		len = strlen(de->d_name);
		if (len < 8 || strcmp(de->d_name + len - 7, ".lesson") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", d->lessons, de->d_name);
		list = xreallocarray(list, n + 1, sizeof *list);
		list[n++] = xstrdup(path);
	}
	closedir(dir);
	if (n > 0)
		qsort(list, n, sizeof *list, compare_strings);
	*paths = list;
	return (n);
}
