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
    }
    return names.get(action, action)


def actor_name(login: str) -> str:
    return QCoreApplication.translate("labels", "시스템") if login == "system" else login
