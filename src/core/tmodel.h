/*
 * A tabular transition model p(s', r | s, a), laid out as Gymnasium's
 * env.P: for each (state, action) an ordered list of outcomes.  Entries
 * with the same next state are kept apart, in Gymnasium's order, so the
 * model can be compared entry by entry and sampled the same way.
 */
#ifndef QT_TMODEL_H
#define QT_TMODEL_H

#include <stdbool.h>

struct tm_entry {
	double	 prob;
	int	 next;
	double	 reward;
	bool	 terminated;
	bool	 success;	/* the outcome counts as reaching the goal */
};

struct tmodel {
	int		 nstates;
	int		 nactions;
	int		*first;		/* (S*A + 1) offsets into entries */
	struct tm_entry	*entries;
	int		 nentries;
	int		 filled;	/* first[0..filled] are final */
	double		*start;		/* (S) initial state distribution */
};

/* An empty model with room for up to max_entries outcomes. */
struct tmodel	*tmodel_new(int nstates, int nactions, int max_entries);
void		 tmodel_free(struct tmodel *);
/* Append an outcome of (s, a); calls must come in (s, a) order. */
void		 tmodel_add(struct tmodel *, int s, int a, double prob,
		     int next, double reward, bool terminated, bool success);
/* Close the model once every outcome is added. */
void		 tmodel_done(struct tmodel *);
/* Outcomes of (s, a): *n gets their count. */
const struct tm_entry *tmodel_outcomes(const struct tmodel *, int s, int a,
		     int *n);
/* Sample an outcome of (s, a) with a coin in [0, 1), as Gymnasium's
 * categorical_sample does (the first cumulative sum above the coin).
 * Inline: environments and learners call it on every transition. */
static inline const struct tm_entry *
tmodel_sample(const struct tmodel *m, int s, int a, double coin)
{
	int			 k = s * m->nactions + a;
	const struct tm_entry	*e = &m->entries[m->first[k]];
	int			 i, n = m->first[k + 1] - m->first[k];
	double			 acc = 0;

	for (i = 0; i < n - 1; i++) {
		acc += e[i].prob;
		if (acc > coin)
			return (&e[i]);
	}
	return (&e[n - 1]);
}

#endif
