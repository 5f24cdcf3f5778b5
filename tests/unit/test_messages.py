"""Every error code the program raises has a Korean message, and the messages fill completely."""
from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

import pcrm_desktop
from pcrm_desktop.domain.errors import (
    ConflictError,
    DatabaseError,
    DomainError,
    NotFoundError,
    ValidationError,
)
from pcrm_desktop.domain.messages import FIELD_LABELS, MESSAGES, korean_message
from pcrm_desktop.domain.office import (
    OfficeProfile,
    validate_department_names,
    validate_staff,
)

PACKAGE = Path(pcrm_desktop.__file__).resolve().parent
SOURCES = sorted(PACKAGE.rglob("*.py"))
ERROR_CLASSES = ("ValidationError", "ConflictError", "NotFoundError", "DatabaseError",
                 "DomainError")
RAISED = re.compile(r"\b(?:" + "|".join(ERROR_CLASSES) + r")\(\s*[\"']([^\"']+)[\"']")


def _raised_codes() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        for match in RAISED.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.setdefault(match.group(1), []).append(f"{path.relative_to(PACKAGE)}:{line}")
    return found


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_scan_finds_the_known_codes():
    """Guards the regex itself: if it found nothing, the next test would pass vacuously."""
    codes = _raised_codes()
    assert {"required", "login_taken", "last_admin", "db_not_database", "db_too_new",
            "demo_not_empty", "role_unknown"} <= set(codes)


def test_every_raised_code_has_a_message():
    missing = {code: where for code, where in _raised_codes().items() if code not in MESSAGES}
    assert missing == {}


def _error_calls():
    """(location, code, field, keyword names) of every literal `XError("code", ...)` call."""
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ERROR_CLASSES and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                continue
            keywords = {k.arg: k.value for k in node.keywords if k.arg}
            field = keywords.pop("field", None)
            if len(node.args) > 1:
                field = node.args[1]
            yield (f"{path.relative_to(PACKAGE)}:{node.lineno}", node.args[0].value, field,
                   set(keywords))


def test_every_raise_passes_the_parameters_its_message_needs():
    problems = []
    calls = list(_error_calls())
    assert calls, "the AST scan found no error calls"
    for where, code, field, keywords in calls:
        needed = _placeholders(MESSAGES.get(code, "")) - keywords
        if "label" in needed:
            needed.discard("label")
            # A literal field must have a label; a variable field is checked at `require` below.
            if isinstance(field, ast.Constant) and field.value not in FIELD_LABELS:
                problems.append(f"{where}: {code} needs a label for field {field.value!r}")
            elif field is None:
                problems.append(f"{where}: {code} needs {{label}} but has no field")
        if needed:
            problems.append(f"{where}: {code} lacks {sorted(needed)}")
    assert problems == []


def test_every_field_given_to_require_has_a_label():
    """`require(value, "field", ...)` raises required/too_long, whose messages show {label}."""
    fields = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id == "require" and len(node.args) >= 2 \
                    and isinstance(node.args[1], ast.Constant):
                fields.append(node.args[1].value)
    assert "office_name" in fields  # the scan works
    assert sorted(set(fields) - set(FIELD_LABELS)) == []


def test_message_templates_are_well_formed():
    for code, template in MESSAGES.items():
        placeholders = _placeholders(template)  # raises ValueError on a broken brace
        assert all(p.isidentifier() for p in placeholders), code


def _dummy_params(template: str) -> dict[str, object]:
    return {name: f"<{name}>" for name in _placeholders(template) if name != "label"}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_fills_completely(code):
    template = MESSAGES[code]
    field = "office_name" if "{label}" in template else None
    text = korean_message(DomainError(code, field=field, **_dummy_params(template)))
    assert "{" not in text and "}" not in text
    if field:
        assert FIELD_LABELS["office_name"] in text
    for value in _dummy_params(template).values():
        assert value in text


@pytest.mark.parametrize("field, label", sorted(FIELD_LABELS.items()))
def test_label_comes_from_the_field(field, label):
    from pcrm_desktop.domain.messages import with_particles
    text = korean_message(ValidationError("required", field=field))
    assert text == with_particles(f"{label}을(를) 입력하십시오.")
    assert text.startswith(label) and "(를)" not in text   # every label ends in a sound we read


def test_real_errors_read_naturally():
    def message(call, *args):
        with pytest.raises(DomainError) as caught:
            call(*args)
        return korean_message(caught.value)

    assert message(OfficeProfile("").validated) == "기관 이름을 입력하십시오."
    assert message(OfficeProfile("가" * 101).validated) == "기관 이름은 100자 이내로 입력하십시오."
    assert message(validate_department_names, ["복지팀", "복지팀"]) == "부서 '복지팀'이 이미 있습니다."
    assert message(validate_staff, "김철수", "kim", "boss") == "알 수 없는 역할입니다: boss"
    assert message(validate_staff, "김철수", "k" * 40, "clerk") == \
        "로그인 ID는 32자 이내로 입력하십시오."
    assert "{" not in korean_message(ConflictError("login_taken", field="login", login="hong"))
    assert "'hong'" in korean_message(ConflictError("login_taken", field="login", login="hong"))
    assert korean_message(NotFoundError("staff_not_found", login="kim")) == \
        "직원 'kim'을 찾을 수 없습니다."
    assert "/tmp/x.db" in korean_message(DatabaseError("db_not_database", path="/tmp/x.db"))


def test_unknown_code_falls_back_to_the_code():
    assert korean_message(DomainError("no_such_code")) == "no_such_code"
