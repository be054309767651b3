/*
 * Several independent runs of one setting, averaged.
 *
 * Runs are independent, so worker threads play them in parallel, each
 * with a session of its own.  The results are still added to the means
 * strictly in run order (a worker hands its run over and the collector
 * takes run 0, 1, 2...), so the averages are the same bit for bit
 * whatever the number of threads, and memory stays bounded by a few
 * runs in flight rather than all of them.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "experiment.h"
#include "xmalloc.h"

#define MAX_THREADS 16

/* One finished run waiting to be added. */
struct run_result {
	long			 run;		/* -1: slot free */
	double			*reward;
	double			*steps;
	double			*success;
	double			 tails[3];
	long long		 transitions;
	struct eval_result	 eval;
};

struct pool {
	const struct params	*p;
	const struct datadir	*dirs;
	pthread_mutex_t		 lock;
	pthread_cond_t		 changed;
	long			 next_run;	/* next run to hand out */
	long			 added;		/* runs added to the means */
	struct run_result	*slot;		/* nslots, run % nslots */
	int			 nslots;
	int			 failed;
	char			 err[512];
};

static double
now_seconds(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

/* Play run r in session s and copy what the means need into out. */
static void
play_run(struct session *s, long r, const struct params *p,
    struct run_result *out)
{
	size_t	 bytes = (size_t)p->episodes * sizeof (double);

	s->stream = (uint64_t)r;
	session_reset(s);
	session_run(s, (long)p->episodes, 0);
	memcpy(out->reward, s->log.reward, bytes);
	memcpy(out->steps, s->log.steps, bytes);
	memcpy(out->success, s->log.success, bytes);
	out->tails[0] = session_tail_mean(s, s->log.reward, EXPERIMENT_TAIL);
	out->tails[1] = session_tail_mean(s, s->log.success,
	    EXPERIMENT_TAIL);
	out->tails[2] = session_tail_mean(s, s->log.steps, EXPERIMENT_TAIL);
	out->transitions = s->transitions;
	out->eval = session_evaluate(s, (long)p->eval_episodes);
}

static void
add_run(struct experiment *x, const struct run_result *rr)
{
	double	 k = (double)x->reward.count + 1;	/* runs after this */

	curve_stats_add(&x->reward, rr->reward);
	curve_stats_add(&x->steps, rr->steps);
	curve_stats_add(&x->success, rr->success);
	x->reward_tail += (rr->tails[0] - x->reward_tail) / k;
	x->success_tail += (rr->tails[1] - x->success_tail) / k;
	x->steps_tail += (rr->tails[2] - x->steps_tail) / k;
	x->eval.success += (rr->eval.success - x->eval.success) / k;
	x->eval.reward += (rr->eval.reward - x->eval.reward) / k;
	x->eval.steps += (rr->eval.steps - x->eval.steps) / k;
	x->transitions += rr->transitions;
}

/*
 * Put a finished run in its slot and take the slot's buffers in
 * exchange.  Called with the lock held.  The slot is free by the time
 * the run is done unless the collector is still reading the run that
 * had it before, nslots runs earlier.
 */
static void
hand_over(struct pool *pool, struct run_result *mine)
{
	struct run_result	*slot = &pool->slot[mine->run % pool->nslots];
	struct run_result	 empty;

	while (slot->run != -1 && !pool->failed)
		pthread_cond_wait(&pool->changed, &pool->lock);
	if (pool->failed)
		return;
	empty = *slot;
	*slot = *mine;
	mine->reward = empty.reward;
	mine->steps = empty.steps;
	mine->success = empty.success;
	pthread_cond_broadcast(&pool->changed);
}

static void *
worker(void *arg)
{
	struct pool		*pool = arg;
	struct session		*s;
	struct run_result	 mine;
	char			 err[512];
	long			 r, n = (long)pool->p->episodes;

	s = session_new(pool->p, pool->dirs, 0, 0, err, sizeof err);
	mine.reward = xcalloc(n, sizeof (double));
	mine.steps = xcalloc(n, sizeof (double));
	mine.success = xcalloc(n, sizeof (double));
	pthread_mutex_lock(&pool->lock);
	if (s == NULL && !pool->failed) {
		pool->failed = 1;
		snprintf(pool->err, sizeof pool->err, "%s", err);
		pthread_cond_broadcast(&pool->changed);
	}
	while (s != NULL && !pool->failed && pool->next_run <
	    (long)pool->p->runs) {
		/* Stay within nslots runs of the collector, so that no two
		 * runs in flight ever share a slot. */
		if (pool->next_run >= pool->added + pool->nslots) {
			pthread_cond_wait(&pool->changed, &pool->lock);
			continue;
		}
		r = pool->next_run++;
		pthread_mutex_unlock(&pool->lock);
		play_run(s, r, pool->p, &mine);
		mine.run = r;
		pthread_mutex_lock(&pool->lock);
		hand_over(pool, &mine);
	}
	pthread_mutex_unlock(&pool->lock);
	free(mine.reward);
	free(mine.steps);
	free(mine.success);
	session_free(s);
	return (NULL);
}

static int
thread_count(const struct params *p)
{
	long	 n = p->threads > 0 ? (long)p->threads :
		     sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1)
		n = 1;
	if (n > MAX_THREADS)
		n = MAX_THREADS;
	if (n > p->runs)
		n = (long)p->runs;
	return ((int)n);
}

