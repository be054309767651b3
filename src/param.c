/* The parameter table and its strict parsing. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "param.h"
#include "policy.h"

#define OFF(field) offsetof(struct params, field)

static const char *const agent_choices[] = {
	"qlearning", "sarsa", "expected_sarsa", "ps", "fqi", "dqn", NULL
};
static const char *const env_choices[] = {
	"frozenlake", "cliffwalking", "dummy", "cartpole", NULL
};
/* Same order as enum policy_kind. */
static const char *const policy_choices[] = {
	"egreedy", "noisy", "greedy", "random", NULL
};
/* Same order as enum regressor_kind. */
static const char *const regressor_choices[] = {
	"knn", "linear", "poly", "trees", NULL
};
/* Same order as enum nn_loss. */
static const char *const loss_choices[] = { "mse", "huber", NULL };
/* Same order as enum schedule_kind. */
static const char *const schedule_choices[] = {
	"linear", "exponential", "constant", NULL
};
/* Same order as enum param_preset. */
static const char *const preset_choices[] = { "tutorial", "stable", NULL };
/* Same order as enum ps_policy_kind. */
static const char *const ps_policy_choices[] = {
	"standard", "softmax", NULL
};

const struct param param_table[] = {
	{ .name = "agent", .type = P_CHOICE, .offset = OFF(agent),
	  .choices = agent_choices, .def = 0, .effect = PE_RESET,
	  .text = "The learning algorithm." },
	{ .name = "env", .type = P_CHOICE, .offset = OFF(env),
	  .choices = env_choices, .def = 0, .effect = PE_RESET,
	  .text = "The environment the agent learns in." },
	{ .name = "alpha", .type = P_REAL, .offset = OFF(alpha),
	  .min = 0, .max = 1, .def = 0.1, .effect = PE_LIVE,
	  .scope = SCOPE_TABULAR,
	  .text = "Step size: how far one update moves Q(s,a) toward its "
	  "target." },
	{ .name = "gamma", .type = P_REAL, .offset = OFF(gamma),
	  .min = 0, .max = 1, .def = 0.99, .effect = PE_LIVE,
	  .text = "Discount: the weight of the next state's value in the "
	  "target." },
	{ .name = "epsilon", .type = P_REAL, .offset = OFF(epsilon),
	  .min = 0, .max = 1, .def = 0.1, .effect = PE_LIVE,
	  .scope = SCOPE_TABULAR,
	  .text = "Exploration rate of the egreedy policy: the probability "
	  "of a random action." },
	{ .name = "policy", .type = P_CHOICE, .offset = OFF(policy),
	  .choices = policy_choices, .def = POLICY_EGREEDY, .effect = PE_LIVE,
	  .scope = SCOPE_TABULAR,
	  .text = "How actions are chosen while learning: egreedy, noisy "
	  "(argmax of Q plus N(0,1)/(episode+1)), greedy or random." },
	{ .name = "ps_gamma", .type = P_REAL, .offset = OFF(ps_gamma),
	  .min = 0, .max = 1, .def = 1e-7, .effect = PE_LIVE,
	  .scope = SCOPE_TABULAR,
	  .text = "Damping of projective simulation: every step each h "
	  "forgets this fraction of its distance from 1." },
	{ .name = "eta", .type = P_REAL, .offset = OFF(eta),
	  .min = 0, .max = 1, .def = 0.006, .effect = PE_LIVE,
	  .scope = SCOPE_TABULAR,
	  .text = "Glow rate of projective simulation: every step each "
	  "glow g shrinks by this fraction." },
	{ .name = "beta", .type = P_REAL, .offset = OFF(beta),
	  .min = 0, .max = 100, .def = 1, .effect = PE_LIVE,
	  .scope = SCOPE_TABULAR,
	  .text = "Inverse temperature of the softmax ps_policy: "
	  "p(a|s) is proportional to exp(beta h(s,a))." },
	{ .name = "ps_policy", .type = P_CHOICE, .offset = OFF(ps_policy),
	  .choices = ps_policy_choices, .def = 0, .effect = PE_LIVE,
	  .scope = SCOPE_TABULAR,
	  .text = "How projective simulation hops from a percept to an "
	  "action: standard (p proportional to h) or softmax." },
	{ .name = "episodes", .type = P_INT, .offset = OFF(episodes),
	  .min = 1, .max = 10000000, .def = 500, .effect = PE_BATCH,
	  .scope = SCOPE_TABULAR,
	  .text = "Episodes per run." },
	{ .name = "runs", .type = P_INT, .offset = OFF(runs),
	  .min = 1, .max = 100000, .def = 1, .effect = PE_BATCH,
	  .scope = SCOPE_TABULAR,
	  .text = "Independent runs to average, each with its own seed "
	  "derived from the base seed." },
	{ .name = "seed", .type = P_INT, .offset = OFF(seed),
	  .min = 0, .max = 9007199254740992.0, .def = 1, .effect = PE_RESET,
	  .text = "Base seed: the same seed gives the same run everywhere." },
	{ .name = "map", .type = P_STRING, .offset = OFF(map),
	  .def_str = "4x4", .effect = PE_RESET,
	  .scope = SCOPE_TABULAR,
	  .text = "FrozenLake map: 4x4, 8x8, a map name from the data "
	  "directory, or a map file." },
	{ .name = "slippery", .type = P_BOOL, .offset = OFF(slippery),
	  .def = 1, .effect = PE_RESET,
	  .scope = SCOPE_TABULAR,
	  .text = "Slippery ground, for frozenlake and cliffwalking: the "
	  "intended move only succeeds with probability success_rate on "
	  "FrozenLake, 1/3 on CliffWalking." },
	{ .name = "success_rate", .type = P_REAL, .offset = OFF(success_rate),
	  .min = 0, .max = 1, .def = 1.0 / 3.0, .effect = PE_RESET,
	  .scope = SCOPE_TABULAR,
	  .text = "On slippery ice, the probability of the intended move; "
	  "each perpendicular move gets half the rest." },
	{ .name = "states", .type = P_INT, .offset = OFF(states),
	  .min = 2, .max = 1000, .def = 5, .effect = PE_RESET,
	  .scope = SCOPE_TABULAR,
	  .text = "States of the dummy environment." },
	{ .name = "actions", .type = P_INT, .offset = OFF(actions),
	  .min = 1, .max = 100, .def = 3, .effect = PE_RESET,
	  .scope = SCOPE_TABULAR,
	  .text = "Actions of the dummy environment." },
	{ .name = "max_steps", .type = P_INT, .offset = OFF(max_steps),
	  .min = 0, .max = 1000000, .def = 0, .effect = PE_LIVE,
	  .scope = SCOPE_TABULAR,
	  .text = "Steps before an episode is truncated; 0 keeps "
	  "Gymnasium's limit (100, or 200 on the 8x8 map; none on "
	  "cliffwalking; 100 on dummy)." },
	{ .name = "eval_episodes", .type = P_INT, .offset = OFF(eval_episodes),
	  .min = 0, .max = 1000000, .def = 100, .effect = PE_BATCH,
	  .text = "Episodes of greedy evaluation of the learned policy after "
	  "training." },
	{ .name = "window", .type = P_INT, .offset = OFF(window),
	  .min = 1, .max = 100000, .def = 50, .effect = PE_VIEW,
	  .text = "Width of the moving average drawn over learning curves." },
	{ .name = "threads", .type = P_INT, .offset = OFF(threads),
	  .min = 0, .max = 16, .def = 0, .effect = PE_BATCH,
	  .text = "Worker threads that play an experiment's runs in "
	  "parallel; 0 uses one per CPU.  Results do not depend on it." },
	{ .name = "regressor", .type = P_CHOICE, .offset = OFF(regressor),
	  .choices = regressor_choices, .def = 0, .effect = PE_RESET,
	  .scope = SCOPE_FQI,
	  .text = "FQI's regressor: knn (k nearest neighbours), linear or "
	  "poly (least squares per action on the state, or on the state "
	  "and its products), trees (extremely randomized trees)." },
	{ .name = "iterations", .type = P_INT, .offset = OFF(iterations),
	  .min = 1, .max = 1000, .def = 20, .effect = PE_BATCH,
	  .scope = SCOPE_FQI,
	  .text = "FQI iterations a batch run or `run' performs." },
	{ .name = "transitions", .type = P_INT, .offset = OFF(transitions),
	  .min = 100, .max = 1000000, .def = 50000, .effect = PE_RESET,
	  .scope = SCOPE_FQI,
	  .text = "Size of FQI's dataset: transitions collected with a "
	  "random policy." },
	{ .name = "k", .type = P_INT, .offset = OFF(k),
	  .min = 1, .max = 1000, .def = 30, .effect = PE_RESET,
	  .scope = SCOPE_FQI,
	  .text = "Neighbours the knn regressor averages." },
	{ .name = "trees", .type = P_INT, .offset = OFF(trees),
	  .min = 1, .max = 1000, .def = 50, .effect = PE_RESET,
	  .scope = SCOPE_FQI,
	  .text = "Trees in the extremely randomized forest." },
	{ .name = "min_split", .type = P_INT, .offset = OFF(min_split),
	  .min = 2, .max = 100000, .def = 2, .effect = PE_RESET,
	  .scope = SCOPE_FQI,
	  .text = "Smallest node a tree still splits (n_min)." },
	{ .name = "dataset", .type = P_STRING, .offset = OFF(dataset),
	  .def_str = "random", .effect = PE_RESET,
	  .scope = SCOPE_FQI,
	  .text = "FQI's dataset: random collects `transitions' with a "
	  "random policy; anything else is a dataset file to load." },
	{ .name = "steps", .type = P_INT, .offset = OFF(steps),
	  .min = 1, .max = 100000000, .def = 80000, .effect = PE_RESET,
	  .scope = SCOPE_DQN,
	  .text = "DQN's training length in environment steps; the "
	  "schedules of epsilon and of PER's beta are fractions of it." },
	{ .name = "layers", .type = P_INT, .offset = OFF(layers),
	  .min = 1, .max = 6, .def = 2, .effect = PE_RESET,
	  .scope = SCOPE_DQN,
	  .text = "Hidden layers of the Q-network." },
	{ .name = "units", .type = P_INT, .offset = OFF(units),
	  .min = 1, .max = 1024, .def = 64, .effect = PE_RESET,
	  .scope = SCOPE_DQN,
	  .text = "Units in each hidden layer (ReLU)." },
	{ .name = "dueling", .type = P_BOOL, .offset = OFF(dueling),
	  .def = 0, .effect = PE_RESET, .scope = SCOPE_DQN,
	  .text = "The dueling head: V(s) and A(s,a) streams, Q = V + A - "
	  "mean(A)." },
	{ .name = "buffer", .type = P_INT, .offset = OFF(buffer),
	  .min = 1, .max = 10000000, .def = 100000, .effect = PE_RESET,
	  .scope = SCOPE_DQN,
	  .text = "Replay buffer capacity in transitions; the oldest go "
	  "first." },
	{ .name = "learning_starts", .type = P_INT,
	  .offset = OFF(learning_starts),
	  .min = 0, .max = 100000000, .def = 1000, .effect = PE_LIVE,
	  .scope = SCOPE_DQN,
	  .text = "Steps of collecting before the first gradient step." },
	{ .name = "train_freq", .type = P_INT, .offset = OFF(train_freq),
	  .min = 1, .max = 100000, .def = 2, .effect = PE_LIVE,
	  .scope = SCOPE_DQN,
	  .text = "Environment steps per gradient step." },
	{ .name = "target_update", .type = P_INT,
	  .offset = OFF(target_update),
	  .min = 1, .max = 10000000, .def = 10, .effect = PE_LIVE,
	  .scope = SCOPE_DQN,
	  .text = "Steps between updates of the target network (a copy, "
	  "or a Polyak step when tau < 1)." },
	{ .name = "tau", .type = P_REAL, .offset = OFF(tau),
	  .min = 0, .max = 1, .def = 1, .effect = PE_LIVE,
	  .scope = SCOPE_DQN,
	  .text = "Polyak averaging of the target network: target = tau "
	  "online + (1 - tau) target; 1 copies." },
	{ .name = "batch", .type = P_INT, .offset = OFF(batch),
	  .min = 1, .max = 4096, .def = 64, .effect = PE_RESET,
	  .scope = SCOPE_DQN,
	  .text = "Transitions per minibatch." },
	{ .name = "lr", .type = P_REAL, .offset = OFF(lr),
	  .min = 0, .max = 1, .def = 0.001, .effect = PE_LIVE,
	  .scope = SCOPE_DQN,
	  .text = "Adam's learning rate." },
	{ .name = "loss", .type = P_CHOICE, .offset = OFF(loss),
	  .choices = loss_choices, .def = 0, .effect = PE_LIVE,
	  .scope = SCOPE_DQN,
	  .text = "DQN's loss on the TD error: mse, or huber (quadratic "
	  "within 1, linear beyond)." },
	{ .name = "max_grad_norm", .type = P_REAL,
	  .offset = OFF(max_grad_norm),
	  .min = 0, .max = 1000000, .def = 0, .effect = PE_LIVE,
	  .scope = SCOPE_DQN,
	  .text = "Clip the gradient to this global norm; 0 does not "
	  "clip." },
	{ .name = "double_dqn", .type = P_BOOL, .offset = OFF(double_dqn),
	  .def = 0, .effect = PE_LIVE, .scope = SCOPE_DQN,
	  .text = "Double DQN: the online network picks the next action, "
	  "the target network values it." },
	{ .name = "prioritized", .type = P_BOOL, .offset = OFF(prioritized),
	  .def = 0, .effect = PE_RESET, .scope = SCOPE_DQN,
	  .text = "Prioritized replay: sample transitions in proportion to "
	  "|TD error|^per_alpha." },
	{ .name = "per_alpha", .type = P_REAL, .offset = OFF(per_alpha),
	  .min = 0, .max = 1, .def = 0.6, .effect = PE_RESET,
	  .scope = SCOPE_DQN,
	  .text = "How much prioritized replay prefers large errors: 0 is "
	  "uniform." },
	{ .name = "per_beta", .type = P_REAL, .offset = OFF(per_beta),
	  .min = 0, .max = 1, .def = 0.4, .effect = PE_LIVE,
	  .scope = SCOPE_DQN,
	  .text = "Importance-weight exponent at the start; it rises "
	  "linearly to 1 at the last step." },
	{ .name = "epsilon_schedule", .type = P_CHOICE,
	  .offset = OFF(epsilon_schedule),
	  .choices = schedule_choices, .def = 0, .effect = PE_LIVE,
	  .scope = SCOPE_DQN,
	  .text = "How DQN's epsilon falls from epsilon_start to "
	  "epsilon_end: linear over exploration_fraction of the steps, "
	  "exponential with epsilon_decay, or constant at epsilon_start." },
	{ .name = "epsilon_start", .type = P_REAL,
	  .offset = OFF(epsilon_start),
	  .min = 0, .max = 1, .def = 1, .effect = PE_LIVE,
	  .scope = SCOPE_DQN,
	  .text = "DQN's exploration rate at step 0." },
	{ .name = "epsilon_end", .type = P_REAL, .offset = OFF(epsilon_end),
	  .min = 0, .max = 1, .def = 0.04, .effect = PE_LIVE,
	  .scope = SCOPE_DQN,
	  .text = "DQN's exploration rate at the end of its schedule." },
	{ .name = "exploration_fraction", .type = P_REAL,
	  .offset = OFF(exploration_fraction),
	  .min = 0.0001, .max = 1, .def = 0.1, .effect = PE_LIVE,
	  .scope = SCOPE_DQN,
	  .text = "The fraction of the steps over which the linear "
	  "schedule takes epsilon down." },
	{ .name = "epsilon_decay", .type = P_REAL,
	  .offset = OFF(epsilon_decay),
	  .min = 1, .max = 100000000, .def = 500, .effect = PE_LIVE,
	  .scope = SCOPE_DQN, .unit = "steps",
	  .text = "The exponential schedule's time constant: epsilon_end "
	  "+ (epsilon_start - epsilon_end) exp(-step / epsilon_decay)." },
	{ .name = "eval_every", .type = P_INT, .offset = OFF(eval_every),
	  .min = 0, .max = 100000000, .def = 5000, .effect = PE_LIVE,
	  .scope = SCOPE_DQN,
	  .text = "Steps between greedy evaluations (eval_episodes each); "
	  "0 never evaluates." },
	{ .name = "keep_best", .type = P_BOOL, .offset = OFF(keep_best),
	  .def = 0, .effect = PE_RESET, .scope = SCOPE_DQN,
	  .text = "Keep the network of the best evaluation so far, and "
	  "report and save that one." },
	{ .name = "preset", .type = P_CHOICE, .offset = OFF(preset),
	  .choices = preset_choices, .def = 0, .effect = PE_RESET,
	  .scope = SCOPE_DQN,
	  .text = "A bundle of DQN settings: tutorial (the RL-Zoo settings "
	  "of the tutorial) or stable (the cures for its collapse)." },
	{ .name = "network", .type = P_STRING, .offset = OFF(network),
	  .def_str = "new", .effect = PE_RESET, .scope = SCOPE_DQN,
	  .text = "The Q-network to start from: new (initialised from the "
	  "seed) or a file saved by save-network or --save-network." },
	{ .name = NULL }
};

