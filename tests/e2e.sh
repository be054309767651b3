#!/bin/sh
# The interactive screen end to end: the real binary in a detached tmux
# (80x24, then resized), driven by keys and checked by what a person
# would see.  Run by `make check' with QTUTOR pointing at the built
# binary; skipped (exit 77) when tmux is not installed.
#
# Every wait polls the pane (capture-pane) until the expected text shows,
# so nothing depends on how fast the machine is.  E2E_TIMEOUT (seconds,
# default 5) is how long one wait may take.
set -u
: "${QTUTOR:?}" "${TOP_SRCDIR:?}"
if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: tmux is not installed"
	exit 77
fi

tmp=$(mktemp -d)
sock=qtutor-e2e-$$
lesson=$TOP_SRCDIR/tests/data/lessons/e2e.lesson
timeout=${E2E_TIMEOUT:-5}
pass=0
fail=0
scr=
cur=

tm() { tmux -L "$sock" -f /dev/null "$@"; }
# The server goes, and its socket with it (tmux leaves the file).
cleanup() {
	sp=$(tm list-sessions -F '#{socket_path}' 2>/dev/null | head -n 1)
	tm kill-server >/dev/null 2>&1
	[ -n "$sp" ] && rm -f "$sp"
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM PIPE

# tmux runs the pane's command with the default shell, and must not
# think it is nested in the tmux it may have been started from.
SHELL=/bin/sh
export SHELL
unset TMUX TMUX_PANE

# UTF-8 when the C.UTF-8 locale exists, else plain ASCII glyphs.  The
# script's own locale too, so that tmux passes UTF-8 through and grep's
# `.' matches a whole character.
if [ "$(LC_ALL=C.UTF-8 locale charmap 2>/dev/null)" = UTF-8 ]; then
	LC_ALL=C.UTF-8
	alpha_sym='α' done_mark='✓ Done:' arrow='←'
else
	LC_ALL=C
	alpha_sym='alpha' done_mark='[x] Done:' arrow='<-'
	echo "note: no C.UTF-8 locale, expecting ASCII glyphs"
fi
export LC_ALL

# The pane's command: qtutor in a private state directory (one for each
# session, so none sees another's history or progress) and home, its
# pid in TAG.pid (the inner shell execs qtutor), then its exit status
# and the terminal's settings (in TAG.stty), then a pause to keep the
# pane for capturing.
cat >"$tmp/run.sh" <<EOF
#!/bin/sh
tag=\$1
shift
unset LC_ALL LC_CTYPE LC_MESSAGES
LANG=C.UTF-8
XDG_STATE_HOME='$tmp/state-'"\$tag"
HOME='$tmp/home'
export LANG XDG_STATE_HOME HOME
if command -v infocmp >/dev/null 2>&1 && ! infocmp "\$TERM" >/dev/null 2>&1
then
	TERM=screen
	export TERM
fi
sh -c 'echo \$\$ >"\$0"; exec "\$@"' '$tmp/'"\$tag.pid" '$QTUTOR' \
    --lesson '$lesson' --seed 1 "\$@"
echo "EXIT:\$?"
stty -a >'$tmp/'"\$tag.stty" 2>&1
echo "STTY:\$?"
exec sleep 60
EOF
mkdir "$tmp/home"

ok() { pass=$((pass + 1)); }
# A failure shows the last screen captured, so a CI log says what went
# wrong.
bad() {
	fail=$((fail + 1))
	echo "FAIL: $*"
	echo "---- screen ($cur) ----"
	printf '%s\n' "$scr"
	echo "----"
}

capture() { scr=$(tm capture-pane -p -t "$cur" 2>&1); }
on_screen() { printf '%s\n' "$scr" | grep -Eq -- "$1"; }
line() { printf '%s\n' "$scr" | sed -n "$1p"; }
# The lines of the last capture that match an ERE.
matching() { printf '%s\n' "$scr" | grep -E -- "$1"; }

# wait_for ERE [TIMEOUT]: poll every 0.1 s until the pane shows a match.
wait_for() {
	tries=$(( ${2:-$timeout} * 10 ))
	while :; do
		capture
		on_screen "$1" && return 0
		tries=$((tries - 1))
		[ "$tries" -gt 0 ] || return 1
		sleep 0.1
	done
}
# The screen at rest: two captures in a row the same (paused screens
# only; a running one never rests).
settle() {
	tries=$(( timeout * 10 ))
	capture
	while :; do
		prev=$scr
		sleep 0.1
		capture
		[ "$scr" = "$prev" ] && return 0
		tries=$((tries - 1))
		[ "$tries" -gt 0 ] || return 1
	done
}
expect() {	# expect DESCRIPTION ERE [TIMEOUT]
	if wait_for "$2" "${3:-}"; then ok; else bad "$1: no '$2'"; fi
}
expect_not() {	# expect_not DESCRIPTION ERE: not on the settled screen
	settle
	if on_screen "$2"; then bad "$1: '$2' is shown"; else ok; fi
}
keys() { tm send-keys -t "$cur" "$@"; }
text() { tm send-keys -t "$cur" -l "$1"; }
# A fixed string as an ERE.
re() { printf '%s\n' "$1" | sed 's/[][\.*^$(){}+?|/]/\\&/g'; }

# start TAG: a new session running qtutor at 80x24; 0 once the title
# bar shows.
start() {
	cur=$1
	if ! tm new-session -d -s "$cur" -x 80 -y 24 "sh '$tmp/run.sh' $cur"
	then
		bad "$cur: tmux new-session failed"
		return 1
	fi
	size=$(tm display-message -p -t "$cur" '#{pane_width}x#{pane_height}')
	if [ "$size" != 80x24 ]; then
		tm resize-window -t "$cur" -x 80 -y 24 >/dev/null 2>&1
		size=$(tm display-message -p -t "$cur" \
		    '#{pane_width}x#{pane_height}')
		[ "$size" = 80x24 ] || echo "note: the pane is $size, not 80x24"
	fi
	if wait_for '^ qtutor . End-to-end test lesson +page 1/3 +episode 1 +step 0 *$'; then
		ok
		return 0
	fi
	bad "$cur: the screen did not come up"
	return 1
}

# stty_sane TAG: after qtutor ended, the terminal echoes and is in
# canonical mode again.
stty_sane() {
	# Not anchored: a terminal left raw does not return the carriage.
	if ! wait_for 'STTY:[0-9]'; then
		bad "$1: stty -a did not run after qtutor"
		return
	fi
	tr -s ' ;\n\t' '\n\n\n\n' <"$tmp/$1.stty" >"$tmp/$1.words"
	if grep -qx echo "$tmp/$1.words" && grep -qx icanon "$tmp/$1.words"
	then
		ok
	else
		bad "$1: terminal not restored: $(cat "$tmp/$1.stty")"
	fi
}

# expect_exit TAG STATUS: the wrapper's EXIT line shows qtutor's status.
expect_exit() {
	if ! wait_for 'EXIT:[0-9]+'; then
		bad "$1: qtutor did not exit"
		return
	fi
	got=$(printf '%s\n' "$scr" | sed -n 's/.*EXIT:\([0-9]*\).*/\1/p' |
	    tail -n 1)
	if [ "$got" = "$2" ]; then ok; else bad "$1: exit $got, expected $2"; fi
}

title_re() {	# title_re PAGE EPISODE STEP
	printf '^ qtutor . End-to-end test lesson +page %s/3 +episode %s +step %s *$' \
	    "$1" "$2" "$3"
}
title_episode() { line 1 | sed -n 's/.* episode \([0-9]*\) .*/\1/p'; }
status_re() { printf '^ [a-z_]+  %s %s ' "$alpha_sym" "$1"; }
update_re="^ Q\\([0-9]+,.+\\) $arrow "

interactive() {
	start main || return

	# --- Page 1: the first screen ---------------------------------
	expect "page 1 title" '^1/3 First steps'
	expect "status line" "$(status_re 0.80).*paused"
	expect "key hints" 'SPACE step +b back'
	expect "grid" 'FrozenLake 4x4'
	expect "Q-table" 'Q-table'
	expect "update line before any step" 'Press SPACE to take one step and see the update'

	# --- SPACE, SPACE, b: the update line comes back exactly ------
	keys Space
	expect "SPACE: title step 1" "$(title_re 1 1 1)"
	expect "SPACE: message" '^ step: 1 transition, episode 1 step 1$'
	settle
	first=$(matching "$update_re")
	if [ "$(printf '%s\n' "$first" | grep -c .)" -eq 1 ]; then
		ok
	else
		bad "SPACE: one update line Q(s,a) $arrow ..."
	fi
	note1=$(printf '%s\n' "$scr" | grep -A1 -E -- "$update_re" | sed -n 2p)
	case $note1 in
	" TD error "*) ok ;;
	*) bad "SPACE: no TD error line under the update line" ;;
	esac
	keys Space
	expect "SPACE again: title step 2" "$(title_re 1 1 2)"
	settle
	second=$(matching "$update_re")
	keys b
	expect "b: title back at step 1" "$(title_re 1 1 1)"
	expect "b: message" '^ back: 1 transition, episode 1 step 1$'
	settle
	again=$(matching "$update_re")
	note2=$(printf '%s\n' "$scr" | grep -A1 -E -- "$update_re" | sed -n 2p)
	if [ -n "$first" ] && [ "$again" = "$first" ] && [ "$note2" = "$note1" ]
	then
		ok
	else
		bad "b: the update lines differ from the first step's:
 first: $first
        $note1
 now:   $again
        $note2"
	fi
	[ "$second" != "$first" ] && ok ||
	    bad "the second step's update line is the first one's: $second"

	# --- The prompt: set alpha, a bad value ------------------------
	keys :
	expect "':' opens the prompt" '^:$'
	text 'set alpha 0.5'
	expect "the prompt echoes the line" '^: set alpha 0\.5$'
	keys Enter
	expect "set alpha 0.5: message" \
	    '^ alpha = 0\.5 \(from the next transition; the Q-table is kept\)$'
	expect "set alpha 0.5: status" "$(status_re 0.50)"
	expect "set alpha 0.5: step unchanged" "$(title_re 1 1 1)"
	keys :
	expect "':' opens the prompt again" '^:$'
	text 'set alpha 7'
	keys Enter
	expect "set alpha 7: message" '^ alpha: 7 not in \[0, 1\]$'
	expect "set alpha 7: status still 0.50" "$(status_re 0.50)"
	# Escape alone cancels the prompt; the key hints come back.
	keys :
	expect "':' opens the prompt for Escape" '^:$'
	text 'pause'
	keys Escape
	expect "Escape closes the prompt" '^ SPACE step +b back'

	# --- Help overlay ----------------------------------------------
	keys '?'
	expect "? opens the help" 'help: [0-9]+ commands'
	expect "help lists set" 'set NAME VALUE +Set a parameter'
	expect "help lists episode" 'episode \[N\] +Finish the current episode'
	expect "help says how to close" 'other keys close'
	# A key that would play an episode only closes the help.
	keys e
	expect "e closes the help" '^1/3 First steps'
	expect_not "help closed" 'other keys close'
	expect "the key closing the help did nothing else" "$(title_re 1 1 1)"

	# --- Too small, then back --------------------------------------
	if tm resize-window -t "$cur" -x 60 -y 20 2>/dev/null ||
	    tm resize-pane -t "$cur" -x 60 -y 20 2>/dev/null; then
		expect "60x20: the too-small notice" \
		    'needs a terminal of at least 80x24'
		expect "60x20: the size" 'this one is 60x20'
		expect_not "60x20: nothing else drawn" 'End-to-end test lesson'
		# Keys other than q do nothing while too small.  Another
		# small size first, so that SPACE is read, whenever tmux
		# writes it, before the screen is large enough again.
		keys Space
		tm resize-window -t "$cur" -x 70 -y 22 2>/dev/null ||
		    tm resize-pane -t "$cur" -x 70 -y 22 2>/dev/null
		expect "70x22: the notice follows the size" 'this one is 70x22'
		tm resize-window -t "$cur" -x 80 -y 24 2>/dev/null ||
		    tm resize-pane -t "$cur" -x 80 -y 24 2>/dev/null
		expect "80x24 again: the screen is back" "$(title_re 1 1 1)"
		expect "80x24 again: page 1" '^1/3 First steps'
		expect "80x24 again: status" "$(status_re 0.50)"
		expect_not "80x24 again: no notice" 'needs a terminal'
	else
		echo "note: this tmux cannot resize a detached window; skipped"
	fi

	# --- Page 2: a checkpoint --------------------------------------
	keys n
	expect "n: page 2 title" '^2/3 Three episodes'
	expect "n: title bar" "$(title_re 2 1 1)"
	expect "n: message" '^ page 2 of 3: Three episodes$'
	expect "page 2: the task" '^Task: Play three episodes\.'
	keys e
	expect "e: first episode over" '^ episode 1: (reached the goal|fell in a hole|truncated)'
	keys e
	expect "e: second episode over" '^ episode 2: (reached the goal|fell in a hole|truncated)'
	expect_not "two episodes: no checkpoint yet" "$(re "$done_mark")"
	keys e
	expect "e: checkpoint message" '^ checkpoint reached: Play three episodes\.$'
	expect "e: task done" "^$(re "$done_mark") Play three episodes\\."

	# --- Run mode --------------------------------------------------
	keys r
	expect "r: running" 'running [0-9]+/s *$'
	expect "r: message" '^ running: press r or type pause to stop$'
	e1=$(title_episode)
	tries=$((timeout * 10))
	while :; do
		capture
		e2=$(title_episode)
		[ -n "$e1" ] && [ -n "$e2" ] && [ "$e2" -gt "$e1" ] && break
		tries=$((tries - 1))
		[ "$tries" -gt 0 ] || break
		sleep 0.1
	done
	[ -n "$e1" ] && [ -n "$e2" ] && [ "$e2" -gt "$e1" ] && ok ||
	    bad "running: the episode stays at '$e1' ('$e2')"
	keys r
	expect "r again: paused" 'paused \([0-9]+/s\) *$'
	expect "r again: message" '^ paused, (episode [0-9]+ step [0-9]+|at the start of episode [0-9]+)$'
	settle
	t1=$(line 1)
	sleep 0.3
	capture
	[ "$(line 1)" = "$t1" ] && ok || bad "paused but still stepping: '$t1'"

	# --- Quit ------------------------------------------------------
	keys q
	expect_exit "q: quit" 0
	stty_sane main
	expect_not "q: the screen is cleared" 'End-to-end test lesson'
	if grep -qx 'set alpha 0.5' "$tmp/state-main/qtutor/history" 2>/dev/null
	then
		ok
	else
		bad "history: no 'set alpha 0.5' in \$XDG_STATE_HOME/qtutor/history"
	fi
	[ ! -e "$tmp/state-main/qtutor/history.tmp" ] && ok ||
	    bad "history: history.tmp left behind"
	[ ! -e "$tmp/home/.local" ] && ok ||
	    bad "history: something written under \$HOME"
}

