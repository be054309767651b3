/* DQN on CartPole: act, store, learn from minibatches, sync, evaluate. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dqn.h"
#include "env_cartpole.h"
#include "xmalloc.h"

/* Random streams, apart from the networks' initialisation. */
#define STREAM_TRAIN	0x44514e54ULL	/* "DQNT": acting and sampling */
#define STREAM_EVAL	0x44514e45ULL	/* "DQNE": evaluation starts */
#define STREAM_NET	0x44514e4eULL	/* "DQNN": initial weights */

static int
argmax(const float *q, int n)
{
	int	 a, best = 0;

	for (a = 1; a < n; a++)
		if (q[a] > q[best])
			best = a;
	return (best);
}

float
dqn_target(float r, bool terminated, double gamma, const float *q_select,
    const float *q_value, int nactions, int *a_star)
{
	*a_star = argmax(q_select, nactions);
	/* A terminal next state has no future; a truncated one does. */
	if (terminated)
		return (r);
	return (r + (float)gamma * q_value[*a_star]);
}

static int
check_config(const struct dqn_config *c, char *err, size_t errsz)
{
	if (c->batch < 1 || c->buffer < c->batch) {
		snprintf(err, errsz, "dqn: the buffer (%ld) must hold at least "
		    "a batch (%d)", c->buffer, c->batch);
		return (-1);
	}
	if (c->train_freq < 1 || c->target_update < 1) {
		snprintf(err, errsz, "dqn: train_freq and target_update must "
		    "be at least 1");
		return (-1);
	}
	if (c->shape.nout > DQN_MAX_ACTIONS || c->shape.nin > ENV_OBS_MAX) {
		snprintf(err, errsz, "dqn: at most %d actions", DQN_MAX_ACTIONS);
		return (-1);
	}
	return (0);
}

static void
alloc_scratch(struct dqn *q)
{
	size_t	 b = (size_t)q->cfg.batch, d = (size_t)q->cfg.shape.nin;
	size_t	 na = (size_t)q->cfg.shape.nout;

	q->idx = xcalloc(b, sizeof *q->idx);
	q->w = xcalloc(b, sizeof *q->w);
	q->bs = xcalloc(b * d, sizeof *q->bs);
	q->bs2 = xcalloc(b * d, sizeof *q->bs2);
	q->br = xcalloc(b, sizeof *q->br);
	q->ba = xcalloc(b, sizeof *q->ba);
	q->bterm = xcalloc(b, sizeof *q->bterm);
	q->q = xcalloc(b * na, sizeof *q->q);
	q->qn = xcalloc(b * na, sizeof *q->qn);
	q->qo = xcalloc(b * na, sizeof *q->qo);
	q->dq = xcalloc(b * na, sizeof *q->dq);
	q->pred = xcalloc(b, sizeof *q->pred);
	q->y = xcalloc(b, sizeof *q->y);
	q->dpred = xcalloc(b, sizeof *q->dpred);
	q->td = xcalloc(b, sizeof *q->td);
}

struct dqn *
dqn_new(const struct dqn_config *cfg, char *err, size_t errsz)
{
	struct dqn	*q;
	struct rng	 r;

	if (check_config(cfg, err, errsz) != 0)
		return (NULL);
	q = xcalloc(1, sizeof *q);
	q->cfg = *cfg;
	rng_seed(&r, cfg->seed, STREAM_NET);
	q->online = nn_new(&cfg->shape, cfg->batch, rng_next(&r));
	q->target = nn_new(&cfg->shape, cfg->batch, rng_next(&r));
	nn_copy(q->target, q->online);
	if (cfg->keep_best) {
		q->best = nn_new(&cfg->shape, 1, 0);
		nn_copy(q->best, q->online);
	}
	q->best_mean = -1;
	q->adam = nn_adam_new(q->online, (float)cfg->lr);
	q->buf = replay_new(cfg->buffer, cfg->shape.nin, cfg->prioritized,
	    cfg->per_alpha);
	q->env = cartpole_new();
	rng_seed(&q->rng, cfg->seed, STREAM_TRAIN);
	env_reset(q->env, &q->rng);
	q->first_solved = -1;
	alloc_scratch(q);
	return (q);
}

void
dqn_free(struct dqn *q)
{
	if (q == NULL)
		return;
	nn_free(q->online);
	nn_free(q->target);
	nn_free(q->best);
	nn_adam_free(q->adam);
	replay_free(q->buf);
	env_free(q->env);
	free(q->returns);
	free(q->losses);
	free(q->evals);
	free(q->idx);
	free(q->w);
	free(q->bs);
	free(q->bs2);
	free(q->br);
	free(q->ba);
	free(q->bterm);
	free(q->q);
	free(q->qn);
	free(q->qo);
	free(q->dq);
	free(q->pred);
	free(q->y);
	free(q->dpred);
	free(q->td);
	free(q);
}

