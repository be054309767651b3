/*
 * --solve: value iteration on the environment's transition model, then
 * the optimal values as CSV, the greedy policy and its probability of
 * success within the time limit, as text.
 */
#ifndef QT_SOLVE_H
#define QT_SOLVE_H

#include <stdio.h>

#include "env.h"
#include "param.h"
#include "plot.h"

/*
 * Print to out, in order:
 *   the CSV: the header state,V,Q0,...,Q{n-1}, then one row per state,
 *     the numbers with %.17g (they read back as the same doubles);
 *   a blank line;
 *   value iteration: N sweeps (Jacobi), gamma G, largest change of the
 *     last sweep D (threshold 1e-14);
 *   the greedy policy (ties go to the first best action): on a grid,
 *     each cell's letter and the arrow of its action (only the letter
 *     where the agent never acts); otherwise one "state action" line
 *     per state;
 *   success probability of the greedy policy within T steps: X
 *     (or "with no time limit" when the environment has none).
 * The environment must have a model.  Returns 0, or -1 with err filled
 * when value iteration does not converge.
 */
int	solve_print(const struct env *, const struct params *,
	    enum plot_glyphs, FILE *out, char *err, size_t errsz);

#endif
