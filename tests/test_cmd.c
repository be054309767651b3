/* Prompt commands, run on a real tutor with the FrozenLake lesson. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "dqn-session.h"
#include "fqi-session.h"
#include "metric.h"
#include "lesson.h"
#include "planning.h"
#include "session.h"
#include "tutor.h"

struct fixture {
	struct lesson	*lesson;
	struct params	 p;	/* the lesson's, as the tutor started */
	struct datadir	 dirs;
	struct tutor	*t;
	struct cmd_out	 out;
};

/* A fixture on one of the lessons in tests/data/lessons. */
static struct fixture *
fixture_on(const char *lesson)
{
	struct fixture	*f = calloc(1, sizeof *f);
	char		 err[512], path[4096];

	assert_non_null(f);
	snprintf(f->dirs.lessons, sizeof f->dirs.lessons, "%s/lessons",
	    TOP_SRCDIR);
	snprintf(f->dirs.maps, sizeof f->dirs.maps, "%s/data/maps", TOP_SRCDIR);
	snprintf(path, sizeof path, "%s/tests/data/lessons/%s", TOP_SRCDIR,
	    lesson);
	f->lesson = lesson_load(path, err, sizeof err);
	if (f->lesson == NULL)
		print_error("%s\n", err);
	assert_non_null(f->lesson);
	params_defaults(&f->p);
	assert_int_equal(tutor_apply_lesson(&f->p, f->lesson, &f->dirs, err,
	    sizeof err), 0);
	f->t = tutor_new(f->lesson, &f->p, &f->dirs, err, sizeof err);
	if (f->t == NULL)
		print_error("%s\n", err);
	assert_non_null(f->t);
	return (f);
}

static int
setup(void **state)
{
	/* A fixture, not the real lesson: its pages may change. */
	*state = fixture_on("classic.lesson");
	return (0);
}

static int
teardown(void **state)
{
	struct fixture	*f = *state;

	cmd_out_free(&f->out);
	tutor_free(f->t);
	lesson_free(f->lesson);
	free(f);
	return (0);
}

/* Run a line that must succeed; its output is dropped first. */
static void
run_ok(struct fixture *f, const char *line)
{
	int	 rc;

	cmd_out_free(&f->out);
	rc = cmd_run(f->t, line, &f->out);
	if (rc != 0 || f->t->msg_error)
		print_error("'%s': %s\n", line, f->t->msg);
	assert_int_equal(rc, 0);
	assert_false(f->t->msg_error);
}

/* Run a line that must fail with exactly the message want. */
static void
run_err(struct fixture *f, const char *line, const char *want)
{
	cmd_out_free(&f->out);
	assert_int_equal(cmd_run(f->t, line, &f->out), -1);
	assert_true(f->t->msg_error);
	assert_string_equal(f->t->msg, want);
}

/* The same, with the message holding `part'. */
static void
run_err_has(struct fixture *f, const char *line, const char *part)
{
	cmd_out_free(&f->out);
	assert_int_equal(cmd_run(f->t, line, &f->out), -1);
	assert_true(f->t->msg_error);
	if (strstr(f->t->msg, part) == NULL)
		print_error("'%s' lacks '%s'\n", f->t->msg, part);
	assert_non_null(strstr(f->t->msg, part));
}

static size_t
table_bytes(const struct session *s)
{
	return ((size_t)s->agent->nstates * s->agent->nactions *
	    sizeof (double));
}

static double *
copy_table(const struct session *s)
{
	double	*c = malloc(table_bytes(s));

	memcpy(c, s->agent->table, table_bytes(s));
	return (c);
}

static bool
table_is_zero(const struct session *s)
{
	int	 i;

	for (i = 0; i < s->agent->nstates * s->agent->nactions; i++)
		if (s->agent->table[i] != 0)
			return (false);
	return (true);
}

/* A session of its own with the tutor's starting parameters. */
static struct session *
reference(struct fixture *f, const struct params *p)
{
	char		 err[512];
	struct session	*s = session_new(p, &f->dirs, 0, 0, err, sizeof err);

	assert_non_null(s);
	return (s);
}

static int
count_lines(const char *text)
{
	int	 n = 0;

	for (; *text != '\0'; text++)
		n += *text == '\n';
	return (n);
}

/* Whether text has a line starting with start. */
static bool
has_line_starting(const char *text, const char *start)
{
	const char	*line = text;
	size_t		 len = strlen(start);

	while (line != NULL && *line != '\0') {
		if (strncmp(line, start, len) == 0)
			return (true);
		if ((line = strchr(line, '\n')) != NULL)
			line++;
	}
	return (false);
}

static void
test_cmd_prefix_matching(void **state)
{
	struct fixture	*f = *state;
	char		 err[256];

	assert_string_equal(cmd_find("st", err, sizeof err)->name, "step");
	assert_string_equal(cmd_find("ep", err, sizeof err)->name, "episode");
	assert_string_equal(cmd_find("pag", err, sizeof err)->name, "page");
	assert_string_equal(cmd_find("sh", err, sizeof err)->name, "show");
	/* An exact name or alias beats the prefixes it is also one of. */
	assert_string_equal(cmd_find("set", err, sizeof err)->name, "set");
	assert_string_equal(cmd_find("q", err, sizeof err)->name, "quit");
	assert_null(cmd_find("s", err, sizeof err));
	assert_string_equal(err,
	    "ambiguous command: s, could be: set, show, step, seed, sweep, "
	    "solve, save-dataset, save-network");
	assert_null(cmd_find("se", err, sizeof err));
	assert_string_equal(err, "ambiguous command: se, could be: set, seed");
	assert_null(cmd_find("foo", err, sizeof err));
	assert_string_equal(err, "unknown command: foo");
	assert_null(cmd_find("stepx", err, sizeof err));
	assert_string_equal(err, "unknown command: stepx");

	/* Through cmd_run: the prefix runs the command. */
	run_ok(f, "ep");
	assert_int_equal(f->t->s->log.n, 1);
	run_err(f, "r", "ambiguous command: r, could be: run, reset");
	run_err(f, "foo 1 2", "unknown command: foo");
	assert_int_equal(f->t->s->log.n, 1);
}

