/*
 * Statistics over runs: a per-episode mean and standard deviation of a
 * curve accumulated run by run (Welford's update, numerically stable).
 */
#ifndef QT_STATS_H
#define QT_STATS_H

struct curve_stats {
	long	 n;		/* points per curve (episodes) */
	long	 count;		/* curves added (runs) */
	double	*mean;		/* (n) */
	double	*m2;		/* (n) sum of squared deviations */
};

void	curve_stats_init(struct curve_stats *, long n);
void	curve_stats_free(struct curve_stats *);
/* Add one run's curve of n values. */
void	curve_stats_add(struct curve_stats *, const double *x);
/* Sample standard deviation at point i (0 with fewer than two curves). */
double	curve_stats_std(const struct curve_stats *, long i);
/* Mean of x[from..n-1]; 0 when empty. */
double	stats_tail_mean(const double *x, long n, long last);

#endif
