/* Commands with DQN: transitions, runs, and the network's file. */
#include <langinfo.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"

#include "cmd-dqn.h"
#include "dqn-session.h"

#define STEPS_MAX 100000000L
/* step N runs while the screen waits: at most a second or two. */
#define STEP_N_MAX 100000L

static int	cmd_save_network_exec(struct tutor *, int, char **,
		    struct cmd_out *);
static int	cmd_load_network_exec(struct tutor *, int, char **,
		    struct cmd_out *);

const struct cmd_entry cmd_save_network_entry = {
	.name = "save-network",
	.usage = "FILE",
	.min_args = 1,
	.max_args = 1,
	.text = "DQN: write the Q-network (the best evaluated one with "
	    "keep_best) to FILE.",
	.exec = cmd_save_network_exec,
	.scope = SCOPE_DQN
};

const struct cmd_entry cmd_load_network_entry = {
	.name = "load-network",
	.usage = "FILE",
	.min_args = 1,
	.max_args = 1,
	.text = "DQN: load a saved Q-network into the online and target "
	    "networks (its shape must match).",
	.exec = cmd_load_network_exec,
	.scope = SCOPE_DQN
};

static void
say_stopped(struct tutor *t)
{
	tutor_say(t, true, "training stopped at step %ld: the loss is not "
	    "finite, the network diverged (reset starts again)",
	    t->dq->q->step);
}

/* Where the learner stands, after a command. */
static void
say_where(struct tutor *t, const char *what)
{
	const struct dqn	*q = t->dq->q;
	const struct dqn_act	*a = &q->last_act;

	if (q->step == 0) {
		tutor_say(t, false, "%s: no step yet", what);
		return;
	}
	tutor_say(t, false, "%s: step %ld, %s %s (epsilon %.3f), %ld gradient "
	    "step%s%s", what, q->step, a->explored ? "explored" : "greedy",
	    a->a == 0 ? "left" : "right", a->epsilon, q->updates,
	    cmd_plural(q->updates), t->dq->updated ? ", one just now" : "");
}

int
cmd_dqn_step(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	long	 n = 1, i;

	(void)out;
	if (argc == 1 && cmd_parse_count(t, "step", argv[0], 1, STEP_N_MAX,
	    &n) != 0)
		return (-1);
	for (i = 0; i < n; i++)
		if (dqn_session_step_undoable(t->dq) < 0) {
			say_stopped(t);
			return (-1);
		}
	say_where(t, "step");
	return (0);
}

int
cmd_dqn_back(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	char	 err[256];
	long	 n = 1, done;

	(void)out;
	if (argc == 1 && cmd_parse_count(t, "back", argv[0], 1, DQN_HISTORY,
	    &n) != 0)
		return (-1);
	for (done = 0; done < n; done++)
		if (dqn_session_back(t->dq, err, sizeof err) != 0)
			break;
	if (done == 0) {
		tutor_say(t, true, "back: %s", err);
		return (-1);
	}
	say_where(t, "back");
	return (0);
}

static void
start_running(struct tutor *t)
{
	t->running = true;
	t->last_tick = 0;
	t->owed = 0;
}

int
cmd_dqn_episode(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	long	 n = 1;

	(void)out;
	if (argc == 1 && cmd_parse_count(t, "episode", argv[0], 1, 100000,
	    &n) != 0)
		return (-1);
	if (t->dq->stopped) {
		say_stopped(t);
		return (-1);
	}
	t->dqn_episodes_left = n;
	t->dqn_to_total = false;
	t->run_left = 0;
	start_running(t);
	if (n == 1)
		tutor_say(t, false, "episode %ld: running to its end (+ and - "
		    "change the speed)", t->dq->q->episodes + 1);
	else
		tutor_say(t, false, "episodes %ld to %ld: running (+ and - "
		    "change the speed)", t->dq->q->episodes + 1,
		    t->dq->q->episodes + n);
	return (0);
}

