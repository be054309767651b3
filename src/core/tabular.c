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

static double
row_max(const double *q, int n)
{
	double	 m = q[0];
	int	 i;

	for (i = 1; i < n; i++)
		if (q[i] > m)
			m = q[i];
	return (m);
}

void
qlearning_update(double *q, int nactions, int s, int a,
    const struct env_step *st, double alpha, double gamma,
    struct journal *j, struct td_record *rec)
{
	double	*cell = q + (size_t)s * nactions + a;

	rec->s = s;
	rec->a = a;
	rec->r = st->reward;
	rec->s2 = st->s;
	rec->a2 = -1;
	rec->terminated = st->terminated;
	rec->truncated = st->truncated;
	rec->q_old = *cell;
	rec->next_value = row_max(q + (size_t)st->s * nactions, nactions);
	rec->alpha = alpha;
	rec->gamma = gamma;
	/* A terminated transition has no future to bootstrap from. */
	rec->target = st->terminated ? st->reward :
	    st->reward + gamma * rec->next_value;
	rec->td_error = rec->target - rec->q_old;
	rec->q_new = rec->q_old + alpha * rec->td_error;
	journal_write(j, cell, rec->q_new);
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
