using System.Globalization;
using LearningNetwork.BuildingBlocks.Csv;
using MediatR;

namespace LearningNetwork.LearningNetworks.Features.NetworkAttendanceCsv;

/// <summary>The attendance matrix as a spreadsheet: one column per meeting, the rate as a percentage with a decimal comma.</summary>
internal sealed record NetworkAttendanceCsv(Guid NetworkId) : IRequest<(string FileName, byte[] Content)>;

internal sealed class NetworkAttendanceCsvHandler(IMediator mediator) : IRequestHandler<NetworkAttendanceCsv, (string FileName, byte[] Content)>
{
    private static readonly CultureInfo Belgian = CultureInfo.GetCultureInfo("nl-BE");

    public async Task<(string FileName, byte[] Content)> Handle(NetworkAttendanceCsv request, CancellationToken cancellationToken)
    {
        var matrix = await mediator.Send(new NetworkAttendance.NetworkAttendance(request.NetworkId), cancellationToken);
        var csv = new SpreadsheetCsv().Row(
            ["Name", "Cluster", "Member", .. matrix.Meetings.Select(m => $"{m.StartLocal} {m.Title}"), "Attendance rate (%)"]);
        foreach (var member in matrix.Members)
        {
            csv.Row([
                member.FullName, member.ClusterName, member.IsMember ? "Yes" : "No",
                .. member.Marks.Select(m => m.ToString()),
                member.AttendanceRate is { } rate ? (rate * 100).ToString("0.#", Belgian) : "",
            ]);
        }

        return ($"attendance-{request.NetworkId.ToString()[..8]}.csv", csv.ToBytes());
    }
}
