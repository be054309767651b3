/* The command table: lookup, argument splitting, completion, output. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "param.h"
#include "xmalloc.h"

extern const struct cmd_entry cmd_set_entry;
extern const struct cmd_entry cmd_show_entry;
extern const struct cmd_entry cmd_step_entry;
extern const struct cmd_entry cmd_back_entry;
extern const struct cmd_entry cmd_episode_entry;
extern const struct cmd_entry cmd_run_entry;
extern const struct cmd_entry cmd_pause_entry;
extern const struct cmd_entry cmd_reset_entry;
extern const struct cmd_entry cmd_seed_entry;
extern const struct cmd_entry cmd_sweep_entry;
extern const struct cmd_entry cmd_solve_entry;
extern const struct cmd_entry cmd_backup_entry;
extern const struct cmd_entry cmd_plan_entry;
extern const struct cmd_entry cmd_compare_entry;
extern const struct cmd_entry cmd_target_entry;
extern const struct cmd_entry cmd_save_dataset_entry;
extern const struct cmd_entry cmd_save_network_entry;
extern const struct cmd_entry cmd_load_network_entry;
extern const struct cmd_entry cmd_page_entry;
extern const struct cmd_entry cmd_next_entry;
extern const struct cmd_entry cmd_prev_entry;
extern const struct cmd_entry cmd_help_entry;
extern const struct cmd_entry cmd_quit_entry;

const struct cmd_entry *const cmd_table[] = {
	&cmd_set_entry,
	&cmd_show_entry,
	&cmd_step_entry,
	&cmd_back_entry,
	&cmd_episode_entry,
	&cmd_run_entry,
	&cmd_pause_entry,
	&cmd_reset_entry,
	&cmd_seed_entry,
	&cmd_sweep_entry,
	&cmd_solve_entry,
	&cmd_backup_entry,
	&cmd_plan_entry,
	&cmd_compare_entry,
	&cmd_target_entry,
	&cmd_save_dataset_entry,
	&cmd_save_network_entry,
	&cmd_load_network_entry,
	&cmd_page_entry,
	&cmd_next_entry,
	&cmd_prev_entry,
	&cmd_help_entry,
	&cmd_quit_entry,
	NULL
};

/* A growing list of completion candidates. */
struct cand {
	char	**v;
	int	  n;
	int	  cap;
};

static int	split_words(char *, char **, int);
static void	cand_add(struct cand *, const char *, const char *,
		    const char *);
static int	cand_cmp(const void *, const void *);
static int	cand_finish(struct cand *, char ***);
static void	complete_commands(struct cand *, const char *, bool);
static void	complete_params(struct cand *, const char *);
static void	complete_values(struct cand *, const char *, const char *,
		    const char *);
static void	complete_list(struct cand *, const char *, char *);
static void	complete_args(struct cand *, const struct cmd_entry *, int,
		    char **, char *);

const struct cmd_entry *
cmd_find(const char *name, char *err, size_t errsz)
{
	const struct cmd_entry *const	*e;
	const struct cmd_entry		*found = NULL;
	size_t				 len = strlen(name), used;
	int				 n = 0;

	/* An exact name or alias wins over any prefix match: "s" could
	 * start four commands, but were it an alias it would mean one. */
	for (e = cmd_table; *e != NULL; e++) {
		if (strcmp((*e)->name, name) == 0 ||
		    ((*e)->alias != NULL && strcmp((*e)->alias, name) == 0))
			return (*e);
	}
	for (e = cmd_table; len > 0 && *e != NULL; e++) {
		if (strncmp((*e)->name, name, len) == 0) {
			found = *e;
			n++;
		}
	}
	if (n == 1)
		return (found);
	if (n == 0) {
		snprintf(err, errsz, "unknown command: %s", name);
		return (NULL);
	}
	used = (size_t)snprintf(err, errsz, "ambiguous command: %s, could be: ",
	    name);
	for (e = cmd_table, n = 0; *e != NULL && used < errsz; e++) {
		if (strncmp((*e)->name, name, len) != 0)
			continue;
		used += (size_t)snprintf(err + used, errsz - used, "%s%s",
		    n++ > 0 ? ", " : "", (*e)->name);
	}
	return (NULL);
}

/* Split s in place at blanks; returns the number of words, or max + 1
 * when there are more than max. */
static int
split_words(char *s, char **words, int max)
{
	int	 n = 0;

	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		if (*s == '\0')
			return (n);
		if (n == max)
			return (max + 1);
		words[n++] = s;
		while (*s != '\0' && *s != ' ' && *s != '\t' && *s != '\n' &&
		    *s != '\r')
			s++;
		if (*s != '\0')
			*s++ = '\0';
	}
}

