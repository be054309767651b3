/* Comparing drawings with golden files, for test_plot and test_view. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "golden_check.h"

static char *
read_file(const char *path)
{
	FILE	*f = fopen(path, "rb");
	char	*buf;
	long	 len;

	if (f == NULL)
		return (NULL);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	buf = malloc((size_t)len + 1);
	assert_non_null(buf);
	if (fread(buf, 1, (size_t)len, f) != (size_t)len) {
		fclose(f);
		free(buf);
		return (NULL);
	}
	buf[len] = '\0';
	fclose(f);
	return (buf);
}

static void
write_file(const char *path, const char *text)
{
	FILE	*f = fopen(path, "wb");

	if (f == NULL) {
		print_error("%s: cannot write\n", path);
		fail();
	}
	fputs(text, f);
	fclose(f);
}

void
golden_check(const char *name, const struct canvas *c)
{
	char		 path[4096];
	char		*got, *want;
	const char	*update = getenv("QTUTOR_UPDATE_GOLDEN");

	snprintf(path, sizeof path, "%s/tests/golden/%s", TOP_SRCDIR, name);
	got = canvas_render(c);
	if (update != NULL && strcmp(update, "1") == 0) {
		write_file(path, got);
		free(got);
		return;
	}
	if ((want = read_file(path)) == NULL) {
		print_error("%s: cannot read (QTUTOR_UPDATE_GOLDEN=1 writes "
		    "it)\n", path);
		free(got);
		fail();
	}
	if (strcmp(got, want) != 0) {
		print_error("%s differs.\n--- expected:\n%s--- got:\n%s---\n",
		    path, want, got);
		free(got);
		free(want);
		fail();
	}
	free(got);
	free(want);
}
