/*
 * Line plots.  The rectangle is first divided into a layout (which rows
 * and columns each part gets), the y range gets a little headroom and
 * round tick values inside it, and the episodes are grouped into bins,
 * at most one per dot column.  Each series is reduced to one mean per
 * bin and drawn as markers (ASCII) or as connected braille dots.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "canvas.h"
#include "plot.h"
#include "xmalloc.h"

#define MAX_TICKS	5	/* y tick labels at most */
#define MIN_ROWS	2	/* data rows needed to draw anything */
#define MIN_COLS	4	/* data columns needed to draw anything */
#define LABEL_MAX	32
#define HEADROOM	0.04	/* of the data range, above and below */
#define XLABEL_SPACING	10	/* columns per episode label, roughly */
#define BRAILLE		0x2800
#define LEGEND_BRAILLE	0x28ff	/* all eight dots */
#define TOO_SMALL	"plot: too small"

struct glyphs {
	uint32_t	 vline, hline, corner, ytick, xtick;
	int		 dotw, doth;	/* dots per cell */
};

static const struct glyphs ascii_glyphs = {
	'|', '-', '+', '+', '+', 1, 1
};
/* Box drawing: light vertical, horizontal, up and right, tee left, tee down. */
static const struct glyphs utf8_glyphs = {
	0x2502, 0x2500, 0x2514, 0x2524, 0x252c, 2, 4
};

/* ASCII markers, one per series, reused after the last. */
static const char markers[] = "*ox+#@%&";
/*
 * In UTF-8 the first series is a braille line; the others are drawn with
 * these markers, one per column, so that every series can be told apart
 * on paper and in monochrome, not only by colour.
 */
static const uint32_t utf8_markers[] = { 0x00b7, 0x2022, 0x00d7, 0x25e6 };
#define NUTF8_MARKERS (sizeof utf8_markers / sizeof utf8_markers[0])

/* Bit of each braille dot, by dot row and dot column within a cell. */
static const uint8_t braille_bit[4][2] = {
	{ 0x01, 0x08 }, { 0x02, 0x10 }, { 0x04, 0x20 }, { 0x40, 0x80 }
};

/* Rows and columns of each part of the plot, in canvas coordinates. */
struct layout {
	int	 x, y, w, h;	/* the whole rectangle */
	int	 top_row;	/* title and y label, or -1 */
	int	 plot_row;	/* first row of the data area */
	int	 rows;
	int	 axis_row;
	int	 tick_row;
	int	 xlabel_row;	/* or -1 */
	int	 x_offset;	/* added to the point's number in labels */
	int	 legend_row;	/* or -1 */
	int	 axis_col;
	int	 plot_col;	/* first column of the data area */
	int	 cols;
};

/* The y range, its ticks, and how values map to dot rows. */
struct yaxis {
	double	 lo, hi;	/* the bottom and top dot rows */
	double	 step;		/* tick spacing, 0 when the ticks are lo, hi */
	double	 tick[MAX_TICKS];
	char	 label[MAX_TICKS][LABEL_MAX];
	int	 nticks;
	int	 ndots;		/* dot rows over the data area */
	int	 doth;
};

/* Episodes 1..n grouped into nbins runs of consecutive episodes. */
struct xbins {
	int	 n;
	int	 nbins;
	int	 ndots;		/* dot columns over the data area */
	int	 dotw;
};

enum align { ALIGN_LEFT, ALIGN_CENTRE, ALIGN_RIGHT };

/* Suffixes for compact numbers. */
static const struct unit {
	double		 scale;
	const char	*suffix;
} units[] = {
	{ 1, "" }, { 1e3, "k" }, { 1e6, "M" }, { 1e9, "G" }, { 1e12, "T" }
};
#define NUNITS	(sizeof units / sizeof units[0])

static int	has_text(const char *);
static int	wants_legend(const struct plot_series *, int);
static int	layout_rows(struct layout *, int, int, int);
static int	layout_cols(struct layout *, int);
static int	data_range(const struct plot_series *, int, double *,
		    double *);
