/* Tests for the character canvas and the line plots drawn into it. */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#ifndef TOP_SRCDIR
#define TOP_SRCDIR "."
#endif

#include "canvas.h"
#include "plot.h"
#include "testutil.h"
#include "golden_check.h"

/* The data area of a rendered plot, found from its axes. */
struct area {
	int	 x0, y0;	/* first data column and row */
	int	 x1, y1;	/* one past the last */
};

/* Where a series was drawn, by its cells' styles. */
struct extent {
	int	 count;			/* cells */
	int	 left_x, left_y;	/* the leftmost column's lowest cell */
	int	 right_x, right_y;	/* the rightmost column's highest */
};

static double		 coin(int);
static double		*rising(int, double);
static struct canvas	*render(int, int, const struct plot_spec *,
			    const struct plot_series *, int, enum plot_glyphs);
static int		 find_area(const struct canvas *, struct area *);
static struct extent	 series_extent(const struct canvas *,
			    const struct area *, int);
static int		 column_has_series(const struct canvas *,
			    const struct area *, int, int);
static int		 row_contains(const struct canvas *, int, const char *);
static int		 canvas_contains(const struct canvas *, const char *);
static void		 assert_rises(const struct canvas *, int);
static void		 assert_falls(const struct canvas *, int);
static void		 rising_plot(enum plot_glyphs, const char *);
static void		 two_series_plot(enum plot_glyphs, const char *);
static void		 nan_gap_plot(enum plot_glyphs, const char *);

/* A deterministic coin in [0, 1) from an integer hash (no libm). */
static double
coin(int i)
{
	uint32_t	 x = (uint32_t)i * 2654435761u;

	x ^= x >> 15;
	x *= 2246822519u;
	x ^= x >> 13;
	return ((x % 10000) / 10000.0);
}

/* A noisy line from 0 to 1 over n points; the caller frees it. */
static double *
rising(int n, double noise)
{
	double	*y = malloc(n * sizeof *y);
	int	 i;

	assert_non_null(y);
	for (i = 0; i < n; i++)
		y[i] = (n > 1 ? (double)i / (n - 1) : 0) +
		    noise * (coin(i) - 0.5);
	return (y);
}

static struct canvas *
render(int w, int h, const struct plot_spec *spec,
    const struct plot_series *s, int ns, enum plot_glyphs g)
{
	struct canvas	*c = canvas_new(w, h);

	assert_int_equal(plot_render(c, 0, 0, w, h, spec, s, ns, g), 0);
	return (c);
}

/*
 * The y axis is the leftmost column holding a vertical line; the data
 * area lies right of it, above its corner.
 */
static int
find_area(const struct canvas *c, struct area *a)
{
	uint32_t	 cp;
	int		 x, y, ax = -1, top = -1;

	for (x = 0; x < c->w && ax == -1; x++) {
		for (y = 0; y < c->h && ax == -1; y++) {
			if ((cp = canvas_get(c, x, y)) == '|' ||
			    cp == 0x2502) {
				ax = x;
				top = y;
			}
		}
	}
	if (ax == -1)
		return (-1);
	while (top > 0 && ((cp = canvas_get(c, ax, top - 1)) == '|' ||
	    cp == '+' || cp == 0x2502 || cp == 0x2524))
		top--;
	y = top;
	while ((cp = canvas_get(c, ax, y + 1)) == '|' || cp == '+' ||
	    cp == 0x2502 || cp == 0x2524)
		y++;
	/* y is now the corner, in ASCII a '+' like the ticks. */
	if (cp == 0x2514)
		y++;
	a->x0 = ax + 1;
	a->y0 = top;
	a->x1 = c->w;
	a->y1 = y;
	return (0);
}

static struct extent
series_extent(const struct canvas *c, const struct area *a, int series)
{
	struct extent	 e = { 0, -1, -1, -1, -1 };
	int		 x, y;

	for (x = a->x0; x < a->x1; x++) {
		for (y = a->y0; y < a->y1; y++) {
			if (canvas_getstyle(c, x, y) !=
			    PLOT_STYLE_SERIES + series)
				continue;
			if (e.count++ == 0 || x < e.left_x ||
			    (x == e.left_x && y > e.left_y)) {
				e.left_x = x;
				e.left_y = y;
			}
			if (x > e.right_x ||
			    (x == e.right_x && y < e.right_y)) {
				e.right_x = x;
				e.right_y = y;
			}
		}
	}
	return (e);
}

