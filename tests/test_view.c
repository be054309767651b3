/*
 * The screen's views, drawn without curses: whole screens and single
 * views compared with golden files (tests/golden/view_*.txt, rewritten
 * with QTUTOR_UPDATE_GOLDEN=1), and beside each comparison the things
 * that must hold whatever the golden file says, so that a broken view
 * fails even when its golden file is regenerated carelessly.
 *
 * The lesson is a small fixture (tests/data/lessons/view.lesson), not the
 * real one, whose text changes.
 */
#include "testutil.h"
#include "golden_check.h"

#include <stdlib.h>
#include <string.h>

#include "canvas.h"
#include "cmd.h"
#include "dqn-session.h"
#include "env_cartpole.h"
#include "fqi-session.h"
#include "gridmap.h"
#include "layout.h"
#include "lesson.h"
#include "planning.h"
#include "session.h"
#include "style.h"
#include "tabular.h"
#include "tutor.h"
#include "view.h"

#define STEP_LIMIT 100000	/* transitions a search for an event may take */

struct fixture {
	struct lesson	*lesson;
	struct params	 p;
	struct datadir	 dirs;
	struct tutor	*t;
};

/* Where the grid was drawn, found in the canvas. */
struct grid_at {
	int	 x, y;		/* the first cell */
	int	 cw, rh;	/* cell width, row height */
};

/* Where the Q-table was drawn, found in the canvas. */
struct qtable_at {
	int	 x, y;		/* its title */
	int	 ax[16];	/* columns of the header's action glyphs */
	int	 na;
};

static int
setup(void **state)
{
	struct fixture	*f = calloc(1, sizeof *f);
	char		 err[512];

	assert_non_null(f);
	snprintf(f->dirs.lessons, sizeof f->dirs.lessons, "%s/tests/data/"
	    "lessons", TOP_SRCDIR);
	snprintf(f->dirs.maps, sizeof f->dirs.maps, "%s/data/maps", TOP_SRCDIR);
	f->lesson = lesson_load(test_data_path("lessons/view.lesson"), err,
	    sizeof err);
	if (f->lesson == NULL)
		print_error("%s\n", err);
	assert_non_null(f->lesson);
	params_defaults(&f->p);
	if (tutor_apply_lesson(&f->p, f->lesson, &f->dirs, err,
	    sizeof err) != 0)
		print_error("%s\n", err);
	f->t = tutor_new(f->lesson, &f->p, &f->dirs, err, sizeof err);
	if (f->t == NULL)
		print_error("%s\n", err);
	assert_non_null(f->t);
	*state = f;
	return (0);
}

static int
teardown(void **state)
{
	struct fixture	*f = *state;

	tutor_free(f->t);
	lesson_free(f->lesson);
	free(f);
	return (0);
}

/* Golden files, as in test_plot.c. */

/* Reading the canvas back. */

static size_t
utf8_put(char *out, uint32_t cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return (1);
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return (2);
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return (3);
	}
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return (4);
}

/* The first code point of a UTF-8 string. */
static uint32_t
utf8_first(const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;

	if (u[0] < 0x80)
		return (u[0]);
	if (u[0] < 0xe0)
		return ((uint32_t)(u[0] & 0x1f) << 6 | (u[1] & 0x3f));
	if (u[0] < 0xf0)
		return ((uint32_t)(u[0] & 0x0f) << 12 |
		    (uint32_t)(u[1] & 0x3f) << 6 | (u[2] & 0x3f));
	return ((uint32_t)(u[0] & 0x07) << 18 | (uint32_t)(u[1] & 0x3f) << 12 |
	    (uint32_t)(u[2] & 0x3f) << 6 | (u[3] & 0x3f));
}

/* Cells [x0, x1) of row y as UTF-8, trailing blanks removed, into a
 * static buffer. */
static const char *
row_text(const struct canvas *c, int y, int x0, int x1)
{
	static char	 buf[4096];
	size_t		 n = 0, keep = 0;
	uint32_t	 cp;
	int		 x;

	for (x = x0; x < x1 && n + 4 < sizeof buf; x++) {
		cp = canvas_get(c, x, y);
		if (cp == 0)
			cp = ' ';
		n += utf8_put(buf + n, cp);
		if (cp != ' ')
			keep = n;
	}
	buf[keep] = '\0';
	return (buf);
}

static const char *
whole_row(const struct canvas *c, int y)
{
	return (row_text(c, y, 0, c->w));
}

/* Whether cells from (x, y) spell utf8. */
static int
text_at(const struct canvas *c, int x, int y, const char *utf8)
{
	const unsigned char	*p = (const unsigned char *)utf8;

	while (*p != '\0') {
		if (canvas_get(c, x++, y) != utf8_first((const char *)p))
			return (0);
		p++;
		while ((*p & 0xc0) == 0x80)
			p++;
	}
	return (1);
}

/* The first place inside r where utf8 is written; 0 if none. */
static int
find_text(const struct canvas *c, struct rect r, const char *utf8, int *fx,
    int *fy)
{
	int	 x, y;

	*fx = *fy = -1;
	for (y = r.y; y < r.y + r.h; y++)
		for (x = r.x; x < r.x + r.w; x++)
			if (text_at(c, x, y, utf8)) {
				*fx = x;
				*fy = y;
				return (1);
			}
	return (0);
}

static struct rect
whole(const struct canvas *c)
{
	struct rect	 r = { 0, 0, c->w, c->h };

	return (r);
}

static int
canvas_has(const struct canvas *c, const char *utf8)
{
	int	 x, y;

	return (find_text(c, whole(c), utf8, &x, &y));
}

static void
assert_row_has(const struct canvas *c, int y, const char *want)
{
	if (strstr(whole_row(c, y), want) == NULL) {
		print_error("row %d: '%s' lacks '%s'\n", y, whole_row(c, y),
		    want);
		fail();
	}
}

static void
assert_blank_outside(const struct canvas *c, struct rect r, uint32_t bg)
{
	int	 x, y;

	for (y = 0; y < c->h; y++)
		for (x = 0; x < c->w; x++) {
			if (x >= r.x && x < r.x + r.w && y >= r.y &&
			    y < r.y + r.h)
				continue;
			if (canvas_get(c, x, y) != bg) {
				print_error("(%d,%d) is drawn outside the "
				    "rectangle %d,%d %dx%d: '%s'\n", x, y, r.x,
				    r.y, r.w, r.h, whole_row(c, y));
				fail();
			}
		}
}

/* Screens. */

static struct canvas *
draw_screen(const struct tutor *t, int w, int h, enum plot_glyphs g,
    struct layout *L)
{
	struct canvas		*c = canvas_new(w, h);
	struct view_opts	 o;

	memset(&o, 0, sizeof o);
	o.glyphs = g;
	layout_compute(L, w, h, t);
	layout_draw(c, L, t, &o);
	return (c);
}

static void
steps(struct tutor *t, int n)
{
	int	 i;

	for (i = 0; i < n; i++)
		session_step(t->s);
}

/* Where the agent must be drawn: its state, or the start before an
 * episode begins. */
static int
agent_state(const struct tutor *t)
{
	const struct gridmap	*m = env_grid(t->s->env);
	int			 s;

	if (t->s->env->st.s >= 0)
		return (t->s->env->st.s);
	for (s = 0; s < m->rows * m->cols; s++)
		if (gridmap_at(m, s) == 'S')
			return (s);
	fail_msg("the map has no start");
	return (-1);
}

static int
is_cell_glyph(uint32_t cp)
{
	return (cp == 'S' || cp == 'F' || cp == 'H' || cp == 'G' ||
	    cp == '@');
}

/* The column of the first cell glyph of row y inside r, or -1. */
static int
first_cell_glyph(const struct canvas *c, struct rect r, int y)
{
	int	 x;

	for (x = r.x; x < r.x + r.w; x++)
		if (is_cell_glyph(canvas_get(c, x, y)))
			return (x);
	return (-1);
}

/*
 * Find the grid under its "FrozenLake" title in L's grid rectangle and
 * check every cell: the map's letter, or '@' where the agent is.  Cells
 * may be padded and more than one row high; the letters are found from
 * the first one and the spacing between them.
 */
static void
assert_grid(const struct canvas *c, const struct layout *L,
    const struct tutor *t, struct grid_at *g)
{
	const struct gridmap	*m = env_grid(t->s->env);
	int			 hx, hy, x, y, row, col, s, agent;
	uint32_t		 want, got;

	assert_non_null(m);
	assert_true(find_text(c, L->grid, "FrozenLake", &hx, &hy));
	g->y = -1;
	for (y = hy + 1; y < L->grid.y + L->grid.h && g->y < 0; y++)
		if ((g->x = first_cell_glyph(c, L->grid, y)) >= 0)
			g->y = y;
	assert_true(g->y > hy);
	g->rh = 1;
	if (m->rows > 1) {
		for (y = g->y + 1; y < L->grid.y + L->grid.h; y++)
			if (is_cell_glyph(canvas_get(c, g->x, y)))
				break;
		g->rh = y - g->y;
	}
	g->cw = 1;
	if (m->cols > 1) {
		for (x = g->x + 1; x < L->grid.x + L->grid.w; x++)
			if (is_cell_glyph(canvas_get(c, x, g->y)))
				break;
		g->cw = x - g->x;
	}
	assert_in_range(g->cw, 2, 9);
	assert_in_range(g->rh, 1, 4);
	agent = agent_state(t);
	for (row = 0; row < m->rows; row++)
		for (col = 0; col < m->cols; col++) {
			s = row * m->cols + col;
			/* On a hole or the goal (an episode just ended) the
			 * letter stays, in the agent's style. */
			want = s == agent && m->cell[row][col] != 'H' &&
			    m->cell[row][col] != 'G' ? '@' :
			    (uint32_t)m->cell[row][col];
			if (s == agent)
				assert_int_equal(canvas_getstyle(c, g->x +
				    col * g->cw, g->y + row * g->rh),
				    ST_AGENT);
			got = canvas_get(c, g->x + col * g->cw,
			    g->y + row * g->rh);
			if (got != want) {
				print_error("grid cell %d (row %d, col %d): "
				    "'%c', expected '%c'\n", s, row, col,
				    (int)got, (int)want);
				fail();
			}
		}
	/* The last cell's letter and arrow inside the grid's rectangle. */
	assert_true(g->x + (m->cols - 1) * g->cw + 1 < L->grid.x + L->grid.w);
}

/* The Q-table's column width: the distance between action glyphs. */
static int
qtable_cw(const struct qtable_at *q)
{
	return (q->na > 1 ? q->ax[1] - q->ax[0] : 6);
}

/* The last column of action a's values: columns of equal width after
 * the 4-column state label, values right-aligned in them. */
static int
qtable_value_end(const struct qtable_at *q, int a)
{
	return (q->x + 4 + (a + 1) * qtable_cw(q) - 1);
}

/* The Q-table's title and the header's action glyphs, in order. */
static void
find_qtable(const struct canvas *c, const struct layout *L,
    const struct tutor *t, enum plot_glyphs gl, struct qtable_at *q)
{
	int		 a, x;
	uint32_t	 cp;

	assert_true(find_text(c, L->qtable, "Q-table", &q->x, &q->y));
	assert_true(text_at(c, q->x, q->y + 1, "   s"));
	q->na = t->s->agent->nactions;
	assert_in_range(q->na, 1, 16);
	x = q->x + 4;
	for (a = 0; a < q->na; a++) {
		cp = utf8_first(view_action_glyph(t, a, gl));
		while (x < L->qtable.x + L->qtable.w &&
		    canvas_get(c, x, q->y + 1) != cp)
			x++;
		if (x >= L->qtable.x + L->qtable.w) {
			print_error("Q-table header '%s' lacks action %d\n",
			    whole_row(c, q->y + 1), a);
			fail();
		}
		q->ax[a] = x++;
	}
	/* Each glyph heads its own column. */
	for (a = 0; a < q->na; a++)
		assert_in_range(q->ax[a], qtable_value_end(q, a) -
		    qtable_cw(q) + 1, qtable_value_end(q, a));
}

/* The row of state s in the Q-table, or -1 when it is not shown. */
static int
qtable_row(const struct canvas *c, const struct layout *L,
    const struct qtable_at *q, int s)
{
	char		 label[8];
	uint32_t	 cp;
	int		 x, y;

	for (y = q->y + 2; y < L->qtable.y + L->qtable.h; y++) {
		for (x = 0; x < 4; x++) {
			cp = canvas_get(c, q->x + x, y);
			label[x] = cp >= '0' && cp <= '9' ? (char)cp : ' ';
		}
		label[4] = '\0';
		if (strspn(label, " ") < 4 && atoi(label) == s)
			return (y);
	}
	return (-1);
}

/* The value of state s for action a, as the table holds it, right-
 * aligned in its column with a blank before it. */
static void
assert_qtable_value(const struct canvas *c, const struct qtable_at *q,
    const struct tutor *t, int y, int s, int a)
{
	const struct agent	*ag = t->s->agent;
	char			 buf[32];
	int			 end = qtable_value_end(q, a), len;

	view_format_value(buf, sizeof buf,
	    ag->table[(size_t)s * ag->nactions + a], qtable_cw(q) - 1);
	len = canvas_textwidth(buf);
	if (!text_at(c, end + 1 - len, y, buf) ||
	    canvas_get(c, end - len, y) != ' ') {
		print_error("Q(%d,%d) should read '%s' ending at column %d: "
		    "'%s'\n", s, a, buf, end, whole_row(c, y));
		fail();
	}
}

/* The update line: the record's own numbers, formatted here. */
static void
assert_update(const struct canvas *c, const struct layout *L,
    const struct tutor *t)
{
	const struct td_record	*u = &t->s->agent->rec.u.td;
	const char		*line;
	char			 num[32], end[40];

	line = row_text(c, L->update.y, L->update.x, c->w);
	if (t->s->agent->rec.kind != RECORD_TD || !t->s->last.valid) {
		assert_non_null(strstr(line, "SPACE"));
		return;
	}
	if (strncmp(line, "Q(", 2) != 0) {
		print_error("the update line '%s' should start with Q(\n",
		    line);
		fail();
	}
	snprintf(num, sizeof num, "Q(%d,", u->s);
	assert_non_null(strstr(line, num));
	view_format_value(num, sizeof num, u->q_old, 6);
	assert_non_null(strstr(line, num));
	view_format_value(num, sizeof num, u->q_new, 6);
	assert_non_null(strstr(line, num));
	if (!u->terminated) {
		view_format_value(num, sizeof num, u->next_value, 6);
		assert_non_null(strstr(line, num));
	}
	/* The new value closes the line. */
	view_format_value(num, sizeof num, u->q_new, 6);
	snprintf(end, sizeof end, "= %s", num);
	assert_true(strlen(line) >= strlen(end));
	assert_string_equal(line + strlen(line) - strlen(end), end);
}

