#!/usr/bin/env bash
# Creates deploy/secrets/ for compose.yaml: an API key (keys.txt holds its digest, client.key the key itself),
# a throwaway CA and a server certificate for the names "server" and "localhost" (openssl). Not for production:
# use your own CA or a TLS-terminating load balancer there.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p secrets && cd secrets
[ -f keys.txt ] || obclip keys new --key-file keys.txt --label compose > client.key
if [ ! -f tls.crt ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=obclip-compose-ca" -keyout ca.key -out ca.crt 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=server" -keyout tls.key -out tls.csr 2>/dev/null
  printf "subjectAltName=DNS:server,DNS:localhost,IP:127.0.0.1\n" > san.ext
  openssl x509 -req -in tls.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 -extfile san.ext -out tls.crt 2>/dev/null
  rm -f tls.csr san.ext ca.key ca.srl
fi
chmod 644 keys.txt tls.crt ca.crt client.key tls.key  # read by the containers' unprivileged user
echo "deploy/secrets: keys.txt, client.key, tls.crt, tls.key, ca.crt"
