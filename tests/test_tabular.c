/* Q-learning, SARSA and Expected SARSA updates checked against
 * arithmetic done by hand, and SARSA's next action in a session. */
#include "testutil.h"

#include <string.h>

#include "agent.h"
#include "journal.h"
#include "session.h"
#include "tabular.h"

#define NA 4

static void
test_tabular_qlearning_bootstraps_from_max(void **state)
{
	double		 q[3 * NA] = { 0 };
	struct env_step	 st = { .s = 2, .reward = 0.0 };
	struct td_record rec;

	(void)state;
	q[0 * NA + 1] = 0.1;
	q[2 * NA + 0] = 0.5;
	q[2 * NA + 1] = 0.2;
	q[2 * NA + 2] = 0.64;
	q[2 * NA + 3] = 0.1;
	qlearning_update(q, NA, 0, 1, &st, 0.8, 0.9, NULL, &rec);
	/* target = 0 + 0.9 * 0.64 = 0.576; td = 0.476;
	 * Q = 0.1 + 0.8 * 0.476 = 0.4808. */
	assert_near(rec.next_value, 0.64, 0);
	assert_near(rec.target, 0.576, 1e-15);
	assert_near(rec.td_error, 0.476, 1e-15);
	assert_near(rec.q_old, 0.1, 0);
	assert_near(rec.q_new, 0.4808, 1e-15);
	assert_near(q[0 * NA + 1], 0.4808, 1e-15);
	assert_int_equal(rec.s, 0);
	assert_int_equal(rec.a, 1);
	assert_int_equal(rec.s2, 2);
	assert_int_equal(rec.a2, -1);
	assert_near(rec.alpha, 0.8, 0);
	assert_near(rec.gamma, 0.9, 0);
	/* Nothing else changed. */
	assert_near(q[2 * NA + 2], 0.64, 0);
	assert_near(q[0], 0.0, 0);
}

static void
test_tabular_qlearning_terminal_bootstraps_nothing(void **state)
{
	double		 q[2 * NA];
	struct env_step	 st = { .s = 1, .reward = 1.0, .terminated = true };
	struct td_record rec;
	int		 i;

	(void)state;
	for (i = 0; i < 2 * NA; i++)
		q[i] = 5.0;	/* junk in the terminal row must not count */
	q[0 * NA + 2] = 0.3;
	qlearning_update(q, NA, 0, 2, &st, 0.8, 0.9, NULL, &rec);
	/* target = 1; td = 0.7; Q = 0.3 + 0.8 * 0.7 = 0.86. */
	assert_true(rec.terminated);
	assert_near(rec.target, 1.0, 0);
	assert_near(rec.td_error, 0.7, 1e-15);
	assert_near(q[2], 0.86, 1e-15);
}

static void
test_tabular_qlearning_truncated_still_bootstraps(void **state)
{
	double		 q[2 * NA] = { 0 };
	struct env_step	 st = { .s = 1, .reward = 0.0, .truncated = true };
	struct td_record rec;

	(void)state;
	q[1 * NA + 3] = 0.5;
	qlearning_update(q, NA, 0, 0, &st, 0.5, 0.9, NULL, &rec);
	/* The time limit is not the end of the task: target = 0.9 * 0.5. */
	assert_true(rec.truncated);
	assert_false(rec.terminated);
	assert_near(rec.target, 0.45, 1e-15);
	assert_near(q[0], 0.225, 1e-15);
}

static void
test_tabular_qlearning_alpha_one_and_zero(void **state)
{
	double		 q[2 * NA] = { 0 };
	struct env_step	 st = { .s = 1, .reward = 1.0 };
	struct td_record rec;

	(void)state;
	q[1 * NA + 0] = 2.0;
	/* The course's single-update demo: eta = 1, gamma = 0.5. */
	qlearning_update(q, NA, 0, 3, &st, 1.0, 0.5, NULL, &rec);
	assert_near(q[3], 2.0, 1e-15);
	qlearning_update(q, NA, 0, 3, &st, 0.0, 0.5, NULL, &rec);
	assert_near(q[3], 2.0, 0);
	assert_near(rec.td_error, 0.0, 1e-15);
}

