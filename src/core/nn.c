/*
 * A fully connected network, its gradients and Adam.
 *
 * A layer computes Y = X W + b for a batch at once: X is batch x nin
 * (one row per input), W is nin x nout, Y is batch x nout; a hidden
 * layer then applies ReLU.  Backpropagation runs the layers in reverse
 * with D = dL/dY, the gradient of the loss with respect to the layer's
 * output, and three products:
 *
 *	dW += X^T D		(nin x nout: input k's part in output j)
 *	db += the rows of D summed
 *	dX  = D W^T		(batch x nin: what the layer below gets)
 *
 * and below a hidden layer dX is multiplied by ReLU's derivative: 1
 * where that layer's output was positive, else 0.  Every product is one
 * call of the kernels' gemm (nn-kernels.h), with A or B transposed by
 * strides or by a copy.
 */
#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn.h"
#include "nn-kernels.h"
#include "rng.h"
#include "xmalloc.h"

/* Buffers start on 64-byte boundaries: a cache line, an AVX-512 vector. */
#define NN_ALIGN	16	/* floats */

static size_t
nn_round(size_t n)
{
	return ((n + NN_ALIGN - 1) / NN_ALIGN * NN_ALIGN);
}

/* n floats, zeroed and aligned; *mem gets the pointer to free. */
static float *
nn_floats(size_t n, void **mem)
{
	uintptr_t	 p;

	*mem = xcalloc(n + NN_ALIGN, sizeof(float));
	p = (uintptr_t)*mem;
	p = (p + NN_ALIGN * sizeof(float) - 1) &
	    ~(uintptr_t)(NN_ALIGN * sizeof(float) - 1);
	return ((float *)p);
}

int
nn_shape_check(const struct nn_shape *s, char *err, size_t errsz)
{
	int	 l;

	if (s->nin < 1 || s->nin > NN_MAX_WIDTH) {
		snprintf(err, errsz, "inputs: %d not from 1 to %d", s->nin,
		    NN_MAX_WIDTH);
		return (-1);
	}
	if (s->nhidden < 0 || s->nhidden > NN_MAX_LAYERS) {
		snprintf(err, errsz, "hidden layers: %d not from 0 to %d",
		    s->nhidden, NN_MAX_LAYERS);
		return (-1);
	}
	for (l = 0; l < s->nhidden; l++)
		if (s->hidden[l] < 1 || s->hidden[l] > NN_MAX_WIDTH) {
			snprintf(err, errsz, "hidden layer %d: %d units, not "
			    "from 1 to %d", l + 1, s->hidden[l], NN_MAX_WIDTH);
			return (-1);
		}
	if (s->nout < 1 || s->nout > NN_MAX_WIDTH - (s->dueling ? 1 : 0)) {
		snprintf(err, errsz, "outputs: %d not from 1 to %d", s->nout,
		    NN_MAX_WIDTH - (s->dueling ? 1 : 0));
		return (-1);
	}
	return (0);
}

void
nn_shape_string(const struct nn_shape *s, char *buf, size_t bufsz)
{
	size_t	 len;
	int	 l;

	snprintf(buf, bufsz, "%d", s->nin);
	for (l = 0; l < s->nhidden && l < NN_MAX_LAYERS; l++) {
		len = strlen(buf);
		snprintf(buf + len, bufsz - len, "-%d", s->hidden[l]);
	}
	len = strlen(buf);
	snprintf(buf + len, bufsz - len, "-%d%s", s->nout,
	    s->dueling ? " dueling" : "");
}

bool
nn_shape_equal(const struct nn_shape *a, const struct nn_shape *b)
{
	int	 l;

	if (a->nin != b->nin || a->nhidden != b->nhidden ||
	    a->nout != b->nout || a->dueling != b->dueling)
		return (false);
	for (l = 0; l < a->nhidden; l++)
		if (a->hidden[l] != b->hidden[l])
			return (false);
	return (true);
}

/* Layer l's inputs and outputs; the head has V's output too. */
static void
nn_layer_size(const struct nn_shape *s, int l, int *nin, int *nout)
{
	*nin = l == 0 ? s->nin : s->hidden[l - 1];
	*nout = l < s->nhidden ? s->hidden[l] : s->nout + (s->dueling ? 1 : 0);
}

