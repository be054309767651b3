/* Tests of lesson parsing, validation and checkpoint evaluation. */
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lesson.h"

#ifndef TOP_SRCDIR
#define TOP_SRCDIR "."
#endif
#define FIXTURES	TOP_SRCDIR "/tests/data/lessons/"
#define FROZENLAKE	TOP_SRCDIR "/lessons/frozenlake.lesson"

/* The header of in-memory lessons: six lines, so a page starts on 7. */
#define HEADER \
	"qtutor-lesson 1\nname: t\ntitle: T\nsummary: S.\nenv: e\nagent: a\n"

struct fake_metrics {
	double	 success_last100;
	int	 greedy[16];	/* the greedy action of each state */
};

struct fake_validator {
	char		 seen[1024];	/* "name=value;" and "metric(i);" */
	const char	*bad_set;
	const char	*bad_metric;
};

static struct lesson *load_fixture(const char *, char *, size_t);
static void	 assert_load_error(const char *, const char *);
static void	 assert_parse_error(const char *, const char *);
static struct lesson *parse_check(const char *);
static void	 assert_check_error(const char *, const char *);
static void	 assert_set(const struct lesson_set *, const char *,
		    const char *, int);
static int	 fake_lookup(void *, const char *, int, const char *,
		    double *, char *, size_t);
static int	 fake_check_set(void *, const char *, const char *, char *,
		    size_t);
static int	 fake_check_metric(void *, const char *, int, char *, size_t);

static struct lesson *
load_fixture(const char *name, char *err, size_t errsz)
{
	char	 path[1024];

	snprintf(path, sizeof path, FIXTURES "%s", name);
	return (lesson_load(path, err, errsz));
}

/* Loading the fixture fails with "path" followed by tail. */
static void
assert_load_error(const char *name, const char *tail)
{
	char	 err[1024], expected[1024];

	err[0] = '\0';
	snprintf(expected, sizeof expected, FIXTURES "%s%s", name, tail);
	assert_null(load_fixture(name, err, sizeof err));
	assert_string_equal(err, expected);
}

static void
assert_parse_error(const char *text, const char *expected)
{
	char	 err[1024];

	err[0] = '\0';
	assert_null(lesson_parse(text, "t.lesson", err, sizeof err));
	assert_string_equal(err, expected);
}

/* A one-page lesson whose checkpoint is expr (on line 9). */
static struct lesson *
parse_check(const char *expr)
{
	struct lesson	*l;
	char		 text[2048], err[1024];

	snprintf(text, sizeof text, HEADER "=== P\n@task T.\n@check %s\n",
	    expr);
	l = lesson_parse(text, "t.lesson", err, sizeof err);
	if (l == NULL)
		fail_msg("%s: %s", expr, err);
	assert_non_null(l->pages[0].check);
	return (l);
}

static void
assert_check_error(const char *expr, const char *message)
{
	char	 text[2048], expected[1024];

	snprintf(text, sizeof text, HEADER "=== P\n@task T.\n@check %s\n",
	    expr);
	snprintf(expected, sizeof expected, "t.lesson:9: %s", message);
	assert_parse_error(text, expected);
}

static void
assert_set(const struct lesson_set *set, const char *name, const char *value,
    int line)
{
	assert_string_equal(set->name, name);
	assert_string_equal(set->value, value);
	assert_int_equal(set->line, line);
}

static int
fake_lookup(void *ctx, const char *metric, int index, const char *word,
    double *out, char *err, size_t errsz)
{
	static const char *const actions[] = { "left", "down", "right", "up" };
	struct fake_metrics	*m = ctx;
	int			 a;

	if (strcmp(metric, "success_last100") == 0 && index == -1 &&
	    word == NULL) {
		*out = m->success_last100;
		return (0);
	}
	if (strcmp(metric, "greedy") != 0) {
		snprintf(err, errsz, "unknown metric %s", metric);
		return (-1);
	}
	if (index < 0 || index >= 16) {
		snprintf(err, errsz, "greedy(%d): no such state", index);
		return (-1);
	}
	if (word == NULL) {
		*out = m->greedy[index];
		return (0);
	}
	for (a = 0; a < 4; a++) {
		if (strcmp(word, actions[a]) == 0) {
			*out = a;
			return (0);
		}
	}
	snprintf(err, errsz, "greedy: %s is not an action", word);
	return (-1);
}

static int
fake_check_set(void *ctx, const char *name, const char *value, char *err,
    size_t errsz)
{
	struct fake_validator	*v = ctx;
	size_t			 n = strlen(v->seen);

	snprintf(v->seen + n, sizeof v->seen - n, "%s=%s;", name, value);
	if (v->bad_set != NULL && strcmp(name, v->bad_set) == 0) {
		snprintf(err, errsz, "%s: %s is not allowed", name, value);
		return (-1);
	}
	return (0);
}