static void
test_cmd_usage_errors(void **state)
{
	struct fixture	*f = *state;

	run_err(f, "set", "usage: set NAME VALUE");
	run_err(f, "set alpha 0.5 0.6", "usage: set NAME VALUE");
	run_err(f, "set alpha", "usage: set NAME VALUE");
	run_err(f, "set =0.5", "usage: set NAME VALUE");
	run_err(f, "pause now", "usage: pause");
	run_err(f, "step 1 2", "usage: step [N]");
	run_err(f, "seed", "usage: seed N");
	run_err(f, "page", "usage: page N");
	run_err(f, "quit now", "usage: quit");
	run_err(f, "help a b", "usage: help [COMMAND]");
	run_err(f, "step 1 2 3 4 5 6 7 8 9 10 11", "usage: step [N]");
	assert_int_equal(f->t->s->transitions, 0);
	assert_false(f->t->quit);
	assert_near(f->t->s->p.alpha, 0.8, 0);
}

static void
test_cmd_numbers_are_strict(void **state)
{
	struct fixture	*f = *state;

	run_err(f, "step x", "step: 'x' is not a whole number from 1 to "
	    "1000000");
	run_err(f, "step 5x", "step: '5x' is not a whole number from 1 to "
	    "1000000");
	run_err(f, "step 0", "step: '0' is not a whole number from 1 to "
	    "1000000");
	run_err(f, "step -1", "step: '-1' is not a whole number from 1 to "
	    "1000000");
	run_err(f, "step +5", "step: '+5' is not a whole number from 1 to "
	    "1000000");
	run_err(f, "step 1000001", "step: '1000001' is not a whole number "
	    "from 1 to 1000000");
	run_err(f, "step 99999999999999999999999", "step: "
	    "'99999999999999999999999' is not a whole number from 1 to "
	    "1000000");
	run_err(f, "back 1.5", "back: '1.5' is not a whole number from 1 to "
	    "1000000");
	run_err(f, "episode 0x10", "episode: '0x10' is not a whole number "
	    "from 1 to 1000000");
	run_err(f, "run -1", "run: '-1' is not a whole number from 0 to "
	    "1000000");
	run_err(f, "page 4", "page: '4' is not a whole number from 1 to 3");
	run_err(f, "page 0", "page: '0' is not a whole number from 1 to 3");
	assert_int_equal(f->t->s->transitions, 0);
	assert_false(f->t->running);
	assert_int_equal(f->t->page, 0);
}

static void
test_cmd_set_live_keeps_table(void **state)
{
	struct fixture	*f = *state;
	struct session	*s = f->t->s;
	double		*table;
	long		 transitions;

	run_ok(f, "episode 200");
	assert_false(table_is_zero(s));
	table = copy_table(s);
	transitions = s->transitions;
	run_ok(f, "set alpha 0.5");
	assert_string_equal(f->t->msg,
	    "alpha = 0.5 (from the next transition; the Q-table is kept)");
	assert_memory_equal(s->agent->table, table, table_bytes(s));
	assert_int_equal(s->transitions, transitions);
	assert_int_equal(s->episode, 200);
	assert_near(s->p.alpha, 0.5, 0);
	run_ok(f, "step");
	assert_int_equal(s->agent->rec.kind, RECORD_TD);
	assert_near(s->agent->rec.u.td.alpha, 0.5, 0);
	assert_near(agent_row(s->agent, s->agent->rec.u.td.s)
	    [s->agent->rec.u.td.a], s->agent->rec.u.td.q_new, 0);
	free(table);
}

static void
test_cmd_set_reset_parameter_clears(void **state)
{
	struct fixture	*f = *state;
	struct session	*s;

	run_ok(f, "episode 200");
	assert_false(table_is_zero(f->t->s));
	run_ok(f, "set map 8x8");
	assert_string_equal(f->t->msg,
	    "map = 8x8: the agent starts again (Q-table cleared)");
	s = f->t->s;
	assert_int_equal(s->env->nstates, 64);
	assert_int_equal(s->agent->nstates, 64);
	assert_true(table_is_zero(s));
	assert_int_equal(s->transitions, 0);
	assert_int_equal(s->episode, 0);
	assert_int_equal(s->log.n, 0);
	assert_int_equal(session_history(s), 0);
	run_ok(f, "episode 5");
	run_ok(f, "set slippery 1");
	assert_string_equal(f->t->msg,
	    "slippery = 1: the agent starts again (Q-table cleared)");
	assert_int_equal(f->t->s->log.n, 0);
	assert_true(f->t->s->p.slippery);
}

static void
test_cmd_set_batch_parameter(void **state)
{
	struct fixture	*f = *state;
	struct session	*s = f->t->s;
	double		*table;

	run_ok(f, "episode 3");
	table = copy_table(s);
	run_ok(f, "set runs 7");
	assert_string_equal(f->t->msg,
	    "runs = 7 (used by batch runs and comparisons)");
	assert_int_equal(s->p.runs, 7);
	assert_int_equal(s->log.n, 3);
	assert_memory_equal(s->agent->table, table, table_bytes(s));
	free(table);
}

