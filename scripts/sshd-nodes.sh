#!/usr/bin/env bash
# Real sshd "nodes" on loopback addresses, for the SSH transport's tests and the benchmark.
#
#   scripts/sshd-nodes.sh start N DIR   start nodes node01..nodeN on 127.0.0.2.. (one daemon per
#                                       16 addresses), one random free port shared by all
#   scripts/sshd-nodes.sh stop DIR      stop every daemon started in DIR
#   scripts/sshd-nodes.sh stop DIR NODE stop answering for one node: its daemon is restarted
#                                       without that address, so connections to it are refused
#
# DIR receives a throwaway host key, a user key (id_ed25519), authorized_keys, known_hosts,
# ssh_config (Host nodeNN -> HostName, Port, User, IdentityFile, UserKnownHostsFile), nodes
# (one name a line) and port. Use it as: ssh -F DIR/ssh_config node01 true.
# Each node logs in with HOME=DIR/home/nodeNN (empty), as a separate machine would: the invoking
# user's shell start-up files stay out of the nodes. (Sharing them made every login run, e.g.,
# root's `pyenv init`, whose global lock serialized concurrent logins: a benchmark then measured
# lock waits, and the tests saw "pyenv: cannot rehash" on standard error.)
# Works as root and as an ordinary user (then nodes log in as that user). openssh-server is
# installed from Debian when sshd is missing.
set -euo pipefail

PER_DAEMON=16
SSHD=/usr/sbin/sshd

usage() { echo "usage: $0 start N DIR | stop DIR [NODE]" >&2; exit 2; }

need_sshd() {
  [ -x "$SSHD" ] && return 0
  echo "sshd-nodes: installing openssh-server" >&2
  local sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >&2
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssh-server >/dev/null
}

addr_of() { # node index (1-based) -> loopback address
  local i=$1
  echo "127.0.$(( (i + 1) / 256 )).$(( (i + 1) % 256 ))"
}

