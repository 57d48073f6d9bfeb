#!/usr/bin/env python3
"""Writes a Delighted-format response export of N rows (default 1,000,000) to stdout.

Rows are spread evenly over the 12 months before --end (default 2026-12-01), oldest first, for
50,000 people, with two person-property columns, comments on a third of the rows and a quoted
comment with a comma and a line break now and then, as real exports have. Deterministic (seed 7).
"""
import argparse
import csv
import random
import sys
from datetime import datetime, timedelta, timezone

parser = argparse.ArgumentParser()
parser.add_argument("rows", type=int, nargs="?", default=1_000_000)
parser.add_argument("--end", default="2026-12-01")
args = parser.parse_args()

rng = random.Random(7)
end = datetime.fromisoformat(args.end).replace(tzinfo=timezone.utc)
start = end - timedelta(days=365)
span = (end - start).total_seconds() - 3600
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["Response ID", "Date", "Name", "Email", "Score", "Comment", "Purchase Experience",
              "Plan", "Delighted Source", "Tags"])
comments = ["Great service", "Too slow", "Fine", 'Good, but "pricey"', "Arrived broken,\nsent it back"]
for i in range(args.rows):
    at = start + timedelta(seconds=span * i / args.rows)
    person = rng.randrange(50_000)
    score = rng.choices(range(11), weights=[2, 1, 1, 2, 2, 3, 4, 8, 14, 25, 38])[0]
    out.writerow([
        f"r{i + 1}",
        at.strftime("%Y-%m-%d %H:%M:%S +0000"),
        f"Person {person}",
        f"p{person}@bench.example",
        score,
        rng.choice(comments) if rng.random() < 0.33 else "",
        rng.choice(["Mobile App", "Retail Store", "Website"]),
        rng.choice(["basic", "pro"]),
        "email",
        "vip" if rng.random() < 0.05 else "",
    ])
