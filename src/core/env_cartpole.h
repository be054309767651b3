/*
 * CartPole-v1 exactly as Gymnasium 1.4.0 has it: a pole hinged on a cart
 * that is pushed left or right with a force of 10 N every 0.02 s.  The
 * state (x, x_dot, theta, theta_dot) is integrated by Euler's method in
 * double precision with Gymnasium's order of operations, so that a run
 * matches Gymnasium's bit for bit (reference trajectories in
 * tests/data/cartpole).  Agents observe the state rounded to float, as
 * Gymnasium's float32 observations are.  The episode terminates when
 * |x| > 2.4 or |theta| > 12 degrees, every step (the last included)
 * earns 1, and the time limit truncates at 500 steps.
 */
#ifndef QT_ENV_CARTPOLE_H
#define QT_ENV_CARTPOLE_H

#include <stdbool.h>

#include "env.h"

#define CARTPOLE_TIME_LIMIT	500
#define CARTPOLE_DIM		4
#define CARTPOLE_X_THRESHOLD	2.4
/* 12 degrees, computed as Gymnasium does: 12 * 2 * pi / 360. */
extern const double cartpole_theta_threshold;

enum { CARTPOLE_LEFT = 0, CARTPOLE_RIGHT = 1 };

struct env	*cartpole_new(void);
/* One step of the dynamics on a state, as Gymnasium's step(): the new
 * state replaces st; returns whether it is terminal. */
bool		 cartpole_dynamics(double st[CARTPOLE_DIM], int action);
/* Whether a state is past a threshold. */
bool		 cartpole_terminal(const double st[CARTPOLE_DIM]);
/* The observation an agent sees: the state rounded to float. */
void		 cartpole_observe(const double st[CARTPOLE_DIM],
		     double obs[CARTPOLE_DIM]);

#endif
