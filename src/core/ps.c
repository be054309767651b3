/* Two-layer projective simulation: hopping, glow and damping. */
#include <float.h>
#include <stddef.h>
#include <string.h>

#include "ps.h"
#include "rng.h"
#include "xmalloc.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define PS_IN_GLOW	1
#define PS_IN_ACTIVE	2
/* A plain trace's bounds (see ps.h): |h| and |r| at most 2^900, and a
 * look at every edge at least every 2^50 steps. */
#define PS_PLAIN_MAX	0x1p900
#define PS_PLAIN_STEPS	(1ULL << 50)

static struct policy_choice	ps_act(struct agent *, int, long,
				    struct rng *);
static void			ps_learn(struct agent *, int, int, bool,
				    const struct env_step *, long,
				    struct rng *, struct journal *);
static int			ps_greedy(struct agent *, int, struct rng *);
static void			ps_episode_start(struct agent *,
				    struct journal *);
static void			ps_clear(struct agent *);
static size_t			ps_undo_entries(int, int);

/* The trace, after the glow (see ps_clear()). */
static inline struct ps_trace *
ps_trace_of(struct agent *ag)
{
	return ((struct ps_trace *)(ag->glow +
	    (size_t)ag->nstates * ag->nactions));
}

const struct agent_ops ps_ops = {
	.name = "ps",
	.act = ps_act,
	.learn = ps_learn,
	.greedy = ps_greedy,
	.episode_start = ps_episode_start,
	.clear = ps_clear,
	.has_glow = true,
	.undo_entries = ps_undo_entries,
};

/* Softmax weights exp(beta (h - max)), out of line: exp() is the cost. */
static void
ps_weights_softmax(const double *h, int n, double beta, double *w)
{
	double	 m = h[0];
	int	 i;

	for (i = 1; i < n; i++)
		m = h[i] > m ? h[i] : m;
	for (i = 0; i < n; i++)
		w[i] = exp(beta * (h[i] - m));
}

/*
 * p(.|s) into p and its running sums into c: c[i] = p[0] + ... + p[i],
 * added in that order.  The sum of the weights starts from w[0], not
 * from 0 + w[0]: the same, as no weight is -0.
 *
 * The loops are scalar on purpose (an in-order sum is never vectorised,
 * and the weights, divisions and running sums share its loop): h is
 * loaded a double at a time.  The learner stores h an edge at a time,
 * and a vector load of two doubles just stored apart waits for both
 * stores to retire instead of taking their values on the way.
 */
static inline void
ps_probs_sums(const double *h, int n, enum ps_policy_kind kind,
    double beta, double *p, double *c)
{
	double	 sum, v, acc;
	int	 i;

	if (n <= 0)
		return;
	if (kind == PS_SOFTMAX) {
		ps_weights_softmax(h, n, beta, p);
		sum = p[0];
		for (i = 1; i < n; i++)
			sum += p[i];
	} else {
		/* Negative rewards can push h below 0: such an edge is not
		 * taken, as rng_choice() skips it. */
		sum = p[0] = h[0] > 0 ? h[0] : 0;
#pragma GCC unroll 4
		for (i = 1; i < n; i++) {
			v = h[i] > 0 ? h[i] : 0;
			p[i] = v;
			sum += v;
		}
	}
	if (sum > 0) {
		acc = c[0] = p[0] = p[0] / sum;
#pragma GCC unroll 4
		for (i = 1; i < n; i++) {
			v = p[i] / sum;
			p[i] = v;
			acc += v;
			c[i] = acc;
		}
	} else {
		v = 1.0 / n;
		acc = c[0] = p[0] = v;
		for (i = 1; i < n; i++) {
			p[i] = v;
			acc += v;
			c[i] = acc;
		}
	}
}

/*
 * rng_choice_coin(p, n, coin) for probabilities p with running sums c
 * (no p[i] is negative or -0): the same action, which a test checks.
 * That function skips the p[i] <= 0 and returns the first i where coin *
 * total < the running sum.  Adding a p[i] = +0 leaves a sum as it is, so
 * the c[i] are its sums and c[n - 1] its total; they never decrease, so
 * the first i with coin * total < c[i] is the number of c[i] <= coin *
 * total, counted without a branch that the coin would make
 * unpredictable; and that first i has p[i] > 0 (else c[i] = c[i-1], or
 * c[0] = 0 <= coin * total).  When the count is n (rounding), the answer
 * is the last p[i] > 0, or 0.  With a p[i] infinite or NaN the total is
 * not finite, and the loop of rng_choice_coin() decides.
 */
