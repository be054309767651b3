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

#endif
