#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample --stack-depth 64` output: the hottest
top frames (self time) and the share of samples whose stack passes through a few frames
that matter for the render path (inclusive time)."""
import collections
import re
import sys

MARKERS = [
    ("Thymeleaf (any frame)", "org.thymeleaf."),
    ("SpEL evaluation", "org.springframework.expression.spel."),
    ("resource chain (ResourceUrlProvider)", "org.springframework.web.servlet.resource.ResourceUrlProvider"),
    ("Spring Security observation wrappers", "ObservationFilterChainDecorator"),
    ("Micrometer observations", "io.micrometer.observation."),
    ("JDBC (H2 / Hikari)", "org.h2."),
    ("acting user resolution", "io.ledgerline.tenancy.ActingUserResolver"),
    ("cached fragments (TagCache.get)", "io.ledgerline.tagcache.TagCache.get"),
]

JDK = ("java.", "jdk.", "sun.", "javax.")

FRAME = re.compile(r"^\s+(\S+?)\(")


def main(path):
    samples = []
    stack = None
    with open(path, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if "stackTrace = [" in line:
                stack = []
            elif stack is not None:
                if line.strip().startswith("]"):
                    samples.append(stack)
                    stack = None
                else:
                    m = FRAME.match(line)
                    if m:
                        stack.append(m.group(1))
    total = len(samples)
    if total == 0:
        print("no execution samples")
        return
    top = collections.Counter(s[0] for s in samples if s)
    print(f"{total} execution samples")
    print("hottest top frames (self):")
    for frame, n in top.most_common(15):
        print(f"  {100 * n / total:5.1f}%  {frame}")
    print("hottest nearest non-JDK frames (each sample counted at its first frame outside java.*, jdk.*, sun.*):")
    nearest = collections.Counter(next((f for f in s if not f.startswith(JDK)), "(JDK only)") for s in samples)
    for frame, n in nearest.most_common(20):
        print(f"  {100 * n / total:5.1f}%  {frame}")
    print("samples whose (truncated, 64-frame) stack passes through (inclusive):")
    for label, marker in MARKERS:
        n = sum(1 for s in samples if any(marker in f for f in s))
        print(f"  {100 * n / total:5.1f}%  {label}")


if __name__ == "__main__":
    main(sys.argv[1])
