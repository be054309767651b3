/*
 * Shared helpers of the unit tests.  cmocka 1.1 wants these system
 * headers before <cmocka.h>, and has no double comparison of its own.
 */
#ifndef QT_TESTUTIL_H
#define QT_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>

#define assert_near(a, b, tol) do {					\
	double	 a_ = (a), b_ = (b);					\
	if (!(fabs(a_ - b_) <= (tol))) {				\
		print_error("%s = %.17g, expected %.17g (tolerance %g)\n", \
		    #a, a_, b_, (double)(tol));				\
		fail();							\
	}								\
} while (0)

/* A test data file: TOP_SRCDIR/tests/data/NAME. */
static inline const char *
test_data_path(const char *name)
{
	static char	 path[4096];

	snprintf(path, sizeof path, "%s/tests/data/%s", TOP_SRCDIR, name);
	return (path);
}

#endif
