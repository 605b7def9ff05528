#!/usr/bin/env bash
# usage: urlscore.sh URLFILE OUTDIR SET...
cd "$(git rev-parse --show-toplevel)"
U=$(cat $1); out=$2; shift 2; mkdir -p $out
for s in "$@"; do
  n=$([ $s = 1 ] && echo "" || echo "-$s")
  .venv/bin/python eval/score_independent.py --database-url "$U" \
    --cases eval/estimates-independent$n.jsonl --labels eval/estimates-independent$n-labels.json --out $out/set$s.json > $out/set$s.log 2>&1
  echo "set $s rc=$? $(date -u +%T)" >> $out/progress
done
