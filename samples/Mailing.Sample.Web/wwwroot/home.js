// Sends the sample email a button names and shows the answer.
const form = document.getElementById("send");
const result = document.getElementById("result");
for (const button of document.querySelectorAll("button[data-email]")) {
  button.addEventListener("click", async () => {
    const query = new URLSearchParams({ to: form.to.value });
    if (form.culture.value) query.set("culture", form.culture.value);
    const response = await fetch(`/emails/${button.dataset.email}?${query}`, { method: "POST" });
    const body = await response.json();
    result.textContent = response.ok ? `Sent "${body.subject}" to ${body.to} via ${body.transport}.` : `${body.title}: ${body.detail}`;
  });
}
