/* Action selection: frequencies of egreedy, ties, and noisy-greedy. */
#include "testutil.h"

#include "policy.h"

#define N 200000

static void
count_choices(enum policy_kind kind, const double *q, int na, double eps,
    long episode, int *count)
{
	struct rng	 r;
	int		 i;

	rng_seed(&r, 17, 0);
	for (i = 0; i < na; i++)
		count[i] = 0;
	for (i = 0; i < N; i++)
		count[policy_select(kind, q, na, eps, episode, &r).action]++;
}

static void
test_policy_egreedy_frequencies(void **state)
{
	const double	 q[4] = { 0.0, 1.0, 0.0, 0.0 };
	int		 c[4];

	(void)state;
	/* Greedy with probability 1 - eps, plus eps / 4 from exploring. */
	count_choices(POLICY_EGREEDY, q, 4, 0.3, 0, c);
	assert_near(c[1] / (double)N, 0.775, 0.005);
	assert_near(c[0] / (double)N, 0.075, 0.003);
	assert_near(c[2] / (double)N, 0.075, 0.003);
	assert_near(c[3] / (double)N, 0.075, 0.003);
}

static void
test_policy_egreedy_zero_never_explores(void **state)
{
	const double	 q[4] = { 0.0, 0.0, 0.5, 0.0 };
	int		 c[4];

	(void)state;
	count_choices(POLICY_EGREEDY, q, 4, 0.0, 0, c);
	assert_int_equal(c[2], N);
	count_choices(POLICY_EGREEDY, q, 4, 1.0, 0, c);
	assert_near(c[2] / (double)N, 0.25, 0.005);
}

static void
test_policy_explored_flag(void **state)
{
	const double		 q[2] = { 0.0, 1.0 };
	struct rng		 r;
	struct policy_choice	 c;
	int			 i, explored = 0;

	(void)state;
	rng_seed(&r, 2, 0);
	for (i = 0; i < N; i++) {
		c = policy_select(POLICY_EGREEDY, q, 2, 0.2, 0, &r);
		explored += c.explored;
		if (!c.explored)
			assert_int_equal(c.action, 1);
	}
	assert_near(explored / (double)N, 0.2, 0.005);
}

static void
test_policy_greedy_ties_at_random(void **state)
{
	const double	 q[4] = { 1.0, 1.0, 0.0, 1.0 };
	int		 c[4];

	(void)state;
	count_choices(POLICY_GREEDY, q, 4, 0.0, 0, c);
	assert_int_equal(c[2], 0);
	assert_near(c[0] / (double)N, 1 / 3.0, 0.005);
	assert_near(c[1] / (double)N, 1 / 3.0, 0.005);
	assert_near(c[3] / (double)N, 1 / 3.0, 0.005);
}

static void
test_policy_noisy_fades_with_episodes(void **state)
{
	const double	 q[2] = { 0.0, 0.1 };
	int		 c[2];

	(void)state;
	/* Episode 0: P(0.1 + Z1 > Z0) = Phi(0.1 / sqrt 2) = 0.52819. */
	count_choices(POLICY_NOISY, q, 2, 0.0, 0, c);
	assert_near(c[1] / (double)N, 0.52819, 0.005);
	/* Episode 9, noise / 10: Phi(1 / sqrt 2) = 0.76025. */
	count_choices(POLICY_NOISY, q, 2, 0.0, 9, c);
	assert_near(c[1] / (double)N, 0.76025, 0.005);
	/* Episode 999: the noise is too small to matter. */
	count_choices(POLICY_NOISY, q, 2, 0.0, 999, c);
	assert_int_equal(c[1], N);
}

static void
test_policy_random_uniform(void **state)
{
	const double	 q[3] = { 9.0, 0.0, 0.0 };
	int		 c[3];

	(void)state;
	count_choices(POLICY_RANDOM, q, 3, 0.0, 0, c);
	assert_near(c[0] / (double)N, 1 / 3.0, 0.005);
	assert_near(c[2] / (double)N, 1 / 3.0, 0.005);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_policy_egreedy_frequencies),
		cmocka_unit_test(test_policy_egreedy_zero_never_explores),
		cmocka_unit_test(test_policy_explored_flag),
		cmocka_unit_test(test_policy_greedy_ties_at_random),
		cmocka_unit_test(test_policy_noisy_fades_with_episodes),
		cmocka_unit_test(test_policy_random_uniform),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
