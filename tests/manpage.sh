#!/bin/sh
# The man page documents every parameter and option the program has.
set -u
: "${QTUTOR:?}" "${TOP_SRCDIR:?}"
man="$TOP_SRCDIR/man/qtutor.1"
pass=0
fail=0
for name in $("$QTUTOR" --help | sed -n 's/^  \([a-z_][a-z_0-9]*\) .*/\1/p'); do
	if grep -q "$name" "$man"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); echo "FAIL: parameter $name not in qtutor.1"
	fi
done
for opt in $("$QTUTOR" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
	if grep -q "Fl ${opt#--}" "$man"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); echo "FAIL: option $opt not in qtutor.1"
	fi
done
if command -v mandoc >/dev/null 2>&1; then
	if out=$(mandoc -Tlint "$man" 2>&1) && [ -z "$out" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); echo "FAIL: mandoc -Tlint:"; echo "$out"
	fi
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 15 ]
