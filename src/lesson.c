/* Lesson files: parsing, validation and checkpoint evaluation. */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson.h"
#include "textfile.h"
#include "xmalloc.h"

#define BLANKS		" \t"
#define QUOTE_MAX	40	/* bytes of the input quoted in an error */

enum header_key {
	HK_NAME, HK_TITLE, HK_SUMMARY, HK_ENV, HK_AGENT, HK_VIEWS, HK_SET,
	HK_COMPARE, HK_ORDER, HK_COUNT
};

static const struct header_key_info {
	const char	*name;
	int		 required;
} header_keys[HK_COUNT] = {
	[HK_NAME] = { "name", 1 },
	[HK_TITLE] = { "title", 1 },
	[HK_SUMMARY] = { "summary", 1 },
	[HK_ENV] = { "env", 1 },
	[HK_AGENT] = { "agent", 1 },
	[HK_VIEWS] = { "views", 0 },
	[HK_SET] = { "set", 0 },
	[HK_COMPARE] = { "compare", 0 },
	[HK_ORDER] = { "order", 0 },
};

/* A page's body as it grows, line by line. */
struct body {
	char	*s;
	size_t	 len;
	size_t	 cap;
	int	 blanks;	/* blank lines waiting for more text */
};

struct parser {
	const char		*origin;
	int			 line;		/* the line being parsed */
	char			*err;
	size_t			 errsz;
	struct lesson		*l;
	int			 versioned;	/* the version line was seen */
	int			 key_line[HK_COUNT];	/* 0: not given */
	struct lesson_page	*page;		/* NULL in the header */
	struct body		 body;
	int			 task_line;
};

