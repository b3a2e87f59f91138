// A minimal stand-in for the DOM the site's classic scripts use: elements with attributes,
// text and children, found by the exact selector strings the script asks for (no selector
// engine: a selector the test did not wire finds nothing, as on a page without such parts).

export class FakeElement {
  // ``found``: selector → the elements querySelector(All) gives for it.
  constructor(tag, attributes = {}, found = {}) {
    this.tagName = tag.toUpperCase();
    this.attributes = new Map(Object.entries(attributes).map(([k, v]) => [k, String(v)]));
    this.found = found;
    this.children = [];
    this.parentNode = null;
    this.textContent = "";
    this.hidden = false;
  }

  getAttribute(name) {
    return this.attributes.has(name) ? this.attributes.get(name) : null;
  }

  setAttribute(name, value) {
    this.attributes.set(name, String(value));
  }

  removeAttribute(name) {
    this.attributes.delete(name);
  }

  hasAttribute(name) {
    return this.attributes.has(name);
  }

  querySelector(selector) {
    return this.querySelectorAll(selector)[0] ?? null;
  }

  querySelectorAll(selector) {
    return this.found[selector] ?? [];
  }

  appendChild(child) {
    child.parentNode?.removeChild(child);
    child.parentNode = this;
    this.children.push(child);
    return child;
  }

  removeChild(child) {
    const at = this.children.indexOf(child);
    if (at < 0) throw new Error("removeChild: not a child of this element");
    this.children.splice(at, 1);
    child.parentNode = null;
    return child;
  }
}

// A document whose querySelectorAll gives, for each selector of ``found``, its elements.
export function fakeDocument(found = {}) {
  return { querySelectorAll: (selector) => found[selector] ?? [] };
}

// A Python float as Jinja writes it into an attribute (str(12.0) == "12.0").
export function pythonFloat(number) {
  return Number.isInteger(number) ? number.toFixed(1) : String(number);
}
