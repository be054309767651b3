/*
 * The interactive screen: curses set up and torn down, the loop that
 * draws, reads keys, feeds the prompt and runs the agent in slices.
 */
#ifndef QT_SCREEN_H
#define QT_SCREEN_H

#include "plot.h"
#include "tutor.h"

/* Run the lesson on the terminal until the learner quits.  Returns 0,
 * or -1 with err filled if the terminal could not be used. */
int	screen_run(struct tutor *, enum plot_glyphs, const char *history_path,
	    char *err, size_t errsz);

#endif