static void
test_cmd_set_bad_value_changes_nothing(void **state)
{
	struct fixture	*f = *state;
	struct session	*s = f->t->s;
	struct params	 before;
	double		*table;

	run_ok(f, "episode 5");
	memcpy(&before, &s->p, sizeof before);
	table = copy_table(s);
	run_err(f, "set alpha 7", "alpha: 7 not in [0, 1]");
	run_err(f, "set alpha=x", "alpha: 'x' is not a number");
	run_err(f, "set nosuch 1", "unknown parameter 'nosuch'");
	run_err(f, "set policy bogus",
	    "policy: 'bogus' is not one of egreedy|noisy|greedy|random");
	run_err(f, "seed -3", "seed: -3 not in [0, 9007199254740992]");
	cmd_out_free(&f->out);
	assert_int_equal(cmd_run(f->t, "set map nosuchmap", &f->out), -1);
	assert_true(f->t->msg_error);
	assert_non_null(strstr(f->t->msg, "no map named 'nosuchmap'"));
	assert_ptr_equal(f->t->s, s);
	assert_memory_equal(&s->p, &before, sizeof before);
	assert_memory_equal(s->agent->table, table, table_bytes(s));
	assert_int_equal(s->log.n, 5);
	assert_int_equal(s->env->nstates, 16);
	free(table);
}

static void
test_cmd_set_assignment_form(void **state)
{
	struct fixture	*f = *state;

	run_ok(f, "set alpha=0.3");
	assert_near(f->t->s->p.alpha, 0.3, 0);
	assert_string_equal(f->t->msg,
	    "alpha = 0.3 (from the next transition; the Q-table is kept)");
	run_ok(f, "  set   policy=greedy  ");
	assert_int_equal(f->t->s->p.policy, POLICY_GREEDY);
}

static void
test_cmd_show_lists_every_parameter(void **state)
{
	struct fixture		*f = *state;
	const struct param	*p;
	char			 start[64];
	int			 n = 0;

	run_ok(f, "show");
	assert_non_null(f->out.text);
	/* Every parameter a tabular agent reads, and no other. */
	for (p = param_table; p->name != NULL; p++) {
		snprintf(start, sizeof start, "%s = ", p->name);
		if (!param_applies(p->name, SCOPE_TABULAR)) {
			assert_false(has_line_starting(f->out.text, start));
			continue;
		}
		n++;
		if (!has_line_starting(f->out.text, start))
			print_error("no line for %s in:\n%s", p->name,
			    f->out.text);
		assert_true(has_line_starting(f->out.text, start));
	}
	assert_int_equal(count_lines(f->out.text), n);
	/* The lesson's values, not the defaults, with their ranges. */
	assert_true(has_line_starting(f->out.text, "alpha = 0.8 "));
	assert_non_null(strstr(f->out.text, "[0, 1]\n"));
	assert_true(has_line_starting(f->out.text, "map = 4x4 "));
	/* In table order. */
	assert_true(strstr(f->out.text, "agent = ") <
	    strstr(f->out.text, "threads = "));
}

static void
test_cmd_show_one_parameter(void **state)
{
	struct fixture	*f = *state;

	run_ok(f, "show alpha");
	assert_string_equal(f->out.text,
	    "alpha = 0.8\n"
	    "  range:   [0, 1]\n"
	    "  default: 0.1\n"
	    "  effect:  live: from the next transition; the Q-table is kept\n"
	    "  Step size: how far one update moves Q(s,a) toward its "
	    "target.\n");
	run_ok(f, "show map");
	assert_true(has_line_starting(f->out.text, "map = 4x4\n"));
	assert_non_null(strstr(f->out.text, "effect:  reset"));
	run_ok(f, "show runs");
	assert_true(has_line_starting(f->out.text, "runs = 30\n"));
	assert_non_null(strstr(f->out.text, "  default: 1\n"));
	assert_non_null(strstr(f->out.text, "effect:  batch"));
	run_err(f, "show x", "unknown parameter 'x'");
}

static void
test_cmd_step_advances(void **state)
{
	struct fixture	*f = *state;
	struct session	*ref = reference(f, &f->p);
	int		 i;

	run_ok(f, "step");
	assert_int_equal(f->t->s->transitions, 1);
	assert_string_equal(f->t->msg, "step: 1 transition, episode 1 step 1");
	run_ok(f, "step 5");
	assert_int_equal(f->t->s->transitions, 6);
	/* The same transitions as a session stepped by hand. */
	for (i = 0; i < 6; i++)
		session_step(ref);
	assert_memory_equal(&f->t->s->rng, &ref->rng, sizeof ref->rng);
	assert_memory_equal(&f->t->s->env->st, &ref->env->st,
	    sizeof ref->env->st);
	assert_int_equal(f->t->s->step, ref->step);
	run_ok(f, "step 400");
	assert_int_equal(f->t->s->transitions, 406);
	for (i = 0; i < 400; i++)
		session_step(ref);
	assert_memory_equal(f->t->s->agent->table, ref->agent->table,
	    table_bytes(ref));
	assert_true(ref->episode > 1);
	assert_non_null(strstr(f->t->msg, "episodes ended"));
	session_free(ref);
}

static void
test_cmd_back_restores_exactly(void **state)
{
	struct fixture		*f = *state;
	struct session		*s = f->t->s;
	struct env_state	 env;
	struct rng		 rng;
	double			*table;
	long			 episode, step, transitions, logged;
	bool			 in_episode;

	run_ok(f, "episode 5");
	run_ok(f, "step 3");
	table = copy_table(s);
	memcpy(&env, &s->env->st, sizeof env);
	rng = s->rng;
	episode = s->episode;
	step = s->step;
	transitions = s->transitions;
	logged = s->log.n;
	in_episode = s->in_episode;
	run_ok(f, "step 37");
	assert_true(s->episode > episode);
	run_ok(f, "back 37");
	assert_string_equal(f->t->msg, "back: 37 transitions, episode 6 step 3");
	assert_memory_equal(s->agent->table, table, table_bytes(s));
	assert_memory_equal(&s->env->st, &env, sizeof env);
	assert_memory_equal(&s->rng, &rng, sizeof rng);
	assert_int_equal(s->episode, episode);
	assert_int_equal(s->step, step);
	assert_int_equal(s->transitions, transitions);
	assert_int_equal(s->log.n, logged);
	assert_int_equal(s->in_episode, in_episode);
	free(table);
}

