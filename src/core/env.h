/*
 * The environment interface, shaped like Gymnasium's: reset, then step
 * until terminated (the task ended: hole, goal, pole fell) or truncated
 * (the time limit, which the interface itself enforces as Gymnasium's
 * TimeLimit wrapper does).  Tabular environments number their states
 * and expose their transition model; continuous ones (CartPole) fill an
 * observation vector instead.
 *
 * All mutable state sits in struct env_state, a plain value, so that
 * the session can save and restore it to undo a transition.
 */
#ifndef QT_ENV_H
#define QT_ENV_H

#include <stdbool.h>

#include "rng.h"

#define ENV_OBS_MAX 8

struct tmodel;
struct env;
struct gridmap;

struct env_state {
	int	 s;			/* discrete state, or -1 */
	int	 t;			/* steps taken this episode */
	double	 x[ENV_OBS_MAX];	/* continuous state */
	int	 aux;			/* environment-specific */
};

struct env_step {
	int	 s;		/* next state (discrete), or -1 */
	double	 reward;
	bool	 terminated;
	bool	 truncated;
	bool	 success;	/* reached the goal (what "success" counts) */
};

struct env_ops {
	const char	*name;		/* "frozenlake" */
	/* Whether step() is exactly: sample the transition model with one
	 * rng_uniform() coin and move there.  Learners may then sample the
	 * model themselves, for speed, with the same result. */
	bool		 model_step;
	void		 (*reset)(struct env *, struct rng *);
	/* One step of the dynamics, without the time limit.  Results are
	 * written through a pointer: returning the struct by value costs
	 * a store-forwarding stall per step in the hot loop. */
	void		 (*step)(struct env *, int action, struct rng *,
			     struct env_step *);
	void		 (*free)(struct env *);
	/* The map of a grid world, for drawing; NULL if it has none. */
	const struct gridmap *(*grid)(const struct env *);
};

struct env {
	const struct env_ops	*ops;
	int			 nstates;	/* 0 when continuous */
	int			 nactions;
	int			 obs_dim;	/* 0 when discrete */
	int			 time_limit;	/* truncate after this many */
	int			 default_time_limit; /* Gymnasium's for it */
	const char *const	*action_names;	/* nactions short names */
	const struct tmodel	*model;		/* NULL when not tabular */
	struct env_state	 st;
	void			*impl;
};

void		 env_reset(struct env *, struct rng *);
/* Step with the time limit applied: truncated once t reaches it. */
void		 env_step(struct env *, int action, struct rng *,
		     struct env_step *);
void		 env_free(struct env *);
/* The step of an environment whose step() is its transition model
 * sampled with one rng_uniform() coin (model_step): their shared ops. */
void		 env_model_step(struct env *, int action, struct rng *,
		     struct env_step *);
/* The map of a grid world, or NULL. */
const struct gridmap *env_grid(const struct env *);
/* Action index from a name or number ("left", "2"); -1 if unknown. */
int		 env_action_parse(const struct env *, const char *);

#endif
