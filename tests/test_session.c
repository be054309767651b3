/* Sessions: reproducible stepping, exact undo, settings, learning. */
#include "testutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "experiment.h"
#include "lesson.h"
#include "metric.h"
#include "session.h"
#include "tmodel.h"

static struct datadir	dirs;

static int
setup_dirs(void **state)
{
	(void)state;
	snprintf(dirs.lessons, sizeof dirs.lessons, "%s/lessons", TOP_SRCDIR);
	snprintf(dirs.maps, sizeof dirs.maps, "%s/data/maps", TOP_SRCDIR);
	return (0);
}

/* The classic tutorial: 4x4, not slippery, alpha 0.8, gamma 0.9,
 * noisy-greedy, at most 99 steps. */
static void
classic_params(struct params *p)
{
	char	 err[256];

	params_defaults(p);
	assert_int_equal(param_assign(p, "alpha=0.8", err, sizeof err), 0);
	assert_int_equal(param_assign(p, "gamma=0.9", err, sizeof err), 0);
	assert_int_equal(param_assign(p, "policy=noisy", err, sizeof err), 0);
	assert_int_equal(param_assign(p, "slippery=0", err, sizeof err), 0);
	assert_int_equal(param_assign(p, "max_steps=99", err, sizeof err), 0);
}

static struct session *
new_session(const struct params *p, size_t undo)
{
	char		 err[256];
	struct session	*s = session_new(p, &dirs, 0, undo, err, sizeof err);

	if (s == NULL)
		print_error("%s\n", err);
	assert_non_null(s);
	return (s);
}

static size_t
table_bytes(const struct session *s)
{
	return ((size_t)s->agent->nstates * s->agent->nactions *
	    sizeof (double));
}

static void
test_session_same_seed_same_run(void **state)
{
	struct params	 p;
	struct session	*a, *b;

	(void)state;
	classic_params(&p);
	a = new_session(&p, 0);
	b = new_session(&p, 100);	/* undo must not change the run */
	session_run(a, 200, 0);
	session_run(b, 200, 0);
	assert_int_equal(a->transitions, b->transitions);
	assert_memory_equal(a->log.reward, b->log.reward, 200 * sizeof
	    (double));
	assert_memory_equal(a->log.steps, b->log.steps, 200 * sizeof
	    (double));
	assert_memory_equal(a->agent->table, b->agent->table, table_bytes(a));
	session_free(a);
	session_free(b);
}

/* Field by field: padding bytes need not agree. */
static void
assert_same_record(const struct td_record *a, const struct td_record *b)
{
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
	assert_true(a->td_error == b->td_error);
	assert_true(a->alpha == b->alpha);
	assert_true(a->gamma == b->gamma);
	assert_true(a->q_new == b->q_new);
}

/*
 * Batch runs without undo take a fast loop; with undo every transition
 * goes through session_step().  Both must give the same everything, for
 * each policy, on slippery ice, with truncation, in slices.
 */
static void
test_session_fast_path_matches_step(void **state)
{
	static const char *const variants[][3] = {
		{ "policy=noisy", "slippery=0", "max_steps=99" },
		{ "policy=egreedy", "slippery=1", "max_steps=0" },
		{ "policy=greedy", "slippery=1", "max_steps=7" },
		{ "policy=random", "slippery=0", "map=8x8" },
		{ "policy=egreedy", "map=bridge", "epsilon=0.5" },
		/* Reward 1 a step: a discounted return far from 0. */
		{ "env=dummy", "policy=egreedy", "max_steps=7" },
	};
	struct params	 p;
	struct session	*fast, *slow;
	char		 err[256];
	size_t		 v;
	int		 i, k;

	(void)state;
	for (v = 0; v < sizeof variants / sizeof variants[0]; v++) {
		classic_params(&p);
		for (k = 0; k < 3; k++)
			assert_int_equal(param_assign(&p, variants[v][k], err,
			    sizeof err), 0);
		fast = new_session(&p, 0);
		slow = new_session(&p, 50);
		for (i = 0; i < 7; i++) {
			/* Odd slices: some end mid-episode. */
			session_run(fast, 23, 1013);
			session_run(slow, 23, 1013);
		}
		assert_true(fast->log.n > 0);
		assert_int_equal(fast->transitions, slow->transitions);
		assert_int_equal(fast->episode, slow->episode);
		assert_int_equal(fast->step, slow->step);
		assert_int_equal(fast->in_episode, slow->in_episode);
		assert_true(fast->ep_reward == slow->ep_reward);
		assert_memory_equal(&fast->ret, &slow->ret, sizeof fast->ret);
		assert_int_equal(fast->log.n, slow->log.n);
		assert_memory_equal(fast->log.reward, slow->log.reward,
		    fast->log.n * sizeof (double));
		assert_memory_equal(fast->log.steps, slow->log.steps,
		    fast->log.n * sizeof (double));
		assert_memory_equal(fast->log.success, slow->log.success,
		    fast->log.n * sizeof (double));
		assert_memory_equal(fast->agent->table, slow->agent->table,
		    table_bytes(fast));
		assert_memory_equal(&fast->rng, &slow->rng, sizeof fast->rng);
		assert_memory_equal(&fast->env->st, &slow->env->st,
		    sizeof fast->env->st);
		assert_same_record(&fast->agent->rec.u.td,
		    &slow->agent->rec.u.td);
		assert_int_equal(fast->last.s, slow->last.s);
		assert_int_equal(fast->last.a, slow->last.a);
		assert_int_equal(fast->last.explored, slow->last.explored);
		assert_int_equal(fast->last.step.s, slow->last.step.s);
		assert_true(fast->last.step.reward == slow->last.step.reward);
		assert_int_equal(fast->last.step.terminated,
		    slow->last.step.terminated);
		assert_int_equal(fast->last.step.truncated,
		    slow->last.step.truncated);
		assert_int_equal(fast->last.step.success,
		    slow->last.step.success);
		session_free(fast);
		session_free(slow);
	}
}

