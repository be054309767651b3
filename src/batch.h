/*
 * Batch mode: train without a screen and print what the screen would
 * show as text: settings, learning curves as plots, the greedy policy's
 * evaluation and a one-line machine-readable summary.
 */
#ifndef QT_BATCH_H
#define QT_BATCH_H

#include <stdbool.h>
#include <stdio.h>

#include "datadir.h"
#include "param.h"
#include "plot.h"

struct batch_options {
	const char		*title;		/* lesson title, may be NULL */
	const char		*csv_path;	/* NULL: no CSV */
	enum plot_glyphs	 glyphs;
	int			 width;		/* plot width in columns */
	bool			 progress;	/* show progress on stderr */
	const char		*network_path;	/* DQN: save the network */
};

/* The settings of p that its agent reads, as NAME=VALUE in the
 * parameter table's order, in lines of at most width columns; hidden
 * (may be NULL) leaves out more. */
struct param;
void	batch_print_settings(const struct params *, int width,
	    bool (*hidden)(const struct params *, const struct param *),
	    FILE *out);
/* Returns 0, or -1 with err filled (the experiment could not be built
 * or the CSV file could not be written). */
int	batch_run(const struct params *, const struct datadir *,
	    const struct batch_options *, FILE *out, char *err, size_t errsz);
/* Write the averaged curves as CSV, atomically (temporary file, then
 * rename), so an existing file is never left half-written. */
struct experiment;
int	batch_write_csv(const struct experiment *, const char *path,
	    char *err, size_t errsz);
/* The summary line of an experiment run with p. */
void	batch_print_summary(const struct params *p,
	    const struct experiment *, FILE *out);
/* Fitted Q-iteration: the dataset, a row per iteration, the
 * evaluation curve, then the summary line. */
int	batch_fqi(const struct params *, const struct datadir *,
	    const struct batch_options *, FILE *out, char *err, size_t errsz);
/* DQN: progress at each evaluation, the curves, the final evaluation,
 * then the summary line; -1 (after the summary) if it diverged. */
int	batch_dqn(const struct params *, const struct datadir *,
	    const struct batch_options *, FILE *out, char *err, size_t errsz);
/* DQN trained once for each value of one setting (spec NAME=V1,V2,...)
 * with the same seed: the evaluation curves on one plot, a table, and a
 * summary line per value, in order, last.  -2 when the spec is wrong
 * (nothing ran), -1 when a run could not be built. */
int	batch_dqn_compare(const struct params *, const char *spec,
	    const struct batch_options *, FILE *out, char *err, size_t errsz);
/*
 * A comparison (see compare.h) run and printed: the settings, one plot
 * of every value's reward curve, the table, then one summary line per
 * value, in order, as the last lines.
 */
struct comparison;
int	batch_compare(struct comparison *, const struct datadir *,
	    const struct batch_options *, FILE *out, char *err, size_t errsz);

#endif
