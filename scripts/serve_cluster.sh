#!/usr/bin/env bash
# N dashboard servers behind nginx with sticky sessions, in the foreground.
#
#   bash scripts/serve_cluster.sh --replicas 2 --port 8500 [--address 0.0.0.0] [--no-setup]
#                                 [--exit-with PID] [-- extra `streamlit run` options]
#
# - replica k (1..N) is `python -m foreign_ties.ui.serve` on 127.0.0.1:P+k; all of them read
#   the same data folder (FOREIGN_TIES_DATA, else data/), so the same data version
# - nginx (Debian's, apt-installed by scripts/setup.sh's ft_ensure_nginx when root) listens on
#   --address:P and passes websockets through (Upgrade/Connection headers, long read timeout)
# - sticky sessions: the first response sets the cookie ft_replica (a random id); nginx hashes
#   that cookie to pick the replica, so a viewer's page, websocket and media requests all
#   reach the process that holds the session. Each response names the replica in the
#   X-FT-Upstream header (for tests and debugging).
# - Ctrl-C or SIGTERM stops nginx and every replica (TERM, then KILL after 10 s); if any of
#   them exits on its own, the others are stopped too and the script exits 1.
# - --exit-with PID: also stop everything when process PID ends (tests use it, so a killed
#   test run leaves no cluster behind).
# Logs and the nginx config are in a temporary folder, removed on exit (its path is printed).
set -euo pipefail

replicas=2
port=8500
address=127.0.0.1
setup=1
exit_with=""
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --replicas) replicas="$2"; shift 2 ;;
        --port) port="$2"; shift 2 ;;
        --address) address="$2"; shift 2 ;;
        --no-setup) setup=0; shift ;;
        --exit-with) exit_with="$2"; shift 2 ;;
        --) shift; extra=("$@"); break ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        *) echo "serve_cluster: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ "$replicas" =~ ^[1-9][0-9]*$ ]] || { echo "serve_cluster: --replicas must be >= 1" >&2; exit 2; }
[[ "$port" =~ ^[0-9]+$ ]] || { echo "serve_cluster: --port must be a number" >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ "$setup" = 1 ]; then
    source scripts/setup.sh   # venv + pinned packages; defines ft_ensure_nginx
else
    ft_ensure_nginx() { command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; }; }
fi
nginx="$(ft_ensure_nginx)" || { echo "serve_cluster: nginx is required" >&2; exit 1; }

run="$(mktemp -d "${TMPDIR:-/tmp}/ft-cluster.XXXXXX")"
pids=()
stopping=0
stop_all() {
    [ "$stopping" = 1 ] && return
    stopping=1
    trap '' INT TERM
    local pid
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for _ in $(seq 100); do
        local alive=0
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ "$alive" = 0 ] && break
        sleep 0.1
    done
    for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$run"
}
trap 'echo "serve_cluster: stopping" >&2; stop_all; exit 0' INT TERM
trap 'stop_all' EXIT
if [ -n "$exit_with" ]; then
    me=$$
    ( while kill -0 "$exit_with" 2>/dev/null; do sleep 1; done; kill -TERM "$me" ) &
    pids+=($!)
fi

upstreams=""
for k in $(seq "$replicas"); do
    p=$((port + k))
    .venv/bin/python -m foreign_ties.ui.serve \
        --server.port "$p" --server.address 127.0.0.1 --server.headless true \
        --browser.gatherUsageStats false --server.fileWatcherType none \
        "${extra[@]}" >"$run/replica-$k.log" 2>&1 &
    pids+=($!)
    upstreams+="        server 127.0.0.1:$p max_fails=0;"$'\n'
done

cat >"$run/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $run/nginx.pid;
error_log $run/nginx-error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $run/body;
    proxy_temp_path $run/proxy;
    fastcgi_temp_path $run/fastcgi;
    uwsgi_temp_path $run/uwsgi;
    scgi_temp_path $run/scgi;
    map \$http_upgrade \$connection_upgrade { default upgrade; '' close; }
    # sticky key: the viewer's ft_replica cookie, or a fresh random id that we set as it
    map \$cookie_ft_replica \$ft_key { '' \$request_id; default \$cookie_ft_replica; }
    map \$cookie_ft_replica \$ft_set_cookie {
        '' "ft_replica=\$request_id; Path=/; HttpOnly; SameSite=Lax";
        default '';
    }
    upstream dashboard {
        hash \$ft_key consistent;
$upstreams    }
    server {
        listen $address:$port;
        client_max_body_size 200m;
        location / {
            proxy_pass http://dashboard;
            proxy_http_version 1.1;
            proxy_set_header Upgrade \$http_upgrade;
            proxy_set_header Connection \$connection_upgrade;
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_read_timeout 1d;
            proxy_send_timeout 1d;
            proxy_buffering off;
            add_header Set-Cookie \$ft_set_cookie always;
            add_header X-FT-Upstream \$upstream_addr always;
        }
    }
}
EOF

for k in $(seq "$replicas"); do
    p=$((port + k))
    for i in $(seq 240); do
        curl -sf "http://127.0.0.1:$p/_stcore/health" >/dev/null 2>&1 && break
        if ! kill -0 "${pids[$((k - 1))]}" 2>/dev/null || [ "$i" = 240 ]; then
            echo "serve_cluster: replica $k (port $p) did not start; its log:" >&2
            cat "$run/replica-$k.log" >&2
            exit 1
        fi
        sleep 0.5
    done
done
"$nginx" -p "$run" -e "$run/nginx-error.log" -c "$run/nginx.conf" &
pids+=($!)
echo "serve_cluster: http://$address:$port -> $replicas replica(s) on ports" \
    "$((port + 1))..$((port + replicas)); logs in $run; Ctrl-C stops all" >&2

set +e
wait -n
status=$?
set -e
echo "serve_cluster: a process exited (status $status); stopping the others" >&2
for f in "$run"/replica-*.log "$run/nginx-error.log"; do
    [ -s "$f" ] && { echo "--- $f" >&2; tail -n 20 "$f" >&2; }
done
exit 1
