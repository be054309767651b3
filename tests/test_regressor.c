/* FQI's regressors: least squares recovers exact fits, kNN by hand and
 * against brute force (ties included), extra-trees fit and generalise,
 * and every kind gives the same bits for any number of threads. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "regressor.h"
#include "rng.h"

/* A design and its targets, owned by the test. */
struct data {
	struct regressor_design	 des;
	double			*x, *xq, *y;
	int			*a;
};

static void
data_alloc(struct data *t, long n, int d, int nactions, long nq)
{
	t->x = calloc((size_t)n * d, sizeof *t->x);
	t->xq = calloc(nq > 0 ? (size_t)nq * d : 1, sizeof *t->xq);
	t->y = calloc((size_t)n, sizeof *t->y);
	t->a = calloc((size_t)n, sizeof *t->a);
	assert_non_null(t->x);
	assert_non_null(t->xq);
	assert_non_null(t->y);
	assert_non_null(t->a);
	t->des.n = n;
	t->des.d = d;
	t->des.nactions = nactions;
	t->des.x = t->x;
	t->des.a = t->a;
	t->des.nq = nq;
	t->des.xq = t->xq;
}

static void
data_free(struct data *t)
{
	free(t->x);
	free(t->xq);
	free(t->y);
	free(t->a);
}

/* Random states in [-1, 1)^d (or on a grid of quarters in [-1, 1], for
 * ties), random actions. */
static void
data_random(struct data *t, uint64_t seed, int grid)
{
	struct rng	 r;
	long		 i;

	rng_seed(&r, seed, 0);
	for (i = 0; i < t->des.n * t->des.d; i++)
		t->x[i] = grid ? (double)rng_below(&r, 9) / 4 - 1 :
		    2 * rng_uniform(&r) - 1;
	for (i = 0; i < t->des.nq * t->des.d; i++)
		t->xq[i] = grid ? (double)rng_below(&r, 9) / 4 - 1 :
		    2 * rng_uniform(&r) - 1;
	for (i = 0; i < t->des.n; i++)
		t->a[i] = (int)rng_below(&r, (uint32_t)t->des.nactions);
}

static struct regressor_cfg
cfg_of(enum regressor_kind kind)
{
	struct regressor_cfg	 c;

	memset(&c, 0, sizeof c);
	c.kind = kind;
	c.k = 30;
	c.ntrees = 50;
	c.min_split = 2;
	c.threads = 1;
	c.ridge = 0;
	return (c);
}

static struct regressor *
make(const struct regressor_cfg *c, const struct data *t)
{
	char			 err[256];
	struct regressor	*r = regressor_new(c, &t->des, err, sizeof err);

	if (r == NULL)
		print_error("%s\n", err);
	assert_non_null(r);
	return (r);
}

/* Every prediction of a fitted regressor: fitted values, queries, and
 * regressor_predict() at each query state, which must agree with the
 * queries to the bit, as it must with the fitted values at each
 * training input. */
static double *
predictions(const struct regressor *r, const struct data *t)
{
	long	 n = t->des.n, nq = t->des.nq, i;
	int	 na = t->des.nactions;
	double	*p = calloc((size_t)(n + 2 * nq * na), sizeof *p), q[8];

	assert_non_null(p);
	assert_true(na <= 8);
	regressor_fitted(r, p);
	regressor_predict_queries(r, p + n);
	for (i = 0; i < nq; i++)
		regressor_predict(r, t->xq + i * t->des.d,
		    p + n + nq * na + i * na);
	assert_memory_equal(p + n, p + n + nq * na,
	    (size_t)nq * na * sizeof *p);
	for (i = 0; i < n; i++) {
		regressor_predict(r, t->x + i * t->des.d, q);
		assert_memory_equal(&q[t->a[i]], &p[i], sizeof *p);
	}
	return (p);
}

static void
test_kind_names(void **state)
{
	(void)state;
	assert_string_equal(regressor_kind_name(REG_KNN), "knn");
	assert_string_equal(regressor_kind_name(REG_LINEAR), "linear");
	assert_string_equal(regressor_kind_name(REG_POLY), "poly");
	assert_string_equal(regressor_kind_name(REG_TREES), "trees");
}