size_t
nn_shape_nparams(const struct nn_shape *s)
{
	size_t	 n = 0;
	int	 l, nin, nout;

	for (l = 0; l <= s->nhidden; l++) {
		nn_layer_size(s, l, &nin, &nout);
		n += (size_t)nin * nout + nout;
	}
	return (n);
}

/*
 * One allocation holds the parameters, the gradients and the scratch,
 * each part rounded up to whole vectors; the layers point into it.
 */
static void
nn_carve(struct nn *nn)
{
	struct nn_layer	*L;
	size_t		 total, off, wt = 0;
	float		*base, *p, *g;
	int		 l, maxw = nn->shape.nin, mb = nn->max_batch;

	for (l = 0; l < nn->nlayers; l++) {
		L = &nn->layer[l];
		nn_layer_size(&nn->shape, l, &L->nin, &L->nout);
		if (L->nout > maxw)
			maxw = L->nout;
		if ((size_t)L->nin * L->nout > wt)
			wt = (size_t)L->nin * L->nout;
	}
	total = 2 * nn_round(nn->nparams) + nn_round((size_t)mb *
	    nn->shape.nin) + 2 * nn_round((size_t)mb * maxw) + nn_round(wt);
	for (l = 0; l < nn->nlayers; l++)
		total += nn_round((size_t)mb * nn->layer[l].nout);
	base = nn_floats(total, &nn->mem);

	p = base;
	g = base + nn_round(nn->nparams);
	off = 2 * nn_round(nn->nparams);
	for (l = 0; l < nn->nlayers; l++) {
		L = &nn->layer[l];
		L->w = p;
		L->dw = g;
		p += (size_t)L->nin * L->nout;
		g += (size_t)L->nin * L->nout;
		L->b = p;
		L->db = g;
		p += L->nout;
		g += L->nout;
	}
	nn->params = base;
	nn->grads = base + nn_round(nn->nparams);
	nn->in = base + off;
	off += nn_round((size_t)mb * nn->shape.nin);
	for (l = 0; l < nn->nlayers; l++) {
		nn->layer[l].out = base + off;
		off += nn_round((size_t)mb * nn->layer[l].nout);
	}
	nn->delta[0] = base + off;
	off += nn_round((size_t)mb * maxw);
	nn->delta[1] = base + off;
	off += nn_round((size_t)mb * maxw);
	nn->wt = base + off;
	off += nn_round(wt);
	assert(off == total);
}

struct nn *
nn_new(const struct nn_shape *shape, int max_batch, uint64_t seed)
{
	struct nn	*nn;
	struct rng	 r;
	struct nn_layer	*L;
	double		 bound;
	size_t		 i, n;
	char		 err[128];
	int		 l;

	if (nn_shape_check(shape, err, sizeof err) != 0 || max_batch < 1)
		return (NULL);
	nn = xcalloc(1, sizeof *nn);
	nn->shape = *shape;
	for (l = shape->nhidden; l < NN_MAX_LAYERS; l++)
		nn->shape.hidden[l] = 0;
	nn->nlayers = shape->nhidden + 1;
	nn->max_batch = max_batch;
	nn->nparams = nn_shape_nparams(shape);
	nn->kern = nnk_best();
	nn_carve(nn);

	/* PyTorch's nn.Linear: kaiming_uniform_(a=sqrt(5)) for W, whose
	 * bound works out at 1/sqrt(fan_in), and the same for b. */
	rng_seed(&r, seed, NN_RNG_STREAM);
	for (l = 0; l < nn->nlayers; l++) {
		L = &nn->layer[l];
		bound = 1 / sqrt((double)L->nin);
		n = (size_t)L->nin * L->nout + L->nout;
		for (i = 0; i < n; i++)
			L->w[i] = (float)(bound * (2 * rng_uniform(&r) - 1));
	}
	return (nn);
}

void
nn_free(struct nn *nn)
{
	if (nn == NULL)
		return;
	free(nn->mem);
	free(nn);
}

size_t
nn_nparams(const struct nn *nn)
{
	return (nn->nparams);
}

void
nn_copy(struct nn *dst, const struct nn *src)
{
	assert(nn_shape_equal(&dst->shape, &src->shape));
	memcpy(dst->params, src->params, src->nparams * sizeof(float));
}

