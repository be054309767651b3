/*
 * Tabular temporal-difference learners on a Q-table.  Q-learning:
 *   Q(s,a) <- Q(s,a) + alpha [r + gamma max_a' Q(s',a') - Q(s,a)],
 * where a terminated transition bootstraps nothing (target = r) and a
 * truncated one (time limit) still bootstraps: the state it stopped in
 * is not an end of the task.
 */
#ifndef QT_TABULAR_H
#define QT_TABULAR_H

#include "agent.h"

extern const struct agent_ops qlearning_ops;

/* The Q-learning update of one cell, as a pure function, for tests and
 * for anyone who wants the arithmetic without an agent. */
void	qlearning_update(double *q, int nactions, int s, int a,
	    const struct env_step *, double alpha, double gamma,
	    struct journal *, struct td_record *);

static inline double
tabular_row_max(const double *q, int n)
{
	double	 m = q[0];
	int	 i;

	for (i = 1; i < n; i++)
		m = q[i] > m ? q[i] : m;
	return (m);
}

/* Whether every action of a row has the same value (no preference). */
static inline bool
tabular_all_equal(const double *q, int n)
{
	int	 i;

	for (i = 1; i < n; i++)
		if (q[i] != q[0])
			return (false);
	return (true);
}

/*
 * The arithmetic of one Q-learning update, written into rec without
 * changing the table: qlearning_update() and the session's fast loop
 * both use it, so they cannot disagree.  A terminated transition has no
 * future to bootstrap from.
 */
static inline void
qlearning_compute(const double *q, int nactions, int s, int a,
    const struct env_step *st, double alpha, double gamma,
    struct td_record *rec)
{
	rec->s = s;
	rec->a = a;
	rec->r = st->reward;
	rec->s2 = st->s;
	rec->a2 = -1;
	rec->terminated = st->terminated;
	rec->truncated = st->truncated;
	rec->q_old = q[(size_t)s * nactions + a];
	rec->next_value = tabular_row_max(q + (size_t)st->s * nactions,
	    nactions);
	rec->alpha = alpha;
	rec->gamma = gamma;
	rec->target = st->terminated ? st->reward :
	    st->reward + gamma * rec->next_value;
	rec->td_error = rec->target - rec->q_old;
	rec->q_new = rec->q_old + alpha * rec->td_error;
}

#endif
