/*
 * A session is one running experiment: an environment, an agent, their
 * parameters, the per-episode history and the record of the last
 * update.  The screen, batch mode and the tests all drive it through
 * this interface, so whatever one of them shows the others can check.
 *
 * Stepping is deterministic given the seed.  With an undo history, each
 * transition can be taken back exactly: the agent's table, the
 * environment, the random state and every counter.
 */
#ifndef QT_SESSION_H
#define QT_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "agent.h"
#include "datadir.h"
#include "env.h"
#include "journal.h"
#include "param.h"
#include "rng.h"

/* Per-episode results, appended as episodes end. */
struct episode_log {
	long	 n;
	long	 cap;
	double	*reward;	/* undiscounted return */
	double	*steps;
	double	*success;	/* 1 if the goal was reached */
};

/* The last transition, for the screen. */
struct session_last {
	bool		 valid;
	int		 s;
	int		 a;
	bool		 explored;
	struct env_step	 step;
};

/*
 * The discounted return of the episode under way, or of the one just
 * ended until the next starts: G = sum over t of gamma^t r_{t+1}, each
 * step's gamma being the one in force when it was taken.  The first
 * terms and the last are kept so that the screen can write the sum out.
 */
#define SESSION_RETURN_TERMS 3
struct session_return {
	double	 g;		/* G so far */
	double	 discount;	/* gamma^t of the next term */
	long	 n;		/* terms so far: the episode's steps */
	double	 prev;		/* G before the last term */
	double	 last_discount;	/* the last term, discount x reward */
	double	 last_reward;
	double	 first_discount[SESSION_RETURN_TERMS];
	double	 first_reward[SESSION_RETURN_TERMS];
};

struct session {
	struct params		 p;
	struct datadir		 dirs;
	uint64_t		 stream;	/* run number: the seed stream */
	struct env		*env;
	struct agent		*agent;
	struct rng		 rng;
	struct journal		*journal;	/* NULL: no undo */
	size_t			 undo_frames;	/* history asked for */
	size_t			 undo_entries;	/* the agent's, per frame */
	/* Environments built so far: a change means the old env (and its
	 * model) is gone, so whatever was made from it is stale. */
	long			 builds;
	long			 episode;	/* episodes finished */
	long			 step;		/* steps in this episode */
	long			 transitions;	/* all steps of this run */
	double			 ep_reward;
	struct session_return	 ret;		/* discounted, this episode */
	bool			 in_episode;
	struct episode_log	 log;
	struct session_last	 last;
};

struct eval_result {
	long	 episodes;
	double	 success;	/* fraction that reached the goal */
	double	 reward;	/* mean return */
	double	 steps;		/* mean length */
};

/* A session for run `stream' of the experiment the parameters describe;
 * undo_frames > 0 keeps that many transitions of undo history. */
struct session	*session_new(const struct params *, const struct datadir *,
		     uint64_t stream, size_t undo_frames, char *err,
		     size_t errsz);
void		 session_free(struct session *);
/* Forget everything learned and start again from the seed. */
void		 session_reset(struct session *);
/* One transition (starting an episode first if none is under way);
 * returns 1 if it ended the episode, else 0. */
int		 session_step(struct session *);
/* Step until the current episode ends (or play a whole new one). */
void		 session_finish_episode(struct session *);
/* Run until `episodes' more episodes end or `max_transitions' steps
 * are taken, whichever is first (<= 0 means no limit on that count);
 * returns the number of episodes that ended.  The screen calls this in
 * slices so that it stays responsive. */
long		 session_run(struct session *, long episodes,
		     long max_transitions);
/* The same without keeping undo history (what there was is dropped):
 * for the part of a long run whose history would be overwritten anyway.
 * It takes the fast loop, so it is as quick as batch mode. */
long		 session_run_unrecorded(struct session *, long episodes,
		     long max_transitions);
/* Take the last transition back; -1 if there is no history left. */
int		 session_back(struct session *);
size_t		 session_history(const struct session *);
/* Change a parameter.  A live one takes effect from the next transition;
 * one that needs a rebuild resets the session (*did_reset is set).  On
 * error nothing changes. */
int		 session_set(struct session *, const char *name,
		     const char *value, bool *did_reset, char *err,
		     size_t errsz);
/* Play `episodes' greedy episodes with the learned table on a random
 * stream of their own; the environment's state is put back afterwards,
 * so the session is as it was. */
struct eval_result session_evaluate(const struct session *, long episodes);
/* Mean of a per-episode quantity over the last `last' episodes. */
double		 session_tail_mean(const struct session *, const double *,
		     long last);
/* Build the environment the parameters describe. */
struct env	*session_make_env(const struct params *,
		     const struct datadir *, char *err, size_t errsz);

#endif
