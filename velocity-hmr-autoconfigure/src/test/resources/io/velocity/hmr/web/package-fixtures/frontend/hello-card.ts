import { LitElement, html, css } from 'lit';

class HelloCard extends LitElement {
  static properties = { name: {} };

  static styles = css`span { color: rgb(255, 0, 0); }`;

  declare name: string;

  constructor() {
    super();
    this.name = 'nobody';
  }

  render() {
    return html`<span>Hello ${this.name}</span>`;
  }
}

if (!customElements.get('hello-card')) {
  customElements.define('hello-card', HelloCard);
}
