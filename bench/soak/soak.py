#!/usr/bin/env python3
"""A steady write stream against running Ledgerline instances, with checkpoints of what
grows: heap after a forced GC (per instance), the cache's entries and weight, every
table's rows and size, and Redis's keys and memory. Prints a table per checkpoint and a
verdict; with --check it exits non-zero when a bound does not hold.

Each worker signs in as the demo admin and loops: one write (an edit, a create, or an
archive followed by a restore; JSON posts through the same actions as the forms), then
the pages a user would see after it (the list the redirect leads to, the invoice's detail
page), then a made-up list cursor (the flood). Writes go round robin over --base URLs.

Only loopback targets; every loop is bounded by --writes.
"""
import argparse
import base64
import http.client
import http.cookiejar
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

CSRF = re.compile(r'name="_csrf" value="([^"]*)"')
ROW_ID = re.compile(r'data-invoice-id="(\d+)"')
RETRIES_ON_429 = 5


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """One signed-in browser: cookies, the session's CSRF token, no automatic redirects."""

    def __init__(self, base, user, password):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.last_location = None
        self.refusals = 0
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)
        login = self.get("/login")[1]
        token = CSRF.search(login).group(1)
        status, _ = self.post("/login", {"username": user, "password": password, "_csrf": token}, accept="text/html")
        if status not in (302, 303):
            raise SystemExit(f"sign-in as {user} failed at {base}: {status}")
        page = self.get("/invoices")[1]
        self.token = CSRF.search(page).group(1)

    def request(self, method, path, data=None, accept="text/html"):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body, method=method, headers={"Accept": accept})
        if body is not None:
            req.add_header("Content-Type", "application/x-www-form-urlencoded")
        for attempt in range(RETRIES_ON_429 + 1):
            try:
                with self.opener.open(req, timeout=60) as response:
                    return response.status, response.read().decode("utf-8", "replace")
            except urllib.error.HTTPError as error:
                # A redirect arrives here (none is followed): keep where it leads.
                self.last_location = error.headers.get("Location")
                try:
                    text = error.read().decode("utf-8", "replace")
                except OSError:
                    text = ""
                if error.code != 429 or attempt == RETRIES_ON_429:
                    return error.code, text
                # The app refuses a body it would have to wait for while this address
                # already has two on their way (a loaded machine splits a post's packets):
                # a browser's user would retry, so the write is retried, and counted.
                self.refusals += 1
                time.sleep(0.5)
            except (OSError, http.client.HTTPException) as error:
                # A dropped connection is an answer the run must count, not a dead worker.
                return 599, f"{type(error).__name__}: {error}"
        raise AssertionError("unreachable")

    def get(self, path, accept="text/html"):
        return self.request("GET", path, accept=accept)

    def post(self, path, data, accept="application/json"):
        return self.request("POST", path, data, accept=accept)


