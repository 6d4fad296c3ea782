type HeaderProps = { title: string };

export default function Header(props: HeaderProps) {
  return (
    <header id="header">
      <h1>{props.title}</h1>
      <p class="tagline">TypeScript compiled inside the JVM, hot-replaced on save.</p>
    </header>
  );
}