# kill_test TAG paused|running|prompt: SIGTERM to qtutor, paused, in run
# mode or with a half-typed command at the prompt; it restores the
# terminal and dies of the signal.
kill_test() {
	start "$1" || return
	case $2 in
	running)
		keys r
		expect "$1: running" 'running [0-9]+/s *$'
		;;
	prompt)
		keys :
		text 'set al'
		expect "$1: the prompt" '^: set al$'
		;;
	esac
	pid=$(cat "$tmp/$1.pid" 2>/dev/null)
	if [ -z "$pid" ] || ! kill -TERM "$pid" 2>/dev/null; then
		bad "$1: no qtutor process to signal (pid '$pid')"
		return
	fi
	expect_exit "$1: SIGTERM: killed by the signal" 143
	stty_sane "$1"
}

# mdp_test: the MDP lesson, stepped as a learner would: the discounted
# return written out live, a page that switches to FrozenLake, value
# iteration one sweep per key, and solve's success probability.
mdp_test() {
	cur=mdp
	if ! tm new-session -d -s "$cur" -x 80 -y 24 \
	    "sh '$tmp/run.sh' mdp --lesson '$TOP_SRCDIR/lessons/mdp.lesson'"
	then
		bad "mdp: tmux new-session failed"
		return
	fi
	expect "mdp: the lesson opens" '^ qtutor . MDPs and value iteration +page 1/8'
	keys Space Space Space
	if [ "$alpha_sym" = 'α' ]; then
		expect "mdp: G written out after three steps" \
		    'G = 1 \+ 0\.9×1 \+ 0\.81×1 = 2\.71'
	else
		expect "mdp: G written out after three steps" \
		    'G = 1 \+ 0\.9\*1 \+ 0\.81\*1 = 2\.71'
	fi
	keys b
	expect "mdp: b takes G back to two terms" 'G = 1 \+ 0\.9.1 = 1\.9'
	keys :
	text 'page 5'
	keys Enter
	expect "mdp: page 5 switches to FrozenLake" '4x4 slippery'
	expect "mdp: the grid is drawn" '^.*│? *H +F.+G *'
	keys v v v
	expect "mdp: three sweeps" 'value iteration, sweep 3 *$'
	expect "mdp: the backup written out" 'V(.|_3)\([0-9]+\) .+ max_a'
	keys :
	text 'solve'
	keys Enter
	expect "mdp: solve reports the success probability" \
	    'solve: converged, sweep [0-9]+; .*p = 0\.7402'
	keys q
	expect_exit "mdp: quit" 0
	stty_sane mdp
}