static int
column_has_series(const struct canvas *c, const struct area *a, int x,
    int series)
{
	int	 y;

	for (y = a->y0; y < a->y1; y++)
		if (canvas_getstyle(c, x, y) == PLOT_STYLE_SERIES + series)
			return (1);
	return (0);
}

static int
row_contains(const struct canvas *c, int y, const char *needle)
{
	struct canvas	 row = { c->w, 1, c->cell + (size_t)y * c->w,
			    c->style + (size_t)y * c->w };
	char		*text = canvas_render(&row);
	int		 found = strstr(text, needle) != NULL;

	free(text);
	return (found);
}

static int
canvas_contains(const struct canvas *c, const char *needle)
{
	char	*text = canvas_render(c);
	int	 found = strstr(text, needle) != NULL;

	free(text);
	return (found);
}

/*
 * The series (what a later series left visible of it) starts in the
 * left tenth of the data area, in its bottom quarter, and ends in the
 * right tenth, in its top quarter.
 */
static void
assert_rises(const struct canvas *c, int series)
{
	struct area	 a;
	struct extent	 e;
	int		 rows, tenth;

	assert_int_equal(find_area(c, &a), 0);
	rows = a.y1 - a.y0;
	tenth = (a.x1 - a.x0 + 9) / 10;
	e = series_extent(c, &a, series);
	assert_true(e.count > 0);
	assert_true(e.left_x < a.x0 + tenth);
	assert_true(e.right_x >= a.x1 - tenth);
	assert_true(e.left_y >= a.y1 - (rows + 3) / 4);
	assert_true(e.right_y < a.y0 + (rows + 3) / 4);
}

/* The same, from the top quarter down to the bottom quarter. */
static void
assert_falls(const struct canvas *c, int series)
{
	struct area	 a;
	struct extent	 e;
	int		 rows, tenth;

	assert_int_equal(find_area(c, &a), 0);
	rows = a.y1 - a.y0;
	tenth = (a.x1 - a.x0 + 9) / 10;
	e = series_extent(c, &a, series);
	assert_true(e.count > 0);
	assert_true(e.left_x < a.x0 + tenth);
	assert_true(e.right_x >= a.x1 - tenth);
	assert_true(e.left_y < a.y0 + (rows + 3) / 4);
	assert_true(e.right_y >= a.y1 - (rows + 3) / 4);
}

static void
test_plot_canvas_put_get(void **state)
{
	struct canvas	*c = canvas_new(4, 3);

	(void)state;
	assert_int_equal(c->w, 4);
	assert_int_equal(c->h, 3);
	assert_int_equal(canvas_get(c, 0, 0), ' ');
	canvas_put(c, 3, 2, 'x');
	canvas_putstyle(c, 1, 1, 0x2800, 7);
	assert_int_equal(canvas_get(c, 3, 2), 'x');
	assert_int_equal(canvas_getstyle(c, 3, 2), 0);
	assert_int_equal(canvas_get(c, 1, 1), 0x2800);
	assert_int_equal(canvas_getstyle(c, 1, 1), 7);
	/* Outside writes vanish; outside reads give 0. */
	canvas_put(c, -1, 0, 'y');
	canvas_put(c, 4, 0, 'y');
	canvas_put(c, 0, 3, 'y');
	canvas_put(c, 0, -1, 'y');
	assert_int_equal(canvas_get(c, -1, 0), 0);
	assert_int_equal(canvas_get(c, 4, 0), 0);
	assert_int_equal(canvas_get(c, 0, 3), 0);
	assert_false(canvas_contains(c, "y"));
	/* What would break a line is stored as '?'. */
	canvas_put(c, 0, 0, '\n');
	canvas_put(c, 1, 0, 0xd800);
	canvas_put(c, 2, 0, 0x110000);
	assert_int_equal(canvas_get(c, 0, 0), '?');
	assert_int_equal(canvas_get(c, 1, 0), '?');
	assert_int_equal(canvas_get(c, 2, 0), '?');
	canvas_fill(c, '.');
	assert_int_equal(canvas_get(c, 3, 2), '.');
	assert_int_equal(canvas_getstyle(c, 1, 1), 0);
	canvas_free(c);
}

