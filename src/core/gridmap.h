/*
 * FrozenLake maps: rows of S (start), F (frozen), H (hole) and G (goal).
 * The two Gymnasium maps are built in; others come from text files (one
 * row per line, '#' starts a comment, blank lines are skipped).
 */
#ifndef QT_GRIDMAP_H
#define QT_GRIDMAP_H

#include <stddef.h>

#define GRIDMAP_MAX_SIDE 32

struct gridmap {
	int	 rows;
	int	 cols;
	char	 cell[GRIDMAP_MAX_SIDE][GRIDMAP_MAX_SIDE + 1];
	char	 name[64];	/* "4x4", "8x8" or the file's base name */
};

/* A built-in map by name ("4x4" or "8x8"); -1 if there is none. */
int	 gridmap_builtin(struct gridmap *, const char *name);
/* Parse rows given as text (lines separated by '\n'); origin names the
 * source in errors, e.g. "maps/ring.txt". */
int	 gridmap_parse(struct gridmap *, const char *text, const char *origin,
	     char *err, size_t errsz);
/* Read and parse a map file. */
int	 gridmap_load(struct gridmap *, const char *path, char *err,
	     size_t errsz);
/* The cell letter of state s (row-major, as Gymnasium numbers them). */
char	 gridmap_at(const struct gridmap *, int s);

#endif
