#!/usr/bin/env python3
"""Slow clients against a running app, and how fast /actuator/health answers meanwhile.

Opens SLOW sockets to the app (loopback only), each sending
`POST /anything` with `Content-Length: 100000` and a few body bytes, then either nothing
(--mode stall) or one more byte every --trickle seconds (--mode trickle). A socket the
server closes (or answers) is opened again, as an attacker would (at once, or after
--reconnect-delay seconds). Meanwhile one client asks
`GET /actuator/health` every --interval seconds (new connection each time, --timeout seconds
to answer) and records how long each answer took. Stops by itself after --duration seconds
and prints one summary line.

  python3 bench/slow-clients.py --port 8080 --slow 50 --duration 40 --mode trickle
"""

import argparse
import socket
import threading
import time


def slow_client(port, mode, trickle, reconnect_delay, stop, counts, lock):
    first = True
    while not stop.is_set():
        if not first:
            stop.wait(reconnect_delay)
        first = False
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
        except OSError:
            with lock:
                counts["connect_failed"] += 1
            stop.wait(0.5)
            continue
        with lock:
            counts["opened"] += 1
        try:
            s.sendall(b"POST /anything HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      b"Content-Type: application/x-www-form-urlencoded\r\n"
                      b"Content-Length: 100000\r\n\r\na=1")
            s.settimeout(trickle if mode == "trickle" else 1.0)
            while not stop.is_set():
                try:
                    data = s.recv(4096)
                    if not data:
                        break  # closed by the server
                    status = data.split(b" ", 2)[1].decode() if data.startswith(b"HTTP/") else "?"
                    with lock:
                        counts["answered_" + status] = counts.get("answered_" + status, 0) + 1
                    break
                except socket.timeout:
                    if mode == "trickle":
                        s.sendall(b"b")
        except OSError:
            pass
        finally:
            s.close()


def health(port, timeout):
    start = time.monotonic()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.settimeout(timeout)
            s.sendall(b"GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            data = b""
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
        ok = data.startswith(b"HTTP/1.1 200")
        return (time.monotonic() - start, "ok" if ok else "status " + data[:12].decode(errors="replace"))
    except OSError:
        return (time.monotonic() - start, "timeout")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--slow", type=int, default=50)
    p.add_argument("--mode", choices=["stall", "trickle"], default="stall")
    p.add_argument("--trickle", type=float, default=5.0)
    p.add_argument("--reconnect-delay", type=float, default=0.0,
                   help="seconds before a closed slow socket is opened again (0: at once)")
    p.add_argument("--duration", type=float, default=40.0)
    p.add_argument("--interval", type=float, default=0.5)
    p.add_argument("--timeout", type=float, default=10.0)
    a = p.parse_args()

    stop = threading.Event()
    lock = threading.Lock()
    counts = {"opened": 0, "connect_failed": 0}
    threads = [threading.Thread(target=slow_client, args=(a.port, a.mode, a.trickle, a.reconnect_delay, stop, counts, lock), daemon=True)
               for _ in range(a.slow)]
    for t in threads:
        t.start()
    time.sleep(1.0)  # let the slow sockets settle before measuring

    latencies, failures = [], {}
    end = time.monotonic() + a.duration
    while time.monotonic() < end:
        took, outcome = health(a.port, a.timeout)
        if outcome == "ok":
            latencies.append(took)
        else:
            failures[outcome] = failures.get(outcome, 0) + 1
        time.sleep(max(0.0, a.interval - took))
    stop.set()
    for t in threads:
        t.join(timeout=a.timeout)

    latencies.sort()
    def pct(q):
        return "%.0f ms" % (1000 * latencies[min(len(latencies) - 1, int(q * len(latencies)))]) if latencies else "-"
    print("slow=%d mode=%s duration=%.0fs: health ok=%d failed=%s p50=%s p99=%s max=%s; slow sockets %s"
          % (a.slow, a.mode, a.duration, len(latencies), failures or 0, pct(0.5), pct(0.99), pct(1.0), counts))


if __name__ == "__main__":
    main()