static void
test_plot_canvas_empty(void **state)
{
	struct canvas	*c = canvas_new(0, -3);
	char		*text;

	(void)state;
	assert_int_equal(c->w, 0);
	assert_int_equal(c->h, 0);
	canvas_put(c, 0, 0, 'x');
	assert_int_equal(canvas_text(c, 0, 0, "abc"), 0);
	text = canvas_render(c);
	assert_string_equal(text, "");
	free(text);
	canvas_free(c);
	canvas_free(NULL);
}

static void
test_plot_canvas_text_utf8(void **state)
{
	struct canvas	*c = canvas_new(8, 1);
	char		*text;

	(void)state;
	/* a, e-acute, euro sign, a braille cell, an emoji (4 bytes). */
	assert_int_equal(canvas_text(c, 0, 0,
	    "a\xc3\xa9\xe2\x82\xac\xe2\xa3\xbf\xf0\x9f\x98\x80"), 5);
	assert_int_equal(canvas_get(c, 0, 0), 'a');
	assert_int_equal(canvas_get(c, 1, 0), 0xe9);
	assert_int_equal(canvas_get(c, 2, 0), 0x20ac);
	assert_int_equal(canvas_get(c, 3, 0), 0x28ff);
	assert_int_equal(canvas_get(c, 4, 0), 0x1f600);
	text = canvas_render(c);
	assert_string_equal(text,
	    "a\xc3\xa9\xe2\x82\xac\xe2\xa3\xbf\xf0\x9f\x98\x80\n");
	free(text);
	assert_int_equal(canvas_textwidth("\xc3\xa9t\xc3\xa9"), 3);
	assert_int_equal(canvas_textwidth(""), 0);
	canvas_free(c);
}

static void
test_plot_canvas_text_invalid(void **state)
{
	struct canvas	*c = canvas_new(16, 1);
	char		*text;

	(void)state;
	/*
	 * A stray byte, a truncated sequence at the end, an overlong '/',
	 * a surrogate and a tab: every bad byte is one '?'.
	 */
	canvas_text(c, 0, 0, "a\xff" "b\xc0\xaf" "c\xed\xa0\x80" "d\t\xe2\x82");
	text = canvas_render(c);
	assert_string_equal(text, "a?b??c???d???\n");
	free(text);
	/* A truncated sequence does not swallow the byte after it. */
	canvas_fill(c, ' ');
	canvas_text(c, 0, 0, "\xe2\x82x");
	assert_int_equal(canvas_get(c, 2, 0), 'x');
	canvas_free(c);
}

static void
test_plot_canvas_text_clips(void **state)
{
	struct canvas	*c = canvas_new(5, 2);
	char		*text;

	(void)state;
	assert_int_equal(canvas_text(c, -2, 0, "abcdefgh"), 5);
	assert_int_equal(canvas_text(c, 3, 1, "xyz"), 2);
	assert_int_equal(canvas_text(c, 0, 2, "off"), 0);
	assert_int_equal(canvas_textn(c, 0, 1, "12345", 2), 2);
	text = canvas_render(c);
	assert_string_equal(text, "cdefg\n12 xy\n");
	free(text);
	canvas_free(c);
}

static void
test_plot_canvas_render_trims(void **state)
{
	struct canvas	*c = canvas_new(6, 3);
	char		*text;

	(void)state;
	canvas_text(c, 1, 0, "a b");
	canvas_put(c, 5, 2, 'z');
	text = canvas_render(c);
	assert_string_equal(text, " a b\n\n     z\n");
	free(text);
	canvas_free(c);
}