/* The features of the least-squares kinds, in the raw state. */
static int
features(const double *s, int d, int poly, double *phi)
{
	int	 i, j, m = 0;

	phi[m++] = 1;
	for (i = 0; i < d; i++)
		phi[m++] = s[i];
	if (poly)
		for (i = 0; i < d; i++)
			for (j = i; j < d; j++)
				phi[m++] = s[i] * s[j];
	return (m);
}

/* y = w_a . phi(s) exactly: least squares gives it back everywhere. */
static void
exact_fit(enum regressor_kind kind, int d)
{
	struct regressor_cfg	 c = cfg_of(kind);
	struct regressor	*r;
	struct data		 t;
	struct rng		 g;
	double			 w[3][64], phi[64], *p, want;
	long			 n = 300, nq = 40, i;
	int			 m = 0, a, j, poly = kind == REG_POLY;

	data_alloc(&t, n, d, 3, nq);
	data_random(&t, 11, 0);
	/* Offsets: the features are standardised inside, not here. */
	for (i = 0; i < n * d; i++)
		t.x[i] = 3 * t.x[i] + 0.5;
	rng_seed(&g, 12, 0);
	for (a = 0; a < 3; a++)
		for (j = 0; j < 64; j++)
			w[a][j] = 4 * rng_uniform(&g) - 2;
	for (i = 0; i < n; i++) {
		m = features(t.x + i * d, d, poly, phi);
		t.y[i] = 0;
		for (j = 0; j < m; j++)
			t.y[i] += w[t.a[i]][j] * phi[j];
	}
	r = make(&c, &t);
	regressor_fit(r, t.y, 0);
	p = predictions(r, &t);
	for (i = 0; i < n; i++)
		assert_near(p[i], t.y[i], 1e-9);
	for (i = 0; i < nq; i++) {
		m = features(t.xq + i * d, d, poly, phi);
		for (a = 0; a < 3; a++) {
			want = 0;
			for (j = 0; j < m; j++)
				want += w[a][j] * phi[j];
			assert_near(p[n + i * 3 + a], want, 1e-9);
		}
	}
	assert_int_equal(m, poly ? 1 + d + d * (d + 1) / 2 : 1 + d);
	free(p);
	regressor_free(r);
	data_free(&t);
}

static void
test_linear_exact(void **state)
{
	(void)state;
	exact_fit(REG_LINEAR, 4);
	exact_fit(REG_LINEAR, 1);
}

static void
test_poly_exact(void **state)
{
	(void)state;
	exact_fit(REG_POLY, 4);
	exact_fit(REG_POLY, 2);
}

/* The ridge shrinks: with a large one the fit is pulled to the mean. */
static void
test_linear_ridge(void **state)
{
	struct regressor_cfg	 c = cfg_of(REG_LINEAR);
	struct regressor	*r;
	struct data		 t;
	double			 yhat[200], ymean = 0;
	long			 i;

	(void)state;
	data_alloc(&t, 200, 2, 1, 0);
	data_random(&t, 3, 0);
	for (i = 0; i < 200; i++) {
		t.y[i] = 5 + 2 * t.x[i * 2];
		ymean += t.y[i] / 200;
	}
	c.ridge = 1e9;
	r = make(&c, &t);
	regressor_fit(r, t.y, 0);
	regressor_fitted(r, yhat);
	/* The intercept is not penalised: the mean survives. */
	for (i = 0; i < 200; i++)
		assert_near(yhat[i], ymean, 1e-5);
	regressor_free(r);
	data_free(&t);
}

/*
 * Six points (s, a) and targets that are powers of two, so a mean
 * tells which neighbours it took; k = 2:
 *
 *	i	0	1	2	3	4	5
 *	s	0	1	2	0.5	3	1
 *	a	0	0	0	1	0	1
 *	y	1	2	4	8	16	32
 */
static void
tiny_knn(struct data *t)
{
	static const double	 s[6] = { 0, 1, 2, 0.5, 3, 1 };
	static const int	 a[6] = { 0, 0, 0, 1, 0, 1 };
	static const double	 sq[2] = { 0.9, 2.5 };
	int			 i;

	data_alloc(t, 6, 1, 2, 2);
	for (i = 0; i < 6; i++) {
		t->x[i] = s[i];
		t->a[i] = a[i];
		t->y[i] = 1 << i;
	}
	t->xq[0] = sq[0];
	t->xq[1] = sq[1];
}

