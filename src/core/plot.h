/*
 * Line plots of per-episode series (reward, steps, epsilon...) drawn
 * into a canvas, so the screen, batch output and golden-file tests all
 * show the same picture.
 *
 * The x axis is the episode number 1..n of the longest series.  When
 * there are more episodes than dot columns, each column shows the mean
 * of the episodes that fall in it: a noisy curve averages down instead of
 * turning into a solid band, and drawing costs O(n + w * h) however
 * long the run.
 */
#ifndef QT_PLOT_H
#define QT_PLOT_H

#include <stddef.h>

#include "canvas.h"

enum plot_glyphs {
	PLOT_ASCII,	/* any terminal and plain text, a marker per column */
	PLOT_UTF8	/* braille: twice the columns, four times the rows */
};

struct plot_spec {
	const char	*title;		/* NULL or "" for none */
	const char	*xlabel;	/* below the episode numbers */
	const char	*ylabel;	/* above the y axis */
	/*
	 * A fixed range keeps the scale still while a run grows and lets
	 * plots be compared; values outside it are drawn on its edge.  An
	 * empty or non-finite range falls back to autoscaling.
	 */
	double		 ymin, ymax;
	int		 fixed_y;
	/* Number the points from 0 (FQI's iterations) instead of 1. */
	int		 x_from_zero;
};

struct plot_series {
	const char	*label;		/* NULL: "series N" in a legend */
	const double	*y;		/* y[i] is episode i + 1; NaN: a gap */
	int		 n;
};

/*
 * Series i is drawn with canvas style PLOT_STYLE_SERIES + i (axes and
 * text are style 0), so the screen can colour the series; in braille
 * that is the only thing telling them apart.
 */
#define PLOT_STYLE_SERIES	1

/*
 * Clear the rectangle and draw the plot into it: title and y label on
 * top, y ticks at the left, episode numbers below, then the x label and
 * a legend (when there are several series or any label).  The optional
 * lines are dropped, x label first, when the rectangle is short, and
 * only the part of the rectangle on the canvas is used.  The first
 * series is drawn on top of the others where they share a cell.  In
 * UTF-8 it is a braille line and the others are markers (one per
 * column), so every series reads without colour.
 * Returns 0, or -1 when even the bare axes do not fit; the rectangle
 * then holds "plot: too small" if that fits.
 */
int	 plot_render(struct canvas *, int x, int y, int w, int h,
	    const struct plot_spec *, const struct plot_series *, int nseries,
	    enum plot_glyphs);

/*
 * Trailing mean over the last window values (fewer at the start), the
 * usual smoothing of a reward curve; NaN values are left out of the
 * mean.  Returns an array of n values for the caller to free.
 */
double	*plot_moving_average(const double *y, int n, int window);

/*
 * Format a number for a narrow axis: "1", "0.25", "150", "1.2k", "3M".
 * Tick labels pass the tick spacing as step so that neighbours never
 * print alike; step 0 means three significant digits.
 */
void	 plot_format_number(char *buf, size_t len, double v, double step);

#endif
