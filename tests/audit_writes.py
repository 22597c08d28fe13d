"""Every audit action string the code in `bot/` can write, read from the source.

A write is a call to `record_audit(...)` or `AuditEntry.create(...)`, or a `**helper(...)`
in one whose helper returns the keyword dict. Its `action=` is resolved statically: string
literals, `a if c else b`, module constants (imported ones too), a module dict indexed
(`OUTCOME_ACTIONS[outcome]`), a parameter of the enclosing function (through every call of
that function in the module) and f-strings (each placeholder resolved the same way, or by
`EXPANSIONS` for an enum's value). Anything else is reported as unresolved, so a new kind
of write fails the test instead of slipping by.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.services.client_bulk import BulkAction
from models.broadcast import BroadcastStatus

ROOT = Path(__file__).resolve().parent.parent
BOT = ROOT / "bot"
Func = ast.FunctionDef | ast.AsyncFunctionDef

# placeholders of f-string actions that no static reading can follow: (file, expression)
EXPANSIONS: dict[tuple[str, str], frozenset[str]] = {
    ("bot/services/broadcast.py", "to.value"): frozenset(s.value for s in BroadcastStatus),
    ("bot/services/client_bulk.py", "target.action.value"): frozenset(a.value for a in BulkAction),
}
CLIENT_KEYS = ("client", "client_id")


class Unresolved(Exception):
    """An action expression this reader cannot follow (say where, and how to fix it)."""


@dataclass(frozen=True, slots=True)
class Write:
    where: str
    actions: frozenset[str]
    # the entry may name a client (so it can show in that client's History)
    linked: bool


@dataclass(frozen=True, slots=True)
class Module:
    path: str
    tree: ast.Module
    parents: dict[ast.AST, ast.AST]

    def enclosing(self, node: ast.AST) -> Func | None:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, Func):
                return node
        return None

    def functions(self, name: str) -> list[Func]:
        return [n for n in ast.walk(self.tree) if isinstance(n, Func) and n.name == name]

    def calls_of(self, name: str) -> list[ast.Call]:
        return [
            n
            for n in ast.walk(self.tree)
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == name
        ]

    def assigned(self, name: str) -> ast.expr | None:
        for node in self.tree.body:
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets
            ):
                return node.value
            if (
                isinstance(node, ast.AnnAssign)
                and isinstance(node.target, ast.Name)
                and node.target.id == name
                and node.value is not None
            ):
                return node.value
        return None

    def imported_from(self, name: str) -> str | None:
        for node in self.tree.body:
            if isinstance(node, ast.ImportFrom) and any(
                (alias.asname or alias.name) == name for alias in node.names
            ):
                return node.module
        return None


@cache
def load(path: str) -> Module:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    return Module(path, tree, parents)


def _module_path(dotted: str) -> str | None:
    path = ROOT / (dotted.replace(".", "/") + ".py")
    return str(path.relative_to(ROOT)) if path.is_file() else None


def _parameter(func: Func, name: str) -> int | None:
    params = [*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs]
    names = [p.arg for p in params]
    return names.index(name) if name in names else None


def _argument(call: ast.Call, func: Func, name: str) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    index = _parameter(func, name)
    positional = len(func.args.posonlyargs) + len(func.args.args)
    if index is not None and index < positional and index < len(call.args):
        return call.args[index]
    return None


def _name(module: Module, node: ast.Name) -> frozenset[str]:
    func = module.enclosing(node)
    if func is not None and _parameter(func, node.id) is not None:
        values: set[str] = set()
        calls = module.calls_of(func.name)
        if not calls:
            raise Unresolved(f"{module.path}: {func.name}() is never called in its module")
        for call in calls:
            argument = _argument(call, func, node.id)
            if argument is None:
                raise Unresolved(f"{module.path}:{call.lineno}: {node.id} not passed")
            values |= resolve(module, argument)
        return frozenset(values)
    value = module.assigned(node.id)
    if value is not None:
        return resolve(module, value)
    source = module.imported_from(node.id)
    path = _module_path(source) if source else None
    if path is not None:
        return _name(load(path), ast.Name(id=node.id))
    raise Unresolved(f"{module.path}:{getattr(node, 'lineno', 0)}: cannot follow {node.id}")


def _fstring(module: Module, node: ast.JoinedStr) -> frozenset[str]:
    parts: list[frozenset[str]] = []
    for value in node.values:
        if isinstance(value, ast.Constant):
            parts.append(frozenset({str(value.value)}))
        elif isinstance(value, ast.FormattedValue):
            key = (module.path, ast.unparse(value.value))
            if key in EXPANSIONS:
                parts.append(EXPANSIONS[key])
            else:
                parts.append(resolve(module, value.value))
    return frozenset("".join(combo) for combo in itertools.product(*parts))


def resolve(module: Module, node: ast.expr) -> frozenset[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return frozenset({node.value})
    if isinstance(node, ast.IfExp):
        return resolve(module, node.body) | resolve(module, node.orelse)
    if isinstance(node, ast.Name):
        return _name(module, node)
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        table = module.assigned(node.value.id)
        if isinstance(table, ast.Dict):
            return frozenset().union(*(resolve(module, v) for v in table.values))
    if isinstance(node, ast.JoinedStr):
        return _fstring(module, node)
    hint = "add it to tests/audit_writes.py EXPANSIONS"
    raise Unresolved(f"{module.path}:{node.lineno}: cannot follow {ast.unparse(node)} ({hint})")


def _is_writer(call: ast.Call) -> bool:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id == "record_audit"
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "create"
        and isinstance(func.value, ast.Name)
        and func.value.id == "AuditEntry"
    )


def _linked(value: ast.expr | None) -> bool:
    return value is not None and not (isinstance(value, ast.Constant) and value.value is None)


def _returned_dicts(module: Module, helper: ast.expr) -> list[dict[str, ast.expr]]:
    """`record_audit(**helper(...))`: the dicts the helper returns hold the keywords."""
    if not isinstance(helper, ast.Call) or not isinstance(helper.func, ast.Name):
        raise Unresolved(f"{module.path}:{helper.lineno}: cannot follow **{ast.unparse(helper)}")
    found = [
        dict(zip(node.value.keys, node.value.values, strict=True))
        for func in module.functions(helper.func.id)
        for node in ast.walk(func)
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Dict)
    ]
    if not found:
        raise Unresolved(f"{module.path}:{helper.lineno}: {helper.func.id}() returns no dict")
    return [{k.value: v for k, v in d.items() if isinstance(k, ast.Constant)} for d in found]


def _writes_in(module: Module) -> Iterator[Write]:
    for call in ast.walk(module.tree):
        if not isinstance(call, ast.Call) or not _is_writer(call):
            continue
        explicit = {k.arg: k.value for k in call.keywords if k.arg is not None}
        spread = [k.value for k in call.keywords if k.arg is None]
        variants = [explicit] if not spread else []
        for helper in spread:
            variants += [{**entries, **explicit} for entries in _returned_dicts(module, helper)]
        for keywords in variants:
            if "action" not in keywords:
                raise Unresolved(f"{module.path}:{call.lineno}: an audit write without action=")
            linked = any(_linked(keywords.get(key)) for key in CLIENT_KEYS)
            actions = resolve(module, keywords["action"])
            yield Write(f"{module.path}:{call.lineno}", actions, linked)


def audit_writes() -> list[Write]:
    """Every audit write in `bot/` (the audit service's own pass-through excluded)."""
    writes: list[Write] = []
    for path in sorted(BOT.rglob("*.py")):
        relative = str(path.relative_to(ROOT))
        if relative == "bot/services/audit.py":
            continue
        writes.extend(_writes_in(load(relative)))
    return writes
