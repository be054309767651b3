/*
 * Lesson progress, remembered between runs: for each lesson the page
 * last open and the checkpoints reached.  Kept as text in the state
 * directory, one line per lesson:
 *	frozenlake page 3 checked 2 5
 * (pages numbered from 1), and written to a temporary file then renamed,
 * so a crash never leaves it half-written.
 */
#ifndef QT_PROGRESS_H
#define QT_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "lesson.h"

struct progress_entry {
	char	 lesson[64];
	int	 page;				/* 0-based */
	bool	 checked[LESSON_MAX_PAGES];
};

struct progress {
	struct progress_entry	*e;
	int			 n;
};

/* A missing file is no progress yet (0); lines that do not parse are
 * skipped and the first is named in err with 1 returned, so the caller
 * can warn without losing the rest; -1 if the file cannot be read. */
int	progress_load(struct progress *, const char *path, char *err,
	    size_t errsz);
int	progress_save(const struct progress *, const char *path, char *err,
	    size_t errsz);
void	progress_free(struct progress *);
/* The entry of a lesson, made empty if it has none yet. */
struct progress_entry *progress_entry(struct progress *, const char *lesson);
const struct progress_entry *progress_find(const struct progress *,
	    const char *lesson);
/* Checkpoints reached in an entry. */
int	progress_count(const struct progress_entry *);

#endif
