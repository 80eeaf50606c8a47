// The deal form: fields built from Settings, required markers that follow the chosen stage (the same
// rules the server enforces), inline errors next to each field, and the lost reason / competitor
// fields shown only when they apply.
import {
  EDITABLE,
  type DealInput,
  type EditableField,
  type FieldErrors,
  type FormRules,
  type SidebarModel,
} from '../src/shared/dealDto';
import { FIELD_BY_KEY } from '../src/shared/fields';
import { requiredFor } from '../src/shared/stageRules';
import { datePattern, dayInWords, readTypedDate } from '../src/shared/typedDate';
import { byId, el, fillSelect } from './dom';

type Kind = 'text' | 'email' | 'amount' | 'date' | 'select' | 'textarea';

const KINDS: Record<EditableField, Kind> = {
  deal: 'text',
  company: 'text',
  contact: 'text',
  email: 'email',
  owner: 'select',
  stage: 'select',
  amount: 'amount',
  closeDate: 'date',
  leadSource: 'select',
  industry: 'select',
  employees: 'amount',
  lostReason: 'select',
  competitor: 'text',
  nextStep: 'text',
  nextStepDate: 'date',
  notes: 'textarea',
};

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Builds the form's fields once, from the model's lists. */
export function buildFields(model: SidebarModel): void {
  const holder = byId('fields');
  holder.replaceChildren();
  for (const key of EDITABLE) {
    const id = `f-${key}`;
    const wrap = el('div', { class: 'field', id: `wrap-${key}` });
    const label = el('label', { for: id, id: `label-${key}` }, FIELD_BY_KEY[key].header);
    const kind = KINDS[key];
    let control: Control;
    if (kind === 'select') {
      control = el('select', { id, name: key });
    } else if (kind === 'textarea') {
      control = el('textarea', { id, name: key, rows: '3' });
    } else {
      // Dates are text, typed in the spreadsheet's order or ISO (a date input shows mm/dd/yyyy in
      // every locale); the day understood is echoed beside the field in words.
      control = el('input', {
        id,
        name: key,
        type: kind === 'amount' || kind === 'date' ? 'text' : kind,
        ...(kind === 'amount' ? { inputmode: 'decimal', autocomplete: 'off' } : {}),
        ...(kind === 'date' ? { autocomplete: 'off', placeholder: datePattern(model.rules.dayFirst) } : {}),
        ...(kind === 'email' ? { autocomplete: 'off' } : {}),
      });
      if (kind === 'date') control.addEventListener('input', () => echoDate(key, model.rules.dayFirst));
    }
    control.setAttribute('aria-describedby', `hint-${key} err-${key}`);
    const error = el('p', { class: 'error', id: `err-${key}` });
    const hint = el('p', { class: 'hint', id: `hint-${key}` });
    wrap.append(label, control, hint, error);
    holder.append(wrap);
  }
  const select = (key: EditableField) => byId<HTMLSelectElement>(`f-${key}`);
  fillSelect(
    select('stage'),
    model.rules.stages.map((s) => ({ value: s.name, label: s.name })),
    'Choose a stage',
  );
  fillSelect(
    select('owner'),
    model.owners.map((o) => ({ value: o.email, label: `${o.name} (${o.email})` })),
  );
  fillSelect(
    select('leadSource'),
    model.leadSources.map((v) => ({ value: v, label: v })),
  );
  fillSelect(
    select('industry'),
    model.industries.map((v) => ({ value: v, label: v })),
  );
  fillSelect(
    select('lostReason'),
    model.rules.lostReasons.map((r) => ({ value: r.name, label: r.name })),
    'Choose a reason',
  );
}

const control = (key: EditableField) => byId<Control>(`f-${key}`);

/** Puts a deal's values in the form (keeping values a select does not list as an extra option). */
export function fillForm(deal: DealInput, dayFirst: boolean): void {
  for (const key of EDITABLE) {
    const c = control(key);
    const value = deal[key];
    if (c instanceof HTMLSelectElement && value && ![...c.options].some((o) => o.value === value))
      c.append(el('option', { value }, `${value} (not in Settings)`));
    c.value = value;
    byId(`hint-${key}`).textContent = '';
    if (KINDS[key] === 'date') echoDate(key, dayFirst);
  }
}

/** The day a date field is understood as, in words ("Tue 13 Jan 2026"), or what is wrong with it. */
function echoDate(key: EditableField, dayFirst: boolean): void {
  const read = readTypedDate(control(key).value, dayFirst);
  byId(`hint-${key}`).textContent = !read.ok ? read.message : read.value ? dayInWords(read.value) : '';
}

/** The form's values as a DealInput (with the deal's id). */
export function readForm(id: string): DealInput {
  const out: Record<string, string> = { id };
  for (const key of EDITABLE) {
    const c = control(key);
    out[key] = c.value;
  }
  return out as unknown as DealInput;
}

/** Marks the fields the chosen stage requires, and shows lost-only fields when they apply. */
export function applyStageRules(rules: FormRules): void {
  const stage = rules.stages.find((s) => s.name === control('stage').value);
  const required = new Set<string>(stage ? requiredFor(stage, rules.stages) : []);
  required.add('deal');
  required.add('stage');
  const lost = stage?.type === 'Lost';
  if (lost) required.add('lostReason');
  const reason = rules.lostReasons.find((r) => r.name === control('lostReason').value);
  const needsCompetitor = lost && reason?.requiresCompetitor === true;
  if (needsCompetitor) required.add('competitor');
  for (const key of EDITABLE) {
    const c = control(key);
    const isRequired = required.has(key);
    c.setAttribute('aria-required', String(isRequired));
    byId(`label-${key}`).classList.toggle('required', isRequired);
  }
  // A reopened deal's reason stays in sight while it has one (the Check column flags it), so it can be cleared.
  byId('wrap-lostReason').hidden = !lost && control('lostReason').value === '';
  byId('wrap-competitor').hidden = !(needsCompetitor || (lost && control('competitor').value !== ''));
}

/** Shows errors next to their fields; focuses the first one and brings it into view. Returns its message. */
export function showErrors(errors: FieldErrors): string {
  let first: Control | null = null;
  let said = '';
  for (const key of EDITABLE) {
    const message = errors[key] ?? '';
    byId(`err-${key}`).textContent = message;
    control(key).setAttribute('aria-invalid', String(message !== ''));
    if (message && !first) [first, said] = [control(key), message];
  }
  byId('form-error').textContent = errors.form ?? '';
  if (first) {
    const wrap = first.closest('.field') as HTMLElement | null;
    if (wrap) wrap.hidden = false;
    first.focus();
    // In the middle of the view, never under the action bar that stays at the bottom.
    first.scrollIntoView({ block: 'center' });
  }
  return said || errors.form || '';
}
