(function () {
  const doc = window.top ? window.top.document : document;
  if (doc.ftPresentKeys) { return; }
  doc.ftPresentKeys = true;
  const NEXT = new Set(["ArrowRight", "ArrowDown", "PageDown", " ", "Spacebar"]);
  const PREVIOUS = new Set(["ArrowLeft", "ArrowUp", "PageUp"]);
  doc.addEventListener("keydown", function (event) {
    const key = NEXT.has(event.key) ? "present_next" : PREVIOUS.has(event.key) ? "present_previous" : null;
    if (!key || event.altKey || event.ctrlKey || event.metaKey) { return; }
    const target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)
                   || target.closest('[role="slider"], [role="listbox"], [role="combobox"]'))) { return; }
    const button = doc.querySelector(".st-key-" + key + " button");
    if (!button) { return; }
    event.preventDefault();
    event.stopPropagation();
    if (!button.disabled) { button.click(); }
  }, true);
})();
