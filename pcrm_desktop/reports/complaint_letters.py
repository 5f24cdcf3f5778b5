"""접수증 (receipt for the applicant) and 회신문 (answer letter) of one 민원, as PDF."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pcrm_desktop.domain.office_names import head_title
from pcrm_desktop.reports import pdf

WEEKDAYS = "월화수목금토일"


def moment(at: datetime | None) -> str:
    if at is None:
        return "-"
    return f"{at:%Y-%m-%d}({WEEKDAYS[at.weekday()]}) {at:%H:%M}"


@dataclass(frozen=True)
class LetterData:
    office: str
    office_address: str
    office_phone: str
    receipt_no: str
    received_at: datetime
    channel: str
    applicant: str        # full name: the letter goes to the person (printing is audited)
    type_name: str
    category: str
    title: str
    content: str
    department: str
    assignee: str
    due_at: datetime
    due_steps: tuple[str, ...]
    result: str = ""
    answer: str = ""
    done_at: datetime | None = None


def receipt(data: LetterData, out: Path) -> Path:
    """접수증: what was received, when, its number and its due date, and how that was counted."""
    from reportlab.platypus import Paragraph, Spacer
    st = pdf.styles()
    width = pdf.content_width()
    story = [
        Paragraph("민원 접수증", st.title),
        pdf.key_value_table([
            ("접수번호", data.receipt_no), ("접수일시", moment(data.received_at)),
            ("접수경로", data.channel), ("민원인", data.applicant or "(성명 미기재)"),
            ("민원 종류", data.type_name), ("분류", data.category or "-"), ("제목", data.title),
            ("처리 부서", " ".join(x for x in (data.department, data.assignee) if x) or "배정 예정"),
            ("처리기한", moment(data.due_at)),
        ], width, st),
        Spacer(1, 10),
        Paragraph("처리기한 계산", st.heading),
        *[Paragraph(pdf.escape(step), st.small) for step in data.due_steps],
        Spacer(1, 10),
        Paragraph("위와 같이 민원을 접수하였습니다. 처리기간은 「민원 처리에 관한 법률」에 따라 토요일과 "
                  "공휴일을 빼고 계산하며, 처리 상황은 아래 연락처로 문의하실 수 있습니다.", st.body),
        Spacer(1, 24),
        Paragraph(pdf.escape(f"{data.received_at:%Y년 %m월 %d일}"), st.body),
        Paragraph(pdf.escape(head_title(data.office)), st.heading),
        Paragraph(pdf.escape(f"{data.office_address}  ·  전화 {data.office_phone}"), st.small),
    ]
    pdf.build(out, story, f"민원 접수증 {data.receipt_no}", data.office)
    return Path(out)


ANSWER_TEMPLATE = (
    "1. 귀하께서 {received}에 신청하신 민원(접수번호 {receipt_no}, 「{title}」)에 대한 검토 결과를 "
    "다음과 같이 알려 드립니다.\n"
    "2. 처리 결과: {result}\n"
    "3. 답변 내용\n{answer}\n"
    "4. 이 답변에 대하여 궁금한 점이 있으시면 {department}({phone})로 연락하여 주시기 바랍니다.")


def answer_letter(data: LetterData, out: Path) -> Path:
    """회신문: the answer to the applicant, its fields filled in from the case."""
    from reportlab.platypus import Paragraph, Spacer
    st = pdf.styles()
    width = pdf.content_width()
    text = ANSWER_TEMPLATE.format(
        received=f"{data.received_at:%Y. %m. %d.}", receipt_no=data.receipt_no, title=data.title,
        result=data.result or "-", answer=data.answer or "-",
        department=data.department or data.office, phone=data.office_phone or "-")
    story = [
        Paragraph(pdf.escape(data.office), st.title),
        pdf.key_value_table([("수신", f"{data.applicant or '민원인'} 귀하"),
                             ("제목", f"민원({data.receipt_no}) 처리 결과 알림")], width, st),
        Spacer(1, 12),
        *[Paragraph(pdf.escape(part), st.body) for part in text.split("\n")],
        Spacer(1, 30),
        Paragraph(pdf.escape(f"{(data.done_at or data.received_at):%Y년 %m월 %d일}"), st.body),
        Paragraph(pdf.escape(head_title(data.office)), st.heading),
        Paragraph(pdf.escape(f"{data.office_address}  ·  전화 {data.office_phone}"), st.small),
    ]
    pdf.build(out, story, f"민원 회신 {data.receipt_no}", data.office)
    return Path(out)