/* Everything a whole screen must show whatever its golden file says. */
static void
assert_screen(const struct canvas *c, const struct layout *L,
    const struct tutor *t, enum plot_glyphs gl)
{
	struct grid_at		 g;
	struct qtable_at	 q;
	char			 want[64];
	int			 s, y, a;

	assert_false(L->too_small);
	/* Title bar. */
	assert_row_has(c, 0, "page 1/3");
	/* The episode under way, or between episodes the one that ended. */
	snprintf(want, sizeof want, "episode %ld ", t->s->episode + 1);
	if (!t->s->in_episode && t->s->step > 0 &&
	    strstr(whole_row(c, 0), want) == NULL)
		snprintf(want, sizeof want, "episode %ld ", t->s->episode);
	assert_row_has(c, 0, want);
	/* Grid and Q-table, side by side without overlap. */
	assert_grid(c, L, t, &g);
	find_qtable(c, L, t, gl, &q);
	if (gl == PLOT_UTF8) {
		assert_true(text_at(c, q.ax[0], q.y + 1, "←"));
		assert_true(text_at(c, q.ax[1], q.y + 1, "↓"));
		assert_true(text_at(c, q.ax[2], q.y + 1, "→"));
		assert_true(text_at(c, q.ax[3], q.y + 1, "↑"));
	} else {
		assert_true(text_at(c, q.ax[0], q.y + 1, "<"));
		assert_true(text_at(c, q.ax[1], q.y + 1, "v"));
		assert_true(text_at(c, q.ax[2], q.y + 1, ">"));
		assert_true(text_at(c, q.ax[3], q.y + 1, "^"));
	}
	/* The Q-table starts after the last cell's letter and arrow. */
	assert_true(q.x > g.x + (env_grid(t->s->env)->cols - 1) * g.cw + 1);
	/* The agent's row is shown and every value shown is the table's. */
	assert_true(qtable_row(c, L, &q, agent_state(t)) >= 0);
	for (s = 0; s < t->s->agent->nstates; s++)
		if ((y = qtable_row(c, L, &q, s)) >= 0)
			for (a = 0; a < q.na; a++)
				assert_qtable_value(c, &q, t, y, s, a);
	assert_update(c, L, t);
	/* Status line. */
	assert_row_has(c, L->status.y, gl == PLOT_UTF8 ? "α 0.80" :
	    "alpha 0.80");
	assert_row_has(c, L->status.y, gl == PLOT_UTF8 ? "γ 0.90" :
	    "gamma 0.90");
}

static void
assert_ascii(const struct canvas *c)
{
	char		*text = canvas_render(c);
	const char	*p;

	for (p = text; *p != '\0'; p++)
		if ((unsigned char)*p > 0x7e || ((unsigned char)*p < 0x20 &&
		    *p != '\n')) {
			print_error("byte 0x%02x at offset %ld of an ASCII "
			    "screen\n", (unsigned char)*p, (long)(p - text));
			free(text);
			fail();
		}
	free(text);
}

static void
screen_case(struct tutor *t, int w, int h, enum plot_glyphs g,
    const char *golden)
{
	struct layout	 L;
	struct canvas	*c = draw_screen(t, w, h, g, &L);

	assert_screen(c, &L, t, g);
	if (g == PLOT_ASCII)
		assert_ascii(c);
	golden_check(golden, c);
	canvas_free(c);
}

static void
test_view_screen_start(void **state)
{
	static const char *const map4[] = { "SFFF", "FHFH", "FFFH", "HFFG" };
	struct fixture		*f = *state;
	const struct gridmap	*m = env_grid(f->t->s->env);
	int			 row;

	/* The grid is checked against this map: Gymnasium's 4x4. */
	assert_int_equal(m->rows, 4);
	assert_int_equal(m->cols, 4);
	for (row = 0; row < 4; row++)
		assert_string_equal(m->cell[row], map4[row]);
	assert_false(f->t->s->last.valid);
	screen_case(f->t, 80, 24, PLOT_UTF8, "view_screen_start.txt");
}

static void
test_view_screen_three_steps(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(f->t->s->p.seed, 1);
	steps(f->t, 3);
	assert_int_equal(f->t->s->transitions, 3);
	screen_case(f->t, 80, 24, PLOT_UTF8, "view_screen_step3.txt");
}

static void
test_view_screen_trained(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(session_run(f->t->s, 500, 0), 500);
	screen_case(f->t, 80, 24, PLOT_UTF8, "view_screen_trained.txt");
}

static void
test_view_screen_ascii(void **state)
{
	struct fixture	*f = *state;

	screen_case(f->t, 80, 24, PLOT_ASCII, "view_screen_start_ascii.txt");
	steps(f->t, 3);
	screen_case(f->t, 80, 24, PLOT_ASCII, "view_screen_step3_ascii.txt");
	session_run(f->t->s, 500, 0);
	screen_case(f->t, 80, 24, PLOT_ASCII,
	    "view_screen_trained_ascii.txt");
}

/* A larger screen: the whole Q-table and a wider lesson. */
static void
large_screen(struct tutor *t, int w, int h, const char *golden)
{
	struct layout		 L, small;
	struct canvas		*c;
	struct grid_at		 g;
	struct qtable_at	 q;
	int			 s, y, longest = 0, n;

	session_run(t->s, 500, 0);
	steps(t, 2);
	c = draw_screen(t, w, h, PLOT_UTF8, &L);
	assert_screen(c, &L, t, PLOT_UTF8);
	assert_grid(c, &L, t, &g);
	find_qtable(c, &L, t, PLOT_UTF8, &q);
	assert_false(canvas_has(c, "states"));
	for (s = 0; s < t->s->agent->nstates; s++) {
		y = qtable_row(c, &L, &q, s);
		if (y != q.y + 2 + s) {
			print_error("state %d is on row %d, expected %d\n", s,
			    y, q.y + 2 + s);
			fail();
		}
	}
	layout_compute(&small, 80, 24, t);
	assert_true(L.lesson.w > small.lesson.w);
	for (y = L.lesson.y + 1; y < L.lesson.y + L.lesson.h; y++) {
		n = canvas_textwidth(row_text(c, y, L.lesson.x,
		    L.lesson.x + L.lesson.w));
		if (n > longest)
			longest = n;
	}
	/* The text uses the width: longer lines than 80x24 can hold. */
	assert_true(longest > small.lesson.w);
	assert_true(longest < L.lesson.w);
	golden_check(golden, c);
	canvas_free(c);
}

static void
test_view_screen_120x40(void **state)
{
	struct fixture	*f = *state;

	large_screen(f->t, 120, 40, "view_screen_120x40.txt");
}

static void
test_view_screen_200x60(void **state)
{
	struct fixture	*f = *state;

	large_screen(f->t, 200, 60, "view_screen_200x60.txt");
}

static void
test_view_screen_map_8x8(void **state)
{
	struct fixture	*f = *state;
	struct layout	 L;
	struct canvas	*c;
	struct grid_at	 g;
	struct qtable_at q;
	char		 err[256];
	bool		 reset;
	int		 row, last, x;

	assert_int_equal(session_set(f->t->s, "map", "8x8", &reset, err,
	    sizeof err), 0);
	assert_true(reset);
	steps(f->t, 3);
	c = draw_screen(f->t, 80, 24, PLOT_UTF8, &L);
	assert_screen(c, &L, f->t, PLOT_UTF8);
	assert_grid(c, &L, f->t, &g);
	find_qtable(c, &L, f->t, PLOT_UTF8, &q);
	assert_true(canvas_has(c, "FrozenLake 8x8"));
	/* The last cell and its arrow end before the Q-table's columns
	 * begin, on every row of the grid. */
	last = g.x + 7 * g.cw + 1;
	assert_true(q.x > last);
	for (row = 0; row < 8; row++)
		for (x = last + 1; x < q.x; x++)
			assert_int_equal(canvas_get(c, x, g.y + row * g.rh),
			    ' ');
	assert_true(canvas_has(c, "states"));
	golden_check("view_screen_8x8.txt", c);
	canvas_free(c);
}

/* Projective simulation at 80x24: h and g side by side, the bars of
 * the agent's percept, the update line with its glow count. */
static void
test_view_screen_ps(void **state)
{
	struct fixture	*f = *state;
	struct layout	 L;
	struct canvas	*c;
	const struct agent *ag;
	char		 err[256], want[64];
	bool		 reset;
	int		 i, glowing = 0, n;

	assert_int_equal(session_set(f->t->s, "agent", "ps", &reset, err,
	    sizeof err), 0);
	assert_int_equal(session_set(f->t->s, "slippery", "0", &reset, err,
	    sizeof err), 0);
	steps(f->t, 12);
	ag = f->t->s->agent;
	n = ag->nstates * ag->nactions;
	for (i = 0; i < n; i++)
		glowing += ag->glow[i] > 0;
	c = draw_screen(f->t, 80, 24, PLOT_UTF8, &L);
	assert_false(L.too_small);
	assert_true(canvas_has(c, "h: hop"));
	assert_true(canvas_has(c, "g: glow"));
	assert_true(canvas_has(c, "hopping probabilities"));
	assert_true(canvas_has(c, "FrozenLake") || canvas_has(c, "4x4"));
	snprintf(want, sizeof want, "h(%d,", ag->rec.u.ps.s);
	assert_row_has(c, L.update.y, want);
	assert_row_has(c, L.update.y, " ← ");
	snprintf(want, sizeof want, "glowing: %d edge", glowing);
	assert_row_has(c, L.update.y + 1, want);
	assert_row_has(c, L.status.y, "damping 1e-07");
	golden_check("view_screen_ps.txt", c);
	canvas_free(c);
	c = draw_screen(f->t, 80, 24, PLOT_ASCII, &L);
	assert_ascii(c);
	assert_true(canvas_has(c, "#"));
	canvas_free(c);
}

/* CliffWalking's grid: 4 rows of 12, the cliff (C) drawn as a hole with
 * no arrow, the actions' arrows in its own order (up right down left). */
static void
test_view_grid_cliff(void **state)
{
	struct fixture		*f = *state;
	struct canvas		*c = canvas_new(60, 10);
	struct rect		 r = { 0, 0, 60, 10 };
	struct view_opts	 o;
	char			 err[256];
	bool			 reset;
	const double		 q36[4] = { -1, -100, -2, -2 };
	const double		 q25[4] = { -3, -1, -100, -2 };
	int			 col, x, y, cw = 5, rh = 2;

	assert_int_equal(session_set(f->t->s, "slippery", "0", &reset, err,
	    sizeof err), 0);
	assert_int_equal(session_set(f->t->s, "env", "cliffwalking", &reset,
	    err, sizeof err), 0);
	assert_true(reset);
	/* Greedy up at the start (36), right above the cliff (25). */
	memcpy(f->t->s->agent->table + 36 * 4, q36, sizeof q36);
	memcpy(f->t->s->agent->table + 25 * 4, q25, sizeof q25);
	memset(&o, 0, sizeof o);
	o.glyphs = PLOT_UTF8;
	canvas_fill(c, ' ');
	view_grid_draw(c, r, f->t, &o);
	assert_true(canvas_has(c, "CliffWalking"));
	assert_false(canvas_has(c, "FrozenLake"));
	y = 1 + 3 * rh;
	/* Before the first step the agent is drawn on the start. */
	assert_int_equal(canvas_get(c, 0, y), '@');
	assert_int_equal(canvas_getstyle(c, 0, y), ST_AGENT);
	assert_true(canvas_has(c, "@\xe2\x86\x91"));
	for (col = 1; col <= 10; col++) {
		x = col * cw;
		assert_int_equal(canvas_get(c, x, y), 'C');
		assert_int_equal(canvas_getstyle(c, x, y), ST_HOLE);
		assert_int_equal(canvas_get(c, x + 1, y), ' ');
	}
	assert_int_equal(canvas_get(c, 11 * cw, y), 'G');
	assert_int_equal(canvas_getstyle(c, 11 * cw, y), ST_GOAL);
	assert_int_equal(canvas_get(c, 11 * cw + 1, y), ' ');
	/* State 25 (row 2, col 1) points right. */
	assert_int_equal(canvas_get(c, cw, 1 + 2 * rh), 'F');
	assert_int_equal(canvas_get(c, cw + 1, 1 + 2 * rh), 0x2192);
	for (col = 0; col < 12; col++)
		assert_int_equal(canvas_get(c, col * cw, 1), 'F');
	canvas_free(c);
}

static void
too_small(struct tutor *t, int w, int h, const char *golden)
{
	struct layout	 L;
	struct canvas	*c = draw_screen(t, w, h, PLOT_UTF8, &L);
	char		 want[64];
	int		 y, drawn = 0;

	assert_true(L.too_small);
	assert_true(canvas_has(c, "qtutor needs a terminal of at least"));
	snprintf(want, sizeof want, "this one is %dx%d.", w, h);
	assert_true(canvas_has(c, want));
	for (y = 0; y < h; y++)
		drawn += whole_row(c, y)[0] != '\0';
	assert_int_equal(drawn, 2);
	assert_false(canvas_has(c, "Q-table"));
	assert_false(canvas_has(c, "page"));
	golden_check(golden, c);
	canvas_free(c);
}

static void
test_view_too_small(void **state)
{
	struct fixture	*f = *state;

	too_small(f->t, 79, 24, "view_too_small_79x24.txt");
	too_small(f->t, 60, 20, "view_too_small_60x20.txt");
	too_small(f->t, 80, 23, "view_too_small_80x23.txt");
}

/* The update view alone, as wide as on an 80-column screen. */
static struct canvas *
draw_update(const struct tutor *t, enum plot_glyphs g)
{
	struct canvas		*c = canvas_new(80, 2);
	struct rect		 r = { 1, 0, 78, 2 };
	struct view_opts	 o;

	memset(&o, 0, sizeof o);
	o.glyphs = g;
	canvas_fill(c, ' ');
	view_update_draw(c, r, t, &o);
	return (c);
}

/* Step until an episode ends by reaching a terminal state with reward
 * r (0: a hole, 1: the goal). */
static void
step_to_terminal(struct tutor *t, double r)
{
	const struct td_record	*u = &t->s->agent->rec.u.td;
	long			 i;

	for (i = 0; i < STEP_LIMIT; i++)
		if (session_step(t->s) == 1 && u->terminated && u->r == r)
			return;
	fail_msg("no terminal transition with reward %g", r);
}

static void
assert_terminal_update(const struct tutor *t, const struct canvas *c)
{
	struct layout	 L;

	assert_true(t->s->agent->rec.u.td.terminated);
	assert_false(t->s->agent->rec.u.td.truncated);
	L.update.x = 1;
	L.update.y = 0;
	assert_update(c, &L, t);
	assert_non_null(strstr(whole_row(c, 1), "terminal"));
	assert_null(strstr(whole_row(c, 1), "time limit"));
	/* The target is just r: no discounted next value. */
	assert_null(strstr(whole_row(c, 0), "0.9 ×"));
}

