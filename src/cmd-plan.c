/*
 * Planning commands: sweep, solve, backup, plan.  Value iteration on the
 * session's transition model, one Jacobi sweep at a time, for the screen
 * to show V, the greedy arrows and one state's Bellman backup.  The
 * planner lives in the tutor (tutor_plan_get); the agent is untouched.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "planning.h"
#include "xmalloc.h"

/* What `solve' sweeps to: the reference threshold, or this many. */
#define PLAN_SOLVE_SWEEPS	10000
#define PLAN_SWEEP_MAX		100000

static int	cmd_sweep_exec(struct tutor *, int, char **, struct cmd_out *);
static int	cmd_solve_exec(struct tutor *, int, char **, struct cmd_out *);
static int	cmd_backup_exec(struct tutor *, int, char **,
		    struct cmd_out *);
static int	cmd_plan_exec(struct tutor *, int, char **, struct cmd_out *);
static struct planning *planner(struct tutor *, const char *, char *,
		    size_t);

const struct cmd_entry cmd_sweep_entry = {
	.name = "sweep",
	.usage = "[N]",
	.min_args = 0,
	.max_args = 1,
	.text = "Make N sweeps of value iteration on the known model "
	    "(default 1); the screen shows V, the greedy arrows and a "
	    "state's backup.",
	.exec = cmd_sweep_exec,
	.scope = SCOPE_TABULAR
};

const struct cmd_entry cmd_solve_entry = {
	.name = "solve",
	.usage = "",
	.min_args = 0,
	.max_args = 0,
	.text = "Sweep value iteration until V stops changing and give the "
	    "greedy policy's probability of reaching the goal.",
	.exec = cmd_solve_exec,
	.scope = SCOPE_TABULAR
};

const struct cmd_entry cmd_backup_entry = {
	.name = "backup",
	.usage = "[S]",
	.min_args = 0,
	.max_args = 1,
	.text = "Write out the Bellman backup of state S under the grid "
	    "(none: the agent's state).",
	.exec = cmd_backup_exec,
	.scope = SCOPE_TABULAR
};

const struct cmd_entry cmd_plan_entry = {
	.name = "plan",
	.usage = "on|off",
	.min_args = 1,
	.max_args = 1,
	.text = "Show value iteration's V and Q (on) or the agent's Q-table "
	    "again (off); the values are kept until the environment "
	    "changes.",
	.exec = cmd_plan_exec,
	.scope = SCOPE_TABULAR
};

/* The tutor's planner; *note says when gamma changed and V started
 * again. */
static struct planning *
planner(struct tutor *t, const char *what, char *note, size_t notesz)
{
	struct planning	*pl;
	bool		 restarted;

	note[0] = '\0';
	if ((pl = tutor_plan_get(t, &restarted)) == NULL) {
		tutor_say(t, true, "%s: %s has no transition model to plan "
		    "with", what, t->s->env->ops->name);
		return (NULL);
	}
	if (restarted)
		snprintf(note, notesz, " (gamma is now %g: V started again "
		    "from 0)", pl->gamma);
	return (pl);
}

static int
cmd_sweep_exec(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	struct planning	*pl;
	char		 note[96];
	long		 n = 1, i;

	(void)out;
	if (argc > 0 && cmd_parse_count(t, "sweep", argv[0], 1,
	    PLAN_SWEEP_MAX, &n) != 0)
		return (-1);
	if ((pl = planner(t, "sweep", note, sizeof note)) == NULL)
		return (-1);
	for (i = 0; i < n; i++)
		planning_sweep_optimal(pl);
	tutor_say(t, false, "sweep %ld: largest change %.3g%s", pl->sweeps,
	    pl->delta, note);
	return (0);
}

static int
cmd_solve_exec(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	struct planning	*pl;
	double		*pi, success;
	char		 note[96], within[48];
	int		*act, limit, rc;

	(void)argc;
	(void)argv;
	(void)out;
	if ((pl = planner(t, "solve", note, sizeof note)) == NULL)
		return (-1);
	rc = planning_value_iteration(pl, PLANNING_THETA, PLAN_SOLVE_SWEEPS);
	act = xcalloc((size_t)pl->nstates, sizeof *act);
	pi = xcalloc((size_t)pl->nstates * pl->nactions, sizeof *pi);
	planning_greedy(pl, act);
	planning_policy_deterministic(pi, act, pl->nstates, pl->nactions);
	/* The limit the session's episodes have (max_steps, else
	 * Gymnasium's). */
	limit = t->s->env->time_limit;
	success = planning_success(pl->model, pi, limit, NULL);
	free(pi);
	free(act);
	if (limit > 0)
		snprintf(within, sizeof within, "within %d steps", limit);
	else
		snprintf(within, sizeof within, "(no time limit)");
	/* Short enough for the message line at 80 columns. */
	if (rc != 0)
		tutor_say(t, false, "solve: not converged at sweep %ld (largest "
		    "change %.3g); greedy policy: goal %s, p = %.4f%s",
		    pl->sweeps, pl->delta, within, success, note);
	else
		tutor_say(t, false, "solve: converged, sweep %ld; greedy "
		    "policy: goal %s, p = %.4f%s", pl->sweeps, within,
		    success, note);
	return (0);
}

static int
cmd_backup_exec(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	struct planning	*pl;
	char		 note[96];
	long		 s = -1;

	(void)out;
	/* Check the state before making a planner, so a bad one changes
	 * nothing. */
	if (argc > 0 && cmd_parse_count(t, "backup", argv[0], 0,
	    t->s->env->nstates - 1, &s) != 0)
		return (-1);
	if ((pl = planner(t, "backup", note, sizeof note)) == NULL)
		return (-1);
	t->plan_state = (int)s;
	if (s < 0)
		tutor_say(t, false, "backup: of the agent's state (now %d), "
		    "at sweep %ld%s", tutor_plan_state(t), pl->sweeps, note);
	else
		tutor_say(t, false, "backup: of state %ld, at sweep %ld%s", s,
		    pl->sweeps, note);
	return (0);
}

static int
cmd_plan_exec(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	struct planning	*pl;
	char		 note[96];

	(void)argc;
	(void)out;
	if (strcmp(argv[0], "off") == 0) {
		t->plan_on = false;
		tutor_say(t, false, "plan off: the agent's Q-table again");
		return (0);
	}
	if (strcmp(argv[0], "on") != 0) {
		tutor_say(t, true, "plan: '%s' is not on or off", argv[0]);
		return (-1);
	}
	if ((pl = planner(t, "plan", note, sizeof note)) == NULL)
		return (-1);
	tutor_say(t, false, "plan on: value iteration, sweep %ld%s",
	    pl->sweeps, note);
	return (0);
}
