"""Batch output: the tidy tables of a run's records, and the writers that
stream them.

A record (`iec_nlp.batch`) is one document's extraction. `tidy_rows` turns
it into rows of six tables (documents, with the issuer; entities,
relations, figures, people, customers: one row per fact, keyed by source
and document). The writers (JSON, JSONL, CSV, Parquet, standard output) stream
records or rows as they arrive, can resume a run (documents already in the
output are skipped) and leave a valid output when a run is interrupted.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from .batch import Key, Writer, record_key

_META_COLUMNS = (
    "type", "sequence", "filename", "description", "company", "cik", "form_type", "filing_date", "accession_number",
)  # fmt: skip

# Known tables and their columns, after `source` and `document`. Fields that
# later versions add to Extraction.to_dict() get a table of their own (a list)
# or columns on `documents` (anything else), JSON-encoded when not scalar.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": (
        *_META_COLUMNS,
        "encoding",
        "markup",
        "offset",
        "issuer",
        "entities",
        "relations",
        "error",
    ),
    "entities": ("index", "start", "end", "label", "text"),
    "relations": ("index", "head", "child", "label", "score", "head_text", "child_text"),
    "figures": (
        "index",
        "entity",
        "text",
        "value",
        "currency",
        "per_share",
        "metric",
        "period",
        "period_resolved",
    ),
    "people": (
        "person",
        "name",
        "mentions",
        "title",
        "canonical",
        "organizations",
        "implied_organization",
    ),
    "customers": ("index", "name", "mentions", "evidence", "amounts"),
}

KEY_COLUMNS = ("source", "document")

_TOP_LEVEL = {"source", "document", "encoding", "markup", "offset", "error"}


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def tidy_rows(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows a record adds to each tidy table, keyed by source and document."""
    source, document = record_key(record)
    key = {"source": source, "document": document}
    meta = record.get("document") or {}
    entities = record.get("entities") or []
    relations = record.get("relations") or []
    issuer = record.get("issuer")
    doc_row = {
        **key,
        **{c: meta.get(c) for c in _META_COLUMNS},
        "encoding": record.get("encoding"),
        "markup": record.get("markup"),
        "offset": record.get("offset"),
        "issuer": issuer.get("name") if isinstance(issuer, dict) else _cell(issuer),
        "entities": len(entities),
        "relations": len(relations),
        "error": record.get("error"),
    }
    tables: dict[str, list[dict[str, Any]]] = {"documents": [doc_row]}
    tables["entities"] = [{**key, "index": i, **e} for i, e in enumerate(entities)]

    def entity_text(index: Any) -> Any:
        return (
            entities[index]["text"]
            if isinstance(index, int) and 0 <= index < len(entities)
            else None
        )

    tables["relations"] = [
        {
            **key,
            "index": i,
            **r,
            "head_text": entity_text(r.get("head")),
            "child_text": entity_text(r.get("child")),
        }
        for i, r in enumerate(relations)
    ]
    tables["figures"] = [
        {**key, "index": i, **f} for i, f in enumerate(record.get("figures") or [])
    ]
    people = []
    for i, person in enumerate(record.get("people") or []):
        base = {**key, "person": i, "name": person.get("name"), "mentions": person.get("mentions")}
        for role in person.get("roles") or [{}]:
            people.append({**base, **{k: v for k, v in role.items()}})
    tables["people"] = people
    tables["customers"] = [
        {**key, "index": i, **c} for i, c in enumerate(record.get("customers") or [])
    ]
    for name, value in record.items():
        if name in _TOP_LEVEL or name in TABLE_COLUMNS or name == "issuer":
            continue
        if isinstance(value, list):
            tables[name] = [
                {**key, "index": i, **(item if isinstance(item, dict) else {"value": item})}
                for i, item in enumerate(value)
            ]
        else:
            doc_row[name] = value
    return {
        table: [{k: _cell(v) for k, v in row.items()} for row in rows]
        for table, rows in tables.items()
    }


def table_columns(table: str, rows: Sequence[dict[str, Any]]) -> list[str]:
    """The columns of a table: the key, the known ones, then any others seen."""
    columns = [*KEY_COLUMNS, *TABLE_COLUMNS.get(table, ())]
    for row in rows:
        columns += [c for c in row if c not in columns]
    return columns


