/*
 * Two-layer projective simulation (Briegel and De las Cuevas 2012), as in
 * the tutorial it is taught from.  The memory is a graph of clips: one
 * percept clip per state, one action clip per action, and an edge of
 * strength h(s,a) from each percept to each action.  h starts at 1 and
 * has no "value" meaning: it only weighs the hop.
 *
 *   deliberate(s)  hop from percept s to action a with probability
 *                  p(a|s) = h(s,a) / sum_b h(s,b)       (standard), or
 *                  p(a|s) = exp(beta h(s,a)) / sum_b exp(beta h(s,b))
 *                  (softmax; computed as exp(beta (h - max h)), which is
 *                  the same distribution without overflow);
 *                  then every edge's glow decays, g <- (1 - eta) g, and
 *                  the edge just used glows fully, g(s,a) = 1.
 *   learn(r)       every edge: h <- h - gamma (h - 1) + g r.
 *
 * gamma (ps_gamma) is the damping: forgetting toward 1.  eta is the glow
 * rate: how fast credit fades for the steps that led to a reward.  The
 * glow is reset to 0 when an episode starts.
 *
 * The agent draws the action in act() and does the glow and h updates
 * together in learn(), after the environment answered: nothing reads g
 * in between, so this is the tutorial's arithmetic in the tutorial's
 * order, and every write goes through the undo journal.
 */
#ifndef QT_PS_H
#define QT_PS_H

#include <math.h>

#include "agent.h"

enum ps_policy_kind { PS_STANDARD, PS_SOFTMAX };

/* The most actions a PS agent has (the dummy environment has 100). */
#define PS_MAX_ACTIONS 128

extern const struct agent_ops ps_ops;

/* The hopping probabilities of one percept's row h (n actions) into p. */
void	ps_probs(const double *h, int n, enum ps_policy_kind, double beta,
	    double *p);
/* Draw an action from percept s's row with a coin in [0, 1): the
 * choice rng_choice() makes from the probabilities with that coin, as
 * the agent does. */
int	ps_choose_coin(const double *h, int n, enum ps_policy_kind,
	    double beta, double coin);
/* Glow back to 0 on every edge (an episode starts). */
void	ps_glow_reset(double *g, size_t edges, struct journal *);
/*
 * One step on h and g, both (nstates, nactions), after action a in
 * percept s earned reward r: decay all glow, g(s,a) = 1, then every
 * edge h <- h - gamma (h - 1) + g r.  Fills rec's arithmetic fields
 * (not s2, terminated, truncated or p, which the caller knows).
 */
void	ps_update(double *h, double *g, int nstates, int nactions, int s,
	    int a, double r, double gamma, double eta, struct journal *,
	    struct ps_record *);

/* One edge's new strength, the one formula both the learner and the
 * screen use. */
static inline double
ps_edge_new(double h, double g, double r, double gamma)
{
	return (h - gamma * (h - 1.0) + g * r);
}

#endif
