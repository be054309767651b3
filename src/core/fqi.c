/* Fitted Q-iteration: targets, fits, R^2, greedy evaluation, going back. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "env_cartpole.h"
#include "fqi.h"
#include "xmalloc.h"

/* The random streams FQI draws from, apart from the dataset's. */
#define FQI_STREAM_FIT	0x46514946ULL	/* "FQIF": the trees' splits */
#define FQI_STREAM_EVAL	0x46514945ULL	/* "FQIE": evaluation starts */

struct fqi *
fqi_new(const struct dataset *ds, const struct fqi_config *cfg, char *err,
    size_t errsz)
{
	struct regressor_design	 des;
	struct fqi		*f;
	struct regressor	*reg;
	size_t			 nq = (size_t)ds->n * ds->nactions;

	if (ds->nactions > FQI_MAX_ACTIONS || ds->d > ENV_OBS_MAX) {
		snprintf(err, errsz, "fqi: at most %d actions and %d numbers "
		    "of state", FQI_MAX_ACTIONS, ENV_OBS_MAX);
		return (NULL);
	}
	des.n = ds->n;
	des.d = ds->d;
	des.nactions = ds->nactions;
	des.x = ds->s;
	des.a = ds->a;
	des.nq = ds->n;
	des.xq = ds->s2;
	if ((reg = regressor_new(&cfg->reg, &des, err, errsz)) == NULL)
		return (NULL);
	f = xcalloc(1, sizeof *f);
	f->data = ds;
	f->reg = reg;
	f->cfg = *cfg;
	f->y = xcalloc((size_t)ds->n, sizeof *f->y);
	f->yhat = xcalloc((size_t)ds->n, sizeof *f->yhat);
	f->q = xcalloc(nq, sizeof *f->q);
	f->q_prev = xcalloc(nq, sizeof *f->q_prev);
	f->ys = xcalloc(FQI_BACK_MAX, sizeof *f->ys);
	return (f);
}

void
fqi_free(struct fqi *f)
{
	int	 k;

	if (f == NULL)
		return;
	regressor_free(f->reg);
	free(f->y);
	free(f->yhat);
	free(f->q);
	free(f->q_prev);
	for (k = 0; k < FQI_BACK_MAX; k++)
		free(f->ys[k]);
	free(f->ys);
	free(f->hist);
	free(f);
}

static double
max_of(const double *q, int n)
{
	double	 m = q[0];
	int	 a;

	for (a = 1; a < n; a++)
		if (q[a] > m)
			m = q[a];
	return (m);
}

void
fqi_make_targets(const struct dataset *ds, const double *q, int iteration,
    double gamma, double *y)
{
	long	 i;
	int	 na = ds->nactions;

	for (i = 0; i < ds->n; i++) {
		y[i] = ds->r[i];
		/* Only a true termination ends the future; truncation
		 * (the time limit) does not. */
		if (iteration > 0 && !ds->terminated[i])
			y[i] += gamma * max_of(q + (size_t)i * na, na);
	}
}

double
fqi_r2(const double *y, const double *yhat, long n)
{
	double	 mean = 0, ss_res = 0, ss_tot = 0;
	long	 i;

	for (i = 0; i < n; i++)
		mean += y[i];
	mean /= n > 0 ? n : 1;
	for (i = 0; i < n; i++) {
		ss_res += (y[i] - yhat[i]) * (y[i] - yhat[i]);
		ss_tot += (y[i] - mean) * (y[i] - mean);
	}
	/* Constant targets (iteration 0 on CartPole, where every reward
	 * is 1) have no variance to explain. */
	if (ss_tot == 0)
		return (NAN);
	return (1.0 - ss_res / ss_tot);
}

/* The seed of fit k's random splits: the same fit every time it is
 * made, so that going back and forth lands on the same model. */
static uint64_t
fit_seed(const struct fqi *f, int k)
{
	struct rng	 r;

	rng_seed(&r, f->cfg.seed, FQI_STREAM_FIT + (uint64_t)k * 0x10000);
	return (rng_next(&r));
}

/* Fit targets y as fit number k: the model, its fitted values and Q at
 * the next states. */
static void
fit(struct fqi *f, const double *y, int k)
{
	regressor_fit(f->reg, y, fit_seed(f, k));
	regressor_fitted(f->reg, f->yhat);
	regressor_predict_queries(f->reg, f->q);
}

static void
keep_targets(struct fqi *f, int k)
{
	double	**slot = &f->ys[k % FQI_BACK_MAX];

	/* The slot held iteration k - FQI_BACK_MAX's targets: gone. */
	if (k - FQI_BACK_MAX + 1 > f->kept_from)
		f->kept_from = k - FQI_BACK_MAX + 1;

	if (*slot == NULL)
		*slot = xreallocarray(NULL, (size_t)f->data->n,
		    sizeof **slot);
	memcpy(*slot, f->y, (size_t)f->data->n * sizeof **slot);
}

static void
summarise_targets(const struct fqi *f, struct fqi_iteration *it)
{
	long	 i, n = f->data->n;
	double	 sum = 0, mx = f->y[0];

	for (i = 0; i < n; i++) {
		sum += f->y[i];
		if (f->y[i] > mx)
			mx = f->y[i];
	}
	it->target_mean = sum / n;
	it->target_max = mx;
}

