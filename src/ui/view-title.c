/* The title bar: what is open and where the experiment stands. */
#include <stdio.h>

#include "dqn-session.h"
#include "fqi-session.h"
#include "style.h"
#include "view.h"

void
view_title_draw(struct canvas *c, struct rect r, const struct tutor *t,
    const struct view_opts *o)
{
	char	 right[128], left[256];
	int	 rw;

	(void)o;
	view_clear(c, r);
	canvas_setstyle(c, r.x, r.y, r.w, ST_STATUS);
	snprintf(left, sizeof left, " qtutor %s %s", o->glyphs == PLOT_UTF8 ?
	    "·" : "-", t->lesson->title);
	/* Between episodes the one just ended is shown, with its length;
	 * while value iteration is shown, its sweep instead.  DQN starts
	 * the next episode at once: the one under way is shown. */
	if (t->f != NULL)
		snprintf(right, sizeof right, "page %d/%d  iterations %d  "
		    "cart step %ld ", t->page + 1, t->lesson->npages,
		    t->f->fqi->done, t->f->play_steps);
	else if (t->dq != NULL)
		snprintf(right, sizeof right, "page %d/%d  step %ld  episode "
		    "%ld ", t->page + 1, t->lesson->npages, t->dq->q->step,
		    t->dq->q->episodes + 1);
	else if (tutor_plan(t) != NULL)
		snprintf(right, sizeof right, "page %d/%d  value iteration, "
		    "sweep %ld ", t->page + 1, t->lesson->npages,
		    tutor_plan(t)->sweeps);
	else if (t->s->in_episode || t->s->step == 0)
		snprintf(right, sizeof right, "page %d/%d  episode %ld  step "
		    "%ld ", t->page + 1, t->lesson->npages,
		    t->s->episode + 1, t->s->step);
	else
		snprintf(right, sizeof right, "page %d/%d  episode %ld ended "
		    "at step %ld ", t->page + 1, t->lesson->npages,
		    t->s->episode, t->s->step);
	rw = canvas_textwidth(right);
	canvas_textstyle(c, r.x, r.y, left, r.w - rw - 1, ST_STATUS);
	canvas_textstyle(c, r.x + r.w - rw, r.y, right, rw, ST_STATUS);
}
