/* DQN's configuration from the parameters, and its starting network. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dqn-session.h"
#include "env_cartpole.h"
#include "xmalloc.h"

bool
params_is_dqn(const struct params *p)
{
	return (strcmp(params_agent(p), "dqn") == 0);
}

struct dqn_config
dqn_config_of(const struct params *p)
{
	struct dqn_config	 c;
	int			 i;

	memset(&c, 0, sizeof c);
	c.shape.nin = CARTPOLE_DIM;
	c.shape.nhidden = (int)p->layers;
	for (i = 0; i < c.shape.nhidden && i < NN_MAX_LAYERS; i++)
		c.shape.hidden[i] = (int)p->units;
	c.shape.nout = 2;
	c.shape.dueling = p->dueling;
	c.buffer = p->buffer;
	c.learning_starts = p->learning_starts;
	c.train_freq = p->train_freq;
	c.target_update = p->target_update;
	c.tau = p->tau;
	c.batch = (int)p->batch;
	c.lr = p->lr;
	c.gamma = p->gamma;
	c.loss = (enum nn_loss)p->loss;
	c.max_grad_norm = p->max_grad_norm;
	c.double_dqn = p->double_dqn;
	c.prioritized = p->prioritized;
	c.per_alpha = p->per_alpha;
	c.per_beta = p->per_beta;
	c.epsilon.kind = (enum schedule_kind)p->epsilon_schedule;
	c.epsilon.start = p->epsilon_start;
	c.epsilon.end = p->epsilon_end;
	c.epsilon.fraction = p->exploration_fraction;
	c.epsilon.decay = p->epsilon_decay;
	c.epsilon.total = p->steps;
	c.total_steps = p->steps;
	c.eval_every = p->eval_every;
	c.eval_episodes = p->eval_episodes;
	c.keep_best = p->keep_best;
	c.seed = (uint64_t)p->seed;
	return (c);
}

struct dqn *
dqn_new_from(const struct params *p, char *err, size_t errsz)
{
	struct dqn_config	 c = dqn_config_of(p);
	struct dqn		*q;
	struct nn		*net;

	if ((q = dqn_new(&c, err, errsz)) == NULL)
		return (NULL);
	if (strcmp(p->network, "new") == 0)
		return (q);
	net = nn_load(p->network, &c.shape, c.batch, err, errsz);
	if (net == NULL) {
		dqn_free(q);
		return (NULL);
	}
	nn_copy(q->online, net);
	nn_copy(q->target, net);
	if (q->best != NULL)
		nn_copy(q->best, net);
	nn_free(net);
	return (q);
}

struct dqn_session *
dqn_session_new(const struct params *p, char *err, size_t errsz)
{
	struct dqn_session	*ds;
	struct dqn		*q;

	if (!params_is_dqn(p) || strcmp(params_env(p), "cartpole") != 0) {
		snprintf(err, errsz, "agent dqn learns on env cartpole");
		return (NULL);
	}
	if ((q = dqn_new_from(p, err, errsz)) == NULL)
		return (NULL);
	ds = xcalloc(1, sizeof *ds);
	ds->p = *p;
	ds->q = q;
	ds->builds = 1;
	return (ds);
}

void
dqn_session_free(struct dqn_session *ds)
{
	if (ds == NULL)
		return;
	dqn_history_free(&ds->hist);
	dqn_free(ds->q);
	free(ds);
}

/* One step, the history left alone. */
static int
step(struct dqn_session *ds)
{
	long	 before = ds->q->updates;
	int	 rc;

	if (ds->stopped)
		return (-1);
	rc = dqn_step(ds->q);
	ds->updated = ds->q->updates != before;
	if (rc < 0)
		ds->stopped = true;
	return (rc);
}

int
dqn_session_step(struct dqn_session *ds)
{
	/* What the history kept is no longer the step before. */
	dqn_history_clear(&ds->hist);
	return (step(ds));
}

int
dqn_session_step_undoable(struct dqn_session *ds)
{
	if (ds->stopped)
		return (-1);
	if (dqn_history_possible(ds->q))
		dqn_history_save(&ds->hist, ds->q, ds->updated);
	return (step(ds));
}

