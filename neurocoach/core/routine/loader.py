"""Reads routine files (YAML, format 1) into `Routine` values, or says exactly what is wrong.

Routine files are written by people, often by hand, so every problem is reported as
``file:line:column: message`` (as compilers do) and all problems in a file are reported at
once. Loading is safe: only plain YAML scalars, lists and mappings are accepted; any tag such
as ``!!python/object`` is refused, and so are oversized files and alias bombs. The keys and
what each must be are declared in `fields.py`, which the JSON Schema is built from too.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from neurocoach.core.routine import fields, illustrations
from neurocoach.core.routine.model import Routine, Step

MAX_FILE_BYTES = 1024 * 1024
MAX_NODES = 20_000
MAX_DEPTH = 50  # routines nest three levels; anything near this is not a routine

_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ALLOWED_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a routine file, at a 1-based line and column."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class RoutineFileError(Exception):
    """A routine file that cannot be used, with every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in problems))


class _Collector:
    """Gathers problems for one file so that an author sees them all in one go."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def at(self, node: Node | None, message: str) -> None:
        line, column = (node.start_mark.line + 1, node.start_mark.column + 1) if node else (1, 1)
        self.problems.append(Problem(self.path, line, column, message))


def load_routine(path: Path) -> Routine:
    """Load one routine file; raise `RoutineFileError` naming the file, line and column."""
    name = str(path)
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        problem = Problem(name, 1, 1, f"cannot read the file: {error.strerror}")
        raise RoutineFileError([problem]) from None
    if len(data) > MAX_FILE_BYTES:
        raise RoutineFileError([Problem(name, 1, 1, "the file is larger than 1 MiB")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise RoutineFileError([Problem(name, line, 1, "the file is not UTF-8 text")]) from None
    return load_routine_text(text, name, path=path)


def load_routine_text(text: str, name: str, path: Path | None = None) -> Routine:
    """Load a routine from YAML text; ``name`` is used in messages."""
    problems = _Collector(name)
    deep = _too_deep(text)
    if deep is not None:
        line, column = deep
        message = f"the file nests lists or mappings more than {MAX_DEPTH} deep"
        raise RoutineFileError([Problem(name, line, column, message)])
    try:
        root = yaml.compose(text, Loader=_SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = error.problem or error.context or "not valid YAML"
        raise RoutineFileError([Problem(name, line, column, f"not valid YAML: {what}")]) from None
    except yaml.YAMLError as error:
        raise RoutineFileError([Problem(name, 1, 1, f"not valid YAML: {error}")]) from None
    if root is None:
        raise RoutineFileError([Problem(name, 1, 1, "the file is empty")])
    if not _small_enough(root):
        problems.at(root, f"the file expands to more than {MAX_NODES} values (too many aliases?)")
        raise RoutineFileError(problems.problems)
    if _refuse_tags(root, problems):
        raise RoutineFileError(problems.problems)
    routine = _Reader(problems).routine(root, path)
    if routine is None and not problems.problems:  # never fail without saying why
        problems.at(root, "this is not a routine file")
    if problems.problems or routine is None:
        raise RoutineFileError(problems.problems)
    return routine


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where the text nests deeper than MAX_DEPTH, before a parser recurses into it.

    The YAML parsers recurse once per level; a file of a hundred thousand "[" would crash the
    app (the C parser) rather than raise an error. Flow brackets are counted outside quotes and
    comments; block nesting is bounded by the indentation.
    """
    depth = 0
    quote = ""
    line, column = 1, 0
    at_line_start = True
    indent = 0
    for char in text:
        column += 1
        if char == "\n":
            line, column, at_line_start, indent = line + 1, 0, True, 0
            quote = "" if quote == "#" else quote
            continue
        if at_line_start:
            if char == " ":
                indent += 1
                if indent > MAX_DEPTH * 4:
                    return line, column
                continue
            at_line_start = False
        if quote:
            if char == quote and quote != "#":  # a comment ends only with its line
                quote = ""
            continue
        if char in "\"'":
            quote = char
        elif char == "#":
            quote = "#"  # a comment, to the end of the line
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line, column
        elif char in "]}":
            depth = max(0, depth - 1)
    return None


