/*
 * The agent interface: act in a state, learn from the transition that
 * followed.  Learners keep what the screen shows in `table' (states x
 * actions: Q values, or h values for projective simulation) and write
 * every learned double through the undo journal.  Their settings live in
 * `cfg', which the session changes in place: a new alpha takes effect
 * from the next transition without resetting what was learned.
 */
#ifndef QT_AGENT_H
#define QT_AGENT_H

#include "env.h"
#include "journal.h"
#include "policy.h"
#include "record.h"
#include "rng.h"

struct agent_config {
	double			 alpha;
	double			 gamma;
	double			 epsilon;
	enum policy_kind	 policy;
};

struct agent;

struct agent_ops {
	const char		*name;
	/* Choose an action in state s during episode number `episode'. */
	struct policy_choice	 (*act)(struct agent *, int s, long episode,
				     struct rng *);
	/* Learn from (s, a) -> step, taken in episode number `episode',
	 * filling agent->rec. */
	void			 (*learn)(struct agent *, int s, int a,
				     bool explored, const struct env_step *,
				     long episode, struct rng *,
				     struct journal *);
	/* The action the learned policy prefers (ties at random). */
	int			 (*greedy)(struct agent *, int s, struct rng *);
};

struct agent {
	const struct agent_ops	*ops;
	int			 nstates;
	int			 nactions;
	struct agent_config	 cfg;
	double			*table;		/* (nstates, nactions) */
	struct update_record	 rec;
	/* An action already chosen for the next step (SARSA chooses a'
	 * while learning), which act() returns; -1: none. */
	int			 pending;
	bool			 pending_explored;
};

struct agent	*agent_new(const char *kind, int nstates, int nactions,
		     const struct agent_config *, char *err, size_t errsz);
void		 agent_free(struct agent *);
/* Forget everything learned (the table back to its initial values)
 * and any pending action. */
void		 agent_clear(struct agent *);
static inline double *
agent_row(struct agent *ag, int s)
{
	return (ag->table + (size_t)s * ag->nactions);
}

#endif
