// Present mode: the slide's zoom as a plain number (--ft-zoom, the min of width/1920 and
// height/1080, the same as --u in present.css without its unit), for the chart, which is laid
// out at slide size and zoomed like the text around it. CSS cannot divide a length by a
// length in every browser a venue may have, so the number is set here.
(function () {
  const win = window.top || window;
  const doc = win.document;
  if (doc.ftPresentFit) { return; }
  doc.ftPresentFit = true;
  const fit = function () {
    const zoom = Math.min(win.innerWidth / 1920, win.innerHeight / 1080);
    doc.documentElement.style.setProperty("--ft-zoom", String(zoom));
  };
  fit();
  win.addEventListener("resize", fit);
})();
