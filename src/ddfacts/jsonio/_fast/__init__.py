"""The fast path: compiled shape checks, and record builders generated from the classes' members."""
