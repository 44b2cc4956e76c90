"""Open a report in headless Chromium: the page as the browser built it, or a screenshot.

The tests use it to check that the page script runs without error in a real browser, and
`python -m vnfigures.report.browser report.html docs/report.png` refreshes the README's
screenshot. Chromium runs with a throw-away profile and everything that would reach the
network turned off; the report needs no network, so none is allowed.
"""
from __future__ import annotations

import html
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--mute-audio")
TIMEOUT_S = 120  # a guard against a hung browser, not a speed check


class BrowserError(Exception):
    """Chromium is missing, or did not finish."""


def find_chromium() -> str | None:
    """Path of a Chromium-like browser on PATH, or None."""
    return next((path for name in NAMES if (path := shutil.which(name))), None)


def page_url(report: Path, query: str = "", fragment: str = "") -> str:
    """The file:// address of a report, with an optional `?kind=money&q=…` query and `#a0` anchor."""
    url = report.resolve().as_uri()
    url = f"{url}?{query}" if query else url
    return f"{url}#{fragment}" if fragment else url


def _run(args: list[str]) -> str:
    binary = find_chromium()
    if binary is None:
        raise BrowserError("chromium is not installed (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="vnfig-chromium-") as profile:
        command = [binary, *FLAGS, f"--user-data-dir={profile}", *args]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                   text=True, encoding="utf-8", start_new_session=True)
        try:
            out, _ = process.communicate(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired as exc:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise BrowserError(f"chromium did not finish within {TIMEOUT_S} s") from exc
    if process.returncode != 0:
        raise BrowserError(f"chromium exited with status {process.returncode}")
    return out


def dump_dom(report: Path, query: str = "") -> str:
    """The page's DOM as serialized after its scripts ran (`--dump-dom`)."""
    return _run(["--virtual-time-budget=5000", "--dump-dom", page_url(report, query)])


def screenshot(report: Path, png: Path, width: int = 1280, height: int = 1800, fragment: str = "") -> Path:
    """A PNG of `width` x `height` pixels of the page, from its top or from the `#fragment`.

    Headless Chromium's `--screenshot` paints the top of a page whatever its `#fragment`, but a
    frame does scroll to its own fragment: the page at an anchor is shot inside a full-size frame.
    """
    png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="vnfig-shot-") as folder:
        url = page_url(report, fragment=fragment)
        if fragment:
            url = _framed(Path(folder) / "frame.html", url, width, height)
        _run([f"--window-size={width},{height}", "--virtual-time-budget=5000",
              f"--screenshot={png.resolve()}", url])
    if not png.exists():
        raise BrowserError(f"chromium wrote no screenshot to {png}")
    return png


def _framed(page: Path, url: str, width: int, height: int) -> str:
    """A throw-away page that shows `url` in a frame of the window's size; its file:// address."""
    page.write_text(f'<!doctype html><html><body style="margin:0"><iframe src="{html.escape(url)}" '
                    f'style="border:0;width:{width}px;height:{height}px"></iframe></body></html>',
                    encoding="utf-8")
    return page.as_uri()


def main(argv: list[str]) -> int:
    """`python -m vnfigures.report.browser REPORT.html[#ANCHOR] OUT.png [WIDTH HEIGHT]`."""
    if len(argv) not in (2, 4):
        print("usage: python -m vnfigures.report.browser REPORT.html[#ANCHOR] OUT.png [WIDTH HEIGHT]", file=sys.stderr)
        return 2
    size = [int(v) for v in argv[2:]] or [1280, 1800]
    report, _, fragment = argv[0].partition("#")
    try:
        print(screenshot(Path(report), Path(argv[1]), *size, fragment=fragment))
    except BrowserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
