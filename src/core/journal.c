/*
 * The undo journal: two rings, one of frames (entry start + payload) and
 * one of (address, old value) entries.  Positions are counted forever
 * and reduced modulo the ring sizes, which keeps the arithmetic simple.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "journal.h"
#include "xmalloc.h"

struct journal_entry {
	double	*where;
	double	 old;
};

struct journal {
	struct journal_entry	*entry;
	size_t			 max_entries;
	size_t			 entry_head;	/* next entry, counted forever */
	size_t			*frame_start;	/* entry position of each frame */
	unsigned char		*payload;
	size_t			 payload_size;
	size_t			 max_frames;
	size_t			 frame_head;	/* next frame, counted forever */
	size_t			 nframes;
};

struct journal *
journal_new(size_t max_frames, size_t max_entries, size_t payload_size)
{
	struct journal	*j = xcalloc(1, sizeof *j);

	j->max_frames = max_frames > 0 ? max_frames : 1;
	j->max_entries = max_entries > 0 ? max_entries : 1;
	j->payload_size = payload_size;
	j->entry = xcalloc(j->max_entries, sizeof *j->entry);
	j->frame_start = xcalloc(j->max_frames, sizeof *j->frame_start);
	j->payload = xcalloc(j->max_frames, payload_size > 0 ?
	    payload_size : 1);
	return (j);
}

void
journal_free(struct journal *j)
{
	if (j == NULL)
		return;
	free(j->entry);
	free(j->frame_start);
	free(j->payload);
	free(j);
}

void
journal_clear(struct journal *j)
{
	j->nframes = 0;
}

static size_t
oldest_frame(const struct journal *j)
{
	return (j->frame_head - j->nframes);
}

void *
journal_begin(struct journal *j)
{
	size_t	 slot;

	if (j->nframes == j->max_frames)
		j->nframes--;
	slot = j->frame_head % j->max_frames;
	j->frame_start[slot] = j->entry_head;
	j->frame_head++;
	j->nframes++;
	return (j->payload + slot * j->payload_size);
}

void
journal_set(struct journal *j, double *where, double v)
{
	struct journal_entry	*e;
	size_t			 oldest;

	/* Drop whole frames whose entries the new one would overwrite. */
	while (j->nframes > 0) {
		oldest = oldest_frame(j) % j->max_frames;
		if (j->entry_head - j->frame_start[oldest] < j->max_entries)
			break;
		j->nframes--;
	}
	e = &j->entry[j->entry_head % j->max_entries];
	e->where = where;
	e->old = *where;
	j->entry_head++;
	*where = v;
}

const void *
journal_undo(struct journal *j)
{
	size_t			 slot, start;
	struct journal_entry	*e;

	if (j->nframes == 0)
		return (NULL);
	slot = (j->frame_head - 1) % j->max_frames;
	start = j->frame_start[slot];
	/* Newest write first, so a cell written twice ends at its oldest. */
	while (j->entry_head > start) {
		j->entry_head--;
		e = &j->entry[j->entry_head % j->max_entries];
		*e->where = e->old;
	}
	j->frame_head--;
	j->nframes--;
	return (j->payload + slot * j->payload_size);
}

size_t
journal_frames(const struct journal *j)
{
	return (j->nframes);
}
