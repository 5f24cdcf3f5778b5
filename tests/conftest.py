"""Shared test set-up: offscreen Qt, a private home and settings folder, temporary databases."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Nothing a test does may touch the developer's real data folder or settings.
_PRIVATE_HOME = Path(tempfile.mkdtemp(prefix="pcrm-test-home-"))
os.environ["HOME"] = str(_PRIVATE_HOME)
os.environ["XDG_DATA_HOME"] = str(_PRIVATE_HOME / "data")
os.environ["XDG_CONFIG_HOME"] = str(_PRIVATE_HOME / "config")
os.environ.pop("PCRM_DATABASE_URL", None)

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data" / "public"
ARTIFACTS = Path(os.environ.get("PCRM_ARTIFACTS", REPO / "artifacts"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "pcrm.db"


@pytest.fixture
def backend(db_path: Path):
    from pcrm_desktop.bootstrap import open_backend
    opened = open_backend(str(db_path))
    yield opened
    opened.close()


@pytest.fixture
def ctx(backend):
    return backend.ctx


@pytest.fixture
def admin_ctx(ctx):
    """A context acting as the first admin of a freshly set-up office."""
    from pcrm_desktop.domain.office import OfficeProfile
    from pcrm_desktop.services.office import complete_first_run
    actor = complete_first_run(ctx, OfficeProfile("청운효자동 행정복지센터"), ["민원행정팀", "복지팀"],
                               "홍길동", "hong")
    return ctx.as_actor(actor)


@pytest.fixture
def screenshot_dir() -> Path:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
