/*
 * Colours: each style (style.h) has a look in colour and one without, so
 * the screen reads on monochrome terminals and with NO_COLOR set.
 */
#ifndef QT_COLOUR_H
#define QT_COLOUR_H

#include <stdbool.h>

#include <curses.h>

/* Start colours if the terminal has them and NO_COLOR is not set. */
void	colour_init(void);
/* The curses attributes (colour pair included) of a style number. */
attr_t	colour_attr(int style);
short	colour_pair(int style);

#endif
