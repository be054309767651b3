/* Fitted Q-iteration: datasets, targets, R^2, going back, learning. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

#include "dataset.h"
#include "env_cartpole.h"
#include "fqi.h"

static char	 tmpdir[64];

static int
setup_dir(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/qtutor-fqi-XXXXXX");
	return (mkdtemp(tmpdir) == NULL ? -1 : 0);
}

static int
teardown_dir(void **state)
{
	char	 cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return (system(cmd) == 0 ? 0 : -1);
}

static const char *
tmp_path(const char *name)
{
	static char	 path[256];

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	return (path);
}

static void
write_file(const char *path, const char *text)
{
	FILE	*f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static struct dataset *
collect(long n, uint64_t seed)
{
	struct env	*e = cartpole_new();
	struct dataset	*ds;
	struct rng	 r;

	rng_seed(&r, seed, 0);
	ds = dataset_collect(e, n, &r, seed);
	env_free(e);
	return (ds);
}

/* Four transitions: normal, terminated, truncated, normal. */
static struct dataset *
hand_dataset(void)
{
	struct dataset	*ds = dataset_new(4, 4, 2, "cartpole");
	int		 i;

	for (i = 0; i < 4; i++) {
		ds->r[i] = 1;
		ds->a[i] = i % 2;
	}
	ds->r[3] = 0.5;
	ds->terminated[1] = true;
	ds->truncated[2] = true;
	return (ds);
}

static void
test_targets_by_hand(void **state)
{
	struct dataset	*ds = hand_dataset();
	/* Q_{k-1}(s'_i, left), Q_{k-1}(s'_i, right) */
	double		 q[8] = { 2, 3,  10, 20,  4, 1,  -1, -2 };
	double		 y[4];

	(void)state;
	fqi_make_targets(ds, q, 0, 0.9, y);
	/* Iteration 0 fits the rewards alone. */
	assert_true(y[0] == 1 && y[1] == 1 && y[2] == 1 && y[3] == 0.5);
	fqi_make_targets(ds, q, 1, 0.9, y);
	assert_true(y[0] == 1 + 0.9 * 3);
	/* Terminated: the future is gone, whatever Q says. */
	assert_true(y[1] == 1);
	/* Truncated by the time limit: it still bootstraps. */
	assert_true(y[2] == 1 + 0.9 * 4);
	/* The max over actions, even when both are negative. */
	assert_true(y[3] == 0.5 + 0.9 * -1);
	dataset_free(ds);
}

static void
test_r2(void **state)
{
	double	 y[4] = { 1, 2, 3, 4 }, perfect[4] = { 1, 2, 3, 4 };
	double	 mean[4] = { 2.5, 2.5, 2.5, 2.5 }, c[4] = { 1, 1, 1, 1 };
	double	 off[4] = { 1, 2, 3, 5 };

	(void)state;
	assert_true(fqi_r2(y, perfect, 4) == 1.0);
	assert_true(fqi_r2(y, mean, 4) == 0.0);
	/* SS_res = 1, SS_tot = 5. */
	assert_near(fqi_r2(y, off, 4), 0.8, 1e-15);
	/* Constant targets, as at iteration 0 on CartPole (every reward
	 * is 1): nothing to explain. */
	assert_true(isnan(fqi_r2(c, c, 4)));
	assert_true(isnan(fqi_r2(c, y, 4)));
}

static void
test_collect(void **state)
{
	struct dataset	*ds = collect(5000, 7), *again = collect(5000, 7);
	double		 st[4];
	long		 i, ends = 0;
	int		 j;

	(void)state;
	assert_int_equal(ds->n, 5000);
	for (i = 0; i < ds->n; i++) {
		assert_true(ds->r[i] == 1.0);
		assert_true(ds->a[i] == 0 || ds->a[i] == 1);
		/* A random policy drops the pole in about 22 steps: never
		 * 500 in a row. */
		assert_false(ds->truncated[i]);
		for (j = 0; j < 4; j++) {
			assert_true(ds->s[i * 4 + j] ==
			    (double)(float)ds->s[i * 4 + j]);
			st[j] = ds->s2[i * 4 + j];
		}
		/* The float observation is on the same side of the
		 * thresholds here (none lands within a float's rounding). */
		assert_int_equal(ds->terminated[i], cartpole_terminal(st));
		/* Episodes chain: the next one starts fresh after an end,
		 * else where this one went. */
		if (i + 1 < ds->n && !ds->terminated[i])
			assert_memory_equal(ds->s2 + i * 4, ds->s + (i + 1) * 4,
			    4 * sizeof(double));
		ends += ds->terminated[i];
	}
	assert_int_equal(dataset_terminations(ds), ends);
	assert_true(ds->episodes == ends || ds->episodes == ends + 1);
	/* About 22 steps an episode. */
	assert_true((double)ds->n / ds->episodes > 15 &&
	    (double)ds->n / ds->episodes < 30);
	assert_memory_equal(ds->s, again->s, 5000 * 4 * sizeof(double));
	assert_memory_equal(ds->a, again->a, 5000 * sizeof(int));
	dataset_free(ds);
	dataset_free(again);
}

