#!/usr/bin/env node
/**
 * Makes the placeholder photographs for issue 2024-02 (issues/2024-02/images/*.jpg).
 *
 * The original bulletin carries four photos in the first article; we do not have them, so this
 * script draws calm, photo-like compositions in their place (sky and horizon, blocks of
 * buildings, windows, lamps). Nothing is downloaded and nothing is random: the same sharp
 * version writes the same bytes every run. Each image is an RGB JPEG of 1800 × 1200 px
 * (about 300 ppi when placed 150 mm wide), quality 82, without text.
 *
 * Usage (from the project root):  node scripts/make-placeholder-images.js [outDir]
 * Replace a placeholder by dropping the real photo in under the same file name.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const sharp = require('sharp');

const WIDTH = 1800;
const HEIGHT = 1200;
const QUALITY = 82;
const OUT_DIR = path.resolve(process.argv[2] || path.join(__dirname, '..', 'issues', '2024-02', 'images'));

/** A floating-point RGB canvas with a few drawing primitives. Colours are [r, g, b] in 0–255. */
class Canvas {
  constructor(width, height) {
    this.width = width;
    this.height = height;
    this.px = new Float32Array(width * height * 3);
  }

  /** Blend colour c into pixel (x, y) with opacity a (0–1). */
  blend(x, y, c, a = 1) {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || a <= 0) return;
    const i = (y * this.width + x) * 3;
    const k = Math.min(1, a);
    for (let j = 0; j < 3; j++) this.px[i + j] += (c[j] - this.px[i + j]) * k;
  }

  /** Fill a rectangle; fill is a colour or a function (x, y) => colour. */
  rect(x0, y0, x1, y1, fill, a = 1) {
    const xa = Math.max(0, Math.round(x0));
    const xb = Math.min(this.width, Math.round(x1));
    const ya = Math.max(0, Math.round(y0));
    const yb = Math.min(this.height, Math.round(y1));
    for (let y = ya; y < yb; y++) {
      for (let x = xa; x < xb; x++) this.blend(x, y, typeof fill === 'function' ? fill(x, y) : fill, a);
    }
  }

  /** Vertical gradient between two colours over [y0, y1). */
  vgradient(x0, y0, x1, y1, top, bottom, a = 1) {
    const h = Math.max(1, y1 - y0);
    this.rect(x0, y0, x1, y1, (_x, y) => mix(top, bottom, (y - y0) / h), a);
  }

  /** Anti-aliased disc; soft > 0 widens the edge into a glow. */
  disc(cx, cy, r, c, a = 1, soft = 1.5) {
    const reach = r + soft;
    for (let y = Math.floor(cy - reach); y <= Math.ceil(cy + reach); y++) {
      for (let x = Math.floor(cx - reach); x <= Math.ceil(cx + reach); x++) {
        const d = Math.hypot(x - cx, y - cy);
        const cover = clamp01((r + soft - d) / (2 * soft));
        if (cover > 0) this.blend(x, y, c, a * cover);
      }
    }
  }

  /** Filled convex or concave polygon, points [[x, y], …] (even-odd rule, pixel centres). */
  polygon(points, fill, a = 1) {
    const ys = points.map((p) => p[1]);
    const ya = Math.max(0, Math.floor(Math.min(...ys)));
    const yb = Math.min(this.height - 1, Math.ceil(Math.max(...ys)));
    for (let y = ya; y <= yb; y++) {
      const yc = y + 0.5;
      const xs = [];
      for (let i = 0; i < points.length; i++) {
        const [x1, y1] = points[i];
        const [x2, y2] = points[(i + 1) % points.length];
        if ((y1 <= yc && y2 > yc) || (y2 <= yc && y1 > yc)) xs.push(x1 + ((yc - y1) / (y2 - y1)) * (x2 - x1));
      }
      xs.sort((p, q) => p - q);
      for (let i = 0; i + 1 < xs.length; i += 2) {
        this.rect(xs[i], y, xs[i + 1], y + 1, fill, a);
      }
    }
  }

  /** Darken the corners a little, as a lens does. */
  vignette(strength = 0.18) {
    const cx = this.width / 2;
    const cy = this.height / 2;
    const rmax = Math.hypot(cx, cy);
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        const f = 1 - strength * Math.pow(Math.hypot(x - cx, y - cy) / rmax, 2.2);
        const i = (y * this.width + x) * 3;
        for (let j = 0; j < 3; j++) this.px[i + j] *= f;
      }
    }
  }

  /** 8-bit RGB with a tiny deterministic dither so the gradients do not band. */
  toBuffer() {
    const out = Buffer.alloc(this.width * this.height * 3);
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        const i = (y * this.width + x) * 3;
        const d = (hash(x, y) - 0.5) * 3;
        for (let j = 0; j < 3; j++) out[i + j] = Math.max(0, Math.min(255, Math.round(this.px[i + j] + d)));
      }
    }
    return out;
  }
}

