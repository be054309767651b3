/*
 * The views of deep Q-learning on CartPole: the network at the cart's
 * state (Q for each action as bars), exploration and the replay buffer,
 * the network's shape and weights; the learning curves; and the last
 * gradient step written out for one of its samples:
 *
 *	y = r + γ max Q⁻(s′,·) = 1 + 0.99 × max(12.310, 12.520) = 13.395
 *	Q(s,→) = 12.803  TD error 0.592  loss 0.123  ‖∇‖ 4.56  ...
 *
 * Q⁻ is the target network.  The panel's Q is the online network's at
 * the state the cart is in now, the one the next step acts from; the
 * last action was taken from the state before it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dqn-session.h"
#include "env_cartpole.h"
#include "style.h"
#include "view.h"
#include "xmalloc.h"

/* The longest series a curve is drawn from: beyond it, points are
 * means over 10, 100... steps. */
#define CURVE_MAX_POINTS	200000L
/* The panel's columns: a layer's name, then numbers. */
#define COL_W			7
/* A plot this short names its x axis in its title. */
#define SHORT_PLOT_H		8

/* A piece of the update line: text, and the style it is drawn in. */
struct piece {
	char	 text[160];
	uint8_t	 style;
};

static const char *
arrow(int a, bool u)
{
	if (u)
		return (a == CARTPOLE_RIGHT ? "→" : "←");
	return (a == CARTPOLE_RIGHT ? ">" : "<");
}

static int
argmax(const float *q, int n)
{
	int	 i, best = 0;

	for (i = 1; i < n; i++)
		if (q[i] > q[best])
			best = i;
	return (best);
}

/* Q of the online network at the cart's state now, as the agent sees
 * it (float): what the next step acts on. */
static void
q_now(const struct dqn *q, float *qv)
{
	float	 obs[ENV_OBS_MAX];
	int	 i;

	for (i = 0; i < q->env->obs_dim && i < ENV_OBS_MAX; i++)
		obs[i] = (float)q->env->st.x[i];
	nn_predict(q->online, obs, qv);
}

static double
epsilon_now(const struct dqn *q)
{
	return (schedule_value(&q->cfg.epsilon, q->step));
}

/* Whether text fits in the columns left from x to the rect's end. */
static bool
fits(struct rect r, int x, const char *text)
{
	return (x + canvas_textwidth(text) <= r.x + r.w);
}

/* A count in at most a few columns: "1500", or "1.5k" when asked. */
static void
format_count(char *buf, size_t bufsz, long n, bool compact)
{
	if (!compact || n < 10000)
		snprintf(buf, bufsz, "%ld", n);
	else
		plot_format_number(buf, bufsz, (double)n, 0);
}

