/*
 * Lesson files: a plain-text header (environment, agent, default
 * parameters, views) followed by pages of text, each page optionally
 * setting parameters when it opens and holding one checkpoint.  This
 * module only parses; it knows nothing of the parameter table or the
 * screen.  The caller checks names and values through the callbacks of
 * lesson_validate() and evaluates checkpoints through the lookup
 * callback of lesson_check_eval().
 *
 * The format, version 1:
 *
 *	# A comment: a line whose first character is '#', anywhere.
 *	qtutor-lesson 1
 *	name: frozenlake
 *	title: Tabular Q-learning on FrozenLake
 *	summary: Learn a Q-table on a frozen lake, one update at a time.
 *	env: frozenlake
 *	agent: qlearning
 *	views: grid qtable update curves
 *	set: alpha=0.8
 *	set: gamma=0.9
 *
 *	=== The Q-table
 *	@set epsilon=0.1
 *	@task Make the greedy action in state 14 be "right".
 *	@check greedy(14) == right
 *	Body text.  Paragraphs are separated by blank lines; the viewer
 *	wraps lines.
 *	\@ this line starts with an at sign.
 *
 * Lines.  A file is UTF-8 text of at most 1 MiB (LESSON_MAX_FILE) with
 * no NUL bytes; a line holds at most 4096 bytes (LESSON_MAX_LINE), not
 * counting its "\n" or "\r\n" ending; a byte order mark at the start is
 * ignored.  Trailing blanks (spaces, tabs, carriage returns) are removed
 * from every line.  A line whose first character is '#' is a comment
 * and is ignored wherever it appears, even inside a page.
 *
 * Version.  The first line that is neither blank nor a comment must be
 * "qtutor-lesson 1".  Any other version number is refused ("unsupported
 * lesson format version 2").
 *
 * Header.  Up to the first page, each non-blank line is "key: value"
 * (blanks after the colon are skipped; the value must not be empty).
 * The keys are:
 *	name	required; lowercase letters, digits, '_' and '-'.
 *	title	required; the lesson's title.
 *	summary	required; one line, shown by `qtutor --list'.
 *	env	required; the environment.
 *	agent	required; the learning algorithm.
 *	views	optional; view names separated by blanks.
 *	order	optional; 1 to 999: where the lesson goes in the start
 *		screen and --list (lessons without one come last, by name).
 *	compare	optional; NAME=V1,V2,...: what batch mode compares when it
 *		runs the lesson without --compare (e.g. agent=qlearning,sarsa).
 *	set	optional and repeatable; "NAME=VALUE", a parameter's value
 *		when the lesson starts.  NAME is [a-z_][a-z0-9_]*; blanks
 *		around '=' are allowed and VALUE must not be empty.
 * Any other key, or a key other than set given twice, is an error.
 *
 * Pages.  A line starting with "===" starts a page; the rest of the line,
 * without leading blanks, is its title, which is required.  At least one page and at most 200
 * (LESSON_MAX_PAGES) are allowed.  Inside a page, a line starting with
 * '@' is a directive:
 *	@set NAME=VALUE	sets a parameter when the page opens;
 *			repeatable, applied in order.
 *	@task TEXT	the checkpoint's task, as shown to the learner;
 *			at most one per page.
 *	@check EXPR	the condition that completes the task; at most one
 *			per page.  A page has both @task and @check, or
 *			neither.
 * Any other directive is an error.  Directives may appear anywhere in
 * the page and are not part of its text.
 *
 * Body.  The page's other lines are its body, kept as written.  A line
 * that must start with '@', '#', '=' or '\' is written with a leading
 * backslash (\@, \#, \===, \\), which is removed; a backslash before
 * any other character is kept.  Blank lines at the start and end of a
 * body are dropped; blank lines inside separate paragraphs, which the
 * viewer wraps.
 *
 * Checks.  EXPR is one to eight (LESSON_MAX_TERMS) terms joined by the
 * word "and".  A term is "METRIC OP VALUE":
 *	METRIC	a name [a-z_][a-z0-9_]* of at most 31 characters, with an
 *		optional index in parentheses: success_last100,
 *		greedy(14).  The index is a whole number from 0.
 *	OP	one of < <= > >= == !=.
 *	VALUE	a finite number (e.g. 0.9, -1, 2e3) or a word
 *		[a-z_][a-z0-9_]* of at most 31 characters, which the program
 *		translates into a number for that metric (e.g. the action
 *		"right" for greedy(14)).
 * Blanks between tokens are optional ("alpha<=0.2" is a term), except
 * that a blank must separate a value from the "and" after it.  The
 * decimal point is a full stop whatever the user's locale is.
 *
 * Errors are one line naming the file and the line, without a trailing
 * newline: "lessons/x.lesson:12: unknown directive @foo".  Errors about
 * the file as a whole name only the file: "x.lesson: No such file or
 * directory".
 */
