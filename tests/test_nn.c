/* The neural network: forward against a double-precision reference,
 * gradients against central differences for every parameter, losses
 * and Adam by hand, initialisation, a regression it must fit, target
 * updates, clipping, and the file format with every way to damage it.
 * Each check runs on every kernel set this CPU has. */
#include "testutil.h"

#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nn.h"
#include "rng.h"

static const char *const kernel_names[] = { "portable", "avx2", "avx512" };
#define NKERNELS	3

/* A network on kernels i, or NULL if this CPU cannot run them. */
static struct nn *
make_on(const struct nn_shape *s, int max_batch, uint64_t seed, int i)
{
	struct nn	*nn = nn_new(s, max_batch, seed);

	assert_non_null(nn);
	if (nn_set_kernels(nn, kernel_names[i]) != 0) {
		nn_free(nn);
		return (NULL);
	}
	return (nn);
}

static struct nn_shape
shape_of(int nin, int nhidden, const int *hidden, int nout, bool dueling)
{
	struct nn_shape	 s;
	int		 l;

	memset(&s, 0, sizeof s);
	s.nin = nin;
	s.nhidden = nhidden;
	for (l = 0; l < nhidden; l++)
		s.hidden[l] = hidden[l];
	s.nout = nout;
	s.dueling = dueling;
	return (s);
}

static void
random_floats(struct rng *r, float *x, int n, double lo, double hi)
{
	int	 i;

	for (i = 0; i < n; i++)
		x[i] = (float)(lo + (hi - lo) * rng_uniform(r));
}

/*
 * The network again, in double and by the book, from a parameter
 * vector laid out as nn.h says: per layer W (nin x nout, input-major)
 * then b; ReLU after hidden layers; a dueling head's output 0 is V.
 */
static void
ref_forward(const struct nn_shape *s, const double *theta, const double *x,
    double *q)
{
	double		 a[NN_MAX_WIDTH + 1], y[NN_MAX_WIDTH + 1], mean;
	const double	*p = theta;
	int		 l, i, j, nin = s->nin, nout;

	for (i = 0; i < nin; i++)
		a[i] = x[i];
	for (l = 0; l <= s->nhidden; l++) {
		nout = l < s->nhidden ? s->hidden[l] : s->nout + s->dueling;
		for (j = 0; j < nout; j++) {
			y[j] = p[nin * nout + j];
			for (i = 0; i < nin; i++)
				y[j] += a[i] * p[i * nout + j];
			if (l < s->nhidden && y[j] < 0)
				y[j] = 0;
		}
		p += nin * nout + nout;
		for (j = 0; j < nout; j++)
			a[j] = y[j];
		nin = nout;
	}
	if (!s->dueling) {
		for (j = 0; j < s->nout; j++)
			q[j] = a[j];
		return;
	}
	mean = 0;
	for (j = 0; j < s->nout; j++)
		mean += a[1 + j];
	mean /= s->nout;
	for (j = 0; j < s->nout; j++)
		q[j] = a[0] + a[1 + j] - mean;
}

/*
 * A loss problem: a batch of inputs, targets and weights.  With
 * gather, the loss is over one output per row (the action taken, as
 * DQN's), else over every output.
 */
struct problem {
	struct nn_shape	 s;
	enum nn_loss	 kind;
	int		 batch, gather;
	float		*x, *t, *w;	/* w may be NULL */
	int		*act;
};

static double
ref_loss(const struct problem *pb, const double *theta)
{
	double	 x[NN_MAX_WIDTH], q[NN_MAX_WIDTH], sum = 0, d, w;
	int	 b, j, i, n = 0, nout = pb->s.nout;

	for (b = 0; b < pb->batch; b++) {
		for (i = 0; i < pb->s.nin; i++)
			x[i] = pb->x[b * pb->s.nin + i];
		ref_forward(&pb->s, theta, x, q);
		for (j = 0; j < nout; j++) {
			if (pb->gather && j != pb->act[b])
				continue;
			d = q[j] - pb->t[b * nout + j];
			w = pb->w != NULL ? pb->w[b * nout + j] : 1;
			if (pb->kind == NN_MSE)
				sum += w * d * d;
			else
				sum += w * (fabs(d) < 1 ? 0.5 * d * d :
				    fabs(d) - 0.5);
			n++;
		}
	}
	return (sum / n);
}

/* The gradient backward gives for the problem, into grad (nparams). */
static void
nn_gradient(struct nn *nn, const struct problem *pb, float *grad)
{
	int	 nout = pb->s.nout, n = pb->batch * nout, b, m = 0;
	float	*q = calloc(n, sizeof *q), *dq = calloc(n, sizeof *dq);
	float	*p = calloc(n, sizeof *p), *t = calloc(n, sizeof *t);
	float	*w = calloc(n, sizeof *w), *dp = calloc(n, sizeof *dp);

	nn_forward(nn, pb->x, pb->batch, q);
	if (!pb->gather) {
		nn_loss(pb->kind, q, pb->t, pb->w, n, dq);
	} else {
		for (b = 0; b < pb->batch; b++, m++) {
			p[m] = q[b * nout + pb->act[b]];
			t[m] = pb->t[b * nout + pb->act[b]];
			w[m] = pb->w != NULL ? pb->w[b * nout + pb->act[b]] : 1;
		}
		nn_loss(pb->kind, p, t, w, m, dp);
		for (b = 0; b < pb->batch; b++)
			dq[b * nout + pb->act[b]] = dp[b];
	}
	nn_zero_grad(nn);
	nn_backward(nn, dq, pb->batch);
	memcpy(grad, nn->grads, nn->nparams * sizeof *grad);
	free(q);
	free(dq);
	free(p);
	free(t);
	free(w);
	free(dp);
}

