/*
 * The update record: what one learning step did, with every number the
 * screen writes out and the tests assert on.  Nothing on screen is
 * hidden arithmetic.
 */
#ifndef QT_RECORD_H
#define QT_RECORD_H

#include <stdbool.h>

/* A temporal-difference update of one Q-table cell:
 *   Q(s,a) <- Q_old + alpha * (target - Q_old),
 *   target = r + gamma * next_value   (just r when terminated). */
struct td_record {
	int	 s;
	int	 a;
	double	 r;
	int	 s2;
	int	 a2;		/* next action the target used (SARSA), or -1 */
	bool	 terminated;
	bool	 truncated;
	bool	 explored;	/* a was a random (exploring) choice */
	double	 q_old;
	double	 next_value;	/* max_a' Q(s',a') for Q-learning */
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
