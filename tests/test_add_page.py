"""AppTest of the Add figures page (/add) on a copy of the real data in tmp_path: signed out
it shows only the sign-in form; a wrong password and a lockout are refused in the reader's
language; an editor pastes a real report, checks its figures, publishes them as a new
version (the same function as `ingest --accept-all`), sees them through views, restores the
previous version and signs out."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest

from foreign_ties import accounts, data_version, editor_session, i18n, paths, versions, views
from foreign_ties.state import Filters
from tests.conftest import CHEAP_HASHER, app_at, copy_current_data, texts
from tests.test_extract_read import docx_bytes, minimal_pdf
from tests.test_pages import english_only, ui_strings

PAGE = "pages/add_figures.py"
REPORT = paths.ROOT / "tests/data/extract/texts/langsontv-lang-son-foreign-affairs-2024.txt"
PASSWORD = "editor password"
PUBLISHED = dt.date(2024, 4, 3)
SOURCE = {"publisher": "Lang Son Radio and Television", "title": "Đối ngoại Lạng Sơn 2024"}


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    """A copy of the real data and its current version, made the app's data folder;
    editor 'ana' and viewer 'vic' in a temporary accounts file."""
    folder = tmp_path / "data"
    copy_current_data(folder)
    monkeypatch.setenv("FOREIGN_TIES_DATA", str(folder))
    monkeypatch.setattr(paths, "DATA_DIR", folder)
    monkeypatch.setattr(paths, "CURATED_DIR", folder / "curated")
    monkeypatch.setattr(paths, "DOCUMENTS_DIR", folder / "documents")
    monkeypatch.setattr(paths, "PARQUET_DIR", folder / "parquet")
    monkeypatch.setenv("FOREIGN_TIES_ACCOUNTS", str(tmp_path / "accounts.toml"))
    monkeypatch.setattr(accounts, "HASHER", CHEAP_HASHER)
    accounts.add("ana", "editor", PASSWORD)
    accounts.add("vic", "viewer", "viewer password")
    data_version.reset()
    yield folder
    data_version.unpin()
    data_version.reset()


def sign_in(at, name: str, password: str):
    at.text_input(key="add_signin_name").input(name)
    at.text_input(key="add_signin_password").input(password)
    return button(at, "add_signin_submit").click().run()


def messages(at) -> list[str]:
    return [e.value for kind in ("error", "warning", "info", "success") for e in at.get(kind)]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_signed_out_the_page_shows_only_the_sign_in_form(data, lang):
    at = app_at(PAGE, lang=lang)
    assert not at.exception, at.exception
    assert at.title[0].value == i18n.t("add.title", lang)
    assert [t.label for t in at.text_input] == [
        i18n.t("add.signin.name", lang),
        i18n.t("add.signin.password", lang),
    ]
    assert at.text_input(key="add_signin_password").proto.type == 1  # PASSWORD
    assert not at.file_uploader and not at.text_area and not at.data_editor
    assert not at.get("date_input") and not at.checkbox and not at.dataframe
    assert str(30) in texts(at)  # the idle time is stated


def test_a_wrong_password_and_a_viewer_are_refused_with_one_message(data):
    at = sign_in(app_at(PAGE), "ana", "not the password")
    assert messages(at) == [i18n.t("add.signin.wrong", "en")]
    assert not at.text_area and not at.file_uploader
    assert "add_signin_password" not in at.session_state  # the session forgets it
    at = sign_in(at, "vic", "viewer password")
    assert messages(at) == [i18n.t("add.signin.not_editor", "en")]
    assert not at.text_area
    vi = sign_in(app_at(PAGE, lang="vi"), "ana", "sai mật khẩu")
    assert messages(vi) == ["Sai tên tài khoản hoặc mật khẩu."]


def test_five_failures_lock_the_name_even_for_the_right_password(data):
    at = app_at(PAGE)
    for _ in range(4):
        at = sign_in(at, "ana", "wrong")
        assert messages(at) == [i18n.t("add.signin.wrong", "en")]
    at = sign_in(at, "ana", "wrong")
    locked = i18n.tn("add.signin.locked", 15, "en")
    assert messages(at) == [locked]
    at = sign_in(at, "ana", PASSWORD)
    assert messages(at) == [locked] and not at.text_area


def where_and_when(at, place: str = "lang-son"):
    """The report's place and publication date (the page has no defaults for them)."""
    at.selectbox(key="add_place").set_value(place)
    at.date_input(key="add_published").set_value(PUBLISHED)
    return at


