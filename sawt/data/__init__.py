"""Data: read data/ (YAML with line numbers, under limits), validate it against the
schemas in schemas/ and the checks a schema cannot express, and build the immutable
model. What must not be published never leaves this package."""
