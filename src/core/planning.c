/* Policy evaluation and value iteration on a known model. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "planning.h"
#include "xmalloc.h"

static double	 backup_q(const struct tmodel *, const double *v, double gamma,
		     int s, int a);
static double	 finish_sweep(struct planning *);
static int	 solve(struct planning *, const double *pi, double theta,
		     long max_sweeps);
static double	 success_dp(const struct tmodel *, const double *pi,
		     int steps, double *per_state);

/*
 * Q(s,a) = sum p * (r + gamma * V(s') * [not terminated]), the outcomes
 * in the model's order.  Every backup here goes through this function,
 * so the sweep and the backup record agree to the last bit.
 */
static double
backup_q(const struct tmodel *m, const double *v, double gamma, int s, int a)
{
	const struct tm_entry	*e;
	double			 q = 0;
	int			 i, n;

	e = tmodel_outcomes(m, s, a, &n);
	for (i = 0; i < n; i++)
		q += e[i].prob * (e[i].reward +
		    (e[i].terminated ? 0.0 : gamma * v[e[i].next]));
	return (q);
}

struct planning *
planning_new(const struct tmodel *m, double gamma)
{
	struct planning	*p;
	size_t		 ns = (size_t)m->nstates, na = (size_t)m->nactions;
	double		*block;

	/* The struct, then v (S), v_old (S) and q (S, A). */
	p = xcalloc(1, sizeof *p + (2 * ns + ns * na) * sizeof (double));
	block = (double *)(p + 1);
	p->model = m;
	p->nstates = m->nstates;
	p->nactions = m->nactions;
	p->gamma = gamma;
	p->v = block;
	p->v_old = block + ns;
	p->q = block + 2 * ns;
	p->delta = INFINITY;
	return (p);
}

void
planning_free(struct planning *p)
{
	free(p);
}

void
planning_reset(struct planning *p)
{
	size_t	 ns = (size_t)p->nstates;

	memset(p->v, 0, ns * sizeof *p->v);
	memset(p->v_old, 0, ns * sizeof *p->v_old);
	memset(p->q, 0, ns * (size_t)p->nactions * sizeof *p->q);
	p->sweeps = 0;
	p->delta = INFINITY;
}

double
planning_q(const struct planning *p, int s, int a)
{
	return (backup_q(p->model, p->v, p->gamma, s, a));
}

/* After a sweep wrote v_old: swap so that v holds the new values, and
 * measure the largest change. */
static double
finish_sweep(struct planning *p)
{
	double	*t = p->v, d = 0;
	int	 s;

	p->v = p->v_old;
	p->v_old = t;
	for (s = 0; s < p->nstates; s++)
		d = fmax(d, fabs(p->v[s] - p->v_old[s]));
	p->sweeps++;
	p->delta = d;
	return (d);
}

double
planning_sweep_optimal(struct planning *p)
{
	double	*q, best;
	int	 s, a, A = p->nactions;

	/* Reads v, writes the new values into v_old, then swaps. */
	for (s = 0; s < p->nstates; s++) {
		q = p->q + (size_t)s * A;
		best = -INFINITY;
		for (a = 0; a < A; a++) {
			q[a] = backup_q(p->model, p->v, p->gamma, s, a);
			best = fmax(best, q[a]);
		}
		p->v_old[s] = A > 0 ? best : 0;
	}
	return (finish_sweep(p));
}

double
planning_sweep_policy(struct planning *p, const double *pi)
{
	double	*q, sum;
	int	 s, a, A = p->nactions;

	for (s = 0; s < p->nstates; s++) {
		q = p->q + (size_t)s * A;
		sum = 0;
		for (a = 0; a < A; a++) {
			q[a] = backup_q(p->model, p->v, p->gamma, s, a);
			sum += pi[(size_t)s * A + a] * q[a];
		}
		p->v_old[s] = sum;
	}
	return (finish_sweep(p));
}

