#!/bin/sh
# --solve as a process: the optimal values against Gymnasium's, the
# greedy policy and its success probability, exit codes and messages.
# Run by `make check' with QTUTOR pointing at the built binary.
set -u
: "${QTUTOR:?}" "${TOP_SRCDIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ref="$TOP_SRCDIR/tests/data/gym"
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# expect_status STATUS PATTERN ARGS...: exit status and a stderr line.
expect_status() {
	want=$1 pattern=$2
	shift 2
	"$QTUTOR" "$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -ne "$want" ]; then
		bad "qtutor $*: exit $got, expected $want"; cat "$tmp/err"
	elif [ -n "$pattern" ] && ! grep -q -- "$pattern" "$tmp/err"; then
		bad "qtutor $*: stderr lacks '$pattern':"; cat "$tmp/err"
	else
		ok
	fi
}

# The CSV part of the output: everything before the first blank line.
csv_part() {
	sed '/^$/,$d' "$tmp/out" >"$tmp/csv"
}

# compare_csv REFERENCE: the header and row count equal, every number
# within 1e-9 of the reference's, column by column.
compare_csv() {
	csv_part
	if [ "$(head -n 1 "$tmp/csv")" != "$(head -n 1 "$1")" ]; then
		bad "$1: header $(head -n 1 "$tmp/csv")"
		return
	fi
	if [ "$(wc -l <"$tmp/csv")" -ne "$(wc -l <"$1")" ]; then
		bad "$1: $(wc -l <"$tmp/csv") lines, expected $(wc -l <"$1")"
		return
	fi
	if paste -d, "$tmp/csv" "$1" | awk -F, -v tol=1e-9 '
	    NR > 1 {
		n = NF / 2
		for (i = 1; i <= n; i++) {
			d = $i - $(i + n)
			if (d < 0)
				d = -d
			if (d > tol) {
				printf "row %d column %d: %s, expected %s\n",
				    NR - 1, i, $i, $(i + n)
				bad = 1
			}
		}
	    }
	    END { exit bad }'; then
		ok
	else
		bad "values differ from $1"
	fi
}

# --- FrozenLake and CliffWalking against Gymnasium's optimal values ---
for variant in 4x4-deterministic 4x4-slippery 8x8-deterministic \
    8x8-slippery; do
	map=${variant%%-*}
	case $variant in
	*slippery) slip=1 ;;
	*) slip=0 ;;
	esac
	for g in 0.9 0.95; do
		expect_status 0 "" --env frozenlake --set map=$map \
		    --set slippery=$slip --set gamma=$g --solve
		compare_csv "$ref/$variant.optimal.gamma$g.csv"
	done
done
for variant in deterministic slippery; do
	slip=0
	[ $variant = slippery ] && slip=1
	for g in 0.9 1.0; do
		expect_status 0 "" --env cliffwalking --set slippery=$slip \
		    --set gamma=$g --solve
		compare_csv "$ref/cliffwalking-$variant.optimal.gamma$g.csv"
	done
done
grep -q '^success probability of the greedy policy with no time limit: ' \
    "$tmp/out" && ok || bad "cliffwalking has no time limit"

# --- The run the lesson shows: 8x8 slippery at gamma 0.99 -------------
expect_status 0 "" --env frozenlake --set map=8x8 --set slippery=1 \
    --set gamma=0.99 --solve
csv_part
head -n 1 "$tmp/csv" | grep -qx 'state,V,Q0,Q1,Q2,Q3' && ok ||
    bad "8x8 header: $(head -n 1 "$tmp/csv")"
[ "$(wc -l <"$tmp/csv")" -eq 65 ] && ok || bad "8x8: 64 states expected"
awk -F, 'NR > 1 {
	m = $3
	for (i = 2; i <= NF; i++) {
		if ($i < 0 || $i > 1)
			exit 1
		if (i > 2 && $i > m)
			m = $i
	}
	if (m - $2 > 1e-12 || $2 - m > 1e-12)
		exit 1
    }' "$tmp/csv" && ok || bad "8x8: values outside [0, 1] or V != max Q"
