/* Where the views go on a screen of a given size. */
#include <stdio.h>

#include "dqn-session.h"
#include "fqi-session.h"
#include "gridmap.h"
#include "layout.h"
#include "style.h"

#define LESSON_MIN_W 30
#define LESSON_MAX_W 72
#define GRID_MAX_CELL 9		/* view-grid.c's widest cell */
#define QTABLE_LABEL_W 4
#define DQN_CART_MIN_W 24	/* the cart's numbers on their lines */
#define DQN_CART_MIN_H 8
#define DQN_PANEL_H 12		/* view-dqn.c's panel, all of it */
#define DQN_STACK_MAX_W 100	/* wider: the cart beside the panel */

static struct rect
rect(int x, int y, int w, int h)
{
	struct rect	 r = { x, y, w, h };

	return (r);
}

/*
 * Split the top area: the lesson on the left, the grid and the Q-table
 * on the right.  The widest grid cells and table columns that leave the
 * lesson at least LESSON_MIN_W columns win; the lesson takes no more
 * than 45% of the width, the grid and table get what is left.
 */
/* The lesson at its minimum on the left; on the right the grid (one row
 * per map row, as narrow cells as it takes) above the Q-table. */
static void
stack_top(struct layout *L, int top, int top_h, const struct gridmap *m,
    int na)
{
	int	 lw = LESSON_MIN_W, rx = lw + 2, gh;

	(void)na;
	gh = m->rows + 2;	/* title, rows, caption */
	if (gh > top_h / 2)
		gh = top_h / 2;
	L->lesson = rect(0, top, lw, top_h);
	L->separator_x = lw;
	L->grid = rect(rx, top, L->w - rx, gh);
	L->qtable = rect(rx, top + gh, L->w - rx, top_h - gh);
}

/* The table's width: the Q-table's columns of qc, or PS's two tables. */
static int
table_width(const struct tutor *t, int qc)
{
	int	 na = t->s->agent->nactions;

	if (t->s->agent->glow != NULL)
		return (view_ps_width(na));
	return (QTABLE_LABEL_W + na * qc);
}

static void
split_top(struct layout *L, int top, int top_h, const struct tutor *t)
{
	const struct gridmap	*m = env_grid(t->s->env);
	int			 cols = m != NULL ? m->cols : 0;
	int			 na = t->s->agent->nactions;
	int			 cw, qc, right = 0, lw = LESSON_MIN_W, gw = 0;
	int			 rx;

	for (cw = 4; cw >= 2; cw--) {
		for (qc = 7; qc >= 6; qc--) {
			right = cols * cw + 2 + table_width(t, qc);
			if (L->w - right - 2 >= LESSON_MIN_W)
				goto found;
		}
	}
	/* A map too wide to sit beside the table (CliffWalking's 12
	 * columns at 80x24): the grid goes above the table instead. */
	stack_top(L, top, top_h, m, na);
	return;
found:
	gw = cols * cw;
	lw = L->w - right - 2;
	if (lw > L->w * 45 / 100)
		lw = L->w * 45 / 100 > LESSON_MIN_W ? L->w * 45 / 100 :
		    LESSON_MIN_W;
	/* Lines much longer than this are hard to read. */
	if (lw > LESSON_MAX_W)
		lw = LESSON_MAX_W;
	L->lesson = rect(0, top, lw, top_h);
	L->separator_x = lw;
	rx = lw + 2;
	/* On a big screen the table keeps its width and the grid takes the
	 * rest, so that it can be seen from the back of a classroom. */
	if (cols > 0)
		gw = L->w - rx - table_width(t, qc) - 2;
	/* No wider than its biggest cells: the table follows close. */
	if (gw > cols * GRID_MAX_CELL)
		gw = cols * GRID_MAX_CELL;
	L->grid = rect(rx, top, gw, top_h);
	L->qtable = rect(rx + gw + 2, top, L->w - rx - gw - 2, top_h);
}

/* FQI: the lesson on the left; on the right the cart (in the grid's
 * place) beside the greedy map (in the table's). */
static void
split_top_fqi(struct layout *L, int top, int top_h)
{
	int	 lw = L->w * 45 / 100, rx, rw, cw;

	if (L->w - lw - 2 < 48)
		lw = L->w - 2 - 48;
	if (lw < LESSON_MIN_W)
		lw = LESSON_MIN_W;
	if (lw > LESSON_MAX_W)
		lw = LESSON_MAX_W;
	L->lesson = rect(0, top, lw, top_h);
	L->separator_x = lw;
	rx = lw + 2;
	rw = L->w - rx;
	cw = rw * 52 / 100;
	L->grid = rect(rx, top, cw, top_h);
	L->qtable = rect(rx + cw + 1, top, rw - cw - 1, top_h);
}

/*
 * DQN: the lesson on the left as with FQI; on the right the cart (in the
 * grid's place) beside the DQN panel (in the table's), or above it when
 * the right side is tall enough for both and not very wide.
 */
static void
split_top_dqn(struct layout *L, int top, int top_h)
{
	int	 lw = L->w * 45 / 100, rx, rw, pw, ph;

	if (L->w - lw - 2 < 48)
		lw = L->w - 2 - 48;
	if (lw < LESSON_MIN_W)
		lw = LESSON_MIN_W;
	if (lw > LESSON_MAX_W)
		lw = LESSON_MAX_W;
	L->lesson = rect(0, top, lw, top_h);
	L->separator_x = lw;
	rx = lw + 2;
	rw = L->w - rx;
	if (rw < DQN_STACK_MAX_W && top_h >= DQN_CART_MIN_H + 1 +
	    DQN_PANEL_H) {
		ph = DQN_PANEL_H + (top_h - DQN_CART_MIN_H - 1 -
		    DQN_PANEL_H) / 3;
		L->grid = rect(rx, top, rw, top_h - ph - 1);
		L->qtable = rect(rx, top + top_h - ph, rw, ph);
		return;
	}
	/* The cart's numbers need 24 columns in ASCII; the panel the
	 * rest, and more of a wider screen. */
	pw = rw * 55 / 100;
	if (rw - pw - 1 < DQN_CART_MIN_W)
		pw = rw - 1 - DQN_CART_MIN_W;
	L->grid = rect(rx, top, rw - pw - 1, top_h);
	L->qtable = rect(rx + rw - pw, top, pw, top_h);
}