void
planning_update_q(struct planning *p)
{
	int	 s, a, A = p->nactions;

	for (s = 0; s < p->nstates; s++)
		for (a = 0; a < A; a++)
			p->q[(size_t)s * A + a] = backup_q(p->model, p->v,
			    p->gamma, s, a);
}

static int
solve(struct planning *p, const double *pi, double theta, long max_sweeps)
{
	long	 n;
	double	 d = INFINITY;

	for (n = 0; n < max_sweeps; n++) {
		d = pi == NULL ? planning_sweep_optimal(p) :
		    planning_sweep_policy(p, pi);
		if (d < theta)
			break;
	}
	planning_update_q(p);
	return (d < theta ? 0 : -1);
}

int
planning_value_iteration(struct planning *p, double theta, long max_sweeps)
{
	return (solve(p, NULL, theta, max_sweeps));
}

int
planning_evaluate(struct planning *p, const double *pi, double theta,
    long max_sweeps)
{
	return (solve(p, pi, theta, max_sweeps));
}

void
planning_greedy(const struct planning *p, int *action)
{
	const double	*q;
	int		 s, a, best;

	for (s = 0; s < p->nstates; s++) {
		q = p->q + (size_t)s * p->nactions;
		best = 0;
		for (a = 1; a < p->nactions; a++)
			if (q[a] > q[best])
				best = a;
		action[s] = best;
	}
}

void
planning_policy_random(double *pi, int nstates, int nactions)
{
	size_t	 i, n = (size_t)nstates * nactions;

	for (i = 0; i < n; i++)
		pi[i] = 1.0 / nactions;
}

void
planning_policy_deterministic(double *pi, const int *action, int nstates,
    int nactions)
{
	int	 s;

	memset(pi, 0, (size_t)nstates * nactions * sizeof *pi);
	for (s = 0; s < nstates; s++)
		pi[(size_t)s * nactions + action[s]] = 1.0;
}

int
planning_backup(const struct planning *p, int s, const double *pi,
    struct planning_backup *b, char *err, size_t errsz)
{
	const struct tm_entry	*e;
	struct planning_outcome	*o;
	int			 a, i, n, k = 0, A = p->nactions;

	if (A > PLANNING_BACKUP_ACTIONS) {
		snprintf(err, errsz, "backup: %d actions, the record holds %d",
		    A, PLANNING_BACKUP_ACTIONS);
		return (-1);
	}
	memset(b, 0, sizeof *b);
	b->s = s;
	b->gamma = p->gamma;
	b->optimal = pi == NULL;
	b->nactions = A;
	b->v_old = p->v[s];
	b->v_new = pi == NULL ? -INFINITY : 0;
	for (a = 0; a < A; a++) {
		e = tmodel_outcomes(p->model, s, a, &n);
		if (k + n > PLANNING_BACKUP_OUTCOMES) {
			snprintf(err, errsz, "backup: state %d has more than %d "
			    "outcomes", s, PLANNING_BACKUP_OUTCOMES);
			return (-1);
		}
		b->first[a] = k;
		for (i = 0; i < n; i++, k++) {
			o = &b->out[k];
			o->prob = e[i].prob;
			o->next = e[i].next;
			o->reward = e[i].reward;
			o->terminated = e[i].terminated;
			o->v_next = p->v[e[i].next];
		}
		b->q[a] = backup_q(p->model, p->v, p->gamma, s, a);
		b->pi[a] = pi == NULL ? 0 : pi[(size_t)s * A + a];
		if (b->q[a] > b->q[b->best])
			b->best = a;
		if (pi == NULL)
			b->v_new = fmax(b->v_new, b->q[a]);
		else
			b->v_new += b->pi[a] * b->q[a];
	}
	b->first[A] = k;
	if (pi == NULL)
		b->pi[b->best] = 1;
	if (A == 0)
		b->v_new = 0;
	return (0);
}

