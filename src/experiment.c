/*
 * Several independent runs of one setting, averaged.
 *
 * Runs are independent, so they are played in parallel: the runs are cut
 * into chunks, each chunk is split into contiguous shares, one per
 * thread.  The calling thread plays the first share and adds each run
 * to the means as it ends; the other threads leave their runs' curves
 * in rows of a buffer, added after them.  So runs are added strictly in
 * run order and the averages are the same bit for bit whatever the
 * number of threads.  The threads share nothing while they work, and
 * the buffer bounds memory however many runs there are.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "experiment.h"
#include "xmalloc.h"

#define MAX_THREADS 16
/* Experiments with less work than this many Q-learning episodes run on
 * the calling thread. */
#define SMALL_EPISODES 20000
/* What an episode of projective simulation costs next to one of
 * Q-learning: every step updates every edge (measured on 4x4). */
#define PS_EPISODE_COST 8
/* Curves buffered per chunk: 3 doubles per episode per run. */
#define CHUNK_BYTES (64L * 1024 * 1024)

/* What one run leaves for the means besides its curves. */
struct run_summary {
	double			 tails[3];	/* reward, success, steps */
	long long		 transitions;
	struct eval_result	 eval;
};

/* One thread's share of a chunk: runs [first, first + count). */
struct share {
	const struct params	*p;
	const struct datadir	*dirs;
	long			 first;
	long			 count;
	long			 row_first;	/* run of row 0 in the buffers */
	double			*curves;	/* (rows, 3, episodes) */
	struct run_summary	*summary;	/* (rows) */
	struct experiment	*direct;	/* add here, not to the rows */
	experiment_progress	 progress;
	void			*ctx;
	int			 failed;
	char			 err[512];
};

static void	add_run(struct experiment *, const double *, const double *,
		    const double *, const struct run_summary *);

/* Play run r in session s and sum it up in out. */
static void
play_run(struct session *s, long r, const struct params *p,
    struct run_summary *out)
{
	s->stream = (uint64_t)r;
	session_reset(s);
	session_run(s, (long)p->episodes, 0);
	out->tails[0] = session_tail_mean(s, s->log.reward, EXPERIMENT_TAIL);
	out->tails[1] = session_tail_mean(s, s->log.success,
	    EXPERIMENT_TAIL);
	out->tails[2] = session_tail_mean(s, s->log.steps, EXPERIMENT_TAIL);
	out->transitions = s->transitions;
	out->eval = session_evaluate(s, (long)p->eval_episodes);
}

static void *
play_share(void *arg)
{
	struct share		*sh = arg;
	struct session		*s;
	struct run_summary	 rs;
	double			*rows;
	long			 r, row;
	size_t			 n = (size_t)sh->p->episodes;

	s = session_new(sh->p, sh->dirs, 0, 0, sh->err, sizeof sh->err);
	if (s == NULL) {
		sh->failed = 1;
		return (NULL);
	}
	for (r = sh->first; r < sh->first + sh->count; r++) {
		play_run(s, r, sh->p, &rs);
		if (sh->direct != NULL) {
			add_run(sh->direct, s->log.reward, s->log.success,
			    s->log.steps, &rs);
			if (sh->progress != NULL)
				sh->progress(sh->ctx, r + 1, sh->p->runs);
			continue;
		}
		row = r - sh->row_first;
		rows = sh->curves + (size_t)row * 3 * n;
		memcpy(rows, s->log.reward, n * sizeof (double));
		memcpy(rows + n, s->log.success, n * sizeof (double));
		memcpy(rows + 2 * n, s->log.steps, n * sizeof (double));
		sh->summary[row] = rs;
	}
	session_free(s);
	return (NULL);
}

static void
add_run(struct experiment *x, const double *reward, const double *success,
    const double *steps, const struct run_summary *rs)
{
	double	 k = (double)x->reward.count + 1;	/* runs after this */
	double	*tail[3] = { &x->reward_tail, &x->success_tail, &x->steps_tail };
	double	 d;
	int	 i;

	/* Welford's update of the tails' means and squared deviations. */
	for (i = 0; i < 3; i++) {
		d = rs->tails[i] - *tail[i];
		*tail[i] += d / k;
		x->tail_m2[i] += d * (rs->tails[i] - *tail[i]);
	}
	curve_stats_add(&x->reward, reward);
	curve_stats_add(&x->success, success);
	curve_stats_add(&x->steps, steps);
	x->eval.success += (rs->eval.success - x->eval.success) / k;
	x->eval.reward += (rs->eval.reward - x->eval.reward) / k;
	x->eval.steps += (rs->eval.steps - x->eval.steps) / k;
	x->transitions += rs->transitions;
}

