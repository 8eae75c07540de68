#!/usr/bin/env python3
"""Read-your-writes through the balancer, black box: edit -> redirect cycles as a browser
makes them, counting every redirect that shows anything but the user's own write.

Each worker is one signed-in browser (its own session and cookies, ll_causal included) on
an invoice of its own. A cycle: GET the edit form (its version, CSRF token and form org),
POST it with a new total, follow the 303 to the page it names, and check that page shows
the new total (the list row's or the detail's data-value; when the page it leads to does not
show the invoice, the invoice's own page is the next read and must). With round robin and no stickiness, the
POST and the page after it land on different instances two times in three.

    python3 bench/cluster-ryw.py --base http://127.0.0.1:18090 --cycles 10000 --workers 4

Prints its parameters, a progress line every 1,000 cycles and the totals; exits 1 on any
violation or failed request. Only loopback targets; bounded by --cycles.
"""
import argparse
import os
import re
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "soak"))
from soak import CSRF, Client  # noqa: E402  (the soak's signed-in browser)

VERSION = re.compile(r'name="version" value="(\d+)"')
FORM_ORG = re.compile(r'name="formOrg" value="([^"]*)"')
CUSTOMER = re.compile(r'name="customerName" value="([^"]*)"')
STATUS = re.compile(r'name="status".*?<option value="([a-z]+)"\s+selected', re.S)
DETAIL_TOTAL = re.compile(r'data-testid="detail-total"[^>]*data-value="([0-9.]+)"')


def shown_total(html, invoice_id):
    """The total a page shows for the invoice: its detail, or its row in a list."""
    detail = DETAIL_TOTAL.search(html)
    if detail:
        return detail.group(1)
    row = re.search(r'data-invoice-id="%s".*?data-testid="invoice-total"[^>]*data-value="([0-9.]+)"' % invoice_id,
                    html, re.S)
    return row.group(1) if row else None


class Totals:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {"cycles": 0, "violations": 0, "failures": 0}
        self.examples = []

    def add(self, name, example=None):
        with self.lock:
            self.counts[name] += 1
            if example and len(self.examples) < 10:
                self.examples.append(example)
            return self.counts["cycles"]


def cycle(client, invoice_id, n, totals):
    status, form = client.get(f"/invoices/{invoice_id}/edit")
    if status != 200:
        totals.add("failures", f"edit form {invoice_id}: {status}")
        return
    version = int(VERSION.search(form).group(1))
    total = f"{1000 + (n % 9000)}.{n % 100:02d}"
    data = {
        "_csrf": CSRF.search(form).group(1),
        "version": str(version),
        "customerName": CUSTOMER.search(form).group(1).replace("&amp;", "&"),
        "status": STATUS.search(form).group(1),
        "total": total,
    }
    org = FORM_ORG.search(form)
    if org:
        data["formOrg"] = org.group(1)
    status, _ = client.post(f"/invoices/{invoice_id}", data, accept="text/html")
    if status != 303:
        totals.add("failures", f"save {invoice_id}: {status}")
        return
    path = "/" + client.last_location.split("//", 1)[-1].split("/", 1)[-1]
    status, page = client.get(path)
    shown = shown_total(page, invoice_id)
    if shown is None:
        # The redirect's page does not show this invoice (the list, when it is not among
        # the newest): the record is the user's next read.
        path = f"/invoices/{invoice_id}"
        status, page = client.get(path)
        shown = shown_total(page, invoice_id)
    if status != 200 or shown != total:
        totals.add("violations", f"{invoice_id}: saved {total} (v{version + 1}), {path} showed {shown} ({status})")
    done = totals.add("cycles")
    if done % 1000 == 0:
        print(f"   {done} cycles, {totals.counts['violations']} violations, "
              f"{totals.counts['failures']} failures", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="http://127.0.0.1:18090", help="the balancer")
    parser.add_argument("--cycles", type=int, default=10000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--user", default="dana@acme.test")
    parser.add_argument("--password", default="demo")
    args = parser.parse_args()
    if not re.match(r"^http://(127\.0\.0\.1|localhost)(:\d+)?$", args.base):
        raise SystemExit("--base must be a loopback URL")
    print(f"ryw parameters: {vars(args)}", flush=True)

    clients = [Client(args.base, args.user, args.password) for _ in range(args.workers)]
    _, listing = clients[0].get("/invoices")
    ids = re.findall(r'data-invoice-id="(\d+)"', listing)[: args.workers]
    if len(ids) < args.workers:
        raise SystemExit("not enough invoices on the first page for one per worker")
    totals = Totals()
    per_worker = [args.cycles // args.workers + (1 if i < args.cycles % args.workers else 0)
                  for i in range(args.workers)]
    started = time.monotonic()

    def work(i):
        for n in range(per_worker[i]):
            try:
                cycle(clients[i], ids[i], n, totals)
            except Exception as error:  # a failed request is counted, not fatal
                totals.add("failures", f"{ids[i]}: {error!r}")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(args.workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    c = totals.counts
    print(f"{c['cycles']} edit->redirect cycles in {elapsed:.0f} s ({c['cycles'] / elapsed:.1f}/s), "
          f"{c['violations']} read-your-writes violations, "
          f"{c['failures']} failed requests")
    for example in totals.examples:
        print("   " + example)
    sys.exit(1 if c["violations"] or c["failures"] else 0)


if __name__ == "__main__":
    main()
