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
	/* Projective simulation: damping, glow rate, softmax inverse
	 * temperature, and whether hopping is standard or softmax. */
	double			 ps_gamma;
	double			 eta;
	double			 beta;
	int			 ps_policy;	/* enum ps_policy_kind */
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
	/* Optional: a new episode starts (PS resets its glow), writing
	 * through the journal like learn(). */
	void			 (*episode_start)(struct agent *,
				     struct journal *);
	/* Optional: the table's initial values (default: all 0). */
	void			 (*clear)(struct agent *);
	/* Whether the agent keeps a glow matrix beside its table. */
	bool			 has_glow;
	/* Journal entries one transition writes at most, as a function of
	 * the table's size (NULL: one). */
	size_t			 (*undo_entries)(int nstates, int nactions);
};

struct agent {
	const struct agent_ops	*ops;
	int			 nstates;
	int			 nactions;
	struct agent_config	 cfg;
	double			*table;		/* (nstates, nactions) */
	double			*glow;		/* (nstates, nactions) or NULL */
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
/* Journal entries one transition of this agent writes at most. */
size_t		 agent_undo_entries(const struct agent *);
static inline double *
agent_row(struct agent *ag, int s)
{
	return (ag->table + (size_t)s * ag->nactions);
}

#endif