function clamp01(t) {
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

function mix(c1, c2, t) {
  const k = clamp01(t);
  return [c1[0] + (c2[0] - c1[0]) * k, c1[1] + (c2[1] - c1[1]) * k, c1[2] + (c2[2] - c1[2]) * k];
}

/** Integer hash of a pixel position to [0, 1): a fixed pattern, not randomness. */
function hash(x, y) {
  let h = (Math.imul(x, 374761393) + Math.imul(y, 668265263)) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Sky above the horizon, ground below. */
function landscape(cv, horizon, skyTop, skyBottom, groundTop, groundBottom) {
  cv.vgradient(0, 0, WIDTH, horizon, skyTop, skyBottom);
  cv.vgradient(0, horizon, WIDTH, HEIGHT, groundTop, groundBottom);
}

/** A grid of windows inside a facade rectangle. */
function windows(cv, x0, y0, x1, y1, cols, rows, frame, glass, lit) {
  const cw = (x1 - x0) / cols;
  const rh = (y1 - y0) / rows;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const wx = x0 + c * cw + cw * 0.22;
      const wy = y0 + r * rh + rh * 0.2;
      cv.rect(wx - 4, wy - 4, wx + cw * 0.56 + 4, wy + rh * 0.58 + 4, frame);
      const warm = lit && hash(r * 31 + 7, c * 17 + 3) < lit.share;
      cv.vgradient(wx, wy, wx + cw * 0.56, wy + rh * 0.58, warm ? lit.top : glass[0], warm ? lit.bottom : glass[1]);
    }
  }
}

/** A row of rounded trees standing on the ground line. */
function trees(cv, baseY, xs, size, leaf, trunk) {
  for (const [i, x] of xs.entries()) {
    const s = size * (0.8 + 0.4 * hash(i, 11));
    cv.rect(x - s * 0.06, baseY - s * 0.9, x + s * 0.06, baseY, trunk);
    cv.disc(x, baseY - s * 1.05, s * 0.55, leaf, 1, 3);
    cv.disc(x - s * 0.3, baseY - s * 0.85, s * 0.4, mix(leaf, [0, 0, 0], 0.12), 1, 3);
    cv.disc(x + s * 0.32, baseY - s * 0.9, s * 0.42, mix(leaf, [255, 255, 255], 0.08), 1, 3);
  }
}

