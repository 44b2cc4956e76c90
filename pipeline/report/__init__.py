"""The HTML report of a run (`vnfig report OUT.jsonl -o report.html`): one self-contained file.

A summary of what the run read, wrote and failed; plots drawn as inline SVG; a filterable
table of every figure; and each article with its figures highlighted in its text.
"""
from vnfigures.report.build import ReportError, ReportOptions, ReportResult, write_report

__all__ = ["ReportError", "ReportOptions", "ReportResult", "write_report"]