static int
fake_check_metric(void *ctx, const char *metric, int index, char *err,
    size_t errsz)
{
	struct fake_validator	*v = ctx;
	size_t			 n = strlen(v->seen);

	snprintf(v->seen + n, sizeof v->seen - n, "%s(%d);", metric, index);
	if (v->bad_metric != NULL && strcmp(metric, v->bad_metric) == 0) {
		snprintf(err, errsz, "unknown metric %s", metric);
		return (-1);
	}
	return (0);
}

static void
test_lesson_parse_good_header(void **state)
{
	struct lesson	*l;
	char		 err[1024];

	(void)state;
	l = load_fixture("good.lesson", err, sizeof err);
	if (l == NULL)
		fail_msg("%s", err);
	assert_string_equal(l->path, FIXTURES "good.lesson");
	assert_string_equal(l->name, "good_lesson-1");
	assert_string_equal(l->title, "A good lesson");
	assert_string_equal(l->summary,
	    "Everything the format allows, in one file.");
	assert_string_equal(l->env, "frozenlake");
	assert_int_equal(l->env_line, 9);
	assert_string_equal(l->agent, "qlearning");
	assert_int_equal(l->agent_line, 10);
	assert_int_equal(l->nviews, 3);
	assert_string_equal(l->views[0], "grid");
	assert_string_equal(l->views[1], "qtable");
	assert_string_equal(l->views[2], "update");
	assert_int_equal(l->views_line, 11);
	assert_int_equal(l->nsets, 2);
	assert_set(&l->sets[0], "alpha", "0.8", 12);
	assert_set(&l->sets[1], "gamma", "0.9", 13);
	lesson_free(l);
}

static void
test_lesson_parse_good_pages(void **state)
{
	struct lesson	*l;
	char		 err[1024];

	(void)state;
	l = load_fixture("good.lesson", err, sizeof err);
	if (l == NULL)
		fail_msg("%s", err);
	assert_int_equal(l->npages, 4);

	assert_string_equal(l->pages[0].title, "First page");
	assert_int_equal(l->pages[0].line, 15);
	assert_int_equal(l->pages[0].nsets, 2);
	assert_set(&l->pages[0].sets[0], "epsilon", "0.1", 16);
	assert_set(&l->pages[0].sets[1], "policy", "noisy", 17);
	assert_null(l->pages[0].task);
	assert_null(l->pages[0].check);

	assert_string_equal(l->pages[1].title, "Second page");
	assert_int_equal(l->pages[1].line, 33);
	assert_int_equal(l->pages[1].nsets, 1);
	assert_set(&l->pages[1].sets[0], "alpha", "0.2", 38);
	assert_string_equal(l->pages[1].task,
	    "Make the greedy action in state 14 be \"right\".");
	assert_non_null(l->pages[1].check);

	assert_string_equal(l->pages[2].title, "Empty page");
	assert_int_equal(l->pages[2].line, 40);
	assert_int_equal(l->pages[2].nsets, 0);
	assert_null(l->pages[2].sets);
	assert_null(l->pages[2].task);
	assert_null(l->pages[2].check);

	assert_string_equal(l->pages[3].title, "Last page");
	assert_int_equal(l->pages[3].line, 41);
	assert_string_equal(l->pages[3].task, "Lower alpha.");
	assert_non_null(l->pages[3].check);
	lesson_free(l);
}

static void
test_lesson_parse_good_bodies(void **state)
{
	struct lesson	*l;
	char		 err[1024];

	(void)state;
	l = load_fixture("good.lesson", err, sizeof err);
	if (l == NULL)
		fail_msg("%s", err);
	/*
	 * Leading and trailing blank lines are dropped, trailing blanks
	 * trimmed, comments and directives left out, escapes removed.
	 */
	assert_string_equal(l->pages[0].body,
	    "First paragraph, line one.\n"
	    "First paragraph, line two.\n"
	    "\n"
	    "Second paragraph.\n"
	    "@ starts with an at sign.\n"
	    "# starts with a hash.\n"
	    "=== starts with three equals signs.\n"
	    "\\ starts with a backslash.\n"
	    "\\x keeps its backslash.\n"
	    "  Indented text stays indented.");
	assert_string_equal(l->pages[1].body,
	    "Text before the check.\nText after the check.");
	assert_string_equal(l->pages[2].body, "");
	assert_string_equal(l->pages[3].body, "");
	lesson_free(l);
}

