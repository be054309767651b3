#!/bin/sh
# DQN in batch mode: progress lines, the summary, reproducibility, the
# network saved and loaded, and bad files and settings refused.  Run by
# `make check' with QTUTOR pointing at the built binary.
set -u
: "${QTUTOR:?}" "${TOP_SRCDIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

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
short="--set steps=3000 --set eval_every=1000 --set eval_episodes=2"

# shellcheck disable=SC2086
run 0 --batch --lesson dqn $short
grep -q '^qtutor batch: Deep Q-learning on CartPole$' "$tmp/out" && ok ||
    bad "dqn: no title"
grep -q '^network: 4 inputs, 2 x 64 hidden, 2 outputs, 4610 parameters (new)$' \
    "$tmp/out" && ok || bad "dqn: network line: $(grep '^network' "$tmp/out")"
rows=$(grep -Ec '^ +[123]000 +[0-9.]+ +[0-9]+ +[0-9.]+ \+- +[0-9.]+ \(2\) ' "$tmp/out")
[ "$rows" -eq 3 ] && ok || bad "dqn: $rows progress rows, expected 3"
grep -Eq '^ +1000 +0\.040 +0 ' "$tmp/out" && ok ||
    bad "dqn: epsilon 0.04 from step 300 of 3000 (fraction 0.1), no update before step 1001"
last=$(tail -n 1 "$tmp/out")
printf '%s\n' "$last" | grep -Eq '^summary: steps=3000 updates=1000 eval_mean=[0-9.]+ eval_std=[0-9.]+ first_solved_step=-?[0-9]+ seconds=[0-9.]+$' &&
    ok || bad "dqn: summary: $last"
cp "$tmp/out" "$tmp/first"
# shellcheck disable=SC2086
run 0 --batch --lesson dqn $short
[ "$(tail -n 1 "$tmp/out" | sed 's/ seconds=.*//')" = \
  "$(tail -n 1 "$tmp/first" | sed 's/ seconds=.*//')" ] && ok ||
    bad "dqn: two runs with one seed differ"
# shellcheck disable=SC2086
run 0 --batch --lesson cartpole $short
grep -q '^qtutor batch: Deep Q-learning on CartPole$' "$tmp/out" && ok ||
    bad "--lesson cartpole is not the dqn lesson"

# --csv: one row per evaluation.
# shellcheck disable=SC2086
run 0 --batch --lesson dqn $short --csv "$tmp/dqn.csv"
[ "$(head -n 1 "$tmp/dqn.csv")" = "step,eval_mean,eval_std,eval_episodes" ] &&
    ok || bad "dqn csv header: $(head -n 1 "$tmp/dqn.csv")"
[ "$(cut -d, -f1,4 "$tmp/dqn.csv" | tail -n 3 | tr '\n' ' ')" = "1000,2 2000,2 3000,2 " ] &&
    ok || bad "dqn csv rows: $(cat "$tmp/dqn.csv")"

# The trained network saved, then a run started from it.
# shellcheck disable=SC2086
run 0 --batch --lesson dqn $short --save-network "$tmp/net.qtnn"
[ -s "$tmp/net.qtnn" ] && ok || bad "--save-network wrote nothing"
head -c 4 "$tmp/net.qtnn" | grep -q QTNN && ok || bad "network file: no magic"
run 0 --batch --lesson dqn --set steps=10 --set eval_every=0 \
    --set eval_episodes=2 --set network="$tmp/net.qtnn"
grep -q "parameters ($tmp/net.qtnn)" "$tmp/out" && ok ||
    bad "loaded network: $(grep '^network' "$tmp/out")"
# Damaged, or another shape: refused with the file's name.
cp "$tmp/net.qtnn" "$tmp/bad.qtnn"
printf 'X' | dd of="$tmp/bad.qtnn" bs=1 seek=100 conv=notrunc 2>/dev/null
run 1 --batch --lesson dqn --set steps=10 --set network="$tmp/bad.qtnn"
grep -q 'bad.qtnn' "$tmp/err" && ok || bad "damaged network: $(cat "$tmp/err")"
run 1 --batch --lesson dqn --set steps=10 --set units=32 \
    --set network="$tmp/net.qtnn"
grep -q 'net.qtnn' "$tmp/err" && ok || bad "wrong shape: $(cat "$tmp/err")"
head -c 10 "$tmp/net.qtnn" >"$tmp/short.qtnn"
run 1 --batch --lesson dqn --set steps=10 --set network="$tmp/short.qtnn"
grep -q 'short.qtnn' "$tmp/err" && ok || bad "short network: $(cat "$tmp/err")"

# Settings refused before anything runs.
run 2 --batch --lesson dqn --set lr=2
grep -q 'lr' "$tmp/err" && ok || bad "lr=2: $(cat "$tmp/err")"
run 2 --batch --lesson dqn --set buffer=10
grep -q 'buffer (10) must hold at least a batch (64)' "$tmp/err" && ok ||
    bad "buffer < batch: $(cat "$tmp/err")"
run 2 --batch --lesson dqn --set k=3
grep -q 'k does not apply to agent dqn' "$tmp/err" && ok ||
    bad "k in dqn: $(cat "$tmp/err")"
# --compare: each value with the same seed, one plot, a table, the
# summaries last and in order.
# shellcheck disable=SC2086
run 0 --batch --lesson dqn $short --compare double_dqn=0,1
grep -q '^compare double_dqn: 0, 1 (the same seed for each)$' "$tmp/out" &&
    ok || bad "compare: no header"
grep -q 'double_dqn=0 .*double_dqn=1' "$tmp/out" && ok ||
    bad "compare: no legend with both values"
[ "$(tail -n 2 "$tmp/out" | cut -d' ' -f2,3)" = "double_dqn=0 steps=3000
double_dqn=1 steps=3000" ] && ok || bad "compare: summaries: $(tail -n 2 "$tmp/out")"
run 2 --batch --lesson dqn --compare double_dqn=0
grep -q 'at least two values' "$tmp/err" && ok || bad "compare one value: $(cat "$tmp/err")"
run 2 --batch --lesson dqn --compare k=1,2
grep -q 'k does not apply to agent dqn' "$tmp/err" && ok ||
    bad "compare k: $(cat "$tmp/err")"
run 2 --batch --lesson dqn --compare lr=0.1,7
grep -q 'lr' "$tmp/err" && ok || bad "compare lr=7: $(cat "$tmp/err")"
run 2 --batch --lesson fqi --save-network "$tmp/x"
grep -q 'agent dqn' "$tmp/err" && ok || bad "save-network with fqi: $(cat "$tmp/err")"
run 2 --batch --env frozenlake --set agent=dqn
grep -q 'cartpole' "$tmp/err" && ok || bad "dqn off cartpole: $(cat "$tmp/err")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