# ps_test: projective simulation on the screen: h and g side by side,
# the update line writes the edge out, the glow spreads as the agent
# walks, and b puts h, g and the line back exactly.
ps_test() {
	cur=ps
	if ! tm new-session -d -s "$cur" -x 80 -y 24 \
	    "sh '$tmp/run.sh' ps --set agent=ps --set slippery=0"
	then
		bad "ps: tmux new-session failed"
		return
	fi
	expect "ps: h and g side by side" 'h: hop +g: glow'
	expect "ps: the status line" '^ ps  damping 1e-07 '
	keys Space
	expect "ps: the update line" "^ h\\([0-9]+,.+\\) $arrow 1\\.000 "
	expect "ps: one edge glows" 'glowing: 1 edge '
	keys Space
	expect "ps: two edges glow" 'glowing: 2 edges '
	settle
	before=$(matching '^ (h\(|p\()')
	# The rows of h and g: a state, four h values, then the glows.
	rows_re=' [0-9]+( [0-9.]+){4} '
	table=$(matching "$rows_re")
	keys Space
	expect "ps: the glow spreads" 'glowing: 3 edges '
	keys b
	expect "ps: b takes the glow back" 'glowing: 2 edges '
	settle
	after=$(matching '^ (h\(|p\()')
	if [ "$before" = "$after" ] && [ -n "$before" ]; then ok; else
		bad "ps: back: update lines '$after', expected '$before'"
	fi
	if [ -n "$table" ] && [ "$(matching "$rows_re")" = "$table" ]; then
		ok
	else
		bad "ps: back: h and g not restored"
	fi
	keys q
	expect_exit "ps: quit" 0
}