static void
test_lesson_parse_good_checks(void **state)
{
	const struct lesson_check	*c;
	struct lesson			*l;
	char				 err[1024];

	(void)state;
	l = load_fixture("good.lesson", err, sizeof err);
	if (l == NULL)
		fail_msg("%s", err);

	c = l->pages[1].check;
	assert_string_equal(c->text,
	    "greedy(14) == right and success_last100>=0.9");
	assert_int_equal(c->line, 36);
	assert_int_equal(c->nterms, 2);
	assert_string_equal(c->term[0].metric, "greedy");
	assert_int_equal(c->term[0].index, 14);
	assert_int_equal(c->term[0].op, LOP_EQ);
	assert_true(c->term[0].is_word);
	assert_string_equal(c->term[0].word, "right");
	assert_string_equal(c->term[1].metric, "success_last100");
	assert_int_equal(c->term[1].index, -1);
	assert_int_equal(c->term[1].op, LOP_GE);
	assert_false(c->term[1].is_word);
	assert_true(c->term[1].number == 0.9);

	c = l->pages[3].check;
	assert_int_equal(c->line, 43);
	assert_int_equal(c->nterms, 5);
	assert_string_equal(c->term[0].metric, "alpha");
	assert_int_equal(c->term[0].op, LOP_LE);
	assert_true(c->term[0].number == 0.2);
	assert_string_equal(c->term[1].metric, "steps_last100");
	assert_int_equal(c->term[1].op, LOP_LT);
	assert_true(c->term[1].number == 100);
	assert_int_equal(c->term[2].op, LOP_NE);
	assert_true(c->term[2].number == -1.5);
	assert_int_equal(c->term[3].op, LOP_GT);
	assert_true(c->term[3].number == 10);
	assert_string_equal(c->term[4].metric, "greedy");
	assert_int_equal(c->term[4].index, 3);
	assert_string_equal(c->term[4].word, "left");
	lesson_free(l);
}

static void
test_lesson_parse_crlf_and_bom(void **state)
{
	struct lesson	*l;
	char		 err[1024];

	(void)state;
	l = load_fixture("good-crlf.lesson", err, sizeof err);
	if (l == NULL)
		fail_msg("%s", err);
	assert_string_equal(l->name, "crlf");
	assert_string_equal(l->agent, "qlearning");
	assert_int_equal(l->nviews, 0);
	assert_null(l->views);
	assert_int_equal(l->views_line, 0);
	assert_int_equal(l->npages, 1);
	assert_string_equal(l->pages[0].title, "Only page");
	assert_string_equal(l->pages[0].body, "Line one.\n\nLine two.");
	lesson_free(l);
}

static void
test_lesson_parse_frozenlake(void **state)
{
	struct lesson	*l;
	char		 err[1024];
	int		 i, checks = 0;

	(void)state;
	l = lesson_load(FROZENLAKE, err, sizeof err);
	if (l == NULL)
		fail_msg("%s", err);
	assert_string_equal(l->name, "frozenlake");
	assert_string_equal(l->env, "frozenlake");
	assert_string_equal(l->agent, "qlearning");
	assert_int_equal(l->nviews, 4);
	assert_string_equal(l->views[0], "grid");
	assert_string_equal(l->views[1], "qtable");
	assert_string_equal(l->views[2], "update");
	assert_string_equal(l->views[3], "curves");
	assert_int_equal(l->nsets, 9);
	assert_string_equal(l->sets[0].name, "alpha");
	assert_string_equal(l->sets[0].value, "0.8");
	assert_string_equal(l->sets[1].name, "gamma");
	assert_string_equal(l->sets[1].value, "0.9");
	assert_string_equal(l->sets[2].name, "policy");
	assert_string_equal(l->sets[2].value, "noisy");
	assert_string_equal(l->sets[3].name, "epsilon");
	assert_string_equal(l->sets[3].value, "0.1");
	assert_string_equal(l->sets[4].name, "map");
	assert_string_equal(l->sets[4].value, "4x4");
	assert_string_equal(l->sets[5].name, "slippery");
	assert_string_equal(l->sets[5].value, "0");
	assert_string_equal(l->sets[6].name, "max_steps");
	assert_string_equal(l->sets[6].value, "99");
	assert_string_equal(l->sets[7].name, "episodes");
	assert_string_equal(l->sets[7].value, "500");
	assert_string_equal(l->sets[8].name, "runs");
	assert_string_equal(l->sets[8].value, "30");
	assert_true(l->npages >= 2);
	for (i = 0; i < l->npages; i++) {
		assert_true(strlen(l->pages[i].body) > 0);
		checks += l->pages[i].check != NULL;
	}
	assert_true(checks >= 1);
	lesson_free(l);
}

static void
test_lesson_error_missing_file(void **state)
{
	(void)state;
	assert_load_error("no-such.lesson", ": No such file or directory");
}

static void
test_lesson_error_no_version(void **state)
{
	(void)state;
	assert_load_error("no-version.lesson",
	    ":3: expected \"qtutor-lesson 1\", found \"name: broken\"");
}

static void
test_lesson_error_empty_file(void **state)
{
	(void)state;
	assert_load_error("empty.lesson",
	    ":2: missing \"qtutor-lesson 1\" line");
	assert_parse_error("", "t.lesson:1: missing \"qtutor-lesson 1\" line");
}

static void
test_lesson_error_bad_version(void **state)
{
	(void)state;
	assert_load_error("bad-version.lesson",
	    ":2: unsupported lesson format version 2");
}

static void
test_lesson_error_unknown_key(void **state)
{
	(void)state;
	assert_load_error("unknown-key.lesson",
	    ":3: unknown header key \"author\"");
}

