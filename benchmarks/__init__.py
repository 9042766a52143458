"""Benchmarks: the corpus generator and the runner (python -m benchmarks)."""
