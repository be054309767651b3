/* Projective simulation: h and g by hand, hopping probabilities, glow
 * reset, exact undo, reproducibility, the batch path's shortcuts against
 * the textbook loops, and learning FrozenLake 4x4. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "agent.h"
#include "journal.h"
#include "ps.h"
#include "rng.h"
#include "session.h"
#include "stats.h"

static struct datadir	dirs;

static int
setup_dirs(void **state)
{
	(void)state;
	snprintf(dirs.lessons, sizeof dirs.lessons, "%s/lessons", TOP_SRCDIR);
	snprintf(dirs.maps, sizeof dirs.maps, "%s/data/maps", TOP_SRCDIR);
	return (0);
}

/* The tutorial's task: PS on FrozenLake 4x4, not slippery, at most 99
 * steps an episode, with damping gamma and glow eta. */
static void
ps_params(struct params *p, const char *gamma, const char *eta)
{
	char	 err[256], a[64];

	params_defaults(p);
	assert_int_equal(param_assign(p, "agent=ps", err, sizeof err), 0);
	assert_int_equal(param_assign(p, "slippery=0", err, sizeof err), 0);
	assert_int_equal(param_assign(p, "max_steps=99", err, sizeof err), 0);
	snprintf(a, sizeof a, "ps_gamma=%s", gamma);
	assert_int_equal(param_assign(p, a, err, sizeof err), 0);
	snprintf(a, sizeof a, "eta=%s", eta);
	assert_int_equal(param_assign(p, a, err, sizeof err), 0);
}

static struct session *
new_session(const struct params *p, size_t undo)
{
	char		 err[256];
	struct session	*s = session_new(p, &dirs, 0, undo, err, sizeof err);

	if (s == NULL)
		print_error("%s\n", err);
	assert_non_null(s);
	return (s);
}

static size_t
edges_bytes(const struct session *s)
{
	return ((size_t)s->agent->nstates * s->agent->nactions *
	    sizeof (double));
}

/*
 * Two percepts x two actions, gamma 0.5, eta 0.25.  Step 1: (0,1), r 0;
 * step 2: (1,0), r 2; step 3: (0,1), r 0.
 */
static void
test_ps_h_and_g_by_hand(void **state)
{
	double			 h[4] = { 1, 1, 1, 1 }, g[4] = { 0 };
	struct ps_record	 rec;

	(void)state;
	ps_update(h, g, 2, 2, 0, 1, 0.0, 0.5, 0.25, NULL, &rec);
	/* g = (0, 1, 0, 0); h all 1: 1 - 0.5 (1 - 1) + g 0 = 1. */
	assert_near(g[1], 1, 0);
	assert_near(g[0] + g[2] + g[3], 0, 0);
	assert_near(h[0] + h[1] + h[2] + h[3], 4, 0);
	assert_int_equal(rec.glowing, 1);
	assert_near(rec.max_dh, 0, 0);

	ps_update(h, g, 2, 2, 1, 0, 2.0, 0.5, 0.25, NULL, &rec);
	/* g = (0, 0.75, 1, 0); h = 1 + 2 g = (1, 2.5, 3, 1). */
	assert_near(g[1], 0.75, 0);
	assert_near(g[2], 1, 0);
	assert_near(h[0], 1, 0);
	assert_near(h[1], 2.5, 0);
	assert_near(h[2], 3, 0);
	assert_near(h[3], 1, 0);
	assert_int_equal(rec.glowing, 2);
	assert_near(rec.h_old, 1, 0);
	assert_near(rec.damping, 0, 0);
	assert_near(rec.g, 1, 0);
	assert_near(rec.h_new, 3, 0);
	assert_near(rec.max_dh, 2, 0);
	assert_near(rec.r, 2, 0);

	ps_update(h, g, 2, 2, 0, 1, 0.0, 0.5, 0.25, NULL, &rec);
	/* g = (0, 1, 0.75, 0); h <- h - 0.5 (h - 1) = (1, 1.75, 2, 1). */
	assert_near(g[1], 1, 0);
	assert_near(g[2], 0.75, 0);
	assert_near(h[1], 1.75, 0);
	assert_near(h[2], 2, 0);
	assert_near(rec.h_old, 2.5, 0);
	assert_near(rec.damping, 0.75, 0);
	assert_near(rec.h_new, 1.75, 0);
	assert_near(rec.max_dh, 1, 0);
	assert_int_equal(rec.glowing, 2);
}

