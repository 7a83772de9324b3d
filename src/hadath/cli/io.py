"""Reading user files: bytes to text with clear errors for binary or mis-encoded input."""

from __future__ import annotations

from ..errors import InputError


def read_text(raw: bytes, name: str) -> str:
    """Decode a file's bytes as UTF-8 (UTF-16 with a BOM); refuse binary data clearly."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if b"\x00" in raw[:4096]:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        for enc in ("cp1256", "iso-8859-6"):  # the old Arabic encodings
            try:
                raw.decode(enc)
            except UnicodeDecodeError:
                continue
            raise InputError(f"{name}: not UTF-8 (byte {exc.start}); it may be {enc}: "
                             f"convert it with `iconv -f {enc} -t utf-8`") from exc  # fmt: skip
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start})") from exc
