/*
 * An undo journal: before a learner overwrites a double it hands the old
 * value to the journal, so a transition can be undone exactly whether it
 * changed one cell (Q-learning) or whole matrices (projective
 * simulation).  Entries are grouped in frames, one per transition, and
 * each frame carries a fixed-size payload where the session keeps what
 * else it must restore (random state, environment state, counters).
 * When the journal is full the oldest frames are dropped.  Learners
 * accept a NULL journal and then just write, which is what batch runs use.
 */
#ifndef QT_JOURNAL_H
#define QT_JOURNAL_H

#include <stddef.h>

struct journal;

struct journal	*journal_new(size_t max_frames, size_t max_entries,
		     size_t payload_size);
void		 journal_free(struct journal *);
void		 journal_clear(struct journal *);
/* Open a frame and return its payload to fill. */
void		*journal_begin(struct journal *);
/* Write v to *where, remembering the old value in the open frame. */
void		 journal_set(struct journal *, double *where, double v);
/* Undo the newest frame's writes and return its payload (valid until the
 * next journal_begin), or NULL if there is nothing to undo. */
const void	*journal_undo(struct journal *);
size_t		 journal_frames(const struct journal *);

static inline void
journal_write(struct journal *j, double *where, double v)
{
	if (j != NULL)
		journal_set(j, where, v);
	else
		*where = v;
}

#endif
