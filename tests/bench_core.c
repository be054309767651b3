/*
 * Benchmarks of the core, run by `make bench' (never by `make check').
 * Each figure is one line: bench: name=NAME value=V unit=UNIT.
 */
#include <sys/wait.h>

#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "compare.h"
#include "dataset.h"
#include "dqn-session.h"
#include "env_cartpole.h"
#include "fqi.h"
#include "experiment.h"
#include "layout.h"
#include "lesson.h"
#include "nn.h"
#include "regressor.h"
#include "rng.h"
#include "session.h"
#include "tutor.h"

#define REPEATS 21

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static int
compare_doubles(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return ((x > y) - (x < y));
}

static void
set(struct params *p, const char *assignment)
{
	char	 err[256];

	if (param_assign(p, assignment, err, sizeof err) != 0) {
		fprintf(stderr, "bench: %s\n", err);
		exit(1);
	}
}

static void
dirs_of_tree(struct datadir *d)
{
	snprintf(d->lessons, sizeof d->lessons, "%s/lessons", TOP_SRCDIR);
	snprintf(d->maps, sizeof d->maps, "%s/data/maps", TOP_SRCDIR);
}

/*
 * A tutorial's workload (30 runs x 500 episodes) in process: the median
 * of repeats, printed as NAME_30x500, and its transitions.
 */
static void
bench_workload(const struct datadir *d, const char *name,
    const char *const *settings)
{
	struct params		 p;
	struct experiment	 x;
	double			 t[REPEATS];
	char			 err[256];
	int			 i;

	params_defaults(&p);
	for (i = 0; settings[i] != NULL; i++)
		set(&p, settings[i]);
	set(&p, "runs=30");
	set(&p, "episodes=500");
	set(&p, "eval_episodes=0");
	for (i = 0; i < REPEATS; i++) {
		if (experiment_run(&x, &p, d, NULL, NULL, err, sizeof err)) {
			fprintf(stderr, "bench: %s\n", err);
			exit(1);
		}
		t[i] = x.seconds;
		if (i == 0)
			printf("bench: name=%s_transitions value=%lld "
			    "unit=transitions\n", name, x.transitions);
		experiment_free(&x);
	}
	qsort(t, REPEATS, sizeof t[0], compare_doubles);
	printf("bench: name=%s_30x500 value=%.3f unit=ms\n", name,
	    t[REPEATS / 2] * 1e3);
}

/* The classic Q-learning tutorial: alpha 0.8, gamma 0.9, noisy-greedy. */
static void
bench_classic(const struct datadir *d)
{
	static const char *const settings[] = { "alpha=0.8", "gamma=0.9",
	    "policy=noisy", "slippery=0", "max_steps=99", NULL };

	bench_workload(d, "ql_classic", settings);
}

/* The PS tutorial: two-layer projective simulation, gamma 1e-7, eta
 * 0.006 (the defaults). */
static void
bench_ps_classic(const struct datadir *d)
{
	static const char *const settings[] = { "agent=ps", "slippery=0",
	    "max_steps=99", NULL };

	bench_workload(d, "ps_classic", settings);
}

/*
 * Sutton and Barto's Example 6.6 as a comparison: Q-learning and SARSA
 * on CliffWalking, 50 runs of 500 episodes each; the median of repeats
 * of the whole comparison, parsing included.
 */
static void
bench_cliff_compare(const struct datadir *d)
{
	struct params		 p;
	struct comparison	 c;
	double			 t[REPEATS], t0;
	char			 err[256];
	int			 i;

	params_defaults(&p);
	set(&p, "env=cliffwalking");
	set(&p, "slippery=0");
	set(&p, "policy=egreedy");
	set(&p, "epsilon=0.1");
	set(&p, "alpha=0.5");
	set(&p, "gamma=1");
	set(&p, "max_steps=0");
	set(&p, "episodes=500");
	set(&p, "runs=50");
	for (i = 0; i < REPEATS; i++) {
		t0 = now();
		if (compare_parse_spec(&c, &p, "agent=qlearning,sarsa", d, err,
		    sizeof err) != 0 || compare_run(&c, d, NULL, NULL, err,
		    sizeof err) != 0) {
			fprintf(stderr, "bench: %s\n", err);
			exit(1);
		}
		t[i] = now() - t0;
		compare_free(&c);
	}
	qsort(t, REPEATS, sizeof t[0], compare_doubles);
	printf("bench: name=cliff_compare_50x500 value=%.3f unit=ms\n",
	    t[REPEATS / 2] * 1e3);
}

