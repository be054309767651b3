/*
 * The grid world: each cell's letter (S F H G, and C for CliffWalking's
 * cliff), the agent as '@', and on every cell where the agent can act
 * the greedy action's arrow, shaded by the size of the state's best Q
 * value.  While value iteration is shown, the arrows are the greedy ones
 * of its Q and the shade and the value in big cells are its V(s).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "gridmap.h"
#include "tabular.h"
#include "style.h"
#include "view.h"

static int
letter_style(char letter)
{
	switch (letter) {
	case 'S':
		return (ST_START);
	case 'H':
	case 'C':
		return (ST_HOLE);
	case 'G':
		return (ST_GOAL);
	default:
		return (ST_FROZEN);
	}
}

/* The first best action: the same one the table view marks. */
static int
best_action(const double *q, int n)
{
	int	 a, best = 0;

	for (a = 1; a < n; a++)
		if (q[a] > q[best])
			best = a;
	return (best);
}

static double
abs_max(const double *v, size_t n)
{
	double	 m = 0;
	size_t	 i;

	for (i = 0; i < n; i++)
		if (fabs(v[i]) > m)
			m = fabs(v[i]);
	return (m);
}

/* A cell of cw x rh characters: the letter (or @) and the greedy
 * arrow, and in big cells the state's value under them: the best Q of
 * the agent's table, or value iteration's V(s). */
static void
draw_cell(struct canvas *c, int x, int y, int cw, int rh,
    const struct tutor *t, int s, char letter, double vmax,
    const struct view_opts *o)
{
	const struct agent	*ag = t->s->agent;
	const struct planning	*pl = tutor_plan(t);
	const double		*q = pl != NULL ?
				    pl->q + (size_t)s * pl->nactions :
				    ag->table + (size_t)s * ag->nactions;
	int			 na = pl != NULL ? pl->nactions :
				    ag->nactions;
	bool			 agent_here = view_agent_state(t) == s;
	char			 value[16];
	double			 v;
	int			 a, pad = cw >= 6 ? (cw - 3) / 2 : 0;

	/* On a hole or the goal (the episode just ended) the letter stays
	 * readable, marked as where the agent is.  CliffWalking's cliff (C)
	 * is drawn as a hole: the agent never stands there, as a step into
	 * it sends the agent back to the start. */
	canvas_putstyle(c, x + pad, y, agent_here && letter != 'H' &&
	    letter != 'G' && letter != 'C' ? '@' : (uint32_t)letter,
	    agent_here ? ST_AGENT : letter_style(letter));
	if (letter == 'H' || letter == 'G' || letter == 'C')
		return;
	/* An arrow only once the state has a preference. */
	a = best_action(q, na);
	v = pl != NULL ? pl->v[s] : q[a];
	if (tabular_all_equal(q, na))
		canvas_putstyle(c, x + pad + 1, y, o->glyphs == PLOT_UTF8 ?
		    0xb7 : '.', ST_DIM);
	else
		canvas_textstyle(c, x + pad + 1, y, view_action_glyph(t, a,
		    o->glyphs), 1, view_value_style(v, vmax));
	if (cw >= 7 && rh >= 3) {
		view_format_value(value, sizeof value, v, cw - 2);
		canvas_textstyle(c, x + (cw - 1 - canvas_textwidth(value)) / 2,
		    y + 1, value, cw - 1, view_value_style(v, vmax));
	}
}

void
view_grid_draw(struct canvas *c, struct rect r, const struct tutor *t,
    const struct view_opts *o)
{
	const struct gridmap	*m = env_grid(t->s->env);
	const struct agent	*ag = t->s->agent;
	const struct planning	*pl = tutor_plan(t);
	double			 vmax = pl != NULL ?
				    abs_max(pl->v, (size_t)pl->nstates) :
				    abs_max(ag->table, (size_t)ag->nstates *
				    ag->nactions);
	char			 head[96];
	int			 cw, rh, row, col, top;

	view_clear(c, r);
	if (m == NULL)
		return;
	/* CliffWalking has one grid: its name says no more than the title. */
	if (strcmp(t->s->env->ops->name, "cliffwalking") == 0)
		snprintf(head, sizeof head, "CliffWalking%s",
		    t->s->p.slippery ? " slippery" : "");
	else
		snprintf(head, sizeof head, "FrozenLake %s%s", m->name,
		    t->s->p.slippery ? " slippery" : "");
	if (canvas_textwidth(head) > r.w)
		snprintf(head, sizeof head, "%s%s", m->name,
		    t->s->p.slippery ? " slippery" : "");
	canvas_textstyle(c, r.x, r.y, head, r.w, ST_TITLE);
	/* Cells as big as the panel allows, from 2 columns and 1 row up
	 * to 9 columns and 4 rows (a projector's size). */
	cw = r.w / m->cols;
	cw = cw > 9 ? 9 : cw < 2 ? 2 : cw;
	rh = (r.h - 2) / m->rows;
	rh = rh > 4 ? 4 : rh < 1 ? 1 : rh;
	top = r.y + 1;
	for (row = 0; row < m->rows && top + row * rh < r.y + r.h; row++)
		for (col = 0; col < m->cols && (col + 1) * cw <= r.w; col++)
			draw_cell(c, r.x + col * cw, top + row * rh, cw, rh, t,
			    row * m->cols + col, m->cell[row][col], vmax, o);
	if (top + m->rows * rh < r.y + r.h)
		canvas_textstyle(c, r.x, top + m->rows * rh,
		    pl != NULL && r.w >= 24 ? (o->glyphs == PLOT_UTF8 ?
		    "@ agent →greedy, shade V" : "@ agent >greedy, shade V") :
		    o->glyphs == PLOT_UTF8 ? "@ agent →greedy" :
		    "@ agent >greedy", r.w, ST_DIM);
}
