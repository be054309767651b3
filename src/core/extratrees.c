/* Extremely randomized trees, grown by partitions of contiguous rows. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extratrees.h"
#include "rng.h"
#include "xmalloc.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Attributes of a point: d numbers of state (at most 16) and the
 * action; a training row adds the target and the index, and is padded
 * to an even width. */
#define ET_MAX_DIM	17
#define ET_MAX_W	20
/* Trees walked at once by forest_sums(). */
#define ET_WALK		8

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
 * padded to an even width so a row is whole pairs for SSE2.  A split
 * copies its node's rows to its children's places in the other of two
 * buffers (the root reads the forest's own): no branch on the side, no
 * swaps.
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
	int32_t		 lo, hi, qlo, qhi;
	int32_t		 parent;
	int32_t		 depth;
};

struct forest_work {
	double		*rows[2], *qrows[2];
	struct et_pending *stack;
	struct et_node	*nodes;		/* the tree as it grows */
};

/* The split a node takes, or none (then it is a leaf of mean v). */
struct et_split {
	int		 feat;
	double		 v;
};

static int
et_width(int w)
{
	return ((w + 1) & ~1);
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
	size_t			 nq;
	int			 b;

	nq = f->nqp > 0 ? (size_t)f->nqp * f->wq : 1;
	for (b = 0; b < 2; b++) {
		w->rows[b] = xreallocarray(NULL, (size_t)f->n * f->wr,
		    sizeof *w->rows[b]);
		w->qrows[b] = xreallocarray(NULL, nq, sizeof *w->qrows[b]);
	}
	/* Pending nodes hold disjoint nonempty sets of inputs; a split
	 * leaves both sides nonempty, so there are at most n leaves. */
	w->stack = xreallocarray(NULL, (size_t)f->n + 1, sizeof *w->stack);
	w->nodes = xreallocarray(NULL, (size_t)2 * f->n, sizeof *w->nodes);
	return (w);
}

size_t
forest_work_memory(const struct forest *f)
{
	return (sizeof (struct forest_work) + 2 * ((size_t)f->n * f->wr +
	    (size_t)f->nqp * f->wq) * sizeof (double) + ((size_t)f->n + 1) *
	    sizeof (struct et_pending) + (size_t)2 * f->n *
	    sizeof (struct et_node));
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
	free(w->stack);
	free(w->nodes);
	free(w);
}

/*
 * Pairs of doubles: SSE2 where there is SSE2, plain C elsewhere, with
 * the same results (a min is a < b ? a : b either way).
 */
#ifdef __SSE2__
typedef __m128d	et_pair;

static inline et_pair
et_load(const double *p)
{
	return (_mm_loadu_pd(p));
}

static inline void
et_store(double *p, et_pair a)
{
	_mm_storeu_pd(p, a);
}

static inline et_pair
et_set1(double x)
{
	return (_mm_set1_pd(x));
}

static inline et_pair
et_min(et_pair a, et_pair b)
{
	return (_mm_min_pd(a, b));
}

static inline et_pair
et_max(et_pair a, et_pair b)
{
	return (_mm_max_pd(a, b));
}

static inline et_pair
et_add(et_pair a, et_pair b)
{
	return (_mm_add_pd(a, b));
}

/* y where a < b, else 0. */
static inline et_pair
et_where_lt(et_pair a, et_pair b, et_pair y)
{
	return (_mm_and_pd(_mm_cmplt_pd(a, b), y));
}
#else
typedef struct {
	double		 v[2];
} et_pair;

static inline et_pair
et_load(const double *p)
{
	et_pair	 a = { { p[0], p[1] } };

	return (a);
}

static inline void
et_store(double *p, et_pair a)
{
	p[0] = a.v[0];
	p[1] = a.v[1];
}

static inline et_pair
et_set1(double x)
{
	et_pair	 a = { { x, x } };

	return (a);
}

static inline et_pair
et_min(et_pair a, et_pair b)
{
	et_pair	 c = { { a.v[0] < b.v[0] ? a.v[0] : b.v[0],
		     a.v[1] < b.v[1] ? a.v[1] : b.v[1] } };

	return (c);
}

static inline et_pair
et_max(et_pair a, et_pair b)
{
	et_pair	 c = { { a.v[0] > b.v[0] ? a.v[0] : b.v[0],
		     a.v[1] > b.v[1] ? a.v[1] : b.v[1] } };

	return (c);
}

static inline et_pair
et_add(et_pair a, et_pair b)
{
	et_pair	 c = { { a.v[0] + b.v[0], a.v[1] + b.v[1] } };

	return (c);
}

