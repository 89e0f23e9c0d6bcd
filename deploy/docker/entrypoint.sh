#!/bin/sh
# Starts `obclip serve` on 0.0.0.0 with keys and TLS from mounted files; extra arguments go to `obclip serve`
# (e.g. --threads 4 --max-batch 16). Fails with a clear message when the key file is missing.
set -eu
secrets="${OBCLIP_SECRETS:-/run/secrets}"
if [ ! -r "$secrets/keys.txt" ]; then
  echo "obclip: no API key file at $secrets/keys.txt; mount one (obclip keys new --key-file keys.txt)" >&2
  exit 2
fi
set -- --host "${OBCLIP_HOST:-0.0.0.0}" --port "${OBCLIP_PORT:-8000}" --pair "${OBCLIP_PAIR:-default}" \
  --api-key-file "$secrets/keys.txt" "$@"
if [ -r "$secrets/tls.crt" ] && [ -r "$secrets/tls.key" ]; then
  set -- --tls-cert "$secrets/tls.crt" --tls-key "$secrets/tls.key" "$@"
fi
exec obclip serve "$@"
