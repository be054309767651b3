/* Planning against Gymnasium's optimal and random-policy values, the
 * Bellman backup by hand, convergence, and success probabilities. */
#include "testutil.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "env_cliffwalking.h"
#include "env_frozenlake.h"
#include "gridmap.h"
#include "planning.h"
#include "rng.h"
#include "tmodel.h"
#include "xmalloc.h"

#define TOL 1e-9

/* The exact success probability of the greedy policy of value
 * iteration at gamma 0.99 on 4x4 slippery ice, within 100 steps. */
#define SUCCESS_4X4_SLIPPERY 0.74016489775870453

static struct env *
frozenlake(const char *map, bool slippery)
{
	struct gridmap	 m;

	assert_int_equal(gridmap_builtin(&m, map), 0);
	return (frozenlake_new(&m, slippery, 1.0 / 3.0));
}

/* A reference CSV state,V,Q0,...: vq (S, 1 + A) gets V then the Qs. */
static double *
load_values(const char *name, int nstates, int nactions)
{
	char	 path[256], line[1024], *p, *end;
	double	*vq = xcalloc((size_t)nstates * (1 + nactions), sizeof *vq);
	FILE	*f;
	int	 rows = 0, s, j;

	snprintf(path, sizeof path, "gym/%s", name);
	f = fopen(test_data_path(path), "r");
	assert_non_null(f);
	assert_non_null(fgets(line, sizeof line, f));
	while (fgets(line, sizeof line, f) != NULL) {
		s = (int)strtol(line, &p, 10);
		assert_int_equal(s, rows);
		for (j = 0; j < 1 + nactions; j++) {
			assert_true(*p == ',');
			vq[(size_t)s * (1 + nactions) + j] = strtod(p + 1, &end);
			assert_true(end != p + 1);
			p = end;
		}
		rows++;
	}
	fclose(f);
	assert_int_equal(rows, nstates);
	return (vq);
}

/* Every V and Q of the planner within TOL of the reference. */
static void
compare_values(const struct planning *pl, const char *name)
{
	int	 S = pl->nstates, A = pl->nactions, s, a;
	double	*ref = load_values(name, S, A);

	for (s = 0; s < S; s++) {
		assert_near(pl->v[s], ref[(size_t)s * (1 + A)], TOL);
		for (a = 0; a < A; a++)
			assert_near(pl->q[(size_t)s * A + a],
			    ref[(size_t)s * (1 + A) + 1 + a], TOL);
	}
	free(ref);
}

static void
check_optimal(struct env *e, const char *variant, const char *gamma)
{
	struct planning	*pl;
	char		 name[128];

	pl = planning_new(e->model, strtod(gamma, NULL));
	assert_int_equal(planning_value_iteration(pl, PLANNING_THETA,
	    PLANNING_MAX_SWEEPS), 0);
	assert_true(pl->delta < PLANNING_THETA);
	snprintf(name, sizeof name, "%s.optimal.gamma%s.csv", variant, gamma);
	compare_values(pl, name);
	planning_free(pl);
}

static void
check_random(struct env *e, const char *variant, const char *gamma)
{
	struct planning	*pl;
	double		*pi;
	char		 name[128];

	pi = xcalloc((size_t)e->nstates * e->nactions, sizeof *pi);
	planning_policy_random(pi, e->nstates, e->nactions);
	pl = planning_new(e->model, strtod(gamma, NULL));
	assert_int_equal(planning_evaluate(pl, pi, PLANNING_THETA,
	    PLANNING_MAX_SWEEPS), 0);
	snprintf(name, sizeof name, "%s.random.gamma%s.csv", variant, gamma);
	compare_values(pl, name);
	planning_free(pl);
	free(pi);
}

static const struct {
	const char	*variant;
	const char	*map;
	bool		 slippery;
} variants[] = {
	{ "4x4-deterministic", "4x4", false },
	{ "4x4-slippery", "4x4", true },
	{ "8x8-deterministic", "8x8", false },
	{ "8x8-slippery", "8x8", true },
};

static void
test_planning_value_iteration_matches_gym(void **state)
{
	struct env	*e;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof variants / sizeof variants[0]; i++) {
		e = frozenlake(variants[i].map, variants[i].slippery);
		check_optimal(e, variants[i].variant, "0.9");
		check_optimal(e, variants[i].variant, "0.95");
		env_free(e);
	}
}

