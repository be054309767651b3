/*
 * qtutor: a terminal tutor for reinforcement learning.
 *
 * The command line: settings are gathered in the order the parameter
 * table's defaults, the lesson's header, then the options as given.
 */
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "dqn-session.h"
#include "fqi-session.h"
#include "compare.h"
#include "config.h"
#include "datadir.h"
#include "env_cartpole.h"
#include "lesson.h"
#include "param.h"
#include "screen.h"
#include "session.h"
#include "solve.h"
#include "statedir.h"
#include "progress.h"
#include "xmalloc.h"
#include "tutor.h"

#define EXIT_USAGE 2

enum {
	OPT_ACTIONS = 256, OPT_BATCH, OPT_COMPARE, OPT_CSV, OPT_ENV,
	OPT_EPISODES, OPT_INIT, OPT_LIST, OPT_RESTART, OPT_RUNS,
	OPT_SAVE_NETWORK, OPT_SEED, OPT_SET, OPT_SOLVE, OPT_VERSION
};

static const struct option long_options[] = {
	{ "actions", required_argument, NULL, OPT_ACTIONS },
	{ "batch", no_argument, NULL, OPT_BATCH },
	{ "compare", required_argument, NULL, OPT_COMPARE },
	{ "csv", required_argument, NULL, OPT_CSV },
	{ "env", required_argument, NULL, OPT_ENV },
	{ "episodes", required_argument, NULL, OPT_EPISODES },
	{ "help", no_argument, NULL, 'h' },
	{ "init", required_argument, NULL, OPT_INIT },
	{ "lesson", required_argument, NULL, 'l' },
	{ "list", no_argument, NULL, OPT_LIST },
	{ "restart", no_argument, NULL, OPT_RESTART },
	{ "runs", required_argument, NULL, OPT_RUNS },
	{ "save-network", required_argument, NULL, OPT_SAVE_NETWORK },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "set", required_argument, NULL, OPT_SET },
	{ "solve", no_argument, NULL, OPT_SOLVE },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

/* Settings from the command line, applied after the lesson's. */
struct cli {
	bool		 batch;
	bool		 list;
	bool		 restart;	/* ignore the remembered progress */
	bool		 solve;
	bool		 env;		/* --env: no lesson unless named */
	const char	*env_name;	/* the last --env */
	const char	*init;		/* --init: a cart-pole's start */
	const char	*actions;	/* --actions: its pushes, "0110" */
	const char	*lesson;
	const char	*csv;
	const char	*save_network;	/* DQN batch: where to save */
	const char	*compare;	/* "NAME=V1,V2,..." */
	char		**assign;	/* "NAME=VALUE" in command-line order */
	int		 nassign;
};

static void
usage(FILE *f)
{
	fprintf(f,
	    "usage: qtutor [--lesson NAME|FILE] [--restart] [--seed N]\n"
	    "              [--set NAME=VALUE]...\n"
	    "       qtutor --batch [--lesson NAME|FILE] [--runs N] [--episodes N]\n"
	    "              [--seed N] [--set NAME=VALUE]... [--csv FILE]\n"
	    "              [--compare NAME=V1,V2,...] [--save-network FILE]\n"
	    "       qtutor --solve [--env NAME] [--lesson NAME|FILE]\n"
	    "              [--set NAME=VALUE]...\n"
	    "       qtutor --env cartpole --init X,XDOT,THETA,THETADOT "
	    "--actions 0110...\n"
	    "       qtutor --list | --help | --version\n");
}

/* Text in lines of at most width columns, each indented. */
static void
print_wrapped(const char *text, int indent, int width)
{
	const char	*p = text, *end;
	int		 col = 0, len;

	while (*p != '\0') {
		while (*p == ' ')
			p++;
		end = p;
		while (*end != '\0' && *end != ' ')
			end++;
		len = (int)(end - p);
		if (len == 0)
			break;
		if (col > 0 && col + 1 + len > width) {
			putchar('\n');
			col = 0;
		}
		if (col == 0)
			col = printf("%*s%.*s", indent, "", len, p);
		else
			col += printf(" %.*s", len, p);
		p = end;
	}
	putchar('\n');
}

