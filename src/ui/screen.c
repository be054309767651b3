/*
 * The curses screen.  Each frame the whole screen is drawn into a canvas
 * (layout.c, the views) and copied out; curses sends only what changed.
 * Keys become commands (cmd.c), so a key and its prompt command do the
 * same thing.  Run mode steps the agent in slices between input polls:
 * a few steps a second are paced by the input timeout, full speed works
 * for one frame's time and then draws, so the screen never freezes.
 */
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curses.h>

#include "blit.h"
#include "clock.h"
#include "cmd.h"
#include "colour.h"
#include "layout.h"
#include "prompt.h"
#include "screen.h"
#include "style.h"

#define FRAME_MS	33	/* about 30 frames a second while running */
#define SLICE_MS	20	/* work per frame at full speed */
#define KEY_CTRL(c)	((c) & 0x1f)
#define KEY_ESCAPE	27

struct screen {
	struct tutor	*t;
	struct canvas	*cv;
	struct layout	 L;
	struct view_opts o;
	WINDOW		*pw;		/* the prompt line */
	char		*overlay;	/* help or `show' text, or NULL */
	char		 overlay_title[64];
	int		 overlay_scroll;
	int		 overlay_last;	/* the last useful scroll */
	int		 lesson_lines;
	long		 layout_builds;	/* session builds the layout is for */
};

/* Set from signal handlers, read by the loop. */
static volatile sig_atomic_t	 got_signal;

static void
on_signal(int sig)
{
	got_signal = sig;
}

static void
restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

/*
 * A crash (or abort() after "out of memory") must not leave the terminal
 * raw and without echo: give it back, then die of the same signal.
 * endwin() is not async-signal-safe, but on this path the process is
 * ending anyway and a broken terminal is the worse outcome.
 */
