/* A framed window of text drawn over the screen: help, `show'. */
#include <string.h>

#include "style.h"
#include "view.h"

/* Box characters: horizontal, vertical, then the four corners. */
static const uint32_t utf8_box[6] = { 0x2500, 0x2502, 0x250c, 0x2510,
    0x2514, 0x2518 };
static const uint32_t ascii_box[6] = { '-', '|', '+', '+', '+', '+' };

static void
frame(struct canvas *c, struct rect r, const char *title, enum plot_glyphs g)
{
	const uint32_t	*b = g == PLOT_UTF8 ? utf8_box : ascii_box;
	int		 x, y;

	for (x = r.x + 1; x < r.x + r.w - 1; x++) {
		canvas_putstyle(c, x, r.y, b[0], ST_TITLE);
		canvas_putstyle(c, x, r.y + r.h - 1, b[0], ST_TITLE);
	}
	for (y = r.y + 1; y < r.y + r.h - 1; y++) {
		canvas_putstyle(c, r.x, y, b[1], ST_TITLE);
		canvas_putstyle(c, r.x + r.w - 1, y, b[1], ST_TITLE);
	}
	canvas_putstyle(c, r.x, r.y, b[2], ST_TITLE);
	canvas_putstyle(c, r.x + r.w - 1, r.y, b[3], ST_TITLE);
	canvas_putstyle(c, r.x, r.y + r.h - 1, b[4], ST_TITLE);
	canvas_putstyle(c, r.x + r.w - 1, r.y + r.h - 1, b[5], ST_TITLE);
	canvas_textstyle(c, r.x + 2, r.y, title, r.w - 4, ST_TITLE);
}

void
view_overlay_draw(struct canvas *c, struct rect r, const char *title,
    const char *text, int scroll, enum plot_glyphs g)
{
	const char	*p = text, *eol;
	char		 line[512];
	size_t		 len;
	int		 y = r.y + 1, n = 0;

	if (r.w < 10 || r.h < 3)
		return;
	view_clear(c, r);
	frame(c, r, title, g);
	while (*p != '\0' && y < r.y + r.h - 1) {
		eol = strchr(p, '\n');
		len = eol != NULL ? (size_t)(eol - p) : strlen(p);
		if (len >= sizeof line)
			len = sizeof line - 1;
		if (n++ >= scroll) {
			memcpy(line, p, len);
			line[len] = '\0';
			canvas_textstyle(c, r.x + 2, y++, line, r.w - 4,
			    ST_PLAIN);
		}
		if (eol == NULL)
			break;
		p = eol + 1;
	}
	canvas_textstyle(c, r.x + r.w - 30, r.y + r.h - 1,
	    " j/k scroll, other keys close ", 30, ST_DIM);
}