static void
test_tabular_qlearning_journal_undoes(void **state)
{
	double		 q[2 * NA] = { 0 };
	struct env_step	 st = { .s = 1, .reward = 1.0, .terminated = true };
	struct td_record rec;
	struct journal	*j = journal_new(8, 32, 1);

	(void)state;
	q[1] = 0.25;
	journal_begin(j);
	qlearning_update(q, NA, 0, 1, &st, 0.5, 0.9, j, &rec);
	assert_near(q[1], 0.625, 1e-15);
	assert_non_null(journal_undo(j));
	assert_true(q[1] == 0.25);
	journal_free(j);
}

static void
test_tabular_agent_learn_fills_record(void **state)
{
	struct agent_config	 cfg = { 0.8, 0.9, 0.1, POLICY_GREEDY };
	struct agent		*ag;
	struct env_step		 st = { .s = 15, .reward = 1.0,
				    .terminated = true, .success = true };
	char			 err[128];

	(void)state;
	ag = agent_new("qlearning", 16, NA, &cfg, err, sizeof err);
	assert_non_null(ag);
	ag->ops->learn(ag, 14, 2, true, &st, 0, NULL, NULL);
	assert_int_equal(ag->rec.kind, RECORD_TD);
	assert_int_equal(ag->rec.u.td.s, 14);
	assert_int_equal(ag->rec.u.td.a, 2);
	assert_true(ag->rec.u.td.explored);
	assert_near(agent_row(ag, 14)[2], 0.8, 1e-15);
	/* A change of alpha takes effect from the next update. */
	ag->cfg.alpha = 0.5;
	ag->ops->learn(ag, 14, 2, false, &st, 0, NULL, NULL);
	assert_near(ag->rec.u.td.alpha, 0.5, 0);
	assert_near(agent_row(ag, 14)[2], 0.9, 1e-15);
	agent_clear(ag);
	assert_near(agent_row(ag, 14)[2], 0.0, 0);
	agent_free(ag);
	assert_null(agent_new("nosuch", 16, NA, &cfg, err, sizeof err));
	assert_string_equal(err, "agent: unknown kind 'nosuch'");
}

/* A row of s' with a best action (2) that SARSA's a' need not be. */
static void
fill_next_row(double *q)
{
	q[2 * NA + 0] = 0.5;
	q[2 * NA + 1] = 0.2;
	q[2 * NA + 2] = 0.64;
	q[2 * NA + 3] = 0.1;
}

static void
test_tabular_sarsa_bootstraps_from_next_action(void **state)
{
	double		 q[3 * NA] = { 0 };
	struct env_step	 st = { .s = 2, .reward = 0.0 };
	struct td_record rec;

	(void)state;
	q[0 * NA + 1] = 0.1;
	fill_next_row(q);
	sarsa_update(q, NA, 0, 1, 0, &st, 0.8, 0.9, NULL, &rec);
	/* a' = 0, not the best action 2: target = 0 + 0.9 * 0.5 = 0.45;
	 * td = 0.35; Q = 0.1 + 0.8 * 0.35 = 0.38. */
	assert_int_equal(rec.rule, TD_SARSA);
	assert_int_equal(rec.a2, 0);
	assert_near(rec.next_value, 0.5, 0);
	assert_near(rec.target, 0.45, 1e-15);
	assert_near(rec.td_error, 0.35, 1e-15);
	assert_near(rec.q_new, 0.38, 1e-15);
	assert_near(q[0 * NA + 1], 0.38, 1e-15);
	assert_int_equal(rec.s, 0);
	assert_int_equal(rec.a, 1);
	assert_int_equal(rec.s2, 2);
	/* With a' = 2 it is Q-learning's target. */
	sarsa_update(q, NA, 0, 1, 2, &st, 0.8, 0.9, NULL, &rec);
	assert_near(rec.next_value, 0.64, 0);
	assert_near(rec.target, 0.576, 1e-15);
	/* Q = 0.38 + 0.8 * (0.576 - 0.38) = 0.5368. */
	assert_near(q[0 * NA + 1], 0.5368, 1e-15);
	assert_near(q[2 * NA + 2], 0.64, 0);
}

