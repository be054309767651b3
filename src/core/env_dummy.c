/* The MDP tutorial's toy environment: uniform next states, reward 1. */
#include <stdio.h>
#include <stdlib.h>

#include "env_dummy.h"
#include "tmodel.h"
#include "xmalloc.h"

static void		 dummy_reset(struct env *, struct rng *);
static void		 dummy_free(struct env *);

static const struct env_ops dummy_ops = {
	.name = "dummy",
	.model_step = true,
	.reset = dummy_reset,
	.step = env_model_step,
	.free = dummy_free,
	.grid = NULL,
};

/* Names "0", "1", ...: env_action_parse reads them as numbers too. */
static const char *const dummy_action_names[] = {
	"0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
	"10", "11", "12", "13", "14", "15", "16", "17", "18", "19",
	"20", "21", "22", "23", "24", "25", "26", "27", "28", "29",
	"30", "31", "32", "33", "34", "35", "36", "37", "38", "39",
	"40", "41", "42", "43", "44", "45", "46", "47", "48", "49",
	"50", "51", "52", "53", "54", "55", "56", "57", "58", "59",
	"60", "61", "62", "63", "64", "65", "66", "67", "68", "69",
	"70", "71", "72", "73", "74", "75", "76", "77", "78", "79",
	"80", "81", "82", "83", "84", "85", "86", "87", "88", "89",
	"90", "91", "92", "93", "94", "95", "96", "97", "98", "99"
};
#define DUMMY_MAX_ACTIONS \
	((int)(sizeof dummy_action_names / sizeof dummy_action_names[0]))

struct env *
dummy_new(int nstates, int nactions, char *err, size_t errsz)
{
	struct env	*e;
	struct tmodel	*t;
	int		 s, a, next;

	if (nstates < 1 || nactions < 1 || nactions > DUMMY_MAX_ACTIONS) {
		snprintf(err, errsz, "dummy: %d states and %d actions: need "
		    "at least 1 of each and at most %d actions", nstates,
		    nactions, DUMMY_MAX_ACTIONS);
		return (NULL);
	}
	if ((long)nstates * nstates * nactions > DUMMY_MAX_OUTCOMES) {
		snprintf(err, errsz, "dummy: %d states and %d actions make "
		    "%ld outcomes (states x actions x states), more than %ld; "
		    "use fewer states or actions", nstates, nactions,
		    (long)nstates * nstates * nactions, DUMMY_MAX_OUTCOMES);
		return (NULL);
	}
	t = tmodel_new(nstates, nactions, nstates * nactions * nstates);
	for (s = 0; s < nstates; s++)
		for (a = 0; a < nactions; a++)
			for (next = 0; next < nstates; next++)
				tmodel_add(t, s, a, 1.0 / nstates, next, 1.0,
				    false, false);
	tmodel_done(t);
	for (s = 0; s < nstates; s++)
		t->start[s] = 1.0 / nstates;
	e = xcalloc(1, sizeof *e);
	e->ops = &dummy_ops;
	e->nstates = nstates;
	e->nactions = nactions;
	e->obs_dim = 0;
	e->time_limit = e->default_time_limit = DUMMY_TIME_LIMIT;
	e->action_names = dummy_action_names;
	e->model = t;
	e->impl = t;
	e->st.s = -1;
	return (e);
}

static void
dummy_reset(struct env *e, struct rng *r)
{
	e->st.s = (int)rng_below(r, (uint32_t)e->nstates);
}

static void
dummy_free(struct env *e)
{
	tmodel_free(e->impl);
	free(e);
}