static void
test_knn_by_hand(void **state)
{
	struct regressor_cfg	 c = cfg_of(REG_KNN);
	struct regressor	*r;
	struct data		 t;
	double			 yhat[6], q[4], qs[2];

	(void)state;
	tiny_knn(&t);
	c.k = 2;
	r = make(&c, &t);
	/* Nothing fitted yet: zeros. */
	regressor_predict(r, t.xq, qs);
	assert_near(qs[0], 0, 0);
	regressor_fit(r, t.y, 0);
	regressor_fitted(r, yhat);
	/* Each point is its own nearest.  Point 1 has 0, 2 and 5 at
	 * squared distance 1: the lowest index, 0, wins; point 2 has 1 and
	 * 4 at 1: 1 wins. */
	assert_near(yhat[0], (1 + 2) / 2.0, 0);
	assert_near(yhat[1], (2 + 1) / 2.0, 0);
	assert_near(yhat[2], (4 + 2) / 2.0, 0);
	assert_near(yhat[3], (8 + 32) / 2.0, 0);
	assert_near(yhat[4], (16 + 4) / 2.0, 0);
	assert_near(yhat[5], (32 + 8) / 2.0, 0);
	regressor_predict_queries(r, q);
	/* (0.9, 0): 1 and 0.  (0.9, 1): the action counts, 5 and 3.
	 * (2.5, 0): 2 and 4 at 0.25.  (2.5, 1): 2 and 4 at 1.25 are nearer
	 * than 5 (2.25) and 3 (4). */
	assert_near(q[0], (2 + 1) / 2.0, 0);
	assert_near(q[1], (32 + 8) / 2.0, 0);
	assert_near(q[2], (4 + 16) / 2.0, 0);
	assert_near(q[3], (4 + 16) / 2.0, 0);
	regressor_predict(r, t.xq, qs);
	assert_near(qs[0], q[0], 0);
	assert_near(qs[1], q[1], 0);
	regressor_free(r);

	/* k = 3: point 1 takes itself, 0, then 2 before 5 (tied at 1). */
	c.k = 3;
	r = make(&c, &t);
	regressor_fit(r, t.y, 0);
	regressor_fitted(r, yhat);
	assert_near(yhat[1], (2 + 1 + 4) / 3.0, 0);
	assert_near(yhat[5], (32 + 8 + 2) / 3.0, 0);
	regressor_free(r);

	/* k = n: every prediction is the mean. */
	c.k = 6;
	r = make(&c, &t);
	regressor_fit(r, t.y, 0);
	regressor_predict_queries(r, q);
	assert_near(q[3], 63 / 6.0, 1e-15);
	regressor_free(r);
	data_free(&t);
}

/* The brute-force neighbours of (s, a): sorted by squared distance (the
 * same sum of squares in the same order), ties to the lower index. */
struct cand {
	double	 d2;
	long	 i;
};

static int
cand_cmp(const void *va, const void *vb)
{
	const struct cand	*a = va, *b = vb;

	if (a->d2 != b->d2)
		return (a->d2 < b->d2 ? -1 : 1);
	return ((a->i > b->i) - (a->i < b->i));
}

static double
brute_mean(const struct data *t, const double *s, int act, int k,
    struct cand *c)
{
	double	 d2, diff, sum = 0;
	long	 i;
	int	 f, d = t->des.d;

	for (i = 0; i < t->des.n; i++) {
		d2 = 0;
		for (f = 0; f < d; f++) {
			diff = t->x[i * d + f] - s[f];
			d2 += diff * diff;
		}
		diff = (double)t->a[i] - act;
		d2 += diff * diff;
		c[i].d2 = d2;
		c[i].i = i;
	}
	qsort(c, (size_t)t->des.n, sizeof *c, cand_cmp);
	for (i = 0; i < k; i++)
		sum += t->y[c[i].i];
	return (sum / k);
}

