/*
 * What each drawn cell means, as a canvas style number.  Views only say
 * what a cell is (a hole, the cell just updated, a value of some size);
 * the screen decides how that looks in colour, in monochrome and with
 * NO_COLOR.  Plot series keep the numbers 1..15 (PLOT_STYLE_SERIES + i).
 */
#ifndef QT_STYLE_H
#define QT_STYLE_H

enum style {
	ST_PLAIN = 0,
	ST_TITLE = 16,		/* panel titles */
	ST_DIM,			/* secondary text, axes, hints */
	ST_KEY,			/* a key name in a hint */
	ST_START,		/* S */
	ST_FROZEN,		/* F */
	ST_HOLE,		/* H */
	ST_GOAL,		/* G */
	ST_AGENT,		/* where the agent stands */
	ST_VALUE1,		/* a positive value, by size: a quarter of */
	ST_VALUE2,		/* the largest at most, half, three quarters, */
	ST_VALUE3,		/* more */
	ST_VALUE4,
	ST_NEGATIVE,		/* a negative value */
	ST_CURRENT,		/* the row of the agent's state */
	ST_UPDATED,		/* the cell the last update changed */
	ST_STATUS,		/* the status bar */
	ST_RUNNING,		/* "running" in the status bar */
	ST_ERROR,		/* an error message */
	ST_OK,			/* a checkpoint reached */
	ST_COUNT
};

#endif