static void	yaxis_init(struct yaxis *, const struct plot_spec *,
		    const struct plot_series *, int, int, int);
static void	choose_ticks(struct yaxis *, int);
static int	better_ticks(double, int, double, int);
static double	snap(double);
static int	value_dot(const struct yaxis *, double);
static void	xbins_init(struct xbins *, const struct plot_series *, int,
		    int, int);
static long long bin_start(const struct xbins *, int);
static int	bin_dot(const struct xbins *, int);
static int	episode_col(const struct xbins *, long long);
static void	bin_means(const struct xbins *, const struct plot_series *,
		    double *);
static void	draw_axes(struct canvas *, const struct layout *,
		    const struct glyphs *);
static void	draw_yticks(struct canvas *, const struct layout *,
		    const struct yaxis *, const struct glyphs *);
static void	draw_xticks(struct canvas *, const struct layout *,
		    const struct xbins *, const struct glyphs *);
static void	draw_xtick(struct canvas *, const struct layout *,
		    const struct xbins *, const struct glyphs *, long long,
		    enum align);
static int	place_label(struct canvas *, const struct layout *, int,
		    int, const char *);
static double	nice_ceil(double);
static void	draw_top(struct canvas *, const struct layout *,
		    const struct plot_spec *);
static void	draw_centred(struct canvas *, const struct layout *, int,
		    const char *);
static void	draw_legend(struct canvas *, const struct layout *,
		    const struct plot_series *, int, enum plot_glyphs);
static void	draw_series(struct canvas *, const struct layout *,
		    const struct xbins *, const struct yaxis *,
		    const struct plot_series *, int, enum plot_glyphs);
static void	draw_markers(struct canvas *, const struct layout *,
		    const struct xbins *, const struct yaxis *, const double *,
		    uint32_t, uint8_t,
		    int);
static void	draw_braille(struct canvas *, const struct layout *,
		    const struct xbins *, const struct yaxis *, const double *,
		    uint8_t);
static void	dot_set(uint8_t *, int, int, int);
static void	dot_line(uint8_t *, int, int, int, int, int);
static uint8_t	series_style(int);
static uint32_t	series_glyph(int, enum plot_glyphs);
static void	clip_rect(struct layout *, const struct canvas *, int, int,
		    int, int);
static void	clear_rect(struct canvas *, const struct layout *);
static void	strip_zeros(char *);
static int	unit_fits(size_t, double);
static int	decimals(double, double);

int
plot_render(struct canvas *c, int x, int y, int w, int h,
    const struct plot_spec *spec, const struct plot_series *s, int ns,
    enum plot_glyphs g)
{
	static const struct plot_spec	 nospec;
	const struct glyphs		*gl;
	struct layout			 L;
	struct yaxis			 ya;
	struct xbins			 xb;
	int				 i, lw, top;

	if (spec == NULL)
		spec = &nospec;
	if (s == NULL || ns < 0)
		ns = 0;
	gl = g == PLOT_UTF8 ? &utf8_glyphs : &ascii_glyphs;
	clip_rect(&L, c, x, y, w, h);
	clear_rect(c, &L);
	L.x_offset = spec->x_from_zero ? -1 : 0;

	top = has_text(spec->title) || has_text(spec->ylabel);
	if (layout_rows(&L, top, has_text(spec->xlabel),
	    wants_legend(s, ns)) == -1)
		goto small;
	yaxis_init(&ya, spec, s, ns, L.rows, gl->doth);
	for (lw = 1, i = 0; i < ya.nticks; i++)
		if (canvas_textwidth(ya.label[i]) > lw)
			lw = canvas_textwidth(ya.label[i]);
	if (layout_cols(&L, lw) == -1)
		goto small;
	xbins_init(&xb, s, ns, L.cols, gl->dotw);

