"""`nkfacts ask "QUESTION"`: a question in plain words, read by the same rules as `check`
(parties, categories, measures, periods, named wars) plus question words, actors and places,
answered from the index with every figure attributed and cited.

`read` says how the question was understood (`Reading`), `answer` routes it to the view that
answers it (`Answer`: the records, the equivalent command, what did not fit), `screen` lays the
answer out for an 80×24 terminal.
"""

from nkfacts.ask.reading import Reading, read
from nkfacts.ask.route import Answer, answer

__all__ = ["Answer", "Reading", "answer", "read"]