static void
test_lesson_error_duplicate_key(void **state)
{
	(void)state;
	assert_load_error("duplicate-key.lesson",
	    ":5: duplicate header key \"title\" (first on line 3)");
}

static void
test_lesson_error_missing_name(void **state)
{
	(void)state;
	assert_load_error("missing-name.lesson",
	    ":7: missing header key \"name\"");
}

static void
test_lesson_error_no_pages(void **state)
{
	(void)state;
	assert_load_error("no-pages.lesson",
	    ":8: no pages (a page starts with \"=== Title\")");
}

static void
test_lesson_error_page_without_title(void **state)
{
	(void)state;
	assert_load_error("page-no-title.lesson", ":9: page without a title");
}

static void
test_lesson_error_unknown_directive(void **state)
{
	(void)state;
	assert_load_error("unknown-directive.lesson",
	    ":9: unknown directive @foo");
}

static void
test_lesson_error_check_without_task(void **state)
{
	(void)state;
	assert_load_error("check-without-task.lesson",
	    ":8: @check without @task");
}

static void
test_lesson_error_task_without_check(void **state)
{
	(void)state;
	assert_load_error("task-without-check.lesson",
	    ":8: @task without @check");
}

static void
test_lesson_error_two_tasks(void **state)
{
	(void)state;
	assert_load_error("two-tasks.lesson",
	    ":10: second @task on this page (first on line 8)");
}

static void
test_lesson_error_check_incomplete(void **state)
{
	(void)state;
	assert_load_error("check-incomplete.lesson",
	    ":9: @check: expected a number or a word after \"<=\", found "
	    "the end");
}

static void
test_lesson_error_check_bad_op(void **state)
{
	(void)state;
	assert_load_error("check-bad-op.lesson",
	    ":9: @check: expected <, <=, >, >=, == or != after \"alpha\", "
	    "found \"~ 3\"");
}

static void
test_lesson_error_check_bad_metric(void **state)
{
	(void)state;
	assert_load_error("check-bad-metric.lesson",
	    ":9: @check: expected a metric name, found \"9x < 1\"");
}

static void
test_lesson_error_check_too_many_terms(void **state)
{
	(void)state;
	assert_load_error("check-too-many-terms.lesson",
	    ":9: @check: more than 8 terms");
}

static void
test_lesson_error_line_too_long(void **state)
{
	(void)state;
	assert_load_error("long-line.lesson",
	    ":8: line longer than 4096 bytes");
}

static void
test_lesson_error_nul_byte(void **state)
{
	(void)state;
	assert_load_error("nul.lesson", ":8: not a text file (NUL byte)");
}

static void
test_lesson_error_bad_utf8(void **state)
{
	(void)state;
	assert_load_error("bad-utf8.lesson", ":8: invalid UTF-8");
}

/* Overlong forms, surrogates and cut sequences are all refused. */
static void
test_lesson_error_bad_utf8_forms(void **state)
{
	static const char *const bad[] = {
		"\xc0\xaf",		/* overlong '/' */
		"\xe0\x80\xaf",		/* overlong '/' */
		"\xed\xa0\x80",		/* surrogate U+D800 */
		"\xf4\x90\x80\x80",	/* U+110000 */
		"\xe2\x82",		/* cut short */
		"\xff",
	};
	struct lesson	*l;
	char		 text[256];
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(text, sizeof text, HEADER "=== P\nx %s y\n", bad[i]);
		assert_parse_error(text, "t.lesson:8: invalid UTF-8");
	}
	snprintf(text, sizeof text, HEADER "=== P\n%s\n",
	    "\xc3\xa9 \xe2\x86\x90 \xf0\x9f\x98\x80");
	l = lesson_parse(text, "t.lesson", NULL, 0);
	assert_non_null(l);
	assert_string_equal(l->pages[0].body,
	    "\xc3\xa9 \xe2\x86\x90 \xf0\x9f\x98\x80");
	lesson_free(l);
}

/* 4096 bytes fit, with or without a carriage return; 4097 do not. */
static void
test_lesson_line_length_limit(void **state)
{
	struct lesson	*l;
	char		*text;
	size_t		 n = strlen(HEADER "=== P\n");
	char		 err[1024];

	(void)state;
	text = calloc(1, n + LESSON_MAX_LINE + 8);
	assert_non_null(text);
	memcpy(text, HEADER "=== P\n", n);
	memset(text + n, 'x', LESSON_MAX_LINE);
	strcpy(text + n + LESSON_MAX_LINE, "\r\n");
	l = lesson_parse(text, "t.lesson", err, sizeof err);
	if (l == NULL)
		fail_msg("%s", err);
	assert_int_equal(strlen(l->pages[0].body), LESSON_MAX_LINE);
	lesson_free(l);
	strcpy(text + n + LESSON_MAX_LINE, "x\n");
	assert_parse_error(text, "t.lesson:8: line longer than 4096 bytes");
	free(text);
}

