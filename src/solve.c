/* --solve: the optimal values, greedy policy and its success, as text. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gridmap.h"
#include "planning.h"
#include "solve.h"
#include "tmodel.h"
#include "xmalloc.h"

/* At most this many outcome backups in all (some 10 s), so that a
 * large model that does not converge (gamma 1, no end) gives up. */
#define SOLVE_MAX_WORK 1e10

static const char	*action_glyph(const struct env *, int,
			    enum plot_glyphs);
static void		 print_grid(const struct env *, const struct gridmap *,
			    const int *, const bool *, enum plot_glyphs,
			    FILE *);
static void		 print_list(const struct env *, const int *,
			    const bool *, FILE *);

/* The arrow of a compass action name, else the name itself. */
static const char *
action_glyph(const struct env *e, int a, enum plot_glyphs g)
{
	static const char *const names[] = { "left", "down", "right", "up" };
	static const char *const utf8[] = { "←", "↓", "→", "↑" };
	static const char *const ascii[] = { "<", "v", ">", "^" };
	int	 i;

	for (i = 0; i < 4; i++)
		if (strcmp(e->action_names[a], names[i]) == 0)
			return (g == PLOT_UTF8 ? utf8[i] : ascii[i]);
	return (e->action_names[a]);
}

static void
print_grid(const struct env *e, const struct gridmap *m, const int *act,
    const bool *acts, enum plot_glyphs g, FILE *out)
{
	int	 row, col, s;

	for (row = 0; row < m->rows; row++) {
		for (col = 0; col < m->cols; col++) {
			s = row * m->cols + col;
			fprintf(out, "%s%c%s", col > 0 ? " " : "",
			    m->cell[row][col], acts[s] ?
			    action_glyph(e, act[s], g) :
			    col < m->cols - 1 ? " " : "");
		}
		fputc('\n', out);
	}
}

static void
print_list(const struct env *e, const int *act, const bool *acts, FILE *out)
{
	int	 s;

	for (s = 0; s < e->nstates; s++)
		fprintf(out, "%d %s\n", s, acts[s] ?
		    e->action_names[act[s]] : "-");
}

int
solve_print(const struct env *e, const struct params *p,
    enum plot_glyphs g, FILE *out, char *err, size_t errsz)
{
	const struct tmodel	*m = e->model;
	const struct gridmap	*grid = env_grid(e);
	struct planning		*pl;
	double			*pi, success, work;
	bool			*acts;
	int			*act, s, a, limit;
	long			 max_sweeps = PLANNING_MAX_SWEEPS;

	work = m->nentries > 0 ? SOLVE_MAX_WORK / m->nentries : 1e300;
	if (work < max_sweeps)
		max_sweeps = work < 1000 ? 1000 : (long)work;
	pl = planning_new(m, p->gamma);
	if (planning_value_iteration(pl, PLANNING_THETA, max_sweeps) != 0) {
		snprintf(err, errsz, "value iteration did not converge: the "
		    "largest change is still %g after %ld sweeps (gamma %g)",
		    pl->delta, pl->sweeps, p->gamma);
		planning_free(pl);
		return (-1);
	}
	act = xcalloc((size_t)m->nstates, sizeof *act);
	acts = xcalloc((size_t)m->nstates, sizeof *acts);
	pi = xcalloc((size_t)m->nstates * m->nactions, sizeof *pi);
	planning_greedy(pl, act);
	planning_acting_states(m, acts);
	planning_policy_deterministic(pi, act, m->nstates, m->nactions);

	fprintf(out, "state,V");
	for (a = 0; a < m->nactions; a++)
		fprintf(out, ",Q%d", a);
	fputc('\n', out);
	for (s = 0; s < m->nstates; s++) {
		fprintf(out, "%d,%.17g", s, pl->v[s]);
		for (a = 0; a < m->nactions; a++)
			fprintf(out, ",%.17g", pl->q[s * m->nactions + a]);
		fputc('\n', out);
	}

	fprintf(out, "\nvalue iteration: %ld sweeps (Jacobi), gamma %g, "
	    "largest change of the last %g (threshold %g)\n", pl->sweeps,
	    p->gamma, pl->delta, PLANNING_THETA);
	fprintf(out, "greedy policy (ties go to the first best action):\n");
	if (grid != NULL && grid->rows * grid->cols == m->nstates)
		print_grid(e, grid, act, acts, g, out);
	else
		print_list(e, act, acts, out);

	limit = p->max_steps > 0 ? (int)p->max_steps : e->default_time_limit;
	success = planning_success(m, pi, limit, NULL);
	if (limit > 0)
		fprintf(out, "success probability of the greedy policy within "
		    "%d steps: %.17g\n", limit, success);
	else
		fprintf(out, "success probability of the greedy policy with "
		    "no time limit: %.17g\n", success);
	free(pi);
	free(acts);
	free(act);
	planning_free(pl);
	return (0);
}
