/*
 * The character grid.  It decodes and encodes UTF-8 itself so that the
 * result does not depend on the locale.
 */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "canvas.h"
#include "xmalloc.h"

static int	 inside(const struct canvas *, int, int);
static uint32_t	 printable(uint32_t);
static int	 utf8_next(const unsigned char *, uint32_t *);
static size_t	 utf8_put(char *, uint32_t);

struct canvas *
canvas_new(int w, int h)
{
	struct canvas	*c = xcalloc(1, sizeof *c);
	size_t		 n;

	c->w = w > 0 ? w : 0;
	c->h = h > 0 ? h : 0;
	n = (size_t)c->w * c->h;
	c->cell = xcalloc(n, sizeof *c->cell);
	c->style = xcalloc(n, sizeof *c->style);
	canvas_fill(c, ' ');
	return (c);
}

void
canvas_free(struct canvas *c)
{
	if (c == NULL)
		return;
	free(c->cell);
	free(c->style);
	free(c);
}

void
canvas_fill(struct canvas *c, uint32_t cp)
{
	size_t	 i, n = (size_t)c->w * c->h;

	cp = printable(cp);
	for (i = 0; i < n; i++)
		c->cell[i] = cp;
	memset(c->style, 0, n);
}

void
canvas_put(struct canvas *c, int x, int y, uint32_t cp)
{
	canvas_putstyle(c, x, y, cp, 0);
}

void
canvas_putstyle(struct canvas *c, int x, int y, uint32_t cp, uint8_t style)
{
	size_t	 i;

	if (!inside(c, x, y))
		return;
	i = (size_t)y * c->w + x;
	c->cell[i] = printable(cp);
	c->style[i] = style;
}

uint32_t
canvas_get(const struct canvas *c, int x, int y)
{
	if (!inside(c, x, y))
		return (0);
	return (c->cell[(size_t)y * c->w + x]);
}

uint8_t
canvas_getstyle(const struct canvas *c, int x, int y)
{
	if (!inside(c, x, y))
		return (0);
	return (c->style[(size_t)y * c->w + x]);
}

int
canvas_text(struct canvas *c, int x, int y, const char *utf8)
{
	return (canvas_textn(c, x, y, utf8, INT_MAX));
}

int
canvas_textn(struct canvas *c, int x, int y, const char *utf8, int maxcols)
{
	return (canvas_textstyle(c, x, y, utf8, maxcols, 0));
}

int
canvas_textstyle(struct canvas *c, int x, int y, const char *utf8,
    int maxcols, uint8_t style)
{
	const unsigned char	*s = (const unsigned char *)utf8;
	uint32_t		 cp;
	int			 col, written = 0;

	for (col = 0; *s != '\0' && col < maxcols; col++) {
		s += utf8_next(s, &cp);
		if (x > INT_MAX - col || x + col >= c->w)
			break;
		if (inside(c, x + col, y)) {
			canvas_putstyle(c, x + col, y, cp, style);
			written++;
		}
	}
	return (written);
}

void
canvas_setstyle(struct canvas *c, int x, int y, int w, uint8_t style)
{
	int	 i;

	for (i = 0; i < w; i++)
		if (inside(c, x + i, y))
			c->style[(size_t)y * c->w + x + i] = style;
}

int
canvas_textwidth(const char *utf8)
{
	const unsigned char	*s = (const unsigned char *)utf8;
	uint32_t		 cp;
	int			 cols = 0;

	while (*s != '\0') {
		s += utf8_next(s, &cp);
		cols++;
	}
	return (cols);
}

char *
canvas_render(const struct canvas *c)
{
	const uint32_t	*row;
	char		*out, *p;
	int		 x, y, end;

	/* Four bytes per cell at most, a newline per row and the NUL. */
	out = xreallocarray(NULL, (size_t)c->h + 1, (size_t)c->w * 4 + 1);
	p = out;
	for (y = 0; y < c->h; y++) {
		row = c->cell + (size_t)y * c->w;
		for (end = c->w; end > 0 && row[end - 1] == ' '; end--)
			;
		for (x = 0; x < end; x++)
			p += utf8_put(p, row[x]);
		*p++ = '\n';
	}
	*p = '\0';
	return (out);
}

static int
inside(const struct canvas *c, int x, int y)
{
	return (x >= 0 && y >= 0 && x < c->w && y < c->h);
}

/* Map what would break a line of text (or is not a character) to '?'. */
static uint32_t
printable(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return ('?');
	if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return ('?');
	return (cp);
}

/*
 * Decode one code point and return the bytes used, at least 1.  Overlong
 * forms, surrogates, values past U+10FFFF and truncated sequences are
 * invalid: the first byte becomes '?' and decoding resumes after it.
 * A NUL byte is never a continuation byte, so this never reads past the
 * end of the string.
 */
static int
utf8_next(const unsigned char *s, uint32_t *cp)
{
	uint32_t	 c = s[0], min;
	int		 len, i;

	if (c < 0x80) {
		*cp = c;
		return (1);
	}
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		c &= 0x1f;
		min = 0x80;
	} else if ((c & 0xf0) == 0xe0) {
		len = 3;
		c &= 0x0f;
		min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		c &= 0x07;
		min = 0x10000;
	} else
		goto invalid;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			goto invalid;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		goto invalid;
	*cp = c;
	return (len);
invalid:
	*cp = '?';
	return (1);
}

/* Encode a valid code point; returns the bytes written. */
static size_t
utf8_put(char *p, uint32_t cp)
{
	if (cp < 0x80) {
		p[0] = cp;
		return (1);
	}
	if (cp < 0x800) {
		p[0] = 0xc0 | (cp >> 6);
		p[1] = 0x80 | (cp & 0x3f);
		return (2);
	}
	if (cp < 0x10000) {
		p[0] = 0xe0 | (cp >> 12);
		p[1] = 0x80 | ((cp >> 6) & 0x3f);
		p[2] = 0x80 | (cp & 0x3f);
		return (3);
	}
	p[0] = 0xf0 | (cp >> 18);
	p[1] = 0x80 | ((cp >> 12) & 0x3f);
	p[2] = 0x80 | ((cp >> 6) & 0x3f);
	p[3] = 0x80 | (cp & 0x3f);
	return (4);
}