static void
test_lesson_file_size_limit(void **state)
{
	struct lesson	*l;
	char		*text;
	size_t		 n = strlen(HEADER "=== P\n");

	(void)state;
	text = malloc(LESSON_MAX_FILE + 2);
	assert_non_null(text);
	memcpy(text, HEADER "=== P\n", n);
	memset(text + n, '\n', LESSON_MAX_FILE + 1 - n);
	text[LESSON_MAX_FILE + 1] = '\0';
	assert_parse_error(text, "t.lesson: larger than 1 MiB");
	text[LESSON_MAX_FILE] = '\0';
	l = lesson_parse(text, "t.lesson", NULL, 0);
	assert_non_null(l);
	lesson_free(l);
	free(text);
}

static void
test_lesson_page_limit(void **state)
{
	struct lesson	*l;
	char		*text;
	size_t		 len, cap = 16384;
	int		 i;

	(void)state;
	text = malloc(cap);
	assert_non_null(text);
	len = (size_t)snprintf(text, cap, HEADER);
	for (i = 1; i <= LESSON_MAX_PAGES; i++)
		len += (size_t)snprintf(text + len, cap - len, "=== %d\n", i);
	l = lesson_parse(text, "t.lesson", NULL, 0);
	assert_non_null(l);
	assert_int_equal(l->npages, LESSON_MAX_PAGES);
	assert_string_equal(l->pages[199].title, "200");
	lesson_free(l);
	snprintf(text + len, cap - len, "=== 201\n");
	assert_parse_error(text, "t.lesson:207: more than 200 pages");
	free(text);
}

