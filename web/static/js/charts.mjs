// Charts for the dashboards, on Chart.js 4 (npm, served under /static/vendor/chart.js/).
// Chart.js ships its ES build with a bare import, which the browser cannot resolve without
// an inline import map (forbidden by our CSP), so its UMD build is loaded once as a plain
// script. Each chart sits in a card with a PNG download button; the PNG gets a white
// background (a transparent canvas looks broken in most image viewers).
import { el, icon } from './dom.mjs';
import { t } from './i18n.mjs';

const CHART_JS = '/static/vendor/chart.js/chart.umd.min.js';
// The app's palette: navy first, then colours that stay apart for the colour-blind.
export const PALETTE = ['#00529c', '#f5a623', '#2a9d8f', '#c0392b', '#6c5ce7', '#7f8c8d',
  '#16a085', '#d35400', '#8e44ad', '#2c3e50', '#27ae60', '#e84393'];
export const GRADE_COLOURS = ['#2a9d8f', '#f5a623', '#e67e22', '#d35400', '#c0392b'];

let loading = null;

export function loadChartJs() {
  if (globalThis.Chart) return Promise.resolve(globalThis.Chart);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = CHART_JS;
      script.addEventListener('load', () => resolve(globalThis.Chart));
      script.addEventListener('error', () => {
        loading = null;
        reject(new Error(t('dash.chart.load_failed')));
      });
      document.head.append(script);
    });
  }
  return loading;
}

const whiteBackground = {
  id: 'smedashWhiteBackground',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

function fileSafe(name) {
  return String(name).replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '') || 'chart';
}

export function downloadPng(chart, fileName) {
  const link = el('a', { attrs: { href: chart.toBase64Image('image/png', 1), download: `${fileSafe(fileName)}.png` } });
  document.body.append(link);
  link.click();
  link.remove();
}

// A chart card: a title, a PNG button and a canvas. Returns { card, draw(config), clear() }
// where draw replaces the chart shown; the button downloads the one on screen.
export function chartCard({ id, title, fileName, height = 'md' }) {
  const canvas = el('canvas', { attrs: { role: 'img', 'aria-label': title } });
  const button = el('button', {
    className: 'btn btn-sm btn-outline-secondary chart-png',
    attrs: { type: 'button', title: t('dash.chart.png_title'), disabled: true, 'data-chart-png': id },
  }, [icon('image'), el('span', { className: 'ms-1', text: 'PNG' })]);
  const heading = el('h2', { className: 'h6 mb-0 me-auto chart-title', text: title });
  const card = el('section', { className: 'card app-card h-100 chart-card', attrs: { id } }, [
    el('div', { className: 'card-header d-flex align-items-center gap-2' }, [heading, button]),
    el('div', { className: 'card-body' }, [el('div', { className: `chart-box chart-box-${height}` }, [canvas])]),
  ]);
  let chart = null;
  let name = fileName;
  button.addEventListener('click', () => {
    if (chart) downloadPng(chart, name);
  });
  return {
    card,
    setTitle(text, newFileName = text) {
      heading.textContent = text;
      canvas.setAttribute('aria-label', text);
      name = newFileName;
    },
    async draw(config) {
      const Chart = await loadChartJs();
      if (chart) chart.destroy();
      chart = new Chart(canvas, {
        ...config,
        plugins: [...(config.plugins || []), whiteBackground],
        options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options },
      });
      button.disabled = false;
      card.dataset.drawn = String(Number(card.dataset.drawn || 0) + 1);
      return chart;
    },
    clear() {
      if (chart) chart.destroy();
      chart = null;
      button.disabled = true;
    },
  };
}

// Tooltip and tick texts come from the exact strings: `labelFor(datasetIndex, index)`.
export function exactTooltip(labelFor) {
  return {
    callbacks: {
      label(context) {
        const text = labelFor(context.datasetIndex, context.dataIndex);
        const name = context.dataset.label;
        return name ? `${name}: ${text}` : text;
      },
    },
  };
}