static void
test_view_update_terminal(void **state)
{
	struct fixture		*f = *state;
	const struct td_record	*u = &f->t->s->agent->rec.u.td;
	struct canvas		*c;

	/* A hole: nothing is learned. */
	step_to_terminal(f->t, 0);
	c = draw_update(f->t, PLOT_UTF8);
	assert_terminal_update(f->t, c);
	golden_check("view_update_hole.txt", c);
	canvas_free(c);
	/* The goal reached for the first time: Q moves from 0 to alpha. */
	step_to_terminal(f->t, 1);
	assert_true(u->q_old == 0);
	assert_near(u->q_new, 0.8, 1e-12);
	c = draw_update(f->t, PLOT_UTF8);
	assert_terminal_update(f->t, c);
	assert_non_null(strstr(whole_row(c, 0), "[1 − 0.000] = 0.800"));
	golden_check("view_update_goal.txt", c);
	canvas_free(c);
}

static void
test_view_update_truncated(void **state)
{
	struct fixture		*f = *state;
	const struct td_record	*u = &f->t->s->agent->rec.u.td;
	struct canvas		*c;
	struct layout		 L;
	char			 err[256];
	bool			 reset;

	assert_int_equal(session_set(f->t->s, "max_steps", "1", &reset, err,
	    sizeof err), 0);
	assert_int_equal(session_step(f->t->s), 1);
	assert_true(u->truncated);
	assert_false(u->terminated);
	c = draw_update(f->t, PLOT_UTF8);
	L.update.x = 1;
	L.update.y = 0;
	assert_update(c, &L, f->t);
	assert_non_null(strstr(whole_row(c, 1), "time limit"));
	assert_null(strstr(whole_row(c, 1), "terminal"));
	/* It still bootstraps: gamma times the next state's value. */
	assert_non_null(strstr(whole_row(c, 0), "0.9 ×"));
	golden_check("view_update_truncated.txt", c);
	canvas_free(c);
}

/*
 * The episode's discounted return on the dummy environment (reward 1 a
 * step, gamma 0.9): the first three terms written out, then the last
 * term added to the G before it; back takes it back.  At 78 columns it
 * does not fit beside the reminder of the rule, which gives way.
 */
static void
test_view_update_return(void **state)
{
	struct fixture	*f = *state;
	struct canvas	*c;
	struct layout	 L;
	char		 err[256];
	bool		 reset;
	int		 i;

	L.update.x = 1;
	L.update.y = 0;
	/* FrozenLake pays nothing before the goal: no sum of zeros. */
	for (i = 0; i < 3; i++)
		assert_int_equal(session_step(f->t->s), 0);
	c = draw_update(f->t, PLOT_UTF8);
	assert_null(strstr(whole_row(c, 1), "G ="));
	assert_non_null(strstr(whole_row(c, 1), "max Q(s',·)"));
	canvas_free(c);

	assert_int_equal(session_set(f->t->s, "env", "dummy", &reset, err,
	    sizeof err), 0);
	assert_true(reset);
	assert_int_equal(session_set(f->t->s, "gamma", "0.9", &reset, err,
	    sizeof err), 0);
	assert_int_equal(session_step(f->t->s), 0);
	c = draw_update(f->t, PLOT_UTF8);
	assert_non_null(strstr(whole_row(c, 1), "  G = 1"));
	assert_null(strstr(whole_row(c, 1), "G = 1 "));
	canvas_free(c);
	assert_int_equal(session_step(f->t->s), 0);
	assert_int_equal(session_step(f->t->s), 0);
	c = draw_update(f->t, PLOT_UTF8);
	assert_update(c, &L, f->t);
	assert_non_null(strstr(whole_row(c, 1),
	    "  G = 1 + 0.9×1 + 0.81×1 = 2.71"));
	assert_null(strstr(whole_row(c, 1), "target ="));
	assert_non_null(strstr(whole_row(c, 1), "TD error"));
	golden_check("view_update_return.txt", c);
	canvas_free(c);
	assert_int_equal(session_step(f->t->s), 0);
	c = draw_update(f->t, PLOT_UTF8);
	assert_non_null(strstr(whole_row(c, 1), "  G = 2.71 + 0.729×1 = 3.439"));
	canvas_free(c);
	c = draw_update(f->t, PLOT_ASCII);
	assert_non_null(strstr(whole_row(c, 1), "  G = 2.71 + 0.729*1 = 3.439"));
	assert_ascii(c);
	canvas_free(c);
	/* Back one step: the sum of three terms again. */
	assert_int_equal(session_back(f->t->s), 0);
	c = draw_update(f->t, PLOT_UTF8);
	assert_non_null(strstr(whole_row(c, 1),
	    "  G = 1 + 0.9×1 + 0.81×1 = 2.71"));
	canvas_free(c);
	/* Wide enough, the reminder stays and G follows it. */
	c = canvas_new(120, 2);
	{
		struct rect		 r = { 1, 0, 118, 2 };
		struct view_opts	 o;

		memset(&o, 0, sizeof o);
		o.glyphs = PLOT_UTF8;
		canvas_fill(c, ' ');
		view_update_draw(c, r, f->t, &o);
	}
	assert_non_null(strstr(whole_row(c, 1),
	    "max Q(s',·)  G = 1 + 0.9×1 + 0.81×1 = 2.71"));
	canvas_free(c);
}

/* A step of the agent being learned that bootstraps from a value other
 * than the greedy one (SARSA's a' not greedy; the expectation below the
 * max), in a state where something has been learned. */
static void
step_to_nongreedy_target(struct tutor *t)
{
	const struct td_record	*u = &t->s->agent->rec.u.td;
	double			 best;
	long			 i;

	for (i = 0; i < STEP_LIMIT; i++) {
		if (session_step(t->s) != 0)
			continue;
		best = tabular_row_max(agent_row(t->s->agent, u->s2), 4);
		if (u->s2 != u->s && best > 0 && u->next_value != best)
			return;
	}
	fail_msg("no step with a target below the best value");
}

/* SARSA names the a' its target used; Expected SARSA the expectation. */
static void
test_view_update_sarsa(void **state)
{
	struct fixture		*f = *state;
	const struct td_record	*u;
	struct canvas		*c;
	struct layout		 L;
	char			 err[256], want[64], num[16];
	bool			 reset;

	L.update.x = 1;
	L.update.y = 0;
	assert_int_equal(session_set(f->t->s, "policy", "egreedy", &reset,
	    err, sizeof err), 0);
	assert_int_equal(session_set(f->t->s, "epsilon", "0.2", &reset, err,
	    sizeof err), 0);
	assert_int_equal(session_set(f->t->s, "agent", "sarsa", &reset, err,
	    sizeof err), 0);
	assert_true(reset);
	u = &f->t->s->agent->rec.u.td;
	step_to_nongreedy_target(f->t);
	assert_int_equal(u->rule, TD_SARSA);
	assert_true(u->a2 >= 0);
	c = draw_update(f->t, PLOT_UTF8);
	assert_update(c, &L, f->t);
	view_format_value(num, sizeof num, u->next_value, 6);
	snprintf(want, sizeof want, "0.9 × Q(%d,%s)=%s − ", u->s2,
	    view_action_glyph(f->t, u->a2, PLOT_UTF8), num);
	assert_non_null(strstr(whole_row(c, 0), want));
	snprintf(want, sizeof want, "s'=%d a'=%s ", u->s2,
	    view_action_glyph(f->t, u->a2, PLOT_UTF8));
	assert_non_null(strstr(whole_row(c, 1), want));
	assert_non_null(strstr(whole_row(c, 1), "Q(s',a')"));
	golden_check("view_update_sarsa.txt", c);
	canvas_free(c);
	c = draw_update(f->t, PLOT_ASCII);
	snprintf(want, sizeof want, "0.9 * Q(%d,%s)=%s - ", u->s2,
	    view_action_glyph(f->t, u->a2, PLOT_ASCII), num);
	assert_non_null(strstr(whole_row(c, 0), want));
	assert_ascii(c);
	canvas_free(c);
	/* A terminal step reads as Q-learning's: no a', target r. */
	step_to_terminal(f->t, 1);
	assert_int_equal(u->a2, -1);
	c = draw_update(f->t, PLOT_UTF8);
	assert_terminal_update(f->t, c);
	assert_null(strstr(whole_row(c, 1), "a'="));
	canvas_free(c);

	assert_int_equal(session_set(f->t->s, "agent", "expected_sarsa",
	    &reset, err, sizeof err), 0);
	u = &f->t->s->agent->rec.u.td;
	step_to_nongreedy_target(f->t);
	assert_int_equal(u->rule, TD_EXPECTED_SARSA);
	c = draw_update(f->t, PLOT_UTF8);
	assert_update(c, &L, f->t);
	view_format_value(num, sizeof num, u->next_value, 6);
	snprintf(want, sizeof want, "0.9 × E[Q(%d,·)]=%s − ", u->s2, num);
	assert_non_null(strstr(whole_row(c, 0), want));
	assert_non_null(strstr(whole_row(c, 1), "E_π[Q(s',·)]"));
	golden_check("view_update_expected_sarsa.txt", c);
	canvas_free(c);
	c = draw_update(f->t, PLOT_ASCII);
	snprintf(want, sizeof want, "0.9 * E[Q(%d,.)]=%s - ", u->s2, num);
	assert_non_null(strstr(whole_row(c, 0), want));
	assert_ascii(c);
	canvas_free(c);
}

static void
test_view_styles(void **state)
{
	struct fixture		*f = *state;
	const struct td_record	*u = &f->t->s->agent->rec.u.td;
	struct layout		 L;
	struct canvas		*c;
	struct grid_at		 g;
	struct qtable_at	 q;
	const struct gridmap	*m;
	char			 buf[32];
	int			 y, x, s, len, agent, end;

	steps(f->t, 3);
	m = env_grid(f->t->s->env);
	c = draw_screen(f->t, 80, 24, PLOT_UTF8, &L);
	assert_grid(c, &L, f->t, &g);
	find_qtable(c, &L, f->t, PLOT_UTF8, &q);
	agent = agent_state(f->t);
	/* The agent's cell. */
	assert_int_equal(canvas_getstyle(c, g.x + agent % m->cols * g.cw,
	    g.y + agent / m->cols * g.rh), ST_AGENT);
	/* The updated cell, every character of it. */
	y = qtable_row(c, &L, &q, u->s);
	assert_true(y >= 0);
	view_format_value(buf, sizeof buf,
	    f->t->s->agent->table[(size_t)u->s * q.na + u->a],
	    qtable_cw(&q) - 1);
	len = canvas_textwidth(buf);
	end = qtable_value_end(&q, u->a);
	for (x = end + 1 - len; x <= end; x++)
		assert_int_equal(canvas_getstyle(c, x, y), ST_UPDATED);
	/* No other cell of the table is marked updated. */
	for (s = 0; s < f->t->s->agent->nstates; s++) {
		if ((y = qtable_row(c, &L, &q, s)) < 0)
			continue;
		for (x = q.x + 4; x < L.qtable.x + L.qtable.w; x++)
			if (canvas_getstyle(c, x, y) == ST_UPDATED)
				assert_true(s == u->s && x > end - len &&
				    x <= end);
		/* The agent's row label, and only it, is current. */
		for (x = q.x; x < q.x + 4; x++)
			if (s == agent)
				assert_int_equal(canvas_getstyle(c, x, y),
				    ST_CURRENT);
			else
				assert_int_not_equal(canvas_getstyle(c, x, y),
				    ST_CURRENT);
	}
	canvas_free(c);
}

/* The lesson view alone in a w x h panel at the left of a wider canvas
 * (what it draws beyond the panel would show). */
static struct canvas *
draw_lesson(const struct tutor *t, int w, int h, int scroll,
    enum plot_glyphs g, int *lines)
{
	struct canvas		*c = canvas_new(w + 6, h + 2);
	struct rect		 r = { 0, 0, w, h };
	struct view_opts	 o;

	memset(&o, 0, sizeof o);
	o.glyphs = g;
	o.lesson_scroll = scroll;
	canvas_fill(c, ' ');
	*lines = view_lesson_draw(c, r, t, &o);
	assert_blank_outside(c, r, ' ');
	return (c);
}

static void
test_view_lesson_wraps(void **state)
{
	static const char *const para = "The agent starts on S and walks the "
	    "frozen lake until it reaches G or falls into a hole H.";
	struct fixture	*f = *state;
	struct canvas	*c;
	char		 joined[1024] = "", line[256], next[256];
	const int	 w = 30;
	int		 lines, y, last;

	c = draw_lesson(f->t, w, 16, 0, PLOT_UTF8, &lines);
	assert_true(text_at(c, 0, 0, "1/3 First steps"));
	/* The paragraph, wrapped greedily: no line is longer than the
	 * panel's text width, and none could have taken the next word. */
	for (y = 1; whole_row(c, y)[0] != '\0'; y++) {
		snprintf(line, sizeof line, "%s", whole_row(c, y));
		assert_true(canvas_textwidth(line) <= w - 1);
		if (joined[0] != '\0')
			strcat(joined, " ");
		strcat(joined, line);
		snprintf(next, sizeof next, "%s", whole_row(c, y + 1));
		if (next[0] != '\0') {
			next[strcspn(next, " ")] = '\0';
			assert_true(canvas_textwidth(line) + 1 +
			    canvas_textwidth(next) > w - 1);
		}
	}
	last = y;
	assert_true(last > 2);
	assert_string_equal(joined, para);
	/* The indented line is kept as written. */
	assert_true(text_at(c, 0, last + 1, "  Q(s,a) += alpha * td"));
	assert_true(canvas_has(c, "Task: Reach the goal"));
	assert_false(canvas_has(c, "more"));
	golden_check("view_lesson_wrap.txt", c);
	canvas_free(c);
}

static void
test_view_lesson_more(void **state)
{
	struct fixture	*f = *state;
	struct canvas	*c;
	int		 lines, all, y;

	assert_int_equal(tutor_open_page(f->t, 1), 0);
	/* Tall enough for everything: no "more". */
	c = draw_lesson(f->t, 40, 80, 0, PLOT_UTF8, &all);
	assert_false(canvas_has(c, "more"));
	assert_true(canvas_has(c, "Eighth paragraph"));
	canvas_free(c);
	/* Too short: the last line says there is more. */
	c = draw_lesson(f->t, 40, 10, 0, PLOT_UTF8, &lines);
	assert_int_equal(lines, all);
	assert_true(lines > 9);
	assert_non_null(strstr(whole_row(c, 9), "more"));
	for (y = 0; y < 9; y++)
		assert_null(strstr(whole_row(c, y), "more"));
	assert_false(canvas_has(c, "Eighth paragraph"));
	golden_check("view_lesson_more.txt", c);
	canvas_free(c);
	/* Scrolled to the end: the last line shown, no "more". */
	c = draw_lesson(f->t, 40, 10, all - 9, PLOT_UTF8, &lines);
	assert_false(canvas_has(c, "more"));
	assert_true(canvas_has(c, "Eighth paragraph"));
	canvas_free(c);
}

