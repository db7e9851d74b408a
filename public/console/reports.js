// The statistics pages' charts, drawn with uPlot (served next to this file) from the figures the
// server put in each chart's data-chart attribute: the same cells as the table below the chart, with
// hidden ("<5") cells as gaps. An external file, because the console's CSP allows no inline script.
// Without JavaScript the tables carry every number; the charts are an extra for the eye.
(() => {
  const COLOURS = ['#0b4f9c', '#c25400', '#2e7d32'];
  // Bars: the first series wide behind, the second narrow in front (the median inside the 90% bar).
  const FILLS = ['rgba(11, 79, 156, 0.85)', '#f0a500'];

  /** 2026-11-05 → 05.11, 2026-11 → 11.2026: day and month labels short enough for an axis. */
  const shortLabel = (label) => {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label);
    if (day) return `${day[3]}.${day[2]}`;
    const month = /^(\d{4})-(\d{2})$/.exec(label);
    return month ? `${month[2]}.${month[1]}` : label;
  };

  const categorical = (labels) => ({
    // One tick per category, labelled with its name rather than its index.
    splits: () => labels.map((_, i) => i),
    values: (_, splits) => splits.map((i) => labels[i] ?? ''),
  });

  function lineOptions(spec, width) {
    const labels = spec.labels.map(shortLabel);
    return {
      width,
      height: 260,
      legend: { live: false },
      scales: { x: { time: false }, y: { range: (_, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] } },
      axes: [
        { values: (_, splits) => splits.map((i) => labels[i] ?? ''), space: 50, incrs: [1, 2, 7, 14, 30] },
        { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] },
      ],
      series: [
        { label: '', value: (_, i) => (i == null ? '' : (spec.labels[i] ?? '')) },
        ...spec.series.map((s, i) => ({ label: s.label, stroke: COLOURS[i], width: 2, points: { size: 5 } })),
      ],
    };
  }

  /** Horizontal bars: long category names read along the left axis; later series drawn thinner on top. */
  function barOptions(spec, width) {
    const { labels } = spec;
    const widest = labels.reduce((w, l) => Math.max(w, l.length), 0);
    return {
      width,
      height: Math.max(140, 34 * labels.length + 70),
      legend: { live: false },
      scales: {
        x: { time: false, ori: 1, dir: -1, range: [-0.5, labels.length - 0.5] },
        y: { ori: 0, range: (_, _min, max) => [0, Math.max(1, max * 1.1)] },
      },
      axes: [
        { side: 3, size: Math.min(width * 0.45, 16 + widest * 8), gap: 4, ...categorical(labels) },
        { side: 2 },
      ],
      series: [
        { label: '', value: (_, i) => (i == null ? '' : (labels[i] ?? '')) },
        ...spec.series.map((s, i) => ({
          label: s.label,
          stroke: COLOURS[i],
          fill: FILLS[i] ?? FILLS[0],
          paths: window.uPlot.paths.bars({ size: [i === 0 ? 0.7 : 0.35, 60] }),
          points: { show: false },
        })),
      ],
    };
  }

  function draw(element) {
    const spec = JSON.parse(element.getAttribute('data-chart'));
    if (!spec.labels.length) return;
    const width = Math.max(280, element.clientWidth);
    const options = spec.kind === 'line' ? lineOptions(spec, width) : barOptions(spec, width);
    const data = [spec.labels.map((_, i) => i), ...spec.series.map((s) => s.values)];
    const plot = new window.uPlot(options, data, element);
    window.addEventListener('resize', () => {
      plot.setSize({ width: Math.max(280, element.clientWidth), height: options.height });
    });
  }

  /** Typing a date means "my own dates": tick that choice, so the form shows what was asked for. */
  function customOnDates() {
    const custom = document.querySelector('input[name="period"][value="custom"]');
    for (const input of document.querySelectorAll('input[type="date"]')) {
      input.addEventListener('change', () => {
        if (custom) custom.checked = true;
      });
    }
  }

  customOnDates();
  if (window.uPlot) for (const element of document.querySelectorAll('[data-chart]')) draw(element);
})();