/*
 * Targets a fixed distance from the network's outputs, alternately
 * 0.3 and 2.5 away, so that Huber sees both of its pieces.
 */
static void
problem_make(struct problem *pb, struct nn *nn, enum nn_loss kind,
    int batch, int gather, int weighted, struct rng *r)
{
	int	 nout = nn->shape.nout, i;
	float	*q;

	pb->s = nn->shape;
	pb->kind = kind;
	pb->batch = batch;
	pb->gather = gather;
	pb->x = calloc((size_t)batch * nn->shape.nin, sizeof *pb->x);
	pb->t = calloc((size_t)batch * nout, sizeof *pb->t);
	pb->w = weighted ? calloc((size_t)batch * nout, sizeof *pb->w) : NULL;
	pb->act = calloc(batch, sizeof *pb->act);
	q = calloc((size_t)batch * nout, sizeof *q);
	random_floats(r, pb->x, batch * nn->shape.nin, -2, 2);
	nn_forward(nn, pb->x, batch, q);
	for (i = 0; i < batch * nout; i++)
		pb->t[i] = q[i] + (i % 2 ? 0.3f : -2.5f) * (i % 3 ? 1 : -1);
	if (weighted)
		random_floats(r, pb->w, batch * nout, 0.25, 2);
	for (i = 0; i < batch; i++)
		pb->act[i] = (int)rng_below(r, (uint32_t)nout);
	free(q);
}

static void
problem_free(struct problem *pb)
{
	free(pb->x);
	free(pb->t);
	free(pb->w);
	free(pb->act);
}

/*
 * Every parameter's (or every stride-th's) gradient against central
 * differences of the double-precision loss, h = 1e-6: the reference is
 * exact to about 1e-9, so the tolerance only covers float arithmetic.
 */
static void
check_gradients(struct nn *nn, const struct problem *pb, size_t stride)
{
	size_t	 n = nn->nparams, i;
	double	*theta = calloc(n, sizeof *theta), save, lp, lm, fd;
	float	*g = calloc(n, sizeof *g);
	double	 h = 1e-6;

	assert_non_null(theta);
	nn_gradient(nn, pb, g);
	for (i = 0; i < n; i++)
		theta[i] = nn->params[i];
	for (i = 0; i < n; i += stride) {
		save = theta[i];
		theta[i] = save + h;
		lp = ref_loss(pb, theta);
		theta[i] = save - h;
		lm = ref_loss(pb, theta);
		theta[i] = save;
		fd = (lp - lm) / (2 * h);
		if (!(fabs(g[i] - fd) <= 2e-5 + 1e-4 * fabs(fd))) {
			print_error("%s: parameter %zu of %zu: backward %.9g, "
			    "differences %.9g\n", nn_kernels(nn), i, n,
			    (double)g[i], fd);
			fail();
		}
	}
	free(theta);
	free(g);
}

static void
gradients_for(const struct nn_shape *s, int batch, size_t stride)
{
	static const enum nn_loss	 kinds[2] = { NN_MSE, NN_HUBER };
	struct problem			 pb;
	struct rng			 r;
	struct nn			*nn;
	int				 k, kind, gather, weighted, tested = 0;

	for (k = 0; k < NKERNELS; k++) {
		if ((nn = make_on(s, batch, 11, k)) == NULL)
			continue;
		rng_seed(&r, 12, (uint64_t)k);
		for (kind = 0; kind < 2; kind++)
			for (gather = 0; gather < 2; gather++)
				for (weighted = 0; weighted < 2; weighted++) {
					problem_make(&pb, nn, kinds[kind],
					    batch, gather, weighted, &r);
					check_gradients(nn, &pb, stride);
					problem_free(&pb);
				}
		nn_free(nn);
		tested++;
	}
	assert_true(tested >= 1);
}

/* A small net, every parameter: 3-5-4-2, plain and dueling. */
static void
test_nn_gradients_small(void **state)
{
	static const int	 hidden[2] = { 5, 4 };
	struct nn_shape		 s = shape_of(3, 2, hidden, 2, false);

	(void)state;
	gradients_for(&s, 7, 1);
	s.dueling = true;
	gradients_for(&s, 7, 1);
}

/* Widths that take every kind of tile in every kernel set (full
 * panels, single vectors, narrow columns, odd rows): 6-70-33-3. */
static void
test_nn_gradients_wide(void **state)
{
	static const int	 hidden[2] = { 70, 33 };
	struct nn_shape		 s = shape_of(6, 2, hidden, 3, false);

	(void)state;
	gradients_for(&s, 13, 11);
	s.dueling = true;
	gradients_for(&s, 13, 11);
}

/* No hidden layer (linear Q) and three hidden layers. */
static void
test_nn_gradients_depths(void **state)
{
	static const int	 hidden[3] = { 9, 17, 8 };
	struct nn_shape		 s = shape_of(4, 0, hidden, 2, false);

	(void)state;
	gradients_for(&s, 5, 1);
	s = shape_of(4, 3, hidden, 2, true);
	gradients_for(&s, 5, 1);
}