	draw_axes(c, &L, gl);
	draw_yticks(c, &L, &ya, gl);
	draw_xticks(c, &L, &xb, gl);
	draw_top(c, &L, spec);
	if (L.xlabel_row != -1)
		draw_centred(c, &L, L.xlabel_row, spec->xlabel);
	if (L.legend_row != -1)
		draw_legend(c, &L, s, ns, g);
	/* Last series first, so the first one is on top where they meet. */
	for (i = ns - 1; i >= 0; i--)
		draw_series(c, &L, &xb, &ya, &s[i], i, g);
	if (data_range(s, ns, NULL, NULL) == 0)
		draw_centred(c, &L, L.plot_row + L.rows / 2, "no data");
	return (0);

small:
	if (L.h >= 1 && L.w >= (int)strlen(TOO_SMALL))
		canvas_text(c, L.x, L.y, TOO_SMALL);
	return (-1);
}

double *
plot_moving_average(const double *y, int n, int window)
{
	double	*out, sum = 0;
	int	 i, count = 0;

	if (n < 0)
		n = 0;
	if (window < 1)
		window = 1;
	out = xreallocarray(NULL, n, sizeof *out);
	for (i = 0; i < n; i++) {
		if (isfinite(y[i])) {
			sum += y[i];
			count++;
		}
		if (i >= window && isfinite(y[i - window])) {
			sum -= y[i - window];
			count--;
		}
		/* An empty window also clears any rounding left in sum. */
		if (count == 0)
			sum = 0;
		out[i] = count > 0 ? sum / count : NAN;
	}
	return (out);
}

void
plot_format_number(char *buf, size_t len, double v, double step)
{
	char	 num[64];
	size_t	 u = 0;
	int	 d;

	if (len == 0)
		return;
	if (!isfinite(v)) {
		snprintf(buf, len, "%s", isnan(v) ? "nan" : v > 0 ? "inf" :
		    "-inf");
		return;
	}
	/* A tick that should be 0 may carry rounding; it prints as "0". */
	if (step > 0 && fabs(v) < step * 1e-6)
		v = 0;
	while (unit_fits(u + 1, step) && fabs(v) >= units[u + 1].scale)
		u++;
	for (;;) {
		d = decimals(v / units[u].scale, step / units[u].scale);
		if (d < 0 || fabs(v / units[u].scale) >= 1e6) {
			snprintf(buf, len, "%.3g", v);
			return;
		}
		snprintf(num, sizeof num, "%.*f", d, v / units[u].scale);
		/* Rounding can carry: 999999 is "1M", not "1000k". */
		if (!unit_fits(u + 1, step) || fabs(strtod(num, NULL)) < 1000)
			break;
		u++;
	}
	strip_zeros(num);
	if (strcmp(num, "-0") == 0)
		memmove(num, num + 1, sizeof "0");
	snprintf(buf, len, "%s%s", num, units[u].suffix);
}

static int
has_text(const char *s)
{
	return (s != NULL && *s != '\0');
}

static int
wants_legend(const struct plot_series *s, int ns)
{
	int	 i;

	if (ns >= 2)
		return (1);
	for (i = 0; i < ns; i++)
		if (has_text(s[i].label))
			return (1);
	return (0);
}

/*
 * Give each line its row, dropping the optional ones (x label, then the
 * top line, then the legend) until the data area gets MIN_ROWS.
 */
static int
layout_rows(struct layout *L, int top, int xlabel, int legend)
{
	int	 row = L->y;

	while (L->h - top - xlabel - legend - 2 < MIN_ROWS) {
		if (xlabel)
			xlabel = 0;
		else if (top)
			top = 0;
		else if (legend)
			legend = 0;
		else
			return (-1);
	}
	L->top_row = top ? row++ : -1;
	L->plot_row = row;
	L->rows = L->h - top - xlabel - legend - 2;
	row += L->rows;
	L->axis_row = row++;
	L->tick_row = row++;
	L->xlabel_row = xlabel ? row++ : -1;
	L->legend_row = legend ? row : -1;
	return (0);
}

/* Tick labels of width lw, a space, the axis, then the data area. */
static int
layout_cols(struct layout *L, int lw)
{
	L->axis_col = L->x + lw + 1;
	L->plot_col = L->axis_col + 1;
	L->cols = L->x + L->w - L->plot_col;
	return (L->cols < MIN_COLS ? -1 : 0);
}

