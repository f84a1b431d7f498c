// What a chart drawn by Vega's SVG renderer shows, measured in the page: its size, its plotting
// areas (one per facet cell), its marks, axes and legends, each with its box on screen.
// Called by tests/test_browser_charts.py as page.evaluate(probe, element).
(element) => {
  const svg = element.querySelector("svg");
  if (!svg) return null;
  const box = (node) => {
    const r = node.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
  };
  const items = (selector) => [...svg.querySelectorAll(selector)];
  // A Vega group draws its background first: for a unit or layered view that is the plotting
  // area; a faceted chart has one per cell.
  const cells = items("g.mark-group.role-scope.cell > g > path.background");
  const areas = cells.length ? cells : items("g.mark-group.role-frame.root > g > path.background");
  // Vega hides a label that would overlap by making it transparent; those are not drawn.
  const shown = (t) => t.getAttribute("opacity") !== "0" && getComputedStyle(t).opacity !== "0";
  const label = (t) => {
    const place = /translate\(([-\d.]+),\s*([-\d.]+)\)(?:\s*rotate\(([-\d.]+)\))?/
      .exec(t.getAttribute("transform") || "") || [0, 0, 0, 0];
    return { text: t.textContent, ...box(t), x: +place[1], y: +place[2], angle: +(place[3] || 0),
             size: parseFloat(t.getAttribute("font-size") || "11") };
  };
  const texts = (nodes) => [...nodes].filter(shown).map(label);
  return {
    size: box(svg),
    areas: areas.map(box),
    bars: items("g.mark-rect.role-mark > path").map(box),
    points: items("g.mark-symbol.role-mark > path").map(box),
    lines: items("g.mark-line.role-mark > path").length,
    values: texts(svg.querySelectorAll("g.mark-text.role-mark > text")),
    axes: items("g.mark-group.role-axis").map((axis) => ({
      label: axis.getAttribute("aria-label") || "",
      ticks: texts(axis.querySelectorAll("g.role-axis-label > text")),
    })),
    legends: items("g.mark-group.role-legend").map((legend) => ({
      label: legend.getAttribute("aria-label") || "",
      entries: legend.querySelectorAll("g.role-legend-label > text").length,
    })),
  };
}