/* Raw stepping speed of tabular Q-learning on one long run. */
static void
bench_transitions(const struct datadir *d, const char *name,
    const char *policy, const char *map, int slippery)
{
	struct params	 p;
	struct session	*s;
	char		 err[256], buf[64];
	double		 t0, t1;
	long		 n = 5000000;

	params_defaults(&p);
	snprintf(buf, sizeof buf, "policy=%s", policy);
	set(&p, buf);
	snprintf(buf, sizeof buf, "map=%s", map);
	set(&p, buf);
	set(&p, slippery ? "slippery=1" : "slippery=0");
	if ((s = session_new(&p, d, 0, 0, err, sizeof err)) == NULL) {
		fprintf(stderr, "bench: %s\n", err);
		exit(1);
	}
	session_run(s, 0, n / 10);	/* warm up */
	t0 = now();
	session_run(s, 0, n);
	t1 = now();
	printf("bench: name=%s value=%.0f unit=transitions/s\n", name,
	    (double)n / (t1 - t0));
	session_free(s);
}

/* The cost of keeping undo history, as the screen does. */
static void
bench_undo(const struct datadir *d)
{
	struct params	 p;
	struct session	*s;
	char		 err[256];
	double		 t0, t1;
	long		 n = 2000000;

	params_defaults(&p);
	s = session_new(&p, d, 0, 10000, err, sizeof err);
	if (s == NULL) {
		fprintf(stderr, "bench: %s\n", err);
		exit(1);
	}
	t0 = now();
	session_run(s, 0, n);
	t1 = now();
	printf("bench: name=ql_undo_transitions_per_sec value=%.0f "
	    "unit=transitions/s\n", (double)n / (t1 - t0));
	session_free(s);
}

/*
 * Run mode against batch mode: 10,000 episodes at full speed through the
 * tutor's slices (undo kept for the last transitions, as on the screen,
 * the views drawn after every slice as the screen would) and the same
 * 10,000 episodes in a batch session.
 */
static void
bench_run_mode(const struct datadir *d)
{
	struct lesson		*l;
	struct params		 p;
	struct tutor		*t;
	struct session		*s;
	struct layout		 L;
	struct canvas		*cv = canvas_new(80, 24);
	struct view_opts	 o = { PLOT_UTF8, 0, false };
	char			 err[512];
	double			 t0, run_ms, batch_ms;
	long			 slices = 0;

	params_defaults(&p);
	l = lesson_load(TOP_SRCDIR "/lessons/frozenlake.lesson", err,
	    sizeof err);
	if (l == NULL || tutor_apply_lesson(&p, l, d, err, sizeof err) != 0 ||
	    (t = tutor_new(l, &p, d, err, sizeof err)) == NULL) {
		fprintf(stderr, "bench: %s\n", err);
		exit(1);
	}
	layout_compute(&L, 80, 24, t);
	t->speed = TUTOR_NSPEEDS - 1;
	t->running = true;
	t->run_left = 10000;
	t0 = now();
	while (t->running) {
		tutor_run_slice(t, now() * 1e3, 20);
		layout_draw(cv, &L, t, &o);
		slices++;
	}
	run_ms = (now() - t0) * 1e3;
	s = session_new(&t->s->p, d, 0, 0, err, sizeof err);
	t0 = now();
	session_run(s, 10000, 0);
	batch_ms = (now() - t0) * 1e3;
	printf("bench: name=run_mode_10000_episodes value=%.3f unit=ms\n",
	    run_ms);
	printf("bench: name=batch_10000_episodes value=%.3f unit=ms\n",
	    batch_ms);
	printf("bench: name=run_mode_10000_episodes_slices value=%ld "
	    "unit=slices\n", slices);
	session_free(s);
	tutor_free(t);
	lesson_free(l);
	canvas_free(cv);
}

/*
 * The classic workload as a user runs it, the whole process included:
 * the median wall time of repeated runs of the binary.  The Python
 * tutorial takes 1.10 s for it on this kind of machine.
 */
static void	bench_ps_process(const char *);

