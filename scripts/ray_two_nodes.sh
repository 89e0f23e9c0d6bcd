#!/usr/bin/env bash
# Two Ray nodes on one machine serving one ObCLIP app (docs/ray.md, "Two nodes"): a head node and a
# second node of one CPU each, deploy/serve_config.yaml deployed with `serve run` (its copy differs only in
# the key file, loopback port, one proxy and a fixed two replicas), 16 concurrent requests, then where they
# ran. Stops every Ray process it started (`ray stop` on this machine: run it where no other Ray runs).
set -euo pipefail
cd "$(dirname "$0")/.."
export RAY_USAGE_STATS_ENABLED=0 RAY_AUTH_MODE=token RAY_AUTH_TOKEN="${RAY_AUTH_TOKEN:-$(openssl rand -hex 32)}" HF_HUB_OFFLINE=1
# One proxy on the head: Ray would send every request to a replica on the proxy's own node until that
# replica is full (max_ongoing_requests); across machines put a proxy on every node behind a load balancer.
export RAY_SERVE_PROXY_PREFER_LOCAL_NODE_ROUTING=0
RAY=.venv/bin/ray PORT=${PORT:-8790} WORK=$(mktemp -d)
trap '$RAY stop >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

.venv/bin/obclip keys new --key-file "$WORK/keys.txt" --label demo 2>/dev/null | tail -n1 > "$WORK/key"
$RAY start --head --port=6390 --num-cpus=1 --include-dashboard=false --object-store-memory=400000000 --disable-usage-stats >/dev/null
HEAD_IP=$(.venv/bin/python -c "import ray; ray.init(address='auto', logging_level='ERROR'); print(ray.util.get_node_ip_address())")
$RAY start --address="$HEAD_IP:6390" --num-cpus=1 --object-store-memory=400000000 --disable-usage-stats >/dev/null
for _ in $(seq 60); do [ "$($RAY status --address="$HEAD_IP:6390" | grep -c ' node_')" -ge 2 ] && break; sleep 1; done
$RAY status --address="$HEAD_IP:6390" | sed -n '/Active/,/Pending/p'

sed -e 's|proxy_location: EveryNode|proxy_location: HeadOnly|' -e 's|host: 0.0.0.0 .*|host: 127.0.0.1|' \
    -e "s|port: 8000|port: $PORT|" -e "s|/etc/obclip/keys.txt|$WORK/keys.txt|" \
    -e 's|min_replicas: 1|min_replicas: 2|' -e 's|max_replicas: 4|max_replicas: 2|' deploy/serve_config.yaml > "$WORK/serve.yaml"
.venv/bin/serve run --address="$HEAD_IP:6390" --non-blocking "$WORK/serve.yaml" >/dev/null 2>&1
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 1; done

OBCLIP_API_KEY=$(cat "$WORK/key") .venv/bin/python - "$PORT" <<'EOF'
import os, sys, threading, time
from obclip.client import RemoteCloud
from obclip.prompts import transform
from obclip.protocol import CloudRequest
group = transform("an old man on a beach", ["gender"])
cloud = RemoteCloud(f"http://127.0.0.1:{sys.argv[1]}", os.environ["OBCLIP_API_KEY"], timeout=300)
def one(seed):
    cloud(CloudRequest(candidates=group.order, seed=seed, steps=25, k=4, guidance=5.0, height=64, width=64, pair="default"))
started = time.time()
threads = [threading.Thread(target=one, args=(i,)) for i in range(16)]
[t.start() for t in threads]; [t.join() for t in threads]
print(f"16 requests (N={group.n}, T=25, k=4) from 16 clients answered in {time.time() - started:.2f} s")
EOF
SESSION=$(.venv/bin/python -c "import ray; ray.init(address='auto', logging_level='ERROR'); print(ray._private.worker._global_node.get_session_dir_path())")
for log in "$SESSION"/logs/serve/replica_*.log; do
  id=$(basename "$log" .log); id=${id##*_}
  node=$(grep -ho "Replica(id='$id'.*started successfully on node '[0-9a-f]\{12\}" "$SESSION"/logs/serve/controller_*.log | grep -o "node '[0-9a-f]*" | cut -c7-)
  echo "replica $id on node $node: $(grep -c 'POST /v1/denoise 200' "$log") answered, $(grep -c 'batch of' "$log") batches"
done
