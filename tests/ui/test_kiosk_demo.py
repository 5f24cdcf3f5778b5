"""The kiosk as issue 18 §7 found it: the demo's `kiosk` account opens a working kiosk (its
survey and staff PIN set up by `pcrm demo`), and `--windowed` on a 1366×768 laptop screen
keeps the language and 직원 buttons on the screen."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from pcrm_desktop.services.demo import DEMO_KIOSK_PIN, DemoRequest, fill_demo
from tests.dbutil import rows
from tests.ui.helpers import save_screenshot, sign_in_demo

ROOT = Path(__file__).resolve().parents[2]


def _tap(qtbot, window, name: str) -> None:
    button = window.findChild(QPushButton, name)
    qtbot.waitUntil(button.isVisible, timeout=2000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_demo_kiosk_account_opens_a_working_kiosk(qtbot, qapp, backend, db_path,
                                                      monkeypatch, screenshot_dir):
    from pcrm_desktop.app import Application
    from tests.ui.conftest import _args
    fill_demo(backend.ctx, DemoRequest(citizens=5, seed=2))  # no answers asked for: still set up
    shown: list[str] = []
    monkeypatch.setattr("pcrm_desktop.ui.dialogs.show_error", lambda p, t, text: shown.append(text))
    monkeypatch.setattr(qapp, "quit", lambda: shown.append("quit"))
    app = Application(_args(user="kiosk", windowed=True), qapp)
    app.open_window(backend)
    kiosk = sign_in_demo(qtbot, app, "kiosk")
    assert shown == [] and app.window is None and kiosk is app.kiosk
    qtbot.addWidget(kiosk)
    assert kiosk.survey == "COUNTER" and kiosk.isVisible()
    _tap(qtbot, kiosk, "kioskStart")
    _tap(qtbot, kiosk, "kioskChoice_5")  # the counter questionnaire's first question answered
    assert kiosk.answers == {"ACCESS": 5}
    save_screenshot(kiosk, screenshot_dir, "kiosk-demo-question")
    _tap(qtbot, kiosk, "kioskStaff")
    with qtbot.waitSignal(kiosk.left, timeout=5000):  # the PIN `pcrm demo` prints leaves it
        for digit in DEMO_KIOSK_PIN:
            _tap(qtbot, kiosk, f"kioskPin{digit}")
        _tap(qtbot, kiosk, "kioskPinOk")
    assert "quit" in shown
    app.runner.wait(5000)
    assert rows(db_path, "SELECT action, actor FROM audit_log WHERE action LIKE 'kiosk.exit%'") \
        == [("kiosk.exit", "kiosk")]


# Run in a process of its own: the offscreen screen's size is fixed when Qt starts.
_WINDOWED = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication, QPushButton
    from pcrm_desktop.app import Application
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.services.demo import DEMO_PASSWORD
    from tests.ui.conftest import _args
    from PySide6.QtTest import QTest
    import pcrm_desktop.ui.dialogs
    pcrm_desktop.ui.dialogs.show_error = lambda parent, title, text: sys.exit("error: " + text)
    qapp = QApplication([])
    backend = open_backend(sys.argv[1])
    app = Application(_args(user="kiosk", windowed=True), qapp)
    app.open_window(backend)
    app.login.password.setText(DEMO_PASSWORD)
    app.login.submit()
    for _ in range(200):
        if app.kiosk is not None:
            break
        QTest.qWait(50)
    kiosk = app.kiosk
    if kiosk is None:
        sys.exit("no kiosk")
    QTest.qWait(200)
    screen = kiosk.screen().availableGeometry()
    outside = []
    for name in ("kioskKorean", "kioskEnglish", "kioskStaff", "kioskStart"):
        button = kiosk.findChild(QPushButton, name)
        where = QRect(button.mapToGlobal(button.rect().topLeft()), button.size())
        if not button.isVisible() or not screen.contains(where) or \\
                not kiosk.rect().contains(QRect(button.mapTo(kiosk, button.rect().topLeft()),
                                                button.size())):
            outside.append(name)
    kiosk.grab().save(sys.argv[2])
    print(json.dumps({"screen": [screen.width(), screen.height()],
                      "frame": kiosk.frameGeometry().getRect(), "outside": outside}))
    kiosk.unlocked = True
    kiosk.close()
    app.runner.wait(5000)
    backend.close()
""")


def test_windowed_kiosk_fits_a_1366x768_screen(backend, db_path, tmp_path, screenshot_dir):
    fill_demo(backend.ctx, DemoRequest(citizens=5, seed=2))
    backend.close()
    screens = tmp_path / "screen.json"
    screens.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366,
                                                "height": 768, "logicalDpi": 96, "dpr": 1}]}))
    shot = screenshot_dir / "kiosk-windowed-1366x768.png"
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screens}",
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _WINDOWED, str(db_path), str(shot)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["screen"] == [1366, 768]
    x, y, width, height = seen["frame"]
    assert x >= 0 and y >= 0 and x + width <= 1366 and y + height <= 768, seen
    assert seen["outside"] == [], seen
