"""Korean messages of an office's PostgreSQL server (connections, server backups), merged into
`domain.messages.MESSAGES`. Like SQLite's, each says what was kept: nothing saved, the form
typed stays, the database as it was."""
from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    return text


SERVER_MESSAGES: dict[str, str] = {
    "db_server_unreachable": QT_TRANSLATE_NOOP(
        "messages", "서버에 연결할 수 없습니다: {server}\n서버 PC가 켜져 있는지, 네트워크 연결과 "
        "서버 주소·포트를 확인하십시오. 아무것도 저장하지 않았습니다. 연결된 뒤 다시 "
        "시도하십시오."),
    "db_server_login": QT_TRANSLATE_NOOP(
        "messages", "서버에 접속하지 못했습니다: {server}\n사용자 이름, 암호 또는 데이터베이스 이름이 "
        "맞지 않습니다. 사무실 전산 담당자에게 연결 설정을 확인받으십시오. 아무것도 저장하지 않았습니다."),
    "db_server_slow": QT_TRANSLATE_NOOP(
        "messages", "서버가 제한 시간 안에 작업을 끝내지 못해 취소했습니다: {server}\n아무것도 "
        "저장하지 않았습니다. 잠시 뒤 다시 시도하고, 계속되면 전산 담당자에게 알리십시오."),
    "restore_target_not_empty": QT_TRANSLATE_NOOP(
        "messages", "서버 백업은 빈 데이터베이스에만 복원합니다: {server}\n이 데이터베이스에는 이미 "
        "표가 있습니다. 서버에서 새 데이터베이스를 만든 뒤 그 주소로 복원하십시오. 아무것도 바꾸지 "
        "않았습니다."),
    "restore_failed": QT_TRANSLATE_NOOP(
        "messages", "복원하지 못했습니다 ({detail}). 복원은 한 번에 하므로 데이터베이스는 빈 "
        "그대로입니다."),
    "server_backup_list": QT_TRANSLATE_NOOP(
        "messages", "서버 데이터베이스의 백업은 파일로 만듭니다: 'pcrm backup --db 서버주소 "
        "[--out 파일]'. 이 명령({what})은 이 PC의 SQLite 파일에만 쓸 수 있습니다."),
    "db_server_permission": QT_TRANSLATE_NOOP(
        "messages", "이 PC가 쓰는 서버 계정에는 이 작업을 할 권한이 없습니다: {server}\n보존기간 파기, "
        "업그레이드, 서버 백업의 복원은 서버 관리자 계정(소유자)으로 하십시오. 아무것도 바꾸지 "
        "않았습니다."),
    "server_role_name": QT_TRANSLATE_NOOP(
        "messages", "데이터베이스 역할 이름이 올바르지 않습니다: {role} (영문 소문자, 숫자, _ 63자까지)."),
    "server_role_is_owner": QT_TRANSLATE_NOOP(
        "messages", "{role}은(는) 테이블을 가진 소유자 역할입니다. 직원 PC가 접속할 역할은 소유자와 "
                    "다른 이름이어야 합니다."),
    "server_role_superuser": QT_TRANSLATE_NOOP(
        "messages", "{role}은(는) 슈퍼유저(또는 행 보안 우회) 역할이라 권한 제한이 적용되지 않습니다. "
                    "직원 PC용으로 다른 역할 이름을 쓰십시오."),
}
