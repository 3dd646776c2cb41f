"""gunicorn serving the app as in production, for the length of a ``with`` block."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Server:
    """``app``: the WSGI module, CivicLearn's by default, bench.bare.wsgi for the bare Django view or
    bench.peer.wsgi for the peer (with the peer venv's ``python`` and its ``environment``); ``probe``: a
    path that answers 200 once the app is up."""

    def __init__(self, *, workers: int, port: int, log: Path, app: str = "civiclearn.wsgi",
                 python: str = sys.executable, environment: dict | None = None, probe: str = "/health/"):
        self.workers, self.port, self.log, self.app = workers, port, log, app
        self.python, self.environment, self.probe = python, environment, probe
        self.url = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        self._log = self.log.open("w")
        self.process = subprocess.Popen(
            [str(self.python), "-m", "gunicorn", self.app, "--workers", str(self.workers),
             "--bind", f"127.0.0.1:{self.port}", "--log-level", "warning", "--backlog", "2048"],
            cwd=ROOT, stdout=self._log, stderr=subprocess.STDOUT, env=self.environment)
        self._wait_until_up()
        return self

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self._log.close()

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn stopped at start-up; see {self.log}")
            try:
                with urllib.request.urlopen(self.url + self.probe, timeout=1) as response:
                    if response.status == 200 and len(self.worker_pids()) == self.workers:
                        return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"gunicorn did not answer within 30 s; see {self.log}")

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return [int(pid) for pid in children]

    def worker_memory(self) -> dict:
        """Resident memory of each worker now and at its peak (VmRSS, VmHWM), in MB."""
        now, peak = [], []
        for pid in self.worker_pids():
            status = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
            now.append(int(status["VmRSS"].split()[0]) / 1024)
            peak.append(int(status["VmHWM"].split()[0]) / 1024)
        return {"rss_mb": [round(m, 1) for m in now], "peak_rss_mb": [round(m, 1) for m in peak]}