static void
test_view_lesson_task_done(void **state)
{
	struct fixture	*f = *state;
	struct canvas	*c;
	int		 lines, x, y;

	c = draw_lesson(f->t, 40, 14, 0, PLOT_UTF8, &lines);
	assert_true(find_text(c, whole(c), "Task:", &x, &y));
	assert_int_equal(x, 0);
	assert_false(canvas_has(c, "Done:"));
	golden_check("view_lesson_task.txt", c);
	canvas_free(c);

	f->t->checked[0] = true;
	c = draw_lesson(f->t, 40, 14, 0, PLOT_UTF8, &lines);
	assert_true(find_text(c, whole(c), "Done:", &x, &y));
	assert_int_equal(canvas_getstyle(c, x, y), ST_OK);
	assert_false(canvas_has(c, "Task:"));
	assert_true(canvas_has(c, "Reach the goal"));
	golden_check("view_lesson_done.txt", c);
	canvas_free(c);

	c = draw_lesson(f->t, 40, 14, 0, PLOT_ASCII, &lines);
	assert_true(canvas_has(c, "Done:"));
	assert_ascii(c);
	canvas_free(c);
	/* Another page's checkpoint is its own. */
	assert_int_equal(tutor_open_page(f->t, 2), 0);
	c = draw_lesson(f->t, 40, 14, 0, PLOT_UTF8, &lines);
	assert_true(canvas_has(c, "Task: Make the greedy"));
	assert_false(canvas_has(c, "Done:"));
	canvas_free(c);
}

static void
test_view_overlay(void **state)
{
	static const char *const text =
	    "A short line.\n"
	    "set NAME VALUE  a line much longer than the frame is wide, "
	    "which must stay inside it\n"
	    "\n"
	    "Last line.";
	struct canvas	*c = canvas_new(44, 14);
	struct rect	 r = { 3, 2, 36, 10 };
	int		 x, y, hx, hy;

	(void)state;
	canvas_fill(c, '.');
	view_overlay_draw(c, r, "Help", text, 0, PLOT_UTF8);
	assert_blank_outside(c, r, '.');
	/* The frame, whole. */
	assert_true(text_at(c, r.x, r.y, "┌"));
	assert_true(text_at(c, r.x + r.w - 1, r.y, "┐"));
	assert_true(text_at(c, r.x, r.y + r.h - 1, "└"));
	assert_true(text_at(c, r.x + r.w - 1, r.y + r.h - 1, "┘"));
	assert_true(text_at(c, r.x + 2, r.y, "Help"));
	for (y = r.y + 1; y < r.y + r.h - 1; y++) {
		assert_true(text_at(c, r.x, y, "│"));
		assert_true(text_at(c, r.x + r.w - 1, y, "│"));
		/* A blank column each side of the text. */
		assert_int_equal(canvas_get(c, r.x + 1, y), ' ');
		assert_int_equal(canvas_get(c, r.x + r.w - 2, y), ' ');
	}
	for (x = r.x + 1; x < r.x + r.w - 1; x++)
		assert_true(canvas_get(c, x, r.y) != ' ');
	/* The key hint sits on the bottom edge, the edge drawn up to it. */
	assert_true(find_text(c, whole(c), "j/k scroll", &hx, &hy));
	assert_int_equal(hy, r.y + r.h - 1);
	assert_true(hx > r.x + 1 && hx < r.x + r.w - 1);
	for (x = r.x + 1; x < hx - 1; x++)
		assert_true(text_at(c, x, hy, "─"));
	assert_true(text_at(c, r.x + 2, r.y + 1, "A short line."));
	assert_true(text_at(c, r.x + 2, r.y + 2, "set NAME VALUE  a line"));
	assert_true(canvas_has(c, "Last line."));
	golden_check("view_overlay.txt", c);
	/* Scrolled by one: the first line is gone. */
	canvas_fill(c, '.');
	view_overlay_draw(c, r, "Help", text, 1, PLOT_ASCII);
	assert_blank_outside(c, r, '.');
	assert_true(text_at(c, r.x, r.y, "+"));
	assert_true(text_at(c, r.x + 2, r.y + 1, "set NAME VALUE"));
	assert_false(canvas_has(c, "A short line."));
	assert_ascii(c);
	canvas_free(c);
}

/* Run a prompt command that must succeed. */
static void
command_ok(struct tutor *t, const char *line)
{
	struct cmd_out	 out = { NULL, 0, 0 };

	if (cmd_run(t, line, &out) != 0)
		print_error("'%s': %s\n", line, t->msg);
	assert_false(t->msg_error);
	cmd_out_free(&out);
}

/*
 * Value iteration on the screen after three sweeps: the title names the
 * sweep, the grid's arrows are planning_greedy's, the update line closes
 * on V(s) of the chosen state and the best action's outcomes follow.
 */
static void
test_view_screen_plan(void **state)
{
	struct fixture		*f = *state;
	const struct gridmap	*m = env_grid(f->t->s->env);
	const struct planning	*pl;
	struct layout		 L;
	struct canvas		*c;
	struct grid_at		 g;
	char			 num[32], want[64];
	const char		*line;
	int			 act[16], row, col, s, x;
	uint32_t		 arrow;

	command_ok(f->t, "sweep 3");
	command_ok(f->t, "backup 10");
	pl = tutor_plan(f->t);
	assert_non_null(pl);
	assert_int_equal(pl->nstates, 16);
	c = draw_screen(f->t, 80, 24, PLOT_UTF8, &L);
	assert_row_has(c, 0, "value iteration, sweep 3");
	assert_row_has(c, 0, "page 1/3");
	assert_true(canvas_has(c, "Q from value iteration, sweep 3") ||
	    canvas_has(c, "Q, sweep 3"));
	/* Arrows: the first best action of the planner's Q, a dot where
	 * all are equal, none on holes and the goal. */
	assert_grid(c, &L, f->t, &g);
	planning_greedy(pl, act);
	for (row = 0; row < m->rows; row++)
		for (col = 0; col < m->cols; col++) {
			s = row * m->cols + col;
			if (m->cell[row][col] == 'H' || m->cell[row][col] == 'G')
				continue;
			x = g.x + col * g.cw + 1;
			arrow = tabular_all_equal(pl->q + s * 4, 4) ? 0xb7 :
			    utf8_first(view_action_glyph(f->t, act[s],
			    PLOT_UTF8));
			if (canvas_get(c, x, g.y + row * g.rh) != arrow) {
				print_error("cell %d: arrow %#x, expected %#x\n",
				    s, (unsigned)canvas_get(c, x, g.y + row *
				    g.rh), (unsigned)arrow);
				fail();
			}
		}
	/* The update line: V_3(10) over the actions, closing on V(10). */
	line = row_text(c, L.update.y, L.update.x, c->w);
	assert_true(strncmp(line, "V₃(10) ← ", strlen("V₃(10) ← ")) == 0);
	assert_non_null(strstr(line, "max("));
	view_format_value(num, sizeof num, pl->v[10], 6);
	snprintf(want, sizeof want, ") = %s", num);
	assert_string_equal(line + strlen(line) - strlen(want), want);
	/* The best action's outcome (deterministic ice: one), from V_2. */
	line = row_text(c, L.update.y + 1, L.update.x, c->w);
	assert_true(strncmp(line, "Q(10,↓) = 1×[0+0.9×V₂(14)=",
	    strlen("Q(10,↓) = 1×[0+0.9×V₂(14)=")) == 0);
	golden_check("view_screen_plan.txt", c);
	canvas_free(c);

	/* ASCII spells it out. */
	c = draw_screen(f->t, 80, 24, PLOT_ASCII, &L);
	line = row_text(c, L.update.y, L.update.x, c->w);
	/* The rule's words do not fit beside four values here. */
	assert_true(strncmp(line, "V_3(10) <- max(0.000, 0.900, ",
	    strlen("V_3(10) <- max(0.000, 0.900, ")) == 0);
	line = row_text(c, L.update.y + 1, L.update.x, c->w);
	assert_string_equal(line, "Q(10,v) = 1*[0+0.9*V_2(14)=1.000] = 0.900");
	assert_ascii(c);
	canvas_free(c);

	/* plan off: the agent's screen again, as it was. */
	command_ok(f->t, "plan off");
	assert_null(tutor_plan(f->t));
	c = draw_screen(f->t, 80, 24, PLOT_UTF8, &L);
	assert_screen(c, &L, f->t, PLOT_UTF8);
	assert_false(canvas_has(c, "sweep 3"));
	canvas_free(c);
}

/* The cart-pole view. */

/* The view in a rectangle with a margin of '.' around it, to see that
 * nothing is drawn outside. */
static struct canvas *
draw_cartpole(int w, int h, double x, double theta, enum plot_glyphs g,
    struct rect *r)
{
	struct canvas		*c = canvas_new(w + 4, h + 2);
	struct view_opts	 o;
	double			 st[4];

	st[0] = x;
	st[1] = 0.25;
	st[2] = theta;
	st[3] = -0.5;
	r->x = 2;
	r->y = 1;
	r->w = w;
	r->h = h;
	memset(&o, 0, sizeof o);
	o.glyphs = g;
	canvas_fill(c, '.');
	view_cartpole_draw(c, *r, st, &o);
	assert_blank_outside(c, *r, '.');
	return (c);
}

/* What a cart-pole drawing shows, found in the canvas. */
struct cartpole_at {
	int	 track;		/* its row */
	int	 left, right;	/* the posts: x = -2.4 and 2.4 */
	int	 cart;		/* the cart's top row */
	int	 hinge;		/* the column of the pole's foot */
	int	 top;		/* the highest row of the pole */
	int	 tipl, tipr;	/* the pole's columns in that row */
};

static int
is_pole(uint32_t cp)
{
	return (cp == 0x2502 || (cp > 0x2800 && cp <= 0x28ff) || cp == '|' ||
	    cp == '/' || cp == '\\');
}

/*
 * Find the track between its posts, the cart on it, the hinge at the
 * middle of the cart's top and the pole above it; check that the cart
 * stands where x puts it on the track.
 */
static void
find_cartpole(const struct canvas *c, struct rect r, double x,
    enum plot_glyphs g, struct cartpole_at *a)
{
	const char	*post = g == PLOT_UTF8 ? "┠" : "|-";
	int		 y, col, want;
	double		 xc;

	memset(a, 0, sizeof *a);
	assert_true(find_text(c, r, post, &a->left, &a->track));
	a->right = -1;
	for (col = a->left + 1; col < r.x + r.w; col++)
		if (canvas_get(c, col, a->track) == (g == PLOT_UTF8 ? 0x2528 :
		    '|'))
			a->right = col;
	assert_true(a->right > a->left + 10);
	for (col = a->left + 1; col < a->right; col++)
		assert_int_equal(canvas_getstyle(c, col, a->track), ST_DIM);
	assert_int_equal(canvas_getstyle(c, a->left, a->track), ST_HOLE);
	/* The middle of the track is marked: x = 0. */
	assert_int_equal(canvas_get(c, a->left + (int)lround((a->right -
	    a->left) / 2.0), a->track), g == PLOT_UTF8 ? 0x253c : '+');
	/* The cart: the rows above the track in the agent's style. */
	a->cart = a->track;
	for (y = a->track - 1; y >= r.y; y--) {
		for (col = r.x; col < r.x + r.w; col++)
			if (canvas_getstyle(c, col, y) == ST_AGENT)
				break;
		if (col == r.x + r.w)
			break;
		a->cart = y;
	}
	assert_true(a->cart < a->track);
	a->hinge = -1;
	for (col = r.x; col < r.x + r.w; col++) {
		uint32_t cp = canvas_get(c, col, a->cart);

		if (cp == 0x2534 || cp == 0x2567 || (cp == '+' &&
		    canvas_getstyle(c, col, a->cart) == ST_AGENT &&
		    canvas_getstyle(c, col - 1, a->cart) == ST_AGENT &&
		    canvas_getstyle(c, col + 1, a->cart) == ST_AGENT))
			a->hinge = col;
	}
	assert_true(a->hinge >= r.x);
	xc = x < -2.4 ? -2.4 : x > 2.4 ? 2.4 : x;
	want = a->left + (int)lround((xc + 2.4) / 4.8 * (a->right - a->left));
	if (a->hinge != want) {
		print_error("cart at column %d, x = %g puts it at %d\n",
		    a->hinge, x, want);
		fail();
	}
	/* The pole: the highest row above the cart with a pole glyph. */
	a->top = -1;
	for (y = a->cart - 1; y >= r.y; y--) {
		for (col = r.x; col < r.x + r.w; col++)
			if (is_pole(canvas_get(c, col, y)))
				break;
		if (col == r.x + r.w)
			break;
		a->top = y;
	}
	assert_true(a->top >= r.y && a->top < a->cart);
	a->tipl = r.x + r.w;
	a->tipr = -1;
	for (col = r.x; col < r.x + r.w; col++)
		if (is_pole(canvas_get(c, col, a->top))) {
			a->tipl = col < a->tipl ? col : a->tipl;
			a->tipr = col;
		}
}

/* The pole's top lies where the angle puts it, drawn true: rows are two
 * columns high, the pole as long as its rows. */
static void
assert_pole_angle(const struct cartpole_at *a, double theta)
{
	double	 len = 2.0 * (a->cart - a->top);
	double	 tip = a->hinge + 0.5 + len * sin(theta);

	if (!(a->tipl <= (int)floor(tip) + 1 &&
	    a->tipr >= (int)floor(tip) - 1)) {
		print_error("pole top at columns %d-%d, theta %g puts it at "
		    "%.2f\n", a->tipl, a->tipr, theta, tip);
		fail();
	}
}

/* The style of the value written after label (and a space or two). */
static int
value_style(const struct canvas *c, struct rect r, const char *text)
{
	int	 x, y;

	if (!find_text(c, r, text, &x, &y)) {
		print_error("'%s' is not shown\n", text);
		fail();
	}
	while (canvas_get(c, x, y) != ' ')
		x++;
	while (canvas_get(c, x, y) == ' ')
		x++;
	return (canvas_getstyle(c, x, y));
}

static int
canvas_has_style(const struct canvas *c, int style)
{
	int	 x, y;

	for (y = 0; y < c->h; y++)
		for (x = 0; x < c->w; x++)
			if (canvas_getstyle(c, x, y) == style)
				return (1);
	return (0);
}