static inline et_pair
et_where_lt(et_pair a, et_pair b, et_pair y)
{
	et_pair	 c = { { a.v[0] < b.v[0] ? y.v[0] : 0.0,
		     a.v[1] < b.v[1] ? y.v[1] : 0.0 } };

	return (c);
}
#endif

/* The smallest and largest of each number of rows [lo, hi), a pair of
 * columns at a time, and the sum of the targets (column dim). */
static inline __attribute__((always_inline)) double
et_range(const double *rows, long lo, long hi, int dim, int w, double *mn,
    double *mx)
{
	et_pair		 vmn[ET_MAX_W / 2], vmx[ET_MAX_W / 2], x;
	const double	*row = rows + (size_t)lo * w;
	double		 sum = row[dim];
	long		 i;
	int		 v;

	for (v = 0; v < w / 2; v++)
		vmn[v] = vmx[v] = et_load(row + 2 * v);
	for (i = lo + 1; i < hi; i++) {
		row = rows + (size_t)i * w;
#pragma GCC unroll 4
		for (v = 0; v < w / 2; v++) {
			x = et_load(row + 2 * v);
			vmn[v] = et_min(x, vmn[v]);
			vmx[v] = et_max(x, vmx[v]);
		}
		sum += row[dim];
	}
	for (v = 0; v < w / 2; v++) {
		et_store(mn + 2 * v, vmn[v]);
		et_store(mx + 2 * v, vmx[v]);
	}
	return (sum);
}

/*
 * For each column j, the sum of yc and the number of rows with
 * row[j] < cut[j], where yc is a row's target less mean; the sum of
 * all yc.  Without branches: which side a row falls is a coin toss.
 */
