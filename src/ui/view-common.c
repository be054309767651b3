/* What the views share: clearing, number formats, action glyphs. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "gridmap.h"
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
