/* Least squares per action on (standardised) state features. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linreg.h"
#include "xmalloc.h"

/*
 * A pivot this small against its diagonal means the features are
 * linearly dependent, to rounding: the weights would be noise.
 */
#define LINREG_PIVOT_MIN	1e-13

struct linreg {
	long		 n, nq;
	int		 d, nactions, poly, p;
	double		*x;		/* n x d */
	int		*a;
	double		*xq;		/* nq x d */
	double		*mean, *scale;	/* z = (s - mean) * scale */
	double		*chol;		/* per action: p x p */
	double		*w;		/* per action: p weights */
	double		*b;		/* per action: Phi^T y */
};

int
linreg_features(int d, int poly)
{
	return (1 + d + (poly ? d * (d + 1) / 2 : 0));
}

static void
linreg_phi(const struct linreg *lr, const double *s, double *phi)
{
	double	 z[16];
	int	 i, j, m = 0;

	for (i = 0; i < lr->d; i++)
		z[i] = (s[i] - lr->mean[i]) * lr->scale[i];
	phi[m++] = 1;
	for (i = 0; i < lr->d; i++)
		phi[m++] = z[i];
	if (lr->poly)
		for (i = 0; i < lr->d; i++)
			for (j = i; j < lr->d; j++)
				phi[m++] = z[i] * z[j];
}

static double
linreg_dot(const double *u, const double *v, int p)
{
	double	 sum = 0;
	int	 i;

	for (i = 0; i < p; i++)
		sum += u[i] * v[i];
	return (sum);
}

/* The standardisation: the mean and the inverse spread of each number
 * of state over the training inputs (1 for a constant one). */
static void
linreg_standardise(struct linreg *lr)
{
	double	 m, v, diff;
	long	 i;
	int	 f;

	for (f = 0; f < lr->d; f++) {
		m = 0;
		for (i = 0; i < lr->n; i++)
			m += lr->x[i * lr->d + f];
		m /= (double)lr->n;
		v = 0;
		for (i = 0; i < lr->n; i++) {
			diff = lr->x[i * lr->d + f] - m;
			v += diff * diff;
		}
		v = sqrt(v / (double)lr->n);
		lr->mean[f] = m;
		lr->scale[f] = v > 0 ? 1 / v : 1;
	}
}

/* Factor G = L L^T in place (the lower triangle); -1 if a pivot is not
 * clearly positive. */
static int
linreg_cholesky(double *g, int p)
{
	double	 sum;
	int	 i, j, m;

	for (j = 0; j < p; j++) {
		sum = g[j * p + j];
		for (m = 0; m < j; m++)
			sum -= g[j * p + m] * g[j * p + m];
		if (!(sum > LINREG_PIVOT_MIN * g[j * p + j]))
			return (-1);
		g[j * p + j] = sqrt(sum);
		for (i = j + 1; i < p; i++) {
			sum = g[i * p + j];
			for (m = 0; m < j; m++)
				sum -= g[i * p + m] * g[j * p + m];
			g[i * p + j] = sum / g[j * p + j];
		}
	}
	return (0);
}

/* The Gram matrices Phi_a^T Phi_a + ridge I', factored. */
static int
linreg_factor(struct linreg *lr, double ridge, char *err, size_t errsz)
{
	const char	*name = lr->poly ? "poly" : "linear";
	double		 phi[256], *g;
	long		*count, i;
	int		 p = lr->p, r, c, act;

	count = xcalloc((size_t)lr->nactions, sizeof *count);
	for (i = 0; i < lr->n; i++) {
		g = lr->chol + (size_t)lr->a[i] * p * p;
		linreg_phi(lr, lr->x + i * lr->d, phi);
		for (r = 0; r < p; r++)
			for (c = 0; c <= r; c++)
				g[r * p + c] += phi[r] * phi[c];
		count[lr->a[i]]++;
	}
	for (act = 0; act < lr->nactions; act++) {
		g = lr->chol + (size_t)act * p * p;
		for (r = 1; r < p; r++)
			g[r * p + r] += ridge;
		if (count[act] < p) {
			snprintf(err, errsz, "%s: action %d has %ld training "
			    "inputs, fewer than the %d features", name, act,
			    count[act], p);
			free(count);
			return (-1);
		}
		if (linreg_cholesky(g, p) != 0) {
			snprintf(err, errsz, "%s: the features of action %d "
			    "are linearly dependent (ridge %g)", name, act,
			    ridge);
			free(count);
			return (-1);
		}
	}
	free(count);
	return (0);
}

