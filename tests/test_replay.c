/* DQN's replay buffer, the sum-tree under prioritized replay, and the
 * exploration schedules: the ring by hand, sampling frequencies against
 * chi-square bounds, the tree against a brute-force prefix search, the
 * importance weights and schedules by hand. */
#include "testutil.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "replay.h"
#include "rng.h"
#include "schedule.h"
#include "sumtree.h"

/* Chi-square of counts against probabilities p over n outcomes. */
static double
chi_square(const long *count, const double *p, int n, long total)
{
	double	 x = 0, e;
	int	 i;

	for (i = 0; i < n; i++) {
		e = p[i] * total;
		x += (count[i] - e) * (count[i] - e) / e;
	}
	return (x);
}

/* Transition k of a test stream: every field says which one it is. */
static void
transition(int k, int d, float *s, float *s2)
{
	int	 j;

	for (j = 0; j < d; j++) {
		s[j] = (float)k + 0.125f * j;
		s2[j] = -(float)k - 0.25f * j;
	}
}

static struct replay *
filled(long capacity, long n, bool prioritized, double alpha)
{
	struct replay	*rb = replay_new(capacity, 2, prioritized, alpha);
	float		 s[2], s2[2];
	long		 k;

	for (k = 0; k < n; k++) {
		transition((int)k, 2, s, s2);
		replay_add(rb, s, (int)(k % 3), (float)k, s2, k % 5 == 4);
	}
	return (rb);
}

/* Draws counted per index over batches of n. */
static void
count_draws(const struct replay *rb, struct rng *r, int n, long batches,
    long *count)
{
	long	 idx[64], b;
	int	 k;

	assert_true(n <= 64);
	memset(count, 0, (size_t)rb->size * sizeof *count);
	for (b = 0; b < batches; b++) {
		replay_sample(rb, r, n, 0.4, idx, NULL);
		for (k = 0; k < n; k++) {
			assert_true(idx[k] >= 0 && idx[k] < rb->size);
			count[idx[k]]++;
		}
	}
}

static void
test_replay_ring(void **state)
{
	struct replay	*rb;
	float		 s[3], s2[3];
	long		 slot;
	int		 k, j, want;

	(void)state;
	rb = replay_new(5, 3, false, 0);
	assert_int_equal(rb->size, 0);
	assert_int_equal(rb->next, 0);
	assert_null(rb->prio);
	for (k = 0; k < 7; k++) {
		transition(k, 3, s, s2);
		replay_add(rb, s, k % 2, 0.5f * k, s2, k == 3);
		assert_int_equal(rb->size, k + 1 < 5 ? k + 1 : 5);
		assert_int_equal(rb->next, (k + 1) % 5);
	}
	/* Slots 0 and 1 were overwritten by transitions 5 and 6; 2..4
	 * still hold 2..4. */
	for (slot = 0; slot < 5; slot++) {
		want = slot < 2 ? (int)slot + 5 : (int)slot;
		transition(want, 3, s, s2);
		for (j = 0; j < 3; j++) {
			assert_true(rb->s[slot * 3 + j] == s[j]);
			assert_true(rb->s2[slot * 3 + j] == s2[j]);
		}
		assert_int_equal(rb->a[slot], want % 2);
		assert_true(rb->r[slot] == 0.5f * want);
		assert_int_equal(rb->terminated[slot], want == 3);
	}
	replay_clear(rb);
	assert_int_equal(rb->size, 0);
	assert_int_equal(rb->next, 0);
	replay_free(rb);
}

/* Every stored index equally often, nothing past size, and draws with
 * replacement. */
