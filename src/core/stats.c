/* Per-episode statistics over runs. */
#include <math.h>
#include <stdlib.h>

#include "stats.h"
#include "xmalloc.h"

void
curve_stats_init(struct curve_stats *cs, long n)
{
	cs->n = n;
	cs->count = 0;
	cs->mean = xcalloc(n > 0 ? n : 1, sizeof *cs->mean);
	cs->m2 = xcalloc(n > 0 ? n : 1, sizeof *cs->m2);
}

void
curve_stats_free(struct curve_stats *cs)
{
	free(cs->mean);
	free(cs->m2);
	cs->mean = cs->m2 = NULL;
}

void
curve_stats_add(struct curve_stats *cs, const double *x)
{
	double	 k, d;
	long	 i;

	cs->count++;
	k = (double)cs->count;
	for (i = 0; i < cs->n; i++) {
		d = x[i] - cs->mean[i];
		cs->mean[i] += d / k;
		cs->m2[i] += d * (x[i] - cs->mean[i]);
	}
}

double
curve_stats_std(const struct curve_stats *cs, long i)
{
	if (cs->count < 2)
		return (0.0);
	return (sqrt(cs->m2[i] / (double)(cs->count - 1)));
}

double
stats_tail_mean(const double *x, long n, long last)
{
	double	 sum = 0;
	long	 i, from = n > last ? n - last : 0;

	if (n <= 0)
		return (0.0);
	for (i = from; i < n; i++)
		sum += x[i];
	return (sum / (double)(n - from));
}
