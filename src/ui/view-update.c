/*
 * The last update, written out as arithmetic with its real numbers:
 *   Q(4,↓) ← 0.000 + 0.8 × [0 + 0.9 × 0.640 − 0.000] = 0.461
 * and under it the TD error and what kind of transition it was, then,
 * when it fits, the episode's discounted return G written out:
 *   G = 1 + 0.9×1 + 0.81×1 = 2.71	(the first three terms)
 *   G = 2.71 + 0.729×1 = 3.439		(later: the last term added)
 * G takes the place of the reminder of the target's rule, or of the
 * time-limit note, when both do not fit; not of the terminal note, which
 * says why the first line has no discounted value.  SARSA
 * names the next action its target used, Expected SARSA the expectation:
 *   Q(4,↓) ← 0.000 + 0.8 × [0 + 0.9 × Q(5,→)=0.640 − 0.000] = 0.461
 *   Q(4,↓) ← 0.000 + 0.8 × [0 + 0.9 × E[Q(5,·)]=0.576 − 0.000] = 0.415
 *
 * While value iteration is shown, the Bellman backup the last sweep
 * (n) made for the chosen state instead, from the values of sweep n-1:
 * its value over the actions, then the best action's outcomes (terminal
 * ones bootstrap nothing):
 *   V₃(14) ← max_a Σ p [r + γ V₂(s')] = max(0.219, 0.516, 0.516, 0.406)
 *   = 0.516
 *   Q(14,↓) = ⅓×[0+0.99×V₂(13)=0.110] + ⅓×[0+0.99×V₂(14)=0.443] + ⅓×[1]
 *   = 0.516
 * (each on one line; shorter forms when the line is narrow).
 *
 * Projective simulation writes out the edge it just took, and under it
 * the probabilities it hopped with and how far the glow has spread:
 *   h(4,↓) ← 1.000 − 1e-07×(1.000−1) + 1×0 = 1.000
 *   p(·|4) = 0.25 0.25 0.25 0.25  glowing: 5 edges  max |Δh| 0.94
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

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
format_ps(char *buf, size_t bufsz, const struct tutor *t,
    const struct ps_record *u, const struct symbols *y, enum plot_glyphs g)
{
	char	 h_old[32], h_sub[48], h_new[32], gl[32];

	view_format_value(h_old, sizeof h_old, u->h_old, 6);
	view_format_value(h_new, sizeof h_new, u->h_new, 6);
	operand(h_sub, sizeof h_sub, h_old, u->h_old);
	snprintf(gl, sizeof gl, "%.3g", u->g);
	snprintf(buf, bufsz, "h(%d,%s) %s %s %s %g%s(%s%s1) + %s%s%g = %s",
	    u->s, view_action_glyph(t, u->a, g), y->arrow, h_old, y->minus,
	    u->gamma, y->times, h_sub, y->minus, gl, y->times, u->r, h_new);
}

static void
format_ps_note(char *buf, size_t bufsz, const struct ps_record *u,
    const struct symbols *y, enum plot_glyphs g)
{
	size_t	 used;
	int	 i;

	used = (size_t)snprintf(buf, bufsz, "p(%s|%d) =", y->any, u->s);
	for (i = 0; i < u->nactions && used < bufsz; i++)
		used += (size_t)snprintf(buf + used, bufsz - used, " %.2f",
		    u->p[i]);
	if (used < bufsz)
		snprintf(buf + used, bufsz - used, "  glowing: %d edge%s  "
		    "max |%sh| %.3g", u->glowing, u->glowing == 1 ? "" : "s",
		    g == PLOT_UTF8 ? "Δ" : "d", u->max_dh);
}

/* The note under the update; without `kind' (the target's rule or the
 * kind of end) when full is false. */
