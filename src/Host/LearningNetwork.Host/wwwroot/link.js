// The pages behind the links in emails (activation, password reset, feedback): read the token
// from the address, post the form as JSON to the API, and show each field's error next to it.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-api]");
  const token = new URLSearchParams(location.search).get("token") || "";
  const status = document.getElementById("status");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    form.querySelectorAll(".error").forEach((e) => (e.textContent = ""));
    const body = { token };
    new FormData(form).forEach((value, key) => (body[key] = key === "rating" ? Number(value) : value));
    const response = await fetch(form.dataset.api, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    if (response.ok) {
      form.hidden = true;
      status.textContent = form.dataset.done;
      return;
    }
    const problem = await response.json().catch(() => ({}));
    const errors = problem.errors || {};
    let shown = false;
    for (const [field, messages] of Object.entries(errors)) {
      const slot = document.getElementById(field + "-error");
      if (slot) { slot.textContent = messages.join(" "); shown = true; }
    }
    status.textContent = shown ? "" : (problem.detail || problem.title || "Something went wrong.");
  });
});
