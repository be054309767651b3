/* Q-learning updates checked against arithmetic done by hand. */
#include "testutil.h"

#include <string.h>

#include "agent.h"
#include "journal.h"
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
	ag->ops->learn(ag, 14, 2, true, &st, NULL, NULL);
	assert_int_equal(ag->rec.kind, RECORD_TD);
	assert_int_equal(ag->rec.u.td.s, 14);
	assert_int_equal(ag->rec.u.td.a, 2);
	assert_true(ag->rec.u.td.explored);
	assert_near(agent_row(ag, 14)[2], 0.8, 1e-15);
	/* A change of alpha takes effect from the next update. */
	ag->cfg.alpha = 0.5;
	ag->ops->learn(ag, 14, 2, false, &st, NULL, NULL);
	assert_near(ag->rec.u.td.alpha, 0.5, 0);
	assert_near(agent_row(ag, 14)[2], 0.9, 1e-15);
	agent_clear(ag);
	assert_near(agent_row(ag, 14)[2], 0.0, 0);
	agent_free(ag);
	assert_null(agent_new("nosuch", 16, NA, &cfg, err, sizeof err));
	assert_string_equal(err, "agent: unknown kind 'nosuch'");
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
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
