/* One running experiment: stepping, episodes, undo and settings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "env_cartpole.h"
#include "env_cliffwalking.h"
#include "env_dummy.h"
#include "env_frozenlake.h"
#include "gridmap.h"
#include "session.h"
#include "stats.h"
#include "tabular.h"
#include "tmodel.h"
#include "xmalloc.h"

/* Entries of undo per frame that a table learner needs on average; the
 * journal holds this many per frame before it drops old frames early.
 * A learner that writes more per transition (projective simulation: up
 * to 2 S A + 1) gets what it needs, within UNDO_MAX_BYTES of entries:
 * 4x4 keeps all 10000 transitions of the screen's history, 8x8 at least
 * 8176 (more when fewer edges change). */
#define UNDO_ENTRIES_PER_FRAME 4
#define UNDO_MAX_BYTES (64UL * 1024 * 1024)
#define UNDO_ENTRY_BYTES (sizeof (double *) + sizeof (double))

/* Everything besides the learner's table that one transition changes. */
struct undo_frame {
	struct rng		 rng;
	struct env_state	 env;
	long			 episode;
	long			 step;
	long			 transitions;
	double			 ep_reward;
	struct session_return	 ret;
	bool			 in_episode;
	long			 logged;
	struct session_last	 last;
	struct update_record	 rec;
	int			 pending;	/* the agent's next action */
	bool			 pending_explored;
};

/* Stream numbers of the evaluation runs, apart from the training ones. */
#define EVAL_STREAM_BASE 0x8000000000000000ULL
/* Steps after which a greedy evaluation episode is cut short when the
 * environment has no time limit (CliffWalking-v1): a greedy policy that
 * walks into a wall forever would otherwise never end. */
#define EVAL_MAX_STEPS 10000

static void	log_append(struct episode_log *, double, double, double);
static void	end_episode(struct session *, bool);
static void	apply_live(struct session *);

/* The return of a new episode: nothing yet, the next term undiscounted. */
static inline void
return_start(struct session_return *r)
{
	memset(r, 0, sizeof *r);
	r->discount = 1;
}

/* One step's reward, discounted by gamma^t; gamma is then the one in
 * force for this step, and the next term's discount is one gamma more. */
static inline void
return_add(struct session_return *r, double reward, double gamma)
{
	r->prev = r->g;
	r->last_discount = r->discount;
	r->last_reward = reward;
	if (r->n < SESSION_RETURN_TERMS) {
		r->first_discount[r->n] = r->discount;
		r->first_reward[r->n] = reward;
	}
	r->g += r->discount * reward;
	r->discount *= gamma;
	r->n++;
}

struct env *
session_make_env(const struct params *p, const struct datadir *d, char *err,
    size_t errsz)
{
	struct gridmap	 map;
	char		 path[DATADIR_PATH_MAX];
	const char	*name = params_env(p);
	struct env	*e;

	if (strcmp(name, "cliffwalking") == 0)
		return (cliffwalking_new(p->slippery));
	if (strcmp(name, "cartpole") == 0)
		return (cartpole_new());
	if (strcmp(name, "dummy") == 0)
		return (dummy_new((int)p->states, (int)p->actions, err,
		    errsz));
	if (gridmap_builtin(&map, p->map) != 0) {
		if (datadir_map_path(d, p->map, path, sizeof path, err,
		    errsz) != 0)
			return (NULL);
		if (gridmap_load(&map, path, err, errsz) != 0)
			return (NULL);
	}
	e = frozenlake_new(&map, p->slippery, p->success_rate);
	return (e);
}

static struct agent_config
agent_config_of(const struct params *p)
{
	struct agent_config	 c;

	c.alpha = p->alpha;
	c.gamma = p->gamma;
	c.epsilon = p->epsilon;
	c.policy = (enum policy_kind)p->policy;
	c.ps_gamma = p->ps_gamma;
	c.eta = p->eta;
	c.beta = p->beta;
	c.ps_policy = p->ps_policy;
	return (c);
}

/* The settings that change without a rebuild. */
static void
apply_live(struct session *s)
{
	s->agent->cfg = agent_config_of(&s->p);
	s->env->time_limit = s->p.max_steps > 0 ? (int)s->p.max_steps :
	    s->env->default_time_limit;
}

