/*
 * Commands: one table shared by the prompt, scripts and tests.  Each
 * entry is a name, an optional alias, a usage string, argument counts,
 * one sentence of help and a handler.  A line is split into words,
 * the name is matched (an exact name or alias wins, else a unique
 * prefix), the argument count checked, then the handler runs.
 *
 * Handlers change the tutor (and through it the session) and report in
 * one line through tutor_say(); longer output (show, help) goes to the
 * cmd_out buffer, which the screen shows in a window and batch prints.
 */
#ifndef QT_CMD_H
#define QT_CMD_H

#include <stdbool.h>
#include <stddef.h>

#include "param.h"
#include "tutor.h"

#define CMD_MAX_ARGS 8

struct cmd_out {
	char	*text;		/* malloc'd, NUL-terminated; NULL if empty */
	size_t	 len;
	size_t	 cap;
};

struct cmd_entry {
	const char	*name;
	const char	*alias;		/* NULL if none */
	const char	*usage;		/* the arguments, e.g. "NAME VALUE" */
	int		 min_args;
	int		 max_args;
	const char	*text;		/* one sentence */
	/* argv holds the argc arguments, without the command's name.
	 * Returns 0, or -1 having said why with tutor_say(). */
	int		 (*exec)(struct tutor *, int argc, char **argv,
			     struct cmd_out *);
	/* With FQI or DQN: their own handlers, if they have them (step is
	 * an iteration of FQI, a transition of DQN). */
	int		 (*fqi_exec)(struct tutor *, int argc, char **argv,
			     struct cmd_out *);
	int		 (*dqn_exec)(struct tutor *, int argc, char **argv,
			     struct cmd_out *);
	/* The learners it works with (SCOPE_* of param.h); 0: all. */
	unsigned	 scope;
};

/* NULL-terminated, in the order `help' lists them. */
extern const struct cmd_entry *const cmd_table[];

/* Run one line.  Returns 0, or -1 with the error in t->msg (msg_error
 * set) and nothing changed.  Blank lines and '#' comments do nothing. */
int	cmd_run(struct tutor *, const char *line, struct cmd_out *);
const struct cmd_entry *cmd_find(const char *name, char *err, size_t errsz);

/* Completion of the word that ends at byte `point' of `line': command
 * names for the first word, then parameter names (set, show) and values
 * (choices and booleans) for the words after.  Returns the number of
 * candidates and a malloc'd array of malloc'd strings, sorted (NULL
 * when there are none). */
int	cmd_complete(const char *line, size_t point, char ***candidates);

/* A whole number from min to max, all of arg; else -1 with "what: 'x'
 * is not a whole number from 1 to 10" said. */
int	cmd_parse_count(struct tutor *, const char *what, const char *arg,
	    long min, long max, long *out);

/* Set a parameter through the session and say what the change does;
 * set and seed share it. */
int	cmd_set_value(struct tutor *, const char *name, const char *value);

/* "s" unless n is 1: "3 episodes", "1 episode". */
const char *cmd_plural(long n);
/* Output is appended; cmd_out_free() empties the buffer. */
void	cmd_out_printf(struct cmd_out *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	cmd_out_free(struct cmd_out *);

#endif
