/*
 * Tabular temporal-difference learners on a Q-table.  Q-learning:
 *   Q(s,a) <- Q(s,a) + alpha [r + gamma max_a' Q(s',a') - Q(s,a)],
 * where a terminated transition bootstraps nothing (target = r) and a
 * truncated one (time limit) still bootstraps: the state it stopped in
 * is not an end of the task.
 *
 * SARSA bootstraps from the action it will really take next:
 *   Q(s,a) <- Q(s,a) + alpha [r + gamma Q(s',a') - Q(s,a)],
 * a' chosen in s' by the same policy, after the transition and before
 * the update, with the same random stream; the agent keeps it pending
 * and its next act() returns it.  A terminated transition chooses no a'.
 * A truncated one chooses a' for the target only: the next episode
 * starts afresh, so a' is dropped.
 *
 * Expected SARSA bootstraps from the expectation over the policy:
 *   Q(s,a) <- Q(s,a) + alpha [r + gamma sum_a' pi(a'|s') Q(s',a') - Q(s,a)],
 * pi the epsilon-greedy policy of the current epsilon, its greedy share
 * split evenly among tied best actions.  With the noisy and the greedy
 * policy pi is greedy (epsilon 0: the target is Q-learning's), with the
 * random policy uniform (epsilon 1).
 */
#ifndef QT_TABULAR_H
#define QT_TABULAR_H

#include "agent.h"

extern const struct agent_ops qlearning_ops;
extern const struct agent_ops sarsa_ops;
extern const struct agent_ops expected_sarsa_ops;

/* The Q-learning update of one cell, as a pure function, for tests and
 * for anyone who wants the arithmetic without an agent. */
void	qlearning_update(double *q, int nactions, int s, int a,
	    const struct env_step *, double alpha, double gamma,
	    struct journal *, struct td_record *);
/* The same for SARSA with next action a2 (ignored when terminated)... */
void	sarsa_update(double *q, int nactions, int s, int a, int a2,
	    const struct env_step *, double alpha, double gamma,
	    struct journal *, struct td_record *);
/* ... and for Expected SARSA under an epsilon-greedy policy. */
void	expected_sarsa_update(double *q, int nactions, int s, int a,
	    const struct env_step *, double alpha, double gamma,
	    double epsilon, struct journal *, struct td_record *);
/* The epsilon of the epsilon-greedy policy Expected SARSA takes the
 * expectation over, for a policy kind and the epsilon setting. */
double	expected_sarsa_epsilon(enum policy_kind, double epsilon);

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
 * What every TD rule shares once it knows what it bootstraps from
 * (next_value): the record's fields and the update's arithmetic,
 *   target = r (terminated) or r + gamma next_value,
 *   Q_new = Q_old + alpha (target - Q_old).
 */
static inline void
td_record_fill(struct td_record *rec, enum td_rule rule, const double *q,
    int nactions, int s, int a, int a2, const struct env_step *st,
    double next_value, double alpha, double gamma)
{
	rec->rule = rule;
	rec->s = s;
	rec->a = a;
	rec->r = st->reward;
	rec->s2 = st->s;
	rec->a2 = a2;
	rec->terminated = st->terminated;
	rec->truncated = st->truncated;
	rec->q_old = q[(size_t)s * nactions + a];
	rec->next_value = next_value;
	rec->alpha = alpha;
	rec->gamma = gamma;
	rec->target = st->terminated ? st->reward :
	    st->reward + gamma * rec->next_value;
	rec->td_error = rec->target - rec->q_old;
	rec->q_new = rec->q_old + alpha * rec->td_error;
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
	td_record_fill(rec, TD_QLEARNING, q, nactions, s, a, -1, st,
	    tabular_row_max(q + (size_t)st->s * nactions, nactions), alpha,
	    gamma);
}

/* The count of actions tied at a row's maximum best. */
static inline int
tabular_row_ties(const double *q, int n, double best)
{
	int	 i, ties = 0;

	for (i = 0; i < n; i++)
		ties += q[i] == best;
	return (ties);
}

/*
 * The probabilities of the epsilon-greedy policy in a row: epsilon / n
 * for every action, and 1 - epsilon split evenly among the tied best
 * actions.
 */
static inline void
tabular_egreedy_probs(const double *q, int n, double epsilon, double *pi)
{
	double	 best = tabular_row_max(q, n);
	int	 i, ties = tabular_row_ties(q, n, best);

	for (i = 0; i < n; i++)
		pi[i] = epsilon / n + (q[i] == best ? (1.0 - epsilon) / ties :
		    0.0);
}

/* sum_a pi(a) Q(a) for the epsilon-greedy policy pi of a row, with the
 * probabilities of tabular_egreedy_probs(). */
static inline double
tabular_egreedy_expectation(const double *q, int n, double epsilon)
{
	double	 best = tabular_row_max(q, n), sum = 0.0;
	int	 i, ties = tabular_row_ties(q, n, best);

	for (i = 0; i < n; i++)
		sum += (epsilon / n + (q[i] == best ? (1.0 - epsilon) / ties :
		    0.0)) * q[i];
	return (sum);
}

/* The arithmetic of one SARSA update with next action a2, into rec
 * without changing the table.  Terminated: no a', target = r. */
static inline void
sarsa_compute(const double *q, int nactions, int s, int a, int a2,
    const struct env_step *st, double alpha, double gamma,
    struct td_record *rec)
{
	td_record_fill(rec, TD_SARSA, q, nactions, s, a,
	    st->terminated ? -1 : a2, st, st->terminated ? 0.0 :
	    q[(size_t)st->s * nactions + a2], alpha, gamma);
}

/* The arithmetic of one Expected SARSA update under the epsilon-greedy
 * policy of `epsilon', into rec without changing the table.  Like
 * Q-learning's max, the expectation is recorded even when terminated,
 * where the target does not use it. */
static inline void
expected_sarsa_compute(const double *q, int nactions, int s, int a,
    const struct env_step *st, double alpha, double gamma, double epsilon,
    struct td_record *rec)
{
	td_record_fill(rec, TD_EXPECTED_SARSA, q, nactions, s, a, -1, st,
	    tabular_egreedy_expectation(q + (size_t)st->s * nactions,
	    nactions, epsilon), alpha, gamma);
}

#endif