static void
bench_process(const char *qtutor)
{
	char *const		 argv[] = { (char *)qtutor, "--batch", "--lesson",
				    "frozenlake", "--runs", "30", "--episodes",
				    "500", NULL };
	extern char		**environ;
	posix_spawn_file_actions_t fa;
	double			 t[REPEATS * 3], t0;
	pid_t			 pid;
	int			 i, status, n = REPEATS * 3;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null",
	    O_WRONLY, 0);
	for (i = 0; i < n; i++) {
		t0 = now();
		if (posix_spawn(&pid, qtutor, &fa, NULL, argv, environ) != 0 ||
		    waitpid(pid, &status, 0) != pid || status != 0) {
			fprintf(stderr, "bench: %s failed\n", qtutor);
			exit(1);
		}
		t[i] = now() - t0;
	}
	posix_spawn_file_actions_destroy(&fa);
	qsort(t, n, sizeof t[0], compare_doubles);
	printf("bench: name=ql_classic_process value=%.3f unit=ms\n",
	    t[n / 2] * 1e3);
	printf("bench: name=ql_classic_speedup_vs_python value=%.0f unit=x\n",
	    1.10 / t[n / 2]);
	bench_ps_process(qtutor);
}

/* The PS workload as a user runs it; the Python tutorial takes 3.39 s. */
static void
bench_ps_process(const char *qtutor)
{
	char *const		 argv[] = { (char *)qtutor, "--batch", "--set",
				    "agent=ps", "--set", "slippery=0", "--set",
				    "max_steps=99", "--runs", "30",
				    "--episodes", "500", NULL };
	extern char		**environ;
	posix_spawn_file_actions_t fa;
	double			 t[REPEATS * 3], t0;
	pid_t			 pid;
	int			 i, status, n = REPEATS * 3;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null",
	    O_WRONLY, 0);
	for (i = 0; i < n; i++) {
		t0 = now();
		if (posix_spawn(&pid, qtutor, &fa, NULL, argv, environ) != 0 ||
		    waitpid(pid, &status, 0) != pid || status != 0) {
			fprintf(stderr, "bench: %s failed\n", qtutor);
			exit(1);
		}
		t[i] = now() - t0;
	}
	posix_spawn_file_actions_destroy(&fa);
	qsort(t, n, sizeof t[0], compare_doubles);
	printf("bench: name=ps_classic_process value=%.3f unit=ms\n",
	    t[n / 2] * 1e3);
	printf("bench: name=ps_classic_speedup_vs_python value=%.0f unit=x\n",
	    3.39 / t[n / 2]);
}

/*
 * FQI's regressors on CartPole-sized data: 50,000 random states in the
 * ranges CartPole visits, random actions, and as queries the states a
 * small step on (the next states of the transitions).
 */
#define REG_N	50000

/* Where predictions go, so that they are not optimised away. */
static volatile double	bench_sink;

struct reg_data {
	double	 x[REG_N * 4], xq[REG_N * 4], y[REG_N];
	int	 a[REG_N];
};

static void
reg_data_make(struct reg_data *rd)
{
	static const double	 range[4] = { 2.4, 2.0, 0.21, 2.5 };
	struct rng		 r;
	double			*s;
	long			 i;
	int			 f;

	rng_seed(&r, 7, 0);
	for (i = 0; i < REG_N; i++) {
		s = rd->x + i * 4;
		for (f = 0; f < 4; f++) {
			s[f] = range[f] * (2 * rng_uniform(&r) - 1);
			rd->xq[i * 4 + f] = s[f] + 0.02 * range[f] *
			    (2 * rng_uniform(&r) - 1);
		}
		rd->a[i] = (int)rng_below(&r, 2);
		/* A bumpy Q-like target: what the trees have to follow. */
		rd->y[i] = 10 - 20 * s[2] * s[2] - s[0] * s[0] +
		    (rd->a[i] ? s[3] : -s[3]) + 0.1 * rng_normal(&r);
	}
}

static struct regressor *
reg_make(const struct reg_data *rd, const struct regressor_cfg *cfg)
{
	struct regressor_design	 des = { REG_N, 4, 2, rd->x, rd->a,
				    REG_N, rd->xq };
	struct regressor	*reg;
	char			 err[256];

	if ((reg = regressor_new(cfg, &des, err, sizeof err)) == NULL) {
		fprintf(stderr, "bench: %s\n", err);
		exit(1);
	}
	return (reg);
}