static void
test_session_step_fills_record(void **state)
{
	struct params		 p;
	struct session		*s;
	const struct td_record	*r;

	(void)state;
	classic_params(&p);
	s = new_session(&p, 0);
	assert_int_equal(session_step(s), 0);
	assert_true(s->last.valid);
	assert_int_equal(s->step, 1);
	assert_int_equal(s->transitions, 1);
	assert_int_equal(s->agent->rec.kind, RECORD_TD);
	r = &s->agent->rec.u.td;
	assert_int_equal(r->s, s->last.s);
	assert_int_equal(r->a, s->last.a);
	assert_int_equal(r->s2, s->env->st.s);
	assert_near(r->alpha, 0.8, 0);
	assert_near(agent_row(s->agent, r->s)[r->a], r->q_new, 0);
	session_free(s);
}

static void
test_session_back_restores_exactly(void **state)
{
	struct params	 p;
	struct session	*s, *ref;
	double		*table;
	long		 i, k, n = 3000;

	(void)state;
	classic_params(&p);
	s = new_session(&p, 10000);
	ref = new_session(&p, 0);
	session_run(s, 20, 0);	/* somewhere in the middle of learning */
	session_run(ref, 20, 0);
	table = malloc(table_bytes(s));
	memcpy(table, s->agent->table, table_bytes(s));
	for (i = 0; i < n; i++)
		session_step(s);
	assert_true(s->episode > 20);
	for (i = 0; i < n; i++)
		assert_int_equal(session_back(s), 0);
	assert_memory_equal(s->agent->table, table, table_bytes(s));
	assert_memory_equal(&s->rng, &ref->rng, sizeof s->rng);
	assert_memory_equal(&s->env->st, &ref->env->st, sizeof s->env->st);
	assert_int_equal(s->episode, ref->episode);
	assert_int_equal(s->step, ref->step);
	assert_int_equal(s->transitions, ref->transitions);
	assert_int_equal(s->log.n, ref->log.n);
	assert_int_equal(s->in_episode, ref->in_episode);
	/* Stepping forward again replays the same transitions. */
	for (k = 0; k < n; k++) {
		session_step(s);
		session_step(ref);
	}
	assert_memory_equal(s->agent->table, ref->agent->table,
	    table_bytes(s));
	assert_same_record(&s->agent->rec.u.td, &ref->agent->rec.u.td);
	free(table);
	session_free(s);
	session_free(ref);
}

/*
 * The discounted return by hand on the dummy environment, reward 1 a
 * step: G = 1, 1.9, 2.71, 3.439 with gamma 0.9, each step's term
 * discounted by the gammas in force before it; undo gives each back
 * exactly and a new episode starts it again.
 */
