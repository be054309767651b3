/*
 * CartPole-v1 against Gymnasium 1.4.0: every reference trajectory in
 * tests/data/cartpole replayed through the dynamics and through the
 * environment interface, the termination thresholds on both sides, the
 * reward, the time limit, the reset and the float observation.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "env_cartpole.h"

#define LINE_MAX_LEN	4096
#define NCASES		60	/* trajectories in cases.tsv */

/* Whether two doubles are the same bits (so 0 and -0 differ). */
static int
same_bits(double a, double b)
{
	uint64_t	 ua, ub;

	memcpy(&ua, &a, sizeof ua);
	memcpy(&ub, &b, sizeof ub);
	return (ua == ub);
}

/* The checker's tolerance: 1e-9 relative to max(1, |want|). */
static void
assert_close(double got, double want, const char *what, const char *name,
    int step)
{
	double	 m = fabs(want) > 1 ? fabs(want) : 1;

	if (!(fabs(got - want) <= 1e-9 * m)) {
		print_error("%s step %d %s: %.17g, Gymnasium %.17g\n", name,
		    step, what, got, want);
		fail();
	}
}

/* One row of NAME.csv; 0 at the end of the file. */
static int
read_row(FILE *f, int *step, int *action, double st[CARTPOLE_DIM],
    double *reward, int *term, int *trunc)
{
	char	 line[LINE_MAX_LEN];

	if (fgets(line, sizeof line, f) == NULL)
		return (0);
	assert_int_equal(sscanf(line, "%d,%d,%lf,%lf,%lf,%lf,%lf,%d,%d", step,
	    action, &st[0], &st[1], &st[2], &st[3], reward, term, trunc), 9);
	return (1);
}

/* "x,x_dot,theta,theta_dot" as cases.tsv writes the start. */
static void
parse_init(const char *s, double st[CARTPOLE_DIM])
{
	char	*end;
	int	 i;

	for (i = 0; i < CARTPOLE_DIM; i++) {
		st[i] = strtod(s, &end);
		assert_true(end != s);
		assert_true(*end == (i < CARTPOLE_DIM - 1 ? ',' : '\0'));
		s = end + 1;
	}
}

/*
 * Replay one case: the dynamics on a copy of the state, and the
 * environment (env_step, with its time limit) beside it.  Each row of
 * Gymnasium's trajectory must match to the checker's tolerance and, as
 * the order of operations is Gymnasium's, bit for bit.  Returns the
 * number of steps.
 */
static int
replay(const char *name, const char *init, const char *actions)
{
	char		 path[128];
	struct env	*e;
	struct rng	 r;
	struct env_step	 out;
	FILE		*f;
	double		 st[CARTPOLE_DIM], want[CARTPOLE_DIM], reward;
	int		 step, action, term, trunc, i, n = 0, done = 0;
	bool		 t;

	snprintf(path, sizeof path, "cartpole/%.64s.csv", name);
	f = fopen(test_data_path(path), "r");
	if (f == NULL)
		print_error("%s: cannot open\n", test_data_path(path));
	assert_non_null(f);
	assert_non_null(fgets(path, sizeof path, f));
	assert_string_equal(path, "step,action,x,x_dot,theta,theta_dot,"
	    "reward,terminated,truncated\n");
	parse_init(init, st);
	/* Row 0: the start, as given. */
	assert_int_equal(read_row(f, &step, &action, want, &reward, &term,
	    &trunc), 1);
	assert_int_equal(step, 0);
	assert_int_equal(action, -1);
	assert_true(reward == 0);
	for (i = 0; i < CARTPOLE_DIM; i++)
		assert_true(same_bits(st[i], want[i]));
	e = cartpole_new();
	rng_seed(&r, 1, 0);
	env_reset(e, &r);
	memcpy(e->st.x, st, sizeof st);
	while (read_row(f, &step, &action, want, &reward, &term, &trunc)) {
		/* Nothing after the end of the episode. */
		assert_false(done);
		n++;
		assert_int_equal(step, n);
		assert_true(n <= (int)strlen(actions));
		assert_int_equal(action, actions[n - 1] - '0');
		t = cartpole_dynamics(st, action);
		env_step(e, action, &r, &out);
		for (i = 0; i < CARTPOLE_DIM; i++) {
			assert_close(st[i], want[i], "state", name, n);
			if (!same_bits(st[i], want[i])) {
				print_error("%s step %d: x[%d] = %a, Gymnasium "
				    "%a: not bit for bit\n", name, n, i, st[i],
				    want[i]);
				fail();
			}
			assert_true(same_bits(e->st.x[i], st[i]));
		}
		assert_int_equal(t, term);
		assert_int_equal(out.terminated, term);
		assert_int_equal(out.truncated, trunc);
		assert_true(reward == 1.0);
		assert_true(out.reward == 1.0);
		assert_int_equal(out.s, -1);
		assert_int_equal(e->st.t, n);
		done = term || trunc;
	}
	fclose(f);
	/* Gymnasium's file stops only where the episode ended or the
	 * actions ran out. */
	assert_true(done || n == (int)strlen(actions));
	env_free(e);
	return (n);
}