/* Forward against the reference for batches of 1 to 67 rows. */
static void
test_nn_forward_reference(void **state)
{
	static const int	 hidden[2] = { 64, 64 }, hidden2[2] = { 70, 33 };
	struct nn_shape		 shapes[4];
	struct rng		 r;
	struct nn		*nn;
	double			*theta, x[8], qr[8];
	float			*xb, *q;
	int			 si, k, b, i, batch, j;

	(void)state;
	shapes[0] = shape_of(4, 2, hidden, 2, false);
	shapes[1] = shape_of(4, 2, hidden, 2, true);
	shapes[2] = shape_of(6, 2, hidden2, 3, false);
	shapes[3] = shape_of(6, 2, hidden2, 5, true);
	xb = calloc(67 * 6, sizeof *xb);
	q = calloc(67 * 5, sizeof *q);
	rng_seed(&r, 5, 0);
	for (si = 0; si < 4; si++)
		for (k = 0; k < NKERNELS; k++) {
			if ((nn = make_on(&shapes[si], 67, 3, k)) == NULL)
				continue;
			theta = calloc(nn->nparams, sizeof *theta);
			for (i = 0; i < (int)nn->nparams; i++)
				theta[i] = nn->params[i];
			for (batch = 1; batch <= 67; batch += 11) {
				random_floats(&r, xb, batch * nn->shape.nin,
				    -3, 3);
				nn_forward(nn, xb, batch, q);
				for (b = 0; b < batch; b++) {
					for (i = 0; i < nn->shape.nin; i++)
						x[i] = xb[b * nn->shape.nin + i];
					ref_forward(&nn->shape, theta, x, qr);
					for (j = 0; j < nn->shape.nout; j++)
						assert_near(q[b * nn->shape.nout +
						    j], qr[j], 1e-5 + 1e-5 *
						    fabs(qr[j]));
				}
			}
			free(theta);
			nn_free(nn);
		}
	free(xb);
	free(q);
}

/* nn_predict gives each row of nn_forward to the bit. */
static void
test_nn_predict_is_forward(void **state)
{
	static const int	 hidden[2] = { 64, 64 }, hidden2[2] = { 70, 33 };
	struct nn_shape		 shapes[3];
	struct rng		 r;
	struct nn		*nn;
	float			 xb[37 * 6], q[37 * 3], q1[3];
	int			 si, k, b;

	(void)state;
	shapes[0] = shape_of(4, 2, hidden, 2, false);
	shapes[1] = shape_of(4, 2, hidden, 2, true);
	shapes[2] = shape_of(6, 2, hidden2, 3, true);
	rng_seed(&r, 6, 0);
	for (si = 0; si < 3; si++)
		for (k = 0; k < NKERNELS; k++) {
			if ((nn = make_on(&shapes[si], 64, 8, k)) == NULL)
				continue;
			random_floats(&r, xb, 37 * nn->shape.nin, -2, 2);
			nn_forward(nn, xb, 37, q);
			for (b = 0; b < 37; b++) {
				nn_predict(nn, xb + b * nn->shape.nin, q1);
				assert_memory_equal(q1, q + b * nn->shape.nout,
				    nn->shape.nout * sizeof *q1);
			}
			nn_free(nn);
		}
}

/* nn_infer gives nn_forward's rows and leaves its activations: the
 * gradient after forward, infer, backward is the plain one. */
static void
test_nn_infer(void **state)
{
	static const int	 hidden[2] = { 64, 64 };
	struct nn_shape		 s = shape_of(4, 2, hidden, 2, true);
	struct nn		*nn;
	struct rng		 r;
	float			 x[16 * 4], x2[16 * 4], q[32], q2[32], qi[32];
	float			 t[32], dq[32], *g;
	int			 k;

	(void)state;
	rng_seed(&r, 7, 0);
	random_floats(&r, x, 64, -1, 1);
	random_floats(&r, x2, 64, -1, 1);
	random_floats(&r, t, 32, -1, 1);
	for (k = 0; k < NKERNELS; k++) {
		if ((nn = make_on(&s, 16, 4, k)) == NULL)
			continue;
		g = calloc(nn->nparams, sizeof *g);
		nn_forward(nn, x2, 16, q2);
		nn_forward(nn, x, 16, q);
		nn_loss(NN_MSE, q, t, NULL, 32, dq);
		nn_zero_grad(nn);
		nn_backward(nn, dq, 16);
		memcpy(g, nn->grads, nn->nparams * sizeof *g);
		nn_forward(nn, x, 16, q);
		nn_infer(nn, x2, 16, qi);
		assert_memory_equal(qi, q2, sizeof qi);
		nn_zero_grad(nn);
		nn_backward(nn, dq, 16);
		assert_memory_equal(g, nn->grads, nn->nparams * sizeof *g);
		free(g);
		nn_free(nn);
	}
}

/* The dueling head: the mean over actions of Q - V is 0. */
static void
test_nn_dueling_head(void **state)
{
	static const int	 hidden[1] = { 8 };
	struct nn_shape		 s = shape_of(3, 1, hidden, 4, true);
	struct nn		*nn = nn_new(&s, 1, 2);
	float			 x[3] = { 0.5f, -1, 2 }, q[4], *h, v, mean;
	int			 j;

	(void)state;
	assert_non_null(nn);
	nn_forward(nn, x, 1, q);
	h = nn->layer[1].out;
	v = h[0];
	mean = (h[1] + h[2] + h[3] + h[4]) / 4;
	for (j = 0; j < 4; j++)
		assert_near(q[j], v + h[1 + j] - mean, 1e-6);
	assert_near((q[0] + q[1] + q[2] + q[3]) / 4, v, 1e-6);
	nn_free(nn);
}

