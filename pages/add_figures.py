"""Add figures (editors): sign in; paste or upload a report, check the figures it gives,
publish them as a new data version; the recent versions, and a restore of the previous one.
Signed out, only the sign-in form is shown."""

from foreign_ties import editor_session, ui
from foreign_ties.ui import add_figures as add

ui.header("add.title", "add.lede", minutes=str(editor_session.IDLE_MINUTES))
add.flash()
editor = add.signed_in_editor()
if editor is None:
    add.sign_in_form()
else:
    add.signed_in_bar(editor)
    add.result_links()
    add.report_form(editor)
    add.review_and_publish(ui.filters())
    add.history(editor)
