/*
 * Regressors for fitted Q-iteration: the checks, the dispatch, and the
 * threads.  Work is shared out as independent pieces -- a query's
 * neighbour list, a point's mean, a tree -- each written to its own
 * place, and sums over trees are added in tree order after the trees
 * are grown, so the result does not depend on the number of threads.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extratrees.h"
#include "knn.h"
#include "linreg.h"
#include "regressor.h"
#include "xmalloc.h"

#define REG_MAX_THREADS	64
#define REG_MAX_DIM	16

struct regressor {
	struct regressor_cfg	 cfg;
	int			 nthreads;
	long			 n, nq;
	int			 d, nactions;
	int			 fitted;	/* a fit happened */

	/*
	 * knn: the neighbour lists of the training inputs (n x k) and of
	 * the query pairs (nq x nactions x k), the targets; the design's
	 * query states while the lists are made
	 */
	struct knn_tree		*tree;
	int32_t			*nbr_fit;
	int32_t			*nbr_q;
	double			*y;
	const double		*xq;

	struct linreg		*lin;

	/*
	 * trees: their predictions at the training inputs and the query
	 * pairs (n + nq x nactions); each worker's scratch and a tree's
	 * predictions, kept from fit to fit
	 */
	struct forest		*forest;
	double			*out;
	int			 nwork;
	struct forest_work	**work;
	double			**buf;
};

/*
 * A parallel loop over [0, ntasks): workers take blocks of `block'
 * tasks in turn until none are left, fn(arg, from, to, worker).
 */
struct reg_par {
	pthread_mutex_t	 mu;
	long		 next, ntasks, block;
	void		(*fn)(void *, long, long, int);
	void		*arg;
};

struct reg_worker {
	struct reg_par	*par;
	int		 id;
};

static void *
reg_par_worker(void *v)
{
	struct reg_worker	*w = v;
	struct reg_par		*p = w->par;
	long			 from, to;

	for (;;) {
		pthread_mutex_lock(&p->mu);
		from = p->next;
		p->next = from + p->block < p->ntasks ? from + p->block :
		    p->ntasks;
		to = p->next;
		pthread_mutex_unlock(&p->mu);
		if (from >= to)
			return (NULL);
		p->fn(p->arg, from, to, w->id);
	}
}

static void
reg_par_run(int nthreads, long ntasks, long block,
    void (*fn)(void *, long, long, int), void *arg)
{
	struct reg_par		 p;
	struct reg_worker	 w[REG_MAX_THREADS];
	pthread_t		 tid[REG_MAX_THREADS];
	int			 i, started = 0;

	if (ntasks <= 0)
		return;
	if ((ntasks + block - 1) / block < nthreads)
		nthreads = (int)((ntasks + block - 1) / block);
	if (nthreads <= 1) {
		fn(arg, 0, ntasks, 0);
		return;
	}
	pthread_mutex_init(&p.mu, NULL);
	p.next = 0;
	p.ntasks = ntasks;
	p.block = block;
	p.fn = fn;
	p.arg = arg;
	for (i = 0; i < nthreads; i++) {
		w[i].par = &p;
		w[i].id = i;
	}
	/* The caller is worker 0; a thread that does not start is not
	 * needed, the others take its share. */
	for (i = 1; i < nthreads; i++) {
		if (pthread_create(&tid[i], NULL, reg_par_worker, &w[i]) != 0)
			break;
		started = i;
	}
	reg_par_worker(&w[0]);
	for (i = 1; i <= started; i++)
		pthread_join(tid[i], NULL);
	pthread_mutex_destroy(&p.mu);
}

static int
reg_threads(const struct regressor_cfg *cfg)
{
	long	 n = cfg->threads > 0 ? cfg->threads :
		     sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1)
		n = 1;
	if (n > REG_MAX_THREADS)
		n = REG_MAX_THREADS;
	return ((int)n);
}

const char *
regressor_kind_name(enum regressor_kind kind)
{
	switch (kind) {
	case REG_KNN:
		return ("knn");
	case REG_LINEAR:
		return ("linear");
	case REG_POLY:
		return ("poly");
	case REG_TREES:
		return ("trees");
	}
	return ("?");
}