static void
test_nn_loss_by_hand(void **state)
{
	float	 p[4] = { 1, 2, 3, 0 }, t[4] = { 0, 2, 5, 0 }, d[4];
	float	 hp[4] = { 0.5f, -3, 1, 0 }, ht[4] = { 0, 0, 0, 0 };
	float	 w[4] = { 2, 0.5f, 1, 3 };

	(void)state;
	/* d = (1, 0, -2): mean(1, 0, 4) = 5/3; 2d/n. */
	assert_near(nn_loss(NN_MSE, p, t, NULL, 3, d), 5.0 / 3, 1e-6);
	assert_near(d[0], 2.0 / 3, 1e-7);
	assert_near(d[1], 0, 0);
	assert_near(d[2], -4.0 / 3, 1e-7);
	assert_near(nn_loss(NN_MSE, p, t, NULL, 3, NULL), 5.0 / 3, 1e-6);
	/* d = (0.5, -3, 1, 0): 0.125, 2.5, 0.5 (|d| = 1 is linear), 0. */
	assert_near(nn_loss(NN_HUBER, hp, ht, NULL, 4, d), 3.125 / 4, 1e-7);
	assert_near(d[0], 0.5 / 4, 1e-8);
	assert_near(d[1], -1.0 / 4, 1e-8);
	assert_near(d[2], 1.0 / 4, 1e-8);
	assert_near(d[3], 0, 0);
	/* Weighted: (0.25 + 1.25 + 0.5 + 0) / 4; gradients w g / n. */
	assert_near(nn_loss(NN_HUBER, hp, ht, w, 4, d), 0.5, 1e-7);
	assert_near(d[0], 0.25, 1e-8);
	assert_near(d[1], -0.125, 1e-8);
	assert_near(d[2], 0.25, 1e-8);
	/* MSE weighted: (2 * 1 + 0 + 1 * 4) / 3 = 2. */
	assert_near(nn_loss(NN_MSE, p, t, w, 3, d), 2, 1e-6);
	assert_near(d[0], 2 * 2.0 / 3, 1e-6);
	assert_near(d[2], 1 * -4.0 / 3, 1e-6);
}

/*
 * Adam on a linear 1-1 network (a weight and a bias), two steps by
 * hand with lr 0.1.  Weight: w0 1, gradients 0.5 then -1.5:
 *	t 1: m = 0.05, v = 0.00025, w = 1 - 0.1/0.1 * 0.05 /
 *	     (sqrt(0.00025)/sqrt(0.001) + 1e-8) = 0.900000002
 *	t 2: m = 0.045 - 0.15 = -0.105, v = 0.00024975 + 0.00225,
 *	     w = 0.9 - 0.1/0.19 * m / (sqrt(v / 0.001999) + 1e-8)
 *	       = 0.94941898...
 * Bias: b0 -0.25, gradients -2 then 0: -0.1500000005, -0.0829941755.
 */
static void
test_nn_adam_by_hand(void **state)
{
	struct nn_shape	 s = shape_of(1, 0, NULL, 1, false);
	struct nn	*nn;
	struct nn_adam	*a;
	int		 k;

	(void)state;
	for (k = 0; k < NKERNELS; k++) {
		if ((nn = make_on(&s, 1, 1, k)) == NULL)
			continue;
		assert_int_equal(nn_nparams(nn), 2);
		a = nn_adam_new(nn, 0.1f);
		assert_near(a->beta1, 0.9, 1e-7);
		assert_near(a->beta2, 0.999, 1e-7);
		assert_near(a->eps, 1e-8, 1e-15);
		nn->params[0] = 1;
		nn->params[1] = -0.25f;
		nn->grads[0] = 0.5f;
		nn->grads[1] = -2;
		nn_adam_step(nn, a);
		assert_near(nn->params[0], 0.900000002, 1e-7);
		assert_near(nn->params[1], -0.1500000005, 1e-7);
		assert_near(a->m[0], 0.05, 1e-8);
		assert_near(a->v[0], 0.00025, 1e-10);
		nn->grads[0] = -1.5f;
		nn->grads[1] = 0;
		nn_adam_step(nn, a);
		assert_int_equal(a->t, 2);
		assert_near(nn->params[0], 0.9494189848877799, 2e-7);
		assert_near(nn->params[1], -0.08299417556026742, 2e-7);
		/* A new rate takes effect at the next step: the update
		 * scales with it. */
		nn_adam_set_lr(a, 0);
		nn_adam_step(nn, a);
		assert_near(nn->params[0], 0.9494189848877799, 2e-7);
		nn_adam_free(a);
		nn_free(nn);
	}
}

/* Within +-1/sqrt(fan_in), centred, spread as a uniform; the same seed
 * gives the same bits, another seed others. */
static void
test_nn_init(void **state)
{
	static const int	 hidden[2] = { 64, 64 };
	struct nn_shape		 s = shape_of(4, 2, hidden, 2, false);
	struct nn		*a = nn_new(&s, 8, 42), *b = nn_new(&s, 8, 42);
	struct nn		*c = nn_new(&s, 8, 43);
	struct nn_layer		*L;
	double			 bound, sum, ss, n;
	size_t			 i, cnt;
	float			 maxabs;
	int			 l;

	(void)state;
	assert_int_equal(nn_nparams(a), 4610);
	for (l = 0; l < a->nlayers; l++) {
		L = &a->layer[l];
		bound = 1 / sqrt((double)L->nin);
		cnt = (size_t)L->nin * L->nout + L->nout;
		sum = ss = 0;
		maxabs = 0;
		for (i = 0; i < cnt; i++) {
			assert_true(fabsf(L->w[i]) <= (float)bound);
			sum += L->w[i];
			ss += (double)L->w[i] * L->w[i];
			if (fabsf(L->w[i]) > maxabs)
				maxabs = fabsf(L->w[i]);
		}
		n = (double)cnt;
		/* Mean within 4 standard errors of 0; the variance of
		 * U(-c, c) is c^2 / 3. */
		assert_true(fabs(sum / n) < 4 * bound / sqrt(3 * n));
		assert_near(ss / n, bound * bound / 3, 0.25 * bound * bound / 3);
		assert_true(maxabs > 0.9 * bound);
	}
	assert_memory_equal(a->params, b->params, a->nparams * sizeof(float));
	assert_true(memcmp(a->params, c->params, a->nparams *
	    sizeof(float)) != 0);
	nn_free(a);
	nn_free(b);
	nn_free(c);
}