/* The journalled path gives the same bits and undoes exactly. */
static void
test_ps_journal_same_bits(void **state)
{
	double			 h[6], g[6], h2[6], g2[6], h0[6], g0[6];
	struct ps_record	 rec, rec2;
	struct journal		*j = journal_new(8, 64, 1);
	int			 i;

	(void)state;
	memset(&rec, 0, sizeof rec);
	memset(&rec2, 0, sizeof rec2);
	for (i = 0; i < 6; i++) {
		h[i] = h2[i] = 1 + 0.1 * i;
		g[i] = g2[i] = i % 2 ? 0.5 : 0;
	}
	memcpy(h0, h, sizeof h);
	memcpy(g0, g, sizeof g);
	journal_begin(j);
	ps_update(h, g, 2, 3, 1, 2, 1.5, 0.01, 0.3, j, &rec);
	ps_update(h2, g2, 2, 3, 1, 2, 1.5, 0.01, 0.3, NULL, &rec2);
	assert_memory_equal(h, h2, sizeof h);
	assert_memory_equal(g, g2, sizeof g);
	assert_memory_equal(&rec, &rec2, sizeof rec);
	assert_non_null(journal_undo(j));
	assert_memory_equal(h, h0, sizeof h);
	assert_memory_equal(g, g0, sizeof g);
	journal_free(j);
}

static void
test_ps_probabilities_sum_to_one(void **state)
{
	double	 h[4] = { 1, 3, 0.5, 2.5 }, p[4], sum;
	int	 i, k, counts[4] = { 0 };

	(void)state;
	ps_probs(h, 4, PS_STANDARD, 1, p);
	assert_near(p[0], 1 / 7.0, 1e-15);
	assert_near(p[1], 3 / 7.0, 1e-15);
	for (k = 0; k < 2; k++) {
		ps_probs(h, 4, k == 0 ? PS_STANDARD : PS_SOFTMAX, 2.0, p);
		for (sum = 0, i = 0; i < 4; i++)
			sum += p[i];
		assert_near(sum, 1, 1e-15);
	}
	/* softmax with beta 2: exp(2 h) normalised. */
	assert_near(p[1] / p[0], exp(4.0), 1e-12);
	ps_probs(h, 4, PS_SOFTMAX, 0, p);
	assert_near(p[2], 0.25, 1e-15);
	/* The draw follows the probabilities: coins spread over [0, 1). */
	for (i = 0; i < 700; i++)
		counts[ps_choose_coin(h, 4, PS_STANDARD, 1,
		    (i + 0.5) / 700)]++;
	assert_int_equal(counts[0], 100);
	assert_int_equal(counts[1], 300);
	assert_int_equal(counts[2], 50);
	assert_int_equal(counts[3], 250);
}

/* Glow is 0 when an episode starts: after the first step of a new
 * episode only the edge just taken glows. */
static void
test_ps_glow_reset_at_episode_start(void **state)
{
	struct params	 p;
	struct session	*s;
	size_t		 i, n;
	int		 glowing = 0;

	(void)state;
	ps_params(&p, "1e-7", "0.006");
	s = new_session(&p, 0);
	session_finish_episode(s);
	session_finish_episode(s);
	n = (size_t)s->agent->nstates * s->agent->nactions;
	assert_true(s->agent->rec.u.ps.glowing >= 1);
	session_step(s);
	for (i = 0; i < n; i++)
		glowing += s->agent->glow[i] > 0;
	assert_int_equal(glowing, 1);
	assert_int_equal(s->agent->rec.u.ps.glowing, 1);
	assert_near(s->agent->glow[(size_t)s->last.s * 4 + s->last.a], 1, 0);
	session_free(s);
}

