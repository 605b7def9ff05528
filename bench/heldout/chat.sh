#!/bin/bash
# chat.sh WT TAG SPLIT : whole chat (WebSocket in, reply out) on the tests' tiny model
WT=$1 TAG=$2 N=$3 E=${EVAL:-/work/main/eval} OUT=${OUT:-/work/scores/s39}
cd $WT && .venv/bin/python bench/quality/run_chat_eval.py --start --model /work/scores/tiny.gguf \
  --questions $E/independent-$N.jsonl --labels $E/independent-$N-labels.json \
  --safety-labels $E/independent-$N-safety.json --descriptions $E/independent-$N-describe.json \
  --out $OUT/chat-$N-$TAG.json > $OUT/chat-$N-$TAG.log 2>&1
