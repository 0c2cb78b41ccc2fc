"""The fast path: compiled shape checks and record builders derived from the codec."""
