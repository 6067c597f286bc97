"""Outputs: what a build writes besides pages — share cards and QR codes, the search
index, feeds, exports, the sitemap, hosting headers — and the last touches every page
gets (htmlpost). Each module has one entry point, called by a stage of sawt/stages/ (their order: sawt/pipeline.py)."""
