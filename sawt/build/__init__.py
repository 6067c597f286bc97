"""One build of the site: the stages that turn the archive into output files.

`sawt.site.BuildState.finish` runs them in order; each module here is one stage with one entry point.
"""