/* Build env and agent for parameters p; on error s is untouched. */
static int
build(struct session *s, const struct params *p, char *err, size_t errsz)
{
	struct env		*env;
	struct agent		*agent;
	struct agent_config	 cfg = agent_config_of(p);

	if (strcmp(params_agent(p), "fqi") == 0) {
		snprintf(err, errsz, "agent fqi is not tabular: it runs on "
		    "env cartpole, as in the fqi lesson");
		return (-1);
	}
	if ((env = session_make_env(p, &s->dirs, err, errsz)) == NULL)
		return (-1);
	if (env->nstates == 0) {
		snprintf(err, errsz, "%s learns a table, and %s's states are "
		    "continuous: use agent fqi", params_agent(p),
		    params_env(p));
		env_free(env);
		return (-1);
	}
	agent = agent_new(params_agent(p), env->nstates, env->nactions, &cfg,
	    err, errsz);
	if (agent == NULL) {
		env_free(env);
		return (-1);
	}
	env_free(s->env);
	agent_free(s->agent);
	s->env = env;
	s->agent = agent;
	s->builds++;
	s->p = *p;
	apply_live(s);
	return (0);
}

/* A journal sized for the agent's writes per transition: frames of
 * history as asked, entries for them within UNDO_MAX_BYTES. */
static void
size_journal(struct session *s)
{
	size_t	 per = agent_undo_entries(s->agent), entries;

	s->undo_entries = per;
	journal_free(s->journal);
	s->journal = NULL;
	if (s->undo_frames == 0)
		return;
	if (per < UNDO_ENTRIES_PER_FRAME)
		per = UNDO_ENTRIES_PER_FRAME;
	entries = s->undo_frames * per;
	if (entries > UNDO_MAX_BYTES / UNDO_ENTRY_BYTES)
		entries = UNDO_MAX_BYTES / UNDO_ENTRY_BYTES;
	s->journal = journal_new(s->undo_frames, entries,
	    sizeof (struct undo_frame));
}

struct session *
session_new(const struct params *p, const struct datadir *d, uint64_t stream,
    size_t undo_frames, char *err, size_t errsz)
{
	struct session	*s = xcalloc(1, sizeof *s);

	s->dirs = *d;
	s->stream = stream;
	if (build(s, p, err, errsz) != 0) {
		free(s);
		return (NULL);
	}
	s->undo_frames = undo_frames;
	size_journal(s);
	session_reset(s);
	return (s);
}

void
session_free(struct session *s)
{
	if (s == NULL)
		return;
	env_free(s->env);
	agent_free(s->agent);
	journal_free(s->journal);
	free(s->log.reward);
	free(s->log.steps);
	free(s->log.success);
	free(s);
}

void
session_reset(struct session *s)
{
	agent_clear(s->agent);
	rng_seed(&s->rng, (uint64_t)s->p.seed, s->stream);
	s->episode = 0;
	s->step = 0;
	s->transitions = 0;
	s->ep_reward = 0;
	return_start(&s->ret);
	s->in_episode = false;
	s->log.n = 0;
	s->last.valid = false;
	s->env->st.s = -1;
	s->env->st.t = 0;
	if (s->journal != NULL)
		journal_clear(s->journal);
}

static void
log_append(struct episode_log *log, double reward, double steps,
    double success)
{
	if (log->n == log->cap) {
		log->cap = log->cap > 0 ? log->cap * 2 : 1024;
		log->reward = xreallocarray(log->reward, log->cap,
		    sizeof *log->reward);
		log->steps = xreallocarray(log->steps, log->cap,
		    sizeof *log->steps);
		log->success = xreallocarray(log->success, log->cap,
		    sizeof *log->success);
	}
	log->reward[log->n] = reward;
	log->steps[log->n] = steps;
	log->success[log->n] = success;
	log->n++;
}

static void
save_frame(struct session *s)
{
	struct undo_frame	*f = journal_begin(s->journal);

	f->rng = s->rng;
	f->env = s->env->st;
	f->episode = s->episode;
	f->step = s->step;
	f->transitions = s->transitions;
	f->ep_reward = s->ep_reward;
	f->ret = s->ret;
	f->in_episode = s->in_episode;
	f->logged = s->log.n;
	f->last = s->last;
	f->rec = s->agent->rec;
	f->pending = s->agent->pending;
	f->pending_explored = s->agent->pending_explored;
}

