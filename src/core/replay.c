/* The replay buffer: a ring of transitions, sampled uniformly or by
 * priority. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "replay.h"
#include "xmalloc.h"

/* Segment draws searched together (sumtree_find_many). */
#define REPLAY_LANES	64

struct replay *
replay_new(long capacity, int d, bool prioritized, double alpha)
{
	struct replay	*rb = xcalloc(1, sizeof *rb);

	rb->capacity = capacity;
	rb->d = d;
	rb->s = xreallocarray(NULL, (size_t)capacity * d, sizeof *rb->s);
	rb->s2 = xreallocarray(NULL, (size_t)capacity * d, sizeof *rb->s2);
	rb->a = xreallocarray(NULL, (size_t)capacity, sizeof *rb->a);
	rb->r = xreallocarray(NULL, (size_t)capacity, sizeof *rb->r);
	rb->terminated = xcalloc((size_t)capacity, sizeof *rb->terminated);
	if (prioritized)
		rb->prio = sumtree_new(capacity);
	rb->alpha = alpha;
	rb->max_priority = 1;
	return (rb);
}

void
replay_free(struct replay *rb)
{
	if (rb == NULL)
		return;
	free(rb->s);
	free(rb->s2);
	free(rb->a);
	free(rb->r);
	free(rb->terminated);
	sumtree_free(rb->prio);
	free(rb);
}

void
replay_clear(struct replay *rb)
{
	rb->size = 0;
	rb->next = 0;
	rb->max_priority = 1;
	if (rb->prio != NULL)
		sumtree_clear(rb->prio);
}

void
replay_add(struct replay *rb, const float *s, int a, float r,
    const float *s2, bool terminated)
{
	long	 i = rb->next;
	size_t	 d = (size_t)rb->d;

	memcpy(rb->s + i * d, s, d * sizeof *rb->s);
	memcpy(rb->s2 + i * d, s2, d * sizeof *rb->s2);
	rb->a[i] = a;
	rb->r[i] = r;
	rb->terminated[i] = terminated;
	if (rb->prio != NULL)
		sumtree_set(rb->prio, i, pow(rb->max_priority, rb->alpha));
	rb->next = i + 1 == rb->capacity ? 0 : i + 1;
	if (rb->size < rb->capacity)
		rb->size++;
}

static void
sample_prioritized(const struct replay *rb, struct rng *r, int n,
    double beta, long *idx, float *weights)
{
	double	 total = sumtree_total(rb->prio), seg = total / n;
	double	 u[REPLAY_LANES], p, pmin = HUGE_VAL;
	int	 base, m, k;

	for (base = 0; base < n; base += m) {
		m = n - base < REPLAY_LANES ? n - base : REPLAY_LANES;
		/* One draw in each segment [k, k + 1) * total / n; the
		 * last can round up to total, which the search takes. */
		for (k = 0; k < m; k++)
			u[k] = seg * (base + k + rng_uniform(r));
		sumtree_find_many(rb->prio, u, idx + base, m);
	}
	for (k = 0; k < n; k++) {
		if (idx[k] < 0)	/* all priorities 0: cannot happen */
			idx[k] = rng_below(r, (uint32_t)rb->size);
		p = sumtree_get(rb->prio, idx[k]);
		if (p < pmin)
			pmin = p;
	}
	if (weights == NULL)
		return;
	/*
	 * (N P(i))^-beta / max_j (N P(j))^-beta: N and the total cancel,
	 * and the largest weight belongs to the smallest priority in the
	 * batch, so w_i = (p_min / p_i)^beta, exactly 1 for that one.
	 */
	for (k = 0; k < n; k++) {
		p = sumtree_get(rb->prio, idx[k]);
		weights[k] = p > 0 ? (float)pow(pmin / p, beta) : 1;
	}
}

void
replay_sample(const struct replay *rb, struct rng *r, int n, double beta,
    long *idx, float *weights)
{
	int	 k;

	if (rb->size == 0 || n <= 0)
		return;
	if (rb->prio != NULL) {
		sample_prioritized(rb, r, n, beta, idx, weights);
		return;
	}
	for (k = 0; k < n; k++)
		idx[k] = rng_below(r, (uint32_t)rb->size);
	if (weights != NULL)
		for (k = 0; k < n; k++)
			weights[k] = 1;
}

void
replay_update_priorities(struct replay *rb, const long *idx,
    const float *td_error, int n)
{
	double	 p;
	int	 k;

	if (rb->prio == NULL)
		return;
	for (k = 0; k < n; k++) {
		if (idx[k] < 0 || idx[k] >= rb->size)
			continue;
		p = fabs((double)td_error[k]) + REPLAY_PRIORITY_EPS;
		/* A diverging network must not poison the sums: NaN would
		 * make every comparison in the search false. */
		if (!isfinite(p))
			p = rb->max_priority;
		if (p > rb->max_priority)
			rb->max_priority = p;
		sumtree_set(rb->prio, idx[k], pow(p, rb->alpha));
	}
}

double
replay_probability(const struct replay *rb, long i)
{
	if (i < 0 || i >= rb->size)
		return (0);
	if (rb->prio == NULL)
		return (1.0 / rb->size);
	return (sumtree_get(rb->prio, i) / sumtree_total(rb->prio));
}
