/* Lesson and program commands: page, next, prev, help, quit. */
#include <stdio.h>
#include <string.h>

#include "cmd.h"

#define CMD_KEYS "Keys: SPACE step, b back, e episode, r run/pause, " \
	"v sweep, +/- speed, n/p page, : prompt, ? help, q quit"
/* In fitted Q-iteration a step is an iteration and e plays the cart
 * (the status line's hints say the same). */
#define CMD_KEYS_FQI "Keys: SPACE iterate, b back, e play, r run/pause, " \
	"+/- speed, n/p page, : prompt, ? help, q quit"
#define CMD_KEYS_DQN "Keys: SPACE step, b back, e episode, r run/pause, " \
	"+/- speed, n/p page, : prompt, ? help, q quit"
#define CMD_DQN "With DQN: step N takes N transitions (and their gradient " \
	"steps), back N takes back N of those taken one at a time, episode " \
	"runs to the end of the episode, run N takes N steps (without N, up " \
	"to steps)"
#define CMD_FQI "In fitted Q-iteration: step N fits N iterations, back N " \
	"undoes N, episode plays a greedy episode of the current fit on the " \
	"cart, run N fits N more (without N, up to iterations)"

static int	cmd_page_exec(struct tutor *, int, char **, struct cmd_out *);
static int	cmd_next_exec(struct tutor *, int, char **, struct cmd_out *);
static int	cmd_prev_exec(struct tutor *, int, char **, struct cmd_out *);
static int	cmd_help_exec(struct tutor *, int, char **, struct cmd_out *);
static int	cmd_quit_exec(struct tutor *, int, char **, struct cmd_out *);
static int	open_page(struct tutor *, int);
static void	help_all(struct tutor *, struct cmd_out *);
static void	help_one(struct tutor *, const struct cmd_entry *,
		    struct cmd_out *);

const struct cmd_entry cmd_page_entry = {
	.name = "page",
	.usage = "N",
	.min_args = 1,
	.max_args = 1,
	.text = "Open page N of the lesson.",
	.exec = cmd_page_exec
};

const struct cmd_entry cmd_next_entry = {
	.name = "next",
	.usage = "",
	.min_args = 0,
	.max_args = 0,
	.text = "Open the next page of the lesson.",
	.exec = cmd_next_exec
};

const struct cmd_entry cmd_prev_entry = {
	.name = "prev",
	.usage = "",
	.min_args = 0,
	.max_args = 0,
	.text = "Open the previous page of the lesson.",
	.exec = cmd_prev_exec
};

const struct cmd_entry cmd_help_entry = {
	.name = "help",
	.usage = "[COMMAND]",
	.min_args = 0,
	.max_args = 1,
	.text = "List the commands and keys, or describe one command.",
	.exec = cmd_help_exec
};

const struct cmd_entry cmd_quit_entry = {
	.name = "quit",
	.alias = "q",
	.usage = "",
	.min_args = 0,
	.max_args = 0,
	.text = "Leave the lesson (back to the start screen when it was "
	    "opened from there).",
	.exec = cmd_quit_exec
};

/* Page n (0-based).  tutor_open_page says something only when the page
 * sets parameters; otherwise its title is the news. */
static int
open_page(struct tutor *t, int n)
{
	t->msg[0] = '\0';
	t->msg_error = false;
	if (tutor_open_page(t, n) != 0)
		return (-1);
	if (t->msg[0] == '\0')
		tutor_say(t, false, "page %d of %d: %s", n + 1,
		    t->lesson->npages, t->lesson->pages[n].title);
	return (0);
}

static int
cmd_page_exec(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	long	 n;

	(void)argc;
	(void)out;
	if (cmd_parse_count(t, "page", argv[0], 1, t->lesson->npages,
	    &n) != 0)
		return (-1);
	return (open_page(t, (int)n - 1));
}

static int
cmd_next_exec(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	(void)argc;
	(void)argv;
	(void)out;
	if (t->page + 1 >= t->lesson->npages) {
		tutor_say(t, true, "page: this is the last page");
		return (-1);
	}
	return (open_page(t, t->page + 1));
}

static int
cmd_prev_exec(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	(void)argc;
	(void)argv;
	(void)out;
	if (t->page == 0) {
		tutor_say(t, true, "page: this is the first page");
		return (-1);
	}
	return (open_page(t, t->page - 1));
}

/* One line per command, "name usage" in a column, then the keys. */
static void
help_all(struct tutor *t, struct cmd_out *out)
{
	const struct cmd_entry *const	*e;
	char				 left[128];
	int				 width = 0, len, n = 0, refused = 0;

	for (e = cmd_table; *e != NULL; e++) {
		len = snprintf(left, sizeof left, "%s %s", (*e)->name,
		    (*e)->usage);
		if (len > width)
			width = len;
	}
	for (e = cmd_table; *e != NULL; e++, n++) {
		snprintf(left, sizeof left, "%s %s", (*e)->name, (*e)->usage);
		cmd_out_printf(out, "%-*s  %s", width, left, (*e)->text);
		if ((*e)->alias != NULL)
			cmd_out_printf(out, " (alias: %s)", (*e)->alias);
		cmd_out_printf(out, "\n");
	}
	if (tutor_scope(t) != SCOPE_TABULAR) {
		/* What the session's commands mean here, and which do not
		 * apply, from the table. */
		cmd_out_printf(out, "\n%s; not here:", t->f != NULL ? CMD_FQI :
		    CMD_DQN);
		for (e = cmd_table; *e != NULL; e++)
			if ((*e)->scope != 0 &&
			    ((*e)->scope & tutor_scope(t)) == 0)
				cmd_out_printf(out, "%s %s", refused++ > 0 ?
				    "," : "", (*e)->name);
		cmd_out_printf(out, ".\n%s\n", t->f != NULL ? CMD_KEYS_FQI :
		    CMD_KEYS_DQN);
	} else
		cmd_out_printf(out, "\n%s\n", CMD_KEYS);
	tutor_say(t, false, "help: %d commands; help COMMAND for one", n);
}

static void
help_one(struct tutor *t, const struct cmd_entry *e, struct cmd_out *out)
{
	const char	*sep = e->usage[0] != '\0' ? " " : "";

	cmd_out_printf(out, "usage: %s%s%s\n", e->name, sep, e->usage);
	if (e->alias != NULL)
		cmd_out_printf(out, "alias: %s\n", e->alias);
	cmd_out_printf(out, "%s\n", e->text);
	tutor_say(t, false, "usage: %s%s%s", e->name, sep, e->usage);
}

static int
cmd_help_exec(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	const struct cmd_entry	*e;
	char			 err[256];

	if (argc == 0) {
		help_all(t, out);
		return (0);
	}
	/* The same lookup as the prompt's, so "help st" means step. */
	if ((e = cmd_find(argv[0], err, sizeof err)) == NULL) {
		tutor_say(t, true, "%s", err);
		return (-1);
	}
	help_one(t, e, out);
	return (0);
}

static int
cmd_quit_exec(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	(void)argc;
	(void)argv;
	(void)out;
	t->quit = true;
	tutor_say(t, false, "quit");
	return (0);
}
