// Building elements without HTML strings: every piece of text becomes a text node, so nothing a
// user typed can ever be read as markup.

// h('a', {href: '#/', class: 'nav'}, 'Home', child, [more, children])
//   props: `class`, `dataset` (object), `on` (object of event listeners), any other key becomes an
//   attribute (true → present, false/null/undefined → absent). Children: nodes, strings or
//   numbers (as text), arrays (flattened), null/false (skipped).
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  let initialValue;
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value == null || value === false) continue;
    if (key === 'on') {
      for (const [event, listener] of Object.entries(value)) element.addEventListener(event, listener);
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key === 'value' && 'value' in element) {
      initialValue = value;
    } else if (key === 'checked' || key === 'selected') {
      element[key] = Boolean(value);
      if (value) element.setAttribute(key, '');
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, children);
  // Set after the children: a <select> can only take the value of an option it already has.
  if (initialValue !== undefined) element.value = initialValue;
  return element;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

// An id unique within the page, for tying labels and hints to their inputs.
let sequence = 0;
export function uniqueId(prefix) {
  sequence += 1;
  return `${prefix}-${sequence}`;
}

// <option> elements from [value, text] pairs, with `selected` marking the current value.
export function options(pairs, selected) {
  return pairs.map(([value, text]) =>
    h('option', { value, selected: String(value) === String(selected ?? '') }, text),
  );
}