static void
store_number(struct params *p, const struct param *t, double v)
{
	char	*field = (char *)p + t->offset;

	switch (t->type) {
	case P_REAL:
		*(double *)field = v;
		break;
	case P_INT:
		*(long long *)field = (long long)v;
		break;
	case P_BOOL:
		*(bool *)field = v != 0;
		break;
	case P_CHOICE:
		*(int *)field = (int)v;
		break;
	case P_STRING:
		break;
	}
}

int
param_number(const struct params *p, const struct param *t, double *out)
{
	const char	*field = (const char *)p + t->offset;

	switch (t->type) {
	case P_REAL:
		*out = *(const double *)field;
		return (0);
	case P_INT:
		*out = (double)*(const long long *)field;
		return (0);
	case P_BOOL:
		*out = *(const bool *)field;
		return (0);
	case P_CHOICE:
		*out = *(const int *)field;
		return (0);
	case P_STRING:
		break;
	}
	return (-1);
}

void
params_defaults(struct params *p)
{
	const struct param	*t;
	char			*base = (char *)p;

	memset(p, 0, sizeof *p);
	for (t = param_table; t->name != NULL; t++) {
		if (t->type == P_STRING)
			snprintf(base + t->offset, PARAM_STR_MAX, "%s",
			    t->def_str);
		else
			store_number(p, t, t->def);
	}
}

