/*
 * Fitted Q-iteration (Ernst, Geurts and Wehenkel 2005; Riedmiller 2005):
 * reinforcement learning as a sequence of regression problems on one
 * fixed dataset of transitions (s, a, r, s').
 *
 *	iteration 0:	y_i = r_i
 *	iteration k:	y_i = r_i + gamma max_a' Q_{k-1}(s'_i, a')
 *			      (just r_i where the transition terminated)
 *	then fit a fresh regressor Q_k to (s_i, a_i) -> y_i.
 *
 * A transition cut by the time limit (truncated, not terminated) still
 * bootstraps: its next state had a future, the clock just stopped.
 *
 * After each iteration: R^2 of the fit on its own targets, and the
 * greedy policy of Q_k played for a few episodes (the same start states
 * every time, so that the curve compares policies, not luck).
 */
#ifndef QT_FQI_H
#define QT_FQI_H

#include <stdbool.h>
#include <stdint.h>

#include "dataset.h"
#include "env.h"
#include "regressor.h"

#define FQI_MAX_ACTIONS	8
/* Iterations whose targets are kept for going back. */
#define FQI_BACK_MAX	64

struct fqi_config {
	struct regressor_cfg	 reg;
	double			 gamma;
	long			 eval_episodes;	/* 0: no evaluation */
	uint64_t		 seed;
};

struct fqi_iteration {
	int	 iteration;	/* 0-based */
	double	 gamma;		/* the targets were made with */
	double	 r2;		/* of Q_k on its targets y */
	double	 target_mean;
	double	 target_max;
	long	 eval_episodes;
	double	 eval_mean;	/* greedy return */
	double	 eval_std;	/* population spread over the episodes */
	double	 seconds;	/* targets, fit and predictions */
	double	 eval_seconds;
};

/* One transition's target, written out with its numbers. */
struct fqi_record {
	long	 i;		/* transition */
	int	 iteration;	/* the fit whose target this was */
	int	 d;
	int	 nactions;
	double	 s[ENV_OBS_MAX];
	int	 a;
	double	 r;
	double	 s2[ENV_OBS_MAX];
	bool	 terminated;
	bool	 truncated;
	bool	 bootstraps;	/* iteration > 0 and not terminated */
	double	 q_next[FQI_MAX_ACTIONS];	/* Q_{k-1}(s', .) */
	int	 best;		/* argmax of q_next */
	double	 gamma;
	double	 target;	/* y_i */
	double	 fitted;	/* Q_k(s_i, a_i) */
};

struct fqi_eval {
	long	 episodes;
	double	 mean;
	double	 std;
	double	 min;
	double	 max;
};

struct fqi {
	const struct dataset	*data;		/* not owned */
	struct regressor	*reg;
	struct fqi_config	 cfg;
	int			 done;		/* iterations fitted */
	double			*y;		/* this fit's targets */
	double			*yhat;		/* its fitted values */
	double			*q;		/* Q_k at (s'_i, a) */
	double			*q_prev;	/* Q_{k-1}: made y */
	double			 gamma_used;	/* the gamma y was made with */
	struct fqi_iteration	*hist;		/* done of them */
	double			**ys;		/* ys[k % FQI_BACK_MAX]: fit
						 * k's targets, k >= kept_from */
	int			 kept_from;
};

/* FQI on a dataset (which must outlive it), nothing fitted yet.  The
 * regressor's precomputation happens here: NULL with err if it fails. */
struct fqi	*fqi_new(const struct dataset *, const struct fqi_config *,
		     char *err, size_t errsz);
void		 fqi_free(struct fqi *);
/* One iteration: new targets, a fresh fit, R^2 and the evaluation. */
const struct fqi_iteration *fqi_iterate(struct fqi *);
/* Go back to the previous iteration's fit; -1 when there is none kept. */
int		 fqi_back(struct fqi *);
/* The targets the next iteration would fit, from the current fit. */
void		 fqi_make_targets(const struct dataset *, const double *q,
		     int iteration, double gamma, double *y);
/* Transition i's target in the current fit (iteration done - 1). */
void		 fqi_record(const struct fqi *, long i, struct fqi_record *);
/* Q(obs, .) of the current fit; all 0 before the first. */
void		 fqi_q(const struct fqi *, const double *obs, double *q);
/* The greedy action: the first of the largest Q. */
int		 fqi_greedy(const struct fqi *, const double *obs);
/* Greedy episodes of the current fit on CartPole from start states
 * drawn from seed; returns[] (if not NULL) gets each return. */
struct fqi_eval	 fqi_evaluate(const struct fqi *, long episodes,
		     uint64_t seed, double *returns);
/* R^2 of yhat on y: 1 - SS_res / SS_tot; NaN when the targets are all
 * equal, where it means nothing (scikit-learn says 1 or 0 there, by
 * whether the fit is exact to the last bit). */
double		 fqi_r2(const double *y, const double *yhat, long n);

#endif
