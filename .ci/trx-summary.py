#!/usr/bin/env python3
"""Sums the TRX files under a folder into one line: "N passed, N failed, N skipped".

dotnet test prints per-assembly totals only; CI's contract is this one line, printed last.
Usage: trx-summary.py RESULTS_DIR [TEST_EXIT_CODE]. Exits 1 when anything failed or no TRX exists;
a non-zero test exit code with no failed test (a build error, a crashed host) counts as one failure.
"""
import glob
import sys
import xml.etree.ElementTree as ET

results = sys.argv[1]
rc = int(sys.argv[2]) if len(sys.argv) > 2 else 0
passed = failed = skipped = 0
files = glob.glob(f"{results}/**/*.trx", recursive=True)
for path in files:
    counters = ET.parse(path).getroot().find(".//{*}ResultSummary/{*}Counters")
    if counters is None:
        failed += 1
        continue

    def get(key):
        return int(counters.get(key, "0"))

    passed += get("passed")
    failed += get("failed") + get("error") + get("timeout") + get("aborted")
    skipped += get("notExecuted") + get("inconclusive")
if (rc != 0 or not files) and failed == 0:
    failed = 1  # never report green when the runner failed outside any test
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
