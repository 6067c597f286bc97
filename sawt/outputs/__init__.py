"""Outputs: what a build writes besides pages — share cards and QR codes, the search
index, feeds, exports, the sitemap, hosting headers — and the last touches every page
gets (htmlpost). Each module has one entry point, called by sawt.site in order."""
