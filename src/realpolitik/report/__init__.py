"""Reports: a self-contained HTML report and a Markdown summary of a scenario's analysis.

Exports
-------
write_report, render_html, render_markdown, build_figures, ReportFiles, Figure
"""

from realpolitik.report.render import (
    Figure,
    ReportFiles,
    build_figures,
    render_html,
    render_markdown,
    write_report,
)

__all__ = ["write_report", "render_html", "render_markdown", "build_figures", "ReportFiles",
           "Figure"]