static void
test_replay_uniform(void **state)
{
	struct replay	*rb;
	struct rng	 r;
	long		 count[1000], idx[64], b, dup_batches = 0;
	double		 p[1000];
	float		 w[64];
	int		 i, k, j;

	(void)state;
	rng_seed(&r, 7, 0);
	/* 37 of 100: indices 37..99 hold nothing and must never come. */
	rb = filled(100, 37, false, 0);
	assert_true(replay_probability(rb, 36) == 1.0 / 37);
	assert_true(replay_probability(rb, 37) == 0);
	count_draws(rb, &r, 64, 6000, count);
	for (i = 0; i < 37; i++)
		p[i] = 1.0 / 37;
	/* 36 degrees of freedom: the 0.999 quantile is 67.98. */
	assert_true(chi_square(count, p, 37, 64 * 6000L) < 68);
	replay_free(rb);

	/* Wrapped: all of the capacity is in use. */
	rb = filled(50, 130, false, 0);
	assert_int_equal(rb->size, 50);
	count_draws(rb, &r, 64, 6000, count);
	for (i = 0; i < 50; i++)
		p[i] = 1.0 / 50;
	/* 49 degrees of freedom: 0.999 quantile 85.35. */
	assert_true(chi_square(count, p, 50, 64 * 6000L) < 85.4);
	replay_free(rb);

	/* 64 draws from 1000 repeat one with probability 0.87; drawing
	 * without replacement would never. */
	rb = filled(1000, 1000, false, 0);
	for (b = 0; b < 200; b++) {
		for (k = 0; k < 64; k++)
			w[k] = -1;
		replay_sample(rb, &r, 64, 0.4, idx, w);
		for (k = 0; k < 64; k++)
			assert_true(w[k] == 1);
		for (k = 0; k < 64; k++)
			for (j = 0; j < k; j++)
				if (idx[j] == idx[k])
					goto dup;
		continue;
dup:
		dup_batches++;
	}
	assert_true(dup_batches > 150 && dup_batches < 195);
	replay_free(rb);
}

static void
test_sumtree_by_hand(void **state)
{
	struct sumtree	*t;
	static const double p[5] = { 1, 2, 0, 3, 4 };
	double		 us[2];
	long		 i, many[2];

	(void)state;
	t = sumtree_new(5);
	assert_int_equal(sumtree_capacity(t), 5);
	assert_true(sumtree_total(t) == 0);
	assert_int_equal(sumtree_find(t, 0), -1);
	sumtree_find_many(t, p, many, 2);
	assert_int_equal(many[0], -1);
	assert_int_equal(many[1], -1);
	for (i = 0; i < 5; i++)
		sumtree_set(t, i, p[i]);
	/* Out of range: ignored, and reads as 0. */
	sumtree_set(t, 5, 100);
	sumtree_set(t, -1, 100);
	assert_true(sumtree_get(t, 5) == 0);
	assert_true(sumtree_total(t) == 10);
	for (i = 0; i < 5; i++)
		assert_true(sumtree_get(t, i) == p[i]);
	/* Prefix sums 0 1 3 3 6 10: leaf 2 is empty and never found. */
	assert_int_equal(sumtree_find(t, 0), 0);
	assert_int_equal(sumtree_find(t, 0.999), 0);
	assert_int_equal(sumtree_find(t, 1), 1);
	assert_int_equal(sumtree_find(t, 2.999), 1);
	assert_int_equal(sumtree_find(t, 3), 3);
	assert_int_equal(sumtree_find(t, 5.999), 3);
	assert_int_equal(sumtree_find(t, 6), 4);
	assert_int_equal(sumtree_find(t, 9.999), 4);
	/* Out of [0, total): the first and the last leaf with a priority,
	 * never the empty leaves 5..7 that pad the tree to 8. */
	assert_int_equal(sumtree_find(t, 10), 4);
	assert_int_equal(sumtree_find(t, 1e9), 4);
	assert_int_equal(sumtree_find(t, -1), 0);

	sumtree_set(t, 3, 0);
	assert_true(sumtree_total(t) == 7);
	assert_int_equal(sumtree_find(t, 3), 4);
	sumtree_set(t, 4, 0);
	sumtree_set(t, 0, 0.5);
	assert_true(sumtree_total(t) == 2.5);
	assert_int_equal(sumtree_find(t, 0.5), 1);
	assert_int_equal(sumtree_find(t, 2.5), 1);
	assert_int_equal(sumtree_find(t, 100), 1);
	/* Below 0 (or NaN) with an empty first leaf: the first non-empty. */
	sumtree_set(t, 0, 0);
	assert_int_equal(sumtree_find(t, 0), 1);
	assert_int_equal(sumtree_find(t, -1), 1);
	assert_int_equal(sumtree_find(t, NAN), 1);
	us[0] = -1;
	us[1] = NAN;
	sumtree_find_many(t, us, many, 2);
	assert_int_equal(many[0], 1);
	assert_int_equal(many[1], 1);
	sumtree_clear(t);
	assert_true(sumtree_total(t) == 0);
	assert_true(sumtree_get(t, 1) == 0);
	assert_int_equal(sumtree_find(t, 0), -1);
	sumtree_free(t);

	/* One leaf. */
	t = sumtree_new(1);
	sumtree_set(t, 0, 0.25);
	assert_true(sumtree_total(t) == 0.25);
	assert_int_equal(sumtree_find(t, 0), 0);
	assert_int_equal(sumtree_find(t, 0.25), 0);
	sumtree_free(t);
}

