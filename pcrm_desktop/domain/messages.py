"""Korean messages for every domain error code.

Each text is wrapped in QT_TRANSLATE_NOOP so that `pyside6-lupdate` collects it into the
translation sources; the function itself is a plain identity, so this module needs no Qt.
"""
from __future__ import annotations

from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.domain.field_labels import FIELD_LABELS as FIELD_LABELS  # used from here too
from pcrm_desktop.domain.messages_copy import COPY_MESSAGES
from pcrm_desktop.domain.messages_server import SERVER_MESSAGES
from pcrm_desktop.domain.particles import with_particles as with_particles  # used from here too


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
        "messages", "데모 데이터는 빈 데이터베이스에만 만들 수 있습니다. "
                    "실제 자료와 섞이지 않도록 새 파일을 --db로 지정하십시오."),
    "demo_now_format": QT_TRANSLATE_NOOP(
        "messages", "데모의 기준 시각(--now)을 알 수 없습니다: {value}\n"
                    "실제 있는 날짜와 시각을 'YYYY-MM-DD HH:MM' 형식으로 입력하십시오. 예: 2026-12-08 14:30"),
    "backup_failed": QT_TRANSLATE_NOOP(
        "messages", "업그레이드 전 백업을 만들지 못해 업그레이드하지 않았습니다: {detail}\n"
        "디스크 공간과 폴더 권한을 확인하십시오."),
    "forbidden": QT_TRANSLATE_NOOP("messages", "이 작업을 할 권한이 없습니다({role})."),
    "password_length": QT_TRANSLATE_NOOP(
        "messages", "비밀번호를 입력하십시오 ({most}자 이내)."),
    "password_characters": QT_TRANSLATE_NOOP(
        "messages", "비밀번호에 공백이나 제어 문자를 앞뒤에 넣을 수 없습니다."),
    "password_weak": QT_TRANSLATE_NOOP(
        "messages", "비밀번호는 영문 대문자·소문자·숫자·특수문자 중 세 종류 이상으로 8자 이상, "
                    "또는 두 종류 이상으로 10자 이상이어야 합니다."),
    "password_has_login": QT_TRANSLATE_NOOP(
        "messages", "비밀번호에 로그인 ID를 넣을 수 없습니다."),
    "password_repeats": QT_TRANSLATE_NOOP(
        "messages", "같은 문자를 네 번 이상 잇달아 쓸 수 없습니다."),
    "password_common": QT_TRANSLATE_NOOP(
        "messages", "너무 흔하거나 자판 순서대로인 비밀번호입니다. 다른 비밀번호를 정하십시오."),
    "password_same": QT_TRANSLATE_NOOP(
        "messages", "지금 쓰는 비밀번호와 다른 비밀번호를 정하십시오."),
    "password_mismatch": QT_TRANSLATE_NOOP(
        "messages", "새 비밀번호와 확인이 서로 다릅니다."),
    "login_failed": QT_TRANSLATE_NOOP(
        "messages", "로그인 ID 또는 비밀번호가 맞지 않습니다. 비밀번호를 {count}번 잇달아 틀리면 계정이 잠깁니다."),
    "login_failed_plain": QT_TRANSLATE_NOOP(
        "messages", "로그인 ID 또는 비밀번호가 맞지 않습니다."),
    "account_locked": QT_TRANSLATE_NOOP(
        "messages", "비밀번호를 {count}번 틀려 계정이 잠겼습니다. 관리자에게 비밀번호 초기화를 요청하십시오."),
    "account_locked_wait": QT_TRANSLATE_NOOP(
        "messages", "비밀번호를 {count}번 틀려 계정이 잠겼습니다. "
                    "잠기지 않은 다른 관리자가 없으므로 {minutes}분 뒤에 다시 로그인할 수 있습니다."),
    "account_inactive": QT_TRANSLATE_NOOP(
        "messages", "사용이 중지된 계정입니다. 관리자에게 문의하십시오."),
    "password_not_set": QT_TRANSLATE_NOOP(
        "messages", "이 계정에는 아직 비밀번호가 없습니다. 관리자에게 임시 비밀번호를 받으십시오."),
    "password_change_required": QT_TRANSLATE_NOOP(
        "messages", "임시 비밀번호입니다. 새 비밀번호로 바꾼 뒤에 사용할 수 있습니다."),
    "password_wrong": QT_TRANSLATE_NOOP(
        "messages", "지금 비밀번호가 맞지 않습니다."),
    "idle_minutes": QT_TRANSLATE_NOOP(
        "messages", "자동 잠금 시간은 {low}~{high}분 사이로 정하십시오."),
    "password_file_open": QT_TRANSLATE_NOOP(
        "messages", "비밀번호 파일을 다른 사용자도 읽을 수 있습니다: {path}. "
                    "예약 작업 계정만 읽도록 권한을 바꾸십시오 (예: chmod 600)."),
    "password_file": QT_TRANSLATE_NOOP(
        "messages", "비밀번호 파일을 읽을 수 없습니다: {path} ({detail})"),
    "audit_broken": QT_TRANSLATE_NOOP(
        "messages", "접속기록이 손상되었습니다: {entry}번 기록부터 맞지 않습니다 ({problem})."),
    "restore_other_database": QT_TRANSLATE_NOOP(
        "messages", "{name}은(는) 다른 데이터베이스의 백업입니다 (백업 {backup_id}…, 지금 데이터베이스 {live_id}…). "
                    "복원하면 이 데이터베이스의 기록이 모두 그 데이터베이스의 것으로 바뀝니다. "
                    "정말 그 데이터베이스로 바꾸려면 한 번 더 확인하십시오 (명령줄: --other-database)."),
    "audit_witness_alarm": QT_TRANSLATE_NOOP(
        "messages", "접속기록을 검증할 수 없습니다: {problem}. 누가 지웠거나 바꿨을 수 있습니다. "
                    "확인한 뒤 관리자가 pcrm audit reanchor --reason \"사유\"로 기준점을 다시 정하십시오 "
                    "(접속기록에 남습니다)."),
    "audit_reanchor_broken": QT_TRANSLATE_NOOP(
        "messages", "접속기록이 {entry}번 기록부터 맞지 않아({problem}) 기준점을 다시 정할 수 없습니다. "
                    "기준점을 다시 정하면 손상이 가려지므로, 먼저 손상된 기록을 백업과 대조하십시오."),
    "audit_key_unknown": QT_TRANSLATE_NOOP(
        "messages", "이 PC에 서명 키 {key}이(가) 없습니다."),
    "audit_key_unreadable": QT_TRANSLATE_NOOP(
        "messages", "접속기록 서명 키 파일을 읽을 수 없습니다: {path}"),
    "audit_key_unwritable": QT_TRANSLATE_NOOP(
        "messages", "접속기록 서명 키를 저장할 수 없습니다: {path} ({detail})"),
    "cli_login_required": QT_TRANSLATE_NOOP(
        "messages", "이 명령은 개인정보를 다루므로 직원 계정이 필요합니다. "
                    "--user 로그인ID를 주고 비밀번호를 입력하거나, 예약 작업이면 환경 변수 PCRM_USER와 "
                    "PCRM_PASSWORD_FILE(비밀번호 한 줄이 든 파일)을 지정하십시오."),
    "cli_password_no_terminal": QT_TRANSLATE_NOOP(
        "messages", "--user {login}의 비밀번호를 물을 터미널이 없습니다. "
                    "비밀번호는 표준 입력(파이프)으로 받지 않습니다. "
                    "터미널에서 실행해 직접 입력하거나, 예약 작업이면 환경 변수 PCRM_PASSWORD_FILE에 "
                    "비밀번호 한 줄만 든 파일(그 계정만 읽을 수 있게 둔 것)을 지정하십시오."),
    "rrn_in_name": QT_TRANSLATE_NOOP(
        "messages", "이름 칸에 주민등록번호 형태의 숫자가 있습니다. 주민등록번호는 수집하지 않습니다."),
    "birth_year_range": QT_TRANSLATE_NOOP("messages", "출생연도는 1900~{max} 사이여야 합니다."),
    "birth_year_format": QT_TRANSLATE_NOOP(
        "messages", "출생연도 형식이 올바르지 않습니다: {value}. 예: 1968"),
    "birth_date_mismatch": QT_TRANSLATE_NOOP("messages", "생년월일과 출생연도가 서로 다릅니다."),
    "email_format": QT_TRANSLATE_NOOP(
        "messages", "전자우편 주소 형식이 올바르지 않습니다. 예: hong@example.kr"),
    "language_unknown": QT_TRANSLATE_NOOP("messages", "지원하지 않는 언어 코드입니다."),
    "possible_duplicate": QT_TRANSLATE_NOOP("messages", "이 주민과 같은 사람일 수 있습니다."),
    "citizen_not_found": QT_TRANSLATE_NOOP(
        "messages", "주민 기록을 찾을 수 없습니다(번호 {id}). 다른 사용자가 병합했을 수 있습니다."),
    "edited_elsewhere": QT_TRANSLATE_NOOP(
        "messages", "그사이 다른 사용자가 이 기록을 고쳤습니다. 다시 열어 최신 내용을 확인한 뒤 저장하십시오."),
    "reason_required": QT_TRANSLATE_NOOP("messages", "사유를 입력하십시오. "
                                                     "개인정보 열람·반출은 사유와 함께 기록됩니다."),
    "field_unknown": QT_TRANSLATE_NOOP("messages", "알 수 없는 항목입니다."),
    "kind_unknown": QT_TRANSLATE_NOOP("messages", "알 수 없는 상담 종류입니다."),
    "merge_same": QT_TRANSLATE_NOOP("messages", "같은 기록끼리는 병합할 수 없습니다."),
    "group_duplicate": QT_TRANSLATE_NOOP("messages", "고객집단 '{name}'이(가) 이미 있습니다."),
    "period_range": QT_TRANSLATE_NOOP("messages", "처리기간은 1일부터 {max}일까지입니다."),
    "period_hours_range": QT_TRANSLATE_NOOP(
        "messages", "시간 단위 처리기간은 1시간부터 {max}시간(5일)까지입니다. 그보다 길면 일수로 주십시오."),
    "period_calendar_range": QT_TRANSLATE_NOOP(
        "messages", "주·개월·년 단위 처리기간은 1주부터 1년까지입니다(최대 52주, 12개월, 1년). "
                    "즉시는 일 단위 0으로 정하십시오."),
    "period_unit_unknown": QT_TRANSLATE_NOOP(
        "messages", "알 수 없는 처리기간 단위입니다: {unit} (가능: days, weeks, months, years)"),
    "period_not_set": QT_TRANSLATE_NOOP(
        "messages", "{type}은(는) 처리기간이 정해져 있지 않습니다. 해당 민원사무의 처리기간(일수)을 주십시오."),
    "type_unknown": QT_TRANSLATE_NOOP("messages", "알 수 없는 민원 종류입니다: {value} (가능: {known})"),
    "holiday_exists": QT_TRANSLATE_NOOP("messages", "{day}은(는) 이미 쉬는 날입니다({name})."),
    "received_format": QT_TRANSLATE_NOOP(
        "messages", "접수 일시 형식이 올바르지 않습니다: {value} (예: 2026-09-23 16:00)"),
    "transition_refused": QT_TRANSLATE_NOOP(
        "messages", "지금 상태에서는 할 수 없는 처리입니다. 화면을 새로 고쳐 현재 상태를 확인하십시오."),
    "note_required": QT_TRANSLATE_NOOP("messages", "사유(내용)를 입력하십시오. 처리 이력에 남습니다."),
    "extension_once": QT_TRANSLATE_NOOP("messages", "처리기간 연장은 한 번만 할 수 있습니다."),
    "extension_late": QT_TRANSLATE_NOOP(
        "messages", "처리기간({due})이 이미 지나 연장할 수 없습니다. 연장은 기간 안에 해야 합니다."),
    "extension_not_later": QT_TRANSLATE_NOOP("messages", "연장한 기한은 지금 기한보다 뒤여야 합니다."),
    "received_in_future": QT_TRANSLATE_NOOP("messages", "접수 일시가 지금보다 뒤입니다. 날짜와 시각을 확인하십시오."),
    "epeople_no_required": QT_TRANSLATE_NOOP("messages", "국민신문고 민원은 신청번호를 입력하십시오."),
    "complaint_not_found": QT_TRANSLATE_NOOP("messages", "민원을 찾을 수 없습니다(번호 {id})."),
    "assignee_required": QT_TRANSLATE_NOOP("messages", "배정할 담당자나 부서를 고르십시오."),
    "link_same": QT_TRANSLATE_NOOP("messages", "같은 민원끼리는 연결할 수 없습니다."),
    "applicant_already_set": QT_TRANSLATE_NOOP(
        "messages", "민원 {no}에는 이미 민원인이 있습니다. 연결된 민원인은 바꿀 수 없습니다."),
    "font_missing": QT_TRANSLATE_NOOP(
        "messages", "한국어 글꼴(나눔고딕 또는 맑은 고딕)을 찾지 못해 PDF를 만들 수 없습니다. 글꼴을 설치하십시오."),
    "answer_not_ready": QT_TRANSLATE_NOOP(
        "messages", "민원 {no}은(는) 아직 처리 결과가 없어 회신문을 만들 수 없습니다."),
    "status_unknown": QT_TRANSLATE_NOOP("messages", "상태 값을 알 수 없습니다: {value}"),
    "date_format": QT_TRANSLATE_NOOP(
        "messages", "날짜 형식을 알 수 없습니다: {value} (예: 2026-11-27 14:05, 06/26/2018 10:58 AM)"),
    "period_order": QT_TRANSLATE_NOOP("messages", "기간의 끝이 시작보다 앞섭니다."),
    "share_range": QT_TRANSLATE_NOOP("messages", "표본 비율은 0%에서 100% 사이입니다."),
    "call_finished": QT_TRANSLATE_NOOP("messages", "이미 끝난 해피콜입니다."),
    "call_not_found": QT_TRANSLATE_NOOP("messages", "해피콜을 찾을 수 없습니다(번호 {id})."),
    "attachment_too_large": QT_TRANSLATE_NOOP("messages", "첨부 파일이 너무 큽니다(최대 {max_mb}MB)."),
    "attachments_unavailable": QT_TRANSLATE_NOOP("messages", "이 데이터베이스에는 첨부 파일을 둘 곳이 없습니다."),
    "attachment_not_found": QT_TRANSLATE_NOOP("messages", "첨부 파일 기록을 찾을 수 없습니다(번호 {id})."),
    "attachment_missing": QT_TRANSLATE_NOOP(
        "messages", "첨부 파일 '{name}'이(가) 보관 폴더에 없습니다. 백업에서 복원하십시오."),
    "category_not_found": QT_TRANSLATE_NOOP("messages", "분류를 찾을 수 없습니다(번호 {id})."),
    "category_depth": QT_TRANSLATE_NOOP("messages", "분류는 두 단계까지입니다. 큰 분류 아래에만 더할 수 있습니다."),
    "category_duplicate": QT_TRANSLATE_NOOP("messages", "같은 이름의 분류 '{name}'이(가) 이미 있습니다."),
    "extension_too_long": QT_TRANSLATE_NOOP(
        "messages", "연장은 처리기간의 범위에서만 할 수 있습니다. {max}까지로 정하십시오."),
    "received_out_of_range": QT_TRANSLATE_NOOP(
        "messages", "접수일시가 1990년 이전이거나 지금보다 뒤입니다: {value}"),
    "item_code_format": QT_TRANSLATE_NOOP(
        "messages", "문항 코드는 영문 대문자·숫자·밑줄로 씁니다(예: OVERALL): {item_code}"),
    "item_code_duplicate": QT_TRANSLATE_NOOP("messages", "문항 코드 {item_code}이(가) 두 번 나옵니다."),
    "item_options_missing": QT_TRANSLATE_NOOP("messages", "문항 {item_code}에 보기가 없습니다."),
    "show_if_order": QT_TRANSLATE_NOOP(
        "messages", "문항 {item_code}의 표시 조건은 앞에 나온 문항만 가리킬 수 있습니다."),
    "questionnaire_empty": QT_TRANSLATE_NOOP("messages", "설문에 문항이 없습니다."),
    "answer_unknown_item": QT_TRANSLATE_NOOP("messages", "설문에 없는 문항의 답입니다: {item_code}"),
    "answer_required": QT_TRANSLATE_NOOP("messages", "문항 {item_code}은(는) 꼭 답해야 합니다."),
    "answer_na_not_allowed": QT_TRANSLATE_NOOP("messages", "문항 {item_code}에는 '해당없음'을 고를 수 없습니다."),
    "answer_invalid": QT_TRANSLATE_NOOP("messages", "문항 {item_code}의 답이 올바르지 않습니다: {value}"),
    "survey_anonymous": QT_TRANSLATE_NOOP(
        "messages", "익명 설문이라 응답을 민원이나 주민과 연결할 수 없습니다."),
    "survey_locked": QT_TRANSLATE_NOOP(
        "messages", "응답이 있는 설문은 익명/연결 방식을 바꿀 수 없습니다."),
    "survey_not_found": QT_TRANSLATE_NOOP("messages", "설문 {survey}을(를) 찾을 수 없습니다."),
    "template_unknown": QT_TRANSLATE_NOOP("messages", "알 수 없는 설문 서식입니다: {name}"),
    "survey_code_format": QT_TRANSLATE_NOOP(
        "messages", "설문 코드는 영문·숫자·밑줄로 씁니다(예: MINWON_2026): {survey}"),
    "survey_duplicate": QT_TRANSLATE_NOOP("messages", "설문 코드 {survey}이(가) 이미 있습니다."),
    "pin_format": QT_TRANSLATE_NOOP("messages", "PIN은 숫자 4~8자리입니다."),
    "metric_unknown": QT_TRANSLATE_NOOP("messages", "알 수 없는 지표입니다: {value}"),
    "figure_unknown": QT_TRANSLATE_NOOP("messages", "개선과제가 가리키는 수치를 알 수 없습니다: {value}"),
    "action_due_past": QT_TRANSLATE_NOOP("messages", "개선과제의 기한({day})이 이미 지났습니다."),
    "action_step": QT_TRANSLATE_NOOP(
        "messages", "개선과제를 이 단계로 옮길 수 없습니다 ({current} → {wanted})."),
    "action_not_done": QT_TRANSLATE_NOOP(
        "messages", "조치를 마친 개선과제만 평가할 수 있습니다 (지금: {current})."),
    "action_period_overlap": QT_TRANSLATE_NOOP(
        "messages", "평가 기간은 기준 기간이 끝난 {day} 뒤에 시작해야 합니다."),
    "action_not_found": QT_TRANSLATE_NOOP("messages", "개선과제를 찾을 수 없습니다(번호 {id})."),
    "month_format": QT_TRANSLATE_NOOP("messages", "달은 YYYY-MM 형식으로 적으십시오. 예: 2026-11 (받은 값: {value})"),
    "item_type_changed": QT_TRANSLATE_NOOP(
        "messages", "문항 {item_code}의 유형은 바꿀 수 없습니다(예전 답과 섞입니다). 새 코드로 문항을 만드십시오."),
    "kiosk_linked_survey": QT_TRANSLATE_NOOP(
        "messages", "키오스크에는 익명 설문만 쓸 수 있습니다. 설문 {survey}은(는) 민원·주민과 연결하는 설문입니다."),
    "kiosk_not_set_up": QT_TRANSLATE_NOOP(
        "messages", "키오스크에 보일 설문과 PIN이 아직 정해지지 않았습니다. "
                    "관리자가 만족도 조사 화면의 '키오스크 설정'에서 정하십시오."),
    "answers_need_answered": QT_TRANSLATE_NOOP(
        "messages", "설문 답은 통화 결과가 '응답'일 때만 기록할 수 있습니다."),
    "answer_date_range": QT_TRANSLATE_NOOP(
        "messages", "응답 날짜가 올바르지 않습니다(2000년 이후, 오늘 이전): {value}"),
    "breakdown_unknown": QT_TRANSLATE_NOOP("messages", "알 수 없는 구분입니다: {value}"),
    "double_entry_mismatch": QT_TRANSLATE_NOOP(
        "messages", "1차와 2차 입력이 {count}개 문항에서 다릅니다. 종이 설문지를 보고 다시 입력하십시오."),
    "mode_unknown": QT_TRANSLATE_NOOP("messages", "알 수 없는 응답 방식입니다: {value}"),
    "population_too_small": QT_TRANSLATE_NOOP(
        "messages", "표본틀 크기({population})가 응답 수({n})보다 작습니다."),
    "holiday_missing": QT_TRANSLATE_NOOP("messages", "{day}은(는) 쉬는 날 목록에 없습니다."),
    "group_not_found": QT_TRANSLATE_NOOP("messages", "그 고객집단을 찾을 수 없습니다. 목록을 새로 고쳐 보십시오."),
    "group_not_smart": QT_TRANSLATE_NOOP(
        "messages", "'{name}'은(는) 저장한 검색이 아니어서 지울 수 없습니다. 기본·지정 집단은 그대로 둡니다."),
    "smart_group_empty": QT_TRANSLATE_NOOP(
        "messages", "저장할 검색 조건이 없습니다. 검색어를 넣거나 동·고객집단·나이를 고른 뒤 저장하십시오."),
    "encoding_unknown": QT_TRANSLATE_NOOP(
        "messages", "파일의 문자 인코딩을 읽을 수 없습니다: {detail} 아무것도 가져오지 않았습니다."),
    "file_missing": QT_TRANSLATE_NOOP("messages", "파일이 없습니다: {path}"),
    "file_too_large": QT_TRANSLATE_NOOP("messages", "파일이 너무 큽니다(최대 {max_mb}MB). 나누어 가져오십시오."),
    "file_empty": QT_TRANSLATE_NOOP("messages", "파일에 자료가 없습니다."),
    "xlsx_unreadable": QT_TRANSLATE_NOOP("messages", "엑셀 파일을 읽을 수 없습니다: {detail}"),
    "gender_unknown": QT_TRANSLATE_NOOP("messages", "성별 값을 알 수 없습니다: {value} (남/여)"),
    "channel_unknown": QT_TRANSLATE_NOOP(
        "messages", "연락 방법을 알 수 없습니다: {value} (방문/전화/문자/우편/이메일/인터넷)"),
    "mapping_invalid": QT_TRANSLATE_NOOP("messages", "열 연결이 올바르지 않습니다: {detail}"),
    "retention_range": QT_TRANSLATE_NOOP("messages", "보유 기간은 1~120개월 사이로 입력하십시오."),
    # 보존기간과 파기 (domain/retention.py)
    "retention_kind_unknown": QT_TRANSLATE_NOOP(
        "messages", "알 수 없는 보존 대상입니다: {value} (가능: {known})"),
    "retention_months_format": QT_TRANSLATE_NOOP(
        "messages", "보존기간은 개월 수(정수)로 적으십시오: {value}"),
    "retention_below_minimum": QT_TRANSLATE_NOOP(
        "messages", "{kind}의 보존기간은 {minimum}개월보다 짧게 정할 수 없습니다(입력: {value}개월)."),
    "retention_above_maximum": QT_TRANSLATE_NOOP(
        "messages", "보존기간은 {maximum}개월까지 정할 수 있습니다(입력: {value}개월)."),
    "group_unknown": QT_TRANSLATE_NOOP("messages", "없는 고객집단입니다: {value}"),
    "import_cancelled": QT_TRANSLATE_NOOP("messages", "가져오기를 취소했습니다. 아무것도 저장하지 않았습니다."),
    "export_format": QT_TRANSLATE_NOOP("messages", "내보낼 파일은 .xlsx 또는 .csv여야 합니다."),
    "demo_cancelled": QT_TRANSLATE_NOOP("messages", "데모 데이터 생성을 취소했습니다. 아무것도 저장하지 않았습니다."),
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
        "messages", "데이터베이스 폴더에 쓸 수 없습니다: {path}\n"
                    "폴더 권한을 확인하거나 --db로 다른 위치를 지정하십시오."),
    "db_is_folder": QT_TRANSLATE_NOOP(
        "messages", "데이터베이스 파일이 아니라 폴더입니다: {path}\n폴더 안의 파일(예: pcrm.db)을 "
        "지정하십시오. 아무것도 바꾸지 않았습니다."),
    "db_dangling_link": QT_TRANSLATE_NOOP(
        "messages", "심볼릭 링크 {link}이(가) 가리키는 곳이 없습니다: {target}\n"
        "네트워크 드라이브나 USB가 연결되어 있는지 확인하거나 링크를 고치십시오. 아무것도 만들지 "
        "않았습니다."),
    "db_url_unsupported": QT_TRANSLATE_NOOP(
        "messages", "열 수 없는 데이터베이스 주소입니다: {url}\n이 버전이 여는 것은 SQLite 데이터베이스 "
        "파일과 PostgreSQL 서버입니다. 파일의 경로나 sqlite:///경로(예: sqlite:///C:/PCRM/pcrm.db), "
        "서버는 postgresql://사용자@서버:5432/데이터베이스 형식으로 지정하십시오. 아무것도 만들지 않았습니다."),
    "db_folder_read_only": QT_TRANSLATE_NOOP(
        "messages", "데이터베이스 폴더가 읽기 전용이라 파일을 열 수 없습니다: {path}\n파일이 손상된 "
        "것은 아닐 수 있습니다. 파일에는 아무것도 쓰지 않았습니다. 폴더 권한(또는 USB의 쓰기 방지)을 "
        "확인하거나, 쓸 수 있는 폴더로 복사해 여십시오."),
    # 백업과 복구 (backups and recovery): say what happened, that nothing was lost, what to do
    "backup_disk_full": QT_TRANSLATE_NOOP(
        "messages", "저장할 공간이 부족합니다: {path}\n데이터베이스는 바뀌지 않았고 입력한 내용도 그대로 "
        "있습니다. 필요 없는 파일을 지우거나 다른 위치를 고른 뒤 다시 하십시오."),
    "disk_space_low": QT_TRANSLATE_NOOP(
        "messages", "빈 공간이 모자랍니다: {path} (남은 공간 {free}, 필요한 공간 약 {need})\n"
        "아무것도 바꾸지 않았습니다. 공간을 비우거나 다른 위치를 고른 뒤 다시 하십시오."),
    "backup_folder_unwritable": QT_TRANSLATE_NOOP(
        "messages", "이 폴더에 쓸 수 없습니다: {path}\n읽기 전용이거나 권한이 없습니다. 데이터베이스는 "
        "바뀌지 않았습니다. 다른 위치를 고르거나 전산 담당자에게 권한을 요청하십시오."),
    "backup_folder_missing": QT_TRANSLATE_NOOP(
        "messages", "폴더가 없습니다: {path}\nUSB 메모리가 꽂혀 있는지, 경로가 맞는지 확인하십시오. "
        "아무것도 바꾸지 않았습니다."),
    "db_locked": QT_TRANSLATE_NOOP(
        "messages", "다른 프로그램이 데이터베이스를 잠그고 있습니다: {path}\n아무것도 바꾸지 않았습니다. "
        "잠시 뒤 다시 하십시오. 계속되면 다른 PC의 PCRM이나 백업·백신 프로그램이 이 파일을 쓰고 있는지 "
        "확인하십시오."),
    "db_in_use": QT_TRANSLATE_NOOP(
        "messages", "다른 PC나 창에서 이 데이터베이스를 열어 두었습니다: {path}\n아무것도 바꾸지 않았습니다. "
        "이 파일을 쓰는 PCRM을 모두 닫은 뒤 다시 하십시오."),
    "backup_io": QT_TRANSLATE_NOOP(
        "messages", "백업 파일을 읽거나 쓰지 못했습니다: {path}\n({detail}) 데이터베이스는 바뀌지 않았습니다."),
    "backup_not_found": QT_TRANSLATE_NOOP("messages", "백업 파일이 없습니다: {name}"),
    "backup_damaged": QT_TRANSLATE_NOOP(
        "messages", "백업이 손상되어 쓸 수 없습니다: {name} ({detail})\n다른 백업을 고르십시오."),
    "backup_not_pcrm": QT_TRANSLATE_NOOP(
        "messages", "PCRM 데이터베이스의 백업이 아닙니다: {name}\n아무것도 바꾸지 않았습니다."),
    "backup_too_new": QT_TRANSLATE_NOOP(
        "messages", "이 백업은 더 새로운 버전의 PCRM Desktop이 만든 것입니다(스키마 {revision}). "
        "프로그램을 업데이트한 뒤 복원하십시오. 아무것도 바꾸지 않았습니다."),
    "backup_chain_broken": QT_TRANSLATE_NOOP(
        "messages", "이 백업의 접속기록이 바뀌었거나 손상되었습니다({entry}번 항목: {problem}). "
        "이 백업으로는 복원하지 않습니다. 다른 백업을 고르십시오."),
    "backup_password_required": QT_TRANSLATE_NOOP(
        "messages", "암호화된 백업입니다. 만들 때 정한 비밀번호를 입력하십시오."),
    "backup_password_wrong": QT_TRANSLATE_NOOP(
        "messages", "비밀번호가 맞지 않습니다(또는 파일의 앞부분이 손상되었습니다): {name}\n암호화 "
        "백업은 만들 때 정한 비밀번호로만 열 수 있습니다. 아무 파일도 만들지 않았습니다."),
    "backup_tampered": QT_TRANSLATE_NOOP(
        "messages", "암호화 백업 파일이 손상되었거나 바뀌었습니다: {name} ({detail})\n아무 파일도 "
        "만들지 않았습니다. 다른 사본을 쓰십시오."),
    "backup_not_encrypted": QT_TRANSLATE_NOOP(
        "messages", "PCRM 암호화 백업 파일이 아닙니다: {name}"),
    "backup_format": QT_TRANSLATE_NOOP(
        "messages", "이 프로그램이 읽을 수 없는 암호화 백업 형식입니다(버전 {version}): {name}\n"
        "프로그램을 업데이트하십시오."),
    "backup_reason": QT_TRANSLATE_NOOP("messages", "알 수 없는 백업 사유입니다: {reason}"),
    "backup_no_database": QT_TRANSLATE_NOOP(
        "messages", "이 데이터베이스는 파일이 아니어서 이 프로그램이 백업할 수 없습니다. 서버의 백업 "
        "기능을 쓰십시오."),
    "restore_busy": QT_TRANSLATE_NOOP(
        "messages", "복원하는 동안 다른 PC에서 계속 저장하고 있어 복원하지 않았습니다: {path}\n"
        "데이터베이스는 바뀌지 않았습니다. 다른 PC의 PCRM을 모두 닫고 다시 하십시오."),
    "restore_no_backup": QT_TRANSLATE_NOOP(
        "messages", "복원할 수 있는 백업이 없습니다: {path}\n손상된 파일은 그대로 두었습니다. "
        "USB 등에 따로 둔 백업이 있으면 그 파일을 고르십시오."),
    "restore_not_damaged": QT_TRANSLATE_NOOP(
        "messages", "데이터베이스에 이상이 없습니다. 백업으로 되돌리려면 관리자로 로그인한 뒤 "
        "설정 > 백업에서 복원하십시오."),
    "recovery_login_failed": QT_TRANSLATE_NOOP(
        "messages", "복원할 백업에 있는 관리자 계정의 로그인 ID와 비밀번호가 아닙니다. 백업을 만들 "
        "때의 관리자 비밀번호를 입력하십시오."),
    "restore_from_live": QT_TRANSLATE_NOOP(
        "messages", "지금 쓰고 있는 데이터베이스 파일({name})로는 복원할 수 없습니다. backups 폴더의 "
        "백업이나 USB의 백업 파일을 고르십시오."),
    "restore_cancelled": QT_TRANSLATE_NOOP("messages", "복원을 취소했습니다. 아무것도 바꾸지 않았습니다."),
    "backup_name_required": QT_TRANSLATE_NOOP(
        "messages", "지울 백업 파일의 이름을 적으십시오. 'pcrm backup list'로 이름을 볼 수 있습니다."),
    "restore_confirm": QT_TRANSLATE_NOOP(
        "messages", "복원하면 지금 데이터가 백업 시점의 데이터로 바뀝니다. --yes를 붙여 다시 "
        "실행하십시오."),
    # 만족도 응답 가져오기: one bad cell of a row, named by its column, item and value
    "cell_out_of_scale": QT_TRANSLATE_NOOP(
        "messages", "열 '{column}'(문항 {item_code})의 값 '{value}'은(는) 받을 수 없습니다. "
        "{low}~{high}의 정수만 됩니다(반점수·범위 밖 값은 고치지 않음)."),
    "cell_invalid": QT_TRANSLATE_NOOP(
        "messages", "열 '{column}'(문항 {item_code})의 값 '{value}'은(는) 이 문항의 답이 될 수 없습니다."),
    "cell_na_not_allowed": QT_TRANSLATE_NOOP(
        "messages", "열 '{column}'(문항 {item_code})의 값 '{value}'은(는) 해당없음인데, "
                    "이 문항은 해당없음을 받지 않습니다."),
    "cell_required": QT_TRANSLATE_NOOP(
        "messages", "열 '{column}'(문항 {item_code})이(가) 비어 있습니다. 꼭 답해야 하는 문항입니다."),
    # hostile input (tests/hypothesis)
    "cell_too_large": QT_TRANSLATE_NOOP(
        "messages", "{line}번째 줄에 {max}자가 넘는 칸이 있어 파일을 읽지 않았습니다. "
        "닫히지 않은 따옴표(\")가 없는지 확인하십시오. 아무것도 가져오지 않았습니다."),
    "csv_unreadable": QT_TRANSLATE_NOOP(
        "messages", "CSV 파일의 {line}번째 줄을 읽을 수 없습니다: {detail}. 아무것도 가져오지 않았습니다."),
    "columns_too_many": QT_TRANSLATE_NOOP(
        "messages", "{row}행의 열이 {columns}개로 너무 많습니다(최대 {max}개). "
        "구분 기호(쉼표)와 파일 형식을 확인하십시오. 아무것도 가져오지 않았습니다."),
    "table_too_large": QT_TRANSLATE_NOOP(
        "messages", "파일이 너무 큽니다: {row}행에서 칸(행×열)이 {max}개를 넘었습니다. "
        "파일을 나누어 가져오십시오. 아무것도 가져오지 않았습니다."),
    "rows_too_many": QT_TRANSLATE_NOOP(
        "messages", "파일의 행이 너무 많습니다: {row}행은 엑셀 시트 하나의 최대 행 수 {max}행을 "
        "넘습니다. 파일을 나누어 가져오십시오. 아무것도 가져오지 않았습니다."),
    "xlsx_too_large": QT_TRANSLATE_NOOP(
        "messages", "엑셀 파일 안의 {part}은(는) 압축을 풀면 {max}MB가 넘어 읽지 않았습니다. 행이나 "
        "칸이 지나치게 많거나 손상된 파일입니다. 파일을 나누어 가져오십시오. 아무것도 가져오지 않았습니다."),
    "xlsx_cell_too_large": QT_TRANSLATE_NOOP(
        "messages", "{row}행 {column}열의 칸에 {max}자가 넘는 글자가 있어 파일을 읽지 않았습니다"
        "(엑셀은 한 칸에 32,767자까지 씁니다). 아무것도 가져오지 않았습니다."),
    "xlsx_strings_too_large": QT_TRANSLATE_NOOP(
        "messages", "엑셀 파일의 공유 문자열 목록(sharedStrings)이 너무 큽니다(문자열 {max_strings}개, "
        "한 문자열 {max_chars}자까지 읽음). 파일을 나누어 가져오십시오. 아무것도 가져오지 않았습니다."),
    "csv_quote_unclosed": QT_TRANSLATE_NOOP(
        "messages", "{line}번째 줄에서 연 따옴표(\")가 닫히지 않아, 그 뒤 {count}줄({last}번째 줄까지)이 "
        "한 칸으로 읽혔습니다. 그 따옴표를 지우거나 닫은 뒤 다시 가져오십시오. 아무것도 가져오지 않았습니다."),
    # the reasons given in encoding_unknown's {detail}, each naming the line to look at
    "encoding_utf16": QT_TRANSLATE_NOOP(
        "messages", "유니코드 텍스트(UTF-16)로 저장된 파일입니다. 엑셀에서 'CSV UTF-8(쉼표로 분리)' "
        "또는 'Excel 통합 문서(XLSX)'로 다시 저장하십시오."),
    "encoding_nul": QT_TRANSLATE_NOOP(
        "messages", "{line}번째 줄에 NUL 문자(0x00)가 있습니다. 텍스트(CSV) 파일이 아니거나 손상된 "
        "파일입니다. 만든 프로그램에서 CSV나 XLSX로 다시 저장하십시오."),
    "encoding_not_utf8": QT_TRANSLATE_NOOP(
        "messages", "{line}번째 줄은 UTF-8이 아닙니다(CP949로 저장된 줄로 보입니다). 앞의 줄은 "
        "UTF-8이어서, 인코딩이 다른 두 파일을 이어 붙인 것으로 보입니다. 원래 파일을 하나씩 가져오거나 "
        "같은 인코딩으로 저장해 다시 합치십시오."),
    "encoding_not_cp949": QT_TRANSLATE_NOOP(
        "messages", "{line}번째 줄은 CP949(EUC-KR)가 아닙니다(UTF-8로 저장된 줄로 보입니다). 앞의 "
        "줄은 CP949여서, 인코딩이 다른 두 파일을 이어 붙인 것으로 보입니다. 원래 파일을 하나씩 "
        "가져오거나 같은 인코딩으로 저장해 다시 합치십시오."),
    "encoding_bad_bytes": QT_TRANSLATE_NOOP(
        "messages", "{line}번째 줄의 {column}번째 바이트(0x{byte})부터 UTF-8로도 CP949(EUC-KR)로도 "
        "읽을 수 없습니다. 손상되었거나 다른 인코딩의 파일입니다. 엑셀에서 'CSV UTF-8(쉼표로 분리)'로 "
        "다시 저장하십시오."),
    "text_unencodable": QT_TRANSLATE_NOOP(
        "messages", "입력한 글에 저장할 수 없는 깨진 문자(짝이 없는 유니코드 대리 문자)가 있습니다. "
        "그 부분을 지우고 다시 입력하십시오."),
    "control_character": QT_TRANSLATE_NOOP(
        "messages", "{label}에 보이지 않는 제어 문자(탭, 줄바꿈, ESC 등)나 글자 방향을 바꾸는 문자가 "
        "있습니다. 그 문자를 지우고 다시 입력하십시오."),
    "survey_changed": QT_TRANSLATE_NOOP(
        "messages", "검사한 뒤에 설문 {survey}의 문항이 바뀌었습니다. 다시 검사하십시오. "
                    "아무것도 저장하지 않았습니다."),
    # 두 사람이 함께 쓸 때, 저장할 곳의 문제 (db/engine.storage_error, domain/errors.file_error):
    # nothing was written; the screen keeps what was typed, so the clerk can try again.
    "database_busy": QT_TRANSLATE_NOOP(
        "messages", "다른 사용자(또는 명령)가 데이터베이스에 저장하는 중이라 {seconds}초를 기다렸지만 "
                    "끝나지 않았습니다. 아무것도 저장하지 않았습니다. 잠시 뒤 다시 저장하십시오."),
    "disk_full": QT_TRANSLATE_NOOP(
        "messages", "디스크가 가득 차서 저장하지 못했습니다. 아무것도 저장하지 않았습니다. "
                    "디스크 공간을 비운 뒤 다시 저장하십시오: {path}"),
    "db_read_only": QT_TRANSLATE_NOOP(
        "messages", "데이터베이스 파일이나 폴더가 읽기 전용이라 저장하지 못했습니다. 아무것도 저장하지 않았습니다. "
                    "파일·폴더 권한(또는 USB의 쓰기 방지)을 확인한 뒤 다시 저장하십시오: {path}"),
    "db_unavailable": QT_TRANSLATE_NOOP(
        "messages", "데이터베이스 파일을 열 수 없습니다. 폴더가 없어졌거나 이름이 바뀌었거나, 네트워크 드라이브·USB가 "
                    "빠졌을 수 있습니다. 아무것도 저장하지 않았습니다. 연결을 확인한 뒤 다시 시도하십시오: {path}"),
    "db_io_error": QT_TRANSLATE_NOOP(
        "messages", "데이터베이스 파일을 읽거나 쓰는 중 디스크 오류가 났습니다. 아무것도 저장하지 않았습니다. "
                    "드라이브 연결을 확인한 뒤 다시 시도하고, 되풀이되면 관리자에게 알리십시오: {path}"),
    "folder_missing": QT_TRANSLATE_NOOP(
        "messages", "저장할 폴더가 없습니다: {folder}\n다른 폴더를 고르거나 폴더를 만든 뒤 다시 저장하십시오."),
    "folder_read_only": QT_TRANSLATE_NOOP(
        "messages", "이 폴더에는 쓸 수 없습니다(읽기 전용이거나 권한 없음): {folder}\n다른 폴더를 고르십시오."),
    "disk_full_file": QT_TRANSLATE_NOOP(
        "messages", "디스크가 가득 차서 파일을 저장하지 못했습니다: {path}\n"
                    "공간을 비우거나 다른 드라이브에 저장하십시오."),
    "file_locked": QT_TRANSLATE_NOOP(
        "messages", "다른 프로그램(예: 엑셀)이 이 파일을 열고 있어 저장하지 못했습니다: {path}\n"
                    "그 프로그램에서 파일을 닫거나 다른 이름으로 저장하십시오."),
}
MESSAGES.update(SERVER_MESSAGES)  # an office's PostgreSQL server (domain/messages_server.py)
MESSAGES.update(COPY_MESSAGES)  # `pcrm copy-to` (domain/messages_copy.py)


def message_template(code: str) -> str:
    return MESSAGES.get(code, code)


def korean_message(error: DomainError) -> str:
    """The Korean text for an error, for the command line and logs."""
    params = dict(error.params)
    if error.field in FIELD_LABELS:
        params.setdefault("label", FIELD_LABELS[error.field])
    return with_particles(format_message(message_template(error.code), params))


def format_message(template: str, params: dict[str, object]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
