/*
 * Deep Q-learning (Mnih et al. 2013, 2015) on CartPole: FQI's target
 * r + gamma max_a' Q(s', a'), but learned online, a minibatch at a time,
 * by a neural network that outputs Q for every action at once.
 *
 *	act:	epsilon-greedy on the online network's Q(s, .)
 *	store:	(s, a, r, s', terminated) in the replay buffer
 *	learn:	every train_freq steps after learning_starts, a minibatch
 *		from the buffer; target y = r + gamma Q_target(s', a*)
 *		(just r where s' is terminal; a truncated s' bootstraps),
 *		a* = argmax Q_target(s', .), or argmax Q_online(s', .) with
 *		Double DQN; loss MSE or Huber on Q_online(s, a) - y; Adam
 *	target:	a hard copy of the online network every target_update
 *		steps, or Polyak averaging with tau < 1
 *
 * Options: Double DQN, the dueling head, prioritized replay (Schaul et
 * al. 2016), gradient-norm clipping, keeping the best evaluated network.
 * Every step fills a record of what happened (the action and whether
 * epsilon chose it; the last gradient step's loss, gradient norm and a
 * few samples' targets), which the screen writes out.
 */
#ifndef QT_DQN_H
#define QT_DQN_H

#include <stdbool.h>
#include <stdint.h>

#include "env.h"
#include "nn.h"
#include "replay.h"
#include "rng.h"
#include "schedule.h"

#define DQN_MAX_ACTIONS		8
#define DQN_RECORD_SAMPLES	3

struct dqn_config {
	struct nn_shape		 shape;
	long			 buffer;		/* replay capacity */
	long			 learning_starts;
	long			 train_freq;		/* steps per update */
	long			 target_update;		/* steps per sync */
	double			 tau;			/* 1: hard copy */
	int			 batch;
	double			 lr;
	double			 gamma;
	enum nn_loss		 loss;
	double			 max_grad_norm;		/* 0: no clipping */
	bool			 double_dqn;
	bool			 prioritized;
	double			 per_alpha;
	double			 per_beta;		/* start; to 1 */
	struct schedule		 epsilon;
	long			 total_steps;
	long			 eval_every;		/* 0: never */
	long			 eval_episodes;
	bool			 keep_best;		/* evaluate the best */
	uint64_t		 seed;
};

/* One gradient step written out. */
struct dqn_sample {
	float	 s[ENV_OBS_MAX];
	int	 a;
	float	 r;
	float	 s2[ENV_OBS_MAX];
	bool	 terminated;
	float	 q_next[DQN_MAX_ACTIONS];	/* the target net at s' */
	int	 a_next;			/* the action bootstrapped */
	float	 target;			/* y */
	float	 pred;				/* Q_online(s, a) */
	float	 weight;			/* importance weight (PER) */
};

struct dqn_update {
	bool		 valid;
	long		 step;			/* env step it followed */
	float		 loss;
	float		 grad_norm;		/* before clipping */
	bool		 clipped;
	double		 beta;			/* PER's, this step */
	struct dqn_sample sample[DQN_RECORD_SAMPLES];
};

struct dqn_act {
	float	 obs[ENV_OBS_MAX];
	float	 q[DQN_MAX_ACTIONS];
	int	 a;
	bool	 explored;		/* epsilon chose it */
	double	 epsilon;
};

struct dqn_eval {
	long	 step;
	long	 episodes;
	double	 mean;
	double	 std;
};

struct dqn {
	struct dqn_config	 cfg;
	struct nn		*online;
	struct nn		*target;
	struct nn		*best;		/* keep_best: the best so far */
	double			 best_mean;
	struct nn_adam		*adam;
	struct replay		*buf;
	struct env		*env;
	struct rng		 rng;
	long			 step;		/* env steps taken */
	long			 updates;
	long			 episodes;	/* ended */
	double			 ep_return;	/* of the episode under way */
	bool			 diverged;	/* a loss was not finite */
	struct dqn_act		 last_act;
	struct dqn_update	 last_update;
	/* Per-episode returns and per-update losses, for the curves. */
	double			*returns;
	long			 nreturns, cap_returns;
	float			*losses;
	long			 nlosses, cap_losses;
	struct dqn_eval		*evals;
	long			 nevals;
	long			 first_solved;	/* step of the first eval >= 475 */
	/* Scratch for a minibatch. */
	long			*idx;
	float			*w, *bs, *bs2, *br, *q, *qn, *qo, *dq;
	float			*pred, *y, *dpred, *td;
	bool			*bterm;
	int			*ba;
};

#define DQN_SOLVED 475.0

struct dqn	*dqn_new(const struct dqn_config *, char *err, size_t errsz);
void		 dqn_free(struct dqn *);
/* One environment step (and the gradient step, target sync and
 * evaluation it brings).  Returns 1 when it ended an episode, -1 when
 * training stopped because the loss diverged. */
int		 dqn_step(struct dqn *);
/* Greedy episodes of the online network (or the best kept) from start
 * states drawn from seed. */
struct dqn_eval	 dqn_evaluate(const struct dqn *, const struct nn *,
		     long episodes, uint64_t seed);
/* The best evaluation's mean so far (0 before the first). */
double		 dqn_best_eval(const struct dqn *);
/* The network evaluations are made with: the best kept, or online. */
const struct nn	*dqn_policy_net(const struct dqn *);
/* The TD target of one transition, for tests: r + gamma * Q(s', a*) with
 * a* chosen by q_select and valued by q_value (the same array for plain
 * DQN), just r when terminated. */
float		 dqn_target(float r, bool terminated, double gamma,
		     const float *q_select, const float *q_value, int nactions,
		     int *a_star);

#endif