#ifndef QT_LESSON_H
#define QT_LESSON_H

#include <stddef.h>

#define LESSON_VERSION		1
#define LESSON_MAX_FILE		(1024 * 1024)
#define LESSON_MAX_LINE		4096
#define LESSON_MAX_PAGES	200
#define LESSON_MAX_TERMS	8
#define LESSON_NAME_MAX		32	/* metric and word size, with NUL */

/* One "set: NAME=VALUE" or "@set NAME=VALUE". */
struct lesson_set {
	char	*name;
	char	*value;
	int	 line;
};

enum lesson_op { LOP_LT, LOP_LE, LOP_GT, LOP_GE, LOP_EQ, LOP_NE };

/* One "METRIC OP VALUE" of a check. */
struct lesson_term {
	char		 metric[LESSON_NAME_MAX];
	int		 index;		/* -1 if none */
	enum lesson_op	 op;
	int		 is_word;	/* 1: word is the value, else number */
	double		 number;
	char		 word[LESSON_NAME_MAX];
};

struct lesson_check {
	struct lesson_term	 term[LESSON_MAX_TERMS];
	int			 nterms;
	char			*text;		/* the expression as written */
	int			 line;		/* of the @check */
};

struct lesson_page {
	char			*title;
	char			*body;		/* lines joined by "\n" */
	struct lesson_set	*sets;
	int			 nsets;
	char			*task;		/* NULL if none */
	struct lesson_check	*check;		/* NULL if none */
	int			 line;		/* of the "===" line */
};

struct lesson {
	char			*path;		/* the origin, as given */
	char			*name;
	char			*title;
	char			*summary;
	char			*env;
	char			*agent;
	char			**views;
	int			 nviews;
	struct lesson_set	*sets;
	int			 nsets;
	struct lesson_page	*pages;
	int			 npages;
	int			 env_line;	/* for the caller's errors */
	int			 agent_line;
	int			 views_line;	/* 0 if there is no views: */
	char			*compare;	/* "NAME=V1,V2,..." or NULL */
	int			 order;		/* place in lists; 0 if none */
	int			 compare_line;
};

/*
 * Parse a lesson held in memory as a NUL-terminated string; origin names
 * it in errors (usually its path).  Returns NULL with err filled on
 * error.  The caller frees the result with lesson_free().
 */
struct lesson	*lesson_parse(const char *text, const char *origin, char *err,
		     size_t errsz);
/* Read and parse a lesson file. */
struct lesson	*lesson_load(const char *path, char *err, size_t errsz);
void		 lesson_free(struct lesson *);

/*
 * Check every set (header and pages, in file order) with check_set and
 * every check term's metric with check_metric; either callback may be
 * NULL.  A callback returns 0, or -1 with err filled; lesson_validate
 * then returns -1 with that message prefixed by "path:line: ".
 */
int		 lesson_validate(const struct lesson *,
		     int (*check_set)(void *ctx, const char *name,
			 const char *value, char *err, size_t errsz),
		     int (*check_metric)(void *ctx, const char *metric,
			 int index, char *err, size_t errsz),
		     void *ctx, char *err, size_t errsz);

/*
 * Evaluate a check.  lookup(ctx, metric, index, NULL, &v, ...) gives
 * the metric's current value; lookup(ctx, metric, index, word, &v, ...)
 * translates a word VALUE for that metric into a number (e.g. "right"
 * into 2 for greedy(14)).  lookup returns 0, or -1 with err filled.
 * Every term is looked up, so a bad word is reported even when an
 * earlier term fails.  Returns 1 if all terms hold, 0 if not, -1 on a
 * lookup error (err holds lookup's message unchanged).
 */
int		 lesson_check_eval(const struct lesson_check *,
		     int (*lookup)(void *ctx, const char *metric, int index,
			 const char *word, double *out, char *err,
			 size_t errsz),
		     void *ctx, char *err, size_t errsz);

/* Whether "lhs OP rhs" holds. */
int		 lesson_op_holds(enum lesson_op, double lhs, double rhs);
/* The operator as written: "<", "<=", ">", ">=", "==" or "!=". */
const char	*lesson_op_name(enum lesson_op);

#endif
