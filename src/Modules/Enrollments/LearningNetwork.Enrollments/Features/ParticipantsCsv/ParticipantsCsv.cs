using System.Globalization;
using LearningNetwork.BuildingBlocks.Csv;
using LearningNetwork.Enrollments.Features.Shared;
using LearningNetwork.Enrollments.Persistence;
using MediatR;

namespace LearningNetwork.Enrollments.Features.ParticipantsCsv;

/// <summary>The participant list as a spreadsheet file, enrollment times in the session's zone.</summary>
internal sealed record ParticipantsCsv(Guid SessionId) : IRequest<(string FileName, byte[] Content)>;

internal sealed class ParticipantsCsvHandler(EnrollmentsDbContext db, IMediator mediator) : IRequestHandler<ParticipantsCsv, (string FileName, byte[] Content)>
{
    public async Task<(string FileName, byte[] Content)> Handle(ParticipantsCsv request, CancellationToken cancellationToken)
    {
        var session = await ParticipantList.SessionAsync(mediator, request.SessionId, cancellationToken);
        var participants = await ParticipantList.OfAsync(db, mediator, request.SessionId, cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(session.Session.TimeZone);
        var csv = new SpreadsheetCsv().Row(["Name", "Cluster", "Email", "Phone", "Status", "Waitlist position", "Attendance", "Enrolled at"]);
        foreach (var p in participants)
        {
            var enrolledAt = TimeZoneInfo.ConvertTimeFromUtc(p.EnrolledAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            csv.Row([p.FullName, p.ClusterName, p.Email, p.Phone ?? "", p.Status.ToString(), p.WaitlistPosition?.ToString(CultureInfo.InvariantCulture) ?? "", p.Attendance.ToString(), enrolledAt]);
        }

        var content = csv.ToBytes();
        var date = session.Session.StartLocal.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return ($"participants-{date}-{request.SessionId.ToString()[..8]}.csv", content);
    }
}
