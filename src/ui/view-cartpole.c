/*
 * A cart-pole: the track from x = -2.4 to 2.4 between two posts (the
 * limits), the cart at its x, the pole from the cart's hinge at its
 * angle, and under them the four state numbers with the limits.
 *
 * The angle is drawn true, not exaggerated, for cells twice as tall as
 * they are wide (as terminal cells are): the pole leans by
 * tan(theta) * 2 columns per row.  Its length is what the rectangle's
 * height allows, not the track's scale.  In UTF-8 the pole is braille
 * dots, which resolve half a column and a quarter of a row, or '│' when
 * it keeps to the middle of one column; in ASCII it is '|', '/' and
 * '\'.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "env_cartpole.h"
#include "style.h"
#include "view.h"

#define POLE_ROWS_MAX	10	/* a taller pole shows the angle no better */
#define ITEMS		5	/* x, x_dot, theta, theta_dot, the limits */
#define ITEM_GAP	3	/* blanks between items on a line */
#define BRAILLE		0x2800

/* One number with its label, as the text under the scene shows it. */
struct item {
	char	 label[16];
	char	 value[48];
	uint8_t	 style;		/* of the value */
};

/* The rows of the scene, from the top; -1 for one left out. */
struct scene {
	int	 title, pole, cart, track, labels, text;
	int	 npole, ncart;
	int	 cw;		/* cart width */
	int	 tx0, tx1;	/* the posts' columns: x = -2.4 and 2.4 */
};

static const uint8_t braille_bit[4][2] = {
	{ 0x01, 0x08 }, { 0x02, 0x10 }, { 0x04, 0x20 }, { 0x40, 0x80 }
};

/* Writes clipped to the rectangle, whatever the canvas's size. */
static void
put(struct canvas *c, struct rect r, int x, int y, uint32_t cp,
    uint8_t style)
{
	if (x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h)
		canvas_putstyle(c, x, y, cp, style);
}

static int
text(struct canvas *c, struct rect r, int x, int y, const char *s,
    uint8_t style)
{
	if (y < r.y || y >= r.y + r.h || x < r.x || x >= r.x + r.w)
		return (0);
	return (canvas_textstyle(c, x, y, s, r.x + r.w - x, style));
}

static bool
x_outside(double x)
{
	return (x < -CARTPOLE_X_THRESHOLD || x > CARTPOLE_X_THRESHOLD);
}

static bool
theta_outside(double theta)
{
	return (theta < -cartpole_theta_threshold ||
	    theta > cartpole_theta_threshold);
}

static int
item_width(const struct item *it)
{
	return ((it->label[0] != '\0' ? canvas_textwidth(it->label) + 1 : 0) +
	    canvas_textwidth(it->value));
}

/*
 * The state as labelled numbers, a value past its limit in the error
 * style, in shorter words when a line of w columns is too narrow.
 * Fixed widths keep the text still while the numbers change.
 */
static void
make_items(struct item it[ITEMS], const double st[4], bool utf8, int w)
{
	memset(it, 0, ITEMS * sizeof *it);
	snprintf(it[0].label, sizeof it[0].label, "x");
	snprintf(it[0].value, sizeof it[0].value, "%6.3f", st[0]);
	it[0].style = x_outside(st[0]) ? ST_ERROR : ST_PLAIN;
	snprintf(it[1].label, sizeof it[1].label, utf8 ? "dx/dt" : "x_dot");
	snprintf(it[1].value, sizeof it[1].value, "%6.3f", st[1]);
	snprintf(it[2].label, sizeof it[2].label, utf8 ? "θ" : "theta");
	snprintf(it[2].value, sizeof it[2].value, utf8 ?
	    "%6.3f rad = %5.1f°" : "%6.3f rad = %5.1f deg", st[2],
	    st[2] * 180 / M_PI);
	if (item_width(&it[2]) > w)
		snprintf(it[2].value, sizeof it[2].value, utf8 ?
		    "%6.3f (%5.1f°)" : "%6.3f (%5.1f deg)", st[2],
		    st[2] * 180 / M_PI);
	it[2].style = theta_outside(st[2]) ? ST_ERROR : ST_PLAIN;
	snprintf(it[3].label, sizeof it[3].label, utf8 ? "dθ/dt" :
	    "theta_dot");
	snprintf(it[3].value, sizeof it[3].value, "%6.3f", st[3]);
	snprintf(it[4].value, sizeof it[4].value, utf8 ?
	    "limits |x| ≤ 2.4, |θ| ≤ 12°" :
	    "limits |x| <= 2.4, |theta| <= 12 deg");
	if (item_width(&it[4]) > w)
		snprintf(it[4].value, sizeof it[4].value, utf8 ?
		    "|x| ≤ 2.4, |θ| ≤ 12°" : "|x|<=2.4 |theta|<=12deg");
	it[4].style = ST_DIM;
}