/* Same seed, same data, same kernels: the same bits after training. */
static void
test_nn_deterministic(void **state)
{
	static const int	 hidden[2] = { 64, 64 };
	struct nn_shape		 s = shape_of(4, 2, hidden, 2, true);
	struct nn		*nn[2];
	struct nn_adam		*ad[2];
	struct rng		 r;
	float			 x[32 * 4], q[32 * 2], t[32 * 2], dq[32 * 2];
	int			 i, step;

	(void)state;
	for (i = 0; i < 2; i++) {
		nn[i] = nn_new(&s, 32, 9);
		ad[i] = nn_adam_new(nn[i], 1e-3f);
		rng_seed(&r, 10, 0);
		for (step = 0; step < 20; step++) {
			random_floats(&r, x, 32 * 4, -1, 1);
			random_floats(&r, t, 32 * 2, -1, 1);
			nn_forward(nn[i], x, 32, q);
			nn_loss(NN_HUBER, q, t, NULL, 64, dq);
			nn_zero_grad(nn[i]);
			nn_backward(nn[i], dq, 32);
			nn_clip_grad(nn[i], 0.1f);
			nn_adam_step(nn[i], ad[i]);
		}
	}
	assert_memory_equal(nn[0]->params, nn[1]->params,
	    nn[0]->nparams * sizeof(float));
	assert_memory_equal(ad[0]->v, ad[1]->v, nn[0]->nparams * sizeof(float));
	for (i = 0; i < 2; i++) {
		nn_adam_free(ad[i]);
		nn_free(nn[i]);
	}
}

/* Backward adds: twice the same batch is twice the gradient; zero_grad
 * clears. */
static void
test_nn_backward_accumulates(void **state)
{
	static const int	 hidden[2] = { 16, 16 };
	struct nn_shape		 s = shape_of(4, 2, hidden, 2, false);
	struct nn		*nn = nn_new(&s, 8, 3);
	struct rng		 r;
	float			 x[8 * 4], q[16], t[16], dq[16], *g1;
	size_t			 i;

	(void)state;
	rng_seed(&r, 4, 0);
	random_floats(&r, x, 32, -1, 1);
	random_floats(&r, t, 16, -1, 1);
	g1 = calloc(nn->nparams, sizeof *g1);
	nn_forward(nn, x, 8, q);
	nn_loss(NN_MSE, q, t, NULL, 16, dq);
	nn_zero_grad(nn);
	nn_backward(nn, dq, 8);
	memcpy(g1, nn->grads, nn->nparams * sizeof *g1);
	nn_backward(nn, dq, 8);
	for (i = 0; i < nn->nparams; i++)
		assert_near(nn->grads[i], 2 * g1[i], 1e-5 * fabsf(g1[i]) +
		    1e-12);
	assert_true(nn_grad_norm(nn) > 0);
	nn_zero_grad(nn);
	assert_near(nn_grad_norm(nn), 0, 0);
	free(g1);
	nn_free(nn);
}

/*
 * y = sin(x) on [-3, 3] with a 1-32-32-1 network, Adam lr 1e-2, batches
 * of 64: 3,000 steps bring the mean squared error on a grid below 1e-3
 * (about 2e-5 here; a straight line gets 0.2).
 */
static void
test_nn_fit_sine(void **state)
{
	static const int	 hidden[2] = { 32, 32 };
	struct nn_shape		 s = shape_of(1, 2, hidden, 1, false);
	struct nn		*nn = nn_new(&s, 64, 1);
	struct nn_adam		*a = nn_adam_new(nn, 1e-2f);
	struct rng		 r;
	float			 x[64], y[64], q[64], dq[64], xg[1], qg[1];
	double			 mse = 0;
	int			 step, i;

	(void)state;
	rng_seed(&r, 2, 0);
	for (step = 0; step < 3000; step++) {
		random_floats(&r, x, 64, -3, 3);
		for (i = 0; i < 64; i++)
			y[i] = sinf(x[i]);
		nn_forward(nn, x, 64, q);
		nn_loss(NN_MSE, q, y, NULL, 64, dq);
		nn_zero_grad(nn);
		nn_backward(nn, dq, 64);
		nn_adam_step(nn, a);
	}
	for (i = 0; i <= 200; i++) {
		xg[0] = -3 + 6 * i / 200.0f;
		nn_predict(nn, xg, qg);
		mse += (qg[0] - sin(xg[0])) * (qg[0] - sin(xg[0]));
	}
	mse /= 201;
	assert_true(mse < 1e-3);
	nn_adam_free(a);
	nn_free(nn);
}