void
nn_polyak(struct nn *dst, const struct nn *src, float tau)
{
	float		*d = dst->params;
	const float	*s = src->params;
	size_t		 i;

	assert(nn_shape_equal(&dst->shape, &src->shape));
	for (i = 0; i < dst->nparams; i++)
		d[i] = tau * s[i] + (1 - tau) * d[i];
}

/* Y = X W + b for m rows, then ReLU for a hidden layer. */
static void
nn_dense(const struct nnk *k, const struct nn_layer *L, const float *x,
    int m, float *y, bool relu)
{
	int	 n = L->nout;

	k->fill_rows(y, L->b, m, n);
	k->gemm(m, n, L->nin, x, L->nin, 1, L->w, n, y, n);
	if (relu)
		k->relu(y, (size_t)m * n);
}

/* Q from the last layer's outputs h: the same, or V + A - mean(A). */
static void
nn_head(const struct nn_shape *s, const float *h, int m, float *q)
{
	const float	*hi;
	float		 mean;
	int		 i, j, n = s->nout;

	if (!s->dueling) {
		memcpy(q, h, (size_t)m * n * sizeof *q);
		return;
	}
	for (i = 0; i < m; i++) {
		hi = h + (size_t)i * (n + 1);
		mean = 0;
		for (j = 0; j < n; j++)
			mean += hi[1 + j];
		mean /= n;
		for (j = 0; j < n; j++)
			q[(size_t)i * n + j] = hi[0] + hi[1 + j] - mean;
	}
}

void
nn_forward(struct nn *nn, const float *x, int batch, float *q)
{
	const float	*in = nn->in;
	int		 l;

	assert(batch >= 1 && batch <= nn->max_batch);
	memcpy(nn->in, x, (size_t)batch * nn->shape.nin * sizeof *x);
	for (l = 0; l < nn->nlayers; l++) {
		nn_dense(nn->kern, &nn->layer[l], in, batch,
		    nn->layer[l].out, l < nn->nlayers - 1);
		in = nn->layer[l].out;
	}
	nn_head(&nn->shape, in, batch, q);
	nn->batch = batch;
}

/* The backward pass's two scratch buffers hold the activations: they
 * are free between a forward and its backward. */
void
nn_infer(struct nn *nn, const float *x, int batch, float *q)
{
	const float	*in = x;
	int		 l;

	assert(batch >= 1 && batch <= nn->max_batch);
	for (l = 0; l < nn->nlayers; l++) {
		nn_dense(nn->kern, &nn->layer[l], in, batch, nn->delta[l % 2],
		    l < nn->nlayers - 1);
		in = nn->delta[l % 2];
	}
	nn_head(&nn->shape, in, batch, q);
}

void
nn_predict(const struct nn *nn, const float *x, float *q)
{
	_Alignas(64) float	 buf[2][NN_MAX_WIDTH + NN_ALIGN];
	const float		*in = x;
	int			 l;

	for (l = 0; l < nn->nlayers; l++) {
		nn_dense(nn->kern, &nn->layer[l], in, 1, buf[l % 2],
		    l < nn->nlayers - 1);
		in = buf[l % 2];
	}
	nn_head(&nn->shape, in, 1, q);
}

void
nn_zero_grad(struct nn *nn)
{
	memset(nn->grads, 0, nn->nparams * sizeof(float));
}

/*
 * dL/dh from dL/dq through the dueling head: q_j = V + A_j - mean(A),
 * so dL/dV = sum_j dq_j and dL/dA_i = dq_i - mean_j(dq_j).
 */
static void
nn_head_backward(const struct nn_shape *s, const float *dq, int m,
    float *d)
{
	const float	*dqi;
	float		 sum, mean;
	int		 i, j, n = s->nout;

	if (!s->dueling) {
		memcpy(d, dq, (size_t)m * n * sizeof *d);
		return;
	}
	for (i = 0; i < m; i++) {
		dqi = dq + (size_t)i * n;
		sum = 0;
		for (j = 0; j < n; j++)
			sum += dqi[j];
		mean = sum / n;
		d[(size_t)i * (n + 1)] = sum;
		for (j = 0; j < n; j++)
			d[(size_t)i * (n + 1) + 1 + j] = dqi[j] - mean;
	}
}