/*
 * Items from the first on, flowed into lines of w columns; returns the
 * lines they take.  With a canvas, draws the first maxlines of them
 * from row y.  An item wider than a line has one to itself, clipped.
 */
static int
flow(struct canvas *c, struct rect r, int y, int maxlines,
    const struct item *it, int n, int w)
{
	int	 i, col = 0, line = 0, iw, x;

	for (i = 0; i < n; i++) {
		iw = item_width(&it[i]);
		if (col > 0 && col + ITEM_GAP + iw > w) {
			line++;
			col = 0;
		} else if (col > 0)
			col += ITEM_GAP;
		if (c != NULL && line < maxlines) {
			x = r.x + col;
			if (it[i].label[0] != '\0')
				x += text(c, r, x, y + line, it[i].label,
				    ST_PLAIN) + 1;
			text(c, r, x, y + line, it[i].value, it[i].style);
		}
		col += iw;
	}
	return (line + 1);
}

/*
 * Share the rows out.  The numbers and the least of a scene (a row of
 * pole, the cart, the track) come first; then, as the rectangle allows,
 * a second row of pole, the limits, the title, the labels under the
 * track, a cart two rows high and more pole.
 */
static void
plan_scene(struct scene *s, struct rect r, const struct item *it)
{
	bool	 title = false, labels = false;
	int	 left, limits, more, y;

	memset(s, 0, sizeof *s);
	s->cw = r.w >= 30 ? 5 : 3;
	s->tx0 = r.x + s->cw / 2;
	s->tx1 = r.x + r.w - 1 - s->cw / 2;
	s->npole = s->ncart = 1;
	left = r.h - flow(NULL, r, 0, 0, it, ITEMS - 1, r.w) - 3;
	limits = flow(NULL, r, 0, 0, it + ITEMS - 1, 1, r.w);
	if (left > 0) {
		s->npole++;
		left--;
	}
	/* The limits are drawn if they fit under the numbers, so their
	 * rows are only kept free here. */
	if (left >= limits)
		left -= limits;
	if (left > 0) {
		title = true;
		left--;
	}
	if (left > 0) {
		labels = true;
		left--;
	}
	if (left > 0 && s->cw == 5) {
		s->ncart = 2;
		left--;
	}
	more = POLE_ROWS_MAX - s->npole;
	s->npole += left < more ? (left > 0 ? left : 0) : more;
	y = r.y;
	s->title = title ? y++ : -1;
	s->pole = y;
	s->cart = (y += s->npole);
	s->track = (y += s->ncart);
	y++;
	s->labels = labels ? y++ : -1;
	s->text = y;
}

/* The screen column of a position on the track. */
static int
track_col(const struct scene *s, double x)
{
	return (s->tx0 + (int)lround((x + CARTPOLE_X_THRESHOLD) /
	    (2 * CARTPOLE_X_THRESHOLD) * (s->tx1 - s->tx0)));
}

static void
draw_track(struct canvas *c, struct rect r, const struct scene *s,
    bool utf8)
{
	int	 x, y;

	for (x = s->tx0; x <= s->tx1; x++)
		put(c, r, x, s->track, utf8 ? 0x2500 : '-', ST_DIM);
	put(c, r, track_col(s, 0), s->track, utf8 ? 0x253c : '+', ST_DIM);
	/* The limits as posts as high as the cart. */
	for (y = s->cart; y < s->track; y++) {
		put(c, r, s->tx0, y, utf8 ? 0x2503 : '|', ST_HOLE);
		put(c, r, s->tx1, y, utf8 ? 0x2503 : '|', ST_HOLE);
	}
	put(c, r, s->tx0, s->track, utf8 ? 0x2520 : '|', ST_HOLE);
	put(c, r, s->tx1, s->track, utf8 ? 0x2528 : '|', ST_HOLE);
	if (s->labels < 0)
		return;
	x = s->tx0 - 2 < r.x ? r.x : s->tx0 - 2;
	text(c, r, x, s->labels, utf8 ? "−2.4" : "-2.4", ST_DIM);
	text(c, r, track_col(s, 0), s->labels, "0", ST_DIM);
	x = s->tx1 - 1 + 3 > r.x + r.w ? r.x + r.w - 3 : s->tx1 - 1;
	text(c, r, x, s->labels, "2.4", ST_DIM);
}

/* The cart centred on column cx, its hinge in the middle of its top. */
static void
draw_cart(struct canvas *c, struct rect r, const struct scene *s, int cx,
    bool utf8)
{
	static const char *const one_utf8[] = { "╘╧╛", "╘═╧═╛" };
	static const char *const one_ascii[] = { "[+]", "[=+=]" };
	const char	*top, *bottom = NULL;
	int		 x0 = cx - s->cw / 2;

	if (s->ncart == 2) {
		top = utf8 ? "┌─┴─┐" : "+-+-+";
		bottom = utf8 ? "└───┘" : "|___|";
	} else
		top = utf8 ? one_utf8[s->cw == 5] : one_ascii[s->cw == 5];
	text(c, r, x0, s->cart, top, ST_AGENT);
	if (bottom != NULL)
		text(c, r, x0, s->cart + 1, bottom, ST_AGENT);
}