static void
test_session_discounted_return(void **state)
{
	static const double	 want[] = { 1, 1.9, 2.71, 3.439, 4.0951 };
	struct params		 p;
	struct session		*s;
	struct session_return	 saved[5];
	char			 err[256];
	bool			 reset;
	int			 i;

	(void)state;
	params_defaults(&p);
	assert_int_equal(param_assign(&p, "env=dummy", err, sizeof err), 0);
	assert_int_equal(param_assign(&p, "gamma=0.9", err, sizeof err), 0);
	assert_int_equal(param_assign(&p, "max_steps=5", err, sizeof err), 0);
	s = new_session(&p, 100);
	assert_int_equal(s->ret.n, 0);
	assert_true(s->ret.g == 0);
	for (i = 0; i < 5; i++) {
		saved[i] = s->ret;
		assert_int_equal(session_step(s), i == 4 ? 1 : 0);
		assert_int_equal(s->ret.n, i + 1);
		assert_near(s->ret.g, want[i], 1e-12);
		assert_near(s->ret.prev, i > 0 ? want[i - 1] : 0, 1e-12);
		assert_near(s->ret.last_discount, pow(0.9, i), 1e-12);
		assert_true(s->ret.last_reward == 1);
		assert_near(s->ret.discount, pow(0.9, i + 1), 1e-12);
	}
	/* The first terms, for the screen: 1 + 0.9×1 + 0.81×1. */
	for (i = 0; i < SESSION_RETURN_TERMS; i++) {
		assert_near(s->ret.first_discount[i], pow(0.9, i), 1e-12);
		assert_true(s->ret.first_reward[i] == 1);
	}
	/* The episode has ended; its G stays until the next one starts. */
	assert_false(s->in_episode);
	assert_near(s->ret.g, 4.0951, 1e-12);
	/* Undo gives every earlier return back, bit for bit. */
	for (i = 4; i >= 0; i--) {
		assert_int_equal(session_back(s), 0);
		assert_memory_equal(&s->ret, &saved[i], sizeof s->ret);
	}
	/* A new episode starts from 0: the first step gives 1 again. */
	session_finish_episode(s);
	assert_int_equal(session_step(s), 0);
	assert_int_equal(s->ret.n, 1);
	assert_true(s->ret.g == 1);
	/* gamma changed mid-episode: the next terms use the new one. */
	assert_int_equal(session_set(s, "gamma", "0.5", &reset, err,
	    sizeof err), 0);
	assert_false(reset);
	session_step(s);	/* + 0.9 x 1, from the first step's gamma */
	assert_near(s->ret.g, 1.9, 1e-12);
	session_step(s);	/* + 0.9 x 0.5 x 1 */
	assert_near(s->ret.g, 1.9 + 0.45, 1e-12);
	assert_near(s->ret.discount, 0.9 * 0.5 * 0.5, 1e-12);
	/* A reset forgets it. */
	session_reset(s);
	assert_int_equal(s->ret.n, 0);
	assert_true(s->ret.g == 0);
	session_free(s);
}

static void
test_session_history_is_bounded(void **state)
{
	struct params	 p;
	struct session	*s;
	int		 i;

	(void)state;
	classic_params(&p);
	s = new_session(&p, 10000);
	assert_int_equal(session_back(s), -1);
	for (i = 0; i < 12000; i++)
		session_step(s);
	assert_int_equal(session_history(s), 10000);
	for (i = 0; i < 10000; i++)
		assert_int_equal(session_back(s), 0);
	assert_int_equal(session_back(s), -1);
	assert_int_equal(s->transitions, 2000);
	session_free(s);
}

static void
test_session_live_setting_keeps_table(void **state)
{
	struct params	 p;
	struct session	*s;
	double		*table;
	bool		 reset;
	char		 err[256];

	(void)state;
	classic_params(&p);
	s = new_session(&p, 0);
	session_run(s, 50, 0);
	table = malloc(table_bytes(s));
	memcpy(table, s->agent->table, table_bytes(s));
	assert_int_equal(session_set(s, "alpha", "0.5", &reset, err,
	    sizeof err), 0);
	assert_false(reset);
	assert_memory_equal(s->agent->table, table, table_bytes(s));
	assert_near(s->p.alpha, 0.5, 0);
	assert_near(s->agent->cfg.alpha, 0.5, 0);
	assert_int_equal(s->episode, 50);
	session_step(s);
	assert_near(s->agent->rec.u.td.alpha, 0.5, 0);
	free(table);
	session_free(s);
}

