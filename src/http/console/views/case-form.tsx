// The pieces every casework form of the case page is built from: a form that posts in place with
// htmx (the whole case body is swapped) and plainly without JavaScript, and a labelled field that
// shows why it was refused, tied to its control by aria-describedby.
import type { Children } from '@kitajs/html';
import type { View } from '../view.js';
import type { CaseModel, FormName } from './case.js';
import { Csrf } from './layout.js';

export type Props = { view: View; model: CaseModel };

export const url = (model: CaseModel, name: string) => `/console/cases/${model.c.id}/${name}`;

/** Posts in place with htmx (the whole case body is swapped); a plain post without JavaScript. */
export function CaseForm(props: {
  model: CaseModel;
  to: string;
  id?: string;
  view: View;
  children?: Children;
}) {
  const action = url(props.model, props.to);
  return (
    <form
      id={props.id}
      method="post"
      action={action}
      hx-post={action}
      hx-target="#case-body"
      hx-select="#case-body"
      hx-swap="outerHTML"
    >
      <Csrf view={props.view} />
      {props.children}
    </form>
  );
}

/** What was typed into a refused form, else the default. */
export const typed = (model: CaseModel, form: FormName, name: string, fallback = '') =>
  model.form?.name === form ? (model.form.values[name] ?? '') : fallback;

/** Label, control and, when refused, the reason (tied to the control by aria-describedby). */
export function Field(props: {
  view: View;
  model: CaseModel;
  form: FormName;
  name: string;
  label: string;
  hint?: string;
  control: (attrs: Record<string, string | undefined>) => JSX.Element;
}) {
  const { view, model, form, name } = props;
  const id = `${form}-${name}`;
  const invalid = model.form?.name === form && model.form.errors.has(name);
  const described = [props.hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <p class="field">
      <label for={id}>{props.label}</label>
      {props.control({
        id,
        name,
        'aria-invalid': invalid ? 'true' : undefined,
        'aria-describedby': described || undefined,
      })}
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : (
        ''
      )}
      {invalid ? (
        <span class="field-error" id={`${id}-error`}>
          {view.t(`casework.invalid.${name}`)}
        </span>
      ) : (
        ''
      )}
    </p>
  );
}

export function Select(props: {
  attrs: Record<string, string | undefined>;
  options: { value: string; label: string }[];
  selected: string;
  empty?: string;
  required?: boolean;
}) {
  return (
    <select {...props.attrs} required={props.required}>
      {props.empty !== undefined ? <option value="">{props.empty}</option> : ''}
      {props.options.map((o) => (
        <option value={o.value} selected={o.value === props.selected}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export const labelled = (view: View, prefix: string, values: readonly string[]) =>
  values.map((value) => ({ value, label: view.key(`casework.${prefix}.${value.replace('.', '_')}`) }));
