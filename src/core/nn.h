/*
 * A small neural network for DQN: fully connected layers with ReLU
 * between them, trained by backpropagation and Adam, in float32 as
 * PyTorch trains it.
 *
 * The network maps an observation x (nin numbers) to one Q-value per
 * action (nout numbers):
 *
 *	h_1 = relu(x W_1 + b_1)		W_1: nin x hidden[0]
 *	h_2 = relu(h_1 W_2 + b_2)	...
 *	q   = h_H W_o + b_o		W_o: hidden[H-1] x nout
 *
 * With dueling (Wang et al. 2016) the last layer has nout + 1 outputs
 * instead: output 0 is the state's value V(s), outputs 1..nout the
 * advantages A(s, a), and q_a = V + A_a - mean(A).
 *
 * A weight matrix is stored input-major, W[k][j] = w[k * nout + j] from
 * input k to output j (the transpose of PyTorch's nn.Linear.weight), so
 * that a layer is one matrix product whose inner loop runs along a row
 * of W.  All parameters sit in one flat array, layer after layer, each
 * layer's W then its b; the gradients and Adam's two moments mirror it,
 * so the optimiser is a single loop.
 *
 * Results are deterministic: the same seed and the same calls give the
 * same bits on a given machine.  The matrix products run on the widest
 * vector instructions the CPU has (AVX-512, AVX2 with FMA, or portable
 * code), chosen when the network is made or loaded; a fused
 * multiply-add rounds once where the portable code rounds twice, and
 * wider vectors sum the narrow output layer in other partial sums, so
 * machines with different instruction sets differ in the last bits.
 * A row's result never depends on the other rows of its batch.
 *
 * The file format (nn_save, nn_load), all integers unsigned 32-bit and
 * all numbers little-endian:
 *
 *	offset	size	field
 *	0	4	magic "QTNN"
 *	4	4	format version, 1
 *	8	4	nin, the inputs
 *	12	4	nout, the outputs (actions)
 *	16	4	dueling: 0 or 1
 *	20	4	H, the hidden layers (0 to 8)
 *	24	4H	their widths
 *	24+4H	4	P, the number of parameters
 *	28+4H	4P	the parameters, IEEE 754 float32, in the order above
 *	28+4H+4P 4	CRC-32 (as zlib's crc32()) of every byte before it
 *
 * and nothing after.  For the 4-64-64-2 network P is 4,610 and the file
 * 18,480 bytes.  Widths are from 1 to NN_MAX_WIDTH (nout + 1 with
 * dueling).
 */
#ifndef QT_NN_H
#define QT_NN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NN_MAX_LAYERS	8	/* hidden layers */
#define NN_MAX_WIDTH	1024	/* inputs, units or outputs of a layer */
#define NN_RNG_STREAM	0x6e6e	/* "nn": nn_new()'s stream of its seed */

enum nn_loss {
	NN_MSE,			/* mean of d^2 */
	NN_HUBER		/* mean of 0.5 d^2 if |d| < 1, else |d| - 0.5 */
};

struct nn_shape {
	int	 nin;			/* inputs (4 for CartPole) */
	int	 nhidden;		/* hidden layers (2) */
	int	 hidden[NN_MAX_LAYERS];	/* their widths (64, 64) */
	int	 nout;			/* outputs: one Q per action (2) */
	bool	 dueling;		/* V and A streams: Q = V + A - mean(A) */
};

struct nnk;

/* One layer: pointers into the network's flat arrays. */
struct nn_layer {
	int		 nin, nout;	/* nout counts V for a dueling head */
	float		*w, *b;		/* nin x nout, nout */
	float		*dw, *db;	/* their gradients */
	float		*out;		/* max_batch x nout: last forward's */
};

/* Public for views: read it, change it only through the functions. */
struct nn {
	struct nn_shape	 shape;
	int		 nlayers;	/* nhidden + 1 */
	int		 max_batch;
	int		 batch;		/* rows of the last nn_forward() */
	size_t		 nparams;
	float		*params;	/* nparams, layer after layer */
	float		*grads;		/* the same layout */
	struct nn_layer	 layer[NN_MAX_LAYERS + 1];
	float		*in;		/* max_batch x nin: last forward's x */
	float		*delta[2];	/* backward's dL/dY; nn_infer()'s Y */
	float		*wt;		/* backward: W transposed */
	const struct nnk *kern;		/* the matrix kernels in use */
	void		*mem;		/* the one allocation behind them */
};

/* Adam's state, as torch.optim.Adam keeps it. */
struct nn_adam {
	size_t		 n;
	float		 lr;
	double		 beta1, beta2, eps;	/* doubles, as Python's */
	long		 t;		/* steps taken */
	float		*m, *v;		/* first and second moments */
	void		*mem;
};

/* Summaries of one group of weights, for views. */
struct nn_layer_stats {
	const char	*name;		/* "hidden 1", "output", "value" */
	int		 nin, nout;
	float		 w_mean, w_std, w_maxabs;
	float		 b_mean, b_std, b_maxabs;
	float		 grad_norm;	/* L2 norm of its W and b gradients */
};