static void
test_cmd_back_partial_history(void **state)
{
	struct fixture	*f = *state;

	run_err(f, "back", "back: no history to undo");
	run_ok(f, "step 3");
	run_ok(f, "back 10");
	assert_string_equal(f->t->msg, "back: only 3 transitions of history");
	assert_int_equal(f->t->s->transitions, 0);
	assert_true(table_is_zero(f->t->s));
	run_err(f, "back", "back: no history to undo");
	run_ok(f, "step 2");
	run_ok(f, "back");
	assert_string_equal(f->t->msg, "back: 1 transition, episode 1 step 1");
	assert_int_equal(f->t->s->transitions, 1);
}

/* The message names the outcome the environment's cell shows. */
static void
assert_episode_message(const struct session *s, const char *msg)
{
	char	 want[256];
	long	 steps = (long)s->log.steps[s->log.n - 1];
	int	 cell = s->env->st.s;

	/* 4x4: holes at 5, 7, 11 and 12, the goal at 15. */
	if (cell == 15)
		snprintf(want, sizeof want, "episode %ld: reached the goal in "
		    "%ld steps, reward 1", s->log.n, steps);
	else if (cell == 5 || cell == 7 || cell == 11 || cell == 12)
		snprintf(want, sizeof want, "episode %ld: fell in a hole after "
		    "%ld step%s", s->log.n, steps, steps == 1 ? "" : "s");
	else
		snprintf(want, sizeof want, "episode %ld: truncated after %ld "
		    "step%s", s->log.n, steps, steps == 1 ? "" : "s");
	assert_string_equal(msg, want);
}

static void
test_cmd_episode_ends_episode(void **state)
{
	struct fixture	*f = *state;
	struct session	*s = f->t->s;
	bool		 goal = false, hole = false;
	long		 i, goals = 0;
	char		 want[128];

	run_ok(f, "step 2");
	assert_true(s->in_episode);
	assert_int_equal(s->log.n, 0);
	run_ok(f, "episode");
	assert_int_equal(s->log.n, 1);
	assert_false(s->in_episode);
	assert_episode_message(s, f->t->msg);
	/* Play on until both endings have been told. */
	for (i = 0; i < 300 && !(goal && hole); i++) {
		run_ok(f, "episode");
		assert_int_equal(s->log.n, i + 2);
		assert_false(s->in_episode);
		assert_episode_message(s, f->t->msg);
		goal |= strstr(f->t->msg, "reached the goal") != NULL;
		hole |= strstr(f->t->msg, "fell in a hole") != NULL;
	}
	assert_true(goal && hole);
	run_ok(f, "episode 10");
	for (i = s->log.n - 10; i < s->log.n; i++)
		goals += s->log.success[i] != 0;
	snprintf(want, sizeof want, "episodes %ld to %ld: %ld of 10 reached "
	    "the goal", s->log.n - 9, s->log.n, goals);
	assert_string_equal(f->t->msg, want);
	/* One step from the start cannot reach a hole or the goal. */
	run_ok(f, "set max_steps 1");
	run_ok(f, "episode");
	assert_episode_message(s, f->t->msg);
	assert_non_null(strstr(f->t->msg, "truncated after 1 step"));
}

static void
test_cmd_run_and_pause(void **state)
{
	struct fixture	*f = *state;

	run_ok(f, "run");
	assert_true(f->t->running);
	assert_int_equal(f->t->run_left, 0);
	assert_string_equal(f->t->msg, "running: press r or type pause to "
	    "stop");
	run_ok(f, "pause");
	assert_false(f->t->running);
	run_ok(f, "run 50");
	assert_true(f->t->running);
	assert_int_equal(f->t->run_left, 50);
	/* The screen's loop steps, not the command. */
	assert_int_equal(f->t->s->transitions, 0);
	run_err(f, "pa", "ambiguous command: pa, could be: pause, page");
	assert_true(f->t->running);
	run_ok(f, "pau");
	assert_false(f->t->running);
}

static void
test_cmd_reset_keeps_parameters(void **state)
{
	struct fixture	*f = *state;
	struct session	*ref;
	struct params	 before;

	run_ok(f, "set alpha 0.5");
	run_ok(f, "episode 10");
	memcpy(&before, &f->t->s->p, sizeof before);
	run_ok(f, "reset");
	assert_int_equal(f->t->s->transitions, 0);
	assert_int_equal(f->t->s->log.n, 0);
	assert_true(table_is_zero(f->t->s));
	assert_int_equal(session_history(f->t->s), 0);
	assert_memory_equal(&f->t->s->p, &before, sizeof before);
	/* The seed's stream starts again: the same as a fresh session. */
	ref = reference(f, &before);
	run_ok(f, "episode 10");
	session_run(ref, 10, 0);
	assert_memory_equal(f->t->s->agent->table, ref->agent->table,
	    table_bytes(ref));
	session_free(ref);
}

static void
test_cmd_seed_resets_and_changes_stream(void **state)
{
	struct fixture	*f = *state;
	struct rng	 r;
	double		*first;

	run_ok(f, "episode 200");
	first = copy_table(f->t->s);
	run_ok(f, "seed 2");
	assert_string_equal(f->t->msg,
	    "seed = 2: the agent starts again (Q-table cleared)");
	assert_int_equal(f->t->s->p.seed, 2);
	assert_int_equal(f->t->s->transitions, 0);
	assert_true(table_is_zero(f->t->s));
	rng_seed(&r, 2, f->t->s->stream);
	assert_memory_equal(&f->t->s->rng, &r, sizeof r);
	run_ok(f, "episode 200");
	assert_memory_not_equal(f->t->s->agent->table, first,
	    table_bytes(f->t->s));
	/* Back to seed 1: the first run again, exactly. */
	run_ok(f, "seed 1");
	run_ok(f, "episode 200");
	assert_memory_equal(f->t->s->agent->table, first,
	    table_bytes(f->t->s));
	run_err(f, "seed x", "seed: 'x' is not a whole number");
	free(first);
}

