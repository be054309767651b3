#!/bin/sh
# Batch mode as a process: exit codes, messages, the summary line, CSV.
# Run by `make check' with QTUTOR pointing at the built binary.
set -u
: "${QTUTOR:?}" "${TOP_SRCDIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
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

summary_field() {
	tail -n 1 "$tmp/out" | tr ' ' '\n' | sed -n "s/^$1=//p"
}

# --- Good runs --------------------------------------------------------
expect_status 0 "" --version
grep -q '^qtutor [0-9]' "$tmp/out" && ok || bad "--version output"
expect_status 0 "" --help
grep -q 'usage: qtutor' "$tmp/out" && grep -q 'alpha' "$tmp/out" && ok ||
    bad "--help lists usage and parameters"
expect_status 0 "" --list
grep -q '^frozenlake ' "$tmp/out" && ok || bad "--list shows frozenlake"
[ "$(cut -d' ' -f1 "$tmp/out" | tr '\n' ' ')" = "frozenlake mdp cliff ps fqi dqn " ] &&
    ok || bad "--list order: $(cut -d' ' -f1 "$tmp/out" | tr '\n' ' ')"

# The classic workload: 30 runs x 500 episodes, the lesson's defaults.
expect_status 0 "" --batch --lesson frozenlake --runs 30 --episodes 500 \
    --csv "$tmp/curve.csv"
last=$(tail -n 1 "$tmp/out")
echo "$last" | grep -Eq '^summary: agent=qlearning runs=30 episodes=500 reward_last100=[0-9.]+ success_last100=[0-9.]+ steps_last100=[0-9.]+ transitions=[0-9]+ seconds=[0-9.]+$' &&
    ok || bad "summary line format: $last"
succ=$(summary_field success_last100)
awk "BEGIN { exit !($succ >= 0.9) }" && ok ||
    bad "classic workload success_last100=$succ < 0.9"
trans=$(summary_field transitions)
[ "$trans" -gt 90000 ] && [ "$trans" -lt 110000 ] && ok ||
    bad "classic workload transitions=$trans, expected about 96000"
grep -q 'reward per episode' "$tmp/out" && grep -q 'steps per episode' \
    "$tmp/out" && ok || bad "batch output has both plots"
head -n 1 "$tmp/curve.csv" | grep -qx 'episode,reward_mean,reward_std,steps_mean,steps_std' &&
    ok || bad "CSV header"
[ "$(wc -l <"$tmp/curve.csv")" -eq 501 ] && ok || bad "CSV has 500 rows"
[ -z "$(ls "$tmp" | grep tmp)" ] && ok || bad "CSV temporary file left"

# Same seed, same output (the seconds aside); another seed differs.
"$QTUTOR" --batch --runs 3 --episodes 50 --seed 7 | sed 's/seconds=.*//' >"$tmp/a"
"$QTUTOR" --batch --runs 3 --episodes 50 --seed 7 | sed 's/seconds=.*//' >"$tmp/b"
"$QTUTOR" --batch --runs 3 --episodes 50 --seed 8 --csv "$tmp/c8.csv" >/dev/null
"$QTUTOR" --batch --runs 3 --episodes 50 --seed 7 --csv "$tmp/c7.csv" >/dev/null
cmp -s "$tmp/a" "$tmp/b" && ok || bad "same seed gives different output"
cmp -s "$tmp/c7.csv" "$tmp/c8.csv" && bad "seeds 7 and 8 gave the same curve" || ok

# The thread count changes nothing in the results.
for t in 1 2 3; do
	"$QTUTOR" --batch --runs 7 --episodes 40 --set threads=$t \
	    --csv "$tmp/t$t.csv" | sed 's/seconds=.*//; s/threads=[0-9]*//' >"$tmp/t$t.out"
done
cmp -s "$tmp/t1.csv" "$tmp/t2.csv" && cmp -s "$tmp/t1.csv" "$tmp/t3.csv" &&
    cmp -s "$tmp/t1.out" "$tmp/t3.out" && ok ||
    bad "results depend on the number of threads"

