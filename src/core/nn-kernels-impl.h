/*
 * The kernels' bodies, not a header of their own: nn-kernels.c includes
 * this file once per instruction set, having defined
 *
 *	NNK(f)		the name of kernel f in this set (f##_avx2)
 *	NNK_TARGET	the attribute that compiles a function for the set
 *	NNK_VW		floats in one vector register
 *	NNK_MB, NNK_NV	the tile of C kept in registers: NNK_MB rows by
 *			NNK_NV vectors
 *
 * The vectors are GCC's (and clang's) vector extensions: a + b on two
 * of them adds lane by lane, s * v multiplies every lane by s.  With
 * NNK_VW 1 (a compiler without them) the product is the textbook loop.
 */

#if NNK_VW > 1

/*
 * The tiles' short loops must unroll for their vectors to stay in
 * registers.  GCC needs telling; clang unrolls them by itself once a
 * tile is inlined with constant sizes, and its pragma would unroll them
 * before, for unknown counts, leaving the tile in memory.
 */
#ifndef NNK_UNROLL
#if defined(__clang__)
#define NNK_UNROLL
#else
#define NNK_UNROLL	_Pragma("GCC unroll 8")
#endif
#endif

typedef float NNK(vec) __attribute__((vector_size(NNK_VW * 4)));
/* The same at any float's address: loads and stores need no alignment. */
typedef float NNK(uvec) __attribute__((vector_size(NNK_VW * 4),
    aligned(4), may_alias));

/*
 * One tile of C += A B, mr rows by nv vectors: the tile stays in
 * registers while p runs along k, and each step loads row p of B's
 * panel once and adds A(i, p) times it into every row i.  That is
 * mr * nv multiply-adds for nv loads and mr broadcasts.  Every call has
 * constant mr and nv, so after inlining the loops unroll and acc lives
 * in registers.
 */
static inline __attribute__((always_inline)) NNK_TARGET void
NNK(tile)(int mr, int nv, int k, const float *restrict a, long ars,
    long acs, const float *restrict b, long ldb, float *restrict c,
    long ldc)
{
	NNK(vec)	 acc[NNK_MB][NNK_NV], bv[NNK_NV];
	float		 s;
	int		 i, v, p;

	NNK_UNROLL
	for (i = 0; i < mr; i++) {
		NNK_UNROLL
		for (v = 0; v < nv; v++)
			acc[i][v] = *(const NNK(uvec) *)(c + i * ldc +
			    v * NNK_VW);
	}
	for (p = 0; p < k; p++) {
		NNK_UNROLL
		for (v = 0; v < nv; v++)
			bv[v] = *(const NNK(uvec) *)(b + p * ldb + v * NNK_VW);
		NNK_UNROLL
		for (i = 0; i < mr; i++) {
			s = a[i * ars + p * acs];
			NNK_UNROLL
			for (v = 0; v < nv; v++)
				acc[i][v] += s * bv[v];
		}
	}
	NNK_UNROLL
	for (i = 0; i < mr; i++) {
		NNK_UNROLL
		for (v = 0; v < nv; v++)
			*(NNK(uvec) *)(c + i * ldc + v * NNK_VW) = acc[i][v];
	}
}

/*
 * Dot products for mr rows of A against one column of B, copied out
 * to bt: partial sums one vector wide, added up lane by lane at the
 * end in a fixed order, then the last k % NNK_VW terms.
 */
static inline __attribute__((always_inline)) NNK_TARGET void
NNK(dots)(int mr, int k, const float *restrict a, long ars,
    const float *restrict bt, float *restrict c, long ldc)
{
	NNK(vec)	 acc[NNK_MB];
	float		 lane[NNK_VW], s;
	int		 i, l, p, w;

	NNK_UNROLL
	for (i = 0; i < mr; i++)
		acc[i] = (NNK(vec)){ 0 };
	for (p = 0; p + NNK_VW <= k; p += NNK_VW) {
		NNK_UNROLL
		for (i = 0; i < mr; i++)
			acc[i] += *(const NNK(uvec) *)(a + i * ars + p) *
			    *(const NNK(uvec) *)(bt + p);
	}
	NNK_UNROLL
	for (i = 0; i < mr; i++) {
		for (l = 0; l < NNK_VW; l++)
			lane[l] = acc[i][l];
		for (w = NNK_VW / 2; w > 0; w /= 2)
			for (l = 0; l < w; l++)
				lane[l] += lane[l + w];
		s = lane[0];
		for (l = p; l < k; l++)
			s += a[i * ars + l] * bt[l];
		c[i * ldc] += s;
	}
}

/*
 * The last n < NNK_VW columns of C += A B.  Too narrow for a vector
 * across columns (a Q-network's output layer is 2 wide), so each is a
 * column of dot products along k, with B's column copied out so that
 * both operands are contiguous.  A transposed view of A (acs != 1) has
 * no contiguous rows: that case is plain scalar code, and only tests'
 * odd sizes meet it.
 */
static NNK_TARGET void
NNK(narrow)(int m, int n, int k, const float *restrict a, long ars,
    long acs, const float *restrict b, long ldb, float *restrict c,
    long ldc)
{
	float	 bt[NNK_MAXK], s;
	int	 i, j, p;

	if (acs != 1 || k > NNK_MAXK) {
		for (i = 0; i < m; i++)
			for (j = 0; j < n; j++) {
				s = c[i * ldc + j];
				for (p = 0; p < k; p++)
					s += a[i * ars + p * acs] *
					    b[p * ldb + j];
				c[i * ldc + j] = s;
			}
		return;
	}
	for (j = 0; j < n; j++) {
		for (p = 0; p < k; p++)
			bt[p] = b[p * ldb + j];
		for (i = 0; i + NNK_MB <= m; i += NNK_MB)
			NNK(dots)(NNK_MB, k, a + i * ars, ars, bt,
			    c + i * ldc + j, ldc);
		for (; i < m; i++)
			NNK(dots)(1, k, a + i * ars, ars, bt, c + i * ldc + j,
			    ldc);
	}
}

