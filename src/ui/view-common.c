/* What the views share: clearing, number formats, action glyphs. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "gridmap.h"
#include "xmalloc.h"
#include "style.h"
#include "view.h"

void
view_clear(struct canvas *c, struct rect r)
{
	int	 x, y;

	for (y = r.y; y < r.y + r.h; y++)
		for (x = r.x; x < r.x + r.w; x++)
			canvas_putstyle(c, x, y, ' ', ST_PLAIN);
}

void
view_format_value(char *buf, size_t bufsz, double v, int width)
{
	int	 decimals;

	/* As many decimals as fit, so small values keep their digits. */
	for (decimals = 3; decimals >= 0; decimals--) {
		if (snprintf(buf, bufsz, "%.*f", decimals, v) <= width)
			return;
	}
	snprintf(buf, bufsz, "%.*g", width > 6 ? width - 5 : 1, v);
}

const char *
view_action_glyph(const struct tutor *t, int a, enum plot_glyphs g)
{
	static const char *const names[] = { "left", "down", "right", "up" };
	static const char *const utf8[] = { "←", "↓", "→", "↑" };
	static const char *const ascii[] = { "<", "v", ">", "^" };
	static const char *const digits[] = { "0", "1", "2", "3", "4", "5",
	    "6", "7", "8", "9" };
	const char	*name = t->s->env->action_names[a];
	int		 i;

	for (i = 0; i < 4; i++)
		if (strcmp(name, names[i]) == 0)
			return (g == PLOT_UTF8 ? utf8[i] : ascii[i]);
	return (a < 10 ? digits[a] : "?");
}

/* Symbols lessons and views use, and how ASCII writes them. */
static const struct {
	uint32_t	 cp;
	const char	*text;	/* in running text */
	char		 cell;	/* in one cell */
} ascii_names[] = {
	{ 0x03b1, "alpha", 'a' }, { 0x03b3, "gamma", 'g' },
	{ 0x03b5, "epsilon", 'e' }, { 0x03b7, "eta", 'n' },
	{ 0x03b8, "theta", 'o' }, { 0x03b2, "beta", 'b' },
	{ 0x03c4, "tau", 't' }, { 0x03a3, "sum", 'E' },
	{ 0x03c0, "pi", 'p' }, { 0x2190, "<-", '<' }, { 0x2192, "->", '>' },
	{ 0x2191, "^", '^' }, { 0x2193, "v", 'v' }, { 0x00d7, "x", 'x' },
	{ 0x2212, "-", '-' }, { 0x2013, "-", '-' }, { 0x2014, "--", '-' },
	{ 0x00b7, ".", '.' }, { 0x2022, "*", '*' }, { 0x2026, "...", '.' },
	{ 0x2264, "<=", '<' }, { 0x2265, ">=", '>' }, { 0x2260, "!=", '#' },
	{ 0x2248, "~", '~' }, { 0x2713, "[x]", 'v' }, { 0x25b8, ">", '>' },
	{ 0x25bc, "v", 'v' }, { 0x2018, "'", '\'' }, { 0x2019, "'", '\'' },
	{ 0x201c, "\"", '"' }, { 0x201d, "\"", '"' }, { 0x00b2, "^2", '2' },
	{ 0x2502, "|", '|' }, { 0x2500, "-", '-' }, { 0x2524, "+", '+' },
	{ 0x252c, "+", '+' }, { 0x2514, "+", '+' }, { 0x250c, "+", '+' },
	{ 0x2510, "+", '+' }, { 0x2518, "+", '+' }, { 0x253c, "+", '+' },
	{ 0x2032, "'", '\'' }, { 0x207b, "-", '-' }, { 0x221a, "sqrt", 'V' },
	{ 0x00b1, "+-", '+' }, { 0x2207, "grad", 'V' }, { 0x2016, "||", '|' },
};
#define NASCII_NAMES (sizeof ascii_names / sizeof ascii_names[0])

static int
ascii_index(uint32_t cp)
{
	size_t	 i;

	for (i = 0; i < NASCII_NAMES; i++)
		if (ascii_names[i].cp == cp)
			return ((int)i);
	return (-1);
}

/* The next code point of UTF-8 text (bad bytes read as '?'). */
static const char *
next_cp(const char *s, uint32_t *cp)
{
	const unsigned char	*u = (const unsigned char *)s;
	int			 n, i;

	if (u[0] < 0x80) {
		*cp = u[0];
		return (s + 1);
	}
	n = u[0] >= 0xf0 ? 3 : u[0] >= 0xe0 ? 2 : u[0] >= 0xc0 ? 1 : -1;
	*cp = n == 3 ? u[0] & 0x07 : n == 2 ? u[0] & 0x0f : u[0] & 0x1f;
	for (i = 1; n > 0 && i <= n; i++) {
		if ((u[i] & 0xc0) != 0x80) {
			*cp = '?';
			return (s + i);
		}
		*cp = (*cp << 6) | (u[i] & 0x3f);
	}
	if (n < 0)
		*cp = '?';
	return (s + (n < 0 ? 1 : n + 1));
}

char *
view_ascii_text(const char *utf8)
{
	size_t		 cap = strlen(utf8) * 3 + 1, len = 0;
	char		*out = xalloc(cap);
	const char	*p = utf8, *text;
	uint32_t	 cp;
	int		 k;

	while (*p != '\0') {
		p = next_cp(p, &cp);
		if (cp < 0x80) {
			out[len++] = (char)cp;
			continue;
		}
		k = ascii_index(cp);
		text = k >= 0 ? ascii_names[k].text : "?";
		while (*text != '\0' && len + 1 < cap)
			out[len++] = *text++;
	}
	out[len] = '\0';
	return (out);
}

void
view_ascii_canvas(struct canvas *c)
{
	uint32_t	 cp;
	int		 x, y, k;

	for (y = 0; y < c->h; y++) {
		for (x = 0; x < c->w; x++) {
			if ((cp = canvas_get(c, x, y)) < 0x80)
				continue;
			k = ascii_index(cp);
			canvas_putstyle(c, x, y, k >= 0 ?
			    (uint32_t)ascii_names[k].cell : '?',
			    canvas_getstyle(c, x, y));
		}
	}
}

int
view_agent_state(const struct tutor *t)
{
	const struct gridmap	*m;
	int			 s;

	if (t->s->env->st.s >= 0)
		return (t->s->env->st.s);
	if ((m = env_grid(t->s->env)) == NULL)
		return (0);
	for (s = 0; s < m->rows * m->cols; s++)
		if (gridmap_at(m, s) == 'S')
			return (s);
	return (0);
}

int
view_value_style(double v, double vmax)
{
	double	 f;

	if (v < 0)
		return (ST_NEGATIVE);
	if (v <= 0 || vmax <= 0)
		return (ST_PLAIN);
	f = v / vmax;
	if (f <= 0.25)
		return (ST_VALUE1);
	if (f <= 0.5)
		return (ST_VALUE2);
	if (f <= 0.75)
		return (ST_VALUE3);
	return (ST_VALUE4);
}