static void
bench_knn(const struct reg_data *rd)
{
	struct regressor_cfg	 cfg = { REG_KNN, 30, 50, 2, 0, 1e-6 };
	struct regressor	*reg = NULL;
	double			 t[REPEATS], t0, *yhat, *q, s[4], qa[2];
	int			 i, j, calls = 10000;

	for (i = 0; i < 5; i++) {
		regressor_free(reg);
		t0 = now();
		reg = reg_make(rd, &cfg);
		t[i] = now() - t0;
	}
	qsort(t, 5, sizeof t[0], compare_doubles);
	printf("bench: name=knn_prepare_50000 value=%.3f unit=ms\n",
	    t[2] * 1e3);
	printf("bench: name=knn_memory_50000 value=%.1f unit=MB\n",
	    regressor_memory(reg) / 1e6);
	yhat = calloc(REG_N, sizeof *yhat);
	q = calloc(REG_N * 2, sizeof *q);
	for (i = 0; i < REPEATS; i++) {
		t0 = now();
		regressor_fit(reg, rd->y, 1);
		regressor_fitted(reg, yhat);
		regressor_predict_queries(reg, q);
		t[i] = now() - t0;
	}
	qsort(t, REPEATS, sizeof t[0], compare_doubles);
	printf("bench: name=knn_fit_predict_50000 value=%.3f unit=ms\n",
	    t[REPEATS / 2] * 1e3);
	t0 = now();
	for (i = 0; i < calls; i++) {
		for (j = 0; j < 4; j++)
			s[j] = rd->xq[(i * 7919 % REG_N) * 4 + j] * 0.99;
		regressor_predict(reg, s, qa);
		bench_sink = qa[0] + qa[1];
	}
	printf("bench: name=knn_predict_one value=%.3f unit=us\n",
	    (now() - t0) / calls * 1e6);
	free(yhat);
	free(q);
	regressor_free(reg);
}

static void
bench_trees(const struct reg_data *rd)
{
	struct regressor_cfg	 cfg = { REG_TREES, 30, 50, 2, 0, 1e-6 };
	struct regressor	*reg = reg_make(rd, &cfg);
	double			 t[5], t0, *yhat, *q, qa[2];
	int			 i;

	yhat = calloc(REG_N, sizeof *yhat);
	q = calloc(REG_N * 2, sizeof *q);
	for (i = 0; i < 5; i++) {
		t0 = now();
		regressor_fit(reg, rd->y, (uint64_t)i);
		regressor_fitted(reg, yhat);
		regressor_predict_queries(reg, q);
		t[i] = now() - t0;
	}
	qsort(t, 5, sizeof t[0], compare_doubles);
	printf("bench: name=trees_fit_predict_50000 value=%.3f unit=ms\n",
	    t[2] * 1e3);
	printf("bench: name=trees_memory_50000 value=%.1f unit=MB\n",
	    regressor_memory(reg) / 1e6);
	t0 = now();
	for (i = 0; i < 10000; i++) {
		regressor_predict(reg, rd->xq + (i * 7919 % REG_N) * 4, qa);
		bench_sink = qa[0] + qa[1];
	}
	printf("bench: name=trees_predict_one value=%.3f unit=us\n",
	    (now() - t0) / 10000 * 1e6);
	free(yhat);
	free(q);
	regressor_free(reg);
}

static void
bench_regressors(void)
{
	struct reg_data	*rd = malloc(sizeof *rd);

	if (rd == NULL)
		exit(1);
	reg_data_make(rd);
	bench_knn(rd);
	bench_trees(rd);
	free(rd);
}

/*
 * Fitted Q-iteration as the fqi lesson runs it: kNN (k = 30) on 50,000
 * random CartPole transitions, gamma 0.99.  An iteration is the targets,
 * the fit and the predictions at every next state (what scikit-learn
 * takes 1.60 s for in the Python tutorial, measured on this machine
 * kind); the greedy evaluation is a figure of its own.
 */
