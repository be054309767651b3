/* FrozenLake maps: the built-in ones, parsing and validation. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gridmap.h"
#include "textfile.h"

/* Gymnasium 1.4.0, envs/toy_text/frozen_lake.py, MAPS. */
static const char *const map_4x4 =
    "SFFF\nFHFH\nFFFH\nHFFG\n";
static const char *const map_8x8 =
    "SFFFFFFF\nFFFFFFFF\nFFFHFFFF\nFFFFFHFF\n"
    "FFFHFFFF\nFHHFFFHF\nFHFFHFHF\nFFFHFFFG\n";

#define MAP_FILE_MAX 65536

static int	parse_row(struct gridmap *, const char *, size_t, const char *,
		    int, char *, size_t);
static int	check_reachable(const struct gridmap *, const char *, char *,
		    size_t);

int
gridmap_builtin(struct gridmap *m, const char *name)
{
	const char	*text;

	if (strcmp(name, "4x4") == 0)
		text = map_4x4;
	else if (strcmp(name, "8x8") == 0)
		text = map_8x8;
	else
		return (-1);
	if (gridmap_parse(m, text, name, NULL, 0) != 0)
		return (-1);
	snprintf(m->name, sizeof m->name, "%s", name);
	return (0);
}

static int
parse_row(struct gridmap *m, const char *p, size_t len, const char *origin,
    int line, char *err, size_t errsz)
{
	size_t	 i;

	if (m->rows == GRIDMAP_MAX_SIDE) {
		snprintf(err, errsz, "%s:%d: more than %d rows", origin, line,
		    GRIDMAP_MAX_SIDE);
		return (-1);
	}
	if (len > GRIDMAP_MAX_SIDE) {
		snprintf(err, errsz, "%s:%d: row longer than %d cells", origin,
		    line, GRIDMAP_MAX_SIDE);
		return (-1);
	}
	if (m->rows > 0 && (int)len != m->cols) {
		snprintf(err, errsz, "%s:%d: row has %zu cells, expected %d",
		    origin, line, len, m->cols);
		return (-1);
	}
	for (i = 0; i < len; i++) {
		if (strchr("SFHG", p[i]) == NULL) {
			snprintf(err, errsz, "%s:%d: '%c' is not a map cell "
			    "(use S, F, H or G)", origin, line,
			    (p[i] >= 0x20 && p[i] < 0x7f) ? p[i] : '?');
			return (-1);
		}
		m->cell[m->rows][i] = p[i];
	}
	m->cell[m->rows][len] = '\0';
	m->cols = (int)len;
	m->rows++;
	return (0);
}

/* Gymnasium's is_valid: some path from a start to a goal avoids holes. */
static int
check_reachable(const struct gridmap *m, const char *origin, char *err,
    size_t errsz)
{
	static const int dr[4] = { 0, 1, 0, -1 }, dc[4] = { -1, 0, 1, 0 };
	int	 stack[GRIDMAP_MAX_SIDE * GRIDMAP_MAX_SIDE];
	char	 seen[GRIDMAP_MAX_SIDE * GRIDMAP_MAX_SIDE] = { 0 };
	int	 top = 0, s, r, c, d, nr, nc;

	for (s = 0; s < m->rows * m->cols; s++) {
		if (gridmap_at(m, s) == 'S') {
			stack[top++] = s;
			seen[s] = 1;
		}
	}
	while (top > 0) {
		s = stack[--top];
		if (gridmap_at(m, s) == 'G')
			return (0);
		r = s / m->cols;
		c = s % m->cols;
		for (d = 0; d < 4; d++) {
			nr = r + dr[d];
			nc = c + dc[d];
			if (nr < 0 || nr >= m->rows || nc < 0 || nc >= m->cols)
				continue;
			if (seen[nr * m->cols + nc] || m->cell[nr][nc] == 'H')
				continue;
			seen[nr * m->cols + nc] = 1;
			stack[top++] = nr * m->cols + nc;
		}
	}
	snprintf(err, errsz, "%s: no path from S to G avoids the holes",
	    origin);
	return (-1);
}

int
gridmap_parse(struct gridmap *out, const char *text, const char *origin,
    char *err, size_t errsz)
{
	struct gridmap	 m;
	const char	*p = text, *eol, *base, *dot;
	size_t		 len;
	int		 line = 0, s, starts = 0, goals = 0;

	memset(&m, 0, sizeof m);
	while (*p != '\0') {
		line++;
		eol = strchr(p, '\n');
		len = eol != NULL ? (size_t)(eol - p) : strlen(p);
		/* Trim a comment, a carriage return and trailing blanks. */
		if (memchr(p, '#', len) != NULL)
			len = (size_t)((const char *)memchr(p, '#', len) - p);
		while (len > 0 && strchr(" \t\r", p[len - 1]) != NULL)
			len--;
		while (len > 0 && (*p == ' ' || *p == '\t')) {
			p++;
			len--;
		}
		if (len > 0 && parse_row(&m, p, len, origin, line, err,
		    errsz) != 0)
			return (-1);
		if (eol == NULL)
			break;
		p = eol + 1;
	}
	if (m.rows == 0) {
		snprintf(err, errsz, "%s: no map rows", origin);
		return (-1);
	}
	for (s = 0; s < m.rows * m.cols; s++) {
		starts += gridmap_at(&m, s) == 'S';
		goals += gridmap_at(&m, s) == 'G';
	}
	if (starts == 0 || goals == 0) {
		snprintf(err, errsz, "%s: the map needs at least one S and "
		    "one G", origin);
		return (-1);
	}
	if (check_reachable(&m, origin, err, errsz) != 0)
		return (-1);
	/* Name a map after its file, without directory or extension. */
	base = strrchr(origin, '/');
	base = base != NULL ? base + 1 : origin;
	dot = strrchr(base, '.');
	snprintf(m.name, sizeof m.name, "%.*s", (int)(dot != NULL && dot > base ?
	    (size_t)(dot - base) : strlen(base)), base);
	*out = m;
	return (0);
}

int
gridmap_load(struct gridmap *m, const char *path, char *err, size_t errsz)
{
	char	*buf;
	size_t	 n;
	int	 rc;

	if ((buf = textfile_read(path, MAP_FILE_MAX, &n, err, errsz)) == NULL)
		return (-1);
	if (memchr(buf, '\0', n) != NULL) {
		snprintf(err, errsz, "%s: not a text file", path);
		rc = -1;
	} else
		rc = gridmap_parse(m, buf, path, err, errsz);
	free(buf);
	return (rc);
}

char
gridmap_at(const struct gridmap *m, int s)
{
	return (m->cell[s / m->cols][s % m->cols]);
}