static void
test_planning_random_policy_matches_gym(void **state)
{
	struct env	*e;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof variants / sizeof variants[0]; i++) {
		e = frozenlake(variants[i].map, variants[i].slippery);
		check_random(e, variants[i].variant, "0.9");
		check_random(e, variants[i].variant, "0.95");
		env_free(e);
	}
}

static void
test_planning_cliffwalking_matches_gym(void **state)
{
	struct env	*e;

	(void)state;
	e = cliffwalking_new(false);
	check_optimal(e, "cliffwalking-deterministic", "0.9");
	check_optimal(e, "cliffwalking-deterministic", "1.0");
	check_random(e, "cliffwalking-deterministic", "0.9");
	env_free(e);
	e = cliffwalking_new(true);
	check_optimal(e, "cliffwalking-slippery", "0.9");
	check_optimal(e, "cliffwalking-slippery", "1.0");
	check_random(e, "cliffwalking-slippery", "0.9");
	env_free(e);
}

/*
 * Jacobi sweeps from V = 0 with this backup, stopped at the same
 * threshold, reproduce the reference: with the default compiler flags
 * to the last bit.  Fused multiply-adds (-march=native) may change the
 * last bits and the sweep that stops, hence 1e-13 rather than ==.
 */
static void
test_planning_jacobi_reproduces_gym(void **state)
{
	struct env	*e = frozenlake("4x4", true);
	struct planning	*pl = planning_new(e->model, 0.9);
	double		*ref;
	int		 s, a;

	(void)state;
	assert_int_equal(planning_value_iteration(pl, PLANNING_THETA,
	    PLANNING_MAX_SWEEPS), 0);
	ref = load_values("4x4-slippery.optimal.gamma0.9.csv", 16, 4);
	for (s = 0; s < 16; s++) {
		assert_near(pl->v[s], ref[s * 5], 1e-13);
		for (a = 0; a < 4; a++)
			assert_near(pl->q[s * 4 + a], ref[s * 5 + 1 + a], 1e-13);
	}
	free(ref);
	planning_free(pl);
	env_free(e);
}

/*
 * State 14 of 4x4 slippery (bottom row, left of the goal 15), gamma
 * 0.9, by hand.  Let p = 0.33333333333333337 (a slide to either side)
 * and q = 0.33333333333333331 (the intended move).
 * Sweep 1 from V = 0: only outcomes that reach the goal pay, so
 *   Q(14,left) = 0          (up to 10, left to 13, down stays on 14)
 *   Q(14,down) = p          (left 13, down 14, slide right to 15: 1)
 *   Q(14,right) = q         (down 14, right to 15, up 10)
 *   Q(14,up) = p            (slide right to 15, up 10, left 13)
 * and V1(14) = p; 10 and 13 have no goal beside them: V1 = 0 there.
 * The backup of 14 in sweep 2 reads V1:
 *   Q(14,left)  = p (0 + .9 V1(10)) + q (0 + .9 V1(13)) + p (0 + .9 V1(14))
 *               = .9 p^2 = 0.1
 *   Q(14,down)  = p (.9 V1(13)) + q (.9 V1(14)) + p (1, terminated)
 *               = .9 q p + p = 0.4333...
 *   Q(14,right) = p (.9 V1(14)) + q (1, terminated) + p (.9 V1(10))
 *               = .9 p^2 + q = 0.4333...
 *   Q(14,up)    = p (1, terminated) + q (.9 V1(10)) + p (.9 V1(13)) = p
 */
