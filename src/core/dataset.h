/*
 * An offline dataset of transitions (s, a, r, s', terminated,
 * truncated), what fitted Q-iteration learns from.  It is collected once
 * with a uniformly random policy and then fixed.  Observations are what
 * the agent sees: CartPole's state rounded to float.
 *
 * Only a true termination makes a transition terminal.  A transition
 * cut by the time limit is kept with truncated set: its next state still
 * has a value, so FQI bootstraps there.
 *
 * The file format (`save-dataset', `set dataset FILE'):
 *
 *	# qtutor dataset 1
 *	# env=cartpole obs=4 actions=2 transitions=50000 seed=1
 *	x,x_dot,theta,theta_dot,action,reward,next_x,next_x_dot,...
 *	0.0123,-0.041,...,0,0
 *
 * The first line names the format and its version; the second gives the
 * environment, the observation size, the number of actions, the number
 * of rows that follow and the seed they were collected with; the third
 * is the column header; then one transition per line: the observation,
 * the action, the reward, the next observation, terminated and truncated
 * (0 or 1).  Observations are written with %.9g and read back rounded
 * to float, which gives the exact float again.  A file that breaks any of this is refused, with the line.
 */
#ifndef QT_DATASET_H
#define QT_DATASET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "env.h"
#include "rng.h"

#define DATASET_MAX_ROWS 1000000L

struct dataset {
	long		 n;
	int		 d;		/* observation size */
	int		 nactions;
	char		 env[32];	/* "cartpole" */
	uint64_t	 seed;		/* what it was collected with */
	double		*s;		/* n x d */
	int		*a;
	double		*r;
	double		*s2;		/* n x d: the next observations */
	bool		*terminated;
	bool		*truncated;
	long		 episodes;	/* episodes it spans (ended or not) */
};

/* Room for n transitions, all zero (tests fill it by hand). */
struct dataset	*dataset_new(long n, int d, int nactions, const char *env);
/* n transitions of a uniformly random policy in env, whose episodes
 * start again when one ends; the env is left mid-episode. */
struct dataset	*dataset_collect(struct env *, long n, struct rng *,
		     uint64_t seed);
void		 dataset_free(struct dataset *);
/* Write the dataset to path (a temporary file, then renamed). */
int		 dataset_save(const struct dataset *, const char *path,
		     char *err, size_t errsz);
/* Read a dataset file for env (with obs_dim and nactions as given);
 * NULL with "FILE:LINE: what is wrong" if it is damaged. */
struct dataset	*dataset_load(const char *path, const char *env, int d,
		     int nactions, char *err, size_t errsz);
/* Episodes that ended by termination, and mean steps per episode. */
long		 dataset_terminations(const struct dataset *);

#endif
