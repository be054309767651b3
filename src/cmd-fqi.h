/*
 * The session commands as fitted Q-iteration means them: step is one
 * iteration, back undoes one, episode plays the greedy policy on the
 * cart, run iterates, reset starts again from iteration 0 on the same
 * data.  Plus what only FQI has: target (one transition's target written
 * out) and save-dataset.
 */
#ifndef QT_CMD_FQI_H
#define QT_CMD_FQI_H

#include "cmd.h"

int	cmd_fqi_step(struct tutor *, int, char **, struct cmd_out *);
int	cmd_fqi_back(struct tutor *, int, char **, struct cmd_out *);
int	cmd_fqi_episode(struct tutor *, int, char **, struct cmd_out *);
int	cmd_fqi_run(struct tutor *, int, char **, struct cmd_out *);
int	cmd_fqi_pause(struct tutor *, int, char **, struct cmd_out *);
int	cmd_fqi_reset(struct tutor *, int, char **, struct cmd_out *);

#endif
