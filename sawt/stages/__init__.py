"""The site-wide stages: each module is one stage, with one entry point, `run(build)`.

A stage takes the typed `BuildContext` (sawt/stages/context.py), names the fields it
`READS` and `WRITES`, and records what it made there for the stages after it. The order
they run in is listed once, in `sawt.pipeline`.
"""
