/*
 * The views of fitted Q-iteration: Q at the cart's state and the map of
 * the greedy action over (theta, theta_dot), the evaluation return per
 * iteration with the table of iterations, and one transition's target
 * written out with its numbers.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "env_cartpole.h"
#include "fqi-session.h"
#include "style.h"
#include "view.h"


/* "Q₃" in UTF-8, "Q3" in ASCII: the fit of iteration k. */
static void
q_name(char *buf, size_t bufsz, int k, bool utf8)
{
	static const char *const sub[] = { "₀", "₁", "₂", "₃", "₄", "₅",
	    "₆", "₇", "₈", "₉" };
	char	 digits[16];
	size_t	 i, used;

	if (!utf8 || k < 0) {
		snprintf(buf, bufsz, k < 0 ? "Q" : "Q%d", k);
		return;
	}
	snprintf(digits, sizeof digits, "%d", k);
	used = (size_t)snprintf(buf, bufsz, "Q");
	for (i = 0; digits[i] != '\0' && used < bufsz; i++)
		used += (size_t)snprintf(buf + used, bufsz - used, "%s",
		    sub[digits[i] - '0']);
}

static const char *
arrow(int a, bool utf8)
{
	if (utf8)
		return (a == CARTPOLE_RIGHT ? "→" : "←");
	return (a == CARTPOLE_RIGHT ? ">" : "<");
}

/* Row and column of the map cell holding (theta, theta_dot) in a map of
 * rows x cols cells; -1 when outside it. */
static int
map_cell(double theta, double theta_dot, int rows, int cols, int *row,
    int *col)
{
	double	 th = cartpole_theta_threshold;
	double	 fr = (th - theta) / (2 * th);
	double	 fc = (theta_dot + FQI_MAP_THETADOT) / (2 * FQI_MAP_THETADOT);

	if (fr < 0 || fr >= 1 || fc < 0 || fc >= 1)
		return (-1);
	*row = (int)(fr * rows);
	*col = (int)(fc * cols);
	return (0);
}

/*
 * Q of the current fit at the cart's state, the larger highlighted:
 * "Q₂(s,←) 2.97  Q₂(s,→) 3.01" where it fits, else shorter forms that
 * name the actions after "Q₂(s,·):".
 */
static void
draw_q_line(struct canvas *c, struct rect r, int y, const struct tutor *t,
    bool u)
{
	const struct fqi_session	*fs = t->f;
	double				 obs[ENV_OBS_MAX], q[FQI_MAX_ACTIONS];
	char				 head[32], part[2][48], qn[16];
	const char			*sep;
	int				 x = r.x, best, a, form;

	fqi_session_observe(fs, obs);
	fqi_q(fs->fqi, obs, q);
	best = q[1] > q[0];
	q_name(qn, sizeof qn, fs->fqi->done - 1, u);
	for (form = 0; form < 3; form++) {
		head[0] = '\0';
		sep = "  ";
		for (a = 0; a < 2; a++) {
			if (form == 0)
				snprintf(part[a], sizeof part[a], "%s(s,%s) "
				    "%.2f", qn, arrow(a, u), q[a]);
			else
				snprintf(part[a], sizeof part[a], "%s%s%.2f",
				    arrow(a, u), form == 1 ? " " : "", q[a]);
		}
		if (form > 0)
			snprintf(head, sizeof head, "%s(s,%s): ", qn,
			    u ? "·" : ".");
		if (form == 2)
			sep = " ";
		if (canvas_textwidth(head) + canvas_textwidth(part[0]) +
		    (int)strlen(sep) + canvas_textwidth(part[1]) <= r.w)
			break;
	}
	x += canvas_textstyle(c, x, y, head, r.x + r.w - x, ST_PLAIN);
	x += canvas_textstyle(c, x, y, part[0], r.x + r.w - x, best == 0 ?
	    ST_UPDATED : ST_PLAIN);
	x += canvas_textstyle(c, x, y, sep, r.x + r.w - x, ST_PLAIN);
	canvas_textstyle(c, x, y, part[1], r.x + r.w - x, best == 1 ?
	    ST_UPDATED : ST_PLAIN);
}

/*
 * The map: one row per band of theta (+12 degrees at the top), one
 * column per band of theta_dot (-2 rad/s on the left), each cell the
 * greedy action at the centre of its band; the cart's own (theta,
 * theta_dot) marked.  Angles label the rows on the left, and the last
 * row names theta_dot under its range.
 */
