// Small progressive enhancements; every page works without them.
document.addEventListener('submit', (event) => {
  // Irreversible actions ask first: the button carries the question.
  const question = event.submitter?.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});
document.addEventListener('click', async (event) => {
  const button = event.target.closest('[data-copy]');
  if (!button) return;
  const field = document.getElementById(button.dataset.copy);
  try { await navigator.clipboard.writeText(field.value); button.textContent = button.dataset.done || 'OK'; } catch { field.select(); }
});
