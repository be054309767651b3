#!/bin/sh
# CartPole trajectories as a process: --env cartpole --init --actions
# against Gymnasium's (tests/data/cartpole) with the reference checker,
# byte for byte, where the rows stop, and the usage errors.
# Run by `make check' with QTUTOR pointing at the built binary.
set -u
: "${QTUTOR:?}" "${TOP_SRCDIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data="$TOP_SRCDIR/tests/data/cartpole"
tab=$(printf '\t')
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# traj ARGS...: a trajectory into $tmp/out, which must exit 0.
traj() {
	if "$QTUTOR" --env cartpole "$@" >"$tmp/out" 2>"$tmp/err"; then
		ok
	else
		bad "qtutor --env cartpole $*: exit $?"; cat "$tmp/err"
	fi
}

# case_field NAME FIELD: the init (2) or actions (3) of a case.
case_field() {
	awk -F"$tab" -v n="$1" -v f="$2" '$1 == n { print $f }' \
	    "$data/cases.tsv"
}

# usage_error PATTERN ARGS...: exit 2, nothing on standard output, and
# one line that says what is wrong (then the usual hint).
usage_error() {
	pattern=$1
	shift
	"$QTUTOR" "$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -ne 2 ]; then
		bad "qtutor $*: exit $got, expected 2"; cat "$tmp/err"
	elif [ -s "$tmp/out" ]; then
		bad "qtutor $*: output on a usage error"
	elif [ "$(grep -c '^qtutor: ' "$tmp/err")" -ne 1 ] ||
	    ! head -n 1 "$tmp/err" | grep -q -- "^qtutor: .*$pattern"; then
		bad "qtutor $*: no one-line message with '$pattern':"
		cat "$tmp/err"
	elif [ "$(wc -l <"$tmp/err")" -gt 2 ]; then
		bad "qtutor $*: more than the message and the hint:"
		cat "$tmp/err"
	else
		ok
	fi
}

# --- Gymnasium's trajectories ----------------------------------------
# The reference checker: every case within 1e-9.
if command -v bash >/dev/null 2>&1; then
	bash "$TOP_SRCDIR/tests/check_cartpole.sh" "$data" "$QTUTOR" \
	    >"$tmp/check" 2>&1
	if [ "$(tail -n 1 "$tmp/check")" = "60 passed, 0 failed" ]; then
		ok
	else
		bad "check_cartpole.sh:"; cat "$tmp/check"
	fi
else
	echo "SKIP: no bash for check_cartpole.sh"
fi
# Byte for byte: the same bits, written as Gymnasium's files are (%.17g,
# "-0" kept, reward 0 and 1).
n=0
while IFS="$tab" read -r name init actions; do
	[ "$name" = name ] && continue
	n=$((n + 1))
	traj --init "$init" --actions "$actions"
	cmp -s "$tmp/out" "$data/$name.csv" && ok ||
	    bad "$name: output differs from $name.csv"
done <"$data/cases.tsv"
[ "$n" -eq 60 ] && ok || bad "$n cases in cases.tsv, expected 60"

# --- Where the rows stop ---------------------------------------------
# At termination: pushes left over are not used.
init=$(case_field traj000 2)
actions=$(case_field traj000 3)
traj --init "$init" --actions "${actions}0101"
cmp -s "$tmp/out" "$data/traj000.csv" && ok ||
    bad "traj000 with extra pushes: not stopped at termination"
tail -n 1 "$tmp/out" | grep -q ',1,1,0$' && ok ||
    bad "traj000: last row $(tail -n 1 "$tmp/out")"
# At the time limit: 500 steps, truncated on the last only.
name=$(awk -F, 'FNR == 502 && $1 == 500 { print FILENAME; exit }' \
    "$data"/traj*.csv)
name=$(basename "${name:-none}" .csv)
init=$(case_field "$name" 2)
actions=$(case_field "$name" 3)
traj --init "$init" --actions "${actions}1"
cmp -s "$tmp/out" "$data/$name.csv" && ok ||
    bad "$name with an extra push: not stopped at step 500"
