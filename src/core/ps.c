/* Two-layer projective simulation: hopping, glow and damping. */
#include <stddef.h>
#include <string.h>

#include "ps.h"
#include "rng.h"

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

/* The weights p is proportional to: h itself, or exp(beta (h - max)). */
static void
ps_weights(const double *h, int n, enum ps_policy_kind kind, double beta,
    double *w)
{
	double	 m = h[0];
	int	 i;

	if (kind != PS_SOFTMAX) {
		/* Negative rewards can push h below 0: such an edge is not
		 * taken, as rng_choice() skips it. */
		for (i = 0; i < n; i++)
			w[i] = h[i] > 0 ? h[i] : 0;
		return;
	}
	for (i = 1; i < n; i++)
		m = h[i] > m ? h[i] : m;
	for (i = 0; i < n; i++)
		w[i] = exp(beta * (h[i] - m));
}

void
ps_probs(const double *h, int n, enum ps_policy_kind kind, double beta,
    double *p)
{
	double	 sum = 0;
	int	 i;

	ps_weights(h, n, kind, beta, p);
	for (i = 0; i < n; i++)
		sum += p[i];
	for (i = 0; i < n; i++)
		p[i] = sum > 0 ? p[i] / sum : 1.0 / n;
}

int
ps_choose_coin(const double *h, int n, enum ps_policy_kind kind,
    double beta, double coin)
{
	double	 p[PS_MAX_ACTIONS];

	ps_probs(h, n, kind, beta, p);
	return (rng_choice_coin(p, n, coin));
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
 * vectorises; with one, the same arithmetic edge by edge, journalling
 * only the edges whose value changes (a glow of 0 stays 0, and an edge
 * at h = 1 without glow or reward stays 1), so that the history lasts
 * longer.  Both give the same bits.
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

static struct policy_choice
ps_act(struct agent *ag, int s, long episode, struct rng *r)
{
	struct policy_choice	 c = { 0, 0 };
	struct ps_record	*rec = &ag->rec.u.ps;
	double			 p[PS_MAX_ACTIONS];

	(void)episode;
	/* As the tutorial: p(.|s), then a draw from it.  The record keeps
	 * p for learn(), which comes next (h does not change between). */
	ps_probs(agent_row(ag, s), ag->nactions,
	    (enum ps_policy_kind)ag->cfg.ps_policy, ag->cfg.beta, p);
	c.action = rng_choice_coin(p, ag->nactions, rng_uniform(r));
	rec->nactions = ag->nactions < PS_RECORD_ACTIONS ? ag->nactions :
	    PS_RECORD_ACTIONS;
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
	ps_glow_reset(ag->glow, (size_t)ag->nstates * ag->nactions, j);
}

static void
ps_clear(struct agent *ag)
{
	size_t	 i, n = (size_t)ag->nstates * ag->nactions;

	for (i = 0; i < n; i++)
		ag->table[i] = 1.0;
}

/* The glow reset, the decay of every glow and the update of every h. */
static size_t
ps_undo_entries(int nstates, int nactions)
{
	return (2 * (size_t)nstates * nactions + 1);
}
