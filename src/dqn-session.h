/*
 * DQN as the session layer sees it: the configuration the parameters
 * describe, and the network a run starts from (new, or loaded from a
 * file saved before).
 */
#ifndef QT_DQN_SESSION_H
#define QT_DQN_SESSION_H

#include <stddef.h>

#include "dqn.h"
#include "param.h"

/* Whether parameters p describe DQN. */
bool		 params_is_dqn(const struct params *);
/* The DQN configuration of parameters p. */
struct dqn_config dqn_config_of(const struct params *);
/* A DQN for p: a new network, or the one in p->network loaded (its
 * shape must be p's); NULL with err. */
struct dqn	*dqn_new_from(const struct params *, char *err, size_t errsz);

#endif