class Stream:
    """The write stream of one worker."""

    def __init__(self, clients, rng, stats, share):
        self.clients = clients
        self.rng = rng
        self.stats = stats
        self.turn = 0
        self.invoices = {}  # id -> version, the invoices this worker created or found
        first = self.client().get("/invoices")[1]
        mine = [i for i in ROW_ID.findall(first) if int(i) % share[1] == share[0]]
        for invoice_id in mine:
            data = json.loads(self.client().get(f"/invoices/{invoice_id}", accept="application/json")[1])["data"]
            self.invoices[int(invoice_id)] = data["invoice"]["version"]

    def client(self):
        self.turn += 1
        return self.clients[self.turn % len(self.clients)]

    def write(self):
        roll = self.rng.random()
        if roll < 0.2 or not self.invoices:
            self.create()
            return 1
        invoice_id = self.rng.choice(list(self.invoices))
        if roll < 0.8:
            self.edit(invoice_id)
            return 1
        self.lifecycle(invoice_id, "archive")
        self.lifecycle(invoice_id, "restore")
        return 2

    def create(self):
        c = self.client()
        status, body = c.post("/invoices", {
            "_csrf": c.token, "customerName": f"Soak {self.rng.randrange(10**6)} Ltd", "status": "draft",
            "issuedOn": "2026-12-01", "lineDescription": "Work", "lineQuantity": "1",
            "lineUnitPrice": f"{self.rng.randrange(1, 9999)}.{self.rng.randrange(100):02d}"})
        self.check(status, body, (200, 201), "create")
        data = json.loads(body)["data"]
        self.invoices[data["id"]] = data["version"]
        self.pages(c, data["id"])

    def edit(self, invoice_id):
        c = self.client()
        status, body = c.post(f"/invoices/{invoice_id}", {
            "_csrf": c.token, "customerName": f"Soak {self.rng.randrange(10**6)} Ltd", "status": "sent",
            "total": f"{self.rng.randrange(1, 99999)}.{self.rng.randrange(100):02d}",
            "version": str(self.invoices[invoice_id])})
        self.invoices[invoice_id] = self.version_after(status, body, "edit")
        self.pages(c, invoice_id)

    def lifecycle(self, invoice_id, action):
        c = self.client()
        status, body = c.post(f"/invoices/{invoice_id}/{action}", {
            "_csrf": c.token, "version": str(self.invoices[invoice_id])})
        self.invoices[invoice_id] = self.version_after(status, body, action)
        self.pages(c, invoice_id)

    def version_after(self, status, body, what):
        """The invoice's version after a write; a conflict (nobody else writes these
        invoices, so none is expected) carries the current row: counted, and carried on."""
        if status == 409:
            self.check(status, body, (200,), what)
            return json.loads(body)["error"]["current"]["version"]
        self.check(status, body, (200,), what)
        return json.loads(body)["data"]["version"]

    def pages(self, c, invoice_id):
        for path in ("/invoices", f"/invoices/{invoice_id}"):
            status, body = c.get(path)
            self.check(status, body, (200,), "GET " + path)
        made_up = base64.urlsafe_b64encode(f"id:{self.rng.randrange(1, 10**9)}".encode()).decode().rstrip("=")
        status, _ = c.get("/invoices?cursor=" + made_up)
        self.check(status, "", (200, 303), "made-up cursor")
        self.stats.count("reads", 3)

    def check(self, status, body, expected, what):
        if status not in expected:
            self.stats.count("errors", 1)
            if self.stats.get("errors") <= 5:
                print(f"  unexpected {status} on {what}: {body[:200]}", file=sys.stderr)


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.values = {}

    def count(self, name, n):
        with self.lock:
            self.values[name] = self.values.get(name, 0) + n

    def get(self, name):
        with self.lock:
            return self.values.get(name, 0)


def heap_after_gc(pid):
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, timeout=120)
    info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True, timeout=60).stdout
    used = re.search(r"used (\d+)K", info)
    return int(used.group(1)) * 1024 if used else -1


def metric(client, name):
    status, body = client.get("/actuator/metrics/" + name, accept="application/json")
    if status != 200:
        return -1
    return json.loads(body)["measurements"][0]["value"]


def tables(psql, vacuum):
    sql = ("SELECT relname, n_live_tup, pg_total_relation_size(relid) FROM pg_stat_user_tables "
           "WHERE schemaname = current_schema() ORDER BY relname")
    # VACUUM stands in for autovacuum, which a production PostgreSQL runs and a test
    # server may not (this project's CI turns it off): without it, every update leaves a
    # dead row that each later scan reads, and the end of a long run measures the bloat.
    subprocess.run(psql + ["-c", "VACUUM (ANALYZE)" if vacuum else "ANALYZE"], capture_output=True)
    out = subprocess.run(psql + ["-At", "-F", "\t", "-c", sql], capture_output=True, text=True).stdout
    rows = {}
    for line in out.strip().splitlines():
        name, count, size = line.split("\t")
        rows[name] = (int(count), int(size))
    return rows


def redis_state(port, prefix):
    cli = ["redis-cli", "-p", str(port)]
    keys = subprocess.run(cli + ["--scan", "--pattern", prefix + "*"], capture_output=True, text=True).stdout.split()
    sizes = {}
    for key in keys:
        kind = subprocess.run(cli + ["TYPE", key], capture_output=True, text=True).stdout.strip()
        length_command = {"hash": "HLEN", "zset": "ZCARD", "list": "LLEN", "set": "SCARD", "stream": "XLEN"}.get(kind)
        length = int(subprocess.run(cli + [length_command, key], capture_output=True, text=True).stdout.strip() or 0) \
            if length_command else 1
        memory = subprocess.run(cli + ["MEMORY", "USAGE", key], capture_output=True, text=True).stdout.strip()
        sizes[key] = (kind, length, int(memory or 0))
    used = re.search(r"used_memory:(\d+)", subprocess.run(cli + ["INFO", "memory"], capture_output=True,
                                                         text=True).stdout)
    return sizes, int(used.group(1)) if used else -1