const struct fqi_iteration *
fqi_iterate(struct fqi *f)
{
	struct fqi_iteration	*it;
	struct fqi_eval		 ev;
	double			 t0 = clock_seconds(), *swap;
	int			 k = f->done;

	/* q holds Q_{k-1} at the next states: it makes the targets and is
	 * kept as q_prev to write them out. */
	fqi_make_targets(f->data, f->q, k, f->cfg.gamma, f->y);
	swap = f->q_prev;
	f->q_prev = f->q;
	f->q = swap;
	f->gamma_used = f->cfg.gamma;
	fit(f, f->y, k);
	f->hist = xreallocarray(f->hist, (size_t)k + 1, sizeof *f->hist);
	it = &f->hist[k];
	memset(it, 0, sizeof *it);
	it->iteration = k;
	it->gamma = f->cfg.gamma;
	it->r2 = fqi_r2(f->y, f->yhat, f->data->n);
	summarise_targets(f, it);
	it->seconds = clock_seconds() - t0;
	keep_targets(f, k);
	f->done = k + 1;
	if (f->cfg.eval_episodes > 0) {
		t0 = clock_seconds();
		ev = fqi_evaluate(f, f->cfg.eval_episodes, f->cfg.seed, NULL);
		it->eval_episodes = ev.episodes;
		it->eval_mean = ev.mean;
		it->eval_std = ev.std;
		it->eval_seconds = clock_seconds() - t0;
	}
	return (it);
}

int
fqi_back(struct fqi *f)
{
	int	 k = f->done - 1;	/* the fit to undo */

	if (k < 0)
		return (-1);
	/* Both earlier fits' targets must still be kept: k - 2's to
	 * rebuild q_prev, k - 1's for the model itself. */
	if ((k >= 2 && k - 2 < f->kept_from) || (k == 1 && f->kept_from > 0))
		return (-1);
	if (k == 0) {
		memset(f->q, 0, (size_t)f->data->n * f->data->nactions *
		    sizeof *f->q);
		memset(f->y, 0, (size_t)f->data->n * sizeof *f->y);
		memset(f->yhat, 0, (size_t)f->data->n * sizeof *f->yhat);
		f->done = 0;
		return (0);
	}
	if (k >= 2) {
		fit(f, f->ys[(k - 2) % FQI_BACK_MAX], k - 2);
		memcpy(f->q_prev, f->q, (size_t)f->data->n *
		    f->data->nactions * sizeof *f->q);
	} else
		memset(f->q_prev, 0, (size_t)f->data->n * f->data->nactions *
		    sizeof *f->q);
	memcpy(f->y, f->ys[(k - 1) % FQI_BACK_MAX], (size_t)f->data->n *
	    sizeof *f->y);
	fit(f, f->y, k - 1);
	f->gamma_used = f->hist[k - 1].gamma;
	f->done = k;
	return (0);
}

void
fqi_record(const struct fqi *f, long i, struct fqi_record *rec)
{
	const struct dataset	*ds = f->data;
	int			 na = ds->nactions, d = ds->d, a;

	memset(rec, 0, sizeof *rec);
	rec->i = i;
	rec->iteration = f->done - 1;
	rec->d = d;
	rec->nactions = na;
	memcpy(rec->s, ds->s + (size_t)i * d, (size_t)d * sizeof *rec->s);
	memcpy(rec->s2, ds->s2 + (size_t)i * d, (size_t)d * sizeof *rec->s2);
	rec->a = ds->a[i];
	rec->r = ds->r[i];
	rec->terminated = ds->terminated[i];
	rec->truncated = ds->truncated[i];
	rec->gamma = f->gamma_used;
	rec->bootstraps = rec->iteration > 0 && !rec->terminated;
	for (a = 0; a < na; a++)
		rec->q_next[a] = f->q_prev[(size_t)i * na + a];
	rec->best = 0;
	for (a = 1; a < na; a++)
		if (rec->q_next[a] > rec->q_next[rec->best])
			rec->best = a;
	rec->target = f->done > 0 ? f->y[i] : 0;
	rec->fitted = f->done > 0 ? f->yhat[i] : 0;
}

void
fqi_q(const struct fqi *f, const double *obs, double *q)
{
	int	 a;

	if (f->done == 0) {
		for (a = 0; a < f->data->nactions; a++)
			q[a] = 0;
		return;
	}
	regressor_predict(f->reg, obs, q);
}

int
fqi_greedy(const struct fqi *f, const double *obs)
{
	double	 q[FQI_MAX_ACTIONS];
	int	 a, best = 0;

	fqi_q(f, obs, q);
	for (a = 1; a < f->data->nactions; a++)
		if (q[a] > q[best])
			best = a;
	return (best);
}

static double
play_greedy(const struct fqi *f, struct env *e, struct rng *r)
{
	struct env_step	 out;
	double		 obs[ENV_OBS_MAX], ret = 0;

	env_reset(e, r);
	do {
		cartpole_observe(e->st.x, obs);
		env_step(e, fqi_greedy(f, obs), r, &out);
		ret += out.reward;
	} while (!out.terminated && !out.truncated);
	return (ret);
}

struct fqi_eval
fqi_evaluate(const struct fqi *f, long episodes, uint64_t seed,
    double *returns)
{
	struct fqi_eval	 ev = { 0, 0, 0, 0, 0 };
	struct env	*e = cartpole_new();
	struct rng	 r;
	double		 g, delta, m2 = 0;
	long		 i;

	rng_seed(&r, seed, FQI_STREAM_EVAL);
	for (i = 0; i < episodes; i++) {
		g = play_greedy(f, e, &r);
		if (returns != NULL)
			returns[i] = g;
		/* Welford: the spread without cancellation. */
		delta = g - ev.mean;
		ev.mean += delta / (i + 1);
		m2 += delta * (g - ev.mean);
		ev.min = i == 0 || g < ev.min ? g : ev.min;
		ev.max = i == 0 || g > ev.max ? g : ev.max;
	}
	env_free(e);
	ev.episodes = episodes;
	if (episodes > 0)
		ev.std = sqrt(m2 / episodes);
	return (ev);
}
