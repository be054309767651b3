/*
 * CliffWalking-v1 exactly as Gymnasium 1.4.0 builds it (Sutton and
 * Barto's Example 6.6): a 4x12 grid, the start at the bottom left (state
 * 36), the goal at the bottom right (47) and the cliff between them
 * (37..46).  Every step costs -1; a step into the cliff costs -100 and
 * puts the agent back on the start without ending the episode; reaching
 * the goal ends it.  On slippery ground (Gymnasium 1.x's is_slippery)
 * the intended move and each perpendicular one happen with probability
 * 1/3 each, listed in the order (a - 1) % 4, a, (a + 1) % 4.
 * Actions: 0 up, 1 right, 2 down, 3 left (not FrozenLake's order).
 * Gymnasium registers CliffWalking-v1 without a time limit.
 */
#ifndef QT_ENV_CLIFFWALKING_H
#define QT_ENV_CLIFFWALKING_H

#include <stdbool.h>

#include "env.h"
#include "gridmap.h"

enum { CW_UP, CW_RIGHT, CW_DOWN, CW_LEFT, CW_NACTIONS };

#define CW_ROWS		4
#define CW_COLS		12
#define CW_START	36
#define CW_GOAL		47

struct env	*cliffwalking_new(bool slippery);
/* The grid: S start, F ground, C cliff, G goal. */
const struct gridmap *cliffwalking_map(const struct env *);

#endif
