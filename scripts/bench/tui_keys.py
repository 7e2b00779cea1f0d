#!/usr/bin/env python3
"""End-to-end key-to-frame of the smitty screens, as a user feels it (issue 18, section 4).

Runs the real cladmin (the native program) in a pseudo-terminal of 80x24, waits for its first
frame, then sends keys one at a time and times, for each, from the write of the key to the first
byte of the repaint and to its last byte (the repaint is over when no more output comes for
QUIET ms; the time of the last byte is taken, so the quiet wait is not counted; the cursor's
visibility, which Terminal.Gui writes at every iteration of its loop, is not a repaint). Before each key
the script waits a random 0-50 ms, so keys fall anywhere in the program's loop, as a person's do.
Then it leaves the program idle and reports the CPU time it used.

usage: tui_keys.py CLADMIN STATE_DIR [KEYS] [IDLE_SECONDS]
Prints: e2e_key_to_first_byte_ms, e2e_key_to_frame_ms (median, p90, max over KEYS keys) and
idle_cpu_ms (CPU time over IDLE_SECONDS with no input).
"""
import fcntl
import os
import pty
import random
import select
import struct
import sys
import termios
import time

QUIET = 0.02  # no output for 20 ms: the repaint is over
DOWN, UP, F10 = b"\x1b[B", b"\x1b[A", b"\x1b[21~"
MENU = "cm_problem_determination_tools"  # 12 items: Down 11 times, Up 11 times, again
ITEMS = 12


def noise(chunk):
    """Terminal.Gui 2.5.0 writes the cursor's visibility at every loop iteration, screen changed or not."""
    return chunk.replace(b"\x1b[?25h", b"").replace(b"\x1b[?25l", b"") == b""


def read_until_quiet(fd, quiet, first_timeout):
    """Reads until no output (but the cursor's visibility) for `quiet` s; returns (time of the
    first byte, time of the last byte, bytes), times None when nothing came in `first_timeout` s."""
    first = last = None
    data = b""
    deadline = time.perf_counter() + first_timeout
    while True:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.perf_counter()))
        if not ready:
            return first, last, data
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return first, last, data
        now = time.perf_counter()
        if not chunk:
            return first, last, data
        data += chunk
        if noise(chunk):
            continue
        if first is None:
            first = now
        last = now
        deadline = now + quiet


def cpu_ms(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime, stime
    return ticks * 1000 / os.sysconf("SC_CLK_TCK")


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(len(s) * p))]


def main():
    cladmin, state = sys.argv[1], sys.argv[2]
    keys = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    idle = float(sys.argv[4]) if len(sys.argv) > 4 else 10
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = dict(os.environ, TERM="xterm", XDG_STATE_HOME=state)
        env.pop("CLADMIN_EXIT_AFTER_FIRST_FRAME", None)
        os.execve(cladmin, [cladmin, "-x", MENU], env)
    # The first frame (the legend on the last line), then let the start-up queries settle.
    seen = b""
    deadline = time.monotonic() + 60
    while b"F10=Exit" not in seen:
        if time.monotonic() > deadline:
            sys.exit(f"tui_keys.py: no first frame from {cladmin} in 60 s; it wrote: {seen[-400:]!r}")
        _, _, data = read_until_quiet(fd, QUIET, 1)
        seen += data
    read_until_quiet(fd, 1.0, 1.0)  # the start-up queries' time-outs

    to_first, to_frame = [], []
    for i in range(keys):
        time.sleep(random.uniform(0, 0.05))
        key = DOWN if (i // (ITEMS - 1)) % 2 == 0 else UP
        start = time.perf_counter()
        os.write(fd, key)
        first, last, _ = read_until_quiet(fd, QUIET, 5)
        if first is None:
            sys.exit(f"tui_keys.py: key {i} ({key!r}) brought no repaint in 5 s")
        to_first.append((first - start) * 1000)
        to_frame.append((last - start) * 1000)

    before = cpu_ms(pid)
    end = time.monotonic() + idle
    while time.monotonic() < end:
        read_until_quiet(fd, QUIET, max(0.0, end - time.monotonic()))
    idle_cpu = cpu_ms(pid) - before

    os.write(fd, F10)
    read_until_quiet(fd, 0.2, 5)
    try:
        os.kill(pid, 15)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    for name, values in (("e2e_key_to_first_byte_ms", to_first), ("e2e_key_to_frame_ms", to_frame)):
        print(f"{name} median {pct(values, 0.5):.2f} p90 {pct(values, 0.9):.2f} max {max(values):.2f} (keys {keys})")
    print(f"idle_cpu_ms {idle_cpu:.0f} (over {idle:g} s idle)")


if __name__ == "__main__":
    main()
