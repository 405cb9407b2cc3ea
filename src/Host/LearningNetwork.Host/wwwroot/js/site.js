// Small progressive enhancements; every page works without them.
document.addEventListener('submit', (event) => {
  // Irreversible actions ask first: the button carries the question.
  const question = event.submitter?.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});
document.addEventListener('click', (event) => {
  if (event.target.closest('[data-print]')) window.print();
});
document.addEventListener('click', async (event) => {
  const button = event.target.closest('[data-copy]');
  if (!button) return;
  const field = document.getElementById(button.dataset.copy);
  try { await navigator.clipboard.writeText(field.value); button.textContent = button.dataset.done || 'OK'; } catch { field.select(); }
});
// After a refused form: the fields in error say so to assistive technology, and the focus goes to
// the summary of errors at the top, whose links lead to the fields.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('.field-validation-error[data-valmsg-for]').forEach((message, i) => {
    const field = document.getElementsByName(message.dataset.valmsgFor)[0];
    if (!field) return;
    message.id ||= `error-${i}`;
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', `${field.getAttribute('aria-describedby') || ''} ${message.id}`.trim());
  });
  // The API names fields in camelCase ("Form.title"), the form's ids are "Form_Title": match ignoring case,
  // else lead to the first control of that name (a group of checkboxes, say).
  const ids = [...document.querySelectorAll('main [id]')];
  document.querySelectorAll('#error-summary a[data-field]').forEach((link) => {
    const wanted = link.getAttribute('href').slice(1).toLowerCase();
    const name = link.dataset.field.toLowerCase();
    const field = ids.find((e) => e.id.toLowerCase() === wanted)
      || [...document.querySelectorAll('main [name]')].find((e) => e.getAttribute('name').toLowerCase() === name);
    if (field) { field.id ||= wanted; link.setAttribute('href', `#${field.id}`); }
  });
  document.getElementById('error-summary')?.focus();
});
document.addEventListener('click', (event) => {
  const link = event.target.closest('#error-summary a[href^="#"]');
  const field = link && document.querySelector(link.getAttribute('href'));
  if (field) { event.preventDefault(); field.focus(); field.scrollIntoView({ block: 'center' }); }
});
// At phone width the main menu folds behind its button (the stylesheet hides it while .folding is
// on the header and the button says it is closed). Without this script the menu stays open.
document.addEventListener('DOMContentLoaded', () => {
  const toggle = document.querySelector('.menu-toggle');
  if (!toggle) return;
  toggle.hidden = false;
  toggle.closest('.top').classList.add('folding');
  toggle.addEventListener('click', () => toggle.setAttribute('aria-expanded', toggle.getAttribute('aria-expanded') === 'true' ? 'false' : 'true'));
});
