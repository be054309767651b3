/*
 * Metrics: the named quantities a lesson's checkpoint can test, read off
 * a session.  Every parameter is one (its current value), and so are
 * the learning figures below.  greedy(S) is the greedy action in state
 * S; words in a check are translated in the metric's terms ("right" is
 * action 2 for greedy(14), "noisy" is a policy).
 */
#ifndef QT_METRIC_H
#define QT_METRIC_H

#include <stddef.h>

#include "session.h"

/* Whether `metric' (with index, or -1) names something that exists. */
int	metric_check(const char *metric, int index, char *err, size_t errsz);
/* Its current value in s, or (word != NULL) the number a word stands
 * for; the signature fits lesson_check_eval(). */
int	metric_lookup(void *session, const char *metric, int index,
	    const char *word, double *out, char *err, size_t errsz);

/* The same for an FQI session: iterations_done, eval_mean, eval_std and
 * r2 (of the last iteration), played (greedy episodes played on the
 * cart) and played_return (the last one's return), and every
 * parameter. */
int	metric_lookup_fqi(void *fqi_session, const char *metric, int index,
	    const char *word, double *out, char *err, size_t errsz);
/* The same for a DQN session: episodes_done, reward_last100 (training
 * returns), steps_done, updates, solved_step (the first evaluation at
 * 475 or more, -1 before), eval_mean and eval_std (the last
 * evaluation's), best_eval (the best evaluation's mean so far: the
 * network keep_best keeps), and every parameter. */
int	metric_lookup_dqn(void *dqn_session, const char *metric, int index,
	    const char *word, double *out, char *err, size_t errsz);

#endif
