"""The domain's vocabulary and process basics: the registry of record kinds, the JSON
contract, controlled vocabularies, dates, periods, figure text, errors, paths, signals.

The bottom layer: it imports nothing else of nkfacts.
"""