static void
bench_fqi(void)
{
	struct fqi_config	 c;
	struct dataset		*ds;
	struct env		*e = cartpole_new();
	struct fqi		*f;
	struct rng		 r;
	struct fqi_eval		 ev;
	double			 t[20], t0, prep;
	char			 err[256];
	int			 k;

	rng_seed(&r, 1, 0);
	ds = dataset_collect(e, 50000, &r, 1);
	env_free(e);
	memset(&c, 0, sizeof c);
	c.reg.kind = REG_KNN;
	c.reg.k = 30;
	c.gamma = 0.99;
	c.eval_episodes = 0;
	c.seed = 1;
	t0 = now();
	if ((f = fqi_new(ds, &c, err, sizeof err)) == NULL) {
		fprintf(stderr, "bench: %s\n", err);
		exit(1);
	}
	prep = now() - t0;
	for (k = 0; k < 20; k++)
		t[k] = fqi_iterate(f)->seconds;
	qsort(t, 20, sizeof t[0], compare_doubles);
	printf("bench: name=fqi_knn_prepare value=%.3f unit=ms\n",
	    prep * 1e3);
	printf("bench: name=fqi_knn_iteration value=%.3f unit=ms\n",
	    t[10] * 1e3);
	printf("bench: name=fqi_knn_iteration_speedup_vs_sklearn value=%.0f "
	    "unit=x\n", 1.60 / t[10]);
	t0 = now();
	ev = fqi_evaluate(f, 10, 1, NULL);
	printf("bench: name=fqi_knn_eval_10_episodes value=%.3f unit=ms\n",
	    (now() - t0) * 1e3);
	printf("bench: name=fqi_knn_eval_return value=%.1f unit=return\n",
	    ev.mean);
	fqi_free(f);
	dataset_free(ds);
}

/*
 * DQN's gradient update on CartPole's 4-64-64-2 network, batch 64, as
 * the agent does it: the online network forward on s, the target
 * network forward on s', targets r + gamma max Q'(s', .), the MSE on
 * the taken actions' Q, zero_grad, backward, Adam.  PyTorch does 1,360
 * of these a second on this machine kind (2 cores).  Double DQN adds
 * the online network's pass on s' to pick the action.  The inputs are
 * drawn beforehand, so only the networks are timed; the kernel set in
 * use goes to stderr.
 */
#define NN_BATCH	64
#define NN_POOL		16

struct nn_bench {
	struct nn	*online, *target;
	struct nn_adam	*adam;
	float		 s[NN_POOL][NN_BATCH * 4], s2[NN_POOL][NN_BATCH * 4];
	int		 a[NN_POOL][NN_BATCH];
};

static void
nn_bench_update(struct nn_bench *nb, int k, int double_dqn)
{
	float	 q[NN_BATCH * 2], q2[NN_BATCH * 2], qn[NN_BATCH * 2];
	float	 dq[NN_BATCH * 2], pred[NN_BATCH], y[NN_BATCH];
	float	 dpred[NN_BATCH];
	int	 b, next;

	nn_forward(nb->online, nb->s[k], NN_BATCH, q);
	nn_forward(nb->target, nb->s2[k], NN_BATCH, q2);
	if (double_dqn)
		nn_infer(nb->online, nb->s2[k], NN_BATCH, qn);
	else
		memcpy(qn, q2, sizeof qn);
	for (b = 0; b < NN_BATCH; b++) {
		next = qn[b * 2 + 1] > qn[b * 2];
		pred[b] = q[b * 2 + nb->a[k][b]];
		y[b] = 1 + 0.99f * q2[b * 2 + next];
	}
	nn_loss(NN_MSE, pred, y, NULL, NN_BATCH, dpred);
	memset(dq, 0, sizeof dq);
	for (b = 0; b < NN_BATCH; b++)
		dq[b * 2 + nb->a[k][b]] = dpred[b];
	nn_zero_grad(nb->online);
	nn_backward(nb->online, dq, NN_BATCH);
	nn_adam_step(nb->online, nb->adam);
}

/* Updates a second, the median of REPEATS runs of 1,000. */
static double
nn_bench_rate(struct nn_bench *nb, int double_dqn)
{
	double	 t[REPEATS], t0;
	int	 i, j, updates = 1000;

	for (i = 0; i < REPEATS; i++) {
		t0 = now();
		for (j = 0; j < updates; j++)
			nn_bench_update(nb, j % NN_POOL, double_dqn);
		t[i] = now() - t0;
	}
	qsort(t, REPEATS, sizeof t[0], compare_doubles);
	return (updates / t[REPEATS / 2]);
}

