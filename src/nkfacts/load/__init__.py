"""Reading the data files: strict YAML, the schema, cross-record checks, quotes against the
source snapshots, normalisation. Returns a validation report and normalised records.
"""
