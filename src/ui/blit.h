/* Copying a canvas to a curses window, styles turned into attributes. */
#ifndef QT_BLIT_H
#define QT_BLIT_H

#include <curses.h>

#include "canvas.h"

void	blit_canvas(WINDOW *, const struct canvas *);

#endif