/* The checks every kind shares; the name leads the message. */
static int
reg_check_design(const struct regressor_cfg *cfg,
    const struct regressor_design *des, char *err, size_t errsz)
{
	const char	*name = regressor_kind_name(cfg->kind);
	long		 i;

	if (des->n < 1 || des->x == NULL || des->a == NULL) {
		snprintf(err, errsz, "%s: no training inputs", name);
		return (-1);
	}
	if (des->d < 1 || des->d > REG_MAX_DIM) {
		snprintf(err, errsz, "%s: %d numbers of state, not from 1 to "
		    "%d", name, des->d, REG_MAX_DIM);
		return (-1);
	}
	if (des->nactions < 1 || des->nq < 0 ||
	    (des->nq > 0 && des->xq == NULL)) {
		snprintf(err, errsz, "%s: %d actions and %ld query states",
		    name, des->nactions, des->nq);
		return (-1);
	}
	/* Indices are 32-bit: neighbour lists take half the memory. */
	if (des->n > INT32_MAX / 2 || des->nq > INT32_MAX / 2 /
	    des->nactions) {
		snprintf(err, errsz, "%s: %ld inputs and %ld query states are "
		    "too many", name, des->n, des->nq);
		return (-1);
	}
	if (cfg->threads < 0) {
		snprintf(err, errsz, "%s: %d threads", name, cfg->threads);
		return (-1);
	}
	for (i = 0; i < des->n; i++) {
		if (des->a[i] < 0 || des->a[i] >= des->nactions) {
			snprintf(err, errsz, "%s: action %d of input %ld is "
			    "not from 0 to %d", name, des->a[i], i,
			    des->nactions - 1);
			return (-1);
		}
	}
	for (i = 0; i < des->n * des->d; i++) {
		if (!isfinite(des->x[i])) {
			snprintf(err, errsz, "%s: training input %ld is not "
			    "finite", name, i / des->d);
			return (-1);
		}
	}
	for (i = 0; i < des->nq * des->d; i++) {
		if (!isfinite(des->xq[i])) {
			snprintf(err, errsz, "%s: query state %ld is not "
			    "finite", name, i / des->d);
			return (-1);
		}
	}
	return (0);
}

static int
reg_check_cfg(const struct regressor_cfg *cfg,
    const struct regressor_design *des, char *err, size_t errsz)
{
	switch (cfg->kind) {
	case REG_KNN:
		if (cfg->k < 1 || cfg->k > KNN_MAX_K) {
			snprintf(err, errsz, "knn: k is %d, not from 1 to %d",
			    cfg->k, KNN_MAX_K);
			return (-1);
		}
		if (cfg->k > des->n) {
			snprintf(err, errsz, "knn: k is %d but there are only "
			    "%ld training inputs", cfg->k, des->n);
			return (-1);
		}
		return (0);
	case REG_LINEAR:
	case REG_POLY:
		if (!(cfg->ridge >= 0) || !isfinite(cfg->ridge)) {
			snprintf(err, errsz, "%s: ridge %g is not a number "
			    ">= 0", regressor_kind_name(cfg->kind),
			    cfg->ridge);
			return (-1);
		}
		return (0);
	case REG_TREES:
		if (cfg->ntrees < 1 || cfg->min_split < 2) {
			snprintf(err, errsz, "trees: %d trees splitting nodes "
			    "of %d: need at least 1 tree and nodes of 2",
			    cfg->ntrees, cfg->min_split);
			return (-1);
		}
		return (0);
	}
	snprintf(err, errsz, "regressor: unknown kind %d", (int)cfg->kind);
	return (-1);
}

/* The point (s, a) kNN and the trees see. */
static void
reg_point(const double *s, int d, int a, double *pt)
{
	memcpy(pt, s, (size_t)d * sizeof *pt);
	pt[d] = a;
}

/*
 * kNN's precomputation: the neighbour lists of the training inputs
 * (tasks [0, n), taken in tree order for locality; a point is its own
 * nearest) and of every (query state, action) pair (tasks [n, ...)).
 */
static void
reg_knn_lists(void *v, long from, long to, int worker)
{
	struct regressor	*r = v;
	double			 q[REG_MAX_DIM + 1];
	int32_t			 idx;
	long			 t, j;
	int			 k = r->cfg.k;

	(void)worker;
	for (t = from; t < to; t++) {
		if (t < r->n) {
			idx = knn_point(r->tree, t, q);
			knn_query(r->tree, q, k, r->nbr_fit + (size_t)idx * k);
			continue;
		}
		j = t - r->n;
		reg_point(r->xq + (size_t)(j / r->nactions) * r->d, r->d,
		    (int)(j % r->nactions), q);
		knn_query(r->tree, q, k, r->nbr_q + (size_t)j * k);
	}
}

static void
reg_knn_new(struct regressor *r, const struct regressor_design *des)
{
	double		*pts;
	long		 i, nqp = des->nq * des->nactions;
	int		 dim = des->d + 1, k = r->cfg.k;

	pts = xreallocarray(NULL, (size_t)des->n * dim, sizeof *pts);
	for (i = 0; i < des->n; i++)
		reg_point(des->x + (size_t)i * des->d, des->d, des->a[i],
		    pts + (size_t)i * dim);
	r->tree = knn_build(pts, des->n, dim);
	free(pts);
	r->nbr_fit = xreallocarray(NULL, (size_t)des->n * k,
	    sizeof *r->nbr_fit);
	r->nbr_q = xreallocarray(NULL, nqp > 0 ? (size_t)nqp * k : 1,
	    sizeof *r->nbr_q);
	r->y = xcalloc((size_t)des->n, sizeof *r->y);
	r->xq = des->xq;
	reg_par_run(r->nthreads, des->n + nqp, 256, reg_knn_lists, r);
	r->xq = NULL;
}

