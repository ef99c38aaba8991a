"""Server-rendered pages for QA teams and managers: Jinja2, htmx, Chart.js, assets vendored from npm."""
