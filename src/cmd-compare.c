/* The compare command: several values of a parameter, side by side. */
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd-dqn.h"
#include "cmd.h"
#include "compare.h"
#include "xmalloc.h"

/*
 * The prompt waits for a comparison, so each value gets at most
 * COMPARE_RUNS_MAX runs and COMPARE_EPISODES_MAX episodes in all (200
 * runs of 500); batch mode has no such limit.
 */
#define COMPARE_RUNS_MAX	200
#define COMPARE_EPISODES_MAX	100000
#define COMPARE_WIDTH		72

static int	cmd_compare_exec(struct tutor *, int, char **,
		    struct cmd_out *);
static bool	cap(struct params *);

const struct cmd_entry cmd_compare_entry = {
	.name = "compare",
	.usage = "NAME V1,V2,... [RUNS]",
	.min_args = 2,
	.max_args = 3,
	.text = "Run each value of a parameter over the same seeds (RUNS "
	    "runs, default runs) and plot their reward curves with a table; "
	    "with DQN, one training run per value and its evaluations.",
	.exec = cmd_compare_exec,
	.dqn_exec = cmd_dqn_compare,
	.scope = SCOPE_TABULAR | SCOPE_DQN
};

/* Cut p down to the prompt's budget; whether anything was cut. */
static bool
cap(struct params *p)
{
	bool	 capped = false;

	if (p->episodes > COMPARE_EPISODES_MAX) {
		p->episodes = COMPARE_EPISODES_MAX;
		capped = true;
	}
	if (p->runs > COMPARE_RUNS_MAX) {
		p->runs = COMPARE_RUNS_MAX;
		capped = true;
	}
	if (p->runs * p->episodes > COMPARE_EPISODES_MAX) {
		p->runs = COMPARE_EPISODES_MAX / p->episodes;
		capped = true;
	}
	return (capped);
}

static int
cmd_compare_exec(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	struct comparison	*c;
	struct params		 base = t->s->p;
	enum plot_glyphs	 g;
	const char		*cs;
	char			 err[1024], *text;
	double			 seconds = 0;
	long			 runs;
	bool			 capped = false;
	int			 i;

	if (argc == 3) {
		if (cmd_parse_count(t, "compare: runs", argv[2], 1, 1000000,
		    &runs) != 0)
			return (-1);
		base.runs = runs;
	}
	c = xcalloc(1, sizeof *c);
	if (compare_parse(c, &base, argv[0], argv[1], &t->dirs, err,
	    sizeof err) != 0) {
		tutor_say(t, true, "%s", err);
		free(c);
		return (-1);
	}
	/* Each value after it is set: runs and episodes may be compared. */
	for (i = 0; i < c->n; i++)
		capped |= cap(&c->p[i]);
	if (compare_run(c, &t->dirs, NULL, NULL, err, sizeof err) != 0) {
		tutor_say(t, true, "compare: %s", err);
		compare_free(c);
		free(c);
		return (-1);
	}
	cs = nl_langinfo(CODESET);
	g = cs != NULL && strcmp(cs, "UTF-8") == 0 ? PLOT_UTF8 : PLOT_ASCII;
	text = compare_plot(c, COMPARE_WIDTH, COMPARE_PLOT_HEIGHT, g);
	cmd_out_printf(out, "%s\n", text);
	free(text);
	text = compare_table(c, g);
	cmd_out_printf(out, "%s", text);
	free(text);
	if ((text = compare_paths(c, &t->dirs, g)) != NULL) {
		cmd_out_printf(out, "\ngreedy paths after training (run "
		    "1):\n%s", text);
		free(text);
	}
	if (capped)
		cmd_out_printf(out, "Capped for the prompt: at most %d runs "
		    "and %d episodes per value.\n", COMPARE_RUNS_MAX,
		    COMPARE_EPISODES_MAX);
	for (i = 0; i < c->n; i++)
		seconds += c->x[i].seconds;
	tutor_say(t, false, "compare %s: %d values x %ld runs x %ld "
	    "episodes in %.2f s%s", c->param->name, c->n, c->x[0].runs,
	    c->x[0].episodes, seconds, capped ? " (capped)" : "");
	compare_free(c);
	free(c);
	return (0);
}
