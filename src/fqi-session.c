/* FQI on CartPole as one session: data, fits, and a cart to watch. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "env_cartpole.h"
#include "fqi-session.h"
#include "xmalloc.h"

/* Random streams of a session, apart from FQI's own. */
#define STREAM_COLLECT	0x44415441ULL	/* "DATA" */
#define STREAM_PLAY	0x504c4159ULL	/* "PLAY" */
#define STREAM_SAMPLES	0x53414d50ULL	/* "SAMP" */

bool
params_is_fqi(const struct params *p)
{
	return (strcmp(params_agent(p), "fqi") == 0);
}

struct regressor_cfg
fqi_regressor_cfg(const struct params *p)
{
	struct regressor_cfg	 c;

	memset(&c, 0, sizeof c);
	c.kind = (enum regressor_kind)p->regressor;
	c.k = (int)p->k;
	c.ntrees = (int)p->trees;
	c.min_split = (int)p->min_split;
	c.threads = (int)p->threads;
	c.ridge = 1e-6;
	return (c);
}

static struct fqi_config
fqi_config_of(const struct params *p)
{
	struct fqi_config	 c;

	c.reg = fqi_regressor_cfg(p);
	c.gamma = p->gamma;
	c.eval_episodes = p->eval_episodes;
	c.seed = (uint64_t)p->seed;
	return (c);
}

static struct dataset *
make_dataset(const struct params *p, char *err, size_t errsz)
{
	struct env	*e;
	struct dataset	*ds;
	struct rng	 r;

	if (strcmp(p->dataset, "random") != 0)
		return (dataset_load(p->dataset, "cartpole", CARTPOLE_DIM, 2,
		    err, errsz));
	e = cartpole_new();
	rng_seed(&r, (uint64_t)p->seed, STREAM_COLLECT);
	ds = dataset_collect(e, (long)p->transitions, &r, (uint64_t)p->seed);
	env_free(e);
	return (ds);
}

/* Transitions to write out: the first that terminated (its target is
 * just r) and others drawn at random. */
static void
pick_samples(struct fqi_session *fs)
{
	struct rng	 r;
	long		 i, n = fs->data->n;
	int		 k = 0;

	for (i = 0; i < n && k == 0; i++)
		if (fs->data->terminated[i])
			fs->samples[k++] = i;
	rng_seed(&r, (uint64_t)fs->p.seed, STREAM_SAMPLES);
	while (k < FQI_SAMPLES)
		fs->samples[k++] = (long)rng_below(&r, (uint32_t)n);
}

void
fqi_map_state(int row, int col, double obs[ENV_OBS_MAX])
{
	double	 th = cartpole_theta_threshold;

	obs[0] = 0;
	obs[1] = 0;
	obs[2] = th - (row + 0.5) * (2 * th / FQI_MAP_ROWS);
	obs[3] = -FQI_MAP_THETADOT + (col + 0.5) * (2 * FQI_MAP_THETADOT /
	    FQI_MAP_COLS);
}

/* The map of the greedy action, after each change of fit. */
static void
make_map(struct fqi_session *fs)
{
	double	 obs[ENV_OBS_MAX], q[FQI_MAX_ACTIONS];
	int	 row, col;

	if (!fs->map_on)
		return;
	for (row = 0; row < FQI_MAP_ROWS; row++)
		for (col = 0; col < FQI_MAP_COLS; col++) {
			fqi_map_state(row, col, obs);
			fqi_q(fs->fqi, obs, q);
			fs->map[row][col] = (signed char)(q[1] > q[0]);
			fs->map_gap[row][col] = (float)(q[1] - q[0]);
		}
}

void
fqi_session_map_on(struct fqi_session *fs)
{
	fs->map_on = true;
	make_map(fs);
}

static void
play_restart(struct fqi_session *fs)
{
	rng_seed(&fs->play_rng, (uint64_t)fs->p.seed, STREAM_PLAY);
	env_reset(fs->cart, &fs->play_rng);
	fs->cart_fresh = true;
	fs->playing = false;
	fs->play_episodes = 0;
	fs->play_steps = 0;
	fs->play_return = 0;
	fs->last_return = 0;
	fs->play_action = -1;
	fs->play_terminated = fs->play_truncated = false;
}

/* Check that p describes FQI on CartPole. */
static int
check_pairing(const struct params *p, char *err, size_t errsz)
{
	if (!params_is_fqi(p)) {
		snprintf(err, errsz, "not an FQI setting: agent=%s",
		    params_agent(p));
		return (-1);
	}
	if (strcmp(params_env(p), "cartpole") != 0) {
		snprintf(err, errsz, "agent fqi learns on env cartpole, not "
		    "%s", params_env(p));
		return (-1);
	}
	return (0);
}

/* Build data (if none is given) and FQI for p; on error nothing is
 * kept. */
