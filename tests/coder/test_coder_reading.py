import datetime as dt
import tracemalloc

import pytest

from realpolitik.errors import InputError
from realpolitik.events.coder.reading import (
    MAX_PARAGRAPH_CHARS,
    find_header_date,
    iter_paragraphs,
    looks_binary,
    open_text,
    text_source,
)


def test_empty_and_blank_files_refused(tmp_path):
    for name, data in (("empty.txt", b""), ("blank.txt", b"  \n\n\t\n")):
        p = tmp_path / name
        p.write_bytes(data)
        with pytest.raises(InputError, match="empty"):
            open_text(p)


def test_binary_file_refused(tmp_path):
    p = tmp_path / "image.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    with pytest.raises(InputError, match="binary"):
        open_text(p)
    assert looks_binary(b"abc\x00def")
    assert not looks_binary("plain text, with ümlauts".encode())


def test_non_utf8_is_replaced_with_a_warning(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Caf\u00e9 talks in Pyongyang ended.\n".encode("latin-1"))
    src = open_text(p)
    paras = list(iter_paragraphs(src))
    assert paras[0].text == "Caf\ufffd talks in Pyongyang ended."
    assert len(src.warnings) == 1 and "not valid UTF-8" in src.warnings[0]


def test_multibyte_character_split_across_chunks(tmp_path, monkeypatch):
    import realpolitik.events.coder.reading as reading

    monkeypatch.setattr(reading, "CHUNK_BYTES", 7)
    p = tmp_path / "utf8.txt"
    text = "Seoul — “talks” resumed.\nMoscow agreed.\n"
    p.write_text(text, encoding="utf-8")
    src = open_text(p)
    assert [x.text for x in iter_paragraphs(src)] == ["Seoul — “talks” resumed.", "Moscow agreed."]
    assert src.warnings == []


def test_paragraph_offsets_streamed(tmp_path, monkeypatch):
    import realpolitik.events.coder.reading as reading

    monkeypatch.setattr(reading, "CHUNK_BYTES", 16)
    text = "Alpha line one.\n\nBeta line two is longer.\r\nGamma.\n"
    p = tmp_path / "a.txt"
    p.write_bytes(text.encode())
    for para in iter_paragraphs(open_text(p)):
        assert text[para.start:para.start + len(para.text)] == para.text


def test_fifty_megabytes_streamed_in_bounded_memory(tmp_path):
    p = tmp_path / "big.txt"
    line = ("China and South Korea held talks on trade in Beijing on Monday. " * 4 + "\n").encode()
    with p.open("wb") as fh:
        for _ in range(50 * 2**20 // len(line) + 1):
            fh.write(line)
    assert p.stat().st_size >= 50 * 2**20
    tracemalloc.start()
    n = sum(1 for _ in iter_paragraphs(open_text(p)))
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert n > 190_000
    assert peak < 16 * 2**20  # a few chunks, never the file


def test_line_without_breaks_is_cut_at_sentence_ends():
    text = "Seoul protested. " * (3 * MAX_PARAGRAPH_CHARS // 17)
    paras = list(iter_paragraphs(text_source(text)))
    assert len(paras) >= 3
    assert all(len(x.text) <= MAX_PARAGRAPH_CHARS for x in paras)
    assert all(x.text.endswith("protested.") for x in paras)


@pytest.mark.parametrize(
    "head, expected",
    [
        ("Title\nPublished 2017-08-17 by staff\nBody", dt.date(2017, 8, 17)),
        ("Title\nAugust 17, 2017\n", dt.date(2017, 8, 17)),
        ("Title\n17 Aug 2017 | Politics\n", dt.date(2017, 8, 17)),
        ("Title\nAugust 2017\nNo day given.", None),
        ("Title\n2017-02-30 is no date\n", None),
    ],
)
def test_header_date(head, expected):
    assert find_header_date(head) == expected
