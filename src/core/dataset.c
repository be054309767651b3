/* FQI's offline dataset: collected by a random policy, saved, loaded. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomicfile.h"
#include "dataset.h"
#include "textfile.h"
#include "xmalloc.h"

#define DATASET_MAGIC	"# qtutor dataset 1"
/* 1,000,000 rows of about 150 bytes, with room to spare. */
#define DATASET_MAX_BYTES ((size_t)400 << 20)

static const char *const cartpole_columns =
    "x,x_dot,theta,theta_dot,action,reward,"
    "next_x,next_x_dot,next_theta,next_theta_dot,terminated,truncated";

struct dataset *
dataset_new(long n, int d, int nactions, const char *env)
{
	struct dataset	*ds = xcalloc(1, sizeof *ds);

	ds->n = n;
	ds->d = d;
	ds->nactions = nactions;
	snprintf(ds->env, sizeof ds->env, "%s", env);
	ds->s = xreallocarray(NULL, (size_t)n * d, sizeof *ds->s);
	ds->s2 = xreallocarray(NULL, (size_t)n * d, sizeof *ds->s2);
	ds->a = xreallocarray(NULL, (size_t)n, sizeof *ds->a);
	ds->r = xreallocarray(NULL, (size_t)n, sizeof *ds->r);
	ds->terminated = xcalloc((size_t)n, sizeof *ds->terminated);
	ds->truncated = xcalloc((size_t)n, sizeof *ds->truncated);
	return (ds);
}

void
dataset_free(struct dataset *ds)
{
	if (ds == NULL)
		return;
	free(ds->s);
	free(ds->s2);
	free(ds->a);
	free(ds->r);
	free(ds->terminated);
	free(ds->truncated);
	free(ds);
}

/* The agent's view of the environment's continuous state. */
static void
observe(const struct env *e, double *obs)
{
	int	 i;

	for (i = 0; i < e->obs_dim; i++)
		obs[i] = (double)(float)e->st.x[i];
}

struct dataset *
dataset_collect(struct env *e, long n, struct rng *r, uint64_t seed)
{
	struct dataset	*ds = dataset_new(n, e->obs_dim, e->nactions,
			    e->ops->name);
	struct env_step	 out;
	long		 i;
	int		 d = e->obs_dim;

	ds->seed = seed;
	env_reset(e, r);
	ds->episodes = 1;
	for (i = 0; i < n; i++) {
		observe(e, ds->s + i * d);
		ds->a[i] = (int)rng_below(r, (uint32_t)e->nactions);
		env_step(e, ds->a[i], r, &out);
		ds->r[i] = out.reward;
		observe(e, ds->s2 + i * d);
		ds->terminated[i] = out.terminated;
		ds->truncated[i] = out.truncated && !out.terminated;
		if ((out.terminated || out.truncated) && i + 1 < n) {
			env_reset(e, r);
			ds->episodes++;
		}
	}
	return (ds);
}

long
dataset_terminations(const struct dataset *ds)
{
	long	 i, k = 0;

	for (i = 0; i < ds->n; i++)
		k += ds->terminated[i];
	return (k);
}

static void
write_numbers(FILE *f, const double *v, int n)
{
	int	 i;

	for (i = 0; i < n; i++)
		fprintf(f, "%.9g,", v[i]);
}

int
dataset_save(const struct dataset *ds, const char *path, char *err,
    size_t errsz)
{
	struct atomicfile	 af;
	long			 i;

	if (atomicfile_open(&af, path, err, errsz) != 0)
		return (-1);
	fprintf(af.f, "%s\n# env=%s obs=%d actions=%d transitions=%ld "
	    "seed=%" PRIu64 "\n%s\n", DATASET_MAGIC, ds->env, ds->d,
	    ds->nactions, ds->n, ds->seed, cartpole_columns);
	for (i = 0; i < ds->n; i++) {
		write_numbers(af.f, ds->s + i * ds->d, ds->d);
		fprintf(af.f, "%d,%.17g,", ds->a[i], ds->r[i]);
		write_numbers(af.f, ds->s2 + i * ds->d, ds->d);
		fprintf(af.f, "%d,%d\n", ds->terminated[i], ds->truncated[i]);
	}
	return (atomicfile_commit(&af, err, errsz));
}