static int
thread_count(const struct params *p)
{
	long	 n;
	long long work = p->runs * p->episodes;

	if (strcmp(params_agent(p), "ps") == 0)
		work *= PS_EPISODE_COST;
	/* Starting threads costs more than a small experiment takes. */
	if (p->threads == 0 && work < SMALL_EPISODES)
		n = 1;
	else
		n = p->threads > 0 ? (long)p->threads :
		    sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1)
		n = 1;
	if (n > MAX_THREADS)
		n = MAX_THREADS;
	if (n > p->runs)
		n = (long)p->runs;
	return ((int)n);
}

/*
 * Play runs [first, first + count) on up to nthreads threads: share 0
 * adds its runs to x as they end, the others fill the buffer's rows,
 * which are added after them.
 */
static int
play_chunk(struct experiment *x, struct share *sh, int nthreads, long first,
    long count, char *err, size_t errsz)
{
	pthread_t	 tid[MAX_THREADS];
	long		 next = first, size, r;
	int		 i, started = 0, rc = 0;
	size_t		 n = (size_t)x->episodes;

	if (nthreads > count)
		nthreads = (int)count;
	for (i = 0; i < nthreads; i++) {
		size = count / nthreads + (i < count % nthreads);
		sh[i].first = next;
		sh[i].count = size;
		sh[i].failed = 0;
		next += size;
	}
	for (i = 0; i < nthreads; i++) {
		sh[i].row_first = sh[0].first + sh[0].count;
		sh[i].direct = i == 0 ? x : NULL;
	}
	/* The caller plays share 0 itself while the others run. */
	for (i = 1; i < nthreads; i++) {
		if (pthread_create(&tid[i], NULL, play_share, &sh[i]) != 0)
			break;
		started = i;
	}
	play_share(&sh[0]);
	for (i = started + 1; i < nthreads; i++)
		play_share(&sh[i]);	/* threads that could not start */
	for (i = 1; i <= started; i++)
		pthread_join(tid[i], NULL);
	for (i = 0; i < nthreads; i++) {
		if (sh[i].failed) {
			snprintf(err, errsz, "%s", sh[i].err);
			rc = -1;
		}
	}
	for (r = sh[0].first + sh[0].count; r < first + count && rc == 0;
	    r++) {
		i = (int)(r - sh[0].row_first);
		add_run(x, sh[0].curves + (size_t)i * 3 * n,
		    sh[0].curves + ((size_t)i * 3 + 1) * n,
		    sh[0].curves + ((size_t)i * 3 + 2) * n, &sh[0].summary[i]);
		if (sh[0].progress != NULL)
			sh[0].progress(sh[0].ctx, r + 1, x->runs);
	}
	return (rc);
}

int
experiment_run(struct experiment *x, const struct params *p,
    const struct datadir *d, experiment_progress progress, void *ctx,
    char *err, size_t errsz)
{
	struct share		 sh[MAX_THREADS];
	struct run_summary	*summary;
	double			*curves, start;
	long			 chunk, first, rows;
	size_t			 n = (size_t)p->episodes;
	int			 i, nthreads = thread_count(p), rc = 0;

	memset(x, 0, sizeof *x);
	x->runs = (long)p->runs;
	x->episodes = (long)p->episodes;
	x->eval.episodes = (long)p->eval_episodes;
	chunk = CHUNK_BYTES / (long)(3 * n * sizeof (double));
	if (chunk < nthreads)
		chunk = nthreads;
	if (chunk > x->runs)
		chunk = x->runs;
	/* Rows for all but the calling thread's share (about 1/nthreads). */
	rows = nthreads > 1 ? chunk - chunk / nthreads : 0;
	curves = xcalloc((size_t)(rows > 0 ? rows : 1) * 3 * n,
	    sizeof (double));
	summary = xcalloc(rows > 0 ? rows : 1, sizeof *summary);
	curve_stats_init(&x->reward, x->episodes);
	curve_stats_init(&x->steps, x->episodes);
	curve_stats_init(&x->success, x->episodes);
	for (i = 0; i < nthreads; i++) {
		sh[i].p = p;
		sh[i].dirs = d;
		sh[i].curves = curves;
		sh[i].summary = summary;
		sh[i].progress = progress;
		sh[i].ctx = ctx;
	}
	start = clock_seconds();
	for (first = 0; first < x->runs && rc == 0; first += chunk) {
		if (chunk > x->runs - first)
			chunk = x->runs - first;
		rc = play_chunk(x, sh, nthreads, first, chunk, err, errsz);
	}
	x->seconds = clock_seconds() - start;
	if (x->runs > 1) {
		x->reward_tail_sd = sqrt(x->tail_m2[0] / (double)(x->runs - 1));
		x->success_tail_sd = sqrt(x->tail_m2[1] /
		    (double)(x->runs - 1));
		x->steps_tail_sd = sqrt(x->tail_m2[2] / (double)(x->runs - 1));
	}
	free(curves);
	free(summary);
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
