// A titled section of a page (the case page is built of them), labelled by its own heading.
import type { Children } from '@kitajs/html';

export const Box = (props: { id: string; title: string; children?: Children }) => (
  <section class="box" aria-labelledby={`${props.id}-h`}>
    <h2 id={`${props.id}-h`}>{props.title}</h2>
    {props.children}
  </section>
);
