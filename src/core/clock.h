/* The monotonic clock, in seconds: what every timing figure reads. */
#ifndef QT_CLOCK_H
#define QT_CLOCK_H

#include <time.h>

static inline double
clock_seconds(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

/* The same in milliseconds: run mode's pacing. */
static inline double
clock_ms(void)
{
	return (clock_seconds() * 1e3);
}

#endif