static void
test_tabular_sarsa_terminal_bootstraps_nothing(void **state)
{
	double		 q[2 * NA];
	struct env_step	 st = { .s = 1, .reward = 1.0, .terminated = true };
	struct td_record rec;
	int		 i;

	(void)state;
	for (i = 0; i < 2 * NA; i++)
		q[i] = 5.0;	/* junk in the terminal row must not count */
	q[0 * NA + 2] = 0.3;
	sarsa_update(q, NA, 0, 2, 3, &st, 0.8, 0.9, NULL, &rec);
	/* No a' after the end: target = 1; Q = 0.3 + 0.8 * 0.7 = 0.86. */
	assert_true(rec.terminated);
	assert_int_equal(rec.a2, -1);
	assert_near(rec.next_value, 0.0, 0);
	assert_near(rec.target, 1.0, 0);
	assert_near(rec.td_error, 0.7, 1e-15);
	assert_near(q[2], 0.86, 1e-15);
}

static void
test_tabular_sarsa_truncated_still_bootstraps(void **state)
{
	double		 q[2 * NA] = { 0 };
	struct env_step	 st = { .s = 1, .reward = 0.0, .truncated = true };
	struct td_record rec;

	(void)state;
	q[1 * NA + 3] = 0.5;
	q[1 * NA + 1] = 0.25;
	sarsa_update(q, NA, 0, 0, 1, &st, 0.5, 0.9, NULL, &rec);
	/* The time limit is not the end: target = 0.9 * Q(1,1) = 0.225. */
	assert_true(rec.truncated);
	assert_false(rec.terminated);
	assert_int_equal(rec.a2, 1);
	assert_near(rec.next_value, 0.25, 0);
	assert_near(rec.target, 0.225, 1e-15);
	assert_near(q[0], 0.1125, 1e-15);
}

static void
test_tabular_sarsa_journal_undoes(void **state)
{
	double		 q[2 * NA] = { 0 };
	struct env_step	 st = { .s = 1, .reward = 1.0 };
	struct td_record rec;
	struct journal	*j = journal_new(8, 32, 1);

	(void)state;
	q[1] = 0.25;
	q[1 * NA + 1] = 0.25;
	journal_begin(j);
	sarsa_update(q, NA, 0, 1, 1, &st, 0.5, 0.5, j, &rec);
	/* 0.25 + 0.5 * (1 + 0.5 * Q(1,1) - 0.25) = 0.6875. */
	assert_near(q[1], 0.6875, 1e-15);
	assert_non_null(journal_undo(j));
	assert_true(q[1] == 0.25);
	journal_free(j);
}