static void
test_session_bad_setting_changes_nothing(void **state)
{
	struct params	 p;
	struct session	*s;
	struct params	 before;
	bool		 reset;
	char		 err[256];

	(void)state;
	classic_params(&p);
	s = new_session(&p, 0);
	session_run(s, 10, 0);
	before = s->p;
	assert_int_equal(session_set(s, "alpha", "7", &reset, err,
	    sizeof err), -1);
	assert_string_equal(err, "alpha: 7 not in [0, 1]");
	assert_int_equal(session_set(s, "map", "nosuchmap", &reset, err,
	    sizeof err), -1);
	assert_non_null(strstr(err, "no map named 'nosuchmap'"));
	assert_memory_equal(&s->p, &before, sizeof before);
	assert_int_equal(s->episode, 10);
	assert_int_equal(s->env->nstates, 16);
	session_free(s);
}

static void
test_session_reset_setting_rebuilds(void **state)
{
	struct params	 p;
	struct session	*s;
	bool		 reset;
	char		 err[256];

	(void)state;
	classic_params(&p);
	s = new_session(&p, 100);
	session_run(s, 10, 0);
	assert_int_equal(session_set(s, "map", "8x8", &reset, err,
	    sizeof err), 0);
	assert_true(reset);
	assert_int_equal(s->env->nstates, 64);
	assert_int_equal(s->agent->nstates, 64);
	assert_int_equal(s->episode, 0);
	assert_int_equal(session_history(s), 0);
	/* max_steps=99 still overrides the 8x8 limit of 200. */
	assert_int_equal(s->env->time_limit, 99);
	assert_int_equal(session_set(s, "max_steps", "0", &reset, err,
	    sizeof err), 0);
	assert_int_equal(s->env->time_limit, 200);
	assert_int_equal(session_set(s, "map", "bridge", &reset, err,
	    sizeof err), 0);
	assert_int_equal(s->env->nstates, 21);
	assert_int_equal(s->env->time_limit, 100);
	session_free(s);
}

static void
test_session_max_steps_truncates(void **state)
{
	struct params	 p;
	struct session	*s;
	char		 err[256];
	long		 i;

	(void)state;
	classic_params(&p);
	param_assign(&p, "max_steps=3", err, sizeof err);
	param_assign(&p, "policy=random", err, sizeof err);
	s = new_session(&p, 0);
	session_run(s, 500, 0);
	for (i = 0; i < s->log.n; i++)
		assert_true(s->log.steps[i] >= 1 && s->log.steps[i] <= 3);
	session_free(s);
}

static void
test_session_classic_workload_learns(void **state)
{
	struct params		 p;
	struct experiment	 x;
	struct datadir		 d = dirs;
	char			 err[256];

	(void)state;
	classic_params(&p);
	param_assign(&p, "runs=30", err, sizeof err);
	param_assign(&p, "episodes=500", err, sizeof err);
	param_assign(&p, "eval_episodes=10", err, sizeof err);
	assert_int_equal(experiment_run(&x, &p, &d, NULL, NULL, err,
	    sizeof err), 0);
	assert_true(x.success_tail >= 0.9);
	assert_true(x.eval.success >= 0.9);
	/* The shortest path is 6 steps; random play takes about 8 and
	 * rarely succeeds (about 1.5%). */
	assert_true(x.steps_tail < 7.0);
	assert_true(x.success.mean[0] < 0.2);
	assert_int_equal(x.reward.count, 30);
	experiment_free(&x);
}

static void
test_session_slippery_greedy_near_optimum(void **state)
{
	struct params		 p;
	struct experiment	 x;
	struct datadir		 d = dirs;
	char			 err[256];

	(void)state;
	params_defaults(&p);
	param_assign(&p, "slippery=1", err, sizeof err);
	param_assign(&p, "gamma=0.99", err, sizeof err);
	param_assign(&p, "alpha=0.1", err, sizeof err);
	param_assign(&p, "policy=egreedy", err, sizeof err);
	param_assign(&p, "epsilon=0.1", err, sizeof err);
	param_assign(&p, "episodes=2000", err, sizeof err);
	param_assign(&p, "runs=5", err, sizeof err);
	param_assign(&p, "eval_episodes=2000", err, sizeof err);
	assert_int_equal(experiment_run(&x, &p, &d, NULL, NULL, err,
	    sizeof err), 0);
	/* The optimum is 0.74; a random policy gets about 0.015. */
	assert_true(x.eval.success >= 0.6);
	assert_true(x.eval.success <= 0.78);
	experiment_free(&x);
}

