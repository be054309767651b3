/*
 * The screen's layout: where each view goes for a terminal of a given
 * size, and drawing every view into one canvas the size of the screen.
 * Nothing here touches curses, so whole screens are golden-tested.
 */
#ifndef QT_LAYOUT_H
#define QT_LAYOUT_H

#include <stdbool.h>

#include "view.h"

#define LAYOUT_MIN_W 80
#define LAYOUT_MIN_H 24

struct layout {
	int		 w, h;
	bool		 too_small;
	struct rect	 title, lesson, grid, qtable, update, curves;
	struct rect	 status, message;
	int		 separator_x;	/* column between lesson and the rest */
};

void	layout_compute(struct layout *, int w, int h, const struct tutor *);
/* Draw every view, or the too-small notice, into c (the screen's size).
 * Returns the lesson page's line count (for paging). */
int	layout_draw(struct canvas *, const struct layout *,
	    const struct tutor *, const struct view_opts *);

#endif
