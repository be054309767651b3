/* Q-learning on a table of action values. */
#include <stddef.h>

#include "tabular.h"

static struct policy_choice	ql_act(struct agent *, int, long,
				    struct rng *);
static void			ql_learn(struct agent *, int, int, bool,
				    const struct env_step *, struct rng *,
				    struct journal *);
static int			ql_greedy(struct agent *, int, struct rng *);

const struct agent_ops qlearning_ops = {
	.name = "qlearning",
	.act = ql_act,
	.learn = ql_learn,
	.greedy = ql_greedy,
};

void
qlearning_update(double *q, int nactions, int s, int a,
    const struct env_step *st, double alpha, double gamma,
    struct journal *j, struct td_record *rec)
{
	qlearning_compute(q, nactions, s, a, st, alpha, gamma, rec);
	journal_write(j, q + (size_t)s * nactions + a, rec->q_new);
}

static struct policy_choice
ql_act(struct agent *ag, int s, long episode, struct rng *r)
{
	return (policy_select(ag->cfg.policy, agent_row(ag, s), ag->nactions,
	    ag->cfg.epsilon, episode, r));
}

static void
ql_learn(struct agent *ag, int s, int a, bool explored,
    const struct env_step *st, struct rng *r, struct journal *j)
{
	(void)r;
	ag->rec.kind = RECORD_TD;
	qlearning_update(ag->table, ag->nactions, s, a, st, ag->cfg.alpha,
	    ag->cfg.gamma, j, &ag->rec.u.td);
	ag->rec.u.td.explored = explored;
}

static int
ql_greedy(struct agent *ag, int s, struct rng *r)
{
	return (policy_argmax(agent_row(ag, s), ag->nactions, r));
}