static int	 perr(struct parser *, int, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static void	 quote(const char *, char *, size_t);
static char	*dup_n(const char *, size_t);
static const char *skip_blanks(const char *);
static size_t	 ident_len(const char *);
static int	 utf8_valid(const unsigned char *, size_t);
static double	 strtod_c(const char *, char **);
static struct lesson *parse_text(const char *, size_t, const char *, char *,
		    size_t);
static int	 read_line(struct parser *, const char *, size_t, char *);
static int	 parse_line(struct parser *, char *);
static int	 parse_version(struct parser *, const char *);
static int	 header_line(struct parser *, char *);
static int	 header_value(struct parser *, enum header_key, const char *);
static int	 header_complete(struct parser *);
static void	 split_views(struct lesson *, const char *);
static int	 start_page(struct parser *, const char *);
static int	 finish_page(struct parser *);
static int	 directive(struct parser *, const char *);
static int	 add_task(struct parser *, const char *);
static int	 add_check(struct parser *, const char *);
static void	 body_line(struct parser *, const char *);
static void	 body_append(struct body *, const char *, size_t);
static int	 parse_set(struct parser *, const char *, const char *,
		    struct lesson_set **, int *);
static int	 parse_check(struct parser *, const char *,
		    struct lesson_check *);
static int	 parse_term(struct parser *, const char **,
		    struct lesson_term *);
static int	 parse_metric(struct parser *, const char **,
		    struct lesson_term *);
static int	 parse_op(struct parser *, const char **,
		    struct lesson_term *);
static int	 parse_value(struct parser *, const char **,
		    struct lesson_term *);
static void	 free_sets(struct lesson_set *, int);
static void	 free_page(struct lesson_page *);
static int	 validate_sets(const struct lesson *, const struct lesson_set *,
		    int, int (*)(void *, const char *, const char *, char *,
		    size_t), void *, char *, size_t);
static int	 validate_check(const struct lesson *,
		    const struct lesson_check *, int (*)(void *, const char *,
		    int, char *, size_t), void *, char *, size_t);

/* Fill err with "origin:line: message"; returns -1. */
static int
perr(struct parser *p, int line, const char *fmt, ...)
{
	char	 msg[512];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(p->err, p->errsz, "%s:%d: %s", p->origin, line, msg);
	return (-1);
}

/*
 * Describe the input at s for an error: its first bytes in double
 * quotes, cut on a character boundary, or "the end" if there are none.
 */
static void
quote(const char *s, char *out, size_t outsz)
{
	size_t	 n = strlen(s);

	if (n == 0) {
		snprintf(out, outsz, "the end");
		return;
	}
	if (n > QUOTE_MAX) {
		n = QUOTE_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	snprintf(out, outsz, "\"%.*s%s\"", (int)n, s,
	    n < strlen(s) ? "..." : "");
}

static char *
dup_n(const char *s, size_t n)
{
	char	*d;

	d = xalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return (d);
}

static const char *
skip_blanks(const char *s)
{
	return (s + strspn(s, BLANKS));
}

/* The length of the identifier [a-z_][a-z0-9_]* at s, 0 if none. */
static size_t
ident_len(const char *s)
{
	size_t	 n = 0;

	if (!(*s == '_' || (*s >= 'a' && *s <= 'z')))
		return (0);
	while (s[n] == '_' || (s[n] >= 'a' && s[n] <= 'z') ||
	    (s[n] >= '0' && s[n] <= '9'))
		n++;
	return (n);
}

/* Strict UTF-8: no overlong forms, surrogates or code points past U+10FFFF. */
static int
utf8_valid(const unsigned char *s, size_t len)
{
	size_t		 i = 0, n, k;
	unsigned int	 c;

	while (i < len) {
		c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			n = 1;
			c &= 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			n = 2;
			c &= 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3;
			c &= 0x07;
		} else
			return (0);
		if (len - i - 1 < n)
			return (0);
		for (k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return (0);
			c = (c << 6) | (s[i + k] & 0x3f);
		}
		if ((n == 2 && c < 0x800) || (n == 3 && c < 0x10000) ||
		    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
			return (0);
		i += n + 1;
	}
	return (1);
}

/*
 * strtod in the C locale: the program runs under the user's locale,
 * where the decimal point may be a comma, but lessons are written with
 * a full stop.
 */
static double
strtod_c(const char *s, char **end)
{
	locale_t	 c, old;
	double		 d;

	c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	if (c == (locale_t)0)
		return (strtod(s, end));
	old = uselocale(c);
	d = strtod(s, end);
	uselocale(old);
	freelocale(c);
	return (d);
}

struct lesson *
lesson_parse(const char *text, const char *origin, char *err, size_t errsz)
{
	return (parse_text(text, strlen(text), origin, err, errsz));
}

struct lesson *
lesson_load(const char *path, char *err, size_t errsz)
{
	struct lesson	*l;
	char		*buf;
	size_t		 n;

	if ((buf = textfile_read(path, LESSON_MAX_FILE, &n, err,
	    errsz)) == NULL)
		return (NULL);
	l = parse_text(buf, n, path, err, errsz);
	free(buf);
	return (l);
}

/* Parse len bytes of text, which may hold NULs (they are an error). */
static struct lesson *
parse_text(const char *text, size_t len, const char *origin, char *err,
    size_t errsz)
{
	struct parser	 p;
	const char	*s = text, *end = text + len, *eol;
	char		 line[LESSON_MAX_LINE + 1];

	if (len > LESSON_MAX_FILE) {
		snprintf(err, errsz, "%s: larger than 1 MiB", origin);
		return (NULL);
	}
	memset(&p, 0, sizeof p);
	p.origin = origin;
	p.err = err;
	p.errsz = errsz;
	p.l = xcalloc(1, sizeof *p.l);
	p.l->path = xstrdup(origin);

	/* A byte order mark, as some editors write, is not text. */
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	while (s < end) {
		p.line++;
		eol = memchr(s, '\n', (size_t)(end - s));
		if (read_line(&p, s, (size_t)((eol != NULL ? eol : end) - s),
		    line) != 0 || parse_line(&p, line) != 0)
			goto fail;
		s = eol != NULL ? eol + 1 : end;
	}
	if (p.line == 0)
		p.line = 1;
	if (!p.versioned) {
		perr(&p, p.line, "missing \"qtutor-lesson %d\" line",
		    LESSON_VERSION);
		goto fail;
	}
	if (p.page == NULL) {
		if (header_complete(&p) == 0)
			perr(&p, p.line, "no pages (a page starts with "
			    "\"=== Title\")");
		goto fail;
	}
	if (finish_page(&p) != 0)
		goto fail;
	return (p.l);

fail:
	free(p.body.s);
	lesson_free(p.l);
	return (NULL);
}

/*
 * Check one raw line (without its "\n") and copy it into out without
 * its trailing blanks and carriage returns.
 */
static int
read_line(struct parser *p, const char *s, size_t len, char *out)
{
	size_t	 n = len;

	if (n > 0 && s[n - 1] == '\r')
		n--;
	if (n > LESSON_MAX_LINE)
		return (perr(p, p->line, "line longer than %d bytes",
		    LESSON_MAX_LINE));
	if (memchr(s, '\0', len) != NULL)
		return (perr(p, p->line, "not a text file (NUL byte)"));
	if (!utf8_valid((const unsigned char *)s, len))
		return (perr(p, p->line, "invalid UTF-8"));
	while (n > 0 && strchr(" \t\r", s[n - 1]) != NULL)
		n--;
	memcpy(out, s, n);
	out[n] = '\0';
	return (0);
}

static int
parse_line(struct parser *p, char *s)
{
	if (*s == '#')
		return (0);
	if (!p->versioned) {
		if (*s == '\0')
			return (0);
		return (parse_version(p, s));
	}
	if (strncmp(s, "===", 3) == 0)
		return (start_page(p, s + 3));
	if (p->page == NULL)
		return (header_line(p, s));
	if (*s == '@')
		return (directive(p, s));
	body_line(p, s);
	return (0);
}

static int
parse_version(struct parser *p, const char *s)
{
	static const char	 magic[] = "qtutor-lesson";
	char			 q[64];
	const char		*v;

	if (strncmp(s, magic, sizeof magic - 1) != 0 ||
	    strchr(BLANKS, s[sizeof magic - 1]) == NULL ||
	    s[sizeof magic - 1] == '\0') {
		quote(s, q, sizeof q);
		return (perr(p, p->line, "expected \"%s %d\", found %s", magic,
		    LESSON_VERSION, q));
	}
	v = skip_blanks(s + sizeof magic - 1);
	if (strcmp(v, "1") != 0)
		return (perr(p, p->line, "unsupported lesson format version "
		    "%.20s", v));
	p->versioned = 1;
	return (0);
}

static int
header_line(struct parser *p, char *s)
{
	char		 q[64];
	const char	*value;
	size_t		 n;
	int		 k;

	if (*s == '\0')
		return (0);
	n = strcspn(s, ":" BLANKS);
	if (n == 0 || s[n] != ':') {
		quote(s, q, sizeof q);
		return (perr(p, p->line, "expected \"key: value\" in the "
		    "header, found %s", q));
	}
	s[n] = '\0';
	value = skip_blanks(s + n + 1);
	for (k = 0; k < HK_COUNT; k++)
		if (strcmp(s, header_keys[k].name) == 0)
			break;
	if (k == HK_COUNT) {
		quote(s, q, sizeof q);
		return (perr(p, p->line, "unknown header key %s", q));
	}
	if (k != HK_SET && p->key_line[k] != 0)
		return (perr(p, p->line, "duplicate header key \"%s\" (first "
		    "on line %d)", s, p->key_line[k]));
	if (*value == '\0')
		return (perr(p, p->line, "header key \"%s\" has no value", s));
	p->key_line[k] = p->line;
	return (header_value(p, k, value));
}

static int
header_value(struct parser *p, enum header_key k, const char *value)
{
	struct lesson	*l = p->l;
	char		 q[64];

	switch (k) {
	case HK_NAME:
		if (strspn(value, "abcdefghijklmnopqrstuvwxyz0123456789_-") !=
		    strlen(value)) {
			quote(value, q, sizeof q);
			return (perr(p, p->line, "name %s may only hold a-z, "
			    "0-9, '_' and '-'", q));
		}
		l->name = xstrdup(value);
		break;
	case HK_TITLE:
		l->title = xstrdup(value);
		break;
	case HK_SUMMARY:
		l->summary = xstrdup(value);
		break;
	case HK_ENV:
		l->env = xstrdup(value);
		l->env_line = p->line;
		break;
	case HK_AGENT:
		l->agent = xstrdup(value);
		l->agent_line = p->line;
		break;
	case HK_VIEWS:
		split_views(l, value);
		l->views_line = p->line;
		break;
	case HK_SET:
		return (parse_set(p, value, "set", &l->sets, &l->nsets));
	case HK_COMPARE:
		/* NAME=V1,V2,...: checked by whoever runs it (batch). */
		if (strchr(value, '=') == NULL) {
			quote(value, q, sizeof q);
			return (perr(p, p->line, "compare %s is not "
			    "NAME=V1,V2,...", q));
		}
		l->compare = xstrdup(value);
		l->compare_line = p->line;
		break;
	case HK_ORDER:
		/* Where the lesson goes in lists: 1 first. */
		if (strspn(value, "0123456789") != strlen(value) ||
		    strlen(value) > 3 || atoi(value) < 1) {
			quote(value, q, sizeof q);
			return (perr(p, p->line, "order %s is not a number "
			    "from 1 to 999", q));
		}
		l->order = atoi(value);
		break;
	case HK_COUNT:
		break;
	}
	return (0);
}

/* At the end of the header: every required key was given. */
static int
header_complete(struct parser *p)
{
	int	 k;

	for (k = 0; k < HK_COUNT; k++) {
		if (header_keys[k].required && p->key_line[k] == 0)
			return (perr(p, p->line, "missing header key \"%s\"",
			    header_keys[k].name));
	}
	return (0);
}

static void
split_views(struct lesson *l, const char *s)
{
	size_t	 n;

	for (s = skip_blanks(s); *s != '\0'; s = skip_blanks(s + n)) {
		n = strcspn(s, BLANKS);
		l->views = xreallocarray(l->views, (size_t)l->nviews + 1,
		    sizeof *l->views);
		l->views[l->nviews++] = dup_n(s, n);
	}
}

/* A "===" line: end the header or the previous page, open a new one. */
static int
start_page(struct parser *p, const char *title)
{
	struct lesson		*l = p->l;
	struct lesson_page	*page;

	if (p->page == NULL) {
		if (header_complete(p) != 0)
			return (-1);
	} else if (finish_page(p) != 0)
		return (-1);
	title = skip_blanks(title);
	if (*title == '\0')
		return (perr(p, p->line, "page without a title"));
	if (l->npages == LESSON_MAX_PAGES)
		return (perr(p, p->line, "more than %d pages",
		    LESSON_MAX_PAGES));
	l->pages = xreallocarray(l->pages, (size_t)l->npages + 1,
	    sizeof *l->pages);
	page = &l->pages[l->npages++];
	memset(page, 0, sizeof *page);
	page->title = xstrdup(title);
	page->line = p->line;
	p->page = page;
	p->task_line = 0;
	return (0);
}

/* Close the current page: check its checkpoint, keep its body. */
static int
finish_page(struct parser *p)
{
	struct lesson_page	*page = p->page;

	if (page->task != NULL && page->check == NULL)
		return (perr(p, p->task_line, "@task without @check"));
	if (page->check != NULL && page->task == NULL)
		return (perr(p, page->check->line, "@check without @task"));
	page->body = p->body.s != NULL ? p->body.s : xstrdup("");
	memset(&p->body, 0, sizeof p->body);
	return (0);
}

static int
directive(struct parser *p, const char *s)
{
	const char	*arg;
	size_t		 n;

	n = strcspn(s + 1, BLANKS);
	arg = skip_blanks(s + 1 + n);
	if (n == 3 && strncmp(s + 1, "set", n) == 0)
		return (parse_set(p, arg, "@set", &p->page->sets,
		    &p->page->nsets));
	if (n == 4 && strncmp(s + 1, "task", n) == 0)
		return (add_task(p, arg));
	if (n == 5 && strncmp(s + 1, "check", n) == 0)
		return (add_check(p, arg));
	return (perr(p, p->line, "unknown directive @%.*s",
	    n > QUOTE_MAX ? QUOTE_MAX : (int)n, s + 1));
}

static int
add_task(struct parser *p, const char *text)
{
	if (p->page->task != NULL)
		return (perr(p, p->line, "second @task on this page (first "
		    "on line %d)", p->task_line));
	if (*text == '\0')
		return (perr(p, p->line, "@task needs a text"));
	p->page->task = xstrdup(text);
	p->task_line = p->line;
	return (0);
}

static int
add_check(struct parser *p, const char *expr)
{
	struct lesson_check	*c;

	if (p->page->check != NULL)
		return (perr(p, p->line, "second @check on this page (first "
		    "on line %d)", p->page->check->line));
	if (*expr == '\0')
		return (perr(p, p->line, "@check needs an expression"));
	c = xcalloc(1, sizeof *c);
	c->text = xstrdup(expr);
	c->line = p->line;
	p->page->check = c;
	return (parse_check(p, expr, c));
}

/*
 * A body line: drop blank lines at the start, hold blank lines back
 * until more text follows (so none trail), remove an escaping backslash.
 */
static void
body_line(struct parser *p, const char *s)
{
	struct body	*b = &p->body;

	if (*s == '\0') {
		if (b->len > 0)
			b->blanks++;
		return;
	}
	if (s[0] == '\\' && s[1] != '\0' && strchr("@#=\\", s[1]) != NULL)
		s++;
	if (b->len > 0) {
		body_append(b, "\n", 1);
		for (; b->blanks > 0; b->blanks--)
			body_append(b, "\n", 1);
	}
	body_append(b, s, strlen(s));
}

static void
body_append(struct body *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		while (b->len + n + 1 > b->cap)
			b->cap = b->cap == 0 ? 256 : b->cap * 2;
		b->s = xreallocarray(b->s, b->cap, 1);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* "NAME=VALUE" after "set:" or "@set" (what): append it to sets. */
static int
parse_set(struct parser *p, const char *s, const char *what,
    struct lesson_set **sets, int *nsets)
{
	struct lesson_set	*set;
	const char		*v;
	char			 q[64];
	size_t			 n;

	n = ident_len(s);
	v = skip_blanks(s + n);
	if (n == 0 || *v != '=') {
		quote(s, q, sizeof q);
		return (perr(p, p->line, "%s: expected NAME=VALUE, found %s",
		    what, q));
	}
	v = skip_blanks(v + 1);
	if (*v == '\0')
		return (perr(p, p->line, "%s: %.*s has no value", what, (int)n,
		    s));
	*sets = xreallocarray(*sets, (size_t)*nsets + 1, sizeof **sets);
	set = &(*sets)[(*nsets)++];
	set->name = dup_n(s, n);
	set->value = xstrdup(v);
	set->line = p->line;
	return (0);
}

/* EXPR: TERM { "and" TERM }. */
static int
parse_check(struct parser *p, const char *s, struct lesson_check *c)
{
	char	 q[64];
	size_t	 n;

	for (;;) {
		if (c->nterms == LESSON_MAX_TERMS)
			return (perr(p, p->line, "@check: more than %d terms",
			    LESSON_MAX_TERMS));
		if (parse_term(p, &s, &c->term[c->nterms]) != 0)
			return (-1);
		c->nterms++;
		s = skip_blanks(s);
		if (*s == '\0')
			return (0);
		n = ident_len(s);
		if (n != 3 || strncmp(s, "and", 3) != 0) {
			quote(s, q, sizeof q);
			return (perr(p, p->line, "@check: expected \"and\", "
			    "found %s", q));
		}
		s += n;
	}
}

/* METRIC OP VALUE, leaving *sp after the value. */
static int
parse_term(struct parser *p, const char **sp, struct lesson_term *t)
{
	char	 q[64];

	if (parse_metric(p, sp, t) != 0 || parse_op(p, sp, t) != 0 ||
	    parse_value(p, sp, t) != 0)
		return (-1);
	if (**sp != '\0' && strchr(BLANKS, **sp) == NULL) {
		quote(*sp, q, sizeof q);
		return (perr(p, p->line, "@check: unexpected %s after the "
		    "value", q));
	}
	return (0);
}

/* NAME or NAME(INDEX). */
static int
parse_metric(struct parser *p, const char **sp, struct lesson_term *t)
{
	const char	*s = skip_blanks(*sp);
	char		*end;
	char		 q[64];
	size_t		 n;
	long		 index;

	if ((n = ident_len(s)) == 0) {
		quote(s, q, sizeof q);
		return (perr(p, p->line, "@check: expected a metric name, "
		    "found %s", q));
	}
	if (n >= sizeof t->metric)
		return (perr(p, p->line, "@check: metric name %.*s... is "
		    "longer than %zu characters", (int)sizeof t->metric - 1,
		    s, sizeof t->metric - 1));
	memcpy(t->metric, s, n);
	t->metric[n] = '\0';
	t->index = -1;
	s = skip_blanks(s + n);
	if (*s == '(') {
		s = skip_blanks(s + 1);
		errno = 0;
		index = *s >= '0' && *s <= '9' ? strtol(s, &end, 10) : -1;
		if (index < 0 || *(s = skip_blanks(end)) != ')')
			return (perr(p, p->line, "@check: expected a whole "
			    "number and ')' after \"%s(\"", t->metric));
		if (errno == ERANGE || index > INT_MAX)
			return (perr(p, p->line, "@check: index of %s is too "
			    "large", t->metric));
		t->index = (int)index;
		s++;
	}
	*sp = s;
	return (0);
}

static int
parse_op(struct parser *p, const char **sp, struct lesson_term *t)
{
	static const struct {
		const char	*text;
		enum lesson_op	 op;
	} ops[] = {
		/* Two-character operators first: "<" is a prefix of "<=". */
		{ "<=", LOP_LE }, { ">=", LOP_GE }, { "==", LOP_EQ },
		{ "!=", LOP_NE }, { "<", LOP_LT }, { ">", LOP_GT },
	};
	const char	*s = skip_blanks(*sp);
	char		 q[64];
	size_t		 i, n;

	for (i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		n = strlen(ops[i].text);
		if (strncmp(s, ops[i].text, n) == 0) {
			t->op = ops[i].op;
			*sp = s + n;
			return (0);
		}
	}
	quote(s, q, sizeof q);
	return (perr(p, p->line, "@check: expected <, <=, >, >=, == or != "
	    "after \"%s\", found %s", t->metric, q));
}

/* A finite number or a word. */
static int
parse_value(struct parser *p, const char **sp, struct lesson_term *t)
{
	const char	*s = skip_blanks(*sp);
	char		*end;
	char		 q[64];
	size_t		 n;

	if ((n = ident_len(s)) > 0) {
		if (n >= sizeof t->word)
			return (perr(p, p->line, "@check: word %.*s... is "
			    "longer than %zu characters",
			    (int)sizeof t->word - 1, s, sizeof t->word - 1));
		memcpy(t->word, s, n);
		t->word[n] = '\0';
		t->is_word = 1;
		*sp = s + n;
		return (0);
	}
	if (*s != '\0' && strchr("0123456789.+-", *s) != NULL) {
		t->number = strtod_c(s, &end);
		if (end != s && isfinite(t->number)) {
			t->is_word = 0;
			*sp = end;
			return (0);
		}
		if (end != s)
			return (perr(p, p->line, "@check: %.*s is not a finite "
			    "number", (int)(end - s), s));
	}
	quote(s, q, sizeof q);
	return (perr(p, p->line, "@check: expected a number or a word after "
	    "\"%s\", found %s", lesson_op_name(t->op), q));
}

static void
free_sets(struct lesson_set *sets, int n)
{
	int	 i;

	for (i = 0; i < n; i++) {
		free(sets[i].name);
		free(sets[i].value);
	}
	free(sets);
}

static void
free_page(struct lesson_page *page)
{
	free(page->title);
	free(page->body);
	free_sets(page->sets, page->nsets);
	free(page->task);
	if (page->check != NULL) {
		free(page->check->text);
		free(page->check);
	}
}

void
lesson_free(struct lesson *l)
{
	int	 i;

	if (l == NULL)
		return;
	free(l->path);
	free(l->name);
	free(l->title);
	free(l->summary);
	free(l->env);
	free(l->agent);
	free(l->compare);
	for (i = 0; i < l->nviews; i++)
		free(l->views[i]);
	free(l->views);
	free_sets(l->sets, l->nsets);
	for (i = 0; i < l->npages; i++)
		free_page(&l->pages[i]);
	free(l->pages);
	free(l);
}

static int
validate_sets(const struct lesson *l, const struct lesson_set *sets, int n,
    int (*check_set)(void *, const char *, const char *, char *, size_t),
    void *ctx, char *err, size_t errsz)
{
	char	 msg[512];
	int	 i;

	for (i = 0; i < n; i++) {
		msg[0] = '\0';
		if (check_set(ctx, sets[i].name, sets[i].value, msg,
		    sizeof msg) == 0)
			continue;
		if (msg[0] == '\0')
			snprintf(msg, sizeof msg, "bad setting %s=%s",
			    sets[i].name, sets[i].value);
		snprintf(err, errsz, "%s:%d: %s", l->path, sets[i].line, msg);
		return (-1);
	}
	return (0);
}

static int
validate_check(const struct lesson *l, const struct lesson_check *c,
    int (*check_metric)(void *, const char *, int, char *, size_t),
    void *ctx, char *err, size_t errsz)
{
	char	 msg[512];
	int	 i;

	for (i = 0; i < c->nterms; i++) {
		msg[0] = '\0';
		if (check_metric(ctx, c->term[i].metric, c->term[i].index,
		    msg, sizeof msg) == 0)
			continue;
		if (msg[0] == '\0')
			snprintf(msg, sizeof msg, "unknown metric %s",
			    c->term[i].metric);
		snprintf(err, errsz, "%s:%d: %s", l->path, c->line, msg);
		return (-1);
	}
	return (0);
}

int
lesson_validate(const struct lesson *l,
    int (*check_set)(void *, const char *, const char *, char *, size_t),
    int (*check_metric)(void *, const char *, int, char *, size_t),
    void *ctx, char *err, size_t errsz)
{
	const struct lesson_page	*page;
	int				 i;

	if (check_set != NULL && validate_sets(l, l->sets, l->nsets,
	    check_set, ctx, err, errsz) != 0)
		return (-1);
	for (i = 0; i < l->npages; i++) {
		page = &l->pages[i];
		if (check_set != NULL && validate_sets(l, page->sets,
		    page->nsets, check_set, ctx, err, errsz) != 0)
			return (-1);
		if (check_metric != NULL && page->check != NULL &&
		    validate_check(l, page->check, check_metric, ctx, err,
		    errsz) != 0)
			return (-1);
	}
	return (0);
}

int
lesson_check_eval(const struct lesson_check *c,
    int (*lookup)(void *, const char *, int, const char *, double *, char *,
    size_t), void *ctx, char *err, size_t errsz)
{
	const struct lesson_term	*t;
	double				 lhs, rhs;
	int				 i, all = 1;

	for (i = 0; i < c->nterms; i++) {
		t = &c->term[i];
		if (lookup(ctx, t->metric, t->index, NULL, &lhs, err,
		    errsz) != 0)
			return (-1);
		if (!t->is_word)
			rhs = t->number;
		else if (lookup(ctx, t->metric, t->index, t->word, &rhs, err,
		    errsz) != 0)
			return (-1);
		if (!lesson_op_holds(t->op, lhs, rhs))
			all = 0;
	}
	return (all);
}

int
lesson_op_holds(enum lesson_op op, double lhs, double rhs)
{
	switch (op) {
	case LOP_LT:
		return (lhs < rhs);
	case LOP_LE:
		return (lhs <= rhs);
	case LOP_GT:
		return (lhs > rhs);
	case LOP_GE:
		return (lhs >= rhs);
	case LOP_EQ:
		return (lhs == rhs);
	case LOP_NE:
		return (lhs != rhs);
	}
	return (0);
}

const char *
lesson_op_name(enum lesson_op op)
{
	switch (op) {
	case LOP_LT:
		return ("<");
	case LOP_LE:
		return ("<=");
	case LOP_GT:
		return (">");
	case LOP_GE:
		return (">=");
	case LOP_EQ:
		return ("==");
	case LOP_NE:
		return ("!=");
	}
	return ("?");
}
