/*
 * The Q-table: one row per state, one column per action.  The rows
 * shown follow the agent when they do not all fit; the agent's row and
 * the cell the last update changed are marked.
 */
#include <math.h>
#include <stdio.h>

#include "style.h"
#include "view.h"

#define LABEL_W 4	/* "  12" */

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
	const struct td_record	*u = ag->rec.kind == RECORD_TD ?
				    &ag->rec.u.td : NULL;
	double			 vmax = table_max(ag), v;
	char			 buf[32], head[64];
	int			 cw, rows, top, s, a, x, y, focus, st;

	view_clear(c, r);
	/* Column width: a sign, a digit, a point and three decimals. */
	cw = r.w >= LABEL_W + ag->nactions * 7 ? 7 : 6;
	rows = r.h - 2;
	if (rows < 1 || r.w < LABEL_W + ag->nactions * 5)
		return;
	focus = view_agent_state(t);
	top = first_row(focus, ag->nstates, rows);
	if (rows < ag->nstates)
		snprintf(head, sizeof head, "Q-table  states %d-%d of %d", top,
		    top + rows - 1 < ag->nstates - 1 ? top + rows - 1 :
		    ag->nstates - 1, ag->nstates);
	else
		snprintf(head, sizeof head, "Q-table");
	canvas_textstyle(c, r.x, r.y, head, r.w, ST_TITLE);
	canvas_textstyle(c, r.x, r.y + 1, "   s", LABEL_W, ST_DIM);
	for (a = 0; a < ag->nactions; a++)
		/* Over the middle of a five-character value. */
		canvas_textstyle(c, r.x + LABEL_W + a * cw + cw - 3, r.y + 1,
		    view_action_glyph(t, a, o->glyphs), 1, ST_DIM);
	for (s = top, y = r.y + 2; s < ag->nstates && y < r.y + r.h;
	    s++, y++) {
		snprintf(buf, sizeof buf, "%4d", s);
		canvas_textstyle(c, r.x, y, buf, LABEL_W,
		    s == focus ? ST_CURRENT : ST_DIM);
		for (a = 0; a < ag->nactions; a++) {
			v = ag->table[(size_t)s * ag->nactions + a];
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
