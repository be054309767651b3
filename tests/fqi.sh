#!/bin/sh
# Fitted Q-iteration in batch mode: the table, the summary line, the
# settings refused, datasets saved and loaded.  Run by `make check' with
# QTUTOR pointing at the built binary.
set -u
: "${QTUTOR:?}" "${TOP_SRCDIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# run STATUS ARGS...: qtutor's output in $tmp/out, errors in $tmp/err.
run() {
	want=$1
	shift
	"$QTUTOR" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ "$rc" -eq "$want" ] && ok ||
	    bad "qtutor $*: exit $rc, expected $want ($(cat "$tmp/err"))"
}

LC_ALL=C
export LC_ALL

# Three iterations of the lesson's settings: a row each, then the summary.
run 0 --batch --lesson fqi --set iterations=3
grep -q '^qtutor batch: Fitted Q-iteration on CartPole$' "$tmp/out" && ok ||
    bad "batch: no title"
grep -q '^dataset: 50000 transitions of a random policy' "$tmp/out" && ok ||
    bad "batch: no dataset line"
rows=$(grep -Ec '^ +[0-2] +(n/a|[0-9.]+) +[0-9.]+ +[0-9.]+ +[0-9.]+ \+- +[0-9.]+ \(10\)' "$tmp/out")
[ "$rows" -eq 3 ] && ok || bad "batch: $rows table rows, expected 3"
grep -Eq '^ +0 +n/a +1\.000 +1\.000 ' "$tmp/out" && ok ||
    bad "batch: iteration 0 does not fit the rewards (all 1)"
last=$(tail -n 1 "$tmp/out")
printf '%s\n' "$last" | grep -Eq '^summary: regressor=knn iterations=3 transitions=50000 eval_mean=[0-9.]+ eval_std=[0-9.]+ seconds=[0-9.]+$' &&
    ok || bad "batch: summary line: $last"

# The same seed, the same numbers (seconds apart).
strip() { sed 's/ [0-9.]* *[0-9.]*$//; s/seconds=.*//; s/in [0-9.]* s/in T s/; s/prepared in [0-9.]* s/prepared/' "$1"; }
run 0 --batch --lesson fqi --set iterations=3
cp "$tmp/out" "$tmp/again"
run 0 --batch --lesson fqi --set iterations=3
[ "$(tail -n 1 "$tmp/out" | sed 's/ seconds=.*//')" = \
  "$(tail -n 1 "$tmp/again" | sed 's/ seconds=.*//')" ] && ok ||
    bad "batch: two runs with one seed differ"

# Each regressor runs, and says so in the summary.
for r in linear poly trees; do
	run 0 --batch --lesson fqi --set regressor=$r --set iterations=2 \
	    --set transitions=2000 --set trees=5
	tail -n 1 "$tmp/out" | grep -q "^summary: regressor=$r iterations=2 transitions=2000 " &&
	    ok || bad "batch: regressor $r: $(tail -n 1 "$tmp/out")"
done

# Settings refused with one line, before anything runs.
run 2 --batch --lesson fqi --set regressor=forest
head -n 1 "$tmp/err" | grep -q "regressor: 'forest' is not one of knn|linear|poly|trees" && ok ||
    bad "bad regressor: $(cat "$tmp/err")"
run 2 --batch --lesson fqi --set k=0
grep -q 'k' "$tmp/err" && ok || bad "k=0: $(cat "$tmp/err")"
run 2 --batch --lesson fqi --set map=8x8
grep -q 'map does not apply to agent fqi' "$tmp/err" && ok ||
    bad "map in fqi: $(cat "$tmp/err")"
run 1 --batch --lesson fqi --set dataset="$tmp/missing.csv"
[ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q 'missing.csv' "$tmp/err" && ok ||
    bad "missing dataset: $(cat "$tmp/err")"
printf '# qtutor dataset 1\n# env=cartpole obs=4 actions=2 transitions=5\n' \
    >"$tmp/short.csv"
run 1 --batch --lesson fqi --set dataset="$tmp/short.csv"
grep -q 'short.csv:2: the file ends before the column header' "$tmp/err" && ok || bad "damaged dataset: $(cat "$tmp/err")"
run 1 --batch --lesson fqi --set k=500 --set transitions=300
[ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q 'k' "$tmp/err" && ok ||
    bad "k > n: $(cat "$tmp/err")"

# A tabular agent on CartPole, and FQI off CartPole.
run 2 --batch --env cartpole --set agent=qlearning
grep -q 'continuous' "$tmp/err" && ok || bad "qlearning on cartpole: $(cat "$tmp/err")"
run 2 --batch --env frozenlake --set agent=fqi
grep -q 'cartpole' "$tmp/err" && ok || bad "fqi on frozenlake: $(cat "$tmp/err")"

# FQI's settings mean nothing to a tabular agent.
run 2 --batch --lesson frozenlake --set k=3
grep -q 'k does not apply to agent qlearning' "$tmp/err" && ok ||
    bad "k in frozenlake: $(cat "$tmp/err")"
# --compare is for the tabular agents.
run 2 --batch --lesson fqi --compare k=10,30
grep -q -- '--compare runs the tabular agents' "$tmp/err" && ok ||
    bad "compare in fqi: $(cat "$tmp/err")"

# --csv: one row per iteration, R² empty where the targets are constant;
# an existing file is replaced whole, and kept when the write fails.
echo old >"$tmp/fqi.csv"
run 0 --batch --lesson fqi --set iterations=2 --set transitions=3000 \
    --csv "$tmp/fqi.csv"
[ "$(head -n 1 "$tmp/fqi.csv")" = "iteration,r2,target_mean,target_max,eval_mean,eval_std,eval_episodes,seconds,eval_seconds" ] &&
    ok || bad "csv header: $(head -n 1 "$tmp/fqi.csv")"
[ "$(wc -l <"$tmp/fqi.csv")" -eq 3 ] && ok || bad "csv rows: $(cat "$tmp/fqi.csv")"
grep -q '^0,,1,1,' "$tmp/fqi.csv" && ok || bad "csv row 0: $(sed -n 2p "$tmp/fqi.csv")"
mkdir "$tmp/ro" && chmod 500 "$tmp/ro"
if [ "$(id -u)" -ne 0 ]; then
	run 1 --batch --lesson fqi --set iterations=1 --set transitions=3000 \
	    --csv "$tmp/ro/x.csv"
	grep -q 'x.csv' "$tmp/err" && ok || bad "csv unwritable: $(cat "$tmp/err")"
fi

# A dataset file loads, and gives the numbers of the data it holds.
run 0 --batch --lesson fqi --set iterations=1 \
    --set dataset="$TOP_SRCDIR/tests/data/fqi/small.dataset" --set k=2
grep -q "^dataset: 3 transitions from .*small.dataset" "$tmp/out" && ok ||
    bad "loaded dataset: $(grep '^dataset' "$tmp/out")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
