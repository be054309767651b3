/* A comparison: one experiment per value of a parameter. */
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "canvas.h"
#include "gridmap.h"
#include "planning.h"
#include "compare.h"
#include "session.h"
#include "xmalloc.h"

static int	add_value(struct comparison *, const struct params *,
		    const char *, const struct datadir *, char *, size_t);
static void	append(char **, size_t *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

/* One value checked and added as the next variant. */
static int
add_value(struct comparison *c, const struct params *base, const char *value,
    const struct datadir *d, char *err, size_t errsz)
{
	struct params	*p = &c->p[c->n];
	struct env	*env;
	int		 i;

	if (value[0] == '\0') {
		snprintf(err, errsz, "compare: %s: an empty value",
		    c->param->name);
		return (-1);
	}
	if (c->n == COMPARE_MAX) {
		snprintf(err, errsz, "compare: %s: more than %d values",
		    c->param->name, COMPARE_MAX);
		return (-1);
	}
	*p = *base;
	if (param_set(p, c->param->name, value, err, errsz) != 0)
		return (-1);
	/* A map or an environment that cannot be built fails now. */
	if ((env = session_make_env(p, d, err, errsz)) == NULL)
		return (-1);
	env_free(env);
	param_format(p, c->param, c->values[c->n], sizeof c->values[c->n]);
	for (i = 0; i < c->n; i++) {
		if (strcmp(c->values[i], c->values[c->n]) == 0) {
			snprintf(err, errsz, "compare: %s=%s given twice",
			    c->param->name, c->values[i]);
			return (-1);
		}
	}
	c->n++;
	return (0);
}

int
compare_parse(struct comparison *c, const struct params *base,
    const char *name, const char *values, const struct datadir *d,
    char *err, size_t errsz)
{
	char	*copy, *v, *comma;
	int	 rc = 0;

	memset(c, 0, sizeof *c);
	c->base = *base;
	if ((c->param = param_find(name)) == NULL) {
		snprintf(err, errsz, "compare: unknown parameter '%s'", name);
		return (-1);
	}
	copy = xstrdup(values);
	for (v = copy; rc == 0; v = comma + 1) {
		if ((comma = strchr(v, ',')) != NULL)
			*comma = '\0';
		rc = add_value(c, base, v, d, err, errsz);
		if (comma == NULL)
			break;
	}
	free(copy);
	return (rc);
}

int
compare_parse_spec(struct comparison *c, const struct params *base,
    const char *spec, const struct datadir *d, char *err, size_t errsz)
{
	const char	*eq = strchr(spec, '=');
	char		 name[PARAM_STR_MAX];

	if (eq == NULL || eq == spec || (size_t)(eq - spec) >= sizeof name) {
		memset(c, 0, sizeof *c);
		snprintf(err, errsz, "compare: '%s' is not NAME=V1,V2,...",
		    spec);
		return (-1);
	}
	memcpy(name, spec, (size_t)(eq - spec));
	name[eq - spec] = '\0';
	return (compare_parse(c, base, name, eq + 1, d, err, errsz));
}

int
compare_run(struct comparison *c, const struct datadir *d,
    experiment_progress progress, void *ctx, char *err, size_t errsz)
{
	char	 why[512];

	for (c->ran = 0; c->ran < c->n; c->ran++) {
		if (experiment_run(&c->x[c->ran], &c->p[c->ran], d, progress,
		    ctx, why, sizeof why) != 0) {
			snprintf(err, errsz, "%s=%s: %s", c->param->name,
			    c->values[c->ran], why);
			return (-1);
		}
	}
	return (0);
}

void
compare_free(struct comparison *c)
{
	int	 i;

	for (i = 0; i < c->ran; i++)
		experiment_free(&c->x[i]);
	c->ran = 0;
}

char *
compare_plot(const struct comparison *c, int width, int height,
    enum plot_glyphs g)
{
	struct canvas		*cv = canvas_new(width, height);
	struct plot_spec	 spec;
	struct plot_series	 series[COMPARE_MAX];
	double			*avg[COMPARE_MAX];
	char			 title[128], *text;
	double			 lo, hi, tlo, thi;
	int			 i, j;

	memset(&spec, 0, sizeof spec);
	/* Each value's own window, unless the window is what differs. */
	if (strcmp(c->param->name, "window") == 0)
		snprintf(title, sizeof title, "reward per episode by %s "
		    "(moving average of the mean over runs)", c->param->name);
	else
		snprintf(title, sizeof title, "reward per episode by %s "
		    "(mean over runs, moving average of %lld)",
		    c->param->name, c->p[0].window);
	spec.title = title;
	spec.xlabel = "episode";
	for (i = 0; i < c->ran; i++) {
		avg[i] = plot_moving_average(c->x[i].reward.mean,
		    (int)c->x[i].reward.n, (int)c->p[i].window);
		series[i].label = c->values[i];
		series[i].y = avg[i];
		series[i].n = (int)c->x[i].reward.n;
	}
	/*
	 * Early episodes can be far worse than the rest (a thousand steps
	 * along the cliff) and would squash the curves being compared into
	 * a line.  When the whole range is more than three times that of
	 * the episodes after the first fifth, the y axis fits the latter and
	 * anything outside is drawn on its edge.
	 */
	lo = tlo = INFINITY;
	hi = thi = -INFINITY;
	for (i = 0; i < c->ran; i++) {
		for (j = 0; j < series[i].n; j++) {
			if (isnan(avg[i][j]))
				continue;
			lo = fmin(lo, avg[i][j]);
			hi = fmax(hi, avg[i][j]);
			if (j < series[i].n / 5)
				continue;
			tlo = fmin(tlo, avg[i][j]);
			thi = fmax(thi, avg[i][j]);
		}
	}
	if (thi > tlo && hi - lo > 3 * (thi - tlo)) {
		spec.ymin = tlo - (thi - tlo) * 0.05;
		spec.ymax = thi + (thi - tlo) * 0.05;
		spec.fixed_y = 1;
	}
	plot_render(cv, 0, 0, width, height, &spec, series, c->ran, g);
	text = canvas_render(cv);
	for (i = 0; i < c->ran; i++)
		free(avg[i]);
	canvas_free(cv);
	return (text);
}

/* Append to a growing string. */
static void
append(char **s, size_t *len, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	*s = xreallocarray(*s, *len + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(*s + *len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	*len += (size_t)n;
}

char *
compare_table(const struct comparison *c, enum plot_glyphs g)
{
	const struct experiment	*x;
	const char		*pm = g == PLOT_UTF8 ? "\xc2\xb1" : "+-";
	int			 pmw = g == PLOT_UTF8 ? 1 : 2;	/* columns */
	char			*s = NULL, greedy[32];
	size_t			 len = 0;
	int			 i, w = (int)strlen(c->param->name);
	bool			 evaluated = false;

	for (i = 0; i < c->ran; i++) {
		if ((int)strlen(c->values[i]) > w)
			w = (int)strlen(c->values[i]);
		evaluated |= c->x[i].eval.episodes > 0;
	}
	if (w > 24)
		w = 24;
	/* Two header lines: what the columns are, then their names. */
	append(&s, &len, "%-*s  %-*s%7s\n", w, "", 36 + pmw,
	    "last 100 episodes of each run", "greedy");
	append(&s, &len, "%-*s  %9s %*s %8s %7s %7s %7s %8s\n", w,
	    c->param->name, "reward", pmw, "", "std.err", "success", "steps",
	    "success", "seconds");
	for (i = 0; i < c->ran; i++) {
		x = &c->x[i];
		if (x->eval.episodes > 0)
			snprintf(greedy, sizeof greedy, "%.4f",
			    x->eval.success);
		else
			snprintf(greedy, sizeof greedy, "-");
		append(&s, &len, "%-*.*s  %9.4f %s %8.4f %7.4f %7.2f %7s "
		    "%7.3fs\n", w, w, c->values[i], x->reward_tail, pm,
		    x->reward_tail_sd / sqrt((double)x->runs), x->success_tail,
		    x->steps_tail, greedy, x->seconds);
	}
	append(&s, &len, "Run r of every value draws from the same random "
	    "stream r.\n%s: the standard error over runs (sample sd / %s).\n",
	    pm, g == PLOT_UTF8 ? "\xe2\x88\x9aruns" : "sqrt(runs)");
	if (evaluated)
		append(&s, &len, "greedy success: the learned greedy policy, "
		    "%ld episodes per run.\n", c->x[0].eval.episodes);
	return (s);
}

#define PATH_WIDTH	78	/* columns the paths may use side by side */
#define PATH_HEAD	36	/* room for "agent=qlearning: reaches G in 13" */

static int
start_state(const struct gridmap *m)
{
	int	 s;

	for (s = 0; s < m->rows * m->cols; s++)
		if (gridmap_at(m, s) == 'S')
			return (s);
	return (0);
}

/* Value i trained (run 1) and its greedy path drawn at (x, y). */
static void
draw_path(struct canvas *cv, int x, int y, const struct comparison *c,
    int i, const struct datadir *d, enum plot_glyphs g)
{
	const struct gridmap	*m;
	struct session		*s;
	char			 err[256], head[PARAM_STR_MAX + 64];
	int			*path, n, reaches, k, row, col, cell;
	bool			 on;

	if ((s = session_new(&c->p[i], d, 0, 0, err, sizeof err)) == NULL)
		return;
	session_run(s, (long)c->p[i].episodes, 0);
	m = env_grid(s->env);
	path = xcalloc((size_t)s->env->nstates + 1, sizeof *path);
	n = planning_greedy_path(s->env->model, s->agent->table,
	    start_state(m), path, s->env->nstates + 1, &reaches);
	if (reaches)
		snprintf(head, sizeof head, "%s=%s: goal in %d steps",
		    c->param->name, c->values[i], n - 1);
	else
		snprintf(head, sizeof head, "%s=%s: no path to the goal",
		    c->param->name, c->values[i]);
	canvas_text(cv, x, y, head);
	for (row = 0; row < m->rows; row++) {
		for (col = 0; col < m->cols; col++) {
			cell = row * m->cols + col;
			for (on = false, k = 0; k < n; k++)
				on |= path[k] == cell;
			canvas_put(cv, x + 2 * col, y + 1 + row, on &&
			    m->cell[row][col] == 'F' ? (g == PLOT_UTF8 ?
			    0x2022 : '*') : (uint32_t)m->cell[row][col]);
		}
	}
	free(path);
	session_free(s);
}

char *
compare_paths(const struct comparison *c, const struct datadir *d,
    enum plot_glyphs g)
{
	const struct gridmap	*m;
	struct canvas		*cv;
	struct env		*env;
	char			 err[256], *text;
	int			 block, per_row, i, rows, cols;

	if ((env = session_make_env(&c->p[0], d, err, sizeof err)) == NULL)
		return (NULL);
	if ((m = env_grid(env)) == NULL) {
		env_free(env);
		return (NULL);
	}
	rows = m->rows;
	cols = m->cols;
	env_free(env);
	block = 2 * cols > PATH_HEAD ? 2 * cols + 2 : PATH_HEAD + 2;
	per_row = PATH_WIDTH / block > 0 ? PATH_WIDTH / block : 1;
	cv = canvas_new(per_row * block, (c->n + per_row - 1) / per_row *
	    (rows + 2));
	for (i = 0; i < c->n; i++)
		draw_path(cv, i % per_row * block, i / per_row * (rows + 2), c,
		    i, d, g);
	text = canvas_render(cv);
	canvas_free(cv);
	return (text);
}