static void
test_planning_backup_by_hand(void **state)
{
	struct env		*e = frozenlake("4x4", true);
	struct planning		*pl = planning_new(e->model, 0.9);
	struct planning_backup	 b;
	const struct planning_outcome *o;
	const double		 p = 0.33333333333333337;
	const double		 q = 0.33333333333333331;
	char			 err[128];
	int			 a;

	(void)state;
	assert_int_equal(planning_backup(pl, 14, NULL, &b, err, sizeof err),
	    0);
	assert_true(b.q[0] == 0 && b.q[1] == p && b.q[2] == q && b.q[3] == p);
	planning_sweep_optimal(pl);
	assert_true(pl->v[14] == p);
	assert_true(pl->v[10] == 0 && pl->v[13] == 0);

	assert_int_equal(planning_backup(pl, 14, NULL, &b, err, sizeof err),
	    0);
	assert_int_equal(b.s, 14);
	assert_true(b.optimal);
	assert_true(b.gamma == 0.9);
	assert_int_equal(b.nactions, 4);
	assert_true(b.v_old == p);
	/* Three outcomes per action, in Gymnasium's order. */
	for (a = 0; a <= 4; a++)
		assert_int_equal(b.first[a], 3 * a);
	/* Action right: slide down (stays on 14), right to 15, slide up. */
	o = &b.out[b.first[FL_RIGHT]];
	assert_true(o[0].prob == p && o[0].next == 14 && o[0].reward == 0 &&
	    !o[0].terminated && o[0].v_next == p);
	assert_true(o[1].prob == q && o[1].next == 15 && o[1].reward == 1 &&
	    o[1].terminated && o[1].v_next == 0);
	assert_true(o[2].prob == p && o[2].next == 10 && o[2].reward == 0 &&
	    !o[2].terminated && o[2].v_next == 0);
	assert_near(b.q[FL_LEFT], 0.1, 1e-15);
	assert_near(b.q[FL_DOWN], 0.9 * q * p + p, 1e-15);
	assert_near(b.q[FL_DOWN], 0.43333333333333333, 1e-15);
	assert_near(b.q[FL_RIGHT], 0.43333333333333333, 1e-15);
	assert_true(b.q[FL_UP] == p);
	/* Down and right tie but for rounding: the record says which won. */
	assert_true(b.best == FL_DOWN || b.best == FL_RIGHT);
	for (a = 0; a < b.best; a++)
		assert_true(b.q[a] < b.q[b.best]);
	for (a = b.best + 1; a < 4; a++)
		assert_true(b.q[a] <= b.q[b.best]);
	assert_true(b.v_new == b.q[b.best]);
	assert_true(b.pi[b.best] == 1);

	/* The record is the sweep's arithmetic to the last bit. */
	planning_sweep_optimal(pl);
	assert_true(pl->v[14] == b.v_new);
	for (a = 0; a < 4; a++)
		assert_true(pl->q[14 * 4 + a] == b.q[a]);
	planning_free(pl);
	env_free(e);
}

/* Policy evaluation's backup: the expectation under pi. */
static void
test_planning_backup_of_a_policy(void **state)
{
	struct env		*e = frozenlake("4x4", true);
	struct planning		*pl = planning_new(e->model, 0.9);
	struct planning_backup	 b;
	double			 pi[16 * 4], want = 0;
	char			 err[128];
	int			 a;

	(void)state;
	planning_policy_random(pi, 16, 4);
	planning_sweep_policy(pl, pi);
	planning_sweep_policy(pl, pi);
	assert_int_equal(planning_backup(pl, 14, pi, &b, err, sizeof err), 0);
	assert_false(b.optimal);
	for (a = 0; a < 4; a++) {
		assert_true(b.pi[a] == 0.25);
		want += 0.25 * b.q[a];
	}
	assert_true(b.v_new == want);
	planning_sweep_policy(pl, pi);
	assert_true(pl->v[14] == b.v_new);
	planning_free(pl);
	env_free(e);
}

/*
 * From V = 0 with rewards >= 0, value iteration rises in every state at
 * every sweep (rounding is monotone too, so exactly), the largest change
 * shrinks by gamma at least, and so does the distance to V* (a
 * contraction) until it reaches the reference's own error.
 */
static void
check_monotone(const char *map, bool slippery, const char *ref_name)
{
	struct env	*e = frozenlake(map, slippery);
	struct planning	*pl = planning_new(e->model, 0.95);
	double		*ref = load_values(ref_name, e->nstates, 4);
	double		*prev = xcalloc((size_t)e->nstates, sizeof *prev);
	double		 d, last_d = INFINITY, err, last_err = INFINITY;
	int		 s, k;

	for (k = 1; k <= 3000; k++) {
		d = planning_sweep_optimal(pl);
		err = 0;
		for (s = 0; s < e->nstates; s++) {
			assert_true(pl->v[s] >= prev[s]);
			prev[s] = pl->v[s];
			err = fmax(err, fabs(pl->v[s] - ref[s * 5]));
		}
		assert_true(d <= 0.95 * last_d + 1e-15);
		if (last_err > 1e-12)
			assert_true(err <= 0.95 * last_err);
		last_d = d;
		last_err = err;
		if (d == 0)
			break;
	}
	assert_int_equal(pl->sweeps, k);
	assert_true(last_err < TOL);
	free(prev);
	free(ref);
	planning_free(pl);
	env_free(e);
}

