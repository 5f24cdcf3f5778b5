"""Table definitions (SQLAlchemy Core), one module per area. Repositories map rows to the
domain's dataclasses.

Core rather than ORM-mapped classes: the domain stays plain dataclasses, list queries return rows
directly, and bulk loads (imports, `pcrm demo`) use executemany at full speed.
Every schema change goes through an Alembic migration in `db/migrations/versions/`.

Every table is on the one `metadata` (base.py), which Alembic's env and the migration test
read; importing this package defines them all, and each is importable from here
(`from pcrm_desktop.db.tables import complaints`) whichever module holds it:
- `organization`: office, departments, staff, office_settings
- `audit`: audit_log, audit_chain_base, audit_chain_keys, database_identity
- `retention`: destruction_ledger
- `residents`: citizens and their phones, name pieces, groups, consents, interactions
- `calendar`: holidays, holiday_years
- `cases`: 민원 types, categories, receipt counters, complaints, events, links, attachments
- `happy_call`: happy_calls, happy_call_attempts
- `satisfaction`: surveys, versions, responses, answers, links, callbacks, daily sums
- `actions`: improvement_actions
"""
from pcrm_desktop.db.tables.actions import improvement_actions
from pcrm_desktop.db.tables.audit import (
    audit_chain_base,
    audit_chain_keys,
    audit_log,
    database_identity,
)
from pcrm_desktop.db.tables.base import NAMING_CONVENTION, metadata
from pcrm_desktop.db.tables.calendar import holiday_years, holidays
from pcrm_desktop.db.tables.cases import (
    PERIOD_UNITS,
    attachment_contents,
    complaint_attachments,
    complaint_categories,
    complaint_events,
    complaint_links,
    complaint_types,
    complaints,
    receipt_counters,
)
from pcrm_desktop.db.tables.happy_call import happy_call_attempts, happy_calls
from pcrm_desktop.db.tables.organization import departments, office, office_settings, staff
from pcrm_desktop.db.tables.residents import (
    citizen_grams,
    citizen_groups,
    citizen_phones,
    citizens,
    consents,
    customer_groups,
    interactions,
)
from pcrm_desktop.db.tables.retention import destruction_ledger
from pcrm_desktop.db.tables.satisfaction import (
    survey_answers,
    survey_callbacks,
    survey_item_days,
    survey_links,
    survey_response_days,
    survey_responses,
    survey_versions,
    surveys,
)

__all__ = [
    "NAMING_CONVENTION", "metadata", "departments", "office", "office_settings", "staff",
    "audit_chain_base", "audit_chain_keys", "audit_log", "database_identity", "destruction_ledger",
    "citizen_grams", "citizen_groups", "citizen_phones", "citizens", "consents", "customer_groups",
    "interactions", "holiday_years", "holidays", "PERIOD_UNITS", "complaint_attachments",
    "attachment_contents",
    "complaint_categories", "complaint_events", "complaint_links", "complaint_types", "complaints",
    "receipt_counters", "happy_call_attempts", "happy_calls", "survey_answers", "survey_callbacks",
    "survey_item_days", "survey_links", "survey_response_days", "survey_responses",
    "survey_versions", "surveys", "improvement_actions",
]
