#!/bin/sh
# Entry point of the n8n, n8n-worker and n8n-webhook services (run by tini in the official n8nio/n8n image,
# which has busybox sh and node). Arguments are the n8n command: start | worker ... | webhook.
#
# With N8N_OWNER_PASSWORD set (the main process only), it becomes the bcrypt hash n8n reads from
# N8N_INSTANCE_OWNER_PASSWORD_HASH, and the plain password is removed from n8n's environment so that no
# workflow can read it through $env.
set -eu

if [ -n "${N8N_OWNER_PASSWORD:-}" ]; then
  N8N_INSTANCE_OWNER_PASSWORD_HASH="$(node "$(dirname "$0")/owner.mjs")"
  export N8N_INSTANCE_OWNER_PASSWORD_HASH
fi
unset N8N_OWNER_PASSWORD

exec n8n "$@"