static void
format_note(char *buf, size_t bufsz, const struct tutor *t,
    const struct td_record *u, bool full, enum plot_glyphs g)
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
	snprintf(buf, bufsz, "TD error %s%s  s=%d %s r=%g s'=%d%s%s%s%s",
	    u->td_error > 0 ? "+" : "", td, u->s, view_action_glyph(t, u->a, g),
	    u->r, u->s2, u->explored ? " explored" : "", next, full ? "  " : "",
	    full ? kind : "");
}

/* A number of G's sum: five digits, in parentheses after a times sign
 * when negative ("0.9×(-1)"), as the update line writes operands. */
static void
format_gnum(char *buf, size_t bufsz, double v, bool operand)
{
	snprintf(buf, bufsz, v < 0 && operand ? "(%.5g)" : "%.5g",
	    v == 0 ? 0.0 : v);
}

/* One term, discount × reward; the first, undiscounted, is the reward. */
static size_t
format_gterm(char *buf, size_t bufsz, double discount, double reward,
    bool first, enum plot_glyphs g)
{
	char	 d[48], r[48];

	format_gnum(r, sizeof r, reward, !first);
	if (first)
		return ((size_t)snprintf(buf, bufsz, "%s", r));
	format_gnum(d, sizeof d, discount, false);
	return ((size_t)snprintf(buf, bufsz, "%s%s%s", d,
	    g == PLOT_UTF8 ? "×" : "*", r));
}

/*
 * The episode's discounted return, from the first step on: its first
 * terms one by one, later the G before the last step plus that step's
 * term.  Empty before the first step and while G is 0 (FrozenLake pays
 * nothing before the goal): a sum of zeros teaches nothing.
 */
static void
format_return(char *buf, size_t bufsz, const struct session_return *ret,
    enum plot_glyphs g)
{
	char	 num[48], term[128];
	size_t	 len;
	long	 k;

	buf[0] = '\0';
	if (ret->n <= 0 || ret->g == 0)
		return;
	len = (size_t)snprintf(buf, bufsz, "G = ");
	if (ret->n <= SESSION_RETURN_TERMS) {
		for (k = 0; k < ret->n && len < bufsz; k++) {
			format_gterm(term, sizeof term, ret->first_discount[k],
			    ret->first_reward[k], k == 0, g);
			len += (size_t)snprintf(buf + len, bufsz - len,
			    "%s%s", k > 0 ? " + " : "", term);
		}
		if (ret->n == 1)
			return;
	} else {
		format_gnum(num, sizeof num, ret->prev, false);
		format_gterm(term, sizeof term, ret->last_discount,
		    ret->last_reward, false, g);
		len += (size_t)snprintf(buf + len, bufsz - len, "%s + %s",
		    num, term);
	}
	if (len < bufsz) {
		format_gnum(num, sizeof num, ret->g, false);
		snprintf(buf + len, bufsz - len, " = %s", num);
	}
}

/* A probability: ⅓ and ⅔ (1/3, 2/3 in ASCII) as fractions. */
static void
format_prob(char *buf, size_t bufsz, double p, enum plot_glyphs g)
{
	if (fabs(p - 1.0 / 3) < 1e-9)
		snprintf(buf, bufsz, "%s", g == PLOT_UTF8 ? "⅓" : "1/3");
	else if (fabs(p - 2.0 / 3) < 1e-9)
		snprintf(buf, bufsz, "%s", g == PLOT_UTF8 ? "⅔" : "2/3");
	else
		snprintf(buf, bufsz, "%.3g", p);
}

/* "V₃" (ASCII "V_3"): V after sweep n.  A Jacobi sweep n reads only
 * V of sweep n-1, and the subscripts say so. */
static void
format_v(char *buf, size_t bufsz, long n, enum plot_glyphs g)
{
	static const char *const sub[] = { "₀", "₁", "₂", "₃", "₄", "₅",
	    "₆", "₇", "₈", "₉" };
	char	 digits[24];
	size_t	 len, i;

	if (g != PLOT_UTF8) {
		snprintf(buf, bufsz, "V_%ld", n);
		return;
	}
	snprintf(digits, sizeof digits, "%ld", n < 0 ? 0 : n);
	len = (size_t)snprintf(buf, bufsz, "V");
	for (i = 0; digits[i] != '\0' && len < bufsz; i++)
		len += (size_t)snprintf(buf + len, bufsz - len, "%s",
		    sub[digits[i] - '0']);
}