/* Who a command is for, in words. */
static const char *
scope_words(unsigned scope)
{
	switch (scope) {
	case SCOPE_TABULAR:
		return ("the tabular agents and their transition models");
	case SCOPE_FQI:
		return ("fitted Q-iteration: qtutor --lesson fqi");
	case SCOPE_DQN:
		return ("DQN: qtutor --lesson dqn");
	case SCOPE_TABULAR | SCOPE_DQN:
		return ("the tabular agents and DQN");
	default:
		return ("other agents");
	}
}

int
cmd_run(struct tutor *t, const char *line, struct cmd_out *out)
{
	const struct cmd_entry	*e;
	char			*copy, *words[CMD_MAX_ARGS + 1], err[256];
	unsigned		 scope;
	int			 n, rc = -1;

	copy = xstrdup(line);
	n = split_words(copy, words, CMD_MAX_ARGS + 1);
	/* Blank lines and comments are allowed in scripts and lessons. */
	if (n == 0 || words[0][0] == '#') {
		free(copy);
		return (0);
	}
	if ((e = cmd_find(words[0], err, sizeof err)) == NULL) {
		tutor_say(t, true, "%s", err);
		goto done;
	}
	if (n - 1 < e->min_args || n - 1 > e->max_args) {
		tutor_say(t, true, "usage: %s%s%s", e->name,
		    e->usage[0] != '\0' ? " " : "", e->usage);
		goto done;
	}
	/* A worker is fitting an FQI iteration: the session is its own
	 * until then. */
	if (tutor_busy(t) && strcmp(e->name, "pause") != 0 &&
	    strcmp(e->name, "help") != 0 && strcmp(e->name, "show") != 0 &&
	    strcmp(e->name, "quit") != 0) {
		tutor_say(t, true, "%s: wait, an iteration is being fitted "
		    "(%.1f s so far); pause stops the run after it", e->name,
		    tutor_busy_ms(t) / 1e3);
		goto done;
	}
	scope = tutor_scope(t);
	if (e->scope != 0 && (e->scope & scope) == 0) {
		tutor_say(t, true, "%s: not with agent %s (it is for %s)",
		    e->name, params_agent(tutor_params(t)), scope_words(e->scope));
		goto done;
	}
	if (scope == SCOPE_FQI && e->fqi_exec != NULL)
		rc = e->fqi_exec(t, n - 1, words + 1, out);
	else if (scope == SCOPE_DQN && e->dqn_exec != NULL)
		rc = e->dqn_exec(t, n - 1, words + 1, out);
	else
		rc = e->exec(t, n - 1, words + 1, out);
	/* A handler that fails has said why; make sure it reads as an
	 * error whatever it said. */
	if (rc != 0)
		t->msg_error = true;
done:
	free(copy);
	return (rc);
}

int
cmd_parse_count(struct tutor *t, const char *what, const char *arg, long min,
    long max, long *out)
{
	char	*end;
	long	 v;

	/* Digits only: strtol would also take blanks, signs and "0x". */
	errno = 0;
	v = isdigit((unsigned char)arg[0]) ? strtol(arg, &end, 10) : 0;
	if (!isdigit((unsigned char)arg[0]) || *end != '\0' ||
	    errno == ERANGE || v < min || v > max) {
		tutor_say(t, true, "%s: '%s' is not a whole number from %ld to "
		    "%ld", what, arg, min, max);
		return (-1);
	}
	*out = v;
	return (0);
}

const char *
cmd_plural(long n)
{
	return (n == 1 ? "" : "s");
}

void
cmd_out_printf(struct cmd_out *out, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	if (out->len + (size_t)n + 1 > out->cap) {
		out->cap = out->len + (size_t)n + 1;
		if (out->cap < 256)
			out->cap = 256;
		out->cap *= 2;
		out->text = xreallocarray(out->text, out->cap, 1);
	}
	va_start(ap, fmt);
	vsnprintf(out->text + out->len, out->cap - out->len, fmt, ap);
	va_end(ap);
	out->len += (size_t)n;
}

void
cmd_out_free(struct cmd_out *out)
{
	free(out->text);
	out->text = NULL;
	out->len = out->cap = 0;
}

/* Add prefix + word, if word starts with want. */
static void
cand_add(struct cand *c, const char *prefix, const char *word,
    const char *want)
{
	size_t	 plen = strlen(prefix), wlen = strlen(word);

	if (strncmp(word, want, strlen(want)) != 0)
		return;
	if (c->n == c->cap) {
		c->cap = c->cap > 0 ? c->cap * 2 : 16;
		c->v = xreallocarray(c->v, (size_t)c->cap, sizeof *c->v);
	}
	c->v[c->n] = xalloc(plen + wlen + 1);
	memcpy(c->v[c->n], prefix, plen);
	memcpy(c->v[c->n] + plen, word, wlen + 1);
	c->n++;
}

