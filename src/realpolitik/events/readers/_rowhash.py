"""The content hash ``row_hash`` of a source row and its text forms.

The readers compute ``row_hash`` as DuckDB's ``md5_number`` of the source row: the 16 MD5
digest bytes read as a little-endian ``UHUGEINT``, stored in 16 bytes (half the hex text).
Arrow, NumPy and Parquet have no unsigned 128-bit integer (DuckDB would write it to Parquet as
a lossy DOUBLE), so at those edges it travels as decimal text. Schema-1 stores and their
exports held the digest as 32 hex characters; those convert exactly to the same number.
"""

from __future__ import annotations

__all__ = ["row_hash_sql", "to_text_sql", "from_text_sql", "md5_hex_to_number_sql"]


def row_hash_sql(content: str) -> str:
    """SQL of the content hash of a source row: its MD5 as a 128-bit unsigned integer.

    Parameters
    ----------
    content
        SQL expression of the row's text (the raw line, or its fields joined).

    Returns
    -------
    str
        A ``UHUGEINT`` expression (``md5_number``).
    """
    return f"md5_number({content})"


def to_text_sql(col: str) -> str:
    """SQL writing ``row_hash`` column ``col`` as decimal text (for Arrow, NumPy, Parquet)."""
    return f"CAST({col} AS VARCHAR)"


def md5_hex_to_number_sql(col: str) -> str:
    """SQL turning a 32-character MD5 hex digest into ``md5_number``'s value.

    The digest's bytes are reversed (``md5_number`` reads them little-endian) and parsed as
    one hexadecimal number.
    """
    pairs = f"list_transform(range(16), lambda i: substr({col}, CAST(31 - 2 * i AS INTEGER), 2))"
    return f"CAST('0x' || array_to_string({pairs}, '') AS UHUGEINT)"


def from_text_sql(col: str, *, hex_digest: bool = False) -> str:
    """SQL reading ``row_hash`` text back: decimal text, or (``hex_digest``) schema-1 MD5 hex."""
    return md5_hex_to_number_sql(col) if hex_digest else f"CAST({col} AS UHUGEINT)"
