/* Exact k nearest neighbours: a k-d tree with tight bounding boxes. */
#include <stdlib.h>
#include <string.h>

#include "knn.h"
#include "xmalloc.h"

/* Points a leaf holds at most: a scan of a few is cheaper than a node. */
#define KNN_LEAF	16
/* Points whose distances a leaf scan computes at once. */
#define KNN_CHUNK	32

/* A node: its points, [lo, hi) in tree order; its children, or -1
 * at a leaf. */
struct knn_node {
	int32_t		 lo, hi;
	int32_t		 left, right;
};

/* The points in tree order as dim columns of n, and each one's index
 * in the input; per node, its box: dim lows, then dim highs. */
struct knn_tree {
	long		 n;
	int		 dim;
	double		*cols;
	int32_t		*index;
	struct knn_node	*nodes;
	double		*box;
	int32_t		 nnodes;
};

/* A candidate neighbour. */
struct knn_cand {
	double		 d2;
	int32_t		 i;
};

struct knn_search {
	const struct knn_tree	*t;
	const double		*q;
	struct knn_cand		*h;	/* the best so far, sorted */
	int			 k, len;
};

/* Nodes a tree of len points can have: the bound the build stays in. */
static long
knn_count_nodes(long len)
{
	if (len <= KNN_LEAF)
		return (1);
	return (1 + knn_count_nodes(len / 2) + knn_count_nodes(len - len / 2));
}

static inline double
knn_key(const double *src, int dim, const int32_t *perm, long i, int f)
{
	return (src[(size_t)perm[i] * dim + f]);
}

/*
 * Reorder perm[lo, hi) so that the m-th is the one a sort by coordinate
 * f would put there, smaller keys before it and larger after.  Hoare's
 * scans stop on keys equal to the pivot, so a run of equal keys (the
 * action coordinate has two values) splits evenly instead of going
 * quadratic.
 */
static void
knn_select(const double *src, int dim, int f, int32_t *perm, long lo,
    long hi, long m)
{
	double	 a, b, c, pivot;
	long	 i, j;
	int32_t	 tmp;

	hi--;
	while (hi > lo) {
		a = knn_key(src, dim, perm, lo, f);
		b = knn_key(src, dim, perm, lo + (hi - lo) / 2, f);
		c = knn_key(src, dim, perm, hi, f);
		pivot = a < b ? (b < c ? b : (a < c ? c : a)) :
		    (a < c ? a : (b < c ? c : b));
		i = lo;
		j = hi;
		while (i <= j) {
			while (knn_key(src, dim, perm, i, f) < pivot)
				i++;
			while (knn_key(src, dim, perm, j, f) > pivot)
				j--;
			if (i <= j) {
				tmp = perm[i];
				perm[i] = perm[j];
				perm[j] = tmp;
				i++;
				j--;
			}
		}
		if (m <= j)
			hi = j;
		else if (m >= i)
			lo = i;
		else
			break;
	}
}

/* Build the subtree of perm[lo, hi): its number, in preorder. */
static int32_t
knn_build_node(struct knn_tree *t, const double *src, int32_t *perm,
    long lo, long hi)
{
	int32_t		 id = t->nnodes++, left, right;
	double		*blo = t->box + (size_t)id * 2 * t->dim;
	double		*bhi = blo + t->dim, v, spread = 0;
	long		 i;
	int		 f, dim = t->dim, split = 0;

	for (f = 0; f < dim; f++)
		blo[f] = bhi[f] = knn_key(src, dim, perm, lo, f);
	for (i = lo + 1; i < hi; i++) {
		for (f = 0; f < dim; f++) {
			v = knn_key(src, dim, perm, i, f);
			blo[f] = v < blo[f] ? v : blo[f];
			bhi[f] = v > bhi[f] ? v : bhi[f];
		}
	}
	for (f = 0; f < dim; f++) {
		if (bhi[f] - blo[f] > spread) {
			spread = bhi[f] - blo[f];
			split = f;
		}
	}
	t->nodes[id].lo = (int32_t)lo;
	t->nodes[id].hi = (int32_t)hi;
	t->nodes[id].left = t->nodes[id].right = -1;
	/* Identical points stay together in one leaf, however many. */
	if (hi - lo <= KNN_LEAF || spread == 0)
		return (id);
	knn_select(src, dim, split, perm, lo, hi, lo + (hi - lo) / 2);
	left = knn_build_node(t, src, perm, lo, lo + (hi - lo) / 2);
	right = knn_build_node(t, src, perm, lo + (hi - lo) / 2, hi);
	t->nodes[id].left = left;
	t->nodes[id].right = right;
	return (id);
}

struct knn_tree *
knn_build(const double *pts, long n, int dim)
{
	struct knn_tree	*t = xcalloc(1, sizeof *t);
	int32_t		*perm;
	long		 i, maxnodes = knn_count_nodes(n);
	int		 f;

	perm = xreallocarray(NULL, (size_t)n, sizeof *perm);
	t->n = n;
	t->dim = dim;
	t->nodes = xreallocarray(NULL, (size_t)maxnodes, sizeof *t->nodes);
	t->box = xreallocarray(NULL, (size_t)maxnodes * 2 * dim,
	    sizeof *t->box);
	for (i = 0; i < n; i++)
		perm[i] = (int32_t)i;
	knn_build_node(t, pts, perm, 0, n);
	/* Leaves of identical points may have left some of the bound. */
	t->nodes = xreallocarray(t->nodes, (size_t)t->nnodes,
	    sizeof *t->nodes);
	t->box = xreallocarray(t->box, (size_t)t->nnodes * 2 * dim,
	    sizeof *t->box);
	/* Columns: a leaf's distances are then a vector loop. */
	t->cols = xreallocarray(NULL, (size_t)n * dim, sizeof *t->cols);
	t->index = perm;
	for (i = 0; i < n; i++)
		for (f = 0; f < dim; f++)
			t->cols[(size_t)f * n + i] = pts[(size_t)perm[i] * dim +
			    f];
	return (t);
}