static inline int
ps_pick(const double *p, const double *c, int n, double coin)
{
	double	 x, acc = 0;
	int	 i, below = 0, last = -1;

	if (n <= 0)
		return (0);
	if (c[n - 1] <= DBL_MAX) {
		x = coin * c[n - 1];
#pragma GCC unroll 4
		for (i = 0; i < n; i++)
			below += c[i] <= x;
		if (below < n)
			return (below);
#pragma GCC unroll 4
		for (i = n - 1; i > 0; i--)
			if (p[i] > 0)
				break;
		return (i);
	}
	coin *= c[n - 1];
	for (i = 0; i < n; i++) {
		if (p[i] <= 0)
			continue;
		last = i;
		acc += p[i];
		if (coin < acc)
			return (i);
	}
	return (last < 0 ? 0 : last);
}

/* p(.|s) into p, and the action a coin draws from it. */
static inline int
ps_draw(const double *h, int n, enum ps_policy_kind kind, double beta,
    double coin, double *p)
{
	double	 c[PS_MAX_ACTIONS];

	ps_probs_sums(h, n, kind, beta, p, c);
	return (ps_pick(p, c, n, coin));
}

void
ps_probs(const double *h, int n, enum ps_policy_kind kind, double beta,
    double *p)
{
	double	 c[PS_MAX_ACTIONS];

	ps_probs_sums(h, n, kind, beta, p, c);
}

int
ps_choose_coin(const double *h, int n, enum ps_policy_kind kind,
    double beta, double coin)
{
	double	 p[PS_MAX_ACTIONS];

	return (ps_draw(h, n, kind, beta, coin, p));
}

void
ps_glow_reset(double *g, size_t edges, struct journal *j)
{
	size_t	 i;

	if (j == NULL) {
		memset(g, 0, edges * sizeof *g);
		return;
	}
	for (i = 0; i < edges; i++)
		if (g[i] != 0)
			journal_set(j, g + i, 0.0);
}

/*
 * Every edge's h <- h - gamma (h - 1) + g r, returning the largest
 * |change| and counting the glowing edges.  Four accumulators of each,
 * so that no chain of dependent maxima limits the loop.
 */
static double
ps_step_h(double *restrict h, const double *restrict g, size_t n, double r,
    double gamma, int *glowing)
{
	double	 m[4] = { 0, 0, 0, 0 }, old, nw, d;
	int	 c[4] = { 0, 0, 0, 0 };
	size_t	 i, k;

	for (i = 0; i + 4 <= n; i += 4) {
		for (k = 0; k < 4; k++) {
			old = h[i + k];
			nw = ps_edge_new(old, g[i + k], r, gamma);
			h[i + k] = nw;
			d = fabs(nw - old);
			m[k] = d > m[k] ? d : m[k];
			c[k] += g[i + k] > 0;
		}
	}
	for (; i < n; i++) {
		old = h[i];
		nw = ps_edge_new(old, g[i], r, gamma);
		h[i] = nw;
		d = fabs(nw - old);
		m[0] = d > m[0] ? d : m[0];
		c[0] += g[i] > 0;
	}
	*glowing = c[0] + c[1] + c[2] + c[3];
	m[0] = m[1] > m[0] ? m[1] : m[0];
	m[2] = m[3] > m[2] ? m[3] : m[2];
	return (m[2] > m[0] ? m[2] : m[0]);
}

/*
 * Without a journal, two plain loops over all edges that the compiler
 * vectorises (the agent takes ps_update_traced() instead, which visits
 * fewer, and the tests compare the two); with one, the same arithmetic
 * edge by edge, journalling only the edges whose value changes (a glow
 * of 0 stays 0, and an edge at h = 1 without glow or reward stays 1), so
 * that the history lasts longer.  Both give the same bits.
 */
void
ps_update(double *h, double *g, int nstates, int nactions, int s, int a,
    double r, double gamma, double eta, struct journal *j,
    struct ps_record *rec)
{
	const size_t	 n = (size_t)nstates * nactions;
	const size_t	 sa = (size_t)s * nactions + a;
	const double	 keep = 1.0 - eta;
	double		 old, nw, d, max_dh = 0;
	size_t		 i;
	int		 glowing = 0;

