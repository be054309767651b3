/*
 * Where lessons and maps are found: $QTUTOR_DATADIR when set, else the
 * source tree when the program runs from its build tree (./src/qtutor
 * right after make), else the installed $(pkgdatadir).
 */
#ifndef QT_DATADIR_H
#define QT_DATADIR_H

#include <stddef.h>

#define DATADIR_PATH_MAX 4096

struct datadir {
	char	 lessons[DATADIR_PATH_MAX];
	char	 maps[DATADIR_PATH_MAX];
};

void	datadir_find(struct datadir *);
/* A lesson given by name (looked up in the lessons directory) or as a
 * path to a file. */
int	datadir_lesson_path(const struct datadir *, const char *name_or_file,
	    char *out, size_t outsz, char *err, size_t errsz);
/* A map name ("ring" finds maps/ring.map) or a path to a map file. */
int	datadir_map_path(const struct datadir *, const char *name_or_file,
	    char *out, size_t outsz, char *err, size_t errsz);
/* The lesson files of the lessons directory, sorted by name; returns
 * their count and a malloc'd array of malloc'd paths. */
int	datadir_list_lessons(const struct datadir *, char ***paths);

#endif
