#!/bin/sh
# Build qtutor from a fresh checkout if needed, then run every test.
set -e
cd "$(dirname "$0")/.."
[ -x configure ] || autoreconf -fi
[ -f Makefile ] || ./configure
make -j2
make -j2 check || { cat tests/*.log 2>/dev/null | tail -n 200; exit 1; }
