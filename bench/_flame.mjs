// A flame graph of every thread of a run as one SVG (no dependency): one tower per thread, its width
// the thread's CPU time, each frame's width its share of it, coloured by part of the run. Hover a
// frame for its name, place, time and part. A frame is coloured by the part its own time goes to; one
// whose time is nearly all in the frames it calls is a caller, drawn pale. Frames narrower than
// `minShare` of the whole are folded into their caller.

const CALLER = "#f0f0f0";
const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/**
 * towers: [{ label, cpuMs, root }] where root is { name, place, part, ms, children: [...] } (ms: the
 * frame's total, children included). parts: { part: { label, colour } }. Returns the SVG's text.
 */
export function flameSvg({ title, subtitle, towers, parts, minShare = 0.001 }) {
  const width = 1600;
  const rowHeight = 17;
  const margin = 10;
  const total = towers.reduce((sum, tower) => sum + tower.cpuMs, 0);
  const scale = (width - 2 * margin) / total;
  const minMs = total * minShare;
  const rects = [];
  let depth = 0;
  const draw = (frame, x, level, tower) => {
    depth = Math.max(depth, level);
    rects.push({ frame, x, level, tower });
    let at = x;
    for (const child of [...frame.children].sort((a, b) => b.ms - a.ms)) {
      if (child.ms < minMs) continue;
      draw(child, at, level + 1, tower);
      at += child.ms * scale;
    }
  };
  let x = margin;
  for (const tower of towers) {
    draw({ name: tower.label, place: "", part: "thread", ms: tower.cpuMs, children: tower.root ? [tower.root] : [] }, x, 0, tower);
    x += tower.cpuMs * scale;
  }
  const legendTop = 58;
  const legend = [...Object.values(parts), { label: "caller (its time is in the frames above it)", colour: CALLER }];
  const legendRows = [];
  let legendX = margin;
  for (const { label, colour } of legend) {
    const itemWidth = 24 + label.length * 6;
    if (legendX + itemWidth > width - margin) legendX = margin;
    if (legendX === margin) legendRows.push([]);
    legendRows.at(-1).push({ label, colour, x: legendX });
    legendX += itemWidth;
  }
  const top = legendTop + legendRows.length * 18 + 12;
  const height = top + (depth + 1) * rowHeight + margin;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${margin}" y="22" font-size="16">${escape(title)}</text>`,
    `<text x="${margin}" y="42" fill="#444">${escape(subtitle)}</text>`,
  ];
  legendRows.forEach((row, i) => {
    const y = legendTop + i * 18;
    for (const { label, colour, x: left } of row) out.push(`<rect x="${left}" y="${y}" width="12" height="12" fill="${colour}"/><text x="${left + 16}" y="${y + 10}">${escape(label)}</text>`);
  });
  for (const { frame, x: left, level } of rects) {
    const w = frame.ms * scale;
    const y = top + level * rowHeight;
    const caller = frame.self !== undefined && frame.self < frame.ms * 0.05;
    const colour = frame.part === "thread" ? "#ddd" : caller ? CALLER : (parts[frame.part]?.colour ?? "#bbb");
    const share = ((100 * frame.ms) / total).toFixed(1);
    const tip = `${frame.name}${frame.place ? ` (${frame.place})` : ""}: ${(frame.ms / 1000).toFixed(3)} s, ${share}% of the run's CPU; ${parts[frame.part]?.label ?? frame.part}`;
    out.push(`<g><title>${escape(tip)}</title><rect x="${left.toFixed(2)}" y="${y}" width="${Math.max(0.5, w - 0.5).toFixed(2)}" height="${rowHeight - 1}" fill="${colour}"/>`);
    const chars = Math.floor((w - 6) / 6.2);
    if (chars >= 3) {
      const label = frame.name.length > chars ? `${frame.name.slice(0, chars - 1)}…` : frame.name;
      out.push(`<text x="${(left + 3).toFixed(2)}" y="${y + 12}">${escape(label)}</text>`);
    }
    out.push(`</g>`);
  }
  out.push(`</svg>`);
  return out.join("\n");
}
