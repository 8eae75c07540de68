#!/usr/bin/env python3
"""Times search pages of the list against a running app, each one a cache miss.

Signs in as dana@acme.test, then asks GET /invoices?q=... for a fixed set of searches over
the load.sql data set (broad one-letter prefixes, words, word pairs, accents, invoice
numbers), and follows each one's Older link to pages 2 and 3 and its Newer link back once.
Every (q, view, cursor) is asked once, so every answer is a miss of the page cache: the
times are what a search costs, not what a cached page costs. One client, one request at a
time. Prints p50/p90/p99/max per kind and overall.

    bench/search/measure.py http://127.0.0.1:18151
"""
import html
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

BASE = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:18151"

FIRST = ["Acme", "Northwind", "Contoso", "Fabrikam", "Initech", "Globex", "Umbrella", "Stark", "Wayne",
         "Hooli", "Vandelay", "Tyrell", "Aperture", "Cedar", "Falcon", "Granite", "Juniper", "Meadow", "Quartz",
         "Summit", "Zenith", "Émile", "Zoë", "Müller", "Société", "Château", "Björk", "Noël", "Hôtel", "Naïve"]
SECOND = ["Trading", "Logistics", "Systems", "Foods", "Labs", "Partners", "Bakery", "Électrique", "Robotics",
          "Freight"]


def searches():
    kinds = []
    for letter in "abcdefghijklmnoprstuvwz":
        kinds.append(("one letter", letter))
    for word in FIRST:
        kinds.append(("word", word))
        kinds.append(("prefix", word[:3].lower()))
    for word in SECOND:
        kinds.append(("word", word.upper()))
    for i, word in enumerate(FIRST[:20]):
        kinds.append(("two words", word + " " + SECOND[i % len(SECOND)][:4]))
    for word in ["emile", "zoe", "muller", "societe", "chateau", "electrique"]:
        kinds.append(("no accents", word))
    for n in [1, 12, 345, 6789, 42424, 100000, 999999, 31337, 500000, 271828]:
        kinds.append(("number", "B-%07d" % n))
        kinds.append(("number prefix", ("B-%07d" % n)[:6]))
    kinds.append(("no match", "zzzz"))
    return kinds


def main():
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = opener.open(BASE + "/login").read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', login).group(1)
    opener.open(BASE + "/login", urllib.parse.urlencode(
        {"username": "dana@acme.test", "password": "demo", "_csrf": token}).encode()).read()

    def get(path):
        started = time.perf_counter()
        with opener.open(BASE + path) as response:
            body = response.read().decode()
            status = response.status
        elapsed = (time.perf_counter() - started) * 1000
        if status != 200 or 'data-testid="invoice-table"' not in body:
            raise SystemExit("unexpected answer for " + path)
        return elapsed, body

    def link(body, testid):
        m = re.search(r'data-testid="%s" href="([^"]+)"' % testid, body)
        return html.unescape(m.group(1)) if m else None

    # Warm the JIT and the connection pool on pages the measurement never asks for.
    for i in range(40):
        get("/invoices?q=" + urllib.parse.quote("warm%d" % i))

    times = {}
    rows = 0
    for kind, q in searches():
        path = "/invoices?view=active&q=" + urllib.parse.quote(q)
        elapsed, body = get(path)
        times.setdefault(kind + " p1", []).append(elapsed)
        rows += body.count('data-testid="invoice-row"')
        for page in (2, 3):
            older = link(body, "next-page")
            if not older:
                break
            elapsed, body = get(older)
            times.setdefault("page %d" % page, []).append(elapsed)
        newer = link(body, "prev-page")
        if newer and "cursor=" in newer:
            elapsed, body = get(newer)
            times.setdefault("newer", []).append(elapsed)
    for q in ["acme", "b", "émile", "trading", "B-00012"]:
        elapsed, _ = get("/invoices?view=archived&q=" + urllib.parse.quote(q))
        times.setdefault("archived view p1", []).append(elapsed)

    def line(name, values):
        values = sorted(values)
        p = lambda f: values[min(len(values) - 1, int(round(f * (len(values) - 1))))]
        print("%-22s n=%4d  p50 %7.1f ms  p90 %7.1f ms  p99 %7.1f ms  max %7.1f ms"
              % (name, len(values), statistics.median(values), p(0.90), p(0.99), values[-1]))

    every = [t for values in times.values() for t in values]
    for name in sorted(times):
        line(name, times[name])
    line("ALL search pages", every)
    print("rows shown on first pages: %d" % rows)


if __name__ == "__main__":
    main()