/*
 * Against a brute-force search on prefix sums in long double.  The tree
 * adds in another order, so its boundaries can differ from the brute
 * force's in the last bits: a different leaf is allowed only that close
 * to a boundary.  Whatever u, the leaf found has a priority.
 */
static void
check_against_brute_force(const struct sumtree *t, const double *p, long n,
    struct rng *r, int draws)
{
	long double	*prefix = calloc((size_t)n + 1, sizeof *prefix);
	double		*us = calloc((size_t)draws + 2, sizeof *us);
	long		*many = calloc((size_t)draws + 2, sizeof *many);
	double		 total = sumtree_total(t), u, tol;
	long		 i, j, lo, hi, mid;
	int		 k;

	assert_non_null(prefix);
	assert_non_null(us);
	assert_non_null(many);
	for (i = 0; i < n; i++)
		prefix[i + 1] = prefix[i] + p[i];
	tol = 1e-12 * total;
	assert_near(total, (double)prefix[n], tol);
	for (k = 0; k < draws + 2; k++) {
		if (k == draws)
			u = nextafter(total, 0);	/* just below */
		else if (k == draws + 1)
			u = total;		/* rounded up to it */
		else
			u = rng_uniform(r) * total;
		us[k] = u;
		i = sumtree_find(t, u);
		assert_true(i >= 0 && i < n);
		assert_true(p[i] > 0);
		/* The brute force: the last j with prefix(j) <= u. */
		lo = 0;
		hi = n;
		while (hi - lo > 1) {
			mid = (lo + hi) / 2;
			if (prefix[mid] <= u)
				lo = mid;
			else
				hi = mid;
		}
		j = lo;
		while (j > 0 && p[j] == 0)	/* never an empty leaf */
			j--;
		if (i != j)
			assert_true(fabsl(prefix[i] - u) <= tol ||
			    fabsl(prefix[i + 1] - u) <= tol);
	}
	/* The interleaved search finds the very same leaves, in chunks. */
	sumtree_find_many(t, us, many, draws + 2);
	for (k = 0; k < draws + 2; k++)
		assert_int_equal(many[k], sumtree_find(t, us[k]));
	free(prefix);
	free(us);
	free(many);
}

static void
test_sumtree_brute_force(void **state)
{
	struct sumtree	*t;
	struct rng	 r;
	double		*p;
	long		 n, i, k;
	static const long sizes[] = { 1, 2, 3, 1000, 1024, 1025, 70001 };
	size_t		 c;

	(void)state;
	rng_seed(&r, 3, 0);
	for (c = 0; c < sizeof sizes / sizeof sizes[0]; c++) {
		n = sizes[c];
		p = calloc((size_t)n, sizeof *p);
		assert_non_null(p);
		t = sumtree_new(n);
		/* A fifth empty, the rest over six orders of magnitude, and
		 * the last tenth never set: the padding and an empty tail
		 * are where a search without guards ends up. */
		for (i = 0; i < n - n / 10; i++) {
			p[i] = rng_below(&r, 5) == 0 ? 0 :
			    pow(10, 6 * rng_uniform(&r) - 3);
			sumtree_set(t, i, p[i]);
		}
		if (sumtree_total(t) > 0)
			check_against_brute_force(t, p, n, &r, 5000);
		/* Updates in place, some to zero. */
		for (k = 0; k < n; k++) {
			i = rng_below(&r, (uint32_t)n);
			p[i] = rng_below(&r, 4) == 0 ? 0 : rng_uniform(&r);
			sumtree_set(t, i, p[i]);
		}
		for (i = 0; i < n; i++)
			assert_true(sumtree_get(t, i) == p[i]);
		if (sumtree_total(t) > 0)
			check_against_brute_force(t, p, n, &r, 5000);
		sumtree_free(t);
		free(p);
	}
}

/* Set priority |td| + eps of every stored transition, in order. */
static void
set_priorities(struct replay *rb, const float *td)
{
	long	 idx[64];
	long	 i;

	assert_true(rb->size <= 64);
	for (i = 0; i < rb->size; i++)
		idx[i] = i;
	replay_update_priorities(rb, idx, td, (int)rb->size);
}

