/*
 * An FQI session: fitted Q-iteration on CartPole as the screen, batch
 * mode and the tests drive it.  It holds the parameters, the dataset
 * (collected or loaded), FQI itself, and a cart on which the greedy
 * policy of the current fit is played one step at a time for the
 * cart-pole view.  "Step" here is one FQI iteration; "back" undoes one.
 */
#ifndef QT_FQI_SESSION_H
#define QT_FQI_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "dataset.h"
#include "datadir.h"
#include "env.h"
#include "fqi.h"
#include "param.h"

/* Transitions whose targets the screen writes out. */
#define FQI_SAMPLES 3
/* The greedy-action map over (theta, theta_dot) at x = x_dot = 0: its
 * resolution and its ranges (the angle's whole allowed range). */
#define FQI_MAP_ROWS		24
#define FQI_MAP_COLS		48
#define FQI_MAP_THETADOT	2.0

struct fqi_session {
	struct params		 p;
	struct datadir		 dirs;
	struct dataset		*data;
	struct fqi		*fqi;
	double			 collect_seconds;	/* or load */
	double			 prepare_seconds;	/* the regressor's */
	long			 builds;	/* rebuilds so far */
	long			 samples[FQI_SAMPLES];	/* shown targets */
	long			 inspect;	/* `target I': -1 none */
	/* The cart on screen: greedy episodes of the current fit. */
	struct env		*cart;
	struct rng		 play_rng;
	bool			 playing;	/* an episode under way */
	bool			 cart_fresh;	/* at a start, not yet played */
	long			 play_episodes;	/* ended so far */
	long			 play_steps;	/* this episode's */
	double			 play_return;
	double			 last_return;	/* of the last one ended */
	int			 play_action;	/* last action, -1 none */
	bool			 play_terminated;
	bool			 play_truncated;
	/* The greedy action of the current fit over the map's grid (row 0
	 * is theta = +12 degrees, column 0 theta_dot = -2), and Q(right) -
	 * Q(left) there; made after every change of fit. */
	bool			 map_on;	/* the screen wants it */
	signed char		 map[FQI_MAP_ROWS][FQI_MAP_COLS];
	float			 map_gap[FQI_MAP_ROWS][FQI_MAP_COLS];
};

/* Collect or load the dataset and prepare the regressor, as the
 * parameters say; NULL with err on failure. */
struct fqi_session *fqi_session_new(const struct params *,
		     const struct datadir *, char *err, size_t errsz);
void		 fqi_session_free(struct fqi_session *);
/* One FQI iteration (evaluation included). */
const struct fqi_iteration *fqi_session_iterate(struct fqi_session *);
/* Undo the last iteration; -1 with err when none is left. */
int		 fqi_session_back(struct fqi_session *, char *err,
		     size_t errsz);
/* Change a parameter: gamma and eval_episodes take effect at the next
 * iteration; the regressor's settings refit from iteration 0 on the same
 * data; the dataset's settings collect or load it again (*did_reset).
 * On error nothing changes. */
int		 fqi_session_set(struct fqi_session *, const char *name,
		     const char *value, bool *did_reset, char *err,
		     size_t errsz);
/* Back to no iteration, the same data. */
void		 fqi_session_restart(struct fqi_session *);
/* One greedy step of the cart (a new episode first if none is under
 * way); returns 1 when it ended the episode. */
int		 fqi_session_play_step(struct fqi_session *);
/* The cart's state, as the agent observes it. */
void		 fqi_session_observe(const struct fqi_session *,
		     double obs[ENV_OBS_MAX]);
/* Save the dataset (temporary file, then rename). */
int		 fqi_session_save_dataset(const struct fqi_session *,
		     const char *path, char *err, size_t errsz);
/* Keep the greedy map up to date from now on (batch mode has no use
 * for it: 1,152 predictions a fit). */
void		 fqi_session_map_on(struct fqi_session *);
/* The state at the centre of map cell (row, col). */
void		 fqi_map_state(int row, int col, double obs[ENV_OBS_MAX]);
/* Whether parameters p describe an FQI session. */
bool		 params_is_fqi(const struct params *);
/* The regressor configuration the parameters describe. */
struct regressor_cfg fqi_regressor_cfg(const struct params *);

#endif
