"""Display names for codes stored in the database (roles, audit actions), in the current language."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pcrm_desktop.domain.office import Role


def role_name(role: Role | str) -> str:
    names = {
        Role.ADMIN.value: QCoreApplication.translate("labels", "관리자"),
        Role.MANAGER.value: QCoreApplication.translate("labels", "팀장"),
        Role.CLERK.value: QCoreApplication.translate("labels", "주무관"),
        Role.KIOSK.value: QCoreApplication.translate("labels", "키오스크"),
    }
    key = role.value if isinstance(role, Role) else role
    return names.get(key, key)


def action_name(action: str) -> str:
    names = {
        "office.setup": QCoreApplication.translate("labels", "기관 초기 설정"),
        "office.update": QCoreApplication.translate("labels", "기관 정보 변경"),
        "department.add": QCoreApplication.translate("labels", "부서 추가"),
        "staff.add": QCoreApplication.translate("labels", "직원 추가"),
        "staff.activate": QCoreApplication.translate("labels", "직원 사용"),
        "staff.deactivate": QCoreApplication.translate("labels", "직원 중지"),
        "demo.fill": QCoreApplication.translate("labels", "데모 데이터 생성"),
        "demo.citizens": QCoreApplication.translate("labels", "데모 주민 생성"),
        "db.create": QCoreApplication.translate("labels", "데이터베이스 생성"),
        "db.upgrade": QCoreApplication.translate("labels", "데이터베이스 업그레이드"),
        "citizen.add": QCoreApplication.translate("labels", "주민 등록"),
        "citizen.update": QCoreApplication.translate("labels", "주민 정보 수정"),
        "citizen.view": QCoreApplication.translate("labels", "주민 정보 열람"),
        "citizen.view_full": QCoreApplication.translate("labels", "주민 정보 전체 열람"),
        "citizen.reveal": QCoreApplication.translate("labels", "가린 정보 표시"),
        "citizen.merge": QCoreApplication.translate("labels", "주민 기록 병합"),
        "citizen.import": QCoreApplication.translate("labels", "주민 가져오기"),
        "citizen.export": QCoreApplication.translate("labels", "주민 내보내기"),
        "interaction.add": QCoreApplication.translate("labels", "상담 기록"),
        "group.add": QCoreApplication.translate("labels", "고객집단 추가"),
        "consent.add": QCoreApplication.translate("labels", "동의 기록"),
    }
    return names.get(action, action)


def actor_name(login: str) -> str:
    return QCoreApplication.translate("labels", "시스템") if login == "system" else login


def channel_name(code: str) -> str:
    names = {
        "visit": QCoreApplication.translate("labels", "방문"),
        "phone": QCoreApplication.translate("labels", "전화"),
        "sms": QCoreApplication.translate("labels", "문자"),
        "mail": QCoreApplication.translate("labels", "우편"),
        "email": QCoreApplication.translate("labels", "전자우편"),
        "online": QCoreApplication.translate("labels", "인터넷"),
    }
    return names.get(code, code)


def accessibility_name(code: str) -> str:
    names = {
        "hearing": QCoreApplication.translate("labels", "청각"),
        "vision": QCoreApplication.translate("labels", "시각"),
        "mobility": QCoreApplication.translate("labels", "거동 불편"),
        "cognitive": QCoreApplication.translate("labels", "인지·발달"),
        "interpreter": QCoreApplication.translate("labels", "통역 필요"),
    }
    return names.get(code, code)


def interaction_kind_name(code: str) -> str:
    names = {
        "visit": QCoreApplication.translate("labels", "방문 상담"),
        "call": QCoreApplication.translate("labels", "전화 상담"),
        "counselling": QCoreApplication.translate("labels", "심층 상담"),
        "outreach": QCoreApplication.translate("labels", "찾아가는 상담"),
        "other": QCoreApplication.translate("labels", "기타"),
    }
    return names.get(code, code)
