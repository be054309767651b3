/*
 * Saving and loading a network: the binary format nn.h describes,
 * written byte by byte so that it reads the same on any machine.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomicfile.h"
#include "nn.h"
#include "textfile.h"
#include "xmalloc.h"

#define NN_MAGIC	"QTNN"
#define NN_VERSION	1
/* The largest file a valid shape gives is about 38 MB. */
#define NN_MAX_BYTES	((size_t)64 << 20)

/* Bitwise: eight shifts a byte are plenty for files this small, and
 * there is no table to trust. */
uint32_t
nn_crc32(uint32_t crc, const void *buf, size_t len)
{
	const unsigned char	*p = buf;
	size_t			 i;
	int			 k;

	crc = ~crc;
	for (i = 0; i < len; i++) {
		crc ^= p[i];
		for (k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xedb88320U & -(crc & 1));
	}
	return (~crc);
}

static void
put32(unsigned char *p, uint32_t x)
{
	p[0] = (unsigned char)x;
	p[1] = (unsigned char)(x >> 8);
	p[2] = (unsigned char)(x >> 16);
	p[3] = (unsigned char)(x >> 24);
}

static uint32_t
get32(const unsigned char *p)
{
	return ((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24);
}

/* Bytes before the parameters for h hidden layers. */
static size_t
header_size(int h)
{
	return (28 + 4 * (size_t)h);
}

int
nn_save(const struct nn *nn, const char *path, char *err, size_t errsz)
{
	struct atomicfile	 af;
	const struct nn_shape	*s = &nn->shape;
	unsigned char		*buf, *p;
	uint32_t		 bits;
	size_t			 len, i;
	int			 l;

	len = header_size(s->nhidden) + 4 * nn->nparams + 4;
	p = buf = xalloc(len);
	memcpy(p, NN_MAGIC, 4);
	put32(p + 4, NN_VERSION);
	put32(p + 8, (uint32_t)s->nin);
	put32(p + 12, (uint32_t)s->nout);
	put32(p + 16, s->dueling ? 1 : 0);
	put32(p + 20, (uint32_t)s->nhidden);
	p += 24;
	for (l = 0; l < s->nhidden; l++, p += 4)
		put32(p, (uint32_t)s->hidden[l]);
	put32(p, (uint32_t)nn->nparams);
	p += 4;
	for (i = 0; i < nn->nparams; i++, p += 4) {
		memcpy(&bits, &nn->params[i], 4);
		put32(p, bits);
	}
	put32(p, nn_crc32(0, buf, len - 4));

	if (atomicfile_open(&af, path, err, errsz) != 0) {
		free(buf);
		return (-1);
	}
	fwrite(buf, 1, len, af.f);
	free(buf);
	return (atomicfile_commit(&af, err, errsz));
}

/* The shape in a header of len bytes, checked; -1 with err. */
static int
read_header(const char *path, const unsigned char *b, size_t len,
    struct nn_shape *s, size_t *nparams, char *err, size_t errsz)
{
	char		 why[128];
	uint32_t	 v, h, i;

	if (memcmp(b, NN_MAGIC, len < 4 ? len : 4) != 0) {
		snprintf(err, errsz, "%s: not a qtutor network (it should "
		    "start with \"%s\")", path, NN_MAGIC);
		return (-1);
	}
	if (len < header_size(0)) {
		snprintf(err, errsz, "%s: truncated: %zu bytes end the header",
		    path, len);
		return (-1);
	}
	if ((v = get32(b + 4)) != NN_VERSION) {
		snprintf(err, errsz, "%s: format version %u, this qtutor "
		    "reads version %d", path, v, NN_VERSION);
		return (-1);
	}
	h = get32(b + 20);
	if (h <= NN_MAX_LAYERS && len < header_size((int)h)) {
		snprintf(err, errsz, "%s: truncated: %zu bytes end the header",
		    path, len);
		return (-1);
	}
	memset(s, 0, sizeof *s);
	if (h > NN_MAX_LAYERS || get32(b + 8) > NN_MAX_WIDTH ||
	    get32(b + 12) > NN_MAX_WIDTH || get32(b + 16) > 1) {
		snprintf(err, errsz, "%s: damaged header (nin %u, nout %u, "
		    "dueling %u, %u hidden layers)", path, get32(b + 8),
		    get32(b + 12), get32(b + 16), h);
		return (-1);
	}
	s->nin = (int)get32(b + 8);
	s->nout = (int)get32(b + 12);
	s->dueling = get32(b + 16) == 1;
	s->nhidden = (int)h;
	for (i = 0; i < h; i++) {
		v = get32(b + 24 + 4 * i);
		s->hidden[i] = v > NN_MAX_WIDTH ? 0 : (int)v;
	}
	if (nn_shape_check(s, why, sizeof why) != 0) {
		snprintf(err, errsz, "%s: damaged header: %s", path, why);
		return (-1);
	}
	*nparams = nn_shape_nparams(s);
	if ((v = get32(b + 24 + 4 * h)) != *nparams) {
		snprintf(err, errsz, "%s: damaged header: %u parameters, a "
		    "network of that shape has %zu", path, v, *nparams);
		return (-1);
	}
	return (0);
}

struct nn *
nn_load(const char *path, const struct nn_shape *want, int max_batch,
    char *err, size_t errsz)
{
	struct nn_shape	 s;
	struct nn	*nn = NULL;
	unsigned char	*b;
	char		*text, got[128], exp[128];
	uint32_t	 bits;
	size_t		 len, size, np, i;

	if ((text = textfile_read(path, NN_MAX_BYTES, &len, err, errsz)) ==
	    NULL)
		return (NULL);
	b = (unsigned char *)text;
	if (read_header(path, b, len, &s, &np, err, errsz) != 0)
		goto out;
	size = header_size(s.nhidden) + 4 * np + 4;
	if (len < size) {
		snprintf(err, errsz, "%s: truncated: %zu bytes of %zu", path,
		    len, size);
		goto out;
	}
	if (len > size) {
		snprintf(err, errsz, "%s: %zu byte%s after the end of the "
		    "network", path, len - size, len - size == 1 ? "" : "s");
		goto out;
	}
	if ((bits = nn_crc32(0, b, size - 4)) != get32(b + size - 4)) {
		snprintf(err, errsz, "%s: checksum mismatch (CRC-32 %08x, the "
		    "file says %08x): the file is damaged", path, bits,
		    get32(b + size - 4));
		goto out;
	}
	if (want != NULL && !nn_shape_equal(&s, want)) {
		nn_shape_string(&s, got, sizeof got);
		nn_shape_string(want, exp, sizeof exp);
		snprintf(err, errsz, "%s: the network is %s, not %s", path,
		    got, exp);
		goto out;
	}
	if ((nn = nn_new(&s, max_batch, 0)) == NULL) {
		snprintf(err, errsz, "%s: batches of %d rows", path,
		    max_batch);
		goto out;
	}
	for (i = 0; i < np; i++) {
		bits = get32(b + header_size(s.nhidden) + 4 * i);
		memcpy(&nn->params[i], &bits, 4);
	}
out:
	free(text);
	return (nn);
}