static void
test_plot_format_number(void **state)
{
	static const struct {
		double		 v, step;
		const char	*want;
	} cases[] = {
		{ 1, 0, "1" }, { 0.5, 0, "0.5" }, { 0.25, 0, "0.25" },
		{ 150, 0, "150" }, { 1200, 0, "1.2k" }, { 12345, 0, "12.3k" },
		{ 100000, 0, "100k" }, { 1e6, 0, "1M" }, { 999999, 0, "1M" },
		{ -0.5, 0, "-0.5" }, { 0, 0, "0" }, { 2.5e9, 0, "2.5G" },
		{ 0.75, 0.25, "0.75" }, { 1, 0.25, "1" },
		{ 1e-17, 0.25, "0" }, { -1e-17, 0.25, "0" },
		{ 1250, 250, "1.25k" }, { 1500, 250, "1.5k" },
		{ 500, 250, "500" }, { 0.3000000000000001, 0.1, "0.3" },
		{ -7.5, 2.5, "-7.5" }, { 200.15, 0.05, "200.15" },
	};
	char	 buf[32];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		plot_format_number(buf, sizeof buf, cases[i].v, cases[i].step);
		assert_string_equal(buf, cases[i].want);
	}
	plot_format_number(buf, sizeof buf, NAN, 0);
	assert_string_equal(buf, "nan");
	plot_format_number(buf, 3, 123456, 1);
	assert_string_equal(buf, "12");
}

static void
test_plot_moving_average(void **state)
{
	const double	 y[] = { 1, 2, 3, 4, 5, 9 };
	const double	 want3[] = { 1, 1.5, 2, 3, 4, 6 };
	const double	 gappy[] = { 1, NAN, 3, NAN, NAN };
	double		*ma;
	int		 i;

	(void)state;
	ma = plot_moving_average(y, 6, 3);
	for (i = 0; i < 6; i++)
		assert_near(ma[i], want3[i], 1e-12);
	free(ma);
	/* Window 1 (or less) is the data itself. */
	ma = plot_moving_average(y, 6, 0);
	for (i = 0; i < 6; i++)
		assert_true(ma[i] == y[i]);
	free(ma);
	/* A window longer than the data is the running mean. */
	ma = plot_moving_average(y, 6, 100);
	assert_near(ma[5], 4, 1e-12);
	assert_near(ma[1], 1.5, 1e-12);
	free(ma);
	/* NaN is left out; a window of only NaN is NaN. */
	ma = plot_moving_average(gappy, 5, 2);
	assert_true(ma[0] == 1);
	assert_true(ma[1] == 1);
	assert_true(ma[2] == 3);
	assert_true(ma[3] == 3);
	assert_true(isnan(ma[4]));
	free(ma);
	ma = plot_moving_average(NULL, 0, 5);
	assert_non_null(ma);
	free(ma);
}

static void
rising_plot(enum plot_glyphs g, const char *golden)
{
	const struct plot_spec	 spec = { "FrozenLake 4x4: reward per episode",
				    "episode", "reward", 0, 0, 0 };
	struct plot_series	 s[2];
	struct canvas		*c;
	struct area		 a;
	double			*y = rising(500, 0.3);
	double			*ma = plot_moving_average(y, 500, 50);

	s[0] = (struct plot_series){ "reward", y, 500 };
	s[1] = (struct plot_series){ "avg 50", ma, 500 };
	c = render(72, 20, &spec, s, 2, g);
	golden_check(golden, c);
	assert_rises(c, 0);
	assert_rises(c, 1);
	assert_int_equal(find_area(c, &a), 0);
	assert_true(row_contains(c, 0, "reward per episode"));
	assert_true(row_contains(c, a.y1 + 1, "1"));
	assert_true(row_contains(c, a.y1 + 1, "500"));
	assert_true(row_contains(c, a.y1 + 2, "episode"));
	assert_true(row_contains(c, a.y1 + 3, "avg 50"));
	assert_true(canvas_contains(c, "0.5"));
	canvas_free(c);
	free(y);
	free(ma);
}

static void
test_plot_rising_ascii(void **state)
{
	(void)state;
	rising_plot(PLOT_ASCII, "plot_rising_ascii.txt");
}

static void
test_plot_rising_utf8(void **state)
{
	(void)state;
	rising_plot(PLOT_UTF8, "plot_rising_utf8.txt");
}