static void
test_cmd_pages(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(f->t->page, 0);
	run_err(f, "prev", "page: this is the first page");
	run_ok(f, "next");
	assert_int_equal(f->t->page, 1);
	assert_string_equal(f->t->msg,
	    "page 2 of 3: The Q-table and the update rule");
	run_ok(f, "next");
	assert_int_equal(f->t->page, 2);
	run_err(f, "next", "page: this is the last page");
	assert_int_equal(f->t->page, 2);
	run_ok(f, "prev");
	assert_int_equal(f->t->page, 1);
	run_ok(f, "page 1");
	assert_int_equal(f->t->page, 0);
	assert_string_equal(f->t->msg, "page 1 of 3: Welcome to FrozenLake");
	run_ok(f, "page 3");
	assert_int_equal(f->t->page, 2);
	run_err(f, "page 9", "page: '9' is not a whole number from 1 to 3");
	assert_int_equal(f->t->page, 2);
}

static void
test_cmd_help_lists_every_command(void **state)
{
	struct fixture			*f = *state;
	const struct cmd_entry *const	*e;
	char				 start[64];
	int				 n = 0;

	run_ok(f, "help");
	for (e = cmd_table; *e != NULL; e++, n++) {
		snprintf(start, sizeof start, "%s ", (*e)->name);
		assert_true(has_line_starting(f->out.text, start));
		assert_non_null(strstr(f->out.text, (*e)->text));
	}
	assert_int_equal(n, 23);
	assert_true(has_line_starting(f->out.text, "set NAME VALUE "));
	assert_non_null(strstr(f->out.text, "\nKeys: SPACE step, b back, "
	    "e episode, r run/pause, v sweep, +/- speed, n/p page, : prompt, "
	    "? help, q quit\n"));
	/* The commands, a blank line and the keys. */
	assert_int_equal(count_lines(f->out.text), n + 2);
	run_ok(f, "help st");
	assert_string_equal(f->out.text,
	    "usage: step [N]\nTake N transitions (default 1).\n");
	run_ok(f, "help quit");
	assert_string_equal(f->out.text,
	    "usage: quit\nalias: q\nLeave the lesson (back to the start "
	    "screen when it was opened from there).\n");
	run_err(f, "help foo", "unknown command: foo");
	run_err(f, "help s",
	    "ambiguous command: s, could be: set, show, step, seed, sweep, "
	    "solve, save-dataset, save-network");
}

/* The FQI lesson's tutor: a small fixture lesson, 3,000 transitions. */
static int
setup_dqn(void **state)
{
	struct fixture	*f = fixture_on("view-dqn.lesson");

	assert_non_null(f->t->dq);
	*state = f;
	return (0);
}

/* With DQN: help says what the session's commands do, the keys have no
 * sweep; live settings keep the network, the FQI commands are refused,
 * and back takes a step back. */
static void
test_cmd_dqn(void **state)
{
	struct fixture	*f = *state;
	double		 best;
	char		 err[256];
	long		 episodes;
	int		 i;

	run_ok(f, "help");
	assert_non_null(strstr(f->out.text, "\nWith DQN: step N takes N "
	    "transitions (and their gradient steps), back N takes back N of "
	    "those taken one at a time, episode runs to the end of the "
	    "episode, run N takes N steps (without N, up to steps); not here: "
	    "sweep, solve, backup, plan, target, save-dataset.\n"));
	assert_non_null(strstr(f->out.text, "\nKeys: SPACE step, b back, "
	    "e episode, r run/pause, +/- speed, n/p page, : prompt, ? help, "
	    "q quit\n"));
	run_ok(f, "set lr 0.0005");
	assert_string_equal(f->t->msg, "lr = 0.0005 (from the next step; the "
	    "network and the buffer are kept)");
	run_ok(f, "set units 32");
	assert_string_equal(f->t->msg, "units = 32: DQN starts again from "
	    "step 0 (a new learner)");
	run_err(f, "target 3", "target: not with agent dqn (it is for fitted "
	    "Q-iteration: qtutor --lesson fqi)");
	run_err(f, "set k 3", "k does not apply to agent dqn");
	run_ok(f, "step 300");
	assert_int_equal(f->t->dq->q->step, 300);
	run_ok(f, "back 2");
	assert_int_equal(f->t->dq->q->step, 298);
	run_err(f, "step 100001", "step: '100001' is not a whole number from "
	    "1 to 100000");
	/* Bad files: refused with the reason, the network kept. */
	run_err_has(f, "load-network /etc/passwd", "load-network: /etc/passwd");
	run_err_has(f, "save-network /nonexistent/dir/net", "save-network: "
	    "/nonexistent/dir/net");
	run_err_has(f, "set network /etc/passwd", "/etc/passwd");
	assert_string_equal(f->t->dq->p.network, "new");
	/* best_eval: the best evaluation so far, what keep_best keeps. */
	run_ok(f, "step 1000");
	assert_true(f->t->dq->q->nevals >= 2);
	assert_int_equal(metric_lookup_dqn(f->t->dq, "best_eval", -1, NULL,
	    &best, err, sizeof err), 0);
	for (i = 0; i < f->t->dq->q->nevals; i++)
		assert_true(best >= f->t->dq->q->evals[i].mean);
	for (i = 0; i < f->t->dq->q->nevals; i++)
		if (best == f->t->dq->q->evals[i].mean)
			break;
	assert_true(i < f->t->dq->q->nevals);
	/* episode 2: run mode until two episodes have ended. */
	episodes = f->t->dq->q->episodes;
	f->t->speed = TUTOR_NSPEEDS - 1;	/* full speed */
	run_ok(f, "episode 2");
	for (i = 0; i < 1000 && f->t->running; i++)
		tutor_run_slice(f->t, (double)i, 5);
	assert_false(f->t->running);
	assert_int_equal(f->t->dq->q->episodes, episodes + 2);
	assert_int_equal(f->t->dq->q->ep_return, 0);
}

static int
setup_fqi(void **state)
{
	struct fixture	*f = fixture_on("view-fqi.lesson");

	assert_non_null(f->t->f);
	*state = f;
	return (0);
}