static int
build(struct fqi_session *fs, const struct params *p, struct dataset *keep,
    char *err, size_t errsz)
{
	struct dataset		*ds = keep;
	struct fqi		*f;
	struct fqi_config	 cfg = fqi_config_of(p);
	double			 t0 = clock_seconds(), t1;

	if (check_pairing(p, err, errsz) != 0)
		return (-1);
	if (ds == NULL && (ds = make_dataset(p, err, errsz)) == NULL)
		return (-1);
	t1 = clock_seconds();
	if ((f = fqi_new(ds, &cfg, err, errsz)) == NULL) {
		if (ds != keep)
			dataset_free(ds);
		return (-1);
	}
	fqi_free(fs->fqi);
	if (ds != fs->data) {
		dataset_free(fs->data);
		fs->collect_seconds = t1 - t0;
	}
	fs->data = ds;
	fs->fqi = f;
	fs->prepare_seconds = clock_seconds() - t1;
	fs->p = *p;
	fs->builds++;
	fs->inspect = -1;
	pick_samples(fs);
	play_restart(fs);
	make_map(fs);
	return (0);
}

struct fqi_session *
fqi_session_new(const struct params *p, const struct datadir *d, char *err,
    size_t errsz)
{
	struct fqi_session	*fs = xcalloc(1, sizeof *fs);

	fs->dirs = *d;
	fs->cart = cartpole_new();
	if (build(fs, p, NULL, err, errsz) != 0) {
		env_free(fs->cart);
		free(fs);
		return (NULL);
	}
	return (fs);
}

void
fqi_session_free(struct fqi_session *fs)
{
	if (fs == NULL)
		return;
	fqi_free(fs->fqi);
	dataset_free(fs->data);
	env_free(fs->cart);
	free(fs);
}

const struct fqi_iteration *
fqi_session_iterate(struct fqi_session *fs)
{
	const struct fqi_iteration	*it = fqi_iterate(fs->fqi);

	/* A new policy: the cart starts a fresh episode with it. */
	fs->playing = false;
	make_map(fs);
	return (it);
}

int
fqi_session_back(struct fqi_session *fs, char *err, size_t errsz)
{
	if (fs->fqi->done == 0) {
		snprintf(err, errsz, "nothing to undo: no iteration yet");
		return (-1);
	}
	if (fqi_back(fs->fqi) != 0) {
		snprintf(err, errsz, "only the last %d iterations can be "
		    "undone", FQI_BACK_MAX - 2);
		return (-1);
	}
	fs->playing = false;
	make_map(fs);
	return (0);
}

void
fqi_session_restart(struct fqi_session *fs)
{
	char	 err[256];

	/* The same data and design: only the fits go. */
	if (build(fs, &fs->p, fs->data, err, sizeof err) != 0)
		abort();	/* it was built from these before */
}

/* Parameters that make a new dataset rather than a new fit. */
static bool
changes_data(const char *name)
{
	return (strcmp(name, "transitions") == 0 ||
	    strcmp(name, "dataset") == 0 || strcmp(name, "seed") == 0 ||
	    strcmp(name, "env") == 0);
}

int
fqi_session_set(struct fqi_session *fs, const char *name, const char *value,
    bool *did_reset, char *err, size_t errsz)
{
	struct params		 next = fs->p;
	const struct param	*t;

	*did_reset = false;
	if (param_set(&next, name, value, err, errsz) != 0)
		return (-1);
	t = param_find(name);
	if (params_same(&fs->p, &next, t))
		return (0);
	if (!param_applies(name, SCOPE_FQI)) {
		snprintf(err, errsz, "%s does not apply to agent fqi", name);
		return (-1);
	}
	if (strcmp(name, "agent") == 0 || strcmp(name, "env") == 0) {
		snprintf(err, errsz, "this session runs agent=fqi on "
		    "env=cartpole; open another lesson for %s", value);
		return (-1);
	}
	if (t->effect == PE_RESET) {
		if (build(fs, &next, changes_data(name) ? NULL : fs->data,
		    err, errsz) != 0)
			return (-1);
		*did_reset = true;
		return (0);
	}
	fs->p = next;
	fs->fqi->cfg.gamma = next.gamma;
	fs->fqi->cfg.eval_episodes = next.eval_episodes;
	return (0);
}

void
fqi_session_observe(const struct fqi_session *fs, double obs[ENV_OBS_MAX])
{
	cartpole_observe(fs->cart->st.x, obs);
}

int
fqi_session_play_step(struct fqi_session *fs)
{
	struct env_step	 out;
	double		 obs[ENV_OBS_MAX];

	if (!fs->playing) {
		/* The cart on screen is where the first episode starts;
		 * later ones start afresh. */
		if (!fs->cart_fresh)
			env_reset(fs->cart, &fs->play_rng);
		fs->cart_fresh = false;
		fs->playing = true;
		fs->play_steps = 0;
		fs->play_return = 0;
		fs->play_action = -1;
		fs->play_terminated = fs->play_truncated = false;
	}
	fqi_session_observe(fs, obs);
	fs->play_action = fqi_greedy(fs->fqi, obs);
	env_step(fs->cart, fs->play_action, &fs->play_rng, &out);
	fs->play_steps++;
	fs->play_return += out.reward;
	fs->play_terminated = out.terminated;
	fs->play_truncated = out.truncated;
	if (out.terminated || out.truncated) {
		fs->playing = false;
		fs->play_episodes++;
		fs->last_return = fs->play_return;
		return (1);
	}
	return (0);
}

int
fqi_session_save_dataset(const struct fqi_session *fs, const char *path,
    char *err, size_t errsz)
{
	return (dataset_save(fs->data, path, err, errsz));
}
