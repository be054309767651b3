/*
 * The network's kernels, compiled for three instruction sets, and the
 * choice among them.
 *
 * Why not __attribute__((target_clones)): the versions want different
 * vector widths and tiles, not only other instructions, and clang 14
 * resolves target_clones("arch=x86-64-v3") by CPU model rather than by
 * feature.  So each version is its own set of functions, compiled with
 * __attribute__((target)), and nn_new() picks one with
 * __builtin_cpu_supports().  The tile sizes fill the register file:
 * 4 x 64 floats in 16 of AVX-512's 32 registers, 4 x 16 in 8 of AVX2's
 * 16, 4 x 8 in 8 of SSE2's 16.
 */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "nn.h"
#include "nn-kernels.h"

/* The longest column the narrow kernel copies out: a layer's inputs. */
#define NNK_MAXK	(NN_MAX_WIDTH + 1)

#define NNK(f)		f##_portable
#define NNK_NAME	"portable"
#define NNK_TARGET
#if defined(__GNUC__)
#define NNK_VW		4
#else
#define NNK_VW		1	/* no vector extensions */
#endif
#define NNK_MB		4
#define NNK_NV		2
#include "nn-kernels-impl.h"
#undef NNK
#undef NNK_NAME
#undef NNK_TARGET
#undef NNK_VW
#undef NNK_MB
#undef NNK_NV

#if defined(__GNUC__) && defined(__x86_64__)
#define NNK_X86 1

#define NNK(f)		f##_avx2
#define NNK_NAME	"avx2"
#define NNK_TARGET	__attribute__((target("avx2,fma")))
#define NNK_VW		8
#define NNK_MB		4
#define NNK_NV		2
#include "nn-kernels-impl.h"
#undef NNK
#undef NNK_NAME
#undef NNK_TARGET
#undef NNK_VW
#undef NNK_MB
#undef NNK_NV

#define NNK(f)		f##_avx512
#define NNK_NAME	"avx512"
#if defined(__clang__)
#define NNK_TARGET	__attribute__((target("avx512f,avx512vl,avx2,fma")))
#else
/* GCC's plain loops would otherwise stop at 256 bits. */
#define NNK_TARGET	__attribute__((target("avx512f,avx512vl,avx2,fma," \
			    "prefer-vector-width=512")))
#endif
#define NNK_VW		16
#define NNK_MB		4
#define NNK_NV		4
#include "nn-kernels-impl.h"
#undef NNK
#undef NNK_NAME
#undef NNK_TARGET
#undef NNK_VW
#undef NNK_MB
#undef NNK_NV
#endif /* __GNUC__ && __x86_64__ */

static int
nnk_runs(const struct nnk *k)
{
#ifdef NNK_X86
	__builtin_cpu_init();
	if (k == &kernels_avx512)
		return (__builtin_cpu_supports("avx512f") &&
		    __builtin_cpu_supports("avx512vl") &&
		    __builtin_cpu_supports("avx2") &&
		    __builtin_cpu_supports("fma"));
	if (k == &kernels_avx2)
		return (__builtin_cpu_supports("avx2") &&
		    __builtin_cpu_supports("fma"));
#endif
	return (k == &kernels_portable);
}

/* Best first. */
static const struct nnk *const nnk_all[] = {
#ifdef NNK_X86
	&kernels_avx512,
	&kernels_avx2,
#endif
	&kernels_portable
};

const struct nnk *
nnk_best(void)
{
	size_t	 i;

	for (i = 0; i < sizeof nnk_all / sizeof nnk_all[0]; i++)
		if (nnk_runs(nnk_all[i]))
			return (nnk_all[i]);
	return (&kernels_portable);
}

const struct nnk *
nnk_named(const char *name)
{
	size_t	 i;

	for (i = 0; i < sizeof nnk_all / sizeof nnk_all[0]; i++)
		if (strcmp(nnk_all[i]->name, name) == 0)
			return (nnk_runs(nnk_all[i]) ? nnk_all[i] : NULL);
	return (NULL);
}
