/* The status bar and the line under it: settings, run state, keys or
 * the last message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dqn-session.h"
#include "fqi-session.h"
#include "policy.h"
#include "style.h"
#include "view.h"

static const char *const key_hints[][2] = {
	{ "SPACE", "step" }, { "b", "back" }, { "e", "episode" },
	{ "r", "run" }, { "+-", "speed" }, { "n/p", "page" },
	{ ":", "cmd" }, { "?", "help" }, { "q", "quit" }, { NULL, NULL }
};
/* In fitted Q-iteration a step is an iteration and an episode is the
 * greedy policy played on the cart. */
static const char *const fqi_key_hints[][2] = {
	{ "SPACE", "iterate" }, { "b", "back" }, { "e", "play" },
	{ "r", "run" }, { "+-", "speed" }, { "n/p", "page" },
	{ ":", "cmd" }, { "?", "help" }, { "q", "quit" }, { NULL, NULL }
};
/* DQN with prioritized replay keeps no history to go back through. */
static const char *const dqn_key_hints[][2] = {
	{ "SPACE", "step" }, { "e", "episode" }, { "r", "run" },
	{ "+-", "speed" }, { "n/p", "page" }, { ":", "cmd" },
	{ "?", "help" }, { "q", "quit" }, { NULL, NULL }
};

/* Two decimals, or as many as the value needs: 0.005 is not 0.01. */
static void
format_setting(char *buf, size_t bufsz, double v)
{
	snprintf(buf, bufsz, "%.2f", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, bufsz, "%g", v);
}

/* The environment in a few words: the map for FrozenLake. */
static void
world_label(char *buf, size_t bufsz, const struct params *p)
{
	const char	*env = params_env(p);

	if (strcmp(env, "frozenlake") == 0)
		snprintf(buf, bufsz, "%s%s", p->map, p->slippery ?
		    " slippery" : "");
	else if (strcmp(env, "cliffwalking") == 0)
		snprintf(buf, bufsz, "cliff%s", p->slippery ? " slippery" :
		    "");
	else
		snprintf(buf, bufsz, "%s", env);
}

/* FQI's settings: the discount, the regressor and the data. */
static void
fqi_settings(char *buf, size_t bufsz, const struct tutor *t, bool u)
{
	const struct params	*p = tutor_params(t);
	char			 g[32], reg[64];

	format_setting(g, sizeof g, p->gamma);
	if (p->regressor == 0)
		snprintf(reg, sizeof reg, "knn k=%lld", p->k);
	else if (strcmp(param_choice(param_find("regressor"), p->regressor),
	    "trees") == 0)
		snprintf(reg, sizeof reg, "trees M=%lld n_min=%lld", p->trees,
		    p->min_split);
	else
		snprintf(reg, sizeof reg, "%s", param_choice(
		    param_find("regressor"), p->regressor));
	snprintf(buf, bufsz, " fqi  %s %s  %s  data %ld  seed %lld",
	    u ? "γ" : "gamma", g, reg, t->f->data->n, p->seed);
}

/*
 * DQN's settings: the discount, the step size, epsilon now, the buffer,
 * the variants on, the seed; in at most maxw columns, without the seed,
 * with the buffer in thousands ("80k/100k"), then without the buffer if
 * need be, so that nothing is cut in the middle.
 */
static void
dqn_settings(char *buf, size_t bufsz, const struct tutor *t, bool u,
    int maxw)
{
	const struct params	*p = tutor_params(t);
	const struct dqn	*q = t->dq->q;
	char			 g[32], lr[32], flags[64], size[24], cap[24];
	char			 fill[64], seed[48];
	int			 form;

	format_setting(g, sizeof g, p->gamma);
	format_setting(lr, sizeof lr, p->lr);
	snprintf(flags, sizeof flags, "%s%s%s%s", p->double_dqn ?
	    "  double" : "", p->dueling ? "  dueling" : "", p->prioritized ?
	    "  per" : "", p->loss != 0 ? "  huber" : "");
	for (form = 0; form < 4; form++) {
		if (form < 2) {
			snprintf(size, sizeof size, "%ld", q->buf->size);
			snprintf(cap, sizeof cap, "%ld", q->buf->capacity);
		} else {
			plot_format_number(size, sizeof size,
			    (double)q->buf->size, 0);
			plot_format_number(cap, sizeof cap,
			    (double)q->buf->capacity, 0);
		}
		fill[0] = seed[0] = '\0';
		if (form < 3)
			snprintf(fill, sizeof fill, "  buffer %s/%s", size,
			    cap);
		if (form < 1)
			snprintf(seed, sizeof seed, "  seed %lld", p->seed);
		snprintf(buf, bufsz, " dqn  %s %s  lr %s  %s %.2f%s%s%s",
		    u ? "γ" : "gamma", g, lr, u ? "ε" : "eps",
		    schedule_value(&q->cfg.epsilon, q->step), fill, flags,
		    seed);
		if (canvas_textwidth(buf) <= maxw)
			break;
	}
}

