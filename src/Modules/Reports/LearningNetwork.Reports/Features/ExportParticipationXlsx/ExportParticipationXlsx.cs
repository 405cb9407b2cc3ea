using System.Globalization;
using LearningNetwork.Reports.Features.Shared;
using MediatR;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace LearningNetwork.Reports.Features.ExportParticipationXlsx;

/// <summary>
/// The participation report as a workbook: a sheet per cluster and a sheet per type, numbers and
/// dates as typed cells, the header row frozen, columns wide enough to read. MiniExcel writes the
/// rows as they are enumerated into a temporary file (deleted when the answer is sent), which is
/// then streamed: the workbook is never held in memory, and the zip writer, which needs to write
/// synchronously, never writes to the response.
/// </summary>
internal sealed record ExportParticipationXlsx(string? Year) : IRequest<(string FileName, Stream Content)>;

internal sealed class ExportParticipationXlsxHandler(Participation participation, TimeProvider clock) : IRequestHandler<ExportParticipationXlsx, (string FileName, Stream Content)>
{
    public async Task<(string FileName, Stream Content)> Handle(ExportParticipationXlsx request, CancellationToken cancellationToken)
    {
        var report = await participation.BuildAsync(Participation.ParseYear(request.Year, clock.GetUtcNow()), cancellationToken);
        var sheets = new Dictionary<string, object>
        {
            ["Per cluster"] = report.Rows.Select(PerCluster),
            ["Per type"] = report.ByType().Select(PerType),
        };
        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            DynamicColumns =
            [
                new DynamicExcelColumn(ParticipationColumns.Names[0]) { Width = 40 },
                // "Type" heads a column on both sheets: one setting serves both.
                new DynamicExcelColumn(ParticipationColumns.Names[1]) { Width = 26 },
                new DynamicExcelColumn(ParticipationColumns.Names[10]) { Width = 14, Format = "yyyy-mm-dd" },
            ],
            FastMode = false,
        };
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await file.SaveAsAsync(sheets, configuration: configuration, cancellationToken: cancellationToken);
            file.Position = 0;
            return (string.Create(CultureInfo.InvariantCulture, $"participation-{report.Year}.xlsx"), file);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static Dictionary<string, object?> PerCluster(ParticipationRow r) => Cells(ParticipationColumns.Names,
        r.ClusterName, r.ClusterType, r.SessionsAttended, r.HoursAttended, r.SessionsAttendedPostFunding, r.HoursAttendedPostFunding,
        r.ManagersAttending, r.Enrollments, r.NoShows, r.AverageFeedback, r.LastAttended?.ToDateTime(TimeOnly.MinValue));

    private static Dictionary<string, object?> PerType(TypeRow r) => Cells(ParticipationColumns.TypeNames,
        r.ClusterType, r.Clusters, r.ClustersReached, r.PostFundingClustersReached, r.HoursAttended, r.HoursAttendedPostFunding,
        r.ManagersAttending, r.Enrollments, r.NoShows);

    private static Dictionary<string, object?> Cells(IReadOnlyList<string> names, params object?[] values) =>
        names.Zip(values).ToDictionary(p => p.First, p => p.Second);
}