int
session_step(struct session *s)
{
	struct policy_choice	 c;
	struct env_step		 out;
	int			 state;

	if (s->journal != NULL)
		save_frame(s);
	if (!s->in_episode) {
		env_reset(s->env, &s->rng);
		s->step = 0;
		s->ep_reward = 0;
		return_start(&s->ret);
		s->in_episode = true;
		if (s->agent->ops->episode_start != NULL)
			s->agent->ops->episode_start(s->agent, s->journal);
	}
	state = s->env->st.s;
	c = s->agent->ops->act(s->agent, state, s->episode, &s->rng);
	env_step(s->env, c.action, &s->rng, &out);
	s->agent->ops->learn(s->agent, state, c.action, c.explored, &out,
	    s->episode, &s->rng, s->journal);
	s->step++;
	s->transitions++;
	s->ep_reward += out.reward;
	return_add(&s->ret, out.reward, s->agent->cfg.gamma);
	s->last.valid = true;
	s->last.s = state;
	s->last.a = c.action;
	s->last.explored = c.explored;
	s->last.step = out;
	if (!out.terminated && !out.truncated)
		return (0);
	end_episode(s, out.success);
	return (1);
}

void
session_finish_episode(struct session *s)
{
	while (session_step(s) == 0)
		;
}

static void
end_episode(struct session *s, bool success)
{
	log_append(&s->log, s->ep_reward, (double)s->step,
	    success ? 1.0 : 0.0);
	s->episode++;
	s->in_episode = false;
}

/*
 * session_step() repeated, for the common batch case: Q-learning on an
 * environment whose steps sample its transition model, without undo.
 * The same draws in the same order give the same results bit for bit
 * (the tests compare the two paths); the difference is that the random
 * state lives in a local variable, so that with every call inlined it
 * stays in registers, which makes batch runs about twice as fast.
 */
static long
run_qlearning_on_model(struct session *s, long episodes,
    long max_transitions)
{
	struct agent		*ag = s->agent;
	struct env		*env = s->env;
	const struct tmodel	*m = env->model;
	const struct agent_config cfg = ag->cfg;
	const int		 limit = env->time_limit;
	double			*q = ag->table;
	const int		 na = ag->nactions;
	struct rng		 rng = s->rng, reset_rng;
	struct session_return	 ret = s->ret;
	struct td_record	 rec;
	struct env_step		 st;
	const struct tm_entry	*o;
	struct policy_choice	 c = { 0, 0 };
	long			 ended = 0, taken = 0, step = s->step;
	double			 ep_reward = s->ep_reward;
	int			 state = env->st.s, t = env->st.t;
	bool			 ends;

	/* Counters live in locals too: a store to the table may alias any
	 * double, so fields of s would be reloaded on every step. */
	while ((episodes <= 0 || ended < episodes) &&
	    (max_transitions <= 0 || taken < max_transitions)) {
		if (!s->in_episode) {
			/* A copy, so that rng's address never escapes. */
			reset_rng = rng;
			env_reset(env, &reset_rng);
			rng = reset_rng;
			state = env->st.s;
			t = 0;
			step = 0;
			ep_reward = 0;
			return_start(&ret);
			s->in_episode = true;
		}
		c = policy_select(cfg.policy, q + (size_t)state * na, na,
		    cfg.epsilon, s->episode, &rng);
		o = tmodel_sample(m, state, c.action, rng_uniform(&rng));
		t++;
		/* The end test reads locals: two flag stores read back as
		 * one 16-bit load would stall store forwarding every step. */
		ends = o->terminated | (limit > 0 && t >= limit);
		st.s = o->next;
		st.reward = o->reward;
		st.terminated = o->terminated;
		st.truncated = limit > 0 && t >= limit;
		st.success = o->success;
		qlearning_compute(q, na, state, c.action, &st, cfg.alpha,
		    cfg.gamma, &rec);
		q[(size_t)state * na + c.action] = rec.q_new;
		step++;
		taken++;
		ep_reward += st.reward;
		return_add(&ret, st.reward, cfg.gamma);
		if (ends) {
			s->step = step;
			s->ep_reward = ep_reward;
			env->st.s = o->next;
			env->st.t = t;
			end_episode(s, st.success);
			ended++;
		}
		state = o->next;
	}
	s->rng = rng;
	s->step = step;
	s->ep_reward = ep_reward;
	s->ret = ret;
	s->transitions += taken;
	env->st.s = state;
	env->st.t = t;
	if (taken > 0) {
		ag->rec.kind = RECORD_TD;
		ag->rec.u.td = rec;
		ag->rec.u.td.explored = c.explored;
		s->last.valid = true;
		s->last.s = rec.s;
		s->last.a = c.action;
		s->last.explored = c.explored;
		s->last.step = st;
	}
	return (ended);
}

