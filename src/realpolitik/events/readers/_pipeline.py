"""Shared machinery of the readers: line batches, lookup tables in DuckDB, the staging table.

A reader turns a file into rows of the temporary table ``_rp_parsed`` on a DuckDB
connection: every source row lands there exactly once, either with ``reason IS NULL`` (a good
event, with every ``Event`` column filled) or with ``reason`` saying why it was rejected. All
parsing and validation is done by DuckDB over whole batches (no Python loop per row); Python
only touches distinct values (codes, names) to build small lookup tables.

Text files are read through :func:`iter_line_batches`, which also opens gzip files and
single-file zip archives (the way GDELT, Phoenix and ICEWS are distributed), drops a UTF-8
byte-order mark and skips blank lines, so every text reader treats them alike.
"""

from __future__ import annotations

import gzip
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from realpolitik.errors import InputError
from realpolitik.events.readers import _tables
from realpolitik.events.readers._rowhash import row_hash_sql, to_text_sql
from realpolitik.events.record import EVENT_COLUMNS

__all__ = [
    "STAGE_COLUMNS",
    "PARSED_TABLE",
    "Progress",
    "create_parsed_table",
    "drop_parsed",
    "iter_line_batches",
    "read_first_line",
    "register_lookups",
    "refresh_codes",
    "event_select",
    "row_hash_sql",
    "stage_select_text",
]

Progress = Callable[[int], None]

PARSED_TABLE = "_rp_parsed"

_DUCK_TYPES = {
    "date32": "DATE",
    "string": "VARCHAR",
    "float64": "DOUBLE",
    "int8": "TINYINT",
    "int32": "INTEGER",
}

#: Columns of the store's ``events`` table: the ``Event`` columns, the ISO3 country of the
#: event's location (GDELT ActionGeo, Phoenix geolocation; NULL when unknown) and the content
#: hash of the source row (:func:`row_hash_sql`).
STAGE_COLUMNS: dict[str, str] = {
    **{name: _DUCK_TYPES[t] for name, t in EVENT_COLUMNS.items()},
    "action_country": "VARCHAR",
    "row_hash": "UHUGEINT",
}

BATCH_BYTES = 64 * 1024 * 1024

#: Bytes at the start of a (decompressed) file that decide whether it is text at all.
_SNIFF_BYTES = 64 * 1024

#: Above this share of invalid UTF-8 bytes in the first :data:`_SNIFF_BYTES`, a file is not
#: UTF-8 text as a whole (binary, or another encoding throughout); below it only the lines
#: holding them are rejected. Latin-1 European text has a few per cent.
_MAX_UNDECODABLE = 0.25

_BOM = b"\xef\xbb\xbf"
_GZIP_MAGIC = b"\x1f\x8b"
#: A zip archive starts with a local file header, or (empty archive) the end record.
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_ZIP_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: Signatures of compression formats that are recognised but not read.
_OTHER_COMPRESSION = {
    b"BZh": "bzip2",
    b"\xfd7zXZ\x00": "xz",
    b"7z\xbc\xaf\x27\x1c": "7z",
    b"\x28\xb5\x2f\xfd": "zstd",
}


def stage_select_text(*leading: str) -> str:
    """Select-list of ``leading`` columns then :data:`STAGE_COLUMNS`, ``row_hash`` as text.

    For results leaving DuckDB through Arrow or NumPy, which have no 128-bit unsigned integer
    (:func:`~realpolitik.events.readers._rowhash.to_text_sql`).
    """
    cols = [f"{to_text_sql(c)} AS {c}" if c == "row_hash" else c for c in STAGE_COLUMNS]
    return ", ".join([*leading, *cols])


def create_parsed_table(con) -> None:
    """(Re)create the empty temporary staging table ``_rp_parsed`` on ``con``."""
    cols = ", ".join(f"{name} {t}" for name, t in STAGE_COLUMNS.items())
    drop_parsed(con)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {PARSED_TABLE} "
        f"(line BIGINT, raw VARCHAR, reason VARCHAR, {cols})"
    )


def drop_parsed(con) -> None:
    """Drop the staging relation, whether a table or (Parquet input) a view."""
    kind = con.execute(
        "SELECT 'VIEW' FROM duckdb_views() WHERE view_name = ? AND temporary "
        "UNION ALL SELECT 'TABLE' FROM duckdb_tables() WHERE table_name = ? AND temporary",
        [PARSED_TABLE, PARSED_TABLE],
    ).fetchall()
    for (k,) in kind:
        con.execute(f"DROP {k} {PARSED_TABLE}")


class _Readable(Protocol):
    """A binary file object (plain, gzip or zip member)."""

    def read(self, size: int, /) -> bytes:
        """Up to ``size`` bytes."""
        ...