int
cmd_dqn_run(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	struct dqn_session	*ds = t->dq;
	long			 n = 0;

	(void)out;
	if (argc == 1 && cmd_parse_count(t, "run", argv[0], 1, STEPS_MAX,
	    &n) != 0)
		return (-1);
	if (ds->stopped) {
		say_stopped(t);
		return (-1);
	}
	if (n == 0 && ds->q->step >= ds->p.steps) {
		tutor_say(t, false, "run: %ld steps done, steps is %lld: run N "
		    "takes N more", ds->q->step, ds->p.steps);
		return (0);
	}
	t->run_left = n;
	t->dqn_to_total = n == 0;
	t->dqn_episodes_left = 0;
	start_running(t);
	if (n == 0)
		tutor_say(t, false, "training to step %lld: press r or type "
		    "pause to stop", ds->p.steps);
	else
		tutor_say(t, false, "running %ld step%s: press r or type pause "
		    "to stop", n, cmd_plural(n));
	return (0);
}

int
cmd_dqn_pause(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	(void)argc;
	(void)argv;
	(void)out;
	t->running = false;
	t->run_left = 0;
	t->dqn_episodes_left = 0;
	say_where(t, "paused");
	return (0);
}

int
cmd_dqn_reset(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	(void)argc;
	(void)argv;
	(void)out;
	t->running = false;
	dqn_session_restart(t->dq);
	tutor_say(t, false, "reset: DQN starts again from step 0 with %s, "
	    "seed %lld", strcmp(t->dq->p.network, "new") == 0 ? "a new "
	    "network" : t->dq->p.network, t->dq->p.seed);
	return (0);
}

static int
cmd_save_network_exec(struct tutor *t, int argc, char **argv,
    struct cmd_out *out)
{
	char	 err[512];

	(void)argc;
	(void)out;
	if (dqn_session_save(t->dq, argv[0], err, sizeof err) != 0) {
		tutor_say(t, true, "save-network: %s", err);
		return (-1);
	}
	tutor_say(t, false, "save-network: %zu parameters written to %s",
	    nn_nparams(t->dq->q->online), argv[0]);
	return (0);
}

static int
cmd_load_network_exec(struct tutor *t, int argc, char **argv,
    struct cmd_out *out)
{
	char	 err[512];

	(void)argc;
	(void)out;
	if (dqn_session_load(t->dq, argv[0], err, sizeof err) != 0) {
		tutor_say(t, true, "load-network: %s", err);
		return (-1);
	}
	tutor_say(t, false, "load-network: %s is now the online and the "
	    "target network", argv[0]);
	return (0);
}

/*
 * compare NAME V1,V2,...: DQN trained once for each value with the
 * current settings and seed, as batch mode's --compare does; about a
 * second a value at the default 80,000 steps, while the screen waits.
 * The learner on the screen is not changed.
 */
int
cmd_dqn_compare(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	struct batch_options	 o;
	char			 spec[PARAM_STR_MAX * 2], err[512], *text = NULL;
	const char		*cs;
	size_t			 len = 0;
	FILE			*f;
	int			 rc;

	if (argc == 3) {
		tutor_say(t, true, "compare: DQN runs once per value, with the "
		    "seed: no RUNS");
		return (-1);
	}
	snprintf(spec, sizeof spec, "%s=%s", argv[0], argv[1]);
	if ((f = open_memstream(&text, &len)) == NULL) {
		tutor_say(t, true, "compare: out of memory");
		return (-1);
	}
	memset(&o, 0, sizeof o);
	/* As the compare of the tabular agents draws: by the locale. */
	cs = nl_langinfo(CODESET);
	o.glyphs = cs != NULL && strcmp(cs, "UTF-8") == 0 ? PLOT_UTF8 :
	    PLOT_ASCII;
	o.width = 72;
	rc = batch_dqn_compare(&t->dq->p, spec, &o, f, err, sizeof err);
	fclose(f);
	if (rc != 0) {
		free(text);
		tutor_say(t, true, "compare: %s", err);
		return (-1);
	}
	cmd_out_printf(out, "%s", text);
	free(text);
	tutor_say(t, false, "compare %s: %s (the same seed for each; the "
	    "learner on the screen is unchanged)", argv[0], argv[1]);
	return (0);
}