static void
test_planning_sweeps_converge_monotonically(void **state)
{
	(void)state;
	check_monotone("4x4", true, "4x4-slippery.optimal.gamma0.95.csv");
	check_monotone("8x8", true, "8x8-slippery.optimal.gamma0.95.csv");
	check_monotone("8x8", false, "8x8-deterministic.optimal.gamma0.95.csv");
}

/* The solve functions stop at the threshold or at the sweep limit. */
static void
test_planning_stops(void **state)
{
	struct env	*e = frozenlake("8x8", true);
	struct planning	*pl = planning_new(e->model, 0.99);

	(void)state;
	assert_int_equal(planning_value_iteration(pl, PLANNING_THETA, 10),
	    -1);
	assert_int_equal(pl->sweeps, 10);
	assert_true(pl->delta > 0);
	planning_reset(pl);
	assert_int_equal(pl->sweeps, 0);
	assert_true(pl->v[0] == 0);
	assert_int_equal(planning_value_iteration(pl, 1e-3, 100000), 0);
	assert_true(pl->delta < 1e-3);
	planning_free(pl);
	env_free(e);
}

/* The greedy policy takes the first best action, and evaluating it
 * gives back V*. */
static void
test_planning_greedy_policy(void **state)
{
	struct env	*e = frozenlake("4x4", true);
	struct planning	*pl = planning_new(e->model, 0.9), *ev;
	int		 act[16], s;
	double		 pi[16 * 4];

	(void)state;
	planning_value_iteration(pl, PLANNING_THETA, PLANNING_MAX_SWEEPS);
	planning_greedy(pl, act);
	/* Holes and the goal: all Q are 0, the first action wins. */
	assert_int_equal(act[5], FL_LEFT);
	assert_int_equal(act[15], FL_LEFT);
	/* State 6: left and right are the same three moves, the same Q. */
	assert_true(pl->q[6 * 4 + FL_LEFT] == pl->q[6 * 4 + FL_RIGHT]);
	assert_int_equal(act[6], FL_LEFT);
	assert_int_equal(act[0], FL_LEFT);
	assert_int_equal(act[14], FL_DOWN);
	planning_policy_deterministic(pi, act, 16, 4);
	assert_true(pi[0 * 4 + FL_LEFT] == 1 && pi[0 * 4 + FL_DOWN] == 0);
	ev = planning_new(e->model, 0.9);
	assert_int_equal(planning_evaluate(ev, pi, PLANNING_THETA,
	    PLANNING_MAX_SWEEPS), 0);
	for (s = 0; s < 16; s++)
		assert_near(ev->v[s], pl->v[s], 1e-12);
	planning_free(ev);
	planning_free(pl);
	env_free(e);
}

/* The success probability of one greedy policy, by simulation: a
 * loose check of the exact figure. */
static double
simulate_success(struct env *e, const int *act, int episodes)
{
	struct rng	 r;
	struct env_step	 st;
	int		 i, wins = 0;

	rng_seed(&r, 12345, 0);
	for (i = 0; i < episodes; i++) {
		env_reset(e, &r);
		do {
			env_step(e, act[e->st.s], &r, &st);
		} while (!st.terminated && !st.truncated);
		wins += st.success;
	}
	return ((double)wins / episodes);
}

static void
test_planning_success_4x4_slippery(void **state)
{
	struct env	*e = frozenlake("4x4", true);
	struct planning	*pl = planning_new(e->model, 0.99);
	int		 act[16], n = 40000;
	double		 pi[16 * 4], ps, best, sim, per[16], eventual;

	(void)state;
	assert_int_equal(e->time_limit, 100);
	planning_value_iteration(pl, PLANNING_THETA, PLANNING_MAX_SWEEPS);
	planning_greedy(pl, act);
	planning_policy_deterministic(pi, act, 16, 4);
	ps = planning_success(e->model, pi, 100, per);
	/* About 0.74, the figure the lesson quotes. */
	assert_near(ps, SUCCESS_4X4_SLIPPERY, 1e-9);
	assert_true(per[0] == ps);
	assert_true(per[5] == 0 && per[15] == 0);
	sim = simulate_success(e, act, n);
	/* Four standard deviations: sqrt(.74 * .26 / n) is 0.0022. */
	assert_near(sim, ps, 0.009);
	/* No policy does better within 100 steps than the best for that
	 * horizon, and the greedy one is close to it. */
	best = planning_success_best(e->model, 100, NULL);
	assert_true(best >= ps - 1e-15);
	assert_true(best - ps < 0.01);
	/* Without a time limit the success probability is the policy's
	 * value at gamma 1: only success pays, 1, and then it ends. */
	eventual = planning_success(e->model, pi, 0, NULL);
	planning_free(pl);
	pl = planning_new(e->model, 1.0);
	assert_int_equal(planning_evaluate(pl, pi, PLANNING_THETA,
	    PLANNING_MAX_SWEEPS), 0);
	assert_near(eventual, pl->v[0], 1e-9);
	assert_true(eventual > ps);
	planning_free(pl);
	env_free(e);
}

