"""Search: the Pagefind index per language (index.py) and the Arabic-aware folding that
the page script applies to queries (text.py, pairs.json)."""