/* A count with a comma every three digits: "4,610". */
static void
format_thousands(char *buf, size_t bufsz, size_t n)
{
	char	 digits[32];
	size_t	 len, i, o = 0;

	snprintf(digits, sizeof digits, "%zu", n);
	len = strlen(digits);
	for (i = 0; i < len && o + 2 < bufsz; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
}

/* A loss or a norm: three decimals, or three figures when tiny. */
static void
format_number(char *buf, size_t bufsz, double v)
{
	if (v != 0 && fabs(v) < 0.001)
		snprintf(buf, bufsz, "%.2e", v);
	else
		snprintf(buf, bufsz, "%.3f", v);
}

/*
 * A bar of w cells for the fraction f in [0, 1]: in UTF-8 with eighths
 * of a cell, in ASCII '#' rounded to the nearest cell; empty cells get
 * the glyph empty (0: left as they are).
 */
static void
draw_bar(struct canvas *c, int x, int y, int w, double f, bool u,
    uint8_t style, uint32_t empty, uint8_t empty_style)
{
	int	 eighths, i, full, part;

	if (w <= 0)
		return;
	if (!(f > 0))
		f = 0;
	if (f > 1)
		f = 1;
	eighths = (int)lround(f * w * (u ? 8 : 1));
	full = u ? eighths / 8 : eighths;
	part = u ? eighths % 8 : 0;
	for (i = 0; i < w; i++) {
		if (i < full)
			canvas_putstyle(c, x + i, y, u ? 0x2588 : '#', style);
		else if (i == full && part > 0)
			canvas_putstyle(c, x + i, y, 0x2590 - (uint32_t)part,
			    style);
		else if (empty != 0)
			canvas_putstyle(c, x + i, y, empty, empty_style);
	}
}

/* The title: the network's shape, and its size when it fits. */
static void
draw_title(struct canvas *c, struct rect r, int y, const struct dqn *q)
{
	char	 shape[96], line[160], num[32];
	int	 x;

	nn_shape_string(&q->cfg.shape, shape, sizeof shape);
	snprintf(line, sizeof line, "Q-network %s", shape);
	if (!fits(r, r.x, line))
		snprintf(line, sizeof line, "Q %s", shape);
	x = r.x + canvas_textstyle(c, r.x, y, line, r.w, ST_TITLE);
	format_thousands(num, sizeof num, nn_nparams(q->online));
	snprintf(line, sizeof line, "  %s weights", num);
	if (fits(r, x, line))
		canvas_textstyle(c, x, y, line, r.x + r.w - x, ST_DIM);
}

/*
 * Q(s, a) for each action at the cart's state: the value, a bar as long
 * as its share of the largest magnitude, and "greedy" after the largest
 * (its value highlighted too).  Negative values are drawn in their own
 * style, their bar as long as their magnitude.
 */
static void
draw_q_bars(struct canvas *c, struct rect r, int y, const struct dqn *q,
    bool u)
{
	float	 qv[DQN_MAX_ACTIONS];
	double	 vmax = 0;
	char	 num[32], cell[32];
	int	 na = q->cfg.shape.nout, a, best, x, bw, mark;
	uint8_t	 style;

	q_now(q, qv);
	best = argmax(qv, na);
	for (a = 0; a < na; a++)
		if (fabs(qv[a]) > vmax)
			vmax = fabs(qv[a]);
	/* "greedy" after the bar, or "*" where it leaves no bar. */
	mark = r.w - 9 - 7 >= 6 ? 7 : 2;
	for (a = 0; a < na && y + a < r.y + r.h; a++) {
		view_format_value(num, sizeof num, qv[a], 6);
		snprintf(cell, sizeof cell, "%*s", 7 - canvas_textwidth(num),
		    "");
		x = r.x + canvas_textstyle(c, r.x, y + a, arrow(a, u), r.w,
		    ST_PLAIN);
		x += canvas_textstyle(c, x, y + a, cell, r.x + r.w - x,
		    ST_PLAIN);
		x += canvas_textstyle(c, x, y + a, num, r.x + r.w - x,
		    a == best ? ST_UPDATED : ST_PLAIN);
		bw = r.x + r.w - x - 1 - mark;
		if (bw > 48)
			bw = 48;
		style = qv[a] < 0 ? ST_NEGATIVE : a == best ? ST_VALUE3 :
		    ST_VALUE2;
		if (bw >= 3)
			draw_bar(c, x + 1, y + a, bw, vmax > 0 ?
			    fabs(qv[a]) / vmax : 0, u, style, 0, ST_PLAIN);
		else
			bw = 0;
		if (a == best)
			canvas_textstyle(c, x + 1 + bw + 1, y + a, mark == 7 ?
			    "greedy" : "*", r.x + r.w - x - bw - 2, ST_PLAIN);
	}
}

/* Epsilon now, and how the last action was chosen. */
static void
draw_explore(struct canvas *c, struct rect r, int y, const struct dqn *q,
    bool u)
{
	const struct dqn_act	*act = &q->last_act;
	const char		*how;
	char			 line[96];
	int			 x;

	snprintf(line, sizeof line, "%s %.3f", u ? "ε" : "eps",
	    epsilon_now(q));
	x = r.x + canvas_textstyle(c, r.x, y, line, r.w, ST_PLAIN);
	if (q->step == 0) {
		if (fits(r, x, "  no step yet"))
			canvas_textstyle(c, x, y, "  no step yet",
			    r.x + r.w - x, ST_DIM);
		return;
	}
	how = act->explored ? "explored" : "greedy";
	snprintf(line, sizeof line, "  last %s %s", arrow(act->a, u), how);
	if (!fits(r, x, line))
		snprintf(line, sizeof line, " last %s %s", arrow(act->a, u),
		    how);
	if (!fits(r, x, line))
		return;
	x += canvas_textstyle(c, x, y, line, canvas_textwidth(line) -
	    (int)strlen(how), ST_PLAIN);
	canvas_textstyle(c, x, y, how, r.x + r.w - x, act->explored ?
	    ST_CURRENT : ST_PLAIN);
}

/* The replay buffer: a bar of its fill and size/capacity. */
static void
draw_buffer(struct canvas *c, struct rect r, int y, const struct dqn *q,
    bool u)
{
	const struct replay	*b = q->buf;
	char			 size[24], cap[24], num[56];
	const char		*label = "buffer ";
	int			 x, bw, lw = canvas_textwidth(label);

	format_count(size, sizeof size, b->size, false);
	format_count(cap, sizeof cap, b->capacity, false);
	snprintf(num, sizeof num, " %s/%s", size, cap);
	if (r.w - lw - canvas_textwidth(num) < 6) {
		format_count(size, sizeof size, b->size, true);
		format_count(cap, sizeof cap, b->capacity, true);
		snprintf(num, sizeof num, " %s/%s", size, cap);
	}
	x = r.x + canvas_textstyle(c, r.x, y, label, r.w, ST_PLAIN);
	bw = r.x + r.w - x - canvas_textwidth(num);
	if (bw > 24)
		bw = 24;
	if (bw >= 3) {
		draw_bar(c, x, y, bw, (double)b->size / (double)b->capacity, u,
		    ST_VALUE2, u ? 0x2591 : '.', ST_DIM);
		x += bw;
	}
	canvas_textstyle(c, x, y, num, r.x + r.w - x, ST_PLAIN);
}

/*
 * Gradient steps so far and how the target network follows the online
 * one, on one row, or on two when rows allows it and one is too narrow;
 * returns the rows used.
 */
static int
draw_updates(struct canvas *c, struct rect r, int y, int rows,
    const struct dqn *q, bool u)
{
	char		 line[64], how[4][96], when[48];
	const char	*qt = u ? "Q⁻" : "Qtarget";
	int		 x, i, n = 0;
	long		 every = q->cfg.target_update;

	snprintf(line, sizeof line, "updates %ld", q->updates);
	x = r.x + canvas_textstyle(c, r.x, y, line, r.w, ST_PLAIN) + 2;
	if (every == 1)
		snprintf(when, sizeof when, "every step");
	else
		snprintf(when, sizeof when, "every %ld steps", every);
	if (q->cfg.tau >= 1) {
		snprintf(how[n++], sizeof how[0], "%s copied %s", qt, when);
		snprintf(how[n++], sizeof how[0], "%s copied every %ld", qt,
		    every);
	} else {
		snprintf(how[n++], sizeof how[0], "%s moves %g of the way to "
		    "Q %s", qt, q->cfg.tau, when);
		snprintf(how[n++], sizeof how[0], "%s Polyak %s %g", qt,
		    u ? "τ" : "tau", q->cfg.tau);
		snprintf(how[n++], sizeof how[0], "Polyak %s %g",
		    u ? "τ" : "tau", q->cfg.tau);
	}
	/* Beside the count, else on a row of its own, else shortest. */
	for (i = 0; i < n; i++)
		if (fits(r, x, how[i])) {
			canvas_textstyle(c, x, y, how[i], r.x + r.w - x,
			    ST_DIM);
			return (1);
		}
	for (i = 0; i < n && rows >= 2; i++)
		if (fits(r, r.x, how[i])) {
			canvas_textstyle(c, r.x, y + 1, how[i], r.w, ST_DIM);
			return (2);
		}
	snprintf(how[0], sizeof how[0], "sync %ld", every);
	if (fits(r, x, how[0]))
		canvas_textstyle(c, x, y, how[0], r.x + r.w - x, ST_DIM);
	return (1);
}

/* The columns of the table of layers, in the order they are given up
 * when the panel is narrow (the last first). */
enum layer_col { COL_STD, COL_MAX, COL_SHAPE, COL_MEAN, COL_GRAD, NCOLS };

static void
layer_cell(char *buf, size_t bufsz, enum layer_col k,
    const struct nn_layer_stats *st, bool u)
{
	char	 v[32];

	switch (k) {
	case COL_SHAPE:
		snprintf(buf, bufsz, "%d%s%d", st->nin, u ? "×" : "x",
		    st->nout);
		return;
	case COL_STD:
		view_format_value(v, sizeof v, st->w_std, 6);
		break;
	case COL_MAX:
		view_format_value(v, sizeof v, st->w_maxabs, 6);
		break;
	case COL_MEAN:
		view_format_value(v, sizeof v, st->w_mean, 6);
		break;
	default:
		view_format_value(v, sizeof v, st->grad_norm, 6);
		break;
	}
	snprintf(buf, bufsz, "%s", v);
}

/* Text right-aligned to end at column end. */
static void
text_right(struct canvas *c, int end, int y, const char *s, uint8_t style)
{
	int	 w = canvas_textwidth(s);

	canvas_textstyle(c, end - w, y, s, w, style);
}

/*
 * The weights of each layer (a dueling head as its value and advantage
 * streams): their spread and largest magnitude, with more columns
 * (in x out, mean, the last gradient's norm) as the width allows.
 * Draws from row y, at most rows rows; returns the rows drawn.
 */
static int
draw_layers(struct canvas *c, struct rect r, int y, int rows,
    const struct dqn *q, bool u)
{
	static const char *const head_utf8[NCOLS] = { "w std", "max|w|",
	    "in×out", "w mean", "‖∇‖" };
	static const char *const head_ascii[NCOLS] = { "w std", "max|w|",
	    "shape", "w mean", "|grad|" };
	const char *const	*head = u ? head_utf8 : head_ascii;
	struct nn_layer_stats	 st;
	char			 cell[32];
	int			 n = nn_layer_count(q->online), i, k, ncols;
	int			 name_w = 0, x, end;

	if (rows < 2)
		return (0);
	for (i = 0; i < n; i++) {
		nn_layer_stats(q->online, i, &st);
		if ((int)strlen(st.name) > name_w)
			name_w = (int)strlen(st.name);
	}
	name_w += 1;
	ncols = (r.w - name_w) / COL_W;
	if (ncols > NCOLS)
		ncols = NCOLS;
	/* No gradient yet: nothing to say about it. */
	if (ncols == NCOLS && q->updates == 0)
		ncols--;
	if (ncols < 1)
		return (0);
	canvas_textstyle(c, r.x, y, "layer", name_w, ST_DIM);
	for (k = 0; k < ncols; k++) {
		end = r.x + name_w + (k + 1) * COL_W;
		text_right(c, end, y, head[k], ST_DIM);
	}
	for (i = 0; i < n && i + 1 < rows; i++) {
		nn_layer_stats(q->online, i, &st);
		x = r.x;
		canvas_textstyle(c, x, y + 1 + i, st.name, name_w, ST_PLAIN);
		for (k = 0; k < ncols; k++) {
			layer_cell(cell, sizeof cell, (enum layer_col)k, &st,
			    u);
			end = r.x + name_w + (k + 1) * COL_W;
			text_right(c, end, y + 1 + i, cell, ST_PLAIN);
		}
	}
	return (i + 1);
}

/*
 * The panel, top to bottom: the network's shape; Q at the cart's state
 * as bars; epsilon and the last action; the buffer; the gradient steps
 * and the target network; the weights per layer.  On a short panel the
 * blank before the table is left out first, then the gradient steps,
 * then the table's last rows.
 */
void
view_dqn_panel_draw(struct canvas *c, struct rect r, const struct tutor *t,
    const struct view_opts *o)
{
	const struct dqn	*q = t->dq->q;
	bool			 u = o->glyphs == PLOT_UTF8;
	int			 y = r.y, end = r.y + r.h, na, table;

	view_clear(c, r);
	if (r.w < 16 || r.h < 4)
		return;
	na = q->cfg.shape.nout;
	table = 1 + nn_layer_count(q->online);
	draw_title(c, r, y++, q);
	draw_q_bars(c, r, y, q, u);
	y += na;
	if (y < end)
		draw_explore(c, r, y++, q, u);
	if (y < end)
		draw_buffer(c, r, y++, q, u);
	/* The gradient steps and the target network, and a blank before
	 * the table, in the rows the whole table leaves. */
	if (end - y >= 1 + table)
		y += draw_updates(c, r, y, end - y - table, q, u);
	if (end - y >= 1 + table)
		y++;
	if (y < end)
		draw_layers(c, r, y, end - y, q, u);
}

/* Curves. */

/* The step of each training episode's end: CartPole pays 1 a step, so
 * the returns add up to the steps.  Malloc'd, nreturns long. */
static long *
episode_ends(const struct dqn *q)
{
	long	*ends = xcalloc((size_t)q->nreturns + 1, sizeof *ends);
	double	 sum = 0;
	long	 i;

	for (i = 0; i < q->nreturns; i++) {
		sum += q->returns[i];
		ends[i] = (long)llround(sum);
		if (ends[i] > q->step)
			ends[i] = q->step;
		if (ends[i] < 1)
			ends[i] = 1;
	}
	return (ends);
}

/* Steps per point: 1, or 10, 100... so that no more than
 * CURVE_MAX_POINTS are drawn. */
static long
step_unit(long n)
{
	long	 unit = 1;

	while (n / unit > CURVE_MAX_POINTS)
		unit *= 10;
	return (unit);
}

/* Add v at point i: the mean of what falls in a point is kept as a sum
 * and a count until done. */
static void
add_point(double *sum, int *count, long i, double v)
{
	sum[i] += v;
	count[i]++;
}

static void
finish_points(double *y, const int *count, long n)
{
	long	 i;

	for (i = 0; i < n; i++)
		y[i] = count[i] > 0 ? y[i] / count[i] : NAN;
}

/*
 * The greedy evaluations as a line, each held from its step to the next
 * (a line is drawn over the other series, and three points must not
 * hide under them); the moving average of the last window returns, held
 * from one episode's end to the next; and the return of each training
 * episode at the step it ended.  x is the step.
 */
static void
draw_returns(struct canvas *c, struct rect r, const struct dqn *q,
    long window, const struct view_opts *o)
{
	struct plot_spec	 spec;
	struct plot_series	 s[3];
	long			 unit = step_unit(q->step), n, i, k, e, v;
	long			*ends = episode_ends(q);
	double			*avg_ep, *avg, *ret, *ev;
	int			*cret;
	char			 avg_label[48], xlabel[48], title[96];

	n = (q->step + unit - 1) / unit;
	avg_ep = plot_moving_average(q->returns, (int)q->nreturns,
	    (int)window);
	avg = xcalloc((size_t)n + 1, sizeof *avg);
	ret = xcalloc((size_t)n + 1, sizeof *ret);
	ev = xcalloc((size_t)n + 1, sizeof *ev);
	cret = xcalloc((size_t)n + 1, sizeof *cret);
	for (i = 0; i < q->nreturns; i++)
		add_point(ret, cret, (ends[i] - 1) / unit, q->returns[i]);
	finish_points(ret, cret, n);
	/* At each point: the average of the last episode ended by then,
	 * the last evaluation made by then. */
	for (k = 0, e = 0, v = 0; k < n; k++) {
		while (e < q->nreturns && (ends[e] - 1) / unit <= k)
			e++;
		while (v < q->nevals && (q->evals[v].step - 1) / unit <= k)
			v++;
		avg[k] = e > 0 ? avg_ep[e - 1] : NAN;
		ev[k] = v > 0 ? q->evals[v - 1].mean : NAN;
	}
	memset(&spec, 0, sizeof spec);
	/* On a short plot the title names x, so the data keep the row. */
	if (unit > 1)
		snprintf(xlabel, sizeof xlabel, "step (x%ld)", unit);
	else
		snprintf(xlabel, sizeof xlabel, "step");
	if (r.h > SHORT_PLOT_H) {
		spec.title = "return per episode";
		spec.xlabel = xlabel;
	} else {
		snprintf(title, sizeof title, "return per episode, by %s",
		    xlabel);
		spec.title = title;
	}
	snprintf(avg_label, sizeof avg_label, "avg %ld", window);
	s[0].label = "eval";
	s[0].y = ev;
	s[0].n = (int)n;
	s[1].label = avg_label;
	s[1].y = avg;
	s[1].n = (int)n;
	s[2].label = "episode";
	s[2].y = ret;
	s[2].n = (int)n;
	plot_render(c, r.x, r.y, r.w, r.h, &spec, s, 3, o->glyphs);
	free(avg_ep);
	free(avg);
	free(ret);
	free(ev);
	free(cret);
	free(ends);
}

/* The loss of each gradient step and its moving average. */
static void
draw_losses(struct canvas *c, struct rect r, const struct dqn *q,
    long window, const struct view_opts *o)
{
	struct plot_spec	 spec;
	struct plot_series	 s[2];
	long			 unit = step_unit(q->nlosses), n, i;
	double			*loss, *avg;
	int			*count;
	char			 avg_label[48], xlabel[48], title[96];

	n = (q->nlosses + unit - 1) / unit;
	loss = xcalloc((size_t)n + 1, sizeof *loss);
	count = xcalloc((size_t)n + 1, sizeof *count);
	for (i = 0; i < q->nlosses; i++)
		if (isfinite(q->losses[i]))
			add_point(loss, count, i / unit, q->losses[i]);
	finish_points(loss, count, n);
	avg = plot_moving_average(loss, (int)n, (int)window);
	memset(&spec, 0, sizeof spec);
	if (unit > 1)
		snprintf(xlabel, sizeof xlabel, "gradient step (x%ld)", unit);
	else
		snprintf(xlabel, sizeof xlabel, "gradient step");
	spec.title = "loss per gradient step";
	if (r.h > SHORT_PLOT_H)
		spec.xlabel = xlabel;
	else if (unit > 1) {
		snprintf(title, sizeof title, "loss per %s", xlabel);
		spec.title = title;
	}
	snprintf(avg_label, sizeof avg_label, "avg %ld", window);
	s[0].label = avg_label;
	s[0].y = avg;
	s[0].n = (int)n;
	s[1].label = "loss";
	s[1].y = loss;
	s[1].n = (int)n;
	plot_render(c, r.x, r.y, r.w, r.h, &spec, s, 2, o->glyphs);
	free(loss);
	free(avg);
	free(count);
}

void
view_dqn_curves_draw(struct canvas *c, struct rect r, const struct tutor *t,
    const struct view_opts *o)
{
	const struct dqn	*q = t->dq->q;
	struct rect		 a = r, b = r;
	long			 window = (long)t->dq->p.window;

	view_clear(c, r);
	/* Side by side when wide, else one above the other. */
	if (r.w >= 2 * 36) {
		a.w = r.w / 2 - 1;
		b.x = r.x + r.w / 2 + 1;
		b.w = r.w - r.w / 2 - 1;
	} else {
		a.h = r.h / 2;
		b.y = r.y + a.h;
		b.h = r.h - a.h;
	}
	draw_returns(c, a, q, window, o);
	draw_losses(c, b, q, window, o);
}

/* The update lines. */

/* The sample of the last gradient step shown. */
static int
shown_sample(const struct tutor *t)
{
	const struct dqn	*q = t->dq->q;
	int			 n = q->cfg.batch < DQN_RECORD_SAMPLES ?
				    q->cfg.batch : DQN_RECORD_SAMPLES;
	int			 i = t->dq->inspect;

	if (i < 0 || i >= n)
		i = 0;
	return (i);
}

/*
 * The target of sample s with its numbers into line; why it is what it
 * is (terminal, Double DQN's choice of a') into note, and a shorter form
 * of it into note[1] ("" for none).
 */
static void
format_target(struct piece *line, struct piece note[2], const struct dqn *q,
    const struct dqn_sample *s, bool u)
{
	const char	*qt = u ? "Q⁻" : "Qtarget", *sp = u ? "′" : "'";
	char		 vals[128];
	size_t		 len = 0;
	int		 a, na = q->cfg.shape.nout;

	line->style = ST_PLAIN;
	note[0].style = note[1].style = ST_DIM;
	note[0].text[0] = note[1].text[0] = '\0';
	if (s->terminated) {
		snprintf(line->text, sizeof line->text, "y = r = %g", s->r);
		snprintf(note[0].text, sizeof note[0].text, "(terminated: the "
		    "pole fell or the cart left, no future to add)");
		return;
	}
	if (q->cfg.double_dqn) {
		snprintf(line->text, sizeof line->text, "y = r + %s %s(s%s,a%s) "
		    "= %g + %g %s %.3f = %.3f", u ? "γ" : "gamma", qt, sp, sp,
		    s->r, q->cfg.gamma, u ? "×" : "x", s->q_next[s->a_next],
		    s->target);
		/* The online network (Q, no ⁻) picks a', the target values
		 * it. */
		snprintf(note[0].text, sizeof note[0].text, "(a%s = argmax "
		    "Q(s%s,%s) = %s: the online net picks, the target net "
		    "values)", sp, sp, u ? "·" : ".", arrow(s->a_next, u));
		snprintf(note[1].text, sizeof note[1].text, "(online net picks "
		    "a%s = %s)", sp, arrow(s->a_next, u));
		return;
	}
	vals[0] = '\0';
	for (a = 0; a < na && len < sizeof vals; a++)
		len += (size_t)snprintf(vals + len, sizeof vals - len, "%s%.3f",
		    a > 0 ? ", " : "", s->q_next[a]);
	snprintf(line->text, sizeof line->text, "y = r + %s max %s(s%s,%s) = "
	    "%g + %g %s max(%s) = %.3f", u ? "γ" : "gamma", qt, sp,
	    u ? "·" : ".", s->r, q->cfg.gamma, u ? "×" : "x", vals, s->target);
}

/* Pieces drawn one after the other from x while they fit, gap blanks
 * apart; returns where the next would go. */
static int
draw_pieces(struct canvas *c, struct rect r, int x, int y,
    const struct piece *p, int n, int gap)
{
	int	 i;

	for (i = 0; i < n; i++) {
		if (p[i].text[0] == '\0')
			continue;
		if (!fits(r, x + (x > r.x ? gap : 0), p[i].text))
			break;
		if (x > r.x)
			x += gap;
		x += canvas_textstyle(c, x, y, p[i].text, r.x + r.w - x,
		    p[i].style);
	}
	return (x);
}

/* The step of the first gradient step still to come. */
static long
first_update_step(const struct dqn *q)
{
	long	 s = q->cfg.learning_starts + 1, tf = q->cfg.train_freq;

	if (s <= q->step)
		s = q->step + 1;
	if (tf > 1)
		s = (s + tf - 1) / tf * tf;
	return (s);
}

/* The first of the texts that fits in r's width (the last if none). */
static const char *
first_fitting(struct rect r, char (*texts)[192], int n)
{
	int	 i;

	for (i = 0; i < n - 1; i++)
		if (canvas_textwidth(texts[i]) <= r.w)
			break;
	return (texts[i]);
}

/* Before the first gradient step: what fills the buffer, and when
 * learning starts. */
static void
draw_waiting(struct canvas *c, struct rect r, const struct dqn *q, bool u)
{
	char		 text[3][192];
	const char	*eps = u ? "ε" : "eps", *sp = u ? "′" : "'";
	const char	*qt = u ? "Q⁻" : "Qtarget", *g = u ? "γ" : "gamma";
	long		 at = first_update_step(q), left = at - q->step;

	if (q->step == 0) {
		snprintf(text[0], sizeof text[0], "No step yet. SPACE acts "
		    "%s-greedily (%s %.2f); (s,a,r,s%s) goes to the buffer.",
		    eps, eps, epsilon_now(q), sp);
		snprintf(text[1], sizeof text[1], "No step yet. SPACE acts "
		    "%s-greedily (%s %.2f).", eps, eps, epsilon_now(q));
		canvas_textstyle(c, r.x, r.y, first_fitting(r, text, 2), r.w,
		    ST_PLAIN);
	} else {
		snprintf(text[0], sizeof text[0], "Filling the buffer: %ld more "
		    "step%s until the first gradient step (step %ld).",
		    left, left == 1 ? "" : "s", at);
		canvas_textstyle(c, r.x, r.y, text[0], r.w, ST_PLAIN);
	}
	if (r.h < 2)
		return;
	snprintf(text[0], sizeof text[0], "From step %ld, minibatches of %d "
	    "fit Q(s,a) to y = r + %s max %s(s%s,%s).", at, q->cfg.batch, g,
	    qt, sp, u ? "·" : ".");
	snprintf(text[1], sizeof text[1], "From step %ld, minibatches of %d "
	    "fit Q(s,a) to r + %s max %s(s%s,%s).", at, q->cfg.batch, g, qt,
	    sp, u ? "·" : ".");
	snprintf(text[2], sizeof text[2], "Learning starts after step %ld "
	    "(learning_starts).", q->cfg.learning_starts);
	canvas_textstyle(c, r.x, r.y + 1, first_fitting(r, text, 3), r.w,
	    ST_DIM);
}

/*
 * Two lines: the target of one sample of the last minibatch with its
 * numbers and, when it fits, why it is what it is; then the online
 * network's prediction for it, its TD error, the minibatch's loss and
 * gradient norm (clipped or not), the importance weight with prioritized
 * replay, and when it was.  A note too long for the first line opens the
 * second.  Before the first gradient step, how far off it is; once the
 * loss diverged, that training stopped.
 */
void
view_dqn_update_draw(struct canvas *c, struct rect r, const struct tutor *t,
    const struct view_opts *o)
{
	const struct dqn_session	*ds = t->dq;
	const struct dqn		*q = ds->q;
	const struct dqn_update		*up = &q->last_update;
	const struct dqn_sample		*s;
	struct piece			 line, note[2], p[8];
	bool				 u = o->glyphs == PLOT_UTF8;
	int				 x, y, n = 0, i, k;
	char				 num[32];

	view_clear(c, r);
	if (r.w <= 0 || r.h <= 0)
		return;
	if (ds->stopped || q->diverged) {
		snprintf(line.text, sizeof line.text, "Training stopped at step "
		    "%ld: the loss is not finite, the network diverged. reset "
		    "starts again.", q->step);
		canvas_textstyle(c, r.x, r.y, line.text, r.w, ST_ERROR);
		if (r.h > 1 && up->valid) {
			snprintf(line.text, sizeof line.text, "last loss %g at "
			    "step %ld; a smaller lr, max_grad_norm or loss="
			    "huber may keep it finite", up->loss, up->step);
			canvas_textstyle(c, r.x, r.y + 1, line.text, r.w,
			    ST_DIM);
		}
		return;
	}
	if (!up->valid) {
		draw_waiting(c, r, q, u);
		return;
	}
	i = shown_sample(t);
	s = &up->sample[i];
	format_target(&line, note, q, s, u);
	x = r.x + canvas_textstyle(c, r.x, r.y, line.text, r.w, line.style);
	for (k = 0; k < 2; k++)
		if (note[k].text[0] != '\0' && fits(r, x + 3, note[k].text)) {
			canvas_textstyle(c, x + 3, r.y, note[k].text,
			    r.x + r.w - x - 3, note[k].style);
			note[0].text[0] = '\0';
			break;
		}
	if (r.h < 2)
		return;
	y = r.y + 1;
	x = r.x;
	/* Too long for the first line: the note opens the second, in its
	 * short form if it has one, to leave room for the numbers. */
	if (note[0].text[0] != '\0')
		x = draw_pieces(c, r, x, y, note[1].text[0] != '\0' ?
		    &note[1] : &note[0], 1, 0);
	snprintf(p[n].text, sizeof p[n].text, "Q(s,%s) = %.3f", arrow(s->a, u),
	    s->pred);
	p[n++].style = ST_PLAIN;
	snprintf(p[n].text, sizeof p[n].text, "TD error %.3f",
	    s->target - s->pred);
	p[n++].style = ST_PLAIN;
	format_number(num, sizeof num, up->loss);
	snprintf(p[n].text, sizeof p[n].text, "loss %s", num);
	p[n++].style = ST_PLAIN;
	format_number(num, sizeof num, up->grad_norm);
	snprintf(p[n].text, sizeof p[n].text, "%s %s", u ? "‖∇‖" : "|grad|",
	    num);
	if (up->clipped)
		snprintf(p[n].text + strlen(p[n].text), sizeof p[n].text -
		    strlen(p[n].text), " clipped to %g", q->cfg.max_grad_norm);
	p[n++].style = up->clipped ? ST_CURRENT : ST_PLAIN;
	if (q->cfg.prioritized) {
		snprintf(p[n].text, sizeof p[n].text, "weight %.3f (%s %.2f)",
		    s->weight, u ? "β" : "beta", up->beta);
		p[n++].style = ST_PLAIN;
	}
	snprintf(p[n].text, sizeof p[n].text, "sample %d of %d", i + 1,
	    q->cfg.batch);
	p[n++].style = ST_DIM;
	if (up->step != q->step)
		snprintf(p[n].text, sizeof p[n].text, "(update %ld, at step "
		    "%ld)", q->updates, up->step);
	else
		snprintf(p[n].text, sizeof p[n].text, "(update %ld)",
		    q->updates);
	p[n++].style = ST_DIM;
	draw_pieces(c, r, x, y, p, n, 2);
}
