/*
 * Run mode in the FQI lesson.  Two things can be under way: a `run' of
 * FQI iterations, and the cart playing the current greedy policy at the
 * run speed, for the eye.
 *
 * An iteration runs on a worker thread: with the trees it takes half a
 * second or more, and the screen must go on answering keys meanwhile.
 * While it runs the FQI session belongs to the worker: the views draw
 * nothing from it (the screen keeps the last frame and updates the
 * status line), and commands other than pause, help, show and quit are
 * refused until it is done.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "clock.h"
#include "fqi-session.h"
#include "tutor.h"
#include "xmalloc.h"

struct fqi_job {
	pthread_t			 thread;
	pthread_mutex_t			 lock;
	bool				 started;	/* a thread to join */
	bool				 finished;	/* under lock */
	const struct fqi_iteration	*it;
	struct fqi_session		*fs;
	double				 start_ms;
};

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
	long	 due = tutor_steps_due(t, elapsed_ms), i;

	if (due < 0)
		due = 500;		/* full speed: the whole episode */
	for (i = 0; i < due && t->playing; i++)
		if (fqi_session_play_step(t->f) == 1) {
			t->playing = false;
			say_played(t);
		}
}

static void
say_iteration(struct tutor *t, const struct fqi_iteration *it)
{
	if (isnan(it->r2))
		tutor_say(t, false, "iteration %d: constant targets (R\xc2\xb2 "
		    "means nothing), greedy return %.1f", it->iteration,
		    it->eval_mean);
	else if (it->eval_episodes > 0)
		tutor_say(t, false, "iteration %d: R\xc2\xb2 %.4f, greedy "
		    "return %.1f (sd %.1f) over %ld episodes", it->iteration,
		    it->r2, it->eval_mean, it->eval_std, it->eval_episodes);
	else
		tutor_say(t, false, "iteration %d: R\xc2\xb2 %.4f",
		    it->iteration, it->r2);
}

static void *
job_main(void *arg)
{
	struct fqi_job	*job = arg;

	job->it = fqi_session_iterate(job->fs);
	pthread_mutex_lock(&job->lock);
	job->finished = true;
	pthread_mutex_unlock(&job->lock);
	return (NULL);
}

static bool
job_finished(struct fqi_job *job)
{
	bool	 done;

	pthread_mutex_lock(&job->lock);
	done = job->finished;
	pthread_mutex_unlock(&job->lock);
	return (done);
}

/* Start an iteration on a worker; without threads, do it here. */
static void
job_start(struct tutor *t)
{
	struct fqi_job	*job;

	if (t->job == NULL) {
		t->job = xcalloc(1, sizeof *t->job);
		pthread_mutex_init(&t->job->lock, NULL);
	}
	job = t->job;
	job->fs = t->f;
	job->finished = false;
	job->it = NULL;
	job->start_ms = clock_ms();
	if (pthread_create(&job->thread, NULL, job_main, job) != 0) {
		job_main(job);
		return;
	}
	job->started = true;
}

/* Collect a finished iteration: its message and the run's count. */
static void
job_collect(struct tutor *t)
{
	struct fqi_job	*job = t->job;

	if (job->started)
		pthread_join(job->thread, NULL);
	job->started = false;
	if (t->run_left > 0 && --t->run_left == 0)
		t->running = false;
	say_iteration(t, job->it);
	job->it = NULL;
}

bool
tutor_busy(const struct tutor *t)
{
	return (t->job != NULL && (t->job->started || t->job->it != NULL));
}

double
tutor_busy_ms(const struct tutor *t)
{
	return (tutor_busy(t) ? clock_ms() - t->job->start_ms : 0);
}

void
tutor_fqi_wait(struct tutor *t)
{
	if (t->job == NULL)
		return;
	if (tutor_busy(t))
		job_collect(t);
}

void
tutor_fqi_free(struct tutor *t)
{
	if (t->job == NULL)
		return;
	if (t->job->started)
		pthread_join(t->job->thread, NULL);
	pthread_mutex_destroy(&t->job->lock);
	free(t->job);
	t->job = NULL;
}

void
tutor_fqi_run_slice(struct tutor *t, double now_ms, double budget_ms)
{
	double	 elapsed = t->last_tick > 0 ? now_ms - t->last_tick : 0;

	(void)budget_ms;
	t->last_tick = now_ms;
	if (tutor_busy(t)) {
		if (!job_finished(t->job))
			return;
		job_collect(t);
	} else if (t->playing)
		play_due(t, elapsed);
	else if (t->running)
		job_start(t);
	if (!t->running && !t->playing && !tutor_busy(t))
		t->last_tick = 0;
	tutor_check(t);
}
