import pytest

pytestmark = pytest.mark.browser


def test_home_page_loads_without_errors_or_foreign_requests(page, page_log, site_url):
    page.goto(f"{site_url}/index.html")
    assert page.title().endswith("Alignment Explained")
    page.wait_for_load_state("networkidle")
    assert page_log.console_errors == []
    assert page_log.page_errors == []
    assert page_log.foreign_requests == []
