"""What a person sees when the worker behind their page dies: nginx, two workers and Redis; the
page's worker is killed with SIGKILL; the page comes back on the survivor with its values, and
says that what was running was stopped."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from reactive.session.manager import MOVED
from tests.browser.conftest import open_app
from tests.deploy import services

APP = Path(__file__).parent.parent / "deploy" / "echo_app.py"


def test_a_page_whose_worker_dies_shows_its_values_on_the_survivor(
    page: Page, tmp_path: Path
) -> None:
    with (
        services.redis_server(tmp_path) as store,
        services.workers(APP, 2, {"RX_TEST_STORE": store}) as started,
        services.nginx(tmp_path / "nginx", [w.port for w in started]) as port,
    ):
        open_app(page, f"http://127.0.0.1:{port}/")
        page.locator("#q input").fill("typed before")
        out = page.locator("#out .rx-value")
        expect(out).to_contain_text("TYPED BEFORE@")
        page.locator("#go input").fill("tick")
        expect(page.locator("#stream .rx-value")).to_contain_text("tick:2")
        pid = out.inner_text().rsplit("@", 1)[1]
        victim = next(w for w in started if str(w.process.pid) == pid)
        survivor = next(w for w in started if w is not victim)

        victim.kill()
        expect(page.locator("html")).to_have_attribute("data-rx-state", "ready", timeout=5000)
        expect(page.locator(".rx-toast").filter(has_text=MOVED[:40])).to_be_visible()
        expect(page.locator("#q input")).to_have_value("typed before")
        expect(out).to_have_text(f"TYPED BEFORE@{pid}")  # the output as it was
        expect(page.locator("#go input")).to_have_value("tick")

        page.locator("#q input").fill("typed after")  # answered by the survivor
        expect(out).to_have_text(f"TYPED AFTER@{survivor.process.pid}")