static int
cand_cmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/* Sort and drop duplicates (a name and an alias may be the same). */
static int
cand_finish(struct cand *c, char ***candidates)
{
	int	 i, kept = 0;

	if (c->n == 0) {
		free(c->v);
		*candidates = NULL;
		return (0);
	}
	qsort(c->v, (size_t)c->n, sizeof *c->v, cand_cmp);
	for (i = 0; i < c->n; i++) {
		if (kept > 0 && strcmp(c->v[kept - 1], c->v[i]) == 0)
			free(c->v[i]);
		else
			c->v[kept++] = c->v[i];
	}
	*candidates = c->v;
	return (kept);
}

static void
complete_commands(struct cand *c, const char *want, bool aliases)
{
	const struct cmd_entry *const	*e;

	for (e = cmd_table; *e != NULL; e++) {
		cand_add(c, "", (*e)->name, want);
		if (aliases && (*e)->alias != NULL)
			cand_add(c, "", (*e)->alias, want);
	}
}

static void
complete_params(struct cand *c, const char *want)
{
	const struct param	*p;

	for (p = param_table; p->name != NULL; p++)
		cand_add(c, "", p->name, want);
}

/* The values a parameter can take, when there are few of them. */
static void
complete_values(struct cand *c, const char *prefix, const char *name,
    const char *want)
{
	const struct param	*p = param_find(name);
	int			 i;

	if (p == NULL)
		return;
	if (p->type == P_CHOICE) {
		for (i = 0; p->choices[i] != NULL; i++)
			cand_add(c, prefix, p->choices[i], want);
	} else if (p->type == P_BOOL) {
		cand_add(c, prefix, "0", want);
		cand_add(c, prefix, "1", want);
	}
}

/* The last value of a comma-separated list ("qlearning,sa"). */
static void
complete_list(struct cand *c, const char *name, char *want)
{
	char	*comma = strrchr(want, ','), *prefix;
	size_t	 plen;

	if (comma == NULL) {
		complete_values(c, "", name, want);
		return;
	}
	plen = (size_t)(comma - want) + 1;
	prefix = xalloc(plen + 1);
	memcpy(prefix, want, plen);
	prefix[plen] = '\0';
	complete_values(c, prefix, name, comma + 1);
	free(prefix);
}

/* The argument after argc complete ones (args) of command e. */
static void
complete_args(struct cand *c, const struct cmd_entry *e, int argc,
    char **args, char *want)
{
	char	*eq, *prefix;
	size_t	 plen;

	if (e == &cmd_help_entry && argc == 0)
		complete_commands(c, want, false);
	else if ((e == &cmd_show_entry || e == &cmd_compare_entry) &&
	    argc == 0)
		complete_params(c, want);
	else if (e == &cmd_compare_entry && argc == 1)
		complete_list(c, args[0], want);
	else if (e == &cmd_set_entry && argc == 1)
		complete_values(c, "", args[0], want);
	else if (e == &cmd_plan_entry && argc == 0) {
		cand_add(c, "", "off", want);
		cand_add(c, "", "on", want);
	}
	else if (e == &cmd_set_entry && argc == 0) {
		if ((eq = strchr(want, '=')) == NULL) {
			complete_params(c, want);
			return;
		}
		/* "set policy=e": the values, each after "policy=". */
		plen = (size_t)(eq - want) + 1;
		prefix = xalloc(plen + 1);
		memcpy(prefix, want, plen);
		prefix[plen] = '\0';
		*eq = '\0';
		complete_values(c, prefix, want, eq + 1);
		free(prefix);
	}
}

int
cmd_complete(const char *line, size_t point, char ***candidates)
{
	struct cand		 c = { NULL, 0, 0 };
	const struct cmd_entry	*e;
	char			*before, *want, *words[CMD_MAX_ARGS + 1];
	char			 err[256];
	size_t			 start;
	int			 n;

	/* The word being completed runs from the last blank before point
	 * to point; the words before it say what it is. */
	if (point > strlen(line))
		point = strlen(line);
	start = point;
	while (start > 0 && line[start - 1] != ' ' && line[start - 1] != '\t')
		start--;
	before = xalloc(start + 1);
	memcpy(before, line, start);
	before[start] = '\0';
	want = xalloc(point - start + 1);
	memcpy(want, line + start, point - start);
	want[point - start] = '\0';
	n = split_words(before, words, CMD_MAX_ARGS);

	if (n == 0)
		complete_commands(&c, want, true);
	else if (n <= CMD_MAX_ARGS &&
	    (e = cmd_find(words[0], err, sizeof err)) != NULL)
		complete_args(&c, e, n - 1, words + 1, want);
	free(before);
	free(want);
	return (cand_finish(&c, candidates));
}
