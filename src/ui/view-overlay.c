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

/* Bytes of s that fit in cols columns, cut at a blank when one is near. */
static size_t
fitting(const char *s, int cols)
{
	size_t	 i = 0, blank = 0;
	int	 col = 0;

	while (s[i] != '\0') {
		if (((unsigned char)s[i] & 0xc0) != 0x80) {
			if (col == cols)
				break;
			col++;
		}
		if (s[i] == ' ')
			blank = i;
		i++;
	}
	if (s[i] == '\0' || blank == 0)
		return (i);
	return (blank);
}

/*
 * One line of text, wrapped: continuation lines are indented to where
 * the text after the first run of two blanks starts ("set NAME VALUE  Set
 * a parameter..." continues under "Set").  Lines before `scroll' are
 * counted in *n but not drawn.  Returns the next row.
 */
static int
draw_wrapped(struct canvas *c, struct rect r, int y, const char *line,
    int scroll, int *n)
{
	const char	*gap = strstr(line, "  "), *p = line;
	int		 width = r.w - 4, indent = 0, x = r.x + 2;
	size_t		 take;
	char		 part[512];

	if (gap != NULL) {
		while (*gap == ' ')
			gap++;
		indent = (int)(gap - line);
		if (indent > width / 2)
			indent = 0;
	}
	do {
		take = fitting(p, width);
		memcpy(part, p, take);
		part[take] = '\0';
		if ((*n)++ >= scroll && y < r.y + r.h - 1)
			canvas_textstyle(c, x, y++, part, width, ST_PLAIN);
		p += take;
		while (*p == ' ')
			p++;
		x = r.x + 2 + indent;
		width = r.w - 4 - indent;
	} while (*p != '\0' && width > 8);
	return (y);
}

int
view_overlay_draw(struct canvas *c, struct rect r, const char *title,
    const char *text, int scroll, enum plot_glyphs g)
{
	const char	*p = text, *eol;
	char		 line[512];
	size_t		 len;
	int		 y = r.y + 1, n = 0;

	if (r.w < 10 || r.h < 3)
		return (0);
	view_clear(c, r);
	frame(c, r, title, g);
	/* Every line is counted, drawn or not, so scrolling reaches the end. */
	while (*p != '\0') {
		eol = strchr(p, '\n');
		len = eol != NULL ? (size_t)(eol - p) : strlen(p);
		if (len >= sizeof line)
			len = sizeof line - 1;
		memcpy(line, p, len);
		line[len] = '\0';
		y = draw_wrapped(c, r, y, line, scroll, &n);
		if (eol == NULL)
			break;
		p = eol + 1;
	}
	if (n > scroll + r.h - 2)
		canvas_textstyle(c, r.x + 2, r.y + r.h - 1, g == PLOT_UTF8 ?
		    " ▼ more " : " v more ", 8, ST_DIM);
	canvas_textstyle(c, r.x + r.w - 31, r.y + r.h - 1,
	    " j/k scroll, other keys close ", 30, ST_DIM);
	return (n);
}
