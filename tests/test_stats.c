/* Statistics over runs. */
#include "testutil.h"

#include "stats.h"

static void
test_stats_mean_and_std_over_runs(void **state)
{
	struct curve_stats	 cs;
	const double		 a[2] = { 1, 10 }, b[2] = { 2, 20 },
				 c[2] = { 6, 30 };

	(void)state;
	curve_stats_init(&cs, 2);
	curve_stats_add(&cs, a);
	assert_near(curve_stats_std(&cs, 0), 0.0, 0);
	curve_stats_add(&cs, b);
	curve_stats_add(&cs, c);
	assert_int_equal(cs.count, 3);
	assert_near(cs.mean[0], 3.0, 1e-15);
	assert_near(cs.mean[1], 20.0, 1e-15);
	/* Sample std of {1, 2, 6}: sqrt(14 / 2) = 2.6457513. */
	assert_near(curve_stats_std(&cs, 0), sqrt(7.0), 1e-14);
	assert_near(curve_stats_std(&cs, 1), 10.0, 1e-13);
	curve_stats_free(&cs);
}

static void
test_stats_tail_mean(void **state)
{
	const double	 x[5] = { 1, 2, 3, 4, 10 };

	(void)state;
	assert_near(stats_tail_mean(x, 5, 2), 7.0, 0);
	assert_near(stats_tail_mean(x, 5, 100), 4.0, 0);
	assert_near(stats_tail_mean(x, 0, 100), 0.0, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stats_mean_and_std_over_runs),
		cmocka_unit_test(test_stats_tail_mean),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