static void
knn_against_brute(int grid, int k)
{
	struct regressor_cfg	 c = cfg_of(REG_KNN);
	struct regressor	*r;
	struct data		 t;
	struct cand		*cand;
	struct rng		 g;
	double			*p, want;
	long			 n = 2000, nq = 300, i;
	int			 a;

	data_alloc(&t, n, 3, 2, nq);
	data_random(&t, 21 + grid, grid);
	rng_seed(&g, 22, 0);
	for (i = 0; i < n; i++)
		t.y[i] = rng_uniform(&g);
	/* A few exact duplicates on top of the grid's many ties. */
	for (i = 0; i < 50; i++) {
		memcpy(t.x + (i + 100) * 3, t.x + i * 3, 3 * sizeof *t.x);
		t.a[i + 100] = t.a[i];
	}
	c.k = k;
	c.threads = 2;
	r = make(&c, &t);
	regressor_fit(r, t.y, 0);
	p = predictions(r, &t);
	cand = calloc((size_t)n, sizeof *cand);
	assert_non_null(cand);
	for (i = 0; i < n; i++) {
		want = brute_mean(&t, t.x + i * 3, t.a[i], k, cand);
		assert_near(p[i], want, 0);
	}
	for (i = 0; i < nq; i++) {
		for (a = 0; a < 2; a++) {
			want = brute_mean(&t, t.xq + i * 3, a, k, cand);
			assert_near(p[n + i * 2 + a], want, 0);
		}
	}
	free(cand);
	free(p);
	regressor_free(r);
	data_free(&t);
}

static void
test_knn_brute_force(void **state)
{
	(void)state;
	knn_against_brute(0, 30);
	knn_against_brute(0, 1);
}

/* On a grid of quarters most distances tie: the order must still be
 * (distance, index) exactly. */
static void
test_knn_brute_force_ties(void **state)
{
	(void)state;
	knn_against_brute(1, 30);
	knn_against_brute(1, 7);
}

/* The same bits for 1, 2 and 3 threads (and as many as cores). */
static void
same_for_threads(enum regressor_kind kind, long n, int ntrees)
{
	struct regressor_cfg	 c = cfg_of(kind);
	struct regressor	*r;
	struct data		 t;
	double			*p[4];
	long			 nq = n / 2, i;
	int			 th;

	data_alloc(&t, n, 4, 2, nq);
	data_random(&t, 31, 0);
	for (i = 0; i < n; i++)
		t.y[i] = sin(3 * t.x[i * 4]) + t.x[i * 4 + 1] * t.a[i];
	c.ntrees = ntrees;
	for (th = 0; th < 4; th++) {
		c.threads = th;
		r = make(&c, &t);
		regressor_fit(r, t.y, 5);
		p[th] = predictions(r, &t);
		regressor_free(r);
	}
	for (th = 1; th < 4; th++)
		assert_memory_equal(p[0], p[th],
		    (size_t)(n + 2 * nq * 2) * sizeof *p[0]);
	for (th = 0; th < 4; th++)
		free(p[th]);
	data_free(&t);
}

static void
test_threads_same_bits(void **state)
{
	(void)state;
	same_for_threads(REG_KNN, 8000, 0);
	same_for_threads(REG_TREES, 3000, 7);
	same_for_threads(REG_POLY, 3000, 0);
}

/* A bumpy function of (s, a) the trees must follow. */
static double
bumpy(const double *s, int a)
{
	return (sin(3 * s[0]) * cos(2 * s[1]) + s[2] * s[2] +
	    (a ? 0.5 * s[3] : -s[0] * s[3]));
}

static void
test_trees_fit_and_generalise(void **state)
{
	struct regressor_cfg	 c = cfg_of(REG_TREES);
	struct regressor	*r;
	struct data		 t;
	struct rng		 g;
	double			*yhat, s[4], q[2], mean = 0, sst = 0;
	double			 sse = 0, tst = 0, tse = 0, v;
	long			 n = 3000, i;
	int			 a, f;

	(void)state;
	data_alloc(&t, n, 4, 2, 0);
	data_random(&t, 41, 0);
	for (i = 0; i < n; i++) {
		t.y[i] = bumpy(t.x + i * 4, t.a[i]);
		mean += t.y[i] / n;
	}
	c.threads = 0;
	r = make(&c, &t);
	regressor_fit(r, t.y, 1);
	yhat = calloc((size_t)n, sizeof *yhat);
	assert_non_null(yhat);
	regressor_fitted(r, yhat);
	for (i = 0; i < n; i++) {
		sst += (t.y[i] - mean) * (t.y[i] - mean);
		sse += (t.y[i] - yhat[i]) * (t.y[i] - yhat[i]);
	}
	assert_true(1 - sse / sst > 0.95);
	/* Fresh points: far better than the mean. */
	rng_seed(&g, 42, 0);
	for (i = 0; i < 2000; i++) {
		for (f = 0; f < 4; f++)
			s[f] = 2 * rng_uniform(&g) - 1;
		regressor_predict(r, s, q);
		for (a = 0; a < 2; a++) {
			v = bumpy(s, a);
			tse += (v - q[a]) * (v - q[a]);
			tst += (v - mean) * (v - mean);
		}
	}
	if (!(tse < 0.15 * tst))
		print_error("test error %g of %g\n", tse, tst);
	assert_true(tse < 0.15 * tst);
	assert_true(regressor_memory(r) > (size_t)n * 50 * 8);
	free(yhat);
	regressor_free(r);
	data_free(&t);
}