int
dqn_session_back(struct dqn_session *ds, char *err, size_t errsz)
{
	if (!dqn_history_possible(ds->q)) {
		snprintf(err, errsz, "with prioritized replay a step rewrites "
		    "the priorities of a whole minibatch: there is no going "
		    "back");
		return (-1);
	}
	if (dqn_history_back(&ds->hist, ds->q, &ds->updated) != 0) {
		snprintf(err, errsz, ds->q->step == 0 ? "no step to take back" :
		    "only steps taken one at a time (SPACE, step) can be taken "
		    "back, at most %d", DQN_HISTORY);
		return (-1);
	}
	ds->stopped = ds->q->diverged;
	return (0);
}

/* The settings that take effect without a rebuild. */
static void
apply_live(struct dqn_session *ds)
{
	struct dqn_config	 c = dqn_config_of(&ds->p);
	struct dqn		*q = ds->q;

	q->cfg.learning_starts = c.learning_starts;
	q->cfg.train_freq = c.train_freq;
	q->cfg.target_update = c.target_update;
	q->cfg.tau = c.tau;
	q->cfg.gamma = c.gamma;
	q->cfg.loss = c.loss;
	q->cfg.max_grad_norm = c.max_grad_norm;
	q->cfg.double_dqn = c.double_dqn;
	q->cfg.per_beta = c.per_beta;
	q->cfg.epsilon = c.epsilon;
	q->cfg.eval_every = c.eval_every;
	q->cfg.eval_episodes = c.eval_episodes;
	if (q->cfg.lr != c.lr) {
		q->cfg.lr = c.lr;
		nn_adam_set_lr(q->adam, (float)c.lr);
	}
}

int
dqn_session_set(struct dqn_session *ds, const char *name, const char *value,
    bool *did_reset, char *err, size_t errsz)
{
	struct params		 next = ds->p;
	const struct param	*t;
	struct dqn		*q;

	*did_reset = false;
	if (param_set(&next, name, value, err, errsz) != 0)
		return (-1);
	t = param_find(name);
	if (params_same(&ds->p, &next, t) && strcmp(name, "preset") != 0)
		return (0);
	if (!param_applies(name, SCOPE_DQN)) {
		snprintf(err, errsz, "%s does not apply to agent dqn", name);
		return (-1);
	}
	if (strcmp(name, "agent") == 0 || strcmp(name, "env") == 0) {
		snprintf(err, errsz, "this session runs agent=dqn on "
		    "env=cartpole; open another lesson for %s", value);
		return (-1);
	}
	/* A preset changes several settings, some of them structural. */
	if (t->effect == PE_RESET) {
		if ((q = dqn_new_from(&next, err, errsz)) == NULL)
			return (-1);
		dqn_free(ds->q);
		dqn_history_clear(&ds->hist);
		ds->q = q;
		ds->p = next;
		ds->builds++;
		ds->stopped = false;
		ds->updated = false;
		*did_reset = true;
		return (0);
	}
	ds->p = next;
	apply_live(ds);
	return (0);
}

void
dqn_session_restart(struct dqn_session *ds)
{
	char		 err[256];
	struct dqn	*q = dqn_new_from(&ds->p, err, sizeof err);

	/* It was built from these parameters before; a saved network
	 * that has since gone starts new instead. */
	if (q == NULL) {
		snprintf(ds->p.network, sizeof ds->p.network, "new");
		q = dqn_new_from(&ds->p, err, sizeof err);
	}
	dqn_free(ds->q);
	dqn_history_clear(&ds->hist);
	ds->q = q;
	ds->builds++;
	ds->stopped = false;
	ds->updated = false;
}

int
dqn_session_save(const struct dqn_session *ds, const char *path, char *err,
    size_t errsz)
{
	return (nn_save(dqn_policy_net(ds->q), path, err, errsz));
}

int
dqn_session_load(struct dqn_session *ds, const char *path, char *err,
    size_t errsz)
{
	struct nn	*net;

	net = nn_load(path, &ds->q->cfg.shape, ds->q->cfg.batch, err, errsz);
	if (net == NULL)
		return (-1);
	nn_copy(ds->q->online, net);
	nn_copy(ds->q->target, net);
	if (ds->q->best != NULL)
		nn_copy(ds->q->best, net);
	nn_free(net);
	dqn_history_clear(&ds->hist);
	return (0);
}
