"""The compiled SQLite index cache: when it is fresh, how it is rebuilt (compile), where it
lives, and atomic writes.
"""
