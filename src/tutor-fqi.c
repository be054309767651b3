/*
 * Run mode in the FQI lesson.  Two things can be under way at once: a
 * `run' of FQI iterations (one per slice: a kNN iteration takes a few
 * milliseconds, so keys are still served between them), and the cart
 * playing the current greedy policy at the run speed, for the eye.
 */
#include <math.h>
#include <stdio.h>

#include "fqi-session.h"
#include "tutor.h"

static const long speeds[TUTOR_NSPEEDS] = TUTOR_SPEEDS;

/* How the cart's episode ended, for the status line. */
static void
say_played(struct tutor *t)
{
	const struct fqi_session	*fs = t->f;

	tutor_say(t, false, "greedy episode %ld: return %.0f, %s",
	    fs->play_episodes, fs->last_return, fs->play_truncated &&
	    !fs->play_terminated ? "balanced to the 500-step limit" :
	    "the pole fell or the cart left the track");
}

static void
play_due(struct tutor *t, double elapsed_ms)
{
	long	 speed = speeds[t->speed], due, i;

	if (speed == 0)
		due = 500;		/* full speed: the whole episode */
	else {
		t->owed += elapsed_ms * (double)speed / 1e3;
		if (t->owed > (double)speed / 10 + 1)
			t->owed = (double)speed / 10 + 1;
		due = (long)t->owed;
		t->owed -= (double)due;
	}
	for (i = 0; i < due && t->playing; i++)
		if (fqi_session_play_step(t->f) == 1) {
			t->playing = false;
			say_played(t);
		}
}

static void
iterate_one(struct tutor *t)
{
	const struct fqi_iteration	*it = fqi_session_iterate(t->f);

	if (t->run_left > 0 && --t->run_left == 0)
		t->running = false;
	if (isnan(it->r2))
		tutor_say(t, false, "iteration %d: constant targets (R\xc2\xb2 "
		    "means nothing), greedy return %.1f", it->iteration,
		    it->eval_mean);
	else if (it->eval_episodes > 0)
		tutor_say(t, false, "iteration %d: R\xc2\xb2 %.4f, greedy "
		    "return %.1f \xc2\xb1 %.1f over %ld episodes", it->iteration,
		    it->r2, it->eval_mean, it->eval_std, it->eval_episodes);
	else
		tutor_say(t, false, "iteration %d: R\xc2\xb2 %.4f",
		    it->iteration, it->r2);
}

void
tutor_fqi_run_slice(struct tutor *t, double now_ms, double budget_ms)
{
	double	 elapsed = t->last_tick > 0 ? now_ms - t->last_tick : 0;

	(void)budget_ms;
	t->last_tick = now_ms;
	if (t->playing)
		play_due(t, elapsed);
	if (t->running)
		iterate_one(t);
	if (!t->running && !t->playing)
		t->last_tick = 0;
	tutor_check(t);
}
