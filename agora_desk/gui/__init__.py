"""The Qt window. Depends on the core and secrets layers; nothing depends on it."""
