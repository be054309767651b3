/* The parameter table: defaults, strict parsing, errors that change
 * nothing. */
#include "testutil.h"

#include <string.h>

#include "param.h"
#include "policy.h"

static void
expect_refused(const char *name, const char *value, const char *message)
{
	struct params	 p, before;
	char		 err[256] = "";

	params_defaults(&p);
	before = p;
	assert_int_equal(param_set(&p, name, value, err, sizeof err), -1);
	assert_string_equal(err, message);
	assert_memory_equal(&p, &before, sizeof p);
}

static void
test_param_defaults(void **state)
{
	struct params	 p;

	(void)state;
	params_defaults(&p);
	assert_near(p.alpha, 0.1, 0);
	assert_near(p.gamma, 0.99, 0);
	assert_near(p.epsilon, 0.1, 0);
	assert_int_equal(p.policy, POLICY_EGREEDY);
	assert_int_equal(p.episodes, 500);
	assert_int_equal(p.runs, 1);
	assert_int_equal(p.seed, 1);
	assert_string_equal(p.map, "4x4");
	assert_true(p.slippery);
	assert_true(p.success_rate == 1.0 / 3.0);
	assert_int_equal(p.max_steps, 0);
	assert_string_equal(params_agent(&p), "qlearning");
	assert_string_equal(params_env(&p), "frozenlake");
}

static void
test_param_set_each_type(void **state)
{
	struct params	 p;
	char		 err[256];

	(void)state;
	params_defaults(&p);
	assert_int_equal(param_set(&p, "alpha", "0.5", err, sizeof err), 0);
	assert_near(p.alpha, 0.5, 0);
	assert_int_equal(param_set(&p, "episodes", "2000", err, sizeof err),
	    0);
	assert_int_equal(p.episodes, 2000);
	assert_int_equal(param_set(&p, "slippery", "0", err, sizeof err), 0);
	assert_false(p.slippery);
	assert_int_equal(param_set(&p, "slippery", "yes", err, sizeof err), 0);
	assert_true(p.slippery);
	assert_int_equal(param_set(&p, "policy", "noisy", err, sizeof err), 0);
	assert_int_equal(p.policy, POLICY_NOISY);
	assert_int_equal(param_set(&p, "map", "8x8", err, sizeof err), 0);
	assert_string_equal(p.map, "8x8");
	assert_int_equal(param_assign(&p, "gamma=0.9", err, sizeof err), 0);
	assert_near(p.gamma, 0.9, 0);
	/* The edges of a range are inside it. */
	assert_int_equal(param_set(&p, "alpha", "1", err, sizeof err), 0);
	assert_int_equal(param_set(&p, "alpha", "0", err, sizeof err), 0);
}

static void
test_param_bad_values_refused(void **state)
{
	(void)state;
	expect_refused("alpha", "1.5", "alpha: 1.5 not in [0, 1]");
	expect_refused("alpha", "-0.1", "alpha: -0.1 not in [0, 1]");
	expect_refused("alpha", "abc", "alpha: 'abc' is not a number");
	expect_refused("alpha", "", "alpha: '' is not a number");
	expect_refused("alpha", "nan", "alpha: 'nan' is not a number");
	expect_refused("gamma", "inf", "gamma: 'inf' is not a number");
	expect_refused("gamma", "0.5x", "gamma: '0.5x' is not a number");
	expect_refused("episodes", "2.5",
	    "episodes: '2.5' is not a whole number");
	expect_refused("episodes", "0", "episodes: 0 not in [1, 10000000]");
	expect_refused("runs", "99999999999999999999",
	    "runs: '99999999999999999999' is not a whole number");
	expect_refused("slippery", "maybe",
	    "slippery: 'maybe' is not a boolean (use 1 or 0)");
	expect_refused("policy", "softmax", "policy: 'softmax' is not one of "
	    "egreedy|noisy|greedy|random");
	expect_refused("nosuch", "1", "unknown parameter 'nosuch'");
	expect_refused("map", "", "map: value must have 1 to 255 characters");
}

static void
test_param_assign_needs_equals(void **state)
{
	struct params	 p;
	char		 err[256];

	(void)state;
	params_defaults(&p);
	assert_int_equal(param_assign(&p, "alpha", err, sizeof err), -1);
	assert_string_equal(err, "'alpha' is not NAME=VALUE");
	assert_int_equal(param_assign(&p, "=3", err, sizeof err), -1);
}

static void
test_param_format_reads_back(void **state)
{
	struct params		 p, q;
	const struct param	*t;
	char			 v[PARAM_STR_MAX], err[256];

	(void)state;
	params_defaults(&p);
	p.alpha = 0.1 + 0.2;	/* not representable in few digits */
	params_defaults(&q);
	for (t = param_table; t->name != NULL; t++) {
		param_format(&p, t, v, sizeof v);
		assert_int_equal(param_set(&q, t->name, v, err, sizeof err),
		    0);
	}
	assert_memory_equal(&p, &q, sizeof p);
	param_format(&p, param_find("success_rate"), v, sizeof v);
	assert_string_equal(v, "0.3333333333333333");
	param_format(&p, param_find("gamma"), v, sizeof v);
	assert_string_equal(v, "0.99");
}

static void
test_param_table_is_complete(void **state)
{
	static const char *const required[] = { "alpha", "gamma", "epsilon",
	    "policy", "episodes", "runs", "seed", "map", "slippery",
	    "max_steps", NULL };
	const struct param	*t;
	int			 i;

	(void)state;
	for (i = 0; required[i] != NULL; i++)
		assert_non_null(param_find(required[i]));
	for (t = param_table; t->name != NULL; t++) {
		assert_non_null(t->text);
		assert_true(strlen(t->text) > 10);
		if (t->type == P_REAL || t->type == P_INT)
			assert_true(t->min <= t->def && t->def <= t->max);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_param_defaults),
		cmocka_unit_test(test_param_set_each_type),
		cmocka_unit_test(test_param_bad_values_refused),
		cmocka_unit_test(test_param_assign_needs_equals),
		cmocka_unit_test(test_param_format_reads_back),
		cmocka_unit_test(test_param_table_is_complete),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
