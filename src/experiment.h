/*
 * An experiment: the same settings run several times with independent
 * seeds (run r draws from stream r of the base seed), averaged episode
 * by episode.  Batch mode prints it; the screen's comparisons will too.
 */
#ifndef QT_EXPERIMENT_H
#define QT_EXPERIMENT_H

#include <stddef.h>

#include "datadir.h"
#include "param.h"
#include "session.h"
#include "stats.h"

#define EXPERIMENT_TAIL 100	/* the "last 100 episodes" of summaries */

struct experiment {
	long			 runs;
	long			 episodes;
	struct curve_stats	 reward;
	struct curve_stats	 steps;
	struct curve_stats	 success;
	/* Means over runs of each run's last EXPERIMENT_TAIL episodes. */
	double			 reward_tail;
	double			 success_tail;
	double			 steps_tail;
	/*
	 * Sample standard deviations over runs (dividing by runs - 1; 0
	 * with one run) of the same per-run tail means: the standard error
	 * of reward_tail is reward_tail_sd / sqrt(runs).
	 */
	double			 reward_tail_sd;
	double			 success_tail_sd;
	double			 steps_tail_sd;
	double			 tail_m2[3];	/* Welford sums, for the above */
	long long		 transitions;
	double			 seconds;	/* wall time, all runs */
	struct eval_result	 eval;		/* greedy, mean over runs */
};

/* Called after each run, e.g. to show progress. */
typedef void (*experiment_progress)(void *ctx, long done, long runs);

int	experiment_run(struct experiment *, const struct params *,
	    const struct datadir *, experiment_progress, void *ctx,
	    char *err, size_t errsz);
void	experiment_free(struct experiment *);

#endif
