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

enum record_kind { RECORD_NONE, RECORD_TD };

struct update_record {
	enum record_kind	 kind;
	union {
		struct td_record td;
	} u;
};

#endif
