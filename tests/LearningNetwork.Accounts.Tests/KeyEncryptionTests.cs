using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LearningNetwork.Testing;

namespace LearningNetwork.Accounts.Tests;

/// <summary>With a certificate configured, the data protection keys in the database are stored encrypted.</summary>
public sealed class KeyEncryptionTests(KeyEncryptionTests.CertificateApp app) : IClassFixture<KeyEncryptionTests.CertificateApp>
{
    [Fact]
    public async Task The_keys_are_stored_encrypted_with_the_certificate_and_sign_in_works()
    {
        using var staff = await app.StaffClientAsync();
        await (await staff.GetAsync("/api/me")).ShouldBe(HttpStatusCode.OK);

        var keys = await app.Database.ScalarAsync<string>("SELECT string_agg(xml, '') FROM accounts.data_protection_keys");
        Assert.Contains("<encryptedSecret", keys);
        Assert.Contains("EncryptedData", keys);
        Assert.DoesNotContain("<masterKey", keys);
    }

    /// <summary>The host with a throwaway self-signed certificate in a PFX file, as an operator would configure it.</summary>
    public sealed class CertificateApp : LearningNetworkApp
    {
        private readonly string _path = Path.Combine(Path.GetTempPath(), $"ln-dp-{Guid.NewGuid():N}.pfx");

        public CertificateApp()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=LearningNetwork data protection (test)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            File.WriteAllBytes(_path, certificate.Export(X509ContentType.Pkcs12, "test-password"));
        }

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = _path,
            ["DataProtection:CertificatePassword"] = "test-password",
        };

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            File.Delete(_path);
        }
    }
}