/* One series rising from -1 to 2, another falling from 2 to -1. */
static void
two_series_plot(enum plot_glyphs g, const char *golden)
{
	const struct plot_spec	 spec = { "Q values", "episode", NULL,
				    0, 0, 0 };
	struct plot_series	 s[2];
	struct canvas		*c;
	double			 up[200], down[200], t;
	int			 i;

	for (i = 0; i < 200; i++) {
		t = i / 199.0;
		up[i] = -1 + 3 * t * t;
		down[i] = 2 - 3 * t;
	}
	s[0] = (struct plot_series){ "Q(s0,right)", up, 200 };
	s[1] = (struct plot_series){ "Q(s0,left)", down, 200 };
	c = render(60, 16, &spec, s, 2, g);
	golden_check(golden, c);
	assert_rises(c, 0);
	assert_falls(c, 1);
	assert_true(canvas_contains(c, "-1"));
	assert_true(canvas_contains(c, "Q(s0,left)"));
	canvas_free(c);
}

static void
test_plot_two_series_ascii(void **state)
{
	(void)state;
	two_series_plot(PLOT_ASCII, "plot_two_series_ascii.txt");
}

static void
test_plot_two_series_utf8(void **state)
{
	(void)state;
	two_series_plot(PLOT_UTF8, "plot_two_series_utf8.txt");
}

/* A constant series is a line across the middle, labelled with its value. */
static void
test_plot_flat(void **state)
{
	struct plot_series	 s;
	struct canvas		*c;
	struct area		 a;
	struct extent		 e;
	double			 y[40];
	int			 i;

	(void)state;
	for (i = 0; i < 40; i++)
		y[i] = 3;
	s = (struct plot_series){ NULL, y, 40 };
	c = render(50, 10, NULL, &s, 1, PLOT_ASCII);
	golden_check("plot_flat_ascii.txt", c);
	assert_int_equal(find_area(c, &a), 0);
	e = series_extent(c, &a, 0);
	assert_int_equal(e.count, a.x1 - a.x0);
	assert_int_equal(e.left_y, e.right_y);
	assert_true(e.left_y > a.y0 && e.left_y < a.y1 - 1);
	assert_true(row_contains(c, e.left_y, "3 +"));
	/* No labels and one series: no legend. */
	assert_false(canvas_contains(c, "series"));
	canvas_free(c);
}

/* A run of NaN leaves a gap in the curve, in both modes. */
static void
nan_gap_plot(enum plot_glyphs g, const char *golden)
{
	const struct plot_spec	 spec = { "steps per episode", NULL, NULL,
				    0, 0, 0 };
	struct plot_series	 s;
	struct canvas		*c;
	struct area		 a;
	double			 y[120];
	int			 i, x, mid;

	for (i = 0; i < 120; i++)
		y[i] = i >= 40 && i < 70 ? NAN : (i % 30 < 15 ? i % 30 :
		    30 - i % 30) * 10;
	s = (struct plot_series){ "steps", y, 120 };
	c = render(64, 12, &spec, &s, 1, g);
	golden_check(golden, c);
	assert_int_equal(find_area(c, &a), 0);
	mid = a.x0 + (a.x1 - a.x0) * 55 / 120;
	for (x = mid - 3; x <= mid + 3; x++)
		assert_false(column_has_series(c, &a, x, 0));
	assert_true(column_has_series(c, &a, a.x0, 0));
	assert_true(column_has_series(c, &a, a.x1 - 1, 0));
	canvas_free(c);
}

static void
test_plot_nan_gap_ascii(void **state)
{
	(void)state;
	nan_gap_plot(PLOT_ASCII, "plot_nan_gap_ascii.txt");
}

static void
test_plot_nan_gap_utf8(void **state)
{
	(void)state;
	nan_gap_plot(PLOT_UTF8, "plot_nan_gap_utf8.txt");
}