# Plain ASCII plots in a non-UTF-8 locale.
LC_ALL=C "$QTUTOR" --batch --runs 2 --episodes 20 >"$tmp/ascii"
LC_ALL=C grep -q '[^ -~]' "$tmp/ascii" && bad "non-ASCII output in C locale" || ok

# A user map file by path.
printf 'SFFG\n' >"$tmp/line.map"
expect_status 0 "" --batch --runs 2 --episodes 30 --set map="$tmp/line.map" --set slippery=0
[ "$(summary_field success_last100)" = "1.0000" ] && ok ||
    bad "a straight line map is learned"

# --compare: one summary line per value, in order, as the last lines.
sumre='reward_last100=-?[0-9.]+ success_last100=[0-9.]+ steps_last100=[0-9.]+ transitions=[0-9]+ seconds=[0-9.]+$'
expect_status 0 "" --batch --runs 5 --episodes 100 \
    --compare agent=qlearning,sarsa,expected_sarsa
n=0
for a in qlearning sarsa expected_sarsa; do
	n=$((n + 1))
	line=$(tail -n 3 "$tmp/out" | sed -n "${n}p")
	echo "$line" | grep -Eq "^summary: agent=$a runs=5 episodes=100 $sumre" &&
	    ok || bad "compare summary $n: $line"
done
[ "$(grep -c '^summary: ' "$tmp/out")" -eq 3 ] && ok ||
    bad "compare prints three summary lines"
grep -q 'reward per episode by agent' "$tmp/out" &&
    grep -q 'qlearning.*sarsa.*expected_sarsa' "$tmp/out" && ok ||
    bad "compare plot with a legend"
# A parameter other than agent: the summaries in the values' order.
expect_status 0 "" --batch --runs 4 --episodes 300 --compare alpha=0.1,0.9
[ "$(grep -c '^summary: agent=qlearning ' "$tmp/out")" -eq 2 ] && ok ||
    bad "compare alpha prints two summary lines"
grep -Eq '^0\.1 .*±|^0\.1 .*\+-' "$tmp/out" && grep -Eq '^0\.9 ' "$tmp/out" &&
    ok || bad "compare alpha table has a row per value"
# The same seed, the same output (the seconds aside).
for f in c1 c2; do
	"$QTUTOR" --batch --runs 4 --episodes 80 --seed 3 --set policy=egreedy \
	    --compare agent=qlearning,sarsa |
	    sed -E 's/seconds=.*//; s/ +[0-9.]+s$//' >"$tmp/$f"
done
cmp -s "$tmp/c1" "$tmp/c2" && ok || bad "compare: same seed, different output"
# Sutton & Barto, Example 6.6 (cliff walking): SARSA's online reward is
# well above Q-learning's (about -25 against -50).
expect_status 0 "" --batch --set env=cliffwalking --set slippery=0 \
    --set policy=egreedy --set epsilon=0.1 --set alpha=0.5 --set gamma=1 \
    --set max_steps=0 --episodes 500 --runs 50 --compare agent=qlearning,sarsa
ql=$(tail -n 2 "$tmp/out" | sed -n '1s/.*reward_last100=\([^ ]*\).*/\1/p')
sa=$(tail -n 2 "$tmp/out" | sed -n '2s/.*reward_last100=\([^ ]*\).*/\1/p')
awk "BEGIN { exit !($sa > -30 && $sa < -20 && $ql > -60 && $ql < -40 &&
    $sa - $ql > 15) }" && ok ||
    bad "Example 6.6: sarsa $sa, qlearning $ql (expected about -25, -50)"

