/* Metrics that checkpoints test. */
#include <stdio.h>
#include <string.h>

#include "dqn-session.h"
#include "fqi-session.h"
#include "stats.h"
#include "metric.h"
#include "param.h"

#define TAIL 100

enum metric_kind {
	M_SUCCESS_TAIL, M_REWARD_TAIL, M_STEPS_TAIL, M_EPISODES, M_GREEDY,
	/* Fitted Q-iteration's: of the last iteration. */
	M_ITERATIONS, M_EVAL_MEAN, M_EVAL_STD, M_R2, M_PLAYED,
	M_PLAYED_RETURN,
	/* DQN's. */
	M_STEPS_DONE, M_UPDATES, M_SOLVED_STEP, M_BEST_EVAL
};

static const struct metric {
	const char		*name;
	enum metric_kind	 kind;
	int			 indexed;
} metrics[] = {
	{ "success_last100", M_SUCCESS_TAIL, 0 },
	{ "reward_last100", M_REWARD_TAIL, 0 },
	{ "steps_last100", M_STEPS_TAIL, 0 },
	{ "episodes_done", M_EPISODES, 0 },
	{ "greedy", M_GREEDY, 1 },
	{ "iterations_done", M_ITERATIONS, 0 },
	{ "eval_mean", M_EVAL_MEAN, 0 },
	{ "eval_std", M_EVAL_STD, 0 },
	{ "r2", M_R2, 0 },
	{ "played", M_PLAYED, 0 },
	{ "played_return", M_PLAYED_RETURN, 0 },
	{ "steps_done", M_STEPS_DONE, 0 },
	{ "updates", M_UPDATES, 0 },
	{ "solved_step", M_SOLVED_STEP, 0 },
	{ "best_eval", M_BEST_EVAL, 0 },
	{ NULL, 0, 0 }
};

static const struct metric *
find_metric(const char *name)
{
	const struct metric	*m;

	for (m = metrics; m->name != NULL; m++)
		if (strcmp(m->name, name) == 0)
			return (m);
	return (NULL);
}

int
metric_check(const char *name, int index, char *err, size_t errsz)
{
	const struct metric	*m = find_metric(name);

	if (m == NULL && param_find(name) == NULL) {
		snprintf(err, errsz, "unknown metric '%s'", name);
		return (-1);
	}
	if ((m != NULL && m->indexed) != (index >= 0)) {
		snprintf(err, errsz, index >= 0 ? "%s takes no index" :
		    "%s needs a state, e.g. %s(0)", name, name);
		return (-1);
	}
	return (0);
}

static int
param_value(const struct params *p, const char *name, const char *word,
    double *out, char *err, size_t errsz)
{
	const struct param	*t = param_find(name);
	struct params		 scratch = *p;

	/* A word is read as a value of the parameter: "noisy" for policy. */
	if (word != NULL) {
		if (t->type != P_CHOICE && t->type != P_BOOL) {
			snprintf(err, errsz, "%s: '%s' is not a number", name,
			    word);
			return (-1);
		}
		if (param_set(&scratch, name, word, err, errsz) != 0)
			return (-1);
	}
	if (param_number(&scratch, t, out) != 0) {
		snprintf(err, errsz, "%s is text, not a number", name);
		return (-1);
	}
	return (0);
}

static int
greedy_value(const struct session *s, int state, const char *word,
    double *out, char *err, size_t errsz)
{
	const double	*q;
	int		 a, best = 0;

	if (word != NULL) {
		if ((a = env_action_parse(s->env, word)) < 0) {
			snprintf(err, errsz, "greedy: '%s' is not an action",
			    word);
			return (-1);
		}
		*out = a;
		return (0);
	}
	if (state >= s->agent->nstates) {
		snprintf(err, errsz, "greedy(%d): no such state", state);
		return (-1);
	}
	/* The first best action: a check must not depend on a coin. */
	q = s->agent->table + (size_t)state * s->agent->nactions;
	for (a = 1; a < s->agent->nactions; a++)
		if (q[a] > q[best])
			best = a;
	*out = best;
	return (0);
}

