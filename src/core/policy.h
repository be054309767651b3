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

#include "rng.h"

enum policy_kind { POLICY_EGREEDY, POLICY_NOISY, POLICY_GREEDY,
    POLICY_RANDOM };

/* What the choice was, for the update record and the screen. */
struct policy_choice {
	int	 action;
	int	 explored;	/* 1 if the random branch of egreedy chose */
};

int	policy_argmax(const double *q, int n, struct rng *);
struct policy_choice policy_select(enum policy_kind, const double *q, int n,
	    double epsilon, long episode, struct rng *);

#endif
