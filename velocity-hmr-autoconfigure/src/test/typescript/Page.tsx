export default function Page(props: { title: string }) {
  return <h1>{props.title}</h1>;
}