void
view_fqi_map_draw(struct canvas *c, struct rect r, const struct tutor *t,
    const struct view_opts *o)
{
	const struct fqi_session	*fs = t->f;
	bool				 u = o->glyphs == PLOT_UTF8;
	double				 obs[ENV_OBS_MAX];
	int				 rows, cols, y, x, mr, mc, cr = -1, cc = -1;
	int				 label_w = 5, a, w, lw, hw, mid;
	const char			*lab, *name;
	char				 lo[16], hi[16];

	view_clear(c, r);
	if (r.w < 16 || r.h < 6)
		return;
	canvas_textstyle(c, r.x, r.y, u ? "greedy action at x=ẋ=0" :
	    "greedy action x=x_dot=0", r.w, ST_TITLE);
	draw_q_line(c, r, r.y + 1, t, u);
	rows = r.h - 3;
	cols = r.w - label_w;
	fqi_session_observe(fs, obs);
	(void)map_cell(obs[2], obs[3], rows, cols, &cr, &cc);
	mid = (rows - 1) / 2;
	for (y = 0; y < rows; y++) {
		lab = NULL;
		if (y == 0)
			lab = u ? "+12°" : "+12";
		else if (y == rows - 1)
			lab = u ? "−12°" : "-12";
		else if (y == mid)
			lab = u ? "θ 0°" : "th 0";
		if (lab != NULL)
			canvas_textstyle(c, r.x + label_w - 1 -
			    canvas_textwidth(lab), r.y + 2 + y, lab,
			    label_w - 1, ST_DIM);
		/* The centre of the band: fs->map's cell under it. */
		mr = (2 * y + 1) * FQI_MAP_ROWS / (2 * rows);
		for (x = 0; x < cols; x++) {
			mc = (2 * x + 1) * FQI_MAP_COLS / (2 * cols);
			a = fs->map[mr][mc];
			if (y == cr && x == cc) {
				canvas_textstyle(c, r.x + label_w + x,
				    r.y + 2 + y, u ? "●" : "@", 1, ST_AGENT);
				continue;
			}
			canvas_textstyle(c, r.x + label_w + x, r.y + 2 + y,
			    arrow(a, u), 1, a ? ST_VALUE3 : ST_NEGATIVE);
		}
	}
	/* theta_dot's range under the map's first and last columns. */
	y = r.y + r.h - 1;
	x = r.x + label_w;
	snprintf(lo, sizeof lo, "%s%g", u ? "−" : "-", FQI_MAP_THETADOT);
	snprintf(hi, sizeof hi, "+%g", FQI_MAP_THETADOT);
	lw = canvas_textwidth(lo);
	hw = canvas_textwidth(hi);
	canvas_textstyle(c, x, y, lo, cols, ST_DIM);
	canvas_textstyle(c, x + cols - hw, y, hi, hw, ST_DIM);
	name = u ? "dθ/dt" : "theta_dot";
	w = canvas_textwidth(name);
	if (lw + w + hw + 2 <= cols)
		canvas_textstyle(c, x + lw + (cols - lw - hw - w + 1) / 2, y,
		    name, w, ST_DIM);
}

/* The last iterations as rows: iteration, R^2, greedy return, the
 * headings right-aligned over their numbers. */
static void
draw_table(struct canvas *c, struct rect r, const struct fqi *f, bool u)
{
	char	 line[96], r2[16];
	int	 y, k, first;

	canvas_textstyle(c, r.x, r.y, u ? "iter     R²  greedy return" :
	    "iter    R^2  greedy return", r.w, ST_TITLE);
	first = f->done - (r.h - 1);
	if (first < 0)
		first = 0;
	for (y = 1, k = first; k < f->done && y < r.h; k++, y++) {
		if (isnan(f->hist[k].r2))
			snprintf(r2, sizeof r2, "   n/a");
		else
			snprintf(r2, sizeof r2, "%6.3f", f->hist[k].r2);
		if (f->hist[k].eval_episodes > 0)
			snprintf(line, sizeof line, "%4d %s %6.1f %s %5.1f",
			    k, r2, f->hist[k].eval_mean, u ? "±" : "+-",
			    f->hist[k].eval_std);
		else
			snprintf(line, sizeof line, "%4d %s      -", k, r2);
		canvas_textstyle(c, r.x, r.y + y, line, r.w, k == f->done - 1 ?
		    ST_CURRENT : ST_PLAIN);
	}
	if (f->done == 0)
		canvas_textstyle(c, r.x, r.y + 1, "no iteration yet", r.w,
		    ST_DIM);
}

void
view_fqi_curves_draw(struct canvas *c, struct rect r, const struct tutor *t,
    const struct view_opts *o)
{
	const struct fqi	*f = t->f->fqi;
	struct plot_spec	 spec;
	struct plot_series	 s;
	struct rect		 plot = r, table = r;
	double			*y = calloc((size_t)f->done + 1, sizeof *y);
	int			 k, tw = 28;

	view_clear(c, r);
	if (y == NULL)
		return;
	if (r.w >= 60) {
		plot.w = r.w - tw - 2;
		table.x = r.x + r.w - tw;
		table.w = tw;
	} else
		table.w = 0;
	for (k = 0; k < f->done; k++)
		y[k] = f->hist[k].eval_mean;
	memset(&spec, 0, sizeof spec);
	spec.title = "greedy return after each iteration";
	spec.xlabel = "iteration";
	spec.x_from_zero = 1;
	s.label = "return";
	s.y = y;
	s.n = f->done;
	plot_render(c, plot.x, plot.y, plot.w, plot.h, &spec, &s, 1,
	    o->glyphs);
	if (table.w > 0)
		draw_table(c, table, f, o->glyphs == PLOT_UTF8);
	free(y);
}