static void
help(void)
{
	const struct param	*t;
	char			 range[PARAM_STR_MAX], def[PARAM_STR_MAX];
	struct params		 p;

	usage(stdout);
	printf("\nA terminal tutor for reinforcement learning.\n\n"
	    "options:\n"
	    "  --lesson NAME|FILE  the lesson to open (without it: a menu; "
	    "batch: frozenlake)\n"
	    "  --restart           begin the lesson again instead of where "
	    "you left it\n"
	    "  --batch             train without a screen; print curves and "
	    "a summary\n"
	    "  --runs N            independent runs to average (batch)\n"
	    "  --episodes N        episodes per run (batch)\n"
	    "  --seed N            base seed\n"
	    "  --set NAME=VALUE    change a parameter (repeatable)\n"
	    "  --csv FILE          write the averaged curves as CSV (batch)\n"
	    "  --save-network FILE save DQN's trained network (batch)\n"
	    "  --compare NAME=V1,V2,...\n"
	    "                      run each value over the same seeds; one "
	    "plot, a table\n"
	    "                      and a summary line per value (batch)\n"
	    "  --env NAME          the environment, as --set env=NAME; "
	    "without --lesson,\n"
	    "                      no lesson is loaded (batch, solve)\n"
	    "  --solve             value iteration on the environment's "
	    "model: print the\n"
	    "                      optimal values as CSV and the greedy "
	    "policy\n"
	    "  --init X,XDOT,THETA,THETADOT\n"
	    "                      with --env cartpole: the start of one "
	    "trajectory\n"
	    "  --actions 0110...   with --env cartpole and --init: 0 pushes "
	    "left, 1 right,\n"
	    "                      one a step; print the trajectory as CSV\n"
	    "  --list              list the lessons\n"
	    "  --help, --version\n\nparameters (default, range):\n");
	params_defaults(&p);
	for (t = param_table; t->name != NULL; t++) {
		param_format(&p, t, def, sizeof def);
		param_describe_range(t, range, sizeof range);
		printf("  %-14s %s (%s)\n", t->name, def, range);
		print_wrapped(t->text, 6, 79);
	}
	printf("\nSee qtutor(1) for lessons, batch mode and the files used.\n");
}

static int
usage_error(const char *msg)
{
	fprintf(stderr, "qtutor: %s\n", msg);
	fprintf(stderr, "Try 'qtutor --help' for more information.\n");
	return (EXIT_USAGE);
}

/* What --lesson takes to open the file: its name without .lesson. */
static const char *
lesson_stem(const char *path, char *buf, size_t bufsz)
{
	const char	*base = strrchr(path, '/');
	size_t		 len;

	base = base != NULL ? base + 1 : path;
	len = strlen(base);
	if (len > 7 && strcmp(base + len - 7, ".lesson") == 0)
		len -= 7;
	snprintf(buf, bufsz, "%.*s", (int)len, base);
	return (buf);
}

static int
parse_options(int argc, char **argv, struct cli *c, struct params *p)
{
	char	 buf[PARAM_STR_MAX + 32];
	int	 ch;

	(void)p;
	while ((ch = getopt_long(argc, argv, "hl:", long_options, NULL)) !=
	    -1) {
		buf[0] = '\0';
		switch (ch) {
		case OPT_ACTIONS:
			c->actions = optarg;
			break;
		case OPT_BATCH:
			c->batch = true;
			break;
		case OPT_COMPARE:
			c->compare = optarg;
			break;
		case OPT_SAVE_NETWORK:
			c->save_network = optarg;
			break;
		case OPT_CSV:
			c->csv = optarg;
			break;
		case OPT_ENV:
			c->env = true;
			c->env_name = optarg;
			snprintf(buf, sizeof buf, "env=%s", optarg);
			break;
		case OPT_EPISODES:
			snprintf(buf, sizeof buf, "episodes=%s", optarg);
			break;
		case 'h':
			help();
			exit(0);
		case 'l':
			c->lesson = optarg;
			break;
		case OPT_INIT:
			c->init = optarg;
			break;
		case OPT_LIST:
			c->list = true;
			break;
		case OPT_RESTART:
			c->restart = true;
			break;
		case OPT_RUNS:
			snprintf(buf, sizeof buf, "runs=%s", optarg);
			break;
		case OPT_SEED:
			snprintf(buf, sizeof buf, "seed=%s", optarg);
			break;
		case OPT_SET:
			snprintf(buf, sizeof buf, "%s", optarg);
			break;
		case OPT_SOLVE:
			c->solve = true;
			break;
		case OPT_VERSION:
			printf("qtutor %s\n", PACKAGE_VERSION);
			exit(0);
		default:
			usage(stderr);
			return (-1);
		}
		if (buf[0] != '\0') {
			c->assign = realloc(c->assign, (c->nassign + 1) *
			    sizeof *c->assign);
			if (c->assign == NULL)
				abort();
			c->assign[c->nassign++] = strdup(buf);
		}
	}
	if (optind < argc) {
		fprintf(stderr, "qtutor: unexpected argument '%s'\n",
		    argv[optind]);
		fprintf(stderr, "Try 'qtutor --help' for more information.\n");
		return (-1);
	}
	return (0);
}