/*
 * Where the pole crosses row k above the hinge (k = 0 is the lowest),
 * in columns: the hinge is at hx, a row is two columns high, the pole
 * len columns long.  Returns 0 if the pole does not reach the row.
 */
static int
pole_span(double hx, double theta, double len, int k, double *xa,
    double *xb)
{
	double	 top = len * cos(theta), ya = 2.0 * k, yb = 2.0 * (k + 1);

	if (top <= ya)
		return (0);
	if (yb > top)
		yb = top;
	*xa = hx + ya * tan(theta);
	*xb = hx + yb * tan(theta);
	return (1);
}

/* ASCII: '|' where the pole keeps to a column, '/' or '\' where it
 * crosses to the next. */
static void
pole_ascii(struct canvas *c, struct rect r, const struct scene *s,
    double hx, double theta)
{
	double	 xa, xb, lo, hi;
	int	 k, y, col;
	uint32_t slope = theta > 0 ? '/' : '\\';

	for (k = 0; k < s->npole; k++) {
		if (!pole_span(hx, theta, 2.0 * s->npole, k, &xa, &xb))
			break;
		y = s->pole + s->npole - 1 - k;
		lo = fmin(xa, xb);
		hi = fmax(xa, xb);
		if (floor(lo) == floor(hi))
			put(c, r, (int)floor(lo), y, '|', ST_PLAIN);
		else if (floor(hi) - floor(lo) == 1)
			put(c, r, (int)floor((xa + xb) / 2), y, slope,
			    ST_PLAIN);
		else
			for (col = (int)floor(lo); col <= (int)floor(hi);
			    col++)
				put(c, r, col, y, slope, ST_PLAIN);
	}
}

/* UTF-8: '│' when the whole pole keeps to the middle half of its
 * column; otherwise the braille dots (half a column, a quarter of a row
 * each) it passes through. */
static void
pole_utf8(struct canvas *c, struct rect r, const struct scene *s,
    double hx, double theta)
{
	double	 len = 2.0 * s->npole, t, px, py;
	uint8_t	 bits[POLE_ROWS_MAX][512];
	int	 k, col, dx, dy, ncol = r.w < 512 ? r.w : 512;

	if (cos(theta) > 0 && fabs(len * sin(theta)) <= 0.25) {
		for (k = 0; k < s->npole; k++)
			put(c, r, (int)floor(hx), s->pole + k, 0x2502,
			    ST_PLAIN);
		return;
	}
	memset(bits, 0, sizeof bits);
	/* Dots on the pole, sampled finer than a dot, off the hinge's own
	 * point, which lies between two dot columns. */
	for (t = 0.025; t < len; t += 0.05) {
		px = hx + t * sin(theta);
		py = t * cos(theta);
		dx = (int)floor(px * 2) - 2 * r.x;
		dy = (int)floor(py * 2);
		if (py < 0 || dy >= 4 * s->npole || dx < 0 || dx >= 2 * ncol)
			continue;
		bits[dy / 4][dx / 2] |= braille_bit[3 - dy % 4][dx % 2];
	}
	for (k = 0; k < s->npole; k++)
		for (col = 0; col < ncol; col++)
			if (bits[k][col] != 0)
				put(c, r, r.x + col, s->pole + s->npole - 1 - k,
				    BRAILLE + bits[k][col], ST_PLAIN);
}

void
view_cartpole_draw(struct canvas *c, struct rect r, const double state[4],
    const struct view_opts *o)
{
	struct item	 it[ITEMS];
	struct scene	 s;
	bool		 utf8 = o->glyphs == PLOT_UTF8;
	int		 cx;

	view_clear(c, r);
	if (r.w <= 0 || r.h <= 0)
		return;
	make_items(it, state, utf8, r.w);
	plan_scene(&s, r, it);
	if (s.title >= 0)
		text(c, r, r.x, s.title, "CartPole", ST_TITLE);
	draw_track(c, r, &s, utf8);
	flow(c, r, s.text, r.y + r.h - s.text, it, ITEMS, r.w);
	/* No cart without a place or pole without an angle (NaN): the
	 * numbers say why. */
	if (!isfinite(state[0]))
		return;
	/* A cart past a limit is drawn at it, whole, on the post. */
	cx = track_col(&s, fmax(-CARTPOLE_X_THRESHOLD,
	    fmin(CARTPOLE_X_THRESHOLD, state[0])));
	draw_cart(c, r, &s, cx, utf8);
	if (isfinite(state[2]) && utf8)
		pole_utf8(c, r, &s, cx + 0.5, state[2]);
	else if (isfinite(state[2]))
		pole_ascii(c, r, &s, cx + 0.5, state[2]);
}
