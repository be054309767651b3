/* Commands in the FQI lesson: iterations, the cart, targets, data. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cmd-fqi.h"
#include "fqi-session.h"

/* The most iterations one command asks for. */
#define ITERATIONS_MAX 1000

static int	cmd_target_exec(struct tutor *, int, char **,
		    struct cmd_out *);
static int	cmd_save_dataset_exec(struct tutor *, int, char **,
		    struct cmd_out *);

const struct cmd_entry cmd_target_entry = {
	.name = "target",
	.usage = "[I]",
	.min_args = 0,
	.max_args = 1,
	.text = "FQI: write out transition I's target in the current fit "
	    "(without I, the next of the sampled ones).",
	.exec = cmd_target_exec,
	.scope = SCOPE_FQI
};

const struct cmd_entry cmd_save_dataset_entry = {
	.name = "save-dataset",
	.usage = "FILE",
	.min_args = 1,
	.max_args = 1,
	.text = "FQI: write the dataset to FILE (load it again with set "
	    "dataset FILE).",
	.exec = cmd_save_dataset_exec,
	.scope = SCOPE_FQI
};

static int
count(struct tutor *t, const char *what, int argc, char **argv, long *n)
{
	*n = 1;
	if (argc == 0)
		return (0);
	return (cmd_parse_count(t, what, argv[0], 1, ITERATIONS_MAX, n));
}

static void
say_iteration(struct tutor *t, const char *what)
{
	const struct fqi		*f = t->f->fqi;
	const struct fqi_iteration	*it;

	if (f->done == 0) {
		tutor_say(t, false, "%s: no iteration yet (Q = 0 everywhere)",
		    what);
		return;
	}
	it = &f->hist[f->done - 1];
	if (isnan(it->r2))
		tutor_say(t, false, "%s: iteration %d fits constant targets "
		    "(R\xc2\xb2 means nothing), greedy return %.1f", what,
		    it->iteration, it->eval_mean);
	else if (it->eval_episodes > 0)
		tutor_say(t, false, "%s: iteration %d, R\xc2\xb2 %.4f, greedy "
		    "return %.1f (sd %.1f, %ld episodes)", what,
		    it->iteration, it->r2, it->eval_mean, it->eval_std,
		    it->eval_episodes);
	else
		tutor_say(t, false, "%s: iteration %d, R\xc2\xb2 %.4f", what,
		    it->iteration, it->r2);
}

int
cmd_fqi_step(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	long	 n, i;

	(void)out;
	if (count(t, "step", argc, argv, &n) != 0)
		return (-1);
	for (i = 0; i < n; i++)
		fqi_session_iterate(t->f);
	t->playing = false;
	say_iteration(t, "step");
	return (0);
}

int
cmd_fqi_back(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	char	 err[256];
	long	 n, done;

	(void)out;
	if (count(t, "back", argc, argv, &n) != 0)
		return (-1);
	for (done = 0; done < n; done++)
		if (fqi_session_back(t->f, err, sizeof err) != 0)
			break;
	if (done == 0) {
		tutor_say(t, true, "back: %s", err);
		return (-1);
	}
	t->playing = false;
	say_iteration(t, "back");
	return (0);
}

int
cmd_fqi_episode(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	(void)argc;
	(void)argv;
	(void)out;
	/* The screen plays it at the run speed; tutor_fqi_run_slice
	 * says how it ended. */
	t->playing = true;
	t->owed = 0;
	t->last_tick = 0;
	tutor_say(t, false, "playing a greedy episode of iteration %d's Q "
	    "(+ and - change the speed)", t->f->fqi->done - 1);
	return (0);
}

int
cmd_fqi_run(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	long	 n = 0;

	(void)out;
	if (argc == 1 && cmd_parse_count(t, "run", argv[0], 1,
	    ITERATIONS_MAX, &n) != 0)
		return (-1);
	/* Without a count: up to `iterations' in all. */
	if (n == 0)
		n = (long)t->f->p.iterations - t->f->fqi->done;
	if (n <= 0) {
		tutor_say(t, false, "run: %d iterations done, iterations is "
		    "%lld: run N does N more", t->f->fqi->done,
		    t->f->p.iterations);
		return (0);
	}
	t->running = true;
	t->run_left = n;
	t->last_tick = 0;
	tutor_say(t, false, "running %ld iteration%s: press r or type pause "
	    "to stop", n, cmd_plural(n));
	return (0);
}

int
cmd_fqi_pause(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	(void)argc;
	(void)argv;
	(void)out;
	t->running = false;
	t->playing = false;
	t->run_left = 0;
	if (tutor_busy(t))
		tutor_say(t, false, "pausing: the iteration being fitted "
		    "finishes first");
	else
		say_iteration(t, "paused");
	return (0);
}

int
cmd_fqi_reset(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	(void)argc;
	(void)argv;
	(void)out;
	t->running = false;
	t->playing = false;
	fqi_session_restart(t->f);
	tutor_say(t, false, "reset: FQI starts again from iteration 0 on the "
	    "same %ld transitions", t->f->data->n);
	return (0);
}

static int
cmd_target_exec(struct tutor *t, int argc, char **argv, struct cmd_out *out)
{
	struct fqi_session	*fs = t->f;
	long			 i, k, shown;

	(void)out;
	if (argc == 1) {
		if (cmd_parse_count(t, "target", argv[0], 0, fs->data->n - 1,
		    &i) != 0)
			return (-1);
	} else {
		/* The next sampled one after the one shown (the first
		 * when none was chosen). */
		shown = fs->inspect >= 0 ? fs->inspect : fs->samples[0];
		for (k = 0; k < FQI_SAMPLES; k++)
			if (fs->samples[k] == shown)
				break;
		i = fs->samples[k < FQI_SAMPLES ? (k + 1) % FQI_SAMPLES : 0];
	}
	fs->inspect = i;
	tutor_say(t, false, "target: transition %ld is written out below",
	    i);
	return (0);
}

static int
cmd_save_dataset_exec(struct tutor *t, int argc, char **argv,
    struct cmd_out *out)
{
	char	 err[512];

	(void)argc;
	(void)out;
	if (fqi_session_save_dataset(t->f, argv[0], err, sizeof err) != 0) {
		tutor_say(t, true, "save-dataset: %s", err);
		return (-1);
	}
	tutor_say(t, false, "save-dataset: %ld transitions written to %s",
	    t->f->data->n, argv[0]);
	return (0);
}