def checkpoint(args, admins, writes, elapsed, rate):
    point = {"writes": writes, "seconds": round(elapsed, 1), "writes_per_s": round(rate, 1)}
    point["heap"] = [heap_after_gc(pid) for pid in args.pids]
    point["cache_entries"] = [metric(c, "tagcache.size") for c in admins]
    point["cache_bytes"] = [metric(c, "tagcache.weight") for c in admins]
    point["cache_budget"] = [metric(c, "tagcache.weight.max") for c in admins]
    point["tables"] = tables(args.psql, args.vacuum) if args.psql else {}
    if args.redis_prefix:
        point["redis_keys"], point["redis_memory"] = redis_state(args.redis_port, args.redis_prefix)
    mb = lambda b: f"{b / 1048576:.1f}MB"
    point["load"] = os.getloadavg()[0]
    print(f"\n-- after {writes} writes, {point['seconds']} s, {point['writes_per_s']} writes/s in this stretch"
          f" (load average {point['load']:.1f})")
    print("   heap after GC: " + ", ".join(mb(h) for h in point["heap"]))
    print("   cache entries: " + ", ".join(str(int(e)) for e in point["cache_entries"])
          + "; cache bytes: " + ", ".join(mb(b) for b in point["cache_bytes"])
          + " of " + mb(point["cache_budget"][0]))
    for name, (count, size) in sorted(point["tables"].items()):
        if count or size > 65536:
            print(f"   table {name}: {count} rows, {mb(size)}")
    if args.redis_prefix:
        for key, (kind, length, memory) in sorted(point["redis_keys"].items()):
            print(f"   redis {key} ({kind}): {length} members, {memory} bytes")
        print(f"   redis used_memory: {mb(point['redis_memory'])}")
    sys.stdout.flush()
    return point