/* The same seed gives the same forest; another seed another. */
static void
test_trees_seeded(void **state)
{
	struct regressor_cfg	 c = cfg_of(REG_TREES);
	struct regressor	*r;
	struct data		 t;
	double			*p[3];
	long			 n = 500, nq = 100, i;
	size_t			 sz;

	(void)state;
	sz = (size_t)(n + 2 * nq * 2) * sizeof *p[0];
	data_alloc(&t, n, 4, 2, nq);
	data_random(&t, 51, 0);
	for (i = 0; i < n; i++)
		t.y[i] = bumpy(t.x + i * 4, t.a[i]);
	c.ntrees = 10;
	r = make(&c, &t);
	regressor_fit(r, t.y, 7);
	p[0] = predictions(r, &t);
	regressor_fit(r, t.y, 8);
	p[1] = predictions(r, &t);
	regressor_fit(r, t.y, 7);
	p[2] = predictions(r, &t);
	assert_memory_equal(p[0], p[2], sz);
	assert_memory_not_equal(p[0], p[1], sz);
	for (i = 0; i < 3; i++)
		free(p[i]);
	regressor_free(r);
	data_free(&t);
}

/* Leaves by the rules: equal targets make one leaf of that value; a
 * node smaller than n_min is a leaf of the mean. */
static void
test_trees_leaves(void **state)
{
	struct regressor_cfg	 c = cfg_of(REG_TREES);
	struct regressor	*r;
	struct data		 t;
	double			*p, mean = 0;
	long			 n = 64, nq = 8, i;

	(void)state;
	data_alloc(&t, n, 2, 2, nq);
	data_random(&t, 61, 0);
	for (i = 0; i < n; i++)
		t.y[i] = 0.1;
	c.ntrees = 3;
	r = make(&c, &t);
	regressor_fit(r, t.y, 1);
	p = predictions(r, &t);
	for (i = 0; i < n + 2 * nq * 2; i++)
		assert_near(p[i], 0.1, 1e-16);
	free(p);
	regressor_free(r);

	for (i = 0; i < n; i++) {
		t.y[i] = (double)i;
		mean += t.y[i] / n;
	}
	c.min_split = (int)n + 1;
	r = make(&c, &t);
	regressor_fit(r, t.y, 1);
	p = predictions(r, &t);
	for (i = 0; i < n + 2 * nq * 2; i++)
		assert_near(p[i], mean, 1e-12);
	free(p);
	regressor_free(r);

	/* Two inputs that differ only in the action: one split, exact. */
	c.min_split = 2;
	t.des.n = 2;
	t.x[0] = t.x[2] = 0.25;
	t.x[1] = t.x[3] = -0.5;
	t.a[0] = 0;
	t.a[1] = 1;
	t.y[0] = 3;
	t.y[1] = -7;
	r = make(&c, &t);
	regressor_fit(r, t.y, 1);
	p = predictions(r, &t);
	assert_near(p[0], 3, 0);
	assert_near(p[1], -7, 0);
	for (i = 0; i < nq; i++) {
		assert_near(p[2 + i * 2], 3, 0);
		assert_near(p[2 + i * 2 + 1], -7, 0);
	}
	free(p);
	regressor_free(r);
	data_free(&t);
}

static void
expect_error(const struct regressor_cfg *c, const struct regressor_design *d,
    const char *what)
{
	char	 err[256] = "";

	assert_null(regressor_new(c, d, err, sizeof err));
	if (strstr(err, what) == NULL)
		print_error("error '%s' lacks '%s'\n", err, what);
	assert_non_null(strstr(err, what));
	assert_null(strchr(err, '\n'));
}

