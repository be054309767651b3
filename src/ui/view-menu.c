/* The start screen: the lessons, each with the learner's progress. */
#include <stdio.h>

#include "style.h"
#include "view.h"

void
view_menu_draw(struct canvas *c, struct rect r, const struct menu_item *items,
    int n, int selected, const char *notice, const struct view_opts *o)
{
	char	 line[512];
	int	 i, y = r.y + 4, top = 0, rows;

	view_clear(c, r);
	canvas_textstyle(c, r.x + 2, r.y + 1, "qtutor: a terminal tutor for "
	    "reinforcement learning", r.w - 4, ST_TITLE);
	canvas_textstyle(c, r.x + 2, r.y + 2, "Choose a lesson: arrows or "
	    "j/k, Enter opens it, q quits.", r.w - 4, ST_DIM);
	rows = (r.h - 8) / 2;
	if (rows < 1)
		rows = 1;
	if (selected >= rows)
		top = selected - rows + 1;
	for (i = top; i < n && i < top + rows; i++, y += 2) {
		snprintf(line, sizeof line, "%s %-12s %s", i == selected ?
		    (o->glyphs == PLOT_UTF8 ? "▸" : ">") : " ",
		    items[i].name, items[i].title);
		canvas_textstyle(c, r.x + 2, y, line, r.w - 4,
		    i == selected ? ST_CURRENT : ST_PLAIN);
		canvas_textstyle(c, r.x + 17, y + 1, items[i].progress,
		    r.w - 19, items[i].progress[0] == 'n' ? ST_DIM : ST_OK);
	}
	if (n == 0)
		canvas_textstyle(c, r.x + 2, y, "No lessons found.", r.w - 4,
		    ST_ERROR);
	if (notice != NULL && notice[0] != '\0')
		canvas_textstyle(c, r.x + 2, r.y + r.h - 2, notice, r.w - 4,
		    ST_ERROR);
}
