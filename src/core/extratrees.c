/* Extremely randomized trees, grown with in-place partitions. */
#include <stdlib.h>
#include <string.h>

#include "extratrees.h"
#include "rng.h"
#include "xmalloc.h"

/* Attributes of a point: d numbers of state (at most 16) and the action. */
#define ET_MAX_DIM	17

/*
 * A node, in preorder: an inner node sends x to its left child (the
 * next node) when x[feat] < v, else to right; a leaf (feat -1) holds
 * the mean target v.
 */
struct et_node {
	double		 v;
	int32_t		 feat;
	int32_t		 right;
};

struct et_tree {
	struct et_node	*nodes;
	int32_t		 len;
};

/*
 * Rows are copied into the work space and partitioned in place, so a
 * node's inputs are contiguous: training rows (x, a, y, index), query
 * rows (x, a, index).  The indices ride as doubles, exact below 2^53.
 */
struct forest {
	long		 n, nqp;	/* training inputs, query points */
	int		 dim;		/* d + 1 */
	int		 ntrees, min_split;
	double		*rows;		/* n x (dim + 2) */
	double		*qrows;		/* nqp x (dim + 1) */
	struct et_tree	*trees;
};

/* A node still to grow; parent >= 0 for a right child, which learns
 * its number only then. */
struct et_pending {
	long		 lo, hi, qlo, qhi;
	int32_t		 parent;
};

struct forest_work {
	double		*rows, *qrows;
	struct et_node	*nodes;
	struct et_pending *stack;
};

/* The split a node takes, or none (then it is a leaf of mean v). */
struct et_split {
	int		 feat;
	double		 v;
	long		 nleft;
};

struct forest *
forest_new(const struct regressor_design *des, int ntrees, int min_split)
{
	struct forest	*f = xcalloc(1, sizeof *f);
	int		 d = des->d, wr = d + 3, wq = d + 2, a;
	long		 i, j;
	double		*row;

	f->n = des->n;
	f->nqp = des->nq * des->nactions;
	f->dim = d + 1;
	f->ntrees = ntrees;
	f->min_split = min_split;
	f->rows = xreallocarray(NULL, (size_t)f->n * wr, sizeof *f->rows);
	for (i = 0; i < f->n; i++) {
		row = f->rows + (size_t)i * wr;
		memcpy(row, des->x + (size_t)i * d, (size_t)d * sizeof *row);
		row[d] = des->a[i];
		row[d + 1] = 0;
		row[d + 2] = (double)i;
	}
	f->qrows = xreallocarray(NULL, f->nqp > 0 ? (size_t)f->nqp * wq : 1,
	    sizeof *f->qrows);
	for (j = 0; j < f->nqp; j++) {
		row = f->qrows + (size_t)j * wq;
		i = j / des->nactions;
		a = (int)(j % des->nactions);
		memcpy(row, des->xq + (size_t)i * d, (size_t)d * sizeof *row);
		row[d] = a;
		row[d + 1] = (double)j;
	}
	f->trees = xcalloc((size_t)ntrees, sizeof *f->trees);
	return (f);
}

void
forest_free(struct forest *f)
{
	int	 t;

	if (f == NULL)
		return;
	for (t = 0; t < f->ntrees; t++)
		free(f->trees[t].nodes);
	free(f->trees);
	free(f->rows);
	free(f->qrows);
	free(f);
}

void
forest_targets(struct forest *f, const double *y)
{
	int	 wr = f->dim + 2;
	long	 i;

	for (i = 0; i < f->n; i++)
		f->rows[(size_t)i * wr + f->dim] = y[i];
}

long
forest_outputs(const struct forest *f)
{
	return (f->n + f->nqp);
}