/* The agent chooses a' while learning, keeps it, and acts with it. */
static void
test_tabular_sarsa_agent_keeps_next_action(void **state)
{
	struct agent_config	 cfg = { 0.5, 0.9, 0.1, POLICY_GREEDY };
	struct agent		*ag;
	struct env_step		 mid = { .s = 2, .reward = 0.0 };
	struct env_step		 end = { .s = 3, .reward = 1.0,
				    .terminated = true, .success = true };
	struct env_step		 cut = { .s = 2, .reward = 0.0,
				    .truncated = true };
	struct policy_choice	 c;
	struct rng		 r, before;
	char			 err[128];

	(void)state;
	rng_seed(&r, 7, 0);
	ag = agent_new("sarsa", 4, NA, &cfg, err, sizeof err);
	assert_non_null(ag);
	assert_int_equal(ag->pending, -1);
	fill_next_row(ag->table);
	agent_row(ag, 0)[1] = 0.1;
	/* Greedy in s' = 2 with a unique best: a' = 2. */
	ag->ops->learn(ag, 0, 1, true, &mid, 0, &r, NULL);
	assert_int_equal(ag->rec.u.td.rule, TD_SARSA);
	assert_int_equal(ag->rec.u.td.a2, 2);
	assert_true(ag->rec.u.td.explored);	/* about a, not a' */
	assert_near(ag->rec.u.td.next_value, 0.64, 0);
	assert_near(agent_row(ag, 0)[1], 0.1 + 0.5 * (0.576 - 0.1), 1e-15);
	assert_int_equal(ag->pending, 2);
	assert_false(ag->pending_explored);
	/* act() returns it without a draw, once. */
	before = r;
	c = ag->ops->act(ag, 2, 0, &r);
	assert_int_equal(c.action, 2);
	assert_int_equal(c.explored, 0);
	assert_memory_equal(&r, &before, sizeof r);
	assert_int_equal(ag->pending, -1);
	/* Terminated: no a', nothing pending. */
	ag->ops->learn(ag, 2, 2, false, &end, 0, &r, NULL);
	assert_int_equal(ag->rec.u.td.a2, -1);
	assert_int_equal(ag->pending, -1);
	/* Truncated: a' for the target only. */
	ag->ops->learn(ag, 0, 1, false, &cut, 0, &r, NULL);
	assert_int_equal(ag->rec.u.td.a2, 2);
	assert_int_equal(ag->pending, -1);
	/* agent_clear() forgets a pending action. */
	ag->ops->learn(ag, 0, 1, false, &mid, 0, &r, NULL);
	assert_int_equal(ag->pending, 2);
	agent_clear(ag);
	assert_int_equal(ag->pending, -1);
	agent_free(ag);
}

static void
test_tabular_expected_sarsa_expectation_by_hand(void **state)
{
	double		 q[3 * NA] = { 0 }, pi[NA];
	struct env_step	 st = { .s = 2, .reward = 0.0 };
	struct td_record rec;

	(void)state;
	q[0 * NA + 3] = 0.1;
	/* Two actions tie for the best. */
	q[2 * NA + 0] = 0.5;
	q[2 * NA + 1] = 0.8;
	q[2 * NA + 2] = 0.8;
	q[2 * NA + 3] = 0.2;
	/* epsilon = 0.1: 0.1 / 4 = 0.025 each, and 0.9 / 2 = 0.45 more
	 * for each of the two best. */
	tabular_egreedy_probs(q + 2 * NA, NA, 0.1, pi);
	assert_near(pi[0], 0.025, 1e-15);
	assert_near(pi[1], 0.475, 1e-15);
	assert_near(pi[2], 0.475, 1e-15);
	assert_near(pi[3], 0.025, 1e-15);
	expected_sarsa_update(q, NA, 0, 3, &st, 0.5, 0.9, 0.1, NULL, &rec);
	/* E = 0.025 * 0.5 + 0.475 * 0.8 + 0.475 * 0.8 + 0.025 * 0.2
	 *   = 0.0125 + 0.76 + 0.005 = 0.7775; target = 0.9 * 0.7775 =
	 * 0.69975; Q = 0.1 + 0.5 * (0.69975 - 0.1) = 0.399875. */
	assert_int_equal(rec.rule, TD_EXPECTED_SARSA);
	assert_int_equal(rec.a2, -1);
	assert_near(rec.next_value, 0.7775, 1e-15);
	assert_near(rec.target, 0.69975, 1e-15);
	assert_near(rec.td_error, 0.59975, 1e-15);
	assert_near(rec.q_new, 0.399875, 1e-15);
	assert_near(q[3], 0.399875, 1e-15);
	/* epsilon = 0 is Q-learning's max, epsilon = 1 the mean. */
	assert_near(tabular_egreedy_expectation(q + 2 * NA, NA, 0.0), 0.8,
	    1e-15);
	assert_near(tabular_egreedy_expectation(q + 2 * NA, NA, 1.0), 0.575,
	    1e-15);
	/* A row of equal values: all tie, pi uniform whatever epsilon. */
	tabular_egreedy_probs(q + 1 * NA, NA, 0.3, pi);
	assert_near(pi[0], 0.25, 1e-15);
	assert_near(pi[3], 0.25, 1e-15);
}

