/*
 * Batch mode for DQN: the settings, a progress line at every evaluation
 * (steps, epsilon, the greedy return, the mean loss since the last line,
 * steps per second), the curves, and the summary line last.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomicfile.h"
#include "batch.h"
#include "canvas.h"
#include "clock.h"
#include "dqn-session.h"
#include "plot.h"
#include "xmalloc.h"

#define PLOT_HEIGHT 12
/* The held-out check after training: start states of another seed. */
#define OTHER_STARTS	100
#define OTHER_SEED	1000003

/* The screen's settings, and the threads DQN does not use. */
static bool
dqn_hidden(const struct params *p, const struct param *t)
{
	(void)p;
	return (strcmp(t->name, "window") == 0 ||
	    strcmp(t->name, "threads") == 0);
}

static void
print_header(FILE *out)
{
	fprintf(out, "\n%9s %7s %9s %21s %11s %9s\n", "step", "epsilon",
	    "updates", "greedy return", "mean loss", "steps/s");
}

/* The progress line after an evaluation. */
static void
print_progress(const struct dqn *q, long from_loss, double rate,
    enum plot_glyphs g, FILE *out)
{
	const struct dqn_eval	*ev = &q->evals[q->nevals - 1];
	double			 loss = 0;
	long			 i, n = q->nlosses - from_loss;
	char			 ret[64], l[32];

	for (i = from_loss; i < q->nlosses; i++)
		loss += q->losses[i];
	if (n > 0)
		snprintf(l, sizeof l, "%.4g", loss / n);
	else
		snprintf(l, sizeof l, "-");
	snprintf(ret, sizeof ret, "%7.1f %s %6.1f (%ld)", ev->mean,
	    g == PLOT_UTF8 ? "\xc2\xb1" : "+-", ev->std, ev->episodes);
	fprintf(out, "%9ld %7.3f %9ld %21s %11s %9.0f\n", q->step,
	    schedule_value(&q->cfg.epsilon, q->step), q->updates, ret, l,
	    rate);
	fflush(out);
}

static void
print_plot(const double *y, long n, const char *title, const char *xlabel,
    const struct batch_options *o, FILE *out)
{
	struct canvas		*cv = canvas_new(o->width, PLOT_HEIGHT);
	struct plot_spec	 spec;
	struct plot_series	 s;
	char			*text;

	memset(&spec, 0, sizeof spec);
	spec.title = title;
	spec.xlabel = xlabel;
	s.label = "return";
	s.y = y;
	s.n = (int)n;
	plot_render(cv, 0, 0, o->width, PLOT_HEIGHT, &spec, &s, 1, o->glyphs);
	text = canvas_render(cv);
	fputc('\n', out);
	fputs(text, out);
	fputc('\n', out);
	free(text);
	canvas_free(cv);
}

static void
print_curves(const struct dqn *q, const struct batch_options *o, FILE *out)
{
	double	*y;
	long	 i;

	if (q->nevals > 0) {
		y = xcalloc((size_t)q->nevals, sizeof *y);
		for (i = 0; i < q->nevals; i++)
			y[i] = q->evals[i].mean;
		print_plot(y, q->nevals, "greedy return at each evaluation",
		    "evaluation", o, out);
		free(y);
	}
	if (q->nreturns > 0)
		print_plot(q->returns, q->nreturns, "return of each training "
		    "episode (epsilon-greedy)", "episode", o, out);
}

/* The evaluations as CSV (temporary file, then rename). */
static int
write_csv(const struct dqn *q, const char *path, char *err, size_t errsz)
{
	struct atomicfile	 af;
	long			 i;

	if (atomicfile_open(&af, path, err, errsz) != 0)
		return (-1);
	fputs("step,eval_mean,eval_std,eval_episodes\n", af.f);
	for (i = 0; i < q->nevals; i++)
		fprintf(af.f, "%ld,%.17g,%.17g,%ld\n", q->evals[i].step,
		    q->evals[i].mean, q->evals[i].std, q->evals[i].episodes);
	return (atomicfile_commit(&af, err, errsz));
}