static void
test_lesson_header_errors(void **state)
{
	static const struct {
		const char	*text;
		const char	*err;
	} cases[] = {
		{ "qtutor-lesson 1\nname: Frozen Lake\n",
		  "t.lesson:2: name \"Frozen Lake\" may only hold a-z, 0-9, "
		  "'_' and '-'" },
		{ "qtutor-lesson 1\ntitle:\n",
		  "t.lesson:2: header key \"title\" has no value" },
		{ "qtutor-lesson 1\njust words\n",
		  "t.lesson:2: expected \"key: value\" in the header, found "
		  "\"just words\"" },
		{ "qtutor-lesson 1\n@set alpha=1\n",
		  "t.lesson:2: expected \"key: value\" in the header, found "
		  "\"@set alpha=1\"" },
		{ "qtutor-lesson 1\nset: alpha\n",
		  "t.lesson:2: set: expected NAME=VALUE, found \"alpha\"" },
		{ "qtutor-lesson 1\nset: Alpha=1\n",
		  "t.lesson:2: set: expected NAME=VALUE, found \"Alpha=1\"" },
		{ "qtutor-lesson 1\nset: alpha =  \n",
		  "t.lesson:2: set: alpha has no value" },
		{ "qtutor-lesson 1\nname: a\nname: a\n",
		  "t.lesson:3: duplicate header key \"name\" (first on "
		  "line 2)" },
		{ "qtutor-lesson\n",
		  "t.lesson:1: expected \"qtutor-lesson 1\", found "
		  "\"qtutor-lesson\"" },
		{ "qtutor-lesson 10\n",
		  "t.lesson:1: unsupported lesson format version 10" },
		{ HEADER "=== P\n@set 1=2\n",
		  "t.lesson:8: @set: expected NAME=VALUE, found \"1=2\"" },
		{ HEADER "=== P\n@task\n",
		  "t.lesson:8: @task needs a text" },
		{ HEADER "=== P\n@check   \n",
		  "t.lesson:8: @check needs an expression" },
		{ HEADER "=== P\n@task A.\n@check a<1\n@check b<1\n",
		  "t.lesson:10: second @check on this page (first on "
		  "line 9)" },
		{ HEADER "=== P\n@\n", "t.lesson:8: unknown directive @" },
		{ HEADER "=== P\n @task indented is text\n===\n",
		  "t.lesson:9: page without a title" },
		{ "qtutor-lesson 1\nname: t\n",
		  "t.lesson:2: missing header key \"title\"" },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_parse_error(cases[i].text, cases[i].err);
}

static void
test_lesson_check_expressions(void **state)
{
	struct lesson			*l;
	const struct lesson_check	*c;

	(void)state;
	l = parse_check("a<1");
	c = l->pages[0].check;
	assert_int_equal(c->nterms, 1);
	assert_string_equal(c->term[0].metric, "a");
	assert_int_equal(c->term[0].op, LOP_LT);
	assert_true(c->term[0].number == 1);
	lesson_free(l);

	l = parse_check("greedy ( 0 )!=up and x_1>-2.5e-1 and _y == .5");
	c = l->pages[0].check;
	assert_string_equal(c->text,
	    "greedy ( 0 )!=up and x_1>-2.5e-1 and _y == .5");
	assert_int_equal(c->nterms, 3);
	assert_int_equal(c->term[0].index, 0);
	assert_int_equal(c->term[0].op, LOP_NE);
	assert_string_equal(c->term[0].word, "up");
	assert_string_equal(c->term[1].metric, "x_1");
	assert_int_equal(c->term[1].op, LOP_GT);
	assert_true(c->term[1].number == -0.25);
	assert_string_equal(c->term[2].metric, "_y");
	assert_true(c->term[2].number == 0.5);
	lesson_free(l);

	l = parse_check("a < 1 and b < 2 and c < 3 and d < 4 and e < 5 and "
	    "f < 6 and g < 7 and h < 8");
	assert_int_equal(l->pages[0].check->nterms, LESSON_MAX_TERMS);
	assert_true(l->pages[0].check->term[7].number == 8);
	lesson_free(l);

	/* The longest names fit. */
	l = parse_check("m234567890123456789012345678901 == "
	    "w234567890123456789012345678901");
	c = l->pages[0].check;
	assert_int_equal(strlen(c->term[0].metric), LESSON_NAME_MAX - 1);
	assert_int_equal(strlen(c->term[0].word), LESSON_NAME_MAX - 1);
	lesson_free(l);
}

static void
test_lesson_check_errors(void **state)
{
	(void)state;
	assert_check_error("alpha = 1", "@check: expected <, <=, >, >=, == "
	    "or != after \"alpha\", found \"= 1\"");
	assert_check_error("alpha", "@check: expected <, <=, >, >=, == or "
	    "!= after \"alpha\", found the end");
	assert_check_error("alpha < 1 and", "@check: expected a metric "
	    "name, found the end");
	assert_check_error("alpha < 1 or b < 2",
	    "@check: expected \"and\", found \"or b < 2\"");
	assert_check_error("alpha < 0.2and b < 1",
	    "@check: unexpected \"and b < 1\" after the value");
	assert_check_error("alpha < 1.5.3",
	    "@check: unexpected \".3\" after the value");
	assert_check_error("alpha < 1e999",
	    "@check: 1e999 is not a finite number");
	assert_check_error("alpha < -inf",
	    "@check: -inf is not a finite number");
	assert_check_error("alpha < -", "@check: expected a number or a "
	    "word after \"<\", found \"-\"");
	assert_check_error("Alpha < 1",
	    "@check: expected a metric name, found \"Alpha < 1\"");
	assert_check_error("greedy() == 1", "@check: expected a whole "
	    "number and ')' after \"greedy(\"");
	assert_check_error("greedy(-1) == 1", "@check: expected a whole "
	    "number and ')' after \"greedy(\"");
	assert_check_error("greedy(1 == 1", "@check: expected a whole "
	    "number and ')' after \"greedy(\"");
	assert_check_error("greedy(99999999999) == 1",
	    "@check: index of greedy is too large");
	assert_check_error("m2345678901234567890123456789012 < 1",
	    "@check: metric name m234567890123456789012345678901... is "
	    "longer than 31 characters");
	assert_check_error("a == w2345678901234567890123456789012",
	    "@check: word w234567890123456789012345678901... is longer "
	    "than 31 characters");
	assert_check_error("a == right)",
	    "@check: unexpected \")\" after the value");
}

static void
test_lesson_check_eval_true(void **state)
{
	struct fake_metrics	 m = { .success_last100 = 0.95 };
	struct lesson		*l;
	char			 err[256];

	(void)state;
	l = parse_check("success_last100 >= 0.9");
	assert_int_equal(lesson_check_eval(l->pages[0].check, fake_lookup,
	    &m, err, sizeof err), 1);
	lesson_free(l);
}

static void
test_lesson_check_eval_false(void **state)
{
	struct fake_metrics	 m = { .success_last100 = 0.5 };
	struct lesson		*l;
	char			 err[256];

	(void)state;
	m.greedy[14] = 2;
	l = parse_check("greedy(14) == 2 and success_last100 > 0.5");
	assert_int_equal(lesson_check_eval(l->pages[0].check, fake_lookup,
	    &m, err, sizeof err), 0);
	lesson_free(l);
}

static void
test_lesson_check_eval_word(void **state)
{
	struct fake_metrics	 m = { .success_last100 = 1 };
	struct lesson		*l;
	char			 err[256];

	(void)state;
	l = parse_check("greedy(14) == right and greedy(13) != left");
	m.greedy[14] = 2;
	m.greedy[13] = 1;
	assert_int_equal(lesson_check_eval(l->pages[0].check, fake_lookup,
	    &m, err, sizeof err), 1);
	m.greedy[14] = 3;
	assert_int_equal(lesson_check_eval(l->pages[0].check, fake_lookup,
	    &m, err, sizeof err), 0);
	m.greedy[14] = 2;
	m.greedy[13] = 0;
	assert_int_equal(lesson_check_eval(l->pages[0].check, fake_lookup,
	    &m, err, sizeof err), 0);
	lesson_free(l);
}

static void
test_lesson_check_eval_lookup_error(void **state)
{
	struct fake_metrics	 m = { .success_last100 = 0 };
	struct lesson		*l;
	char			 err[256];

	(void)state;
	l = parse_check("nonsense > 1");
	assert_int_equal(lesson_check_eval(l->pages[0].check, fake_lookup,
	    &m, err, sizeof err), -1);
	assert_string_equal(err, "unknown metric nonsense");
	lesson_free(l);

	/* A bad word is found even though the first term fails. */
	l = parse_check("success_last100 > 0.5 and greedy(1) == sideways");
	assert_int_equal(lesson_check_eval(l->pages[0].check, fake_lookup,
	    &m, err, sizeof err), -1);
	assert_string_equal(err, "greedy: sideways is not an action");
	lesson_free(l);

	l = parse_check("greedy(16) == 0");
	assert_int_equal(lesson_check_eval(l->pages[0].check, fake_lookup,
	    &m, err, sizeof err), -1);
	assert_string_equal(err, "greedy(16): no such state");
	lesson_free(l);
}

static void
test_lesson_validate_visits_all(void **state)
{
	struct fake_validator	 v = { .bad_set = NULL };
	struct lesson		*l;
	char			 err[1024];

	(void)state;
	l = load_fixture("good.lesson", err, sizeof err);
	if (l == NULL)
		fail_msg("%s", err);
	assert_int_equal(lesson_validate(l, fake_check_set, fake_check_metric,
	    &v, err, sizeof err), 0);
	assert_string_equal(v.seen,
	    "alpha=0.8;gamma=0.9;epsilon=0.1;policy=noisy;"
	    "alpha=0.2;greedy(14);success_last100(-1);"
	    "alpha(-1);steps_last100(-1);reward_last100(-1);"
	    "episodes_done(-1);greedy(3);");
	v.seen[0] = '\0';
	assert_int_equal(lesson_validate(l, NULL, fake_check_metric, &v, err,
	    sizeof err), 0);
	assert_string_equal(v.seen, "greedy(14);success_last100(-1);"
	    "alpha(-1);steps_last100(-1);reward_last100(-1);"
	    "episodes_done(-1);greedy(3);");
	assert_int_equal(lesson_validate(l, NULL, NULL, &v, err, sizeof err),
	    0);
	lesson_free(l);
}

static void
test_lesson_validate_set_error(void **state)
{
	struct fake_validator	 v = { .bad_set = "policy" };
	struct lesson		*l;
	char			 err[1024];

	(void)state;
	l = load_fixture("good.lesson", err, sizeof err);
	if (l == NULL)
		fail_msg("%s", err);
	assert_int_equal(lesson_validate(l, fake_check_set, fake_check_metric,
	    &v, err, sizeof err), -1);
	assert_string_equal(err,
	    FIXTURES "good.lesson:17: policy: noisy is not allowed");
	v.seen[0] = '\0';
	v.bad_set = "gamma";
	assert_int_equal(lesson_validate(l, fake_check_set, NULL, &v, err,
	    sizeof err), -1);
	assert_string_equal(err,
	    FIXTURES "good.lesson:13: gamma: 0.9 is not allowed");
	lesson_free(l);
}

static void
test_lesson_validate_metric_error(void **state)
{
	struct fake_validator	 v = { .bad_metric = "steps_last100" };
	struct lesson		*l;
	char			 err[1024];

	(void)state;
	l = load_fixture("good.lesson", err, sizeof err);
	if (l == NULL)
		fail_msg("%s", err);
	assert_int_equal(lesson_validate(l, fake_check_set, fake_check_metric,
	    &v, err, sizeof err), -1);
	assert_string_equal(err,
	    FIXTURES "good.lesson:43: unknown metric steps_last100");
	lesson_free(l);
}

static void
test_lesson_op_names(void **state)
{
	(void)state;
	assert_string_equal(lesson_op_name(LOP_LT), "<");
	assert_string_equal(lesson_op_name(LOP_LE), "<=");
	assert_string_equal(lesson_op_name(LOP_GT), ">");
	assert_string_equal(lesson_op_name(LOP_GE), ">=");
	assert_string_equal(lesson_op_name(LOP_EQ), "==");
	assert_string_equal(lesson_op_name(LOP_NE), "!=");
	assert_true(lesson_op_holds(LOP_LE, 1, 1));
	assert_false(lesson_op_holds(LOP_LT, 1, 1));
	assert_true(lesson_op_holds(LOP_GE, 2, 1));
	assert_false(lesson_op_holds(LOP_GT, 1, 2));
	assert_true(lesson_op_holds(LOP_EQ, 2, 2));
	assert_true(lesson_op_holds(LOP_NE, 2, 3));
	/* Nothing holds of NaN but "!=". */
	assert_false(lesson_op_holds(LOP_GE, NAN, 0));
	assert_true(lesson_op_holds(LOP_NE, NAN, 0));
}

/* Numbers are read with a full stop whatever LC_NUMERIC says. */
static void
test_lesson_numbers_ignore_locale(void **state)
{
	static const char *const locales[] = {
		"de_DE.UTF-8", "fr_FR.UTF-8", "de_DE.utf8", "fr_FR.utf8",
	};
	struct lesson	*l;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof locales / sizeof locales[0]; i++)
		if (setlocale(LC_NUMERIC, locales[i]) != NULL)
			break;
	if (i == sizeof locales / sizeof locales[0])
		skip();
	l = parse_check("alpha <= 0.25");
	setlocale(LC_NUMERIC, "C");
	assert_true(l->pages[0].check->term[0].number == 0.25);
	lesson_free(l);
}

