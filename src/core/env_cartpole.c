/* CartPole-v1: Gymnasium's physics, term for term. */
#include <math.h>
#include <stdlib.h>

#include "env_cartpole.h"
#include "xmalloc.h"

/*
 * No fused multiply-adds: numpy rounds every product and sum, and with
 * -march=native on a CPU with FMA, GCC (and clang) would otherwise fuse
 * x + TAU * x_dot into one rounding and lose the match with Gymnasium
 * within a few steps.
 */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

#define GRAVITY		9.8
#define MASS_CART	1.0
#define MASS_POLE	0.1
#define TOTAL_MASS	(MASS_POLE + MASS_CART)
#define HALF_LENGTH	0.5	/* Gymnasium's "length": half the pole */
#define POLEMASS_LENGTH	(MASS_POLE * HALF_LENGTH)
#define FORCE_MAG	10.0
#define TAU		0.02
#define PI		3.141592653589793	/* Python's math.pi */

const double cartpole_theta_threshold = 12 * 2 * PI / 360;

static void	cartpole_reset(struct env *, struct rng *);
static void	cartpole_step(struct env *, int, struct rng *,
		    struct env_step *);
static void	cartpole_free(struct env *);

static const struct env_ops cartpole_ops = {
	.name = "cartpole",
	.model_step = false,
	.reset = cartpole_reset,
	.step = cartpole_step,
	.free = cartpole_free,
	.grid = NULL,
};

static const char *const cartpole_action_names[] = { "left", "right" };

struct env *
cartpole_new(void)
{
	struct env	*e = xcalloc(1, sizeof *e);

	e->ops = &cartpole_ops;
	e->nstates = 0;
	e->nactions = 2;
	e->obs_dim = CARTPOLE_DIM;
	e->time_limit = e->default_time_limit = CARTPOLE_TIME_LIMIT;
	e->action_names = cartpole_action_names;
	e->model = NULL;
	e->st.s = -1;
	return (e);
}

bool
cartpole_terminal(const double st[CARTPOLE_DIM])
{
	return (st[0] < -CARTPOLE_X_THRESHOLD || st[0] > CARTPOLE_X_THRESHOLD ||
	    st[2] < -cartpole_theta_threshold ||
	    st[2] > cartpole_theta_threshold);
}

/*
 * Gymnasium's step with the Euler integrator.  The parenthesisation and
 * the order of every product follow its source: floating-point
 * arithmetic is not associative, and the pole's instability turns a
 * last-bit difference into a visible one within a few hundred steps.
 */
bool
cartpole_dynamics(double st[CARTPOLE_DIM], int action)
{
	double	 x = st[0], x_dot = st[1], theta = st[2], theta_dot = st[3];
	double	 force = action == CARTPOLE_RIGHT ? FORCE_MAG : -FORCE_MAG;
	double	 costheta = cos(theta), sintheta = sin(theta);
	double	 temp, thetaacc, xacc;

	temp = (force + POLEMASS_LENGTH * (theta_dot * theta_dot) * sintheta) /
	    TOTAL_MASS;
	thetaacc = (GRAVITY * sintheta - costheta * temp) / (HALF_LENGTH *
	    (4.0 / 3.0 - MASS_POLE * (costheta * costheta) / TOTAL_MASS));
	xacc = temp - POLEMASS_LENGTH * thetaacc * costheta / TOTAL_MASS;
	x = x + TAU * x_dot;
	x_dot = x_dot + TAU * xacc;
	theta = theta + TAU * theta_dot;
	theta_dot = theta_dot + TAU * thetaacc;
	st[0] = x;
	st[1] = x_dot;
	st[2] = theta;
	st[3] = theta_dot;
	return (cartpole_terminal(st));
}

void
cartpole_observe(const double st[CARTPOLE_DIM], double obs[CARTPOLE_DIM])
{
	int	 i;

	for (i = 0; i < CARTPOLE_DIM; i++)
		obs[i] = (double)(float)st[i];
}

/* Each coordinate uniform in [-0.05, 0.05), as Gymnasium's reset. */
static void
cartpole_reset(struct env *e, struct rng *r)
{
	int	 i;

	for (i = 0; i < CARTPOLE_DIM; i++)
		e->st.x[i] = -0.05 + 0.1 * rng_uniform(r);
	e->st.aux = 0;
}

static void
cartpole_step(struct env *e, int action, struct rng *r, struct env_step *out)
{
	(void)r;
	out->s = -1;
	out->terminated = cartpole_dynamics(e->st.x, action);
	out->reward = 1.0;
	out->truncated = false;
	/* Balanced to the time limit: env_step sets truncated after this. */
	out->success = !out->terminated && e->st.t + 1 >= e->time_limit;
}

static void
cartpole_free(struct env *e)
{
	free(e);
}
