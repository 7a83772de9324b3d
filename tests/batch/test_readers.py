"""Readers never raise on bad input: every bad record becomes a reject that says why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.batch.readers import ReadOptions, parse_field_map, read_inputs
from hadath.batch.records import Record, Reject

AR = "بحث وزير الخارجية التركي مع نظيره الروسي العلاقات الثنائية."


def items(path: Path, **kw: object) -> list[Record | Reject]:
    return list(read_inputs([path], ReadOptions(**kw)))  # type: ignore[arg-type]


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    p = tmp_path / "in.jsonl"
    big = json.dumps({"id": "big", "text": AR * 200}, ensure_ascii=False)
    p.write_bytes(b"\n".join([
        json.dumps({"id": 1, "text": AR, "date": "2024-01-02", "title": "t"}).encode(),
        b"{not json", b"[1, 2]", json.dumps({"id": "e", "text": "  "}).encode(),
        json.dumps({"id": "n", "body": AR}).encode(), "ﻻ".encode("utf-16"),
        big.encode(), json.dumps({"id": "nodate", "text": AR}).encode(), b"",
    ]) + b"\n")  # fmt: skip
    out = items(p, max_bytes=2000)
    recs = [i for i in out if isinstance(i, Record)]
    rejs = {i.line: i.reason for i in out if isinstance(i, Reject)}
    assert [(r.id, r.line, r.date) for r in recs] == [("1", 1, "2024-01-02"), ("nodate", 8, None)]
    assert rejs[2].startswith("malformed JSON") and rejs[3].startswith("a JSON list")
    assert rejs[4] == "empty text" and "--field text=NAME" in rejs[5]
    assert rejs[6].startswith("not UTF-8") and "--max-bytes" in rejs[7]
    assert all(len(i.raw) <= 1000 for i in out if isinstance(i, Reject))


def test_field_mapping(tmp_path: Path) -> None:
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps({"uid": "a", "body": AR, "published": "2024-01-01"}) + "\n")
    opts = ReadOptions(fields=parse_field_map(["text=body", "date=published", "id=uid"]))
    [rec] = list(read_inputs([p], opts))
    assert isinstance(rec, Record) and (rec.id, rec.date, rec.text) == ("a", "2024-01-01", AR)
    with pytest.raises(ValueError, match="OURS=THEIRS"):
        parse_field_map(["body"])


def test_csv_multiline_and_bad_encoding(tmp_path: Path) -> None:
    p = tmp_path / "in.csv"
    p.write_bytes(("id,text,date\n1,\"" + AR + "\n" + AR + "\",2024-01-01\n2,").encode()
                  + b"\xff\xfe,2024-01-01\n3," + AR.encode() + b",\n")  # fmt: skip
    out = items(p)
    assert [(type(i).__name__, i.line) for i in out] == [("Record", 2), ("Reject", 4),
                                                         ("Record", 5)]  # fmt: skip
    assert isinstance(out[0], Record) and "\n" in out[0].text
    assert isinstance(out[2], Record) and out[2].date is None


def test_text_files_and_html_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("نص".encode("cp1256"))
    html = (f"<html><head><title>عنوان</title></head><body><article><p>{AR}</p><p>{AR}</p>"
            "</article></body></html>")  # fmt: skip
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p1.html").write_text(html, encoding="utf-8")
    out = items(tmp_path)
    kinds = [(Path(i.input).name, type(i).__name__) for i in out]
    assert kinds == [("a.txt", "Record"), ("b.txt", "Reject"), ("p1.html", "Record")]
    page = out[2]
    assert isinstance(page, Record) and page.kind == "html" and page.id == "pages/p1.html"


def test_html_extraction_in_the_worker(tmp_path: Path) -> None:
    from fake_coder import FakeCoder

    from hadath.batch.worker import code_record

    html = f"<html><body><article><p>{AR}</p><p>{AR}</p></article></body></html>"
    res = code_record(FakeCoder(), Record("p.html", 1, html, id="p", kind="html"))
    assert not isinstance(res, Reject) and AR in res.article["text"]
    empty = code_record(FakeCoder(), Record("e.html", 1, "<html></html>", id="e", kind="html"))
    assert isinstance(empty, Reject) and "no article text" in empty.reason