int
batch_dqn(const struct params *p, const struct datadir *d,
    const struct batch_options *o, FILE *out, char *err, size_t errsz)
{
	struct dqn	*q;
	struct dqn_eval	 fin, other;
	double		 t0 = clock_seconds(), tick = t0, t;
	long		 evals = 0, from_loss = 0, from_step = 0;
	int		 rc = 0;

	(void)d;
	if (o->title != NULL)
		fprintf(out, "qtutor batch: %s\n", o->title);
	batch_print_settings(p, 78, dqn_hidden, out);
	if ((q = dqn_new_from(p, err, errsz)) == NULL)
		return (-1);
	fprintf(out, "network: %d inputs, %lld x %lld hidden%s, %d outputs, "
	    "%zu parameters (%s)\n", q->cfg.shape.nin, p->layers, p->units,
	    p->dueling ? ", dueling head" : "", q->cfg.shape.nout,
	    nn_nparams(q->online), strcmp(p->network, "new") == 0 ?
	    "new" : p->network);
	print_header(out);
	while (q->step < p->steps) {
		if (dqn_step(q) < 0)
			break;
		if (q->nevals > evals) {
			t = clock_seconds();
			print_progress(q, from_loss, (q->step - from_step) /
			    (t - tick + 1e-9), o->glyphs, out);
			evals = q->nevals;
			from_loss = q->nlosses;
			from_step = q->step;
			tick = t;
		}
	}
	if (q->diverged)
		fprintf(out, "training stopped at step %ld: the loss is not "
		    "finite (%g): the network diverged\n", q->step,
		    (double)q->last_update.loss);
	print_curves(q, o, out);
	fin = dqn_evaluate(q, dqn_policy_net(q), p->eval_episodes,
	    (uint64_t)p->seed);
	fprintf(out, "final evaluation (%s network): %.1f %s %.1f over %ld "
	    "episodes\n", dqn_policy_net(q) == q->online ? "last" : "best",
	    fin.mean, o->glyphs == PLOT_UTF8 ? "\xc2\xb1" : "+-", fin.std,
	    fin.episodes);
	/* The kept network was chosen on the evaluation's start states:
	 * how it does from others says whether it learned the task or
	 * those ten starts. */
	other = dqn_evaluate(q, dqn_policy_net(q), OTHER_STARTS,
	    (uint64_t)p->seed + OTHER_SEED);
	fprintf(out, "the same network from %d other start states: %.1f %s "
	    "%.1f\n", OTHER_STARTS, other.mean, o->glyphs == PLOT_UTF8 ?
	    "\xc2\xb1" : "+-", other.std);
	if (o->csv_path != NULL && write_csv(q, o->csv_path, err, errsz) != 0)
		rc = -1;
	if (rc == 0 && o->network_path != NULL && nn_save(dqn_policy_net(q),
	    o->network_path, err, errsz) != 0)
		rc = -1;
	fprintf(out, "summary: steps=%ld updates=%ld eval_mean=%.4f "
	    "eval_std=%.4f first_solved_step=%ld seconds=%.6f\n", q->step,
	    q->updates, fin.mean, fin.std, q->first_solved,
	    clock_seconds() - t0);
	if (q->diverged && rc == 0) {
		snprintf(err, errsz, "the network diverged at step %ld",
		    q->step);
		rc = -1;
	}
	dqn_free(q);
	return (rc);
}

/*
 * A comparison: each value of one setting trained with the same seed,
 * the evaluation curves on one plot, a table, and the summary lines, in
 * order, last.
 */
#define COMPARE_MAX 5

struct dqn_trial {
	char		 value[PARAM_STR_MAX];
	struct params	 p;
	struct dqn	*q;
	struct dqn_eval	 fin;
	double		 seconds;
	double		*curve;
};

/* "NAME=V1,V2,...": every value set on a copy of p, or -1 with err. */
static int
parse_spec(const char *spec, const struct params *p, struct dqn_trial *tr,
    int *n, char *name, size_t namesz, char *err, size_t errsz)
{
	const char	*eq = strchr(spec, '='), *v, *comma;
	size_t		 len;

	if (eq == NULL || eq == spec || eq[1] == '\0') {
		snprintf(err, errsz, "--compare: '%s' is not NAME=V1,V2,...",
		    spec);
		return (-1);
	}
	snprintf(name, namesz, "%.*s", (int)(eq - spec), spec);
	if (strcmp(name, "agent") == 0 || strcmp(name, "env") == 0) {
		snprintf(err, errsz, "--compare: with DQN, compare DQN's own "
		    "settings (double_dqn, dueling, lr, ...), not %s", name);
		return (-1);
	}
	if (!param_applies(name, SCOPE_DQN)) {
		snprintf(err, errsz, "--compare: %s does not apply to agent "
		    "dqn", name);
		return (-1);
	}
	for (*n = 0, v = eq + 1; *v != '\0'; (*n)++) {
		if (*n == COMPARE_MAX) {
			snprintf(err, errsz, "--compare: at most %d values",
			    COMPARE_MAX);
			return (-1);
		}
		comma = strchr(v, ',');
		len = comma != NULL ? (size_t)(comma - v) : strlen(v);
		snprintf(tr[*n].value, sizeof tr[*n].value, "%.*s", (int)len,
		    v);
		tr[*n].p = *p;
		if (param_set(&tr[*n].p, name, tr[*n].value, err, errsz) != 0)
			return (-1);
		v += len + (comma != NULL);
	}
	if (*n < 2) {
		snprintf(err, errsz, "--compare: give at least two values");
		return (-1);
	}
	return (0);
}