def fill_report(at, text: str, place: str = "lang-son", **fields: str):
    at.text_area(key="add_paste").input(text)
    where_and_when(at, place)
    for name, value in fields.items():
        at.text_input(key=f"add_{name}").input(value)
    return button(at, "add_extract").click().run()


def button(at, key: str):
    (found,) = [b for b in at.button if b.key == key]
    return found


def lang_son_facts(text: str) -> list[dict]:
    everything = Filters(("lang-son",), 2000, 2030)
    rows = views.facts_with_sources(everything, [], text)
    return rows.to_dict("records")


def test_an_editor_publishes_checked_figures_then_restores_the_previous_version(data):
    original = versions.current_id(data)
    at = sign_in(app_at(PAGE), "ana", PASSWORD)
    assert not at.exception and not messages(at)
    assert at.text_area and at.file_uploader and not at.data_editor
    assert {".txt", ".html", ".pdf", ".docx"} <= set(at.file_uploader[0].allowed_type)
    at = fill_report(at, REPORT.read_text(encoding="utf-8"), **SOURCE)
    assert not at.exception and not messages(at)
    (editor,) = at.data_editor
    table = editor.value
    assert list(table["value"]) == ["62", "510", "165", "883"]
    assert list(table["keep"]) == [True] * 4 and not any(table["note"])
    assert all("62 đoàn" in quote for quote in table["quote"])
    # The editor leaves out the fourth figure and marks the third as a target.
    at.session_state[editor.key] = {
        "edited_rows": {"2": {"status": "target"}, "3": {"keep": False}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at = button(at.run(), "add_publish").click().run()
    assert not at.exception, at.exception
    (success,) = at.success
    new_id = versions.current_id(data)
    assert new_id != original and new_id in success.value
    assert success.value.startswith("Published 3 figures")
    assert not at.data_editor  # the review is done
    links = "\n".join(m.value for m in at.markdown)
    assert "compare?" in links and "sources?" in links and "fact=" in links and "lang=en" in links
    meta = versions.manifest(data, new_id)
    assert meta["by"] == "ana" and meta["via"] == "page" and len(meta["facts_added"]) == 3
    added = {r["value_as_written"]: r for r in lang_son_facts("62 đoàn")}
    assert set(added) == {"62", "510", "165"}
    assert added["165"]["status"] == "target" and added["62"]["status"] == "reported"
    history = at.dataframe[-1].value
    assert history.iloc[0]["Change"].startswith("3 figures added from")
    assert list(history["In use"])[:2] == ["✓", ""]

    # The same text again: the three figures now in the data are flagged and unticked.
    at = fill_report(at, REPORT.read_text(encoding="utf-8"), **SOURCE)
    table = at.data_editor[0].value
    assert list(table["keep"]) == [False, False, False, True]
    assert [n.startswith("already in the data") for n in table["note"]] == [True] * 3 + [False]

    # Restore the previous version, after the confirmation.
    assert button(at, "add_restore").proto.disabled
    at.checkbox[0].check().run()
    at = button(at, "add_restore").click().run()
    assert not at.exception, at.exception
    restored = versions.current_id(data)
    assert restored not in (new_id, original)
    assert versions.manifest(data, restored)["restored_from"] == original
    assert at.success and restored in at.success[0].value
    assert lang_son_facts("62 đoàn") == []

    at = button(at, "add_sign_out").click().run()
    assert not at.text_area and not at.data_editor and at.text_input(key="add_signin_name")
    assert messages(at) == [i18n.t("add.signed_out", "en")]


def test_an_idle_session_ends_and_only_the_form_is_shown(data):
    at = sign_in(app_at(PAGE), "ana", PASSWORD)
    assert at.text_area
    idle = editor_session.IDLE_MINUTES * 60 + 1
    at.session_state["_editor_session"] = editor_session.Session("ana", time.time() - idle)
    at.run()
    assert messages(at) == [i18n.t("add.signin.idle", "en", minutes=30)]
    assert not at.text_area and not at.file_uploader and at.text_input(key="add_signin_name")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("scan.pdf", minimal_pdf(None), "add.read.scan"),
        ("locked.pdf", b"%PDF-1.4\n1 0 obj << /Encrypt 2 0 R >> endobj", "add.read.encrypted"),
        ("empty.txt", b"   \n", "add.read.empty"),
        ("photo.docx", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "add.read.binary"),
    ],
)
def test_an_unreadable_upload_says_why_and_nothing_else_happens(data, name, content, message):
    at = sign_in(app_at(PAGE), "ana", PASSWORD)
    before = versions.current_id(data)
    at.file_uploader(key="add_upload").upload(name, content)
    where_and_when(at).text_input(key="add_publisher").input("Someone")
    at = button(at, "add_extract").click().run()
    assert not at.exception, at.exception
    assert messages(at) == [i18n.t(message, "en")]
    assert not at.data_editor and versions.current_id(data) == before


