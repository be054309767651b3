/* FrozenLake against Gymnasium 1.4.0's own transition tables, plus the
 * map parser and the time limit. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "env_frozenlake.h"
#include "gridmap.h"
#include "tmodel.h"

/* Compare the model with a Gymnasium CSV row by row:
 * state,action,index,prob,next_state,reward,terminated. */
static void
compare_with_gym(const char *variant, const char *mapname, bool slippery)
{
	char			 name[128], line[256];
	struct gridmap		 map;
	struct env		*e;
	const struct tm_entry	*o;
	FILE			*f;
	int			 s, a, idx, next, term, n, rows = 0, total = 0;
	double			 prob, reward;

	assert_int_equal(gridmap_builtin(&map, mapname), 0);
	e = frozenlake_new(&map, slippery, 1.0 / 3.0);
	snprintf(name, sizeof name, "gym/%s.transitions.csv", variant);
	f = fopen(test_data_path(name), "r");
	assert_non_null(f);
	assert_non_null(fgets(line, sizeof line, f));
	while (fgets(line, sizeof line, f) != NULL) {
		assert_int_equal(sscanf(line, "%d,%d,%d,%lf,%d,%lf,%d", &s, &a,
		    &idx, &prob, &next, &reward, &term), 7);
		o = tmodel_outcomes(e->model, s, a, &n);
		assert_true(idx < n);
		/* Bit for bit: 1/3 and (1 - 1/3) / 2 differ in the last bit. */
		assert_true(o[idx].prob == prob);
		assert_int_equal(o[idx].next, next);
		assert_true(o[idx].reward == reward);
		assert_int_equal(o[idx].terminated, term);
		rows++;
	}
	fclose(f);
	for (s = 0; s < e->nstates; s++)
		for (a = 0; a < e->nactions; a++) {
			tmodel_outcomes(e->model, s, a, &n);
			total += n;
		}
	assert_int_equal(rows, total);
	env_free(e);
}

static void
test_env_frozenlake_4x4_deterministic_matches_gym(void **state)
{
	(void)state;
	compare_with_gym("4x4-deterministic", "4x4", false);
}

static void
test_env_frozenlake_4x4_slippery_matches_gym(void **state)
{
	(void)state;
	compare_with_gym("4x4-slippery", "4x4", true);
}

static void
test_env_frozenlake_8x8_deterministic_matches_gym(void **state)
{
	(void)state;
	compare_with_gym("8x8-deterministic", "8x8", false);
}

static void
test_env_frozenlake_8x8_slippery_matches_gym(void **state)
{
	(void)state;
	compare_with_gym("8x8-slippery", "8x8", true);
}

static void
test_env_frozenlake_builtin_maps_match_gym_files(void **state)
{
	struct gridmap	 a, b;
	char		 err[256];

	(void)state;
	assert_int_equal(gridmap_builtin(&a, "8x8"), 0);
	assert_int_equal(gridmap_load(&b, test_data_path(
	    "gym/8x8-slippery.map"), err, sizeof err), 0);
	assert_int_equal(memcmp(a.cell, b.cell, sizeof a.cell), 0);
	assert_int_equal(gridmap_builtin(&a, "5x5"), -1);
}

static void
test_env_frozenlake_deterministic_walk(void **state)
{
	struct gridmap	 map;
	struct env	*e;
	struct rng	 r;
	struct env_step	 st;
	/* right right down down down right: S(0) -> G(15) on 4x4. */
	const int	 path[6] = { 2, 2, 1, 1, 1, 2 };
	const int	 expect[6] = { 1, 2, 6, 10, 14, 15 };
	int		 i;

	(void)state;
	gridmap_builtin(&map, "4x4");
	e = frozenlake_new(&map, false, 1.0 / 3.0);
	rng_seed(&r, 1, 0);
	env_reset(e, &r);
	assert_int_equal(e->st.s, 0);
	for (i = 0; i < 6; i++) {
		env_step(e, path[i], &r, &st);
		assert_int_equal(st.s, expect[i]);
		assert_int_equal(st.terminated, i == 5);
		assert_true(st.reward == (i == 5 ? 1.0 : 0.0));
		assert_int_equal(st.success, i == 5);
	}
	/* A hole ends the episode without reward or success. */
	env_reset(e, &r);
	env_step(e, FL_DOWN, &r, &st);
	env_step(e, FL_RIGHT, &r, &st);
	assert_int_equal(st.s, 5);
	assert_true(st.terminated);
	assert_false(st.success);
	env_free(e);
}

static void
test_env_frozenlake_time_limit_truncates(void **state)
{
	struct gridmap	 map;
	struct env	*e;
	struct rng	 r;
	struct env_step	 st;
	int		 i;

	(void)state;
	gridmap_builtin(&map, "4x4");
	e = frozenlake_new(&map, false, 1.0 / 3.0);
	assert_int_equal(e->time_limit, 100);
	rng_seed(&r, 1, 0);
	env_reset(e, &r);
	for (i = 1; i <= 100; i++) {
		env_step(e, FL_LEFT, &r, &st);	/* bump the wall forever */
		assert_false(st.terminated);
		assert_int_equal(st.truncated, i == 100);
	}
	env_free(e);
	gridmap_builtin(&map, "8x8");
	e = frozenlake_new(&map, true, 1.0 / 3.0);
	assert_int_equal(e->time_limit, 200);
	env_free(e);
}

