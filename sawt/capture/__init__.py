"""`python -m sawt archive` (`make archive`): preserve every cited source as a WACZ file, with its
hashes in archive/manifest.json (sawt/data/captures.py), its text extracted, and copies made
elsewhere imported. A maintainer's tool, run by command, never by the build or a pull request's check."""
