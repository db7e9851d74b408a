// The directory page's form. Each field has its label; a refused field says why, next to it.
import type { Centre } from '../../../core/model.js';
import { LOCALES } from '../../../core/model.js';
import type { View } from '../view.js';
import { Csrf, Page } from './layout.js';

export type FieldErrors = Set<string>;

function Field(props: {
  view: View;
  name: string;
  values: Record<string, unknown>;
  errors: FieldErrors;
  type?: string;
  autocomplete?: string;
}) {
  const { view, name } = props;
  const value = props.values[name];
  const invalid = props.errors.has(name);
  return (
    <p class="field">
      <label for={`f-${name}`}>{view.t(`directory.${name}`)}</label>
      <input
        id={`f-${name}`}
        name={name}
        type={props.type ?? 'text'}
        value={typeof value === 'string' ? value : ''}
        autocomplete={props.autocomplete ?? 'off'}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? `e-${name}` : undefined}
      />
      {invalid ? (
        <span id={`e-${name}`} class="field-error">
          {view.t(`directory.invalid.${name}`)}
        </span>
      ) : (
        ''
      )}
    </p>
  );
}

export function DirectoryPage(props: {
  view: View;
  centre: Centre;
  values: Record<string, unknown>;
  errors: FieldErrors;
  saved: boolean;
}) {
  const { view, centre, values, errors } = props;
  const languages = Array.isArray(values.languages) ? values.languages : [values.languages];
  const field = (name: string, type?: string) => (
    <Field view={view} name={name} values={values} errors={errors} type={type} />
  );
  return (
    <Page view={view} title={view.t('directory.title')} section="directory">
      <p safe>{view.locale === 'ru' ? centre.nameRu : centre.nameUk}</p>
      {props.saved ? (
        <p role="status" class="flash ok">
          {view.t('directory.saved')}
        </p>
      ) : (
        ''
      )}
      {errors.size > 0 ? (
        <p role="alert" class="flash error">
          {view.t('error.input')}
        </p>
      ) : (
        ''
      )}
      <form method="post" action="/console/directory" class="box">
        <Csrf view={view} />
        {field('phone', 'tel')}
        {field('email', 'email')}
        {field('addressUk')}
        {field('addressRu')}
        {field('hoursUk')}
        {field('hoursRu')}
        <fieldset>
          <legend>{view.t('directory.languages')}</legend>
          {LOCALES.map((l) => (
            <label>
              <input type="checkbox" name="languages" value={l} checked={languages.includes(l)} />{' '}
              {view.key(`specialist.language.${l}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit">{view.t('directory.save')}</button>
      </form>
    </Page>
  );
}