/* Few points on a fixed scale that ends on its ticks. */
static void
test_plot_fixed_sparse(void **state)
{
	const struct plot_spec	 spec = { "success rate", NULL, NULL,
				    0, 1, 1 };
	const double		 y[6] = { 0, 0.1, 0.3, 0.2, 0.6, 0.9 };
	struct plot_series	 s = { NULL, y, 6 };
	struct canvas		*c;
	struct area		 a;
	struct extent		 e;

	(void)state;
	c = render(40, 12, &spec, &s, 1, PLOT_ASCII);
	golden_check("plot_fixed_sparse_ascii.txt", c);
	assert_int_equal(find_area(c, &a), 0);
	assert_rises(c, 0);
	/* One marker per column, the points joined by straight lines. */
	e = series_extent(c, &a, 0);
	assert_int_equal(e.count, a.x1 - a.x0);
	/* 0 and 1 are the ends of the fixed range: bottom and top rows. */
	assert_int_equal(e.left_y, a.y1 - 1);
	assert_true(row_contains(c, a.y0, "1 +"));
	assert_true(row_contains(c, a.y1 - 1, "0 +"));
	canvas_free(c);
}

static void
test_plot_empty_series(void **state)
{
	const struct plot_spec	 spec = { "reward", NULL, NULL, 0, 0, 0 };
	struct plot_series	 s = { "reward", NULL, 0 };
	struct canvas		*c;
	struct area		 a;

	(void)state;
	c = render(40, 10, &spec, &s, 1, PLOT_UTF8);
	assert_true(canvas_contains(c, "no data"));
	assert_int_equal(find_area(c, &a), 0);
	assert_int_equal(series_extent(c, &a, 0).count, 0);
	canvas_free(c);
	c = render(40, 10, NULL, NULL, 0, PLOT_ASCII);
	assert_true(canvas_contains(c, "no data"));
	canvas_free(c);
}

static void
test_plot_single_point(void **state)
{
	const double		 y = 0.7;
	struct plot_series	 s = { NULL, &y, 1 };
	struct canvas		*c;
	struct area		 a;
	struct extent		 e;

	(void)state;
	c = render(30, 8, NULL, &s, 1, PLOT_ASCII);
	assert_int_equal(find_area(c, &a), 0);
	e = series_extent(c, &a, 0);
	assert_int_equal(e.count, 1);
	assert_int_equal(e.left_x, a.x0);
	assert_true(row_contains(c, a.y1 + 1, "1"));
	canvas_free(c);
	c = render(30, 8, NULL, &s, 1, PLOT_UTF8);
	assert_int_equal(find_area(c, &a), 0);
	assert_int_equal(series_extent(c, &a, 0).count, 1);
	canvas_free(c);
}

static void
test_plot_too_small(void **state)
{
	const double		 y[3] = { 1, 2, 3 };
	struct plot_series	 s = { "x", y, 3 };
	struct canvas		*c = canvas_new(30, 10);
	char			*text;

	(void)state;
	assert_int_equal(plot_render(c, 0, 0, 20, 3, NULL, &s, 1,
	    PLOT_UTF8), -1);
	assert_true(canvas_contains(c, "plot: too small"));
	canvas_fill(c, ' ');
	assert_int_equal(plot_render(c, 0, 0, 6, 10, NULL, &s, 1,
	    PLOT_ASCII), -1);
	text = canvas_render(c);
	assert_string_equal(text, "\n\n\n\n\n\n\n\n\n\n");
	free(text);
	assert_int_equal(plot_render(c, 0, 0, 0, 0, NULL, &s, 1,
	    PLOT_ASCII), -1);
	assert_int_equal(plot_render(c, 5, 5, -4, 2, NULL, &s, 1,
	    PLOT_ASCII), -1);
	/* Only the part on the canvas counts. */
	assert_int_equal(plot_render(c, 25, 0, 100, 10, NULL, &s, 1,
	    PLOT_ASCII), -1);
	/* Four rows are enough once the extras are dropped. */
	assert_int_equal(plot_render(c, 0, 0, 30, 4, NULL, &s, 1,
	    PLOT_UTF8), 0);
	canvas_free(c);
}

/* Drawing stays inside the rectangle. */
static void
test_plot_stays_in_rect(void **state)
{
	struct canvas	*c = canvas_new(50, 20);
	double		*y = rising(300, 0.5);
	struct plot_series s = { "reward", y, 300 };
	int		 x, yy;

	(void)state;
	canvas_fill(c, '.');
	assert_int_equal(plot_render(c, 5, 4, 40, 12, NULL, &s, 1,
	    PLOT_UTF8), 0);
	for (yy = 0; yy < 20; yy++)
		for (x = 0; x < 50; x++)
			if (x < 5 || x >= 45 || yy < 4 || yy >= 16)
				assert_int_equal(canvas_get(c, x, yy), '.');
	canvas_free(c);
	free(y);
}