/* Count the finite values and find their range; lop, hip may be NULL. */
static int
data_range(const struct plot_series *s, int ns, double *lop, double *hip)
{
	double	 lo = 0, hi = 0, v;
	int	 i, j, count = 0;

	for (i = 0; i < ns; i++) {
		for (j = 0; s[i].y != NULL && j < s[i].n; j++) {
			v = s[i].y[j];
			if (!isfinite(v))
				continue;
			if (count == 0 || v < lo)
				lo = v;
			if (count == 0 || v > hi)
				hi = v;
			count++;
		}
	}
	if (lop != NULL)
		*lop = lo;
	if (hip != NULL)
		*hip = hi;
	return (count);
}

static void
yaxis_init(struct yaxis *ya, const struct plot_spec *spec,
    const struct plot_series *s, int ns, int rows, int doth)
{
	double	 lo, hi, mid, pad;
	int	 i, fixed;

	fixed = spec->fixed_y && isfinite(spec->ymin) &&
	    isfinite(spec->ymax) && spec->ymin < spec->ymax;
	if (fixed) {
		lo = spec->ymin;
		hi = spec->ymax;
	} else {
		if (data_range(s, ns, &lo, &hi) == 0) {
			lo = 0;
			hi = 1;
		} else if (hi - lo <= 1e-9 * fmax(fabs(lo), fabs(hi))) {
			/* A flat line sits in the middle of a range. */
			mid = lo / 2 + hi / 2;
			pad = mid == 0 ? 1 : fabs(mid) / 2;
			lo = mid - pad;
			hi = mid + pad;
		}
		/* Headroom keeps the extremes off the title and the axis. */
		pad = 2 * HEADROOM * (hi / 2 - lo / 2);
		if (isfinite(lo - pad) && isfinite(hi + pad)) {
			lo -= pad;
			hi += pad;
		}
	}
	ya->lo = lo;
	ya->hi = hi;
	ya->doth = doth;
	ya->ndots = rows * doth;
	choose_ticks(ya, rows < MAX_TICKS ? rows : MAX_TICKS);
	for (i = 0; i < ya->nticks; i++)
		plot_format_number(ya->label[i], LABEL_MAX, ya->tick[i],
		    ya->step);
}

/*
 * Ticks at the multiples of a step of 1, 2, 2.5 or 5 times a power of
 * ten that fall inside the range.  Between 3 and maxticks of them are
 * wanted (2 only if nothing else fits); the step whose ticks span most
 * of the range wins, then the one with more ticks.
 */
static void
choose_ticks(struct yaxis *ya, int maxticks)
{
	static const double	 mantissa[] = { 1, 2, 2.5, 5 };
	double			 span = ya->hi - ya->lo, mag, step, k0, k1;
	double			 cover, best_cover = 0, best_k0 = 0;
	int			 e, m, j, count, mincount, best_count = 0;

	ya->step = 0;
	mag = isfinite(span) && span > 0 ?
	    pow(10, floor(log10(span / (maxticks - 1)))) : 0;
	for (mincount = 3; mincount >= 2 && best_count == 0; mincount--) {
		for (e = -1; e <= 1 && mag > 0; e++) {
			for (m = 0; m < 4; m++) {
				step = mantissa[m] * mag * pow(10, e);
				if (!isfinite(step) || step <= 0)
					continue;
				k0 = ceil(snap(ya->lo / step));
				k1 = floor(snap(ya->hi / step));
				if (k1 - k0 + 1 < mincount ||
				    k1 - k0 + 1 > maxticks)
					continue;
				count = k1 - k0 + 1;
				cover = (k1 - k0) * step;
				if (best_count == 0 || better_ticks(cover,
				    count, best_cover, best_count)) {
					best_cover = cover;
					best_count = count;
					ya->step = step;
					best_k0 = k0;
				}
			}
		}
	}
	if (best_count == 0) {
		ya->tick[0] = ya->lo;
		ya->tick[1] = ya->hi;
		ya->nticks = 2;
		return;
	}
	ya->nticks = best_count;
	for (j = 0; j < best_count; j++)
		ya->tick[j] = (best_k0 + j) * ya->step;
}

