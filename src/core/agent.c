/* Creating agents by name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent.h"
#include "ps.h"
#include "tabular.h"
#include "xmalloc.h"

static const struct agent_ops *const agent_kinds[] = {
	&qlearning_ops,
	&sarsa_ops,
	&expected_sarsa_ops,
	&ps_ops,
	NULL
};

struct agent *
agent_new(const char *kind, int nstates, int nactions,
    const struct agent_config *cfg, char *err, size_t errsz)
{
	const struct agent_ops	*const *k;
	struct agent		*ag;

	for (k = agent_kinds; *k != NULL; k++) {
		if (strcmp((*k)->name, kind) == 0)
			break;
	}
	if (*k == NULL) {
		snprintf(err, errsz, "agent: unknown kind '%s'", kind);
		return (NULL);
	}
	if (nstates <= 0) {
		snprintf(err, errsz, "agent: %s needs a tabular environment",
		    kind);
		return (NULL);
	}
	if ((*k)->has_glow && nactions > PS_MAX_ACTIONS) {
		snprintf(err, errsz, "agent: %s takes at most %d actions, "
		    "not %d", kind, PS_MAX_ACTIONS, nactions);
		return (NULL);
	}
	ag = xcalloc(1, sizeof *ag);
	ag->ops = *k;
	ag->nstates = nstates;
	ag->nactions = nactions;
	ag->cfg = *cfg;
	ag->table = xcalloc((size_t)nstates * nactions, sizeof *ag->table);
	if (ag->ops->has_glow)
		ag->glow = xcalloc((size_t)nstates * nactions,
		    sizeof *ag->glow);
	agent_clear(ag);
	return (ag);
}

void
agent_free(struct agent *ag)
{
	if (ag == NULL)
		return;
	free(ag->table);
	free(ag->glow);
	free(ag);
}

void
agent_clear(struct agent *ag)
{
	size_t	 n = (size_t)ag->nstates * ag->nactions;

	if (ag->ops->clear != NULL)
		ag->ops->clear(ag);
	else
		memset(ag->table, 0, n * sizeof *ag->table);
	if (ag->glow != NULL)
		memset(ag->glow, 0, n * sizeof *ag->glow);
	ag->rec.kind = RECORD_NONE;
	ag->pending = -1;
	ag->pending_explored = false;
}

size_t
agent_undo_entries(const struct agent *ag)
{
	if (ag->ops->undo_entries == NULL)
		return (1);
	return (ag->ops->undo_entries(ag->nstates, ag->nactions));
}