	rec->s = s;
	rec->a = a;
	rec->r = r;
	rec->gamma = gamma;
	rec->eta = eta;
	rec->h_old = h[sa];
	rec->damping = gamma * (h[sa] - 1.0);
	if (j == NULL) {
		for (i = 0; i < n; i++)
			g[i] *= keep;
		g[sa] = 1.0;
		max_dh = ps_step_h(h, g, n, r, gamma, &glowing);
	} else {
		for (i = 0; i < n; i++) {
			nw = i == sa ? 1.0 : g[i] * keep;
			if (nw != g[i])
				journal_set(j, g + i, nw);
		}
		for (i = 0; i < n; i++) {
			old = h[i];
			nw = ps_edge_new(old, g[i], r, gamma);
			if (nw != old)
				journal_set(j, h + i, nw);
			d = fabs(nw - old);
			max_dh = d > max_dh ? d : max_dh;
			glowing += g[i] > 0;
		}
	}
	rec->g = g[sa];
	rec->h_new = h[sa];
	rec->glowing = glowing;
	rec->max_dh = max_dh;
}

size_t
ps_trace_size(size_t edges)
{
	return (edges * (2 * sizeof (uint32_t) + 1));
}

void
ps_trace_init(struct ps_trace *t, void *storage, size_t edges)
{
	t->glow = storage;
	t->active = t->glow + edges;
	t->mark = (uint8_t *)(t->active + edges);
	t->edges = edges;
	t->nglow = 0;
	t->nactive = 0;
	t->steps = 0;
	t->valid = false;
	t->plain = false;
}

/* The lists from h and g, by a look at every edge. */
static void
ps_trace_rebuild(struct ps_trace *t, const double *h, const double *g)
{
	size_t		 i, ng = 0, na = 0;
	bool		 plain = true, glows, moves;

	for (i = 0; i < t->edges; i++) {
		/* -0 too: (-0) (1 - eta) stays -0, memset() makes it +0. */
		glows = g[i] != 0 || signbit(g[i]);
		moves = glows || h[i] != 1.0;
		/* Written always, counted when they belong. */
		t->glow[ng] = (uint32_t)i;
		ng += glows;
		t->active[na] = (uint32_t)i;
		na += moves;
		t->mark[i] = (uint8_t)((glows ? PS_IN_GLOW : 0) |
		    (moves ? PS_IN_ACTIVE : 0));
		plain &= fabs(h[i]) <= PS_PLAIN_MAX &&
		    !(h[i] == 0 && signbit(h[i])) && g[i] >= 0 && g[i] <= 1;
	}
	t->nglow = ng;
	t->nactive = na;
	t->steps = 0;
	t->plain = plain;
	t->valid = true;
}

void
ps_trace_episode(struct ps_trace *t, const double *h, double *g)
{
	size_t		 k, i, na = 0;
	bool		 moves;

	if (!t->valid) {
		memset(g, 0, t->edges * sizeof *g);
		ps_trace_rebuild(t, h, g);
		return;
	}
	/* Every g but +0 is listed: this is memset(g, 0, ...). */
	for (k = 0; k < t->nglow; k++)
		g[t->glow[k]] = 0;
	t->nglow = 0;
	/* Without glow, an edge back at h = 1 stays there: drop it (the
	 * list keeps its order).  The glow marks go too. */
	for (k = 0; k < t->nactive; k++) {
		i = t->active[k];
		moves = h[i] != 1.0;
		t->active[na] = (uint32_t)i;
		na += moves;
		t->mark[i] = moves ? PS_IN_ACTIVE : 0;
	}
	t->nactive = na;
}

/*
 * Every edge in list[0..n): h <- h - gamma (h - 1) + g r, returning the
 * largest |change|.  With `damp_only', h <- h - gamma (h - 1): the same
 * when r = 0 and h is plain (g r is then +-0, and adding it to a number
 * other than -0 changes nothing).  The edges are scattered, so no
 * compiler vectorises this: with SSE2, two edges a vector by hand (the
 * same operations on each, so the same bits; a list has no edge twice).
 * The maximum is the same in any order (|change| is never -0, and a NaN
 * is skipped wherever it comes).
 */