static int
better_ticks(double cover, int count, double best_cover, int best_count)
{
	double	 tol = 1e-9 * best_cover;

	if (cover > best_cover + tol)
		return (1);
	return (cover >= best_cover - tol && count > best_count);
}

/* Round q to an integer it is within rounding error of, so 2.9999999 is 3. */
static double
snap(double q)
{
	double	 r = round(q);

	return (fabs(q - r) <= 1e-9 * fmax(1, fabs(q)) ? r : q);
}

/*
 * The dot row of v, from the top; values off the axis sit on its edge.
 * Halving first keeps huge ranges from overflowing.
 */
static int
value_dot(const struct yaxis *ya, double v)
{
	double	 f;

	f = (ya->hi / 2 - v / 2) / (ya->hi / 2 - ya->lo / 2) * (ya->ndots - 1);
	if (!(f > 0))
		return (0);
	if (f > ya->ndots - 1)
		return (ya->ndots - 1);
	return ((int)lround(f));
}

static void
xbins_init(struct xbins *xb, const struct plot_series *s, int ns, int cols,
    int dotw)
{
	int	 i;

	xb->n = 0;
	for (i = 0; i < ns; i++)
		if (s[i].y != NULL && s[i].n > xb->n)
			xb->n = s[i].n;
	xb->dotw = dotw;
	xb->ndots = cols * dotw;
	xb->nbins = xb->n < xb->ndots ? xb->n : xb->ndots;
}

/* The first episode index (from 0) of bin k; bin nbins starts at n. */
static long long
bin_start(const struct xbins *xb, int k)
{
	return ((long long)k * xb->n / xb->nbins);
}

/* The dot column of bin k: bins spread evenly over the dot columns. */
static int
bin_dot(const struct xbins *xb, int k)
{
	long long	 span = xb->ndots - 1, gaps = xb->nbins - 1;

	if (gaps == 0)
		return (0);
	return ((int)((2 * (long long)k * span + gaps) / (2 * gaps)));
}

/* The data-area column of episode e, counted from 1. */
static int
episode_col(const struct xbins *xb, long long e)
{
	long long	 i = e - 1;
	int		 k;

	k = (int)(i * xb->nbins / xb->n);
	while (k + 1 < xb->nbins && bin_start(xb, k + 1) <= i)
		k++;
	return (bin_dot(xb, k) / xb->dotw);
}

/* The mean of the finite values in each bin, or NaN if it has none. */
static void
bin_means(const struct xbins *xb, const struct plot_series *s, double *mean)
{
	long long	 i, start, end, n = s->y != NULL ? s->n : 0;
	double		 sum;
	int		 k, count;

	for (k = 0; k < xb->nbins; k++) {
		start = bin_start(xb, k);
		end = bin_start(xb, k + 1);
		if (end > n)
			end = n;
		sum = 0;
		count = 0;
		for (i = start; i < end; i++) {
			if (isfinite(s->y[i])) {
				sum += s->y[i];
				count++;
			}
		}
		mean[k] = count > 0 ? sum / count : NAN;
	}
}

static void
draw_axes(struct canvas *c, const struct layout *L, const struct glyphs *gl)
{
	int	 i;

	for (i = 0; i < L->rows; i++)
		canvas_put(c, L->axis_col, L->plot_row + i, gl->vline);
	canvas_put(c, L->axis_col, L->axis_row, gl->corner);
	for (i = 0; i < L->cols; i++)
		canvas_put(c, L->plot_col + i, L->axis_row, gl->hline);
}

/* Right-aligned labels, skipping a tick whose row is already taken. */
static void
draw_yticks(struct canvas *c, const struct layout *L, const struct yaxis *ya,
    const struct glyphs *gl)
{
	int	 i, row;

	for (i = 0; i < ya->nticks; i++) {
		row = L->plot_row + value_dot(ya, ya->tick[i]) / ya->doth;
		if (canvas_get(c, L->axis_col, row) == gl->ytick)
			continue;
		canvas_put(c, L->axis_col, row, gl->ytick);
		canvas_text(c, L->axis_col - 1 - canvas_textwidth(ya->label[i]),
		    row, ya->label[i]);
	}
}

