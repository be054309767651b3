/*
 * The prompt: GNU readline inside the curses screen, through readline's
 * callback interface.  Curses owns the terminal; readline is fed one
 * byte at a time and draws through our redisplay hook into the bottom
 * line.  History is kept across runs in the state directory.  This file
 * holds the readline glue, the one place with global state (readline's
 * hooks take no context pointer).
 */
#ifndef QT_PROMPT_H
#define QT_PROMPT_H

#include <stdbool.h>

#include <curses.h>

/* Called with each line entered (NULL: the prompt was cancelled). */
typedef void (*prompt_line_fn)(void *ctx, const char *line);

void	prompt_init(const char *history_path);
void	prompt_shutdown(void);
/* Open the prompt on window w (one line); lines go to fn. */
void	prompt_open(WINDOW *w, prompt_line_fn fn, void *ctx);
bool	prompt_is_open(void);
/* Feed one byte of input (from wgetch on the prompt window). */
void	prompt_feed(int byte);
/* Close the prompt without a line (Ctrl-C, Ctrl-G, Escape). */
void	prompt_cancel(void);
/* Redraw the prompt line (after a resize or a full redraw). */
void	prompt_redraw(void);
/* The window moved or changed size. */
void	prompt_set_window(WINDOW *w);

#endif
