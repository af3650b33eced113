"""Read YAML while remembering the line of every key path, for error messages.

``load_yaml_with_lines`` returns the plain Python value and a map from key paths
(``issues[0].positions.USA.salience``) to 1-based line numbers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from realpolitik.errors import InputError

__all__ = ["load_yaml_with_lines", "format_path", "read_text_file"]


def format_path(loc: tuple[Any, ...] | list[Any]) -> str:
    """Join a location tuple into ``a.b[0].c`` form."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def read_text_file(path: str | Path, what: str = "file") -> str:
    """Read a UTF-8 text file or raise one clear :class:`InputError`.

    Empty files, binary files (NUL bytes) and undecodable bytes are errors here: scenario and
    table inputs are small, hand-written files.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(f"no such {what}", file=str(p))
    if p.is_dir():
        raise InputError(f"expected a {what}, found a directory", file=str(p))
    raw = p.read_bytes()
    if not raw.strip():
        raise InputError(f"the {what} is empty", file=str(p))
    if b"\x00" in raw[:8192]:
        raise InputError(f"not a text {what} (binary content)", file=str(p))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", file=str(p)) from None


def _construct(node: yaml.Node, path: tuple[Any, ...], lines: dict[str, int]) -> Any:
    lines.setdefault(format_path(path), node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for knode, vnode in node.value:
            key = _scalar(knode) if isinstance(knode, yaml.ScalarNode) else str(knode.start_mark)
            lines[format_path((*path, key))] = knode.start_mark.line + 1
            out[key] = _construct(vnode, (*path, key), lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(v, (*path, i), lines) for i, v in enumerate(node.value)]
    return _scalar(node)


_LOADER = yaml.SafeLoader("")


def _scalar(node: yaml.Node) -> Any:
    return _LOADER.construct_object(node, deep=True)


def load_yaml_with_lines(path: str | Path) -> tuple[Any, dict[str, int]]:
    """Parse a YAML file; return its value and a key-path → line map.

    Raises
    ------
    InputError
        When the file is missing, empty, binary or not valid YAML (with the line of the fault).
    """
    text = read_text_file(path, "YAML file")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise InputError(
            f"not valid YAML: {problem}",
            file=str(path),
            line=(mark.line + 1) if mark is not None else None,
        ) from None
    if node is None:
        raise InputError("the YAML file holds no document", file=str(path))
    lines: dict[str, int] = {}
    return _construct(node, (), lines), lines
