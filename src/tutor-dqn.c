/*
 * Run mode with DQN.  A step is about ten microseconds (a transition,
 * and every second one a gradient step on 64 samples), so the screen's
 * thread runs them itself in slices: at a paced speed the steps due, at
 * full speed as many as fit in the slice's budget.  A `run N' counts
 * steps; `episode N' runs until N episodes have ended.
 */
#include <stdio.h>

#include "clock.h"
#include "dqn-session.h"
#include "tutor.h"

/* One step under run mode; false once the run is over. */
static bool
run_step(struct tutor *t)
{
	struct dqn_session	*ds = t->dq;
	int			 rc = dqn_session_step(ds);

	if (rc < 0) {
		t->running = false;
		tutor_say(t, true, "training stopped at step %ld: the loss is "
		    "not finite, the network diverged (reset starts again)",
		    ds->q->step);
		return (false);
	}
	if (t->run_left > 0 && --t->run_left == 0)
		t->running = false;
	/* `episode N': until N episodes have ended, the one under way
	 * first. */
	if (rc == 1 && t->dqn_episodes_left > 0 &&
	    --t->dqn_episodes_left == 0)
		t->running = false;
	if (t->run_left == 0 && t->dqn_episodes_left == 0 &&
	    ds->q->step >= ds->p.steps && t->dqn_to_total)
		t->running = false;
	return (t->running);
}

void
tutor_dqn_run_slice(struct tutor *t, double now_ms, double budget_ms)
{
	double	 elapsed = t->last_tick > 0 ? now_ms - t->last_tick : 0;
	double	 start = clock_ms();
	long	 due = tutor_steps_due(t, elapsed), i;

	t->last_tick = now_ms;
	if (due >= 0) {
		for (i = 0; i < due && t->running; i++)
			run_step(t);
	} else {
		while (t->running && clock_ms() - start < budget_ms)
			for (i = 0; i < 64 && run_step(t); i++)
				;
	}
	if (!t->running) {
		t->last_tick = 0;
		if (!t->dq->stopped && !t->msg_error)
			tutor_say(t, false, "run finished at step %ld: %ld "
			    "episodes, %ld gradient steps", t->dq->q->step,
			    t->dq->q->episodes, t->dq->q->updates);
	}
	tutor_check(t);
}