listening() { # address port -> 0 when something accepts connections there
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

start_daemon() { # DIR K
  local dir=$1 k=$2 conf="$1/sshd_$2.conf"
  "$SSHD" -f "$conf" -E "$dir/sshd_$k.log"
  local addr
  addr=$(sed -n 's/^ListenAddress //p' "$conf" | head -n 1)
  [ -z "$addr" ] && return 0
  for _ in $(seq 1 100); do
    if listening "$addr" "$(cat "$dir/port")"; then return 0; fi
    sleep 0.05
  done
  echo "sshd-nodes: daemon $k did not start; see $dir/sshd_$k.log" >&2
  return 1
}

stop_daemon() { # DIR K
  local pidfile="$1/sshd_$2.pid" pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.02
  done
  rm -f "$pidfile"
}

cmd_start() {
  local n=$1 dir=$2
  [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le 990 ] || usage
  need_sshd
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  chmod 700 "$dir"
  [ "$(id -u)" -eq 0 ] && mkdir -p /run/sshd && chmod 755 /run/sshd
  local user; user=$(id -un)
  rm -f "$dir"/ssh_host_ed25519_key* "$dir"/id_ed25519*
  ssh-keygen -q -t ed25519 -N '' -C sshd-nodes-host -f "$dir/ssh_host_ed25519_key"
  ssh-keygen -q -t ed25519 -N '' -C sshd-nodes-user -f "$dir/id_ed25519"
  cp "$dir/id_ed25519.pub" "$dir/authorized_keys"
  chmod 600 "$dir/authorized_keys"

  # One random port that is free on the first address; every daemon of DIR uses it.
  local port=""
  for _ in $(seq 1 50); do
    local p=$(( 20000 + RANDOM % 30000 ))
    if ! listening "$(addr_of 1)" "$p"; then port=$p; break; fi
  done
  [ -n "$port" ] || { echo "sshd-nodes: no free port" >&2; exit 1; }
  echo "$port" > "$dir/port"

  local hostkey; hostkey=$(cut -d' ' -f1-2 "$dir/ssh_host_ed25519_key.pub")
  : > "$dir/known_hosts"; : > "$dir/nodes"
  cat > "$dir/ssh_config" <<CONF
# Written by scripts/sshd-nodes.sh: $n loopback nodes on port $port.
CONF
  local i name addr
  for i in $(seq 1 "$n"); do
    name=$(printf 'node%02d' "$i"); addr=$(addr_of "$i")
    echo "$name" >> "$dir/nodes"
    echo "[$addr]:$port $hostkey" >> "$dir/known_hosts"
    printf 'Host %s\n  HostName %s\n' "$name" "$addr" >> "$dir/ssh_config"
  done
  cat >> "$dir/ssh_config" <<CONF
Host *
  Port $port
  User $user
  IdentityFile $dir/id_ed25519
  IdentitiesOnly yes
  UserKnownHostsFile $dir/known_hosts
  GlobalKnownHostsFile /dev/null
  StrictHostKeyChecking yes
  PasswordAuthentication no
  KbdInteractiveAuthentication no
  GSSAPIAuthentication no
  LogLevel ERROR
CONF

  local daemons=$(( (n + PER_DAEMON - 1) / PER_DAEMON )) k
  for k in $(seq 1 "$daemons"); do
    {
      echo "Port $port"
      for i in $(seq $(( (k - 1) * PER_DAEMON + 1 )) $(( k * PER_DAEMON < n ? k * PER_DAEMON : n ))); do
        echo "ListenAddress $(addr_of "$i")"
      done
      cat <<CONF
HostKey $dir/ssh_host_ed25519_key
PidFile $dir/sshd_$k.pid
AuthorizedKeysFile $dir/authorized_keys
StrictModes no
UsePAM no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
AllowUsers $user
UseDNS no
PrintMotd no
PrintLastLog no
X11Forwarding no
AllowTcpForwarding no
MaxStartups 200
MaxSessions 200
PermitUserRC no
LogLevel ERROR
CONF
      # Each node its own home, as on separate machines: the login shell reads its start-up
      # files (~/.bashrc, ~/.cshrc, ...) from there, not from the invoking user's home.
      for i in $(seq $(( (k - 1) * PER_DAEMON + 1 )) $(( k * PER_DAEMON < n ? k * PER_DAEMON : n ))); do
        name=$(printf 'node%02d' "$i")
        mkdir -p "$dir/home/$name"
        printf 'Match LocalAddress %s\n  SetEnv HOME=%s\n' "$(addr_of "$i")" "$dir/home/$name"
      done
    } > "$dir/sshd_$k.conf"
    start_daemon "$dir" "$k"
  done
  echo "sshd-nodes: $n nodes on port $port in $daemons daemon(s); ssh -F $dir/ssh_config node01"
}

cmd_stop() {
  local dir=$1 node=${2:-}
  [ -d "$dir" ] || return 0
  if [ -z "$node" ]; then
    local pidfile
    for pidfile in "$dir"/sshd_*.pid; do
      [ -e "$pidfile" ] || continue
      local k=${pidfile##*/sshd_}; k=${k%.pid}
      stop_daemon "$dir" "$k"
    done
    return 0
  fi
  local addr
  addr=$(awk -v h="$node" '$1=="Host"{cur=$2} cur==h && $1=="HostName"{print $2}' "$dir/ssh_config")
  [ -n "$addr" ] || { echo "sshd-nodes: no node $node in $dir" >&2; exit 2; }
  local conf
  conf=$(grep -l "^ListenAddress $addr\$" "$dir"/sshd_*.conf) || return 0
  local k=${conf##*/sshd_}; k=${k%.conf}
  stop_daemon "$dir" "$k"
  sed -i "/^ListenAddress ${addr//./\\.}\$/d" "$conf"
  if grep -q '^ListenAddress' "$conf"; then start_daemon "$dir" "$k"; fi
}

case "${1:-}" in
  start) [ $# -eq 3 ] || usage; cmd_start "$2" "$3" ;;
  stop) [ $# -ge 2 ] && [ $# -le 3 ] || usage; cmd_stop "$2" "${3:-}" ;;
  *) usage ;;
esac
