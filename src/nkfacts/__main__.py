"""`python -m nkfacts` runs the command-line interface."""

from nkfacts.cli import main

main()
