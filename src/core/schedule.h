/*
 * Exploration and annealing schedules: ε for ε-greedy, β for
 * prioritized replay's importance weights.  Each is a pure function of
 * the step, so going back in time needs no saved state.
 */
#ifndef QT_SCHEDULE_H
#define QT_SCHEDULE_H

enum schedule_kind {
	SCHEDULE_LINEAR,
	SCHEDULE_EXPONENTIAL,
	SCHEDULE_CONSTANT
};

/*
 * Linear: from start to end over the first fraction (> 0) of total
 * steps, then end: Stable-Baselines3's get_linear_fn (ε 1.0 -> 0.04 over
 * 0.1 of 80,000 steps; β 0.4 -> 1 over all of them).  Exponential:
 * end + (start - end) exp(-step / decay), decay > 0 (the course's
 * 0.05 + 0.95 exp(-steps / 500)).  Constant: start.
 */
struct schedule {
	enum schedule_kind kind;
	double	 start, end;
	double	 fraction;	/* linear */
	double	 decay;		/* exponential */
	long	 total;		/* total steps of training, > 0 */
};

/* The value at step (0 at the start of training). */
double	 schedule_value(const struct schedule *, long step);

#endif