static void
test_save_load_exact(void **state)
{
	struct dataset	*ds = collect(2000, 3), *back;
	char		 err[512];

	(void)state;
	ds->truncated[5] = true;	/* every column's values */
	assert_int_equal(dataset_save(ds, tmp_path("d.csv"), err, sizeof err),
	    0);
	back = dataset_load(tmp_path("d.csv"), "cartpole", 4, 2, err,
	    sizeof err);
	if (back == NULL)
		fail_msg("%s", err);
	assert_int_equal(back->n, ds->n);
	assert_true(back->seed == 3);
	assert_memory_equal(back->s, ds->s, 2000 * 4 * sizeof(double));
	assert_memory_equal(back->s2, ds->s2, 2000 * 4 * sizeof(double));
	assert_memory_equal(back->a, ds->a, 2000 * sizeof(int));
	assert_memory_equal(back->r, ds->r, 2000 * sizeof(double));
	assert_memory_equal(back->terminated, ds->terminated, 2000);
	assert_memory_equal(back->truncated, ds->truncated, 2000);
	assert_int_equal(back->episodes, ds->episodes + 1);
	dataset_free(ds);
	dataset_free(back);
}

/* The small file shipped in tests/data: the format stays readable. */
static void
test_load_fixture(void **state)
{
	struct dataset	*ds;
	char		 err[512];

	(void)state;
	ds = dataset_load(test_data_path("fqi/small.dataset"), "cartpole", 4,
	    2, err, sizeof err);
	if (ds == NULL)
		fail_msg("%s", err);
	assert_int_equal(ds->n, 3);
	assert_true(ds->s[0] == (double)0.0123f || ds->s[0] == 0.0123);
	assert_int_equal(ds->a[1], 1);
	assert_true(ds->terminated[2]);
	assert_false(ds->truncated[2]);
	dataset_free(ds);
}

#define HEAD "# qtutor dataset 1\n" \
    "# env=cartpole obs=4 actions=2 transitions=2 seed=1\n" \
    "x,x_dot,theta,theta_dot,action,reward,next_x,next_x_dot," \
    "next_theta,next_theta_dot,terminated,truncated\n"
#define ROW "0.1,0.2,0.03,0.4,1,1,0.104,0.39,0.038,0.1,0,0\n"

static void
refused(const char *text, const char *want_line, const char *want)
{
	struct dataset	*ds;
	char		 err[512];

	write_file(tmp_path("bad.csv"), text);
	ds = dataset_load(tmp_path("bad.csv"), "cartpole", 4, 2, err,
	    sizeof err);
	if (ds != NULL)
		fail_msg("accepted a damaged file:\n%s", text);
	if (strstr(err, want_line) == NULL || strstr(err, want) == NULL)
		fail_msg("error '%s' lacks '%s' or '%s'", err, want_line,
		    want);
}

static void
test_damaged_files(void **state)
{
	(void)state;
	refused("hello\n", ":1:", "not a qtutor dataset");
	refused("", ":0:", "not a qtutor dataset");
	refused("# qtutor dataset 1\n# env=frozenlake obs=4 actions=2 "
	    "transitions=1\n", ":2:", "not for cartpole");
	refused("# qtutor dataset 1\n# env=cartpole obs=3 actions=2 "
	    "transitions=1\n", ":2:", "obs=");
	refused("# qtutor dataset 1\n# env=cartpole obs=4 actions=2 "
	    "transitions=-5\n", ":2:", "transitions=");
	refused("# qtutor dataset 1\n# env=cartpole obs=4 actions=2 "
	    "transitions=1\nx,y\n", ":3:", "column header");
	refused(HEAD ROW, ":4:", "ends after 1 of its 2");
	refused(HEAD ROW ROW ROW, ":6:", "more rows");
	refused(HEAD ROW "0.1,0.2,0.03,0.4,2,1,0.104,0.39,0.038,0.1,0,0\n",
	    ":5:", "action");
	refused(HEAD ROW "0.1,0.2,0.03,0.4,0.5,1,0.1,0.39,0.038,0.1,0,0\n",
	    ":5:", "action");
	refused(HEAD ROW "0.1,zz,0.03,0.4,1,1,0.104,0.39,0.038,0.1,0,0\n",
	    ":5:", "observation");
	refused(HEAD ROW "0.1,nan,0.03,0.4,1,1,0.104,0.39,0.038,0.1,0,0\n",
	    ":5:", "observation");
	refused(HEAD ROW "0.1,0.2,0.03,0.4,1,1,0.104,0.39,0.038,0.1,2,0\n",
	    ":5:", "terminated");
	refused(HEAD ROW "0.1,0.2,0.03,0.4,1,1,0.104,0.39,0.038,0.1,0,0,7\n",
	    ":5:", "truncated");
	refused(HEAD ROW "0.1,0.2,0.03,0.4,1,1,0.104,0.39\n", ":5:",
	    "next observation");
}

