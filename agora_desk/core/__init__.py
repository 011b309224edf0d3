"""The signing core: pure Python, imports nothing from Qt.

Everything else (GUI, CLI, token server) depends on this package, never the
other way round.
"""