static void
test_tabular_expected_sarsa_terminal_and_truncated(void **state)
{
	double		 q[2 * NA] = { 0 };
	struct env_step	 end = { .s = 1, .reward = 1.0, .terminated = true };
	struct env_step	 cut = { .s = 1, .reward = 0.0, .truncated = true };
	struct td_record rec;

	(void)state;
	q[1 * NA + 0] = 0.4;
	q[0 * NA + 2] = 0.3;
	expected_sarsa_update(q, NA, 0, 2, &end, 0.8, 0.9, 0.2, NULL, &rec);
	/* Terminated: target = r = 1; Q = 0.3 + 0.8 * 0.7 = 0.86. */
	assert_true(rec.terminated);
	assert_near(rec.target, 1.0, 0);
	assert_near(q[2], 0.86, 1e-15);
	/* Truncated bootstraps: E = 0.05 * 0.4 + 0.8 * 0.4 = 0.34 (0.4 is
	 * the best alone: 0.2 / 4 + 0.8); target = 0.9 * 0.34 = 0.306;
	 * Q(0,0) = 0 + 0.5 * 0.306 = 0.153. */
	expected_sarsa_update(q, NA, 0, 0, &cut, 0.5, 0.9, 0.2, NULL, &rec);
	assert_true(rec.truncated);
	assert_near(rec.next_value, 0.34, 1e-15);
	assert_near(rec.target, 0.306, 1e-15);
	assert_near(q[0], 0.153, 1e-15);
}

/* Which epsilon-greedy policy the expectation is over, per policy. */
static void
test_tabular_expected_sarsa_policies(void **state)
{
	struct agent_config	 cfg = { 0.5, 0.9, 0.3, POLICY_EGREEDY };
	struct agent		*ag;
	struct env_step		 st = { .s = 1, .reward = 0.0 };
	char			 err[128];

	(void)state;
	assert_near(expected_sarsa_epsilon(POLICY_EGREEDY, 0.3), 0.3, 0);
	assert_near(expected_sarsa_epsilon(POLICY_NOISY, 0.3), 0.0, 0);
	assert_near(expected_sarsa_epsilon(POLICY_GREEDY, 0.3), 0.0, 0);
	assert_near(expected_sarsa_epsilon(POLICY_RANDOM, 0.3), 1.0, 0);
	ag = agent_new("expected_sarsa", 2, NA, &cfg, err, sizeof err);
	assert_non_null(ag);
	agent_row(ag, 1)[1] = 0.8;
	/* egreedy 0.3: 0.3 / 4 * 0.8 + 0.7 * 0.8 = 0.62. */
	ag->ops->learn(ag, 0, 0, false, &st, 0, NULL, NULL);
	assert_near(ag->rec.u.td.next_value, 0.62, 1e-15);
	assert_int_equal(ag->pending, -1);
	ag->cfg.policy = POLICY_NOISY;
	ag->ops->learn(ag, 0, 0, false, &st, 0, NULL, NULL);
	assert_near(ag->rec.u.td.next_value, 0.8, 0);
	ag->cfg.policy = POLICY_RANDOM;
	ag->ops->learn(ag, 0, 0, false, &st, 0, NULL, NULL);
	assert_near(ag->rec.u.td.next_value, 0.2, 1e-15);
	agent_free(ag);
}

