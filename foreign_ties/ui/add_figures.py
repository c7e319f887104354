"""The Add figures page: sign-in, the report, the review of its figures, publish, history.

Signed out, the page shows only the sign-in form. The session keeps an
`editor_session.Session` (the editor's name and last action), never the password: the form
clears its fields on submit and nothing of it goes to the URL. Messages from a publish or a
restore survive the rerun that follows them (`_FLASH`), so the page redraws on the new data.
"""

from __future__ import annotations

import datetime as dt
import html
import time

import streamlit as st

from foreign_ties import add_figures, catalog, editor_session, safe_text, version_history
from foreign_ties.i18n import current_language, t
from foreign_ties.state import Filters
from foreign_ties.ui.add_table import layout_fields

_SESSION = "_editor_session"
_REVIEW = "_add_review"
_FLASH = "_add_flash"  # [(level, text)] to show once, after a rerun
_LINKS = "_add_links"  # after a publish: Compare and Sources on the first new figure
_RUNS = "_add_runs"  # counts extractions and restores: fresh widget keys for each


def signed_in_editor() -> str | None:
    """The signed-in editor's name, or None (never signed in, signed out, idle too long)."""
    session = st.session_state.get(_SESSION)
    if session is None:
        return None
    ended = editor_session.still_valid(session, time.time())
    if ended:
        _forget()
        st.info(ended, icon=":material/logout:")
        return None
    return session.editor


def _forget() -> None:
    for key in (_SESSION, _REVIEW):
        st.session_state.pop(key, None)


def _count(name: str) -> int:
    return st.session_state.setdefault(_RUNS, {}).get(name, 0)


def _bump(name: str) -> None:
    runs = st.session_state.setdefault(_RUNS, {})
    runs[name] = runs.get(name, 0) + 1


def sign_in_form() -> None:
    """The only thing a signed-out reader sees of the feature."""
    st.subheader(t("add.signin.heading"))
    with st.form("add_signin", clear_on_submit=True):
        name = st.text_input(t("add.signin.name"), key="add_signin_name", autocomplete="username")
        password = st.text_input(
            t("add.signin.password"),
            type="password",
            key="add_signin_password",
            autocomplete="current-password",
        )
        submitted = st.form_submit_button(
            t("add.signin.submit"), type="primary", key="add_signin_submit"
        )
    if not submitted:
        return
    st.session_state.pop("add_signin_password", None)  # the browser clears it too (the form)
    result = editor_session.sign_in(name or "", password or "", time.time())
    if result.session is None:
        st.error(result.message, icon=":material/block:")
        return
    st.session_state[_SESSION] = result.session
    st.rerun()


def signed_in_bar(editor: str) -> None:
    left, right = st.columns([4, 1], vertical_alignment="center")
    with left:
        st.caption(
            t(
                "add.signed_in",
                name=safe_text.markdown(editor),
                minutes=editor_session.IDLE_MINUTES,
            )
        )
    with right:
        if st.button(t("add.sign_out"), key="add_sign_out", icon=":material/logout:"):
            _forget()
            st.session_state[_FLASH] = [("info", t("add.signed_out"))]
            st.rerun()


def flash() -> None:
    """Messages of the last publish or restore (kept across its rerun)."""
    for level, text in st.session_state.pop(_FLASH, []):
        getattr(st, level)(safe_text.markdown(text))


def _uploader_in_reader_language() -> None:
    """Streamlit writes its uploader's button ("Upload") and size line ("10MB per file") in
    English only. The label above already states the types and the size, so the size line
    is hidden, and the button shows our word instead (CSS only; the words are ours)."""
    word = t("add.upload_button").replace("\\", "").replace('"', "")
    st.html(
        "<style>[data-testid='stFileUploaderDropzoneInstructions'] {display: none;}"
        "[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p"
        f" {{font-size: 0;}} [data-testid='stFileUploaderDropzone'] button"
        f" [data-testid='stMarkdownContainer'] p::after {{content: \"{word}\"; font-size: 1rem;}}"
        "</style>"
    )


