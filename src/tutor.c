/* The interactive lesson's state, without the screen. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "dqn-session.h"
#include "fqi-session.h"
#include "gridmap.h"
#include "metric.h"
#include "progress.h"
#include "tutor.h"
#include "xmalloc.h"

static const long speeds[TUTOR_NSPEEDS] = TUTOR_SPEEDS;

struct lesson_ctx {
	const struct params	*p;
	const struct datadir	*dirs;
};

/* A lesson's setting must parse, and a map must also be found and be
 * valid, so that opening a page later cannot fail. */
static int
check_set(void *ctx, const char *name, const char *value, char *err,
    size_t errsz)
{
	const struct lesson_ctx	*lc = ctx;
	struct params		 scratch = *lc->p;
	struct env		*env;

	if (param_set(&scratch, name, value, err, errsz) != 0)
		return (-1);
	if (!param_applies(name, params_scope(lc->p))) {
		snprintf(err, errsz, "%s does not apply to agent %s", name,
		    params_agent(lc->p));
		return (-1);
	}
	if (strcmp(name, "map") != 0)
		return (0);
	if ((env = session_make_env(&scratch, lc->dirs, err, errsz)) == NULL)
		return (-1);
	env_free(env);
	return (0);
}

static int
check_metric(void *ctx, const char *metric, int index, char *err,
    size_t errsz)
{
	(void)ctx;
	return (metric_check(metric, index, err, errsz));
}

/*
 * What lesson_validate cannot see: the value side of each check term.
 * A word must mean something for its metric (an action for greedy, a
 * choice for a parameter), a state must exist, and text parameters
 * cannot be compared.  Checked against the lesson's own environment.
 */
static int
check_term(const struct lesson_term *term, const struct params *p,
    const struct env *env, char *err, size_t errsz)
{
	const struct param	*t = param_find(term->metric);
	struct params		 scratch = *p;
	char			 why[256];

	if (strcmp(term->metric, "greedy") == 0) {
		if (term->index >= env->nstates) {
			snprintf(err, errsz, "greedy(%d): no such state (the "
			    "map has %d)", term->index, env->nstates);
			return (-1);
		}
		if (term->is_word && env_action_parse(env, term->word) < 0) {
			snprintf(err, errsz, "greedy: '%s' is not an action",
			    term->word);
			return (-1);
		}
		return (0);
	}
	if (t == NULL)
		return (0);
	if (t->type == P_STRING) {
		snprintf(err, errsz, "%s is text and cannot be compared",
		    t->name);
		return (-1);
	}
	if (term->is_word && param_set(&scratch, t->name, term->word, why,
	    sizeof why) != 0) {
		snprintf(err, errsz, "%s", why);
		return (-1);
	}
	return (0);
}

static int
check_values(const struct lesson *l, const struct params *p,
    const struct datadir *d, char *err, size_t errsz)
{
	const struct lesson_check	*ck;
	struct env			*env;
	char				 why[256];
	int				 i, k, rc = 0;

	if ((env = session_make_env(p, d, err, errsz)) == NULL)
		return (-1);
	for (i = 0; i < l->npages && rc == 0; i++) {
		if ((ck = l->pages[i].check) == NULL)
			continue;
		for (k = 0; k < ck->nterms && rc == 0; k++) {
			if (check_term(&ck->term[k], p, env, why,
			    sizeof why) != 0) {
				snprintf(err, errsz, "%s:%d: %s", l->path,
				    ck->line, why);
				rc = -1;
			}
		}
	}
	env_free(env);
	return (rc);
}

