"""What Sawt decides for the site engine, as plain Python calls the engine adapter makes.

hooks/sawt_hooks.py is the one adapter: it turns MkDocs' events into calls on these
modules, and nothing here imports MkDocs. `session` is one build's lifecycle, `archive`
loads and checks data/, `files` decides the engine's file list, `pages` serves each page
(meta, share blocks, frames, stories), and `preview` is the development server's preview of
an edited case. The site-wide stages and their order are in `sawt.pipeline`.
"""
