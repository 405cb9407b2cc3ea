using System.Net;
using System.Text;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Templates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LearningNetwork.Notifications.Sending;

/// <summary>
/// Turns a send-log row into the MIME message: both parts, the headers docs/api.md lists
/// ("Emails"), and a stable Message-ID. Headers that depend on the email come from the values it
/// carries (its session; an unsubscribe token for announcements).
/// </summary>
internal sealed class EmailComposer(EmailTemplates templates, IDataProtectionProvider protection, IOptions<SmtpOptions> smtp, IConfiguration configuration)
{
    private readonly IDataProtector _secrets = protection.CreateProtector(EmailSecrets.ProtectionPurpose);

    public async Task<MimeMessage> ComposeAsync(Email email)
    {
        var values = new Dictionary<string, string>(email.Values)
        {
            ["name"] = email.RecipientName,
            ["baseUrl"] = (configuration["App:PublicBaseUrl"] ?? "http://localhost:5080").TrimEnd('/'),
        };
        foreach (var (key, value) in email.ProtectedValues)
        {
            values[key] = _secrets.Unprotect(value);
        }

        // A kind can have variants (the follow-up's missed-you text): Values["template"] names it.
        var template = values.GetValueOrDefault("template") ?? email.Kind.ToString();
        var rendered = await templates.RenderAsync(template, email.Language, values);
        var from = MailboxAddress.Parse(smtp.Value.From);
        var message = new MimeMessage
        {
            Subject = rendered.Subject,
            MessageId = email.MessageId(from.Domain),
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(email.RecipientName, email.Recipient));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-LearningNetwork-Kind", email.Kind.ToString());
        if (email.SessionId is { } sessionId)
        {
            message.Headers.Add("X-LearningNetwork-Session", sessionId.ToString());
        }

        if (values.TryGetValue(UnsubscribeValue.Key, out var unsubscribe))
        {
            // One-click unsubscribe (RFC 8058): mail programs POST List-Unsubscribe=One-Click to the
            // link, without a cookie; the mailto is for those that only write.
            var link = $"{values["baseUrl"]}/api/unsubscribe?token={Uri.EscapeDataString(unsubscribe)}";
            message.Headers.Add("List-Unsubscribe", $"<{link}>, <mailto:{from.Address}?subject=unsubscribe>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var body = new BodyBuilder { TextBody = Text(rendered), HtmlBody = Html(rendered, email.Language) };
        if (email.Values.TryGetValue("ics", out var ics))
        {
            // The session as a calendar item: same UID every time, SEQUENCE up after a reschedule, METHOD:CANCEL when it is off.
            var method = ics.Contains("METHOD:CANCEL", StringComparison.Ordinal) ? "CANCEL" : "PUBLISH";
            var attachment = body.Attachments.Add("session.ics", System.Text.Encoding.UTF8.GetBytes(ics), new ContentType("text", "calendar"));
            attachment.ContentType.Parameters.Add("method", method);
            attachment.ContentType.Charset = "utf-8";
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Text(RenderedEmail email)
    {
        var text = new StringBuilder();
        foreach (var paragraph in email.TextParagraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }

        if (email.ActionUrl is not null)
        {
            text.Append(email.ActionLabel).Append(":\n").Append(email.ActionUrl).Append("\n\n");
        }

        text.Append("-- \nLearningNetwork\n");
        return text.ToString();
    }

    private static string Html(RenderedEmail email, string language)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(language).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(email.Subject))
            .Append("</title></head><body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:600px;margin:0 auto;padding:16px\">");
        foreach (var paragraph in email.HtmlParagraphs)
        {
            html.Append("<p>").Append(paragraph).Append("</p>");
        }

        if (email.ActionUrl is not null)
        {
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(email.ActionUrl))
                .Append("\" style=\"display:inline-block;background:#00548f;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none\">")
                .Append(WebUtility.HtmlEncode(email.ActionLabel)).Append("</a></p>");
        }

        html.Append("<p style=\"color:#555;font-size:13px\">LearningNetwork</p></body></html>");
        return html.ToString();
    }
}
