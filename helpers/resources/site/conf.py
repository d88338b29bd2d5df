# Sphinx settings of the rendered collection (copied beside the generated pages by
# helpers.cli.static_site). Nothing here loads anything from outside the machine: no MathJax,
# no require.js, no web fonts, no launch or repository buttons.
project = "News evidence"
author = "the News evidence collection"
copyright = ""
extensions = ["myst_nb"]
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
html_theme = "sphinx_book_theme"
html_title = "News evidence"
html_static_path = ["_static"]
html_css_files = ["site.css"]
html_js_files = ["tables.js"]
html_show_sphinx = False
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None
html_theme_options = {
    "use_download_button": False,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "show_toc_level": 2,
    "navigation_with_keys": False,
    "home_page_in_toc": True,
    "extra_footer": "",
}
smartquotes = False   # article text and messages are shown as written
nb_execution_mode = "off"
nb_ipywidgets_js = {}
nb_merge_streams = True
myst_enable_extensions = []
suppress_warnings = ["mystnb.unknown_mime_type", "myst.header"]
