#!/bin/bash
# chat.sh WT TAG SPLIT: the whole chat (WebSocket in, reply out) on held-out split SPLIT, with WT's code, on the
# tests' tiny model (MODEL; make it once with tests/support/tiny_gguf.make_tiny_gguf(Path(MODEL))). The lead's only.
set -eu
WT=$1 TAG=$2 N=$3
E=${EVAL:-/work/main/eval} OUT=${OUT:-/work/scores/s39} MODEL=${MODEL:-/work/scores/tiny.gguf}
mkdir -p "$OUT"
cd "$WT" && .venv/bin/python bench/quality/run_chat_eval.py --start --model "$MODEL" \
  --questions "$E/independent-$N.jsonl" --labels "$E/independent-$N-labels.json" \
  --safety-labels "$E/independent-$N-safety.json" --descriptions "$E/independent-$N-describe.json" \
  --out "$OUT/chat-$N-$TAG.json" > "$OUT/chat-$N-$TAG.log" 2>&1
