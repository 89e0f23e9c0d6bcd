"""Evaluation and attacks: quality tables, cost benchmarks, privacy attacks on the server's view."""