const struct param *
param_find(const char *name)
{
	const struct param	*t;

	for (t = param_table; t->name != NULL; t++)
		if (strcmp(t->name, name) == 0)
			return (t);
	return (NULL);
}

static int
parse_real(const struct param *t, const char *v, double *out, char *err,
    size_t errsz)
{
	char	*end;
	double	 d;

	errno = 0;
	d = strtod(v, &end);
	if (*v == '\0' || *end != '\0' || errno == ERANGE || !isfinite(d)) {
		snprintf(err, errsz, "%s: '%s' is not a number", t->name, v);
		return (-1);
	}
	if (d < t->min || d > t->max) {
		snprintf(err, errsz, "%s: %s not in [%g, %g]", t->name, v,
		    t->min, t->max);
		return (-1);
	}
	*out = d;
	return (0);
}

static int
parse_int(const struct param *t, const char *v, long long *out, char *err,
    size_t errsz)
{
	char		*end;
	long long	 n;

	errno = 0;
	n = strtoll(v, &end, 10);
	if (*v == '\0' || *end != '\0' || errno == ERANGE) {
		snprintf(err, errsz, "%s: '%s' is not a whole number", t->name,
		    v);
		return (-1);
	}
	if ((double)n < t->min || (double)n > t->max) {
		snprintf(err, errsz, "%s: %s not in [%.0f, %.0f]", t->name, v,
		    t->min, t->max);
		return (-1);
	}
	*out = n;
	return (0);
}

