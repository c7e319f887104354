// A link to a figure opens Sources at its sentence: scroll the document box and the page to
// the highlighted quote once it is drawn, and flash it so the eye finds it.
(function () {
  const doc = window.top ? window.top.document : document;
  let tries = 0;
  const timer = setInterval(function () {
    const mark = doc.querySelector("mark#quote");
    if (!mark && ++tries < 50) { return; }
    clearInterval(timer);
    if (!mark) { return; }
    const box = mark.closest(".ft-document");
    if (box) { box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3); }
    mark.scrollIntoView({ block: "center" });
    mark.classList.add("ft-arrived");
  }, 100);
})();