# --- Bad input: one clear line, exit 2, nothing written ----------------
expect_status 2 "alpha: 7 not in \[0, 1\]" --batch --set alpha=7
expect_status 2 "alpha: 'x' is not a number" --batch --set alpha=x
expect_status 2 "unknown parameter 'nosuch'" --batch --set nosuch=1
expect_status 2 "is not NAME=VALUE" --batch --set alpha
expect_status 2 "runs: 0 not in" --batch --runs 0
expect_status 2 "episodes: '-5x' is not a whole number" --batch --episodes -5x
expect_status 2 "seed: 'abc' is not a whole number" --batch --seed abc
expect_status 2 "policy: 'soft' is not one of" --batch --set policy=soft
expect_status 2 "no lesson named 'nosuch'" --batch --lesson nosuch
expect_status 2 "compare: unknown parameter 'nosuch'" --batch --compare nosuch=1,2
expect_status 2 "alpha: 7 not in \[0, 1\]" --batch --compare alpha=0.5,7
expect_status 2 "agent: 'a2c' is not one of" --batch --compare agent=qlearning,a2c
expect_status 2 "is not NAME=V1,V2" --batch --compare qlearning,sarsa
expect_status 2 "an empty value" --batch --compare alpha=0.1,,0.5
expect_status 2 "given twice" --batch --compare alpha=0.1,0.10
expect_status 2 "more than 5 values" --batch --compare alpha=0.1,0.2,0.3,0.4,0.5,0.6
expect_status 2 "no map named 'nowhere'" --batch --compare map=4x4,nowhere
expect_status 2 "--compare needs --batch" --compare agent=sarsa
expect_status 2 "cannot be used with --compare" --batch --compare agent=sarsa --csv "$tmp/x.csv"
[ ! -s "$tmp/out" ] && ok || bad "a bad --compare printed something"
expect_status 2 "unrecognized option" --bogus
expect_status 2 "unexpected argument 'extra'" --batch extra
expect_status 2 "no map named 'nowhere'" --batch --set map=nowhere
printf 'SFX\n' >"$tmp/bad.map"
expect_status 2 "bad.map:1: 'X' is not a map cell" --batch --set map="$tmp/bad.map"
for f in "$tmp/out" "$tmp/err"; do :; done
printf 'not a lesson\n' >"$tmp/bad.lesson"
expect_status 2 "bad.lesson:1:" --batch --lesson "$tmp/bad.lesson"
# A bad value leaves an existing CSV untouched.
echo keep >"$tmp/keep.csv"
expect_status 2 "" --batch --set alpha=2 --csv "$tmp/keep.csv"
[ "$(cat "$tmp/keep.csv")" = keep ] && ok || bad "CSV overwritten on error"
# An unwritable CSV path: exit 1, message names the file.
expect_status 1 "$tmp/nodir/x.csv" --batch --runs 1 --episodes 5 --csv "$tmp/nodir/x.csv"

# The cliff lesson compares by itself: SARSA above Q-learning online
# (Sutton and Barto, Example 6.6), 50 runs x 500 episodes.
"$QTUTOR" --batch --lesson cliff >"$tmp/cliff" 2>&1
q=$(grep '^summary: agent=qlearning runs=50 episodes=500' "$tmp/cliff" |
    sed 's/.*reward_last100=\([^ ]*\).*/\1/')
s=$(grep '^summary: agent=sarsa runs=50 episodes=500' "$tmp/cliff" |
    sed 's/.*reward_last100=\([^ ]*\).*/\1/')
[ -n "$q" ] && [ -n "$s" ] && awk "BEGIN { exit !($s > $q + 15) }" && ok ||
    bad "batch --lesson cliff: sarsa '$s' not clearly above qlearning '$q'"
tail -n 1 "$tmp/cliff" | grep -q '^summary: agent=sarsa ' && ok ||
    bad "batch --lesson cliff: the last line is not sarsa's summary"

# The cliff comparison draws both greedy paths on the map.
"$QTUTOR" --batch --lesson cliff --runs 5 --compare agent=qlearning,sarsa \
    >"$tmp/paths" 2>&1
grep -q '^greedy paths after training' "$tmp/paths" &&
    grep -q 'agent=qlearning: goal in 13 steps' "$tmp/paths" && ok ||
    bad "cliff comparison: Q-learning's 13-step edge path not drawn"
grep -q 'S C C C C C C C C C C G' "$tmp/paths" && ok ||
    bad "cliff comparison: the map's bottom row not drawn"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