/* Copy and Polyak averaging by hand: 0.25 * 1 + 0.75 * 3 = 2.5. */
static void
test_nn_copy_polyak(void **state)
{
	static const int	 hidden[2] = { 8, 8 };
	struct nn_shape		 s = shape_of(4, 2, hidden, 2, false);
	struct nn		*a = nn_new(&s, 4, 1), *b = nn_new(&s, 4, 2);
	size_t			 i;

	(void)state;
	nn_copy(b, a);
	assert_memory_equal(a->params, b->params, a->nparams * sizeof(float));
	for (i = 0; i < a->nparams; i++) {
		a->params[i] = 1;
		b->params[i] = 3;
	}
	nn_polyak(b, a, 0.25f);
	for (i = 0; i < a->nparams; i++)
		assert_true(b->params[i] == 2.5f);
	for (i = 0; i < a->nparams; i++)
		assert_true(a->params[i] == 1);
	nn_polyak(b, a, 0);
	assert_true(b->params[7] == 2.5f);
	nn_polyak(b, a, 1);
	assert_memory_equal(a->params, b->params, a->nparams * sizeof(float));
	nn_free(a);
	nn_free(b);
}

/* The norm by hand (3-4-5), and clipping to max_norm, direction kept;
 * below max_norm nothing changes. */
static void
test_nn_clip_grad(void **state)
{
	static const int	 hidden[2] = { 64, 64 };
	struct nn_shape		 s = shape_of(4, 2, hidden, 2, false);
	struct nn		*nn = nn_new(&s, 4, 1);
	float			*g0;
	size_t			 i;

	(void)state;
	nn_zero_grad(nn);
	nn->grads[5] = 3;
	nn->grads[4609] = -4;
	assert_near(nn_grad_norm(nn), 5, 1e-6);
	nn_clip_grad(nn, 1);
	assert_near(nn_grad_norm(nn), 1, 1e-6);
	assert_near(nn->grads[5], 0.6, 1e-6);
	assert_near(nn->grads[4609], -0.8, 1e-6);

	g0 = calloc(nn->nparams, sizeof *g0);
	for (i = 0; i < nn->nparams; i++)
		nn->grads[i] = (float)((int)(i % 7) - 3) * 0.5f;
	memcpy(g0, nn->grads, nn->nparams * sizeof *g0);
	nn_clip_grad(nn, 1e6f);
	assert_memory_equal(g0, nn->grads, nn->nparams * sizeof *g0);
	nn_clip_grad(nn, 10);
	assert_near(nn_grad_norm(nn), 10, 1e-4);
	for (i = 1; i < nn->nparams; i++)
		if (g0[i] != 0)
			assert_near(nn->grads[i] / g0[i], nn->grads[1] / g0[1],
			    1e-6);
	free(g0);
	nn_free(nn);
}

/* Shapes: the checks, the count, the name. */
static void
test_nn_shapes(void **state)
{
	static const int	 hidden[2] = { 64, 64 };
	struct nn_shape		 s = shape_of(4, 2, hidden, 2, false), t;
	char			 err[128], buf[64];

	(void)state;
	assert_int_equal(nn_shape_check(&s, err, sizeof err), 0);
	assert_int_equal(nn_shape_nparams(&s), 4 * 64 + 64 + 64 * 64 + 64 +
	    64 * 2 + 2);
	nn_shape_string(&s, buf, sizeof buf);
	assert_string_equal(buf, "4-64-64-2");
	s.dueling = true;
	nn_shape_string(&s, buf, sizeof buf);
	assert_string_equal(buf, "4-64-64-2 dueling");
	assert_int_equal(nn_shape_nparams(&s), 4610 + 65);
	t = s;
	t.hidden[5] = 99;	/* unused */
	assert_true(nn_shape_equal(&s, &t));
	t.hidden[1] = 32;
	assert_false(nn_shape_equal(&s, &t));

	t = s;
	t.nin = 0;
	assert_int_equal(nn_shape_check(&t, err, sizeof err), -1);
	assert_string_equal(err, "inputs: 0 not from 1 to 1024");
	assert_null(nn_new(&t, 4, 1));
	t = s;
	t.hidden[1] = 2000;
	assert_int_equal(nn_shape_check(&t, err, sizeof err), -1);
	assert_string_equal(err, "hidden layer 2: 2000 units, not from 1 to "
	    "1024");
	t = s;
	t.nhidden = 9;
	assert_int_equal(nn_shape_check(&t, err, sizeof err), -1);
	t = s;
	t.nout = 1024;
	assert_int_equal(nn_shape_check(&t, err, sizeof err), -1);
	assert_string_equal(err, "outputs: 1024 not from 1 to 1023");
	assert_null(nn_new(&s, 0, 1));
}

/* Stats of each group: a dueling head splits into value and advantage. */
static void
test_nn_layer_stats(void **state)
{
	static const int	 hidden[1] = { 2 };
	struct nn_shape		 s = shape_of(2, 1, hidden, 2, true);
	struct nn		*nn = nn_new(&s, 1, 1);
	struct nn_layer_stats	 st;
	/* Layer 0: W 2x2, b 2; head: W 2x3 (V, A1, A2), b 3. */
	static const float	 p[] = { 1, -1, 3, -3, 0.5f, 0.5f,
	    2, 1, -1, 4, 3, -3, 10, 0, 1 };

	(void)state;
	assert_int_equal(nn->nparams, 15);
	memcpy(nn->params, p, sizeof p);
	nn_zero_grad(nn);
	nn->grads[6] = 3;	/* head W[0][0]: value */
	nn->grads[10] = 4;	/* head W[1][1]: advantage */
	assert_int_equal(nn_layer_count(nn), 3);
	nn_layer_stats(nn, 0, &st);
	assert_string_equal(st.name, "hidden 1");
	assert_near(st.w_mean, 0, 1e-7);
	assert_near(st.w_std, sqrt(5), 1e-6);
	assert_near(st.w_maxabs, 3, 0);
	assert_near(st.b_mean, 0.5, 0);
	assert_near(st.b_std, 0, 0);
	nn_layer_stats(nn, 1, &st);
	assert_string_equal(st.name, "value");
	assert_int_equal(st.nout, 1);
	assert_near(st.w_mean, 3, 1e-7);	/* 2 and 4 */
	assert_near(st.w_std, 1, 1e-6);
	assert_near(st.b_maxabs, 10, 0);
	assert_near(st.grad_norm, 3, 1e-6);
	nn_layer_stats(nn, 2, &st);
	assert_string_equal(st.name, "advantage");
	assert_int_equal(st.nout, 2);
	assert_near(st.w_mean, 0, 1e-7);	/* 1, -1, 3, -3 */
	assert_near(st.w_maxabs, 3, 0);
	assert_near(st.b_mean, 0.5, 1e-7);
	assert_near(st.grad_norm, 4, 1e-6);
	nn_free(nn);
}

