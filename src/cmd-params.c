/* Parameter commands: set and show. */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "fqi-session.h"
#include "param.h"

static int	cmd_set_exec(struct tutor *, int, char **, struct cmd_out *);
static int	cmd_show_exec(struct tutor *, int, char **, struct cmd_out *);
static void	show_all(struct tutor *, struct cmd_out *);
static void	show_one(struct tutor *, const struct param *,
		    struct cmd_out *);
static const char *effect_text(enum param_effect);

const struct cmd_entry cmd_set_entry = {
	.name = "set",
	.usage = "NAME VALUE",
	.min_args = 1,
	.max_args = 2,
	.text = "Set a parameter (also written NAME=VALUE); live ones take "
	    "effect from the next transition, others start the agent again.",
	.exec = cmd_set_exec
};

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.usage = "[NAME]",
	.min_args = 0,
	.max_args = 1,
	.text = "Show every parameter, or one parameter's value, range, "
	    "default and meaning.",
	.exec = cmd_show_exec
};

/* What a change means in fitted Q-iteration. */
static void
fqi_say_set(struct tutor *t, const struct param *p, const char *buf,
    bool reset)
{
	if (reset)
		tutor_say(t, false, "%s = %s: FQI starts again from iteration "
		    "0 on %ld transitions", p->name, buf, t->f->data->n);
	else if (strcmp(p->name, "iterations") == 0)
		tutor_say(t, false, "iterations = %s (what run does, and batch "
		    "runs)", buf);
	else if (p->effect == PE_VIEW || strcmp(p->name, "threads") == 0)
		tutor_say(t, false, "%s = %s (changes nothing learned)",
		    p->name, buf);
	else
		tutor_say(t, false, "%s = %s (from the next iteration; the "
		    "fits so far are kept)", p->name, buf);
}

/* What a change means with DQN. */
static void
dqn_say_set(struct tutor *t, const struct param *p, const char *buf,
    bool reset)
{
	if (reset)
		tutor_say(t, false, "%s = %s: DQN starts again from step 0 "
		    "(a new learner)", p->name, buf);
	else if (p->effect == PE_VIEW || strcmp(p->name, "threads") == 0)
		tutor_say(t, false, "%s = %s (changes nothing learned)",
		    p->name, buf);
	else
		tutor_say(t, false, "%s = %s (from the next step; the network "
		    "and the buffer are kept)", p->name, buf);
}

int
cmd_set_value(struct tutor *t, const char *name, const char *value)
{
	const struct param	*p;
	char			 err[512], buf[PARAM_STR_MAX];
	bool			 reset;
	const char		*table;

	/* session_set changes nothing when it fails, and its message
	 * already names the parameter and the value. */
	if (tutor_set(t, name, value, &reset, err, sizeof err) != 0) {
		tutor_say(t, true, "%s", err);
		return (-1);
	}
	p = param_find(name);
	param_format(tutor_params(t), p, buf, sizeof buf);
	/* What the agent learned is a Q-table, PS's h-matrix, or FQI's
	 * fits. */
	table = t->f != NULL ? "FQI's fits" :
	    strcmp(params_agent(tutor_params(t)), "ps") == 0 ? "h-matrix" :
	    "Q-table";
	if (t->f != NULL) {
		fqi_say_set(t, p, buf, reset);
		return (0);
	}
	if (t->dq != NULL) {
		dqn_say_set(t, p, buf, reset);
		return (0);
	}
	if (reset)
		tutor_say(t, false, "%s = %s: the agent starts again (%s "
		    "cleared)", p->name, buf, table);
	else if (p->effect == PE_BATCH)
		tutor_say(t, false, "%s = %s (used by batch runs and "
		    "comparisons)", p->name, buf);
	else if (p->effect == PE_VIEW)
		tutor_say(t, false, "%s = %s (changes the drawing only)",
		    p->name, buf);
	else
		tutor_say(t, false, "%s = %s (from the next transition; the "
		    "%s is kept)", p->name, buf, table);
	return (0);
}

static int
cmd_set_exec(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	char	*eq;

	(void)out;
	if (argc == 2)
		return (cmd_set_value(t, argv[0], argv[1]));
	/* One word: NAME=VALUE, as on the command line and in lessons. */
	if ((eq = strchr(argv[0], '=')) == NULL || eq == argv[0]) {
		tutor_say(t, true, "usage: %s %s", cmd_set_entry.name,
		    cmd_set_entry.usage);
		return (-1);
	}
	*eq = '\0';
	return (cmd_set_value(t, argv[0], eq + 1));
}

static const char *
effect_text(enum param_effect effect)
{
	switch (effect) {
	case PE_LIVE:
		return ("live: from the next transition; the Q-table is kept");
	case PE_RESET:
		return ("reset: a change starts the agent again (Q-table "
		    "cleared)");
	case PE_BATCH:
		return ("batch: used by batch runs and comparisons");
	case PE_VIEW:
		return ("view: changes the drawing only");
	}
	return ("");
}

/* "name = value" left-aligned in one column, the range in the next. */
static void
show_all(struct tutor *t, struct cmd_out *out)
{
	const struct param	*p;
	char			 value[PARAM_STR_MAX], range[PARAM_STR_MAX];
	char			 left[2 * PARAM_STR_MAX];
	int			 width = 0, len, n = 0;

	/* Only what this agent reads: the others' settings are refused
	 * here anyway. */
	for (p = param_table; p->name != NULL; p++) {
		if (!param_applies(p->name, tutor_scope(t)))
			continue;
		param_format(tutor_params(t), p, value, sizeof value);
		len = snprintf(left, sizeof left, "%s = %s", p->name, value);
		if (len > width)
			width = len;
	}
	for (p = param_table; p->name != NULL; p++) {
		if (!param_applies(p->name, tutor_scope(t)))
			continue;
		n++;
		param_format(tutor_params(t), p, value, sizeof value);
		param_describe_range(p, range, sizeof range);
		snprintf(left, sizeof left, "%s = %s", p->name, value);
		cmd_out_printf(out, "%-*s  %s\n", width, left, range);
	}
	tutor_say(t, false, "show: %d parameters", n);
}

static void
show_one(struct tutor *t, const struct param *p, struct cmd_out *out)
{
	struct params	 defaults;
	char		 value[PARAM_STR_MAX], range[PARAM_STR_MAX];
	char		 def[PARAM_STR_MAX];

	/* The default as param_format writes it, from a default params. */
	params_defaults(&defaults);
	param_format(&defaults, p, def, sizeof def);
	param_format(tutor_params(t), p, value, sizeof value);
	param_describe_range(p, range, sizeof range);
	cmd_out_printf(out, "%s = %s\n", p->name, value);
	cmd_out_printf(out, "  range:   %s\n", range);
	if (p->unit != NULL)
		cmd_out_printf(out, "  unit:    %s\n", p->unit);
	cmd_out_printf(out, "  default: %s\n", def);
	cmd_out_printf(out, "  effect:  %s\n", effect_text(p->effect));
	cmd_out_printf(out, "  %s\n", p->text);
	tutor_say(t, false, "%s = %s  %s", p->name, value, range);
}

static int
cmd_show_exec(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	const struct param	*p;

	if (argc == 0) {
		show_all(t, out);
		return (0);
	}
	if ((p = param_find(argv[0])) == NULL) {
		tutor_say(t, true, "unknown parameter '%s'", argv[0]);
		return (-1);
	}
	show_one(t, p, out);
	return (0);
}