/* The mean target of a neighbour list, added nearest first. */
static inline double
reg_knn_mean(const double *y, const int32_t *nb, int k)
{
	double	 sum = 0;
	int	 j;

	for (j = 0; j < k; j++)
		sum += y[nb[j]];
	return (sum / k);
}

struct reg_means {
	const struct regressor	*r;
	const int32_t		*lists;
	double			*out;
};

static void
reg_knn_means(void *v, long from, long to, int worker)
{
	struct reg_means	*m = v;
	const double		*y = m->r->y;
	long			 i;
	int			 k = m->r->cfg.k;

	(void)worker;
	for (i = from; i < to; i++)
		m->out[i] = reg_knn_mean(y, m->lists + (size_t)i * k, k);
}

static void
reg_knn_means_run(const struct regressor *r, const int32_t *lists,
    long count, double *out)
{
	struct reg_means	 m = { r, lists, out };

	reg_par_run(r->nthreads, count, 8192, reg_knn_means, &m);
}

/* One wave of trees: tree first + i grows into buf[i] on a worker. */
struct reg_wave {
	struct regressor	*r;
	int			 first, count;
	uint64_t		 seed;
};

static void
reg_trees_grow(void *v, long from, long to, int worker)
{
	struct reg_wave		*w = v;
	struct regressor	*r = w->r;
	long			 i;

	for (i = from; i < to; i++)
		forest_grow(r->forest, w->first + (int)i, w->seed,
		    r->work[worker], r->buf[i]);
}

/* Add the wave's trees to the sums, in tree order. */
static void
reg_trees_add(void *v, long from, long to, int worker)
{
	struct reg_wave	*w = v;
	double		*out = w->r->out;
	long		 p;
	int		 i;

	(void)worker;
	for (i = 0; i < w->count; i++)
		for (p = from; p < to; p++)
			out[p] += w->r->buf[i][p];
}

/*
 * Grow the trees in waves of one per worker; after each wave add its
 * trees' predictions to the sums in tree order, so that the sums are
 * the same however many workers there are.
 */
static void
reg_trees_fit(struct regressor *r, const double *y, uint64_t seed)
{
	struct reg_wave	 w;
	long		 p, nout = forest_outputs(r->forest);
	int		 m = r->cfg.ntrees;

	forest_targets(r->forest, y);
	w.r = r;
	w.seed = seed;
	memset(r->out, 0, (size_t)nout * sizeof *r->out);
	for (w.first = 0; w.first < m; w.first += r->nwork) {
		w.count = m - w.first < r->nwork ? m - w.first : r->nwork;
		reg_par_run(r->nwork, w.count, 1, reg_trees_grow, &w);
		reg_par_run(r->nthreads, nout, 16384, reg_trees_add, &w);
	}
	for (p = 0; p < nout; p++)
		r->out[p] /= m;
}

static void
reg_trees_new(struct regressor *r, const struct regressor_design *des)
{
	long	 nout;
	int	 i;

	r->forest = forest_new(des, r->cfg.ntrees, r->cfg.min_split);
	nout = forest_outputs(r->forest);
	r->out = xcalloc((size_t)nout, sizeof *r->out);
	r->nwork = r->nthreads < r->cfg.ntrees ? r->nthreads :
	    r->cfg.ntrees;
	r->work = xcalloc((size_t)r->nwork, sizeof *r->work);
	r->buf = xcalloc((size_t)r->nwork, sizeof *r->buf);
	for (i = 0; i < r->nwork; i++) {
		r->work[i] = forest_work_new(r->forest);
		r->buf[i] = xreallocarray(NULL, (size_t)nout,
		    sizeof *r->buf[i]);
	}
}

struct regressor *
regressor_new(const struct regressor_cfg *cfg,
    const struct regressor_design *des, char *err, size_t errsz)
{
	struct regressor	*r;

	if (reg_check_design(cfg, des, err, errsz) != 0 ||
	    reg_check_cfg(cfg, des, err, errsz) != 0)
		return (NULL);
	r = xcalloc(1, sizeof *r);
	r->cfg = *cfg;
	r->nthreads = reg_threads(cfg);
	r->n = des->n;
	r->nq = des->nq;
	r->d = des->d;
	r->nactions = des->nactions;
	switch (cfg->kind) {
	case REG_KNN:
		reg_knn_new(r, des);
		break;
	case REG_LINEAR:
	case REG_POLY:
		r->lin = linreg_new(des, cfg->kind == REG_POLY, cfg->ridge,
		    err, errsz);
		if (r->lin == NULL) {
			free(r);
			return (NULL);
		}
		break;
	case REG_TREES:
		reg_trees_new(r, des);
		break;
	}
	return (r);
}

