/*
 * xoshiro256** (Blackman and Vigna) seeded with splitmix64, plus the
 * samplers the learners need.  See rng.h for the determinism promise.
 */
#include <math.h>
#include <stdint.h>

#include "rng.h"
#include "ziggurat.h"

const double rng_zig_x[129] = ZIG_X_INIT;
const double rng_zig_r[128] = ZIG_R_INIT;

static uint64_t	splitmix64(uint64_t *);
static double	normal_tail(struct rng *, int);

static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t	 z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return (z ^ (z >> 31));
}

void
rng_seed(struct rng *r, uint64_t seed, uint64_t stream)
{
	uint64_t	 x = seed;
	int		 i;

	/* Mix the stream in so that runs 0, 1, 2... are unrelated. */
	x ^= splitmix64(&(uint64_t){ stream ^ 0x5851f42d4c957f2dULL });
	for (i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

/* Marsaglia's tail method beyond ZIG_R (about 0.03% of draws). */
static double
normal_tail(struct rng *r, int negative)
{
	double	 x, y;

	do {
		x = log(1.0 - rng_uniform(r)) / ZIG_R;
		y = log(1.0 - rng_uniform(r));
	} while (-2.0 * y < x * x);
	return (negative ? x - ZIG_R : ZIG_R - x);
}

/*
 * The ziggurat (Doornik 2005, ZIGNOR).  A draw gives the layer i and u
 * in [-1, 1).  rng_normal() in rng.h takes the rectangle case inline;
 * this is the whole loop, continued from a draw already made.
 */
double
rng_normal_from(struct rng *r, unsigned i, double u)
{
	uint64_t	 bits;
	double		 x, f0, f1;

	for (;;) {
		if (fabs(u) < rng_zig_r[i])
			return (u * rng_zig_x[i]);
		if (i == 0)
			return (normal_tail(r, u < 0));
		x = u * rng_zig_x[i];
		f0 = exp(-0.5 * (rng_zig_x[i] * rng_zig_x[i] - x * x));
		f1 = exp(-0.5 * (rng_zig_x[i + 1] * rng_zig_x[i + 1] - x * x));
		if (f1 + rng_uniform(r) * (f0 - f1) < 1.0)
			return (x);
		bits = rng_next(r);
		i = (unsigned)(bits & (ZIG_LAYERS - 1));
		u = (double)(int64_t)(bits >> 11) * 0x1.0p-52 - 1.0;
	}
}

int
rng_choice_coin(const double *w, int n, double coin)
{
	double	 total = 0, acc = 0;
	int	 i, last = -1;

	for (i = 0; i < n; i++)
		total += w[i];
	coin *= total;
	for (i = 0; i < n; i++) {
		if (w[i] <= 0)
			continue;
		last = i;
		acc += w[i];
		if (coin < acc)
			return (i);
	}
	/* Rounding left the coin past the last positive weight. */
	return (last < 0 ? 0 : last);
}

int
rng_choice(struct rng *r, const double *w, int n)
{
	return (rng_choice_coin(w, n, rng_uniform(r)));
}
