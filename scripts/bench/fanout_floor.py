#!/usr/bin/env python3
"""The floor under any warm fan-out over OpenSSH on this machine (scripts/bench/fanout.sh).

Opens one ssh session per node of SSH_CONFIG (Host nodeNN entries) running REMOTE, a loop that
reads a line and answers one line, then times rounds: a line written to every session, until every
session has answered (median of 301 rounds, after 5 warm-up rounds). With REMOTE a loop that
answers from the shell itself this is the transport's round trip alone; with one that forks (a
subshell, or a command's fork and exec) it is what a tool that starts a process per node and
command cannot go under, whatever its protocol.

Usage: fanout_floor.py SSH_CONFIG LABEL REMOTE   prints: LABEL <median ms>
"""
import os
import select
import subprocess
import sys
import time

config, label, remote = sys.argv[1:4]
nodes = [line.split()[1] for line in open(config) if line.startswith("Host node")]
sessions = [subprocess.Popen(["ssh", "-F", config, "-x", "-oBatchMode=yes", node, remote],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0) for node in nodes]
by_fd = {s.stdout.fileno(): s for s in sessions}


def one_round():
    for s in sessions:
        os.write(s.stdin.fileno(), b"x\n")
    pending = set(by_fd)
    while pending:
        ready, _, _ = select.select(list(pending), [], [])
        for fd in ready:
            data = os.read(fd, 4096)
            if not data:
                sys.exit(f"{label}: a session ended")
            if data.endswith(b"\n"):
                pending.discard(fd)


for _ in range(5):
    one_round()
times = []
for _ in range(301):
    t0 = time.perf_counter()
    one_round()
    times.append(time.perf_counter() - t0)
times.sort()
print(f"{label} {times[len(times) // 2] * 1000:.2f}")
for s in sessions:
    s.stdin.close()
for s in sessions:
    s.wait()
