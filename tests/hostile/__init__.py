"""Hostile input: every attack of issue 14 and its family, kept fixed."""