void
layout_compute(struct layout *L, int w, int h, const struct tutor *t)
{
	int	 rows, curves_h, top_h;

	L->w = w;
	L->h = h;
	L->too_small = w < LAYOUT_MIN_W || h < LAYOUT_MIN_H;
	if (L->too_small)
		return;
	L->title = rect(0, 0, w, 1);
	L->message = rect(0, h - 1, w, 1);
	L->status = rect(0, h - 2, w, 1);
	L->update = rect(1, h - 4, w - 2, 2);
	rows = h - 5;
	curves_h = rows * 38 / 100 > 7 ? rows * 38 / 100 : 7;
	top_h = rows - curves_h - 1;
	L->curves = rect(0, 1 + top_h + 1, w, curves_h);
	if (t->f != NULL)
		split_top_fqi(L, 1, top_h);
	else if (t->dq != NULL)
		split_top_dqn(L, 1, top_h);
	else
		split_top(L, 1, top_h, t);
}

static void
draw_too_small(struct canvas *c, const struct layout *L)
{
	char	 line[160];
	int	 y = L->h / 2 - 1;

	/* Short lines, so that even a tiny terminal shows how to leave. */
	if (y < 0)
		y = 0;
	snprintf(line, sizeof line, "qtutor needs a terminal of at least "
	    "%dx%d;", LAYOUT_MIN_W, LAYOUT_MIN_H);
	canvas_textstyle(c, 0, y, L->w >= 45 ? line : "Too small.", L->w,
	    ST_ERROR);
	snprintf(line, sizeof line, "this one is %dx%d. Enlarge it, or press "
	    "q to quit.", L->w, L->h);
	canvas_textstyle(c, 0, y + 1 < L->h ? y + 1 : y, L->w >= 50 ? line :
	    "q quits.", L->w, ST_PLAIN);
}

static void
draw_separator(struct canvas *c, const struct layout *L,
    const struct view_opts *o)
{
	int	 y;

	for (y = L->lesson.y; y < L->lesson.y + L->lesson.h; y++)
		canvas_putstyle(c, L->separator_x, y, o->glyphs == PLOT_UTF8 ?
		    0x2502 : '|', ST_DIM);
}

static void
draw_fqi(struct canvas *c, const struct layout *L, const struct tutor *t,
    const struct view_opts *o)
{
	double	 obs[ENV_OBS_MAX];

	/* The cart as the agent sees it (float), as the map marks it. */
	fqi_session_observe(t->f, obs);
	view_cartpole_draw(c, L->grid, obs, o);
	view_fqi_map_draw(c, L->qtable, t, o);
	view_fqi_curves_draw(c, L->curves, t, o);
	view_fqi_update_draw(c, L->update, t, o);
}

/* DQN: the cart of the training environment, the one SPACE steps. */
static void
draw_dqn(struct canvas *c, const struct layout *L, const struct tutor *t,
    const struct view_opts *o)
{
	view_cartpole_draw(c, L->grid, t->dq->q->env->st.x, o);
	view_dqn_panel_draw(c, L->qtable, t, o);
	view_dqn_curves_draw(c, L->curves, t, o);
	view_dqn_update_draw(c, L->update, t, o);
}

/*
 * While a worker fits an FQI iteration the session is its own: only
 * what does not read it is drawn again (the lesson, the status line
 * with the fit's progress, the message); the rest keeps the last frame.
 */
static int
draw_busy(struct canvas *c, const struct layout *L, const struct tutor *t,
    const struct view_opts *o)
{
	int	 lines;

	lines = view_lesson_draw(c, L->lesson, t, o);
	view_status_draw(c, L->status, t, o);
	if (!o->prompt_open)
		view_message_draw(c, L->message, t, o);
	if (o->glyphs == PLOT_ASCII)
		view_ascii_canvas(c);
	return (lines);
}

int
layout_draw(struct canvas *c, const struct layout *L, const struct tutor *t,
    const struct view_opts *o)
{
	int	 lines;

	if (!L->too_small && tutor_busy(t))
		return (draw_busy(c, L, t, o));
	canvas_fill(c, ' ');
	if (L->too_small) {
		draw_too_small(c, L);
		return (0);
	}
	view_title_draw(c, L->title, t, o);
	lines = view_lesson_draw(c, L->lesson, t, o);
	draw_separator(c, L, o);
	if (t->f != NULL) {
		draw_fqi(c, L, t, o);
	} else if (t->dq != NULL) {
		draw_dqn(c, L, t, o);
	} else {
		view_grid_draw(c, L->grid, t, o);
		if (t->s->agent->glow != NULL && tutor_plan(t) == NULL)
			view_ps_draw(c, L->qtable, t, o);
		else
			view_qtable_draw(c, L->qtable, t, o);
		view_curves_draw(c, L->curves, t, o);
		view_update_draw(c, L->update, t, o);
	}
	view_status_draw(c, L->status, t, o);
	if (!o->prompt_open)
		view_message_draw(c, L->message, t, o);
	if (o->glyphs == PLOT_ASCII)
		view_ascii_canvas(c);
	return (lines);
}
