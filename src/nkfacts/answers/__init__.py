"""Questions over the index: query (the views' filters), search, disputes, compare, show.
Connection and filters in, records out; no printing.
"""
