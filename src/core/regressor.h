/*
 * Regressors for fitted Q-iteration: Q(s, a) learned from examples.
 *
 * FQI regresses a new set of targets on the same inputs at every
 * iteration, and then asks for Q at the same next states.  So a
 * regressor is made once for a fixed design -- the training inputs
 * (state, action) and the query states -- and whatever depends only on
 * those is computed there, once: the k-d tree and every neighbour list
 * for k-nearest neighbours, the factored normal equations for least
 * squares.  Each fit then takes only new targets.  Extremely randomized
 * trees have nothing to reuse: their splits depend on the targets.
 *
 * Inputs are a state of d numbers and an action index.  kNN and the
 * trees see the pair as one point (s_1 .. s_d, a), as the tutorial's
 * single scikit-learn regressor does; least squares fits one set of
 * weights per action on features of the state.
 *
 * Everything is deterministic: the same design, targets and seed give
 * the same model, bit for bit, for any number of threads.
 */
#ifndef QT_REGRESSOR_H
#define QT_REGRESSOR_H

#include <stddef.h>
#include <stdint.h>

enum regressor_kind {
	REG_KNN,	/* k nearest neighbours, uniform weights */
	REG_LINEAR,	/* least squares on (1, s), per action */
	REG_POLY,	/* least squares on (1, s, s_i s_j), per action */
	REG_TREES	/* extremely randomized trees (Geurts et al. 2006) */
};

struct regressor_cfg {
	enum regressor_kind	 kind;
	int			 k;		/* kNN: neighbours (30) */
	int			 ntrees;	/* trees: M (50) */
	int			 min_split;	/* trees: n_min (2) */
	int			 threads;	/* 0: as many as cores */
	double			 ridge;		/* least squares: lambda (1e-6) */
};

/* The fixed design: n training inputs and nq query states. */
struct regressor_design {
	long		 n;
	int		 d;		/* state dimension */
	int		 nactions;
	const double	*x;		/* n x d, row-major */
	const int	*a;		/* n actions */
	long		 nq;
	const double	*xq;		/* nq x d query states, or NULL */
};

struct regressor;

/* The name shown on screen and accepted by `set regressor': "knn". */
const char	*regressor_kind_name(enum regressor_kind);
/* Make a regressor for the design (copied: the arrays may go).  What
 * depends only on the inputs is computed here.  NULL with err on a bad
 * configuration (k larger than n or than 1000, no data, an action out
 * of range, a number that is not finite, dependent features). */
struct regressor *regressor_new(const struct regressor_cfg *,
		     const struct regressor_design *, char *err,
		     size_t errsz);
void		 regressor_free(struct regressor *);
/* Fit the targets y (n of them, one per training input); the seed
 * drives the trees' random splits.  Replaces the previous fit; before
 * the first, every prediction is 0. */
void		 regressor_fit(struct regressor *, const double *y,
		     uint64_t seed);
/* The fitted values at the training inputs (n), for R^2. */
void		 regressor_fitted(const struct regressor *, double *yhat);
/* Q at every query state for every action: q[i * nactions + a]. */
void		 regressor_predict_queries(const struct regressor *,
		     double *q);
/* Q(s, a) for every action at a new state s (d numbers).  It only
 * reads the regressor, so threads may call it at once (kNN keeps its
 * candidates on the stack, 20 KB at most). */
void		 regressor_predict(const struct regressor *, const double *s,
		     double *q);
/* Bytes the precomputation holds (neighbour lists, trees), for `show'. */
size_t		 regressor_memory(const struct regressor *);

#endif
