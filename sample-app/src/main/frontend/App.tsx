import Header from './Header';
import Counter from './Counter';
import Greeting from './Greeting';
import Footer from './Footer';
import TodoApp from './todos/TodoApp';

export default function App() {
  return (
    <div class="app">
      <Header title="Velocity HMR" />
      <main>
        <Counter />
        <Greeting name="Velocity" />
        <TodoApp />
      </main>
      <Footer />
    </div>
  );
}
