/*
 * DQN's replay buffer: a ring of the last capacity transitions, from
 * which each gradient step draws a minibatch.  Uniform draws are with
 * replacement, as Stable-Baselines3's ReplayBuffer; prioritized replay
 * (Schaul et al. 2016, proportional variant) draws transition i with
 * probability P(i) = p_i^alpha / sum_k p_k^alpha from a sum-tree.
 *
 * Observations are float, as CartPole's float32 observations.  Only a
 * true termination is stored as terminal: a transition cut by the time
 * limit still bootstraps from its next state, so the caller adds it with
 * terminated false.
 */
#ifndef QT_REPLAY_H
#define QT_REPLAY_H

#include <stdbool.h>

#include "rng.h"
#include "sumtree.h"

/* Added to |TD error| so no transition's priority is ever 0. */
#define REPLAY_PRIORITY_EPS	1e-6
/* rng_below draws indices as 32-bit numbers. */
#define REPLAY_MAX_CAPACITY	0x7fffffffL

/*
 * next is where the next transition goes; s and s2 are capacity x d.
 * prio holds p_i^alpha for each stored transition, and max_priority is
 * the largest p_i seen (1 at first), before the exponent.
 */
struct replay {
	long		 capacity, size, next;
	int		 d;		/* observation size */
	float		*s, *s2;
	int		*a;
	float		*r;
	bool		*terminated;	/* only true terminations */
	struct sumtree	*prio;		/* NULL unless prioritized */
	double		 alpha;		/* priority exponent */
	double		 max_priority;	/* new transitions get it */
};

/* An empty buffer; capacity in [1, REPLAY_MAX_CAPACITY], d >= 1.  alpha
 * is ignored unless prioritized.  Free with replay_free. */
struct replay	*replay_new(long capacity, int d, bool prioritized,
		     double alpha);
void		 replay_free(struct replay *);
/* Empty it again (max_priority back to 1), keeping the memory. */
void		 replay_clear(struct replay *);
/* Store one transition at next, over the oldest once full.  Prioritized,
 * it gets max_priority: a transition whose TD error is not known yet is
 * as likely to be drawn as the most surprising one. */
void		 replay_add(struct replay *, const float *s, int a, float r,
		     const float *s2, bool terminated);
/*
 * A minibatch of n indices into the buffer (size > 0), with replacement.
 * Uniform: each of the size transitions with probability 1/size.
 * Prioritized: proportional to p_i^alpha, stratified: the total is split
 * into n equal segments and one u drawn uniformly in each, so a batch
 * covers the whole range of priorities.  weights (may be NULL) gets the
 * importance-sampling weights w_i = (N P(i))^-beta / max_j w_j, the max
 * over the batch (N = size); all 1 for a uniform buffer.
 */
void		 replay_sample(const struct replay *, struct rng *, int n,
		     double beta, long *idx, float *weights);
/* After a gradient step: transition idx[k] gets priority
 * |td_error[k]| + REPLAY_PRIORITY_EPS, and max_priority follows the
 * largest seen.  A non-finite TD error gives max_priority instead.
 * Nothing to do for a uniform buffer. */
void		 replay_update_priorities(struct replay *, const long *idx,
		     const float *td_error, int n);
/* P(i), the probability that one draw gives transition i < size. */
double		 replay_probability(const struct replay *, long i);

#endif
