"""The names of the fields a domain error can point at ({label} in a message), in Korean;
the screens translate them in the "messages" context like the messages themselves."""
from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    return text


FIELD_LABELS: dict[str, str] = {
    "form_no": QT_TRANSLATE_NOOP("messages", "양식 번호"),
    "action_title": QT_TRANSLATE_NOOP("messages", "개선과제 제목"),
    "action_measure": QT_TRANSLATE_NOOP("messages", "개선 조치"),
    "note": QT_TRANSLATE_NOOP("messages", "메모"),
    "reason": QT_TRANSLATE_NOOP("messages", "사유"),
    "holiday_name": QT_TRANSLATE_NOOP("messages", "쉬는 날 이름"),
    "category_name": QT_TRANSLATE_NOOP("messages", "분류 이름"),
    "complaint_title": QT_TRANSLATE_NOOP("messages", "제목"),
    "notice_text": QT_TRANSLATE_NOOP("messages", "통지문"),
    "period_from": QT_TRANSLATE_NOOP("messages", "기간 시작(--from)"),
    "period_to": QT_TRANSLATE_NOOP("messages", "기간 끝(--to)"),
    "received_at": QT_TRANSLATE_NOOP("messages", "접수일시"),
    "complaint_content": QT_TRANSLATE_NOOP("messages", "내용"),
    "epeople_no": QT_TRANSLATE_NOOP("messages", "국민신문고 신청번호"),
    "new_due": QT_TRANSLATE_NOOP("messages", "연장 기한"),
    "agency": QT_TRANSLATE_NOOP("messages", "이송 기관"),
    "result": QT_TRANSLATE_NOOP("messages", "처리 결과"),
    "answer": QT_TRANSLATE_NOOP("messages", "회신 내용"),
    "office_name": QT_TRANSLATE_NOOP("messages", "기관 이름"),
    "office_address": QT_TRANSLATE_NOOP("messages", "주소"),
    "department_name": QT_TRANSLATE_NOOP("messages", "부서 이름"),
    "staff_name": QT_TRANSLATE_NOOP("messages", "직원 이름"),
    "login": QT_TRANSLATE_NOOP("messages", "로그인 ID"),
    "citizen_name": QT_TRANSLATE_NOOP("messages", "이름"),
    "memo": QT_TRANSLATE_NOOP("messages", "메모"),
    "email": QT_TRANSLATE_NOOP("messages", "전자우편"),
    "phone": QT_TRANSLATE_NOOP("messages", "전화번호"),
    "road": QT_TRANSLATE_NOOP("messages", "주소"),
    "address_detail": QT_TRANSLATE_NOOP("messages", "상세주소"),
    "dong_code": QT_TRANSLATE_NOOP("messages", "법정동코드"),
    "dong_name": QT_TRANSLATE_NOOP("messages", "동"),
    "summary": QT_TRANSLATE_NOOP("messages", "상담 내용"),
    "group_name": QT_TRANSLATE_NOOP("messages", "고객집단 이름"),
    "consent_purpose": QT_TRANSLATE_NOOP("messages", "동의 목적"),
    "consent_items": QT_TRANSLATE_NOOP("messages", "동의 항목"),
    "submitted_at": QT_TRANSLATE_NOOP("messages", "응답일"),
    "survey_option": QT_TRANSLATE_NOOP("messages", "설문 코드(--survey)"),
    "mapping_option": QT_TRANSLATE_NOOP("messages", "열 연결 파일(--mapping)"),
}
