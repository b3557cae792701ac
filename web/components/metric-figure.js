// A metric's figure as the stats widget and the year in review show it: the number and its unit;
// for a metric given per option of a choice field, each option's share under it; for a
// most-frequent metric, the option's name with how many entries chose it.

import { h } from '../dom.js';
import { formatNumber } from '../format.js';
import { localized, t, unitGap, unitText } from '../i18n.js';

function numberWithUnit(value, unit) {
  return [h('span', { class: 'stat-value' }, formatNumber(value)),
    unit ? h('span', { class: 'stat-unit' }, unitGap(), unitText(unit)) : null];
}

export function metricFigure(metric) {
  if (metric.field && 'option' in metric) {
    if (!metric.option) return h('span', { class: 'stat-value' }, formatNumber(0));
    return [h('span', { class: 'stat-value stat-option' }, localized(metric.option.label, metric.option.id)),
      h('span', { class: 'stat-unit' }, ' ', t('metric.chosen', { count: formatNumber(metric.option.value) }))];
  }
  const options = metric.options ?? [];
  return [numberWithUnit(metric.value, metric.unit),
    options.length
      ? h('ul', { class: 'stat-options plain' }, options.map((option) =>
          h('li', { dataset: { option: option.id } },
            localized(option.label, option.id), ' ',
            formatNumber(option.value), metric.unit ? [unitGap(), unitText(metric.unit)] : null)))
      : null];
}
