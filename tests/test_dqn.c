/* DQN: targets by hand, the steps it takes, and a short training run. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "dqn-session.h"
#include "dqn.h"
#include "env_cartpole.h"

static struct dqn_config
config(void)
{
	struct dqn_config	 c;

	memset(&c, 0, sizeof c);
	c.shape.nin = 4;
	c.shape.nhidden = 2;
	c.shape.hidden[0] = 64;
	c.shape.hidden[1] = 64;
	c.shape.nout = 2;
	c.buffer = 100000;
	c.learning_starts = 1000;
	c.train_freq = 2;
	c.target_update = 10;
	c.tau = 1;
	c.batch = 64;
	c.lr = 1e-3;
	c.gamma = 0.99;
	c.loss = NN_MSE;
	c.epsilon.kind = SCHEDULE_LINEAR;
	c.epsilon.start = 1;
	c.epsilon.end = 0.04;
	c.epsilon.fraction = 0.1;
	c.epsilon.total = 80000;
	c.total_steps = 80000;
	c.eval_every = 5000;
	c.eval_episodes = 10;
	c.per_alpha = 0.6;
	c.per_beta = 0.4;
	c.seed = 1;
	return (c);
}

static void
test_target_by_hand(void **state)
{
	float	 qt[2] = { 3.0f, 5.0f };	/* target net at s' */
	float	 qo[2] = { 7.0f, 1.0f };	/* online net at s' */
	int	 a;

	(void)state;
	/* Plain DQN: the target network picks and values. */
	assert_true(dqn_target(1.0f, false, 0.5, qt, qt, 2, &a) ==
	    1.0f + 0.5f * 5.0f);
	assert_int_equal(a, 1);
	/* Double DQN: the online network picks action 0, the target
	 * network values it: 3, not the 5 plain DQN takes. */
	assert_true(dqn_target(1.0f, false, 0.5, qo, qt, 2, &a) ==
	    1.0f + 0.5f * 3.0f);
	assert_int_equal(a, 0);
	/* A terminal next state bootstraps nothing. */
	assert_true(dqn_target(1.0f, true, 0.5, qt, qt, 2, &a) == 1.0f);
	/* Negative values: the max is still the max. */
	qt[0] = -2;
	qt[1] = -4;
	assert_true(dqn_target(0.0f, false, 1.0, qt, qt, 2, &a) == -2.0f);
}

/* Truncated transitions go into the buffer as not terminal, so they
 * bootstrap; the pole falling is terminal. */
static void
test_buffer_keeps_truncation_apart(void **state)
{
	struct dqn_config	 c = config();
	struct dqn		*q;
	char			 err[256];
	long			 i, terminal = 0, ends = 0;

	(void)state;
	c.learning_starts = 1000000;	/* no learning: just collect */
	c.eval_every = 0;
	q = dqn_new(&c, err, sizeof err);
	assert_non_null(q);
	for (i = 0; i < 3000; i++)
		if (dqn_step(q) == 1)
			ends++;
	for (i = 0; i < q->buf->size; i++)
		terminal += q->buf->terminated[i];
	/* Random actions never balance 500 steps: every end is a fall. */
	assert_int_equal(terminal, ends);
	assert_int_equal(q->episodes, ends);
	assert_int_equal(q->nreturns, ends);
	assert_int_equal(q->updates, 0);
	assert_int_equal(q->buf->size, 3000);
	/* Epsilon is 1 at the start: every action explored. */
	assert_true(q->last_act.explored);
	dqn_free(q);
}

/* Updates happen every train_freq steps once learning starts; the
 * record holds real numbers. */
static void
test_update_cadence_and_record(void **state)
{
	struct dqn_config	 c = config();
	struct dqn		*q;
	const struct dqn_sample	*sm;
	char			 err[256];
	int			 i;

	(void)state;
	c.eval_every = 0;
	q = dqn_new(&c, err, sizeof err);
	assert_non_null(q);
	for (i = 0; i < 1000; i++)
		dqn_step(q);
	assert_int_equal(q->updates, 0);
	assert_false(q->last_update.valid);
	for (i = 0; i < 100; i++)
		dqn_step(q);
	assert_int_equal(q->updates, 50);
	assert_true(q->last_update.valid);
	assert_true(isfinite(q->last_update.loss));
	assert_true(q->last_update.grad_norm > 0);
	for (i = 0; i < DQN_RECORD_SAMPLES; i++) {
		sm = &q->last_update.sample[i];
		if (sm->terminated)
			assert_true(sm->target == sm->r);
		else
			assert_true(sm->target == sm->r + (float)c.gamma *
			    sm->q_next[sm->a_next]);
	}
	dqn_free(q);
}

/* Ten thousand steps are enough to do far better than random (about
 * 22) and better than the untrained network. */
