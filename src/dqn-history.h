/*
 * The last DQN steps taken one at a time, kept whole so that `back'
 * puts the learner exactly as it was: weights, Adam, target, buffer,
 * random state, environment and counters.
 */
#ifndef QT_DQN_HISTORY_H
#define QT_DQN_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

#include "dqn.h"

#define DQN_HISTORY 100

struct dqn_snapshot;

struct dqn_history {
	struct dqn_snapshot	*snap;	/* DQN_HISTORY of them, a ring */
	int			 n;	/* kept */
	int			 head;	/* where the next goes */
	size_t			 np;	/* parameters of the kept nets */
};

/* Whether steps can be taken back (not with prioritized replay). */
bool	dqn_history_possible(const struct dqn *);
/* Keep the learner as it is, before a step (updated: the session's
 * flag of the step before). */
void	dqn_history_save(struct dqn_history *, const struct dqn *,
	    bool updated);
/* Put back the last kept; -1 when there is none. */
int	dqn_history_back(struct dqn_history *, struct dqn *, bool *updated);
/* Forget what is kept (its memory stays for reuse); free it all. */
void	dqn_history_clear(struct dqn_history *);
void	dqn_history_free(struct dqn_history *);

#endif