/* Take finished runs in order and add them; returns -1 on failure. */
static int
collect(struct experiment *x, struct pool *pool,
    experiment_progress progress, void *ctx)
{
	struct run_result	*slot;
	long			 r;

	pthread_mutex_lock(&pool->lock);
	for (r = 0; r < x->runs; r++) {
		slot = &pool->slot[r % pool->nslots];
		while (slot->run != r && !pool->failed)
			pthread_cond_wait(&pool->changed, &pool->lock);
		if (pool->failed)
			break;
		pthread_mutex_unlock(&pool->lock);
		add_run(x, slot);
		if (progress != NULL)
			progress(ctx, r + 1, x->runs);
		pthread_mutex_lock(&pool->lock);
		slot->run = -1;
		pool->added = r + 1;
		pthread_cond_broadcast(&pool->changed);
	}
	pthread_mutex_unlock(&pool->lock);
	return (pool->failed ? -1 : 0);
}

int
experiment_run(struct experiment *x, const struct params *p,
    const struct datadir *d, experiment_progress progress, void *ctx,
    char *err, size_t errsz)
{
	struct pool	 pool;
	pthread_t	 tid[MAX_THREADS];
	double		 start;
	int		 i, nthreads = thread_count(p), rc;

	memset(x, 0, sizeof *x);
	x->runs = (long)p->runs;
	x->episodes = (long)p->episodes;
	x->eval.episodes = (long)p->eval_episodes;
	curve_stats_init(&x->reward, x->episodes);
	curve_stats_init(&x->steps, x->episodes);
	curve_stats_init(&x->success, x->episodes);
	memset(&pool, 0, sizeof pool);
	pool.p = p;
	pool.dirs = d;
	pool.nslots = 2 * nthreads;
	pool.slot = xcalloc(pool.nslots, sizeof *pool.slot);
	for (i = 0; i < pool.nslots; i++) {
		pool.slot[i].run = -1;
		pool.slot[i].reward = xcalloc(x->episodes, sizeof (double));
		pool.slot[i].steps = xcalloc(x->episodes, sizeof (double));
		pool.slot[i].success = xcalloc(x->episodes, sizeof (double));
	}
	pthread_mutex_init(&pool.lock, NULL);
	pthread_cond_init(&pool.changed, NULL);
	start = now_seconds();
	for (i = 0; i < nthreads; i++)
		pthread_create(&tid[i], NULL, worker, &pool);
	rc = collect(x, &pool, progress, ctx);
	for (i = 0; i < nthreads; i++)
		pthread_join(tid[i], NULL);
	x->seconds = now_seconds() - start;
	if (rc != 0)
		snprintf(err, errsz, "%s", pool.err);
	for (i = 0; i < pool.nslots; i++) {
		free(pool.slot[i].reward);
		free(pool.slot[i].steps);
		free(pool.slot[i].success);
	}
	free(pool.slot);
	pthread_mutex_destroy(&pool.lock);
	pthread_cond_destroy(&pool.changed);
	if (rc != 0)
		experiment_free(x);
	return (rc);
}

void
experiment_free(struct experiment *x)
{
	curve_stats_free(&x->reward);
	curve_stats_free(&x->steps);
	curve_stats_free(&x->success);
}