static void
test_save_keeps_old_file_on_error(void **state)
{
	struct dataset	*ds = collect(10, 1);
	char		 err[512];

	(void)state;
	write_file(tmp_path("keep.csv"), "precious\n");
	/* A directory in the way of the temporary file's rename. */
	assert_int_equal(mkdir(tmp_path("dir.csv"), 0700), 0);
	assert_int_equal(dataset_save(ds, tmp_path("dir.csv"), err,
	    sizeof err), -1);
	assert_non_null(strstr(err, "dir.csv"));
	assert_int_equal(dataset_save(ds, tmp_path("nodir/x.csv"), err,
	    sizeof err), -1);
	/* Saving over a file replaces it whole. */
	assert_int_equal(dataset_save(ds, tmp_path("keep.csv"), err,
	    sizeof err), 0);
	dataset_free(ds);
	ds = dataset_load(tmp_path("keep.csv"), "cartpole", 4, 2, err,
	    sizeof err);
	assert_non_null(ds);
	dataset_free(ds);
}

static struct fqi_config
config(enum regressor_kind kind, long eval)
{
	struct fqi_config	 c;

	memset(&c, 0, sizeof c);
	c.reg.kind = kind;
	c.reg.k = 30;
	c.reg.ntrees = 10;
	c.reg.min_split = 2;
	c.reg.threads = 1;
	c.reg.ridge = 1e-6;
	c.gamma = 0.99;
	c.eval_episodes = eval;
	c.seed = 1;
	return (c);
}

/* The record writes out the target the fit used, with the numbers it
 * was made of. */
static void
test_record_matches_targets(void **state)
{
	struct dataset		*ds = collect(3000, 5);
	struct fqi_config	 c = config(REG_KNN, 0);
	struct fqi_record	 rec;
	struct fqi		*f;
	char			 err[256];
	long			 i;

	(void)state;
	f = fqi_new(ds, &c, err, sizeof err);
	if (f == NULL)
		fail_msg("%s", err);
	fqi_iterate(f);
	fqi_record(f, 0, &rec);
	assert_int_equal(rec.iteration, 0);
	assert_false(rec.bootstraps);
	assert_true(rec.target == 1.0);
	fqi_iterate(f);
	fqi_iterate(f);
	for (i = 0; i < ds->n; i += 97) {
		fqi_record(f, i, &rec);
		assert_int_equal(rec.iteration, 2);
		assert_true(rec.target == f->y[i]);
		if (ds->terminated[i])
			assert_true(rec.target == rec.r);
		else
			assert_true(rec.target == rec.r + rec.gamma *
			    rec.q_next[rec.best]);
		assert_true(rec.q_next[rec.best] >= rec.q_next[1 - rec.best]);
		assert_true(rec.fitted == f->yhat[i]);
	}
	fqi_free(f);
	dataset_free(ds);
}

