#!/usr/bin/env bash
# Mutation testing: the measure of the suite (docs/development.md, "Mutation testing"). Not part of CI (it
# takes about an hour on 2 cores). Mutates the modules that decide answers ([tool.mutmut] in
# pyproject.toml), runs the fast in-process tests against each mutant, then prints the score
# per module and lists the survivors. Usage: scripts/mutation.sh [JOBS]
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install -q "mutmut>=3.8,<4" -e ".[test]"
rm -rf mutants
mutmut run --max-children "${1:-2}" > mutants.log 2>&1 || true
mutmut results --all true > mutants.txt
python scripts/mutation_score.py mutants.txt --survivors
