using System.Net;
using System.Text;

namespace Mailing.Sample.Web;

/// <summary>The home page: a button per sample email and a link to the dev inbox.</summary>
public static class HomePage
{
    public static IResult Render(IHostEnvironment environment)
    {
        var page = new StringBuilder("""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Mailing sample shop</title>
            <style>
              body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
              li { margin: 0.6rem 0; }
              code { background: #f2f4f6; padding: 0.1rem 0.3rem; border-radius: 3px; font-size: 0.85em; }
              button { cursor: pointer; }
              #result { font-weight: bold; }
            </style></head>
            <body>
            <h1>Mailing sample shop</h1>
            """);
        page.Append(environment.IsDevelopment()
            ? "<p>Every email goes to the <a href=\"/_mailing/\">dev inbox</a> in this process; nothing reaches a real mailbox. Its <a href=\"/_mailing/previews\">previews</a> render each email from its <code>[EmailPreview]</code> sample data in any culture.</p>"
            : "<p>Emails go through the configured transport (<code>Mailing:Transport</code>).</p>");
        page.Append("<form id=\"send\"><label>To <input name=\"to\" value=\"Ann Example &lt;ann@example.com&gt;\" size=\"32\"></label> <label>Culture <select name=\"culture\"><option value=\"\">the sample's</option><option>en-US</option><option>de-DE</option><option>fr-FR</option><option>ja-JP</option></select></label></form><ul>");
        foreach (var sample in SampleEmails.All)
        {
            page.Append($"<li><button data-email=\"{WebUtility.HtmlEncode(sample.Name)}\">Send</button> {WebUtility.HtmlEncode(sample.Description)} <code>curl -X POST localhost:5080/emails/{WebUtility.HtmlEncode(sample.Name)}</code></li>");
        }

        page.Append("</ul><p id=\"result\" role=\"status\"></p>");
        page.Append(Script);
        page.Append("</body></html>");
        return Results.Content(page.ToString(), "text/html; charset=utf-8");
    }

    // Sends the sample email a button names and shows the answer.
    private const string Script = """
        <script>
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
        </script>
        """;
}
