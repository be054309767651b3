/* Q-learning, SARSA and Expected SARSA on a table of action values. */
#include <stddef.h>

#include "tabular.h"

static struct policy_choice	ql_act(struct agent *, int, long,
				    struct rng *);
static void			ql_learn(struct agent *, int, int, bool,
				    const struct env_step *, long,
				    struct rng *, struct journal *);
static int			ql_greedy(struct agent *, int, struct rng *);
static struct policy_choice	sarsa_act(struct agent *, int, long,
				    struct rng *);
static void			sarsa_learn(struct agent *, int, int, bool,
				    const struct env_step *, long,
				    struct rng *, struct journal *);
static void			esarsa_learn(struct agent *, int, int, bool,
				    const struct env_step *, long,
				    struct rng *, struct journal *);

const struct agent_ops qlearning_ops = {
	.name = "qlearning",
	.act = ql_act,
	.learn = ql_learn,
	.greedy = ql_greedy,
};

const struct agent_ops sarsa_ops = {
	.name = "sarsa",
	.act = sarsa_act,
	.learn = sarsa_learn,
	.greedy = ql_greedy,
};

const struct agent_ops expected_sarsa_ops = {
	.name = "expected_sarsa",
	.act = ql_act,
	.learn = esarsa_learn,
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

void
sarsa_update(double *q, int nactions, int s, int a, int a2,
    const struct env_step *st, double alpha, double gamma,
    struct journal *j, struct td_record *rec)
{
	sarsa_compute(q, nactions, s, a, a2, st, alpha, gamma, rec);
	journal_write(j, q + (size_t)s * nactions + a, rec->q_new);
}

void
expected_sarsa_update(double *q, int nactions, int s, int a,
    const struct env_step *st, double alpha, double gamma, double epsilon,
    struct journal *j, struct td_record *rec)
{
	expected_sarsa_compute(q, nactions, s, a, st, alpha, gamma, epsilon,
	    rec);
	journal_write(j, q + (size_t)s * nactions + a, rec->q_new);
}

double
expected_sarsa_epsilon(enum policy_kind kind, double epsilon)
{
	switch (kind) {
	case POLICY_EGREEDY:
		return (epsilon);
	case POLICY_RANDOM:
		return (1.0);
	case POLICY_NOISY:
	case POLICY_GREEDY:
		break;
	}
	return (0.0);
}

static struct policy_choice
ql_act(struct agent *ag, int s, long episode, struct rng *r)
{
	return (policy_select(ag->cfg.policy, agent_row(ag, s), ag->nactions,
	    ag->cfg.epsilon, episode, r));
}

static void
ql_learn(struct agent *ag, int s, int a, bool explored,
    const struct env_step *st, long episode, struct rng *r,
    struct journal *j)
{
	(void)episode;
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

/* The pending a' if the last update chose one, else a fresh choice. */
static struct policy_choice
sarsa_act(struct agent *ag, int s, long episode, struct rng *r)
{
	struct policy_choice	 c;

	if (ag->pending < 0)
		return (ql_act(ag, s, episode, r));
	c.action = ag->pending;
	c.explored = ag->pending_explored;
	ag->pending = -1;
	return (c);
}

/* a' is chosen from Q(s',.) as it was before this update changes
 * Q(s,a), which matters when s' = s. */
static void
sarsa_learn(struct agent *ag, int s, int a, bool explored,
    const struct env_step *st, long episode, struct rng *r,
    struct journal *j)
{
	struct policy_choice	 next = { -1, 0 };

	ag->pending = -1;
	if (!st->terminated)
		next = ql_act(ag, st->s, episode, r);
	ag->rec.kind = RECORD_TD;
	sarsa_update(ag->table, ag->nactions, s, a, next.action, st,
	    ag->cfg.alpha, ag->cfg.gamma, j, &ag->rec.u.td);
	ag->rec.u.td.explored = explored;
	if (!st->terminated && !st->truncated) {
		ag->pending = next.action;
		ag->pending_explored = next.explored;
	}
}

static void
esarsa_learn(struct agent *ag, int s, int a, bool explored,
    const struct env_step *st, long episode, struct rng *r,
    struct journal *j)
{
	(void)episode;
	(void)r;
	ag->rec.kind = RECORD_TD;
	expected_sarsa_update(ag->table, ag->nactions, s, a, st,
	    ag->cfg.alpha, ag->cfg.gamma,
	    expected_sarsa_epsilon(ag->cfg.policy, ag->cfg.epsilon), j,
	    &ag->rec.u.td);
	ag->rec.u.td.explored = explored;
}
