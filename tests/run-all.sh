#!/bin/sh
# Build qtutor from a fresh checkout if needed, then run every test and
# end with one line counting the individual test cases.
set -e
cd "$(dirname "$0")/.."
[ -x configure ] || autoreconf -fi
[ -f Makefile ] || ./configure
make -j2
status=0
make -j2 check || status=$?
# cmocka logs say "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s),";
# the script tests end with "N passed, M failed".
cat tests/*.log | awk '
	/^\[  PASSED  \] [0-9]+ test/ { pass += $4 }
	/^\[  FAILED  \] [0-9]+ test/ { fail += $4 }
	/^[0-9]+ passed, [0-9]+ failed$/ { pass += $1; fail += $3 }
	END { printf "%d passed, %d failed\n", pass, fail }'
if [ "$status" -ne 0 ]; then
	for log in tests/*.log; do
		grep -q '^FAIL' "$log" 2>/dev/null && { echo "== $log"; tail -n 40 "$log"; }
	done
	exit "$status"
fi
