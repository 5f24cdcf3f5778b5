"""The fields each spreadsheet import knows, with their Korean labels and the header names
seen in office files. Plain data, apart from the import code, so `pcrm --help` stays fast."""
from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    return text


# field → (Korean label, translated on screen in the "import" context; header names seen in
# office spreadsheets)
Fields = dict[str, tuple[str, tuple[str, ...]]]

CITIZEN_FIELDS: Fields = {
    "name": (QT_TRANSLATE_NOOP("import", "이름"), ("이름", "성명", "성함", "민원인", "name")),
    "birth_year": (QT_TRANSLATE_NOOP("import", "출생연도"),
                   ("출생연도", "생년", "생년월일", "출생년도", "birth_year", "birth")),
    "gender": (QT_TRANSLATE_NOOP("import", "성별"), ("성별", "gender", "sex")),
    "phone": (QT_TRANSLATE_NOOP("import", "전화"),
              ("전화", "전화번호", "휴대폰", "휴대전화", "연락처", "phone", "mobile")),
    "phone2": (QT_TRANSLATE_NOOP("import", "전화2"), ("전화2", "집전화", "보조연락처", "phone2")),
    "email": (QT_TRANSLATE_NOOP("import", "전자우편"), ("전자우편", "이메일", "email", "e-mail")),
    "road": (QT_TRANSLATE_NOOP("import", "주소"), ("주소", "도로명주소", "address", "road")),
    "address_detail": (QT_TRANSLATE_NOOP("import", "상세주소"), ("상세주소", "상세", "address_detail")),
    "dong_name": (QT_TRANSLATE_NOOP("import", "동"), ("동", "법정동", "행정동", "dong")),
    "dong_code": (QT_TRANSLATE_NOOP("import", "법정동코드"), ("법정동코드", "dong_code")),
    "preferred_channel": (QT_TRANSLATE_NOOP("import", "선호 연락"), ("선호연락", "연락방법", "preferred_channel")),
    "groups": (QT_TRANSLATE_NOOP("import", "고객집단"), ("고객집단", "집단", "groups")),
    "memo": (QT_TRANSLATE_NOOP("import", "메모"), ("메모", "비고", "memo", "note")),
}

COMPLAINT_FIELDS: Fields = {
    "source_no": (QT_TRANSLATE_NOOP("import", "원본 번호"), ("원본번호", "민원번호", "접수번호", "Unique Key", "id")),
    "received_at": (QT_TRANSLATE_NOOP("import", "접수일시"),
                    ("접수일시", "접수일", "신청일시", "Created Date", "created")),
    "closed_at": (QT_TRANSLATE_NOOP("import", "처리일시"), ("처리일시", "완료일시", "처리일", "Closed Date", "closed")),
    "status": (QT_TRANSLATE_NOOP("import", "상태"), ("상태", "처리상태", "Status")),
    "department": (QT_TRANSLATE_NOOP("import", "부서"), ("부서", "처리부서", "담당부서", "Agency", "agency")),
    "category": (QT_TRANSLATE_NOOP("import", "분류"), ("분류", "민원분류", "유형", "Complaint Type")),
    "title": (QT_TRANSLATE_NOOP("import", "제목"), ("제목", "민원제목", "Descriptor", "title")),
    "content": (QT_TRANSLATE_NOOP("import", "내용"), ("내용", "민원내용", "content")),
    "answer": (QT_TRANSLATE_NOOP("import", "답변"), ("답변", "처리결과내용", "회신내용", "Resolution Description")),
    "channel": (QT_TRANSLATE_NOOP("import", "접수경로"), ("접수경로", "신청경로", "Open Data Channel Type", "channel")),
    "type": (QT_TRANSLATE_NOOP("import", "민원종류"), ("민원종류", "종류", "type")),
    "road": (QT_TRANSLATE_NOOP("import", "주소"), ("주소", "발생주소", "Incident Address", "address")),
    "dong_name": (QT_TRANSLATE_NOOP("import", "동"), ("동", "행정동", "법정동", "Borough", "dong")),
}
