/*
 * The only place the drawing reaches curses.  Every cell is written each
 * frame; curses compares with what the terminal shows and sends only the
 * difference, so an unchanged frame costs no output.
 */
#include <wchar.h>

#include "blit.h"
#include "colour.h"

void
blit_canvas(WINDOW *w, const struct canvas *cv)
{
	cchar_t	 cc;
	wchar_t	 wc[2] = { 0, 0 };
	int	 x, y, st, rows = getmaxy(w), cols = getmaxx(w);

	for (y = 0; y < cv->h && y < rows; y++) {
		for (x = 0; x < cv->w && x < cols; x++) {
			wc[0] = (wchar_t)canvas_get(cv, x, y);
			st = canvas_getstyle(cv, x, y);
			setcchar(&cc, wc, colour_attr(st), colour_pair(st),
			    NULL);
			/* The bottom-right cell fails to advance the cursor;
			 * the character is written all the same. */
			mvwadd_wch(w, y, x, &cc);
		}
	}
}