[ "$(wc -l <"$tmp/out")" -eq 502 ] && ok || bad "$name: not 501 rows"
tail -n 1 "$tmp/out" | grep -q '^500,[01],.*,1,0,1$' && ok ||
    bad "$name: last row $(tail -n 1 "$tmp/out")"
[ "$(awk -F, 'NR > 1 && $9 == 1' "$tmp/out" | wc -l)" -eq 1 ] && ok ||
    bad "$name: truncated before step 500"
# When the pushes run out: the first ten of traj000's.
init=$(case_field traj000 2)
actions=$(case_field traj000 3)
traj --init "$init" --actions "$(printf '%.10s' "$actions")"
head -n 12 "$data/traj000.csv" | cmp -s - "$tmp/out" && ok ||
    bad "traj000 with ten pushes: not its first ten rows"
# No pushes: the header and the start.
traj --init 0.1,-0,0,0.02 --actions ""
printf '%s\n' \
    'step,action,x,x_dot,theta,theta_dot,reward,terminated,truncated' \
    '0,-1,0.10000000000000001,-0,0,0.02,0,0,0' | cmp -s - "$tmp/out" &&
    ok || { bad "no pushes:"; cat "$tmp/out"; }
# A start already past a threshold still takes its step, as Gymnasium's
# does: one row, terminated.
traj --init 2.5,0,0,0 --actions 111
[ "$(wc -l <"$tmp/out")" -eq 3 ] && tail -n 1 "$tmp/out" | grep -q ',1,1,0$' &&
    ok || { bad "start outside the track:"; cat "$tmp/out"; }

# --- Usage errors: exit 2 and one line -------------------------------
usage_error "--init: '1,2,3' has 3 fields, not 4 numbers" \
    --env cartpole --init 1,2,3 --actions 01
usage_error "--init: '0,0,0,0,' has 5 fields" \
    --env cartpole --init 0,0,0,0, --actions 01
usage_error "--init: theta 'x' is not a number" \
    --env cartpole --init 1,2,x,4 --actions 01
usage_error "--init: x_dot '' is not a number" \
    --env cartpole --init 1,,3,4 --actions 01
usage_error "--init: x '0.1abc' is not a number" \
    --env cartpole --init 0.1abc,0,0,0 --actions 01
usage_error "--init: theta_dot 'nan' is not a finite number" \
    --env cartpole --init 0,0,0,nan --actions 01
usage_error "--init: x '1e999' is not a finite number" \
    --env cartpole --init 1e999,0,0,0 --actions 01
usage_error "--init: theta 'inf' is not a finite number" \
    --env cartpole --init 0,0,inf,0 --actions 01
usage_error "--actions: character 3 '2' is not 0 (push left) or 1" \
    --env cartpole --init 0,0,0,0 --actions 012
usage_error "--actions: character 1 'L' is not 0" \
    --env cartpole --init 0,0,0,0 --actions LR
usage_error "--init needs --env cartpole" --init 0,0,0,0 --actions 01
usage_error "--actions needs --env cartpole (not frozenlake)" \
    --env frozenlake --actions 01
usage_error "--init needs --env cartpole" \
    --set env=cartpole --init 0,0,0,0 --actions 01
usage_error "--init needs --actions" --env cartpole --init 0,0,0,0
usage_error "--actions needs --init" --env cartpole --actions 0101
usage_error "--init cannot be used with --batch" \
    --batch --env cartpole --init 0,0,0,0 --actions 01
usage_error "--init cannot be used with --batch, --solve" \
    --solve --env cartpole --init 0,0,0,0 --actions 01

# --- Documented -------------------------------------------------------
"$QTUTOR" --help >"$tmp/out"
grep -q -- '--init X,XDOT,THETA,THETADOT' "$tmp/out" &&
    grep -q -- '--actions 0110' "$tmp/out" && ok ||
    bad "--help lacks --init or --actions"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
