"""agora-desk: build, inspect and test Agora tokens and REST credentials."""

__version__ = "0.1.0"
