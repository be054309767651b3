/*
 * The network's inner loops, in versions for several instruction sets:
 * the matrix product every layer is made of, the element-wise loops
 * around it, Adam's update and a sum of squares.  nn.c says what to
 * compute; these say how to do it fast.
 *
 * A version is compiled for AVX-512, one for AVX2 with FMA and one
 * portable (SSE2 on x86-64), each with its own vector width, from the
 * same source (nn-kernels-impl.h); the best one this CPU runs is chosen
 * at run time, so a plain build needs no -march.  The versions differ
 * only in rounding: FMA rounds a*b+c once, and a wider vector sums a
 * dot product in other partial sums.
 */
#ifndef QT_NN_KERNELS_H
#define QT_NN_KERNELS_H

#include <stddef.h>

/* Adam's numbers for one step (see nn_adam_step). */
struct nnk_adam {
	float	 beta1, beta2, eps;
	float	 c1, c2;	/* 1 - beta1, 1 - beta2, rounded from double */
	float	 step;		/* lr / (1 - beta1^t) */
	float	 rsqrt_bc2;	/* 1 / sqrt(1 - beta2^t) */
};

struct nnk {
	const char	*name;
	int		 vw;		/* floats in a vector */
	/*
	 * C += A B: C is m x n with rows ldc floats apart, B is k x n with
	 * rows ldb apart, and A(i, p) is a[i * ars + p * acs], so A can be
	 * a transposed view (ars 1, acs = row length).  The sum for each
	 * C(i, j) runs over p in order.  A, B and C must not overlap.
	 */
	void		(*gemm)(int m, int n, int k, const float *a, long ars,
			    long acs, const float *b, long ldb, float *c,
			    long ldc);
	/* Each of the m rows of y (m x n) set to b. */
	void		(*fill_rows)(float *y, const float *b, int m, int n);
	/* y = max(y, 0) over n numbers (NaN stays NaN). */
	void		(*relu)(float *y, size_t n);
	/* ReLU's derivative: dx = 0 wherever y <= 0, over n numbers. */
	void		(*relu_grad)(float *dx, const float *y, size_t n);
	/* db (n) += the m rows of d (m x n), in row order. */
	void		(*colsum)(float *db, const float *d, int m, int n);
	/* t (cols x rows) = s^T, s rows x cols; or += with add. */
	void		(*transpose)(float *t, const float *s, int rows,
			    int cols, int add);
	/* One Adam step over n parameters w with gradients g. */
	void		(*adam)(float *w, float *m, float *v, const float *g,
			    size_t n, const struct nnk_adam *);
	/* The sum of x[i]^2, in double. */
	double		(*sumsq)(const float *x, size_t n);
};

/* The fastest kernels this CPU can run. */
const struct nnk	*nnk_best(void);
/* The kernels of that name if this CPU can run them, else NULL. */
const struct nnk	*nnk_named(const char *);

#endif
