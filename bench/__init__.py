"""Benchmarks: `python -m bench <name>`; each prints its figures, the last line one JSON object."""