int
metric_lookup(void *ctx, const char *name, int index, const char *word,
    double *out, char *err, size_t errsz)
{
	const struct session	*s = ctx;
	const struct metric	*m;

	if (metric_check(name, index, err, errsz) != 0)
		return (-1);
	if ((m = find_metric(name)) == NULL)
		return (param_value(&s->p, name, word, out, err, errsz));
	if (word != NULL && m->kind != M_GREEDY) {
		snprintf(err, errsz, "%s: '%s' is not a number", name, word);
		return (-1);
	}
	switch (m->kind) {
	case M_SUCCESS_TAIL:
		*out = session_tail_mean(s, s->log.success, TAIL);
		break;
	case M_REWARD_TAIL:
		*out = session_tail_mean(s, s->log.reward, TAIL);
		break;
	case M_STEPS_TAIL:
		*out = session_tail_mean(s, s->log.steps, TAIL);
		break;
	case M_EPISODES:
		*out = (double)s->log.n;
		break;
	case M_GREEDY:
		return (greedy_value(s, index, word, out, err, errsz));
	default:
		snprintf(err, errsz, "%s is not a figure of agent %s", name,
		    params_agent(&s->p));
		return (-1);
	}
	return (0);
}

int
metric_lookup_fqi(void *ctx, const char *name, int index, const char *word,
    double *out, char *err, size_t errsz)
{
	const struct fqi_session	*fs = ctx;
	const struct fqi		*f = fs->fqi;
	const struct fqi_iteration	*it;
	const struct metric		*m;

	if (metric_check(name, index, err, errsz) != 0)
		return (-1);
	if ((m = find_metric(name)) == NULL)
		return (param_value(&fs->p, name, word, out, err, errsz));
	if (word != NULL) {
		snprintf(err, errsz, "%s: '%s' is not a number", name, word);
		return (-1);
	}
	it = f->done > 0 ? &f->hist[f->done - 1] : NULL;
	switch (m->kind) {
	case M_ITERATIONS:
		*out = f->done;
		break;
	case M_EVAL_MEAN:
		*out = it != NULL ? it->eval_mean : 0;
		break;
	case M_EVAL_STD:
		*out = it != NULL ? it->eval_std : 0;
		break;
	case M_R2:
		*out = it != NULL ? it->r2 : 0;
		break;
	case M_PLAYED:
		*out = (double)fs->play_episodes;
		break;
	case M_PLAYED_RETURN:
		*out = fs->last_return;
		break;
	default:
		snprintf(err, errsz, "%s is not a figure of agent fqi", name);
		return (-1);
	}
	return (0);
}

int
metric_lookup_dqn(void *ctx, const char *name, int index, const char *word,
    double *out, char *err, size_t errsz)
{
	const struct dqn_session	*ds = ctx;
	const struct dqn		*q = ds->q;
	const struct dqn_eval		*ev;
	const struct metric		*m;

	if (metric_check(name, index, err, errsz) != 0)
		return (-1);
	if ((m = find_metric(name)) == NULL)
		return (param_value(&ds->p, name, word, out, err, errsz));
	if (word != NULL) {
		snprintf(err, errsz, "%s: '%s' is not a number", name, word);
		return (-1);
	}
	ev = q->nevals > 0 ? &q->evals[q->nevals - 1] : NULL;
	switch (m->kind) {
	case M_EPISODES:
		*out = (double)q->episodes;
		break;
	case M_REWARD_TAIL:
		*out = stats_tail_mean(q->returns, q->nreturns, TAIL);
		break;
	case M_STEPS_DONE:
		*out = (double)q->step;
		break;
	case M_UPDATES:
		*out = (double)q->updates;
		break;
	case M_SOLVED_STEP:
		*out = (double)q->first_solved;
		break;
	case M_BEST_EVAL:
		*out = dqn_best_eval(q);
		break;
	case M_EVAL_MEAN:
		*out = ev != NULL ? ev->mean : 0;
		break;
	case M_EVAL_STD:
		*out = ev != NULL ? ev->std : 0;
		break;
	default:
		snprintf(err, errsz, "%s is not a figure of agent dqn", name);
		return (-1);
	}
	return (0);
}