struct forest_work *
forest_work_new(const struct forest *f)
{
	struct forest_work	*w = xcalloc(1, sizeof *w);

	w->rows = xreallocarray(NULL, (size_t)f->n * (f->dim + 2),
	    sizeof *w->rows);
	w->qrows = xreallocarray(NULL, f->nqp > 0 ? (size_t)f->nqp *
	    (f->dim + 1) : 1, sizeof *w->qrows);
	/* A split leaves both sides nonempty: at most n leaves. */
	w->nodes = xreallocarray(NULL, (size_t)2 * f->n, sizeof *w->nodes);
	w->stack = xreallocarray(NULL, (size_t)f->n + 1, sizeof *w->stack);
	return (w);
}

void
forest_work_free(struct forest_work *w)
{
	if (w == NULL)
		return;
	free(w->rows);
	free(w->qrows);
	free(w->nodes);
	free(w->stack);
	free(w);
}

/*
 * Choose the split of rows [lo, hi), or none.  Each non-constant
 * attribute draws a cut in [min, max); the best lowers the children's
 * summed squared error the most, that is maximises
 * sum_l^2 / n_l + sum_r^2 / n_r of the targets less their mean (the
 * relative variance reduction of Geurts et al., less constants).
 */
static int
et_choose(const struct forest *f, const double *rows, long lo, long hi,
    struct rng *r, struct et_split *sp)
{
	double		 mn[ET_MAX_DIM + 1], mx[ET_MAX_DIM + 1];
	double		 cut[ET_MAX_DIM], sl[ET_MAX_DIM], sum = 0, stot = 0;
	double		 mean, yc, score, best = -1, sr;
	const double	*row;
	long		 nl[ET_MAX_DIM], i, cnt = hi - lo, nr;
	int		 feat[ET_MAX_DIM], wr = f->dim + 2, dy = f->dim;
	int		 c, nc = 0, j;

	row = rows + (size_t)lo * wr;
	for (j = 0; j <= dy; j++)
		mn[j] = mx[j] = row[j];
	for (i = lo; i < hi; i++) {
		row = rows + (size_t)i * wr;
		for (j = 0; j <= dy; j++) {
			mn[j] = row[j] < mn[j] ? row[j] : mn[j];
			mx[j] = row[j] > mx[j] ? row[j] : mx[j];
		}
		sum += row[dy];
	}
	sp->feat = -1;
	if (mn[dy] == mx[dy]) {
		sp->v = mn[dy];
		return (0);
	}
	sp->v = mean = sum / (double)cnt;
	if (cnt < f->min_split)
		return (0);
	for (j = 0; j < dy; j++) {
		if (mn[j] < mx[j]) {
			feat[nc] = j;
			cut[nc] = mn[j] + rng_uniform(r) * (mx[j] - mn[j]);
			sl[nc] = 0;
			nl[nc] = 0;
			nc++;
		}
	}
	for (i = lo; i < hi; i++) {
		row = rows + (size_t)i * wr;
		yc = row[dy] - mean;
		stot += yc;
		for (c = 0; c < nc; c++) {
			if (row[feat[c]] < cut[c]) {
				sl[c] += yc;
				nl[c]++;
			}
		}
	}
	/* A cut that rounded onto the minimum or past the maximum leaves
	 * a side empty: it does not count. */
	for (c = 0; c < nc; c++) {
		nr = cnt - nl[c];
		if (nl[c] == 0 || nr == 0)
			continue;
		sr = stot - sl[c];
		score = sl[c] * sl[c] / (double)nl[c] + sr * sr / (double)nr;
		if (score > best) {
			best = score;
			sp->feat = feat[c];
			sp->v = cut[c];
			sp->nleft = nl[c];
		}
	}
	return (sp->feat >= 0);
}

/* Put the rows [lo, hi) with row[feat] < cut first: where the rest
 * begin. */
