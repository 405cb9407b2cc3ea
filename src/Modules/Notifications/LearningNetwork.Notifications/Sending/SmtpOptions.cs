namespace LearningNetwork.Notifications.Sending;

/// <summary>Configuration section "Smtp" (docs/operations.md, section 1).</summary>
internal sealed class SmtpOptions
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 2525;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>None, StartTls or SslOnConnect.</summary>
    public string Security { get; set; } = "None";

    public string From { get; set; } = "LearningNetwork <no-reply@learningnetwork.local>";

    /// <summary>Any spelling case; an unknown value stops the host at start (see the module's validation), never silently plain text.</summary>
    public static MailKit.Security.SecureSocketOptions SocketOptions(string security) => security.ToUpperInvariant() switch
    {
        "NONE" => MailKit.Security.SecureSocketOptions.None,
        "STARTTLS" => MailKit.Security.SecureSocketOptions.StartTls,
        "SSLONCONNECT" => MailKit.Security.SecureSocketOptions.SslOnConnect,
        _ => throw new InvalidOperationException($"Smtp:Security is '{security}'; use None, StartTls or SslOnConnect."),
    };

    public static bool IsKnownSecurity(string security) => security.ToUpperInvariant() is "NONE" or "STARTTLS" or "SSLONCONNECT";
}

/// <summary>Configuration section "Email": how this instance's sender works.</summary>
internal sealed class EmailSendingOptions
{
    /// <summary>False on instances that must not send (HTTP-only hosts).</summary>
    public bool Enabled { get; set; } = true;

    public int PollIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Emails sent over one SMTP connection before it is closed and the next batch claimed.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long a claimed email is reserved; past it, another sender takes it over (unknown outcome).</summary>
    public int LeaseSeconds { get; set; } = 120;

    public int MaxAttempts { get; set; } = 20;

    /// <summary>First retry delay; doubles with each attempt up to <see cref="MaxRetryDelaySeconds"/>.</summary>
    public int FirstRetryDelaySeconds { get; set; } = 10;

    public int MaxRetryDelaySeconds { get; set; } = 120;

    /// <summary>
    /// Days a finished email (sent, failed or skipped) stays in the send log (a year unless the
    /// agency agreed another period); 0 keeps them for ever. The send log holds personal data
    /// (addresses, names). At least 30: an email's row is also what keeps its cause from mailing twice.
    /// </summary>
    public int RetainDays { get; set; } = 365;

    public const int MinimumRetainDays = 30;
}
