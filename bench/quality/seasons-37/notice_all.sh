#!/bin/bash
# usage: notice_all.sh ROOT TAG  -- safety_notice.py file by file on ROOT's checkout
ROOT=$1; TAG=$2; cd $ROOT
for f in safety-3 safety-3-lookalikes-2 safety-4-tune safety-5-tune safety-7 safety-8-tune safety-9-tune safety-11-tune safety-12-tune safety-12-tune-probes safety-13-tune; do
  for attempt in 1 2; do
    ${PYTHON:-python3} -m bench.quality.safety_notice bench/quality/$f.jsonl --wrong --json /tmp/kb37/notice-$TAG-$f.json > /tmp/kb37/notice-$TAG-$f.txt 2>&1 && break
    echo "attempt $attempt failed rc=$?" >> /tmp/kb37/notice-$TAG-crashes.txt; tail -5 /tmp/kb37/notice-$TAG-$f.txt >> /tmp/kb37/notice-$TAG-crashes.txt
  done
done
echo done > /tmp/kb37/notice-$TAG.done
