"""The command-line face. Thin over the core; never imports Qt at module level."""