@dataclass(frozen=True)
class _Stream:
    """An open byte stream of an event file, after any decompression.

    Attributes
    ----------
    fh
        The (decompressed) bytes.
    path
        The file as given, for messages.
    container
        ``"gzip"``, ``"zip"`` or ``""`` (plain file), for messages.
    """

    fh: _Readable
    path: Path
    container: str

    def read(self, size: int) -> bytes:
        """Up to ``size`` bytes (fewer only at the end); decompression errors become one line."""
        try:
            return self.fh.read(size)
        except (OSError, EOFError, zlib.error, zipfile.BadZipFile) as exc:
            what = f"corrupt or truncated {self.container} data" if self.container else "read error"
            raise InputError(f"{what} ({exc})", file=str(self.path)) from None


@contextmanager
def _open_stream(path: Path) -> Iterator[_Stream]:
    """Open ``path`` for reading its bytes, decompressing gzip and single-file zip archives.

    The container is recognised by its magic bytes (:data:`_GZIP_MAGIC`, :data:`_ZIP_MAGIC`),
    not by the file name. Reading stays streamed: nothing is decompressed ahead of the reader.
    """
    with open(path, "rb") as raw:
        magic = raw.read(4)
        raw.seek(0)
        if magic.startswith(_GZIP_MAGIC):
            with gzip.GzipFile(fileobj=raw, mode="rb") as gz:
                yield _Stream(gz, path, "gzip")
        elif magic in _ZIP_MAGIC:
            try:
                archive = zipfile.ZipFile(raw)
            except zipfile.BadZipFile as exc:
                raise InputError(
                    f"corrupt or truncated zip archive ({exc})", file=str(path)
                ) from None
            with archive:
                member = _single_member(archive, path)
                with archive.open(member) as fh:
                    yield _Stream(fh, path, "zip")
        else:
            yield _Stream(raw, path, "")


def _single_member(archive: zipfile.ZipFile, path: Path) -> zipfile.ZipInfo:
    """The one file of a zip archive; raises :class:`InputError` when there is not exactly one."""
    files = [m for m in archive.infolist() if not m.is_dir()]
    if not files:
        raise InputError("zip archive holds no file (expected exactly one)", file=str(path))
    if len(files) > 1:
        names = ", ".join(m.filename for m in files[:5])
        more = f" and {len(files) - 5} more" if len(files) > 5 else ""
        raise InputError(
            f"zip archive holds {len(files)} files ({names}{more}); expected exactly one — "
            "extract them and ingest each file",
            file=str(path),
        )
    member = files[0]
    if member.flag_bits & 0x1:
        raise InputError(
            f"zip member {member.filename} is encrypted (extract it first)", file=str(path)
        )
    if member.compress_type not in _ZIP_METHODS:
        raise InputError(
            f"zip member {member.filename} uses compression method {member.compress_type}, "
            "which Python's zipfile cannot read (expected stored, deflate, bzip2 or LZMA; "
            "extract it first)",
            file=str(path),
        )
    return member


def _check_text(head: bytes, path: Path) -> None:
    """Fail the whole file when its first bytes show it is not UTF-8 text at all.

    ``head`` is the first :data:`_SNIFF_BYTES` bytes after decompression. A file fails when it
    starts with the signature of a compression format that is not read directly, with a UTF-16
    byte-order mark, holds a NUL byte (binary data, or UTF-16 without a mark), or when more
    than :data:`_MAX_UNDECODABLE` of its bytes are not valid UTF-8 (another encoding
    throughout, or binary). A few bad bytes only reject their lines (:func:`iter_line_batches`).
    """
    for magic, name in _OTHER_COMPRESSION.items():
        if head.startswith(magic):
            raise InputError(
                f"{name}-compressed file (decompress it first; gzip and single-file zip "
                "archives are read directly)",
                file=str(path),
            )
    if head.startswith(_UTF16_BOMS):
        raise InputError(
            "UTF-16 text, not UTF-8 (expected a UTF-8 encoded text file; re-save it as UTF-8)",
            file=str(path),
        )
    if b"\x00" in head:
        raise InputError(
            "not UTF-8 text: binary data (NUL bytes) at the start of the file "
            "(expected a UTF-8 encoded text file)",
            file=str(path),
        )
    # Bytes of invalid sequences: what "ignore" drops (a character cut at the end of the
    # sample counts too, at most 3 bytes).
    undecodable = len(head) - len(head.decode("utf-8", "ignore").encode("utf-8"))
    if head and undecodable / len(head) > _MAX_UNDECODABLE:
        share = round(100 * undecodable / len(head))
        raise InputError(
            f"not UTF-8 text: {share}% of the first {len(head)} bytes are not valid UTF-8 "
            "(expected a UTF-8 encoded text file; re-encode it as UTF-8)",
            file=str(path),
        )


