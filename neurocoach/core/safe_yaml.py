"""Reading YAML that anyone may have written, without letting the file stop the app.

Routine files are shared between people and the settings file is edited by hand, so neither
can be trusted. PyYAML's ``safe_load`` alone refuses Python objects but will still hang on a
FIFO, fill memory from ``/dev/zero`` or an alias bomb, and overflow the stack on deep nesting.
Here every such file becomes a `RefusedYamlError` with a line and column instead: only regular
files are opened (without blocking, so a FIFO is refused rather than waited on), up to a size
cap; nesting is bounded before a parser recurses; the composed tree must stay small once
aliases are expanded; and only plain YAML tags (text, numbers, true/false, null, lists and
mappings) are allowed. The caller gets nodes, whose marks say where each value was written,
and `construct` turns a node into plain Python values.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

# Our largest bundled routine is under 10 KiB. A cap well above any real file keeps a huge
# one from delaying the start: a 1 MiB file took 0.4-0.6 s only to be refused.
MAX_FILE_BYTES = 256 * 1024
MAX_NODES = 20_000
MAX_DEPTH = 50  # our files nest three or four levels; anything near this is not one of them

_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SCALAR_TAGS = frozenset(
    {
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
    }
)
_COLLECTION_TAGS = frozenset({"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"})
# What may open a line before its content without being content: indentation, and the block
# indicators "- ", "? " and ": ", each of which nests one level deeper (as "- - - x" does).
_LINE_NESTING = re.compile(r"(?: |[-?:](?= |$))*")


@dataclass(frozen=True)
class Refusal:
    """One reason a file was not read, at a 1-based line and column."""

    line: int
    column: int
    message: str


class RefusedYamlError(Exception):
    """A YAML file or text that is not read, with every reason found."""

    def __init__(self, refusals: list[Refusal]) -> None:
        self.refusals = tuple(refusals)
        super().__init__("; ".join(f"line {r.line}: {r.message}" for r in refusals))


def read_text(path: Path) -> str:
    """The file's text, if it is a regular file of at most MAX_FILE_BYTES in UTF-8.

    The file is opened without blocking and checked with fstat before anything is read, so a
    FIFO, a device (a link to /dev/zero) or a folder is refused at once. A missing file raises
    FileNotFoundError, so the caller can tell it from one that is there but unusable.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        if isinstance(error, FileNotFoundError):
            raise
        raise _refused(f"cannot read the file: {error.strerror}") from None
    except ValueError:  # a NUL byte in the path
        raise _refused("cannot read the file: the name is not a file name") from None
    try:
        regular = stat.S_ISREG(os.fstat(handle).st_mode)
        if regular:
            with os.fdopen(handle, "rb", closefd=False) as stream:
                data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise _refused(f"cannot read the file: {error.strerror}") from None
    finally:
        os.close(handle)
    if not regular:
        raise _refused("cannot read the file: it is not a regular file")
    if len(data) > MAX_FILE_BYTES:
        raise _refused(f"the file is larger than {MAX_FILE_BYTES // 1024} KiB")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise RefusedYamlError([Refusal(line, 1, "the file is not UTF-8 text")]) from None


_PARSER_WORDS = {
    # What the YAML parser says, and what a person editing a routine needs to hear.
    "did not find expected ',' or ']'": "a list in [brackets] is not closed with ']'",
    "did not find expected ',' or '}'": "a mapping in {braces} is not closed with '}'",
    "mapping values are not allowed in this context": (
        "a ':' where it does not belong: put text that holds ': ' in quotes, and line up keys "
        "under each other"
    ),
    "did not find expected '-' indicator": (
        "every line of a list must start with '- ' at the same indent"
    ),
    "could not find expected ':'": "a line is missing its ':' (write key: value)",
    "did not find expected key": "a line is not indented like the keys around it",
}


def _in_plain_words(error: yaml.MarkedYAMLError, line: str) -> str:
    problem = error.problem or error.context or "it cannot be read"
    if problem == "found unexpected end of stream":
        if "quoted" in (error.context or ""):
            return "the file ends inside quotes that are not closed"
        return "the file ends in the middle of something"
    if problem.startswith("found a tab") or (
        problem.startswith("found character") and "\t" in line
    ):
        return "a tab: indent with spaces"
    if problem.startswith("found character"):
        return "a character that cannot start a value here (put the text in quotes)"
    return _PARSER_WORDS.get(problem, problem)


