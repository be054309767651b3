/* The MDP tutorial's toy environment: its model, uniform next states and
 * starts, reward 1, and the time limit as the only end of an episode. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "env_dummy.h"
#include "tmodel.h"

/* Pearson's statistic of counts against a uniform expectation. */
static double
chi_square(const long *count, int n, long total)
{
	double	 e = (double)total / n, x = 0;
	int	 i;

	for (i = 0; i < n; i++)
		x += (count[i] - e) * (count[i] - e) / e;
	return (x);
}

static struct env *
new_dummy(int ns, int na)
{
	char		 err[256];
	struct env	*e = dummy_new(ns, na, err, sizeof err);

	if (e == NULL)
		print_error("%s\n", err);
	assert_non_null(e);
	return (e);
}

static void
test_env_dummy_model_rows(void **state)
{
	struct env		*e;
	const struct tm_entry	*o;
	double			 sum;
	int			 s, a, i, n;

	(void)state;
	e = new_dummy(7, 3);
	assert_int_equal(e->nstates, 7);
	assert_int_equal(e->nactions, 3);
	assert_int_equal(e->obs_dim, 0);
	assert_true(e->ops->model_step);
	assert_string_equal(e->ops->name, "dummy");
	assert_null(env_grid(e));
	assert_non_null(e->model);
	assert_int_equal(e->model->nentries, 7 * 3 * 7);
	for (s = 0; s < 7; s++) {
		for (a = 0; a < 3; a++) {
			o = tmodel_outcomes(e->model, s, a, &n);
			assert_int_equal(n, 7);
			sum = 0;
			for (i = 0; i < n; i++) {
				assert_true(o[i].prob == 1.0 / 7.0);
				assert_int_equal(o[i].next, i);
				assert_true(o[i].reward == 1.0);
				assert_false(o[i].terminated);
				assert_false(o[i].success);
				sum += o[i].prob;
			}
			assert_near(sum, 1.0, 1e-12);
		}
		assert_true(e->model->start[s] == 1.0 / 7.0);
	}
	env_free(e);
}

/* Next states are uniform whatever the state and action: Pearson's test
 * over every (s, a, s') cell and over s' alone. */
static void
test_env_dummy_next_states_uniform(void **state)
{
	struct env	*e;
	struct rng	 r;
	struct env_step	 st;
	long		 cell[5 * 3 * 5] = { 0 }, next[5] = { 0 };
	long		 pair[5 * 3] = { 0 };
	int		 i, s, a, n = 300000;

	(void)state;
	e = new_dummy(5, 3);
	rng_seed(&r, 11, 0);
	env_reset(e, &r);
	for (i = 0; i < n; i++) {
		s = e->st.s;
		a = (int)rng_below(&r, 3);
		e->ops->step(e, a, &r, &st);
		assert_true(st.reward == 1.0);
		assert_false(st.terminated);
		assert_int_equal(st.s, e->st.s);
		cell[(s * 3 + a) * 5 + st.s]++;
		next[st.s]++;
		pair[s * 3 + a]++;
	}
	/* 4 degrees of freedom: 18.5 is the 0.1% point. */
	assert_true(chi_square(next, 5, n) < 18.5);
	for (i = 0; i < 5; i++)
		assert_near(next[i], n / 5.0, 1000);
	/* Each (s, a) row on its own: 4 degrees of freedom each. */
	for (i = 0; i < 15; i++) {
		assert_true(pair[i] > 15000);
		assert_true(chi_square(cell + i * 5, 5, pair[i]) < 18.5);
	}
	env_free(e);
}

/* A step is the model sampled with one coin, as model_step promises. */
static void
test_env_dummy_step_is_model_sample(void **state)
{
	struct env		*e;
	struct rng		 r, copy;
	struct env_step		 st;
	const struct tm_entry	*o;
	int			 i;

	(void)state;
	e = new_dummy(9, 2);
	rng_seed(&r, 5, 0);
	env_reset(e, &r);
	for (i = 0; i < 1000; i++) {
		copy = r;
		o = tmodel_sample(e->model, e->st.s, i % 2,
		    rng_uniform(&copy));
		e->ops->step(e, i % 2, &r, &st);
		assert_int_equal(st.s, o->next);
		assert_memory_equal(&r, &copy, sizeof r);
	}
	env_free(e);
}

static void
test_env_dummy_starts_uniform(void **state)
{
	struct env	*e;
	struct rng	 r;
	long		 count[6] = { 0 };
	int		 i, n = 60000;

	(void)state;
	e = new_dummy(6, 1);
	rng_seed(&r, 4, 0);
	for (i = 0; i < n; i++) {
		env_reset(e, &r);
		assert_in_range(e->st.s, 0, 5);
		assert_int_equal(e->st.t, 0);
		count[e->st.s]++;
	}
	/* 5 degrees of freedom: 20.5 is the 0.1% point. */
	assert_true(chi_square(count, 6, n) < 20.5);
	for (i = 0; i < 6; i++)
		assert_near(count[i], n / 6.0, 500);
	env_free(e);
}

/* Nothing terminates: the time limit (100 by default) truncates. */
static void
test_env_dummy_time_limit_truncates(void **state)
{
	struct env	*e;
	struct rng	 r;
	struct env_step	 st;
	double		 ret = 0;
	int		 i, ep;

	(void)state;
	e = new_dummy(5, 3);
	assert_int_equal(e->default_time_limit, 100);
	assert_int_equal(e->time_limit, 100);
	rng_seed(&r, 2, 0);
	for (ep = 0; ep < 3; ep++) {
		env_reset(e, &r);
		for (i = 1; i <= 100; i++) {
			env_step(e, i % 3, &r, &st);
			assert_false(st.terminated);
			assert_false(st.success);
			assert_int_equal(st.truncated, i == 100);
			ret += st.reward;
		}
	}
	assert_true(ret == 300.0);
	/* max_steps overrides it (the session sets time_limit). */
	e->time_limit = 7;
	env_reset(e, &r);
	for (i = 1; i <= 7; i++) {
		env_step(e, 0, &r, &st);
		assert_int_equal(st.truncated, i == 7);
	}
	env_free(e);
}

static void
test_env_dummy_action_names(void **state)
{
	struct env	*e;

	(void)state;
	e = new_dummy(2, 100);
	assert_string_equal(e->action_names[0], "0");
	assert_string_equal(e->action_names[99], "99");
	assert_int_equal(env_action_parse(e, "42"), 42);
	assert_int_equal(env_action_parse(e, "100"), -1);
	assert_int_equal(env_action_parse(e, "left"), -1);
	env_free(e);
}

static void
test_env_dummy_too_big_refused(void **state)
{
	char	 err[256];

	(void)state;
	assert_null(dummy_new(1000, 100, err, sizeof err));
	assert_non_null(strstr(err, "1000 states and 100 actions"));
	assert_null(dummy_new(5, 101, err, sizeof err));
	assert_non_null(strstr(err, "at most 100 actions"));
	/* 1000 states with 2 actions, 2,000,000 outcomes, still fit. */
	env_free(new_dummy(1000, 2));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_env_dummy_model_rows),
		cmocka_unit_test(test_env_dummy_next_states_uniform),
		cmocka_unit_test(test_env_dummy_step_is_model_sample),
		cmocka_unit_test(test_env_dummy_starts_uniform),
		cmocka_unit_test(test_env_dummy_time_limit_truncates),
		cmocka_unit_test(test_env_dummy_action_names),
		cmocka_unit_test(test_env_dummy_too_big_refused),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
