/* Lesson progress kept between runs. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomicfile.h"
#include "progress.h"
#include "textfile.h"
#include "xmalloc.h"

#define PROGRESS_MAX_FILE (1024 * 1024)

/* Parse "NAME page P [checked N...]" into e; -1 if it does not. */
static int
parse_line(char *line, struct progress_entry *e)
{
	char	*word, *save = NULL, *end;
	long	 v;

	memset(e, 0, sizeof *e);
	if ((word = strtok_r(line, " \t", &save)) == NULL ||
	    strlen(word) >= sizeof e->lesson)
		return (-1);
	snprintf(e->lesson, sizeof e->lesson, "%s", word);
	if ((word = strtok_r(NULL, " \t", &save)) == NULL ||
	    strcmp(word, "page") != 0 ||
	    (word = strtok_r(NULL, " \t", &save)) == NULL)
		return (-1);
	v = strtol(word, &end, 10);
	if (*end != '\0' || v < 1 || v > LESSON_MAX_PAGES)
		return (-1);
	e->page = (int)v - 1;
	if ((word = strtok_r(NULL, " \t", &save)) == NULL)
		return (0);
	if (strcmp(word, "checked") != 0)
		return (-1);
	while ((word = strtok_r(NULL, " \t", &save)) != NULL) {
		v = strtol(word, &end, 10);
		if (*end != '\0' || v < 1 || v > LESSON_MAX_PAGES)
			return (-1);
		e->checked[v - 1] = true;
	}
	return (0);
}

int
progress_load(struct progress *pr, const char *path, char *err,
    size_t errsz)
{
	struct progress_entry	 e;
	char			*text, *line, *next;
	size_t			 len;
	int			 lineno = 0, rc = 0;

	memset(pr, 0, sizeof *pr);
	if (access(path, F_OK) != 0 && errno == ENOENT)
		return (0);
	if ((text = textfile_read(path, PROGRESS_MAX_FILE, &len, err,
	    errsz)) == NULL)
		return (-1);
	for (line = text; line != NULL && *line != '\0'; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (*line == '\0' || *line == '#')
			continue;
		if (parse_line(line, &e) != 0) {
			if (rc == 0)
				snprintf(err, errsz, "%s:%d: not a progress "
				    "line, ignored", path, lineno);
			rc = 1;
			continue;
		}
		*progress_entry(pr, e.lesson) = e;
	}
	free(text);
	return (rc);
}

int
progress_save(const struct progress *pr, const char *path, char *err,
    size_t errsz)
{
	struct atomicfile	 af;
	int			 i, k;

	if (atomicfile_open(&af, path, err, errsz) != 0)
		return (-1);
	fprintf(af.f, "# qtutor lesson progress: LESSON page P checked N...\n");
	for (i = 0; i < pr->n; i++) {
		fprintf(af.f, "%s page %d", pr->e[i].lesson, pr->e[i].page + 1);
		if (progress_count(&pr->e[i]) > 0) {
			fputs(" checked", af.f);
			for (k = 0; k < LESSON_MAX_PAGES; k++)
				if (pr->e[i].checked[k])
					fprintf(af.f, " %d", k + 1);
		}
		fputc('\n', af.f);
	}
	return (atomicfile_commit(&af, err, errsz));
}

void
progress_free(struct progress *pr)
{
	free(pr->e);
	pr->e = NULL;
	pr->n = 0;
}

const struct progress_entry *
progress_find(const struct progress *pr, const char *lesson)
{
	int	 i;

	for (i = 0; i < pr->n; i++)
		if (strcmp(pr->e[i].lesson, lesson) == 0)
			return (&pr->e[i]);
	return (NULL);
}

struct progress_entry *
progress_entry(struct progress *pr, const char *lesson)
{
	struct progress_entry	*e;
	int			 i;

	for (i = 0; i < pr->n; i++)
		if (strcmp(pr->e[i].lesson, lesson) == 0)
			return (&pr->e[i]);
	pr->e = xreallocarray(pr->e, pr->n + 1, sizeof *pr->e);
	e = &pr->e[pr->n++];
	memset(e, 0, sizeof *e);
	snprintf(e->lesson, sizeof e->lesson, "%s", lesson);
	return (e);
}

int
progress_count(const struct progress_entry *e)
{
	int	 k, n = 0;

	for (k = 0; k < LESSON_MAX_PAGES; k++)
		n += e->checked[k];
	return (n);
}
