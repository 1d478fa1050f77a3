"""The machine: what it is, how busy other processes keep it, and the CPU
time and peak memory of a measurement.

Other engineers train models on the same machine, so every measurement
records `others_cores`: the CPU the rest of the machine used meanwhile.
"""

from __future__ import annotations

import os
import platform
import resource
import time


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def current_rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024**2


def cpu_seconds() -> float:
    """CPU time of this process and its reaped children (user + system)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine has been busy since boot (/proc/stat)."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq = fields[:7]  # steal is not ours
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def busy_cores(seconds: float) -> float:
    """How many cores other processes keep busy right now (we sleep meanwhile)."""
    busy0 = machine_busy_seconds()
    time.sleep(seconds)
    return (machine_busy_seconds() - busy0) / seconds


def describe() -> dict[str, object]:
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(next(line for line in f if line.startswith("MemTotal")).split()[1])
    import spacy
    import thinc

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)),
        "ram_gb": round(mem_kb / 1024**2, 1),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "thinc": thinc.__version__,
        "loadavg_start": os.getloadavg()[0],
        "busy_cores_start": busy_cores(2.0),
    }
