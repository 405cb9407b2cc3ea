namespace LearningNetwork.Reports.Features.Shared;

/// <summary>Certificates:AgencyName: whose name certifies the attendance.</summary>
internal sealed class CertificateOptions
{
    public string AgencyName { get; set; } = "LearningNetwork";
}