/* Upright in the middle: a straight pole over the hinge, over x = 0. */
static void
test_view_cartpole_upright(void **state)
{
	struct canvas		*c;
	struct rect		 r;
	struct cartpole_at	 a;
	int			 y, x;

	(void)state;
	c = draw_cartpole(40, 12, 0, 0, PLOT_UTF8, &r);
	find_cartpole(c, r, 0, PLOT_UTF8, &a);
	assert_int_equal(a.hinge, a.left + (int)lround((a.right - a.left) /
	    2.0));
	/* Every row from the title to the cart: '│' over the hinge only. */
	for (y = a.top; y < a.cart; y++)
		for (x = r.x; x < r.x + r.w; x++)
			assert_int_equal(canvas_get(c, x, y), x == a.hinge ?
			    0x2502 : ' ');
	assert_true(a.cart - a.top >= 4);
	assert_true(text_at(c, r.x, r.y, "CartPole"));
	assert_true(canvas_has(c, "x  0.000"));
	assert_true(canvas_has(c, "dx/dt  0.250"));
	assert_true(canvas_has(c, "θ  0.000 rad =   0.0°"));
	assert_true(canvas_has(c, "dθ/dt -0.500"));
	assert_true(canvas_has(c, "|x| ≤ 2.4, |θ| ≤ 12°"));
	assert_true(canvas_has(c, "−2.4"));
	assert_false(canvas_has_style(c, ST_ERROR));
	golden_check("view_cartpole_upright.txt", c);
	canvas_free(c);
}

/* Leaning right at 11.5 degrees, just inside the limit: the pole's top
 * to the right of the hinge by the true angle; then just past it, the
 * angle in the error style and x not. */
static void
test_view_cartpole_leaning(void **state)
{
	struct canvas		*c;
	struct rect		 r;
	struct cartpole_at	 a;
	double			 theta = 0.2;

	(void)state;
	c = draw_cartpole(40, 12, 0.5, theta, PLOT_UTF8, &r);
	find_cartpole(c, r, 0.5, PLOT_UTF8, &a);
	assert_true(a.tipl > a.hinge);
	assert_pole_angle(&a, theta);
	assert_true(canvas_has(c, "θ  0.200 rad =  11.5°"));
	assert_int_equal(value_style(c, r, "θ "), ST_PLAIN);
	assert_false(canvas_has_style(c, ST_ERROR));
	golden_check("view_cartpole_leaning.txt", c);
	canvas_free(c);
	/* Past 12 degrees: the angle's number is marked, x's is not. */
	c = draw_cartpole(40, 12, 0.5, 0.21, PLOT_UTF8, &r);
	find_cartpole(c, r, 0.5, PLOT_UTF8, &a);
	assert_pole_angle(&a, 0.21);
	assert_int_equal(value_style(c, r, "θ "), ST_ERROR);
	assert_int_equal(value_style(c, r, "x "), ST_PLAIN);
	canvas_free(c);
	/* Leaning left: the top to the left. */
	c = draw_cartpole(40, 12, 0.5, -theta, PLOT_UTF8, &r);
	find_cartpole(c, r, 0.5, PLOT_UTF8, &a);
	assert_true(a.tipr < a.hinge);
	assert_pole_angle(&a, -theta);
	canvas_free(c);
}

/* Near the left limit the cart stands by the left post, inside the
 * rectangle; past the right one it is drawn at the post and x is
 * marked. */
static void
test_view_cartpole_edges(void **state)
{
	struct canvas		*c;
	struct rect		 r;
	struct cartpole_at	 a;

	(void)state;
	c = draw_cartpole(40, 12, -2.2, -0.05, PLOT_UTF8, &r);
	find_cartpole(c, r, -2.2, PLOT_UTF8, &a);
	assert_true(a.hinge - a.left <= 3);
	assert_true(text_at(c, a.hinge - 2, a.cart, "┌─┴─┐"));
	assert_true(canvas_has(c, "x -2.200"));
	assert_false(canvas_has_style(c, ST_ERROR));
	golden_check("view_cartpole_left.txt", c);
	canvas_free(c);
	c = draw_cartpole(40, 12, 2.45, 0.1, PLOT_UTF8, &r);
	find_cartpole(c, r, 2.45, PLOT_UTF8, &a);
	assert_int_equal(a.hinge, a.right);
	assert_int_equal(value_style(c, r, "x "), ST_ERROR);
	assert_int_equal(value_style(c, r, "θ "), ST_PLAIN);
	canvas_free(c);
	c = draw_cartpole(40, 12, -2.41, 0.1, PLOT_UTF8, &r);
	find_cartpole(c, r, -2.41, PLOT_UTF8, &a);
	assert_int_equal(a.hinge, a.left);
	assert_int_equal(value_style(c, r, "x "), ST_ERROR);
	canvas_free(c);
}

/* ASCII: '|', '/' and '\' for the pole, the state's names spelt out. */
static void
test_view_cartpole_ascii(void **state)
{
	struct canvas		*c;
	struct rect		 r;
	struct cartpole_at	 a;
	int			 x, y;
	uint32_t		 cp;
	bool			 slope = false;

	(void)state;
	c = draw_cartpole(40, 12, -0.8, -0.15, PLOT_ASCII, &r);
	assert_ascii(c);
	find_cartpole(c, r, -0.8, PLOT_ASCII, &a);
	assert_true(a.tipr <= a.hinge);
	assert_pole_angle(&a, -0.15);
	for (y = a.top; y < a.cart; y++)
		for (x = r.x; x < r.x + r.w; x++) {
			cp = canvas_get(c, x, y);
			assert_true(cp == ' ' || cp == '|' || cp == '\\');
			slope |= cp == '\\';
		}
	assert_true(slope);
	assert_true(canvas_has(c, "x_dot  0.250"));
	assert_true(canvas_has(c, "theta -0.150 rad =  -8.6 deg"));
	assert_true(canvas_has(c, "theta_dot -0.500"));
	assert_true(canvas_has(c, "|theta| <= 12 deg"));
	golden_check("view_cartpole_ascii.txt", c);
	canvas_free(c);
}

/* The smallest useful size keeps the pole, the cart, the track and all
 * four numbers; smaller ones only clip, inside their rectangle. */
static void
test_view_cartpole_small(void **state)
{
	static const int	 sizes[][2] = { { 16, 6 }, { 10, 3 }, { 3, 2 },
	    { 1, 1 }, { 0, 0 }, { 200, 60 } };
	struct canvas		*c;
	struct rect		 r;
	struct cartpole_at	 a;
	size_t			 i;

	(void)state;
	c = draw_cartpole(24, 8, 0.3, 0.19, PLOT_UTF8, &r);
	find_cartpole(c, r, 0.3, PLOT_UTF8, &a);
	assert_true(a.cart - a.top >= 2);
	assert_pole_angle(&a, 0.19);
	assert_true(canvas_has(c, "x  0.300"));
	assert_true(canvas_has(c, "dx/dt  0.250"));
	assert_true(canvas_has(c, "θ  0.190"));
	assert_true(canvas_has(c, "dθ/dt -0.500"));
	golden_check("view_cartpole_small.txt", c);
	canvas_free(c);
	c = draw_cartpole(24, 8, 0.3, -0.19, PLOT_ASCII, &r);
	find_cartpole(c, r, 0.3, PLOT_ASCII, &a);
	assert_true(canvas_has(c, "theta -0.190"));
	assert_ascii(c);
	canvas_free(c);
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		c = draw_cartpole(sizes[i][0], sizes[i][1], 2.6, -1.3,
		    PLOT_UTF8, &r);
		canvas_free(c);
		c = draw_cartpole(sizes[i][0], sizes[i][1], NAN, NAN,
		    PLOT_ASCII, &r);
		canvas_free(c);
	}
}

/* Fitted Q-iteration: its own small lesson, 3,000 transitions. */

static int
setup_fqi(void **state)
{
	struct fixture	*f = calloc(1, sizeof *f);
	char		 err[512];

	assert_non_null(f);
	snprintf(f->dirs.lessons, sizeof f->dirs.lessons, "%s/tests/data/"
	    "lessons", TOP_SRCDIR);
	snprintf(f->dirs.maps, sizeof f->dirs.maps, "%s/data/maps", TOP_SRCDIR);
	f->lesson = lesson_load(test_data_path("lessons/view-fqi.lesson"), err,
	    sizeof err);
	if (f->lesson == NULL)
		print_error("%s\n", err);
	assert_non_null(f->lesson);
	params_defaults(&f->p);
	if (tutor_apply_lesson(&f->p, f->lesson, &f->dirs, err,
	    sizeof err) != 0)
		print_error("%s\n", err);
	f->t = tutor_new(f->lesson, &f->p, &f->dirs, err, sizeof err);
	if (f->t == NULL)
		print_error("%s\n", err);
	assert_non_null(f->t);
	assert_non_null(f->t->f);
	assert_null(f->t->s);
	assert_int_equal(f->t->f->data->n, 3000);
	*state = f;
	return (0);
}

static void
fqi_iterations(struct tutor *t, int n)
{
	int	 i;

	for (i = 0; i < n; i++)
		assert_non_null(fqi_session_iterate(t->f));
}

/* Glyphs of the FQI views in UTF-8 or ASCII. */
static const char *
fqi_glyph(int a, enum plot_glyphs g)
{
	if (g == PLOT_UTF8)
		return (a == CARTPOLE_RIGHT ? "→" : "←");
	return (a == CARTPOLE_RIGHT ? ">" : "<");
}

/* Fit k's subscript in Q_k, k from 0 to 9; "" for no fit (k = -1). */
static const char *
fqi_digit(int k, enum plot_glyphs g)
{
	static const char *const sub[] = { "₀", "₁", "₂", "₃", "₄", "₅",
	    "₆", "₇", "₈", "₉" };
	static const char *const digit[] = { "0", "1", "2", "3", "4", "5",
	    "6", "7", "8", "9" };

	assert_in_range(k + 1, 0, 10);
	if (k < 0)
		return ("");
	return (g == PLOT_UTF8 ? sub[k] : digit[k]);
}

static int
is_map_glyph(uint32_t cp)
{
	return (cp == 0x2190 || cp == 0x2192 || cp == 0x25cf || cp == '<' ||
	    cp == '>' || cp == '@');
}

/*
 * The greedy map in r as the user must read it: the title, Q at the
 * cart's state with the larger highlighted, then one row per band of
 * theta (+12 degrees at the top) and one column per band of theta_dot
 * (-2 on the left), each cell the greedy action of the current fit at
 * the map cell under the band's centre (worked out here from the fit,
 * not from the session's map), the cart's band marked, and the axes
 * labelled.
 */
static void
assert_fqi_map(const struct canvas *c, struct rect r, const struct tutor *t,
    enum plot_glyphs g)
{
	const struct fqi_session	*fs = t->f;
	const double			 th = cartpole_theta_threshold;
	double				 obs[ENV_OBS_MAX], q[FQI_MAX_ACTIONS];
	double				 mid_th, mid_thd;
	char				 num[32], qn[16];
	const char			*want, *line;
	int				 x0 = -1, y0 = r.y + 2, rows, cols, x, y;
	int				 mr, mc, cart_r = -1, cart_c = -1, marks = 0;
	int				 fx, fy, best, a;
	uint32_t			 got;

	assert_true(text_at(c, r.x, r.y, g == PLOT_UTF8 ?
	    "greedy action at x=ẋ=0" : "greedy action x=x_dot=0"));
	/* Q at the cart's state: both values, the larger highlighted. */
	fqi_session_observe(fs, obs);
	fqi_q(fs->fqi, obs, q);
	best = q[1] > q[0];
	line = row_text(c, r.y + 1, r.x, r.x + r.w);
	snprintf(qn, sizeof qn, "Q%s(s,", fqi_digit(fs->fqi->done - 1, g));
	if (strncmp(line, qn, strlen(qn)) != 0) {
		print_error("Q line '%s' should start with '%s'\n", line, qn);
		fail();
	}
	for (a = 0; a < 2; a++) {
		snprintf(num, sizeof num, "%s %.2f", fqi_glyph(a, g), q[a]);
		if (strstr(line, num) == NULL) {
			snprintf(num, sizeof num, "%s) %.2f", fqi_glyph(a, g),
			    q[a]);
			assert_non_null(strstr(line, num));
		}
		assert_true(find_text(c, r, num, &fx, &fy));
		assert_int_equal(fy, r.y + 1);
		assert_int_equal(canvas_getstyle(c, fx + canvas_textwidth(num)
		    - 1, fy), a == best ? ST_UPDATED : ST_PLAIN);
	}
	/* The map's first column: the first glyph of its first row. */
	for (x = r.x; x < r.x + r.w && x0 < 0; x++)
		if (is_map_glyph(canvas_get(c, x, y0)))
			x0 = x;
	assert_true(x0 > r.x);
	rows = r.h - 3;
	cols = r.x + r.w - x0;
	assert_true(rows >= 3);
	assert_true(cols >= 8);
	if (obs[2] > -th && obs[2] < th && obs[3] > -FQI_MAP_THETADOT &&
	    obs[3] < FQI_MAP_THETADOT) {
		cart_r = (int)((th - obs[2]) / (2 * th) * rows);
		cart_c = (int)((obs[3] + FQI_MAP_THETADOT) /
		    (2 * FQI_MAP_THETADOT) * cols);
	}
	for (y = 0; y < rows; y++)
		for (x = 0; x < cols; x++) {
			got = canvas_get(c, x0 + x, y0 + y);
			if (y == cart_r && x == cart_c) {
				assert_int_equal(got, utf8_first(g ==
				    PLOT_UTF8 ? "●" : "@"));
				assert_int_equal(canvas_getstyle(c, x0 + x,
				    y0 + y), ST_AGENT);
				marks++;
				continue;
			}
			mid_th = th - (y + 0.5) * 2 * th / rows;
			mid_thd = -FQI_MAP_THETADOT + (x + 0.5) * 2 *
			    FQI_MAP_THETADOT / cols;
			mr = (int)((th - mid_th) / (2 * th) * FQI_MAP_ROWS);
			mc = (int)((mid_thd + FQI_MAP_THETADOT) /
			    (2 * FQI_MAP_THETADOT) * FQI_MAP_COLS);
			fqi_map_state(mr, mc, obs);
			want = fqi_glyph(fqi_greedy(fs->fqi, obs), g);
			if (got != utf8_first(want)) {
				print_error("map cell (%d, %d): %#x, expected "
				    "%s\n", y, x, (unsigned)got, want);
				fail();
			}
		}
	assert_int_equal(marks, cart_r >= 0 ? 1 : 0);
	/* The angle on the left of the first, middle and last rows; the
	 * angular velocity's range and name under the map. */
	assert_true(text_at(c, x0 - 5, y0, g == PLOT_UTF8 ? "+12° " :
	    " +12 "));
	assert_true(text_at(c, x0 - 5, y0 + (rows - 1) / 2, g == PLOT_UTF8 ?
	    "θ 0° " : "th 0 "));
	assert_true(text_at(c, x0 - 5, y0 + rows - 1, g == PLOT_UTF8 ?
	    "−12° " : " -12 "));
	assert_true(text_at(c, x0, y0 + rows, g == PLOT_UTF8 ? "−2" : "-2"));
	assert_true(text_at(c, x0 + cols - 2, y0 + rows, "+2"));
	assert_true(find_text(c, r, g == PLOT_UTF8 ? "dθ/dt" : "theta_dot",
	    &fx, &fy));
	assert_int_equal(fy, y0 + rows);
}