/* A session of the given agent: FrozenLake 4x4, slippery, egreedy. */
static struct session *
sarsa_session(const char *agent, size_t undo)
{
	struct datadir	 dirs;
	struct params	 p;
	struct session	*s;
	char		 err[256], set[64];

	memset(&dirs, 0, sizeof dirs);
	snprintf(dirs.maps, sizeof dirs.maps, "%s/data/maps", TOP_SRCDIR);
	params_defaults(&p);
	snprintf(set, sizeof set, "agent=%s", agent);
	assert_int_equal(param_assign(&p, set, err, sizeof err), 0);
	assert_int_equal(param_assign(&p, "policy=egreedy", err, sizeof err),
	    0);
	assert_int_equal(param_assign(&p, "epsilon=0.3", err, sizeof err), 0);
	assert_int_equal(param_assign(&p, "alpha=0.5", err, sizeof err), 0);
	assert_int_equal(param_assign(&p, "max_steps=20", err, sizeof err),
	    0);
	s = session_new(&p, &dirs, 0, undo, err, sizeof err);
	if (s == NULL)
		print_error("%s\n", err);
	assert_non_null(s);
	return (s);
}

/* Field by field: padding bytes need not agree. */
static void
assert_same_record(const struct td_record *a, const struct td_record *b)
{
	assert_int_equal(a->rule, b->rule);
	assert_int_equal(a->s, b->s);
	assert_int_equal(a->a, b->a);
	assert_int_equal(a->s2, b->s2);
	assert_int_equal(a->a2, b->a2);
	assert_int_equal(a->terminated, b->terminated);
	assert_int_equal(a->truncated, b->truncated);
	assert_int_equal(a->explored, b->explored);
	assert_true(a->r == b->r);
	assert_true(a->q_old == b->q_old);
	assert_true(a->next_value == b->next_value);
	assert_true(a->target == b->target);
	assert_true(a->q_new == b->q_new);
}

/* Within an episode, step k + 1 takes the a' of step k's record, with
 * its exploring flag; a new episode chooses afresh. */
static void
test_tabular_sarsa_next_action_is_taken(void **state)
{
	struct session		*s = sarsa_session("sarsa", 0);
	struct td_record	 prev;
	bool			 prev_explored = false, have = false;
	long			 i, checked = 0, fresh = 0, explored = 0;

	(void)state;
	for (i = 0; i < 5000; i++) {
		session_step(s);
		if (have) {
			assert_int_equal(s->last.s, prev.s2);
			assert_int_equal(s->last.a, prev.a2);
			assert_int_equal(s->last.explored, prev_explored);
			explored += prev_explored;
			checked++;
		} else
			fresh++;
		prev = s->agent->rec.u.td;
		assert_int_equal(prev.s, s->last.s);
		assert_int_equal(prev.a, s->last.a);
		assert_int_equal(prev.explored, s->last.explored);
		/* a' is chosen unless the episode terminated. */
		assert_true(prev.terminated ? prev.a2 == -1 : prev.a2 >= 0);
		have = !prev.terminated && !prev.truncated;
		assert_int_equal(s->agent->pending, have ? prev.a2 : -1);
		prev_explored = s->agent->pending_explored;
	}
	assert_int_equal(fresh, s->episode + (s->in_episode ? 1 : 0));
	assert_true(checked > 1000 && explored > 100);
	session_free(s);
}

/* Step, step, back, step: the pending action comes back with the rest,
 * so the replayed step is the same as the first time. */
