#!/usr/bin/env bash
# usage: score.sh WORKFLOWS_ROOT OUTDIR SET...   (run from the worktree; one set at a time, each on its own
# private Postgres: eval/score_independent.py --scratch)
root=$1; out=$2; shift 2; mkdir -p "$out"
for s in "$@"; do
  n=$([ "$s" = 1 ] && echo "" || echo "-$s")
  .venv/bin/python eval/score_independent.py --scratch --workflows-root "$root" \
    --cases eval/estimates-independent$n.jsonl --labels eval/estimates-independent$n-labels.json --out "$out/set$s.json" > "$out/set$s.log" 2>&1
  echo "set $s rc=$? $(date -u +%T)" >> "$out/progress"
done
