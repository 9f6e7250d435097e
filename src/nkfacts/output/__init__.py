"""Text for people and pipes: one declaration per view, table layout, text cells, charts,
row merging for tables, and the formats (table, tsv, csv, json, jsonl, markdown).
"""