def read_first_line(path: Path) -> str:
    r"""The first line of a text event file (a header), decompressed and without a BOM.

    For header readers, so that they see the same text as :func:`iter_line_batches`: gzip and
    single-file zip archives are opened, a leading UTF-8 byte-order mark is dropped, the line
    end (``\n`` or ``\r\n``) is removed and invalid UTF-8 shows as U+FFFD.

    Parameters
    ----------
    path
        The file.

    Returns
    -------
    str
        The first line ("" for an empty file).

    Raises
    ------
    InputError
        When the file is not text at all (see :func:`iter_line_batches`) or a compressed
        container cannot be read.
    """
    parts: list[bytes] = []
    with _open_stream(path) as stream:
        while True:
            block = stream.read(_SNIFF_BYTES)
            if not parts:
                _check_text(block, path)
                block = block.removeprefix(_BOM)
            cut = block.find(b"\n")
            parts.append(block if cut < 0 else block[:cut])
            if cut >= 0 or not block:
                break
    return b"".join(parts).decode("utf-8", "replace").rstrip("\r")


def iter_line_batches(
    path: Path,
    *,
    batch_bytes: int | None = None,
    skip: int = 0,
    reject_undecodable: bool = False,
) -> Iterator[pa.Table]:
    r"""Yield the non-blank lines of a text file as Arrow tables ``(lineno, line, bad)``.

    The file may be plain, gzip-compressed or a zip archive holding exactly one file; the
    container is recognised by its magic bytes, not its name, and is decompressed as it is
    read (memory stays bounded by the batch size). A leading UTF-8 byte-order mark is dropped.
    Line numbers are 1-based and count every line of the (decompressed) file; lines holding
    only ASCII whitespace (an empty last line, say) are skipped — they are neither events nor
    malformed rows — so the rows yielded are the source rows a reader reports as read. A
    final newline does not make an extra line; ``\r\n`` endings are accepted.

    Text is decoded batch by batch; only a batch that fails to decode is looked at line by
    line. A file whose start shows it is not text (NUL bytes, mostly invalid UTF-8, UTF-16, or
    another compression format) fails as a whole.

    Parameters
    ----------
    path
        The file.
    batch_bytes
        Approximate (decompressed) bytes per batch (default :data:`BATCH_BYTES`).
    skip
        Number of leading lines (headers) to leave out; numbering still counts them.
    reject_undecodable
        How a line that is not valid UTF-8 is handled: when true, it is yielded with its
        text decoded with U+FFFD for each bad byte and ``bad`` saying where the first bad
        byte is (the reader must stage it as a rejected row with that reason); when false,
        :class:`InputError` is raised for the whole file.

    Yields
    ------
    pyarrow.Table
        One batch: ``lineno`` (int64), ``line`` (string, without the line end) and ``bad``
        (string: why the line cannot be parsed, null for a readable line).

    Raises
    ------
    InputError
        When the file is not text at all, a compressed container cannot be read, or (without
        ``reject_undecodable``) a line is not UTF-8 text.
    """
    if batch_bytes is None:
        batch_bytes = BATCH_BYTES
    lineno = 1
    rest = b""
    first = True
    with _open_stream(path) as stream:
        while True:
            chunk = stream.read(max(batch_bytes, _SNIFF_BYTES) if first else batch_bytes)
            at_end = not chunk
            if first:
                _check_text(chunk[:_SNIFF_BYTES], path)
                chunk = chunk.removeprefix(_BOM)
                first = False
            data = rest + chunk
            if at_end:
                if not data:
                    break
                lines = [data]
                rest = b""
            else:
                cut = data.rfind(b"\n")
                if cut < 0:
                    rest = data
                    continue
                lines = data[:cut].split(b"\n")
                rest = data[cut + 1 :]
            n = len(lines)
            batch = _line_table(lines, lineno, path, reject_undecodable)
            lineno += n
            if skip:
                drop = min(skip, n)
                skip -= drop
                batch = batch.slice(drop)
            batch = _drop_blank(batch)
            if batch.num_rows:
                yield batch
            if at_end:
                break


def _line_table(lines: list[bytes], lineno: int, path: Path, keep_bad: bool) -> pa.Table:
    """``(lineno, line, bad)`` of consecutive raw lines starting at line ``lineno``."""
    n = len(lines)
    try:
        text = pa.array(lines, type=pa.binary()).cast(pa.string())
        bad = pa.nulls(n, type=pa.string())
    except pa.ArrowInvalid:
        text, bad = _decode_each(lines, lineno, path, keep_bad)
    text = pc.utf8_rtrim(text, characters="\r")
    nums = pa.array(np.arange(lineno, lineno + n, dtype=np.int64))
    return pa.table({"lineno": nums, "line": text, "bad": bad})


