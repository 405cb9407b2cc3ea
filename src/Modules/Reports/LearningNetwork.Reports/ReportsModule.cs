using LearningNetwork.BuildingBlocks.Mediation;
using LearningNetwork.Reports.Features.ExportParticipationCsv;
using LearningNetwork.Reports.Features.ExportParticipationXlsx;
using LearningNetwork.Reports.Features.GetEnrollmentCertificate;
using LearningNetwork.Reports.Features.GetNetworkCertificate;
using LearningNetwork.Reports.Features.GetParticipationReport;
using LearningNetwork.Reports.Features.ListMyCertificates;
using LearningNetwork.Reports.Features.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.Reports;

/// <summary>
/// Accountability: the yearly participation report with its exports, and certificates of
/// attendance. It stores nothing: every figure comes from the other modules' Contracts.
/// </summary>
public static class ReportsModule
{
    public static IServiceCollection AddReportsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMediatorHandlersFrom(typeof(ReportsModule).Assembly);
        services.AddScoped<Participation>();
        services.AddOptions<CertificateOptions>().BindConfiguration("Certificates");
        return services;
    }

    public static IEndpointRouteBuilder MapReportsModuleEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Reports and certificates");
        GetParticipationReportEndpoint.Map(api);
        ExportParticipationCsvEndpoint.Map(api);
        ExportParticipationXlsxEndpoint.Map(api);
        GetEnrollmentCertificateEndpoint.Map(api);
        GetNetworkCertificateEndpoint.Map(api);
        ListMyCertificatesEndpoint.Map(api);
        return app;
    }
}
