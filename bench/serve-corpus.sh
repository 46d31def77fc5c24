# Sourced by the benchmarks: serves a corpus folder with Debian's nginx on
# SPDX-License-Identifier: MIT
# 127.0.0.1 and stops it when the calling script exits.
#   serve_corpus CORPUS_DIR WORK_DIR PORT
serve_corpus() {
    local corpus=$1 dir=$2 port=$3
    mkdir -p "$dir"
    cat > "$dir/nginx.conf" <<CONF
user root;
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 256; }
http {
    access_log off;
    sendfile on;
    types { image/jpeg jpg; image/png png; image/webp webp; image/bmp bmp; }
    server { listen 127.0.0.1:$port; root $corpus; }
}
CONF
    nginx -c "$dir/nginx.conf" -p "$dir"
    SERVE_CORPUS_PID_FILE=$dir/nginx.pid
}

stop_corpus() {
    [[ -n "${SERVE_CORPUS_PID_FILE:-}" && -f "$SERVE_CORPUS_PID_FILE" ]] \
        && kill "$(cat "$SERVE_CORPUS_PID_FILE")" 2>/dev/null || true
}

# The corpus's URLs, one per line, in a stable order.
corpus_urls() {
    local corpus=$1 port=$2
    (cd "$corpus" && ls | grep -E '\.(jpg|png|webp|bmp)$' | sort) | sed "s|^|http://127.0.0.1:$port/|"
}
