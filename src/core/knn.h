/*
 * Exact k nearest neighbours in a k-d tree.
 *
 * The tree is built once over n points of dim coordinates (the points
 * are copied, in tree order).  A query gives the indices of the k
 * nearest points in Euclidean distance, nearest first, a tie going to
 * the lower index: the same list a brute-force search sorted by
 * (distance, index) gives, bit for bit, because every distance is the
 * same sum of squares in the same order and a node is skipped only when
 * its bounding box, computed with the same operations, is strictly
 * farther than the k-th best so far.
 */
#ifndef QT_KNN_H
#define QT_KNN_H

#include <stddef.h>
#include <stdint.h>

/* Queries keep their candidates on the stack: k is at most this. */
#define KNN_MAX_K	1000

struct knn_tree;

/* A tree over n points (n x dim, row-major); n from 1 to INT32_MAX,
 * dim >= 1, the coordinates finite. */
struct knn_tree	*knn_build(const double *pts, long n, int dim);
void		 knn_free(struct knn_tree *);
/* The k nearest of the points to q, as their indices, nearest first;
 * k from 1 to min(n, KNN_MAX_K).  The tree is only read: queries may
 * run on several threads at once. */
void		 knn_query(const struct knn_tree *, const double *q, int k,
		     int32_t *out);
/* The i-th point in tree order, copied to pt, and its index: querying
 * the points in this order visits the leaves one after the other. */
int32_t		 knn_point(const struct knn_tree *, long i, double *pt);
size_t		 knn_memory(const struct knn_tree *);

#endif