static void
free_cli(struct cli *c)
{
	int	 i;

	for (i = 0; i < c->nassign; i++)
		free(c->assign[i]);
	free(c->assign);
}


static enum plot_glyphs
glyphs_from_locale(void)
{
	const char	*cs = nl_langinfo(CODESET);

	return (cs != NULL && strcmp(cs, "UTF-8") == 0 ? PLOT_UTF8 :
	    PLOT_ASCII);
}

/*
 * The command line's settings applied to p, and the environment built
 * once so that a bad map is reported before anything starts.
 */
static int
apply_cli(const struct cli *c, const struct datadir *d, struct params *p,
    char *err, size_t errsz)
{
	struct env	*env;
	char		 name[64];
	size_t		 len;
	int		 i;

	for (i = 0; i < c->nassign; i++)
		if (param_assign(p, c->assign[i], err, errsz) != 0)
			return (-1);
	/* FQI and DQN learn on CartPole, and the tables off it. */
	if ((params_scope(p) != SCOPE_TABULAR) !=
	    (strcmp(params_env(p), "cartpole") == 0)) {
		if (params_scope(p) != SCOPE_TABULAR)
			snprintf(err, errsz, "agent %s learns on env "
			    "cartpole, not %s", params_agent(p),
			    params_env(p));
		else
			snprintf(err, errsz, "%s learns a table, and %s's "
			    "states are continuous: use agent fqi or dqn",
			    params_agent(p), params_env(p));
		return (-1);
	}
	if (params_is_dqn(p) && p->buffer < p->batch) {
		snprintf(err, errsz, "buffer (%lld) must hold at least a batch "
		    "(%lld)", p->buffer, p->batch);
		return (-1);
	}
	/* A setting the learner would ignore is a mistake worth naming. */
	for (i = 0; i < c->nassign; i++) {
		len = strcspn(c->assign[i], "=");
		snprintf(name, sizeof name, "%.*s", (int)len, c->assign[i]);
		if (!param_applies(name, params_scope(p))) {
			snprintf(err, errsz, "%s does not apply to agent %s",
			    name, params_agent(p));
			return (-1);
		}
	}
	if ((env = session_make_env(p, d, err, errsz)) == NULL)
		return (-1);
	env_free(env);
	return (0);
}

/*
 * A lesson made ready: loaded (by name or path), its header applied,
 * then the command line's settings.
 */
static struct lesson *
prepare(const struct cli *c, const struct datadir *d, const char *name,
    struct params *p, char *err, size_t errsz)
{
	char		 path[DATADIR_PATH_MAX];
	struct lesson	*l;

	params_defaults(p);
	if (datadir_lesson_path(d, name, path, sizeof path, err, errsz) != 0)
		return (NULL);
	if ((l = lesson_load(path, err, errsz)) == NULL)
		return (NULL);
	if (tutor_apply_lesson(p, l, d, err, errsz) != 0 ||
	    apply_cli(c, d, p, err, errsz) != 0) {
		lesson_free(l);
		return (NULL);
	}
	return (l);
}

