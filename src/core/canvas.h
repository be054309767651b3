/*
 * A grid of character cells that plots and views draw into.  It holds
 * code points rather than bytes so that drawing is plain indexing, and it
 * knows nothing of terminals: the curses screen copies it out, batch mode
 * prints canvas_render() and the tests compare that text with golden
 * files.  Everything drawn is assumed to be one column wide.
 *
 * Each cell also carries a small style number (0 is plain).  Text output
 * ignores it; the screen maps it to a colour, which is how series that
 * share one glyph (braille) are told apart.
 */
#ifndef QT_CANVAS_H
#define QT_CANVAS_H

#include <stdint.h>

struct canvas {
	int		 w, h;
	uint32_t	*cell;		/* (h, w) code points */
	uint8_t		*style;		/* (h, w) style numbers */
};

/* A blank canvas; negative sizes count as 0.  Free with canvas_free. */
struct canvas	*canvas_new(int w, int h);
void		 canvas_free(struct canvas *);
/* Every cell becomes cp with style 0. */
void		 canvas_fill(struct canvas *, uint32_t cp);
/*
 * Writes outside the canvas are dropped, so callers can draw without
 * checking bounds.  Control characters, surrogates and values beyond
 * U+10FFFF are stored as '?', which keeps rendered lines intact.
 */
void		 canvas_put(struct canvas *, int x, int y, uint32_t cp);
void		 canvas_putstyle(struct canvas *, int x, int y, uint32_t cp,
		     uint8_t style);
/* 0 outside the canvas, which no stored cell can hold. */
uint32_t	 canvas_get(const struct canvas *, int x, int y);
uint8_t		 canvas_getstyle(const struct canvas *, int x, int y);
/*
 * Write UTF-8 text from (x, y) rightwards; invalid bytes become '?'.
 * Returns the number of cells actually written (clipped ones do not
 * count).  canvas_textn stops after maxcols columns, which clips text to
 * a region narrower than the canvas.
 */
int		 canvas_text(struct canvas *, int x, int y, const char *utf8);
int		 canvas_textn(struct canvas *, int x, int y, const char *utf8,
		     int maxcols);
/* The same with a style for every cell written. */
int		 canvas_textstyle(struct canvas *, int x, int y,
		     const char *utf8, int maxcols, uint8_t style);
/* Restyle w cells from (x, y) rightwards, keeping their characters. */
void		 canvas_setstyle(struct canvas *, int x, int y, int w,
		     uint8_t style);
/* Columns the text needs, for centring and aligning. */
int		 canvas_textwidth(const char *utf8);
/*
 * The grid as UTF-8, one '\n'-terminated line per row with trailing
 * spaces removed, so that it compares well with golden files.  The
 * caller frees it.
 */
char		*canvas_render(const struct canvas *);

#endif