static void
test_errors(void **state)
{
	struct regressor_cfg	 c;
	struct regressor_design	 d;
	struct data		 t;
	int			 i;

	(void)state;
	data_alloc(&t, 20, 2, 2, 5);
	data_random(&t, 71, 0);
	c = cfg_of(REG_KNN);
	c.k = 0;
	expect_error(&c, &t.des, "k is 0");
	c.k = 21;
	expect_error(&c, &t.des, "only 20");
	c.k = 1001;
	expect_error(&c, &t.des, "k is 1001");
	c.k = 3;
	d = t.des;
	d.n = 0;
	expect_error(&c, &d, "no training inputs");
	d = t.des;
	d.d = 0;
	expect_error(&c, &d, "numbers of state");
	d.d = 17;
	expect_error(&c, &d, "numbers of state");
	d = t.des;
	d.xq = NULL;
	expect_error(&c, &d, "query states");
	t.a[4] = 2;
	expect_error(&c, &t.des, "action 2 of input 4");
	t.a[4] = 0;
	t.x[7] = NAN;
	expect_error(&c, &t.des, "input 3 is not finite");
	t.x[7] = 0;
	t.xq[9] = INFINITY;
	expect_error(&c, &t.des, "query state 4 is not finite");
	t.xq[9] = 0;
	c.threads = -1;
	expect_error(&c, &t.des, "threads");
	c = cfg_of(REG_TREES);
	c.ntrees = 0;
	expect_error(&c, &t.des, "trees");
	c.ntrees = 5;
	c.min_split = 1;
	expect_error(&c, &t.des, "trees");
	c = cfg_of(REG_LINEAR);
	c.ridge = -1;
	expect_error(&c, &t.des, "ridge");
	/* Poly on 2 numbers has 6 features: 20 inputs over 2 actions can
	 * leave one short; all on action 0 leaves action 1 with none. */
	memset(t.a, 0, 20 * sizeof *t.a);
	c = cfg_of(REG_POLY);
	expect_error(&c, &t.des, "action 1 has 0 training inputs");
	/* A constant number of state: dependent features, unless there
	 * is a ridge. */
	data_random(&t, 71, 0);
	for (i = 0; i < 20; i++)
		t.x[i * 2 + 1] = 0.5;
	c = cfg_of(REG_LINEAR);
	expect_error(&c, &t.des, "linearly dependent");
	c.ridge = 1e-6;
	regressor_free(make(&c, &t));
	data_free(&t);
}

/* The widest state, 16 numbers, and three actions: every kind agrees
 * with itself across its ways of predicting. */
static void
test_wide_state(void **state)
{
	static const enum regressor_kind kinds[4] = { REG_KNN, REG_LINEAR,
	    REG_POLY, REG_TREES };
	struct regressor_cfg	 c;
	struct regressor	*r;
	struct data		 t;
	double			*p;
	long			 n = 900, i;
	int			 k;

	(void)state;
	data_alloc(&t, n, 16, 3, 40);
	data_random(&t, 91, 0);
	for (i = 0; i < n; i++)
		t.y[i] = t.x[i * 16] * t.x[i * 16 + 15] + t.a[i];
	for (k = 0; k < 4; k++) {
		c = cfg_of(kinds[k]);
		c.ntrees = 5;
		c.ridge = 1e-6;
		c.threads = 2;
		r = make(&c, &t);
		regressor_fit(r, t.y, 3);
		p = predictions(r, &t);
		free(p);
		regressor_free(r);
	}
	data_free(&t);
}

/* kNN's memory: at least its neighbour lists. */
static void
test_knn_memory(void **state)
{
	struct regressor_cfg	 c = cfg_of(REG_KNN);
	struct regressor	*r;
	struct data		 t;

	(void)state;
	data_alloc(&t, 1000, 4, 2, 700);
	data_random(&t, 81, 0);
	c.k = 10;
	r = make(&c, &t);
	assert_true(regressor_memory(r) >= (1000 + 700 * 2) * 10 * 4);
	regressor_free(r);
	data_free(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kind_names),
		cmocka_unit_test(test_linear_exact),
		cmocka_unit_test(test_poly_exact),
		cmocka_unit_test(test_linear_ridge),
		cmocka_unit_test(test_knn_by_hand),
		cmocka_unit_test(test_knn_brute_force),
		cmocka_unit_test(test_knn_brute_force_ties),
		cmocka_unit_test(test_threads_same_bits),
		cmocka_unit_test(test_trees_fit_and_generalise),
		cmocka_unit_test(test_trees_seeded),
		cmocka_unit_test(test_trees_leaves),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_wide_state),
		cmocka_unit_test(test_knn_memory),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