/* --batch --compare: every value checked before anything runs. */
static int
batch_compare_cli(const struct cli *c, const char *spec,
    const struct datadir *d, const struct params *p,
    const struct batch_options *o)
{
	struct comparison	*cmp;
	char			 err[1024];
	int			 rc = 0;

	if (c->csv != NULL)
		return (usage_error("--csv cannot be used with --compare"));
	cmp = xcalloc(1, sizeof *cmp);
	if (compare_parse_spec(cmp, p, spec, d, err, sizeof err) != 0) {
		free(cmp);
		return (usage_error(err));
	}
	if (batch_compare(cmp, d, o, stdout, err, sizeof err) != 0) {
		fprintf(stderr, "qtutor: %s\n", err);
		rc = 1;
	}
	compare_free(cmp);
	free(cmp);
	return (rc);
}

static int
batch(const struct cli *c, const struct datadir *d)
{
	struct params		 p;
	struct lesson		*l = NULL;
	struct batch_options	 o;
	char			 err[1024], title[128];
	int			 rc = 0;

	/* --env without --lesson: the defaults and the options alone. */
	if (c->env && c->lesson == NULL) {
		params_defaults(&p);
		if (apply_cli(c, d, &p, err, sizeof err) != 0)
			return (usage_error(err));
		snprintf(title, sizeof title, "%s on %s", params_agent(&p),
		    params_env(&p));
	} else if ((l = prepare(c, d, c->lesson != NULL ? c->lesson :
	    "frozenlake", &p, err, sizeof err)) == NULL)
		return (usage_error(err));
	memset(&o, 0, sizeof o);
	o.title = l != NULL ? l->title : title;
	o.csv_path = c->csv;
	o.network_path = c->save_network;
	if (c->save_network != NULL && !params_is_dqn(&p)) {
		lesson_free(l);
		return (usage_error("--save-network saves DQN's network: it "
		    "needs agent dqn"));
	}
	o.glyphs = glyphs_from_locale();
	o.width = 72;
	o.progress = isatty(STDERR_FILENO) && p.runs * p.episodes >= 100000;
	if (params_is_dqn(&p) && c->compare != NULL) {
		if (c->csv != NULL || c->save_network != NULL) {
			lesson_free(l);
			return (usage_error("--compare cannot be used with "
			    "--csv or --save-network"));
		}
		rc = batch_dqn_compare(&p, c->compare, &o, stdout, err,
		    sizeof err);
		lesson_free(l);
		if (rc == -2)
			return (usage_error(err));
		if (rc != 0)
			fprintf(stderr, "qtutor: %s\n", err);
		return (rc != 0);
	}
	if (params_scope(&p) != SCOPE_TABULAR && c->compare != NULL) {
		lesson_free(l);
		return (usage_error("--compare runs the tabular agents; for "
		    "FQI run one batch per regressor (--set regressor=NAME)"));
	}
	/* --compare, or the comparison the lesson itself declares (the
	 * cliff lesson compares Q-learning and SARSA). */
	if (c->compare != NULL || (l != NULL && l->compare != NULL)) {
		rc = batch_compare_cli(c, c->compare != NULL ? c->compare :
		    l->compare, d, &p, &o);
		lesson_free(l);
		return (rc);
	}
	if (params_is_fqi(&p)) {
		if (batch_fqi(&p, d, &o, stdout, err, sizeof err) != 0) {
			fprintf(stderr, "qtutor: %s\n", err);
			rc = 1;
		}
	} else if (params_is_dqn(&p)) {
		if (batch_dqn(&p, d, &o, stdout, err, sizeof err) != 0) {
			fprintf(stderr, "qtutor: %s\n", err);
			rc = 1;
		}
	} else if (batch_run(&p, d, &o, stdout, err, sizeof err) != 0) {
		fprintf(stderr, "qtutor: %s\n", err);
		rc = 1;
	}
	lesson_free(l);
	return (rc);
}

/* --solve: the settings of the lesson named, if any, or the defaults,
 * then the options; exit 2 when the environment has no model. */