static void
test_tabular_sarsa_undo_restores_pending(void **state)
{
	struct session		*s = sarsa_session("sarsa", 100);
	struct td_record	 first[200];
	int			 pending;
	bool			 pending_explored;
	long			 i, k;

	(void)state;
	for (i = 0; i < 200; i++) {
		session_step(s);
		session_step(s);
		first[i] = s->agent->rec.u.td;
		pending = s->agent->pending;
		pending_explored = s->agent->pending_explored;
		assert_int_equal(session_back(s), 0);
		session_step(s);
		assert_same_record(&s->agent->rec.u.td, &first[i]);
		assert_int_equal(s->agent->pending, pending);
		assert_int_equal(s->agent->pending_explored,
		    pending_explored);
	}
	/* Back over many steps, across episode ends, and forward again. */
	for (k = 0; k < 50; k++)
		assert_int_equal(session_back(s), 0);
	for (k = 0; k < 50; k++)
		session_step(s);
	assert_same_record(&s->agent->rec.u.td, &first[199]);
	session_free(s);
}

/* The same seed gives the same records, with undo or without. */
static void
test_tabular_sarsa_reproducible(void **state)
{
	static const char *const agents[] = { "sarsa", "expected_sarsa" };
	struct session	*a, *b;
	size_t		 i, k;

	(void)state;
	for (i = 0; i < 2; i++) {
		a = sarsa_session(agents[i], 0);
		b = sarsa_session(agents[i], 100);
		for (k = 0; k < 3000; k++) {
			session_step(a);
			session_step(b);
			assert_same_record(&a->agent->rec.u.td,
			    &b->agent->rec.u.td);
		}
		assert_memory_equal(a->agent->table, b->agent->table,
		    16 * NA * sizeof (double));
		session_run(a, 200, 0);
		session_run(b, 200, 0);
		assert_int_equal(a->transitions, b->transitions);
		assert_memory_equal(a->agent->table, b->agent->table,
		    16 * NA * sizeof (double));
		session_free(a);
		session_free(b);
	}
}

static void
test_tabular_expected_sarsa_in_session(void **state)
{
	struct session		*s = sarsa_session("expected_sarsa", 0);
	const struct td_record	*u = &s->agent->rec.u.td;
	double			 row[NA], e;
	long			 i;

	(void)state;
	session_run(s, 50, 0);
	for (i = 0; i < 500; i++) {
		/* The row of s' before the update changes it (s' = s). */
		session_step(s);
		memcpy(row, agent_row(s->agent, u->s2), sizeof row);
		if (u->s2 == u->s)
			row[u->a] = u->q_old;
		e = tabular_egreedy_expectation(row, NA, 0.3);
		assert_int_equal(u->rule, TD_EXPECTED_SARSA);
		assert_int_equal(u->a2, -1);
		assert_true(u->next_value == e);
		assert_int_equal(s->agent->pending, -1);
	}
	session_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tabular_qlearning_bootstraps_from_max),
		cmocka_unit_test(test_tabular_qlearning_terminal_bootstraps_nothing),
		cmocka_unit_test(test_tabular_qlearning_truncated_still_bootstraps),
		cmocka_unit_test(test_tabular_qlearning_alpha_one_and_zero),
		cmocka_unit_test(test_tabular_qlearning_journal_undoes),
		cmocka_unit_test(test_tabular_agent_learn_fills_record),
		cmocka_unit_test(test_tabular_sarsa_bootstraps_from_next_action),
		cmocka_unit_test(test_tabular_sarsa_terminal_bootstraps_nothing),
		cmocka_unit_test(test_tabular_sarsa_truncated_still_bootstraps),
		cmocka_unit_test(test_tabular_sarsa_journal_undoes),
		cmocka_unit_test(test_tabular_sarsa_agent_keeps_next_action),
		cmocka_unit_test(test_tabular_sarsa_next_action_is_taken),
		cmocka_unit_test(test_tabular_sarsa_undo_restores_pending),
		cmocka_unit_test(test_tabular_sarsa_reproducible),
		cmocka_unit_test(test_tabular_expected_sarsa_expectation_by_hand),
		cmocka_unit_test(test_tabular_expected_sarsa_terminal_and_truncated),
		cmocka_unit_test(test_tabular_expected_sarsa_policies),
		cmocka_unit_test(test_tabular_expected_sarsa_in_session),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