/*
 * P_k(s), the probability of a success within k steps from s:
 *   P_0(s) = 0,
 *   P_k(s) = sum_a pi(a|s) sum p * ([success] + [neither] * P_{k-1}(s'))
 * where "neither" is an outcome that neither succeeds nor terminates;
 * with pi NULL, the sum over actions is a max instead.  Without a
 * limit (steps <= 0), P_k is iterated until it settles.
 */
static double
success_dp(const struct tmodel *m, const double *pi, int steps,
    double *per_state)
{
	const struct tm_entry	*e;
	double			*prev, *cur, *t, qa, v, d, total = 0;
	int			 s, a, i, n, S = m->nstates, A = m->nactions;
	long			 k, last = steps > 0 ? steps :
				     PLANNING_MAX_SWEEPS;

	prev = xcalloc((size_t)S, sizeof *prev);
	cur = xcalloc((size_t)S, sizeof *cur);
	for (k = 1; k <= last; k++) {
		d = 0;
		for (s = 0; s < S; s++) {
			v = 0;
			for (a = 0; a < A; a++) {
				e = tmodel_outcomes(m, s, a, &n);
				qa = 0;
				for (i = 0; i < n; i++)
					qa += e[i].prob * (e[i].success ? 1.0 :
					    e[i].terminated ? 0.0 :
					    prev[e[i].next]);
				if (pi == NULL)
					v = fmax(v, qa);
				else
					v += pi[(size_t)s * A + a] * qa;
			}
			cur[s] = v;
			d = fmax(d, fabs(v - prev[s]));
		}
		t = prev;
		prev = cur;
		cur = t;
		/* Without a limit: until the probabilities stop changing
		 * (they rise from 0 and settle within rounding). */
		if (steps <= 0 && d == 0)
			break;
	}
	for (s = 0; s < S; s++)
		total += m->start[s] * prev[s];
	if (per_state != NULL)
		memcpy(per_state, prev, (size_t)S * sizeof *prev);
	free(prev);
	free(cur);
	return (total);
}

double
planning_success(const struct tmodel *m, const double *pi, int steps,
    double *per_state)
{
	return (success_dp(m, pi, steps, per_state));
}

double
planning_success_best(const struct tmodel *m, int steps, double *per_state)
{
	return (success_dp(m, NULL, steps, per_state));
}

void
planning_acting_states(const struct tmodel *m, bool *acts)
{
	const struct tm_entry	*e;
	int			*stack, top = 0, s, a, i, n;

	stack = xcalloc((size_t)m->nstates, sizeof *stack);
	for (s = 0; s < m->nstates; s++) {
		acts[s] = m->start[s] > 0;
		if (acts[s])
			stack[top++] = s;
	}
	while (top > 0) {
		s = stack[--top];
		for (a = 0; a < m->nactions; a++) {
			e = tmodel_outcomes(m, s, a, &n);
			for (i = 0; i < n; i++) {
				if (e[i].terminated || e[i].prob <= 0 ||
				    acts[e[i].next])
					continue;
				acts[e[i].next] = true;
				stack[top++] = e[i].next;
			}
		}
	}
	free(stack);
}

int
planning_greedy_path(const struct tmodel *m, const double *q, int start,
    int *states, int max, int *reaches)
{
	const struct tm_entry	*e, *likely;
	int			 n = 0, s = start, a, b, k, nout, seen;

	*reaches = 0;
	while (n < max) {
		states[n++] = s;
		for (a = 0, b = 1; b < m->nactions; b++)
			if (q[(size_t)s * m->nactions + b] >
			    q[(size_t)s * m->nactions + a])
				a = b;
		e = tmodel_outcomes(m, s, a, &nout);
		for (likely = e, k = 1; k < nout; k++)
			if (e[k].prob > likely->prob)
				likely = &e[k];
		if (likely->terminated) {
			*reaches = likely->success;
			if (n < max)
				states[n++] = likely->next;
			return (n);
		}
		for (seen = 0, k = 0; k < n; k++)
			seen |= states[k] == likely->next;
		if (seen)
			return (n);
		s = likely->next;
	}
	return (n);
}
