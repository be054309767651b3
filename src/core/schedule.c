/* Schedules of ε and β over training steps. */
#include <math.h>

#include "schedule.h"

/*
 * Stable-Baselines3's get_linear_fn, step for step: DQN keeps
 * progress_remaining = 1 - step / total and the schedule takes
 * 1 - progress_remaining.  That round trip through progress_remaining
 * is kept on purpose: 1 - (1 - x) is not always x in floating point, and
 * the values are to agree with SB3's to the last bit.
 */
static double
linear(const struct schedule *s, long step)
{
	double	 remaining, progress;

	remaining = 1.0 - (double)step / (double)s->total;
	progress = 1.0 - remaining;
	if (progress > s->fraction)
		return (s->end);
	return (s->start + progress * (s->end - s->start) / s->fraction);
}

double
schedule_value(const struct schedule *s, long step)
{
	switch (s->kind) {
	case SCHEDULE_LINEAR:
		return (linear(s, step));
	case SCHEDULE_EXPONENTIAL:
		return (s->end + (s->start - s->end) *
		    exp(-(double)step / s->decay));
	case SCHEDULE_CONSTANT:
		break;
	}
	return (s->start);
}
