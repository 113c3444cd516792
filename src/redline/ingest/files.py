"""Reading input files within a size limit: the size is checked from ``stat`` before any byte
is read, so a huge file is refused without being loaded."""

from __future__ import annotations

from pathlib import Path

from redline.errors import InputError, TooLargeError
from redline.ingest.decode import decode_bytes

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def describe_size(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def read_bytes_limited(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``; TooLargeError over ``max_bytes``, InputError when unreadable."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLargeError(
                source,
                f"file is {describe_size(size)}, over the limit of {describe_size(max_bytes)}",
                stage="read",
            )
        with path.open("rb") as handle:
            # Read one byte past the limit: a file growing under us is still refused.
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise InputError(source, "no such file or directory", stage="read") from exc
    except IsADirectoryError as exc:
        raise InputError(source, "is a directory", stage="read") from exc
    except PermissionError as exc:
        raise InputError(source, "permission denied", stage="read") from exc
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}", stage="read") from exc
    if len(data) > max_bytes:
        raise TooLargeError(source, f"file is over the limit of {describe_size(max_bytes)}")
    return data


def read_text_limited(path: Path, max_bytes: int) -> str:
    """The decoded text of ``path``, read within ``max_bytes`` (see ``read_bytes_limited``)."""
    return decode_bytes(read_bytes_limited(path, max_bytes), str(path))


__all__ = ["DEFAULT_MAX_BYTES", "describe_size", "read_bytes_limited", "read_text_limited"]
