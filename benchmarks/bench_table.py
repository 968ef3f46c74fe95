#!/usr/bin/env python3
"""Markdown table of `tfops bench --json` files, one column per dtype, one row per shape.

    for d in float32 float64 float16 bfloat16 complex64 int8 int32; do
        tfops bench --dtype $d --json bench-$d.json
    done
    python3 benchmarks/bench_table.py bench-*.json

Each cell is TfOps/read (TfOps's throughput over the read reference's, the same bytes read as
float32 on all cores) with the two-core probe in parentheses: a probe well below the core count
means the host did not give every core during that shape, and the ratio is not comparable with
runs where it did. Standard library only.
"""
import json
import sys

ORDER = ["float32", "float64", "float16", "bfloat16", "complex64", "complex128", "int8", "int16",
         "int32", "int64", "uint8", "uint16", "uint32", "uint64", "qint8", "quint8", "qint16",
         "quint16", "qint32"]


def main(paths):
    if not paths:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    runs = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
        if report.get("format") != "tfops-bench/1":
            print(f"{path}: not a tfops-bench/1 file", file=sys.stderr)
            return 1
        runs[report["dtype"]] = report
    dtypes = sorted(runs, key=lambda d: ORDER.index(d) if d in ORDER else len(ORDER))
    shapes = []
    for d in dtypes:
        for r in runs[d]["results"]:
            if r["name"] not in shapes:
                shapes.append(r["name"])
    print("| shape | " + " | ".join(dtypes) + " |")
    print("|---|" + "---|" * len(dtypes))
    for name in shapes:
        cells = []
        for d in dtypes:
            r = next((r for r in runs[d]["results"] if r["name"] == name), None)
            cells.append("-" if r is None else f"{r['ratio']:.2f} ({r['cores_probe']:.1f})")
        print(f"| {name} | " + " | ".join(cells) + " |")
    first = runs[dtypes[0]]
    machine = first["machine"]
    print()
    print(f"TfOps/read (cores probe); {first['tool']}, {machine['cores']} cores, {machine.get('cpu', '?')}, "
          f"{machine['runtime']}, {machine['vector_path']}, {first['settings']['reps']} rounds per shape.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
