/*
 * The screen's frame time, for `make bench': drawing every view into the
 * canvas and copying it to curses (output to /dev/null) at 200x60, with
 * the agent learning between frames so that every frame changes.
 * Prints bench: name=redraw_200x60 value=V unit=ms (the median).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <curses.h>

#include "blit.h"
#include "colour.h"
#include "layout.h"
#include "lesson.h"
#include "tutor.h"

#define FRAMES 301

static double
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6);
}

static int
compare_doubles(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return ((x > y) - (x < y));
}

static struct tutor *
open_lesson(void)
{
	struct datadir	 d;
	struct lesson	*l;
	struct params	 p;
	struct tutor	*t;
	char		 err[512];

	snprintf(d.lessons, sizeof d.lessons, "%s/lessons", TOP_SRCDIR);
	snprintf(d.maps, sizeof d.maps, "%s/data/maps", TOP_SRCDIR);
	params_defaults(&p);
	if ((l = lesson_load(TOP_SRCDIR "/lessons/frozenlake.lesson", err,
	    sizeof err)) == NULL || tutor_apply_lesson(&p, l, &d, err,
	    sizeof err) != 0 || (t = tutor_new(l, &p, &d, err,
	    sizeof err)) == NULL) {
		fprintf(stderr, "bench: %s\n", err);
		exit(1);
	}
	session_run(t->s, 200, 0);
	return (t);
}

int
main(void)
{
	struct tutor		*t = open_lesson();
	struct view_opts	 o = { PLOT_UTF8, 0, false };
	struct layout		 L;
	struct canvas		*cv;
	SCREEN			*scr;
	FILE			*out = fopen("/dev/null", "w"), *in;
	double			 ms[FRAMES], t0;
	int			 i;

	in = fopen("/dev/null", "r");
	if (out == NULL || in == NULL ||
	    (scr = newterm("xterm-256color", out, in)) == NULL) {
		fprintf(stderr, "bench: no terminal description\n");
		return (1);
	}
	resizeterm(60, 200);
	colour_init();
	cv = canvas_new(200, 60);
	layout_compute(&L, 200, 60, t);
	for (i = 0; i < FRAMES; i++) {
		session_run(t->s, 0, 50);
		t0 = now_ms();
		layout_draw(cv, &L, t, &o);
		blit_canvas(stdscr, cv);
		wnoutrefresh(stdscr);
		doupdate();
		ms[i] = now_ms() - t0;
	}
	endwin();
	delscreen(scr);
	qsort(ms, FRAMES, sizeof ms[0], compare_doubles);
	printf("bench: name=redraw_200x60 value=%.3f unit=ms\n",
	    ms[FRAMES / 2]);
	printf("bench: name=redraw_200x60_p95 value=%.3f unit=ms\n",
	    ms[FRAMES * 95 / 100]);
	canvas_free(cv);
	return (0);
}