/* Draws in proportion to p^alpha. */
static void
test_replay_prioritized_frequencies(void **state)
{
	static const float td[8] = { 0.5f, 1, 2, 3, 0.1f, 4, 0.25f, 1.5f };
	struct replay	*rb;
	struct rng	 r;
	long		 count[8];
	double		 p[8], sum = 0, flat[8];
	int		 i;

	(void)state;
	rng_seed(&r, 11, 0);
	rb = filled(8, 8, true, 0.6);
	set_priorities(rb, td);
	for (i = 0; i < 8; i++) {
		p[i] = pow(fabs(td[i]) + REPLAY_PRIORITY_EPS, 0.6);
		sum += p[i];
	}
	for (i = 0; i < 8; i++) {
		p[i] /= sum;
		assert_near(replay_probability(rb, i), p[i], 1e-15);
		flat[i] = 1.0 / 8;
	}
	count_draws(rb, &r, 32, 10000, count);
	/* 7 degrees of freedom: the 0.999 quantile is 24.32. */
	assert_true(chi_square(count, p, 8, 320000) < 24.4);
	assert_true(chi_square(count, flat, 8, 320000) > 1000);
	replay_free(rb);

	/* alpha = 0 flattens every priority to 1. */
	rb = filled(8, 8, true, 0);
	set_priorities(rb, td);
	count_draws(rb, &r, 32, 10000, count);
	assert_true(chi_square(count, flat, 8, 320000) < 24.4);
	replay_free(rb);
}

/* Batch k's draw falls in segment [k, k + 1) * total / n. */
static void
test_replay_stratified(void **state)
{
	struct replay	*rb;
	struct rng	 r;
	float		 td[64];
	long		 idx[150], b;
	double		 prefix[65], total, seg;
	int		 i, k, n;

	(void)state;
	rng_seed(&r, 5, 0);
	/* Four equal priorities, four draws: the segments are the leaves,
	 * so each batch is exactly 0, 1, 2, 3. */
	rb = filled(4, 4, true, 0.6);
	for (b = 0; b < 1000; b++) {
		replay_sample(rb, &r, 4, 0.4, idx, NULL);
		for (k = 0; k < 4; k++)
			assert_int_equal(idx[k], k);
	}
	replay_free(rb);

	rb = filled(64, 64, true, 0.7);
	for (i = 0; i < 64; i++)
		td[i] = (float)(5 * rng_uniform(&r));
	set_priorities(rb, td);
	prefix[0] = 0;
	for (i = 0; i < 64; i++)
		prefix[i + 1] = prefix[i] + sumtree_get(rb->prio, i);
	total = sumtree_total(rb->prio);
	/* 16 draws, and 150, more than one pass of the search takes. */
	for (n = 16; n <= 150; n += 134) {
		seg = total / n;
		for (b = 0; b < 1000; b++) {
			replay_sample(rb, &r, n, 0.4, idx, NULL);
			for (k = 0; k < n; k++) {
				assert_true(prefix[idx[k]] <=
				    (k + 1) * seg + 1e-12);
				assert_true(prefix[idx[k] + 1] >=
				    k * seg - 1e-12);
			}
		}
	}
	replay_free(rb);
}

/*
 * alpha = 1 and TD errors 1, 3, 8: P = 1/12, 3/12, 8/12 (the 1e-6 aside),
 * N P = 0.25, 0.75, 2, so (N P)^-beta is 2, 2/sqrt(3), 1/sqrt(2) for
 * beta = 0.5 and 4, 4/3, 1/2 for beta = 1, each over the batch's largest.
 */
static void
test_replay_weights_by_hand(void **state)
{
	static const float td[3] = { 1, 3, 8 };
	static const double half[3] = { 2, 1.1547005383792515,
	    0.70710678118654752 };
	static const double one[3] = { 4, 4.0 / 3, 0.5 };
	struct replay	*rb;
	struct rng	 r;
	long		 idx[3];
	float		 w[3];
	double		 max, maxp, P;
	int		 b, k, with0 = 0;

	(void)state;
	rng_seed(&r, 9, 0);
	rb = filled(3, 3, true, 1);
	set_priorities(rb, td);
	for (b = 0; b < 200; b++) {
		replay_sample(rb, &r, 3, 0.5, idx, w);
		for (max = 0, k = 0; k < 3; k++)
			max = fmax(max, half[idx[k]]);
		for (k = 0; k < 3; k++)
			assert_near(w[k], half[idx[k]] / max, 2e-6);
		with0 += idx[0] == 0;

		/* beta = 1: 1 / (N P(i)) over the batch's largest, from the
		 * buffer's own P and from the numbers above. */
		replay_sample(rb, &r, 3, 1, idx, w);
		for (max = maxp = 0, k = 0; k < 3; k++) {
			max = fmax(max, one[idx[k]]);
			P = replay_probability(rb, idx[k]);
			maxp = fmax(maxp, 1 / (3 * P));
		}
		for (k = 0; k < 3; k++) {
			P = replay_probability(rb, idx[k]);
			assert_near(w[k], 1 / (3 * P) / maxp, 1e-6);
			assert_near(w[k], one[idx[k]] / max, 2e-6);
		}

		replay_sample(rb, &r, 3, 0, idx, w);
		for (k = 0; k < 3; k++)
			assert_true(w[k] == 1);
	}
	/* Segment 0 is [0, 4): leaf 0 a quarter of the time. */
	assert_true(with0 > 20 && with0 < 80);
	replay_free(rb);
}

