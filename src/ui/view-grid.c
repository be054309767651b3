/*
 * The grid world: each cell's letter (S F H G, and C for CliffWalking's
 * cliff), the agent as '@', and on every cell where the agent can act
 * the greedy action's arrow, shaded by the size of the state's best Q
 * value.
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
table_max(const struct agent *ag)
{
	double	 m = 0;
	size_t	 i, n = (size_t)ag->nstates * ag->nactions;

	for (i = 0; i < n; i++)
		if (fabs(ag->table[i]) > m)
			m = fabs(ag->table[i]);
	return (m);
}

/* A cell of cw x rh characters: the letter (or @) and the greedy
 * arrow, and in big cells the state's best value under them. */
static void
draw_cell(struct canvas *c, int x, int y, int cw, int rh,
    const struct tutor *t, int s, char letter, double vmax,
    const struct view_opts *o)
{
	const struct agent	*ag = t->s->agent;
	const double		*q = ag->table + (size_t)s * ag->nactions;
	bool			 agent_here = view_agent_state(t) == s;
	char			 value[16];
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
	a = best_action(q, ag->nactions);
	if (tabular_all_equal(q, ag->nactions))
		canvas_putstyle(c, x + pad + 1, y, o->glyphs == PLOT_UTF8 ?
		    0xb7 : '.', ST_DIM);
	else
		canvas_textstyle(c, x + pad + 1, y, view_action_glyph(t, a,
		    o->glyphs), 1, view_value_style(q[a], vmax));
	if (cw >= 7 && rh >= 3) {
		view_format_value(value, sizeof value, q[a], cw - 2);
		canvas_textstyle(c, x + (cw - 1 - canvas_textwidth(value)) / 2,
		    y + 1, value, cw - 1, view_value_style(q[a], vmax));
	}
}

void
view_grid_draw(struct canvas *c, struct rect r, const struct tutor *t,
    const struct view_opts *o)
{
	const struct gridmap	*m = env_grid(t->s->env);
	double			 vmax = table_max(t->s->agent);
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
		    o->glyphs == PLOT_UTF8 ? "@ agent →greedy" :
		    "@ agent >greedy", r.w, ST_DIM);
}