static void
on_fatal(int sig)
{
	endwin();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
catch_signals(void)
{
	static const int	 fatal[] = { SIGSEGV, SIGBUS, SIGFPE, SIGABRT,
				     SIGILL };
	struct sigaction	 sa;
	size_t			 i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	sa.sa_handler = on_fatal;
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		sigaction(fatal[i], &sa, NULL);
}

static void
relayout(struct screen *sc)
{
	canvas_free(sc->cv);
	sc->cv = canvas_new(COLS, LINES);
	if (sc->t != NULL) {
		layout_compute(&sc->L, COLS, LINES, sc->t);
		sc->layout_builds = tutor_builds(sc->t);
	}
	if (sc->pw != NULL) {
		wresize(sc->pw, 1, COLS);
		mvwin(sc->pw, LINES - 1, 0);
	}
}

static void
draw(struct screen *sc)
{
	struct rect	 r;
	int		 lines;

	/* A new environment (a page or `set env' rebuilt it) may need
	 * another layout: a grid where there was none, a wider map. */
	if (tutor_builds(sc->t) != sc->layout_builds)
		relayout(sc);
	sc->o.prompt_open = prompt_is_open();
	sc->lesson_lines = layout_draw(sc->cv, &sc->L, sc->t, &sc->o);
	if (sc->overlay != NULL && !sc->L.too_small) {
		/* Over everything but the title and status bars. */
		r.x = 0;
		r.y = 1;
		r.w = COLS;
		r.h = LINES - 3;
		lines = view_overlay_draw(sc->cv, r, sc->overlay_title,
		    sc->overlay, sc->overlay_scroll, sc->o.glyphs);
		sc->overlay_last = lines - (r.h - 2) > 0 ? lines - (r.h - 2) :
		    0;
	}
	blit_canvas(stdscr, sc->cv);
	wnoutrefresh(stdscr);
	if (prompt_is_open()) {
		touchwin(sc->pw);
		wnoutrefresh(sc->pw);
	}
	doupdate();
}

static void
show_overlay(struct screen *sc, const char *title, struct cmd_out *out)
{
	free(sc->overlay);
	sc->overlay = out->text;
	out->text = NULL;
	out->len = out->cap = 0;
	snprintf(sc->overlay_title, sizeof sc->overlay_title, " %s ", title);
	sc->overlay_scroll = 0;
}

/* Run a command as if typed; longer output opens the overlay. */
static void
command(struct screen *sc, const char *line)
{
	struct cmd_out	 out = { NULL, 0, 0 };

	cmd_run(sc->t, line, &out);
	if (out.text != NULL && out.len > 0)
		show_overlay(sc, line, &out);
	cmd_out_free(&out);
	tutor_check(sc->t);
}

static void
on_prompt_line(void *ctx, const char *line)
{
	struct screen	*sc = ctx;

	curs_set(0);
	if (line == NULL)
		return;
	/* Some commands take a moment (a comparison, a new kNN regressor
	 * on 50,000 points): say what is under way before it starts. */
	if (!sc->L.too_small) {
		tutor_say(sc->t, false, "%s ...", line);
		draw(sc);
	}
	command(sc, line);
}

static void
open_prompt(struct screen *sc)
{
	sc->t->msg[0] = '\0';
	curs_set(1);
	prompt_open(sc->pw, on_prompt_line, sc);
}

/* n and p scroll the page first, then turn it. */
static void
page_key(struct screen *sc, int dir)
{
	int	 visible = view_lesson_body_rows(sc->L.lesson, sc->t, &sc->o);
	int	 last;

	/* Scroll by a panel, but never past a full last panel. */
	last = sc->lesson_lines - visible;
	if (dir > 0 && sc->o.lesson_scroll < last) {
		sc->o.lesson_scroll += visible > 1 ? visible : 1;
		if (sc->o.lesson_scroll > last)
			sc->o.lesson_scroll = last;
		return;
	}
	if (dir < 0 && sc->o.lesson_scroll > 0) {
		sc->o.lesson_scroll -= visible > 1 ? visible : 1;
		if (sc->o.lesson_scroll < 0)
			sc->o.lesson_scroll = 0;
		return;
	}
	command(sc, dir > 0 ? "next" : "prev");
	sc->o.lesson_scroll = 0;
}

static void
change_speed(struct screen *sc, int dir)
{
	struct tutor	*t = sc->t;
	long		 v;

	if (t->speed + dir < 0 || t->speed + dir >= TUTOR_NSPEEDS) {
		tutor_say(t, false, "speed: already the %s", dir > 0 ?
		    "fastest (as fast as possible)" : "slowest (1 step a "
		    "second)");
		return;
	}
	t->speed += dir;
	v = tutor_speed(t);
	if (v > 0)
		tutor_say(t, false, "speed: %ld step%s a second", v,
		    v == 1 ? "" : "s");
	else
		tutor_say(t, false, "speed: as fast as possible");
}

static void
key(struct screen *sc, int ch)
{
	struct tutor	*t = sc->t;

	/* Too small: the notice says q quits, and nothing else works. */
	if (sc->L.too_small) {
		if (ch == 'q' || ch == KEY_CTRL('c'))
			t->quit = true;
		return;
	}
	if (sc->overlay != NULL) {
		if ((ch == 'j' || ch == KEY_DOWN || ch == ' ') &&
		    sc->overlay_scroll < sc->overlay_last)
			sc->overlay_scroll++;
		else if ((ch == 'k' || ch == KEY_UP) && sc->overlay_scroll > 0)
			sc->overlay_scroll--;
		else {
			free(sc->overlay);
			sc->overlay = NULL;
		}
		return;
	}
	t->msg[0] = '\0';
	switch (ch) {
	case ' ':
		command(sc, "step");
		break;
	case 'b':
		command(sc, "back");
		break;
	case 'e':
		command(sc, "episode");
		break;
	case 'r':
		command(sc, t->running || t->playing ? "pause" : "run");
		break;
	case 'v':
		command(sc, "sweep");
		break;
	case '+':
	case '=':
		change_speed(sc, 1);
		break;
	case '-':
		change_speed(sc, -1);
		break;
	case 'n':
	case KEY_NPAGE:
		page_key(sc, 1);
		break;
	case 'p':
	case KEY_PPAGE:
		page_key(sc, -1);
		break;
	case ':':
		open_prompt(sc);
		break;
	case '?':
		command(sc, "help");
		break;
	case 'q':
	case KEY_CTRL('c'):
		t->quit = true;
		break;
	case KEY_CTRL('l'):
		clearok(curscr, TRUE);
		break;
	default:
		break;
	}
}

/* The prompt gets raw bytes; Escape alone (no sequence after it within
 * 50 ms), Ctrl-C and Ctrl-G cancel it. */
static void
prompt_key(struct screen *sc, int ch)
{
	int	 next;

	if (ch == KEY_CTRL('c') || ch == KEY_CTRL('g')) {
		prompt_cancel();
		curs_set(0);
		return;
	}
	if (ch == KEY_ESCAPE) {
		wtimeout(sc->pw, 50);
		next = wgetch(sc->pw);
		if (next == ERR) {
			prompt_cancel();
			curs_set(0);
			return;
		}
		prompt_feed(ch);
		if (prompt_is_open())
			prompt_feed(next);
		return;
	}
	prompt_feed(ch);
}

/* How long to wait for a key: forever when paused. */
static int
input_timeout(const struct screen *sc)
{
	long	 speed = tutor_speed(sc->t);
	int	 ms;

	if (!tutor_active(sc->t))
		return (-1);
	/* A worker fits: wake up to show its progress and collect it. */
	if (tutor_busy(sc->t))
		return (FRAME_MS);
	if (speed == 0)
		return (0);
	ms = (int)(1000 / speed);
	return (ms < FRAME_MS ? ms : FRAME_MS);
}

static int
read_key(struct screen *sc)
{
	WINDOW	*w = prompt_is_open() ? sc->pw : stdscr;

	wtimeout(w, input_timeout(sc));
	return (wgetch(w));
}

/* The screen is the terminal's: one per process. */
static struct screen	 scr;

int
screen_open(enum plot_glyphs glyphs, const char *history_path, char *err,
    size_t errsz)
{
	struct screen	*sc = &scr;

	memset(sc, 0, sizeof *sc);
	sc->o.glyphs = glyphs;
	if (newterm(NULL, stdout, stdin) == NULL) {
		snprintf(err, errsz, "cannot use the terminal '%s'",
		    getenv("TERM") != NULL ? getenv("TERM") : "(unset)");
		return (-1);
	}
	atexit(restore_terminal);
	/* Escape closes windows: do not wait a second for a sequence. */
	set_escdelay(25);
	raw();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	curs_set(0);
	colour_init();
	sc->pw = newwin(1, COLS, LINES - 1, 0);
	keypad(sc->pw, FALSE);
	relayout(sc);
	catch_signals();
	prompt_init(history_path);
	return (0);
}

void
screen_close(void)
{
	struct screen	*sc = &scr;

	prompt_shutdown();
	if (sc->pw != NULL)
		delwin(sc->pw);
	sc->pw = NULL;
	endwin();
	canvas_free(sc->cv);
	sc->cv = NULL;
	free(sc->overlay);
	sc->overlay = NULL;
	/* Killed: the terminal is sane again, now die of the signal. */
	if (got_signal) {
		signal(got_signal, SIG_DFL);
		raise(got_signal);
	}
}

int
screen_interrupted(void)
{
	return (got_signal != 0);
}

/* A new size: KEY_RESIZE, or only a changed LINES and COLS when the
 * prompt window (no keypad) read the key.  Returns 1 if it resized. */
static int
resized(struct screen *sc, int ch)
{
	if (ch == KEY_RESIZE || COLS != sc->cv->w || LINES != sc->cv->h) {
		relayout(sc);
		/* No prompt on a screen too small to show it. */
		if (sc->t != NULL && sc->L.too_small && prompt_is_open()) {
			prompt_cancel();
			curs_set(0);
		}
		return (1);
	}
	return (0);
}

int
screen_menu(const struct menu_item *items, int n, const char *notice)
{
	struct screen	*sc = &scr;
	struct rect	 r;
	int		 sel = 0, ch;

	while (!got_signal) {
		r.x = 0;
		r.y = 0;
		r.w = COLS;
		r.h = LINES;
		canvas_fill(sc->cv, ' ');
		view_menu_draw(sc->cv, r, items, n, sel, notice, &sc->o);
		blit_canvas(stdscr, sc->cv);
		wnoutrefresh(stdscr);
		doupdate();
		wtimeout(stdscr, -1);
		ch = wgetch(stdscr);
		if (resized(sc, ch) || ch == ERR)
			continue;
		if ((ch == KEY_DOWN || ch == 'j') && sel < n - 1)
			sel++;
		else if ((ch == KEY_UP || ch == 'k') && sel > 0)
			sel--;
		else if ((ch == '\r' || ch == '\n' || ch == KEY_ENTER) && n > 0)
			return (sel);
		else if (ch == 'q' || ch == KEY_CTRL('c'))
			return (-1);
	}
	return (-1);
}

void
screen_run(struct tutor *t)
{
	struct screen	*sc = &scr;
	int		 ch;

	sc->t = t;
	sc->o.lesson_scroll = 0;
	relayout(sc);
	while (!t->quit && !got_signal) {
		if (tutor_active(t))
			tutor_run_slice(t, clock_ms(), SLICE_MS);
		draw(sc);
		ch = read_key(sc);
		if (resized(sc, ch) && ch == KEY_RESIZE)
			continue;
		if (ch == ERR)
			continue;
		if (prompt_is_open())
			prompt_key(sc, ch);
		else
			key(sc, ch);
	}
	if (prompt_is_open())
		prompt_cancel();
	free(sc->overlay);
	sc->overlay = NULL;
	sc->t = NULL;
	curs_set(0);
}