static void
test_env_cartpole_matches_gym(void **state)
{
	char	 line[LINE_MAX_LEN], *name, *init, *actions, *p;
	FILE	*f;
	int	 cases = 0, steps = 0, truncated = 0, n;

	(void)state;
	f = fopen(test_data_path("cartpole/cases.tsv"), "r");
	assert_non_null(f);
	assert_non_null(fgets(line, sizeof line, f));
	assert_string_equal(line, "name\tinit\tactions\n");
	while (fgets(line, sizeof line, f) != NULL) {
		/* A line longer than the buffer would be split in two. */
		assert_non_null(strchr(line, '\n'));
		line[strcspn(line, "\n")] = '\0';
		name = line;
		assert_non_null(p = strchr(name, '\t'));
		*p = '\0';
		init = p + 1;
		assert_non_null(p = strchr(init, '\t'));
		*p = '\0';
		actions = p + 1;
		n = replay(name, init, actions);
		truncated += n == CARTPOLE_TIME_LIMIT;
		steps += n;
		cases++;
	}
	fclose(f);
	assert_int_equal(cases, NCASES);
	/* The balancing runs are there, and so are the short falls. */
	assert_true(truncated > 0 && truncated < cases);
	assert_true(steps > 10000);
}

/* Exactly at a threshold is still inside: Gymnasium tests x < -2.4,
 * x > 2.4 and the same for theta. */
static void
test_env_cartpole_thresholds(void **state)
{
	double	 th = cartpole_theta_threshold;
	double	 st[CARTPOLE_DIM] = { 0, 0, 0, 0 };
	int	 sign;

	(void)state;
	assert_true(th == 12 * 2 * M_PI / 360);
	assert_near(th * 180 / M_PI, 12, 1e-12);
	assert_false(cartpole_terminal(st));
	for (sign = -1; sign <= 1; sign += 2) {
		memset(st, 0, sizeof st);
		st[0] = sign * 2.4;
		assert_false(cartpole_terminal(st));
		st[0] = nextafter(sign * 2.4, sign * 3.0);
		assert_true(cartpole_terminal(st));
		st[0] = nextafter(sign * 2.4, 0);
		assert_false(cartpole_terminal(st));
		memset(st, 0, sizeof st);
		st[2] = sign * th;
		assert_false(cartpole_terminal(st));
		st[2] = nextafter(sign * th, sign * 1.0);
		assert_true(cartpole_terminal(st));
		st[2] = nextafter(sign * th, 0);
		assert_false(cartpole_terminal(st));
		/* Velocities never end an episode. */
		memset(st, 0, sizeof st);
		st[1] = sign * 1e6;
		st[3] = sign * 1e6;
		assert_false(cartpole_terminal(st));
	}
	/* The step tests the state it arrives in: x moves by tau * x_dot
	 * = 0.02, from just inside to just outside. */
	st[0] = 2.39;
	st[1] = 1.0;
	st[2] = st[3] = 0;
	assert_false(cartpole_terminal(st));
	assert_true(cartpole_dynamics(st, CARTPOLE_RIGHT));
	assert_true(st[0] > 2.4);
	st[0] = -2.39;
	st[1] = -0.4;
	st[2] = st[3] = 0;
	assert_false(cartpole_dynamics(st, CARTPOLE_LEFT));
	assert_near(st[0], -2.398, 1e-12);
}

/* Pushing one way only: reward 1 on every step, the falling one
 * included, and a fall is no success. */
static void
test_env_cartpole_reward_every_step(void **state)
{
	struct env	*e;
	struct rng	 r;
	struct env_step	 out;
	int		 n, a;

	(void)state;
	e = cartpole_new();
	for (a = CARTPOLE_LEFT; a <= CARTPOLE_RIGHT; a++) {
		rng_seed(&r, 5, (uint64_t)a);
		env_reset(e, &r);
		n = 0;
		do {
			env_step(e, a, &r, &out);
			n++;
			assert_true(out.reward == 1.0);
			assert_false(out.truncated);
		} while (!out.terminated && n < 100);
		assert_true(out.terminated);
		assert_false(out.success);
		assert_true(cartpole_terminal(e->st.x));
		/* It falls the way it is pushed from: the pole away. */
		assert_true(a == CARTPOLE_RIGHT ? e->st.x[2] < 0 :
		    e->st.x[2] > 0);
		assert_true(n > 5 && n < 30);
		assert_int_equal(e->st.t, n);
	}
	env_free(e);
}

/* A pole balanced by a simple feedback rule: no termination, and the
 * time limit truncates at step 500 exactly, counting as a success. */