def _decode_each(
    lines: list[bytes], lineno: int, path: Path, keep_bad: bool
) -> tuple[pa.Array, pa.Array]:
    """Decode a batch that is not valid UTF-8 as a whole, line by line (the slow path)."""
    texts: list[str] = []
    reasons: list[str | None] = []
    for i, raw in enumerate(lines):
        try:
            texts.append(raw.decode("utf-8"))
            reasons.append(None)
        except UnicodeDecodeError as exc:
            if not keep_bad:
                raise InputError(
                    "not UTF-8 text (expected a UTF-8 encoded text file)",
                    file=str(path),
                    line=lineno + i,
                ) from None
            texts.append(raw.decode("utf-8", "replace"))
            reasons.append(
                f"not valid UTF-8 at byte {exc.start + 1} of the line "
                f"(0x{raw[exc.start]:02x}; the file must be UTF-8 encoded)"
            )
    return pa.array(texts, type=pa.string()), pa.array(reasons, type=pa.string())


def _drop_blank(batch: pa.Table) -> pa.Table:
    """``batch`` without its empty and whitespace-only lines."""
    line = batch.column("line")
    blank = pc.or_(pc.equal(pc.binary_length(line), 0), pc.ascii_is_space(line))
    if not pc.any(blank).as_py():
        return batch
    return batch.filter(pc.invert(blank))


def register_lookups(con) -> None:
    """Create the FIPS and CAMEO-country lookup tables and an empty code table on ``con``."""
    if _has_table(con, "_rp_fips"):
        return
    con.register("_rp_src_fips", _tables.fips_table())
    con.register("_rp_src_cc", _tables.cameo_country_table())
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _rp_fips AS "
        "SELECT CAST(fips AS VARCHAR) AS fips, nullif(CAST(iso3 AS VARCHAR), '') AS iso3 "
        "FROM _rp_src_fips"
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _rp_cc AS SELECT CAST(cameo AS VARCHAR) AS cameo, "
        "CAST(iso3 AS VARCHAR) AS iso3, CAST(kind AS VARCHAR) AS kind FROM _rp_src_cc"
    )
    con.unregister("_rp_src_fips")
    con.unregister("_rp_src_cc")
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _rp_codes "
        "(code VARCHAR, known BOOLEAN, root VARCHAR, goldstein DOUBLE, quad_class TINYINT)"
    )


def _has_table(con, name: str) -> bool:
    q = "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND temporary"
    return bool(con.execute(q, [name]).fetchall()[0][0])


def refresh_codes(con, relation_sql: str) -> None:
    """Add to ``_rp_codes`` every distinct ``code`` of ``relation_sql`` not yet in it."""
    new = con.execute(
        f"SELECT DISTINCT code FROM ({relation_sql}) WHERE code IS NOT NULL "
        "AND code NOT IN (SELECT code FROM _rp_codes)"
    ).fetchall()
    if not new:
        return
    con.register("_rp_src_codes", _tables.code_table([r[0] for r in new]))
    con.execute(
        "INSERT INTO _rp_codes SELECT CAST(code AS VARCHAR), known, CAST(root AS VARCHAR), "
        "goldstein, quad_class FROM _rp_src_codes"
    )
    con.unregister("_rp_src_codes")


def event_select(
    *,
    dataset: str,
    coder: str,
    source: str,
    target: str,
    source_name: str,
    target_name: str,
    doc_id: str,
    text: str,
    action_country: str,
    row_hash: str,
    sentence_index: str = "-1",
    confidence: str = "1.0",
) -> str:
    """SQL select-list producing the staging columns from a parsed row alias ``p``.

    ``p`` must expose ``date`` (DATE), ``code`` and a joined ``k`` (``_rp_codes``) row.
    """
    return f"""
        p.date AS date, {source} AS source, {target} AS target, p.code AS code,
        k.root AS root, k.goldstein AS goldstein, k.quad_class AS quad_class,
        'actual' AS modality, '{dataset}' AS dataset, {doc_id} AS doc_id,
        CAST({sentence_index} AS INTEGER) AS sentence_index, -1 AS char_start, -1 AS char_end,
        '{coder}' AS coder, '' AS coder_version, CAST({confidence} AS DOUBLE) AS confidence,
        {source_name} AS source_name, {target_name} AS target_name, '' AS attributed_to,
        {text} AS text, {action_country} AS action_country, {row_hash} AS row_hash
    """