static void
observe(const struct env *e, float *obs)
{
	int	 i;

	for (i = 0; i < e->obs_dim; i++)
		obs[i] = (float)e->st.x[i];
}

static void
log_return(struct dqn *q, double g)
{
	if (q->nreturns == q->cap_returns) {
		q->cap_returns = q->cap_returns ? 2 * q->cap_returns : 256;
		q->returns = xreallocarray(q->returns, (size_t)q->cap_returns,
		    sizeof *q->returns);
	}
	q->returns[q->nreturns++] = g;
}

static void
log_loss(struct dqn *q, float loss)
{
	if (q->nlosses == q->cap_losses) {
		q->cap_losses = q->cap_losses ? 2 * q->cap_losses : 1024;
		q->losses = xreallocarray(q->losses, (size_t)q->cap_losses,
		    sizeof *q->losses);
	}
	q->losses[q->nlosses++] = loss;
}

/* The minibatch's transitions, gathered into contiguous rows. */
static void
gather(struct dqn *q, int n)
{
	const struct replay	*b = q->buf;
	size_t			 d = (size_t)b->d;
	int			 i;

	for (i = 0; i < n; i++) {
		memcpy(q->bs + i * d, b->s + q->idx[i] * d, d * sizeof *q->bs);
		memcpy(q->bs2 + i * d, b->s2 + q->idx[i] * d,
		    d * sizeof *q->bs2);
		q->br[i] = b->r[q->idx[i]];
		q->ba[i] = b->a[q->idx[i]];
		q->bterm[i] = b->terminated[q->idx[i]];
	}
}

static void
record_update(struct dqn *q, float loss, float gn, bool clipped,
    double beta, const int *a_star)
{
	struct dqn_update	*u = &q->last_update;
	int			 i, na = q->cfg.shape.nout, d = q->cfg.shape.nin;

	u->valid = true;
	u->step = q->step;
	u->loss = loss;
	u->grad_norm = gn;
	u->clipped = clipped;
	u->beta = beta;
	for (i = 0; i < DQN_RECORD_SAMPLES && i < q->cfg.batch; i++) {
		memcpy(u->sample[i].s, q->bs + i * d, (size_t)d * sizeof(float));
		memcpy(u->sample[i].s2, q->bs2 + i * d,
		    (size_t)d * sizeof(float));
		memcpy(u->sample[i].q_next, q->qn + i * na,
		    (size_t)na * sizeof(float));
		u->sample[i].a = q->ba[i];
		u->sample[i].r = q->br[i];
		u->sample[i].terminated = q->bterm[i];
		u->sample[i].a_next = a_star[i];
		u->sample[i].target = q->y[i];
		u->sample[i].pred = q->pred[i];
		u->sample[i].weight = q->cfg.prioritized ? q->w[i] : 1;
	}
}

/* PER's beta: from per_beta at the start to 1 at the last step. */
static double
per_beta(const struct dqn *q)
{
	double	 f = q->cfg.total_steps > 0 ? (double)q->step /
		    q->cfg.total_steps : 1;

	return (q->cfg.per_beta + (1 - q->cfg.per_beta) * (f < 1 ? f : 1));
}

/* One gradient step on a minibatch. */
static void
train(struct dqn *q)
{
	int	 n = q->cfg.batch, na = q->cfg.shape.nout, i;
	int	 a_star[DQN_RECORD_SAMPLES];
	int	 a;
	float	 loss, gn;
	double	 beta = q->cfg.prioritized ? per_beta(q) : 1;
	bool	 clipped = false;

	replay_sample(q->buf, &q->rng, n, beta, q->idx,
	    q->cfg.prioritized ? q->w : NULL);
	gather(q, n);
	nn_forward(q->target, q->bs2, n, q->qn);
	/* Double DQN: the online network picks a', the target values it.
	 * Its forward on s' comes first: the one on s is what backward
	 * uses. */
	if (q->cfg.double_dqn)
		nn_forward(q->online, q->bs2, n, q->qo);
	for (i = 0; i < n; i++) {
		q->y[i] = dqn_target(q->br[i], q->bterm[i], q->cfg.gamma,
		    (q->cfg.double_dqn ? q->qo : q->qn) + i * na, q->qn + i * na,
		    na, &a);
		if (i < DQN_RECORD_SAMPLES)
			a_star[i] = a;
	}
	nn_forward(q->online, q->bs, n, q->q);
	for (i = 0; i < n; i++)
		q->pred[i] = q->q[i * na + q->ba[i]];
	loss = nn_loss(q->cfg.loss, q->pred, q->y,
	    q->cfg.prioritized ? q->w : NULL, n, q->dpred);
	if (!isfinite(loss)) {
		q->diverged = true;
		record_update(q, loss, NAN, false, beta, a_star);
		return;
	}
	memset(q->dq, 0, (size_t)n * na * sizeof *q->dq);
	for (i = 0; i < n; i++)
		q->dq[i * na + q->ba[i]] = q->dpred[i];
	nn_zero_grad(q->online);
	nn_backward(q->online, q->dq, n);
	gn = nn_grad_norm(q->online);
	if (q->cfg.max_grad_norm > 0 && gn > q->cfg.max_grad_norm) {
		nn_clip_grad(q->online, (float)q->cfg.max_grad_norm);
		clipped = true;
	}
	nn_adam_step(q->online, q->adam);
	if (q->cfg.prioritized) {
		for (i = 0; i < n; i++)
			q->td[i] = q->pred[i] - q->y[i];
		replay_update_priorities(q->buf, q->idx, q->td, n);
	}
	q->updates++;
	log_loss(q, loss);
	record_update(q, loss, gn, clipped, beta, a_star);
}