static void
test_short_training_learns(void **state)
{
	struct dqn_config	 c = config();
	struct dqn		*q;
	struct dqn_eval		 before, after;
	char			 err[256];

	(void)state;
	c.total_steps = c.epsilon.total = 15000;
	c.eval_every = 0;
	q = dqn_new(&c, err, sizeof err);
	assert_non_null(q);
	before = dqn_evaluate(q, q->online, 10, 1);
	while (q->step < 15000)
		assert_true(dqn_step(q) >= 0);
	after = dqn_evaluate(q, q->online, 10, 1);
	print_message("greedy return %.1f before, %.1f after 15000 steps\n",
	    before.mean, after.mean);
	assert_true(after.mean > 100);
	assert_true(after.mean > 3 * before.mean);
	dqn_free(q);
}

/* The same seed, the same run. */
static void
test_reproducible(void **state)
{
	struct dqn_config	 c = config();
	struct dqn		*a, *b;
	char			 err[256];
	int			 i;

	(void)state;
	c.eval_every = 0;
	a = dqn_new(&c, err, sizeof err);
	b = dqn_new(&c, err, sizeof err);
	for (i = 0; i < 2000; i++) {
		dqn_step(a);
		dqn_step(b);
	}
	assert_true(a->last_update.loss == b->last_update.loss);
	assert_int_equal(a->episodes, b->episodes);
	dqn_free(a);
	dqn_free(b);
}

/* A loss that is not finite stops training, without a crash. */
static void
test_divergence_stops(void **state)
{
	struct dqn_config	 c = config();
	struct dqn		*q;
	char			 err[256];
	long			 i;
	int			 rc = 0;

	(void)state;
	c.eval_every = 0;
	c.learning_starts = 100;
	c.lr = 1e30;		/* Adam's steps blow the weights up */
	c.gamma = 1;
	q = dqn_new(&c, err, sizeof err);
	assert_non_null(q);
	for (i = 0; i < 20000 && rc >= 0; i++)
		rc = dqn_step(q);
	assert_int_equal(rc, -1);
	assert_true(q->diverged);
	assert_int_equal(dqn_step(q), -1);
	dqn_free(q);
}

/* back puts everything as it was: weights, Adam, target, the buffer,
 * the random state; stepping again gives the same steps. */
static void
test_back_is_exact(void **state)
{
	struct params		 p;
	struct dqn_session	*ds;
	float			*w, *m, loss;
	char			 err[256];
	size_t			 np;
	long			 step, next;
	int			 i;

	(void)state;
	params_defaults(&p);
	assert_int_equal(param_set(&p, "env", "cartpole", err, sizeof err), 0);
	assert_int_equal(param_set(&p, "agent", "dqn", err, sizeof err), 0);
	assert_int_equal(param_set(&p, "eval_every", "1003", err, sizeof err),
	    0);
	assert_int_equal(param_set(&p, "eval_episodes", "2", err,
	    sizeof err), 0);
	ds = dqn_session_new(&p, err, sizeof err);
	assert_non_null(ds);
	for (i = 0; i < 1000; i++)
		dqn_session_step(ds);
	np = ds->q->online->nparams;
	w = malloc(np * sizeof *w);
	m = malloc(np * sizeof *m);
	memcpy(w, ds->q->online->params, np * sizeof *w);
	memcpy(m, ds->q->adam->m, np * sizeof *m);
	step = ds->q->step;
	next = ds->q->buf->next;
	/* Steps 1001 to 1010: gradient steps and an evaluation at 1003. */
	for (i = 0; i < 10; i++)
		dqn_session_step_undoable(ds);
	assert_int_equal(ds->q->updates, 5);
	assert_int_equal(ds->q->nevals, 1);
	loss = ds->q->last_update.loss;
	for (i = 0; i < 10; i++)
		assert_int_equal(dqn_session_back(ds, err, sizeof err), 0);
	assert_int_equal(dqn_session_back(ds, err, sizeof err), -1);
	assert_int_equal(ds->q->step, step);
	assert_int_equal(ds->q->updates, 0);
	assert_int_equal(ds->q->nevals, 0);
	assert_int_equal(ds->q->buf->next, next);
	assert_memory_equal(w, ds->q->online->params, np * sizeof *w);
	assert_memory_equal(m, ds->q->adam->m, np * sizeof *m);
	for (i = 0; i < 10; i++)
		dqn_session_step_undoable(ds);
	assert_true(ds->q->last_update.loss == loss);
	/* Run mode keeps no history. */
	dqn_session_step(ds);
	assert_int_equal(dqn_session_back(ds, err, sizeof err), -1);
	assert_non_null(strstr(err, "one at a time"));
	free(w);
	free(m);
	dqn_session_free(ds);
}

static void
test_bad_config(void **state)
{
	struct dqn_config	 c = config();
	char			 err[256];

	(void)state;
	c.buffer = 10;
	assert_null(dqn_new(&c, err, sizeof err));
	assert_non_null(strstr(err, "buffer"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_target_by_hand),
		cmocka_unit_test(test_buffer_keeps_truncation_apart),
		cmocka_unit_test(test_update_cadence_and_record),
		cmocka_unit_test(test_reproducible),
		cmocka_unit_test(test_divergence_stops),
		cmocka_unit_test(test_back_is_exact),
		cmocka_unit_test(test_bad_config),
		cmocka_unit_test(test_short_training_learns),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
