/*
 * Views: one function per thing on the screen, each drawing a part of
 * the tutor into a rectangle of a canvas.  Views read the tutor and never
 * change it, and they know nothing of curses, so the screen, the tests'
 * golden files and batch output all see the same drawing.
 */
#ifndef QT_VIEW_H
#define QT_VIEW_H

#include <stdbool.h>

#include "canvas.h"
#include "plot.h"
#include "tutor.h"

struct rect {
	int	 x, y, w, h;
};

/* How to draw: UTF-8 symbols or plain ASCII, and what the screen adds. */
struct view_opts {
	enum plot_glyphs	 glyphs;
	int			 lesson_scroll;	/* first line of the page shown */
	bool			 prompt_open;
};

/* The title bar: lesson, page, episode, step. */
void	view_title_draw(struct canvas *, struct rect, const struct tutor *,
	    const struct view_opts *);
/* The open page's text, wrapped; returns how many lines it needs. */
int	view_lesson_draw(struct canvas *, struct rect, const struct tutor *,
	    const struct view_opts *);
/* Rows of the page's text the panel shows (the task has its own). */
int	view_lesson_body_rows(struct rect, const struct tutor *,
	    const struct view_opts *);
/* The FrozenLake grid: cells, the agent, greedy arrows, value shades. */
void	view_grid_draw(struct canvas *, struct rect, const struct tutor *,
	    const struct view_opts *);
/* The Q-table around the agent's state, the updated cell marked. */
void	view_qtable_draw(struct canvas *, struct rect, const struct tutor *,
	    const struct view_opts *);
/* Projective simulation: h and glow side by side, p(.|s) as bars. */
void	view_ps_draw(struct canvas *, struct rect, const struct tutor *,
	    const struct view_opts *);
/* The width its two tables take with n actions. */
int	view_ps_width(int nactions);
/* A cart-pole: the track with its limits, the cart, the pole at its
 * angle, and the four state numbers.  Takes the state, not the tutor,
 * so that a greedy episode or a dataset's transition can be shown. */
void	view_cartpole_draw(struct canvas *, struct rect,
	    const double state[4], const struct view_opts *);
/* Fitted Q-iteration: Q at the cart's state over the map of the greedy
 * action at x = x_dot = 0; the greedy return per iteration beside the
 * table of iterations; one transition's target written out. */
void	view_fqi_map_draw(struct canvas *, struct rect, const struct tutor *,
	    const struct view_opts *);
void	view_fqi_curves_draw(struct canvas *, struct rect,
	    const struct tutor *, const struct view_opts *);
void	view_fqi_update_draw(struct canvas *, struct rect,
	    const struct tutor *, const struct view_opts *);
/* Deep Q-learning (t->dq): the panel (Q at the cart's state as bars,
 * epsilon and the last action, the replay buffer's fill, the network's
 * shape and weights per layer); the return of each training episode
 * and the evaluations by step beside the loss per gradient step; the
 * last gradient step written out for one of its samples. */
void	view_dqn_panel_draw(struct canvas *, struct rect,
	    const struct tutor *, const struct view_opts *);
void	view_dqn_curves_draw(struct canvas *, struct rect,
	    const struct tutor *, const struct view_opts *);
void	view_dqn_update_draw(struct canvas *, struct rect,
	    const struct tutor *, const struct view_opts *);
/* The last update written out as arithmetic with its real numbers. */
void	view_update_draw(struct canvas *, struct rect, const struct tutor *,
	    const struct view_opts *);
/* Reward and steps per episode with their moving averages. */
void	view_curves_draw(struct canvas *, struct rect, const struct tutor *,
	    const struct view_opts *);
/* The status bar (settings, run state) and the key hints or message. */
void	view_status_draw(struct canvas *, struct rect, const struct tutor *,
	    const struct view_opts *);
void	view_message_draw(struct canvas *, struct rect, const struct tutor *,
	    const struct view_opts *);
/* A framed box of text over the screen (help, `show' output). */
/* Returns the text's line count once wrapped (for scrolling). */
int	view_overlay_draw(struct canvas *, struct rect, const char *title,
	    const char *text, int scroll, enum plot_glyphs);

/* One lesson on the start screen. */
struct menu_item {
	char	 path[4096];
	char	 name[64];
	char	 title[160];
	char	 summary[200];
	char	 progress[96];	/* "page 3 of 8, 2 checkpoints" or "new" */
	int	 order;		/* the lesson's order: key, 0 if none */
};

void	view_menu_draw(struct canvas *, struct rect,
	    const struct menu_item *, int n, int selected, const char *notice,
	    const struct view_opts *);

/* Helpers the views share. */
void	view_clear(struct canvas *, struct rect);
/* A value in a fixed width: "0.472", "-1.00", "12.3". */
void	view_format_value(char *buf, size_t bufsz, double v, int width);
/* The arrow (or ASCII letter) for an action of the environment. */
const char *view_action_glyph(const struct tutor *, int a,
	    enum plot_glyphs);
/* Text for an ASCII terminal: the symbols lessons use spelt out ("α"
 * becomes "alpha", "←" "<-"), anything else unknown as '?'.  Malloc'd. */
char	*view_ascii_text(const char *utf8);
/* The last safety net of an ASCII screen: every cell made ASCII. */
void	view_ascii_canvas(struct canvas *);
/* Where the agent stands: its state, or before the first step of an
 * episode the start state (the first S). */
int	view_agent_state(const struct tutor *);
/* The shade style of v relative to the largest magnitude vmax. */
int	view_value_style(double v, double vmax);

#endif
