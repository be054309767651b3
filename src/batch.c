/* Batch mode: an experiment printed as text. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomicfile.h"
#include "batch.h"
#include "canvas.h"
#include "compare.h"
#include "experiment.h"
#include "plot.h"
#include "xmalloc.h"

#define PLOT_HEIGHT 12

void
batch_print_settings(const struct params *p, int width,
    bool (*hidden)(const struct params *, const struct param *), FILE *out)
{
	const struct param	*t;
	char			 v[PARAM_STR_MAX];
	int			 col = 0;

	for (t = param_table; t->name != NULL; t++) {
		/* Another learner's settings mean nothing here. */
		if (!param_applies(t->name, params_scope(p)) ||
		    (hidden != NULL && hidden(p, t)))
			continue;
		param_format(p, t, v, sizeof v);
		if (col > 0 && col + (int)(strlen(t->name) + strlen(v)) + 2 >
		    width) {
			fputc('\n', out);
			col = 0;
		}
		col += fprintf(out, "%s%s=%s", col > 0 ? " " : "", t->name, v);
	}
	fputc('\n', out);
}

static void
print_curve(const struct curve_stats *cs, const char *title,
    const char *label, long window, const struct batch_options *o,
    FILE *out)
{
	struct canvas		*cv = canvas_new(o->width, PLOT_HEIGHT);
	struct plot_spec	 spec;
	struct plot_series	 series[2];
	double			*avg;
	char			 avg_label[64], *text;

	memset(&spec, 0, sizeof spec);
	spec.title = title;
	spec.xlabel = "episode";
	avg = plot_moving_average(cs->mean, (int)cs->n, (int)window);
	snprintf(avg_label, sizeof avg_label, "moving average (%ld)", window);
	/* The smooth line first (braille in UTF-8), the raw means as dots. */
	series[0].label = avg_label;
	series[0].y = avg;
	series[0].n = (int)cs->n;
	series[1].label = label;
	series[1].y = cs->mean;
	series[1].n = (int)cs->n;
	plot_render(cv, 0, 0, o->width, PLOT_HEIGHT, &spec, series, 2,
	    o->glyphs);
	text = canvas_render(cv);
	fputs(text, out);
	fputc('\n', out);
	free(text);
	free(avg);
	canvas_free(cv);
}

void
batch_print_summary(const struct params *p, const struct experiment *x,
    FILE *out)
{
	fprintf(out, "summary: agent=%s runs=%ld episodes=%ld "
	    "reward_last100=%.4f success_last100=%.4f steps_last100=%.2f "
	    "transitions=%lld seconds=%.6f\n", params_agent(p), x->runs,
	    x->episodes, x->reward_tail, x->success_tail, x->steps_tail,
	    x->transitions, x->seconds);
}

static void
show_progress(void *ctx, long done, long runs)
{
	(void)ctx;
	fprintf(stderr, "\rqtutor: run %ld/%ld", done, runs);
	if (done == runs)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

int
batch_write_csv(const struct experiment *x, const char *path, char *err,
    size_t errsz)
{
	struct atomicfile	 af;
	long			 i;

	if (atomicfile_open(&af, path, err, errsz) != 0)
		return (-1);
	fputs("episode,reward_mean,reward_std,steps_mean,steps_std\n", af.f);
	for (i = 0; i < x->episodes; i++)
		fprintf(af.f, "%ld,%.17g,%.17g,%.17g,%.17g\n", i + 1,
		    x->reward.mean[i], curve_stats_std(&x->reward, i),
		    x->steps.mean[i], curve_stats_std(&x->steps, i));
	return (atomicfile_commit(&af, err, errsz));
}

int
batch_run(const struct params *p, const struct datadir *d,
    const struct batch_options *o, FILE *out, char *err, size_t errsz)
{
	struct experiment	 x;
	int			 rc = 0;

	if (o->title != NULL)
		fprintf(out, "qtutor batch: %s\n", o->title);
	batch_print_settings(p, 78, NULL, out);
	fputc('\n', out);
	if (experiment_run(&x, p, d, o->progress ? show_progress : NULL, NULL,
	    err, errsz) != 0)
		return (-1);
	print_curve(&x.reward, "reward per episode (mean over runs)",
	    "reward", (long)p->window, o, out);
	print_curve(&x.steps, "steps per episode (mean over runs)", "steps",
	    (long)p->window, o, out);
	if (x.eval.episodes > 0)
		fprintf(out, "greedy policy: success=%.4f reward=%.4f "
		    "steps=%.2f (%ld episodes per run, mean over %ld runs)\n",
		    x.eval.success, x.eval.reward, x.eval.steps,
		    x.eval.episodes, x.runs);
	if (o->csv_path != NULL && batch_write_csv(&x, o->csv_path, err,
	    errsz) != 0)
		rc = -1;
	batch_print_summary(p, &x, out);
	experiment_free(&x);
	return (rc);
}

int
batch_compare(struct comparison *c, const struct datadir *d,
    const struct batch_options *o, FILE *out, char *err, size_t errsz)
{
	char	*text;
	int	 i;

	if (o->title != NULL)
		fprintf(out, "qtutor batch: %s\n", o->title);
	fprintf(out, "compare %s:", c->param->name);
	for (i = 0; i < c->n; i++)
		fprintf(out, "%s%s", i > 0 ? ", " : " ", c->values[i]);
	fprintf(out, " (the same seeds for each)\n");
	batch_print_settings(&c->base, 78, NULL, out);
	fputc('\n', out);
	if (compare_run(c, d, o->progress ? show_progress : NULL, NULL, err,
	    errsz) != 0)
		return (-1);
	text = compare_plot(c, o->width, PLOT_HEIGHT, o->glyphs);
	fputs(text, out);
	fputc('\n', out);
	free(text);
	text = compare_table(c, o->glyphs);
	fputs(text, out);
	fputc('\n', out);
	free(text);
	if ((text = compare_paths(c, d, o->glyphs)) != NULL) {
		fputs("greedy paths after training (run 1):\n", out);
		fputs(text, out);
		fputc('\n', out);
		free(text);
	}
	/* The summaries last, one per value in order, for scripts. */
	for (i = 0; i < c->n; i++)
		batch_print_summary(&c->p[i], &c->x[i], out);
	return (0);
}
