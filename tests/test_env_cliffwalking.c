/* CliffWalking against Gymnasium 1.4.0's own transition tables, a walk
 * along the cliff and into it, the grid and the action names. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "env_cliffwalking.h"
#include "gridmap.h"
#include "tmodel.h"

/* Compare the model with a Gymnasium CSV row by row:
 * state,action,index,prob,next_state,reward,terminated.  Every entry of
 * the model must be in the file and in the same place. */
static void
compare_with_gym(const char *variant, bool slippery)
{
	char			 name[128], line[256];
	struct env		*e;
	const struct tm_entry	*o;
	FILE			*f;
	int			 s, a, idx, next, term, n, rows = 0, total = 0;
	int			 last = -1;
	double			 prob, reward;

	e = cliffwalking_new(slippery);
	snprintf(name, sizeof name, "gym/%s.transitions.csv", variant);
	f = fopen(test_data_path(name), "r");
	assert_non_null(f);
	assert_non_null(fgets(line, sizeof line, f));
	assert_string_equal(line,
	    "state,action,index,prob,next_state,reward,terminated\n");
	while (fgets(line, sizeof line, f) != NULL) {
		assert_int_equal(sscanf(line, "%d,%d,%d,%lf,%d,%lf,%d", &s, &a,
		    &idx, &prob, &next, &reward, &term), 7);
		assert_in_range(s, 0, e->nstates - 1);
		assert_in_range(a, 0, e->nactions - 1);
		/* Gymnasium's order: by state, action, then index. */
		assert_true(s * 100 + a * 10 + idx > last);
		last = s * 100 + a * 10 + idx;
		o = tmodel_outcomes(e->model, s, a, &n);
		assert_true(idx < n);
		/* Bit for bit: 1/3 is 0.33333333333333331. */
		assert_true(o[idx].prob == prob);
		assert_int_equal(o[idx].next, next);
		assert_true(o[idx].reward == reward);
		assert_int_equal(o[idx].terminated, term);
		/* Success is reaching the goal, which is what terminates. */
		assert_int_equal(o[idx].success, term);
		rows++;
	}
	fclose(f);
	for (s = 0; s < e->nstates; s++)
		for (a = 0; a < e->nactions; a++) {
			tmodel_outcomes(e->model, s, a, &n);
			assert_int_equal(n, slippery ? 3 : 1);
			total += n;
		}
	/* 48 states (goal and cliff included) x 4 actions. */
	assert_int_equal(total, 48 * 4 * (slippery ? 3 : 1));
	assert_int_equal(rows, total);
	env_free(e);
}

static void
test_env_cliffwalking_deterministic_matches_gym(void **state)
{
	(void)state;
	compare_with_gym("cliffwalking-deterministic", false);
}

static void
test_env_cliffwalking_slippery_matches_gym(void **state)
{
	(void)state;
	compare_with_gym("cliffwalking-slippery", true);
}

static void
test_env_cliffwalking_shape_and_start(void **state)
{
	struct env	*e;
	struct rng	 r, before;
	int		 s;

	(void)state;
	e = cliffwalking_new(false);
	assert_int_equal(e->nstates, 48);
	assert_int_equal(e->nactions, 4);
	assert_int_equal(e->obs_dim, 0);
	assert_true(e->ops->model_step);
	assert_string_equal(e->ops->name, "cliffwalking");
	for (s = 0; s < 48; s++)
		assert_true(e->model->start[s] == (s == 36 ? 1.0 : 0.0));
	/* One start: reset draws nothing. */
	rng_seed(&r, 3, 0);
	before = r;
	env_reset(e, &r);
	assert_int_equal(e->st.s, 36);
	assert_int_equal(e->st.t, 0);
	assert_memory_equal(&r, &before, sizeof r);
	env_free(e);
}

/* Up from the start, right along the top of the cliff, down into the
 * goal: 13 steps of -1, and only the last one ends the episode. */
static void
test_env_cliffwalking_walk_to_goal(void **state)
{
	struct env	*e;
	struct rng	 r;
	struct env_step	 st;
	double		 ret = 0;
	int		 i, n = 0;
	int		 path[13], expect[13];

	(void)state;
	path[n] = CW_UP;
	expect[n++] = 24;
	for (i = 1; i <= 11; i++) {
		path[n] = CW_RIGHT;
		expect[n++] = 24 + i;
	}
	path[n] = CW_DOWN;
	expect[n++] = 47;
	e = cliffwalking_new(false);
	rng_seed(&r, 1, 0);
	env_reset(e, &r);
	for (i = 0; i < n; i++) {
		env_step(e, path[i], &r, &st);
		assert_int_equal(st.s, expect[i]);
		assert_int_equal(e->st.s, expect[i]);
		assert_true(st.reward == -1.0);
		assert_int_equal(st.terminated, i == n - 1);
		assert_int_equal(st.success, i == n - 1);
		assert_false(st.truncated);
		ret += st.reward;
	}
	assert_true(ret == -13.0);
	env_free(e);
}

/* A step into the cliff costs -100 and puts the agent back on the start;
 * the episode goes on. */
