/* Creating agents by name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent.h"
#include "tabular.h"
#include "xmalloc.h"

static const struct agent_ops *const agent_kinds[] = {
	&qlearning_ops,
	&sarsa_ops,
	&expected_sarsa_ops,
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
	ag = xcalloc(1, sizeof *ag);
	ag->ops = *k;
	ag->nstates = nstates;
	ag->nactions = nactions;
	ag->cfg = *cfg;
	ag->table = xcalloc((size_t)nstates * nactions, sizeof *ag->table);
	agent_clear(ag);
	return (ag);
}

void
agent_free(struct agent *ag)
{
	if (ag == NULL)
		return;
	free(ag->table);
	free(ag);
}

void
agent_clear(struct agent *ag)
{
	memset(ag->table, 0, (size_t)ag->nstates * ag->nactions *
	    sizeof *ag->table);
	ag->rec.kind = RECORD_NONE;
	ag->pending = -1;
	ag->pending_explored = false;
}
