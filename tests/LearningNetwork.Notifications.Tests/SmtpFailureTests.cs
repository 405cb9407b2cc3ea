using System.Net;
using LearningNetwork.ApiClient;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Testing;
using SmtpServer.Protocol;

namespace LearningNetwork.Notifications.Tests;

/// <summary>What the send path does when the SMTP server says no, or is not there.</summary>
public sealed class SmtpFailureTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task A_temporary_refusal_is_retried_and_the_email_arrives_once()
    {
        var staff = await app.StaffApiAsync();
        app.Smtp.Refusal = new SmtpResponse(SmtpReplyCode.MailboxUnavailable - 100, "4.3.2 Try again later"); // 450
        string email;
        try
        {
            email = await InviteAsync(staff);
            var pending = await WaitForLogAsync(staff, email, e => e.LastError is not null);
            Assert.Contains("450", pending.LastError);
            Assert.Equal("Pending", pending.Status);
        }
        finally
        {
            app.Smtp.Refusal = null;
        }

        await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));
        var sent = await WaitForLogAsync(staff, email, e => e.Status == "Sent");
        await Task.Delay(1500);
        Assert.Single(app.Smtp.To(email));
        Assert.True(sent.Attempts >= 2);
    }

    [Fact]
    public async Task A_permanent_refusal_is_recorded_as_failed_and_not_retried()
    {
        var staff = await app.StaffApiAsync();
        app.Smtp.Refusal = SmtpResponse.MailboxUnavailable; // 550
        try
        {
            var email = await InviteAsync(staff);

            var failed = await WaitForLogAsync(staff, email, e => e.Status == "Failed");

            Assert.Equal(1, failed.Attempts);
            Assert.Contains("550", failed.LastError);
        }
        finally
        {
            app.Smtp.Refusal = null;
        }
    }

    [Fact]
    public async Task Staff_send_a_failed_email_again_once_the_cause_is_fixed_and_it_arrives_once()
    {
        var staff = await app.StaffApiAsync();
        app.Smtp.Refusal = SmtpResponse.MailboxUnavailable; // 550: failed at once
        string email;
        EmailView failed;
        try
        {
            email = await InviteAsync(staff);
            failed = await WaitForLogAsync(staff, email, e => e.Status == "Failed");
        }
        finally
        {
            app.Smtp.Refusal = null;
        }

        var resent = await staff.ResendEmailAsync(failed.Id).Expect(HttpStatusCode.OK);
        Assert.Equal("Pending", resent.Status);
        Assert.Equal(0, resent.Attempts);

        await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));
        var sent = await WaitForLogAsync(staff, email, e => e.Status == "Sent");
        Assert.Equal(1, sent.Attempts);

        // Sent means arrived: nothing to send again. And an id that names no email is a 404.
        await staff.ResendEmailAsync(failed.Id).ExpectProblem(HttpStatusCode.Conflict);
        await staff.ResendEmailAsync(Guid.NewGuid()).ExpectProblem(HttpStatusCode.NotFound);
        await Task.Delay(1500);
        Assert.Single(app.Smtp.To(email));
    }

    [Fact]
    public async Task Emails_queued_while_the_SMTP_server_is_down_arrive_once_it_is_back()
    {
        var staff = await app.StaffApiAsync();
        await app.Smtp.StopAsync();
        string email;
        try
        {
            email = await InviteAsync(staff);
            var waiting = await WaitForLogAsync(staff, email, e => e.LastError is not null);
            Assert.Equal("Pending", waiting.Status);
        }
        finally
        {
            app.Smtp.Start();
        }

        await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));
        await Task.Delay(1500);
        Assert.Single(app.Smtp.To(email));
    }

    [Fact]
    public async Task The_send_log_is_filtered_by_kind_status_and_recipient()
    {
        var staff = await app.StaffApiAsync();
        var email = await InviteAsync(staff);
        await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));

        var byRecipient = await staff.GetEmailsAsync(new EmailQuery(email.ToUpperInvariant(), Kind: "Invitation")).Expect(HttpStatusCode.OK);
        var none = await staff.GetEmailsAsync(new EmailQuery(email, Kind: "Reminder")).Expect(HttpStatusCode.OK);

        var entry = Assert.Single(byRecipient.Items);
        Assert.Equal(EmailKind.Invitation, entry.Kind);
        Assert.Equal(0, none.Total);
        await staff.GetEmailsAsync(new EmailQuery(Status: "Lost")).ShouldNameInvalidField("status");
    }

    [Fact]
    public async Task When_the_database_refuses_to_record_a_sent_email_the_untried_ones_go_back_at_once_not_after_their_lease()
    {
        // The database refuses to mark this test's emails sent (as a full disk would), and the
        // relay takes a while per message, so a batch stops after its first message or two.
        await app.Database.ExecuteAsync("""
            CREATE FUNCTION notifications.refuse_sent_mark() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$;
            CREATE TRIGGER refuse_sent_mark BEFORE UPDATE ON notifications.emails FOR EACH ROW
                WHEN (NEW.status = 'Sent' AND NEW.source_key LIKE 'mark-refused:%') EXECUTE FUNCTION notifications.refuse_sent_mark();
            """);
        app.Smtp.AcceptDelay = TimeSpan.FromMilliseconds(100);
        try
        {
            await DueEmails.InsertAsync(app.Database, "mark-refused", 20);
            await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address.StartsWith("mark-refused-", StringComparison.Ordinal)));
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        finally
        {
            app.Smtp.AcceptDelay = TimeSpan.Zero;
            await app.Database.ExecuteAsync("DROP TRIGGER refuse_sent_mark ON notifications.emails; DROP FUNCTION notifications.refuse_sent_mark();");
        }

        // Each failed batch gave its untried emails back, so once the database records again they
        // all arrive well within the two-minute lease (those sent but not recorded wait for it).
        await Eventually.TrueAsync(
            () => Task.FromResult(Enumerable.Range(1, 20).All(i => app.Smtp.To($"mark-refused-{i}@test.example").Count > 0)),
            TimeSpan.FromSeconds(30), "emails never handed to the relay waited for their lease");
    }

    private static async Task<string> InviteAsync(LearningNetworkApi staff)
    {
        var email = $"colleague-{Guid.NewGuid():N}@agency.example";
        await staff.InviteStaffAsync(email, "Els Vermeulen", "nl").Expect(HttpStatusCode.Created);
        return email;
    }

    private static async Task<EmailView> WaitForLogAsync(LearningNetworkApi staff, string recipient, Func<EmailView, bool> condition)
    {
        EmailView? found = null;
        await Eventually.TrueAsync(async () =>
        {
            var entries = (await staff.GetEmailsAsync(new EmailQuery(recipient)).Expect(HttpStatusCode.OK)).Items;
            if (entries.Count == 1 && condition(entries[0]))
            {
                found = entries[0];
                return true;
            }

            return false;
        }, TimeSpan.FromSeconds(30), $"the send log of {recipient} did not reach the expected state");
        return found!;
    }
}