static inline __attribute__((always_inline)) double
et_sides(const double *rows, long lo, long hi, int dim, int w,
    const double *cut, double mean, double *sl, double *nl)
{
	et_pair		 vcut[ET_MAX_W / 2], vsl[ET_MAX_W / 2];
	et_pair		 vnl[ET_MAX_W / 2], x, yc, one = et_set1(1.0);
	const double	*row;
	double		 stot = 0, y;
	long		 i;
	int		 v;

	for (v = 0; v < w / 2; v++) {
		vcut[v] = et_load(cut + 2 * v);
		vsl[v] = vnl[v] = et_set1(0.0);
	}
	for (i = lo; i < hi; i++) {
		row = rows + (size_t)i * w;
		y = row[dim] - mean;
		stot += y;
		yc = et_set1(y);
#pragma GCC unroll 4
		for (v = 0; v < w / 2; v++) {
			x = et_load(row + 2 * v);
			vsl[v] = et_add(vsl[v], et_where_lt(x, vcut[v], yc));
			vnl[v] = et_add(vnl[v], et_where_lt(x, vcut[v], one));
		}
	}
	for (v = 0; v < w / 2; v++) {
		et_store(sl + 2 * v, vsl[v]);
		et_store(nl + 2 * v, vnl[v]);
	}
	return (stot);
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
et_choose_w(const double *rows, long lo, long hi, int dim, int w,
    int min_split, struct rng *r, struct et_split *sp)
{
	double		 mn[ET_MAX_W], mx[ET_MAX_W], cut[ET_MAX_W];
	double		 sl[ET_MAX_W], nl[ET_MAX_W];
	double		 cnt = (double)(hi - lo), sum, stot, mean, score;
	double		 best = -1, sr, nr;
	int		 j, nc = 0;

	sum = et_range(rows, lo, hi, dim, w, mn, mx);
	sp->feat = -1;
	if (mn[dim] == mx[dim]) {
		sp->v = mn[dim];
		return (0);
	}
	sp->v = mean = sum / cnt;
	if (hi - lo < min_split)
		return (0);
	/* A constant attribute, the target and the rest of the row get no
	 * draw and a cut below everything. */
	for (j = 0; j < w; j++) {
		cut[j] = -HUGE_VAL;
		if (j < dim && mn[j] < mx[j]) {
			cut[j] = mn[j] + rng_uniform(r) * (mx[j] - mn[j]);
			nc++;
		}
	}
	if (nc == 0)
		return (0);
	stot = et_sides(rows, lo, hi, dim, w, cut, mean, sl, nl);
	/* A cut that rounded onto the minimum or past the maximum leaves
	 * a side empty: it does not count, nor does a constant one. */
	for (j = 0; j < dim; j++) {
		nr = cnt - nl[j];
		if (nl[j] == 0 || nr == 0)
			continue;
		sr = stot - sl[j];
		score = sl[j] * sl[j] / nl[j] + sr * sr / nr;
		if (score > best) {
			best = score;
			sp->feat = j;
			sp->v = cut[j];
		}
	}
	return (sp->feat >= 0);
}

static int
et_choose(const struct forest *f, const double *rows, long lo, long hi,
    struct rng *r, struct et_split *sp)
{
	if (f->dim == 5 && f->wr == 8)
		return (et_choose_w(rows, lo, hi, 5, 8, f->min_split, r, sp));
	return (et_choose_w(rows, lo, hi, f->dim, f->wr, f->min_split, r,
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
	const double	*row = src + (size_t)lo * w;
	long		 i, l = lo, r = hi - 1, at;
	int		 left;

	for (i = lo; i < hi; i++, row += w) {
		left = row[feat] < cut;
		at = left ? l : r;
		memcpy(dst + (size_t)at * w, row, (size_t)w * sizeof *row);
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
	if (w == 6)
		return (et_partition_w(src, dst, 6, lo, hi, feat, cut));
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
	struct et_node		*nd;
	struct rng		 r;
	const double		*src, *qsrc;
	double			*dst, *qdst;
	long			 top = 0;
	int32_t			 id, m, qm, len = 0;

	rng_seed(&r, seed, (uint64_t)t);
	stack[top++] = (struct et_pending){ 0, (int32_t)f->n, 0,
	    (int32_t)f->nqp, -1, 0 };
	while (top > 0) {
		e = stack[--top];
		id = len++;
		nd = &w->nodes[id];
		if (e.parent >= 0)
			w->nodes[e.parent].right = id;
		src = e.depth == 0 ? f->rows : w->rows[(e.depth - 1) & 1];
		qsrc = e.depth == 0 ? f->qrows : w->qrows[(e.depth - 1) & 1];
		/* Most leaves hold one input: its target, at once. */
		sp.v = src[(size_t)e.lo * f->wr + f->dim];
		if (e.hi - e.lo == 1 || !et_choose(f, src, e.lo, e.hi, &r,
		    &sp)) {
			nd->v = sp.v;
			nd->feat = -1;
			nd->right = -1;
			et_leaf(f, src, qsrc, &e, sp.v, out);
			continue;
		}
		nd->v = sp.v;
		nd->feat = sp.feat;
		dst = w->rows[e.depth & 1];
		qdst = w->qrows[e.depth & 1];
		m = (int32_t)et_partition(src, dst, f->wr, e.lo, e.hi, sp.feat,
		    sp.v);
		qm = (int32_t)et_partition(qsrc, qdst, f->wq, e.qlo, e.qhi,
		    sp.feat, sp.v);
		/* The left child is grown first: it is node id + 1. */
		stack[top++] = (struct et_pending){ m, e.hi, qm, e.qhi, id,
		    e.depth + 1 };
		stack[top++] = (struct et_pending){ e.lo, m, e.qlo, qm, -1,
		    e.depth + 1 };
	}
	/* The tree keeps just its nodes: forests are big. */
	tree->nodes = xreallocarray(tree->nodes, (size_t)len,
	    sizeof *tree->nodes);
	memcpy(tree->nodes, w->nodes, (size_t)len * sizeof *tree->nodes);
	tree->len = len;
}

/*
 * The walks of a point down a tree are chains of loads that miss the
 * cache: walk the m points down ET_WALK trees at a time, in lockstep,
 * so that the loads overlap.  The sums are still added in tree order.
 */
void
forest_sums(const struct forest *f, const double *x, int m, double *sum)
{
	const struct et_node	*nd[ET_WALK];
	int32_t			 at[ET_WALK][ET_MAX_POINTS];
	const double		*p;
	int			 t, nt, i, j, moving;

	for (j = 0; j < m; j++)
		sum[j] = 0;
	for (t = 0; t < f->ntrees; t += nt) {
		nt = f->ntrees - t < ET_WALK ? f->ntrees - t : ET_WALK;
		for (i = 0; i < nt; i++) {
			nd[i] = f->trees[t + i].nodes;
			for (j = 0; j < m; j++)
				at[i][j] = 0;
		}
		do {
			moving = 0;
			for (i = 0; i < nt; i++) {
				for (j = 0; j < m; j++) {
					p = x + (size_t)j * f->dim;
					if (nd[i][at[i][j]].feat < 0)
						continue;
					at[i][j] = p[nd[i][at[i][j]].feat] <
					    nd[i][at[i][j]].v ? at[i][j] + 1 :
					    nd[i][at[i][j]].right;
					moving = 1;
				}
			}
		} while (moving);
		for (i = 0; i < nt; i++)
			for (j = 0; j < m; j++)
				sum[j] += nd[i][at[i][j]].v;
	}
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
