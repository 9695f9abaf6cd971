'use strict';
// Least-squares line through (pages, seconds): the bench prints it so "cost linear in pages" is
// a measured claim (slope, intercept, R² and the worst residual), not an impression.

function linearFit(points) {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = my - slope * mx;
  const ssTot = points.reduce((s, p) => s + (p.y - my) ** 2, 0);
  const ssRes = points.reduce((s, p) => s + (p.y - (intercept + slope * p.x)) ** 2, 0);
  const worst = Math.max(...points.map((p) => Math.abs(p.y - (intercept + slope * p.x)) / p.y));
  return { slope, intercept, r2: ssTot === 0 ? 1 : 1 - ssRes / ssTot, worstRelativeResidual: worst };
}

module.exports = { linearFit };
