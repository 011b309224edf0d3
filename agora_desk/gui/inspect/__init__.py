"""The Inspect tab and its collaborators: input, checks, certificate, tree model, compare."""