/* Stepping back restores h and g exactly, across episode ends. */
static void
test_ps_undo_restores_exactly(void **state)
{
	struct params	 p;
	struct session	*s;
	double		*h, *g;
	long		 ep;
	int		 i;

	(void)state;
	ps_params(&p, "0.01", "0.1");
	s = new_session(&p, 1000);
	h = malloc(edges_bytes(s) * 300);
	g = malloc(edges_bytes(s) * 300);
	for (i = 0; i < 300; i++) {
		memcpy(h + (size_t)i * 64, s->agent->table, edges_bytes(s));
		memcpy(g + (size_t)i * 64, s->agent->glow, edges_bytes(s));
		session_step(s);
	}
	ep = s->episode;
	assert_true(ep >= 3);
	for (i = 299; i >= 0; i--) {
		assert_int_equal(session_back(s), 0);
		assert_memory_equal(s->agent->table, h + (size_t)i * 64,
		    edges_bytes(s));
		assert_memory_equal(s->agent->glow, g + (size_t)i * 64,
		    edges_bytes(s));
	}
	assert_int_equal(s->episode, 0);
	free(h);
	free(g);
	session_free(s);
}

/* The same seed gives the same h, g and record, with or without undo. */
static void
test_ps_reproducible(void **state)
{
	struct params	 p;
	struct session	*a, *b;

	(void)state;
	ps_params(&p, "1e-7", "0.006");
	a = new_session(&p, 0);
	b = new_session(&p, 100);
	session_run(a, 100, 0);
	session_run(b, 100, 0);
	assert_int_equal(a->transitions, b->transitions);
	assert_memory_equal(a->agent->table, b->agent->table, edges_bytes(a));
	assert_memory_equal(a->agent->glow, b->agent->glow, edges_bytes(a));
	assert_memory_equal(&a->agent->rec, &b->agent->rec,
	    sizeof a->agent->rec);
	session_free(a);
	session_free(b);
}

/*
 * The textbook step, every edge, in the tutorial's order: g <- (1 - eta)
 * g, g(s,a) = 1, then h <- h - gamma (h - 1) + g r, with the record's
 * arithmetic fields.
 */
static void
textbook_update(double *h, double *g, size_t n, size_t sa, double r,
    double gamma, double eta, struct ps_record *rec)
{
	double	 old, d, max_dh = 0;
	size_t	 i;
	int	 glowing = 0;

	rec->r = r;
	rec->gamma = gamma;
	rec->eta = eta;
	rec->h_old = h[sa];
	rec->damping = gamma * (h[sa] - 1.0);
	for (i = 0; i < n; i++)
		g[i] = g[i] * (1.0 - eta);
	g[sa] = 1.0;
	for (i = 0; i < n; i++) {
		old = h[i];
		h[i] = (old - gamma * (old - 1.0)) + g[i] * r;
		d = fabs(h[i] - old);
		if (d > max_dh)
			max_dh = d;
		if (g[i] > 0)
			glowing++;
	}
	rec->g = g[sa];
	rec->h_new = h[sa];
	rec->glowing = glowing;
	rec->max_dh = max_dh;
}

/* The record's arithmetic, bit for bit. */
static void
assert_same_record(const struct ps_record *a, const struct ps_record *b)
{
	assert_memory_equal(&a->r, &b->r, sizeof a->r);
	assert_memory_equal(&a->gamma, &b->gamma, sizeof a->gamma);
	assert_memory_equal(&a->eta, &b->eta, sizeof a->eta);
	assert_memory_equal(&a->h_old, &b->h_old, sizeof a->h_old);
	assert_memory_equal(&a->damping, &b->damping, sizeof a->damping);
	assert_memory_equal(&a->g, &b->g, sizeof a->g);
	assert_memory_equal(&a->h_new, &b->h_new, sizeof a->h_new);
	assert_memory_equal(&a->max_dh, &b->max_dh, sizeof a->max_dh);
	assert_int_equal(a->glowing, b->glowing);
}

