/*
 * The lesson page: its title, its text wrapped to the panel, and its
 * task with a mark once reached.  Lines of a paragraph are joined and
 * wrapped; a line that starts with a blank is kept as it is (a formula,
 * a small table), and blank lines separate paragraphs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "style.h"
#include "view.h"
#include "xmalloc.h"

/* Lines laid out for the panel: text pointers into one buffer. */
struct wrapped {
	char	**line;
	uint8_t	*style;
	int	 n;
	int	 cap;
};

static void
add_line(struct wrapped *w, const char *text, size_t len, uint8_t style)
{
	char	*copy;

	if (w->n == w->cap) {
		w->cap = w->cap > 0 ? w->cap * 2 : 32;
		w->line = xreallocarray(w->line, w->cap, sizeof *w->line);
		w->style = xreallocarray(w->style, w->cap, sizeof *w->style);
	}
	copy = xalloc(len + 1);
	memcpy(copy, text, len);
	copy[len] = '\0';
	w->line[w->n] = copy;
	w->style[w->n++] = style;
}

/* Columns of the UTF-8 text in [s, end): one per code point. */
static int
columns(const char *s, const char *end)
{
	int	 n = 0;

	for (; s < end; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return (n);
}

/* Wrap one paragraph (words separated by blanks) to width columns. */
static void
wrap_paragraph(struct wrapped *w, const char *text, int width, uint8_t style)
{
	const char	*line = text, *p = text, *word, *last_end = NULL;

	while (*line == ' ')
		line++;
	p = line;
	while (*p != '\0') {
		word = p;
		while (*p != '\0' && *p != ' ')
			p++;
		if (last_end != NULL && columns(line, p) > width) {
			add_line(w, line, (size_t)(last_end - line), style);
			line = word;
		}
		last_end = p;
		while (*p == ' ')
			p++;
	}
	if (last_end != NULL && last_end > line)
		add_line(w, line, (size_t)(last_end - line), style);
}

/*
 * A line kept as written (a formula): when it is wider than the panel it
 * still wraps, its continuation indented two more than the line, so that
 * nothing is cut off.
 */
static void
add_indented(struct wrapped *w, const char *text, size_t len, int width)
{
	char	*copy = xalloc(len + 1), *line;
	size_t	 indent = 0, n;
	int	 first = w->n, i, pad;

	memcpy(copy, text, len);
	copy[len] = '\0';
	while (copy[indent] == ' ' || copy[indent] == '\t')
		indent++;
	if (columns(copy, copy + len) <= width || (int)indent + 12 > width) {
		add_line(w, copy, len, ST_PLAIN);
		free(copy);
		return;
	}
	wrap_paragraph(w, copy + indent, width - (int)indent - 2, ST_PLAIN);
	/* Put the indent back in front of every wrapped piece. */
	for (i = first; i < w->n; i++) {
		pad = (int)indent + (i > first ? 2 : 0);
		n = strlen(w->line[i]);
		line = xalloc((size_t)pad + n + 1);
		memset(line, ' ', (size_t)pad);
		memcpy(line + pad, w->line[i], n + 1);
		free(w->line[i]);
		w->line[i] = line;
	}
	free(copy);
}

static void
flush_paragraph(struct wrapped *w, char *para, size_t *plen, int width)
{
	if (*plen == 0)
		return;
	para[*plen] = '\0';
	wrap_paragraph(w, para, width, ST_PLAIN);
	*plen = 0;
}

/* The body's paragraphs: joined lines, or lines kept as they are. */
static void
wrap_body(struct wrapped *w, const char *body, int width)
{
	char		*para = xalloc(strlen(body) + 2);
	const char	*p = body, *eol;
	size_t		 len, plen = 0;

	for (;;) {
		eol = strchr(p, '\n');
		len = eol != NULL ? (size_t)(eol - p) : strlen(p);
		if (len == 0) {
			flush_paragraph(w, para, &plen, width);
			if (w->n > 0 && w->line[w->n - 1][0] != '\0')
				add_line(w, "", 0, ST_PLAIN);
		} else if (p[0] == ' ' || p[0] == '\t') {
			flush_paragraph(w, para, &plen, width);
			add_indented(w, p, len, width);
		} else {
			if (plen > 0)
				para[plen++] = ' ';
			memcpy(para + plen, p, len);
			plen += len;
		}
		if (eol == NULL)
			break;
		p = eol + 1;
	}
	flush_paragraph(w, para, &plen, width);
	free(para);
}

static void
free_wrapped(struct wrapped *w)
{
	int	 i;

	for (i = 0; i < w->n; i++)
		free(w->line[i]);
	free(w->line);
	free(w->style);
}

/* The task, wrapped, at most TASK_ROWS lines (pinned to the bottom of
 * the panel, so that it is seen without scrolling). */
#define TASK_ROWS 3

static void
wrap_task(struct wrapped *w, const struct tutor *t, int width, bool ascii)
{
	const struct lesson_page	*pg = &t->lesson->pages[t->page];
	char				 task[1024], *text;

	if (pg->task == NULL)
		return;
	snprintf(task, sizeof task, "%s %s", t->checked[t->page] ?
	    (ascii ? "[x] Done:" : "✓ Done:") : "Task:", pg->task);
	text = ascii ? view_ascii_text(task) : xstrdup(task);
	wrap_paragraph(w, text, width, t->checked[t->page] ? ST_OK : ST_TITLE);
	free(text);
	while (w->n > TASK_ROWS)
		free(w->line[--w->n]);
}

int
view_lesson_body_rows(struct rect r, const struct tutor *t,
    const struct view_opts *o)
{
	struct wrapped	 task = { NULL, NULL, 0, 0 };
	int		 rows;

	wrap_task(&task, t, r.w - 1, o->glyphs == PLOT_ASCII);
	/* The title, then the body, a blank line and the task. */
	rows = r.h - 1 - (task.n > 0 ? task.n + 1 : 0);
	free_wrapped(&task);
	return (rows > 1 ? rows : 1);
}

int
view_lesson_draw(struct canvas *c, struct rect r, const struct tutor *t,
    const struct view_opts *o)
{
	const struct lesson_page	*pg = &t->lesson->pages[t->page];
	struct wrapped			 w = { NULL, NULL, 0, 0 };
	struct wrapped			 task = { NULL, NULL, 0, 0 };
	char				 head[256];
	char				*text;
	bool				 ascii = o->glyphs == PLOT_ASCII;
	int				 i, y, total, more, rows;
	int				 width = r.w - 1;

	view_clear(c, r);
	if (r.w < 8 || r.h < 2)
		return (0);
	snprintf(head, sizeof head, "%d/%d %s", t->page + 1,
	    t->lesson->npages, pg->title);
	text = ascii ? view_ascii_text(head) : xstrdup(head);
	canvas_textstyle(c, r.x, r.y, text, width, ST_TITLE);
	free(text);
	text = ascii ? view_ascii_text(pg->body) : xstrdup(pg->body);
	wrap_body(&w, text, width);
	free(text);
	wrap_task(&task, t, width, ascii);
	for (i = 0; i < task.n; i++)
		canvas_textstyle(c, r.x, r.y + r.h - task.n + i, task.line[i],
		    width, task.style[i]);
	rows = view_lesson_body_rows(r, t, o);
	total = w.n;
	/* When the text is longer than its rows, the last one says so. */
	more = o->lesson_scroll + rows < w.n;
	for (i = o->lesson_scroll, y = r.y + 1; i < w.n &&
	    y < r.y + 1 + rows - more; i++, y++)
		canvas_textstyle(c, r.x, y, w.line[i], width, w.style[i]);
	if (more)
		canvas_textstyle(c, r.x, r.y + rows, o->glyphs == PLOT_UTF8 ?
		    "▼ more: n scrolls" : "v more: n scrolls", width, ST_DIM);
	free_wrapped(&w);
	free_wrapped(&task);
	return (total);
}