# fqi_test: fitted Q-iteration on the screen: SPACE is an iteration,
# the table and the target line follow, b goes back, e plays the cart,
# tabular commands are refused, and the dataset can be saved.
fqi_test() {
	cur=fqi
	if ! tm new-session -d -s "$cur" -x 80 -y 24 \
	    "sh '$tmp/run.sh' fqi --lesson '$TOP_SRCDIR/lessons/fqi.lesson' --set iterations=4"
	then
		bad "fqi: tmux new-session failed"
		return
	fi
	expect "fqi: the lesson opens" \
	    '^ qtutor . Fitted Q-iteration on CartPole +page 1/9 +iterations 0 ' 15
	expect "fqi: the status line" '^ fqi  .+ 0\.99  knn k=30  data 50000  seed 1'
	expect "fqi: no fit yet" 'No fit yet: Q = 0 everywhere'
	keys Space
	expect "fqi: iteration 0 fits the rewards" \
	    '^ y\[[0-9]+\] = r = 1 +\(iteration 0 fits the rewards alone\)'
	keys Space Space
	expect "fqi: three iterations in the title" 'iterations 3 '
	expect "fqi: the table's last row" ' 2  0\.7[0-9]{2} +[0-9.]+ '
	keys :
	text 'target 1'
	keys Enter
	expect "fqi: target 1 written out" '^ y\[1\] = r (\+|=) '
	keys b
	expect "fqi: back to two iterations" 'iterations 2 '
	expect_not "fqi: the undone row is gone" ' 2  0\.7[0-9]{2} +[0-9.]+ '
	keys e
	# The page's checkpoint (play one episode) has the last word.
	expect "fqi: a greedy episode played" 'checkpoint reached: Press e to play' 10
	keys e
	expect "fqi: a second greedy episode" 'greedy episode 2: return [0-9]+' 10
	keys :
	text 'sweep'
	keys Enter
	expect "fqi: sweep is refused" 'sweep: not with agent fqi'
	keys :
	text "save-dataset $tmp/fqi.dataset"
	keys Enter
	expect "fqi: the dataset saved" 'save-dataset: 50000 transitions written'
	if head -n 1 "$tmp/fqi.dataset" 2>/dev/null | grep -qx '# qtutor dataset 1'
	then ok; else bad "fqi: the saved dataset lacks its header"; fi
	keys r
	expect "fqi: run goes on to iterations=4" 'iterations 4 ' 10
	keys q
	expect_exit "fqi: quit" 0
	stty_sane fqi
}