static double
pick_double(struct rng *r, const double *v, uint32_t n)
{
	return (v[rng_below(r, n)]);
}

/*
 * The batch path (ps_update_traced, ps_trace_episode: only the listed
 * edges, the gamma = 0 and r = 0 shortcuts) against the textbook loops
 * over every edge, bit for bit after every step: random percepts, mostly
 * among a few (so the lists stay short), rewards mostly 0, damping and
 * glow changed now and then (as on the screen), episode starts, and
 * journalled steps and undos in between that the trace does not see.
 * `weird' starts from h and g that the agent never makes (-0, huge,
 * negative) and now and then takes settings outside their ranges and
 * infinite rewards, where the batch path must fall back to every edge.
 */
static void
traced_against_textbook(int nstates, int nactions, bool weird,
    uint64_t seed, int steps)
{
	static const double	 gammas[] = { 0, -0.0, 1e-7, 0.01, 0.5, 0.9,
				    1 };
	static const double	 etas[] = { 0, 0.006, 0.04, 0.3, 1 };
	static const double	 rewards[] = { 1, -1, -100, 0.25, 2.5e-300,
				    -0.0 };
	static const double	 odd[] = { -0.0, 0, 1e300, -3, 0.5, 1,
				    2e-308 };
	const size_t		 n = (size_t)nstates * nactions;
	double			*h = malloc(n * sizeof *h);
	double			*g = malloc(n * sizeof *g);
	double			*hr = malloc(n * sizeof *hr);
	double			*gr = malloc(n * sizeof *gr);
	double			*hs = malloc(n * sizeof *hs);
	double			*gs = malloc(n * sizeof *gs);
	void			*storage = malloc(ps_trace_size(n));
	struct journal		*j = journal_new(4, 2 * n + 8, 1);
	struct ps_trace		 t;
	struct ps_record	 rec, ref;
	struct rng		 rng;
	double			 gamma = weird ? 0 : 1e-7, eta = 0.006, r;
	size_t			 i, sa;
	int			 k, s, a, few;

	rng_seed(&rng, seed, (uint64_t)n);
	for (i = 0; i < n; i++) {
		h[i] = 1;
		g[i] = 0;
		if (weird && rng_below(&rng, 4) == 0)
			h[i] = pick_double(&rng, odd, 7);
		if (weird && rng_below(&rng, 8) == 0)
			g[i] = pick_double(&rng, odd, 2);
	}
	memcpy(hr, h, n * sizeof *h);
	memcpy(gr, g, n * sizeof *g);
	ps_trace_init(&t, storage, n);
	few = nstates > 4 ? nstates / 4 : nstates;
	memset(&rec, 0, sizeof rec);
	memset(&ref, 0, sizeof ref);
	for (k = 0; k < steps; k++) {
		if (rng_below(&rng, 100) == 0)
			gamma = pick_double(&rng, gammas, 7);
		if (rng_below(&rng, 100) == 0)
			eta = pick_double(&rng, etas, 5);
		if (weird && rng_below(&rng, 300) == 0) {
			/* An edge set behind the trace's back, as an undo
			 * does. */
			i = rng_below(&rng, (uint32_t)n);
			h[i] = hr[i] = pick_double(&rng, odd, 7);
			if (rng_below(&rng, 2) == 0)
				g[i] = gr[i] = pick_double(&rng, odd, 2);
			t.valid = false;
			continue;
		}
		if (rng_below(&rng, 12) == 0) {
			/* An episode starts. */
			ps_trace_episode(&t, h, g);
			memset(gr, 0, n * sizeof *gr);
			assert_memory_equal(g, gr, n * sizeof *g);
			continue;
		}
		s = (int)rng_below(&rng, (uint32_t)(rng_below(&rng, 8) == 0 ?
		    nstates : few));
		a = (int)rng_below(&rng, (uint32_t)nactions);
		sa = (size_t)s * nactions + a;
		r = rng_below(&rng, 4) != 0 ? 0 :
		    pick_double(&rng, rewards, 6);
		if (weird && rng_below(&rng, 200) == 0)
			r = rng_below(&rng, 2) ? INFINITY : 1e301;
		if (weird && rng_below(&rng, 300) == 0)
			gamma = 1.5;
		if (weird && rng_below(&rng, 300) == 0)
			eta = 1.5;
		/* (With eta > 1 the journal skips writing a glow of +0
		 * that becomes -0, which compares equal.) */
		if (rng_below(&rng, 40) == 0 && eta <= 1) {
			/* A journalled step the trace does not see, undone
			 * half the time. */
			memcpy(hs, h, n * sizeof *h);
			memcpy(gs, g, n * sizeof *g);
			journal_begin(j);
			ps_update(h, g, nstates, nactions, s, a, r, gamma, eta,
			    j, &rec);
			t.valid = false;
			if (rng_below(&rng, 2) == 0) {
				assert_non_null(journal_undo(j));
				assert_memory_equal(h, hs, n * sizeof *h);
				assert_memory_equal(g, gs, n * sizeof *g);
				continue;
			}
		} else
			ps_update_traced(h, g, nstates, nactions, s, a, r,
			    gamma, eta, &t, &rec);
		textbook_update(hr, gr, n, sa, r, gamma, eta, &ref);
		assert_memory_equal(h, hr, n * sizeof *h);
		assert_memory_equal(g, gr, n * sizeof *g);
		assert_same_record(&rec, &ref);
	}
	journal_free(j);
	free(storage);
	free(h);
	free(g);
	free(hr);
	free(gr);
	free(hs);
	free(gs);
}

