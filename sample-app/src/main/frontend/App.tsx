import Header from './Header';
import Counter from './Counter';
import Greeting from './Greeting';
import Footer from './Footer';

export default function App() {
  return (
    <div class="app">
      <Header title="Velocity HMR" />
      <main>
        <Counter />
        <Greeting name="Velocity" />
      </main>
      <Footer />
    </div>
  );
}