/* Back lands on exactly the fit that was there before. */
static void
check_back(enum regressor_kind kind)
{
	struct dataset		*ds = collect(2000, 9);
	struct fqi_config	 c = config(kind, 0);
	struct fqi		*f;
	double			*q2, *y2, *yhat2;
	char			 err[256];
	size_t			 n = (size_t)ds->n;

	f = fqi_new(ds, &c, err, sizeof err);
	if (f == NULL)
		fail_msg("%s", err);
	fqi_iterate(f);
	fqi_iterate(f);
	fqi_iterate(f);
	q2 = malloc(2 * n * sizeof *q2);
	y2 = malloc(n * sizeof *y2);
	yhat2 = malloc(n * sizeof *yhat2);
	memcpy(q2, f->q, 2 * n * sizeof *q2);
	memcpy(y2, f->y, n * sizeof *y2);
	memcpy(yhat2, f->yhat, n * sizeof *yhat2);
	fqi_iterate(f);
	assert_true(memcmp(q2, f->q, 2 * n * sizeof *q2) != 0);
	assert_int_equal(fqi_back(f), 0);
	assert_int_equal(f->done, 3);
	assert_memory_equal(q2, f->q, 2 * n * sizeof *q2);
	assert_memory_equal(y2, f->y, n * sizeof *y2);
	assert_memory_equal(yhat2, f->yhat, n * sizeof *yhat2);
	/* And forward again gives the same fit as the first time. */
	assert_int_equal(fqi_back(f), 0);
	assert_int_equal(fqi_back(f), 0);
	assert_int_equal(fqi_back(f), 0);
	assert_int_equal(f->done, 0);
	assert_int_equal(fqi_back(f), -1);
	fqi_iterate(f);
	fqi_iterate(f);
	fqi_iterate(f);
	assert_memory_equal(q2, f->q, 2 * n * sizeof *q2);
	free(q2);
	free(y2);
	free(yhat2);
	fqi_free(f);
	dataset_free(ds);
}

/* Only the last FQI_BACK_MAX iterations' targets are kept: going back
 * stops there, after landing on exactly the earlier fits. */
static void
test_back_limit(void **state)
{
	struct dataset		*ds = collect(500, 2);
	struct fqi_config	 c = config(REG_KNN, 0);
	struct fqi		*f;
	double			*q3 = malloc(1000 * sizeof *q3);
	char			 err[256];
	int			 k, backs = 0;

	(void)state;
	c.reg.k = 5;
	f = fqi_new(ds, &c, err, sizeof err);
	assert_non_null(f);
	for (k = 0; k < 70; k++) {
		fqi_iterate(f);
		if (k == 67)
			memcpy(q3, f->q, 1000 * sizeof *q3);
	}
	while (fqi_back(f) == 0)
		backs++;
	/* Fit 69 back to fit 7: fits 6 and 5 still kept, 4 is not. */
	assert_int_equal(f->done, 70 - backs);
	assert_int_equal(f->kept_from, 70 - FQI_BACK_MAX);
	assert_true(f->done - 1 - 2 < f->kept_from);
	/* Going forward again rebuilds the same fits. */
	while (f->done < 68)
		fqi_iterate(f);
	assert_memory_equal(q3, f->q, 1000 * sizeof *q3);
	free(q3);
	fqi_free(f);
	dataset_free(ds);
}

static void
test_back_knn(void **state)
{
	(void)state;
	check_back(REG_KNN);
}

static void
test_back_trees(void **state)
{
	(void)state;
	check_back(REG_TREES);
}

/*
 * The tutorial's setting: kNN (k = 30) on 50,000 random transitions,
 * gamma 0.99.  A random policy balances about 22 steps; the greedy
 * policy must do far better after 20 iterations.
 */
static void
test_knn_learns_to_balance(void **state)
{
	struct dataset		*ds = collect(50000, 1);
	struct fqi_config	 c = config(REG_KNN, 0);
	struct fqi_eval		 before, after;
	struct fqi		*f;
	char			 err[256];
	int			 k;

	(void)state;
	f = fqi_new(ds, &c, err, sizeof err);
	if (f == NULL)
		fail_msg("%s", err);
	fqi_iterate(f);
	before = fqi_evaluate(f, 10, 1, NULL);
	for (k = 1; k < 20; k++)
		fqi_iterate(f);
	after = fqi_evaluate(f, 10, 1, NULL);
	print_message("greedy return: %.1f after iteration 0, %.1f +- %.1f "
	    "after 19\n", before.mean, after.mean, after.std);
	assert_true(before.mean < 50);
	assert_true(after.mean > 150);
	assert_true(after.mean > 5 * before.mean);
	fqi_free(f);
	dataset_free(ds);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_targets_by_hand),
		cmocka_unit_test(test_r2),
		cmocka_unit_test(test_collect),
		cmocka_unit_test(test_save_load_exact),
		cmocka_unit_test(test_load_fixture),
		cmocka_unit_test(test_damaged_files),
		cmocka_unit_test(test_save_keeps_old_file_on_error),
		cmocka_unit_test(test_record_matches_targets),
		cmocka_unit_test(test_back_limit),
		cmocka_unit_test(test_back_knn),
		cmocka_unit_test(test_back_trees),
		cmocka_unit_test(test_knn_learns_to_balance),
	};

	return (cmocka_run_group_tests(tests, setup_dir, teardown_dir));
}
