/* Learning curves of the running session: reward and steps per episode,
 * each with its moving average. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "style.h"
#include "view.h"

static void
draw_one(struct canvas *c, struct rect r, const double *y, long n,
    const char *title, const char *label, long window,
    const struct view_opts *o)
{
	struct plot_spec	 spec;
	struct plot_series	 s[2];
	double			*avg = plot_moving_average(y, (int)n,
				    (int)window);
	char			 avg_label[48];

	memset(&spec, 0, sizeof spec);
	spec.title = title;
	snprintf(avg_label, sizeof avg_label, "avg %ld", window);
	s[0].label = avg_label;
	s[0].y = avg;
	s[0].n = (int)n;
	s[1].label = label;
	s[1].y = y;
	s[1].n = (int)n;
	plot_render(c, r.x, r.y, r.w, r.h, &spec, s, 2, o->glyphs);
	free(avg);
}

void
view_curves_draw(struct canvas *c, struct rect r, const struct tutor *t,
    const struct view_opts *o)
{
	const struct episode_log	*log = &t->s->log;
	struct rect			 a = r, b = r;
	long				 window = (long)t->s->p.window;

	view_clear(c, r);
	/* Side by side when wide, else one above the other. */
	if (r.w >= 2 * 36) {
		a.w = r.w / 2 - 1;
		b.x = r.x + r.w / 2 + 1;
		b.w = r.w - r.w / 2 - 1;
	} else {
		a.h = r.h / 2;
		b.y = r.y + a.h;
		b.h = r.h - a.h;
	}
	draw_one(c, a, log->reward, log->n, "reward per episode", "reward",
	    window, o);
	draw_one(c, b, log->steps, log->n, "steps per episode", "steps",
	    window, o);
}