_COLLECTION_TAGS = {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}


def _refuse_tags(root: Node, problems: _Collector) -> bool:
    """Note every node carrying a tag other than plain YAML's; True if there were any."""
    found = False
    stack: list[Node] = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        allowed = _ALLOWED_TAGS if isinstance(node, ScalarNode) else _COLLECTION_TAGS
        if node.tag not in allowed:
            problems.at(node, f"the tag {node.tag!r} is not allowed in routine files")
            found = True
        if isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
    return found


def _small_enough(root: Node) -> bool:
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


class _Reader:
    """Turns a composed YAML tree into a Routine, recording a problem for each bad value."""

    def __init__(self, problems: _Collector) -> None:
        self.problems = problems
        self._constructor = SafeConstructor()

    # --- scalars -------------------------------------------------------------------------
    def scalar(self, node: Node) -> tuple[bool, Any]:
        if not isinstance(node, ScalarNode):
            return False, None
        if node.tag not in _ALLOWED_TAGS:
            self.problems.at(node, f"the tag {node.tag!r} is not allowed in routine files")
            return False, None
        try:
            return True, self._constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError):
            self.problems.at(node, f"cannot read the value {node.value!r}")
            return False, None

    def value(self, field: fields.Field, node: Node) -> Any:
        """The value for one declared key, or None after noting what is wrong with it."""
        key, rule = field.key, field.rule
        match rule:
            case fields.Text():
                return self.text(key, node)
            case fields.Illustration():
                return self.picture(key, node)
            case fields.Seconds():
                return self.seconds(key, node, rule)
            case fields.WholeNumber():
                return self.count(key, node, rule)
            case fields.Choice():
                return self.choice(key, node, rule)
            case fields.Ident():
                return self.ident(key, node, rule)
            case fields.FormatNumber():
                return self.format(key, node, rule)
            case fields.StepList():
                return self.steps(node)
        raise TypeError(f"no reader for {rule!r}")  # a rule added to fields.py but not here

    def text(self, key: str, node: Node) -> str | None:
        ok, value = self.scalar(node)
        if ok and isinstance(value, str) and value.strip():
            return value.strip()
        if ok or not isinstance(node, ScalarNode):
            self.problems.at(node, f"{key!r} must be some text")
        return None

    def picture(self, key: str, node: Node) -> str | None:
        name = self.text(key, node)
        if name is None:
            return None
        problem = illustrations.path_problem(name)
        if problem:
            self.problems.at(node, problem)
            return None
        return name

    def seconds(self, key: str, node: Node, rule: fields.Seconds) -> float | None:
        ok, value = self.scalar(node)
        if not ok or isinstance(value, bool) or not isinstance(value, (int, float)):
            if ok or not isinstance(node, ScalarNode):
                what = _kind(value, node)
                self.problems.at(node, f"{key!r} must be a number of seconds, not {what}")
            return None
        too_small = value < 0 if rule.allow_zero else value <= 0
        if value != value or too_small:
            least = "0 or more" if rule.allow_zero else "more than 0"
            self.problems.at(node, f"{key!r} must be {least} seconds, not {value:g}")
            return None
        if value > rule.most:
            most = f"the most allowed is {rule.most:g} (one hour)"
            self.problems.at(node, f"{key!r} is {value:g} seconds; {most}")
            return None
        return float(value)

    def count(self, key: str, node: Node, rule: fields.WholeNumber) -> int | None:
        ok, value = self.scalar(node)
        if not ok or isinstance(value, bool) or not isinstance(value, int):
            if ok or not isinstance(node, ScalarNode):
                self.problems.at(node, f"{key!r} must be a whole number, not {_kind(value, node)}")
            return None
        if not 1 <= value <= rule.most:
            self.problems.at(node, f"{key!r} must be from 1 to {rule.most}, not {value}")
            return None
        return value

    def choice(self, key: str, node: Node, rule: fields.Choice) -> Enum | None:
        ok, value = self.scalar(node)
        choices = rule.values
        if ok and isinstance(value, str) and value in choices:
            return rule.enum(value)
        if ok or not isinstance(node, ScalarNode):
            shown = value if ok else _kind(value, node)
            self.problems.at(node, f"{key!r} must be one of {', '.join(choices)}; not {shown!r}")
        return None

    def format(self, key: str, node: Node, rule: fields.FormatNumber) -> int | None:
        ok, value = self.scalar(node)
        if ok and value == rule.version and not isinstance(value, bool):
            return rule.version
        if ok or not isinstance(node, ScalarNode):
            self.problems.at(
                node,
                f"{key!r} must be {rule.version}: this NeuroCoach reads format "
                f"{rule.version} routine files, not {value!r}",
            )
        return None

    def ident(self, key: str, node: Node, rule: fields.Ident) -> str | None:
        ok, value = self.scalar(node)
        # fullmatch, as JSON Schema matches: Python's "$" would also allow a final newline
        if ok and isinstance(value, str) and re.fullmatch(rule.pattern, value):
            return value
        if ok or not isinstance(node, ScalarNode):
            self.problems.at(
                node,
                f"{key!r} must be a short name of lower-case letters, digits and dashes "
                f"(like quick-hands), not {value!r}",
            )
        return None

    # --- mappings ------------------------------------------------------------------------
    def mapping(
        self, node: Node, declared: dict[str, fields.Field], what: str
    ) -> dict[str, Any] | None:
        """Read a mapping against its declared fields; unknown keys get a did-you-mean."""
        if not isinstance(node, MappingNode):
            self.problems.at(node, f"{what} must be a mapping of 'key: value' lines")
            return None
        values: dict[str, Any] = {}
        seen: set[str] = set()
        for key_node, value_node in node.value:
            ok, key = self.scalar(key_node)
            if not ok or not isinstance(key, str):
                self.problems.at(key_node, f"keys in {what} must be plain words")
                continue
            if key in seen:
                self.problems.at(key_node, f"the key {key!r} appears twice in {what}")
                continue
            seen.add(key)
            field = declared.get(key)
            if field is None:
                close = difflib.get_close_matches(key, list(declared), n=1, cutoff=0.6)
                known = ", ".join(declared)
                hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {known}"
                self.problems.at(key_node, f"unknown key {key!r} in {what}{hint}")
                continue
            value = self.value(field, value_node)
            if value is not None:
                values[key] = value
        for key, field in declared.items():
            if field.required and key not in seen:
                kind = field.rule.kind
                self.problems.at(node, f"{what} is missing the required key {key!r} ({kind})")
        return values

    def routine(self, root: Node, path: Path | None) -> Routine | None:
        top = self.mapping(root, _ROUTINE_FIELDS, "the routine")
        if top is None or self.problems.problems:
            return None
        if any(key not in top for key, field in _ROUTINE_FIELDS.items() if field.required):
            return None
        del top["format"]  # checked; a Routine is the same whatever format it was read from
        return Routine(**top, path=path)

    def steps(self, node: Node) -> tuple[Step, ...] | None:
        if not isinstance(node, SequenceNode) or not node.value:
            self.problems.at(node, "'steps' must be a list with at least one step ('- title: ...')")
            return None
        steps = [self.step(item, number) for number, item in enumerate(node.value, start=1)]
        return tuple(s for s in steps if s is not None)

    def step(self, node: Node, number: int) -> Step | None:
        before = len(self.problems.problems)
        values = self.mapping(node, _STEP_FIELDS, f"step {number}")
        if values is None or len(self.problems.problems) > before:
            return None
        return Step(**values)  # the keys are Step's fields; one left out takes Step's default


_ROUTINE_FIELDS = {field.key: field for field in fields.ROUTINE_FIELDS}
_STEP_FIELDS = {field.key: field for field in fields.STEP_FIELDS}


def _kind(value: Any, node: Node) -> str:
    """Names what the author wrote, in words, for a type error."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(value, bool):
        return f"yes/no ({node.value})"
    if isinstance(value, str):
        return f"text ({value!r})"
    if value is None:
        return "empty"
    return repr(value)