static int
solve(const struct cli *c, const struct datadir *d)
{
	struct params	 p;
	struct lesson	*l;
	struct env	*env;
	char		 err[1024];
	int		 rc = 0;

	if (c->lesson != NULL) {
		if ((l = prepare(c, d, c->lesson, &p, err, sizeof err)) ==
		    NULL)
			return (usage_error(err));
		lesson_free(l);
	} else {
		params_defaults(&p);
		if (apply_cli(c, d, &p, err, sizeof err) != 0)
			return (usage_error(err));
	}
	if ((env = session_make_env(&p, d, err, sizeof err)) == NULL)
		return (usage_error(err));
	if (env->model == NULL) {
		snprintf(err, sizeof err, "env: %s has no transition model to "
		    "solve", params_env(&p));
		env_free(env);
		return (usage_error(err));
	}
	if (solve_print(env, &p, glyphs_from_locale(), stdout, err,
	    sizeof err) != 0) {
		fprintf(stderr, "qtutor: %s\n", err);
		rc = 1;
	}
	env_free(env);
	return (rc);
}

/*
 * --init: a cart-pole's start, four finite numbers.  strtod reads what
 * %.17g wrote back to the same bits, so a start copied from a
 * trajectory file starts exactly there.
 */
static int
parse_init(const char *s, double st[CARTPOLE_DIM], char *err, size_t errsz)
{
	static const char *const names[CARTPOLE_DIM] = { "x", "x_dot",
	    "theta", "theta_dot" };
	const char	*p, *field;
	char		*end;
	size_t		 len;
	int		 i, n = 1;

	for (p = s; *p != '\0'; p++)
		n += *p == ',';
	if (n != CARTPOLE_DIM) {
		snprintf(err, errsz, "--init: '%s' has %d field%s, not 4 "
		    "numbers x,x_dot,theta,theta_dot", s, n, n == 1 ? "" : "s");
		return (-1);
	}
	for (i = 0, field = s; i < CARTPOLE_DIM; i++, field += len + 1) {
		len = strcspn(field, ",");
		st[i] = strtod(field, &end);
		if (len == 0 || end != field + len) {
			snprintf(err, errsz, "--init: %s '%.*s' is not a number",
			    names[i], (int)len, field);
			return (-1);
		}
		if (!isfinite(st[i])) {
			snprintf(err, errsz, "--init: %s '%.*s' is not a "
			    "finite number", names[i], (int)len, field);
			return (-1);
		}
	}
	return (0);
}

/* --actions: a push for each step, 0 left or 1 right. */
static int
check_actions(const char *a, char *err, size_t errsz)
{
	size_t	 i;

	for (i = 0; a[i] != '\0'; i++) {
		if (a[i] == '0' || a[i] == '1')
			continue;
		snprintf(err, errsz, "--actions: character %zu '%c' is not 0 "
		    "(push left) or 1 (push right)", i + 1,
		    (unsigned char)a[i] >= 0x20 && (unsigned char)a[i] < 0x7f ?
		    a[i] : '?');
		return (-1);
	}
	return (0);
}

static void
trajectory_row(int step, int action, const double st[CARTPOLE_DIM],
    double reward, bool terminated, bool truncated)
{
	printf("%d,%d,%.17g,%.17g,%.17g,%.17g,%.17g,%d,%d\n", step, action,
	    st[0], st[1], st[2], st[3], reward, terminated, truncated);
}

/*
 * --env cartpole --init --actions: one trajectory as CSV, the state in
 * full double precision, written as Gymnasium's reference files are
 * (tests/data/cartpole).  It ends at termination, at the time limit or
 * when the actions run out, whichever comes first.
 */