class OutputExistsError(FileExistsError):
    """The output is there already and neither resume nor overwrite was asked."""


def check_output(
    path: Path | None, output_format: str, *, resume: bool = False, overwrite: bool = False
) -> None:
    """Raise OutputExistsError (or ValueError) if the output cannot be written as asked."""
    if output_format == "parquet" and importlib.util.find_spec("pyarrow") is None:
        raise ValueError("Parquet output needs pyarrow: pip install pyarrow")
    if path is None:
        if resume:
            raise ValueError(
                "--resume needs --output: there is nothing to resume on standard output"
            )
        if output_format == "parquet":
            raise ValueError("Parquet output is a folder of tables: give it with --output")
        return
    folder = output_format in ("csv", "parquet")
    if path.exists() and folder != path.is_dir():
        kinds = ("folder", "file") if folder else ("file", "folder")
        raise OutputExistsError(f"{path} is a {kinds[1]}; {output_format} output is a {kinds[0]}")
    if path.exists() and not resume and not overwrite:
        raise OutputExistsError(
            f"{path} exists: pass --resume to continue it or --overwrite to replace it"
        )


def _prepare(path: Path, output_format: str, resume: bool, overwrite: bool) -> bool:
    """Check or clear the output; True when there is output to resume."""
    check_output(path, output_format, resume=resume, overwrite=overwrite)
    exists = path.exists()
    if exists and overwrite and not resume:
        if path.is_dir():
            for table in path.iterdir():
                _remove(table)
        else:
            path.unlink()
        return False
    return exists


def _remove(path: Path) -> None:
    if path.is_dir():
        for child in path.iterdir():
            _remove(child)
        path.rmdir()
    else:
        path.unlink()


class JsonlWriter:
    """One JSON record per line, flushed as it is written."""

    def __init__(self, path: Path, *, resume: bool = False, overwrite: bool = False) -> None:
        self.path = path
        self._keys: set[Key] = set()
        if _prepare(path, "jsonl", resume, overwrite):
            self._keys = _repair_jsonl(path)
        self._file: IO[str] = open(path, "a", encoding="utf-8", newline="\n")  # noqa: SIM115
        self._committed = self._file.tell()

    def existing_keys(self) -> set[Key]:
        return self._keys

    def write(self, record: dict[str, Any]) -> None:
        self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._file.flush()
        self._committed = self._file.tell()

    def close(self) -> None:
        # A write cut short by a second Ctrl-C is undone: the file ends with a whole line.
        self._file.flush()
        self._file.truncate(self._committed)
        self._file.close()


def _repair_jsonl(path: Path) -> set[Key]:
    """Keys of the complete records of a JSONL file; a last line cut short
    (the process was killed while writing it) is removed."""
    keys: set[Key] = set()
    good = 0
    with open(path, "rb") as f:
        for line in f:
            try:
                record = json.loads(line)
            except ValueError:
                break
            if not line.endswith(b"\n"):
                break
            keys.add(record_key(record))
            good += len(line)
    if good != path.stat().st_size:
        with open(path, "r+b") as f:
            f.truncate(good)
    return keys


class JsonWriter:
    """A JSON array with one record per line, closed when the run ends."""

    def __init__(self, path: Path, *, resume: bool = False, overwrite: bool = False) -> None:
        self.path = path
        self._keys: set[Key] = set()
        self._count = 0
        lines: list[str] = []
        if _prepare(path, "json", resume, overwrite):
            lines = _json_array_lines(path)
            self._keys = {record_key(json.loads(line)) for line in lines}
        # The records kept are rewritten to a new file that replaces the old
        # one whole: a crash now loses nothing.
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text("[\n" + ",\n".join(lines), encoding="utf-8", newline="\n")
        os.replace(temporary, path)
        self._file: IO[str] = open(path, "a", encoding="utf-8", newline="\n")  # noqa: SIM115
        self._count = len(lines)
        self._committed = self._file.tell()

    def existing_keys(self) -> set[Key]:
        return self._keys

    def write(self, record: dict[str, Any]) -> None:
        self._file.write((",\n" if self._count else "") + json.dumps(record, ensure_ascii=False))
        self._count += 1
        self._file.flush()
        self._committed = self._file.tell()

    def close(self) -> None:
        self._file.flush()
        self._file.truncate(self._committed)
        self._file.write("\n]\n")
        self._file.close()