/* Loading: a cursor over the file's lines, for errors with line numbers. */
struct reader {
	const char	*path;
	char		*p;		/* the next line */
	long		 line;		/* the current line's number */
	char		*err;
	size_t		 errsz;
};

/* The next line, NUL-terminated in place; NULL at the end. */
static char *
next_line(struct reader *rd)
{
	char	*s = rd->p, *nl;

	if (*s == '\0')
		return (NULL);
	if ((nl = strchr(s, '\n')) != NULL) {
		*nl = '\0';
		rd->p = nl + 1;
	} else
		rd->p = s + strlen(s);
	if (nl != NULL && nl > s && nl[-1] == '\r')
		nl[-1] = '\0';
	rd->line++;
	return (s);
}

static int
fail(struct reader *rd, const char *what)
{
	snprintf(rd->err, rd->errsz, "%s:%ld: %s", rd->path, rd->line, what);
	return (-1);
}

/* The value of key in a "# k=v k=v" line. */
static int
header_value(const char *line, const char *key, char *out, size_t outsz)
{
	size_t		 klen = strlen(key);
	const char	*p = line;

	while ((p = strstr(p, key)) != NULL) {
		if ((p == line || p[-1] == ' ') && p[klen] == '=') {
			p += klen + 1;
			klen = strcspn(p, " ");
			if (klen >= outsz)
				return (-1);
			memcpy(out, p, klen);
			out[klen] = '\0';
			return (0);
		}
		p++;
	}
	return (-1);
}

static int
header_long(const char *line, const char *key, long min, long max,
    long *out)
{
	char	 v[64], *end;
	long	 x;

	if (header_value(line, key, v, sizeof v) != 0 || v[0] == '\0')
		return (-1);
	errno = 0;
	x = strtol(v, &end, 10);
	if (*end != '\0' || errno != 0 || x < min || x > max)
		return (-1);
	*out = x;
	return (0);
}

/* One field of a row: a finite number followed by sep. */
static int
field(char **p, char sep, double *out)
{
	char	*end;

	errno = 0;
	*out = strtod(*p, &end);
	if (end == *p || *end != sep || errno == ERANGE || !isfinite(*out))
		return (-1);
	*p = end + 1;
	return (0);
}

static int
flag(char **p, char sep, bool *out)
{
	if (((*p)[0] != '0' && (*p)[0] != '1') || (*p)[1] != sep)
		return (-1);
	*out = (*p)[0] == '1';
	*p += 2;
	return (0);
}

/* Observations are floats: %.9g gives the float back only once it is
 * rounded to float again. */
static void
round_to_float(double *v, int n)
{
	int	 j;

	for (j = 0; j < n; j++)
		v[j] = (double)(float)v[j];
}

static int
parse_row(struct reader *rd, char *line, struct dataset *ds, long i)
{
	char	*p = line;
	double	 v;
	int	 j, d = ds->d;

	for (j = 0; j < d; j++)
		if (field(&p, ',', &ds->s[i * d + j]) != 0)
			return (fail(rd, "an observation is not a number"));
	round_to_float(ds->s + i * d, d);
	if (field(&p, ',', &v) != 0 || v != floor(v) || v < 0 ||
	    v >= ds->nactions)
		return (fail(rd, "the action is not one of the actions"));
	ds->a[i] = (int)v;
	if (field(&p, ',', &ds->r[i]) != 0)
		return (fail(rd, "the reward is not a number"));
	for (j = 0; j < d; j++)
		if (field(&p, ',', &ds->s2[i * d + j]) != 0)
			return (fail(rd, "a next observation is not a "
			    "number"));
	round_to_float(ds->s2 + i * d, d);
	if (flag(&p, ',', &ds->terminated[i]) != 0)
		return (fail(rd, "terminated is not 0 or 1"));
	if (flag(&p, '\0', &ds->truncated[i]) != 0)
		return (fail(rd, "truncated is not 0 or 1, or the row has "
		    "more fields"));
	return (0);
}

