/*
 * The toy environment of the MDP tutorial: N states and A actions, where
 * every action leads to a uniformly random next state with reward 1,
 * reset gives a uniformly random state, and nothing ever terminates:
 * only the time limit (100 steps unless max_steps says otherwise) ends
 * an episode.  It is a transition model like the grid worlds, each
 * (s, a) listing all N next states with probability 1/N, so learners
 * and planners can use it as they use FrozenLake.
 */
#ifndef QT_ENV_DUMMY_H
#define QT_ENV_DUMMY_H

#include <stddef.h>

#include "env.h"

#define DUMMY_TIME_LIMIT	100
/* The model lists states x actions x states outcomes: at most this many
 * (64 MB of model). */
#define DUMMY_MAX_OUTCOMES	2000000L

/* NULL, with a message in err, if the model would be too big. */
struct env	*dummy_new(int nstates, int nactions, char *err,
		     size_t errsz);

#endif