static int
trajectory(const struct cli *c)
{
	struct env	*e;
	struct env_step	 out;
	struct rng	 r;
	double		 st[CARTPOLE_DIM];
	char		 err[512];
	const char	*opt = c->init != NULL ? "--init" : "--actions";
	size_t		 i;

	if (c->batch || c->solve || c->list || c->lesson != NULL) {
		snprintf(err, sizeof err, "%s cannot be used with --batch, "
		    "--solve, --list or --lesson", opt);
		return (usage_error(err));
	}
	if (c->env_name == NULL || strcmp(c->env_name, "cartpole") != 0) {
		snprintf(err, sizeof err, "%s needs --env cartpole%s%s%s", opt,
		    c->env_name != NULL ? " (not " : "",
		    c->env_name != NULL ? c->env_name : "",
		    c->env_name != NULL ? ")" : "");
		return (usage_error(err));
	}
	if (c->init == NULL)
		return (usage_error("--actions needs --init, the start "
		    "x,x_dot,theta,theta_dot"));
	if (c->actions == NULL)
		return (usage_error("--init needs --actions, a 0 or 1 for "
		    "each step"));
	if (parse_init(c->init, st, err, sizeof err) != 0 ||
	    check_actions(c->actions, err, sizeof err) != 0)
		return (usage_error(err));
	/* The reset only starts the episode: its draw is overwritten. */
	e = cartpole_new();
	rng_seed(&r, 0, 0);
	env_reset(e, &r);
	memcpy(e->st.x, st, sizeof st);
	printf("step,action,x,x_dot,theta,theta_dot,reward,terminated,"
	    "truncated\n");
	trajectory_row(0, -1, e->st.x, 0, false, false);
	out.terminated = out.truncated = false;
	for (i = 0; c->actions[i] != '\0' && !out.terminated &&
	    !out.truncated; i++) {
		env_step(e, c->actions[i] - '0', &r, &out);
		trajectory_row(e->st.t, c->actions[i] - '0', e->st.x,
		    out.reward, out.terminated, out.truncated);
	}
	env_free(e);
	return (0);
}

/* Lessons in their order: key first (by it), then the others by name. */
static int
compare_items(const void *a, const void *b)
{
	const struct menu_item	*x = a, *y = b;
	int			 ox = x->order > 0 ? x->order : 1000;
	int			 oy = y->order > 0 ? y->order : 1000;

	if (ox != oy)
		return (ox < oy ? -1 : 1);
	return (strcmp(x->name, y->name));
}

/* The lessons for the start screen and --list, with the learner's
 * progress, in order.  A lesson that does not load is left out (and
 * named in err). */
static int
menu_items(const struct datadir *d, const struct progress *pr,
    struct menu_item **items)
{
	const struct progress_entry	*e;
	struct menu_item		*it;
	struct lesson			*l;
	char				**paths, err[512];
	int				 n, i, k = 0;

	n = datadir_list_lessons(d, &paths);
	*items = xcalloc(n > 0 ? n : 1, sizeof **items);
	for (i = 0; i < n; i++) {
		if ((l = lesson_load(paths[i], err, sizeof err)) != NULL) {
			it = &(*items)[k++];
			snprintf(it->path, sizeof it->path, "%s", paths[i]);
			lesson_stem(paths[i], it->name, sizeof it->name);
			snprintf(it->title, sizeof it->title, "%s", l->title);
			snprintf(it->summary, sizeof it->summary, "%s",
			    l->summary);
			it->order = l->order;
			if ((e = progress_find(pr, it->name)) == NULL)
				snprintf(it->progress, sizeof it->progress,
				    "new");
			else
				snprintf(it->progress, sizeof it->progress,
				    "page %d of %d, %d checkpoint%s reached",
				    e->page + 1, l->npages,
				    progress_count(e),
				    progress_count(e) == 1 ? "" : "s");
			lesson_free(l);
		} else
			fprintf(stderr, "qtutor: %s\n", err);
		free(paths[i]);
	}
	free(paths);
	qsort(*items, k, sizeof **items, compare_items);
	return (k);
}

static int
list_lessons(const struct datadir *d)
{
	struct progress		 none = { NULL, 0 };
	struct menu_item	*items;
	int			 n, i;

	if ((n = menu_items(d, &none, &items)) == 0)
		fprintf(stderr, "qtutor: no lessons in %s\n", d->lessons);
	for (i = 0; i < n; i++)
		printf("%-14s %s\n", items[i].name, items[i].summary);
	free(items);
	return (n > 0 ? 0 : 1);
}

/* Play one prepared lesson on the open screen and remember where the
 * learner left it. */
static int
play(const struct cli *c, struct lesson *l, const struct params *p,
    const struct datadir *d, struct progress *pr, const char *progress_path,
    const char *notice, char *err, size_t errsz)
{
	struct tutor	*t;
	char		 stem[64];

	if ((t = tutor_new(l, p, d, err, errsz)) == NULL)
		return (-1);
	lesson_stem(l->path, stem, sizeof stem);
	if (!c->restart)
		tutor_resume(t, progress_find(pr, stem));
	if (notice[0] != '\0')
		tutor_say(t, true, "%s", notice);
	screen_run(t);
	tutor_record(t, progress_entry(pr, stem));
	tutor_free(t);
	if (progress_path != NULL &&
	    progress_save(pr, progress_path, err, errsz) != 0)
		return (-1);
	return (0);
}