int
tutor_apply_lesson(struct params *p, const struct lesson *l,
    const struct datadir *d, char *err, size_t errsz)
{
	struct lesson_ctx	 lc = { p, d };
	char			 why[512];
	int			 i;

	if (param_set(p, "env", l->env, why, sizeof why) != 0) {
		snprintf(err, errsz, "%s:%d: %s", l->path, l->env_line, why);
		return (-1);
	}
	if (param_set(p, "agent", l->agent, why, sizeof why) != 0) {
		snprintf(err, errsz, "%s:%d: %s", l->path, l->agent_line, why);
		return (-1);
	}
	for (i = 0; i < l->nsets; i++) {
		if (param_set(p, l->sets[i].name, l->sets[i].value, why,
		    sizeof why) != 0) {
			snprintf(err, errsz, "%s:%d: %s", l->path,
			    l->sets[i].line, why);
			return (-1);
		}
	}
	/* The pages' settings and checks too: a lesson that loads has no
	 * error waiting on a later page. */
	if (lesson_validate(l, check_set, check_metric, &lc, err, errsz) != 0)
		return (-1);
	return (check_values(l, p, d, err, errsz));
}

struct tutor *
tutor_new(struct lesson *l, const struct params *p, const struct datadir *d,
    char *err, size_t errsz)
{
	struct tutor	*t = xcalloc(1, sizeof *t);

	t->dirs = *d;
	t->lesson = l;
	if (params_is_fqi(p)) {
		if ((t->f = fqi_session_new(p, d, err, errsz)) != NULL)
			fqi_session_map_on(t->f);
	} else if (params_is_dqn(p))
		t->dq = dqn_session_new(p, err, errsz);
	else
		t->s = session_new(p, d, 0, TUTOR_UNDO, err, errsz);
	if (t->s == NULL && t->f == NULL && t->dq == NULL) {
		free(t);
		return (NULL);
	}
	t->checked = xcalloc(l->npages > 0 ? l->npages : 1,
	    sizeof *t->checked);
	t->speed = TUTOR_NSPEEDS - 4;	/* 100 per second */
	t->plan_state = -1;
	/* A cautious guess of full speed until the first slice measures it
	 * (about a quarter of what this machine kind does). */
	t->rate = 5000;
	if (l->npages > 0 && tutor_open_page(t, 0) != 0) {
		snprintf(err, errsz, "%s", t->msg);
		tutor_free(t);
		return (NULL);
	}
	t->msg[0] = '\0';
	return (t);
}

void
tutor_free(struct tutor *t)
{
	if (t == NULL)
		return;
	tutor_fqi_free(t);
	session_free(t->s);
	fqi_session_free(t->f);
	dqn_session_free(t->dq);
	planning_free(t->plan);
	free(t->checked);
	free(t);
}

struct planning *
tutor_plan_get(struct tutor *t, bool *restarted)
{
	if (restarted != NULL)
		*restarted = false;
	if (t->s == NULL)
		return (NULL);
	/* The model the old planner points to went with the old env. */
	if (t->plan != NULL && t->plan_build != t->s->builds) {
		planning_free(t->plan);
		t->plan = NULL;
	}
	if (t->s->env->model == NULL)
		return (NULL);
	if (t->plan == NULL) {
		t->plan = planning_new(t->s->env->model, t->s->p.gamma);
		t->plan_build = t->s->builds;
		t->plan_state = -1;
	} else if (t->plan->gamma != t->s->p.gamma) {
		t->plan->gamma = t->s->p.gamma;
		planning_reset(t->plan);
		if (restarted != NULL)
			*restarted = true;
	}
	t->plan_on = true;
	return (t->plan);
}

const struct planning *
tutor_plan(const struct tutor *t)
{
	if (t->s == NULL || t->plan == NULL || !t->plan_on ||
	    t->plan_build != t->s->builds)
		return (NULL);
	return (t->plan);
}

int
tutor_plan_state(const struct tutor *t)
{
	const struct gridmap	*m;
	int			 s;

	if (t->s == NULL)
		return (0);
	if (t->plan_state >= 0 && t->plan_state < t->s->env->nstates)
		return (t->plan_state);
	if (t->s->env->st.s >= 0)
		return (t->s->env->st.s);
	if ((m = env_grid(t->s->env)) == NULL)
		return (0);
	for (s = 0; s < m->rows * m->cols; s++)
		if (gridmap_at(m, s) == 'S')
			return (s);
	return (0);
}

