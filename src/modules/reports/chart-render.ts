import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { type ChartSpec, chartOption } from '../../lib/chart-spec.js';

// Charts of a report are drawn on the server from the same ChartSpec a page draws in the browser:
// ECharts' server-side SVG, then a PNG through resvg for the documents. resvg gets the Roboto files that
// pdfmake ships (Cyrillic included) and never the system's fonts: a fresh server has none, and a chart
// whose labels silently fall back to boxes is worse than no chart.

const require = createRequire(import.meta.url);
const ROBOTO_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
export const ROBOTO = {
  normal: join(ROBOTO_DIR, 'Roboto-Regular.ttf'),
  bold: join(ROBOTO_DIR, 'Roboto-Medium.ttf'),
  italics: join(ROBOTO_DIR, 'Roboto-Italic.ttf'),
  bolditalics: join(ROBOTO_DIR, 'Roboto-MediumItalic.ttf'),
};

export const CHART_SIZE = { width: 720, height: 360 };

/** The chart as an SVG document (ECharts SSR, no DOM). */
export function chartSvg(spec: ChartSpec, size = CHART_SIZE): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    const option = chartOption(spec);
    chart.setOption({
      ...option,
      // Only the embedded font exists where the PNG is drawn.
      textStyle: { fontFamily: 'Roboto' },
      tooltip: undefined,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The chart as a PNG at twice its size (sharp when printed). */
export function chartPng(spec: ChartSpec, size = CHART_SIZE): Buffer {
  const svg = chartSvg(spec, size);
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: size.width * 2 },
    background: '#ffffff',
    font: {
      fontFiles: [ROBOTO.normal, ROBOTO.bold],
      loadSystemFonts: false,
      defaultFontFamily: 'Roboto',
      sansSerifFamily: 'Roboto',
    },
  }).render();
  return png.asPng();
}
