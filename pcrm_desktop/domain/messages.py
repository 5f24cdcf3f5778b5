"""Korean messages for every domain error code.

Each text is wrapped in QT_TRANSLATE_NOOP so that `pyside6-lupdate` collects it into the
translation sources; the function itself is a plain identity, so this module needs no Qt.
"""
from __future__ import annotations

from pcrm_desktop.domain.errors import DomainError


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    return text


CONTEXT = "messages"

MESSAGES: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("messages", "{label}을(를) 입력하십시오."),
    "too_long": QT_TRANSLATE_NOOP("messages", "{label}은(는) {max}자 이내로 입력하십시오."),
    "office_code_format": QT_TRANSLATE_NOOP(
        "messages", "기관 코드는 숫자 7자리입니다. 예: 1111051"),
    "phone_format": QT_TRANSLATE_NOOP(
        "messages", "전화번호 형식이 올바르지 않습니다. 예: 02-123-4567"),
    "office_hours_order": QT_TRANSLATE_NOOP(
        "messages", "업무 시간이 올바르지 않습니다. 시작 < 점심 시작 < 점심 끝 < 종료 순서여야 합니다."),
    "login_format": QT_TRANSLATE_NOOP(
        "messages", "로그인 ID는 영문 소문자·숫자·점·밑줄·하이픈 3~32자입니다. 예: kim.cs"),
    "login_taken": QT_TRANSLATE_NOOP("messages", "로그인 ID '{login}'은(는) 이미 사용 중입니다."),
    "department_duplicate": QT_TRANSLATE_NOOP("messages", "부서 '{name}'이(가) 이미 있습니다."),
    "departments_empty": QT_TRANSLATE_NOOP("messages", "부서를 하나 이상 입력하십시오."),
    "role_unknown": QT_TRANSLATE_NOOP("messages", "알 수 없는 역할입니다: {role}"),
    "already_set_up": QT_TRANSLATE_NOOP(
        "messages", "이 데이터베이스는 이미 초기 설정이 끝났습니다."),
    "not_set_up": QT_TRANSLATE_NOOP(
        "messages", "초기 설정이 아직 되지 않았습니다. 프로그램을 실행해 기관 정보를 먼저 입력하십시오."),
    "staff_not_found": QT_TRANSLATE_NOOP("messages", "직원 '{login}'을(를) 찾을 수 없습니다."),
    "last_admin": QT_TRANSLATE_NOOP(
        "messages", "활성 관리자가 최소 한 명은 있어야 합니다."),
    "demo_not_empty": QT_TRANSLATE_NOOP(
        "messages", "데모 데이터는 빈 데이터베이스에만 만들 수 있습니다. 실제 자료와 섞이지 않도록 새 파일을 --db로 지정하십시오."),
    "db_missing": QT_TRANSLATE_NOOP("messages", "데이터베이스 파일이 없습니다: {path}"),
    "db_not_database": QT_TRANSLATE_NOOP(
        "messages", "이 파일은 PCRM 데이터베이스가 아닙니다(SQLite 파일이 아님): {path}\n"
        "파일은 그대로 두었습니다. 올바른 파일을 지정하거나 백업에서 복원하십시오."),
    "db_damaged": QT_TRANSLATE_NOOP(
        "messages", "데이터베이스가 손상되었습니다: {detail}\n"
        "파일에는 아무것도 쓰지 않았습니다. 최근 백업에서 복원하십시오."),
    "db_too_new": QT_TRANSLATE_NOOP(
        "messages", "이 데이터베이스는 더 새로운 버전의 PCRM Desktop이 만든 것입니다(스키마 {revision}).\n"
        "파일은 그대로 두었습니다. 프로그램을 최신 버전으로 업데이트하십시오."),
    "db_not_pcrm": QT_TRANSLATE_NOOP(
        "messages", "SQLite 파일이지만 PCRM 데이터베이스가 아닙니다: {path}\n파일은 그대로 두었습니다."),
    "db_outdated": QT_TRANSLATE_NOOP(
        "messages", "데이터베이스 스키마가 최신이 아닙니다({current} → {head}). 'pcrm init'으로 업그레이드하십시오."),
    "db_unwritable": QT_TRANSLATE_NOOP(
        "messages", "데이터베이스 폴더에 쓸 수 없습니다: {path}\n폴더 권한을 확인하거나 --db로 다른 위치를 지정하십시오."),
}


FIELD_LABELS: dict[str, str] = {
    "office_name": QT_TRANSLATE_NOOP("messages", "기관 이름"),
    "office_address": QT_TRANSLATE_NOOP("messages", "주소"),
    "department_name": QT_TRANSLATE_NOOP("messages", "부서 이름"),
    "staff_name": QT_TRANSLATE_NOOP("messages", "직원 이름"),
    "login": QT_TRANSLATE_NOOP("messages", "로그인 ID"),
}


def message_template(code: str) -> str:
    return MESSAGES.get(code, code)


def korean_message(error: DomainError) -> str:
    """The Korean text for an error, for the command line and logs."""
    params = dict(error.params)
    if error.field in FIELD_LABELS:
        params.setdefault("label", FIELD_LABELS[error.field])
    return format_message(message_template(error.code), params)


def format_message(template: str, params: dict[str, object]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
