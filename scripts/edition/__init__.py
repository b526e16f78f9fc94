"""The edition pipeline: read -> repair -> segment -> render.

Each stage is a sub-package named after its job; plain dataclasses from
`model` pass between them.
"""