/*
 * C += A B by panels of columns: as wide as a tile, then one vector
 * wide, then what is left.  Within a panel, tiles of NNK_MB rows and
 * then single rows; every C(i, j) gets the same operations in the same
 * order whichever kind of tile holds it, so a row's result does not
 * depend on the rows around it.
 */
static NNK_TARGET void
NNK(gemm)(int m, int n, int k, const float *restrict a, long ars,
    long acs, const float *restrict b, long ldb, float *restrict c,
    long ldc)
{
	int	 i, j = 0;

	for (; j + NNK_NV * NNK_VW <= n; j += NNK_NV * NNK_VW) {
		for (i = 0; i + NNK_MB <= m; i += NNK_MB)
			NNK(tile)(NNK_MB, NNK_NV, k, a + i * ars, ars, acs,
			    b + j, ldb, c + i * ldc + j, ldc);
		for (; i < m; i++)
			NNK(tile)(1, NNK_NV, k, a + i * ars, ars, acs, b + j,
			    ldb, c + i * ldc + j, ldc);
	}
	for (; j + NNK_VW <= n; j += NNK_VW) {
		for (i = 0; i + NNK_MB <= m; i += NNK_MB)
			NNK(tile)(NNK_MB, 1, k, a + i * ars, ars, acs, b + j,
			    ldb, c + i * ldc + j, ldc);
		for (; i < m; i++)
			NNK(tile)(1, 1, k, a + i * ars, ars, acs, b + j, ldb,
			    c + i * ldc + j, ldc);
	}
	if (j < n)
		NNK(narrow)(m, n - j, k, a, ars, acs, b + j, ldb, c + j, ldc);
}

#else /* NNK_VW == 1 */

static void
NNK(gemm)(int m, int n, int k, const float *restrict a, long ars,
    long acs, const float *restrict b, long ldb, float *restrict c,
    long ldc)
{
	float	 s;
	int	 i, j, p;

	for (i = 0; i < m; i++)
		for (j = 0; j < n; j++) {
			s = c[i * ldc + j];
			for (p = 0; p < k; p++)
				s += a[i * ars + p * acs] * b[p * ldb + j];
			c[i * ldc + j] = s;
		}
}

#endif /* NNK_VW */

/* Plain loops from here on: the compiler vectorises them for the set. */
static NNK_TARGET void
NNK(fill_rows)(float *restrict y, const float *restrict b, int m, int n)
{
	int	 i, j;

	for (i = 0; i < m; i++)
		for (j = 0; j < n; j++)
			y[(size_t)i * n + j] = b[j];
}

static NNK_TARGET void
NNK(relu)(float *restrict y, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		y[i] = y[i] < 0 ? 0 : y[i];
}

static NNK_TARGET void
NNK(relu_grad)(float *restrict dx, const float *restrict y, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		dx[i] = y[i] > 0 ? dx[i] : 0;
}

static NNK_TARGET void
NNK(colsum)(float *restrict db, const float *restrict d, int m, int n)
{
	int	 i, j;

	for (i = 0; i < m; i++)
		for (j = 0; j < n; j++)
			db[j] += d[(size_t)i * n + j];
}

/* Row by row of t: strided reads, contiguous writes (faster here than
 * blocks). */
static NNK_TARGET void
NNK(transpose)(float *restrict t, const float *restrict s, int rows,
    int cols, int add)
{
	int	 i, j;

	for (j = 0; j < cols; j++)
		for (i = 0; i < rows; i++) {
			if (add)
				t[(size_t)j * rows + i] += s[(size_t)i * cols + j];
			else
				t[(size_t)j * rows + i] = s[(size_t)i * cols + j];
		}
}

static NNK_TARGET void
NNK(adam)(float *restrict w, float *restrict m, float *restrict v,
    const float *restrict g, size_t n, const struct nnk_adam *h)
{
	float	 b1 = h->beta1, b2 = h->beta2, c1 = h->c1, c2 = h->c2;
	float	 eps = h->eps, step = h->step, rs = h->rsqrt_bc2;
	size_t	 i;

	for (i = 0; i < n; i++) {
		m[i] = b1 * m[i] + c1 * g[i];
		v[i] = b2 * v[i] + c2 * g[i] * g[i];
		w[i] -= step * m[i] / (sqrtf(v[i]) * rs + eps);
	}
}

/* Eight running sums, so that the loop vectorises without reordering
 * any one sum. */
static NNK_TARGET double
NNK(sumsq)(const float *restrict x, size_t n)
{
	double	 acc[8] = { 0 }, s = 0;
	size_t	 i = 0;
	int	 l;

	for (; i + 8 <= n; i += 8)
		for (l = 0; l < 8; l++)
			acc[l] += (double)x[i + l] * x[i + l];
	for (; i < n; i++)
		s += (double)x[i] * x[i];
	for (l = 0; l < 8; l++)
		s += acc[l];
	return (s);
}

static const struct nnk NNK(kernels) = {
	NNK_NAME, NNK_VW, NNK(gemm), NNK(fill_rows), NNK(relu),
	NNK(relu_grad), NNK(colsum), NNK(transpose), NNK(adam), NNK(sumsq)
};