/* The run state for the right of the status bar. */
static void
run_state(char *right, size_t rsz, const struct tutor *t, bool u)
{
	long	 speed = tutor_speed(t);

	if (tutor_busy(t))
		snprintf(right, rsz, "%s fitting %.1f s ", u ? "▶" : ">",
		    tutor_busy_ms(t) / 1e3);
	else if (t->f != NULL && t->running)
		snprintf(right, rsz, "%s iterating ", u ? "▶" : ">");
	else if (t->f != NULL && t->playing)
		snprintf(right, rsz, "%s playing %ld/s ", u ? "▶" : ">",
		    speed);
	else if (t->running && speed > 0)
		snprintf(right, rsz, "%s running %ld/s ", u ? "▶" : ">",
		    speed);
	else if (t->running)
		snprintf(right, rsz, "%s running, full speed ",
		    u ? "▶" : ">");
	else if (speed > 0)
		snprintf(right, rsz, "paused (%ld/s) ", speed);
	else
		snprintf(right, rsz, "paused (full speed) ");
}

void
view_status_draw(struct canvas *c, struct rect r, const struct tutor *t,
    const struct view_opts *o)
{
	const struct params	*p = tutor_params(t);
	char			 left[768], right[64], a[32], g[32], e[32];
	char			 eps[64], world[PARAM_STR_MAX + 32];
	const char		*policy;
	int			 u = o->glyphs == PLOT_UTF8, rw;

	view_clear(c, r);
	canvas_setstyle(c, r.x, r.y, r.w, ST_STATUS);
	run_state(right, sizeof right, t, u);
	rw = canvas_textwidth(right);
	if (t->f != NULL) {
		fqi_settings(left, sizeof left, t, u);
		goto draw;
	}
	if (t->dq != NULL) {
		dqn_settings(left, sizeof left, t, u, r.w - rw - 2);
		goto draw;
	}
	policy = param_choice(param_find("policy"), p->policy);
	format_setting(a, sizeof a, p->alpha);
	format_setting(g, sizeof g, p->gamma);
	format_setting(e, sizeof e, p->epsilon);
	/* ε only where it is used: by egreedy. */
	if (p->policy == POLICY_EGREEDY)
		snprintf(eps, sizeof eps, "  %s %s", u ? "ε" : "eps", e);
	else
		eps[0] = '\0';
	world_label(world, sizeof world, p);
	snprintf(left, sizeof left, " %s  %s %s  %s %s%s  %s  seed %lld  %s",
	    params_agent(p), u ? "α" : "alpha", a, u ? "γ" : "gamma", g, eps,
	    policy, p->seed, world);
	/* Projective simulation's own settings: damping, glow, hopping. */
	if (t->s->agent->glow != NULL)
		snprintf(left, sizeof left, " ps  damping %g  %s %g  %s  "
		    "seed %lld  %s", p->ps_gamma, u ? "η" : "eta", p->eta,
		    param_choice(param_find("ps_policy"), p->ps_policy),
		    p->seed, world);
draw:
	canvas_textstyle(c, r.x, r.y, left, r.w - rw - 2, ST_STATUS);
	canvas_textstyle(c, r.x + r.w - rw, r.y, right, rw,
	    tutor_active(t) ? ST_RUNNING : ST_STATUS);
}

void
view_message_draw(struct canvas *c, struct rect r, const struct tutor *t,
    const struct view_opts *o)
{
	const char *const	(*hints)[2] = key_hints;
	size_t			 i;
	int			 x = r.x + 1, end = r.x + r.w;

	(void)o;
	if (t->f != NULL)
		hints = fqi_key_hints;
	else if (t->dq != NULL && !dqn_history_possible(t->dq->q))
		hints = dqn_key_hints;
	view_clear(c, r);
	if (t->msg[0] != '\0') {
		canvas_textstyle(c, x, r.y, t->msg, end - x,
		    t->msg_error ? ST_ERROR : ST_PLAIN);
		return;
	}
	for (i = 0; hints[i][0] != NULL; i++) {
		if (x + (int)strlen(hints[i][0]) +
		    (int)strlen(hints[i][1]) + 1 > end)
			break;
		x += canvas_textstyle(c, x, r.y, hints[i][0], end - x,
		    ST_KEY);
		x++;
		x += canvas_textstyle(c, x, r.y, hints[i][1], end - x,
		    ST_DIM);
		x += 2;
	}
}
