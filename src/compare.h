/*
 * A comparison: one experiment per value of one parameter, every other
 * setting the same.  Every experiment starts from the same base seed,
 * so run r of each value draws from stream r (common random numbers):
 * what differs between the curves is the parameter, not the luck of
 * the draw.  Batch mode (--compare) and the prompt's `compare' print
 * it as one plot of the reward curves and a table.
 */
#ifndef QT_COMPARE_H
#define QT_COMPARE_H

#include <stddef.h>

#include "datadir.h"
#include "experiment.h"
#include "param.h"
#include "plot.h"

/* Values compared at most: each keeps a mark of its own on a plot. */
#define COMPARE_MAX 5
#define COMPARE_PLOT_HEIGHT 12

struct comparison {
	const struct param	*param;
	struct params		 base;		/* the settings compared from */
	int			 n;
	/* The values as param_format writes them: the plot's legend. */
	char			 values[COMPARE_MAX][PARAM_STR_MAX];
	struct params		 p[COMPARE_MAX];
	struct experiment	 x[COMPARE_MAX];
	int			 ran;		/* experiments to free */
};

/*
 * The comparison of the parameter `name' over the comma-separated
 * `values', each applied to a copy of base and checked (as --set would,
 * and a map or environment built once).  Nothing is run.  Returns 0, or
 * -1 with err naming the parameter or the bad value.
 */
int	 compare_parse(struct comparison *, const struct params *base,
	    const char *name, const char *values, const struct datadir *,
	    char *err, size_t errsz);
/* The same from "NAME=V1,V2,...", as --compare takes it. */
int	 compare_parse_spec(struct comparison *, const struct params *base,
	    const char *spec, const struct datadir *, char *err,
	    size_t errsz);
/* Run every value's experiment, in order. */
int	 compare_run(struct comparison *, const struct datadir *,
	    experiment_progress, void *ctx, char *err, size_t errsz);
void	 compare_free(struct comparison *);

/*
 * The reward curves, one series per value (the moving average, over
 * `window' episodes, of the mean over runs), with the values as the
 * legend; and the table: each value's reward_last100 with its standard
 * error over runs, success_last100, steps_last100, the greedy policy's
 * success and the seconds taken.  Both are malloc'd text, lines ending
 * in newlines, for the caller to free.
 */
char	*compare_plot(const struct comparison *, int width, int height,
	    enum plot_glyphs);
char	*compare_table(const struct comparison *, enum plot_glyphs);
/*
 * On a grid world, each value's greedy path after training (run 1, the
 * same seed), drawn on the map side by side: how SARSA's safe path and
 * Q-learning's edge path differ on the cliff.  NULL without a grid.
 */
char	*compare_paths(const struct comparison *, const struct datadir *,
	    enum plot_glyphs);

#endif
