/*
 * DQN as the session layer sees it: the configuration the parameters
 * describe, and the network a run starts from (new, or loaded from a
 * file saved before).
 */
#ifndef QT_DQN_SESSION_H
#define QT_DQN_SESSION_H

#include <stddef.h>

#include "dqn-history.h"
#include "dqn.h"
#include "param.h"

/*
 * The DQN session the tutor holds (t->dq when agent is dqn): the
 * parameters and the learner.  A step is one transition (with the
 * gradient step, target sync and evaluation it brings).
 */
struct dqn_session {
	struct params	 p;
	struct dqn	*q;
	long		 builds;	/* rebuilds so far */
	bool		 updated;	/* the last step made a gradient step */
	bool		 stopped;	/* diverged: training stopped */
	int		 inspect;	/* the record's sample shown, 0.. */
	struct dqn_history hist;	/* steps taken one at a time */
};

struct dqn_session *dqn_session_new(const struct params *, char *err,
		     size_t errsz);
void		 dqn_session_free(struct dqn_session *);
/* One transition: 1 when it ended an episode, -1 once training has
 * stopped (the loss diverged), else 0. */
int		 dqn_session_step(struct dqn_session *);
/* The same, kept in the history so that it can be taken back. */
int		 dqn_session_step_undoable(struct dqn_session *);
/* Take the last step kept back; -1 with err when there is none. */
int		 dqn_session_back(struct dqn_session *, char *err,
		     size_t errsz);
/* Change a parameter: live ones from the next step; the network's and
 * the buffer's rebuild the learner from step 0 (*did_reset). */
int		 dqn_session_set(struct dqn_session *, const char *name,
		     const char *value, bool *did_reset, char *err,
		     size_t errsz);
/* Start again from step 0 with the same parameters. */
void		 dqn_session_restart(struct dqn_session *);
/* Save the network evaluations use; load one into online and target
 * (the shape must match; on error nothing changes). */
int		 dqn_session_save(const struct dqn_session *, const char *path,
		     char *err, size_t errsz);
int		 dqn_session_load(struct dqn_session *, const char *path,
		     char *err, size_t errsz);

/* Whether parameters p describe DQN. */
bool		 params_is_dqn(const struct params *);
/* The DQN configuration of parameters p. */
struct dqn_config dqn_config_of(const struct params *);
/* A DQN for p: a new network, or the one in p->network loaded (its
 * shape must be p's); NULL with err. */
struct dqn	*dqn_new_from(const struct params *, char *err, size_t errsz);

#endif
