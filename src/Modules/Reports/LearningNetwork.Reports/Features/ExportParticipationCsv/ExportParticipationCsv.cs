using System.Globalization;
using LearningNetwork.BuildingBlocks.Csv;
using LearningNetwork.Reports.Features.Shared;
using MediatR;

namespace LearningNetwork.Reports.Features.ExportParticipationCsv;

/// <summary>The participation report as CSV for a Belgian spreadsheet: semicolons, decimal commas, dates as yyyy-MM-dd.</summary>
internal sealed record ExportParticipationCsv(string? Year) : IRequest<(string FileName, byte[] Content)>;

internal sealed class ExportParticipationCsvHandler(Participation participation, TimeProvider clock) : IRequestHandler<ExportParticipationCsv, (string FileName, byte[] Content)>
{
    private static readonly CultureInfo Belgian = CultureInfo.GetCultureInfo("nl-BE");

    public async Task<(string FileName, byte[] Content)> Handle(ExportParticipationCsv request, CancellationToken cancellationToken)
    {
        var report = await participation.BuildAsync(Participation.ParseYear(request.Year, clock.GetUtcNow()), cancellationToken);
        var csv = new SpreadsheetCsv().Row(ParticipationColumns.Names);
        foreach (var r in report.Rows)
        {
            csv.Row([
                r.ClusterName, r.ClusterType, Number(r.SessionsAttended), Number(r.HoursAttended), Number(r.SessionsAttendedPostFunding),
                Number(r.HoursAttendedPostFunding), Number(r.ManagersAttending), Number(r.Enrollments), Number(r.NoShows),
                r.AverageFeedback is { } average ? Number(average) : "", r.LastAttended?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            ]);
        }

        return (string.Create(CultureInfo.InvariantCulture, $"participation-{report.Year}.csv"), csv.ToBytes());
    }

    private static string Number(double value) => value.ToString("0.##", Belgian);
}
