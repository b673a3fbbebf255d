"""Which USB sticks are plugged in: the removable drives a sync package can be written to.

The sync screen offers these first, so a principal never has to find "E:" in a file dialog
(sync.md §c.8; issue 6 "a sync screen that finds removable drives"). Anything this misses — a
USB hard disk that Windows reports as a fixed drive, a network folder — is still reachable
through the screen's "选择文件夹…".

- Windows: `GetLogicalDrives` and `GetDriveTypeW(root) == DRIVE_REMOVABLE`; a drive with no
  medium in it (an empty card reader) has no volume information and is left out.
- Linux: the mounts of real devices under /media, /run/media and /mnt, from /proc/mounts.

Both OS boundaries are parameters (`kernel32`, the mounts text) so that tests can stand in for
them; nothing here writes anything.
"""

from __future__ import annotations

import ctypes
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

DRIVE_REMOVABLE = 2
"""`GetDriveTypeW`'s answer for a USB stick or a memory card."""
SEM_FAILCRITICALERRORS = 0x0001
"""`SetErrorMode` flag: report a missing medium to the caller instead of asking the user."""
MOUNT_ROOTS = ("/media/", "/run/media/", "/mnt/")
"""Where Linux desktops (udisks) and administrators mount removable media."""


@dataclass(frozen=True)
class Drive:
    """A removable drive: where it is, its volume label (may be ""), and free space if known."""

    path: Path
    label: str
    free_bytes: int | None = None


def removable_drives() -> list[Drive]:
    """The removable drives of this computer, in drive-letter or mount-point order."""
    if sys.platform == "win32":
        return windows_drives(ctypes.windll.kernel32)
    if sys.platform.startswith("linux"):
        try:
            text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return []
        return linux_drives(text)
    return []


def windows_drives(kernel32: Any) -> list[Drive]:
    """The DRIVE_REMOVABLE drives that hold a medium, from the `kernel32` functions given."""
    mask = int(kernel32.GetLogicalDrives())
    found = []
    # An empty floppy or card-reader slot must not pop up "插入磁盘" while we look at it.
    previous = kernel32.SetErrorMode(SEM_FAILCRITICALERRORS)
    try:
        for index in range(26):
            if not mask & (1 << index):
                continue
            root = f"{chr(ord('A') + index)}:\\"
            if int(kernel32.GetDriveTypeW(root)) != DRIVE_REMOVABLE:
                continue
            label = _volume_label(kernel32, root)
            if label is not None:
                found.append(Drive(Path(root), label, _free(Path(root))))
    finally:
        kernel32.SetErrorMode(previous)
    return found


def _volume_label(kernel32: Any, root: str) -> str | None:
    """The volume label ("" when unnamed), or None when the drive holds no medium."""
    buffer = ctypes.create_unicode_buffer(261)
    ok = kernel32.GetVolumeInformationW(root, buffer, len(buffer), None, None, None, None, 0)
    return buffer.value if ok else None


def linux_drives(mounts: str) -> list[Drive]:
    """The device mounts under MOUNT_ROOTS in `mounts` (the text of /proc/mounts)."""
    found = []
    seen: set[str] = set()
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3 or not parts[0].startswith("/dev/"):
            continue
        point = _unescape(parts[1])
        if not point.startswith(MOUNT_ROOTS) or point in seen:
            continue
        seen.add(point)
        found.append(Drive(Path(point), PurePosixPath(point).name, _free(Path(point))))
    return sorted(found, key=lambda drive: str(drive.path))


def _unescape(field: str) -> str:
    r"""/proc/mounts writes a space in a mount point as \040 (and tab, newline, \ likewise)."""
    out, index = [], 0
    while index < len(field):
        chunk = field[index:index + 4]
        if len(chunk) == 4 and chunk[0] == "\\" and chunk[1:].isdigit():
            out.append(chr(int(chunk[1:], 8)))
            index += 4
        else:
            out.append(field[index])
            index += 1
    return "".join(out)


def _free(path: Path) -> int | None:
    try:
        return shutil.disk_usage(path).free
    except OSError:
        return None