static void
test_nn_kernels(void **state)
{
	static const int	 hidden[1] = { 4 };
	struct nn_shape		 s = shape_of(2, 1, hidden, 2, false);
	struct nn		*nn = nn_new(&s, 1, 1);
	const char		*best = nn_kernels(nn);

	(void)state;
	assert_true(strcmp(best, "portable") == 0 || strcmp(best, "avx2") ==
	    0 || strcmp(best, "avx512") == 0);
	assert_int_equal(nn_set_kernels(nn, "portable"), 0);
	assert_string_equal(nn_kernels(nn), "portable");
	assert_int_equal(nn_set_kernels(nn, "sse9"), -1);
	assert_string_equal(nn_kernels(nn), "portable");
	assert_int_equal(nn_set_kernels(nn, best), 0);
	nn_free(nn);
}

/* A file of its own in the build tree for each test. */
static const char *
tmp_path(const char *name)
{
	static char	 path[4096];

	snprintf(path, sizeof path, "%s/tests/test_nn.%ld.%s", TOP_BUILDDIR,
	    (long)getpid(), name);
	return (path);
}

static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE		*f = fopen(path, "rb");
	unsigned char	*buf = malloc(1 << 20);

	assert_non_null(f);
	*len = fread(buf, 1, 1 << 20, f);
	fclose(f);
	return (buf);
}

static void
spit(const char *path, const unsigned char *buf, size_t len)
{
	FILE	*f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(buf, 1, len, f), len);
	fclose(f);
}

static void
put32(unsigned char *p, uint32_t x)
{
	p[0] = (unsigned char)x;
	p[1] = (unsigned char)(x >> 8);
	p[2] = (unsigned char)(x >> 16);
	p[3] = (unsigned char)(x >> 24);
}

static void
test_nn_crc32(void **state)
{
	(void)state;
	/* The CRC-32 check value. */
	assert_int_equal(nn_crc32(0, "123456789", 9), 0xcbf43926);
	assert_int_equal(nn_crc32(nn_crc32(0, "1234", 4), "56789", 5),
	    0xcbf43926);
	assert_int_equal(nn_crc32(0, "", 0), 0);
}

/* Save and load: the same shape, the same bits, the documented bytes. */
static void
test_nn_save_load(void **state)
{
	static const int	 hidden[2] = { 64, 64 };
	struct nn_shape		 s = shape_of(4, 2, hidden, 2, false);
	struct nn		*a = nn_new(&s, 8, 77), *b;
	unsigned char		*buf;
	char			 path[4096], err[512];
	float			 x[4] = { 0.1f, -0.2f, 0.3f, 0.01f }, qa[2], qb[2];
	uint32_t		 bits;
	size_t			 len;

	(void)state;
	snprintf(path, sizeof path, "%s", tmp_path("ok"));
	assert_int_equal(nn_save(a, path, err, sizeof err), 0);
	buf = slurp(path, &len);
	assert_int_equal(len, 18480);
	assert_memory_equal(buf, "QTNN\1\0\0\0\4\0\0\0\2\0\0\0\0\0\0\0\2\0\0\0"
	    "\100\0\0\0\100\0\0\0\002\022\0\0", 36);	/* 4610 = 0x1202 */
	memcpy(&bits, &a->params[0], 4);
	assert_int_equal(buf[36] | buf[37] << 8 | buf[38] << 16 |
	    (uint32_t)buf[39] << 24, bits);
	assert_int_equal(buf[len - 4] | buf[len - 3] << 8 | buf[len - 2] <<
	    16 | (uint32_t)buf[len - 1] << 24, nn_crc32(0, buf, len - 4));
	free(buf);

	b = nn_load(path, &s, 16, err, sizeof err);
	if (b == NULL)
		print_error("%s\n", err);
	assert_non_null(b);
	assert_true(nn_shape_equal(&a->shape, &b->shape));
	assert_int_equal(b->max_batch, 16);
	assert_memory_equal(a->params, b->params, a->nparams * sizeof(float));
	nn_predict(a, x, qa);
	nn_predict(b, x, qb);
	assert_memory_equal(qa, qb, sizeof qa);
	nn_free(b);
	/* Without a wanted shape, whatever is in the file. */
	b = nn_load(path, NULL, 1, err, sizeof err);
	assert_non_null(b);
	assert_true(nn_shape_equal(&a->shape, &b->shape));
	nn_free(b);

	/* Dueling and no hidden layers make it through too. */
	nn_free(a);
	s = shape_of(3, 0, NULL, 5, true);
	a = nn_new(&s, 1, 5);
	assert_int_equal(nn_save(a, path, err, sizeof err), 0);
	b = nn_load(path, &s, 1, err, sizeof err);
	assert_non_null(b);
	assert_memory_equal(a->params, b->params, a->nparams * sizeof(float));
	nn_free(b);
	nn_free(a);
	unlink(path);
}

