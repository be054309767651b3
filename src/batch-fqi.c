/*
 * Batch mode for fitted Q-iteration: the dataset, one table row per
 * iteration as it finishes (so a long run shows its progress), the
 * evaluation curve as a plot, and the summary line last.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomicfile.h"
#include "batch.h"
#include "canvas.h"
#include "clock.h"
#include "fqi-session.h"
#include "plot.h"
#include "xmalloc.h"

#define PLOT_HEIGHT 12

/* What batch mode leaves out of FQI's settings: the screen's, and
 * those of a regressor or a dataset not in use. */
static bool
fqi_hidden(const struct params *p, const struct param *t)
{
	return (strcmp(t->name, "window") == 0 ||
	    (strcmp(t->name, "k") == 0 && p->regressor != REG_KNN) ||
	    ((strcmp(t->name, "trees") == 0 ||
	    strcmp(t->name, "min_split") == 0) && p->regressor != REG_TREES) ||
	    (strcmp(t->name, "transitions") == 0 &&
	    strcmp(p->dataset, "random") != 0));
}

static void
print_dataset(const struct fqi_session *fs, FILE *out)
{
	const struct dataset	*ds = fs->data;
	long			 ends = dataset_terminations(ds);

	if (strcmp(fs->p.dataset, "random") == 0)
		fprintf(out, "dataset: %ld transitions of a random policy in "
		    "%.3f s, seed %lld\n", ds->n, fs->collect_seconds,
		    fs->p.seed);
	else
		fprintf(out, "dataset: %ld transitions from %s, read in "
		    "%.3f s\n", ds->n, fs->p.dataset, fs->collect_seconds);
	fprintf(out, "         %ld episodes, %ld ended by the pole falling "
	    "or the cart leaving (terminal),\n         mean length %.1f "
	    "steps\n", ds->episodes, ends, (double)ds->n / ds->episodes);
	fprintf(out, "regressor: %s, prepared in %.3f s (%.1f MB of "
	    "precomputed state)\n", regressor_kind_name(
	    (enum regressor_kind)fs->p.regressor), fs->prepare_seconds,
	    regressor_memory(fs->fqi->reg) / 1048576.0);
}

static void
print_header(FILE *out, enum plot_glyphs g)
{
	/* R² is two bytes but one column: padded by hand. */
	fprintf(out, "\n%4s %s %11s %11s %21s %8s %8s\n", "iter",
	    g == PLOT_UTF8 ? "      R\xc2\xb2" : "     R^2", "target mean",
	    "target max", "greedy return", "fit s", "eval s");
}

static void
print_row(const struct fqi_iteration *it, FILE *out, enum plot_glyphs g)
{
	char	 ev[64], r2[32];

	if (it->eval_episodes > 0)
		snprintf(ev, sizeof ev, "%7.1f %s %6.1f (%ld)", it->eval_mean,
		    g == PLOT_UTF8 ? "\xc2\xb1" : "+-", it->eval_std,
		    it->eval_episodes);
	else
		snprintf(ev, sizeof ev, "-");
	/* Constant targets leave R² undefined. */
	if (isnan(it->r2))
		snprintf(r2, sizeof r2, "n/a");
	else
		snprintf(r2, sizeof r2, "%.4f", it->r2);
	fprintf(out, "%4d %8s %11.3f %11.3f %21s %8.4f %8.4f\n",
	    it->iteration, r2, it->target_mean, it->target_max, ev,
	    it->seconds, it->eval_seconds);
	fflush(out);
}

static void
print_plot(const struct fqi *f, const struct batch_options *o, FILE *out)
{
	struct canvas		*cv = canvas_new(o->width, PLOT_HEIGHT);
	struct plot_spec	 spec;
	struct plot_series	 series;
	double			*y = xcalloc((size_t)f->done, sizeof *y);
	char			*text;
	int			 k;

	for (k = 0; k < f->done; k++)
		y[k] = f->hist[k].eval_mean;
	memset(&spec, 0, sizeof spec);
	spec.title = "greedy return after each iteration (mean over the "
	    "evaluation episodes)";
	spec.xlabel = "iteration";
	spec.x_from_zero = 1;
	series.label = "return";
	series.y = y;
	series.n = f->done;
	plot_render(cv, 0, 0, o->width, PLOT_HEIGHT, &spec, &series, 1,
	    o->glyphs);
	text = canvas_render(cv);
	fputc('\n', out);
	fputs(text, out);
	fputc('\n', out);
	free(text);
	free(y);
	canvas_free(cv);
}

/* The table as CSV (temporary file, then rename): one row per
 * iteration; r2 is empty where the targets were constant. */
static int
write_csv(const struct fqi *f, const char *path, char *err, size_t errsz)
{
	struct atomicfile	 af;
	const struct fqi_iteration *it;
	int			 k;

	if (atomicfile_open(&af, path, err, errsz) != 0)
		return (-1);
	fputs("iteration,r2,target_mean,target_max,eval_mean,eval_std,"
	    "eval_episodes,seconds,eval_seconds\n", af.f);
	for (k = 0; k < f->done; k++) {
		it = &f->hist[k];
		fprintf(af.f, "%d,", it->iteration);
		if (!isnan(it->r2))
			fprintf(af.f, "%.17g", it->r2);
		fprintf(af.f, ",%.17g,%.17g,%.17g,%.17g,%ld,%.6f,%.6f\n",
		    it->target_mean, it->target_max, it->eval_mean,
		    it->eval_std, it->eval_episodes, it->seconds,
		    it->eval_seconds);
	}
	return (atomicfile_commit(&af, err, errsz));
}

int
batch_fqi(const struct params *p, const struct datadir *d,
    const struct batch_options *o, FILE *out, char *err, size_t errsz)
{
	struct fqi_session		*fs;
	const struct fqi_iteration	*it = NULL;
	double				 t0 = clock_seconds();
	long				 k;

	if (o->title != NULL)
		fprintf(out, "qtutor batch: %s\n", o->title);
	batch_print_settings(p, 78, fqi_hidden, out);
	fflush(out);
	if ((fs = fqi_session_new(p, d, err, errsz)) == NULL)
		return (-1);
	print_dataset(fs, out);
	print_header(out, o->glyphs);
	for (k = 0; k < p->iterations; k++) {
		it = fqi_session_iterate(fs);
		print_row(it, out, o->glyphs);
	}
	if (p->eval_episodes > 0)
		print_plot(fs->fqi, o, out);
	if (o->csv_path != NULL && write_csv(fs->fqi, o->csv_path, err,
	    errsz) != 0) {
		fqi_session_free(fs);
		return (-1);
	}
	fprintf(out, "summary: regressor=%s iterations=%d transitions=%ld "
	    "eval_mean=%.4f eval_std=%.4f seconds=%.6f\n",
	    regressor_kind_name((enum regressor_kind)p->regressor),
	    fs->fqi->done, fs->data->n, it->eval_mean, it->eval_std,
	    clock_seconds() - t0);
	fqi_session_free(fs);
	return (0);
}
