/*
 * Going back over DQN's steps.  A step can change every weight, Adam's
 * moments, the target network, one slot of the replay buffer, the
 * random state and the environment; the learner is small (4,610 weights
 * by default), so the history simply keeps all of that, for the steps
 * taken one at a time (the `step' command and SPACE).  Run mode keeps
 * none: after it, there is nothing to go back over.
 *
 * Prioritized replay is the exception: a gradient step rewrites the
 * priorities of 64 sampled transitions, so with it there is no going
 * back.
 */
#include <stdlib.h>
#include <string.h>

#include "dqn-history.h"
#include "xmalloc.h"

struct dqn_snapshot {
	float		*online, *target, *best, *m, *v;
	long		 adam_t;
	double		 best_mean;
	struct rng	 rng;
	struct env_state env;
	long		 step, updates, episodes, nreturns, nlosses, nevals;
	long		 first_solved;
	double		 ep_return;
	bool		 diverged;
	struct dqn_act	 last_act;
	struct dqn_update last_update;
	/* The replay slot the step overwrote, and the buffer's counters. */
	long		 size, next;
	float		 s[ENV_OBS_MAX], s2[ENV_OBS_MAX], r;
	int		 a;
	bool		 terminated;
	/* The session's flags. */
	bool		 updated;
};

static void
copy_floats(float **dst, const float *src, size_t n)
{
	if (*dst == NULL)
		*dst = xreallocarray(NULL, n, sizeof **dst);
	memcpy(*dst, src, n * sizeof **dst);
}

static void
snap_free(struct dqn_snapshot *s)
{
	free(s->online);
	free(s->target);
	free(s->best);
	free(s->m);
	free(s->v);
	memset(s, 0, sizeof *s);
}

void
dqn_history_clear(struct dqn_history *h)
{
	h->n = 0;
	h->head = 0;
}

void
dqn_history_free(struct dqn_history *h)
{
	int	 i;

	if (h->snap != NULL)
		for (i = 0; i < DQN_HISTORY; i++)
			snap_free(&h->snap[i]);
	free(h->snap);
	h->snap = NULL;
	dqn_history_clear(h);
}

bool
dqn_history_possible(const struct dqn *q)
{
	return (!q->cfg.prioritized);
}

void
dqn_history_save(struct dqn_history *h, const struct dqn *q, bool updated)
{
	struct dqn_snapshot	*s;
	const struct replay	*b = q->buf;
	size_t			 np = q->online->nparams, d = (size_t)b->d;

	if (h->snap == NULL)
		h->snap = xcalloc(DQN_HISTORY, sizeof *h->snap);
	s = &h->snap[h->head];
	/* A network of another size since the last snapshot. */
	if (h->np != np) {
		dqn_history_free(h);
		h->snap = xcalloc(DQN_HISTORY, sizeof *h->snap);
		s = &h->snap[0];
		h->np = np;
	}
	copy_floats(&s->online, q->online->params, np);
	copy_floats(&s->target, q->target->params, np);
	if (q->best != NULL)
		copy_floats(&s->best, q->best->params, np);
	copy_floats(&s->m, q->adam->m, np);
	copy_floats(&s->v, q->adam->v, np);
	s->adam_t = q->adam->t;
	s->best_mean = q->best_mean;
	s->rng = q->rng;
	s->env = q->env->st;
	s->step = q->step;
	s->updates = q->updates;
	s->episodes = q->episodes;
	s->nreturns = q->nreturns;
	s->nlosses = q->nlosses;
	s->nevals = q->nevals;
	s->first_solved = q->first_solved;
	s->ep_return = q->ep_return;
	s->diverged = q->diverged;
	s->last_act = q->last_act;
	s->last_update = q->last_update;
	s->size = b->size;
	s->next = b->next;
	if (b->next < b->size) {
		memcpy(s->s, b->s + b->next * d, d * sizeof *s->s);
		memcpy(s->s2, b->s2 + b->next * d, d * sizeof *s->s2);
		s->r = b->r[b->next];
		s->a = b->a[b->next];
		s->terminated = b->terminated[b->next];
	}
	s->updated = updated;
	h->head = (h->head + 1) % DQN_HISTORY;
	if (h->n < DQN_HISTORY)
		h->n++;
}

int
dqn_history_back(struct dqn_history *h, struct dqn *q, bool *updated)
{
	struct dqn_snapshot	*s;
	struct replay		*b = q->buf;
	size_t			 np = q->online->nparams, d = (size_t)b->d;

	if (h->n == 0)
		return (-1);
	h->head = (h->head + DQN_HISTORY - 1) % DQN_HISTORY;
	h->n--;
	s = &h->snap[h->head];
	memcpy(q->online->params, s->online, np * sizeof(float));
	memcpy(q->target->params, s->target, np * sizeof(float));
	if (q->best != NULL)
		memcpy(q->best->params, s->best, np * sizeof(float));
	memcpy(q->adam->m, s->m, np * sizeof(float));
	memcpy(q->adam->v, s->v, np * sizeof(float));
	q->adam->t = s->adam_t;
	q->best_mean = s->best_mean;
	q->rng = s->rng;
	q->env->st = s->env;
	q->step = s->step;
	q->updates = s->updates;
	q->episodes = s->episodes;
	q->nreturns = s->nreturns;
	q->nlosses = s->nlosses;
	q->nevals = s->nevals;
	q->first_solved = s->first_solved;
	q->ep_return = s->ep_return;
	q->diverged = s->diverged;
	q->last_act = s->last_act;
	q->last_update = s->last_update;
	if (s->next < s->size) {
		memcpy(b->s + s->next * d, s->s, d * sizeof *s->s);
		memcpy(b->s2 + s->next * d, s->s2, d * sizeof *s->s2);
		b->r[s->next] = s->r;
		b->a[s->next] = s->a;
		b->terminated[s->next] = s->terminated;
	}
	b->size = s->size;
	b->next = s->next;
	*updated = s->updated;
	return (0);
}