/* dW += X^T D and db += the rows of D, for m rows. */
static void
nn_dense_grads(struct nn *nn, struct nn_layer *L, const float *x,
    const float *d, int m)
{
	const struct nnk	*k = nn->kern;
	int			 nin = L->nin, n = L->nout;

	k->colsum(L->db, d, m, n);
	if (n >= k->vw) {
		/* A = X^T, read through strides: A(kk, i) = x[i][kk]. */
		k->gemm(nin, n, m, x, 1, nin, d, n, L->dw, n);
		return;
	}
	/* Fewer outputs than a vector holds (the output layer): compute
	 * the transpose, dW^T = D^T X, whose rows are long, then add it. */
	memset(nn->wt, 0, (size_t)n * nin * sizeof(float));
	k->gemm(n, nin, m, d, 1, n, x, nin, nn->wt, nin);
	k->transpose(L->dw, nn->wt, n, nin, 1);
}

/* dX = D W^T for m rows, with W^T copied out so that B has rows. */
static void
nn_dense_input_grad(struct nn *nn, const struct nn_layer *L,
    const float *d, int m, float *dx)
{
	int	 nin = L->nin, n = L->nout;

	nn->kern->transpose(nn->wt, L->w, nin, n, 0);
	memset(dx, 0, (size_t)m * nin * sizeof *dx);
	nn->kern->gemm(m, nin, n, d, n, 1, nn->wt, nin, dx, nin);
}

void
nn_backward(struct nn *nn, const float *dq, int batch)
{
	struct nn_layer	*L;
	const float	*x;
	float		*d = nn->delta[0], *dx;
	int		 l;

	assert(batch == nn->batch);
	nn_head_backward(&nn->shape, dq, batch, d);
	for (l = nn->nlayers - 1; l >= 0; l--) {
		L = &nn->layer[l];
		x = l > 0 ? nn->layer[l - 1].out : nn->in;
		nn_dense_grads(nn, L, x, d, batch);
		if (l == 0)
			break;
		dx = d == nn->delta[0] ? nn->delta[1] : nn->delta[0];
		nn_dense_input_grad(nn, L, d, batch, dx);
		/* ReLU's derivative at the layer below: x is its output. */
		nn->kern->relu_grad(dx, x, (size_t)batch * L->nin);
		d = dx;
	}
}

float
nn_loss(enum nn_loss kind, const float *pred, const float *target,
    const float *weights, int n, float *dpred)
{
	double	 sum = 0;
	float	 d, w, term, g;
	int	 i;

	for (i = 0; i < n; i++) {
		d = pred[i] - target[i];
		w = weights != NULL ? weights[i] : 1;
		if (kind == NN_MSE) {
			term = d * d;
			g = 2 * d;
		} else if (fabsf(d) < 1) {
			term = 0.5f * d * d;
			g = d;
		} else {
			term = fabsf(d) - 0.5f;
			g = d > 0 ? 1 : -1;
		}
		sum += (double)w * term;
		if (dpred != NULL)
			dpred[i] = w * g / n;
	}
	return (n > 0 ? (float)(sum / n) : 0);
}

float
nn_grad_norm(const struct nn *nn)
{
	return ((float)sqrt(nn->kern->sumsq(nn->grads, nn->nparams)));
}

void
nn_clip_grad(struct nn *nn, float max_norm)
{
	float	 norm = nn_grad_norm(nn), coef;
	size_t	 i;

	if (!(norm > max_norm))
		return;
	coef = max_norm / (norm + 1e-6f);
	for (i = 0; i < nn->nparams; i++)
		nn->grads[i] *= coef;
}

struct nn_adam *
nn_adam_new(const struct nn *nn, float lr)
{
	struct nn_adam	*a = xcalloc(1, sizeof *a);

	a->n = nn->nparams;
	a->lr = lr;
	a->beta1 = 0.9;
	a->beta2 = 0.999;
	a->eps = 1e-8;
	a->m = nn_floats(2 * nn_round(a->n), &a->mem);
	a->v = a->m + nn_round(a->n);
	return (a);
}

void
nn_adam_free(struct nn_adam *a)
{
	if (a == NULL)
		return;
	free(a->mem);
	free(a);
}