/* Line 1: V_n(s) ← max(Q of each action) = V_new, the values read being
 * V_n-1; without the rule's words when they do not fit. */
static void
format_backup_max(char *buf, size_t bufsz, const struct planning_backup *b,
    long sweep, int width, enum plot_glyphs g)
{
	char	 qs[256] = "", num[32], vn[48], vp[48], rule[96];
	size_t	 len = 0;
	int	 a;

	format_v(vn, sizeof vn, sweep, g);
	format_v(vp, sizeof vp, sweep - 1, g);
	snprintf(rule, sizeof rule, g == PLOT_UTF8 ?
	    " max_a Σ p [r + γ %s(s')] =" :
	    " max_a sum p [r + gamma %s(s')] =", vp);
	for (a = 0; a < b->nactions && len < sizeof qs; a++) {
		view_format_value(num, sizeof num, b->q[a], 6);
		len += (size_t)snprintf(qs + len, sizeof qs - len, "%s%s",
		    a > 0 ? ", " : "", num);
	}
	view_format_value(num, sizeof num, b->v_new, 6);
	snprintf(buf, bufsz, "%s(%d) %s%s max(%s) = %s", vn, b->s,
	    g == PLOT_UTF8 ? "←" : "<-", rule, qs, num);
	if (canvas_textwidth(buf) > width)
		snprintf(buf, bufsz, "%s(%d) %s max(%s) = %s", vn, b->s,
		    g == PLOT_UTF8 ? "←" : "<-", qs, num);
}

/* Line 2 but its end: the best action's Q, outcome by outcome; V(s')
 * named when that fits. */
static void
format_backup_terms(char *buf, size_t bufsz, const struct tutor *t,
    const struct planning_backup *b, long sweep, bool named,
    enum plot_glyphs g)
{
	const struct planning_outcome	*o;
	const char			*times = g == PLOT_UTF8 ? "×" : "*";
	char				 p[16], v[32], vp[48];
	size_t				 len;
	int				 k, a = b->best;

	format_v(vp, sizeof vp, sweep - 1, g);

	len = (size_t)snprintf(buf, bufsz, "Q(%d,%s) =", b->s,
	    view_action_glyph(t, a, g));
	for (k = b->first[a]; k < b->first[a + 1] && len < bufsz; k++) {
		o = &b->out[k];
		format_prob(p, sizeof p, o->prob, g);
		len += (size_t)snprintf(buf + len, bufsz - len, "%s %s%s[%g",
		    k > b->first[a] ? " +" : "", p, times, o->reward);
		if (len >= bufsz)
			break;
		view_format_value(v, sizeof v, o->v_next, 6);
		if (!o->terminated && named)
			len += (size_t)snprintf(buf + len, bufsz - len,
			    "+%g%s%s(%d)=%s", b->gamma, times, vp, o->next, v);
		else if (!o->terminated)
			len += (size_t)snprintf(buf + len, bufsz - len,
			    "+%g%s%s%s%s", b->gamma, times,
			    o->v_next < 0 ? "(" : "", v,
			    o->v_next < 0 ? ")" : "");
		if (len < bufsz)
			len += (size_t)snprintf(buf + len, bufsz - len, "]");
	}
}

/* The backup of value iteration's chosen state, as the last sweep
 * made it: from the values that sweep read. */