static int
parse_bool(const struct param *t, const char *v, bool *out, char *err,
    size_t errsz)
{
	static const char *const yes[] = { "1", "true", "yes", "on", NULL };
	static const char *const no[] = { "0", "false", "no", "off", NULL };
	int	 i;

	for (i = 0; yes[i] != NULL; i++) {
		if (strcasecmp(v, yes[i]) == 0) {
			*out = true;
			return (0);
		}
		if (strcasecmp(v, no[i]) == 0) {
			*out = false;
			return (0);
		}
	}
	snprintf(err, errsz, "%s: '%s' is not a boolean (use 1 or 0)", t->name,
	    v);
	return (-1);
}

static int
parse_choice(const struct param *t, const char *v, int *out, char *err,
    size_t errsz)
{
	char	 range[PARAM_STR_MAX];
	int	 i;

	for (i = 0; t->choices[i] != NULL; i++) {
		if (strcmp(v, t->choices[i]) == 0) {
			*out = i;
			return (0);
		}
	}
	param_describe_range(t, range, sizeof range);
	snprintf(err, errsz, "%s: '%s' is not one of %s", t->name, v, range);
	return (-1);
}

static int
parse_string(const struct param *t, const char *v, char *out, char *err,
    size_t errsz)
{
	size_t	 len = strlen(v);

	if (len == 0 || len >= PARAM_STR_MAX) {
		snprintf(err, errsz, "%s: value must have 1 to %d characters",
		    t->name, PARAM_STR_MAX - 1);
		return (-1);
	}
	memcpy(out, v, len + 1);
	return (0);
}

