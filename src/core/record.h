/*
 * The update record: what one learning step did, with every number the
 * screen writes out and the tests assert on.  Nothing on screen is
 * hidden arithmetic.
 */
#ifndef QT_RECORD_H
#define QT_RECORD_H

#include <stdbool.h>

/* Which value of s' a temporal-difference target bootstraps from. */
enum td_rule {
	TD_QLEARNING,		/* max_a' Q(s',a') */
	TD_SARSA,		/* Q(s',a'), a' the next action taken */
	TD_EXPECTED_SARSA	/* sum_a' pi(a'|s') Q(s',a') */
};

/* A temporal-difference update of one Q-table cell:
 *   Q(s,a) <- Q_old + alpha * (target - Q_old),
 *   target = r + gamma * next_value   (just r when terminated). */
struct td_record {
	enum td_rule	 rule;
	int	 s;
	int	 a;
	double	 r;
	int	 s2;
	int	 a2;		/* SARSA's next action a', or -1 */
	bool	 terminated;
	bool	 truncated;
	bool	 explored;	/* a was a random (exploring) choice */
	double	 q_old;
	/* max_a' Q(s',a') (Q-learning), Q(s',a') (SARSA; 0 when terminated:
	 * no a' is chosen) or the expectation (Expected SARSA). */
	double	 next_value;
	double	 target;
	double	 td_error;
	double	 alpha;
	double	 gamma;
	double	 q_new;
};

/* The probabilities of a percept a PS record keeps: the first this many
 * actions (every FrozenLake and CliffWalking action). */
#define PS_RECORD_ACTIONS 16

/* One step of two-layer projective simulation: the glow of every edge
 * decays, g <- (1 - eta) g, the edge taken glows fully, g(s,a) = 1, and
 * every edge learns, h <- h - gamma (h - 1) + g r. */
struct ps_record {
	int	 s;		/* the percept */
	int	 a;		/* the action clip the walk hopped to */
	int	 s2;
	double	 r;
	bool	 terminated;
	bool	 truncated;
	int	 nactions;	/* probabilities kept: min(actions, 16) */
	double	 p[PS_RECORD_ACTIONS];	/* p(.|s) a was drawn from */
	int	 glowing;	/* edges with g > 0 after the step */
	double	 gamma;		/* damping */
	double	 eta;		/* glow rate */
	double	 h_old;		/* h(s,a) before */
	double	 damping;	/* gamma (h_old - 1) */
	double	 g;		/* g(s,a) in the update: 1 */
	double	 h_new;		/* h_old - damping + g r */
	double	 max_dh;	/* the largest |h_new - h_old| of any edge */
};

enum record_kind { RECORD_NONE, RECORD_TD, RECORD_PS };

struct update_record {
	enum record_kind	 kind;
	union {
		struct td_record td;
		struct ps_record ps;
	} u;
};

#endif
