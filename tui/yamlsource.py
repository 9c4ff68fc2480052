"""Safe YAML loading that remembers where each value came from.

Only the safe loaders are ever used (yaml.SafeLoader, and its libyaml twin CSafeLoader
for speed): tags that would construct Python objects (`!!python/object/apply:…`) are
refused and reported, never run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

_TAG_IN_PROBLEM = re.compile(r"constructor for the tag '([^']*)'")


class YamlSourceError(ValueError):
    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.line = line


@dataclass
class YamlDocument:
    data: Any
    node: yaml.Node | None
    first_line: int = 1  # line in the file where this document's text starts

    def line_of(self, loc: tuple[Any, ...]) -> int | None:
        """1-based file line of the value at a path such as ('claims', 3, 'quote').

        Walks as deep as the path exists; a missing key points at its parent mapping.
        """
        node = self.node
        if node is None:
            return None
        line = node.start_mark.line
        for key in loc:
            child = None
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if getattr(key_node, "value", None) == key:
                        child, line = value_node, key_node.start_mark.line
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
                if 0 <= key < len(node.value):
                    child = node.value[key]
                    line = child.start_mark.line
            if child is None:
                break
            node = child
        return line + self.first_line


class _Checked:
    """Constructors that never escape with a bare ValueError (mixed into both loaders).

    PyYAML's own constructors raise ValueError/TypeError (not YAMLError) on an impossible
    date (`2016-13-45`) or an explicit `!!int foo`; that must be one file's problem, with
    its line, not a crash of the whole load.
    """

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)  # kept as text: the schema names the field

    def construct_mapping(self, node, deep=False):
        # PyYAML lets a repeated key silently replace the first: a second `claims:` block
        # would wipe out the first one. Refuse it, naming both lines.
        if isinstance(node, yaml.MappingNode):
            seen: dict[object, int] = {}
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    key = key_node.value
                    if key in seen:
                        raise yaml.constructor.ConstructorError(
                            None, None, f"duplicate key '{key}' (first on line {seen[key] + 1})", key_node.start_mark)
                    seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError) as err:
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read {node.value!r} as {node.tag.rsplit(':', 1)[-1]}: {err}",
                node.start_mark) from None


class _SafeLoader(_Checked, yaml.SafeLoader):
    pass


_SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _SafeLoader.construct_yaml_timestamp)

# libyaml's parser with the same safe constructors: about ten times faster, which matters
# when a corpus has tens of thousands of front matters. Anything it cannot load is loaded
# again by the pure-Python loader, so problems are reported with the same words and lines.
_CSafeLoader = None
if getattr(yaml, "__with_libyaml__", False):
    class _CSafeLoader(_Checked, yaml.CSafeLoader):  # type: ignore[no-redef]
        pass

    _CSafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _CSafeLoader.construct_yaml_timestamp)


def _load_fast(text: str, first_line: int) -> YamlDocument | None:
    if _CSafeLoader is None:
        return None
    try:
        loader = _CSafeLoader(text)
    except Exception:
        return None
    try:
        node = loader.get_single_node()
        if node is not None and "*" in text:  # no alias without a '*': most files need no walk
            _check_expansion(node, len(text), first_line)
        data = loader.construct_document(node) if node is not None else None
    except YamlSourceError:
        raise
    except Exception:  # any trouble: the pure-Python loader says what it is
        return None
    finally:
        loader.dispose()
    return YamlDocument(data, node, first_line)


# Aliases let a small file stand for a huge document (`[&s "<200 KB>", *s, *s, …]`, or the
# "billion laughs" nesting): every consumer would then walk the expanded size. A curated
# brief has no need of many aliases, so past these limits the file is refused, unread.
MAX_ALIASES = 100
MAX_EXPANSION = 4  # expanded text may be this many times the file, plus EXPANSION_SLACK
EXPANSION_SLACK = 64 * 1024


def _check_expansion(root: yaml.Node, text_length: int, first_line: int) -> None:
    """Refuse a document whose aliases repeat too much (counted without expanding it)."""
    sizes: dict[int, int] = {}
    references: dict[int, int] = {}
    limit = MAX_EXPANSION * text_length + EXPANSION_SLACK
    aliases = 0

    def size(node: yaml.Node, depth: int) -> int:
        nonlocal aliases
        key = id(node)
        references[key] = references.get(key, 0) + 1
        if references[key] > 1:
            aliases += 1
            if aliases > MAX_ALIASES:
                raise YamlSourceError(f"YAML error: more than {MAX_ALIASES} alias references (*name); "
                                      "refused (a brief needs none: write the values out)", node.start_mark.line + first_line)
        if key in sizes:
            if sizes[key] < 0:
                raise YamlSourceError("YAML error: an alias refers to the collection that contains it; refused",
                                      node.start_mark.line + first_line)
            return sizes[key]
        if depth > 200:
            raise YamlSourceError("YAML error: nested too deeply", node.start_mark.line + first_line)
        sizes[key] = -1
        if isinstance(node, yaml.ScalarNode):
            total = len(node.value) + 1
        elif isinstance(node, yaml.SequenceNode):
            total = 1 + sum(size(child, depth + 1) for child in node.value)
        else:
            total = 1 + sum(size(k, depth + 1) + size(v, depth + 1) for k, v in node.value)
        sizes[key] = total
        return total

    total = size(root, 0)
    if total > limit:
        raise YamlSourceError(f"YAML error: aliases expand this file to about {total:,} characters "
                              f"({total // max(1, text_length)}× its size); refused", None)


def _reader_problem(err: "yaml.reader.ReaderError", text: str, first_line: int) -> YamlSourceError:
    code = err.character if isinstance(err.character, int) else ord(str(err.character)[:1] or "\0")
    position = max(0, err.position)
    line = text.count("\n", 0, position) + first_line
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return YamlSourceError(f"YAML error: control character U+{code:04X} at column {column} is not allowed in YAML; "
                           "remove it (or write it as an escape such as \\x1b inside double quotes)", line)


def load_yaml(text: str, first_line: int = 1) -> YamlDocument:
    """Parse one YAML document safely. Raises YamlSourceError with a file line."""
    fast = _load_fast(text, first_line)
    if fast is not None:
        return fast
    try:
        loader = _SafeLoader(text)  # the reader refuses control characters here, before parsing
    except yaml.reader.ReaderError as err:
        raise _reader_problem(err, text, first_line) from None
    try:
        node = loader.get_single_node()
        if node is not None and "*" in text:  # no alias without a '*': most files need no walk
            _check_expansion(node, len(text), first_line)
        data = loader.construct_document(node) if node is not None else None
    except yaml.reader.ReaderError as err:
        raise _reader_problem(err, text, first_line) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = err.problem or str(err)
        if err.context_mark is not None and "stream end" in problem:
            # Something opened and never closed: point at where it was opened.
            problem = f"{err.context} on this line is never closed ({problem})"
            mark = err.context_mark
        line = mark.line + first_line if mark else None
        tag = _TAG_IN_PROBLEM.search(problem) if isinstance(err, yaml.constructor.ConstructorError) else None
        if tag:
            name = tag.group(1).replace("tag:yaml.org,2002:", "!!")
            problem = f"refused a YAML tag that would construct an object ({name})"
        raise YamlSourceError(f"YAML error: {problem}", line) from None
    except yaml.YAMLError as err:
        raise YamlSourceError(f"YAML error: {err}", None) from None
    except RecursionError:
        raise YamlSourceError("YAML error: nested too deeply", None) from None
    finally:
        loader.dispose()
    return YamlDocument(data, node, first_line)