int
param_set(struct params *p, const char *name, const char *value, char *err,
    size_t errsz)
{
	const struct param	*t = param_find(name);
	char			*field;

	if (t == NULL) {
		snprintf(err, errsz, "unknown parameter '%s'", name);
		return (-1);
	}
	field = (char *)p + t->offset;
	switch (t->type) {
	case P_REAL:
		return (parse_real(t, value, (double *)field, err, errsz));
	case P_INT:
		return (parse_int(t, value, (long long *)field, err, errsz));
	case P_BOOL:
		return (parse_bool(t, value, (bool *)field, err, errsz));
	case P_CHOICE:
		if (parse_choice(t, value, (int *)field, err, errsz) != 0)
			return (-1);
		if (strcmp(t->name, "preset") == 0)
			params_apply_preset(p);
		return (0);
	case P_STRING:
		return (parse_string(t, value, field, err, errsz));
	}
	return (-1);
}

/*
 * DQN's presets.  tutorial: the RL-Zoo settings of the tutorial, plain
 * DQN, which learns CartPole and then often forgets it.  stable: the
 * cures the lesson teaches, together: Double DQN, the Huber loss with
 * clipped gradients, a slowly moving (Polyak) target, and keeping the
 * best evaluated network.
 */
void
params_apply_preset(struct params *p)
{
	bool	 stable = p->preset == PRESET_STABLE;

	p->double_dqn = stable;
	p->loss = stable ? 1 : 0;		/* huber : mse */
	p->max_grad_norm = stable ? 10 : 0;
	p->tau = stable ? 0.005 : 1;
	p->target_update = stable ? 1 : 10;
	p->keep_best = stable;
}