/* On solid ice the shortest path takes 6 steps: none succeed in 5. */
static void
test_planning_success_horizon(void **state)
{
	struct env	*e = frozenlake("4x4", false);
	struct planning	*pl = planning_new(e->model, 0.9);
	int		 act[16];
	double		 pi[16 * 4];

	(void)state;
	planning_value_iteration(pl, PLANNING_THETA, PLANNING_MAX_SWEEPS);
	planning_greedy(pl, act);
	planning_policy_deterministic(pi, act, 16, 4);
	assert_true(planning_success(e->model, pi, 5, NULL) == 0);
	assert_true(planning_success(e->model, pi, 6, NULL) == 1);
	assert_true(planning_success(e->model, pi, 100, NULL) == 1);
	assert_true(planning_success_best(e->model, 5, NULL) == 0);
	/* The random policy: the chance of one 6-step path at least. */
	planning_policy_random(pi, 16, 4);
	assert_true(planning_success(e->model, pi, 6, NULL) > 0);
	assert_true(planning_success(e->model, pi, 100, NULL) < 0.1);
	planning_free(pl);
	env_free(e);
}

static void
test_planning_acting_states(void **state)
{
	struct env	*e = frozenlake("4x4", true);
	bool		 acts[48];
	int		 s;

	(void)state;
	planning_acting_states(e->model, acts);
	for (s = 0; s < 16; s++)
		assert_int_equal(acts[s], s != 5 && s != 7 && s != 11 &&
		    s != 12 && s != 15);
	env_free(e);
	/* CliffWalking: never on the cliff (it sends back to the start)
	 * nor on the goal, though its model lists moves from them. */
	e = cliffwalking_new(false);
	planning_acting_states(e->model, acts);
	for (s = 0; s < 48; s++)
		assert_int_equal(acts[s], s <= CW_START);
	env_free(e);
}

/* The greedy path of a hand-made table on solid 4x4 ice: right, right,
 * down, down, down, right reaches G; a table pointing into a loop stops
 * at the first repeated state. */
static void
test_planning_greedy_path(void **state)
{
	const int		 expect[7] = { 0, 1, 2, 6, 10, 14, 15 };
	const int		 moves[6] = { FL_RIGHT, FL_RIGHT, FL_DOWN,
				    FL_DOWN, FL_DOWN, FL_RIGHT };
	struct env		*e = frozenlake("4x4", false);
	double			 q[16 * 4] = { 0 };
	int			 path[17], n, reaches, s, k;

	(void)state;
	for (s = 0; s < 6; s++)
		q[expect[s] * 4 + moves[s]] = 1.0;
	n = planning_greedy_path(e->model, q, 0, path, 17, &reaches);
	assert_int_equal(n, 7);
	for (k = 0; k < n; k++)
		assert_int_equal(path[k], expect[k]);
	assert_true(reaches);
	/* 0 -> 1 -> 0: a loop ends the path without success. */
	q[1 * 4 + FL_RIGHT] = 0.0;
	q[1 * 4 + FL_LEFT] = 2.0;
	n = planning_greedy_path(e->model, q, 0, path, 17, &reaches);
	assert_int_equal(n, 2);
	assert_false(reaches);
	env_free(e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_planning_value_iteration_matches_gym),
		cmocka_unit_test(test_planning_random_policy_matches_gym),
		cmocka_unit_test(test_planning_cliffwalking_matches_gym),
		cmocka_unit_test(test_planning_jacobi_reproduces_gym),
		cmocka_unit_test(test_planning_backup_by_hand),
		cmocka_unit_test(test_planning_backup_of_a_policy),
		cmocka_unit_test(test_planning_sweeps_converge_monotonically),
		cmocka_unit_test(test_planning_stops),
		cmocka_unit_test(test_planning_greedy_policy),
		cmocka_unit_test(test_planning_success_4x4_slippery),
		cmocka_unit_test(test_planning_success_horizon),
		cmocka_unit_test(test_planning_acting_states),
		cmocka_unit_test(test_planning_greedy_path),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