static void
test_env_cliffwalking_cliff_sends_back(void **state)
{
	struct env	*e;
	struct rng	 r;
	struct env_step	 st;

	(void)state;
	e = cliffwalking_new(false);
	rng_seed(&r, 1, 0);
	env_reset(e, &r);
	env_step(e, CW_RIGHT, &r, &st);
	assert_int_equal(st.s, 36);
	assert_true(st.reward == -100.0);
	assert_false(st.terminated);
	assert_false(st.truncated);
	assert_false(st.success);
	/* From above the cliff, down into it. */
	env_step(e, CW_UP, &r, &st);
	env_step(e, CW_RIGHT, &r, &st);
	env_step(e, CW_RIGHT, &r, &st);
	assert_int_equal(st.s, 26);
	env_step(e, CW_DOWN, &r, &st);
	assert_int_equal(st.s, 36);
	assert_true(st.reward == -100.0);
	assert_false(st.terminated);
	/* Down or left from the start bumps the wall: -1, stays. */
	env_step(e, CW_DOWN, &r, &st);
	assert_int_equal(st.s, 36);
	assert_true(st.reward == -1.0);
	env_step(e, CW_LEFT, &r, &st);
	assert_int_equal(st.s, 36);
	assert_true(st.reward == -1.0);
	env_free(e);
}

/* Gymnasium registers CliffWalking-v1 without max_episode_steps. */
static void
test_env_cliffwalking_no_time_limit(void **state)
{
	struct env	*e;
	struct rng	 r;
	struct env_step	 st;
	int		 i;

	(void)state;
	e = cliffwalking_new(true);
	assert_int_equal(e->default_time_limit, 0);
	assert_int_equal(e->time_limit, 0);
	rng_seed(&r, 1, 0);
	env_reset(e, &r);
	for (i = 0; i < 5000; i++) {
		e->st.s = 0;
		env_step(e, CW_UP, &r, &st);
		assert_false(st.truncated);
		assert_false(st.terminated);
	}
	assert_int_equal(e->st.t, 5000);
	env_free(e);
}

static void
test_env_cliffwalking_slippery_frequencies(void **state)
{
	struct env	*e;
	struct rng	 r;
	struct env_step	 st;
	int		 count[48] = { 0 }, cliff = 0, i, n = 90000;

	(void)state;
	e = cliffwalking_new(true);
	rng_seed(&r, 9, 0);
	/* From 25 (above the cliff) pressing right: up to 13, right to 26
	 * or down into the cliff (back to 36 with -100), a third each. */
	for (i = 0; i < n; i++) {
		e->st.s = 25;
		env_step(e, CW_RIGHT, &r, &st);
		count[st.s]++;
		cliff += st.reward == -100.0;
	}
	assert_int_equal(count[13] + count[26] + count[36], n);
	assert_int_equal(cliff, count[36]);
	assert_near(count[13], n / 3.0, 600);
	assert_near(count[26], n / 3.0, 600);
	assert_near(count[36], n / 3.0, 600);
	env_free(e);
}

static void
test_env_cliffwalking_grid(void **state)
{
	struct env		*e;
	const struct gridmap	*m;
	int			 s;
	char			 want;

	(void)state;
	e = cliffwalking_new(false);
	m = env_grid(e);
	assert_non_null(m);
	assert_ptr_equal(m, cliffwalking_map(e));
	assert_int_equal(m->rows, 4);
	assert_int_equal(m->cols, 12);
	assert_string_equal(m->name, "cliff");
	for (s = 0; s < 48; s++) {
		want = s == 36 ? 'S' : s == 47 ? 'G' : s > 36 ? 'C' : 'F';
		assert_int_equal(gridmap_at(m, s), want);
	}
	assert_string_equal(m->cell[3], "SCCCCCCCCCCG");
	assert_string_equal(m->cell[0], "FFFFFFFFFFFF");
	env_free(e);
}

static void
test_env_cliffwalking_action_names(void **state)
{
	struct env	*e;

	(void)state;
	e = cliffwalking_new(false);
	assert_string_equal(e->action_names[0], "up");
	assert_string_equal(e->action_names[1], "right");
	assert_string_equal(e->action_names[2], "down");
	assert_string_equal(e->action_names[3], "left");
	assert_int_equal(env_action_parse(e, "up"), CW_UP);
	assert_int_equal(env_action_parse(e, "right"), CW_RIGHT);
	assert_int_equal(env_action_parse(e, "down"), CW_DOWN);
	assert_int_equal(env_action_parse(e, "left"), CW_LEFT);
	assert_int_equal(env_action_parse(e, "3"), 3);
	assert_int_equal(env_action_parse(e, "4"), -1);
	assert_int_equal(env_action_parse(e, "north"), -1);
	env_free(e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_env_cliffwalking_deterministic_matches_gym),
		cmocka_unit_test(test_env_cliffwalking_slippery_matches_gym),
		cmocka_unit_test(test_env_cliffwalking_shape_and_start),
		cmocka_unit_test(test_env_cliffwalking_walk_to_goal),
		cmocka_unit_test(test_env_cliffwalking_cliff_sends_back),
		cmocka_unit_test(test_env_cliffwalking_no_time_limit),
		cmocka_unit_test(test_env_cliffwalking_slippery_frequencies),
		cmocka_unit_test(test_env_cliffwalking_grid),
		cmocka_unit_test(test_env_cliffwalking_action_names),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
