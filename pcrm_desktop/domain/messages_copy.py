"""Korean messages of `pcrm copy-to` (moving an office's file to the server), merged into
`domain.messages.MESSAGES`. Each says what was left as it was: the file is never written, and a
refused or failed copy leaves the server database as empty as it was."""
from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    return text


COPY_MESSAGES: dict[str, str] = {
    "copy_source_not_file": QT_TRANSLATE_NOOP(
        "messages", "복사할 원본은 이 PC의 데이터베이스 파일이어야 합니다: {url}\n"
        "--db에 파일 경로(예: C:/PCRM/pcrm.db)를 지정하십시오. 아무것도 바꾸지 않았습니다."),
    "copy_target_not_server": QT_TRANSLATE_NOOP(
        "messages", "복사할 곳은 PostgreSQL 서버의 데이터베이스여야 합니다: {url}\n"
        "postgresql://사용자@서버:5432/데이터베이스 형식으로 지정하십시오. 파일끼리의 사본은 "
        "'pcrm backup --out'으로 만드십시오. 아무것도 바꾸지 않았습니다."),
    "copy_source_outdated": QT_TRANSLATE_NOOP(
        "messages", "원본 파일의 스키마({revision})가 이 버전({head})과 다릅니다: {path}\n"
        "원본은 읽기만 하므로 여기서 업그레이드하지 않습니다. 먼저 'pcrm init --db 파일'로 "
        "업그레이드(백업을 먼저 만듦)한 뒤 다시 복사하십시오. 아무것도 바꾸지 않았습니다."),
    "copy_source_chain": QT_TRANSLATE_NOOP(
        "messages", "원본 파일의 접속기록을 이 PC에서 검증할 수 없어 복사하지 않았습니다: {path}\n"
        "{entry}번 기록에서 멈춤({problem}, {key}). 서버에 도착한 뒤에도 검증할 수 없기 때문입니다. "
        "'pcrm audit verify --db 파일'로 원인을 확인하십시오. 다른 PC의 키가 없으면 그 PC에서 키를 "
        "내보내 이 PC로 가져오십시오. 파일과 서버 모두 바꾸지 않았습니다."),
    "copy_target_not_empty": QT_TRANSLATE_NOOP(
        "messages", "비어 있지 않은 데이터베이스에는 복사하지 않습니다: {server}\n이미 있는 것: {what}\n"
        "서버에 새 빈 데이터베이스를 만들어 그곳으로 복사하십시오('pcrm init'이나 프로그램으로 먼저 "
        "열지 마십시오: 여는 순간 접속기록이 시작됩니다). 아무것도 바꾸지 않았습니다."),
    "copy_row_refused": QT_TRANSLATE_NOOP(
        "messages", "서버가 원본의 {table} 표 자료를 받지 않아 복사를 취소했습니다: {detail}\n"
        "서버 데이터베이스는 복사 전처럼 비어 있고 원본 파일은 바뀌지 않았습니다."),
    "copy_mismatch": QT_TRANSLATE_NOOP(
        "messages", "복사한 결과가 원본과 달라 복사를 취소했습니다: {what}\n"
        "서버 데이터베이스는 복사 전처럼 비어 있고 원본 파일은 바뀌지 않았습니다. 전산 담당자에게 "
        "알리십시오."),
    "copy_chain_broken": QT_TRANSLATE_NOOP(
        "messages", "서버에 도착한 접속기록이 원본처럼 검증되지 않아 복사를 취소했습니다"
        "({entry}번 기록, {problem}).\n서버 데이터베이스는 복사 전처럼 비어 있고 원본 파일은 "
        "바뀌지 않았습니다. 전산 담당자에게 알리십시오."),
}