static void
bench_nn(void)
{
	struct nn_shape	 shape = { 4, 2, { 64, 64 }, 2, false };
	struct nn_bench	*nb = calloc(1, sizeof *nb);
	struct rng	 r;
	double		 rate, t0;
	float		 q[2];
	int		 i, j, b, k, calls = 100000;

	if (nb == NULL)
		exit(1);
	nb->online = nn_new(&shape, NN_BATCH, 1);
	nb->target = nn_new(&shape, NN_BATCH, 2);
	nb->adam = nn_adam_new(nb->online, 1e-3f);
	rng_seed(&r, 8, 0);
	for (k = 0; k < NN_POOL; k++)
		for (b = 0; b < NN_BATCH; b++) {
			for (j = 0; j < 4; j++) {
				nb->s[k][b * 4 + j] = (float)(rng_uniform(&r) -
				    0.5);
				nb->s2[k][b * 4 + j] = (float)(rng_uniform(&r) -
				    0.5);
			}
			nb->a[k][b] = (int)rng_below(&r, 2);
		}
	fprintf(stderr, "bench: note: nn kernels %s\n",
	    nn_kernels(nb->online));
	rate = nn_bench_rate(nb, 0);
	printf("bench: name=dqn_updates value=%.0f unit=per_s\n", rate);
	printf("bench: name=dqn_updates_speedup_vs_pytorch value=%.1f "
	    "unit=x\n", rate / 1360);
	printf("bench: name=double_dqn_updates value=%.0f unit=per_s\n",
	    nn_bench_rate(nb, 1));
	t0 = now();
	for (i = 0; i < calls; i++) {
		nn_predict(nb->online, nb->s[i % NN_POOL] + (i / NN_POOL %
		    NN_BATCH) * 4, q);
		bench_sink = q[0] + q[1];
	}
	printf("bench: name=nn_predict_one value=%.3f unit=us\n",
	    (now() - t0) / calls * 1e6);
	nn_adam_free(nb->adam);
	nn_free(nb->online);
	nn_free(nb->target);
	free(nb);
}

/*
 * The DQN lesson's whole default run: 80,000 steps, 39,500 gradient
 * steps, an evaluation of 10 episodes every 5,000 steps, and the final
 * evaluation.  The tutorial's PyTorch run takes 38-59 s here (median
 * 44.9 s over 3 seeds).
 */
static void
bench_dqn_run(const struct datadir *d)
{
	struct params		 p;
	struct dqn		*q;
	struct dqn_eval		 ev;
	double			 t0, t;
	char			 err[256];

	params_defaults(&p);
	set(&p, "env=cartpole");
	set(&p, "agent=dqn");
	set(&p, "eval_episodes=10");
	(void)d;
	t0 = now();
	if ((q = dqn_new_from(&p, err, sizeof err)) == NULL) {
		fprintf(stderr, "bench: %s\n", err);
		exit(1);
	}
	while (q->step < p.steps)
		if (dqn_step(q) < 0)
			break;
	ev = dqn_evaluate(q, dqn_policy_net(q), p.eval_episodes,
	    (uint64_t)p.seed);
	t = now() - t0;
	printf("bench: name=dqn_run_80k value=%.3f unit=s\n", t);
	printf("bench: name=dqn_run_80k_speedup_vs_pytorch value=%.0f "
	    "unit=x\n", 44.9 / t);
	printf("bench: name=dqn_run_80k_updates value=%ld unit=updates\n",
	    q->updates);
	printf("bench: name=dqn_run_80k_final_return value=%.1f unit=return\n",
	    ev.mean);
	dqn_free(q);
}

int
main(int argc, char **argv)
{
	struct datadir	 d;

	dirs_of_tree(&d);
	if (argc > 1)
		bench_process(argv[1]);
	bench_classic(&d);
	bench_ps_classic(&d);
	bench_cliff_compare(&d);
	bench_transitions(&d, "ql_noisy_4x4_transitions_per_sec", "noisy",
	    "4x4", 0);
	bench_transitions(&d, "ql_egreedy_8x8_slippery_transitions_per_sec",
	    "egreedy", "8x8", 1);
	bench_undo(&d);
	bench_run_mode(&d);
	bench_regressors();
	bench_fqi();
	bench_nn();
	bench_dqn_run(&d);
	return (0);
}