/*
 * help in the FQI lesson: the keys as the status line names them there
 * (SPACE iterates, e plays), what the session's commands mean, and the
 * commands that do not apply, from the table.
 */
static void
test_cmd_help_fqi(void **state)
{
	struct fixture			*f = *state;
	const struct cmd_entry *const	*e;
	const char			*fqi;
	char				 name[64];
	int				 n = 0, refused = 0;

	run_ok(f, "help");
	for (e = cmd_table; *e != NULL; e++, n++)
		assert_non_null(strstr(f->out.text, (*e)->text));
	assert_non_null(strstr(f->out.text, "\nKeys: SPACE iterate, b back, "
	    "e play, r run/pause, +/- speed, n/p page, : prompt, ? help, "
	    "q quit\n"));
	assert_null(strstr(f->out.text, "SPACE step"));
	assert_null(strstr(f->out.text, "v sweep"));
	fqi = strstr(f->out.text, "\nIn fitted Q-iteration: step N fits N "
	    "iterations, back N undoes N, episode plays a greedy episode of "
	    "the current fit on the cart, run N fits N more (without N, up "
	    "to iterations); not here: ");
	assert_non_null(fqi);
	for (e = cmd_table; *e != NULL; e++) {
		if ((*e)->scope == 0 || ((*e)->scope & SCOPE_FQI) != 0)
			continue;
		snprintf(name, sizeof name, " %s", (*e)->name);
		refused++;
		assert_non_null(strstr(fqi, name));
	}
	assert_int_equal(refused, 7);
	assert_non_null(strstr(fqi, " sweep, solve, backup, plan, compare, "
	    "save-network, load-network.\n"));
	/* The commands, a blank line, the FQI line and the keys. */
	assert_int_equal(count_lines(f->out.text), n + 3);
	/* Each one refused says so. */
	run_err(f, "sweep", "sweep: not with agent fqi (it is for the tabular "
	    "agents and their transition models)");
	/* Bad files: refused with the reason, nothing changed. */
	run_err_has(f, "set dataset /nonexistent.csv", "/nonexistent.csv");
	assert_string_equal(f->t->f->p.dataset, "random");
	assert_int_equal(f->t->f->data->n, f->t->f->p.transitions);
	run_err_has(f, "save-dataset /nonexistent/dir/x.csv",
	    "save-dataset: /nonexistent/dir/x.csv");
}

/* compare runs fresh experiments and leaves the session as it was. */
static void
test_cmd_compare(void **state)
{
	struct fixture	*f = *state;
	const char	*v[] = { "qlearning", "sarsa", "expected_sarsa" };
	char		 want[64];
	size_t		 i;

	run_ok(f, "step 3");
	run_ok(f, "compare agent qlearning,sarsa,expected_sarsa 5");
	assert_true(has_line_starting(f->t->msg, "compare agent: 3 values x "
	    "5 runs x 500 episodes in "));
	assert_non_null(f->out.text);
	/* The plot's title and legend (ASCII: the test has the C locale). */
	assert_non_null(strstr(f->out.text, "reward per episode by agent"));
	assert_non_null(strstr(f->out.text,
	    "* qlearning   o sarsa   x expected_sarsa\n"));
	/* A table row per value, in order, with a standard error. */
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		snprintf(want, sizeof want, "%s ", v[i]);
		assert_true(has_line_starting(f->out.text, want));
	}
	assert_non_null(strstr(f->out.text, " +- "));
	assert_null(strstr(f->out.text, "Capped"));
	/* The session is untouched: same transitions, same parameters. */
	assert_int_equal(f->t->s->transitions, 3);
	assert_string_equal(params_agent(&f->t->s->p), "qlearning");

	/* Runs beyond the prompt's budget are cut, and it says so. */
	run_ok(f, "compare alpha 0.1,0.9 1000");
	assert_non_null(strstr(f->t->msg, "2 values x 200 runs x 500 "
	    "episodes"));
	assert_non_null(strstr(f->t->msg, "(capped)"));
	assert_non_null(strstr(f->out.text, "Capped for the prompt"));
	assert_true(has_line_starting(f->out.text, "0.1 "));
	assert_true(has_line_starting(f->out.text, "0.9 "));

	/* A bad value or name: nothing runs, the message names it. */
	run_err(f, "compare alpha 0.5,7", "alpha: 7 not in [0, 1]");
	run_err(f, "compare nosuch 1,2", "compare: unknown parameter 'nosuch'");
	run_err(f, "compare alpha 0.1,,0.5", "compare: alpha: an empty value");
	run_err(f, "compare alpha 0.1,0.5 0",
	    "compare: runs: '0' is not a whole number from 1 to 1000000");
	run_err(f, "compare alpha", "usage: compare NAME V1,V2,... [RUNS]");
	assert_int_equal(f->t->s->transitions, 3);
}

static void
test_cmd_quit(void **state)
{
	struct fixture	*f = *state;

	assert_false(f->t->quit);
	run_ok(f, "quit");
	assert_true(f->t->quit);
	f->t->quit = false;
	run_ok(f, "q");
	assert_true(f->t->quit);
}

static void
test_cmd_blank_lines_and_comments(void **state)
{
	struct fixture	*f = *state;
	static const char *const lines[] = {
		"", "   ", "\t\n", "# step 5", "   # quit", "#"
	};
	size_t		 i;

	tutor_say(f->t, false, "before");
	for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		assert_int_equal(cmd_run(f->t, lines[i], &f->out), 0);
		assert_string_equal(f->t->msg, "before");
		assert_null(f->out.text);
	}
	assert_int_equal(f->t->s->transitions, 0);
	assert_false(f->t->quit);
}

