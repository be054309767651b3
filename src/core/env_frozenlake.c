/* FrozenLake-v1: the map becomes a transition model, sampled per step. */
#include <stdlib.h>
#include <string.h>

#include "env_frozenlake.h"
#include "tmodel.h"
#include "xmalloc.h"

struct frozenlake {
	struct gridmap	 map;
	struct tmodel	*model;
	int		 only_start;	/* the start state, or -1 if several */
};

static void		 fl_reset(struct env *, struct rng *);
static void		 fl_free(struct env *);

static const struct env_ops frozenlake_ops = {
	.name = "frozenlake",
	.model_step = true,
	.reset = fl_reset,
	.step = env_model_step,
	.free = fl_free,
	.grid = frozenlake_map,
};

static const char *const fl_action_names[FL_NACTIONS] = {
	"left", "down", "right", "up"
};

/* Where action a leads from (row, col): Gymnasium's inc(). */
static int
fl_move(const struct gridmap *m, int row, int col, int a)
{
	switch (a) {
	case FL_LEFT:
		col = col > 0 ? col - 1 : 0;
		break;
	case FL_DOWN:
		row = row < m->rows - 1 ? row + 1 : m->rows - 1;
		break;
	case FL_RIGHT:
		col = col < m->cols - 1 ? col + 1 : m->cols - 1;
		break;
	case FL_UP:
		row = row > 0 ? row - 1 : 0;
		break;
	}
	return (row * m->cols + col);
}

static void
fl_add_move(struct tmodel *t, const struct gridmap *m, int s, int a, int b,
    double p)
{
	int	 next = fl_move(m, s / m->cols, s % m->cols, b);
	char	 c = gridmap_at(m, next);

	tmodel_add(t, s, a, p, next, c == 'G' ? 1.0 : 0.0,
	    c == 'G' || c == 'H', c == 'G');
}

static struct tmodel *
fl_build_model(const struct gridmap *m, bool slippery, double success_rate)
{
	int		 ns = m->rows * m->cols, s, a, b, starts = 0;
	struct tmodel	*t = tmodel_new(ns, FL_NACTIONS, ns * FL_NACTIONS * 3);
	char		 c;

	for (s = 0; s < ns; s++) {
		c = gridmap_at(m, s);
		for (a = 0; a < FL_NACTIONS; a++) {
			if (c == 'G' || c == 'H') {
				/* Terminal: Gymnasium lists a self-loop. */
				tmodel_add(t, s, a, 1.0, s, 0.0, true, false);
			} else if (!slippery) {
				fl_add_move(t, m, s, a, a, 1.0);
			} else {
				/* Order (a - 1) % 4, a, (a + 1) % 4. */
				for (b = a + 3; b <= a + 5; b++) {
					fl_add_move(t, m, s, a, b % 4,
					    b % 4 == a ? success_rate :
					    (1.0 - success_rate) / 2.0);
				}
			}
		}
		starts += c == 'S';
	}
	tmodel_done(t);
	for (s = 0; s < ns; s++)
		t->start[s] = gridmap_at(m, s) == 'S' ? 1.0 / starts : 0.0;
	return (t);
}

static int
single_start(const struct gridmap *m)
{
	int	 s, found = -1;

	for (s = 0; s < m->rows * m->cols; s++) {
		if (gridmap_at(m, s) != 'S')
			continue;
		if (found >= 0)
			return (-1);
		found = s;
	}
	return (found);
}

int
frozenlake_time_limit(const struct gridmap *m)
{
	return (m->rows == 8 && m->cols == 8 &&
	    strcmp(m->name, "8x8") == 0 ? 200 : 100);
}

struct env *
frozenlake_new(const struct gridmap *m, bool slippery, double success_rate)
{
	struct env		*e = xcalloc(1, sizeof *e);
	struct frozenlake	*fl = xcalloc(1, sizeof *fl);

	fl->map = *m;
	fl->model = fl_build_model(m, slippery, success_rate);
	fl->only_start = single_start(m);
	e->ops = &frozenlake_ops;
	e->nstates = m->rows * m->cols;
	e->nactions = FL_NACTIONS;
	e->obs_dim = 0;
	e->time_limit = e->default_time_limit = frozenlake_time_limit(m);
	e->action_names = fl_action_names;
	e->model = fl->model;
	e->impl = fl;
	e->st.s = -1;
	return (e);
}

const struct gridmap *
frozenlake_map(const struct env *e)
{
	return (&((const struct frozenlake *)e->impl)->map);
}

static void
fl_reset(struct env *e, struct rng *r)
{
	const struct frozenlake	*fl = e->impl;

	/* Most maps have one start: no draw needed, and none is made. */
	e->st.s = fl->only_start >= 0 ? fl->only_start :
	    rng_choice(r, fl->model->start, fl->model->nstates);
}

static void
fl_free(struct env *e)
{
	struct frozenlake	*fl = e->impl;

	tmodel_free(fl->model);
	free(fl);
	free(e);
}
