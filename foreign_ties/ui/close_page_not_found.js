// Streamlit answers an unknown address with its own English "Page not found" dialog that
// says it is running the main page (it is not: we show our own page in the reader's
// language). Close that dialog as soon as it appears; CSS hides it meanwhile.
(function () {
  const doc = window.top ? window.top.document : document;
  let tries = 0;
  const timer = setInterval(function () {
    const close = doc.querySelector('[data-testid="stDialog"] button[aria-label="Close"]');
    if (close) { close.click(); }
    if (close || ++tries > 50) { clearInterval(timer); }
  }, 100);
})();
