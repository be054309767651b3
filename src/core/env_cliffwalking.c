/* CliffWalking-v1: the grid becomes a transition model, sampled per step. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "env_cliffwalking.h"
#include "tmodel.h"
#include "xmalloc.h"

struct cliffwalking {
	struct gridmap	 map;
	struct tmodel	*model;
};

static void		 cw_reset(struct env *, struct rng *);
static void		 cw_free(struct env *);

static const struct env_ops cliffwalking_ops = {
	.name = "cliffwalking",
	.model_step = true,
	.reset = cw_reset,
	.step = env_model_step,
	.free = cw_free,
	.grid = cliffwalking_map,
};

static const char *const cw_action_names[CW_NACTIONS] = {
	"up", "right", "down", "left"
};

/* Gymnasium's POSITION_MAPPING: (row, col) deltas of each action. */
static const int cw_delta[CW_NACTIONS][2] = {
	{ -1, 0 }, { 0, 1 }, { 1, 0 }, { 0, -1 }
};

static bool
is_cliff(int row, int col)
{
	return (row == CW_ROWS - 1 && col >= 1 && col <= CW_COLS - 2);
}

/* One outcome of moving from s in direction b: Gymnasium's
 * _calculate_transition_prob for one delta. */
static void
cw_add_move(struct tmodel *t, int s, int a, int b, double p)
{
	int	 row = s / CW_COLS + cw_delta[b][0];
	int	 col = s % CW_COLS + cw_delta[b][1];
	int	 next;

	/* _limit_coordinates: the walls hold the agent in. */
	row = row < 0 ? 0 : row > CW_ROWS - 1 ? CW_ROWS - 1 : row;
	col = col < 0 ? 0 : col > CW_COLS - 1 ? CW_COLS - 1 : col;
	next = row * CW_COLS + col;
	if (is_cliff(row, col))
		tmodel_add(t, s, a, p, CW_START, -100.0, false, false);
	else
		tmodel_add(t, s, a, p, next, -1.0, next == CW_GOAL,
		    next == CW_GOAL);
}

/*
 * Every cell gets its rows, the goal's and the cliff's too, computed as
 * for any other cell: Gymnasium lists them so, though the agent never
 * acts there (an episode ends on the goal, the cliff sends it back).
 */
static struct tmodel *
cw_build_model(bool slippery)
{
	int		 ns = CW_ROWS * CW_COLS, s, a, b;
	struct tmodel	*t = tmodel_new(ns, CW_NACTIONS, ns * CW_NACTIONS * 3);

	for (s = 0; s < ns; s++) {
		for (a = 0; a < CW_NACTIONS; a++) {
			if (!slippery) {
				cw_add_move(t, s, a, a, 1.0);
				continue;
			}
			/* Order (a - 1) % 4, a, (a + 1) % 4, each 1 / 3. */
			for (b = a + 3; b <= a + 5; b++)
				cw_add_move(t, s, a, b % 4, 1.0 / 3.0);
		}
	}
	tmodel_done(t);
	t->start[CW_START] = 1.0;
	return (t);
}

static void
cw_build_map(struct gridmap *m)
{
	int	 row, col;
	char	 c;

	memset(m, 0, sizeof *m);
	m->rows = CW_ROWS;
	m->cols = CW_COLS;
	for (row = 0; row < CW_ROWS; row++) {
		for (col = 0; col < CW_COLS; col++) {
			if (row * CW_COLS + col == CW_START)
				c = 'S';
			else if (row * CW_COLS + col == CW_GOAL)
				c = 'G';
			else if (is_cliff(row, col))
				c = 'C';
			else
				c = 'F';
			m->cell[row][col] = c;
		}
		m->cell[row][CW_COLS] = '\0';
	}
	snprintf(m->name, sizeof m->name, "cliff");
}

struct env *
cliffwalking_new(bool slippery)
{
	struct env		*e = xcalloc(1, sizeof *e);
	struct cliffwalking	*cw = xcalloc(1, sizeof *cw);

	cw_build_map(&cw->map);
	cw->model = cw_build_model(slippery);
	e->ops = &cliffwalking_ops;
	e->nstates = CW_ROWS * CW_COLS;
	e->nactions = CW_NACTIONS;
	e->obs_dim = 0;
	/* Gymnasium registers CliffWalking-v1 without max_episode_steps. */
	e->time_limit = e->default_time_limit = 0;
	e->action_names = cw_action_names;
	e->model = cw->model;
	e->impl = cw;
	e->st.s = -1;
	return (e);
}

const struct gridmap *
cliffwalking_map(const struct env *e)
{
	return (&((const struct cliffwalking *)e->impl)->map);
}

static void
cw_reset(struct env *e, struct rng *r)
{
	/* One start: no draw needed, and none is made. */
	(void)r;
	e->st.s = CW_START;
}

static void
cw_free(struct env *e)
{
	struct cliffwalking	*cw = e->impl;

	tmodel_free(cw->model);
	free(cw);
	free(e);
}
