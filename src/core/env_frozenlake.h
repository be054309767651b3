/*
 * FrozenLake-v1 exactly as Gymnasium 1.4.0 builds it: the agent walks a
 * grid from S to G; stepping into a hole (H) or onto the goal ends the
 * episode, and only the goal pays (reward 1).  On slippery ice the
 * intended move happens with probability success_rate and each of the
 * two perpendicular moves with (1 - success_rate) / 2.
 * Actions: 0 left, 1 down, 2 right, 3 up.
 */
#ifndef QT_ENV_FROZENLAKE_H
#define QT_ENV_FROZENLAKE_H

#include <stdbool.h>
#include <stddef.h>

#include "env.h"
#include "gridmap.h"

enum { FL_LEFT, FL_DOWN, FL_RIGHT, FL_UP, FL_NACTIONS };

/* Gymnasium's registered time limits: 100 steps, 200 for the 8x8 map. */
int		 frozenlake_time_limit(const struct gridmap *);
struct env	*frozenlake_new(const struct gridmap *, bool slippery,
		     double success_rate);
/* The map the environment was built from. */
const struct gridmap *frozenlake_map(const struct env *);

#endif