/* The lessons on the screen: the one asked for, or the start screen. */
static int
interactive(const struct cli *c, const struct datadir *d)
{
	struct progress		 pr;
	struct menu_item	*items = NULL;
	struct lesson		*l = NULL;
	struct params		 p;
	char			 err[1024], notice[1200] = "", history[4096];
	char			 progress_path[4096];
	const char		*hp = history, *pp = progress_path;
	int			 n = 0, choice, rc = 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "qtutor: the lesson needs a terminal; use "
		    "--batch to run it without one\n");
		return (EXIT_USAGE);
	}
	/* A lesson named on the command line is checked before curses. */
	if (c->lesson != NULL &&
	    (l = prepare(c, d, c->lesson, &p, err, sizeof err)) == NULL)
		return (usage_error(err));
	if (statedir_path("history", history, sizeof history, err,
	    sizeof err) != 0 || statedir_path("progress", progress_path,
	    sizeof progress_path, err, sizeof err) != 0) {
		snprintf(notice, sizeof notice, "%s: history and progress "
		    "are not kept", err);
		hp = pp = NULL;
	}
	memset(&pr, 0, sizeof pr);
	switch (pp != NULL ? progress_load(&pr, pp, err, sizeof err) : 0) {
	case -1:
		/* Unreadable: keep it as it is rather than overwrite it. */
		snprintf(notice, sizeof notice, "%s (progress not kept)", err);
		pp = NULL;
		break;
	case 1:
		snprintf(notice, sizeof notice, "%s", err);
		break;
	}
	if (screen_open(glyphs_from_locale(), hp, err, sizeof err) != 0) {
		lesson_free(l);
		progress_free(&pr);
		fprintf(stderr, "qtutor: %s\n", err);
		return (1);
	}
	if (l != NULL) {
		if (play(c, l, &p, d, &pr, pp, notice, err, sizeof err) != 0)
			rc = 1;
		lesson_free(l);
	} else {
		for (;;) {
			free(items);
			n = menu_items(d, &pr, &items);
			if ((choice = screen_menu(items, n, notice)) < 0)
				break;
			notice[0] = '\0';
			if ((l = prepare(c, d, items[choice].path, &p, err,
			    sizeof err)) == NULL ||
			    play(c, l, &p, d, &pr, pp, notice, err,
			    sizeof err) != 0)
				snprintf(notice, sizeof notice, "%s", err);
			lesson_free(l);
			l = NULL;
			if (screen_interrupted())
				break;
		}
		free(items);
	}
	screen_close();
	progress_free(&pr);
	if (rc != 0)
		fprintf(stderr, "qtutor: %s\n", err);
	return (rc);
}

static int
run(struct cli *c, struct datadir *d)
{
	if (c->init != NULL || c->actions != NULL)
		return (trajectory(c));
	if (c->list)
		return (list_lessons(d));
	if (c->solve && c->batch)
		return (usage_error("--solve and --batch cannot be used "
		    "together"));
	if (c->compare != NULL && !c->batch)
		return (usage_error("--compare needs --batch"));
	if (c->solve)
		return (solve(c, d));
	if (c->batch)
		return (batch(c, d));
	return (interactive(c, d));
}

int
main(int argc, char **argv)
{
	struct cli	 c;
	struct datadir	 d;
	int		 rc;

	/* Only the character set is taken from the user's locale (UTF-8
	 * plots, and the screen's wide characters).  Numbers read and
	 * written (settings, CSV, the summary) keep the C locale's full
	 * stop, and loading no other category keeps start-up quick. */
	setlocale(LC_CTYPE, "");
	memset(&c, 0, sizeof c);
	if (parse_options(argc, argv, &c, NULL) != 0) {
		free_cli(&c);
		return (EXIT_USAGE);
	}
	datadir_find(&d);
	rc = run(&c, &d);
	free_cli(&c);
	if (fflush(stdout) != 0) {
		perror("qtutor: stdout");
		rc = 1;
	}
	return (rc);
}