struct linreg *
linreg_new(const struct regressor_design *des, int poly, double ridge,
    char *err, size_t errsz)
{
	struct linreg	*lr = xcalloc(1, sizeof *lr);
	size_t		 nx = (size_t)des->n * des->d;
	size_t		 nqx = (size_t)des->nq * des->d;

	lr->n = des->n;
	lr->nq = des->nq;
	lr->d = des->d;
	lr->nactions = des->nactions;
	lr->poly = poly;
	lr->p = linreg_features(des->d, poly);
	lr->x = xreallocarray(NULL, nx, sizeof *lr->x);
	memcpy(lr->x, des->x, nx * sizeof *lr->x);
	lr->a = xreallocarray(NULL, (size_t)des->n, sizeof *lr->a);
	memcpy(lr->a, des->a, (size_t)des->n * sizeof *lr->a);
	lr->xq = xreallocarray(NULL, nqx > 0 ? nqx : 1, sizeof *lr->xq);
	if (nqx > 0)
		memcpy(lr->xq, des->xq, nqx * sizeof *lr->xq);
	lr->mean = xcalloc((size_t)lr->d, sizeof *lr->mean);
	lr->scale = xcalloc((size_t)lr->d, sizeof *lr->scale);
	lr->chol = xcalloc((size_t)lr->nactions * lr->p * lr->p,
	    sizeof *lr->chol);
	lr->w = xcalloc((size_t)lr->nactions * lr->p, sizeof *lr->w);
	lr->b = xcalloc((size_t)lr->nactions * lr->p, sizeof *lr->b);
	linreg_standardise(lr);
	if (linreg_factor(lr, ridge, err, errsz) != 0) {
		linreg_free(lr);
		return (NULL);
	}
	return (lr);
}

void
linreg_free(struct linreg *lr)
{
	if (lr == NULL)
		return;
	free(lr->x);
	free(lr->a);
	free(lr->xq);
	free(lr->mean);
	free(lr->scale);
	free(lr->chol);
	free(lr->w);
	free(lr->b);
	free(lr);
}

/* Solve L L^T w = b with the factor's lower triangle. */
static void
linreg_solve(const double *l, int p, const double *b, double *w)
{
	double	 sum;
	int	 i, m;

	for (i = 0; i < p; i++) {
		sum = b[i];
		for (m = 0; m < i; m++)
			sum -= l[i * p + m] * w[m];
		w[i] = sum / l[i * p + i];
	}
	for (i = p - 1; i >= 0; i--) {
		sum = w[i];
		for (m = i + 1; m < p; m++)
			sum -= l[m * p + i] * w[m];
		w[i] = sum / l[i * p + i];
	}
}

void
linreg_fit(struct linreg *lr, const double *y)
{
	double	 phi[256], *b;
	long	 i;
	int	 p = lr->p, r, act;

	memset(lr->b, 0, (size_t)lr->nactions * p * sizeof *lr->b);
	for (i = 0; i < lr->n; i++) {
		b = lr->b + (size_t)lr->a[i] * p;
		linreg_phi(lr, lr->x + i * lr->d, phi);
		for (r = 0; r < p; r++)
			b[r] += phi[r] * y[i];
	}
	for (act = 0; act < lr->nactions; act++)
		linreg_solve(lr->chol + (size_t)act * p * p, p,
		    lr->b + (size_t)act * p, lr->w + (size_t)act * p);
}

void
linreg_fitted(const struct linreg *lr, double *yhat)
{
	double	 phi[256];
	long	 i;

	for (i = 0; i < lr->n; i++) {
		linreg_phi(lr, lr->x + i * lr->d, phi);
		yhat[i] = linreg_dot(phi, lr->w + (size_t)lr->a[i] * lr->p,
		    lr->p);
	}
}

void
linreg_predict(const struct linreg *lr, const double *s, double *q)
{
	double	 phi[256];
	int	 act;

	linreg_phi(lr, s, phi);
	for (act = 0; act < lr->nactions; act++)
		q[act] = linreg_dot(phi, lr->w + (size_t)act * lr->p, lr->p);
}

void
linreg_predict_queries(const struct linreg *lr, double *q)
{
	long	 i;

	for (i = 0; i < lr->nq; i++)
		linreg_predict(lr, lr->xq + i * lr->d, q + i * lr->nactions);
}

size_t
linreg_memory(const struct linreg *lr)
{
	return (sizeof *lr + ((size_t)(lr->n + lr->nq) * lr->d + 2 * lr->d +
	    (size_t)lr->nactions * lr->p * (lr->p + 2)) * sizeof (double) +
	    (size_t)lr->n * sizeof *lr->a);
}