# dqn_test: DQN on the screen: SPACE is one transition, the buffer
# fills, a gradient step is written out, b takes steps back exactly, and
# a run at full speed trains to the end while the screen answers.
dqn_test() {
	cur=dqn
	if ! tm new-session -d -s "$cur" -x 80 -y 24 \
	    "sh '$tmp/run.sh' dqn --lesson '$TOP_SRCDIR/lessons/dqn.lesson' --set steps=6000 --set eval_every=2000"
	then
		bad "dqn: tmux new-session failed"
		return
	fi
	expect "dqn: the lesson opens" \
	    '^ qtutor . Deep Q-learning on CartPole +page 1/10 +step 0 '
	expect "dqn: the network's shape" '4-64-64-2'
	keys Space Space Space
	expect "dqn: three transitions in the buffer" 'buffer 3/100000'
	expect "dqn: the first checkpoint" 'checkpoint reached: Press SPACE'
	keys :
	text 'step 1000'
	keys Enter
	expect "dqn: a gradient step written out" '^ y = r'
	expect "dqn: 1003 steps" 'step 1003 '
	settle
	before=$(matching '^ y = r')
	keys Space Space
	expect "dqn: two steps more" 'step 1005 '
	keys b b
	expect "dqn: b takes them back" 'step 1003 '
	settle
	if [ "$(matching '^ y = r')" = "$before" ]; then ok; else
		bad "dqn: back: update line '$(matching '^ y = r')', expected '$before'"
	fi
	keys :
	text 'target 3'
	keys Enter
	expect "dqn: an FQI command is refused" 'target: not with agent dqn'
	keys :
	text 'set lr 0.0005'
	keys Enter
	expect "dqn: a live setting keeps the network" \
	    'lr = 0.0005 \(from the next step; the network and the buffer are kept\)'
	keys :
	text 'compare double_dqn 0,1'
	keys Enter
	expect "dqn: compare shows both runs" 'compare double_dqn: 0, 1 \(the same seed for each\)' 20
	keys Escape
	expect_not "dqn: the comparison closes" 'compare double_dqn: 0, 1 \('
	# Full speed: the speed key up to the top.
	keys + + + + + + + + + +
	keys r
	expect "dqn: trains to the end" 'run finished at step 6000' 20
	keys q
	expect_exit "dqn: quit" 0
	stty_sane dqn
}

interactive
mdp_test
ps_test
fqi_test
dqn_test
kill_test term-paused paused
kill_test term-running running
kill_test term-prompt prompt

# --- Without a terminal -------------------------------------------
cur="no terminal"
scr=
"$QTUTOR" --lesson frozenlake </dev/null >/dev/null 2>"$tmp/err"
rc=$?
scr=$(cat "$tmp/err")
[ "$rc" -eq 2 ] && ok || bad "no terminal: exit $rc, expected 2"
grep -q 'needs a terminal' "$tmp/err" && ok ||
    bad "no terminal: stderr lacks 'needs a terminal'"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