def test_the_place_and_the_date_have_no_default(data):
    at = sign_in(app_at(PAGE), "ana", PASSWORD)
    at.text_area(key="add_paste").input(REPORT.read_text(encoding="utf-8"))
    at = button(at, "add_extract").click().run()
    assert messages(at) == [i18n.t("add.error.published", "en"), i18n.t("add.error.place", "en")]
    assert not at.data_editor


def test_an_uploaded_word_file_gives_its_figures(data):
    at = sign_in(app_at(PAGE), "ana", PASSWORD)
    paragraphs = REPORT.read_text(encoding="utf-8").splitlines()
    at.file_uploader(key="add_upload").upload("bao-cao.docx", docx_bytes(paragraphs))
    where_and_when(at)
    at.text_input(key="add_publisher").input("Lang Son Radio and Television")
    at = button(at, "add_extract").click().run()
    assert not at.exception and not messages(at)
    assert list(at.data_editor[0].value["value"]) == ["62", "510", "165", "883"]


def test_signed_in_in_vietnamese_every_label_is_vietnamese(data, vietnamese):
    """(`vietnamese`: AppTest formats a widget's options in the test's own language.)"""
    at = sign_in(app_at(PAGE, lang="vi"), "ana", PASSWORD)
    at = fill_report(at, REPORT.read_text(encoding="utf-8"), **SOURCE)
    assert not at.exception and at.data_editor
    english = english_only()
    assert not [s for s in ui_strings(at) if s in english]
    labels = {c: v.get("label") for c, v in json.loads(at.data_editor[0].proto.columns).items()}
    assert labels["quote"] == "Câu gốc" and labels["keep"] == "Giữ"
    assert not set(labels.values()) & english
    assert "Đăng xuất" in [b.proto.label for b in at.button]


def test_figures_the_checks_refuse_are_named_row_by_row_and_nothing_is_published(data):
    before = versions.current_id(data)
    hidden = REPORT.read_text(encoding="utf-8").replace("62 đoàn", "62 đoàn\u202e", 1)
    at = fill_report(sign_in(app_at(PAGE), "ana", PASSWORD), hidden, **SOURCE)
    at = button(at, "add_publish").click().run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == [i18n.t("add.none_passed", "en")]
    rows = [w.value for w in at.warning]
    assert len(rows) == 4 and rows[0].startswith("Row 1 (“62”): refused by the data checks")
    assert all("Sentence" in row and "bidirectional control U+202E" in row for row in rows), rows
    assert versions.current_id(data) == before and at.data_editor  # the review stays
    assert not (data / "curated" / "facts" / "ingest-doi-ngoai-lang-son-2024.csv").exists()


def test_a_source_field_the_checks_refuse_is_named(data):
    before = versions.current_id(data)
    fields = {**SOURCE, "title": "A\ttitle"}
    at = fill_report(sign_in(app_at(PAGE), "ana", PASSWORD), REPORT.read_text("utf-8"), **fields)
    at = button(at, "add_publish").click().run()
    assert [e.value for e in at.error] == [i18n.t("add.checks_refused", "en")]
    (why,) = [w.value for w in at.warning]
    assert why.startswith("The source was refused by the data checks, field “Title")
    assert "control character U+0009" in why and versions.current_id(data) == before
