"""Tools for the volunteers who edit the archive: CI annotations, scaffolding, translation status.

Plain Python with no MkDocs imports, like the rest of `sawt`; `python -m sawt`
is the command line over them.
"""
