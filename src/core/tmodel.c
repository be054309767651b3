/* Tabular transition models. */
#include <assert.h>
#include <stdlib.h>

#include "tmodel.h"
#include "xmalloc.h"

struct tmodel *
tmodel_new(int nstates, int nactions, int max_entries)
{
	struct tmodel	*m = xcalloc(1, sizeof *m);

	m->nstates = nstates;
	m->nactions = nactions;
	m->first = xcalloc((size_t)nstates * nactions + 1, sizeof *m->first);
	m->entries = xcalloc(max_entries, sizeof *m->entries);
	m->start = xcalloc(nstates, sizeof *m->start);
	return (m);
}

void
tmodel_free(struct tmodel *m)
{
	if (m == NULL)
		return;
	free(m->first);
	free(m->entries);
	free(m->start);
	free(m);
}

void
tmodel_add(struct tmodel *m, int s, int a, double prob, int next,
    double reward, bool terminated, bool success)
{
	int		 k = s * m->nactions + a;
	struct tm_entry	*e = &m->entries[m->nentries];

	assert(k >= m->filled);
	/* Lists of the pairs skipped since the last call are empty. */
	while (m->filled < k)
		m->first[++m->filled] = m->nentries;
	e->prob = prob;
	e->next = next;
	e->reward = reward;
	e->terminated = terminated;
	e->success = success;
	m->nentries++;
}

void
tmodel_done(struct tmodel *m)
{
	while (m->filled < m->nstates * m->nactions)
		m->first[++m->filled] = m->nentries;
}

const struct tm_entry *
tmodel_outcomes(const struct tmodel *m, int s, int a, int *n)
{
	int	 k = s * m->nactions + a;

	*n = m->first[k + 1] - m->first[k];
	return (&m->entries[m->first[k]]);
}