void
tutor_say(struct tutor *t, bool error, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof t->msg, fmt, ap);
	va_end(ap);
	t->msg_error = error;
}

int
tutor_open_page(struct tutor *t, int n)
{
	const struct lesson_page	*pg;
	struct params			 scratch;
	char				 err[512];
	bool				 reset, any_reset = false;
	int				 i;

	if (n < 0 || n >= t->lesson->npages) {
		tutor_say(t, true, "page %d: the lesson has pages 1 to %d",
		    n + 1, t->lesson->npages);
		return (-1);
	}
	pg = &t->lesson->pages[n];
	/* Check every setting before applying any, so a page opens whole
	 * or not at all. */
	scratch = *tutor_params(t);
	for (i = 0; i < pg->nsets; i++) {
		if (param_set(&scratch, pg->sets[i].name, pg->sets[i].value,
		    err, sizeof err) != 0) {
			tutor_say(t, true, "%s:%d: %s", t->lesson->path,
			    pg->sets[i].line, err);
			return (-1);
		}
	}
	for (i = 0; i < pg->nsets; i++) {
		if (tutor_set(t, pg->sets[i].name, pg->sets[i].value,
		    &reset, err, sizeof err) != 0) {
			tutor_say(t, true, "%s:%d: %s", t->lesson->path,
			    pg->sets[i].line, err);
			return (-1);
		}
		any_reset |= reset;
	}
	t->page = n;
	if (any_reset)
		tutor_say(t, false, "page %d sets %d parameter%s: the agent "
		    "starts again", n + 1, pg->nsets, pg->nsets == 1 ? "" : "s");
	else if (pg->nsets > 0)
		tutor_say(t, false, "page %d sets %d parameter%s", n + 1,
		    pg->nsets, pg->nsets == 1 ? "" : "s");
	return (0);
}

int
tutor_check(struct tutor *t)
{
	const struct lesson_page	*pg = &t->lesson->pages[t->page];
	char				 err[512];
	int				 rc;

	if (pg->check == NULL)
		return (-1);
	if (t->checked[t->page])
		return (1);
	if (t->f != NULL)
		rc = lesson_check_eval(pg->check, metric_lookup_fqi, t->f,
		    err, sizeof err);
	else if (t->dq != NULL)
		rc = lesson_check_eval(pg->check, metric_lookup_dqn, t->dq,
		    err, sizeof err);
	else
		rc = lesson_check_eval(pg->check, metric_lookup, t->s, err,
		    sizeof err);
	if (rc < 0) {
		tutor_say(t, true, "checkpoint: %s", err);
		return (0);
	}
	if (rc == 1) {
		t->checked[t->page] = true;
		tutor_say(t, false, "checkpoint reached: %s", pg->task);
	}
	return (rc);
}

void
tutor_resume(struct tutor *t, const struct progress_entry *e)
{
	int	 k;

	if (e == NULL)
		return;
	for (k = 0; k < t->lesson->npages && k < LESSON_MAX_PAGES; k++)
		t->checked[k] = e->checked[k];
	if (e->page <= 0 || e->page >= t->lesson->npages)
		return;
	/* The pages in between too: their settings are what a learner
	 * paging there would have (page 7 of frozenlake makes ice slippery). */
	for (k = 1; k <= e->page; k++)
		if (tutor_open_page(t, k) != 0)
			return;
	tutor_say(t, false, "welcome back: page %d of %d, where you left it "
	    "(--restart begins again)", e->page + 1, t->lesson->npages);
}

void
tutor_record(const struct tutor *t, struct progress_entry *e)
{
	int	 k;

	e->page = t->page;
	for (k = 0; k < LESSON_MAX_PAGES; k++)
		e->checked[k] = k < t->lesson->npages && t->checked[k];
}

/* Count episodes that ended against a `run N'. */
static void
episodes_ended(struct tutor *t, long n)
{
	if (n <= 0 || t->run_left <= 0)
		return;
	t->run_left -= n < t->run_left ? n : t->run_left;
	if (t->run_left == 0)
		t->running = false;
}