int
param_assign(struct params *p, const char *assignment, char *err,
    size_t errsz)
{
	char		 name[64];
	const char	*eq = strchr(assignment, '=');
	size_t		 len;

	if (eq == NULL || eq == assignment) {
		snprintf(err, errsz, "'%s' is not NAME=VALUE", assignment);
		return (-1);
	}
	len = (size_t)(eq - assignment);
	if (len >= sizeof name) {
		snprintf(err, errsz, "unknown parameter '%.*s'", 63,
		    assignment);
		return (-1);
	}
	memcpy(name, assignment, len);
	name[len] = '\0';
	return (param_set(p, name, eq + 1, err, errsz));
}

/* The shortest %g form that reads back as the same double. */
static void
format_shortest(double v, char *buf, size_t bufsz)
{
	int	 digits;

	for (digits = 6; digits < 17; digits++) {
		snprintf(buf, bufsz, "%.*g", digits, v);
		if (strtod(buf, NULL) == v)
			return;
	}
	snprintf(buf, bufsz, "%.17g", v);
}

void
param_format(const struct params *p, const struct param *t, char *buf,
    size_t bufsz)
{
	const char	*field = (const char *)p + t->offset;

	switch (t->type) {
	case P_REAL:
		format_shortest(*(const double *)field, buf, bufsz);
		break;
	case P_INT:
		snprintf(buf, bufsz, "%lld", *(const long long *)field);
		break;
	case P_BOOL:
		snprintf(buf, bufsz, "%d", *(const bool *)field ? 1 : 0);
		break;
	case P_CHOICE:
		snprintf(buf, bufsz, "%s", t->choices[*(const int *)field]);
		break;
	case P_STRING:
		snprintf(buf, bufsz, "%s", field);
		break;
	}
}

