"""Whole-dataset exports: JSON, CSV, and SQLite made for Datasette."""