/* The table of iterations in r: a heading, then the last iterations
 * with R^2 and the greedy return, the current one highlighted. */
static void
assert_fqi_table(const struct canvas *c, struct rect r, const struct tutor *t,
    enum plot_glyphs g)
{
	const struct fqi	*fq = t->f->fqi;
	const char		*line;
	char			 want[96];
	int			 fx, fy, k, y, first;

	assert_true(find_text(c, r, g == PLOT_UTF8 ? "iter     R²  greedy "
	    "return" : "iter    R^2  greedy return", &fx, &fy));
	if (fq->done == 0) {
		assert_true(text_at(c, fx, fy + 1, "no iteration yet"));
		return;
	}
	first = fq->done - (r.y + r.h - fy - 1);
	if (first < 0)
		first = 0;
	for (k = first, y = fy + 1; k < fq->done; k++, y++) {
		line = row_text(c, y, fx, r.x + r.w);
		if (isnan(fq->hist[k].r2))
			snprintf(want, sizeof want, "%4d    n/a %6.1f %s %5.1f",
			    k, fq->hist[k].eval_mean, g == PLOT_UTF8 ? "±" :
			    "+-", fq->hist[k].eval_std);
		else
			snprintf(want, sizeof want, "%4d %6.3f %6.1f %s %5.1f",
			    k, fq->hist[k].r2, fq->hist[k].eval_mean,
			    g == PLOT_UTF8 ? "±" : "+-", fq->hist[k].eval_std);
		assert_string_equal(line, want);
		assert_int_equal(canvas_getstyle(c, fx, y), k == fq->done - 1 ?
		    ST_CURRENT : ST_PLAIN);
	}
	/* Nothing below the last row. */
	if (y < r.y + r.h)
		assert_string_equal(row_text(c, y, fx, r.x + r.w), "");
}

/* The FQI update view alone, as wide as on an 80-column screen. */
static struct canvas *
draw_fqi_update(const struct tutor *t, enum plot_glyphs g)
{
	struct canvas		*c = canvas_new(80, 2);
	struct rect		 r = { 1, 0, 78, 2 };
	struct view_opts	 o;

	memset(&o, 0, sizeof o);
	o.glyphs = g;
	canvas_fill(c, ' ');
	view_fqi_update_draw(c, r, t, &o);
	return (c);
}

/* The target of the transition shown, checked against its record: the
 * formula's numbers, and the fit's value and state on the next line. */
static void
assert_fqi_target(const struct canvas *c, const struct tutor *t,
    enum plot_glyphs g, struct fqi_record *rec)
{
	const struct fqi_session	*fs = t->f;
	const char			*line;
	char				 want[256];
	bool				 u = g == PLOT_UTF8;
	long				 i;

	i = fs->inspect >= 0 ? fs->inspect : fs->samples[0];
	fqi_record(fs->fqi, i, rec);
	line = row_text(c, 0, 1, c->w);
	if (!rec->bootstraps) {
		assert_true(rec->target == rec->r);
		snprintf(want, sizeof want, "y[%ld] = r = %g   (", i, rec->r);
		assert_true(strncmp(line, want, strlen(want)) == 0);
		assert_null(strstr(line, "max"));
	} else {
		assert_near(rec->target, rec->r + rec->gamma *
		    fmax(rec->q_next[0], rec->q_next[1]), 1e-12);
		snprintf(want, sizeof want, "y[%ld] = r + %s max Q%s(s%s,%s) = "
		    "%g + %g %s max(%.3f, %.3f) = %.3f", i, u ? "γ" : "gamma",
		    fqi_digit(rec->iteration - 1, g), u ? "′" : "'", u ? "·" : ".", rec->r, rec->gamma,
		    u ? "×" : "x", rec->q_next[0], rec->q_next[1],
		    rec->target);
		assert_true(strncmp(line, want, strlen(want)) == 0);
	}
	/* The fit's value there, then (unless a note took the room) the
	 * state. */
	line = row_text(c, 1, 1, c->w);
	snprintf(want, sizeof want, "fit Q%s(s,%s) = %.3f",
	    fqi_digit(rec->iteration, g), fqi_glyph(rec->a, g), rec->fitted);
	if (line[0] != '(')
		snprintf(want + strlen(want), sizeof want - strlen(want),
		    " at s = (%.3f, %.3f, %.3f, %.3f)", rec->s[0], rec->s[1],
		    rec->s[2], rec->s[3]);
	if (strstr(line, want) == NULL) {
		print_error("'%s' lacks '%s'\n", line, want);
		fail();
	}
	/* Both lines inside the 78 columns. */
	assert_int_equal(canvas_get(c, 0, 0), ' ');
	assert_int_equal(canvas_get(c, 79, 0), ' ');
	assert_int_equal(canvas_get(c, 79, 1), ' ');
}

/* Everything the FQI screen must show whatever its golden file says. */
static void
assert_fqi_screen(const struct canvas *c, const struct layout *L,
    const struct tutor *t, enum plot_glyphs g)
{
	struct fqi_record	 rec;
	struct canvas		*u;
	char			 want[64];
	int			 fx, fy, y;

	assert_false(L->too_small);
	assert_row_has(c, 0, "page 1/2");
	snprintf(want, sizeof want, "iterations %d ", t->f->fqi->done);
	assert_row_has(c, 0, want);
	/* Each view in its own rectangle: the cart, the map beside it,
	 * the curves and the table, the target. */
	assert_true(find_text(c, L->grid, "CartPole", &fx, &fy));
	assert_true(L->grid.x + L->grid.w < L->qtable.x);
	assert_fqi_map(c, L->qtable, t, g);
	assert_true(find_text(c, L->curves, "greedy return after each "
	    "iteration", &fx, &fy));
	assert_fqi_table(c, L->curves, t, g);
	/* The update rows hold what the update view draws alone. */
	u = draw_fqi_update(t, g);
	for (y = 0; y < 2; y++)
		assert_string_equal(row_text(c, L->update.y + y, 0, c->w),
		    whole_row(u, y));
	if (t->f->fqi->done > 0)
		assert_fqi_target(u, t, g, &rec);
	else
		assert_row_has(c, L->update.y, "No fit yet");
	canvas_free(u);
	assert_row_has(c, L->status.y, "knn k=10");
	assert_row_has(c, L->message.y, g == PLOT_UTF8 ? "SPACE iterate" :
	    "SPACE iterate");
	assert_row_has(c, L->message.y, "e play");
}

static void
fqi_screen_case(struct tutor *t, enum plot_glyphs g, const char *golden)
{
	struct layout	 L;
	struct canvas	*c = draw_screen(t, 80, 24, g, &L);

	assert_fqi_screen(c, &L, t, g);
	if (g == PLOT_ASCII)
		assert_ascii(c);
	golden_check(golden, c);
	canvas_free(c);
}

/* Before the first iteration: Q = 0, all left, no curve yet. */
static void
test_view_fqi_screen_start(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(f->t->f->fqi->done, 0);
	fqi_screen_case(f->t, PLOT_UTF8, "view_fqi_screen_start.txt");
	fqi_screen_case(f->t, PLOT_ASCII, "view_fqi_screen_start_ascii.txt");
}

/* Three iterations: a curve, three rows, the first terminal target. */
static void
test_view_fqi_screen_three(void **state)
{
	struct fixture	*f = *state;

	fqi_iterations(f->t, 3);
	assert_int_equal(f->t->f->fqi->done, 3);
	fqi_screen_case(f->t, PLOT_UTF8, "view_fqi_screen_three.txt");
	fqi_screen_case(f->t, PLOT_ASCII, "view_fqi_screen_three_ascii.txt");
}

/* The map alone with a margin of '.': nothing drawn outside, the cart
 * followed as it plays, and at a size other than the screen's. */
static void
test_view_fqi_map(void **state)
{
	struct fixture		*f = *state;
	struct canvas		*c;
	struct view_opts	 o;
	struct rect		 r = { 2, 1, 23, 11 };
	int			 i;

	memset(&o, 0, sizeof o);
	o.glyphs = PLOT_UTF8;
	fqi_iterations(f->t, 3);
	c = canvas_new(r.w + 4, r.h + 2);
	canvas_fill(c, '.');
	view_fqi_map_draw(c, r, f->t, &o);
	assert_blank_outside(c, r, '.');
	assert_fqi_map(c, r, f->t, PLOT_UTF8);
	golden_check("view_fqi_map.txt", c);
	canvas_free(c);
	/* The cart moves; the mark follows it. */
	for (i = 0; i < 4; i++)
		assert_int_equal(fqi_session_play_step(f->t->f), 0);
	o.glyphs = PLOT_ASCII;
	c = canvas_new(r.w + 4, r.h + 2);
	canvas_fill(c, '.');
	view_fqi_map_draw(c, r, f->t, &o);
	assert_blank_outside(c, r, '.');
	assert_fqi_map(c, r, f->t, PLOT_ASCII);
	assert_ascii(c);
	golden_check("view_fqi_map_ascii.txt", c);
	canvas_free(c);
	/* Larger than the session's map: bands share its cells. */
	r.w = 60;
	r.h = 30;
	o.glyphs = PLOT_UTF8;
	c = canvas_new(r.w + 4, r.h + 2);
	canvas_fill(c, '.');
	view_fqi_map_draw(c, r, f->t, &o);
	assert_blank_outside(c, r, '.');
	assert_fqi_map(c, r, f->t, PLOT_UTF8);
	canvas_free(c);
	/* Too small to draw: nothing, and nothing outside. */
	r.w = 15;
	r.h = 5;
	c = canvas_new(r.w + 4, r.h + 2);
	canvas_fill(c, '.');
	view_fqi_map_draw(c, r, f->t, &o);
	assert_blank_outside(c, r, '.');
	canvas_free(c);
}

/* The curve and the table, as wide as the screen, with more iterations
 * than the table has rows: the last ones are shown. */
static void
test_view_fqi_curves(void **state)
{
	struct fixture		*f = *state;
	struct canvas		*c;
	struct view_opts	 o;
	struct rect		 r = { 1, 1, 80, 7 };
	int			 fx, fy;

	memset(&o, 0, sizeof o);
	o.glyphs = PLOT_UTF8;
	c = canvas_new(r.w + 2, r.h + 2);
	canvas_fill(c, '.');
	view_fqi_curves_draw(c, r, f->t, &o);
	assert_blank_outside(c, r, '.');
	assert_fqi_table(c, r, f->t, PLOT_UTF8);
	canvas_free(c);
	fqi_iterations(f->t, 8);
	c = canvas_new(r.w + 2, r.h + 2);
	canvas_fill(c, '.');
	view_fqi_curves_draw(c, r, f->t, &o);
	assert_blank_outside(c, r, '.');
	assert_fqi_table(c, r, f->t, PLOT_UTF8);
	/* Six rows under the heading: iterations 2 to 7. */
	assert_true(find_text(c, r, "iter ", &fx, &fy));
	assert_true(text_at(c, fx, fy + 1, "   2 "));
	assert_true(text_at(c, fx, fy + 6, "   7 "));
	/* The x axis counts iterations from 0. */
	assert_true(find_text(c, r, "iteration", &fx, &fy));
	assert_true(canvas_has(c, "greedy return after each iteration"));
	golden_check("view_fqi_curves.txt", c);
	canvas_free(c);
	o.glyphs = PLOT_ASCII;
	c = canvas_new(r.w + 2, r.h + 2);
	canvas_fill(c, '.');
	view_fqi_curves_draw(c, r, f->t, &o);
	assert_fqi_table(c, r, f->t, PLOT_ASCII);
	assert_ascii(c);
	canvas_free(c);
	/* The widest figures a CartPole return can have still stand
	 * apart, inside the table. */
	f->t->f->fqi->hist[7].eval_mean = 500;
	f->t->f->fqi->hist[7].eval_std = 249.5;
	o.glyphs = PLOT_UTF8;
	c = canvas_new(r.w + 2, r.h + 2);
	canvas_fill(c, '.');
	view_fqi_curves_draw(c, r, f->t, &o);
	assert_blank_outside(c, r, '.');
	assert_fqi_table(c, r, f->t, PLOT_UTF8);
	assert_true(find_text(c, r, "  500.0 ± 249.5", &fx, &fy));
	assert_true(fx + canvas_textwidth("  500.0 ± 249.5") <= r.x + r.w);
	canvas_free(c);
}

/* The first transition that is not terminal. */
static long
first_bootstrapping(const struct tutor *t)
{
	long	 i;

	for (i = 0; i < t->f->data->n; i++)
		if (!t->f->data->terminated[i])
			return (i);
	fail_msg("no transition that bootstraps");
	return (-1);
}

/*
 * The target line: iteration 0 (y = r), a terminal transition (y = r
 * after any iteration), one that bootstraps (r + gamma max Q of the
 * previous fit), and one cut by the time limit, which bootstraps too
 * and whose note, too long for the first line, opens the second.
 */