bool
params_same(const struct params *a, const struct params *b,
    const struct param *t)
{
	char	 va[PARAM_STR_MAX], vb[PARAM_STR_MAX];

	param_format(a, t, va, sizeof va);
	param_format(b, t, vb, sizeof vb);
	return (strcmp(va, vb) == 0);
}

const char *
param_choice(const struct param *t, int index)
{
	return (t->choices[index]);
}

unsigned
params_scope(const struct params *p)
{
	const char	*a = params_agent(p);

	if (strcmp(a, "fqi") == 0)
		return (SCOPE_FQI);
	if (strcmp(a, "dqn") == 0)
		return (SCOPE_DQN);
	return (SCOPE_TABULAR);
}

bool
param_applies(const char *name, unsigned scope)
{
	const struct param	*t = param_find(name);

	return (t != NULL && (t->scope == 0 || (t->scope & scope) != 0));
}

const char *
params_agent(const struct params *p)
{
	return (agent_choices[p->agent]);
}

const char *
params_env(const struct params *p)
{
	return (env_choices[p->env]);
}

void
param_describe_range(const struct param *t, char *buf, size_t bufsz)
{
	size_t	 used = 0;
	int	 i;

	buf[0] = '\0';
	switch (t->type) {
	case P_REAL:
		snprintf(buf, bufsz, "[%g, %g]", t->min, t->max);
		break;
	case P_INT:
		snprintf(buf, bufsz, "[%.0f, %.0f]", t->min, t->max);
		break;
	case P_BOOL:
		snprintf(buf, bufsz, "0|1");
		break;
	case P_CHOICE:
		for (i = 0; t->choices[i] != NULL && used < bufsz; i++)
			used += snprintf(buf + used, bufsz - used, "%s%s",
			    i > 0 ? "|" : "", t->choices[i]);
		break;
	case P_STRING:
		snprintf(buf, bufsz, "text");
		break;
	}
}