def verdict(args, points):
    problems = []
    last = points[-1]
    for i, (size, budget) in enumerate(zip(last["cache_bytes"], last["cache_budget"])):
        if size > budget:
            problems.append(f"instance {i}: cache {size} bytes over its budget {budget}")
    log_rows = last["tables"].get("invalidation_log", (0, 0))[0]
    if log_rows > args.log_bound:
        problems.append(f"invalidation_log has {log_rows} rows, over {args.log_bound}")
    if args.retention_seconds:
        # What the window can hold at the fastest write rate seen: 4 journal rows and at
        # most 4 tags per write (list, summary, record, and a path), over the retention
        # plus one prune or trim interval, with room for a slow prune.
        fastest = max(p["writes_per_s"] for p in points)
        window = args.retention_seconds + 60
        journal_bound = int(4 * fastest * window * 1.5) + 1000
        journal = last["tables"].get("invalidation_journal", (0, 0))[0]
        print(f"journal bound at {fastest} writes/s over {window} s: {journal_bound} rows; now {journal}")
        if journal > journal_bound:
            problems.append(f"invalidation_journal has {journal} rows, over {journal_bound}")
        if args.redis_prefix:
            for key, (kind, length, memory) in last["redis_keys"].items():
                if length > journal_bound:
                    problems.append(f"redis {key} has {length} members, over {journal_bound}")
    for i, heap in enumerate(last["heap"]):
        if args.heap_bound and heap > args.heap_bound:
            problems.append(f"instance {i}: heap after GC {heap} bytes, over {args.heap_bound}")
    settled = [p for p in points if p["writes"] >= args.settled_after]
    if len(settled) >= 2:
        for i in range(len(last["heap"])):
            low = min(p["heap"][i] for p in settled)
            high = max(p["heap"][i] for p in settled)
            spread = (high - low) / low if low > 0 else 0
            print(f"heap after GC, instance {i}, from {settled[0]['writes']} writes on: "
                  f"{low / 1048576:.1f}-{high / 1048576:.1f} MB, spread {spread * 100:.1f} %")
            if spread > 0.15:
                problems.append(f"instance {i}: heap after GC moved {spread * 100:.1f} % after "
                                f"{args.settled_after} writes (bound 15 %)")
        start, end = settled[0]["writes_per_s"], last["writes_per_s"]
        change = (end - start) / start if start else 0
        print(f"throughput: {start} writes/s at {settled[0]['writes']} writes, {end} at the end "
              f"({change * 100:+.1f} %)")
        if args.throughput_bound and change < -args.throughput_bound:
            problems.append(f"throughput fell {change * 100:.1f} %")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", action="append", required=True, help="an instance's URL (repeat for several)")
    parser.add_argument("--pid", dest="pids", action="append", type=int, default=[], help="each instance's pid")
    parser.add_argument("--writes", type=int, default=100_000)
    parser.add_argument("--checkpoint", type=int, default=5_000, help="writes between checkpoints")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--user", default="dana@acme.test")
    parser.add_argument("--password", default="demo")
    parser.add_argument("--psql", default="", help="psql command line for the app's database (space separated)")
    parser.add_argument("--redis-port", type=int, default=6379)
    parser.add_argument("--redis-prefix", default="")
    parser.add_argument("--log-bound", type=int, default=2 * (300 + 32), help="invalidation_log rows (2 demo orgs)")
    parser.add_argument("--retention-seconds", type=int, default=0,
                        help="the cluster's journal retention: bounds the journal's rows and Redis's members")
    parser.add_argument("--heap-bound", type=int, default=0, help="bytes of heap after GC (0: report only)")
    parser.add_argument("--settled-after", type=int, default=20_000, help="heap and throughput compared from here")
    parser.add_argument("--throughput-bound", type=float, default=0.10)
    parser.add_argument("--check", action="store_true", help="exit 1 when a bound does not hold")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--no-vacuum", dest="vacuum", action="store_false",
                        help="ANALYZE only at checkpoints (default: VACUUM (ANALYZE), standing in for autovacuum)")
    parser.add_argument("--quiet-file", default="",
                        help="a file that exists while the stretches whose throughput is compared run "
                             "(the one ending at --settled-after and the last), so other jobs can wait")
    args = parser.parse_args()
    args.psql = args.psql.split() if args.psql else []

    print("soak parameters: " + " ".join(f"{k}={v}" for k, v in sorted(vars(args).items())))
    admins = [Client(base, args.user, args.password) for base in args.base]
    stats = Stats()
    streams = [Stream([Client(b, args.user, args.password) for b in args.base], random.Random(args.seed + i), stats,
                      (i, args.workers)) for i in range(args.workers)]
    points = [checkpoint(args, admins, 0, 0, 0)]
    done = 0
    lock = threading.Lock()
    started = time.monotonic()
    stretch = (started, 0)

    # Checkpoints pause the writers: heap after a forced GC means nothing while four
    # workers allocate tens of megabytes a second around it.
    running = threading.Event()
    running.set()
    active = [0]

    def work(stream):
        nonlocal done
        while True:
            running.wait()
            with lock:
                if done >= args.writes:
                    return
                active[0] += 1
            try:
                n = stream.write()
            except Exception as error:  # noqa: BLE001 - any failure ends this worker: say so
                with lock:
                    died.append(f"{type(error).__name__}: {error}")
                raise
            finally:
                with lock:
                    active[0] -= 1
            with lock:
                done += n

    def measured_stretch(current, next_at):
        """Hold --quiet-file while a compared stretch runs; drop it otherwise."""
        if not args.quiet_file:
            return
        if current < args.settled_after <= next_at or next_at >= args.writes:
            open(args.quiet_file, "a").close()
        elif os.path.exists(args.quiet_file):
            os.remove(args.quiet_file)

    died = []
    next_checkpoint = args.checkpoint
    measured_stretch(0, next_checkpoint)
    threads = [threading.Thread(target=work, args=(s,), daemon=True) for s in streams]
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        time.sleep(0.2)
        with lock:
            current = done
        if current >= next_checkpoint or not any(t.is_alive() for t in threads):
            running.clear()
            while True:
                with lock:
                    if active[0] == 0:
                        current = done
                        break
                time.sleep(0.05)
            now = time.monotonic()
            rate = (current - stretch[1]) / (now - stretch[0]) if now > stretch[0] else 0
            points.append(checkpoint(args, admins, current, now - started, rate))
            running.set()
            # The checkpoint's own time (GC, queries) is not the app's.
            stretch = (time.monotonic(), current)
            next_checkpoint = current + args.checkpoint
            measured_stretch(current, next_checkpoint)
    print(f"\n{done} writes, {stats.get('reads')} page reads and made-up cursors, {stats.get('errors')} errors, "
          f"{time.monotonic() - started:.0f} s; "
          f"{sum(c.refusals for s in streams for c in s.clients)} posts refused with 429 and retried")
    if args.quiet_file and os.path.exists(args.quiet_file):
        os.remove(args.quiet_file)
    problems = verdict(args, points)
    problems += [f"a worker stopped: {d}" for d in died]
    if stats.get("errors"):
        problems.append(f"{stats.get('errors')} requests answered unexpectedly")
    for p in problems:
        print("FAIL: " + p)
    if not problems:
        print("ok: every bound held")
    sys.exit(1 if problems and args.check else 0)


if __name__ == "__main__":
    main()
