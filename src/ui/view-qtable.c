/*
 * The Q-table: one row per state, one column per action.  The rows
 * shown follow the agent when they do not all fit; the agent's row and
 * the cell the last update changed are marked.  While value iteration
 * is shown, its Q instead, following the state whose backup is written
 * out.
 */
#include <math.h>
#include <stdio.h>

#include "style.h"
#include "view.h"

#define LABEL_W 4	/* "  12" */

static double
table_max(const double *table, size_t n)
{
	double	 m = 0;
	size_t	 i;

	for (i = 0; i < n; i++)
		if (fabs(table[i]) > m)
			m = fabs(table[i]);
	return (m);
}

/* The first row shown: the focus state in the middle when it can be. */
static int
first_row(int focus, int nstates, int rows)
{
	int	 top = focus - rows / 2;

	if (top > nstates - rows)
		top = nstates - rows;
	return (top < 0 ? 0 : top);
}

void
view_qtable_draw(struct canvas *c, struct rect r, const struct tutor *t,
    const struct view_opts *o)
{
	const struct agent	*ag = t->s->agent;
	const struct planning	*pl = tutor_plan(t);
	const struct td_record	*u = ag->rec.kind == RECORD_TD &&
				    pl == NULL ? &ag->rec.u.td : NULL;
	const double		*table = pl != NULL ? pl->q : ag->table;
	int			 ns = pl != NULL ? pl->nstates : ag->nstates;
	int			 na = pl != NULL ? pl->nactions : ag->nactions;
	double			 vmax, v;
	char			 buf[32], head[96], name[64], range[48] = "";
	int			 cw, rows, top, s, a, x, y, focus, st;

	view_clear(c, r);
	vmax = table_max(table, (size_t)ns * na);
	/* Column width: a sign, a digit, a point and three decimals. */
	cw = r.w >= LABEL_W + na * 7 ? 7 : 6;
	rows = r.h - 2;
	if (rows < 1 || r.w < LABEL_W + na * 5)
		return;
	focus = pl != NULL ? tutor_plan_state(t) : view_agent_state(t);
	top = first_row(focus, ns, rows);
	if (rows < ns)
		snprintf(range, sizeof range, "  states %d-%d of %d", top,
		    top + rows - 1 < ns - 1 ? top + rows - 1 : ns - 1, ns);
	/* Value iteration's title says which sweep, in as many words as
	 * fit beside the range. */
	if (pl != NULL) {
		snprintf(name, sizeof name, "Q from value iteration, sweep "
		    "%ld", pl->sweeps);
		if (canvas_textwidth(name) + canvas_textwidth(range) > r.w)
			snprintf(name, sizeof name, "Q, sweep %ld",
			    pl->sweeps);
		if (canvas_textwidth(name) + canvas_textwidth(range) > r.w &&
		    rows < ns)
			snprintf(range, sizeof range, "  states %d-%d", top,
			    top + rows - 1 < ns - 1 ? top + rows - 1 : ns - 1);
	} else
		snprintf(name, sizeof name, "Q-table");
	snprintf(head, sizeof head, "%s%s", name, range);
	canvas_textstyle(c, r.x, r.y, head, r.w, ST_TITLE);
	canvas_textstyle(c, r.x, r.y + 1, "   s", LABEL_W, ST_DIM);
	for (a = 0; a < na; a++)
		/* Over the middle of a five-character value. */
		canvas_textstyle(c, r.x + LABEL_W + a * cw + cw - 3, r.y + 1,
		    view_action_glyph(t, a, o->glyphs), 1, ST_DIM);
	for (s = top, y = r.y + 2; s < ns && y < r.y + r.h; s++, y++) {
		snprintf(buf, sizeof buf, "%4d", s);
		canvas_textstyle(c, r.x, y, buf, LABEL_W,
		    s == focus ? ST_CURRENT : ST_DIM);
		for (a = 0; a < na; a++) {
			v = table[(size_t)s * na + a];
			view_format_value(buf, sizeof buf, v, cw - 1);
			x = r.x + LABEL_W + a * cw + (cw - 1 -
			    canvas_textwidth(buf)) + 1;
			st = view_value_style(v, vmax);
			if (u != NULL && u->s == s && u->a == a)
				st = ST_UPDATED;
			else if (s == focus && st == ST_PLAIN)
				st = ST_CURRENT;
			canvas_textstyle(c, x, y, buf, cw, st);
		}
		if (s == focus)
			canvas_putstyle(c, r.x, y, o->glyphs == PLOT_UTF8 ?
			    0x25b8 : '*', ST_CURRENT);
	}
}