void
nn_adam_set_lr(struct nn_adam *a, float lr)
{
	a->lr = lr;
}

/*
 * m = beta1 m + (1 - beta1) g, v = beta2 v + (1 - beta2) g^2, and
 * w -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps):
 * torch.optim.Adam's arithmetic: the coefficients computed in double
 * from double betas, then used in float, as PyTorch's Python scalars.
 */
void
nn_adam_step(struct nn *nn, struct nn_adam *a)
{
	struct nnk_adam	 h;

	assert(a->n == nn->nparams);
	a->t++;
	h.beta1 = (float)a->beta1;
	h.beta2 = (float)a->beta2;
	h.c1 = (float)(1 - a->beta1);
	h.c2 = (float)(1 - a->beta2);
	h.eps = (float)a->eps;
	h.step = (float)(a->lr / (1 - pow(a->beta1, (double)a->t)));
	h.rsqrt_bc2 = (float)(1 / sqrt(1 - pow(a->beta2, (double)a->t)));
	nn->kern->adam(nn->params, a->m, a->v, nn->grads, a->n, &h);
}

int
nn_layer_count(const struct nn *nn)
{
	return (nn->nlayers + (nn->shape.dueling ? 1 : 0));
}

/* Mean, standard deviation (over n, as numpy's) and largest |x| of
 * columns [c0, c1) of a rows x stride matrix. */
static void
nn_summary(const float *x, int rows, int stride, int c0, int c1,
    float *mean, float *std, float *maxabs)
{
	double	 s = 0, ss = 0, mx = 0, m, n = (double)rows * (c1 - c0);
	int	 i, j;

	for (i = 0; i < rows; i++)
		for (j = c0; j < c1; j++) {
			s += x[(size_t)i * stride + j];
			ss += (double)x[(size_t)i * stride + j] *
			    x[(size_t)i * stride + j];
			if (fabs(x[(size_t)i * stride + j]) > mx)
				mx = fabs(x[(size_t)i * stride + j]);
		}
	m = s / n;
	*mean = (float)m;
	*std = (float)sqrt(ss / n - m * m > 0 ? ss / n - m * m : 0);
	*maxabs = (float)mx;
}

static double
nn_sumsq_cols(const float *x, int rows, int stride, int c0, int c1)
{
	double	 s = 0;
	int	 i, j;

	for (i = 0; i < rows; i++)
		for (j = c0; j < c1; j++)
			s += (double)x[(size_t)i * stride + j] *
			    x[(size_t)i * stride + j];
	return (s);
}

void
nn_layer_stats(const struct nn *nn, int i, struct nn_layer_stats *st)
{
	static const char *const hidden[NN_MAX_LAYERS] = { "hidden 1",
	    "hidden 2", "hidden 3", "hidden 4", "hidden 5", "hidden 6",
	    "hidden 7", "hidden 8" };
	const struct nn_layer	*L;
	int			 l, c0, c1;

	assert(i >= 0 && i < nn_layer_count(nn));
	l = i < nn->nlayers ? i : nn->nlayers - 1;
	L = &nn->layer[l];
	c0 = 0;
	c1 = L->nout;
	if (l < nn->nlayers - 1)
		st->name = hidden[l];
	else if (!nn->shape.dueling)
		st->name = "output";
	else if (i == nn->nlayers - 1) {
		st->name = "value";
		c1 = 1;
	} else {
		st->name = "advantage";
		c0 = 1;
	}
	st->nin = L->nin;
	st->nout = c1 - c0;
	nn_summary(L->w, L->nin, L->nout, c0, c1, &st->w_mean, &st->w_std,
	    &st->w_maxabs);
	nn_summary(L->b, 1, L->nout, c0, c1, &st->b_mean, &st->b_std,
	    &st->b_maxabs);
	st->grad_norm = (float)sqrt(nn_sumsq_cols(L->dw, L->nin, L->nout, c0,
	    c1) + nn_sumsq_cols(L->db, 1, L->nout, c0, c1));
}

const char *
nn_kernels(const struct nn *nn)
{
	return (nn->kern->name);
}

int
nn_set_kernels(struct nn *nn, const char *name)
{
	const struct nnk	*k = nnk_named(name);

	if (k == NULL)
		return (-1);
	nn->kern = k;
	return (0);
}
