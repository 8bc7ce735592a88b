"""Reads routine files (YAML, format 1) into `Routine` values, or says exactly what is wrong.

Routine files are written by people, often by hand, so every problem is reported as
``file:line:column: message`` (as compilers do) and all problems in a file are reported at
once. Loading is safe (`safe_yaml`): only plain YAML scalars, lists and mappings are accepted;
any tag such as ``!!python/object`` is refused, and so are oversized files, FIFOs and devices,
deep nesting and alias bombs. The keys and
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

from neurocoach.core import safe_yaml
from neurocoach.core.routine import fields, illustrations
from neurocoach.core.routine.model import Routine, Step


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
        text = safe_yaml.read_text(path)
    except FileNotFoundError as error:
        problem = Problem(name, 1, 1, f"cannot read the file: {error.strerror}")
        raise RoutineFileError([problem]) from None
    except safe_yaml.RefusedYamlError as refused:
        raise _file_error(name, refused) from None
    return load_routine_text(text, name, path=path)


def load_routine_text(text: str, name: str, path: Path | None = None) -> Routine:
    """Load a routine from YAML text; ``name`` is used in messages."""
    problems = _Collector(name)
    try:
        root = safe_yaml.compose(text, "routine files")
    except safe_yaml.RefusedYamlError as refused:
        raise _file_error(name, refused) from None
    if root is None:
        raise RoutineFileError([Problem(name, 1, 1, "the file is empty")])
    routine = _Reader(problems).routine(root, path)
    if routine is None and not problems.problems:  # never fail without saying why
        problems.at(root, "this is not a routine file")
    if problems.problems or routine is None:
        raise RoutineFileError(problems.problems)
    return routine


def _file_error(name: str, refused: safe_yaml.RefusedYamlError) -> RoutineFileError:
    return RoutineFileError([Problem(name, r.line, r.column, r.message) for r in refused.refusals])


class _Reader:
    """Turns a composed YAML tree into a Routine, recording a problem for each bad value."""

    def __init__(self, problems: _Collector) -> None:
        self.problems = problems
        self._constructor = SafeConstructor()

    # --- scalars -------------------------------------------------------------------------
    def scalar(self, node: Node) -> tuple[bool, Any]:
        if not isinstance(node, ScalarNode):
            return False, None
        if node.tag not in safe_yaml.SCALAR_TAGS:
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
            case fields.ChoiceList():
                return self.choice_list(key, node, rule)
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

    def choice_list(self, key: str, node: Node, rule: fields.ChoiceList) -> frozenset[Enum] | None:
        if not isinstance(node, SequenceNode):
            example = ", ".join(rule.item.values)
            self.problems.at(node, f"{key!r} must be a list in brackets, like [{example}]")
            return None
        chosen: set[Enum] = set()
        for item in node.value:
            member = self.choice(key, item, rule.item)
            if member is not None and member in chosen:
                self.problems.at(item, f"{member.value!r} appears twice in {key!r}")
            elif member is not None:
                chosen.add(member)
        return frozenset(chosen)

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
