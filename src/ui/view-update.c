/*
 * The last update, written out as arithmetic with its real numbers:
 *   Q(4,↓) ← 0.000 + 0.8 × [0 + 0.9 × 0.640 − 0.000] = 0.461
 * and under it the TD error and what kind of transition it was.  SARSA
 * names the next action its target used, Expected SARSA the expectation:
 *   Q(4,↓) ← 0.000 + 0.8 × [0 + 0.9 × Q(5,→)=0.640 − 0.000] = 0.461
 *   Q(4,↓) ← 0.000 + 0.8 × [0 + 0.9 × E[Q(5,·)]=0.576 − 0.000] = 0.415
 */
#include <stdio.h>

#include "style.h"
#include "view.h"

struct symbols {
	const char	*arrow, *times, *minus, *any;
};

static const struct symbols utf8_symbols = { "←", "×", "−", "·" };
static const struct symbols ascii_symbols = { "<-", "*", "-", "." };

static void
operand(char *buf, size_t bufsz, const char *text, double v)
{
	if (v < 0)
		snprintf(buf, bufsz, "(%s)", text);
	else
		snprintf(buf, bufsz, "%s", text);
}

static void
format_td(char *buf, size_t bufsz, const struct tutor *t,
    const struct td_record *u, const struct symbols *y, enum plot_glyphs g)
{
	char	 q_old[32], q_sub[48], value[32], value_op[48], next[96];
	char	 q_new[32];

	view_format_value(q_old, sizeof q_old, u->q_old, 6);
	view_format_value(value, sizeof value, u->next_value, 6);
	view_format_value(q_new, sizeof q_new, u->q_new, 6);
	/* A negative value after a minus or a times goes in parentheses:
	 * "− (−2.392)", not "− -2.392". */
	operand(q_sub, sizeof q_sub, q_old, u->q_old);
	operand(value_op, sizeof value_op, value, u->next_value);
	/* What the target bootstraps from, and its value. */
	if (u->rule == TD_SARSA && u->a2 >= 0)
		snprintf(next, sizeof next, "Q(%d,%s)=%s", u->s2,
		    view_action_glyph(t, u->a2, g), value);
	else if (u->rule == TD_EXPECTED_SARSA)
		snprintf(next, sizeof next, "E[Q(%d,%s)]=%s", u->s2, y->any,
		    value);
	else
		snprintf(next, sizeof next, "%s", value_op);
	if (u->terminated)
		snprintf(buf, bufsz, "Q(%d,%s) %s %s + %g %s [%g %s %s] = %s",
		    u->s, view_action_glyph(t, u->a, g), y->arrow, q_old,
		    u->alpha, y->times, u->r, y->minus, q_sub, q_new);
	else
		snprintf(buf, bufsz, "Q(%d,%s) %s %s + %g %s [%g + %g %s %s "
		    "%s %s] = %s", u->s, view_action_glyph(t, u->a, g),
		    y->arrow, q_old, u->alpha, y->times, u->r, u->gamma,
		    y->times, next, y->minus, q_sub, q_new);
}

static void
format_note(char *buf, size_t bufsz, const struct tutor *t,
    const struct td_record *u, enum plot_glyphs g)
{
	const char	*kind;
	char		 td[16], next[32] = "";

	view_format_value(td, sizeof td, u->td_error, 7);
	if (u->terminated)
		kind = "terminal: target = r, nothing after the end";
	else if (u->truncated)
		kind = "time limit: not an end, still bootstraps";
	else if (u->rule == TD_SARSA)
		kind = g == PLOT_UTF8 ? "target = r + γ Q(s',a')" :
		    "target = r + gamma Q(s',a')";
	else if (u->rule == TD_EXPECTED_SARSA)
		kind = g == PLOT_UTF8 ? "target = r + γ E_π[Q(s',·)]" :
		    "target = r + gamma E_pi[Q(s',.)]";
	else
		kind = g == PLOT_UTF8 ? "target = r + γ max Q(s',·)" :
		    "target = r + gamma max Q(s',.)";
	/* SARSA's next action, after `explored', which is about a. */
	if (u->rule == TD_SARSA && u->a2 >= 0)
		snprintf(next, sizeof next, " a'=%s",
		    view_action_glyph(t, u->a2, g));
	snprintf(buf, bufsz, "TD error %s%s  s=%d %s r=%g s'=%d%s%s  %s",
	    u->td_error > 0 ? "+" : "", td, u->s, view_action_glyph(t, u->a, g),
	    u->r, u->s2, u->explored ? " explored" : "", next, kind);
}

void
view_update_draw(struct canvas *c, struct rect r, const struct tutor *t,
    const struct view_opts *o)
{
	const struct update_record	*rec = &t->s->agent->rec;
	char				 line[512];

	view_clear(c, r);
	if (r.h < 1)
		return;
	if (rec->kind != RECORD_TD || !t->s->last.valid) {
		canvas_textstyle(c, r.x, r.y, "Press SPACE to take one step "
		    "and see the update it makes.", r.w, ST_DIM);
		return;
	}
	format_td(line, sizeof line, t, &rec->u.td, o->glyphs == PLOT_UTF8 ?
	    &utf8_symbols : &ascii_symbols, o->glyphs);
	canvas_textstyle(c, r.x, r.y, line, r.w, ST_UPDATED);
	if (r.h < 2)
		return;
	format_note(line, sizeof line, t, &rec->u.td, o->glyphs);
	canvas_textstyle(c, r.x, r.y + 1, line, r.w, ST_DIM);
}