/*
 * Full speed for one slice.  Only the last TUTOR_UNDO transitions can be
 * stepped back, so when a slice does many more, the first part runs as
 * batch mode does (no undo records, the fast loop) and only the tail
 * keeps its history: run mode is then as quick as batch mode.
 */
static void
run_full_speed(struct tutor *t, double budget_ms)
{
	struct session	*s = t->s;
	double		 start = clock_ms();
	long		 before = s->transitions, fast, fast_episodes = 0, i;
	long		 mean_length;

	fast = (long)(t->rate * budget_ms) - TUTOR_UNDO;
	/* A `run N' keeps enough whole episodes at its end for the
	 * history, by the mean episode length so far. */
	if (t->run_left > 0) {
		mean_length = s->episode > 0 ? s->transitions / s->episode :
		    100;
		fast_episodes = t->run_left - TUTOR_UNDO /
		    (mean_length > 0 ? mean_length : 1) - 1;
		if (fast_episodes <= 0)
			fast = 0;
	}
	if (fast > 0)
		episodes_ended(t, session_run_unrecorded(s, fast_episodes,
		    fast));
	while (t->running && clock_ms() - start < budget_ms)
		for (i = 0; i < 256 && t->running; i++)
			episodes_ended(t, session_step(s));
	t->rate = (double)(s->transitions - before) /
	    (clock_ms() - start + 1e-3);
}

long
tutor_steps_due(struct tutor *t, double elapsed_ms)
{
	long	 speed = tutor_speed(t), due;

	if (speed == 0)
		return (-1);
	t->owed += elapsed_ms * (double)speed / 1e3;
	/* After a pause (a resize, a slow frame) do not catch up. */
	if (t->owed > (double)speed / 10 + 1)
		t->owed = (double)speed / 10 + 1;
	due = (long)t->owed;
	t->owed -= (double)due;
	return (due);
}

void
tutor_run_slice(struct tutor *t, double now_ms, double budget_ms)
{
	long	 speed = tutor_speed(t), due, i;
	double	 elapsed = t->last_tick > 0 ? now_ms - t->last_tick : 0;

	if (t->f != NULL) {
		tutor_fqi_run_slice(t, now_ms, budget_ms);
		return;
	}
	if (t->dq != NULL) {
		tutor_dqn_run_slice(t, now_ms, budget_ms);
		return;
	}
	t->last_tick = now_ms;
	if (speed > 0) {
		due = tutor_steps_due(t, elapsed);
		for (i = 0; i < due && t->running; i++)
			episodes_ended(t, session_step(t->s));
	} else
		run_full_speed(t, budget_ms);
	if (!t->running) {
		t->last_tick = 0;
		tutor_say(t, false, "run finished: episode %ld",
		    t->s->episode);
	}
	tutor_check(t);
}

bool
tutor_active(const struct tutor *t)
{
	return (t->running || t->playing || tutor_busy(t));
}

unsigned
tutor_scope(const struct tutor *t)
{
	if (t->f != NULL)
		return (SCOPE_FQI);
	if (t->dq != NULL)
		return (SCOPE_DQN);
	return (SCOPE_TABULAR);
}

const struct params *
tutor_params(const struct tutor *t)
{
	if (t->f != NULL)
		return (&t->f->p);
	if (t->dq != NULL)
		return (&t->dq->p);
	return (&t->s->p);
}

int
tutor_set(struct tutor *t, const char *name, const char *value,
    bool *did_reset, char *err, size_t errsz)
{
	if (t->f != NULL)
		return (fqi_session_set(t->f, name, value, did_reset, err,
		    errsz));
	if (t->dq != NULL)
		return (dqn_session_set(t->dq, name, value, did_reset, err,
		    errsz));
	return (session_set(t->s, name, value, did_reset, err, errsz));
}

long
tutor_builds(const struct tutor *t)
{
	if (t->f != NULL)
		return (t->f->builds);
	if (t->dq != NULL)
		return (t->dq->builds);
	return (t->s->builds);
}

long
tutor_speed(const struct tutor *t)
{
	return (speeds[t->speed]);
}