/*
 * The first and last episode always get a label; round numbers in
 * between get one where it does not crowd its neighbours.
 */
static void
draw_xticks(struct canvas *c, const struct layout *L, const struct xbins *xb,
    const struct glyphs *gl)
{
	long long	 t, step;

	if (xb->n == 0)
		return;
	draw_xtick(c, L, xb, gl, 1, ALIGN_LEFT);
	if (xb->n > 1)
		draw_xtick(c, L, xb, gl, xb->n, ALIGN_RIGHT);
	step = (long long)nice_ceil((double)xb->n * XLABEL_SPACING / L->cols);
	for (t = step; t < xb->n; t += step)
		if (t > 1)
			draw_xtick(c, L, xb, gl, t, ALIGN_CENTRE);
}

static void
draw_xtick(struct canvas *c, const struct layout *L, const struct xbins *xb,
    const struct glyphs *gl, long long e, enum align align)
{
	char	 buf[LABEL_MAX];
	int	 col, len, start;

	col = L->plot_col + episode_col(xb, e);
	plot_format_number(buf, sizeof buf, (double)(e + L->x_offset), 0);
	len = canvas_textwidth(buf);
	if (align == ALIGN_LEFT)
		start = col;
	else if (align == ALIGN_RIGHT)
		start = col - len + 1;
	else
		start = col - (len - 1) / 2;
	if (place_label(c, L, L->tick_row, start, buf) == 0)
		canvas_put(c, col, L->axis_row, gl->xtick);
}

/*
 * Write a label inside the rectangle if it keeps two blank columns
 * from any other label on the row; 0 if it was written.
 */
static int
place_label(struct canvas *c, const struct layout *L, int row, int start,
    const char *text)
{
	uint32_t	 cp;
	int		 i, len = canvas_textwidth(text), xend = L->x + L->w;

	if (start + len > xend)
		start = xend - len;
	if (start < L->x)
		start = L->x;
	for (i = start - 2; i < start + len + 2; i++) {
		cp = canvas_get(c, i, row);
		if (i >= L->x && i < xend && cp != ' ' && cp != 0)
			return (-1);
	}
	canvas_textn(c, start, row, text, xend - start);
	return (0);
}

/* The smallest of 1, 2 or 5 times a power of ten that is >= v (and 1). */
static double
nice_ceil(double v)
{
	double	 p = 1;

	while (p < v) {
		if (2 * p >= v)
			return (2 * p);
		if (5 * p >= v)
			return (5 * p);
		p *= 10;
	}
	return (p);
}

/* The y label at the left, the title centred over the data area. */
static void
draw_top(struct canvas *c, const struct layout *L, const struct plot_spec *spec)
{
	int	 start = L->x, centre, tw, xend = L->x + L->w;

	if (L->top_row == -1)
		return;
	if (has_text(spec->ylabel)) {
		canvas_textn(c, L->x, L->top_row, spec->ylabel, L->w);
		start = L->x + canvas_textwidth(spec->ylabel) + 2;
	}
	if (!has_text(spec->title))
		return;
	tw = canvas_textwidth(spec->title);
	centre = L->plot_col + (L->cols - tw) / 2;
	if (centre + tw > xend)
		centre = xend - tw;
	if (centre > start)
		start = centre;
	if (start < xend)
		canvas_textn(c, start, L->top_row, spec->title, xend - start);
}

static void
draw_centred(struct canvas *c, const struct layout *L, int row,
    const char *text)
{
	int	 start, xend = L->x + L->w;

	start = L->plot_col + (L->cols - canvas_textwidth(text)) / 2;
	if (start < L->x)
		start = L->x;
	canvas_textn(c, start, row, text, xend - start);
}

/*
 * Each series' glyph (in its style) and label.  Only the first entry
 * may be cut off at the right; the others are shown whole or not at all.
 */