static void
test_ps_traced_same_bits_as_textbook(void **state)
{
	(void)state;
	traced_against_textbook(1, 1, false, 1, 2000);
	traced_against_textbook(2, 3, false, 2, 20000);
	traced_against_textbook(16, 4, false, 3, 60000);
	traced_against_textbook(48, 4, false, 4, 30000);
	traced_against_textbook(64, 4, false, 5, 30000);
	traced_against_textbook(9, 7, false, 6, 20000);
	traced_against_textbook(20, 100, false, 7, 5000);
	traced_against_textbook(16, 4, true, 8, 30000);
	traced_against_textbook(9, 7, true, 9, 20000);
}

/* The agent's draw is rng_choice_coin() from ps_probs(), to the bit. */
static void
test_ps_choice_same_as_rng_choice(void **state)
{
	static const double	 odd[] = { 0, -0.0, -1, 1, 1e-300, 1e300,
				    0.5, 3 };
	double			 h[PS_MAX_ACTIONS], p[PS_MAX_ACTIONS], coin;
	struct rng		 rng;
	int			 k, i, n, kind;

	(void)state;
	rng_seed(&rng, 11, 0);
	for (k = 0; k < 200000; k++) {
		n = k % 3 == 0 ? 4 : 1 + (int)rng_below(&rng, k % 7 == 0 ?
		    PS_MAX_ACTIONS : 8);
		for (i = 0; i < n; i++)
			h[i] = rng_below(&rng, 3) == 0 ?
			    odd[rng_below(&rng, 8)] :
			    4 * rng_uniform(&rng) - 1;
		kind = rng_below(&rng, 4) == 0 ? PS_SOFTMAX : PS_STANDARD;
		switch (rng_below(&rng, 8)) {
		case 0:
			coin = 0;
			break;
		case 1:
			coin = 1 - 0x1p-53;
			break;
		case 2:
			/* Past the last weight, as rounding could leave it. */
			coin = 1;
			break;
		default:
			coin = rng_uniform(&rng);
		}
		ps_probs(h, n, (enum ps_policy_kind)kind, 1.5, p);
		assert_int_equal(ps_choose_coin(h, n,
		    (enum ps_policy_kind)kind, 1.5, coin),
		    rng_choice_coin(p, n, coin));
	}
}

