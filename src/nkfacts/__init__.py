"""nkfacts: cited fact lookup for the Nagorno-Karabakh conflict."""

__version__ = "0.1.0"