static void
test_view_fqi_target(void **state)
{
	struct fixture		*f = *state;
	struct fqi_session	*fs = f->t->f;
	struct fqi_record	 rec;
	struct canvas		*c;
	long			 i;

	c = draw_fqi_update(f->t, PLOT_UTF8);
	assert_non_null(strstr(whole_row(c, 0), "No fit yet"));
	assert_non_null(strstr(whole_row(c, 1), "r + γ max Q(s′,·)"));
	canvas_free(c);
	c = draw_fqi_update(f->t, PLOT_ASCII);
	assert_non_null(strstr(whole_row(c, 1), "r + gamma max Q(s',.)"));
	assert_ascii(c);
	canvas_free(c);

	/* Iteration 0 fits the rewards: every target is r. */
	fqi_iterations(f->t, 1);
	c = draw_fqi_update(f->t, PLOT_UTF8);
	assert_fqi_target(c, f->t, PLOT_UTF8, &rec);
	assert_int_equal(rec.iteration, 0);
	assert_non_null(strstr(whole_row(c, 0), "iteration 0 fits the "
	    "rewards"));
	assert_non_null(strstr(whole_row(c, 1), "fit Q₀(s,"));
	golden_check("view_fqi_target_iter0.txt", c);
	canvas_free(c);

	/* A terminal transition: just r, whatever the iteration. */
	fqi_iterations(f->t, 2);
	c = draw_fqi_update(f->t, PLOT_UTF8);
	assert_fqi_target(c, f->t, PLOT_UTF8, &rec);
	assert_true(rec.terminated);
	assert_int_equal(rec.iteration, 2);
	assert_non_null(strstr(whole_row(c, 0), "terminated"));
	assert_non_null(strstr(whole_row(c, 1), ":target I"));
	golden_check("view_fqi_target_terminal.txt", c);
	canvas_free(c);

	/* One that bootstraps from Q1. */
	i = first_bootstrapping(f->t);
	fs->inspect = i;
	c = draw_fqi_update(f->t, PLOT_UTF8);
	assert_fqi_target(c, f->t, PLOT_UTF8, &rec);
	assert_true(rec.bootstraps);
	assert_false(rec.truncated);
	golden_check("view_fqi_target_bootstrap.txt", c);
	canvas_free(c);
	c = draw_fqi_update(f->t, PLOT_ASCII);
	assert_fqi_target(c, f->t, PLOT_ASCII, &rec);
	assert_ascii(c);
	canvas_free(c);

	/* The same transition as if the time limit had cut it: it still
	 * bootstraps, and says why on the second line. */
	fs->data->truncated[i] = true;
	c = draw_fqi_update(f->t, PLOT_UTF8);
	assert_fqi_target(c, f->t, PLOT_UTF8, &rec);
	assert_true(rec.truncated);
	assert_true(strncmp(whole_row(c, 1), " (truncated by the time limit: "
	    "it bootstraps)  fit Q₂(s,", strlen(" (truncated by the time "
	    "limit: it bootstraps)  fit Q₂(s,")) == 0);
	golden_check("view_fqi_target_truncated.txt", c);
	canvas_free(c);
	fs->data->truncated[i] = false;
}

/* Deep Q-learning: its own small lesson, learning from step 200. */

static void
dqn_portable(struct tutor *t)
{
	struct dqn	*q = t->dq->q;

	/* The same bits on every machine: golden files hold numbers the
	 * network computed after hundreds of gradient steps. */
	assert_int_equal(nn_set_kernels(q->online, "portable"), 0);
	assert_int_equal(nn_set_kernels(q->target, "portable"), 0);
	if (q->best != NULL)
		assert_int_equal(nn_set_kernels(q->best, "portable"), 0);
}

static int
setup_dqn(void **state)
{
	struct fixture	*f = calloc(1, sizeof *f);
	char		 err[512];

	assert_non_null(f);
	snprintf(f->dirs.lessons, sizeof f->dirs.lessons, "%s/tests/data/"
	    "lessons", TOP_SRCDIR);
	snprintf(f->dirs.maps, sizeof f->dirs.maps, "%s/data/maps", TOP_SRCDIR);
	f->lesson = lesson_load(test_data_path("lessons/view-dqn.lesson"), err,
	    sizeof err);
	if (f->lesson == NULL)
		print_error("%s\n", err);
	assert_non_null(f->lesson);
	params_defaults(&f->p);
	if (tutor_apply_lesson(&f->p, f->lesson, &f->dirs, err,
	    sizeof err) != 0)
		print_error("%s\n", err);
	f->t = tutor_new(f->lesson, &f->p, &f->dirs, err, sizeof err);
	if (f->t == NULL)
		print_error("%s\n", err);
	assert_non_null(f->t);
	assert_non_null(f->t->dq);
	assert_null(f->t->s);
	assert_null(f->t->f);
	assert_int_equal(f->t->dq->q->buf->capacity, 5000);
	assert_int_equal(f->t->dq->q->cfg.learning_starts, 200);
	dqn_portable(f->t);
	*state = f;
	return (0);
}

static void
dqn_steps(struct tutor *t, long n)
{
	long	 i;

	for (i = 0; i < n; i++)
		assert_true(dqn_session_step(t->dq) >= 0);
}

/* A setting that rebuilds the learner, on portable kernels again. */
static void
dqn_set(struct tutor *t, const char *name, const char *value)
{
	char	 err[256];
	bool	 reset;

	if (tutor_set(t, name, value, &reset, err, sizeof err) != 0)
		fail_msg("%s=%s: %s", name, value, err);
	dqn_portable(t);
}

/* Q of the online network at the cart's state, as the panel shows it. */
static void
dqn_q_now(const struct tutor *t, float *qv)
{
	const struct dqn	*q = t->dq->q;
	float			 obs[ENV_OBS_MAX];
	int			 i;

	for (i = 0; i < q->env->obs_dim; i++)
		obs[i] = (float)q->env->st.x[i];
	nn_predict(q->online, obs, qv);
}

static const char *
dqn_glyph(int a, enum plot_glyphs g)
{
	if (g == PLOT_UTF8)
		return (a == CARTPOLE_RIGHT ? "→" : "←");
	return (a == CARTPOLE_RIGHT ? ">" : "<");
}

/*
 * The panel in r as the user must read it: the shape; for each action
 * its glyph and Q at the cart's state (the network's own, worked out
 * here), the larger highlighted and called greedy; epsilon now and the
 * last action; the buffer's size and capacity; a row per layer.
 */
static void
assert_dqn_panel(const struct canvas *c, struct rect r, const struct tutor *t,
    enum plot_glyphs g)
{
	const struct dqn	*q = t->dq->q;
	struct nn_layer_stats	 st;
	float			 qv[DQN_MAX_ACTIONS];
	char			 want[96], num[32], shape[64];
	const char		*line;
	int			 fx, fy, y0, a, best, i;

	nn_shape_string(&q->cfg.shape, shape, sizeof shape);
	snprintf(want, sizeof want, "Q-network %s", shape);
	assert_true(text_at(c, r.x, r.y, want));
	assert_int_equal(canvas_getstyle(c, r.x, r.y), ST_TITLE);
	dqn_q_now(t, qv);
	best = qv[1] > qv[0];
	y0 = r.y + 1;
	for (a = 0; a < 2; a++) {
		line = row_text(c, y0 + a, r.x, r.x + r.w);
		assert_true(text_at(c, r.x, y0 + a, dqn_glyph(a, g)));
		view_format_value(num, sizeof num, qv[a], 6);
		if (strstr(line, num) == NULL) {
			print_error("Q row '%s' lacks Q(s,%d) = %s\n", line, a,
			    num);
			fail();
		}
		/* The value ends at column 8, highlighted if greedy. */
		assert_true(text_at(c, r.x + 8 - canvas_textwidth(num), y0 + a,
		    num));
		assert_int_equal(canvas_getstyle(c, r.x + 7, y0 + a),
		    a == best ? ST_UPDATED : ST_PLAIN);
		if (a == best)
			assert_non_null(strstr(line, r.w >= 22 ? " greedy" :
			    " *"));
		else
			assert_null(strstr(line, "greedy"));
	}
	/* Epsilon now and the last action. */
	line = row_text(c, y0 + 2, r.x, r.x + r.w);
	snprintf(want, sizeof want, "%s %.3f", g == PLOT_UTF8 ? "ε" : "eps",
	    schedule_value(&q->cfg.epsilon, q->step));
	assert_true(strncmp(line, want, strlen(want)) == 0);
	if (q->step == 0)
		assert_non_null(strstr(line, "no step yet"));
	else {
		snprintf(want, sizeof want, "last %s %s",
		    dqn_glyph(q->last_act.a, g), q->last_act.explored ?
		    "explored" : "greedy");
		assert_non_null(strstr(line, want));
	}
	/* The buffer: its fill as figures. */
	line = row_text(c, y0 + 3, r.x, r.x + r.w);
	assert_true(strncmp(line, "buffer ", 7) == 0);
	snprintf(want, sizeof want, " %ld/%ld", q->buf->size,
	    q->buf->capacity);
	assert_non_null(strstr(line, want));
	assert_int_equal(q->buf->size, q->step < q->buf->capacity ? q->step :
	    q->buf->capacity);
	/* The layers by name, in order, under their heading. */
	assert_true(find_text(c, r, "layer", &fx, &fy));
	assert_int_equal(fx, r.x);
	for (i = 0; i < nn_layer_count(q->online); i++) {
		nn_layer_stats(q->online, i, &st);
		if (fy + 1 + i >= r.y + r.h)
			break;
		assert_true(text_at(c, r.x, fy + 1 + i, st.name));
		view_format_value(num, sizeof num, st.w_std, 6);
		assert_non_null(strstr(row_text(c, fy + 1 + i, r.x, r.x + r.w),
		    num));
	}
}

/* The DQN update view alone, as wide as on an 80-column screen. */
static struct canvas *
draw_dqn_update(const struct tutor *t, enum plot_glyphs g)
{
	struct canvas		*c = canvas_new(80, 2);
	struct rect		 r = { 1, 0, 78, 2 };
	struct view_opts	 o;

	memset(&o, 0, sizeof o);
	o.glyphs = g;
	canvas_fill(c, ' ');
	view_dqn_update_draw(c, r, t, &o);
	return (c);
}

/*
 * The gradient step written out, checked against its record: the
 * target's arithmetic (r, or r + gamma max Q-(s', .), or with Double
 * DQN Q-(s', a')), then the prediction and the loss.
 */
static void
assert_dqn_target(const struct canvas *c, const struct tutor *t,
    enum plot_glyphs g)
{
	const struct dqn		*q = t->dq->q;
	const struct dqn_update		*up = &q->last_update;
	const struct dqn_sample		*s;
	const char			*line;
	char				 want[256];
	bool				 u = g == PLOT_UTF8;
	int				 i = t->dq->inspect;

	assert_true(up->valid);
	if (i < 0 || i >= DQN_RECORD_SAMPLES)
		i = 0;
	s = &up->sample[i];
	line = row_text(c, 0, 1, c->w);
	if (s->terminated) {
		assert_true(s->target == s->r);
		snprintf(want, sizeof want, "y = r = %g   (terminated", s->r);
		assert_true(strncmp(line, want, strlen(want)) == 0);
		assert_null(strstr(line, "max"));
	} else if (q->cfg.double_dqn) {
		assert_near(s->target, s->r + q->cfg.gamma *
		    s->q_next[s->a_next], 1e-5 * (1 + fabs(s->target)));
		snprintf(want, sizeof want, "y = r + %s %s(s%s,a%s) = %g + %g "
		    "%s %.3f = %.3f", u ? "γ" : "gamma", u ? "Q⁻" : "Qtarget",
		    u ? "′" : "'", u ? "′" : "'", s->r, q->cfg.gamma,
		    u ? "×" : "x", s->q_next[s->a_next], s->target);
		assert_true(strncmp(line, want, strlen(want)) == 0);
	} else {
		assert_near(s->target, s->r + q->cfg.gamma *
		    fmax(s->q_next[0], s->q_next[1]), 1e-5 *
		    (1 + fabs(s->target)));
		snprintf(want, sizeof want, "y = r + %s max %s(s%s,%s) = %g + "
		    "%g %s max(%.3f, %.3f) = %.3f", u ? "γ" : "gamma",
		    u ? "Q⁻" : "Qtarget", u ? "′" : "'", u ? "·" : ".", s->r,
		    q->cfg.gamma, u ? "×" : "x", s->q_next[0], s->q_next[1],
		    s->target);
		if (strncmp(line, want, strlen(want)) != 0) {
			print_error("'%s' should start '%s'\n", line, want);
			fail();
		}
	}
	line = row_text(c, 1, 1, c->w);
	snprintf(want, sizeof want, "Q(s,%s) = %.3f", dqn_glyph(s->a, g),
	    s->pred);
	if (strstr(line, want) == NULL) {
		print_error("'%s' lacks '%s'\n", line, want);
		fail();
	}
	snprintf(want, sizeof want, "TD error %.3f", s->target - s->pred);
	assert_non_null(strstr(line, want));
	if (up->loss >= 0.001)
		snprintf(want, sizeof want, "loss %.3f", up->loss);
	else
		snprintf(want, sizeof want, "loss %.2e", up->loss);
	assert_non_null(strstr(line, want));
	/* Both lines inside the 78 columns. */
	assert_int_equal(canvas_get(c, 0, 0), ' ');
	assert_int_equal(canvas_get(c, 79, 0), ' ');
	assert_int_equal(canvas_get(c, 79, 1), ' ');
}

/* Everything the DQN screen must show whatever its golden file says. */
static void
assert_dqn_screen(const struct canvas *c, const struct layout *L,
    const struct tutor *t, enum plot_glyphs g)
{
	const struct dqn	*q = t->dq->q;
	struct canvas		*u;
	char			 want[96];
	int			 fx, fy, y;

	assert_false(L->too_small);
	assert_row_has(c, 0, "page 1/2");
	snprintf(want, sizeof want, "step %ld  episode %ld", q->step,
	    q->episodes + 1);
	assert_row_has(c, 0, want);
	/* Each view in its own rectangle: the cart, the panel beside or
	 * under it, the two plots, the update. */
	assert_true(find_text(c, L->grid, "CartPole", &fx, &fy));
	assert_true(L->grid.x + L->grid.w < L->qtable.x ||
	    L->grid.y + L->grid.h < L->qtable.y);
	snprintf(want, sizeof want, "x %6.3f", q->env->st.x[0]);
	assert_true(find_text(c, L->grid, want, &fx, &fy));
	assert_dqn_panel(c, L->qtable, t, g);
	assert_true(find_text(c, L->curves, "return per episode", &fx, &fy));
	assert_true(find_text(c, L->curves, "loss per gradient step", &fx,
	    &fy));
	/* The update rows hold what the update view draws alone, at 80
	 * columns. */
	if (c->w == 80) {
		u = draw_dqn_update(t, g);
		for (y = 0; y < 2; y++)
			assert_string_equal(row_text(c, L->update.y + y, 0,
			    c->w), whole_row(u, y));
		if (q->last_update.valid)
			assert_dqn_target(u, t, g);
		canvas_free(u);
	}
	if (!q->last_update.valid)
		assert_row_has(c, L->update.y, q->step == 0 ? "No step yet" :
		    "Filling the buffer");
	assert_row_has(c, L->status.y, " dqn  ");
	assert_row_has(c, L->status.y, g == PLOT_UTF8 ? "γ 0.99" :
	    "gamma 0.99");
	assert_row_has(c, L->status.y, "lr 0.001");
	snprintf(want, sizeof want, "buffer %ld/5000", q->buf->size);
	assert_row_has(c, L->status.y, want);
	assert_row_has(c, L->message.y, "SPACE step");
	assert_row_has(c, L->message.y, "e episode");
	/* Back, unless prioritized replay makes it impossible. */
	if (q->cfg.prioritized)
		assert_null(strstr(whole_row(c, L->message.y), "b back"));
	else
		assert_row_has(c, L->message.y, "b back");
}