static void
draw_legend(struct canvas *c, const struct layout *L,
    const struct plot_series *s, int ns, enum plot_glyphs g)
{
	char		 name[LABEL_MAX];
	const char	*label;
	uint32_t	 glyph;
	int		 i, col = L->plot_col, xend = L->x + L->w;

	for (i = 0; i < ns && col < xend; i++) {
		if (has_text(s[i].label))
			label = s[i].label;
		else {
			snprintf(name, sizeof name, "series %d", i + 1);
			label = name;
		}
		if (i > 0 && col + 2 + canvas_textwidth(label) > xend)
			break;
		glyph = series_glyph(i, g);
		canvas_putstyle(c, col, L->legend_row, glyph, series_style(i));
		col += 2;
		if (col < xend)
			col += canvas_textn(c, col, L->legend_row, label,
			    xend - col);
		col += 3;
	}
}

static void
draw_series(struct canvas *c, const struct layout *L, const struct xbins *xb,
    const struct yaxis *ya, const struct plot_series *s, int i,
    enum plot_glyphs g)
{
	struct xbins	 cells;
	double		*mean;

	if (xb->nbins == 0)
		return;
	mean = xcalloc(xb->nbins, sizeof *mean);
	bin_means(xb, s, mean);
	if (g == PLOT_UTF8 && i == 0)
		draw_braille(c, L, xb, ya, mean, series_style(i));
	else if (g == PLOT_UTF8) {
		/* Markers go one per column: bin the series again. */
		xbins_init(&cells, s, 1, L->cols, 1);
		free(mean);
		mean = xcalloc(cells.nbins > 0 ? cells.nbins : 1,
		    sizeof *mean);
		bin_means(&cells, s, mean);
		draw_markers(c, L, &cells, ya, mean, series_glyph(i, g),
		    series_style(i), utf8_glyphs.doth);
	} else
		draw_markers(c, L, xb, ya, mean, series_glyph(i, g),
		    series_style(i), 1);
	free(mean);
}

/*
 * One marker per column in the nearest row: the bin mean, or between two
 * bins further apart than a column (fewer episodes than columns) the
 * value on the straight line joining them.  A NaN bin breaks the line.
 */
static void
draw_markers(struct canvas *c, const struct layout *L, const struct xbins *xb,
    const struct yaxis *ya, const double *mean, uint32_t marker,
    uint8_t style, int doth)
{
	double	 v;
	int	 k, col, dot, prev = 0, joined = 0;

	for (k = 0; k < xb->nbins; k++) {
		if (!isfinite(mean[k])) {
			joined = 0;
			continue;
		}
		dot = bin_dot(xb, k);
		for (col = joined ? prev + 1 : dot; col <= dot; col++) {
			v = mean[k];
			if (col < dot)
				v = mean[k - 1] + (mean[k] - mean[k - 1]) *
				    (col - prev) / (dot - prev);
			canvas_putstyle(c, L->plot_col + col,
			    L->plot_row + value_dot(ya, v) / doth, marker,
			    style);
		}
		prev = dot;
		joined = 1;
	}
}

/*
 * Set the dots of this series in a mask of its own, joining neighbouring
 * bins by lines (a NaN bin breaks the line), then write every cell the
 * series touches, replacing what an earlier series left there.
 */
static void
draw_braille(struct canvas *c, const struct layout *L, const struct xbins *xb,
    const struct yaxis *ya, const double *mean, uint8_t style)
{
	uint8_t	*mask;
	int	 k, dx, dy, px = 0, py = 0, joined = 0, row, col;

	mask = xcalloc((size_t)L->rows * L->cols, 1);
	for (k = 0; k < xb->nbins; k++) {
		if (!isfinite(mean[k])) {
			joined = 0;
			continue;
		}
		dx = bin_dot(xb, k);
		dy = value_dot(ya, mean[k]);
		if (joined)
			dot_line(mask, L->cols, px, py, dx, dy);
		else
			dot_set(mask, L->cols, dx, dy);
		px = dx;
		py = dy;
		joined = 1;
	}
	for (row = 0; row < L->rows; row++) {
		for (col = 0; col < L->cols; col++) {
			k = mask[(size_t)row * L->cols + col];
			if (k != 0)
				canvas_putstyle(c, L->plot_col + col,
				    L->plot_row + row, BRAILLE | k, style);
		}
	}
	free(mask);
}

