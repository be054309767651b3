/*
 * Least squares per action: Q(s, a) = w_a . phi(s), with phi(s) either
 * (1, z) or (1, z, z_i z_j for i <= j), z the state standardised by the
 * training inputs' mean and spread (a change of basis of the same
 * functions that keeps the normal equations well conditioned).
 *
 * The normal equations (Phi_a^T Phi_a + lambda I') w_a = Phi_a^T y, I'
 * the identity without the intercept, have a matrix that depends only
 * on the inputs: it is factored (Cholesky) once, and a fit is a product
 * and two triangular solves per action.
 */
#ifndef QT_LINREG_H
#define QT_LINREG_H

#include <stddef.h>

#include "regressor.h"

struct linreg;

/* Features for d numbers of state: d + 1, or with the products. */
int		 linreg_features(int d, int poly);
/* NULL with err if an action has fewer inputs than features or its
 * matrix is singular (even with the ridge). */
struct linreg	*linreg_new(const struct regressor_design *, int poly,
		     double ridge, char *err, size_t errsz);
void		 linreg_free(struct linreg *);
void		 linreg_fit(struct linreg *, const double *y);
void		 linreg_fitted(const struct linreg *, double *yhat);
void		 linreg_predict_queries(const struct linreg *, double *q);
void		 linreg_predict(const struct linreg *, const double *s,
		     double *q);
size_t		 linreg_memory(const struct linreg *);

#endif