/* 0 if the shape is one nn_new() makes, else -1 with err. */
int		 nn_shape_check(const struct nn_shape *, char *err,
		     size_t errsz);
/* "4-64-64-2", with " dueling" after it for a dueling head. */
void		 nn_shape_string(const struct nn_shape *, char *buf,
		     size_t bufsz);
bool		 nn_shape_equal(const struct nn_shape *,
		     const struct nn_shape *);
size_t		 nn_shape_nparams(const struct nn_shape *);

/*
 * A network with PyTorch's default initialisation of nn.Linear: every
 * W and b of a layer uniform in [-1/sqrt(fan_in), 1/sqrt(fan_in)), drawn
 * layer by layer, W row by row then b, from rng stream NN_RNG_STREAM of
 * seed.  Batches of up to max_batch rows.  NULL if the shape is not
 * valid (see nn_shape_check) or max_batch < 1.
 */
struct nn	*nn_new(const struct nn_shape *, int max_batch, uint64_t seed);
void		 nn_free(struct nn *);
size_t		 nn_nparams(const struct nn *);
/* Parameters only (a hard target update); the shapes must be equal. */
void		 nn_copy(struct nn *dst, const struct nn *src);
/* dst = tau * src + (1 - tau) * dst, parameter by parameter. */
void		 nn_polyak(struct nn *dst, const struct nn *src, float tau);

/*
 * Forward a batch: x is batch x nin, row-major, q gets batch x nout;
 * 1 <= batch <= max_batch.  The network keeps its input and activations
 * for nn_backward(), so call one forward per backward; a second network
 * (the target) keeps its own.
 */
void		 nn_forward(struct nn *, const float *x, int batch, float *q);
/* Forward a batch like nn_forward(), with the same results, but keep
 * nothing: the last nn_forward() can still be backpropagated (Double
 * DQN's online pass on s' between the pass on s and backward). */
void		 nn_infer(struct nn *, const float *x, int batch, float *q);
/* Q for one input, without touching the batch scratch: the same bits
 * as the same row of nn_forward().  Threads may call it at once. */
void		 nn_predict(const struct nn *, const float *x, float *q);
void		 nn_zero_grad(struct nn *);
/* Backward from dL/dq (batch x nout) for the last nn_forward(), which
 * had this batch; ADDS into the gradients. */
void		 nn_backward(struct nn *, const float *dq, int batch);

/*
 * The loss over n predictions, and its gradient into dpred (unless
 * NULL).  MSE is mean((p - t)^2); Huber (delta 1, as
 * torch.nn.SmoothL1Loss and HuberLoss(delta=1)) the mean of 0.5 d^2 if
 * |d| < 1 else |d| - 0.5, d = p - t.  With weights (prioritized replay's
 * importance weights; may be NULL) each term is multiplied by its
 * weight; the mean is still over n.
 */
float		 nn_loss(enum nn_loss, const float *pred, const float *target,
		     const float *weights, int n, float *dpred);
/* The global L2 norm of all gradients. */
float		 nn_grad_norm(const struct nn *);
/* As torch.nn.utils.clip_grad_norm_: if the norm exceeds max_norm,
 * scale every gradient by max_norm / (norm + 1e-6). */
void		 nn_clip_grad(struct nn *, float max_norm);

/* Adam (Kingma and Ba 2015) with beta1 0.9, beta2 0.999, eps 1e-8 and
 * bias correction, as torch.optim.Adam. */
struct nn_adam	*nn_adam_new(const struct nn *, float lr);
void		 nn_adam_free(struct nn_adam *);
void		 nn_adam_step(struct nn *, struct nn_adam *);
void		 nn_adam_set_lr(struct nn_adam *, float lr);

/* Groups of weights: the layers, with a dueling head as two groups,
 * "value" and "advantage". */
int		 nn_layer_count(const struct nn *);
void		 nn_layer_stats(const struct nn *, int i,
		     struct nn_layer_stats *);

/* The matrix kernels in use: "avx512", "avx2" or "portable". */
const char	*nn_kernels(const struct nn *);
/* Use other kernels (for tests and benchmarks); -1 if there are none
 * of that name or this CPU cannot run them. */
int		 nn_set_kernels(struct nn *, const char *name);

/* Save to path (a temporary file renamed over it; a failure leaves the
 * old file as it was); -1 with "PATH: what" in err. */
int		 nn_save(const struct nn *, const char *path, char *err,
		     size_t errsz);
/* A network read from path, for batches of max_batch; NULL with "PATH:
 * what is wrong" if the file cannot be read, is damaged (magic,
 * version, size, checksum) or, with want, has another shape. */
struct nn	*nn_load(const char *path, const struct nn_shape *want,
		     int max_batch, char *err, size_t errsz);
/* CRC-32 (IEEE 802.3, zlib's): crc = nn_crc32(0, buf, len), and on. */
uint32_t	 nn_crc32(uint32_t crc, const void *, size_t);

#endif
