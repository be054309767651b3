/*
 * The interactive screen: curses set up and torn down, the loop that
 * draws, reads keys, feeds the prompt and runs the agent in slices.
 */
#ifndef QT_SCREEN_H
#define QT_SCREEN_H

#include "plot.h"
#include "tutor.h"

#include "view.h"

/* Take over the terminal; -1 with err filled if it cannot be used. */
int	screen_open(enum plot_glyphs, const char *history_path, char *err,
	    size_t errsz);
/* Give the terminal back as it was; if a signal (SIGINT, SIGTERM,
 * SIGHUP) ended the screen, die of it now that the terminal is sane. */
void	screen_close(void);
/* The start screen: returns the chosen item, or -1 to quit. */
int	screen_menu(const struct menu_item *, int n, const char *notice);
/* Run the lesson until the learner quits it. */
void	screen_run(struct tutor *);
/* Whether a signal asked the program to end. */
int	screen_interrupted(void);

#endif