static inline double
ps_step_list(double *restrict h, const double *restrict g,
    const uint32_t *restrict list, size_t n, double r, double gamma,
    bool damp_only)
{
	double	 m0 = 0, m1 = 0, old, nw, d;
	size_t	 k = 0, i;
#ifdef __SSE2__
	const __m128d	 one = _mm_set1_pd(1.0), vgamma = _mm_set1_pd(gamma);
	const __m128d	 vr = _mm_set1_pd(r);
	const __m128d	 sign = _mm_set1_pd(-0.0);
	__m128d		 vold, vnew, vg, vm = _mm_setzero_pd();
	size_t		 i1;

	for (; k + 2 <= n; k += 2) {
		i = list[k];
		i1 = list[k + 1];
		vold = _mm_loadh_pd(_mm_load_sd(h + i), h + i1);
		vnew = _mm_sub_pd(vold,
		    _mm_mul_pd(vgamma, _mm_sub_pd(vold, one)));
		if (!damp_only) {
			vg = _mm_loadh_pd(_mm_load_sd(g + i), g + i1);
			vnew = _mm_add_pd(vnew, _mm_mul_pd(vg, vr));
		}
		_mm_store_sd(h + i, vnew);
		_mm_storeh_pd(h + i1, vnew);
		/* max(d, m) is d > m ? d : m, as below. */
		vm = _mm_max_pd(_mm_andnot_pd(sign, _mm_sub_pd(vnew, vold)),
		    vm);
	}
	_mm_store_sd(&m0, vm);
	_mm_storeh_pd(&m1, vm);
#endif
	for (; k < n; k++) {
		i = list[k];
		old = h[i];
		nw = damp_only ? old - gamma * (old - 1.0) :
		    ps_edge_new(old, g[i], r, gamma);
		h[i] = nw;
		d = fabs(nw - old);
		m0 = d > m0 ? d : m0;
	}
	return (m1 > m0 ? m1 : m0);
}

/* ps_update_traced(), inline in the agent's learn(). */
static inline void
ps_update_traced_inline(double *h, double *g, int nstates, int nactions,
    int s, int a, double r, double gamma, double eta, struct ps_trace *t,
    struct ps_record *rec)
{
	const size_t	 sa = (size_t)s * nactions + a;
	const double	 keep = 1.0 - eta;
	double		 max_dh = 0, v;
	size_t		 k, i;
	int		 glowing = 0;

	/* Outside the settings' ranges, every edge (NaN fails too). */
	if (!(keep >= 0 && keep <= 1) || !(gamma >= 0 && gamma <= 1) ||
	    !(fabs(r) <= PS_PLAIN_MAX)) {
		ps_update(h, g, nstates, nactions, s, a, r, gamma, eta, NULL,
		    rec);
		t->valid = false;
		return;
	}
	if (!t->valid || t->steps >= PS_PLAIN_STEPS)
		ps_trace_rebuild(t, h, g);
	t->steps++;
	rec->s = s;
	rec->a = a;
	rec->r = r;
	rec->gamma = gamma;
	rec->eta = eta;
	rec->h_old = h[sa];
	rec->damping = gamma * (h[sa] - 1.0);
	/* g <- (1 - eta) g on the listed edges, counting those left > 0;
	 * then g(s,a) = 1, counted once. */
	for (k = 0; k < t->nglow; k++) {
		i = t->glow[k];
		v = g[i] * keep;
		g[i] = v;
		glowing += v > 0;
	}
	if (t->mark[sa] & PS_IN_GLOW)
		glowing -= g[sa] > 0;
	else
		t->glow[t->nglow++] = (uint32_t)sa;
	if (!(t->mark[sa] & PS_IN_ACTIVE))
		t->active[t->nactive++] = (uint32_t)sa;
	t->mark[sa] = PS_IN_GLOW | PS_IN_ACTIVE;
	g[sa] = 1.0;
	glowing++;
	if (!t->plain)
		max_dh = ps_step_list(h, g, t->active, t->nactive, r, gamma,
		    false);
	else if (gamma == 0) {
		/* Without glow h - (+-0) + (+-0) = h; with r = 0, every
		 * edge stays as it is, and max_dh is 0. */
		if (r != 0)
			max_dh = ps_step_list(h, g, t->glow, t->nglow, r,
			    gamma, false);
	} else if (r == 0)
		max_dh = ps_step_list(h, g, t->active, t->nactive, r, gamma,
		    true);
	else
		max_dh = ps_step_list(h, g, t->active, t->nactive, r, gamma,
		    false);
	rec->g = g[sa];
	rec->h_new = h[sa];
	rec->glowing = glowing;
	rec->max_dh = max_dh;
}