/* session_make_env builds the environment params_env names. */
static void
test_session_make_env_dispatches(void **state)
{
	struct params		 p;
	struct env		*e;
	struct session		*s;
	const struct tm_entry	*o;
	char			 err[256];
	long			 i;
	int			 n;

	(void)state;
	params_defaults(&p);
	assert_int_equal(param_assign(&p, "env=cliffwalking", err,
	    sizeof err), 0);
	assert_int_equal(param_assign(&p, "slippery=0", err, sizeof err), 0);
	e = session_make_env(&p, &dirs, err, sizeof err);
	assert_non_null(e);
	assert_string_equal(e->ops->name, "cliffwalking");
	assert_int_equal(e->nstates, 48);
	assert_int_equal(e->default_time_limit, 0);
	o = tmodel_outcomes(e->model, 36, 1, &n);
	assert_int_equal(n, 1);
	assert_true(o[0].reward == -100.0);
	env_free(e);
	param_assign(&p, "slippery=1", err, sizeof err);
	e = session_make_env(&p, &dirs, err, sizeof err);
	tmodel_outcomes(e->model, 36, 1, &n);
	assert_int_equal(n, 3);
	env_free(e);

	assert_int_equal(param_assign(&p, "env=dummy", err, sizeof err), 0);
	assert_int_equal(param_assign(&p, "states=7", err, sizeof err), 0);
	assert_int_equal(param_assign(&p, "actions=2", err, sizeof err), 0);
	e = session_make_env(&p, &dirs, err, sizeof err);
	assert_non_null(e);
	assert_string_equal(e->ops->name, "dummy");
	assert_int_equal(e->nstates, 7);
	assert_int_equal(e->nactions, 2);
	assert_int_equal(e->default_time_limit, 100);
	env_free(e);
	/* states=1 and actions=0 are out of range. */
	assert_int_equal(param_assign(&p, "states=1", err, sizeof err), -1);
	assert_int_equal(param_assign(&p, "actions=0", err, sizeof err), -1);
	/* In range each, but too big a model together. */
	param_assign(&p, "states=1000", err, sizeof err);
	param_assign(&p, "actions=100", err, sizeof err);
	assert_null(session_make_env(&p, &dirs, err, sizeof err));
	assert_non_null(strstr(err, "use fewer states or actions"));

	/* max_steps ends the dummy's episodes, which never terminate. */
	param_assign(&p, "states=5", err, sizeof err);
	param_assign(&p, "actions=3", err, sizeof err);
	param_assign(&p, "max_steps=7", err, sizeof err);
	s = new_session(&p, 0);
	assert_int_equal(session_run(s, 20, 0), 20);
	for (i = 0; i < s->log.n; i++) {
		assert_true(s->log.steps[i] == 7);
		assert_true(s->log.reward[i] == 7);
		assert_true(s->log.success[i] == 0);
	}
	session_free(s);
}

/* Sutton and Barto's Example 6.6: Q-learning's greedy policy takes the
 * 13-step path along the cliff edge. */
static void
test_session_cliffwalking_qlearning_learns(void **state)
{
	struct params		 p;
	struct experiment	 x;
	struct datadir		 d = dirs;
	char			 err[256];

	(void)state;
	params_defaults(&p);
	param_assign(&p, "env=cliffwalking", err, sizeof err);
	param_assign(&p, "slippery=0", err, sizeof err);
	param_assign(&p, "alpha=0.5", err, sizeof err);
	param_assign(&p, "epsilon=0.1", err, sizeof err);
	param_assign(&p, "gamma=1", err, sizeof err);
	param_assign(&p, "episodes=500", err, sizeof err);
	param_assign(&p, "runs=5", err, sizeof err);
	param_assign(&p, "eval_episodes=10", err, sizeof err);
	assert_int_equal(experiment_run(&x, &p, &d, NULL, NULL, err,
	    sizeof err), 0);
	assert_true(x.eval.success == 1.0);
	assert_near(x.eval.reward, -13.0, 0);
	/* Online, exploration walks into the cliff now and then. */
	assert_true(x.success_tail == 1.0);
	experiment_free(&x);
}

/* Without a time limit a greedy policy can walk into a wall for ever:
 * the evaluation cuts such episodes short. */
static void
test_session_evaluate_without_time_limit_ends(void **state)
{
	struct params		 p;
	struct session		*s;
	struct eval_result	 r;
	char			 err[256];

	(void)state;
	params_defaults(&p);
	param_assign(&p, "env=cliffwalking", err, sizeof err);
	param_assign(&p, "slippery=0", err, sizeof err);
	s = new_session(&p, 0);
	assert_int_equal(s->env->time_limit, 0);
	/* Greedy at the start: down, into the wall. */
	s->agent->table[36 * 4 + 2] = 1.0;
	r = session_evaluate(s, 2);
	assert_true(r.success == 0);
	assert_true(r.steps > 1000);
	assert_true(r.reward == -r.steps);
	session_free(s);
}

