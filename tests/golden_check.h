/*
 * Golden files: drawings compared as text with tests/golden/NAME, or
 * written there when QTUTOR_UPDATE_GOLDEN=1 (then look at them before
 * committing: a golden is only as right as the eye that checked it).
 */
#ifndef QT_GOLDEN_CHECK_H
#define QT_GOLDEN_CHECK_H

#include "canvas.h"

/* Fail the current cmocka test, showing both texts, on a difference. */
void	golden_check(const char *name, const struct canvas *);

#endif