void
ps_update_traced(double *h, double *g, int nstates, int nactions, int s,
    int a, double r, double gamma, double eta, struct ps_trace *t,
    struct ps_record *rec)
{
	ps_update_traced_inline(h, g, nstates, nactions, s, a, r, gamma, eta,
	    t, rec);
}

static struct policy_choice
ps_act(struct agent *ag, int s, long episode, struct rng *r)
{
	struct policy_choice	 c = { 0, 0 };
	struct ps_record	*rec = &ag->rec.u.ps;
	const int		 n = ag->nactions;
	double			 buf[PS_MAX_ACTIONS];
	/* The record keeps p: computed there when it fits. */
	double			*p = n <= PS_RECORD_ACTIONS ? rec->p : buf;

	(void)episode;
	/* As the tutorial: p(.|s), then a draw from it.  The record keeps
	 * p for learn(), which comes next (h does not change between). */
	if (n == 4)
		/* FrozenLake's and CliffWalking's: the loops unrolled. */
		c.action = ps_draw(agent_row(ag, s), 4,
		    (enum ps_policy_kind)ag->cfg.ps_policy, ag->cfg.beta,
		    rng_uniform(r), p);
	else
		c.action = ps_draw(agent_row(ag, s), n,
		    (enum ps_policy_kind)ag->cfg.ps_policy, ag->cfg.beta,
		    rng_uniform(r), p);
	rec->nactions = n < PS_RECORD_ACTIONS ? n : PS_RECORD_ACTIONS;
	if (p == buf)
		memcpy(rec->p, p, (size_t)rec->nactions * sizeof *p);
	return (c);
}

static void
ps_learn(struct agent *ag, int s, int a, bool explored,
    const struct env_step *st, long episode, struct rng *r,
    struct journal *j)
{
	struct ps_record	*rec = &ag->rec.u.ps;

	(void)explored;
	(void)episode;
	(void)r;
	/* rec->p is act()'s: the probabilities a was drawn from. */
	ag->rec.kind = RECORD_PS;
	rec->s2 = st->s;
	rec->terminated = st->terminated;
	rec->truncated = st->truncated;
	if (j == NULL) {
		ps_update_traced_inline(ag->table, ag->glow, ag->nstates,
		    ag->nactions, s, a, st->reward, ag->cfg.ps_gamma,
		    ag->cfg.eta, ps_trace_of(ag), rec);
		return;
	}
	ps_trace_of(ag)->valid = false;
	ps_update(ag->table, ag->glow, ag->nstates, ag->nactions, s, a,
	    st->reward, ag->cfg.ps_gamma, ag->cfg.eta, j, rec);
}

/* The most probable action: the largest h, ties at random. */
static int
ps_greedy(struct agent *ag, int s, struct rng *r)
{
	return (policy_argmax(agent_row(ag, s), ag->nactions, r));
}

static void
ps_episode_start(struct agent *ag, struct journal *j)
{
	if (j == NULL) {
		ps_trace_episode(ps_trace_of(ag), ag->table, ag->glow);
		return;
	}
	ps_trace_of(ag)->valid = false;
	ps_glow_reset(ag->glow, (size_t)ag->nstates * ag->nactions, j);
}

/*
 * h back to 1 and g to 0, and the trace to match.  The agent has no
 * room of its own for the trace: it lives in the glow's allocation,
 * after the edges.  The first clear, from agent_new(), grows that
 * allocation; later ones realloc it to the size it already has.  Should
 * that move g, nothing points into it any longer: the session clears its
 * journal, which holds such pointers, right after clearing the agent.
 */
static void
ps_clear(struct agent *ag)
{
	size_t		 i, n = (size_t)ag->nstates * ag->nactions;
	struct ps_trace	*t;

	ag->glow = xreallocarray(ag->glow, 1, n * sizeof *ag->glow +
	    sizeof *t + ps_trace_size(n));
	for (i = 0; i < n; i++)
		ag->table[i] = 1.0;
	memset(ag->glow, 0, n * sizeof *ag->glow);
	t = ps_trace_of(ag);
	ps_trace_init(t, t + 1, n);
	ps_trace_rebuild(t, ag->table, ag->glow);
}

/* The glow reset, the decay of every glow and the update of every h. */
static size_t
ps_undo_entries(int nstates, int nactions)
{
	return (2 * (size_t)nstates * nactions + 1);
}
