/*
 * The session commands as DQN means them: step is one transition (and
 * the gradient step it brings), episode runs to the end of the episode
 * under way, run N takes N steps (without N: up to `steps'), reset
 * starts again from step 0.  Plus save-network and load-network.
 */
#ifndef QT_CMD_DQN_H
#define QT_CMD_DQN_H

#include "cmd.h"

int	cmd_dqn_step(struct tutor *, int, char **, struct cmd_out *);
int	cmd_dqn_back(struct tutor *, int, char **, struct cmd_out *);
int	cmd_dqn_episode(struct tutor *, int, char **, struct cmd_out *);
int	cmd_dqn_run(struct tutor *, int, char **, struct cmd_out *);
int	cmd_dqn_pause(struct tutor *, int, char **, struct cmd_out *);
int	cmd_dqn_reset(struct tutor *, int, char **, struct cmd_out *);
int	cmd_dqn_compare(struct tutor *, int, char **, struct cmd_out *);

#endif