/* New transitions get the largest priority seen so far. */
static void
test_replay_max_priority(void **state)
{
	struct replay	*rb;
	float		 s[2] = { 0, 0 }, td[2];
	long		 idx[2];

	(void)state;
	rb = filled(4, 3, true, 0.5);
	assert_true(rb->max_priority == 1);
	assert_true(sumtree_get(rb->prio, 0) == 1);
	assert_true(sumtree_total(rb->prio) == 3);

	idx[0] = 1;
	td[0] = -5;
	idx[1] = 2;
	td[1] = 0.5f;
	replay_update_priorities(rb, idx, td, 2);
	assert_near(rb->max_priority, 5 + 1e-6, 1e-15);
	assert_near(sumtree_get(rb->prio, 1), sqrt(5 + 1e-6), 1e-15);
	assert_near(sumtree_get(rb->prio, 2), sqrt(0.5 + 1e-6), 1e-15);
	/* Indices of no stored transition are left alone. */
	idx[0] = 3;
	idx[1] = -1;
	replay_update_priorities(rb, idx, td, 2);
	assert_true(sumtree_get(rb->prio, 3) == 0);
	assert_near(sumtree_total(rb->prio),
	    1 + sqrt(5 + 1e-6) + sqrt(0.5 + 1e-6), 1e-15);
	/* The fourth transition, then the fifth over the first. */
	replay_add(rb, s, 0, 0, s, false);
	assert_near(sumtree_get(rb->prio, 3), sqrt(5 + 1e-6), 1e-15);
	replay_add(rb, s, 0, 0, s, false);
	assert_near(sumtree_get(rb->prio, 0), sqrt(5 + 1e-6), 1e-15);

	/* Smaller errors leave the max alone; a larger one raises it. */
	idx[0] = 0;
	td[0] = 2;
	replay_update_priorities(rb, idx, td, 1);
	assert_near(rb->max_priority, 5 + 1e-6, 1e-15);
	td[0] = 9;
	replay_update_priorities(rb, idx, td, 1);
	assert_near(rb->max_priority, 9 + 1e-6, 1e-15);
	/* A NaN or infinite error takes the max and keeps the sums sane. */
	idx[0] = 2;
	td[0] = NAN;
	idx[1] = 3;
	td[1] = INFINITY;
	replay_update_priorities(rb, idx, td, 2);
	assert_near(sumtree_get(rb->prio, 2), sqrt(9 + 1e-6), 1e-15);
	assert_near(sumtree_get(rb->prio, 3), sqrt(9 + 1e-6), 1e-15);
	assert_true(isfinite(sumtree_total(rb->prio)));
	assert_near(rb->max_priority, 9 + 1e-6, 1e-15);

	replay_clear(rb);
	assert_true(rb->max_priority == 1);
	assert_true(sumtree_total(rb->prio) == 0);
	replay_add(rb, s, 0, 0, s, false);
	assert_true(sumtree_get(rb->prio, 0) == 1);
	replay_free(rb);
}

/* One large TD error takes over the draws. */
static void
test_replay_update_changes_frequencies(void **state)
{
	struct replay	*rb;
	struct rng	 r;
	long		 count[4], idx[1] = { 2 };
	float		 td[1] = { 99 };
	double		 flat[4] = { 0.25, 0.25, 0.25, 0.25 };

	(void)state;
	rng_seed(&r, 13, 0);
	rb = filled(4, 4, true, 1);
	/* One draw a batch, so stratification does not force the mix. */
	count_draws(rb, &r, 1, 40000, count);
	/* 3 degrees of freedom: 0.999 quantile 16.27. */
	assert_true(chi_square(count, flat, 4, 40000) < 16.3);
	replay_update_priorities(rb, idx, td, 1);
	count_draws(rb, &r, 1, 40000, count);
	/* P(2) = 99 / 102. */
	assert_near(count[2] / 40000.0, 99.0 / 102, 0.005);
	replay_free(rb);
}