def report_form(editor: str) -> None:
    """Pasted text or one file, the source's fields, and Extract."""
    _uploader_in_reader_language()
    st.subheader(t("add.step.report"))
    places = list(catalog.places())
    with st.form("add_report"):
        text = st.text_area(t("add.paste"), key="add_paste", height=180, max_chars=1_000_000)
        upload = st.file_uploader(
            t("add.upload", mb=add_figures.MAX_UPLOAD_MB),
            type=list(add_figures.UPLOAD_TYPES),
            max_upload_size=add_figures.MAX_UPLOAD_MB,
            key="add_upload",
            help=t("add.upload_help"),
        )
        left, right = st.columns(2)
        url = left.text_input(t("add.field.url"), key="add_url", max_chars=500)
        title = right.text_input(t("add.field.title"), key="add_title", max_chars=300)
        publisher = left.text_input(t("add.field.publisher"), key="add_publisher", max_chars=200)
        language = right.selectbox(
            t("add.field.language"),
            add_figures.LANGUAGES,
            key="add_language",
            format_func=lambda code: t(add_figures.LANGUAGE_KEYS[code]),
        )
        published = left.date_input(
            t("add.field.published"),
            value=None,  # no default: the extractor reads periods relative to this date
            min_value=dt.date(1990, 1, 1),
            max_value=dt.date.today(),
            format="DD/MM/YYYY" if current_language() == "vi" else "YYYY-MM-DD",
            key="add_published",
        )
        place = right.selectbox(
            t("add.field.place"),
            places,
            index=None,  # no default: a wrong place would go unnoticed in every row
            key="add_place",
            placeholder=t("add.field.place_placeholder"),
            format_func=catalog.place_name,
        )
        table = layout_fields()
        submitted = st.form_submit_button(
            t("add.extract"), icon=":material/manage_search:", key="add_extract"
        )
    if not submitted:
        return
    entry = add_figures.Entry(
        text=text or "",
        file_name=upload.name if upload else None,
        file_bytes=upload.getvalue() if upload else None,
        url=url or "",
        title=title or "",
        publisher=publisher or "",
        language=language,
        published=published,
        place=place,
        table=table,
    )
    review, messages = add_figures.prepare(entry, editor)
    st.session_state.pop(_REVIEW, None)
    for message in messages:  # with a review, notes (a table's rows naming no place)
        show = st.error if review is None else st.info
        show(safe_text.markdown(message), icon=":material/error:" if review is None else None)
    if review is not None:
        st.session_state[_REVIEW] = review
        _bump("review")


def review_and_publish(filters: Filters) -> None:
    """The candidates in an editable table, and Publish."""
    review = st.session_state.get(_REVIEW)
    if review is None:
        return
    st.subheader(t("add.step.review"))
    st.caption(t("add.review.help"))
    indicators = catalog.indicators()
    statuses = ("reported", "target", "projection")
    column = st.column_config
    labels = {name: t(key) for name, key in add_figures.COLUMN_KEYS.items()}
    table = st.data_editor(
        add_figures.review_table(review),
        key=f"add_candidates_{_count('review')}",
        hide_index=True,
        num_rows="fixed",
        disabled=[c for c in add_figures.COLUMNS if c not in add_figures.EDITABLE],
        column_config={
            "n": column.NumberColumn(labels["n"], width="small"),
            "keep": column.CheckboxColumn(labels["keep"], width="small"),
            "value": column.TextColumn(labels["value"]),
            "indicator_id": column.SelectboxColumn(
                labels["indicator_id"],
                options=list(indicators),
                format_func=lambda i: indicators[i].name() if i in indicators else i,
            ),
            "province_id": column.SelectboxColumn(
                labels["province_id"],
                options=list(catalog.places()),
                format_func=catalog.place_name,
            ),
            "period_start": column.DateColumn(labels["period_start"]),
            "period_end": column.DateColumn(labels["period_end"]),
            "status": column.SelectboxColumn(
                labels["status"],
                options=statuses,
                required=True,
                format_func=lambda s: t(f"status.{s}"),
            ),
            "note": column.TextColumn(labels["note"]),
            "quote": column.TextColumn(labels["quote"], width="large"),
        },
    )
    if not st.button(
        t("add.publish"), key="add_publish", type="primary", icon=":material/publish:"
    ):
        return
    outcome = add_figures.publish(review, table)
    if outcome is None:
        st.warning(t("add.nothing_kept"))
        return
    level, message = add_figures.summary(outcome)
    shown = [(level, message)] + [("warning", line) for line in add_figures.row_messages(outcome)]
    if outcome.version_id:
        st.session_state.pop(_REVIEW, None)
        st.session_state[_FLASH] = shown
        st.session_state[_LINKS] = add_figures.links(outcome, filters)
        st.rerun()
    for level, line in shown:
        getattr(st, level)(safe_text.markdown(line))


def result_links() -> None:
    """After a publish: where to see the new figures."""
    found = st.session_state.pop(_LINKS, None)
    if found:
        st.markdown(
            " · ".join(
                f"<a href='{html.escape(found[page])}' target='_self'>{html.escape(t(key))}</a>"
                for page, key in (("compare", "add.open_compare"), ("sources", "add.open_sources"))
            ),
            unsafe_allow_html=True,
        )


def history(editor: str) -> None:
    """Recent versions, and the restore of the previous one after a confirmation."""
    data_dir = add_figures.data_dir()
    st.subheader(t("add.history.title"))
    st.caption(t("add.history.help"))
    st.dataframe(version_history.table(data_dir), hide_index=True, key="add_history")
    previous = version_history.previous(data_dir)
    if previous is None:
        st.caption(t("add.restore.none"))
        return
    st.markdown(f"**{t('add.restore.heading')}**")
    st.markdown(safe_text.markdown(version_history.describe_previous(previous, data_dir)))
    confirmed = st.checkbox(t("add.restore.confirm"), key=f"add_restore_ok_{_count('restore')}")
    if st.button(
        t("add.restore.button"),
        key="add_restore",
        disabled=not confirmed,
        icon=":material/history:",
    ):
        done = version_history.restore_previous(data_dir, previous["id"], editor)
        st.session_state[_FLASH] = [("success", done)]
        _bump("restore")
        st.rerun()