static void
draw_backup(struct canvas *c, struct rect r, const struct tutor *t,
    const struct planning *pl, const struct view_opts *o)
{
	struct planning		 last = *pl;
	struct planning_backup	 b;
	const char		*cut;
	char			 line[1024], err[128], q[32], tail[40];
	long			 sweep;
	int			 w, tw;

	last.v = pl->v_old;
	if (planning_backup(&last, tutor_plan_state(t), NULL, &b, err,
	    sizeof err) != 0) {
		canvas_textstyle(c, r.x, r.y, err, r.w, ST_DIM);
		return;
	}
	/* Before the first sweep, what the first will make. */
	sweep = pl->sweeps > 0 ? pl->sweeps : 1;
	format_backup_max(line, sizeof line, &b, sweep, r.w, o->glyphs);
	canvas_textstyle(c, r.x, r.y, line, r.w, ST_UPDATED);
	if (r.h < 2)
		return;
	view_format_value(q, sizeof q, b.q[b.best], 6);
	snprintf(tail, sizeof tail, " = %s", q);
	tw = canvas_textwidth(tail);
	format_backup_terms(line, sizeof line, t, &b, sweep, true,
	    o->glyphs);
	if (canvas_textwidth(line) + tw > r.w)
		format_backup_terms(line, sizeof line, t, &b, sweep, false,
		    o->glyphs);
	/* Still too long (many outcomes): cut the terms, say so, and keep
	 * the value they come to. */
	if ((w = canvas_textwidth(line)) + tw > r.w) {
		cut = o->glyphs == PLOT_UTF8 ? "…" : "...";
		w = r.w - tw - canvas_textwidth(cut);
		canvas_textstyle(c, r.x, r.y + 1, line, w, ST_PLAIN);
		canvas_textstyle(c, r.x + w, r.y + 1, cut, r.w - w, ST_DIM);
		w += canvas_textwidth(cut);
	} else
		canvas_textstyle(c, r.x, r.y + 1, line, r.w, ST_PLAIN);
	canvas_textstyle(c, r.x + w, r.y + 1, tail, r.w - w, ST_PLAIN);
}

void
view_update_draw(struct canvas *c, struct rect r, const struct tutor *t,
    const struct view_opts *o)
{
	const struct update_record	*rec = &t->s->agent->rec;
	const struct td_record		*u = &rec->u.td;
	const struct symbols		*y;
	char				 line[512], ret[160];
	int				 gw;

	view_clear(c, r);
	if (r.h < 1)
		return;
	if (tutor_plan(t) != NULL) {
		draw_backup(c, r, t, tutor_plan(t), o);
		return;
	}
	if (rec->kind == RECORD_PS && t->s->last.valid) {
		y = o->glyphs == PLOT_UTF8 ? &utf8_symbols : &ascii_symbols;
		format_ps(line, sizeof line, t, &rec->u.ps, y, o->glyphs);
		canvas_textstyle(c, r.x, r.y, line, r.w, ST_UPDATED);
		if (r.h < 2)
			return;
		format_ps_note(line, sizeof line, &rec->u.ps, y, o->glyphs);
		canvas_textstyle(c, r.x, r.y + 1, line, r.w, ST_DIM);
		return;
	}
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
	/* The note, then G when it fits; when it does not, G before the
	 * reminder of the rule or the time-limit note (the first line shows
	 * the bootstrap anyway), never before the terminal note. */
	format_return(ret, sizeof ret, &t->s->ret, o->glyphs);
	gw = ret[0] != '\0' ? 2 + canvas_textwidth(ret) : 0;
	format_note(line, sizeof line, t, u, true, o->glyphs);
	if (gw > 0 && canvas_textwidth(line) + gw > r.w) {
		if (!u->terminated)
			format_note(line, sizeof line, t, u, false, o->glyphs);
		if (canvas_textwidth(line) + gw > r.w)
			gw = 0;
	}
	canvas_textstyle(c, r.x, r.y + 1, line, r.w, ST_DIM);
	if (gw > 0)
		canvas_textstyle(c, r.x + canvas_textwidth(line) + 2, r.y + 1,
		    ret, gw - 2, ST_PLAIN);
}
