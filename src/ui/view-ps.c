/*
 * Projective simulation's memory: the h-matrix and the glow matrix side
 * by side, one row per percept around the agent's, shaded (h by how far
 * it rose above 1, g by its glow), the edge the last step took marked;
 * under them, when there is room, the hopping probabilities of the
 * agent's percept as bars.
 */
#include <math.h>
#include <stdio.h>

#include "ps.h"
#include "style.h"
#include "view.h"

#define LABEL_W 3	/* " 12" */
#define COL_W	4	/* a three-character value and a space */

int
view_ps_width(int nactions)
{
	return (LABEL_W + 2 * nactions * COL_W + 1);
}

/* A glow in three characters: "1", ".94", "·" when there is none. */
static void
format_glow(char *buf, size_t bufsz, double g, enum plot_glyphs gl)
{
	if (g <= 0)
		snprintf(buf, bufsz, "%s", gl == PLOT_UTF8 ? "·" : ".");
	else if (g >= 0.995)
		snprintf(buf, bufsz, "1");
	else
		snprintf(buf, bufsz, ".%02d", (int)(g * 100 + 0.5));
}

static int
first_row(int focus, int nstates, int rows)
{
	int	 top = focus - rows / 2;

	if (top > nstates - rows)
		top = nstates - rows;
	return (top < 0 ? 0 : top);
}

/* The bars of p(.|s): one row per action, full blocks and eighths. */
static void
draw_bars(struct canvas *c, struct rect r, const struct tutor *t, int s,
    const struct view_opts *o)
{
	const struct agent	*ag = t->s->agent;
	double			 p[PS_MAX_ACTIONS];
	char			 buf[48];
	int			 a, i, len, eighths, bw, y;

	ps_probs(agent_row((struct agent *)ag, s), ag->nactions,
	    (enum ps_policy_kind)ag->cfg.ps_policy, ag->cfg.beta, p);
	snprintf(buf, sizeof buf, "p(%s|%d): hopping probabilities",
	    o->glyphs == PLOT_UTF8 ? "·" : ".", s);
	canvas_textstyle(c, r.x, r.y, buf, r.w, ST_TITLE);
	bw = r.w - 8;	/* glyph, space, bar, space, "0.25" */
	for (a = 0, y = r.y + 1; a < ag->nactions && y < r.y + r.h;
	    a++, y++) {
		canvas_textstyle(c, r.x, y, view_action_glyph(t, a,
		    o->glyphs), 1, ST_DIM);
		eighths = (int)(p[a] * bw * 8 + 0.5);
		len = eighths / 8;
		for (i = 0; i < len && i < bw; i++)
			canvas_putstyle(c, r.x + 2 + i, y, o->glyphs ==
			    PLOT_UTF8 ? 0x2588 : '#', ST_VALUE3);
		if (o->glyphs == PLOT_UTF8 && eighths % 8 != 0 && len < bw)
			canvas_putstyle(c, r.x + 2 + len, y,
			    0x2590 - eighths % 8, ST_VALUE3);
		snprintf(buf, sizeof buf, "%.2f", p[a]);
		canvas_textstyle(c, r.x + r.w - 4, y, buf, 4, ST_PLAIN);
	}
}

void
view_ps_draw(struct canvas *c, struct rect r, const struct tutor *t,
    const struct view_opts *o)
{
	const struct agent	*ag = t->s->agent;
	const struct ps_record	*u = ag->rec.kind == RECORD_PS &&
				    t->s->last.valid ? &ag->rec.u.ps : NULL;
	int			 ns = ag->nstates, na = ag->nactions;
	int			 gx = r.x + LABEL_W + na * COL_W + 1;
	int			 rows, bars, top, focus, s, a, y, st;
	double			 hmax = 1, v;
	size_t			 i, n = (size_t)ns * na;
	char			 buf[32], head[96];

	view_clear(c, r);
	if (r.w < view_ps_width(na) || r.h < 3)
		return;
	for (i = 0; i < n; i++)
		hmax = ag->table[i] > hmax ? ag->table[i] : hmax;
	/* Bars when at least three rows of the tables stay. */
	bars = r.h - 2 - (na + 1) >= 3 ? na + 1 : 0;
	rows = r.h - 2 - bars;
	focus = view_agent_state(t);
	top = first_row(focus, ns, rows);
	canvas_textstyle(c, r.x + LABEL_W, r.y, "h: hop", gx - r.x - LABEL_W,
	    ST_TITLE);
	if (rows < ns)
		snprintf(head, sizeof head, "g: glow  %d-%d", top,
		    top + rows - 1 < ns - 1 ? top + rows - 1 : ns - 1);
	else
		snprintf(head, sizeof head, "g: glow");
	canvas_textstyle(c, gx, r.y, head, r.x + r.w - gx, ST_TITLE);
	for (a = 0; a < na; a++) {
		canvas_textstyle(c, r.x + LABEL_W + a * COL_W + 2, r.y + 1,
		    view_action_glyph(t, a, o->glyphs), 1, ST_DIM);
		canvas_textstyle(c, gx + a * COL_W + 2, r.y + 1,
		    view_action_glyph(t, a, o->glyphs), 1, ST_DIM);
	}
	for (s = top, y = r.y + 2; s < ns && y < r.y + 2 + rows; s++, y++) {
		snprintf(buf, sizeof buf, "%3d", s);
		canvas_textstyle(c, r.x, y, buf, LABEL_W,
		    s == focus ? ST_CURRENT : ST_DIM);
		for (a = 0; a < na; a++) {
			v = ag->table[(size_t)s * na + a];
			view_format_value(buf, sizeof buf, v, COL_W - 1);
			st = v < 0 ? ST_NEGATIVE : view_value_style(v - 1,
			    hmax - 1);
			if (u != NULL && u->s == s && u->a == a)
				st = ST_UPDATED;
			canvas_textstyle(c, r.x + LABEL_W + a * COL_W + COL_W -
			    canvas_textwidth(buf), y, buf, COL_W, st);
			v = ag->glow[(size_t)s * na + a];
			format_glow(buf, sizeof buf, v, o->glyphs);
			st = v > 0 ? view_value_style(v, 1) : ST_DIM;
			if (u != NULL && u->s == s && u->a == a)
				st = ST_UPDATED;
			canvas_textstyle(c, gx + a * COL_W + COL_W -
			    canvas_textwidth(buf), y, buf, COL_W, st);
		}
	}
	if (bars > 0) {
		struct rect	 b = { r.x, r.y + r.h - bars, r.w, bars };

		draw_bars(c, b, t, focus, o);
	}
}