/* Completion of line up to point equals the n words of want. */
static void
assert_completes(const char *line, size_t point, const char *const *want,
    int n)
{
	char	**c;
	int	  got, i;

	got = cmd_complete(line, point, &c);
	if (got != n) {
		print_error("'%.*s': %d candidates, want %d:", (int)point, line,
		    got, n);
		for (i = 0; i < got; i++)
			print_error(" %s", c[i]);
		print_error("\n");
	}
	assert_int_equal(got, n);
	for (i = 0; i < n; i++) {
		assert_string_equal(c[i], want[i]);
		free(c[i]);
	}
	if (n == 0)
		assert_null(c);
	free(c);
}

#define COMPLETES(line, ...) do {					\
	static const char *const w_[] = { __VA_ARGS__ };		\
	assert_completes(line, strlen(line), w_,			\
	    (int)(sizeof w_ / sizeof w_[0]));				\
} while (0)

static void
test_cmd_complete(void **state)
{
	char	**c;
	int	  i;

	(void)state;
	COMPLETES("se", "seed", "set");
	COMPLETES("s", "save-dataset", "save-network", "seed", "set", "show",
	    "solve", "step", "sweep");
	COMPLETES("plan ", "off", "on");
	COMPLETES("plan of", "off");
	COMPLETES("ba", "back", "backup");
	COMPLETES("q", "q", "quit");
	COMPLETES("  pa", "page", "pause");
	COMPLETES("set al", "alpha");
	COMPLETES("show e", "env", "episodes", "epsilon", "epsilon_decay",
	    "epsilon_end", "epsilon_schedule", "epsilon_start", "eta",
	    "eval_episodes", "eval_every", "exploration_fraction");
	COMPLETES("sh e", "env", "episodes", "epsilon", "epsilon_decay",
	    "epsilon_end", "epsilon_schedule", "epsilon_start", "eta",
	    "eval_episodes", "eval_every", "exploration_fraction");
	COMPLETES("set policy e", "egreedy");
	COMPLETES("set policy ", "egreedy", "greedy", "noisy", "random");
	COMPLETES("set slippery ", "0", "1");
	COMPLETES("set policy=gr", "policy=greedy");
	COMPLETES("help st", "step");
	COMPLETES("help q", "quit");
	COMPLETES("compare al", "alpha");
	COMPLETES("compare agent ", "dqn", "expected_sarsa", "fqi", "ps",
	    "qlearning", "sarsa");
	COMPLETES("compare agent qlearning,s", "qlearning,sarsa");
	COMPLETES("compare policy egreedy,noisy,r", "egreedy,noisy,random");
	/* The word ending at point, whatever follows it. */
	assert_completes("set al 0.5", 6, (const char *const[]){ "alpha" },
	    1);
	assert_completes("help st", 4, (const char *const[]){ "help" }, 1);
	/* Nothing to offer: no candidates and no array. */
	assert_int_equal(cmd_complete("set alpha ", 10, &c), 0);
	assert_null(c);
	assert_int_equal(cmd_complete("step ", 5, &c), 0);
	assert_int_equal(cmd_complete("xyz", 3, &c), 0);
	assert_int_equal(cmd_complete("s al", 4, &c), 0);
	assert_int_equal(cmd_complete("set al", 99, &c), 1);
	free(c[0]);
	free(c);
	/* Every command and alias for an empty line. */
	assert_int_equal(cmd_complete("", 0, &c), 24);
	for (i = 0; i < 24; i++)
		free(c[i]);
	free(c);
}

/* The whole of a text file, NUL-terminated; NULL if it cannot be read. */
static char *
read_text(const char *path)
{
	FILE	*f;
	char	*text;
	long	 len;

	if ((f = fopen(path, "r")) == NULL)
		return (NULL);
	if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return (NULL);
	}
	text = malloc((size_t)len + 1);
	if (text != NULL && fread(text, 1, (size_t)len, f) != (size_t)len) {
		free(text);
		text = NULL;
	}
	if (text != NULL)
		text[len] = '\0';
	fclose(f);
	return (text);
}

/*
 * Whether text holds `macros' followed by the whole word `name' (the
 * next character is not one a name may hold, so "Ic se" does not count
 * for "Ic seed"), where `macros' starts a line (when it starts with a
 * dot) or follows a dot or a blank.
 */
static bool
man_has(const char *text, const char *macros, const char *name)
{
	const char	*p = text;
	size_t		 mlen = strlen(macros), nlen = strlen(name);
	char		 before, after;

	while ((p = strstr(p, macros)) != NULL) {
		before = p > text ? p[-1] : '\n';
		after = p[mlen + nlen];
		if (strncmp(p + mlen, name, nlen) == 0 &&
		    (macros[0] == '.' ? before == '\n' :
		    before == '.' || before == ' ') &&
		    (after == '\0' || after == ' ' || after == '\n'))
			return (true);
		p++;
	}
	return (false);
}

/* Every command, alias and parameter has its entry in qtutor(1). */
/* Value iteration on the screen's planner: sweep after sweep the same
 * V, bit for bit, as planning_value_iteration's own sweeps. */
static void
test_cmd_sweep_matches_value_iteration(void **state)
{
	struct fixture		*f = *state;
	const struct planning	*pl;
	struct planning		*ref;
	char			 want[128];

	run_ok(f, "set slippery 1");
	assert_null(tutor_plan(f->t));
	run_ok(f, "sweep");
	run_ok(f, "sweep 2");
	pl = tutor_plan(f->t);
	assert_non_null(pl);
	assert_int_equal(pl->sweeps, 3);
	ref = planning_new(f->t->s->env->model, f->t->s->p.gamma);
	/* theta 0: exactly the three sweeps. */
	assert_int_equal(planning_value_iteration(ref, 0, 3), -1);
	assert_int_equal(ref->sweeps, 3);
	assert_memory_equal(pl->v, ref->v, (size_t)pl->nstates *
	    sizeof *pl->v);
	snprintf(want, sizeof want, "sweep 3: largest change %.3g",
	    ref->delta);
	assert_string_equal(f->t->msg, want);
	planning_free(ref);
	/* The agent learned nothing from it. */
	assert_true(table_is_zero(f->t->s));
	run_err(f, "sweep 0", "sweep: '0' is not a whole number from 1 to "
	    "100000");
	assert_int_equal(tutor_plan(f->t)->sweeps, 3);
}

