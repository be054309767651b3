/*
 * Extremely randomized trees for regression (Geurts, Ernst and
 * Wehenkel 2006), as fitted Q-iteration uses them (Ernst, Geurts and
 * Wehenkel 2005): every tree is grown on all the training inputs; at a
 * node each non-constant attribute gets one cut drawn uniformly between
 * its smallest and largest value there, and the cut that explains most
 * of the targets' variance is taken; a node with fewer than n_min
 * inputs, equal targets or only constant attributes is a leaf holding
 * the mean target.
 *
 * A point is (s_1 .. s_d, a): the action is the last attribute.  While
 * a tree grows, the query points ride along: each split partitions them
 * too, so a tree's prediction at every query point comes out of its
 * growth without walking it again.
 */
#ifndef QT_EXTRATREES_H
#define QT_EXTRATREES_H

#include <stddef.h>
#include <stdint.h>

#include "regressor.h"

/* Points forest_sums() takes at once. */
#define ET_MAX_POINTS	16

struct forest;
struct forest_work;

/* A forest of ntrees for the design, nothing grown yet. */
struct forest	*forest_new(const struct regressor_design *, int ntrees,
		     int min_split);
void		 forest_free(struct forest *);
/* Set the targets the next trees are grown on (n of them). */
void		 forest_targets(struct forest *, const double *y);
/* Points a tree predicts at as it grows: the n training inputs, then
 * every (query state, action) pair, query-major. */
long		 forest_outputs(const struct forest *);
/* Scratch for growing one tree at a time: one per thread. */
struct forest_work *forest_work_new(const struct forest *);
void		 forest_work_free(struct forest_work *);
size_t		 forest_work_memory(const struct forest *);
/*
 * Grow tree t (replacing it) with random numbers from the stream
 * (seed, t), and write its prediction at the forest_outputs() points to
 * out.  Threads may grow different trees of a forest at once.
 */
void		 forest_grow(struct forest *, int t, uint64_t seed,
		     struct forest_work *, double *out);
/* The sums of the trees' predictions at m points (m x (d + 1)), each
 * added in tree order; m at most ET_MAX_POINTS. */
void		 forest_sums(const struct forest *, const double *x, int m,
		     double *sum);
size_t		 forest_memory(const struct forest *);

#endif
