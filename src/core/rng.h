/*
 * Seeded random numbers: xoshiro256** seeded through splitmix64.
 *
 * Only integer arithmetic and exactly rounded floating-point operations
 * are used (the normal sampler is a ziggurat with a built-in table), so
 * the same seed gives the same stream on every machine and compiler.
 * The state is a plain value: copying the struct saves it, which is how
 * the session undoes a transition.
 */
#ifndef QT_RNG_H
#define QT_RNG_H

#include <stdint.h>

struct rng {
	uint64_t	s[4];
};

/* Seed from a base seed and a stream number (run r of an experiment). */
void		rng_seed(struct rng *, uint64_t seed, uint64_t stream);
/* The ziggurat from layer i and u in [-1, 1) on: the rare cases, wedges
 * and the tail, are out of line in rng.c. */
double		rng_normal_from(struct rng *, unsigned i, double u);
/* Index i with probability w[i] / sum(w); weights >= 0, sum > 0. */
int		rng_choice(struct rng *, const double *w, int n);
/* The same as a pure function of a coin in [0, 1), for tests. */
int		rng_choice_coin(const double *w, int n, double coin);

/* The generator and its fast paths are inline: learners draw several
 * numbers per transition, and a call each would cost more than the draw. */
static inline uint64_t
rng_rotl(uint64_t x, int k)
{
	return ((x << k) | (x >> (64 - k)));
}

/* xoshiro256** (Blackman and Vigna). */
static inline uint64_t
rng_next(struct rng *r)
{
	uint64_t	*s = r->s;
	uint64_t	 result = rng_rotl(s[1] * 5, 7) * 9;
	uint64_t	 t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rng_rotl(s[3], 45);
	return (result);
}

/* Uniform in [0, 1) with 53 random bits. */
static inline double
rng_uniform(struct rng *r)
{
	/* Through int64_t: a signed conversion is one instruction. */
	return ((double)(int64_t)(rng_next(r) >> 11) * 0x1.0p-53);
}

/* Uniform integer in [0, n), without modulo bias; n > 0. */
static inline uint32_t
rng_below(struct rng *r, uint32_t n)
{
	uint64_t	 m;
	uint32_t	 low, threshold;

	/* Lemire's multiply-and-reject: unbiased, rarely loops. */
	m = (uint64_t)(uint32_t)(rng_next(r) >> 32) * n;
	low = (uint32_t)m;
	if (low < n) {
		threshold = -n % n;
		while (low < threshold) {
			m = (uint64_t)(uint32_t)(rng_next(r) >> 32) * n;
			low = (uint32_t)m;
		}
	}
	return ((uint32_t)(m >> 32));
}

/* Standard normal N(0, 1): a 128-layer ziggurat whose rectangles take
 * 98.8% of draws with one random number, a compare and a multiply. */
extern const double rng_zig_x[129];
extern const double rng_zig_r[128];

static inline double
rng_normal(struct rng *r)
{
	uint64_t	 bits = rng_next(r);
	unsigned	 i = (unsigned)(bits & 127);
	double		 u = (double)(int64_t)(bits >> 11) * 0x1.0p-52 - 1.0;

	if (u < rng_zig_r[i] && u > -rng_zig_r[i])
		return (u * rng_zig_x[i]);
	return (rng_normal_from(r, i, u));
}

/*
 * Two standard normals from one 64-bit draw: each 32-bit half gives a
 * layer (7 bits) and u (25 bits), so values are spaced 2^-24 apart within
 * a layer.  Plenty for exploration noise, at half the cost of two
 * rng_normal() calls.
 */
static inline double
rng_normal_half(struct rng *r, uint32_t half)
{
	unsigned	 i = half & 127;
	double		 u = (double)(int32_t)(half >> 7) * 0x1.0p-24 - 1.0;

	if (u < rng_zig_r[i] && u > -rng_zig_r[i])
		return (u * rng_zig_x[i]);
	return (rng_normal_from(r, i, u));
}

static inline void
rng_normal_pair(struct rng *r, double *a, double *b)
{
	uint64_t	 bits = rng_next(r);

	*a = rng_normal_half(r, (uint32_t)bits);
	*b = rng_normal_half(r, (uint32_t)(bits >> 32));
}

#endif
