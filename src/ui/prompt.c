/*
 * GNU readline inside curses, through the callback interface (after
 * ulfalizer/readline-and-ncurses).  Readline never touches the terminal:
 * it reads bytes we hand it through a one-byte mailbox and draws through
 * our redisplay hook into the prompt window.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "cmd.h"
#include "prompt.h"

#define HISTORY_LINES 1000
#define PROMPT ": "

/* Readline's hooks take no context, so its glue state lives here. */
static WINDOW		*pw;
static bool		 is_open;
static int		 mailbox;
static bool		 mail;
static prompt_line_fn	 on_line_fn;
static void		*on_line_ctx;
static char		 history_path[PATH_MAX];
static char		 hint[256];

static int
getc_hook(FILE *f)
{
	(void)f;
	mail = false;
	return (mailbox);
}

static int
input_available_hook(void)
{
	return (mail);
}

/* Columns taken by the first `bytes' bytes of s (tabs every 8). */
static int
width_of(const char *s, size_t bytes)
{
	mbstate_t	 st;
	wchar_t		 wc;
	size_t		 i = 0, n;
	int		 col = 0, w;

	memset(&st, 0, sizeof st);
	while (i < bytes) {
		n = mbrtowc(&wc, s + i, bytes - i, &st);
		if (n == (size_t)-1 || n == (size_t)-2) {
			memset(&st, 0, sizeof st);
			n = 1;
			wc = '?';
		} else if (n == 0)
			break;
		if (wc == '\t')
			col = (col / 8 + 1) * 8;
		else if ((w = wcwidth(wc)) > 0)
			col += w;
		i += n;
	}
	return (col);
}

/* The bytes of s that start after its first `cols' columns. */
static const char *
skip_columns(const char *s, int cols)
{
	while (*s != '\0' && cols > 0) {
		if (((unsigned char)*s & 0xc0) != 0x80 &&
		    width_of(s, 1) >= 0)
			cols--;
		s++;
		while (((unsigned char)*s & 0xc0) == 0x80)
			s++;
	}
	return (s);
}

/*
 * The prompt and the line; a line longer than the window scrolls
 * sideways so that the cursor stays in view, like readline's own
 * horizontal-scroll mode.
 */
static void
redisplay_hook(void)
{
	int	 cursor, width, shift = 0, plen;

	if (pw == NULL)
		return;
	width = getmaxx(pw);
	plen = width_of(rl_display_prompt, strlen(rl_display_prompt));
	cursor = plen + width_of(rl_line_buffer, (size_t)rl_point);
	if (cursor >= width - 1)
		shift = cursor - (width - 1) + width / 4;
	werase(pw);
	wmove(pw, 0, 0);
	if (shift == 0) {
		waddstr(pw, rl_display_prompt);
		waddstr(pw, rl_line_buffer);
	} else {
		waddstr(pw, "<");
		waddstr(pw, skip_columns(rl_line_buffer, shift - plen + 1));
	}
	if (hint[0] != '\0') {
		wattron(pw, A_DIM);
		waddstr(pw, "   ");
		waddstr(pw, hint);
		wattroff(pw, A_DIM);
	}
	wmove(pw, 0, cursor - shift < width ? cursor - shift : width - 1);
	wrefresh(pw);
}

static void
line_hook(char *line)
{
	prompt_line_fn	 fn = on_line_fn;

	/* Close first: the handler may open the prompt again. */
	rl_callback_handler_remove();
	is_open = false;
	hint[0] = '\0';
	if (line != NULL && *line != '\0')
		add_history(line);
	fn(on_line_ctx, line);
	free(line);
}

/* Completion from the command table, one generator over its list. */
static char **candidates;
static int ncandidates, next_candidate;

static char *
candidate_generator(const char *text, int state)
{
	(void)text;
	if (state == 0)
		next_candidate = 0;
	if (next_candidate < ncandidates)
		return (strdup(candidates[next_candidate++]));
	return (NULL);
}

static char **
complete_hook(const char *text, int start, int end)
{
	char	**matches;
	int	 i;

	(void)start;
	rl_attempted_completion_over = 1;
	for (i = 0; i < ncandidates; i++)
		free(candidates[i]);
	free(candidates);
	ncandidates = cmd_complete(rl_line_buffer, (size_t)end, &candidates);
	matches = rl_completion_matches(text, candidate_generator);
	return (matches);
}

/* Several matches: list them after the line, not over the screen. */
static void
display_matches_hook(char **matches, int n, int longest)
{
	size_t	 used = 0;
	int	 i;

	(void)longest;
	hint[0] = '\0';
	for (i = 1; i <= n && used + 2 < sizeof hint; i++)
		used += (size_t)snprintf(hint + used, sizeof hint - used,
		    "%s%s", i > 1 ? " " : "", matches[i]);
	rl_forced_update_display();
}

void
prompt_init(const char *path)
{
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_prep_term_function = NULL;
	rl_deprep_term_function = NULL;
	rl_change_environment = 0;
	rl_getc_function = getc_hook;
	rl_input_available_hook = input_available_hook;
	rl_redisplay_function = redisplay_hook;
	rl_attempted_completion_function = complete_hook;
	rl_completion_display_matches_hook = display_matches_hook;
	rl_readline_name = "qtutor";
	using_history();
	stifle_history(HISTORY_LINES);
	if (path != NULL) {
		snprintf(history_path, sizeof history_path, "%s", path);
		read_history(history_path);
	}
}

/* Write the history beside the old file, then rename over it. */
void
prompt_shutdown(void)
{
	char	 tmp[PATH_MAX + 16];
	int	 i;

	if (is_open)
		rl_callback_handler_remove();
	is_open = false;
	for (i = 0; i < ncandidates; i++)
		free(candidates[i]);
	free(candidates);
	candidates = NULL;
	ncandidates = 0;
	if (history_path[0] == '\0' || history_length == 0)
		return;
	snprintf(tmp, sizeof tmp, "%s.tmp", history_path);
	if (write_history(tmp) == 0 && rename(tmp, history_path) == 0)
		return;
	unlink(tmp);
}

void
prompt_open(WINDOW *w, prompt_line_fn fn, void *ctx)
{
	pw = w;
	on_line_fn = fn;
	on_line_ctx = ctx;
	hint[0] = '\0';
	is_open = true;
	rl_callback_handler_install(PROMPT, line_hook);
}

bool
prompt_is_open(void)
{
	return (is_open);
}

void
prompt_feed(int byte)
{
	hint[0] = '\0';
	mailbox = byte;
	mail = true;
	rl_callback_read_char();
}

void
prompt_cancel(void)
{
	if (!is_open)
		return;
	rl_replace_line("", 0);
	line_hook(NULL);
}

void
prompt_redraw(void)
{
	if (is_open)
		rl_forced_update_display();
}

void
prompt_set_window(WINDOW *w)
{
	pw = w;
}