void
regressor_free(struct regressor *r)
{
	int	 i;

	if (r == NULL)
		return;
	knn_free(r->tree);
	free(r->nbr_fit);
	free(r->nbr_q);
	free(r->y);
	linreg_free(r->lin);
	for (i = 0; i < r->nwork; i++) {
		forest_work_free(r->work[i]);
		free(r->buf[i]);
	}
	free(r->work);
	free(r->buf);
	forest_free(r->forest);
	free(r->out);
	free(r);
}

void
regressor_fit(struct regressor *r, const double *y, uint64_t seed)
{
	switch (r->cfg.kind) {
	case REG_KNN:
		memcpy(r->y, y, (size_t)r->n * sizeof *r->y);
		break;
	case REG_LINEAR:
	case REG_POLY:
		linreg_fit(r->lin, y);
		break;
	case REG_TREES:
		reg_trees_fit(r, y, seed);
		break;
	}
	r->fitted = 1;
}

void
regressor_fitted(const struct regressor *r, double *yhat)
{
	if (!r->fitted) {
		memset(yhat, 0, (size_t)r->n * sizeof *yhat);
		return;
	}
	switch (r->cfg.kind) {
	case REG_KNN:
		reg_knn_means_run(r, r->nbr_fit, r->n, yhat);
		break;
	case REG_LINEAR:
	case REG_POLY:
		linreg_fitted(r->lin, yhat);
		break;
	case REG_TREES:
		memcpy(yhat, r->out, (size_t)r->n * sizeof *yhat);
		break;
	}
}

void
regressor_predict_queries(const struct regressor *r, double *q)
{
	size_t	 nqp = (size_t)r->nq * r->nactions;

	if (!r->fitted) {
		memset(q, 0, nqp * sizeof *q);
		return;
	}
	switch (r->cfg.kind) {
	case REG_KNN:
		reg_knn_means_run(r, r->nbr_q, (long)nqp, q);
		break;
	case REG_LINEAR:
	case REG_POLY:
		linreg_predict_queries(r->lin, q);
		break;
	case REG_TREES:
		memcpy(q, r->out + r->n, nqp * sizeof *q);
		break;
	}
}

/* The trees' Q(s, a): the actions walk down the trees together. */
static void
reg_trees_predict(const struct regressor *r, const double *s, double *q)
{
	double	 pts[ET_MAX_POINTS * (REG_MAX_DIM + 1)];
	double	 sum[ET_MAX_POINTS];
	int	 a0, m, j, dim = r->d + 1;

	for (a0 = 0; a0 < r->nactions; a0 += m) {
		m = r->nactions - a0 < ET_MAX_POINTS ? r->nactions - a0 :
		    ET_MAX_POINTS;
		for (j = 0; j < m; j++)
			reg_point(s, r->d, a0 + j, pts + j * dim);
		forest_sums(r->forest, pts, m, sum);
		for (j = 0; j < m; j++)
			q[a0 + j] = sum[j] / r->cfg.ntrees;
	}
}

void
regressor_predict(const struct regressor *r, const double *s, double *q)
{
	double	 pt[REG_MAX_DIM + 1];
	int32_t	 nb[KNN_MAX_K];
	int	 a;

	if (!r->fitted) {
		memset(q, 0, (size_t)r->nactions * sizeof *q);
		return;
	}
	switch (r->cfg.kind) {
	case REG_KNN:
		for (a = 0; a < r->nactions; a++) {
			reg_point(s, r->d, a, pt);
			knn_query(r->tree, pt, r->cfg.k, nb);
			q[a] = reg_knn_mean(r->y, nb, r->cfg.k);
		}
		break;
	case REG_LINEAR:
	case REG_POLY:
		linreg_predict(r->lin, s, q);
		break;
	case REG_TREES:
		reg_trees_predict(r, s, q);
		break;
	}
}

size_t
regressor_memory(const struct regressor *r)
{
	size_t	 sz = sizeof *r;

	switch (r->cfg.kind) {
	case REG_KNN:
		sz += knn_memory(r->tree) + ((size_t)r->n +
		    (size_t)r->nq * r->nactions) * r->cfg.k *
		    sizeof (int32_t) + (size_t)r->n * sizeof *r->y;
		break;
	case REG_LINEAR:
	case REG_POLY:
		sz += linreg_memory(r->lin);
		break;
	case REG_TREES:
		sz += forest_memory(r->forest) + r->nwork *
		    forest_work_memory(r->forest) + (r->nwork + 1) *
		    (size_t)forest_outputs(r->forest) * sizeof *r->out;
		break;
	}
	return (sz);
}
