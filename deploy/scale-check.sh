#!/bin/sh
# scale-check (docker-compose.yml, scale profile): the scale profile adds processes, but the services shared
# with the single-node set-up (n8n, gateway) must be switched too, through .env. This one-shot stops
# `docker compose --profile scale up` with a clear message when they are not, before anything half-works.
set -u
problems=""
[ "${N8N_EXECUTIONS_MODE:-}" = "queue" ] ||
  problems="$problems\n  N8N_EXECUTIONS_MODE=queue             (n8n main puts executions on the Redis queue for n8n-worker)"
case "${GATEWAY_HUB_URL:-}" in
  redis://*) ;;
  *) problems="$problems\n  GATEWAY_HUB_URL=redis://redis:6379/0  (a reply reaches the browser whichever gateway holds its WebSocket)" ;;
esac
if [ -n "$problems" ]; then
  printf 'scale-check: the scale profile needs these lines in .env (see .env.example and docs/deploy.md):%b\n' "$problems" >&2
  exit 1
fi
# Working but not using what the profile adds: say so, do not refuse.
[ "${GATEWAY_N8N_URL:-}" = "http://n8n:5678" ] &&
  echo "scale-check: warning: GATEWAY_N8N_URL is n8n main; set http://n8n-webhook:5678 to use the webhook processes" >&2
case "${N8N_GATEWAY_CALLBACK_URL:-}" in
  http://gateway:8000/*) echo "scale-check: warning: N8N_GATEWAY_CALLBACK_URL reaches one gateway only; set http://gateway-lb:8080/callbacks/n8n" >&2 ;;
esac
[ "${REMEDIOS_LLM_URL:-}" = "http://llm-lb:4891" ] ||
  echo "scale-check: warning: REMEDIOS_LLM_URL reaches one model server only; set http://llm-lb:4891 to use llm-server-2" >&2
echo "scale-check: .env is set for the scale profile"
exit 0