static void
test_lesson_free_null(void **state)
{
	(void)state;
	lesson_free(NULL);
}

/* The optional compare: key, what batch mode compares for the lesson. */
static void
test_lesson_compare_key(void **state)
{
	struct lesson	*l;
	char		 err[1024];

	(void)state;
	l = lesson_parse(HEADER "compare: agent=qlearning,sarsa\n=== P\nx\n",
	    "t.lesson", err, sizeof err);
	assert_non_null(l);
	assert_string_equal(l->compare, "agent=qlearning,sarsa");
	assert_int_equal(l->compare_line, 7);
	lesson_free(l);
	l = lesson_parse(HEADER "=== P\nx\n", "t.lesson", err, sizeof err);
	assert_non_null(l);
	assert_null(l->compare);
	lesson_free(l);
	assert_parse_error(HEADER "compare: agent\n=== P\nx\n",
	    "t.lesson:7: compare \"agent\" is not NAME=V1,V2,...");
}

/* The optional order: key places the lesson in lists. */
static void
test_lesson_order_key(void **state)
{
	struct lesson	*l;
	char		 err[1024];

	(void)state;
	l = lesson_parse(HEADER "order: 3\n=== P\nx\n", "t.lesson", err,
	    sizeof err);
	assert_non_null(l);
	assert_int_equal(l->order, 3);
	lesson_free(l);
	assert_parse_error(HEADER "order: 0\n=== P\nx\n",
	    "t.lesson:7: order \"0\" is not a number from 1 to 999");
	assert_parse_error(HEADER "order: first\n=== P\nx\n",
	    "t.lesson:7: order \"first\" is not a number from 1 to 999");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lesson_parse_good_header),
		cmocka_unit_test(test_lesson_parse_good_pages),
		cmocka_unit_test(test_lesson_parse_good_bodies),
		cmocka_unit_test(test_lesson_parse_good_checks),
		cmocka_unit_test(test_lesson_parse_crlf_and_bom),
		cmocka_unit_test(test_lesson_parse_frozenlake),
		cmocka_unit_test(test_lesson_error_missing_file),
		cmocka_unit_test(test_lesson_error_no_version),
		cmocka_unit_test(test_lesson_error_empty_file),
		cmocka_unit_test(test_lesson_error_bad_version),
		cmocka_unit_test(test_lesson_error_unknown_key),
		cmocka_unit_test(test_lesson_error_duplicate_key),
		cmocka_unit_test(test_lesson_error_missing_name),
		cmocka_unit_test(test_lesson_error_no_pages),
		cmocka_unit_test(test_lesson_error_page_without_title),
		cmocka_unit_test(test_lesson_error_unknown_directive),
		cmocka_unit_test(test_lesson_error_check_without_task),
		cmocka_unit_test(test_lesson_error_task_without_check),
		cmocka_unit_test(test_lesson_error_two_tasks),
		cmocka_unit_test(test_lesson_error_check_incomplete),
		cmocka_unit_test(test_lesson_error_check_bad_op),
		cmocka_unit_test(test_lesson_error_check_bad_metric),
		cmocka_unit_test(test_lesson_error_check_too_many_terms),
		cmocka_unit_test(test_lesson_error_line_too_long),
		cmocka_unit_test(test_lesson_error_nul_byte),
		cmocka_unit_test(test_lesson_error_bad_utf8),
		cmocka_unit_test(test_lesson_error_bad_utf8_forms),
		cmocka_unit_test(test_lesson_line_length_limit),
		cmocka_unit_test(test_lesson_file_size_limit),
		cmocka_unit_test(test_lesson_page_limit),
		cmocka_unit_test(test_lesson_header_errors),
		cmocka_unit_test(test_lesson_compare_key),
		cmocka_unit_test(test_lesson_order_key),
		cmocka_unit_test(test_lesson_check_expressions),
		cmocka_unit_test(test_lesson_check_errors),
		cmocka_unit_test(test_lesson_check_eval_true),
		cmocka_unit_test(test_lesson_check_eval_false),
		cmocka_unit_test(test_lesson_check_eval_word),
		cmocka_unit_test(test_lesson_check_eval_lookup_error),
		cmocka_unit_test(test_lesson_validate_visits_all),
		cmocka_unit_test(test_lesson_validate_set_error),
		cmocka_unit_test(test_lesson_validate_metric_error),
		cmocka_unit_test(test_lesson_op_names),
		cmocka_unit_test(test_lesson_numbers_ignore_locale),
		cmocka_unit_test(test_lesson_free_null),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
