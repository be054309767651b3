/* Session commands: step, back, episode, run, pause, reset, seed. */
#include <stdio.h>

#include "cmd.h"
#include "cmd-dqn.h"
#include "cmd-fqi.h"

/* The most transitions or episodes one command takes at once. */
#define CMD_COUNT_MAX 1000000

static int	cmd_step_exec(struct tutor *, int, char **, struct cmd_out *);
static int	cmd_back_exec(struct tutor *, int, char **, struct cmd_out *);
static int	cmd_episode_exec(struct tutor *, int, char **,
		    struct cmd_out *);
static int	cmd_run_exec(struct tutor *, int, char **, struct cmd_out *);
static int	cmd_pause_exec(struct tutor *, int, char **, struct cmd_out *);
static int	cmd_reset_exec(struct tutor *, int, char **, struct cmd_out *);
static int	cmd_seed_exec(struct tutor *, int, char **, struct cmd_out *);
static int	count_arg(struct tutor *, const char *, int, char **, long,
		    long *);
static void	describe_position(const struct session *, char *, size_t);
static void	describe_ended(const struct session *, char *, size_t);

const struct cmd_entry cmd_step_entry = {
	.name = "step",
	.usage = "[N]",
	.min_args = 0,
	.max_args = 1,
	.text = "Take N transitions (default 1).",
	.exec = cmd_step_exec,
	.fqi_exec = cmd_fqi_step,
	.dqn_exec = cmd_dqn_step
};

const struct cmd_entry cmd_back_entry = {
	.name = "back",
	.usage = "[N]",
	.min_args = 0,
	.max_args = 1,
	.text = "Undo the last N transitions (default 1), exactly.",
	.exec = cmd_back_exec,
	.fqi_exec = cmd_fqi_back,
	.dqn_exec = cmd_dqn_back
};

const struct cmd_entry cmd_episode_entry = {
	.name = "episode",
	.usage = "[N]",
	.min_args = 0,
	.max_args = 1,
	.text = "Finish the current episode, then play N-1 more (default 1).",
	.exec = cmd_episode_exec,
	.fqi_exec = cmd_fqi_episode,
	.dqn_exec = cmd_dqn_episode
};

const struct cmd_entry cmd_run_entry = {
	.name = "run",
	.usage = "[N]",
	.min_args = 0,
	.max_args = 1,
	.text = "Run N episodes at the current speed (0 or none: until "
	    "paused).",
	.exec = cmd_run_exec,
	.fqi_exec = cmd_fqi_run,
	.dqn_exec = cmd_dqn_run
};

const struct cmd_entry cmd_pause_entry = {
	.name = "pause",
	.usage = "",
	.min_args = 0,
	.max_args = 0,
	.text = "Stop running.",
	.exec = cmd_pause_exec,
	.fqi_exec = cmd_fqi_pause,
	.dqn_exec = cmd_dqn_pause
};

const struct cmd_entry cmd_reset_entry = {
	.name = "reset",
	.usage = "",
	.min_args = 0,
	.max_args = 0,
	.text = "Forget everything learned and start again from the seed; "
	    "parameters are kept.",
	.exec = cmd_reset_exec,
	.fqi_exec = cmd_fqi_reset,
	.dqn_exec = cmd_dqn_reset
};

const struct cmd_entry cmd_seed_entry = {
	.name = "seed",
	.usage = "N",
	.min_args = 1,
	.max_args = 1,
	.text = "Set the seed and start again (the same as set seed N).",
	.exec = cmd_seed_exec
};

/* The optional count argument; *n keeps its default when absent. */
static int
count_arg(struct tutor *t, const char *what, int argc, char **argv, long min,
    long *n)
{
	if (argc == 0)
		return (0);
	return (cmd_parse_count(t, what, argv[0], min, CMD_COUNT_MAX, n));
}

/* Where the session stands, 1-based as the screen counts episodes. */
static void
describe_position(const struct session *s, char *buf, size_t bufsz)
{
	if (s->in_episode)
		snprintf(buf, bufsz, "episode %ld step %ld", s->episode + 1,
		    s->step);
	else
		snprintf(buf, bufsz, "at the start of episode %ld",
		    s->episode + 1);
}

/* How the episode that just ended ended.  Only the last transition's
 * flags are kept, so this describes the newest episode alone. */