static void
sync_target(struct dqn *q)
{
	if (q->cfg.tau >= 1)
		nn_copy(q->target, q->online);
	else
		nn_polyak(q->target, q->online, (float)q->cfg.tau);
}

const struct nn *
dqn_policy_net(const struct dqn *q)
{
	return (q->best != NULL && q->best_mean >= 0 ? q->best : q->online);
}

static void
evaluate_now(struct dqn *q)
{
	struct dqn_eval	 ev = dqn_evaluate(q, q->online,
			    q->cfg.eval_episodes, q->cfg.seed);

	ev.step = q->step;
	q->evals = xreallocarray(q->evals, (size_t)q->nevals + 1,
	    sizeof *q->evals);
	q->evals[q->nevals++] = ev;
	if (q->first_solved < 0 && ev.mean >= DQN_SOLVED)
		q->first_solved = q->step;
	/* The best so far, the later of equals: it has trained longer. */
	if (q->best != NULL && ev.mean >= q->best_mean) {
		nn_copy(q->best, q->online);
		q->best_mean = ev.mean;
	}
}

int
dqn_step(struct dqn *q)
{
	struct dqn_act	*act = &q->last_act;
	struct env_step	 out;
	float		 obs2[ENV_OBS_MAX];
	int		 na = q->cfg.shape.nout, ended;

	if (q->diverged)
		return (-1);
	observe(q->env, act->obs);
	act->epsilon = schedule_value(&q->cfg.epsilon, q->step);
	nn_predict(q->online, act->obs, act->q);
	act->explored = rng_uniform(&q->rng) < act->epsilon;
	act->a = act->explored ? (int)rng_below(&q->rng, (uint32_t)na) :
	    argmax(act->q, na);
	env_step(q->env, act->a, &q->rng, &out);
	observe(q->env, obs2);
	replay_add(q->buf, act->obs, act->a, (float)out.reward, obs2,
	    out.terminated);
	q->ep_return += out.reward;
	q->step++;
	ended = out.terminated || out.truncated;
	if (ended) {
		log_return(q, q->ep_return);
		q->episodes++;
		q->ep_return = 0;
		env_reset(q->env, &q->rng);
	}
	if (q->step > q->cfg.learning_starts &&
	    q->step % q->cfg.train_freq == 0)
		train(q);
	if (q->step % q->cfg.target_update == 0)
		sync_target(q);
	if (q->cfg.eval_every > 0 && q->step % q->cfg.eval_every == 0)
		evaluate_now(q);
	return (q->diverged ? -1 : ended);
}

struct dqn_eval
dqn_evaluate(const struct dqn *q, const struct nn *net, long episodes,
    uint64_t seed)
{
	struct dqn_eval	 ev = { 0, 0, 0, 0 };
	struct env	*e = cartpole_new();
	struct env_step	 out;
	struct rng	 r;
	float		 obs[ENV_OBS_MAX], qv[DQN_MAX_ACTIONS];
	double		 g, delta, m2 = 0;
	long		 i;

	rng_seed(&r, seed, STREAM_EVAL);
	for (i = 0; i < episodes; i++) {
		env_reset(e, &r);
		g = 0;
		do {
			observe(e, obs);
			nn_predict(net, obs, qv);
			env_step(e, argmax(qv, q->cfg.shape.nout), &r, &out);
			g += out.reward;
		} while (!out.terminated && !out.truncated);
		delta = g - ev.mean;
		ev.mean += delta / (i + 1);
		m2 += delta * (g - ev.mean);
	}
	env_free(e);
	ev.episodes = episodes;
	ev.std = episodes > 0 ? sqrt(m2 / episodes) : 0;
	return (ev);
}

double
dqn_best_eval(const struct dqn *q)
{
	double	 best = 0;
	long	 i;

	for (i = 0; i < q->nevals; i++)
		if (q->evals[i].mean > best)
			best = q->evals[i].mean;
	return (best);
}