/* Gymnasium's 4x4 slippery ice at gamma 0.99: the optimal greedy
 * policy reaches the goal within 100 steps with p = 0.7401648977587045. */
static void
test_cmd_solve_success(void **state)
{
	struct fixture		*f = *state;
	const struct planning	*pl;

	run_ok(f, "set slippery 1");
	run_ok(f, "set gamma 0.99");
	run_ok(f, "set max_steps 0");
	run_ok(f, "solve");
	pl = tutor_plan(f->t);
	assert_non_null(pl);
	assert_true(pl->delta < PLANNING_THETA);
	assert_non_null(strstr(f->t->msg, "converged"));
	assert_non_null(strstr(f->t->msg, "within 100 steps"));
	assert_non_null(strstr(f->t->msg, "p = 0.7402"));
}

static void
test_cmd_backup_state(void **state)
{
	struct fixture	*f = *state;

	run_err(f, "backup 16", "backup: '16' is not a whole number from 0 "
	    "to 15");
	/* A bad state makes no planner. */
	assert_null(tutor_plan(f->t));
	run_err(f, "backup -1", "backup: '-1' is not a whole number from 0 "
	    "to 15");
	run_ok(f, "backup 14");
	assert_non_null(tutor_plan(f->t));
	assert_int_equal(tutor_plan(f->t)->sweeps, 0);
	assert_int_equal(f->t->plan_state, 14);
	assert_int_equal(tutor_plan_state(f->t), 14);
	run_ok(f, "backup");
	assert_int_equal(tutor_plan_state(f->t), 0);	/* the start */
}

/* A rebuild drops the planner; plan off hides it and plan on shows it
 * again; a new gamma starts V again. */
static void
test_cmd_plan_dropped_on_rebuild(void **state)
{
	struct fixture	*f = *state;

	run_ok(f, "sweep 2");
	run_ok(f, "plan off");
	assert_null(tutor_plan(f->t));
	run_ok(f, "plan on");
	assert_int_equal(tutor_plan(f->t)->sweeps, 2);
	run_err(f, "plan maybe", "plan: 'maybe' is not on or off");
	run_ok(f, "set gamma 0.5");
	/* Still the old values, with the old gamma, until the next. */
	assert_int_equal(tutor_plan(f->t)->sweeps, 2);
	run_ok(f, "sweep");
	assert_int_equal(tutor_plan(f->t)->sweeps, 1);
	assert_true(tutor_plan(f->t)->gamma == 0.5);
	assert_non_null(strstr(f->t->msg, "V started again"));
	run_ok(f, "set map 8x8");
	assert_null(tutor_plan(f->t));
	run_ok(f, "sweep");
	assert_int_equal(tutor_plan(f->t)->sweeps, 1);
	assert_int_equal(tutor_plan(f->t)->nstates, 64);
	assert_ptr_equal(tutor_plan(f->t)->model, f->t->s->env->model);
}

static void
test_cmd_every_command_in_manual(void **state)
{
	const struct cmd_entry *const	*e;
	const struct param		*p;
	char				*man;
	int				 missing = 0;

	(void)state;
	man = read_text(TOP_SRCDIR "/man/qtutor.1");
	if (man == NULL)
		print_error("cannot read %s\n", TOP_SRCDIR "/man/qtutor.1");
	assert_non_null(man);
	for (e = cmd_table; *e != NULL; e++) {
		if (!man_has(man, ".It Xo Ic ", (*e)->name) &&
		    !man_has(man, "Ic ", (*e)->name)) {
			print_error("qtutor.1: no '.It Xo Ic %s' for the "
			    "command %s\n", (*e)->name, (*e)->name);
			missing++;
		}
		if ((*e)->alias != NULL && !man_has(man, "Ic ",
		    (*e)->alias)) {
			print_error("qtutor.1: no 'Ic %s' for the alias of "
			    "%s\n", (*e)->alias, (*e)->name);
			missing++;
		}
	}
	for (p = param_table; p->name != NULL; p++) {
		if (!man_has(man, ".It Ic ", p->name) &&
		    !man_has(man, "Ic ", p->name)) {
			print_error("qtutor.1: no '.It Ic %s' for the "
			    "parameter %s\n", p->name, p->name);
			missing++;
		}
	}
	free(man);
	assert_int_equal(missing, 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_cmd_prefix_matching),
		T(test_cmd_usage_errors),
		T(test_cmd_numbers_are_strict),
		T(test_cmd_set_live_keeps_table),
		T(test_cmd_set_reset_parameter_clears),
		T(test_cmd_set_batch_parameter),
		T(test_cmd_set_bad_value_changes_nothing),
		T(test_cmd_set_assignment_form),
		T(test_cmd_show_lists_every_parameter),
		T(test_cmd_show_one_parameter),
		T(test_cmd_step_advances),
		T(test_cmd_back_restores_exactly),
		T(test_cmd_back_partial_history),
		T(test_cmd_episode_ends_episode),
		T(test_cmd_run_and_pause),
		T(test_cmd_reset_keeps_parameters),
		T(test_cmd_seed_resets_and_changes_stream),
		T(test_cmd_pages),
		T(test_cmd_help_lists_every_command),
		cmocka_unit_test_setup_teardown(test_cmd_help_fqi, setup_fqi,
		    teardown),
		cmocka_unit_test_setup_teardown(test_cmd_dqn, setup_dqn,
		    teardown),
		T(test_cmd_compare),
		T(test_cmd_quit),
		T(test_cmd_blank_lines_and_comments),
		T(test_cmd_sweep_matches_value_iteration),
		T(test_cmd_solve_success),
		T(test_cmd_backup_state),
		T(test_cmd_plan_dropped_on_rebuild),
		cmocka_unit_test(test_cmd_complete),
		cmocka_unit_test(test_cmd_every_command_in_manual),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