/* The target: y_i = r + gamma max Q(s', .) = ...; the note on why it
 * is what it is (iteration 0, terminated, truncated) into note. */
static void
format_target(char *buf, size_t bufsz, char *note, size_t notesz,
    const struct fqi_record *rec, bool u)
{
	char	 prev[16], yi[32];

	q_name(prev, sizeof prev, rec->iteration - 1, u);
	snprintf(yi, sizeof yi, "y[%ld]", rec->i);
	note[0] = '\0';
	if (rec->iteration == 0) {
		snprintf(buf, bufsz, "%s = r = %g", yi, rec->r);
		snprintf(note, notesz, "(iteration 0 fits the rewards alone)");
	} else if (rec->terminated) {
		snprintf(buf, bufsz, "%s = r = %g", yi, rec->r);
		snprintf(note, notesz, "(terminated: the pole fell or the cart "
		    "left, no future to add)");
	} else {
		snprintf(buf, bufsz, "%s = r + %s max %s(s%s,%s) = %g + %g %s "
		    "max(%.3f, %.3f) = %.3f", yi, u ? "γ" : "gamma",
		    prev, u ? "′" : "'", u ? "·" : ".", rec->r, rec->gamma,
		    u ? "×" : "x", rec->q_next[0], rec->q_next[1], rec->target);
		if (rec->truncated)
			snprintf(note, notesz, "(truncated by the time limit: "
			    "it bootstraps)");
	}
}

/* Whether text fits in the columns left from x to the rect's end. */
static bool
fits(struct rect r, int x, const char *text)
{
	return (x + canvas_textwidth(text) <= r.x + r.w);
}

/*
 * Two lines: the target of one transition with its numbers and, when
 * it fits, why it is what it is; then what the new fit makes of that
 * transition, its state, and how to see another.  A note too long for
 * the first line opens the second.
 */
void
view_fqi_update_draw(struct canvas *c, struct rect r, const struct tutor *t,
    const struct view_opts *o)
{
	const struct fqi_session	*fs = t->f;
	struct fqi_record		 rec;
	bool				 u = o->glyphs == PLOT_UTF8;
	char				 line[512], note[128], part[256], qn[16];
	int				 x, y;
	long				 i;

	view_clear(c, r);
	if (fs->fqi->done == 0) {
		canvas_textstyle(c, r.x, r.y, "No fit yet: Q = 0 everywhere. "
		    "SPACE runs iteration 0, which fits the rewards.", r.w,
		    ST_PLAIN);
		if (r.h > 1)
			canvas_textstyle(c, r.x, r.y + 1, u ? "Each later "
			    "iteration fits r + γ max Q(s′,·) of the fit "
			    "before it." : "Each later iteration fits r + "
			    "gamma max Q(s',.) of the fit before it.", r.w,
			    ST_DIM);
		return;
	}
	i = fs->inspect >= 0 ? fs->inspect : fs->samples[0];
	fqi_record(fs->fqi, i, &rec);
	format_target(line, sizeof line, note, sizeof note, &rec, u);
	x = r.x + canvas_textstyle(c, r.x, r.y, line, r.w, ST_PLAIN);
	if (note[0] != '\0' && fits(r, x + 3, note)) {
		canvas_textstyle(c, x + 3, r.y, note, r.x + r.w - x - 3,
		    ST_DIM);
		note[0] = '\0';
	}
	if (r.h < 2)
		return;
	y = r.y + 1;
	x = r.x;
	if (note[0] != '\0')
		x += canvas_textstyle(c, x, y, note, r.w, ST_DIM) + 2;
	q_name(qn, sizeof qn, rec.iteration, u);
	snprintf(part, sizeof part, "fit %s(s,%s) = %.3f", qn,
	    arrow(rec.a, u), rec.fitted);
	if (!fits(r, x, part))
		return;
	x += canvas_textstyle(c, x, y, part, r.x + r.w - x, ST_DIM);
	snprintf(part, sizeof part, " at s = (%.3f, %.3f, %.3f, %.3f)",
	    rec.s[0], rec.s[1], rec.s[2], rec.s[3]);
	if (!fits(r, x, part))
		return;
	x += canvas_textstyle(c, x, y, part, r.x + r.w - x, ST_DIM);
	if (fits(r, x + 3, ":target I: another"))
		canvas_textstyle(c, x + 3, y, ":target I: another",
		    r.x + r.w - x - 3, ST_DIM);
}