static void
test_session_metrics(void **state)
{
	struct params	 p;
	struct session	*s;
	double		 v;
	char		 err[256];

	(void)state;
	classic_params(&p);
	s = new_session(&p, 0);
	assert_int_equal(metric_lookup(s, "success_last100", -1, NULL, &v, err,
	    sizeof err), 0);
	assert_near(v, 0.0, 0);
	assert_int_equal(metric_lookup(s, "alpha", -1, NULL, &v, err,
	    sizeof err), 0);
	assert_near(v, 0.8, 0);
	assert_int_equal(metric_lookup(s, "policy", -1, "noisy", &v, err,
	    sizeof err), 0);
	assert_near(v, 1, 0);
	assert_int_equal(metric_lookup(s, "greedy", 14, "right", &v, err,
	    sizeof err), 0);
	assert_near(v, 2, 0);
	assert_int_equal(metric_lookup(s, "greedy", 14, "north", &v, err,
	    sizeof err), -1);
	assert_string_equal(err, "greedy: 'north' is not an action");
	assert_int_equal(metric_lookup(s, "greedy", 99, NULL, &v, err,
	    sizeof err), -1);
	assert_int_equal(metric_check("greedy", -1, err, sizeof err), -1);
	assert_string_equal(err, "greedy needs a state, e.g. greedy(0)");
	assert_int_equal(metric_check("alpha", 3, err, sizeof err), -1);
	assert_int_equal(metric_check("nosuch", -1, err, sizeof err), -1);
	assert_string_equal(err, "unknown metric 'nosuch'");
	session_run(s, 200, 0);
	assert_int_equal(metric_lookup(s, "episodes_done", -1, NULL, &v, err,
	    sizeof err), 0);
	assert_near(v, 200, 0);
	assert_int_equal(metric_lookup(s, "steps_last100", -1, NULL, &v, err,
	    sizeof err), 0);
	assert_near(v, session_tail_mean(s, s->log.steps, 100), 0);
	session_free(s);
}

/* A lesson's checkpoint (the last of the classic fixture) fails before
 * training and holds after it, evaluated on the real session. */
static void
test_session_lesson_checkpoint(void **state)
{
	struct params			 p;
	struct session			*s;
	struct lesson			*l;
	const struct lesson_check	*check = NULL;
	char				 err[256];
	const char			*path = test_data_path(
					    "lessons/classic.lesson");
	int				 i;

	(void)state;
	l = lesson_load(path, err, sizeof err);
	assert_non_null(l);
	for (i = 0; i < l->npages; i++)
		if (l->pages[i].check != NULL)
			check = l->pages[i].check;
	assert_non_null(check);
	classic_params(&p);
	s = new_session(&p, 0);
	assert_int_equal(lesson_check_eval(check, metric_lookup, s, err,
	    sizeof err), 0);
	session_run(s, 500, 0);
	assert_int_equal(lesson_check_eval(check, metric_lookup, s, err,
	    sizeof err), 1);
	session_free(s);
	lesson_free(l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_session_same_seed_same_run),
		cmocka_unit_test(test_session_fast_path_matches_step),
		cmocka_unit_test(test_session_step_fills_record),
		cmocka_unit_test(test_session_back_restores_exactly),
		cmocka_unit_test(test_session_discounted_return),
		cmocka_unit_test(test_session_history_is_bounded),
		cmocka_unit_test(test_session_live_setting_keeps_table),
		cmocka_unit_test(test_session_bad_setting_changes_nothing),
		cmocka_unit_test(test_session_reset_setting_rebuilds),
		cmocka_unit_test(test_session_max_steps_truncates),
		cmocka_unit_test(test_session_classic_workload_learns),
		cmocka_unit_test(test_session_slippery_greedy_near_optimum),
		cmocka_unit_test(test_session_make_env_dispatches),
		cmocka_unit_test(test_session_cliffwalking_qlearning_learns),
		cmocka_unit_test(test_session_evaluate_without_time_limit_ends),
		cmocka_unit_test(test_session_metrics),
		cmocka_unit_test(test_session_lesson_checkpoint),
	};

	return (cmocka_run_group_tests(tests, setup_dirs, NULL));
}
