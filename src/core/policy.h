/*
 * How an agent picks an action from a row of action values.
 *   egreedy  with probability epsilon a uniformly random action, otherwise
 *            a greedy one (ties broken at random);
 *   noisy    the classic tutorial's argmax(Q[s] + N(0,1) / (episode + 1)),
 *            one normal draw per action, noise fading as episodes pass;
 *   greedy   argmax with random tie-breaking;
 *   random   uniformly random.
 */
#ifndef QT_POLICY_H
#define QT_POLICY_H

#include <math.h>
#include <stdint.h>

#include "rng.h"

enum policy_kind { POLICY_EGREEDY, POLICY_NOISY, POLICY_GREEDY,
    POLICY_RANDOM };

/* What the choice was, for the update record and the screen. */
struct policy_choice {
	int	 action;
	int	 explored;	/* 1 if the random branch of egreedy chose */
};

/* The selection is inline: it runs on every transition, and inlined its
 * random draws stay in registers instead of a round trip per call. */
static inline int
policy_argmax(const double *q, int n, struct rng *r)
{
	double	 best = q[0];
	int	 i, ties = 1, pick;

	for (i = 1; i < n; i++) {
		if (q[i] > best) {
			best = q[i];
			ties = 1;
		} else if (q[i] == best)
			ties++;
	}
	if (ties == 1) {
		for (i = 0; q[i] != best; i++)
			;
		return (i);
	}
	/* Uniform among the tied actions: pick the k-th of them. */
	pick = (int)rng_below(r, (uint32_t)ties);
	for (i = 0; i < n; i++) {
		if (q[i] == best && pick-- == 0)
			return (i);
	}
	return (0);
}

/*
 * argmax(Q[s] + N(0,1) / (episode + 1)) in one pass, drawing the normals
 * in pairs.  With continuous noise two sums tie with probability zero,
 * so the first maximum is taken without a tie-breaking draw.
 */
static inline int
policy_noisy_argmax(const double *q, int n, long episode, struct rng *r)
{
	double	 scale = 1.0 / ((double)episode + 1.0), best = -INFINITY;
	double	 z[2], v;
	int	 i, arg = 0;

	for (i = 0; i < n; i++) {
		if ((i & 1) == 0)
			rng_normal_pair(r, &z[0], &z[1]);
		v = q[i] + z[i & 1] * scale;
		arg = v > best ? i : arg;
		best = v > best ? v : best;
	}
	return (arg);
}

static inline struct policy_choice
policy_select(enum policy_kind kind, const double *q, int n, double epsilon,
    long episode, struct rng *r)
{
	struct policy_choice	 c = { 0, 0 };

	switch (kind) {
	case POLICY_EGREEDY:
		/* Explore with probability epsilon (not 1 - epsilon). */
		if (rng_uniform(r) < epsilon) {
			c.action = (int)rng_below(r, (uint32_t)n);
			c.explored = 1;
		} else
			c.action = policy_argmax(q, n, r);
		break;
	case POLICY_NOISY:
		c.action = policy_noisy_argmax(q, n, episode, r);
		break;
	case POLICY_GREEDY:
		c.action = policy_argmax(q, n, r);
		break;
	case POLICY_RANDOM:
		c.action = (int)rng_below(r, (uint32_t)n);
		c.explored = 1;
		break;
	}
	return (c);
}

#endif