def compose(text: str, files: str) -> Node | None:
    """The text's YAML tree, or None when it holds no document; ``files`` names the kind of
    file in messages ("routine files"). Raises `RefusedYamlError` for anything unsafe or invalid.
    """
    deep = too_deep(text)
    if deep is not None:
        raise RefusedYamlError([Refusal(*deep, _DEEP)])
    try:
        root = yaml.compose(text, Loader=_SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        lines = text.splitlines() or [""]
        if line > len(lines):  # "the end of the file" is marked on the line after it
            line, column = len(lines), len(lines[-1]) + 1
        what = _in_plain_words(error, lines[line - 1])
        raise RefusedYamlError([Refusal(line, column, f"not valid YAML: {what}")]) from None
    except yaml.YAMLError as error:
        raise _refused(f"not valid YAML: {error}") from None
    except RecursionError:  # the pure-Python parser, on nesting the scan above did not see
        raise _refused(_DEEP) from None
    if root is None:
        return None
    if not small_enough(root):
        message = (
            f"the file expands to more than {MAX_NODES} values (too many aliases, or far too "
            "many steps?)"
        )
        raise RefusedYamlError([_at(root, message)])
    foreign = foreign_tags(root)
    if foreign:
        raise RefusedYamlError(
            [_at(n, f"the tag {n.tag!r} is not allowed in {files}") for n in foreign]
        )
    return root


def construct(node: Node) -> Any:
    """The node as plain Python values (str, int, float, bool, None, list, dict).

    Only for a node from `compose`: its size and tags are already checked. Raises ValueError
    for a value that cannot be built, such as a list used as a mapping's key.
    """
    try:
        return SafeConstructor().construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError, TypeError) as error:
        raise ValueError(f"cannot read the value {_shown(node)}") from error


def too_deep(text: str) -> tuple[int, int] | None:
    """Where the text nests deeper than MAX_DEPTH, before a parser recurses into it.

    The YAML parsers recurse once per level; a file of a hundred thousand "[" would crash the
    app (the C parser) rather than raise an error. Flow brackets are counted outside quotes and
    comments; block nesting is bounded by the indentation and the "- " that open a line.
    """
    depth = 0
    quote = ""
    for line_number, line in enumerate(text.split("\n"), start=1):
        if quote == "#":  # a comment ends with its line
            quote = ""
        opening = _LINE_NESTING.match(line)
        start = opening.end() if opening else 0
        if start > MAX_DEPTH * 4:
            return line_number, MAX_DEPTH * 4 + 1
        for column, char in enumerate(line[start:], start=start + 1):
            if quote:
                if char == quote and quote != "#":
                    quote = ""
                continue
            if char in "\"'":
                quote = char
            elif char == "#":
                quote = "#"  # a comment, to the end of the line
            elif char in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    return line_number, column
            elif char in "]}":
                depth = max(0, depth - 1)
    return None


def small_enough(root: Node) -> bool:
    """Count values as they would be expanded, so an alias bomb is refused before it is built."""
    budget = MAX_NODES
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        budget -= 1
        if budget < 0:
            return False
        if isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
    return True


def foreign_tags(root: Node) -> list[Node]:
    """Every node carrying a tag other than plain YAML's, in the order they are written."""
    found: list[Node] = []
    stack: list[Node] = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        allowed = SCALAR_TAGS if isinstance(node, ScalarNode) else _COLLECTION_TAGS
        if node.tag not in allowed:
            found.append(node)
        if isinstance(node, SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, MappingNode):
            for key, value in reversed(node.value):
                stack.extend((value, key))
    return found


def line_of(node: Node) -> int:
    """The 1-based line a node starts on."""
    return int(node.start_mark.line) + 1


_DEEP = f"the file nests lists or mappings more than {MAX_DEPTH} deep"


def _at(node: Node, message: str) -> Refusal:
    return Refusal(node.start_mark.line + 1, node.start_mark.column + 1, message)


def _refused(message: str) -> RefusedYamlError:
    return RefusedYamlError([Refusal(1, 1, message)])


def _shown(node: Node) -> str:
    if isinstance(node, ScalarNode):
        return repr(node.value[:60])
    return "here"