def _json_array_lines(path: Path) -> list[str]:
    """The records of a JSON array written by JsonWriter, even one left open."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        line = line.rstrip().removesuffix(",")
        if line in ("]", ""):
            continue
        try:
            json.loads(line)
        except ValueError:
            break
        lines.append(line)
    return lines


class _TableWriter:
    """Tidy tables, one row per entity, relation, figure, person-role and
    customer, and one per document; the `documents` row of a document is
    written last, so it says that all of the document's rows are there."""

    ORDER = ("entities", "relations", "figures", "people", "customers")

    def _ordered(
        self, tables: dict[str, list[dict[str, Any]]]
    ) -> list[tuple[str, list[dict[str, Any]]]]:
        names = [t for t in self.ORDER if t in tables] + [
            t for t in tables if t not in self.ORDER and t != "documents"
        ]
        return [(t, tables[t]) for t in names] + [("documents", tables["documents"])]


class CsvWriter(_TableWriter):
    """A folder of CSV files, one per table."""

    def __init__(self, folder: Path, *, resume: bool = False, overwrite: bool = False) -> None:
        self.folder = folder
        self._keys: set[Key] = set()
        if _prepare(folder, "csv", resume, overwrite):
            self._keys = _repair_csv_tables(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self._files: dict[str, IO[str]] = {}
        self._writers: dict[str, Any] = {}
        self._columns: dict[str, list[str]] = {}
        self._committed: dict[str, int] = {}

    def existing_keys(self) -> set[Key]:
        return self._keys

    def _table(self, name: str, rows: list[dict[str, Any]]) -> Any:
        if name not in self._writers:
            path = self.folder / f"{name}.csv"
            existing = path.exists() and path.stat().st_size > 0
            columns = _csv_header(path) if existing else table_columns(name, rows)
            handle = open(path, "a", encoding="utf-8", newline="")  # noqa: SIM115
            writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
            if not existing:
                writer.writeheader()
            self._files[name], self._writers[name], self._columns[name] = handle, writer, columns
            handle.flush()
            self._committed[name] = handle.tell()
        return self._writers[name]

    def write(self, record: dict[str, Any]) -> None:
        for name, rows in self._ordered(tidy_rows(record)):
            writer = self._table(name, rows)
            writer.writerows(rows)
        for name, handle in self._files.items():
            handle.flush()
            self._committed[name] = handle.tell()

    def close(self) -> None:
        # A write cut short (a second Ctrl-C) is undone: every table ends at
        # the last document written whole.
        for name, handle in self._files.items():
            handle.flush()
            handle.truncate(self._committed[name])
            handle.close()
        for name in TABLE_COLUMNS:
            if name not in self._files and not (self.folder / f"{name}.csv").exists():
                self._table(name, [])
                self._files[name].close()


def _csv_header(path: Path) -> list[str]:
    with open(path, encoding="utf-8", newline="") as f:
        return next(csv.reader(f))


def _repair_csv_tables(folder: Path) -> set[Key]:
    """Keys of the documents complete in a CSV output; rows of documents
    that were cut short are removed."""
    documents = folder / "documents.csv"
    if not documents.exists():
        return set()
    keys = {(row["source"], row["document"]) for row in _csv_rows(documents)}
    for path in folder.glob("*.csv"):
        rows = list(_csv_rows(path))
        kept = [row for row in rows if (row["source"], row["document"]) in keys]
        if len(kept) != len(rows) or path == documents:
            header = _csv_header(path)
            temporary = path.with_suffix(".csv.tmp")
            with open(temporary, "w", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, fieldnames=header)
                writer.writeheader()
                writer.writerows(kept)
            os.replace(temporary, path)
    return keys


def _csv_rows(path: Path) -> Iterator[dict[str, str]]:
    """The complete rows of a CSV table (a row cut short has too few fields)."""
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header is None:
            return
        for values in reader:
            if len(values) == len(header):
                yield dict(zip(header, values))


class ParquetWriter(_TableWriter):
    """A folder of Parquet tables, each a folder of part files.

    Rows are written every `flush_documents` documents or `flush_seconds`
    seconds, as one part file per table with the same number; the documents
    part is written last, so a part number without it was cut short and is
    removed on resume. `pyarrow.parquet.read_table(folder / "entities")`,
    `pandas.read_parquet` and `dask.dataframe.read_parquet` read a table.
    """

    def __init__(
        self,
        folder: Path,
        *,
        resume: bool = False,
        overwrite: bool = False,
        flush_documents: int = 200,
        flush_seconds: float = 30.0,
    ) -> None:
        self.folder = folder
        self._keys: set[Key] = set()
        self._part = 0
        if _prepare(folder, "parquet", resume, overwrite):
            self._keys, self._part = _repair_parquet_tables(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self._rows: dict[str, list[dict[str, Any]]] = {}
        self._documents = 0
        self._last_flush = time.monotonic()
        self.flush_documents = flush_documents
        self.flush_seconds = flush_seconds

    def existing_keys(self) -> set[Key]:
        return self._keys

    def write(self, record: dict[str, Any]) -> None:
        tables = tidy_rows(record)
        for name in TABLE_COLUMNS:
            tables.setdefault(name, [])
        # Built first, then added: a document is in the buffers whole or not at all.
        additions = [(self._rows.setdefault(name, []), rows) for name, rows in tables.items()]
        for buffer, rows in additions:
            buffer.extend(rows)
        self._documents += 1
        if (
            self._documents >= self.flush_documents
            or time.monotonic() - self._last_flush >= self.flush_seconds
        ):
            self.flush()

    def flush(self) -> None:
        if not self._documents:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        documents = self._rows["documents"]
        keys = {(row["source"], row["document"]) for row in documents}
        for name, rows in self._ordered(self._rows):
            # Rows of a document not yet in `documents` (cut short) stay out.
            rows = [row for row in rows if (row["source"], row["document"]) in keys]
            columns = table_columns(name, rows)
            schema = _parquet_schema(name, columns)
            strings = {f.name for f in schema if f.type == pa.string()}
            table = pa.Table.from_pylist(
                [
                    {c: _text(row.get(c)) if c in strings else row.get(c) for c in columns}
                    for row in rows
                ],
                schema=schema,
            )
            target = self.folder / name
            target.mkdir(exist_ok=True)
            temporary = target / f".part-{self._part:05d}.parquet.tmp"
            pq.write_table(table, temporary)
            os.replace(temporary, target / f"part-{self._part:05d}.parquet")
        self._part += 1
        self._rows = {}
        self._documents = 0
        self._last_flush = time.monotonic()

    def close(self) -> None:
        if self._rows:
            self.flush()
        _unify_parts(self.folder)


def _text(value: Any) -> str | None:
    """A value for a text column: fields this writer does not know are kept as JSON."""
    return value if value is None or isinstance(value, str) else json.dumps(value)


def _unify_parts(folder: Path) -> None:
    """Give every part of a table the same columns.

    A field that later versions add appears in the parts written after it
    first shows up (a table's first part may have had no row to show it);
    readers of a folder take the first part's schema, so earlier parts get
    the column, empty.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    for table_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        parts = sorted(table_dir.glob("part-*.parquet"))
        schemas = [pq.read_schema(part) for part in parts]
        fields: dict[str, Any] = {}
        for schema in schemas:
            for f in schema:
                fields.setdefault(f.name, f)
        union = pa.schema(list(fields.values()))
        for part, schema in zip(parts, schemas):
            if schema.names == union.names:
                continue
            table = pq.read_table(part)
            columns = [
                table.column(f.name) if f.name in schema.names else pa.nulls(table.num_rows, f.type)
                for f in union
            ]
            temporary = part.with_name("." + part.name + ".tmp")
            pq.write_table(pa.Table.from_arrays(columns, schema=union), temporary)
            os.replace(temporary, part)


_PARQUET_TYPES = {
    "sequence": "int64", "offset": "int64", "entities": "int64", "relations": "int64", "index": "int64",
    "start": "int64", "end": "int64", "head": "int64", "child": "int64", "entity": "int64", "person": "int64",
    "score": "float64", "value": "float64", "per_share": "bool",
}  # fmt: skip


def _parquet_schema(table: str, columns: list[str]) -> Any:
    import pyarrow as pa

    known = {*KEY_COLUMNS, *TABLE_COLUMNS.get(table, ())}
    types = {"int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}
    return pa.schema(
        [
            (c, types[_PARQUET_TYPES[c]] if c in known and c in _PARQUET_TYPES else pa.string())
            for c in columns
        ]
    )


def _repair_parquet_tables(folder: Path) -> tuple[set[Key], int]:
    """Keys of the documents in a Parquet output and the next part number;
    parts of a flush that did not finish are removed."""
    import pyarrow.parquet as pq

    complete: set[str] = set()
    documents = folder / "documents"
    keys: set[Key] = set()
    for part in sorted(documents.glob("part-*.parquet")) if documents.is_dir() else []:
        try:
            table = pq.read_table(part, columns=["source", "document"])
        except Exception:  # a part cut short is no Parquet file
            continue
        complete.add(part.name)
        keys |= set(zip(table.column("source").to_pylist(), table.column("document").to_pylist()))
    numbers = [-1]
    for table_dir in (p for p in folder.iterdir() if p.is_dir()):
        for part in table_dir.glob("*part-*"):
            if part.name not in complete:
                part.unlink()
            else:
                numbers.append(int(part.name.split("-")[1].split(".")[0]))
    return keys, max(numbers) + 1


class StdoutWriter:
    """Standard output: JSON (all records at the end: one object for one
    record, else a list), JSONL (a line per record) or CSV (the entities
    table). Records there also carry `file`, the same as `source`, as the
    output of earlier versions did."""

    def __init__(self, output_format: str, stream: IO[str] | None = None) -> None:
        self.format = output_format
        self.stream = stream or sys.stdout
        self._records: list[dict[str, Any]] = []
        self._csv: Any = None

    def existing_keys(self) -> set[Key]:
        return set()

    def write(self, record: dict[str, Any]) -> None:
        record = {"file": record["source"], **record}
        if self.format == "json":
            self._records.append(record)
        elif self.format == "jsonl":
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.stream.flush()
        elif self.format == "csv":
            rows = [{"file": record["file"], **row} for row in tidy_rows(record)["entities"]]
            if self._csv is None:
                self._csv = csv.DictWriter(
                    self.stream,
                    fieldnames=["file", *table_columns("entities", rows)],
                    extrasaction="ignore",
                )
                self._csv.writeheader()
            self._csv.writerows(rows)
            self.stream.flush()
        else:
            raise ValueError(
                f"{self.format}: standard output takes json, jsonl or csv; write Parquet with --output"
            )

    def close(self) -> None:
        if self.format == "json":
            payload: Any = self._records[0] if len(self._records) == 1 else self._records
            self.stream.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        elif self.format == "csv" and self._csv is None:
            csv.writer(self.stream).writerow(["file", *KEY_COLUMNS, *TABLE_COLUMNS["entities"]])
        self.stream.flush()


FORMATS = ("json", "jsonl", "csv", "parquet")


def open_writer(
    output: Path | None, output_format: str, *, resume: bool = False, overwrite: bool = False
) -> Writer:
    """The writer for `--output` and `--format`; standard output without a path."""
    check_output(output, output_format, resume=resume, overwrite=overwrite)
    if output is None:
        return StdoutWriter(output_format)
    writers: dict[str, Callable[..., Writer]] = {
        "json": JsonWriter, "jsonl": JsonlWriter, "csv": CsvWriter, "parquet": ParquetWriter,
    }  # fmt: skip
    return writers[output_format](output, resume=resume, overwrite=overwrite)


def format_for(output: Path) -> str:
    """The format an output path's suffix names (json when it names none)."""
    suffix = output.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "json"
