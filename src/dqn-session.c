/* DQN's configuration from the parameters, and its starting network. */
#include <stdio.h>
#include <string.h>

#include "dqn-session.h"
#include "env_cartpole.h"

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
