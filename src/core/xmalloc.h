/*
 * Allocation that cannot fail: out of memory is the one error the core
 * does not report to its caller, it aborts with a message (as tmux does).
 * Not named xmalloc: GNU readline exports a function of that name, and
 * the two would clash when readline is linked statically.
 */
#ifndef QT_XMALLOC_H
#define QT_XMALLOC_H

#include <stddef.h>

void	*xalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);

#endif