const SCENES = {
  /** Old workers' village building kept as an exhibition hall: brick, pitched roof, trees. */
  '01-exhibition-hall.jpg'(cv) {
    const horizon = 820;
    landscape(cv, horizon, [150, 186, 214], [226, 232, 230], [170, 166, 158], [120, 118, 114]);
    cv.disc(1460, 230, 70, [250, 244, 225], 0.55, 60);
    // the hall: a long two-storey brick block with a grey pitched roof
    const brick = (x, y) => mix([164, 92, 70], [140, 78, 60], ((Math.floor(y / 14) + Math.floor(x / 46)) % 2) * 0.25);
    cv.rect(250, 470, 1550, horizon, brick);
    cv.polygon([[220, 480], [1580, 480], [1480, 330], [320, 330]], [92, 96, 104]);
    cv.rect(220, 474, 1580, 488, [70, 72, 78]);
    windows(cv, 290, 510, 1510, horizon - 40, 12, 2, [228, 222, 206], [[78, 96, 112], [120, 138, 150]]);
    cv.rect(840, 640, 960, horizon, [88, 60, 48]); // door
    cv.rect(250, horizon - 14, 1550, horizon, [120, 112, 104]);
    trees(cv, horizon + 30, [120, 1660, 1760], 240, [92, 128, 86], [86, 70, 58]);
    cv.polygon([[700, HEIGHT], [1100, HEIGHT], [960, horizon], [840, horizon]], [196, 190, 178], 0.7);
  },

  /** New apartment blocks: pale facades with balcony bands against a clear sky. */
  '01-strivers-apartments.jpg'(cv) {
    const horizon = 900;
    landscape(cv, horizon, [118, 164, 206], [214, 226, 234], [118, 150, 104], [84, 112, 78]);
    const blocks = [
      { x0: 160, x1: 620, top: 260, face: [226, 222, 214], cols: 6, rows: 11 },
      { x0: 700, x1: 1120, top: 150, face: [236, 232, 224], cols: 5, rows: 13 },
      { x0: 1200, x1: 1660, top: 330, face: [214, 212, 208], cols: 6, rows: 10 },
    ];
    for (const b of blocks) {
      cv.rect(b.x0 + 18, b.top + 18, b.x1 + 18, horizon, [70, 80, 92], 0.25); // shadow
      cv.rect(b.x0, b.top, b.x1, horizon, b.face);
      cv.rect(b.x1 - 40, b.top, b.x1, horizon, mix(b.face, [60, 70, 80], 0.18)); // shaded side
      windows(cv, b.x0 + 20, b.top + 30, b.x1 - 50, horizon - 30, b.cols, b.rows, mix(b.face, [255, 255, 255], 0.4), [[96, 124, 150], [150, 174, 192]]);
      const step = (horizon - b.top) / b.rows;
      for (let r = 1; r < b.rows; r++) cv.rect(b.x0, b.top + r * step, b.x1 - 40, b.top + r * step + 8, mix(b.face, [0, 0, 0], 0.12));
      cv.rect(b.x0 - 10, b.top - 16, b.x1 + 10, b.top, mix(b.face, [0, 0, 0], 0.3));
    }
    trees(cv, horizon + 40, [90, 660, 1160, 1720], 170, [78, 118, 74], [80, 64, 52]);
    cv.rect(0, 1040, WIDTH, HEIGHT, [150, 150, 146], 0.9); // path
  },

  /** A community canteen: warm wall, serving counter, tables and pendant lamps. */
  '01-panda-canteen.jpg'(cv) {
    cv.vgradient(0, 0, WIDTH, 760, [232, 214, 186], [214, 190, 158]);
    cv.vgradient(0, 760, WIDTH, HEIGHT, [176, 150, 120], [128, 104, 82]);
    cv.rect(0, 0, WIDTH, 90, [200, 184, 160]); // ceiling band
    cv.rect(120, 210, 980, 560, [196, 206, 200]); // menu wall panel (blank)
    cv.rect(140, 230, 960, 540, [222, 228, 220]);
    for (let i = 0; i < 4; i++) cv.rect(180, 270 + i * 66, 560 + (i % 2) * 200, 296 + i * 66, [186, 196, 190]);
    cv.rect(1080, 240, 1640, 560, [150, 170, 180]); // window
    cv.vgradient(1100, 260, 1620, 540, [200, 220, 232], [170, 196, 210]);
    cv.rect(1355, 260, 1365, 540, [150, 170, 180]);
    cv.rect(0, 600, WIDTH, 780, [150, 104, 70]); // counter
    cv.rect(0, 600, WIDTH, 624, [186, 140, 100]);
    for (const x of [260, 760, 1260]) {
      cv.rect(x, 900, x + 360, 930, [120, 82, 56]); // table top
      cv.rect(x + 30, 930, x + 50, 1120, [96, 66, 46]);
      cv.rect(x + 310, 930, x + 330, 1120, [96, 66, 46]);
      cv.polygon([[x + 20, 900], [x + 340, 900], [x + 300, 880], [x + 60, 880]], [140, 100, 70]);
    }
    for (const x of [300, 700, 1100, 1500]) {
      cv.rect(x - 2, 0, x + 2, 150, [90, 80, 70]);
      cv.polygon([[x - 70, 200], [x + 70, 200], [x + 30, 150], [x - 30, 150]], [70, 64, 58]);
      cv.disc(x, 210, 110, [255, 236, 190], 0.35, 90);
      cv.disc(x, 204, 20, [255, 246, 220], 1, 4);
    }
  },

  /** A row of old-brand shopfronts at dusk: awnings, lit windows, pavement. */
  '01-laodafang-shops.jpg'(cv) {
    const horizon = 880;
    landscape(cv, horizon, [120, 136, 170], [232, 196, 170], [132, 126, 122], [96, 92, 90]);
    const fronts = [
      { x0: 0, x1: 420, top: 300, wall: [206, 196, 178], awning: [150, 62, 56] },
      { x0: 420, x1: 860, top: 240, wall: [190, 176, 156], awning: [60, 96, 86] },
      { x0: 860, x1: 1320, top: 280, wall: [214, 204, 186], awning: [168, 120, 62] },
      { x0: 1320, x1: WIDTH, top: 220, wall: [198, 184, 166], awning: [92, 70, 110] },
    ];
    for (const f of fronts) {
      cv.rect(f.x0, f.top, f.x1, horizon, f.wall);
      cv.rect(f.x0, f.top, f.x1, f.top + 26, mix(f.wall, [0, 0, 0], 0.25)); // cornice
      windows(cv, f.x0 + 20, f.top + 50, f.x1 - 20, 560, 3, 2, mix(f.wall, [255, 255, 255], 0.35), [[90, 96, 110], [130, 134, 146]], { share: 0.5, top: [255, 214, 150], bottom: [236, 180, 112] });
      cv.rect(f.x0 + 30, 600, f.x1 - 30, 640, mix(f.wall, [0, 0, 0], 0.35)); // blank signboard
      cv.polygon([[f.x0 + 10, 660], [f.x1 - 10, 660], [f.x1 + 20, 730], [f.x0 - 20, 730]], f.awning);
      for (let x = f.x0 + 10; x < f.x1 - 10; x += 60) {
        cv.polygon([[x, 660], [x + 30, 660], [x + 34, 730], [x + 2, 730]], mix(f.awning, [255, 255, 255], 0.25));
      }
      cv.vgradient(f.x0 + 40, 740, f.x1 - 40, horizon, [255, 220, 160], [226, 170, 110]); // shop window
      cv.rect((f.x0 + f.x1) / 2 - 4, 740, (f.x0 + f.x1) / 2 + 4, horizon, mix(f.wall, [0, 0, 0], 0.3));
    }
    cv.rect(0, horizon, WIDTH, horizon + 20, [170, 164, 156]); // kerb
    for (let x = 0; x < WIDTH; x += 150) cv.rect(x, horizon + 20, x + 4, HEIGHT, [110, 106, 102], 0.5);
    for (const x of [200, 1100]) cv.disc(x, horizon + 160, 260, [255, 210, 150], 0.08, 200); // light on the pavement
  },
};

async function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, draw] of Object.entries(SCENES)) {
    const cv = new Canvas(WIDTH, HEIGHT);
    draw(cv);
    cv.vignette();
    const file = path.join(OUT_DIR, name);
    await sharp(cv.toBuffer(), { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
      .blur(1.2)
      .jpeg({ quality: QUALITY, chromaSubsampling: '4:2:0' })
      .toFile(file);
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