long
session_run(struct session *s, long episodes, long max_transitions)
{
	long	 ended = 0, taken = 0;

	/* Q-learning only: SARSA keeps a pending action and Expected SARSA
	 * another target, so they take session_step(). */
	if (s->journal == NULL && s->agent->ops == &qlearning_ops &&
	    s->env->ops->model_step)
		return (run_qlearning_on_model(s, episodes, max_transitions));
	while ((episodes <= 0 || ended < episodes) &&
	    (max_transitions <= 0 || taken < max_transitions)) {
		ended += session_step(s);
		taken++;
	}
	return (ended);
}

long
session_run_unrecorded(struct session *s, long episodes,
    long max_transitions)
{
	struct journal	*j = s->journal;
	long		 ended;

	if (j != NULL)
		journal_clear(j);
	s->journal = NULL;
	ended = session_run(s, episodes, max_transitions);
	s->journal = j;
	return (ended);
}

int
session_back(struct session *s)
{
	const struct undo_frame	*f;

	if (s->journal == NULL || (f = journal_undo(s->journal)) == NULL)
		return (-1);
	s->rng = f->rng;
	s->env->st = f->env;
	s->episode = f->episode;
	s->step = f->step;
	s->transitions = f->transitions;
	s->ep_reward = f->ep_reward;
	s->ret = f->ret;
	s->in_episode = f->in_episode;
	s->log.n = f->logged;
	s->last = f->last;
	s->agent->rec = f->rec;
	s->agent->pending = f->pending;
	s->agent->pending_explored = f->pending_explored;
	return (0);
}

size_t
session_history(const struct session *s)
{
	return (s->journal != NULL ? journal_frames(s->journal) : 0);
}

int
session_set(struct session *s, const char *name, const char *value,
    bool *did_reset, char *err, size_t errsz)
{
	struct params		 next = s->p;
	const struct param	*t;

	*did_reset = false;
	if (param_set(&next, name, value, err, errsz) != 0)
		return (-1);
	t = param_find(name);
	if (!param_applies(name, SCOPE_TABULAR)) {
		snprintf(err, errsz, "%s does not apply to %s: it is a "
		    "setting of %s", name, params_agent(&s->p),
		    param_applies(name, SCOPE_FQI) ? "fitted Q-iteration "
		    "(qtutor --lesson fqi)" : "DQN (qtutor --lesson dqn)");
		return (-1);
	}
	/* Setting a value it already has changes nothing: opening a page
	 * again must not throw away what was learned. */
	if (params_same(&s->p, &next, t))
		return (0);
	if (t->effect == PE_RESET) {
		if (build(s, &next, err, errsz) != 0)
			return (-1);
		if (s->journal != NULL &&
		    agent_undo_entries(s->agent) != s->undo_entries)
			size_journal(s);
		session_reset(s);
		*did_reset = true;
		return (0);
	}
	s->p = next;
	apply_live(s);
	return (0);
}

struct eval_result
session_evaluate(const struct session *s, long episodes)
{
	struct eval_result	 res = { episodes, 0, 0, 0 };
	struct env		*env = s->env;
	struct env_state	 saved = env->st;
	struct env_step		 out;
	struct rng		 rng;
	struct agent		*ag = s->agent;
	long			 i;
	int			 a, limit = env->time_limit;

	if (episodes <= 0)
		return (res);
	/* The session's own environment, its state put back afterwards:
	 * building a fresh one for every run cost more than the episodes. */
	env->time_limit = limit > 0 ? limit : EVAL_MAX_STEPS;
	rng_seed(&rng, (uint64_t)s->p.seed, EVAL_STREAM_BASE + s->stream);
	for (i = 0; i < episodes; i++) {
		env_reset(env, &rng);
		do {
			a = ag->ops->greedy(ag, env->st.s, &rng);
			env_step(env, a, &rng, &out);
			res.reward += out.reward;
			res.steps++;
		} while (!out.terminated && !out.truncated);
		res.success += out.success;
	}
	env->st = saved;
	env->time_limit = limit;
	res.success /= (double)episodes;
	res.reward /= (double)episodes;
	res.steps /= (double)episodes;
	return (res);
}

double
session_tail_mean(const struct session *s, const double *x, long last)
{
	return (stats_tail_mean(x, s->log.n, last));
}
