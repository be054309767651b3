/* Extremely randomized trees, grown with in-place partitions. */
#include <math.h>
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
 * A node's inputs are contiguous rows: training rows (x, a, y, index),
 * query rows (x, a, index), the indices as doubles (exact below 2^53),
 * padded to a multiple of 4 doubles so a row copies in whole vectors.
 * A split copies its node's rows to its children's places in the other
 * of two buffers (the root reads the forest's own): no branch on the
 * side, no swaps.
 */
struct forest {
	long		 n, nqp;	/* training inputs, query points */
	int		 dim;		/* d + 1 */
	int		 wr, wq;	/* row widths */
	int		 ntrees, min_split;
	double		*rows;		/* n x wr */
	double		*qrows;		/* nqp x wq */
	struct et_tree	*trees;
};

/* A node still to grow; parent >= 0 for a right child, which learns
 * its number only then. */
struct et_pending {
	long		 lo, hi, qlo, qhi;
	int32_t		 parent;
	int32_t		 depth;
};

struct forest_work {
	double		*rows[2], *qrows[2];
	struct et_node	*nodes;
	struct et_pending *stack;
};

/* The split a node takes, or none (then it is a leaf of mean v). */
struct et_split {
	int		 feat;
	double		 v;
	long		 nleft;
};

static int
et_width(int w)
{
	return ((w + 3) & ~3);
}

struct forest *
forest_new(const struct regressor_design *des, int ntrees, int min_split)
{
	struct forest	*f = xcalloc(1, sizeof *f);
	int		 d = des->d, a;
	long		 i, j;
	double		*row;

	f->n = des->n;
	f->nqp = des->nq * des->nactions;
	f->dim = d + 1;
	f->wr = et_width(d + 3);
	f->wq = et_width(d + 2);
	f->ntrees = ntrees;
	f->min_split = min_split;
	f->rows = xcalloc((size_t)f->n * f->wr, sizeof *f->rows);
	for (i = 0; i < f->n; i++) {
		row = f->rows + (size_t)i * f->wr;
		memcpy(row, des->x + (size_t)i * d, (size_t)d * sizeof *row);
		row[d] = des->a[i];
		row[d + 2] = (double)i;
	}
	f->qrows = xcalloc(f->nqp > 0 ? (size_t)f->nqp * f->wq : 1,
	    sizeof *f->qrows);
	for (j = 0; j < f->nqp; j++) {
		row = f->qrows + (size_t)j * f->wq;
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
	long	 i;

	for (i = 0; i < f->n; i++)
		f->rows[(size_t)i * f->wr + f->dim] = y[i];
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
	size_t			 nq = f->nqp > 0 ? (size_t)f->nqp * f->wq : 1;
	int			 b;

	for (b = 0; b < 2; b++) {
		w->rows[b] = xreallocarray(NULL, (size_t)f->n * f->wr,
		    sizeof *w->rows[b]);
		w->qrows[b] = xreallocarray(NULL, nq, sizeof *w->qrows[b]);
	}
	/* A split leaves both sides nonempty: at most n leaves. */
	w->nodes = xreallocarray(NULL, (size_t)2 * f->n, sizeof *w->nodes);
	w->stack = xreallocarray(NULL, (size_t)f->n + 1, sizeof *w->stack);
	return (w);
}

void
forest_work_free(struct forest_work *w)
{
	int	 b;

	if (w == NULL)
		return;
	for (b = 0; b < 2; b++) {
		free(w->rows[b]);
		free(w->qrows[b]);
	}
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
 *
 * Inline with dim and the row width as arguments, so that the common
 * case (CartPole: 5 attributes in rows of 8) gets loops of known length.
 */
static inline __attribute__((always_inline)) int
et_choose_dim(const double *rows, long lo, long hi, int dim, int wr,
    int min_split, struct rng *r, struct et_split *sp)
{
	double		 mn[ET_MAX_DIM + 1], mx[ET_MAX_DIM + 1];
	double		 cut[ET_MAX_DIM], sl[ET_MAX_DIM];
	double		 sum = 0, stot = 0, mean, yc, score, best = -1, sr;
	const double	*row;
	long		 nl[ET_MAX_DIM], i, cnt = hi - lo, nr;
	int		 j, on, nc = 0;

	row = rows + (size_t)lo * wr;
	for (j = 0; j <= dim; j++)
		mn[j] = mx[j] = row[j];
	for (i = lo; i < hi; i++) {
		row = rows + (size_t)i * wr;
#pragma GCC unroll 8
		for (j = 0; j <= dim; j++) {
			mn[j] = row[j] < mn[j] ? row[j] : mn[j];
			mx[j] = row[j] > mx[j] ? row[j] : mx[j];
		}
		sum += row[dim];
	}
	sp->feat = -1;
	if (mn[dim] == mx[dim]) {
		sp->v = mn[dim];
		return (0);
	}
	sp->v = mean = sum / (double)cnt;
	if (hi - lo < min_split)
		return (0);
	/* A constant attribute gets no draw and a cut below everything. */
	for (j = 0; j < dim; j++) {
		cut[j] = -HUGE_VAL;
		if (mn[j] < mx[j]) {
			cut[j] = mn[j] + rng_uniform(r) * (mx[j] - mn[j]);
			nc++;
		}
		sl[j] = 0;
		nl[j] = 0;
	}
	if (nc == 0)
		return (0);
	/* Without branches: which side a row falls is a coin toss. */
	for (i = lo; i < hi; i++) {
		row = rows + (size_t)i * wr;
		yc = row[dim] - mean;
		stot += yc;
#pragma GCC unroll 8
		for (j = 0; j < dim; j++) {
			on = row[j] < cut[j];
			sl[j] += on ? yc : 0.0;
			nl[j] += on;
		}
	}
	/* A cut that rounded onto the minimum or past the maximum leaves
	 * a side empty: it does not count, nor does a constant one. */
	for (j = 0; j < dim; j++) {
		nr = cnt - nl[j];
		if (nl[j] == 0 || nr == 0)
			continue;
		sr = stot - sl[j];
		score = sl[j] * sl[j] / (double)nl[j] + sr * sr / (double)nr;
		if (score > best) {
			best = score;
			sp->feat = j;
			sp->v = cut[j];
			sp->nleft = nl[j];
		}
	}
	return (sp->feat >= 0);
}

static int
et_choose(const struct forest *f, const double *rows, long lo, long hi,
    struct rng *r, struct et_split *sp)
{
	if (f->dim == 5 && f->wr == 8)
		return (et_choose_dim(rows, lo, hi, 5, 8, f->min_split, r,
		    sp));
	return (et_choose_dim(rows, lo, hi, f->dim, f->wr, f->min_split, r,
	    sp));
}

/*
 * Copy the rows [lo, hi) of src to the same places in dst, those with
 * row[feat] < cut first (in order), the others after (from the end):
 * where the others begin.
 */
static inline __attribute__((always_inline)) long
et_partition_w(const double *src, double *dst, int w, long lo, long hi,
    int feat, double cut)
{
	const double	*row;
	double		*to;
	long		 i, l = lo, r = hi;
	int		 left;

	for (i = lo; i < hi; i++) {
		row = src + (size_t)i * w;
		left = row[feat] < cut;
		to = dst + (size_t)(left ? l : r - 1) * w;
		memcpy(to, row, (size_t)w * sizeof *row);
		l += left;
		r -= !left;
	}
	return (l);
}

static long
et_partition(const double *src, double *dst, int w, long lo, long hi,
    int feat, double cut)
{
	if (w == 8)
		return (et_partition_w(src, dst, 8, lo, hi, feat, cut));
	return (et_partition_w(src, dst, w, lo, hi, feat, cut));
}

/* A leaf: its value at its training inputs and query points. */
static void
et_leaf(const struct forest *f, const double *rows, const double *qrows,
    const struct et_pending *e, double v, double *out)
{
	long	 i;

	for (i = e->lo; i < e->hi; i++)
		out[(long)rows[(size_t)i * f->wr + f->dim + 1]] = v;
	for (i = e->qlo; i < e->qhi; i++)
		out[f->n + (long)qrows[(size_t)i * f->wq + f->dim]] = v;
}

void
forest_grow(struct forest *f, int t, uint64_t seed, struct forest_work *w,
    double *out)
{
	struct et_tree		*tree = &f->trees[t];
	struct et_pending	 e, *stack = w->stack;
	struct et_split		 sp;
	struct rng		 r;
	const double		*src, *qsrc;
	double			*dst, *qdst;
	long			 top = 0, m, qm;
	int32_t			 id, len = 0;

	rng_seed(&r, seed, (uint64_t)t);
	stack[top++] = (struct et_pending){ 0, f->n, 0, f->nqp, -1, 0 };
	while (top > 0) {
		e = stack[--top];
		id = len++;
		if (e.parent >= 0)
			w->nodes[e.parent].right = id;
		src = e.depth == 0 ? f->rows : w->rows[(e.depth - 1) & 1];
		qsrc = e.depth == 0 ? f->qrows : w->qrows[(e.depth - 1) & 1];
		if (!et_choose(f, src, e.lo, e.hi, &r, &sp)) {
			w->nodes[id].v = sp.v;
			w->nodes[id].feat = -1;
			w->nodes[id].right = -1;
			et_leaf(f, src, qsrc, &e, sp.v, out);
			continue;
		}
		w->nodes[id].v = sp.v;
		w->nodes[id].feat = sp.feat;
		dst = w->rows[e.depth & 1];
		qdst = w->qrows[e.depth & 1];
		m = et_partition(src, dst, f->wr, e.lo, e.hi, sp.feat, sp.v);
		qm = et_partition(qsrc, qdst, f->wq, e.qlo, e.qhi, sp.feat,
		    sp.v);
		/* The left child is grown first: it is node id + 1. */
		stack[top++] = (struct et_pending){ m, e.hi, qm, e.qhi, id,
		    e.depth + 1 };
		stack[top++] = (struct et_pending){ e.lo, m, e.qlo, qm, -1,
		    e.depth + 1 };
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

	sz += ((size_t)f->n * f->wr + (size_t)f->nqp * f->wq) *
	    sizeof (double);
	for (t = 0; t < f->ntrees; t++)
		sz += (size_t)f->trees[t].len * sizeof (struct et_node);
	return (sz);
}