static void
test_env_frozenlake_slippery_frequencies(void **state)
{
	struct gridmap	 map;
	struct env	*e;
	struct rng	 r;
	struct env_step	 st;
	int		 count[16] = { 0 }, i, n = 90000;

	(void)state;
	gridmap_builtin(&map, "4x4");
	e = frozenlake_new(&map, true, 1.0 / 3.0);
	rng_seed(&r, 9, 0);
	/* From state 6 (F, row 1 col 2) pressing down: 10, 7 (H) or 5 (H). */
	for (i = 0; i < n; i++) {
		e->st.s = 6;
		env_step(e, FL_DOWN, &r, &st);
		count[st.s]++;
	}
	assert_near(count[10], n / 3.0, 600);
	assert_near(count[7], n / 3.0, 600);
	assert_near(count[5], n / 3.0, 600);
	env_free(e);
}

static void
test_env_frozenlake_success_rate(void **state)
{
	struct gridmap		 map;
	struct env		*e;
	const struct tm_entry	*o;
	int			 n;

	(void)state;
	gridmap_builtin(&map, "4x4");
	e = frozenlake_new(&map, true, 0.8);
	o = tmodel_outcomes(e->model, 6, FL_DOWN, &n);
	assert_int_equal(n, 3);
	assert_true(o[1].prob == 0.8);
	assert_near(o[0].prob, 0.1, 1e-15);
	env_free(e);
}

static void
test_env_frozenlake_map_files(void **state)
{
	struct gridmap	 m;
	char		 err[256];

	(void)state;
	assert_int_equal(gridmap_load(&m, test_data_path("maps/good.map"), err,
	    sizeof err), 0);
	assert_int_equal(m.rows, 2);
	assert_int_equal(m.cols, 3);
	assert_string_equal(m.name, "good");
	assert_int_equal(gridmap_at(&m, 5), 'G');
}

static void
expect_map_error(const char *file, const char *fragment)
{
	struct gridmap	 m;
	char		 err[512];

	memset(&m, 0x5a, sizeof m);
	assert_int_equal(gridmap_load(&m, test_data_path(file), err,
	    sizeof err), -1);
	if (strstr(err, fragment) == NULL) {
		print_error("error '%s' lacks '%s'\n", err, fragment);
		fail();
	}
	assert_non_null(strstr(err, file));
}

static void
test_env_frozenlake_bad_maps_refused(void **state)
{
	(void)state;
	expect_map_error("maps/ragged.map", ":2: row has 2 cells, expected 3");
	expect_map_error("maps/badcell.map", ":1: 'X' is not a map cell");
	expect_map_error("maps/blocked.map", "no path from S to G");
	expect_map_error("maps/empty.map", "no map rows");
	expect_map_error("maps/nostart.map", "at least one S and one G");
	expect_map_error("maps/missing.map", "No such file");
	expect_map_error("maps", "not a regular file");
}

static void
test_env_frozenlake_several_starts_uniform(void **state)
{
	struct gridmap	 map;
	struct env	*e;
	struct rng	 r;
	char		 err[256];
	int		 count[6] = { 0 }, i, n = 20000;

	(void)state;
	assert_int_equal(gridmap_load(&map, test_data_path(
	    "maps/twostarts.map"), err, sizeof err), 0);
	e = frozenlake_new(&map, false, 1.0 / 3.0);
	assert_true(e->model->start[0] == 0.5 && e->model->start[2] == 0.5);
	rng_seed(&r, 4, 0);
	for (i = 0; i < n; i++) {
		env_reset(e, &r);
		count[e->st.s]++;
	}
	assert_int_equal(count[0] + count[2], n);
	assert_near(count[0], n / 2.0, 300);
	env_free(e);
}

static void
test_env_frozenlake_action_names(void **state)
{
	struct gridmap	 map;
	struct env	*e;

	(void)state;
	gridmap_builtin(&map, "4x4");
	e = frozenlake_new(&map, false, 1.0 / 3.0);
	assert_int_equal(env_action_parse(e, "left"), 0);
	assert_int_equal(env_action_parse(e, "up"), 3);
	assert_int_equal(env_action_parse(e, "2"), 2);
	assert_int_equal(env_action_parse(e, "4"), -1);
	assert_int_equal(env_action_parse(e, "north"), -1);
	env_free(e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_env_frozenlake_4x4_deterministic_matches_gym),
		cmocka_unit_test(test_env_frozenlake_4x4_slippery_matches_gym),
		cmocka_unit_test(test_env_frozenlake_8x8_deterministic_matches_gym),
		cmocka_unit_test(test_env_frozenlake_8x8_slippery_matches_gym),
		cmocka_unit_test(test_env_frozenlake_builtin_maps_match_gym_files),
		cmocka_unit_test(test_env_frozenlake_deterministic_walk),
		cmocka_unit_test(test_env_frozenlake_time_limit_truncates),
		cmocka_unit_test(test_env_frozenlake_slippery_frequencies),
		cmocka_unit_test(test_env_frozenlake_success_rate),
		cmocka_unit_test(test_env_frozenlake_map_files),
		cmocka_unit_test(test_env_frozenlake_bad_maps_refused),
		cmocka_unit_test(test_env_frozenlake_several_starts_uniform),
		cmocka_unit_test(test_env_frozenlake_action_names),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