/* Negative data gets negative tick labels and still reads upwards. */
static void
test_plot_negative_values(void **state)
{
	double			 y[50];
	struct plot_series	 s = { NULL, y, 50 };
	struct canvas		*c;
	int			 i;

	(void)state;
	for (i = 0; i < 50; i++)
		y[i] = -200 + 4 * i;
	c = render(50, 12, NULL, &s, 1, PLOT_ASCII);
	assert_rises(c, 0);
	assert_true(canvas_contains(c, "-200 +"));
	assert_true(canvas_contains(c, "-100 +"));
	canvas_free(c);
}

/*
 * The first of two series owns the cells they share: in UTF-8 it is the
 * braille line, and the second's markers show only where it is not.
 */
static void
test_plot_first_series_on_top(void **state)
{
	double			*y = rising(100, 0);
	struct plot_series	 s[2] = { { "a", y, 100 }, { "b", y, 100 } };
	struct canvas		*c;
	struct area		 a;

	(void)state;
	c = render(40, 12, NULL, s, 2, PLOT_UTF8);
	assert_int_equal(find_area(c, &a), 0);
	assert_true(series_extent(c, &a, 0).count > 0);
	assert_int_equal(series_extent(c, &a, 1).count, 0);
	canvas_free(c);
	free(y);
}

/*
 * 100,000 points: each column shows the mean of its bin, so alternating
 * 0 and 1 average to a flat line at 0.5.
 */
static void
test_plot_huge_series(void **state)
{
	const int		 n = 100000;
	double			*y = malloc(n * sizeof *y), *up;
	struct plot_series	 s = { NULL, y, n };
	struct canvas		*c;
	struct area		 a;
	struct extent		 e;
	int			 i;

	(void)state;
	assert_non_null(y);
	for (i = 0; i < n; i++)
		y[i] = i % 2;
	c = render(80, 20, NULL, &s, 1, PLOT_ASCII);
	assert_int_equal(find_area(c, &a), 0);
	e = series_extent(c, &a, 0);
	assert_int_equal(e.count, a.x1 - a.x0);
	assert_int_equal(e.left_y, e.right_y);
	assert_true(row_contains(c, e.left_y, "0.5 +"));
	assert_true(row_contains(c, a.y1 + 1, "100k"));
	canvas_free(c);

	up = rising(n, 0.2);
	s.y = up;
	c = render(80, 20, NULL, &s, 1, PLOT_UTF8);
	assert_rises(c, 0);
	canvas_free(c);
	free(up);
	free(y);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plot_canvas_put_get),
		cmocka_unit_test(test_plot_canvas_empty),
		cmocka_unit_test(test_plot_canvas_text_utf8),
		cmocka_unit_test(test_plot_canvas_text_invalid),
		cmocka_unit_test(test_plot_canvas_text_clips),
		cmocka_unit_test(test_plot_canvas_render_trims),
		cmocka_unit_test(test_plot_format_number),
		cmocka_unit_test(test_plot_moving_average),
		cmocka_unit_test(test_plot_rising_ascii),
		cmocka_unit_test(test_plot_rising_utf8),
		cmocka_unit_test(test_plot_two_series_ascii),
		cmocka_unit_test(test_plot_two_series_utf8),
		cmocka_unit_test(test_plot_flat),
		cmocka_unit_test(test_plot_nan_gap_ascii),
		cmocka_unit_test(test_plot_nan_gap_utf8),
		cmocka_unit_test(test_plot_fixed_sparse),
		cmocka_unit_test(test_plot_empty_series),
		cmocka_unit_test(test_plot_single_point),
		cmocka_unit_test(test_plot_too_small),
		cmocka_unit_test(test_plot_stays_in_rect),
		cmocka_unit_test(test_plot_negative_values),
		cmocka_unit_test(test_plot_first_series_on_top),
		cmocka_unit_test(test_plot_huge_series),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
