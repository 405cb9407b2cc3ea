namespace LearningNetwork.Host.Security;

/// <summary>
/// Settings without which the host refuses to start outside Development, rather than run with a
/// weaker default nobody chose (docs/operations.md, "Security and privacy"):
/// <list type="bullet">
/// <item>the data protection keys (they sign sign-in cookies, bearer tokens and the secrets in
/// queued emails) are stored in the database; without a certificate to encrypt them, a copy of
/// the database or of a backup is enough to forge a staff sign-in;</item>
/// <item>email is sent over TLS (<c>Smtp:Security</c> <c>StartTls</c> or <c>SslOnConnect</c>), since
/// invitation and reset emails carry sign-in links, unless <c>Smtp:AllowUnencrypted</c> says that
/// plain SMTP is intended (a relay on the same machine or a closed network).</item>
/// </list>
/// </summary>
internal static class ProductionSettings
{
    public const string CertificatePathSetting = "DataProtection:CertificatePath";
    public const string AllowUnencryptedSmtpSetting = "Smtp:AllowUnencrypted";

    public static void Check(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return;
        }

        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(configuration[CertificatePathSetting]))
        {
            problems.Add($"{CertificatePathSetting} is not set: outside Development the data protection keys must be encrypted with a certificate " +
                $"(a PKCS#12 file; its password in DataProtection:CertificatePassword), the same on every host.");
        }

        var security = configuration["Smtp:Security"] ?? "None";
        if (configuration.GetValue("Email:Enabled", true)
            && string.Equals(security, "None", StringComparison.OrdinalIgnoreCase)
            && !configuration.GetValue(AllowUnencryptedSmtpSetting, false))
        {
            problems.Add($"Smtp:Security is None: outside Development email goes over TLS (Smtp:Security StartTls or SslOnConnect), " +
                $"or set {AllowUnencryptedSmtpSetting}=true when plain SMTP is intended (a relay on this machine or a closed network).");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"The host does not start in the {environment.EnvironmentName} environment: " + string.Join(" ", problems) +
                " See docs/operations.md, \"Security and privacy\".");
        }
    }
}
