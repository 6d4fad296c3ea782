export default function Footer() {
  return (
    <footer id="footer">
      <p>Edit <code>src/main/frontend/Counter.tsx</code> and save: the page updates in place. <a href="/about">About</a></p>
    </footer>
  );
}