# After the CSV: a blank line, the sweeps, the policy as 8 rows of the
# map with arrows, and the success line.
sed -n '66p' "$tmp/out" | grep -qx '' && ok || bad "no blank line after CSV"
sed -n '67p' "$tmp/out" | grep -q '^value iteration: [0-9]* sweeps (Jacobi), gamma 0.99' &&
    ok || bad "sweeps line: $(sed -n 67p "$tmp/out")"
sed -n '68p' "$tmp/out" | grep -q '^greedy policy' && ok || bad "policy title"
[ "$(sed -n '69,76p' "$tmp/out" | grep -c '^S')" -eq 1 ] &&
    [ "$(sed -n '76p' "$tmp/out" | grep -c 'G$')" -eq 1 ] && ok ||
    bad "8x8 grid rows"
sed -n '77p' "$tmp/out" | grep -Eq '^success probability of the greedy policy within 200 steps: 0\.[0-9]+' &&
    ok || bad "8x8 success line: $(sed -n 77p "$tmp/out")"
[ "$(wc -l <"$tmp/out")" -eq 77 ] && ok || bad "8x8: 77 lines of output"

# The 4x4 slippery lake: about 0.74 within Gymnasium's 100 steps.
expect_status 0 "" --env frozenlake --solve
line=$(tail -n 1 "$tmp/out")
x=${line##*: }
case $line in
"success probability of the greedy policy within 100 steps: "*) ok ;;
*) bad "4x4 success line: $line" ;;
esac
awk -v x="$x" 'BEGIN { d = x - 0.74016489775870453; exit !(d < 1e-9 && d > -1e-9) }' &&
    ok || bad "4x4 slippery success $x, expected 0.74016489775870453"
# The policy: holes and the goal without an arrow, in ASCII too.
LC_ALL=C "$QTUTOR" --env frozenlake --solve >"$tmp/ascii"
sed -n '21,24p' "$tmp/ascii" >"$tmp/grid"
printf '%s\n' 'S< F^ F^ F^' 'F< H  F< H' 'F^ Fv F< H' 'H  F> Fv G' |
    cmp -s - "$tmp/grid" && ok || { bad "4x4 ASCII policy:"; cat "$tmp/grid"; }
LC_ALL=C grep -q '[^ -~]' "$tmp/ascii" && bad "non-ASCII output in C locale" || ok
# max_steps changes the horizon.
expect_status 0 "" --env frozenlake --set max_steps=6 --set slippery=0 --solve
tail -n 1 "$tmp/out" | grep -qx 'success probability of the greedy policy within 6 steps: 1' &&
    ok || bad "solid ice in 6 steps: $(tail -n 1 "$tmp/out")"

# A lesson's settings apply under --solve: frozenlake is gamma 0.9 on
# solid ice.
expect_status 0 "" --lesson frozenlake --solve
compare_csv "$ref/4x4-deterministic.optimal.gamma0.9.csv"
# A model without an end at gamma 1 never converges: exit 1.
expect_status 1 "value iteration did not converge" --env dummy \
    --set gamma=1 --solve
# --env without a lesson in batch mode: the defaults and the options.
expect_status 0 "" --batch --env frozenlake --runs 2 --episodes 20
head -n 1 "$tmp/out" | grep -qx 'qtutor batch: qlearning on frozenlake' &&
    ok || bad "batch --env title: $(head -n 1 "$tmp/out")"
grep -q 'alpha=0.1 ' "$tmp/out" && ok || bad "batch --env: not the defaults"

# --- Bad input: one clear line, exit 2 --------------------------------
expect_status 2 "env: 'nosuch' is not one of" --env nosuch --solve
expect_status 2 "gamma: 1.5 not in \[0, 1\]" --env frozenlake --set gamma=1.5 --solve
expect_status 2 "gamma: 'x' is not a number" --solve --set gamma=x
expect_status 2 "no map named 'nowhere'" --solve --set map=nowhere
expect_status 2 "no lesson named 'nosuch'" --solve --lesson nosuch
expect_status 2 "cannot be used together" --solve --batch
expect_status 2 "unexpected argument 'extra'" --solve extra
expect_status 2 "requires an argument" --env
[ ! -s "$tmp/out" ] && ok || bad "output written on a usage error"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