/* A buffer of DQN's size, 70,000 of 100,000 filled: every draw lands on
 * a stored transition. */
static void
test_replay_large(void **state)
{
	struct replay	*rb;
	struct rng	 r;
	float		 td[64], w[64];
	long		 idx[64];
	int		 b, k;

	(void)state;
	rng_seed(&r, 17, 0);
	rb = filled(100000, 70000, true, 0.6);
	for (b = 0; b < 2000; b++) {
		replay_sample(rb, &r, 64, 0.4, idx, w);
		for (k = 0; k < 64; k++) {
			assert_true(idx[k] >= 0 && idx[k] < 70000);
			assert_true(w[k] > 0 && w[k] <= 1);
			td[k] = (float)(10 * rng_uniform(&r));
		}
		replay_update_priorities(rb, idx, td, 64);
	}
	replay_free(rb);
}

static void
test_schedule_linear(void **state)
{
	struct schedule	 s = { .kind = SCHEDULE_LINEAR, .start = 1,
	    .end = 0.04, .fraction = 0.1, .total = 80000 };
	struct schedule	 beta = { .kind = SCHEDULE_LINEAR, .start = 0.4,
	    .end = 1, .fraction = 1, .total = 80000 };

	(void)state;
	assert_true(schedule_value(&s, 0) == 1);
	/* 1 - 0.96 * 0.5 and 1 - 0.96 * 1 at 5% and 10% of the steps. */
	assert_near(schedule_value(&s, 4000), 0.52, 1e-12);
	assert_near(schedule_value(&s, 8000), 0.04, 1e-12);
	assert_true(schedule_value(&s, 8001) == 0.04);
	assert_true(schedule_value(&s, 80000) == 0.04);
	assert_true(schedule_value(&s, 100000) == 0.04);
	/* SB3's arithmetic to the bit: progress through 1 - remaining. */
	assert_true(schedule_value(&s, 4000) ==
	    1 + (1 - (1 - 4000.0 / 80000)) * (0.04 - 1) / 0.1);
	assert_true(schedule_value(&s, 8000) ==
	    1 + (1 - (1 - 8000.0 / 80000)) * (0.04 - 1) / 0.1);

	/* Prioritized replay's beta: 0.4 to 1 over all of training. */
	assert_true(schedule_value(&beta, 0) == 0.4);
	assert_near(schedule_value(&beta, 40000), 0.7, 1e-12);
	assert_near(schedule_value(&beta, 80000), 1, 1e-12);
	assert_true(schedule_value(&beta, 80001) == 1);
}

static void
test_schedule_exponential_constant(void **state)
{
	struct schedule	 s = { .kind = SCHEDULE_EXPONENTIAL, .start = 1,
	    .end = 0.05, .decay = 500, .total = 80000 };
	struct schedule	 c = { .kind = SCHEDULE_CONSTANT, .start = 0.1,
	    .end = 0.9, .fraction = 0.5, .decay = 3, .total = 100 };

	(void)state;
	assert_true(schedule_value(&s, 0) == 1);
	/* 0.05 + 0.95 e^-1 and 0.05 + 0.95 e^-2. */
	assert_near(schedule_value(&s, 500), 0.39948546911287022, 1e-15);
	assert_near(schedule_value(&s, 1000), 0.17856851907478208, 1e-15);
	assert_near(schedule_value(&s, 80000), 0.05, 1e-15);
	assert_true(schedule_value(&c, 0) == 0.1);
	assert_true(schedule_value(&c, 50) == 0.1);
	assert_true(schedule_value(&c, 1000) == 0.1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replay_ring),
		cmocka_unit_test(test_replay_uniform),
		cmocka_unit_test(test_sumtree_by_hand),
		cmocka_unit_test(test_sumtree_brute_force),
		cmocka_unit_test(test_replay_prioritized_frequencies),
		cmocka_unit_test(test_replay_stratified),
		cmocka_unit_test(test_replay_weights_by_hand),
		cmocka_unit_test(test_replay_max_priority),
		cmocka_unit_test(test_replay_update_changes_frequencies),
		cmocka_unit_test(test_replay_large),
		cmocka_unit_test(test_schedule_linear),
		cmocka_unit_test(test_schedule_exponential_constant),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