static struct dataset *
parse(struct reader *rd, const char *env, int d, int nactions)
{
	struct dataset	*ds;
	char		*line, want[160], v[64];
	long		 n, obs, acts, seed = 0, i;

	line = next_line(rd);
	if (line == NULL || strcmp(line, DATASET_MAGIC) != 0) {
		fail(rd, "not a qtutor dataset (the first line should be \""
		    DATASET_MAGIC "\")");
		return (NULL);
	}
	if ((line = next_line(rd)) == NULL || strncmp(line, "# ", 2) != 0) {
		fail(rd, "missing the \"# env=... transitions=N\" line");
		return (NULL);
	}
	if (header_value(line, "env", v, sizeof v) != 0 || strcmp(v, env)) {
		snprintf(want, sizeof want, "the dataset is not for %s", env);
		fail(rd, want);
		return (NULL);
	}
	if (header_long(line, "obs", d, d, &obs) != 0 ||
	    header_long(line, "actions", nactions, nactions, &acts) != 0) {
		snprintf(want, sizeof want, "obs= and actions= must be %d "
		    "and %d", d, nactions);
		fail(rd, want);
		return (NULL);
	}
	if (header_long(line, "transitions", 1, DATASET_MAX_ROWS, &n) != 0) {
		snprintf(want, sizeof want, "transitions= must be a count "
		    "from 1 to %ld", DATASET_MAX_ROWS);
		fail(rd, want);
		return (NULL);
	}
	/* The seed is information only; a hand-made file may lack it. */
	(void)header_long(line, "seed", 0, LONG_MAX, &seed);
	if ((line = next_line(rd)) == NULL) {
		fail(rd, "the file ends before the column header");
		return (NULL);
	}
	if (strcmp(line, cartpole_columns) != 0) {
		fail(rd, "the column header is not the one qtutor writes");
		return (NULL);
	}
	ds = dataset_new(n, d, nactions, env);
	ds->seed = (uint64_t)seed;
	for (i = 0; i < n; i++) {
		if ((line = next_line(rd)) == NULL) {
			snprintf(want, sizeof want, "the file ends after %ld "
			    "of its %ld transitions", i, n);
			fail(rd, want);
			dataset_free(ds);
			return (NULL);
		}
		if (parse_row(rd, line, ds, i) != 0) {
			dataset_free(ds);
			return (NULL);
		}
		if (i == 0 || ds->terminated[i - 1] || ds->truncated[i - 1])
			ds->episodes++;
	}
	while ((line = next_line(rd)) != NULL)
		if (line[0] != '\0') {
			snprintf(want, sizeof want, "more rows than the %ld "
			    "transitions= says", n);
			fail(rd, want);
			dataset_free(ds);
			return (NULL);
		}
	return (ds);
}

struct dataset *
dataset_load(const char *path, const char *env, int d, int nactions,
    char *err, size_t errsz)
{
	struct reader	 rd;
	struct dataset	*ds;
	char		*text;
	size_t		 len;

	if ((text = textfile_read(path, DATASET_MAX_BYTES, &len, err,
	    errsz)) == NULL)
		return (NULL);
	if (strlen(text) != len) {
		snprintf(err, errsz, "%s: a NUL byte: not a text file", path);
		free(text);
		return (NULL);
	}
	rd.path = path;
	rd.p = text;
	rd.line = 0;
	rd.err = err;
	rd.errsz = errsz;
	ds = parse(&rd, env, d, nactions);
	free(text);
	return (ds);
}
