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
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

/*
 * Without undo (batch runs, the screen's run mode) the agent steps with
 * ps_update_traced(), which visits only the edges a step can change and
 * gives the same bits as ps_update() visiting all:
 *
 *   glow    an edge that did not glow this episode has g = +0, and
 *           +0 (1 - eta) = +0: only the edges taken since the glow
 *           reset decay (the list `glow').
 *   h       an edge with h = 1 exactly and g = +0 gets
 *           1 - gamma (1 - 1) + 0 r = 1 - (+0) + (+-0) = 1: only edges
 *           with h != 1 or g != +0 are updated (the list `active').
 *   gamma 0 an edge without glow gets h - (+-0) + (+-0) = h: only the
 *           glowing edges are updated; with r = 0 as well, none.
 *   r 0     h - gamma (h - 1) + (+-0) is h - gamma (h - 1): the g r
 *           term is left out.
 *
 * The lists may hold edges that no longer need a visit (their update is
 * then the identity, computed); they hold every edge that does.  max_dh
 * and glowing come out the same over the lists as over all edges: an
 * edge left out has |dh| = 0 and g = 0.
 *
 * The last two shortcuts hold for h finite and not -0 (inf - 0 inf is
 * NaN, -0 - (+-0) + (+0) is +0) and g finite: the trace is `plain' when
 * a look at every edge found |h| <= 2^900, no h = -0 and g in [0, 1].
 * Every step after it then has gamma and eta in [0, 1] and |r| <= 2^900
 * (a step outside these ranges visits every edge, and the next one looks
 * again), so g stays in [0, 1]; h - gamma (h - 1) is a mean of h and 1,
 * so |h| grows by at most |r| a step, and by rounding a factor of at most
 * 1 + 2^-50: no h comes near overflow within 2^50 steps, after which
 * the trace looks again.  And h never becomes -0: h - gamma (h - 1) is -0
 * only when h is, and its sum with g r only when both terms are.
 *
 * The journalled path writes h and g without the lists and undo
 * restores them behind their back: both mark the trace invalid, and the
 * next step without undo rebuilds it from h and g.  An episode's start
 * zeroes the listed glow and drops the edges back at h = 1.
 */
struct ps_trace {
	uint32_t	*glow;		/* every edge with g != +0 */
	uint32_t	*active;	/* every edge with h != 1 or g != +0 */
	uint8_t		*mark;		/* by edge: in which lists */
	size_t		 edges;
	size_t		 nglow;
	size_t		 nactive;
	uint64_t	 steps;		/* since the last look at every edge */
	bool		 valid;		/* the lists cover h and g */
	bool		 plain;		/* h and g as the shortcuts need */
};

/* Bytes of storage the lists of a trace over `edges' edges take. */
size_t	ps_trace_size(size_t edges);
/* A trace in storage of ps_trace_size(edges) bytes; invalid until a
 * step or an episode start rebuilds it. */
void	ps_trace_init(struct ps_trace *, void *storage, size_t edges);
/* Glow back to 0 on every edge without a journal (as ps_glow_reset()
 * without one), h unchanged. */
void	ps_trace_episode(struct ps_trace *, const double *h, double *g);
/* ps_update() without a journal, visiting only the edges the trace
 * lists: the same bits in h, g and rec.  The trace must have been made
 * for these h and g (ps_trace_init()); mark it invalid (valid = false)
 * after writing either any other way. */
void	ps_update_traced(double *h, double *g, int nstates, int nactions,
	    int s, int a, double r, double gamma, double eta,
	    struct ps_trace *, struct ps_record *);

/* One edge's new strength, the one formula both the learner and the
 * screen use. */
static inline double
ps_edge_new(double h, double g, double r, double gamma)
{
	return (h - gamma * (h - 1.0) + g * r);
}

#endif
