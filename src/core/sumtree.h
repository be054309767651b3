/*
 * A sum-tree: priorities on the leaves of a complete binary tree whose
 * every inner node holds the sum of its two children.  Setting a leaf
 * and finding the leaf under a prefix sum both take O(log n), which is
 * what makes prioritized replay affordable (Schaul et al. 2016).
 *
 * Priorities must be >= 0 and their sum finite; leaves never set hold 0
 * and are never found.
 */
#ifndef QT_SUMTREE_H
#define QT_SUMTREE_H

struct sumtree;

/* capacity leaves, all 0; capacity >= 1.  Free with sumtree_free. */
struct sumtree	*sumtree_new(long capacity);
void		 sumtree_free(struct sumtree *);
long		 sumtree_capacity(const struct sumtree *);
/* Leaf i (0 <= i < capacity) gets p (finite, >= 0). */
void		 sumtree_set(struct sumtree *, long i, double p);
double		 sumtree_get(const struct sumtree *, long i);
double		 sumtree_total(const struct sumtree *);
/* The leaf i with prefix(i) <= u < prefix(i + 1), where prefix(i) is
 * the sum of leaves 0 .. i-1; u in [0, total).  Out of range u, or a u
 * that rounding puts on the wrong side of a boundary, still gives a
 * leaf with a priority > 0: the first one for u < 0 or NaN, the last
 * for u >= total.  -1 if the tree is all zeros. */
long		 sumtree_find(const struct sumtree *, double u);
/* sumtree_find for each of u[0 .. n-1] into idx, the same leaves, but
 * with the searches interleaved to overlap their cache misses. */
void		 sumtree_find_many(const struct sumtree *, const double *u,
		     long *idx, int n);
/* All leaves back to 0. */
void		 sumtree_clear(struct sumtree *);

#endif