static long
et_partition(double *rows, int w, long lo, long hi, int feat, double cut)
{
	double	 tmp[ET_MAX_DIM + 2];
	size_t	 sz = (size_t)w * sizeof *rows;
	long	 i = lo, j = hi - 1;

	for (;;) {
		while (i <= j && rows[(size_t)i * w + feat] < cut)
			i++;
		while (i <= j && !(rows[(size_t)j * w + feat] < cut))
			j--;
		if (i >= j)
			return (i);
		memcpy(tmp, rows + (size_t)i * w, sz);
		memcpy(rows + (size_t)i * w, rows + (size_t)j * w, sz);
		memcpy(rows + (size_t)j * w, tmp, sz);
		i++;
		j--;
	}
}

/* A leaf: its value at its training inputs and query points. */
static void
et_leaf(const struct forest *f, const struct forest_work *w,
    const struct et_pending *e, double v, double *out)
{
	int	 wr = f->dim + 2, wq = f->dim + 1;
	long	 i;

	for (i = e->lo; i < e->hi; i++)
		out[(long)w->rows[(size_t)i * wr + wr - 1]] = v;
	for (i = e->qlo; i < e->qhi; i++)
		out[f->n + (long)w->qrows[(size_t)i * wq + wq - 1]] = v;
}

void
forest_grow(struct forest *f, int t, uint64_t seed, struct forest_work *w,
    double *out)
{
	struct et_tree		*tree = &f->trees[t];
	struct et_pending	 e, *stack = w->stack;
	struct et_split		 sp;
	struct rng		 r;
	long			 sp_top = 0, m, qm;
	int32_t			 id, len = 0;

	rng_seed(&r, seed, (uint64_t)t);
	memcpy(w->rows, f->rows, (size_t)f->n * (f->dim + 2) *
	    sizeof *w->rows);
	memcpy(w->qrows, f->qrows, (size_t)f->nqp * (f->dim + 1) *
	    sizeof *w->qrows);
	stack[sp_top++] = (struct et_pending){ 0, f->n, 0, f->nqp, -1 };
	while (sp_top > 0) {
		e = stack[--sp_top];
		id = len++;
		if (e.parent >= 0)
			w->nodes[e.parent].right = id;
		if (!et_choose(f, w->rows, e.lo, e.hi, &r, &sp)) {
			w->nodes[id].v = sp.v;
			w->nodes[id].feat = -1;
			w->nodes[id].right = -1;
			et_leaf(f, w, &e, sp.v, out);
			continue;
		}
		w->nodes[id].v = sp.v;
		w->nodes[id].feat = sp.feat;
		m = et_partition(w->rows, f->dim + 2, e.lo, e.hi, sp.feat,
		    sp.v);
		qm = et_partition(w->qrows, f->dim + 1, e.qlo, e.qhi, sp.feat,
		    sp.v);
		/* The left child is grown first: it is node id + 1. */
		stack[sp_top++] = (struct et_pending){ m, e.hi, qm, e.qhi,
		    id };
		stack[sp_top++] = (struct et_pending){ e.lo, m, e.qlo, qm,
		    -1 };
	}
	tree->nodes = xreallocarray(tree->nodes, (size_t)len,
	    sizeof *tree->nodes);
	memcpy(tree->nodes, w->nodes, (size_t)len * sizeof *tree->nodes);
	tree->len = len;
}

double
forest_sum(const struct forest *f, const double *x)
{
	const struct et_node	*nd;
	double			 sum = 0;
	int32_t			 i;
	int			 t;

	for (t = 0; t < f->ntrees; t++) {
		nd = f->trees[t].nodes;
		i = 0;
		while (nd[i].feat >= 0)
			i = x[nd[i].feat] < nd[i].v ? i + 1 : nd[i].right;
		sum += nd[i].v;
	}
	return (sum);
}

size_t
forest_memory(const struct forest *f)
{
	size_t	 sz = sizeof *f + (size_t)f->ntrees * sizeof *f->trees;
	int	 t;

	sz += ((size_t)f->n * (f->dim + 2) + (size_t)f->nqp * (f->dim + 1)) *
	    sizeof (double);
	for (t = 0; t < f->ntrees; t++)
		sz += (size_t)f->trees[t].len * sizeof (struct et_node);
	return (sz);
}