void
knn_free(struct knn_tree *t)
{
	if (t == NULL)
		return;
	free(t->cols);
	free(t->index);
	free(t->nodes);
	free(t->box);
	free(t);
}

size_t
knn_memory(const struct knn_tree *t)
{
	return (sizeof *t + (size_t)t->n * (t->dim * sizeof *t->cols +
	    sizeof *t->index) + (size_t)t->nnodes * (sizeof *t->nodes +
	    2 * t->dim * sizeof *t->box));
}

int32_t
knn_point(const struct knn_tree *t, long i, double *pt)
{
	int	 f;

	for (f = 0; f < t->dim; f++)
		pt[f] = t->cols[(size_t)f * t->n + i];
	return (t->index[i]);
}

/* Whether a ranks after b: farther, or as far with a higher index. */
static inline int
knn_worse(double d2a, int32_t ia, double d2b, int32_t ib)
{
	/* Bitwise: one branch where it is used, not three. */
	return ((d2a > d2b) | ((d2a == d2b) & (ia > ib)));
}

/*
 * Offer a candidate to the list, kept sorted nearest first: a shift
 * from the end, cheaper for a few dozen than a heap's sifting, whose
 * comparisons the branch predictor cannot guess.
 */
static inline void
knn_offer(struct knn_search *s, double d2, int32_t idx)
{
	struct knn_cand	*h = s->h;
	int		 j;

	if (s->len < s->k)
		j = s->len++;
	else if (knn_worse(h[s->k - 1].d2, h[s->k - 1].i, d2, idx))
		j = s->k - 1;
	else
		return;
	while (j > 0 && knn_worse(h[j - 1].d2, h[j - 1].i, d2, idx)) {
		h[j] = h[j - 1];
		j--;
	}
	h[j].d2 = d2;
	h[j].i = idx;
}

/* The squared distances from q of m points held in columns (coordinate
 * f of point p at c[f * stride + p]): a vector loop per coordinate, each
 * point's terms still added in coordinate order. */
static void
knn_dists(const double *c, size_t stride, int dim, const double *q, int m,
    double *d2)
{
	double	 diff, qf;
	int	 f, p;

	for (p = 0; p < m; p++)
		d2[p] = 0;
	for (f = 0; f < dim; f++, c += stride) {
		qf = q[f];
		for (p = 0; p < m; p++) {
			diff = c[p] - qf;
			d2[p] += diff * diff;
		}
	}
}

/* Offer a leaf's points, a chunk at a time. */
static void
knn_scan(struct knn_search *s, const struct knn_node *nd)
{
	const struct knn_tree	*t = s->t;
	double			 d2[KNN_CHUNK];
	int32_t			 lo, m, p;

	for (lo = nd->lo; lo < nd->hi; lo += m) {
		m = nd->hi - lo < KNN_CHUNK ? nd->hi - lo : KNN_CHUNK;
		knn_dists(t->cols + lo, (size_t)t->n, t->dim, s->q, m, d2);
		for (p = 0; p < m; p++)
			knn_offer(s, d2[p], t->index[lo + p]);
	}
}

/* The squared distance from q to a node's box: never more than to any
 * of its points, rounding included, as each term is no larger. */
static inline double
knn_box_dist(const struct knn_tree *t, int32_t id, const double *q)
{
	const double	*lo = t->box + (size_t)id * 2 * t->dim;
	const double	*hi = lo + t->dim;
	double		 d2 = 0, c, diff;
	int		 f;

	/* The nearest point of the box, by a max and a min: no branch. */
	for (f = 0; f < t->dim; f++) {
		c = q[f] > lo[f] ? q[f] : lo[f];
		c = c < hi[f] ? c : hi[f];
		diff = c - q[f];
		d2 += diff * diff;
	}
	return (d2);
}

/* Whether a node at squared distance d2 cannot hold a better point: a
 * tie still can, with a lower index. */
static inline int
knn_prune(const struct knn_search *s, double d2)
{
	return (s->len == s->k && d2 > s->h[s->k - 1].d2);
}

static void
knn_search(struct knn_search *s, int32_t id)
{
	const struct knn_node	*nd = &s->t->nodes[id];
	double			 dl, dr;

	if (nd->left < 0) {
		knn_scan(s, nd);
		return;
	}
	dl = knn_box_dist(s->t, nd->left, s->q);
	dr = knn_box_dist(s->t, nd->right, s->q);
	if (dr < dl) {
		if (!knn_prune(s, dr))
			knn_search(s, nd->right);
		if (!knn_prune(s, dl))
			knn_search(s, nd->left);
	} else {
		if (!knn_prune(s, dl))
			knn_search(s, nd->left);
		if (!knn_prune(s, dr))
			knn_search(s, nd->right);
	}
}

void
knn_query(const struct knn_tree *t, const double *q, int k, int32_t *out)
{
	struct knn_cand		 h[KNN_MAX_K];
	struct knn_search	 s;
	int			 j;

	s.t = t;
	s.q = q;
	s.h = h;
	s.k = k;
	s.len = 0;
	knn_search(&s, 0);
	for (j = 0; j < s.len; j++)
		out[j] = h[j].i;
}
