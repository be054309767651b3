/*
 * The tutor: what an interactive lesson is, apart from how it is drawn.
 * A session, the lesson and the page open, the run mode (running or
 * paused, at what speed), checkpoints reached, and the last message for
 * the status line.  Commands change it; views read it.  It holds no
 * curses state, so commands and checkpoints are tested without a
 * terminal.
 */
#ifndef QT_TUTOR_H
#define QT_TUTOR_H

#include <stdbool.h>
#include <stddef.h>

#include "datadir.h"
#include "lesson.h"
#include "param.h"
#include "planning.h"
#include "session.h"

/* Run-mode speeds in transitions per second; the last means as fast as
 * possible. */
#define TUTOR_SPEEDS { 1, 2, 5, 10, 20, 50, 100, 1000, 10000, 0 }
#define TUTOR_NSPEEDS 10
#define TUTOR_UNDO 10000	/* transitions the learner can step back */
#define TUTOR_MSG_MAX 512

struct tutor {
	/* The experiment: a tabular session, or (agent fqi) an FQI
	 * session; exactly one of the two is set. */
	struct session	*s;
	struct fqi_session *f;
	bool		 playing;	/* FQI: the cart plays an episode */
	struct fqi_job	*job;		/* FQI: the iteration on a worker */
	struct dqn_session *dq;		/* agent dqn */
	long		 dqn_episodes_left;	/* DQN: `episode N' */
	bool		 dqn_to_total;		/* DQN: run to `steps' */
	struct lesson	*lesson;
	struct datadir	 dirs;
	int		 page;		/* open page, 0-based */
	bool		*checked;	/* (npages) checkpoint reached */
	bool		 running;
	int		 speed;		/* index into TUTOR_SPEEDS */
	long		 run_left;	/* episodes left in `run N'; 0: no end */
	bool		 quit;
	double		 last_tick;	/* run mode's clock, in ms */
	double		 owed;		/* steps due at a paced speed */
	double		 rate;		/* full speed: transitions per ms */
	char		 msg[TUTOR_MSG_MAX];	/* for the status line */
	bool		 msg_error;
	/* Value iteration on the session's model (sweep, solve, backup):
	 * made on first use, stale once the environment is rebuilt.  Read
	 * it through tutor_plan(). */
	struct planning	*plan;
	long		 plan_build;	/* the session's builds it was made at */
	bool		 plan_on;	/* the views show it */
	int		 plan_state;	/* the backup written out; -1: agent's */
};

struct fqi_session;
struct fqi_job;
struct dqn_session;

/* Open the lesson at path with the parameters p (already holding the
 * lesson's header settings and the command line's); page 0 is opened. */
struct tutor	*tutor_new(struct lesson *, const struct params *,
		     const struct datadir *, char *err, size_t errsz);
void		 tutor_free(struct tutor *);
/* Open page n (0-based), applying its @set lines; -1 if out of range or
 * a setting fails (msg says why). */
int		 tutor_open_page(struct tutor *, int n);
/* Evaluate the open page's checkpoint; marks it reached and says so in
 * msg the first time it holds.  Returns 1 if reached, 0 if not, -1 when
 * the page has none. */
int		 tutor_check(struct tutor *);
/* At a paced speed, the steps owed for elapsed_ms more (the fraction
 * left is carried to the next call; after a pause it does not catch
 * up); -1 at full speed. */
long		 tutor_steps_due(struct tutor *, double elapsed_ms);
/* Transitions per second at the current speed; 0: as fast as possible. */
long		 tutor_speed(const struct tutor *);
/*
 * Run mode, one slice, called by the screen between input polls with the
 * time now: at a paced speed the steps due since the last slice, at full
 * speed as many as fit in budget_ms.  Stops at the end of a `run N' and
 * checks the page's checkpoint.
 */
void		 tutor_run_slice(struct tutor *, double now_ms,
		     double budget_ms);
/* The kind of learner: SCOPE_TABULAR, SCOPE_FQI or SCOPE_DQN. */
unsigned	 tutor_scope(const struct tutor *);
/* The parameters of the session, whichever kind it is. */
const struct params *tutor_params(const struct tutor *);
/* Change a parameter in the session (see session_set). */
int		 tutor_set(struct tutor *, const char *name, const char *value,
		     bool *did_reset, char *err, size_t errsz);
/* Rebuilds of the session so far: the screen lays out again on one. */
long		 tutor_builds(const struct tutor *);
/* FQI's run mode, one slice (tutor-fqi.c): the cart's steps due, or an
 * iteration started on a worker thread (or collected, once done) if a
 * `run' is under way. */
void		 tutor_fqi_run_slice(struct tutor *, double now_ms,
		     double budget_ms);
/* DQN's run mode, one slice (tutor-dqn.c): the steps due at a paced
 * speed, or as many as fit in budget_ms at full speed. */
void		 tutor_dqn_run_slice(struct tutor *, double now_ms,
		     double budget_ms);
/* Whether a worker is fitting an iteration: the FQI session is then
 * the worker's, not to be read or changed; and for how long. */
bool		 tutor_busy(const struct tutor *);
double		 tutor_busy_ms(const struct tutor *);
/* Wait for the worker's iteration and collect it. */
void		 tutor_fqi_wait(struct tutor *);
void		 tutor_fqi_free(struct tutor *);
/* Whether run mode has anything to do: a run, the cart, a worker. */
bool		 tutor_active(const struct tutor *);
/* Set the status message (printf-style). */
void		 tutor_say(struct tutor *, bool error, const char *fmt, ...)
		     __attribute__((format(printf, 3, 4)));

/* The planner for the session's environment, made (V = 0, the
 * session's gamma) when there is none or the environment was rebuilt
 * since.  When the session's gamma changed, V starts again from 0 with
 * the new gamma and *restarted is set (if not NULL).  NULL when the
 * environment has no transition model.  The views show it from now. */
struct planning	*tutor_plan_get(struct tutor *, bool *restarted);
/* The planner the views show: NULL when it is off or stale. */
const struct planning *tutor_plan(const struct tutor *);
/* The state whose backup is written out: the one chosen, else the
 * agent's (before an episode, its start). */
int		 tutor_plan_state(const struct tutor *);

/* Reopen where the learner left the lesson (page, checkpoints), and
 * write the learner's place back into an entry. */
struct progress_entry;
void		 tutor_resume(struct tutor *, const struct progress_entry *);
void		 tutor_record(const struct tutor *, struct progress_entry *);

/* The settings of a lesson's header applied to p, each checked, errors
 * with file:line; also checks every page's settings and checks. */
int		 tutor_apply_lesson(struct params *, const struct lesson *,
		     const struct datadir *, char *err, size_t errsz);

#endif