static void
describe_ended(const struct session *s, char *buf, size_t bufsz)
{
	long	 i = s->log.n - 1, steps = (long)s->log.steps[i];

	if (s->log.success[i] != 0)
		snprintf(buf, bufsz, "episode %ld: reached the goal in %ld "
		    "step%s, reward %g", s->episode, steps, cmd_plural(steps),
		    s->log.reward[i]);
	else if (s->last.step.terminated)
		snprintf(buf, bufsz, "episode %ld: fell in a hole after %ld "
		    "step%s", s->episode, steps, cmd_plural(steps));
	else
		snprintf(buf, bufsz, "episode %ld: truncated after %ld step%s",
		    s->episode, steps, cmd_plural(steps));
}

static int
cmd_step_exec(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	char	 where[256], ended_text[64] = "";
	long	 n = 1, i, ended = 0;

	(void)out;
	if (count_arg(t, "step", argc, argv, 1, &n) != 0)
		return (-1);
	for (i = 0; i < n; i++)
		ended += session_step(t->s);
	if (t->s->in_episode)
		describe_position(t->s, where, sizeof where);
	else
		describe_ended(t->s, where, sizeof where);
	/* One ending is told by where; more are counted. */
	if (ended > 1 || (ended == 1 && t->s->in_episode))
		snprintf(ended_text, sizeof ended_text, ", %ld episode%s ended",
		    ended, cmd_plural(ended));
	tutor_say(t, false, "step: %ld transition%s%s, %s", n, cmd_plural(n),
	    ended_text, where);
	return (0);
}

static int
cmd_back_exec(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	char	 where[256];
	long	 n = 1, done;

	(void)out;
	if (count_arg(t, "back", argc, argv, 1, &n) != 0)
		return (-1);
	for (done = 0; done < n; done++)
		if (session_back(t->s) != 0)
			break;
	if (done == 0) {
		tutor_say(t, true, "back: no history to undo");
		return (-1);
	}
	/* Undoing what there was is still useful: not an error. */
	if (done < n) {
		tutor_say(t, false, "back: only %ld transition%s of history",
		    done, cmd_plural(done));
		return (0);
	}
	describe_position(t->s, where, sizeof where);
	tutor_say(t, false, "back: %ld transition%s, %s", n, cmd_plural(n), where);
	return (0);
}

static int
cmd_episode_exec(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	struct session	*s = t->s;
	char		 what[256];
	long		 n = 1, i, first, goals = 0;

	(void)out;
	if (count_arg(t, "episode", argc, argv, 1, &n) != 0)
		return (-1);
	first = s->episode + 1;
	/* session_run counts episode ends, so the current episode's end
	 * is the first of the n. */
	session_run(s, n, 0);
	if (n == 1) {
		describe_ended(s, what, sizeof what);
		tutor_say(t, false, "%s", what);
		return (0);
	}
	for (i = s->log.n - n; i < s->log.n; i++)
		goals += s->log.success[i] != 0;
	tutor_say(t, false, "episodes %ld to %ld: %ld of %ld reached the goal",
	    first, s->episode, goals, n);
	return (0);
}

static int
cmd_run_exec(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	long	 n = 0;

	(void)out;
	if (count_arg(t, "run", argc, argv, 0, &n) != 0)
		return (-1);
	/* The screen's loop does the stepping, in slices, so that keys
	 * and redraws are served while it runs. */
	t->running = true;
	t->last_tick = 0;
	t->owed = 0;
	t->run_left = n;
	if (n == 0)
		tutor_say(t, false, "running: press r or type pause to stop");
	else
		tutor_say(t, false, "running %ld episode%s: press r or type "
		    "pause to stop", n, cmd_plural(n));
	return (0);
}

static int
cmd_pause_exec(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	char	 where[256];

	(void)argc;
	(void)argv;
	(void)out;
	t->running = false;
	t->run_left = 0;
	describe_position(t->s, where, sizeof where);
	tutor_say(t, false, "paused, %s", where);
	return (0);
}

static int
cmd_reset_exec(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	(void)argc;
	(void)argv;
	(void)out;
	session_reset(t->s);
	tutor_say(t, false, "reset: the agent starts again from seed %lld "
	    "(Q-table cleared)", t->s->p.seed);
	return (0);
}

static int
cmd_seed_exec(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	long long	 before = tutor_params(t)->seed;

	if (cmd_set_value(t, "seed", argv[0]) != 0)
		return (-1);
	/* The same seed again still means: start again. */
	if (tutor_params(t)->seed == before)
		return (t->f != NULL ? cmd_fqi_reset(t, argc, argv, out) :
		    t->dq != NULL ? cmd_dqn_reset(t, argc, argv, out) :
		    cmd_reset_exec(t, argc, argv, out));
	return (0);
}