static int
train_trial(struct dqn_trial *t, char *err, size_t errsz)
{
	double	 t0 = clock_seconds();
	long	 i;

	if ((t->q = dqn_new_from(&t->p, err, errsz)) == NULL)
		return (-1);
	while (t->q->step < t->p.steps && dqn_step(t->q) >= 0)
		;
	t->fin = dqn_evaluate(t->q, dqn_policy_net(t->q), t->p.eval_episodes,
	    (uint64_t)t->p.seed);
	t->seconds = clock_seconds() - t0;
	t->curve = xcalloc((size_t)t->q->nevals + 1, sizeof *t->curve);
	for (i = 0; i < t->q->nevals; i++)
		t->curve[i] = t->q->evals[i].mean;
	return (0);
}

static void
print_compare_plot(struct dqn_trial *tr, int n, const char *name,
    const struct batch_options *o, FILE *out)
{
	struct canvas		*cv = canvas_new(o->width, PLOT_HEIGHT + 2);
	struct plot_spec	 spec;
	struct plot_series	 s[COMPARE_MAX];
	char			 labels[COMPARE_MAX][PARAM_STR_MAX + 64];
	char			*text;
	int			 i;

	memset(&spec, 0, sizeof spec);
	spec.title = "greedy return at each evaluation";
	spec.xlabel = "evaluation";
	for (i = 0; i < n; i++) {
		snprintf(labels[i], sizeof labels[i], "%.63s=%.200s", name,
		    tr[i].value);
		s[i].label = labels[i];
		s[i].y = tr[i].curve;
		s[i].n = (int)tr[i].q->nevals;
	}
	plot_render(cv, 0, 0, o->width, PLOT_HEIGHT + 2, &spec, s, n,
	    o->glyphs);
	text = canvas_render(cv);
	fputc('\n', out);
	fputs(text, out);
	fputc('\n', out);
	free(text);
	canvas_free(cv);
}

int
batch_dqn_compare(const struct params *p, const char *spec,
    const struct batch_options *o, FILE *out, char *err, size_t errsz)
{
	struct dqn_trial	 tr[COMPARE_MAX];
	char			 name[64], pm[8];
	int			 n = 0, i, rc = 0;

	memset(tr, 0, sizeof tr);
	if (parse_spec(spec, p, tr, &n, name, sizeof name, err, errsz) != 0)
		return (-2);
	snprintf(pm, sizeof pm, "%s", o->glyphs == PLOT_UTF8 ?
	    "\xc2\xb1" : "+-");
	if (o->title != NULL)
		fprintf(out, "qtutor batch: %s\n", o->title);
	fprintf(out, "compare %s:", name);
	for (i = 0; i < n; i++)
		fprintf(out, "%s%s", i > 0 ? ", " : " ", tr[i].value);
	fprintf(out, " (the same seed for each)\n");
	batch_print_settings(p, o->width, dqn_hidden, out);
	fflush(out);
	for (i = 0; i < n && rc == 0; i++)
		if (train_trial(&tr[i], err, errsz) != 0)
			rc = -1;
	if (rc == 0) {
		print_compare_plot(tr, n, name, o, out);
		fprintf(out, "%-24s %12s %21s %10s %8s\n", name,
		    "first solved", "final evaluation", "diverged", "seconds");
		for (i = 0; i < n; i++)
			fprintf(out, "%-24s %12ld %9.1f %s %6.1f (%ld) %10s "
			    "%8.3f\n", tr[i].value, tr[i].q->first_solved,
			    tr[i].fin.mean, pm, tr[i].fin.std,
			    tr[i].fin.episodes, tr[i].q->diverged ? "yes" :
			    "no", tr[i].seconds);
		for (i = 0; i < n; i++)
			fprintf(out, "summary: %s=%s steps=%ld updates=%ld "
			    "eval_mean=%.4f eval_std=%.4f first_solved_step=%ld "
			    "seconds=%.6f\n", name, tr[i].value, tr[i].q->step,
			    tr[i].q->updates, tr[i].fin.mean, tr[i].fin.std,
			    tr[i].q->first_solved, tr[i].seconds);
	}
	for (i = 0; i < n; i++) {
		dqn_free(tr[i].q);
		free(tr[i].curve);
	}
	return (rc);
}
