"""Token formats: one module per format, behind one protocol and a registry.

Each format module (:mod:`.v007`, :mod:`.v006`, :mod:`.v005`, :mod:`.older`,
:mod:`.signaling`) holds its parse, build, verify, description (the neutral
:class:`~agora_desk.core.decoded.DecodedToken`) and checks, and exports a
``FORMAT`` (a :class:`~agora_desk.core.formats.base.TokenFormat`). Dispatch goes through
:data:`.registry.FORMATS`; nothing outside a format asks which class a token is.
The registry is a module of its own so that importing one format (the builders
need only :mod:`.v007`) does not load every other format and the checks.
"""