static void
dqn_screen_case(struct tutor *t, int w, int h, enum plot_glyphs g,
    const char *golden)
{
	struct layout	 L;
	struct canvas	*c = draw_screen(t, w, h, g, &L);

	assert_dqn_screen(c, &L, t, g);
	if (g == PLOT_ASCII)
		assert_ascii(c);
	if (golden != NULL)
		golden_check(golden, c);
	canvas_free(c);
}

/* Before the first step: Q of the new network, an empty buffer, no
 * curve yet, and when learning starts. */
static void
test_view_dqn_screen_start(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(f->t->dq->q->step, 0);
	dqn_screen_case(f->t, 80, 24, PLOT_UTF8, "view_dqn_screen_start.txt");
	dqn_screen_case(f->t, 80, 24, PLOT_ASCII,
	    "view_dqn_screen_start_ascii.txt");
}

/* After 1,500 steps: episodes, three evaluations, 650 gradient steps. */
static void
test_view_dqn_screen_trained(void **state)
{
	struct fixture	*f = *state;
	const struct dqn *q;
	double		 sum = 0;
	long		 i;

	dqn_steps(f->t, 1500);
	q = f->t->dq->q;
	assert_int_equal(q->nevals, 3);
	assert_int_equal(q->updates, 650);
	/* The curve puts each return at the step its episode ended: on
	 * CartPole the returns add up to the steps. */
	for (i = 0; i < q->nreturns; i++)
		sum += q->returns[i];
	assert_near(sum + q->ep_return, (double)q->step, 1e-9);
	dqn_screen_case(f->t, 80, 24, PLOT_UTF8,
	    "view_dqn_screen_trained.txt");
	dqn_screen_case(f->t, 80, 24, PLOT_ASCII,
	    "view_dqn_screen_trained_ascii.txt");
	/* More room: the panel beside the cart gets more columns, or on a
	 * tall narrow screen goes under it. */
	dqn_screen_case(f->t, 120, 40, PLOT_UTF8,
	    "view_dqn_screen_120x40.txt");
	dqn_screen_case(f->t, 80, 50, PLOT_UTF8, "view_dqn_screen_80x50.txt");
	dqn_screen_case(f->t, 200, 60, PLOT_ASCII, NULL);
}

/* The panel alone with a margin of '.': nothing drawn outside, at its
 * 80x24 size, wider, with a dueling head, and too small to draw. */
static void
test_view_dqn_panel(void **state)
{
	struct fixture		*f = *state;
	struct canvas		*c;
	struct view_opts	 o;
	struct rect		 r = { 2, 1, 26, 11 };
	static const int	 sizes[][2] = { { 16, 4 }, { 15, 11 },
				    { 20, 6 }, { 26, 3 }, { 30, 8 } };
	size_t			 i;

	memset(&o, 0, sizeof o);
	o.glyphs = PLOT_UTF8;
	dqn_steps(f->t, 1500);
	c = canvas_new(r.w + 4, r.h + 2);
	canvas_fill(c, '.');
	view_dqn_panel_draw(c, r, f->t, &o);
	assert_blank_outside(c, r, '.');
	assert_dqn_panel(c, r, f->t, PLOT_UTF8);
	golden_check("view_dqn_panel.txt", c);
	canvas_free(c);
	o.glyphs = PLOT_ASCII;
	c = canvas_new(r.w + 4, r.h + 2);
	canvas_fill(c, '.');
	view_dqn_panel_draw(c, r, f->t, &o);
	assert_blank_outside(c, r, '.');
	assert_dqn_panel(c, r, f->t, PLOT_ASCII);
	assert_ascii(c);
	golden_check("view_dqn_panel_ascii.txt", c);
	canvas_free(c);
	/* A dueling head, wide: value and advantage, more columns. */
	dqn_set(f->t, "dueling", "1");
	dqn_steps(f->t, 300);
	r.w = 60;
	r.h = 13;
	o.glyphs = PLOT_UTF8;
	c = canvas_new(r.w + 4, r.h + 2);
	canvas_fill(c, '.');
	view_dqn_panel_draw(c, r, f->t, &o);
	assert_blank_outside(c, r, '.');
	assert_dqn_panel(c, r, f->t, PLOT_UTF8);
	assert_true(canvas_has(c, "4-64-64-2 dueling"));
	assert_true(canvas_has(c, "advantage"));
	assert_true(canvas_has(c, "in×out"));
	golden_check("view_dqn_panel_dueling.txt", c);
	canvas_free(c);
	/* Small: what fits, and nothing outside. */
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		r.w = sizes[i][0];
		r.h = sizes[i][1];
		c = canvas_new(r.w + 4, r.h + 2);
		canvas_fill(c, '.');
		view_dqn_panel_draw(c, r, f->t, &o);
		assert_blank_outside(c, r, '.');
		canvas_free(c);
	}
}

/*
 * The curves alone, as wide as the screen: both plots with their
 * legends; and a long run (a million steps, faked) drawn in points of
 * ten steps, its axes saying so.
 */
static void
test_view_dqn_curves(void **state)
{
	struct fixture		*f = *state;
	struct dqn		*q = f->t->dq->q, saved;
	struct canvas		*c;
	struct view_opts	 o;
	struct rect		 r = { 1, 1, 80, 7 };
	struct dqn_eval		 ev[2] = { { 500000, 10, 120, 3 },
				    { 1000000, 10, 480, 5 } };
	double			*ret;
	float			*loss;
	long			 i;

	memset(&o, 0, sizeof o);
	o.glyphs = PLOT_UTF8;
	dqn_steps(f->t, 1500);
	c = canvas_new(r.w + 2, r.h + 2);
	canvas_fill(c, '.');
	view_dqn_curves_draw(c, r, f->t, &o);
	assert_blank_outside(c, r, '.');
	assert_true(canvas_has(c, "return per episode, by step"));
	assert_true(canvas_has(c, "loss per gradient step"));
	assert_true(canvas_has(c, "eval"));
	assert_true(canvas_has(c, "1.5k"));
	assert_true(canvas_has(c, "650"));
	golden_check("view_dqn_curves.txt", c);
	canvas_free(c);

	saved = *q;
	ret = calloc(5000, sizeof *ret);
	loss = calloc(500000, sizeof *loss);
	assert_non_null(ret);
	assert_non_null(loss);
	for (i = 0; i < 5000; i++)
		ret[i] = 200;
	for (i = 0; i < 500000; i++)
		loss[i] = (float)(1 + i % 7);
	q->step = 1000000;
	q->returns = ret;
	q->nreturns = 5000;
	q->losses = loss;
	q->nlosses = 500000;
	q->evals = ev;
	q->nevals = 2;
	r.h = 12;
	c = canvas_new(r.w + 2, r.h + 2);
	canvas_fill(c, '.');
	view_dqn_curves_draw(c, r, f->t, &o);
	assert_blank_outside(c, r, '.');
	assert_true(canvas_has(c, "step (x10)"));
	assert_true(canvas_has(c, "gradient step (x10)"));
	assert_true(canvas_has(c, "100k"));
	assert_true(canvas_has(c, "50k"));
	canvas_free(c);
	r.h = 7;
	c = canvas_new(r.w + 2, r.h + 2);
	canvas_fill(c, '.');
	view_dqn_curves_draw(c, r, f->t, &o);
	assert_true(canvas_has(c, "return per episode, by step (x10)"));
	assert_true(canvas_has(c, "loss per gradient step (x10)"));
	canvas_free(c);
	q->step = saved.step;
	q->returns = saved.returns;
	q->nreturns = saved.nreturns;
	q->losses = saved.losses;
	q->nlosses = saved.nlosses;
	q->evals = saved.evals;
	q->nevals = saved.nevals;
	free(ret);
	free(loss);
}

/* Step until the record's first sample is a terminal transition. */
static void
dqn_step_to_terminal_sample(struct tutor *t)
{
	long	 i;

	for (i = 0; i < STEP_LIMIT; i++) {
		dqn_steps(t, 1);
		if (t->dq->updated && t->dq->q->last_update.sample[0].terminated)
			return;
	}
	fail_msg("no terminal sample");
}

/*
 * The update lines: before any step, while the buffer fills (how many
 * steps to the first gradient step, counted right), a gradient step
 * that bootstraps, a terminal sample, Double DQN, prioritized replay's
 * weight, and training stopped.
 */
static void
test_view_dqn_update(void **state)
{
	struct fixture		*f = *state;
	struct dqn_session	*ds = f->t->dq;
	struct dqn_sample	*smp, saved;
	struct canvas		*c;

	c = draw_dqn_update(f->t, PLOT_UTF8);
	assert_non_null(strstr(whole_row(c, 0), "No step yet. SPACE acts "
	    "ε-greedily (ε 1.00)"));
	assert_non_null(strstr(whole_row(c, 1), "From step 202, minibatches "
	    "of 64 fit Q(s,a) to y = r + γ max Q⁻(s′,·)."));
	canvas_free(c);
	c = draw_dqn_update(f->t, PLOT_ASCII);
	assert_ascii(c);
	canvas_free(c);

	/* train_freq 2: the first gradient step is at step 202. */
	dqn_steps(f->t, 100);
	c = draw_dqn_update(f->t, PLOT_UTF8);
	assert_string_equal(whole_row(c, 0), " Filling the buffer: 102 more "
	    "steps until the first gradient step (step 202).");
	golden_check("view_dqn_update_waiting.txt", c);
	canvas_free(c);
	dqn_steps(f->t, 101);
	assert_false(ds->q->last_update.valid);
	c = draw_dqn_update(f->t, PLOT_UTF8);
	assert_non_null(strstr(whole_row(c, 0), " 1 more step until"));
	canvas_free(c);
	dqn_steps(f->t, 1);
	assert_true(ds->q->last_update.valid);
	assert_int_equal(ds->q->last_update.step, 202);

	/* A sample that bootstraps. */
	dqn_steps(f->t, 98);
	assert_false(ds->q->last_update.sample[0].terminated);
	c = draw_dqn_update(f->t, PLOT_UTF8);
	assert_dqn_target(c, f->t, PLOT_UTF8);
	assert_non_null(strstr(whole_row(c, 1), "sample 1 of 64"));
	golden_check("view_dqn_update_bootstrap.txt", c);
	canvas_free(c);
	c = draw_dqn_update(f->t, PLOT_ASCII);
	assert_dqn_target(c, f->t, PLOT_ASCII);
	assert_ascii(c);
	golden_check("view_dqn_update_bootstrap_ascii.txt", c);
	canvas_free(c);

	/* A terminal sample: just r. */
	dqn_step_to_terminal_sample(f->t);
	c = draw_dqn_update(f->t, PLOT_UTF8);
	assert_dqn_target(c, f->t, PLOT_UTF8);
	golden_check("view_dqn_update_terminal.txt", c);
	canvas_free(c);

	/* Double DQN: the online net picks a', the target values it. */
	dqn_set(f->t, "double_dqn", "1");
	do
		dqn_steps(f->t, 1);
	while (!ds->updated || ds->q->last_update.sample[1].terminated);
	ds->inspect = 1;
	c = draw_dqn_update(f->t, PLOT_UTF8);
	assert_dqn_target(c, f->t, PLOT_UTF8);
	assert_non_null(strstr(whole_row(c, 0), "Q⁻(s′,a′)"));
	assert_non_null(strstr(whole_row(c, 0), "(online net picks a′ = "));
	assert_non_null(strstr(whole_row(c, 1), "sample 2 of 64"));
	golden_check("view_dqn_update_double.txt", c);
	canvas_free(c);
	/* Larger numbers: the note moves to the second line, short, and
	 * the prediction still follows it. */
	smp = &ds->q->last_update.sample[1];
	saved = *smp;
	smp->r = 1;
	smp->q_next[smp->a_next] = 123456.789f;
	smp->target = (float)(1 + ds->q->cfg.gamma * 123456.789f);
	c = draw_dqn_update(f->t, PLOT_UTF8);
	assert_dqn_target(c, f->t, PLOT_UTF8);
	assert_true(strncmp(whole_row(c, 1), " (online net picks a′ = ",
	    strlen(" (online net picks a′ = ")) == 0);
	canvas_free(c);
	*smp = saved;
	ds->inspect = 0;

	/* Prioritized replay: the sample's importance weight. */
	dqn_set(f->t, "prioritized", "1");
	dqn_steps(f->t, 300);
	c = draw_dqn_update(f->t, PLOT_UTF8);
	assert_dqn_target(c, f->t, PLOT_UTF8);
	assert_non_null(strstr(whole_row(c, 1), "weight "));
	canvas_free(c);
	/* No history with it: the key hints leave back out. */
	dqn_screen_case(f->t, 80, 24, PLOT_UTF8, NULL);

	/* Training stopped: said in the error style. */
	ds->stopped = true;
	c = draw_dqn_update(f->t, PLOT_UTF8);
	assert_non_null(strstr(whole_row(c, 0), "Training stopped at step"));
	assert_int_equal(canvas_getstyle(c, 1, 0), ST_ERROR);
	canvas_free(c);
	ds->stopped = false;
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
#define TF(name) cmocka_unit_test_setup_teardown(name, setup_fqi, teardown)
#define TD(name) cmocka_unit_test_setup_teardown(name, setup_dqn, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_view_screen_start),
		T(test_view_screen_three_steps),
		T(test_view_screen_trained),
		T(test_view_screen_ascii),
		T(test_view_screen_120x40),
		T(test_view_screen_200x60),
		T(test_view_screen_map_8x8),
		T(test_view_screen_ps),
		T(test_view_screen_plan),
		T(test_view_grid_cliff),
		T(test_view_too_small),
		T(test_view_update_terminal),
		T(test_view_update_truncated),
		T(test_view_update_return),
		T(test_view_update_sarsa),
		T(test_view_styles),
		T(test_view_lesson_wraps),
		T(test_view_lesson_more),
		T(test_view_lesson_task_done),
		cmocka_unit_test(test_view_overlay),
		cmocka_unit_test(test_view_cartpole_upright),
		cmocka_unit_test(test_view_cartpole_leaning),
		cmocka_unit_test(test_view_cartpole_edges),
		cmocka_unit_test(test_view_cartpole_ascii),
		cmocka_unit_test(test_view_cartpole_small),
		TF(test_view_fqi_screen_start),
		TF(test_view_fqi_screen_three),
		TF(test_view_fqi_map),
		TF(test_view_fqi_curves),
		TF(test_view_fqi_target),
		TD(test_view_dqn_screen_start),
		TD(test_view_dqn_screen_trained),
		TD(test_view_dqn_panel),
		TD(test_view_dqn_curves),
		TD(test_view_dqn_update),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
