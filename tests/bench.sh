#!/bin/sh
# Whole-process benchmarks of the qtutor binary, for `make bench'.
# The Python tutorial takes 1.10 s for the classic workload (measured
# on this kind of machine); qtutor must be at least 200 times faster.
set -eu
: "${QTUTOR:?}"
runs=31
times=""
i=0
while [ $i -lt $runs ]; do
	t0=$(date +%s%N)
	"$QTUTOR" --batch --lesson frozenlake --runs 30 --episodes 500 >/dev/null
	t1=$(date +%s%N)
	times="$times $(( (t1 - t0) / 1000 ))"
	i=$((i + 1))
done
median=$(echo $times | tr ' ' '\n' | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
echo "bench: name=ql_classic_process value=$(awk "BEGIN { printf \"%.3f\", $median / 1000 }") unit=ms"
echo "bench: name=ql_classic_speedup_vs_python value=$(awk "BEGIN { printf \"%.0f\", 1100000 / $median }") unit=x"