/* mask: (rows, cols) braille bits; (x, y) is a dot. */
static void
dot_set(uint8_t *mask, int cols, int x, int y)
{
	mask[(size_t)(y / 4) * cols + x / 2] |= braille_bit[y % 4][x % 2];
}

/* Bresenham's line between two dots, both ends included. */
static void
dot_line(uint8_t *mask, int cols, int x0, int y0, int x1, int y1)
{
	int	 dx = abs(x1 - x0), dy = -abs(y1 - y0);
	int	 sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
	int	 err = dx + dy, e2;

	for (;;) {
		dot_set(mask, cols, x0, y0);
		if (x0 == x1 && y0 == y1)
			break;
		e2 = 2 * err;
		if (e2 >= dy) {
			err += dy;
			x0 += sx;
		}
		if (e2 <= dx) {
			err += dx;
			y0 += sy;
		}
	}
}

/* The glyph of series i, in the legend and (but for UTF-8's first,
 * drawn in braille) on the plot. */
static uint32_t
series_glyph(int i, enum plot_glyphs g)
{
	if (g == PLOT_ASCII)
		return ((uint32_t)markers[i % (sizeof markers - 1)]);
	if (i == 0)
		return (LEGEND_BRAILLE);
	return (utf8_markers[(i - 1) % NUTF8_MARKERS]);
}

static uint8_t
series_style(int i)
{
	return (i < UINT8_MAX - PLOT_STYLE_SERIES ? PLOT_STYLE_SERIES + i :
	    UINT8_MAX);
}

/* Only the part of the rectangle on the canvas is laid out and drawn. */
static void
clip_rect(struct layout *L, const struct canvas *c, int x, int y, int w,
    int h)
{
	long long	 x1 = (long long)x + (w > 0 ? w : 0);
	long long	 y1 = (long long)y + (h > 0 ? h : 0);

	L->x = x > 0 ? x : 0;
	L->y = y > 0 ? y : 0;
	L->w = (int)((x1 < c->w ? x1 : c->w) - L->x);
	L->h = (int)((y1 < c->h ? y1 : c->h) - L->y);
	if (L->w < 0)
		L->w = 0;
	if (L->h < 0)
		L->h = 0;
}

static void
clear_rect(struct canvas *c, const struct layout *L)
{
	int	 i, j;

	for (j = 0; j < L->h; j++)
		for (i = 0; i < L->w; i++)
			canvas_put(c, L->x + i, L->y + j, ' ');
}

/* "0.500" becomes "0.5" and "2.00" becomes "2". */
static void
strip_zeros(char *s)
{
	char	*end;

	if (strchr(s, '.') == NULL)
		return;
	end = s + strlen(s);
	while (end[-1] == '0')
		*--end = '\0';
	if (end[-1] == '.')
		*--end = '\0';
}

/*
 * Whether unit u exists and suits ticks step apart: with it they must
 * need at most two decimals ("1.25k", not "1.23451k").
 */
static int
unit_fits(size_t u, double step)
{
	return (u < NUNITS && (step == 0 || step >= units[u].scale / 100));
}

/*
 * Decimals to print x with: enough to show multiples of step exactly,
 * or three significant digits when step is 0.  -1 if that needs more
 * than nine.
 */
static int
decimals(double x, double step)
{
	double	 t;
	int	 d;

	if (step > 0) {
		for (d = 0, t = step; d <= 9; d++, t *= 10)
			if (fabs(t - round(t)) <= 1e-6 * t)
				return (d);
		return (-1);
	}
	if (x == 0)
		return (0);
	d = 2 - (int)floor(log10(fabs(x)));
	if (d < 0)
		d = 0;
	return (d > 9 ? -1 : d);
}
