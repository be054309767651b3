/*
 * Planning with a known model: policy evaluation and value iteration on
 * a struct tmodel, one sweep at a time, so that a lesson can show the
 * values as they form.
 *
 * Sweeps are Jacobi (synchronous), the textbook form: every new value
 * of a sweep is computed from the values of the sweep before, never
 * from values updated earlier in the same sweep.  The backup of (s, a):
 *
 *   Q(s,a) = sum over the outcomes of (s,a) of
 *            p * (r + gamma * V(s') * [not terminated])
 *
 * A terminated transition bootstraps nothing; a time limit is no part of
 * the model and is ignored here, as in Gymnasium's env.P.  Value
 * iteration backs up V(s) = max_a Q(s,a), policy evaluation
 * V(s) = sum_a pi(a|s) Q(s,a).
 *
 * Policies are (S, A) tables of probabilities pi(a|s), row-major; the
 * helpers below fill one for the uniformly random policy or for a
 * deterministic one.  Nothing here does I/O or draws random numbers.
 */
#ifndef QT_PLANNING_H
#define QT_PLANNING_H

#include <stdbool.h>
#include <stddef.h>

#include "tmodel.h"

/* The reference values were made with this threshold. */
#define PLANNING_THETA		1e-14
#define PLANNING_MAX_SWEEPS	1000000L

struct planning {
	const struct tmodel	*model;		/* not owned */
	int			 nstates;
	int			 nactions;
	double			 gamma;
	double			*v;		/* (S) values after the last sweep */
	double			*v_old;		/* (S) values the last sweep read */
	/* (S, A) Q of v_old, as the last sweep computed it; after a
	 * solve, Q of the final v. */
	double			*q;
	long			 sweeps;	/* sweeps since the reset */
	double			 delta;		/* largest |change| of the last */
};

/* A planner over the model with discount gamma, V = 0.  The model must
 * outlive it.  One allocation: planning_free frees it all. */
struct planning	*planning_new(const struct tmodel *, double gamma);
void		 planning_free(struct planning *);
/* Back to V = 0, Q = 0, no sweeps. */
void		 planning_reset(struct planning *);

/* Q(s,a) backed up from the current V (no change to the planner). */
double		 planning_q(const struct planning *, int s, int a);
/* One Jacobi sweep of value iteration; returns the largest change. */
double		 planning_sweep_optimal(struct planning *);
/* One Jacobi sweep of policy evaluation of pi (S, A); returns the
 * largest change. */
double		 planning_sweep_policy(struct planning *, const double *pi);
/* Sweep until the largest change of a sweep is below theta, or
 * max_sweeps sweeps were made; then Q is backed up from the final V.
 * Return 0 when converged, -1 when the sweeps ran out.  pi as above;
 * value iteration takes none. */
int		 planning_value_iteration(struct planning *, double theta,
		     long max_sweeps);
int		 planning_evaluate(struct planning *, const double *pi,
		     double theta, long max_sweeps);
/* Q backed up from the current V, for every (s, a). */
void		 planning_update_q(struct planning *);

/* The greedy policy of the current Q: action[s] is the first action
 * with the largest Q(s,a) (ties go to the lowest action number). */
void		 planning_greedy(const struct planning *, int *action);
/*
 * The path a table's greedy policy takes from `start': each step the
 * first best action of q (nstates x nactions) and its most likely
 * outcome in the model.  It stops at a terminating outcome, at a state
 * already on the path (a loop) or after `max' states.  Fills states[]
 * and returns how many; *reaches says whether it ended in a success.
 */
int		 planning_greedy_path(const struct tmodel *, const double *q,
		     int start, int *states, int max, int *reaches);
/* pi (S, A) for the uniformly random policy. */
void		 planning_policy_random(double *pi, int nstates, int nactions);
/* pi (S, A) for the deterministic policy action (S). */
void		 planning_policy_deterministic(double *pi, const int *action,
		     int nstates, int nactions);

/*
 * One state's Bellman backup written out, for the screen: every outcome
 * of every action with the numbers it was computed from, each action's
 * Q and the new value.  It is the same arithmetic, in the same order,
 * as a sweep, so the numbers are the sweep's to the last bit.
 */
#define PLANNING_BACKUP_ACTIONS		8
#define PLANNING_BACKUP_OUTCOMES	32	/* all actions together */

struct planning_outcome {
	double	 prob;
	int	 next;		/* s' */
	double	 reward;
	bool	 terminated;	/* then V(s') is not used */
	double	 v_next;	/* V(s') as the backup read it */
};

struct planning_backup {
	int			 s;
	double			 gamma;
	bool			 optimal;	/* max over actions, else pi */
	int			 nactions;
	/* The outcomes of action a are out[first[a]] .. out[first[a+1]-1],
	 * in the model's order. */
	int			 first[PLANNING_BACKUP_ACTIONS + 1];
	struct planning_outcome	 out[PLANNING_BACKUP_OUTCOMES];
	double			 q[PLANNING_BACKUP_ACTIONS];	/* Q(s,a) */
	/* pi(a|s); for value iteration 1 for the best action, else 0. */
	double			 pi[PLANNING_BACKUP_ACTIONS];
	double			 v_old;		/* V(s) before the backup */
	double			 v_new;		/* max_a Q, or sum pi Q */
	int			 best;		/* first action with max Q */
};

/* The backup of state s from the current V: value iteration's when pi
 * is NULL, else policy evaluation's.  -1 with err filled when the state
 * has more actions or outcomes than the record holds. */
int		 planning_backup(const struct planning *, int s,
		     const double *pi, struct planning_backup *, char *err,
		     size_t errsz);

/*
 * The probability that the policy pi reaches an outcome marked success
 * within `steps' steps, starting from the model's start distribution,
 * by dynamic programming over the steps left.  steps <= 0 means no
 * limit, as for an environment without a time limit: the steps go on
 * until no probability changes at all (at most PLANNING_MAX_SWEEPS
 * steps).  per_state (S), if not NULL, gets the same probability from
 * each state.
 */
double		 planning_success(const struct tmodel *, const double *pi,
		     int steps, double *per_state);
/* The same for the best policy for that horizon (it may depend on the
 * steps left, so no stationary policy need reach it). */
double		 planning_success_best(const struct tmodel *, int steps,
		     double *per_state);

/* States where the agent can act: the start states and every state that
 * an outcome that does not terminate leads to from one of them, under
 * any action.  acts (S). */
void		 planning_acting_states(const struct tmodel *, bool *acts);

#endif
