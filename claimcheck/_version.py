"""claimcheck's version, in a module of its own: parts of the package read it without
importing the package's front door (which names every layer)."""

__version__ = "0.1.0"
