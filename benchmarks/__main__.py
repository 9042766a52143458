"""``python -m benchmarks``: the performance runner (see benchmarks/run.py)."""

from __future__ import annotations

from benchmarks.run import main

if __name__ == "__main__":
    main()
