/* Styles to curses attributes, with and without colour. */
#include <stdlib.h>

#include "colour.h"
#include "plot.h"
#include "style.h"

/*
 * One line per style: the monochrome attributes, then the colour look
 * (foreground, background, attributes).  -1 is the terminal's default.
 */
#define COLOUR_TABLE \
	C(ST_TITLE,	A_BOLD,			COLOR_CYAN, -1, A_BOLD) \
	C(ST_DIM,	A_DIM,			-1, -1, A_DIM) \
	C(ST_KEY,	A_BOLD,			COLOR_YELLOW, -1, A_BOLD) \
	C(ST_START,	A_BOLD,			COLOR_CYAN, -1, A_BOLD) \
	C(ST_FROZEN,	A_NORMAL,		-1, -1, A_NORMAL) \
	C(ST_HOLE,	A_BOLD,			COLOR_RED, -1, A_BOLD) \
	C(ST_GOAL,	A_BOLD | A_UNDERLINE,	COLOR_GREEN, -1, A_BOLD) \
	C(ST_AGENT,	A_REVERSE | A_BOLD,	COLOR_BLACK, COLOR_YELLOW, A_BOLD) \
	C(ST_VALUE1,	A_DIM,			COLOR_GREEN, -1, A_DIM) \
	C(ST_VALUE2,	A_NORMAL,		COLOR_GREEN, -1, A_NORMAL) \
	C(ST_VALUE3,	A_BOLD,			COLOR_GREEN, -1, A_BOLD) \
	C(ST_VALUE4,	A_BOLD | A_UNDERLINE,	COLOR_BLACK, COLOR_GREEN, A_NORMAL) \
	C(ST_NEGATIVE,	A_UNDERLINE,		COLOR_RED, -1, A_NORMAL) \
	C(ST_CURRENT,	A_BOLD,			COLOR_YELLOW, -1, A_BOLD) \
	C(ST_UPDATED,	A_REVERSE,		COLOR_BLACK, COLOR_YELLOW, A_NORMAL) \
	C(ST_STATUS,	A_REVERSE,		COLOR_WHITE, COLOR_BLUE, A_NORMAL) \
	C(ST_RUNNING,	A_REVERSE | A_BOLD,	COLOR_BLACK, COLOR_GREEN, A_BOLD) \
	C(ST_ERROR,	A_BOLD,			COLOR_RED, -1, A_BOLD) \
	C(ST_OK,	A_BOLD,			COLOR_GREEN, -1, A_BOLD) \
	C(PLOT_STYLE_SERIES,	A_BOLD,		COLOR_YELLOW, -1, A_BOLD) \
	C(PLOT_STYLE_SERIES + 1, A_NORMAL,	COLOR_CYAN, -1, A_NORMAL) \
	C(PLOT_STYLE_SERIES + 2, A_NORMAL,	COLOR_MAGENTA, -1, A_NORMAL) \
	C(PLOT_STYLE_SERIES + 3, A_NORMAL,	COLOR_GREEN, -1, A_NORMAL)

struct look {
	int	 style;
	attr_t	 mono;
	short	 fg, bg;
	attr_t	 attr;
};

static const struct look looks[] = {
#define C(style, mono, fg, bg, attr) { style, mono, fg, bg, attr },
	COLOUR_TABLE
#undef C
};
#define NLOOKS (sizeof looks / sizeof looks[0])

/* Set once at start-up, read by every draw: the screen's own state. */
static bool	 coloured;

void
colour_init(void)
{
	const char	*no = getenv("NO_COLOR");
	size_t		 i;

	coloured = has_colors() && (no == NULL || *no == '\0');
	if (!coloured)
		return;
	start_color();
	use_default_colors();
	for (i = 0; i < NLOOKS; i++)
		init_pair((short)(i + 1), looks[i].fg, looks[i].bg);
}

static const struct look *
find(int style, size_t *index)
{
	size_t	 i;

	for (i = 0; i < NLOOKS; i++) {
		if (looks[i].style == style) {
			*index = i;
			return (&looks[i]);
		}
	}
	return (NULL);
}

attr_t
colour_attr(int style)
{
	const struct look	*l;
	size_t			 i;

	if ((l = find(style, &i)) == NULL)
		return (A_NORMAL);
	return (coloured ? l->attr : l->mono);
}

short
colour_pair(int style)
{
	size_t	 i;

	if (!coloured || find(style, &i) == NULL)
		return (0);
	return ((short)(i + 1));
}
