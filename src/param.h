/*
 * The parameter table: the one list of every setting (name, type,
 * range, default, one-sentence help).  The command line's --set, lesson
 * files, the prompt, completion, `help' and the man page all follow it.
 * Values live in struct params, a plain value that is cheap to copy: to
 * change a setting safely, change a copy and keep it only if it works.
 */
#ifndef QT_PARAM_H
#define QT_PARAM_H

#include <stdbool.h>
#include <stddef.h>

#define PARAM_STR_MAX 256

enum param_type { P_REAL, P_INT, P_BOOL, P_CHOICE, P_STRING };

/* What a change needs before it can take effect. */
enum param_effect {
	PE_LIVE,	/* from the next transition, nothing lost */
	PE_RESET,	/* rebuild the experiment: what was learned is lost */
	PE_BATCH,	/* only read when an experiment runs (episodes, runs) */
	PE_VIEW		/* changes only what the screen draws */
};

struct params {
	int		 agent;		/* index into agent choices */
	int		 env;		/* index into env choices */
	double		 alpha;
	double		 gamma;
	double		 epsilon;
	int		 policy;	/* enum policy_kind */
	double		 ps_gamma;	/* projective simulation */
	double		 eta;
	double		 beta;
	int		 ps_policy;	/* enum ps_policy_kind */
	long long	 episodes;
	long long	 runs;
	long long	 seed;
	char		 map[PARAM_STR_MAX];
	bool		 slippery;
	double		 success_rate;
	long long	 states;	/* dummy environment */
	long long	 actions;
	long long	 max_steps;
	long long	 eval_episodes;
	long long	 window;
	long long	 threads;
	/* Fitted Q-iteration on CartPole. */
	int		 regressor;	/* enum regressor_kind */
	long long	 iterations;
	long long	 transitions;
	long long	 k;
	long long	 trees;
	long long	 min_split;
	char		 dataset[PARAM_STR_MAX];
	/* DQN on CartPole. */
	long long	 steps;
	long long	 layers;
	long long	 units;
	bool		 dueling;
	long long	 buffer;
	long long	 learning_starts;
	long long	 train_freq;
	long long	 target_update;
	double		 tau;
	long long	 batch;
	double		 lr;
	int		 loss;		/* enum nn_loss */
	double		 max_grad_norm;
	bool		 double_dqn;
	bool		 prioritized;
	double		 per_alpha;
	double		 per_beta;
	int		 epsilon_schedule;	/* enum schedule_kind */
	double		 epsilon_start;
	double		 epsilon_end;
	double		 exploration_fraction;
	double		 epsilon_decay;
	long long	 eval_every;
	bool		 keep_best;
	int		 preset;
	char		 network[PARAM_STR_MAX];
};

/* DQN's presets, as the `preset' parameter's choices. */
enum param_preset { PRESET_TUTORIAL, PRESET_STABLE };

/* Which learners read a parameter: a bit each; 0 means all of them. */
#define SCOPE_TABULAR	0x1	/* Q-learning, SARSA, PS: tables */
#define SCOPE_FQI	0x2
#define SCOPE_DQN	0x4

struct param {
	const char		*name;
	enum param_type		 type;
	size_t			 offset;
	double			 min;		/* P_REAL, P_INT */
	double			 max;
	double			 def;		/* numeric default */
	const char		*def_str;	/* P_STRING default */
	const char *const	*choices;	/* P_CHOICE, NULL-terminated */
	enum param_effect	 effect;
	const char		*unit;		/* for help, may be NULL */
	unsigned		 scope;		/* SCOPE_*, 0: all */
	const char		*text;
};

extern const struct param param_table[];

void		 params_defaults(struct params *);
const struct param *param_find(const char *name);
/* Set NAME to the text VALUE; on error nothing changes. */
int		 param_set(struct params *, const char *name, const char *value,
		     char *err, size_t errsz);
/* Set from "NAME=VALUE". */
int		 param_assign(struct params *, const char *assignment,
		     char *err, size_t errsz);
/* The value as text, in a form param_set reads back. */
void		 param_format(const struct params *, const struct param *,
		     char *buf, size_t bufsz);
/* The value as a number (a choice's index, a boolean's 0 or 1); -1 for
 * text. */
int		 param_number(const struct params *, const struct param *,
		     double *out);
/* Whether the parameter t has the same value in a and b. */
bool		 params_same(const struct params *, const struct params *,
		     const struct param *t);
/* Set the DQN settings that the preset in p names. */
void		 params_apply_preset(struct params *);
/* The choice name of a P_CHOICE value. */
const char	*param_choice(const struct param *, int index);
const char	*params_agent(const struct params *);
/* The scope of the agent p names: SCOPE_TABULAR, SCOPE_FQI or
 * SCOPE_DQN. */
unsigned	 params_scope(const struct params *);
/* Whether parameter `name' means anything to learners of scope. */
bool		 param_applies(const char *name, unsigned scope);
const char	*params_env(const struct params *);
/* The allowed values or range, e.g. "[0, 1]" or "egreedy|noisy". */
void		 param_describe_range(const struct param *, char *buf,
		     size_t bufsz);

#endif