/*
 * On the screen: steps with undo, steps back, then a run without undo
 * (the batch path, whose trace the journal wrote around) give what the
 * same steps all with undo give.
 */
static void
test_ps_run_after_undo_same_bits(void **state)
{
	struct params	 p;
	struct session	*a, *b;
	int		 k, i;

	(void)state;
	ps_params(&p, "0.01", "0.1");
	a = new_session(&p, 100);
	b = new_session(&p, 100);
	for (k = 0; k < 30; k++) {
		for (i = 0; i < 13 + k % 5; i++) {
			session_step(a);
			session_step(b);
		}
		for (i = 0; i < 1 + k % 9; i++) {
			assert_int_equal(session_back(a), 0);
			assert_int_equal(session_back(b), 0);
		}
		session_run_unrecorded(a, 0, 7 + k % 11);
		session_run(b, 0, 7 + k % 11);
		if (k % 4 == 1)
			session_run_unrecorded(a, 2, 0);
		if (k % 4 == 1)
			session_run(b, 2, 0);
		assert_memory_equal(a->agent->table, b->agent->table,
		    edges_bytes(a));
		assert_memory_equal(a->agent->glow, b->agent->glow,
		    edges_bytes(a));
		assert_memory_equal(&a->agent->rec, &b->agent->rec,
		    sizeof a->agent->rec);
	}
	session_free(a);
	session_free(b);
}

/* success_last100 averaged over 30 runs of 500 episodes. */
static double
success_30x500(const char *gamma, const char *eta)
{
	struct params	 p;
	struct session	*s;
	double		 sum = 0;
	int		 r;

	ps_params(&p, gamma, eta);
	s = new_session(&p, 0);
	for (r = 0; r < 30; r++) {
		s->stream = (uint64_t)r;
		session_reset(s);
		session_run(s, 500, 0);
		sum += session_tail_mean(s, s->log.success, 100);
	}
	session_free(s);
	return (sum / 30);
}

/* The tutorial reaches 0.963 (gamma 1e-7, eta 0.006) and 0.967
 * (gamma 0, eta 0.04). */
static void
test_ps_learns_frozenlake(void **state)
{
	double	 a, b;

	(void)state;
	a = success_30x500("1e-7", "0.006");
	b = success_30x500("0", "0.04");
	print_message("success_last100: %.4f (1e-7, 0.006), %.4f (0, "
	    "0.04)\n", a, b);
	assert_true(a >= 0.95);
	assert_true(b >= 0.95);
}

/* Switching to PS on the screen sizes the history for its writes. */
static void
test_ps_switch_agent_keeps_undo(void **state)
{
	struct params	 p;
	struct session	*s;
	char		 err[256];
	bool		 reset;
	int		 i;

	(void)state;
	params_defaults(&p);
	s = new_session(&p, 50);
	assert_int_equal(session_set(s, "agent", "ps", &reset, err,
	    sizeof err), 0);
	assert_true(reset);
	assert_near(s->agent->table[5], 1, 0);
	for (i = 0; i < 50; i++)
		session_step(s);
	assert_int_equal(session_history(s), 50);
	session_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ps_h_and_g_by_hand),
		cmocka_unit_test(test_ps_journal_same_bits),
		cmocka_unit_test(test_ps_probabilities_sum_to_one),
		cmocka_unit_test(test_ps_glow_reset_at_episode_start),
		cmocka_unit_test(test_ps_undo_restores_exactly),
		cmocka_unit_test(test_ps_reproducible),
		cmocka_unit_test(test_ps_traced_same_bits_as_textbook),
		cmocka_unit_test(test_ps_choice_same_as_rng_choice),
		cmocka_unit_test(test_ps_run_after_undo_same_bits),
		cmocka_unit_test(test_ps_learns_frozenlake),
		cmocka_unit_test(test_ps_switch_agent_keeps_undo),
	};

	return (cmocka_run_group_tests(tests, setup_dirs, NULL));
}