static void
test_env_cartpole_truncates_at_500(void **state)
{
	struct env	*e;
	struct rng	 r;
	struct env_step	 out;
	double		*x;
	uint64_t	 seed;
	int		 n;

	(void)state;
	e = cartpole_new();
	assert_int_equal(e->time_limit, CARTPOLE_TIME_LIMIT);
	assert_int_equal(e->default_time_limit, 500);
	x = e->st.x;
	for (seed = 1; seed <= 5; seed++) {
		rng_seed(&r, seed, 0);
		env_reset(e, &r);
		for (n = 1; n <= CARTPOLE_TIME_LIMIT; n++) {
			env_step(e, x[2] + 0.3 * x[3] + 0.01 * x[0] +
			    0.05 * x[1] > 0 ? CARTPOLE_RIGHT : CARTPOLE_LEFT,
			    &r, &out);
			assert_true(out.reward == 1.0);
			assert_false(out.terminated);
			assert_int_equal(out.truncated, n == 500);
			assert_int_equal(out.success, n == 500);
			if (out.truncated)
				break;
		}
		assert_int_equal(n, 500);
		assert_int_equal(e->st.t, 500);
	}
	env_free(e);
}

/* Each coordinate uniform in [-0.05, 0.05), four draws, the same for
 * the same seed. */
static void
test_env_cartpole_reset(void **state)
{
	struct env	*e, *e2;
	struct rng	 r, r2, four;
	double		 lo[CARTPOLE_DIM], hi[CARTPOLE_DIM];
	volatile double	 scaled;
	uint64_t	 seed;
	int		 i;

	(void)state;
	e = cartpole_new();
	e2 = cartpole_new();
	for (i = 0; i < CARTPOLE_DIM; i++) {
		lo[i] = 1;
		hi[i] = -1;
	}
	for (seed = 0; seed < 2000; seed++) {
		rng_seed(&r, seed, 3);
		four = r;
		env_reset(e, &r);
		assert_int_equal(e->st.t, 0);
		assert_int_equal(e->st.s, -1);
		for (i = 0; i < CARTPOLE_DIM; i++) {
			assert_true(e->st.x[i] >= -0.05 &&
			    e->st.x[i] < 0.05);
			/* low + (high - low) * u, as numpy's uniform, the
			 * product rounded (volatile: not fused here either). */
			scaled = 0.1 * rng_uniform(&four);
			assert_true(same_bits(e->st.x[i], -0.05 + scaled));
			lo[i] = e->st.x[i] < lo[i] ? e->st.x[i] : lo[i];
			hi[i] = e->st.x[i] > hi[i] ? e->st.x[i] : hi[i];
		}
		assert_memory_equal(&r, &four, sizeof r);
		/* The same seed again: the same start. */
		rng_seed(&r2, seed, 3);
		env_reset(e2, &r2);
		assert_memory_equal(e->st.x, e2->st.x,
		    CARTPOLE_DIM * sizeof e->st.x[0]);
	}
	/* The whole range is used. */
	for (i = 0; i < CARTPOLE_DIM; i++) {
		assert_true(lo[i] < -0.049);
		assert_true(hi[i] > 0.049);
	}
	/* Another seed, another start. */
	rng_seed(&r, 1, 0);
	rng_seed(&r2, 2, 0);
	env_reset(e, &r);
	env_reset(e2, &r2);
	assert_true(memcmp(e->st.x, e2->st.x,
	    CARTPOLE_DIM * sizeof e->st.x[0]) != 0);
	env_free(e);
	env_free(e2);
}

/* The agent sees Gymnasium's float32 observation of the state. */
static void
test_env_cartpole_observe_float(void **state)
{
	double	 st[CARTPOLE_DIM] = { 0.1, -0.0, 0.25, -1.0 / 3.0 };
	double	 obs[CARTPOLE_DIM];

	(void)state;
	cartpole_observe(st, obs);
	assert_true(obs[0] == 0.100000001490116119384765625);
	assert_true(obs[0] != st[0]);
	assert_true(same_bits(obs[1], -0.0));
	assert_true(obs[2] == 0.25);
	assert_true(obs[3] == (double)(float)(-1.0 / 3.0));
	assert_true(obs[3] != st[3]);
	assert_near(obs[3], st[3], 1e-7);
}

static void
test_env_cartpole_shape(void **state)
{
	struct env	*e;

	(void)state;
	e = cartpole_new();
	assert_string_equal(e->ops->name, "cartpole");
	assert_false(e->ops->model_step);
	assert_int_equal(e->nstates, 0);
	assert_int_equal(e->nactions, 2);
	assert_int_equal(e->obs_dim, CARTPOLE_DIM);
	assert_null(e->model);
	assert_null(env_grid(e));
	assert_string_equal(e->action_names[CARTPOLE_LEFT], "left");
	assert_string_equal(e->action_names[CARTPOLE_RIGHT], "right");
	assert_int_equal(env_action_parse(e, "right"), CARTPOLE_RIGHT);
	assert_int_equal(env_action_parse(e, "0"), CARTPOLE_LEFT);
	assert_int_equal(env_action_parse(e, "2"), -1);
	env_free(e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_env_cartpole_matches_gym),
		cmocka_unit_test(test_env_cartpole_thresholds),
		cmocka_unit_test(test_env_cartpole_reward_every_step),
		cmocka_unit_test(test_env_cartpole_truncates_at_500),
		cmocka_unit_test(test_env_cartpole_reset),
		cmocka_unit_test(test_env_cartpole_observe_float),
		cmocka_unit_test(test_env_cartpole_shape),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
