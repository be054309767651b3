/* What every environment shares: the time limit and action names. */
#include <stdlib.h>
#include <string.h>

#include "env.h"
#include "tmodel.h"

void
env_reset(struct env *e, struct rng *r)
{
	e->st.t = 0;
	e->ops->reset(e, r);
}

void
env_step(struct env *e, int action, struct rng *r, struct env_step *out)
{
	e->ops->step(e, action, r, out);
	/* Gymnasium's TimeLimit truncates even on the terminating step. */
	e->st.t++;
	out->truncated = e->time_limit > 0 && e->st.t >= e->time_limit;
}

void
env_free(struct env *e)
{
	if (e != NULL)
		e->ops->free(e);
}

void
env_model_step(struct env *e, int action, struct rng *r,
    struct env_step *out)
{
	const struct tm_entry	*o;

	o = tmodel_sample(e->model, e->st.s, action, rng_uniform(r));
	e->st.s = o->next;
	out->s = o->next;
	out->reward = o->reward;
	out->terminated = o->terminated;
	out->truncated = false;
	out->success = o->success;
}

const struct gridmap *
env_grid(const struct env *e)
{
	return (e->ops->grid != NULL ? e->ops->grid(e) : NULL);
}

int
env_action_parse(const struct env *e, const char *s)
{
	char	*end;
	long	 v;
	int	 a;

	for (a = 0; a < e->nactions; a++) {
		if (strcmp(s, e->action_names[a]) == 0)
			return (a);
	}
	v = strtol(s, &end, 10);
	if (*s != '\0' && *end == '\0' && v >= 0 && v < e->nactions)
		return ((int)v);
	return (-1);
}