/* Load a damaged copy: refused, with the file's name and the reason. */
static void
refused(const unsigned char *buf, size_t len, const struct nn_shape *want,
    const char *why)
{
	const char	*path = tmp_path("bad");
	char		 err[512];
	struct nn	*nn;

	spit(path, buf, len);
	err[0] = '\0';
	nn = nn_load(path, want, 4, err, sizeof err);
	if (nn != NULL || strstr(err, path) == NULL || strstr(err, why) ==
	    NULL) {
		print_error("expected \"%s\", got \"%s\"\n", why, err);
		fail();
	}
	unlink(path);
}

static void
test_nn_load_refuses(void **state)
{
	static const int	 hidden[2] = { 64, 64 }, other[1] = { 32 };
	struct nn_shape		 s = shape_of(4, 2, hidden, 2, false), w;
	struct nn		*a = nn_new(&s, 8, 7);
	unsigned char		*buf, *copy;
	char			 path[4096], err[512];
	size_t			 len;

	(void)state;
	/* A copy: refused() takes a path of its own. */
	snprintf(path, sizeof path, "%s", tmp_path("src"));
	assert_int_equal(nn_save(a, path, err, sizeof err), 0);
	buf = slurp(path, &len);
	copy = malloc(len + 8);

	memcpy(copy, buf, len);
	copy[36 + 4 * 1000 + 2] ^= 0x10;	/* a parameter */
	refused(copy, len, &s, "checksum mismatch");
	memcpy(copy, buf, len);
	copy[len - 1] ^= 1;			/* the checksum itself */
	refused(copy, len, &s, "checksum mismatch");
	refused(buf, len - 10, &s, "truncated");
	refused(buf, 20, &s, "truncated");
	refused(buf, 0, &s, "truncated");
	memcpy(copy, buf, len);
	memset(copy + len, 0, 8);
	refused(copy, len + 8, &s, "8 bytes after the end");
	memcpy(copy, buf, len);
	copy[0] = 'X';
	refused(copy, len, &s, "not a qtutor network");
	refused((const unsigned char *)"hello, world\n", 13, &s,
	    "not a qtutor network");
	/* Version 2, with a checksum that fits: the version is refused. */
	memcpy(copy, buf, len);
	put32(copy + 4, 2);
	put32(copy + len - 4, nn_crc32(0, copy, len - 4));
	refused(copy, len, &s, "format version 2");
	/* A parameter count the shape does not give. */
	memcpy(copy, buf, len);
	put32(copy + 32, 4611);
	put32(copy + len - 4, nn_crc32(0, copy, len - 4));
	refused(copy, len, &s, "4611 parameters");
	/* Widths out of range. */
	memcpy(copy, buf, len);
	put32(copy + 24, 0);
	refused(copy, len, &s, "damaged header");
	/* An intact file of another shape. */
	w = shape_of(4, 1, other, 2, false);
	refused(buf, len, &w, "the network is 4-64-64-2, not 4-32-2");
	w = s;
	w.dueling = true;
	refused(buf, len, &w, "not 4-64-64-2 dueling");
	/* A missing file. */
	assert_null(nn_load(tmp_path("missing"), &s, 4, err, sizeof err));
	assert_non_null(strstr(err, tmp_path("missing")));

	free(buf);
	free(copy);
	unlink(path);
	nn_free(a);
}

/* A save that fails leaves the old file as it was: the temporary
 * file's name is taken by a directory, so it cannot be created. */
static void
test_nn_save_failure_keeps_old(void **state)
{
	static const int	 hidden[1] = { 8 };
	struct nn_shape		 s = shape_of(2, 1, hidden, 2, false);
	struct nn		*a = nn_new(&s, 1, 1), *b = nn_new(&s, 1, 2);
	struct nn		*c;
	char			 path[4096], tmp[4200], err[512];

	(void)state;
	snprintf(path, sizeof path, "%s", tmp_path("keep"));
	assert_int_equal(nn_save(a, path, err, sizeof err), 0);
	snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
	assert_int_equal(mkdir(tmp, 0700), 0);
	assert_int_equal(nn_save(b, path, err, sizeof err), -1);
	assert_non_null(strstr(err, path));
	rmdir(tmp);
	c = nn_load(path, &s, 1, err, sizeof err);
	assert_non_null(c);
	assert_memory_equal(a->params, c->params, a->nparams * sizeof(float));
	unlink(path);
	nn_free(a);
	nn_free(b);
	nn_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nn_shapes),
		cmocka_unit_test(test_nn_init),
		cmocka_unit_test(test_nn_kernels),
		cmocka_unit_test(test_nn_forward_reference),
		cmocka_unit_test(test_nn_predict_is_forward),
		cmocka_unit_test(test_nn_infer),
		cmocka_unit_test(test_nn_dueling_head),
		cmocka_unit_test(test_nn_loss_by_hand),
		cmocka_unit_test(test_nn_gradients_small),
		cmocka_unit_test(test_nn_gradients_wide),
		cmocka_unit_test(test_nn_gradients_depths),
		cmocka_unit_test(test_nn_backward_accumulates),
		cmocka_unit_test(test_nn_adam_by_hand),
		cmocka_unit_test(test_nn_deterministic),
		cmocka_unit_test(test_nn_fit_sine),
		cmocka_unit_test(test_nn_copy_polyak),
		cmocka_unit_test(test_nn_clip_grad),
		cmocka_unit_test(test_nn_layer_stats),
		cmocka_unit_test(test_nn_crc32),
		cmocka_unit_test(test_nn_save_load),
		cmocka_unit_test(test_nn_load_refuses),
		cmocka_unit_test(test_nn_save_failure_keeps_old),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
